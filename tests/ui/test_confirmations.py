"""Destructive confirmations keep things as they are unless Yes is chosen: No is the default
button and has the focus, so Enter (or a hurried key press) never deletes anything; and the home
page says first what the application makes, the drafts' key explanation only after the list."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.conftest import start_procedure


def _answer_with_enter(qtbot, seen: dict) -> QTimer:
    """Once the confirmation is open: note its default and focused buttons, then press Enter."""
    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            return
        timer.stop()
        box.activateWindow()
        seen["default"] = box.standardButton(box.defaultButton())
        focused = box.focusWidget()          # the box's own focus, whether or not the window is active
        seen["focused"] = box.standardButton(focused) if focused in box.buttons() else None
        seen["text"] = box.text()
        qtbot.keyClick(focused or box, Qt.Key.Key_Return)
        if box.isVisible():                  # never leave a test waiting on an open box
            box.button(QMessageBox.StandardButton.No).click()

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(20)
    return timer


def test_deleting_a_draft_defaults_to_no_and_enter_keeps_it(qtbot, window):
    qtbot.waitUntil(lambda: window.keeper.store is not None)
    start_procedure(window)
    window.bridge.session.next()                           # a step change saves the draft
    window.tasks.wait()
    window.keeper.refresh()
    window.flow.go_home()
    qtbot.waitUntil(lambda: window.home.drafts.count() == 1, timeout=5000)
    seen: dict = {}
    timer = _answer_with_enter(qtbot, seen)
    qtbot.mouseClick(window.home.delete, Qt.MouseButton.LeftButton)
    timer.stop()
    assert seen["default"] == QMessageBox.StandardButton.No and seen["focused"] == QMessageBox.StandardButton.No
    window.tasks.wait()
    window.keeper.refresh()
    qtbot.waitUntil(lambda: window.home.drafts.count() == 1, timeout=5000)   # still there


def test_ending_a_shared_session_defaults_to_no(qtbot, window, app_paths):
    seen: dict = {}
    timer = _answer_with_enter(qtbot, seen)
    window.drafts._on_header_end_requested()
    timer.stop()
    assert seen["default"] == QMessageBox.StandardButton.No and seen["focused"] == QMessageBox.StandardButton.No
    assert "消します" in seen["text"]
    assert window.draft_status.text() == ""                # nothing was erased


def test_home_says_what_the_application_makes_before_any_key_explanation(qtbot, window, english):
    window.home.show_drafts_note("This computer has no safe place to keep the key…", True)
    layout = window.home.scroll.widget().layout()       # the page's one scrolling area
    order = [layout.itemAt(i).widget() for i in range(layout.count()) if layout.itemAt(i).widget()]
    assert order.index(window.home.intro) < order.index(window.home.keys_box)
    assert order.index(window.home.list) < order.index(window.home.keys_box)
    assert "form as a PDF" in window.home.intro.text() and "print, sign" in window.home.intro.text()
    assert window.home.drafts_note.isVisibleTo(window.home)
