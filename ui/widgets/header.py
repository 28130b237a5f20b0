"""The bar at the top of every page: title, language, text size, contrast and Help — always in
the same place. It only reports what the person asked for."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from assistant import i18n
from assistant.i18n import _
from ui.widgets.flow import FlowLayout


class HeaderBar(QWidget):
    language_chosen = Signal(str)
    zoom_requested = Signal(int)          # +1 larger, -1 smaller, 0 back to normal
    contrast_toggled = Signal(bool)
    help_requested = Signal()
    read_requested = Signal()
    end_requested = Signal()
    settings_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        flow = FlowLayout(self)
        flow.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self)
        self.title.setProperty("role", "app-title")
        # The language control is named in both languages: whoever cannot read one finds the other.
        self.language_label = QLabel("言語 / Language", self)
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language_label.setBuddy(self.language)
        language_box = QWidget(self)
        language_row = QHBoxLayout(language_box)
        language_row.setContentsMargins(0, 0, 0, 0)
        language_row.addWidget(self.language_label)
        language_row.addWidget(self.language)
        self.read = QPushButton(self)       # created in the order shown: the screen readers' order
        self.read.setObjectName("read_aloud")
        self.speech_settings = QPushButton(self)
        self.speech_settings.setObjectName("speech_settings")
        self.smaller = QPushButton(self)
        self.smaller.setObjectName("smaller_text")
        self.larger = QPushButton(self)
        self.larger.setObjectName("larger_text")
        self.contrast = QPushButton(self)
        self.contrast.setObjectName("high_contrast")
        self.contrast.setCheckable(True)
        self.help = QPushButton(self)
        self.help.setObjectName("help")
        self.end = QPushButton(self)     # shown on shared computers only
        self.end.setObjectName("end_session")
        self.end.setVisible(False)
        for widget in (self.title, language_box, self.read, self.speech_settings, self.smaller, self.larger,
                       self.contrast, self.help, self.end):
            flow.addWidget(widget)
        self.language.currentIndexChanged.connect(self._on_language_current_index_changed)
        self.smaller.clicked.connect(lambda: self.zoom_requested.emit(-1))
        self.larger.clicked.connect(lambda: self.zoom_requested.emit(1))
        self.contrast.toggled.connect(self.contrast_toggled.emit)
        self.help.clicked.connect(self.help_requested.emit)
        self.read.clicked.connect(self.read_requested.emit)
        self.speech_settings.clicked.connect(self.settings_requested.emit)
        self.end.clicked.connect(self.end_requested.emit)

    def show_settings(self, language: str, high_contrast: bool) -> None:
        self.language.blockSignals(True)
        self.language.setCurrentIndex(self.language.findData(language))
        self.language.blockSignals(False)
        self.contrast.blockSignals(True)
        self.contrast.setChecked(high_contrast)
        self.contrast.blockSignals(False)

    def retranslate_ui(self) -> None:
        self.title.setText(_("Tetsuzuki Assistant"))
        self.language.setAccessibleName("言語 / Language")
        self.smaller.setText(_("Smaller text"))
        self.smaller.setToolTip(_("Smaller text (Ctrl+Minus)"))
        self.smaller.setAccessibleDescription(_("Shortcut: Ctrl+Minus"))
        self.larger.setText(_("Larger text"))
        self.larger.setToolTip(_("Larger text (Ctrl+Plus)"))
        self.larger.setAccessibleDescription(_("Shortcut: Ctrl+Plus. Ctrl+0 returns to the normal size."))
        self.contrast.setText(_("High contrast"))
        self.contrast.setAccessibleDescription(_("White text on black"))
        self.speech_settings.setText(_("Voice settings…"))
        self.speech_settings.setAccessibleDescription(_("Speed of reading aloud, reading each question, and which "
                                                        "voice reads each language"))
        self.help.setText(_("&Help"))
        self.end.setText(_("&End session (erase everything)"))
        self.end.setAccessibleDescription(_("Erases this person's drafts and files from this shared computer."))
        self.show_reading(False)

    def show_reading(self, reading: bool) -> None:
        """The same button starts and stops reading aloud; its text says which it will do."""
        self.read.setText(_("Stop reading (Esc)") if reading else _("Read aloud (F9)"))
        self.read.setAccessibleDescription(_("Reads this page aloud. F9 starts, Esc stops."))

    def _on_language_current_index_changed(self, index: int) -> None:
        self.language_chosen.emit(self.language.itemData(index))
