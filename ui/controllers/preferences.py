"""The person's display and voice settings: language, text size, contrast, voice — applied at once,
remembered in the background (not on a shared computer), put back by "End session"."""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from assistant import i18n
from assistant import settings as settings_store
from assistant.i18n import _
from assistant.paths import AppPaths
from assistant.settings import Settings
from ui import appearance
from ui.a11y import announce

log = logging.getLogger(__name__)


class Preferences(QObject):
    restored = Signal(object)     # Settings put back (the voice follows them)

    def __init__(self, settings: Settings, header, paths: AppPaths, tasks, *, shared_pc: bool = False,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings, self.header, self.paths, self.tasks, self.shared_pc = settings, header, paths, tasks, shared_pc
        self.centre = settings          # put back by "End session" on a shared computer
        header.show_settings(i18n.current_language(), appearance.resolved_theme(settings) == "high_contrast")
        header.language_chosen.connect(self.choose_language)
        header.zoom_requested.connect(self.zoom)
        header.contrast_toggled.connect(self.set_contrast)
        header.show_zoom(settings.zoom)

    def choose_language(self, language: str) -> None:
        i18n.set_language(language)
        self.change(replace(self.settings, language=language))

    def zoom(self, steps: int) -> None:
        """Larger (1), smaller (-1) or back to 100 % (0)."""
        changed = replace(self.settings, zoom=100) if steps == 0 else self.settings.zoomed(steps)
        if changed != self.settings:
            self.change(changed)
        announce(self.header, _("Text size {percent} %").format(percent=self.settings.zoom))

    def set_contrast(self, on: bool) -> None:
        self.change(replace(self.settings, theme="high_contrast" if on else "default"))

    def change(self, changed: Settings) -> None:
        """Apply at once, remember in the background (a small file, but disk never blocks the window).

        On a shared computer they are not remembered: a resident's text size, contrast, language or
        self-voicing say something about them; "End session" puts back the centre's settings."""
        self.settings = changed
        appearance.apply(QApplication.instance(), changed)
        self.header.show_zoom(changed.zoom)
        if self.shared_pc:
            return
        self._save(changed)

    def restore(self, settings: Settings) -> None:
        """The settings the window started with (language, size, contrast, voice)."""
        if settings.language in i18n.LANGUAGES:
            i18n.set_language(settings.language)
        self.change(settings)
        self.header.show_settings(i18n.current_language(), appearance.resolved_theme(settings) == "high_contrast")
        self.restored.emit(settings)

    def keep_size(self, width: int, height: int) -> None:
        """The window closes at this size: remembered for next time (not on a shared computer)."""
        if self.shared_pc:
            return
        self.settings = replace(self.settings, window_size=(width, height))
        self._save(self.settings)

    def _save(self, settings: Settings) -> None:
        folder = self.paths.config
        self.tasks.run(lambda: settings_store.save(folder, settings), lambda _result: None,
                       lambda error: log.warning("settings not saved: %s", type(error).__name__), serial=True)
