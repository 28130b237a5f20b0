"""The voice: "Read aloud" on every page, self-voicing (a question read when it gets the focus, a
new step, errors), and the voice settings. What is said comes from the core (assistant.speech);
`ui.speech.ReadAloud` makes and plays the audio off the UI thread; whether self-voicing is on is
the visit's (assistant.visit)."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from assistant.i18n import _
from assistant.visit import Visit
from ui.controllers.preferences import Preferences
from ui.controllers.screens import Screens
from ui.speech import QtPlayer, ReadAloud, default_speakers

log = logging.getLogger(__name__)


def _detect_screen_reader():
    from assistant.speech import detect

    return detect()


def field_block(widget: QWidget | None):
    """The question (FieldBlock) a widget belongs to, or None."""
    from ui.widgets.field_block import FieldBlock

    while widget is not None and not isinstance(widget, FieldBlock):
        widget = widget.parentWidget()
    return widget


class Voice(QObject):
    def __init__(self, visit: Visit, screens: Screens, preferences: Preferences, header, tasks,
                 make_speakers=None, make_player=None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.visit, self.screens, self.preferences, self.tasks = visit, screens, preferences, tasks
        settings = preferences.settings
        self.reader = ReadAloud(tasks, make_speakers or default_speakers, make_player or QtPlayer, self)
        self.reader.configure(settings.speech_rate, settings.voices)
        self.reader.failed.connect(screens.tell)
        self.reader.missing_voice.connect(screens.tell)
        self._voiced_block = None
        self.reader.started.connect(lambda _utterance: header.show_reading(True))
        self.reader.finished.connect(lambda: header.show_reading(False))
        header.read_requested.connect(self.read_page)
        header.settings_requested.connect(self.open_settings)
        preferences.restored.connect(self._on_settings_restored)
        screens.who_made.connect(lambda who: who.read_requested.connect(self.read_text))
        QApplication.instance().focusChanged.connect(self._on_app_focus_changed)

    @property
    def rate(self) -> float:
        return self.preferences.settings.speech_rate

    @property
    def screen_reader(self):
        return self.visit.screen_reader

    @property
    def self_voicing(self) -> bool:
        return self.visit.self_voicing

    @self_voicing.setter
    def self_voicing(self, on: bool) -> None:
        self.visit.self_voicing = on

    def detect(self) -> None:
        """Whether a screen reader runs (D-Bus, process list): in the background, at start."""
        self.tasks.run(_detect_screen_reader, self.on_screen_reader_detected,
                       lambda error: log.warning("screen reader detection failed: %s", type(error).__name__))

    def on_screen_reader_detected(self, detection) -> None:
        self.visit.screen_reader_detected(detection, self.preferences.settings.self_voicing)

    def _on_settings_restored(self, settings) -> None:
        self.reader.configure(settings.speech_rate, settings.voices)
        self.visit.reset_self_voicing(settings.self_voicing)

    # --- "Read aloud" -------------------------------------------------------------------------

    def read_page(self) -> None:
        """Read the page aloud (or stop, if it is being read)."""
        if self.reader.speaking:
            self.reader.stop()
            return
        from assistant import speech

        screens, rate, session = self.screens, self.rate, self.visit.session
        page = screens.current()
        if page is screens.step and session is not None:
            utterances = speech.read_page(session, rate)
        elif page is screens.review and session is not None:
            utterances = speech.read_review(session, rate)
        elif page is screens.done and screens.done.result is not None and session is not None:
            utterances = speech.read_export(session, screens.done.result, rate)
        elif page is screens.who:
            utterances = speech.read_assistance(screens.who.shown(), rate)
        else:
            chosen = screens.home.chosen_procedure()
            catalog = self.visit.catalog
            procedure = catalog.get(chosen) if chosen and catalog is not None and catalog.check(chosen) else None
            utterances = speech.read_home(procedure, screens.home.drafts.count(), rate)
        self.reader.read(utterances)

    def read_text(self, text: str, language: str) -> None:
        """A text in a given language, e.g. the statement in the resident's language."""
        from assistant.speech import voiced

        self.reader.read(voiced(text, language, self.rate))

    # --- self-voicing -------------------------------------------------------------------------

    def page_shown(self) -> None:
        """Who fills in, the done page: with self-voicing, the new page is read as "Read aloud" would."""
        if self.self_voicing:
            self.reader.stop()
            self.read_page()

    def step_changed(self) -> None:
        """A new step: where the person is, then the question that has the focus."""
        if not self.self_voicing:
            return
        from assistant import speech

        session = self.visit.session
        if session.at_review:
            self.reader.read(speech.read_review(session, self.rate))
            return
        block = self._voiced_block = field_block(QApplication.focusWidget())
        field = speech.read_field(session, block.path, self.rate) if block is not None else []
        self.reader.read(speech.read_step(session, self.rate) + field)

    def validation_failed(self, errors: list) -> None:
        if self.self_voicing and errors:
            # once the page has moved the focus to the first answer to fix: the errors, then that question
            QTimer.singleShot(0, lambda: self._voice_errors(errors))

    def _voice_errors(self, errors: list) -> None:
        from assistant import speech

        if self.visit.session is None:
            return
        block = self._voiced_block = field_block(QApplication.focusWidget())
        field = speech.read_field(self.visit.session, block.path, self.rate) if block is not None else []
        self.reader.read(speech.read_errors(errors, self.rate) + field)

    def _on_app_focus_changed(self, _old, new) -> None:
        """Read a question when the focus comes to it (not again for each of its parts)."""
        if not self.self_voicing or self.visit.session is None or self.screens.current() is not self.screens.step:
            return
        block = field_block(new)
        if block is None or block is self._voiced_block:
            return
        from assistant import speech

        self._voiced_block = block
        self.reader.read(speech.read_field(self.visit.session, block.path, self.rate))

    # --- voice settings -----------------------------------------------------------------------

    def open_settings(self) -> None:
        """Speed, reading each question on focus, which voice reads each language."""
        from ui.widgets.flow import scrolling
        from ui.widgets.speech_settings import SpeechSettings
        from ui.widgets.text_dialog import fit_to_screen

        dialog = QDialog(self.screens.dialog_parent())
        dialog.setObjectName("settings_dialog")
        dialog.setWindowTitle(_("Voice settings"))
        layout = QVBoxLayout(dialog)
        panel = SpeechSettings(dialog)
        panel.set_screen_reader_running(bool(self.screen_reader and self.screen_reader.running))
        panel.set_values(self.rate, self.self_voicing, dict(self.preferences.settings.voices))
        layout.addWidget(scrolling(dialog, [panel]), 1)     # Close stays in view at any text size
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        panel.changed.connect(self._on_settings_changed)
        panel.test_requested.connect(self._on_test_requested)
        self.reader.describe(panel.show_voices)
        dialog.finished.connect(dialog.deleteLater)
        fit_to_screen(dialog)
        dialog.open()

    def _on_settings_changed(self, rate: float, self_voicing: bool, voices: dict[str, Any]) -> None:
        self.self_voicing = self_voicing
        self.reader.configure(rate, voices)
        settings = self.preferences.settings
        self.preferences.change(replace(settings, speech_rate=rate, self_voicing=self_voicing, voices=dict(voices)))

    def _on_test_requested(self, language: str) -> None:
        from ui.widgets.speech_settings import sample_sentence

        self.read_text(sample_sentence(language), language)
