"""“My saved details”: what is kept, one entry removed at a time, My Number never shown in full,
everything deleted only after saying yes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPushButton, QScrollArea, QWidget

from assistant import i18n
from assistant.drafts.profile import Profile
from assistant.settings import Settings
from ui import appearance
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


def test_each_saved_detail_is_shown_on_its_own_row(dialog, english):
    shown = dialog()
    assert shown.windowTitle() == "My saved details"
    assert "Kept encrypted on this computer" in shown.intro.text()
    assert list(shown.remove_buttons) == ["name", "birth_date", "sex", "address", "phone", "email", "my_number"]
    assert _shown_value(shown, "name") == "試験山 鉄子 シケンヤマ テツコ"
    assert _shown_value(shown, "address") == "1000013 東京都 千代田区 霞が関 2-1-2 試験荘101"
    assert _shown_value(shown, "birth_date") == "昭和45年3月1日"
    assert _shown_value(shown, "sex") == "Female"
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
    shown = dialog()
    qtbot.mouseClick(shown.delete_all, Qt.MouseButton.LeftButton)        # the confirmation's buttons too
    controls = [w for w in shown.findChildren(QWidget)
                if w.isVisibleTo(shown) and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isEnabled()]
    assert len(controls) >= 7 + 4
    names = []
    for widget in controls:
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface else ""
        assert name.strip(), f"{type(widget).__name__} {widget.objectName()!r} has no accessible name"
        names.append(name)
    assert len(names) == len(set(names))                                  # each Remove says what it removes


@pytest.mark.parametrize(("width", "zoom"), [(320, 100), (1280, 300)])
def test_reflows_without_sideways_scrolling_and_targets_are_big(qtbot, dialog, qapp, width, zoom):
    sheet, font, palette = qapp.styleSheet(), qapp.font(), qapp.palette()
    try:
        appearance.apply(qapp, Settings(zoom=zoom))
        shown = dialog()
        shown.resize(width, 800)
        qapp.processEvents()
        assert shown.width() == width
        assert shown.findChild(QScrollArea).horizontalScrollBar().maximum() == 0
        for button in shown.findChildren(QPushButton):
            if button.isVisibleTo(shown):
                assert button.height() >= MIN_TARGET and button.width() >= button.minimumSizeHint().width()
    finally:
        qapp.setStyleSheet(sheet)
        qapp.setFont(font)
        qapp.setPalette(palette)
