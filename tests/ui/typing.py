"""Type text the way a person (or a Japanese input method) does.

`qtbot.keyClicks` aborts the process on non-ASCII text (platform-notes §2), so Unicode is sent
as key events that carry text, or committed like an input method does.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` key by key into `widget` (which gets the focus first)."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def commit_text(widget: QWidget, text: str) -> None:
    """Commit `text` as a Japanese input method does after conversion."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
