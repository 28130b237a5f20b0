"""Keyboard only: from the procedure list to the exported files with Tab, arrows, Space, Enter
and typing into whatever has the focus — no clicks, no focusing by the test."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.e2e.keyboard import choose, fill, focused, key
from tests.ui.typing import type_text

pytestmark = pytest.mark.e2e


def test_keyboard_only_from_the_list_to_the_files(qtbot, window):
    window.activateWindow()
    window.home.search.setFocus()              # where the window puts the cursor at start
    type_text(focused(), "juminhyo")
    key(qtbot, Qt.Key.Key_Return)
    assert focused().objectName() == "applicant_self"     # who applies: the resident, preselected
    key(qtbot, Qt.Key.Key_Return)
    choose(qtbot, "option_relationship_household")
    key(qtbot, Qt.Key.Key_Return)
    for part, text in (("family", "山田"), ("given", "太郎"), ("family_kana", "ヤマダ"), ("given_kana", "タロウ")):
        fill(qtbot, f"input_applicant_name_{part}", text)
    fill(qtbot, "input_applicant_birth_date", "1970-03-01")
    fill(qtbot, "input_applicant_address_postal_code", "1000013")
    fill(qtbot, "input_applicant_address_block", "2-1-2")
    fill(qtbot, "input_applicant_phone", "0312345678")      # invalid: the focus comes back to it
    key(qtbot, Qt.Key.Key_Return)
    assert focused().objectName() == "input_applicant_phone"
    focused().selectAll()
    type_text(focused(), "0352532111")
    key(qtbot, Qt.Key.Key_Return)
    assert window.bridge.session.current_step.id == "subject"   # a household member: whose record
    for part, text in (("family", "山田"), ("given", "花子"), ("family_kana", "ヤマダ"), ("given_kana", "ハナコ")):
        fill(qtbot, f"input_subject_name_{part}", text)
    fill(qtbot, "input_subject_address_postal_code", "1000013")
    fill(qtbot, "input_subject_address_block", "2-1-2")
    key(qtbot, Qt.Key.Key_Return)
    choose(qtbot, "option_household_head_is_subject_false")
    key(qtbot, Qt.Key.Key_Return)
    choose(qtbot, "option_certificate_type_copy")
    choose(qtbot, "option_scope_whole_household")
    fill(qtbot, "input_copies", "1")
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_Return)                              # nothing extra on the copy
    choose(qtbot, "option_purpose_pension")
    key(qtbot, Qt.Key.Key_Return)
    assert window.bridge.session.at_review
    assert focused() is window.review.export
    key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.done, timeout=10000)
    assert focused() is window.done.print_pdf          # the main action: print, sign, bring
    assert window.done.result.pdf.exists()
    values = window.bridge.session.values()
    assert values["applicant_phone"] == "03-5253-2111"
    assert values["subject_address"]["town"] == "霞が関"
