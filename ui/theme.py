"""Colours and sizes from one token table per theme, turned into a style sheet.

Every colour on screen comes from these tables; `contrast()` measures them the way WCAG does
(tests/ui/test_theme.py checks every pair). Sizes derive from the base font size, so zoom scales
everything; targets are at least 44 logical pixels.
"""

from __future__ import annotations

THEMES: dict[str, dict[str, str]] = {
    "default": {
        "text": "#1a1a1a",
        "background": "#ffffff",
        "muted_text": "#4a4a4a",
        "error": "#b00020",
        "focus": "#0b57d0",
        "border": "#6b6b6b",
        "label_background": "#ffffff",
    },
    "high_contrast": {
        "text": "#ffffff",
        "background": "#000000",
        "muted_text": "#e6e6e6",
        "error": "#ff8080",
        "focus": "#ffff00",
        "border": "#ffffff",
        "label_background": "#000000",
    },
}
#: (foreground, background, minimum ratio) — text 4.5:1 (7:1 in high contrast), components 3:1
CONTRAST_PAIRS = {
    "default": [("text", "background", 4.5), ("muted_text", "background", 4.5), ("error", "background", 4.5),
                ("focus", "background", 3.0), ("border", "background", 3.0)],
    "high_contrast": [("text", "background", 7.0), ("muted_text", "background", 7.0),
                      ("error", "background", 7.0), ("focus", "background", 3.0), ("border", "background", 3.0)],
}
MIN_TARGET = 44   # logical pixels, for everything that can be pressed or typed into


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def style_sheet(point_size: float, theme: str = "default") -> str:
    """The application's style sheet for a base text size and a theme."""
    t = THEMES[theme]
    small = point_size * 0.9
    indicator = max(28, round(point_size * 1.9))
    scrollbar = max(16, round(point_size * 1.2))
    return f"""
    QWidget {{ color: {t['text']}; background: {t['background']}; }}
    QLabel[role="heading"] {{ font-size: {point_size * 1.5:.1f}pt; font-weight: bold; }}
    QLabel[role="app-title"] {{ font-size: {point_size * 1.2:.1f}pt; font-weight: bold; }}
    QLabel[role="hint"], QLabel[role="example"], QLabel[role="option-hint"] {{
        color: {t['muted_text']}; font-size: {small:.1f}pt; }}
    QLabel[role="feedback"] {{ font-size: {small:.1f}pt; }}
    QLabel[role="error"], QLabel[role="error-summary"] {{ color: {t['error']}; font-weight: bold; }}
    QLabel[role="error-summary"] {{ border: 2px solid {t['error']}; padding: 6px; }}
    QLineEdit, QComboBox, QListWidget {{ border: 2px solid {t['border']}; padding: 4px; }}
    QLineEdit, QComboBox {{ min-height: {MIN_TARGET - 12}px; }}   /* + padding and border */
    QPushButton {{ border: 2px solid {t['border']}; border-radius: 4px; padding: 6px 10px;
                   min-height: {MIN_TARGET - 16}px; min-width: {MIN_TARGET - 32}px; }}
    QRadioButton, QCheckBox {{ min-height: {MIN_TARGET}px; min-width: {MIN_TARGET}px; }}
    QFrame[role="option"] {{ border: 3px solid transparent; }}
    QFrame[role="option"][focused="true"] {{ border: 3px solid {t['focus']}; }}
    QRadioButton::indicator, QCheckBox::indicator {{ width: {indicator}px; height: {indicator}px; }}
    QGroupBox {{ border: 1px solid {t['border']}; margin-top: 1.4em; padding-top: 0.4em; }}
    QGroupBox::title {{ subcontrol-origin: margin; left: 6px; }}
    QGroupBox[role="step-page"] {{ border: none; margin: 0; padding: 0; }}   /* a group for screen readers only */
    QScrollBar:vertical {{ width: {scrollbar}px; background: {t['background']}; border: 1px solid {t['border']}; }}
    QScrollBar::handle:vertical {{ background: {t['muted_text']}; min-height: {MIN_TARGET}px; }}
    QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0px; }}
    *:focus {{ outline: none; border: 3px solid {t['focus']}; }}
    QLabel:focus {{ border: 3px solid {t['focus']}; }}
    QRadioButton:focus, QCheckBox:focus {{ border: none; }}   /* the option row shows the focus */
    """ + _drawn_indicators(t, indicator)


def _drawn_indicators(t: dict[str, str], size: int) -> str:
    # The style draws indicators from the palette: in high contrast an unchecked box came out black
    # on black and a chosen option as a grey dot, and Fusion's outline is 2.2:1 on white. Here every
    # one has a border in the border colour and a chosen one is filled with the focus colour (both at
    # least 3:1 against the background, measured from pixels in tests/ui/test_display.py).
    ring = max(3, size // 9)
    return f"""
    QRadioButton::indicator, QCheckBox::indicator {{ border: {ring}px solid {t['border']};
        background: {t['background']}; }}
    QRadioButton::indicator {{ border-radius: {size // 2}px; }}
    QRadioButton::indicator:checked {{ background: qradialgradient(cx:0.5, cy:0.5, radius:0.5, fx:0.5, fy:0.5,
        stop:0 {t['focus']}, stop:0.55 {t['focus']}, stop:0.6 {t['background']}, stop:1 {t['background']}); }}
    QCheckBox::indicator:checked {{ background: {t['focus']}; }}
    """
