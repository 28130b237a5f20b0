"""Start the application: Qt, the bundled font, the catalog of procedures, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from assistant import i18n
from assistant.paths import AppPaths
from assistant.procedures.catalog import Catalog
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


def build_window(paths: AppPaths, tasks=None) -> MainWindow:
    catalog = Catalog.load(paths.procedure_dirs)
    return MainWindow(catalog, paths, tasks or Tasks())


def run(paths: AppPaths, language: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Tetsuzuki Assistant")
    app.setDesktopFileName("tetsuzuki")
    if language:
        i18n.set_language(language)
    setup_application(app)
    window = build_window(paths)
    window.show()
    return app.exec()
