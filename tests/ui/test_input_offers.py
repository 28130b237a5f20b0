"""Corrections offered on the step page as buttons, never applied by themselves: a reading typed
whole into the family-name box, a postal code that lost its leading 0; and the address block
written half-width when the person moves on. All data invented."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton

from tests.ui.test_walkthrough import find, go_to_applicant
from tests.ui.typing import commit_text, type_text

SPLIT = "suggestion_applicant_name_family_kana,given_kana"


def test_a_whole_reading_in_the_family_box_is_offered_split_into_the_two_boxes(qtbot, window):
    go_to_applicant(qtbot, window)
    session = window.bridge.session
    family_kana = find(window, QLineEdit, "input_applicant_name_family_kana")
    commit_text(family_kana, "やまだ　たろう")
    feedback = find(window, QLabel, "feedback_applicant_name")
    assert "フリガナ全体「ヤマダ　タロウ」" in feedback.text() and "「タロウ」" in feedback.text()
    assert session.answers["applicant_name"]["family_kana"] == "やまだ　たろう"   # nothing applied yet
    use = find(window, QPushButton, SPLIT)
    assert "ヤマダ / タロウ" in use.text() and "請求者の氏名" in use.accessibleName()
    qtbot.keyClick(use, Qt.Key.Key_Space)
    assert family_kana.text() == "ヤマダ"
    assert find(window, QLineEdit, "input_applicant_name_given_kana").text() == "タロウ"
    assert session.values()["applicant_name"]["given_kana"] == "タロウ"
    assert QApplication.focusWidget() is find(window, QLineEdit, "input_applicant_name_given_kana")
    assert window.findChild(QPushButton, SPLIT) is None
    assert "フリガナ全体" not in feedback.text()


def test_a_postal_code_without_its_leading_zero_is_offered_with_it(qtbot, window):
    go_to_applicant(qtbot, window)
    session = window.bridge.session
    type_text(find(window, QLineEdit, "input_applicant_address_postal_code"), "600001")
    qtbot.mouseClick(window.step.next, Qt.MouseButton.LeftButton)
    assert session.current_step.id == "applicant"
    assert "060-0001は北海道札幌市中央区です" in window.step.summary.text()
    assert session.answers["applicant_address"]["postal_code"] == "600001"     # never changed silently
    use = find(window, QPushButton, "suggestion_applicant_address_postal_code")
    assert "060-0001" in use.text()
    qtbot.keyClick(use, Qt.Key.Key_Space)
    assert find(window, QLineEdit, "input_applicant_address_postal_code").text() == "060-0001"
    assert find(window, QLineEdit, "input_applicant_address_prefecture").text() == "北海道"   # and filled in
    assert find(window, QLineEdit, "input_applicant_address_city").text() == "札幌市中央区"


def test_the_address_block_becomes_half_width_when_the_person_moves_on(qtbot, window):
    go_to_applicant(qtbot, window)
    block = find(window, QLineEdit, "input_applicant_address_block")
    commit_text(block, "２ー１ー２")
    assert block.text() == "２ー１ー２"                 # nothing changes while typing
    qtbot.keyClick(block, Qt.Key.Key_Tab)
    assert block.text() == "2-1-2"
    assert window.bridge.session.answers["applicant_address"]["block"] == "2-1-2"


def test_a_phone_number_with_its_extension_is_accepted_and_shown_as_printed(qtbot, window):
    go_to_applicant(qtbot, window)
    commit_text(find(window, QLineEdit, "input_applicant_phone"), "03-5253-2111（内線123）")
    assert "03-5253-2111 内線123" in find(window, QLabel, "feedback_applicant_phone").text()
    assert window.bridge.session.values()["applicant_phone"] == "03-5253-2111 内線123"
