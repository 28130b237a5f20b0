"""The bar at the top of every page: text size, title, language, reading aloud, contrast and Help.

The text size control sits in the top-left corner in a fixed size, so after a click its buttons are
still under the pointer. When the bar does not fit on one row (large text, small screen) it
collapses into one row: the text size control, a 表示/View menu holding language, reading aloud,
voice settings and contrast, and Help. It only reports what the person asked for."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QFont, QFontMetrics
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QMenu, QPushButton, QWidget

from assistant import i18n
from assistant.i18n import _
from assistant.settings import ZOOM_STEPS
from ui.a11y import spoken_label
from ui.theme import MIN_TARGET
from ui.widgets.flow import FlowLayout
from ui.widgets.ruby import Label

#: the text size control's own size, the same at every zoom (points)
SIZE_CONTROL_POINTS = 16.0


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
        self.flow = FlowLayout(self)
        self.flow.setContentsMargins(0, 0, 0, 0)
        self.zoom = 100
        self._build_size_control()
        self.title = Label(self)
        self.title.setProperty("role", "app-title")
        # The language control is named in both languages: whoever cannot read one finds the other.
        self.language_label = Label("言語 / Language", self)
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language_label.setBuddy(self.language)
        self.language_box = QWidget(self)
        language_row = QHBoxLayout(self.language_box)
        language_row.setContentsMargins(0, 0, 0, 0)
        language_row.addWidget(self.language_label)
        language_row.addWidget(self.language)
        self.read = QPushButton(self)       # created in the order shown: the screen readers' order
        self.read.setObjectName("read_aloud")
        self.speech_settings = QPushButton(self)
        self.speech_settings.setObjectName("speech_settings")
        self.contrast = QPushButton(self)
        self.contrast.setObjectName("high_contrast")
        self.contrast.setCheckable(True)
        self.view = QPushButton(self)       # shown when the bar is collapsed
        self.view.setObjectName("view_menu")
        self.view.setMenu(self._build_menu())
        self.view.setVisible(False)
        self.help = QPushButton(self)
        self.help.setObjectName("help")
        self.end = QPushButton(self)     # shown on shared computers only
        self.end.setObjectName("end_session")
        self.end.setVisible(False)
        self.collapsed = False
        self._wide = (self.title, self.language_box, self.read, self.speech_settings, self.contrast)
        self._by_need = (self.title, self.read, self.contrast, self.speech_settings, self.language_box)
        for widget in (*self.size_control, *self._wide, self.view, self.help, self.end):
            self.flow.addWidget(widget)
        self._connect()

    def _build_size_control(self) -> None:
        # Three items of the bar's first row (they wrap only in a window narrower than ~420 px).
        self.smaller = QPushButton(self)
        self.smaller.setObjectName("smaller_text")
        self.size_label = Label(self)
        self.size_label.setObjectName("text_size_value")
        self.size_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.size_label.setMinimumHeight(MIN_TARGET)     # level with its buttons
        self.larger = QPushButton(self)
        self.larger.setObjectName("larger_text")
        font = QFont(self.font())
        font.setPointSizeF(SIZE_CONTROL_POINTS)
        self.size_control = (self.smaller, self.size_label, self.larger)
        for widget in self.size_control:
            widget.setFont(font)    # an explicit font: the application's text size does not change it

    def _build_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("view_menu_items")
        self.language_menu = menu.addMenu("言語 / Language")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in i18n.LANGUAGES.items():
            action = self.language_menu.addAction(name)
            action.setCheckable(True)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, c=code: self.language.setCurrentIndex(
                self.language.findData(c)))
            self.language_actions[code] = action
        self.read_action = menu.addAction("")
        self.read_action.triggered.connect(self.read_requested.emit)
        self.settings_action = menu.addAction("")
        self.settings_action.triggered.connect(self.settings_requested.emit)
        self.contrast_action = menu.addAction("")
        self.contrast_action.setCheckable(True)
        self.contrast_action.triggered.connect(lambda: self.contrast.setChecked(self.contrast_action.isChecked()))
        return menu

    def _connect(self) -> None:
        self.language.currentIndexChanged.connect(self._on_language_current_index_changed)
        self.smaller.clicked.connect(lambda: self.zoom_requested.emit(-1))
        self.larger.clicked.connect(lambda: self.zoom_requested.emit(1))
        self.contrast.toggled.connect(self.contrast_action.setChecked)
        self.contrast.toggled.connect(self.contrast_toggled.emit)
        self.help.clicked.connect(self.help_requested.emit)
        self.read.clicked.connect(self.read_requested.emit)
        self.speech_settings.clicked.connect(self.settings_requested.emit)
        self.end.clicked.connect(self.end_requested.emit)

    def show_settings(self, language: str, high_contrast: bool) -> None:
        self.language.blockSignals(True)
        self.language.setCurrentIndex(self.language.findData(language))
        self.language.blockSignals(False)
        if language in self.language_actions:
            self.language_actions[language].setChecked(True)
        self.contrast.blockSignals(True)
        self.contrast.setChecked(high_contrast)
        self.contrast.blockSignals(False)
        self.contrast_action.setChecked(high_contrast)

    def show_zoom(self, percent: int) -> None:
        """The current text size, shown between its buttons."""
        self.zoom = percent
        self.size_label.setText(_("Text size {percent} %").format(percent=percent))

    def retranslate_ui(self) -> None:
        self.title.setText(_("Tetsuzuki Assistant"))
        self.language.setAccessibleName("言語 / Language")
        self.smaller.setText(_("Smaller"))
        self.smaller.setAccessibleName(_("Smaller text"))
        self.smaller.setToolTip(_("Smaller text (Ctrl+Minus)"))
        self.smaller.setAccessibleDescription(_("Shortcut: Ctrl+Minus"))
        self.larger.setText(_("Larger"))
        self.larger.setAccessibleName(_("Larger text"))
        self.larger.setToolTip(_("Larger text (Ctrl+Plus)"))
        self.larger.setAccessibleDescription(_("Shortcut: Ctrl+Plus. Ctrl+0 returns to the normal size."))
        # wide enough for every size: the Larger button never moves when the number changes
        metrics = QFontMetrics(self.size_label.font())
        self.size_label.setFixedWidth(max(metrics.horizontalAdvance(_("Text size {percent} %").format(percent=p))
                                          for p in ZOOM_STEPS) + 8)
        self.show_zoom(self.zoom)
        self.contrast.setText(_("High contrast"))
        self.contrast.setAccessibleDescription(_("White text on black"))
        self.contrast_action.setText(_("&High contrast"))
        self.speech_settings.setText(_("Voice settings…"))
        self.speech_settings.setAccessibleDescription(_("Speed of reading aloud, reading each question, and which "
                                                        "voice reads each language"))
        self.settings_action.setText(_("&Voice settings…"))
        self.view.setText(_("&View ▾"))
        self.view.setAccessibleName(_("View"))
        self.view.setAccessibleDescription(_("Language, reading aloud, voice settings and high contrast"))
        self.help.setText(_("&Help"))
        self.end.setText(_("&End session (erase everything)"))
        for button in (self.help, self.end):
            button.setAccessibleName(spoken_label(button.text()))     # no "(H)" read aloud
        self.end.setAccessibleDescription(_("Erases this person's drafts and files from this shared computer."))
        self.show_reading(False)
        self._fit()

    def show_reading(self, reading: bool) -> None:
        """The same button starts and stops reading aloud; its text says which it will do."""
        self.read.setText(_("Stop reading (Esc)") if reading else _("Read aloud (F9)"))
        self.read.setAccessibleDescription(_("Reads this page aloud. F9 starts, Esc stops."))
        self.read_action.setText(_("Stop &reading (Esc)") if reading else _("&Read aloud (F9)"))

    # --- one row at any text size --------------------------------------------------------------

    def _row_width(self, widgets) -> int:
        return sum(widget.sizeHint().width() + self.flow.spacing() for widget in widgets)

    def _fit(self) -> None:
        """Keep the bar one row: move items into the View menu, the least needed first (the title,
        then reading aloud — F9 —, contrast, voice settings, language), until the rest fits."""
        if self.width() <= 0:
            return
        always = [*self.size_control, self.help] + ([self.end] if not self.end.isHidden() else [])
        shown = list(self._wide)
        for widget in self._by_need:
            menu = [self.view] if any(w not in shown for w in self._wide[1:]) else []
            if self._row_width(always + shown + menu) <= self.width():
                break
            shown.remove(widget)
        needs_menu = any(w not in shown for w in self._wide[1:])
        for widget in self._wide:
            if widget.isHidden() == (widget in shown):
                widget.setVisible(widget in shown)
        if self.view.isHidden() == needs_menu:
            self.view.setVisible(needs_menu)
        self.collapsed = needs_menu

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def event(self, event) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.ApplicationFontChange, QEvent.Type.FontChange, QEvent.Type.LayoutRequest):
            self._fit()
        return handled

    def _on_language_current_index_changed(self, index: int) -> None:
        code = self.language.itemData(index)
        if code in self.language_actions:
            self.language_actions[code].setChecked(True)
        self.language_chosen.emit(code)
