"""Large text, high contrast and target sizes, as a person with low vision or shaky hands meets them."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox, QLabel, QLineEdit,
                               QPushButton, QRadioButton, QScrollArea)

from assistant import i18n
from assistant.settings import Settings
from assistant.settings import load as load_settings
from tests.conftest import ROOT
from ui import a11y, appearance
from ui.theme import CONTRAST_PAIRS, MIN_TARGET, THEMES, contrast

ANSWERS = json.loads((ROOT / "examples" / "juminhyo_answers.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_every_colour_pair_has_enough_contrast(theme):
    for foreground, background, minimum in CONTRAST_PAIRS[theme]:
        ratio = contrast(THEMES[theme][foreground], THEMES[theme][background])
        assert ratio >= minimum, f"{theme}: {foreground} on {background} is {ratio:.2f}:1"


def test_contrast_is_measured_as_wcag_does():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_larger_and_smaller_text_buttons_and_keys_change_and_remember_the_size(qtbot, window, app_paths):
    base = QApplication.font().pointSizeF()
    qtbot.mouseClick(window.header.larger, Qt.MouseButton.LeftButton)
    assert window.settings.zoom == 125
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.25)
    assert "125" in a11y.history[-1]
    for _ in range(10):
        qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.settings.zoom == 300
    window.tasks.wait()
    qtbot.waitUntil(lambda: load_settings(app_paths.config).zoom == 300)
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.settings.zoom == 100
    assert QApplication.font().pointSizeF() == pytest.approx(base)


def test_high_contrast_makes_the_window_white_on_black_and_is_remembered(qtbot, window, app_paths):
    qtbot.mouseClick(window.header.contrast, Qt.MouseButton.LeftButton)
    palette = QApplication.palette()
    assert palette.color(QPalette.ColorRole.Window).name() == "#000000"
    assert palette.color(QPalette.ColorRole.WindowText).name() == "#ffffff"
    window.tasks.wait()
    qtbot.waitUntil(lambda: load_settings(app_paths.config).theme == "high_contrast")
    qtbot.mouseClick(window.header.contrast, Qt.MouseButton.LeftButton)
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == "#ffffff"


def _pages(window):
    """Every page of the residence-record request, with answers: home, each step, review."""
    yield "home"
    window.home.procedure_chosen.emit("juminhyo_copy")
    window.who.role_buttons["volunteer"].click()      # with the helper's boxes and the statement
    yield "who"
    window.who.role_buttons["self"].click()
    window.who.go_on.click()
    session = window.bridge.session
    for field_id, raw in dict(ANSWERS, relationship="proxy", scope="some_members").items():
        session.set_answer(field_id, raw)
    session.set_answer("members", [{"member_name": "山田　花子"}])
    for step in session.visible_steps():
        session.go_to(step.id)
        yield step.id
    session.go_to("review")
    yield "review"


def _visible(window, cls):
    return [w for w in window.findChildren(cls) if w.isVisibleTo(window) and w.window() is window]


@pytest.mark.parametrize("theme", ["default", "high_contrast"])
@pytest.mark.parametrize(("width", "zoom"), [(1280, 100), (1280, 200), (1280, 300), (320, 100)])
@pytest.mark.parametrize("language", ["ja", "en"])
def test_at_every_size_nothing_is_cut_off_pages_scroll_one_way_and_targets_are_big(qtbot, window, qapp,
                                                                                    width, zoom, theme, language):
    i18n.set_language(language)     # English words are longer than Japanese ones and do not break anywhere
    # 1280 px at 100-300 % (R3), and 320 px wide, the width of 400 % zoom (R4 reflow)
    settings = Settings(zoom=zoom, theme=theme)
    appearance.apply(qapp, settings)
    for page in _pages(window):
        window.resize(width, 800)
        qapp.processEvents()
        assert window.width() == width, f"{page}: the window cannot be {width} px wide"
        for scroll in _visible(window, QScrollArea):
            assert scroll.horizontalScrollBar().maximum() == 0, f"{page}: scrolls sideways at {zoom}%"
        for widget in _visible(window, QLabel) + _visible(window, QAbstractButton) + _visible(window, QComboBox):
            if isinstance(widget, QLabel) and widget.wordWrap():
                continue   # wrapped labels grow in height, never cut
            hint = widget.minimumSizeHint().width()
            assert widget.width() >= hint, f"{page}: {widget.objectName() or widget.text()!r} cut off at {zoom}%"
        for widget in (_visible(window, QPushButton) + _visible(window, QLineEdit) + _visible(window, QRadioButton)
                       + _visible(window, QCheckBox) + _visible(window, QComboBox)):
            assert widget.height() >= MIN_TARGET, f"{page}: {widget.objectName()} is {widget.height()}px high"
    appearance.apply(qapp, Settings())
