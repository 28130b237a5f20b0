"""Colours and sizes from one token table, turned into a style sheet."""

from __future__ import annotations

TOKENS = {
    "text": "#1a1a1a",
    "background": "#ffffff",
    "muted_text": "#4a4a4a",
    "error": "#b00020",
    "focus": "#0b57d0",
    "border": "#6b6b6b",
}


def style_sheet(point_size: float, tokens: dict[str, str] = TOKENS) -> str:
    """A style sheet with sizes derived from the base font size, so zoom scales everything."""
    small = point_size * 0.9
    indicator = max(24, round(point_size * 1.9))
    t = tokens
    return f"""
    QWidget {{ color: {t['text']}; background: {t['background']}; }}
    QLabel[role="heading"] {{ font-size: {point_size * 1.5:.1f}pt; font-weight: bold; }}
    QLabel[role="app-title"] {{ font-size: {point_size * 1.2:.1f}pt; font-weight: bold; }}
    QLabel[role="hint"], QLabel[role="example"], QLabel[role="option-hint"] {{
        color: {t['muted_text']}; font-size: {small:.1f}pt; }}
    QLabel[role="error"], QLabel[role="error-summary"] {{ color: {t['error']}; font-weight: bold; }}
    QLabel[role="error-summary"] {{ border: 2px solid {t['error']}; padding: 6px; }}
    QLineEdit, QComboBox, QListWidget {{ border: 1px solid {t['border']}; padding: 4px; min-height: 1.6em; }}
    QPushButton {{ border: 2px solid {t['border']}; border-radius: 4px; padding: 6px 14px; min-height: 1.6em; }}
    *:focus {{ outline: none; border: 3px solid {t['focus']}; }}
    QCheckBox::indicator, QRadioButton::indicator {{ width: {indicator}px; height: {indicator}px; }}
    """
