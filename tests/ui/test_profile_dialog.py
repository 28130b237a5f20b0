"""“My saved details”: what is kept, one entry changed, added or removed at a time (with the real
question, in the dialog), My Number never shown in full and added only when kept, everything deleted
only after saying yes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QFrame, QLabel, QLineEdit, QPushButton,
                               QRadioButton, QScrollArea, QWidget)

from assistant import i18n
from assistant.i18n import _
from assistant.drafts.profile import Profile, check_value, profile_field
from assistant.interview.validation import field_label
from assistant.settings import Settings
from tests.ui.typing import commit_text, type_text
from ui import a11y, appearance
from ui.theme import MIN_TARGET
from ui.widgets.profile_dialog import ProfileDialog, display_value, meaning_label

NAME = {"family": "試験山", "given": "鉄子", "family_kana": "シケンヤマ", "given_kana": "テツコ"}
ADDRESS = {"postal_code": "1000013", "prefecture": "東京都", "city": "千代田区", "town": "霞が関",
           "block": "2-1-2", "building": "試験荘101"}
MY_NUMBER = "123456789018"
PROFILE = Profile({"name": NAME, "birth_date": "昭和45年3月1日", "sex": "female", "address": ADDRESS,
                   "phone": "090-1234-5678", "email": "tetsuko@example.jp", "my_number": MY_NUMBER},
                  keep_my_number=True)


@pytest.fixture
def dialog(qtbot):
    def make(profile: Profile = PROFILE) -> ProfileDialog:
        dialog = ProfileDialog(profile)
        qtbot.addWidget(dialog)
        dialog.resize(700, 900)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        return dialog
    return make


def _emitted(signal) -> list:
    seen: list = []
    signal.connect(lambda *args: seen.append(args))
    return seen


def _texts(dialog) -> list[str]:
    """Everything a person could see or hear: texts, titles, tooltips, accessible names and descriptions."""
    texts = [dialog.windowTitle()]
    for widget in [dialog] + dialog.findChildren(QWidget):
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is not None:
            texts += [interface.text(QAccessible.Text.Name), interface.text(QAccessible.Text.Description),
                      interface.text(QAccessible.Text.Value)]
    return texts


def _shown_value(dialog, meaning: str) -> str:
    return dialog.findChild(QLabel, f"value_{meaning}").text()


def _box(dialog, name: str) -> QLineEdit:
    return dialog.findChild(QLineEdit, name)


def _retype(qtbot, line: QLineEdit, text: str) -> None:
    """Select what the box holds and type over it, as a person does (ASCII only)."""
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(line, text)


def test_each_saved_detail_is_shown_on_its_own_row(dialog, english):
    shown = dialog()
    assert shown.windowTitle() == "My saved details"
    assert "Kept encrypted on this computer" in shown.intro.text()
    assert list(shown.remove_buttons) == ["name", "birth_date", "sex", "address", "phone", "email", "my_number"]
    # as the review shows answers (assistant.interview.record)
    assert _shown_value(shown, "name") == "試験山　鉄子（シケンヤマ　テツコ）"
    assert _shown_value(shown, "address") == "〒100-0013 東京都千代田区霞が関2-1-2　試験荘101"
    assert _shown_value(shown, "birth_date") == "1970年(昭和45年)3月1日"
    assert _shown_value(shown, "sex") == "Female（女）"
    assert _shown_value(shown, "email") == "tetsuko@example.jp"
    assert not shown.empty.isVisibleTo(shown)
    assert meaning_label("birth_date") == "Date of birth"
    labels = [label.text() for label in shown.findChildren(QLabel)]
    for meaning in ("Name", "Date of birth", "Sex", "Address", "Phone", "E-mail", "My Number"):
        assert meaning in labels


def test_my_number_is_only_ever_shown_masked(dialog):
    shown = dialog()
    assert _shown_value(shown, "my_number") == "**** **** 9018"
    texts = _texts(shown)
    assert not [t for t in texts if MY_NUMBER in t or "1234 5678" in t or "12345678" in t]
    assert display_value("my_number", "１２３４-５６７８-９０１８") == "**** **** 9018"   # as typed, full-width
    assert display_value("birth_date", "春ごろ") == "春ごろ"   # a saved detail that cannot be read: as typed


def test_remove_takes_that_detail_away_and_says_so(qtbot, dialog, english):
    shown = dialog()
    remove = shown.remove_buttons["phone"]
    assert remove.accessibleName() == "Remove Phone"
    with qtbot.waitSignal(shown.profile_changed) as blocker:
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    (profile,) = blocker.args
    assert "phone" not in profile.values
    assert profile.values["email"] == "tetsuko@example.jp" and profile.keep_my_number
    assert "phone" not in shown.remove_buttons
    assert shown.findChild(QLabel, "value_phone") is None
    assert QApplication.focusWidget() is shown.remove_buttons["email"]   # the focus goes on to the next one
    assert shown.profile == profile


def test_removing_the_last_detail_shows_the_empty_state(qtbot, dialog, english):
    shown = dialog(Profile({"email": "tetsuko@example.jp"}))
    qtbot.mouseClick(shown.remove_buttons["email"], Qt.MouseButton.LeftButton)
    assert shown.empty.isVisibleTo(shown)
    assert QApplication.focusWidget() is shown.keep


def test_keeping_my_number_is_a_choice_and_turning_it_off_removes_the_number(qtbot, dialog):
    shown = dialog()
    assert shown.keep.isChecked()
    assert shown.keep_warning.text() in shown.keep.accessibleDescription()
    with qtbot.waitSignal(shown.profile_changed) as blocker:
        qtbot.mouseClick(shown.keep_row.label, Qt.MouseButton.LeftButton)   # the text ticks the box too
    (profile,) = blocker.args
    assert not profile.keep_my_number and "my_number" not in profile.values
    assert "my_number" not in shown.remove_buttons
    with qtbot.waitSignal(shown.profile_changed) as blocker:
        qtbot.mouseClick(shown.keep, Qt.MouseButton.LeftButton)
    assert blocker.args[0].keep_my_number


def test_delete_all_asks_first_and_no_keeps_everything(qtbot, dialog):
    shown = dialog()
    requested = _emitted(shown.delete_all_requested)
    qtbot.mouseClick(shown.delete_all, Qt.MouseButton.LeftButton)
    assert requested == [] and shown.confirmation.isVisibleTo(shown)
    assert QApplication.focusWidget() is shown.keep_them                 # the safe answer has the focus
    qtbot.mouseClick(shown.keep_them, Qt.MouseButton.LeftButton)
    assert requested == [] and not shown.confirmation.isVisibleTo(shown)
    assert len(shown.remove_buttons) == 7

    qtbot.mouseClick(shown.delete_all, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(shown.delete_all_requested):
        qtbot.mouseClick(shown.confirm_delete, Qt.MouseButton.LeftButton)
    assert shown.empty.isVisibleTo(shown) and not shown.remove_buttons


def test_with_nothing_saved_it_says_how_details_get_saved(dialog, english):
    shown = dialog(Profile())
    assert shown.empty.isVisibleTo(shown)
    assert shown.empty.text() == ("No details are saved yet. They are saved when you choose “Save my details” "
                                  "at the end of a form.")
    assert not shown.remove_buttons and not shown.keep.isChecked()


def test_close_closes(qtbot, dialog):
    shown = dialog()
    qtbot.mouseClick(shown.close_button, Qt.MouseButton.LeftButton)
    assert not shown.isVisible()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_control_has_an_accessible_name(qtbot, dialog, language):
    i18n.set_language(language)
    shown = dialog(Profile({**PROFILE.values, "sex": None}, keep_my_number=True))   # Sex can be added
    qtbot.mouseClick(shown.change_buttons["name"], Qt.MouseButton.LeftButton)   # the editor's controls too
    qtbot.mouseClick(shown.delete_all, Qt.MouseButton.LeftButton)        # the confirmation's buttons too
    controls = [w for w in shown.findChildren(QWidget)
                if w.isVisibleTo(shown) and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isEnabled()]
    assert shown.editor.save in controls and shown.add_buttons["sex"] in controls
    assert len(controls) >= 2 * 5 + 4 + 2 + 4 + 1
    names = []
    for widget in controls:
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface else ""
        assert name.strip(), f"{type(widget).__name__} {widget.objectName()!r} has no accessible name"
        names.append(name)
    assert len(names) == len(set(names))                                  # each Remove says what it removes


def _assert_reflows(shown, width: int) -> None:
    assert shown.width() == width
    assert shown.findChild(QScrollArea).horizontalScrollBar().maximum() == 0
    for button in shown.findChildren(QPushButton):
        if button.isVisibleTo(shown):
            assert button.height() >= MIN_TARGET and button.width() >= button.minimumSizeHint().width()
    for widget in shown.findChildren(QLineEdit) + shown.findChildren(QRadioButton) + shown.findChildren(QCheckBox):
        if widget.isVisibleTo(shown):
            assert widget.height() >= MIN_TARGET, f"{widget.objectName()} is {widget.height()}px high"


@pytest.mark.parametrize(("width", "zoom", "language"), [(320, 100, "ja"), (320, 100, "en"), (1280, 300, "ja")])
@pytest.mark.parametrize("meaning", ["name", "address", "sex"])
def test_reflows_without_sideways_scrolling_and_targets_are_big(qtbot, dialog, qapp, width, zoom, language,
                                                                meaning):
    i18n.set_language(language)
    sheet, font, palette = qapp.styleSheet(), qapp.font(), qapp.palette()
    try:
        appearance.apply(qapp, Settings(zoom=zoom))
        shown = dialog()
        shown.resize(width, 800)
        qapp.processEvents()
        _assert_reflows(shown, width)
        qtbot.mouseClick(shown.change_buttons[meaning], Qt.MouseButton.LeftButton)   # the editor open
        qapp.processEvents()
        assert shown.editor.isVisibleTo(shown)
        _assert_reflows(shown, width)
    finally:
        qapp.setStyleSheet(sheet)
        qapp.setFont(font)
        qapp.setPalette(palette)


# --- changing and adding details ------------------------------------------------------------------


def test_change_opens_the_real_question_in_the_dialog_prefilled(qtbot, dialog, english):
    shown = dialog()
    change = shown.change_buttons["phone"]
    assert change.accessibleName() == "Change Phone" and change.text() == "Change"
    qtbot.mouseClick(change, Qt.MouseButton.LeftButton)
    editor = shown.editor
    assert editor.window() is shown and editor.isVisibleTo(shown)                 # not another window
    assert shown.findChild(QFrame, "detail_phone").isAncestorOf(editor)          # under the detail it changes
    assert "電話番号" in editor.block.title.text()                                 # the forms' own question
    line = _box(shown, "input_profile_phone")
    assert QApplication.focusWidget() is line and line.text() == "090-1234-5678"
    assert editor.save.accessibleName() == "Save Phone" and editor.cancel.text() == "Cancel"
    assert "phone" not in shown.remove_buttons                                    # nothing to remove mid-change


def test_an_invalid_phone_is_refused_beside_the_box_and_nothing_typed_is_lost(qtbot, dialog, english):
    shown = dialog()
    emitted = _emitted(shown.profile_changed)
    qtbot.mouseClick(shown.change_buttons["phone"], Qt.MouseButton.LeftButton)
    line = _box(shown, "input_profile_phone")
    _retype(qtbot, line, "12")
    qtbot.mouseClick(shown.editor.save, Qt.MouseButton.LeftButton)
    assert emitted == [] and shown.profile == PROFILE                            # nothing saved
    error = shown.editor.block.error
    assert error.isVisibleTo(shown)
    assert error.text() == _("Error: {label}: {message}").format(                  # the cue, which, why
        label=field_label(profile_field('phone')), message=check_value('phone', '12')[0])
    assert shown.editor.block.isAncestorOf(error)                                 # shown beside the box
    assert error.text() in line.accessibleDescription()                           # and read with it
    assert QApplication.focusWidget() is line and line.text() == "12"             # the focus stays, the text too
    assert a11y.history[-1].startswith("Phone was not saved: ")
    assert _shown_value(shown, "phone") == "090-1234-5678"
    # correcting it takes the problem away as it is typed
    _retype(qtbot, line, "03-5253-2111")
    assert not error.isVisibleTo(shown)


def test_a_valid_phone_is_saved_shown_and_said(qtbot, dialog, english):
    shown = dialog()
    qtbot.mouseClick(shown.change_buttons["phone"], Qt.MouseButton.LeftButton)
    line = _box(shown, "input_profile_phone")
    _retype(qtbot, line, "03-5253-2111")
    with qtbot.waitSignal(shown.profile_changed) as blocker:
        qtbot.keyClick(line, Qt.Key.Key_Return)                                   # Enter saves, as Save does
    (profile,) = blocker.args
    assert profile.values["phone"] == "03-5253-2111"
    assert {k: v for k, v in profile.values.items() if k != "phone"} == \
        {k: v for k, v in PROFILE.values.items() if k != "phone"}
    assert shown.profile == profile and shown.isVisible()
    assert _shown_value(shown, "phone") == "03-5253-2111"
    assert shown.editor is None and shown.findChild(QFrame, "detail_editor") is None
    assert QApplication.focusWidget() is shown.change_buttons["phone"]           # back where the person was
    assert a11y.history[-1] == "Phone changed."


def test_cancel_and_escape_keep_the_saved_value(qtbot, dialog, english):
    shown = dialog()
    emitted = _emitted(shown.profile_changed)
    qtbot.mouseClick(shown.change_buttons["email"], Qt.MouseButton.LeftButton)
    _retype(qtbot, _box(shown, "input_profile_email"), "someone@example.jp")
    qtbot.keyClick(_box(shown, "input_profile_email"), Qt.Key.Key_Escape)        # closes the editor, not the dialog
    assert shown.isVisible() and shown.editor is None and emitted == []
    assert QApplication.focusWidget() is shown.change_buttons["email"]
    assert a11y.history[-1] == "E-mail not changed."
    qtbot.mouseClick(shown.change_buttons["email"], Qt.MouseButton.LeftButton)
    assert _box(shown, "input_profile_email").text() == "tetsuko@example.jp"    # what was cancelled is gone
    qtbot.mouseClick(shown.editor.cancel, Qt.MouseButton.LeftButton)
    assert emitted == [] and shown.profile == PROFILE


def test_typing_in_one_editor_survives_opening_another(qtbot, dialog):
    shown = dialog()
    qtbot.mouseClick(shown.change_buttons["phone"], Qt.MouseButton.LeftButton)
    _retype(qtbot, _box(shown, "input_profile_phone"), "03-5253")
    qtbot.mouseClick(shown.change_buttons["email"], Qt.MouseButton.LeftButton)
    assert _box(shown, "input_profile_phone") is None                             # one editor at a time
    qtbot.mouseClick(shown.editor.cancel, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(shown.change_buttons["phone"], Qt.MouseButton.LeftButton)
    assert _box(shown, "input_profile_phone").text() == "03-5253"


def test_the_name_is_changed_with_japanese_typed_or_converted(qtbot, dialog):
    shown = dialog()
    qtbot.mouseClick(shown.change_buttons["name"], Qt.MouseButton.LeftButton)
    boxes = {part: _box(shown, f"input_profile_name_{part}") for part in
             ("family", "given", "family_kana", "given_kana")}
    assert boxes["family"].text() == "試験山" and QApplication.focusWidget() is boxes["family"]
    for line in boxes.values():
        line.selectAll()
    type_text(boxes["family"], "山田")                                            # key by key
    commit_text(boxes["given"], "花子")                                           # as an input method commits
    commit_text(boxes["family_kana"], "ヤマダ")
    type_text(boxes["given_kana"], "ハナコ")
    with qtbot.waitSignal(shown.profile_changed) as blocker:
        qtbot.mouseClick(shown.editor.save, Qt.MouseButton.LeftButton)
    (profile,) = blocker.args
    assert profile.values["name"] == {"family": "山田", "given": "花子", "family_kana": "ヤマダ",
                                      "given_kana": "ハナコ"}
    assert _shown_value(shown, "name") == "山田　花子（ヤマダ　ハナコ）"
    assert QApplication.focusWidget() is shown.change_buttons["name"]


def test_a_name_without_its_reading_is_refused_at_the_reading(qtbot, dialog, english):
    shown = dialog()
    emitted = _emitted(shown.profile_changed)
    qtbot.mouseClick(shown.change_buttons["name"], Qt.MouseButton.LeftButton)
    kana = _box(shown, "input_profile_name_family_kana")
    kana.clear()
    qtbot.mouseClick(shown.editor.save, Qt.MouseButton.LeftButton)
    assert emitted == [] and QApplication.focusWidget() is kana                   # the part to fix
    assert _box(shown, "input_profile_name_family").text() == "試験山"


def test_a_birth_date_is_added_with_the_same_question(qtbot, dialog, english):
    shown = dialog(Profile({"name": NAME}))
    assert "birth_date" not in shown.change_buttons
    add = shown.add_buttons["birth_date"]
    assert add.accessibleName() == "Add Date of birth" and shown.add_heading.text() == "Add a detail"
    assert list(shown.add_buttons) == ["birth_date", "sex", "address", "phone", "email"]   # not My Number
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert shown.editor.heading.text() == "Add Date of birth"
    line = _box(shown, "input_profile_birth_date")
    assert QApplication.focusWidget() is line and line.text() == ""
    commit_text(line, "昭和45年3月1日")
    with qtbot.waitSignal(shown.profile_changed) as blocker:
        qtbot.mouseClick(shown.editor.save, Qt.MouseButton.LeftButton)
    (profile,) = blocker.args
    assert profile.values == {"name": NAME, "birth_date": "昭和45年3月1日"}
    assert _shown_value(shown, "birth_date") == "1970年(昭和45年)3月1日"
    assert "birth_date" not in shown.add_buttons
    assert QApplication.focusWidget() is shown.change_buttons["birth_date"]     # the new row's Change
    assert a11y.history[-1] == "Date of birth added."


def test_a_future_birth_date_is_not_added(qtbot, dialog):
    shown = dialog(Profile())
    emitted = _emitted(shown.profile_changed)
    qtbot.mouseClick(shown.add_buttons["birth_date"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(_box(shown, "input_profile_birth_date"), "2999-01-01")
    qtbot.mouseClick(shown.editor.save, Qt.MouseButton.LeftButton)
    assert emitted == [] and shown.editor.block.error.isVisibleTo(shown)
    assert shown.profile == Profile() and shown.empty.isVisibleTo(shown)


def test_sex_is_chosen_from_the_forms_options(qtbot, dialog, english):
    shown = dialog(Profile({"email": "tetsuko@example.jp"}))
    qtbot.mouseClick(shown.add_buttons["sex"], Qt.MouseButton.LeftButton)
    male = shown.findChild(QRadioButton, "option_profile_sex_male")
    qtbot.mouseClick(male, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(shown.profile_changed) as blocker:
        qtbot.keyClick(male, Qt.Key.Key_Return)
    assert blocker.args[0].values["sex"] == "male" and _shown_value(shown, "sex") == "Male（男）"


def test_an_address_is_filled_in_from_its_postal_code(qtbot, dialog):
    shown = dialog(Profile())
    qtbot.mouseClick(shown.add_buttons["address"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(_box(shown, "input_profile_address_postal_code"), "1000013")
    assert _box(shown, "input_profile_address_city").text() == "千代田区"
    qtbot.keyClicks(_box(shown, "input_profile_address_block"), "2-1-2")
    with qtbot.waitSignal(shown.profile_changed) as blocker:
        qtbot.mouseClick(shown.editor.save, Qt.MouseButton.LeftButton)
    assert blocker.args[0].values["address"] == {"postal_code": "1000013", "prefecture": "東京都",
                                                 "city": "千代田区", "town": "霞が関", "block": "2-1-2",
                                                 "building": ""}


def test_my_number_can_be_added_only_while_it_is_kept(qtbot, dialog, english):
    shown = dialog(Profile({"name": NAME}))
    assert "my_number" not in shown.add_buttons                                   # no way to add it
    assert shown.my_number_note.isVisibleTo(shown)
    assert "Also keep my My Number" in shown.my_number_note.text()              # and it says how
    qtbot.mouseClick(shown.keep, Qt.MouseButton.LeftButton)
    assert not shown.my_number_note.isVisibleTo(shown)
    emitted = _emitted(shown.profile_changed)
    qtbot.mouseClick(shown.add_buttons["my_number"], Qt.MouseButton.LeftButton)
    line = _box(shown, "input_profile_my_number")
    qtbot.keyClicks(line, "123456789012")                                         # wrong check digit
    qtbot.mouseClick(shown.editor.save, Qt.MouseButton.LeftButton)
    assert emitted == [] and shown.editor.block.error.isVisibleTo(shown)
    assert not [t for t in _texts(shown) if "123456789012" in t]                 # not even while typed
    _retype(qtbot, line, MY_NUMBER)
    with qtbot.waitSignal(shown.profile_changed) as blocker:
        qtbot.mouseClick(shown.editor.save, Qt.MouseButton.LeftButton)
    assert blocker.args[0].values["my_number"] == MY_NUMBER and blocker.args[0].keep_my_number
    assert _shown_value(shown, "my_number") == "**** **** 9018"


def test_turning_keeping_off_closes_a_my_number_editor(qtbot, dialog):
    shown = dialog()
    qtbot.mouseClick(shown.change_buttons["my_number"], Qt.MouseButton.LeftButton)
    _retype(qtbot, _box(shown, "input_profile_my_number"), "123456789018")
    assert not [t for t in _texts(shown) if MY_NUMBER in t]                       # the box is masked
    with qtbot.waitSignal(shown.profile_changed) as blocker:
        qtbot.mouseClick(shown.keep, Qt.MouseButton.LeftButton)
    assert "my_number" not in blocker.args[0].values
    assert shown.editor is None and _box(shown, "input_profile_my_number") is None
    assert "my_number" not in shown.add_buttons
