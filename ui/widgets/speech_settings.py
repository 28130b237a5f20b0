"""Reading-aloud settings: speed, self-voicing, and who reads each language (with a test button).

It only shows values and reports what the person changed (`changed`, `test_requested`); the
window keeps the settings, configures `ReadAloud` and fills the voice lines from
`ReadAloud.describe` (found off the UI thread).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from assistant.i18n import N_, _, translate
from assistant.settings import RATE_STEPS
from ui.theme import MIN_TARGET
from ui.widgets.flow import FlowLayout
from ui.widgets.inputs import OptionRow
from ui.widgets.ruby import Label

#: what "Test voice" reads, in the language being tested (translated into that language)
SAMPLE_SENTENCE = N_("This is the voice that reads this application aloud.")


def sample_sentence(language: str) -> str:
    """The sentence "Test voice" reads, in `language` (English when it has no translation)."""
    return translate(SAMPLE_SENTENCE, language)


def rate_text(rate: float) -> str:
    return f"{rate:g}"


def _wrapping(text: str, parent: QWidget, role: str = "") -> QLabel:
    label = Label(text, parent)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


class _VoiceRow(QWidget):
    """One language: who reads it (or why nobody can), the engine to choose, and a test button."""

    def __init__(self, line: Any, options: Sequence[tuple[str, str]], parent: QWidget) -> None:
        super().__init__(parent)
        from assistant.speech import language_name

        self.language = line.language
        self.name = language_name(line.language)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.message = _wrapping(line.message, self)
        self.message.setObjectName(f"voice_{line.language}")
        layout.addWidget(self.message)
        self.reasons = _wrapping("\n".join(line.reasons), self, "hint")
        self.details = _wrapping("\n".join(line.details), self, "hint")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        credit = line.voice.credit if line.voice is not None else ""
        self.credit = _wrapping(_("Voice credit: {credit}").format(credit=credit) if credit else "", self, "hint")
        for label in (self.reasons, self.details, self.credit):
            label.setVisible(bool(label.text()))
            layout.addWidget(label)
        controls = QWidget(self)
        flow = FlowLayout(controls)
        flow.setContentsMargins(0, 0, 0, 0)
        self.engine_label = _wrapping(_("Voice for {language}:").format(language=self.name), controls)
        self.engine = QComboBox(controls)
        self.engine.setObjectName(f"engine_{line.language}")
        for engine_name, display_name in options:
            self.engine.addItem(display_name, engine_name)
        self.engine.setCurrentIndex(max(0, self.engine.findData(line.engine)))
        self.engine_label.setBuddy(self.engine)
        several = len(options) > 1
        self.engine_label.setVisible(several)
        self.engine.setVisible(several)
        self.test = QPushButton(_("Test voice"), controls)
        self.test.setObjectName(f"test_voice_{line.language}")
        self.test.setEnabled(line.engine is not None)
        for widget in (self.engine_label, self.engine, self.test):
            flow.addWidget(widget)
        for widget in (self.engine, self.test):
            widget.setMinimumHeight(MIN_TARGET)
        layout.addWidget(controls)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.engine.setAccessibleName(_("Voice for {language}").format(language=self.name))
        self.engine.setAccessibleDescription(_("Choose which installed voice reads {language} aloud.")
                                             .format(language=self.name))
        self.test.setAccessibleName(_("Test the {language} voice").format(language=self.name))
        self.test.setAccessibleDescription(_("Reads a short sentence in {language} with this voice.")
                                           .format(language=self.name))


class SpeechSettings(QWidget):
    """Speed (0.5×–2.0× in steps of 0.25), self-voicing, and the voice for each language."""

    changed = Signal(float, bool, dict)    # (rate, self-voicing, {language: engine name})
    test_requested = Signal(str)           # a language code: read a short sentence in it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preferred: dict[str, str] = {}
        self._voices_shown = False
        layout = QVBoxLayout(self)
        self.heading = _wrapping("", self, "heading")
        self.speed_label = _wrapping("", self)
        self.speed = QSlider(Qt.Orientation.Horizontal, self)
        self.speed.setObjectName("speech_speed")
        self.speed.setRange(0, len(RATE_STEPS) - 1)       # an index into RATE_STEPS: only real steps
        self.speed.setSingleStep(1)
        self.speed.setPageStep(1)
        self.speed.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.speed.setMinimumHeight(MIN_TARGET)
        self.speed_label.setBuddy(self.speed)
        self.self_voicing = QCheckBox(self)
        self.self_voicing.setObjectName("self_voicing")
        self.self_voicing.setMinimumHeight(MIN_TARGET)
        self.self_voicing_row = OptionRow(self.self_voicing, "", "", self)   # its text wraps
        self.reader_note = _wrapping("", self, "hint")
        self.reader_note.setObjectName("screen_reader_note")
        self.reader_note.setVisible(False)
        self.voices_heading = _wrapping("", self)
        self.voices_note = _wrapping("", self, "hint")
        self.voices_box = QWidget(self)
        self.voices_layout = QVBoxLayout(self.voices_box)
        self.voices_layout.setContentsMargins(0, 0, 0, 0)
        self.rows: dict[str, _VoiceRow] = {}
        for widget in (self.heading, self.speed_label, self.speed, self.self_voicing_row, self.reader_note,
                       self.voices_heading, self.voices_note, self.voices_box):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.speed.valueChanged.connect(self._on_speed_value_changed)
        self.self_voicing.toggled.connect(self._on_self_voicing_toggled)
        self.set_values(1.0, False, {})
        self.retranslate_ui()

    # --- what the window sets -----------------------------------------------------------------

    def set_values(self, rate: float, self_voicing: bool, preferred: Mapping[str, str]) -> None:
        """Show saved values (no `changed` signal)."""
        self._preferred = dict(preferred)
        for widget in (self.speed, self.self_voicing):
            widget.blockSignals(True)
        self.speed.setValue(min(range(len(RATE_STEPS)), key=lambda i: abs(RATE_STEPS[i] - rate)))
        self.self_voicing.setChecked(self_voicing)
        for widget in (self.speed, self.self_voicing):
            widget.blockSignals(False)
        for language, row in self.rows.items():
            self._select(row, self._preferred.get(language))
        self._show_speed()

    def set_screen_reader_running(self, running: bool) -> None:
        """With a screen reader, self-voicing starts off: say so next to the check box."""
        self.reader_note.setVisible(running)

    def show_voices(self, lines: Sequence[Any], options: Mapping[str, Sequence[tuple[str, str]]]) -> None:
        """One row per `describe_voices` line; a choice of engine where several can speak it."""
        for row in self.rows.values():
            row.setParent(None)     # out of the window at once (deleteLater alone leaves it findable)
            row.deleteLater()
        self.rows = {}
        for line in lines:
            row = _VoiceRow(line, options.get(line.language, ()), self.voices_box)
            self._select(row, self._preferred.get(line.language))
            row.engine.currentIndexChanged.connect(lambda _index, row=row: self._on_row_engine_changed(row))
            row.test.clicked.connect(lambda _checked=False, language=line.language: self.test_requested.emit(language))
            self.voices_layout.addWidget(row)
            self.rows[line.language] = row
        self._voices_shown = True
        self.voices_note.setVisible(not lines)
        self.retranslate_ui()

    # --- what the person changes --------------------------------------------------------------

    def rate(self) -> float:
        return RATE_STEPS[self.speed.value()]

    def preferred(self) -> dict[str, str]:
        """The engines the person chose (languages left to the best available are not listed)."""
        return dict(self._preferred)

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Reading aloud"))
        self._show_speed()
        self.speed.setAccessibleDescription(_("From 0.5 times (slower) to 2 times (faster) the normal speed, "
                                              "in steps of 0.25. Use the arrow keys."))
        text = _("Read each question when it gets focus (self-voicing)")
        self.self_voicing_row.label.setText(text)
        self.self_voicing.setAccessibleName(text)
        self.self_voicing.setAccessibleDescription(_("When this is on, each question is read aloud as you "
                                                     "move to it. F9 reads the whole page; Esc stops."))
        self.reader_note.setText(_("A screen reader is running, so this is off unless you turn it on."))
        self.voices_heading.setText(_("Voices"))
        self.voices_note.setText(_("No voice was found on this computer.") if self._voices_shown
                                 else _("Looking for the voices on this computer…"))
        for row in self.rows.values():
            row.retranslate_ui()

    def _show_speed(self) -> None:
        text = _("Speed: {rate}×").format(rate=rate_text(self.rate()))
        self.speed_label.setText(text)
        self.speed.setAccessibleName(text)    # the slider's own value is a step number, not a speed
        self.speed.setToolTip(text)

    def _select(self, row: _VoiceRow, engine: str | None) -> None:
        index = row.engine.findData(engine) if engine else -1
        if index >= 0:
            row.engine.blockSignals(True)
            row.engine.setCurrentIndex(index)
            row.engine.blockSignals(False)

    def _on_speed_value_changed(self, _value: int) -> None:
        self._show_speed()
        self._emit_changed()

    def _on_self_voicing_toggled(self, _checked: bool) -> None:
        self._emit_changed()

    def _on_row_engine_changed(self, row: _VoiceRow) -> None:
        self._preferred[row.language] = row.engine.currentData()
        self._emit_changed()

    def _emit_changed(self) -> None:
        self.changed.emit(self.rate(), self.self_voicing.isChecked(), dict(self._preferred))
