"""The one object that turns the core session's plain events into Qt signals."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTranslator, Signal

from assistant import i18n

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


class LanguageBridge(QObject):
    """The core's `language_changed` event as a Qt signal: receivers that are destroyed are
    disconnected by Qt, so no dead window is ever called."""

    changed = Signal(str)


_language_bridge: LanguageBridge | None = None
_qt_translator: QTranslator | None = None


def qt_texts_in(language: str) -> None:
    """Qt's own words — Yes/No in message boxes, Cut/Copy/Paste in text boxes, the folder chooser's
    and print dialog's labels — in `language`: Qt's bundled catalog where it has one, else ours
    (ui/qt_words.py); English for English."""
    global _qt_translator
    from ui.qt_words import qt_translator

    app = QCoreApplication.instance()
    if app is None:
        return
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
    translator = qt_translator(language, app)
    if translator is not None:
        app.installTranslator(translator)
        _qt_translator = translator


def language_bridge() -> LanguageBridge:
    global _language_bridge
    if _language_bridge is None:
        _language_bridge = LanguageBridge()
        i18n.language_changed.connect(_language_bridge.changed.emit)
        _language_bridge.changed.connect(qt_texts_in)
        qt_texts_in(i18n.current_language())
    return _language_bridge
