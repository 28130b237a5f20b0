"""The one object that turns the core session's plain events into Qt signals."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from assistant.interview.session import Session



class SessionBridge(QObject):
    step_changed = Signal()
    answer_changed = Signal(str)
    validation_failed = Signal(list)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        session.step_changed.connect(lambda _session: self.step_changed.emit())
        session.answer_changed.connect(self.answer_changed.emit)
        session.validation_failed.connect(self.validation_failed.emit)
