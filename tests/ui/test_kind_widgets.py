"""The widgets of the new field kinds, used with the keyboard as a person would: each answer
reaches the core as raw input, and each control says what it is for. Data invented."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QGroupBox, QLineEdit, QListWidget, QRadioButton

from assistant.interview.validation import read_field
from assistant.procedures.loader import load_file
from tests.conftest import GALLERY
from tests.ui.typing import commit_text, type_text
from ui.widgets.field_block import FieldBlock


@pytest.fixture(scope="module")
def gallery():
    procedure, errors = load_file(GALLERY / "field_kinds.yaml")
    assert errors == []
    return procedure


def block_for(qtbot, field, raw=None):
    edits = []
    block = FieldBlock(field, raw, edits.append)
    qtbot.addWidget(block)
    block.show()
    block.activateWindow()
    qtbot.waitUntil(block.isActiveWindow)
    return block, edits


def test_yes_no_with_unknown_offers_three_radio_buttons(qtbot, gallery):
    block, edits = block_for(qtbot, gallery.field("card_unknown"))
    buttons = block.findChildren(QRadioButton)
    assert [b.accessibleName() for b in buttons] == ["はい", "いいえ", "わからない"]
    qtbot.keyClick(buttons[2], Qt.Key.Key_Space)
    assert edits[-1] == "unknown"
    assert block.findChild(QGroupBox).accessibleName().startswith("在留カードを持っていますか")


def test_down_on_an_unanswered_question_chooses_the_next_option_only(qtbot, gallery):
    """Down from the first option, nothing chosen yet: the second is chosen and focused, and the
    first never is (choosing it on the way showed or hid questions and the key was lost)."""
    block, edits = block_for(qtbot, gallery.field("card_unknown"))
    buttons = block.findChildren(QRadioButton)
    buttons[0].setFocus()
    qtbot.keyClick(buttons[0], Qt.Key.Key_Down)
    assert edits == [False] and buttons[1].isChecked() and QApplication.focusWidget() is buttons[1]
    qtbot.keyClick(buttons[1], Qt.Key.Key_Down)
    assert edits[-1] == "unknown" and QApplication.focusWidget() is buttons[2]


def test_the_pick_list_is_filtered_by_typing_and_chosen_with_the_keyboard(qtbot, gallery):
    block, edits = block_for(qtbot, gallery.field("disease"))
    box = block.findChild(QLineEdit, "filter_disease")
    options = block.findChild(QListWidget, "input_disease")
    assert box.accessibleName() == "特定疾病 – 一覧をしぼりこむ（名前の一部を入力）" and options.accessibleName() == "特定疾病"
    assert block.input.focus_target() is box
    commit_text(box, "リウマチ")
    shown = [options.item(i).text() for i in range(options.count()) if not options.item(i).isHidden()]
    assert shown == ["関節リウマチ"]
    assert block.input.count.text() == "4 件中 1 件を表示"
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is options
    qtbot.keyClick(options, Qt.Key.Key_Space)
    assert edits[-1] == "rheumatoid_arthritis"
    assert read_field(block.field, edits[-1]).value == "rheumatoid_arthritis"


def test_several_options_are_ticked_in_a_multiple_pick_list(qtbot, gallery):
    block, edits = block_for(qtbot, gallery.field("diseases"), ["als"])
    options = block.findChild(QListWidget, "input_diseases")
    assert [options.item(i).checkState() for i in range(3)] == [Qt.CheckState.Unchecked, Qt.CheckState.Unchecked,
                                                                Qt.CheckState.Checked]
    type_text(block.findChild(QLineEdit, "filter_diseases"), "cancer")   # no match in Japanese labels
    assert all(options.item(i).isHidden() for i in range(3))
    block.findChild(QLineEdit, "filter_diseases").clear()
    options.setFocus()
    options.setCurrentRow(0)
    qtbot.keyClick(options, Qt.Key.Key_Space)
    assert edits[-1] == ["cancer", "als"]


def test_the_bank_account_type_is_chosen_in_a_named_list(qtbot, gallery):
    raw = {"bank": "みずほ銀行", "branch": "渋谷支店", "account_type": "", "account_number": "123",
           "holder_kana": "ヤマダ　タロウ"}
    block, edits = block_for(qtbot, gallery.field("account"), raw)
    types = block.findChild(QComboBox, "input_account_account_type")
    assert types.accessibleName() == "振込先口座 – 預金種目"
    assert block.findChild(QLineEdit, "input_account_account_number").accessibleName() == "振込先口座 – 口座番号"
    assert [types.itemText(i) for i in range(types.count())] == ["（選んでください）", "普通", "当座"]
    block.findChild(QLineEdit, "input_account_branch").setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)      # Tab follows the screen
    assert QApplication.focusWidget() is types
    qtbot.keyClick(types, Qt.Key.Key_Down)
    assert edits[-1]["account_type"] == "ordinary" and edits[-1]["bank"] == "みずほ銀行"
    qtbot.keyClick(types, Qt.Key.Key_Tab)
    assert QApplication.focusWidget().objectName() == "input_account_account_number"
    result = read_field(block.field, edits[-1])
    assert result.ok and result.value["account_number"] == "0000123"


def test_a_stored_bank_account_shows_its_type(qtbot, gallery):
    block, _edits = block_for(qtbot, gallery.field("account"), {"account_type": "current"})
    assert block.findChild(QComboBox, "input_account_account_type").currentText() == "当座"


def test_the_account_number_is_padded_when_the_person_moves_on(qtbot, gallery):
    block, edits = block_for(qtbot, gallery.field("account"))
    number = block.findChild(QLineEdit, "input_account_account_number")
    commit_text(number, "１２３")
    qtbot.keyClick(number, Qt.Key.Key_Tab)
    assert number.text() == "0000123" and edits[-1]["account_number"] == "0000123"
