"""Start the application: Qt, the bundled font, the catalog of procedures, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from assistant import i18n
from assistant.paths import AppPaths
from ui.main_window import MainWindow
from ui.tasks import Tasks
from ui.theme import style_sheet

FONT_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"
BASE_POINT_SIZE = 14.0


def setup_application(app: QApplication) -> None:
    """Bundled BIZ UDGothic first (the same face as on paper), then the system's Japanese faces."""
    families = []
    for file in sorted(FONT_DIR.glob("BIZUDGothic-*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(file))
        families += QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    font = QFont()
    font.setFamilies(list(dict.fromkeys(families)) + ["Noto Sans CJK JP", "IPAexGothic"])
    font.setPointSizeF(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(style_sheet(BASE_POINT_SIZE))


def load_catalog(paths: AppPaths):
    # pydantic and the YAML files: the slowest part of starting, so it runs in a worker.
    from assistant.procedures.catalog import Catalog

    return Catalog.load(paths.procedure_dirs)


def build_window(paths: AppPaths, tasks=None, *, load_now: bool = True) -> MainWindow:
    """The main window; with `load_now=False` it is shown at once and fills its list when loaded."""
    tasks = tasks or Tasks()
    window = MainWindow(load_catalog(paths) if load_now else None, paths, tasks)
    if not load_now:
        # Start loading once the window is on screen: a worker importing pydantic would hold the
        # interpreter while the window is being shown.
        QTimer.singleShot(0, lambda: tasks.run(lambda: load_catalog(paths), window.set_catalog,
                                               window.show_load_failure))
    return window


def run(paths: AppPaths, language: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Tetsuzuki Assistant")
    app.setDesktopFileName("tetsuzuki")
    if language:
        i18n.set_language(language)
    setup_application(app)
    window = build_window(paths, load_now=False)
    window.show()
    return app.exec()
