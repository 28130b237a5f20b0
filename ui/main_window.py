"""The main window: the header, the pages, the status line, the keyboard shortcuts and Help. It
builds the visit (assistant.visit) and the controllers (ui/controllers/), which receive the visit
and the pages they need; no business rules and no flow here."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from assistant import i18n
from assistant.i18n import _
from assistant.paths import AppPaths
from assistant.settings import Settings
from assistant.visit import Visit
from ui.a11y import announce
from ui.bridge import language_bridge
from ui.furigana import Tidier, install, tidy
from ui.controllers.drafts import Drafts
from ui.controllers.export import Export
from ui.controllers.flow import Flow
from ui.controllers.preferences import Preferences
from ui.controllers.screens import Screens
from ui.controllers.voice import Voice
from ui.drafts import DraftKeeper, default_key_chooser
from ui.pages.export import ExportPage
from ui.pages.home import HomePage
from ui.pages.review import ReviewPage
from ui.pages.step import StepPage
from ui.wheel import WheelGuard
from ui.widgets.header import HeaderBar
from ui.widgets.ruby import Label

if TYPE_CHECKING:
    from assistant.procedures.catalog import Catalog

log = logging.getLogger(__name__)
DEFAULT_SIZE = (1280, 800)     # clipped to the screen: a large window for large text


class MainWindow(QMainWindow):
    def __init__(self, catalog: Catalog | None, paths: AppPaths, tasks, settings: Settings | None = None,
                 key_chooser=None, make_speakers=None, make_player=None, *, shared_pc: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths, self.tasks = paths, tasks
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.header = HeaderBar(central)
        layout.addWidget(self.header)
        self.language, self.help = self.header.language, self.header.help
        self.stack = QStackedWidget(central)
        self.home, self.step, self.review, self.done = HomePage(catalog), StepPage(), ReviewPage(), ExportPage()
        layout.addWidget(self.stack, 1)
        self.draft_status = Label(central)
        self.draft_status.setObjectName("draft_status")
        self.draft_status.setWordWrap(True)
        self.draft_status.setVisible(False)     # an empty label would still be in the accessibility tree
        layout.addWidget(self.draft_status)
        self.setCentralWidget(central)
        self.header.end.setVisible(shared_pc)
        self.screens = Screens(self.stack, self.home, self.step, self.review, self.done, self.draft_status)
        self.visit = Visit(catalog, shared_pc=shared_pc)
        self.preferences = Preferences(settings or Settings(language=i18n.current_language()), self.header,
                                       paths, tasks, shared_pc=shared_pc, parent=self)
        chooser = key_chooser or (lambda folder: default_key_chooser(folder, shared_pc))
        self.keeper = DraftKeeper(paths.data / "drafts", tasks, chooser, self)
        self.flow = Flow(self.visit, self.screens, self.keeper, self)
        self.voice = Voice(self.visit, self.screens, self.preferences, self.header, tasks, make_speakers,
                           make_player, self)
        self.reader = self.voice.reader
        self.export = Export(self.visit, self.flow, self.keeper, paths, tasks, self)
        self.drafts = Drafts(self.visit, self.flow, self.keeper, self.preferences, self.voice, self.header,
                             paths, tasks, self)
        self.flow.title_changed.connect(self.setWindowTitle)
        self.flow.page_shown.connect(self.voice.page_shown)
        self.flow.page_shown.connect(self._tidy)
        self.flow.step_changed.connect(self._tidy)
        self.flow.step_changed.connect(self.voice.step_changed)
        self.flow.validation_failed.connect(self.voice.validation_failed)
        self.header.help_requested.connect(self._on_help_clicked)
        self._add_shortcuts()
        language_bridge().changed.connect(self._on_language_changed)   # a method: disconnected with the window
        self.retranslate_ui()
        self.fit_to_screen()
        self._placed = False

    def _add_shortcuts(self) -> None:
        zoom = self.preferences.zoom
        for keys, steps in ((QKeySequence.StandardKey.ZoomIn, 1), (QKeySequence("Ctrl+="), 1),
                            (QKeySequence.StandardKey.ZoomOut, -1), (QKeySequence("Ctrl+0"), 0)):
            QShortcut(keys, self).activated.connect(lambda s=steps: zoom(s))
        for keys, slot in ((QKeySequence("F9"), self.voice.read_page), (QKeySequence("Esc"), self.reader.stop)):
            QShortcut(keys, self).activated.connect(slot)
        self.wheel = WheelGuard(self, zoom)
        QApplication.instance().installEventFilter(self.wheel)
        install()
        self.tidier = Tidier(self)      # やさしい日本語 on buttons, lists, titles: kana, never raw markup
        QApplication.instance().installEventFilter(self.tidier)

    # What the tests and the single-instance listener look at: the visit's state, by its old names.
    @property
    def catalog(self) -> Catalog | None:
        return self.visit.catalog

    @property
    def bridge(self):
        return self.flow.bridge

    @property
    def who(self):
        return self.screens.who

    @property
    def settings(self) -> Settings:
        return self.preferences.settings

    @settings.setter
    def settings(self, settings: Settings) -> None:
        self.preferences.settings = settings

    def fit_to_screen(self) -> None:
        """The remembered size (or 1280×800), never more than the screen's free area: a window taller
        than the screen hides its buttons below the bottom edge."""
        available = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        width, height = self.settings.window_size or DEFAULT_SIZE
        self.resize(min(width, available.width()), min(height, available.height()))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._placed:      # the first time only: then the frame (title bar) is known
            self._placed = True
            available = self.screen().availableGeometry()
            frame = self.frameGeometry()
            extra_w, extra_h = frame.width() - self.width(), frame.height() - self.height()
            if frame.width() > available.width() or frame.height() > available.height():
                self.resize(min(self.width(), available.width() - extra_w),
                            min(self.height(), available.height() - extra_h))
            if not available.contains(self.frameGeometry()):
                self.move(available.topLeft())

    def set_catalog(self, catalog: Catalog) -> None:
        """Show the procedures once they are loaded (the window appears before that), then the drafts."""
        self.visit.catalog = catalog
        self.home.set_catalog(catalog)
        self.keeper.start()
        self.voice.detect()

    def show_load_failure(self, error: Exception) -> None:
        log.warning("loading procedures failed: %s", type(error).__name__)
        message = _("The procedures could not be loaded. Restart the application; if it "
                    "happens again, ask the person who installed it.")
        self.home.broken.setText(message)
        self.home.broken.setVisible(True)
        announce(self.home.broken, message, assertive=True)

    def retranslate_ui(self) -> None:
        self.header.retranslate_ui()
        self.home.retranslate_ui()
        if self.who is not None:
            self.who.retranslate_ui()
        self.done.retranslate_ui()
        self.flow.retranslate()
        tidy(self)

    def _tidy(self, *_args) -> None:
        tidy(self)

    def _on_language_changed(self, _language: str) -> None:
        self.retranslate_ui()

    def closeEvent(self, event) -> None:
        self.reader.close()
        self.keeper.save_now()      # the last keystrokes, before the window goes
        if not self.isMaximized() and not self.isFullScreen():
            self.preferences.keep_size(self.width(), self.height())
        self.tasks.wait()
        super().closeEvent(event)

    def _on_help_clicked(self) -> None:
        from ui.widgets.text_dialog import TextDialog

        dialog = TextDialog(_("Help"), self.visit.help_text(), self)
        dialog.setObjectName("help_dialog")
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
