"""The PIN / passphrase dialog at large text sizes: every button label whole, the boxes in view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from assistant import i18n
from assistant.settings import Settings
from tests.ui.screens import fully_visible
from ui import appearance
from ui.widgets.passphrase import PassphraseDialog

EXPLANATION = "This computer has no safe place for the key that protects your drafts."


@pytest.fixture
def dialog(qtbot, qapp):
    before = i18n.current_language()
    i18n.set_language("fil")        # "Hindi ngayon": the longest "Not now" of the offered languages
    appearance.apply(qapp, Settings(zoom=300))
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(1280, 752)
    parent.show()
    shown = PassphraseDialog(True, EXPLANATION, parent)
    shown.open()
    qtbot.waitUntil(shown.isVisible)
    yield shown
    shown.reject()
    appearance.apply(qapp, Settings())
    i18n.set_language(before)


def _buttons(dialog):
    return dialog.ok, next(b for b in dialog.findChildren(type(dialog.ok)) if b is not dialog.ok and b.isVisible())


def _whole(button) -> bool:
    hint = button.minimumSizeHint()
    return button.width() >= hint.width() and button.height() >= hint.height() and fully_visible(button)


def test_at_300_percent_narrowed_to_its_minimum_the_buttons_stack_whole(qtbot, qapp, dialog):
    ok, not_now = _buttons(dialog)
    dialog.resize(dialog.minimumSizeHint().width(), 752)
    qtbot.waitUntil(lambda: ok.y() != not_now.y() and _whole(ok) and _whole(not_now))   # one under the other
    dialog.resize(1264, 752)
    qtbot.waitUntil(lambda: ok.y() == not_now.y() and _whole(ok) and _whole(not_now))   # side by side again
    qtbot.waitUntil(lambda: fully_visible(dialog.first))


def test_the_keyboard_is_unchanged_tab_order_enter_and_escape(qtbot, qapp, dialog):
    ok, not_now = _buttons(dialog)
    dialog.resize(dialog.minimumSizeHint().width(), 752)           # stacked
    qtbot.waitUntil(lambda: ok.y() != not_now.y())
    chain, widget = [], dialog.first
    for _ in range(4):
        chain.append(widget)
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisible():
            widget = widget.nextInFocusChain()
    assert chain == [dialog.first, dialog.second, ok, not_now]
    assert ok.isDefault()
    with qtbot.waitSignal(dialog.submitted) as submitted:
        dialog.first.setText("blue kettle")
        dialog.second.setText("blue kettle")
        qtbot.keyClick(dialog.second, Qt.Key.Key_Return)
    assert submitted.args == ["blue kettle"]
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.first, Qt.Key.Key_Escape)
