"""Apply the person's text size and theme to the whole application."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from assistant import fonts
from assistant.settings import Settings
from ui.theme import THEMES, style_sheet

BASE_POINT_SIZE = 14.0
#: the system's Japanese faces, after the bundled ones
SYSTEM_FAMILIES = ["Noto Sans CJK JP", "IPAexGothic"]
_loaded: dict[Path, list[str]] = {}


def _load_fonts(language: str) -> list[str]:
    """The bundled faces in `language`'s order (assistant.fonts.screen_fonts: its own scripts first,
    so Vietnamese is not drawn half in BIZ UDPGothic, then Japanese, then every other script), then
    the system's Japanese faces. For Japanese, BIZ UDPGothic comes first: the paper's BIZ UDGothic
    with proportional Latin letters."""
    families: list[str] = []
    for _face, files in fonts.screen_fonts(language):
        for file in files:
            if file not in _loaded:
                font_id = QFontDatabase.addApplicationFont(str(file))
                _loaded[file] = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            families.extend(_loaded[file])
    return list(dict.fromkeys(families)) + SYSTEM_FAMILIES


def resolved_theme(settings: Settings, scheme: Qt.ColorScheme | None = None,
                   contrast: Qt.ContrastPreference | None = None) -> str:
    """`auto` follows the system (read from Qt unless given): its high-contrast or dark
    preference gives the high-contrast theme."""
    if settings.theme != "auto":
        return settings.theme
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if scheme is None else scheme
    contrast = hints.accessibility().contrastPreference() if contrast is None else contrast
    wants_contrast = contrast == Qt.ContrastPreference.HighContrast
    return "high_contrast" if wants_contrast or scheme == Qt.ColorScheme.Dark else "default"


def _palette(theme: str) -> QPalette:
    # Indicators and selections are drawn from the palette, not the style sheet.
    t = THEMES[theme]
    palette = QPalette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button,
                 QPalette.ColorRole.AlternateBase):
        palette.setColor(role, QColor(t["background"]))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(role, QColor(t["text"]))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(t["focus"]))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor(t["background"]))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(t["muted_text"]))
    return palette


def apply(app: QApplication, settings: Settings) -> None:
    """Set the font size (zoom) and the theme's palette and style sheet."""
    point_size = BASE_POINT_SIZE * settings.zoom / 100
    font = QFont()
    font.setFamilies(_load_fonts(settings.language))
    font.setPointSizeF(point_size)
    app.setFont(font)
    theme = resolved_theme(settings)
    app.setPalette(_palette(theme))
    app.setStyleSheet(style_sheet(point_size, theme))
