"""Dialogs that fit the screen at any text size: a text to read (Help) that scrolls, with its Close
button always in view — a message box grows past the bottom of a small screen at 300 %."""

from __future__ import annotations

from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget

from assistant.i18n import _
from ui.widgets.flow import scrolling
from ui.widgets.ruby import Label


def fit_to_screen(dialog: QWidget) -> None:
    """Never larger than the free area of the screen (a title bar's height left for the frame)."""
    available = (dialog.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    room = available.size().shrunkBy(QMargins(8, 24, 8, 24))
    dialog.setMaximumSize(room)     # it may grow later (a message appears), never past the screen
    hint = dialog.sizeHint()
    if hint.width() > room.width() or hint.height() > room.height():
        dialog.resize(hint.boundedTo(room))


class TextDialog(QDialog):
    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.text = Label(text)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)    # read with the keyboard, line by line
        self.text.setAccessibleName(title)
        self.text.setAccessibleDescription(text)
        layout.addWidget(scrolling(self, [self.text]), 1)
        self.close_button = QPushButton(_("Close"), self)
        self.close_button.setObjectName("close")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        fit_to_screen(self)
