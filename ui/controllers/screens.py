"""The window's pages as the controllers see them: the stack, the pages, the "who fills in" panel
(made when first needed) and the status line under them."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from assistant.events import Event
from ui.a11y import announce


class Screens:
    """The stacked pages (home, who, step, review, done) and the status line."""

    def __init__(self, stack: QStackedWidget, home, step, review, done, status: QLabel) -> None:
        self.stack, self.home, self.step, self.review, self.done = stack, home, step, review, done
        self.status = status
        self.who = None                 # "who is filling in", made when first needed
        self.who_made = Event()         # (AssistedPanel): connect to its signals
        for page in (home, step, review, done):
            stack.addWidget(page)

    def current(self) -> QWidget:
        return self.stack.currentWidget()

    def show(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(page)

    def who_panel(self):
        """The "who fills in" panel, second in the stack."""
        if self.who is None:
            from ui.widgets.assisted import AssistedPanel

            self.who = AssistedPanel()
            self.stack.insertWidget(1, self.who)
            self.who_made.emit(self.who)
        return self.who

    def dialog_parent(self) -> QWidget:
        """The top-level window the pages are in: dialogs belong to it."""
        return self.stack.window()

    def show_status(self, message: str) -> None:
        self.status.setText(message)
        self.status.setVisible(bool(message))   # an empty label would still be in the accessibility tree

    def tell(self, message: str) -> None:
        """A problem or news for the person: on the status line, announced at once."""
        self.show_status(message)
        announce(self.status, message, assertive=True)
