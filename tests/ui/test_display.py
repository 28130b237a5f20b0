"""Large text, high contrast and target sizes, as a person with low vision or shaky hands meets them."""

from __future__ import annotations

import contextlib

import json

import pytest
from pytestqt.exceptions import TimeoutError  # noqa: A004 - pytest-qt's own
from PySide6.QtCore import QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QPalette, QWheelEvent
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox, QLabel, QLineEdit,
                               QPushButton, QRadioButton, QScrollArea)

from assistant import i18n
from assistant.settings import Settings
from assistant.settings import load as load_settings
from tests.conftest import ROOT, start_procedure
from tests.ui.screens import SCREENS, fully_visible, starts_in_view, walk
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
    """Every page of the residence-record request, with answers: home, each step, review (used by
    other tests; tests/ui/screens.py walks every page and dialog with what must stay in view)."""
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


def _check_nothing_cut_off(page, window, zoom):
    for scroll in _visible(window, QScrollArea):
        assert scroll.horizontalScrollBar().maximum() == 0, f"{page}: scrolls sideways at {zoom}%"
    for widget in _visible(window, QLabel) + _visible(window, QAbstractButton) + _visible(window, QComboBox):
        if isinstance(widget, QLabel) and widget.wordWrap():
            continue   # wrapped labels grow in height, never cut
        hint = widget.minimumSizeHint().width()
        assert widget.width() >= hint, f"{page}: {widget.objectName() or widget.text()!r} cut off at {zoom}%"
        if isinstance(widget, QAbstractButton) and widget.hasHeightForWidth():     # a label that wraps
            assert widget.height() >= widget.heightForWidth(widget.width()), (
                f"{page}: {widget.objectName()!r} wraps onto more lines than its height shows at {zoom}%")
    for widget in (_visible(window, QPushButton) + _visible(window, QLineEdit) + _visible(window, QRadioButton)
                   + _visible(window, QCheckBox) + _visible(window, QComboBox)):
        assert widget.height() >= MIN_TARGET, f"{page}: {widget.objectName()} is {widget.height()}px high"


#: a title bar and a panel take this much of a real screen's height
FRAME = 48


@pytest.mark.parametrize("theme", ["default", "high_contrast"])
@pytest.mark.parametrize(("width", "height", "zoom"), SCREENS)
@pytest.mark.parametrize("language", ["ja", "en"])
def test_on_small_screens_every_page_keeps_its_main_action_and_first_question_in_view(
        qtbot, window, qapp, width, height, zoom, theme, language):
    """What a person sees on a 1024×600, 1280×800 or 1366×768 screen at 200–300 %: the window fits
    the screen, and on every page, after a failed Next and in every dialog, the main action and the
    first question are wholly inside the visible part of the window (not scrolled away, not below
    its bottom edge), and nothing scrolls sideways."""
    _walk_small_screen(qtbot, window, qapp, width, height, zoom, theme, language)


#: What does not fit yet, per language (found by this test when the language was offered; each is in
#: the report of issue 15). strict: a fixed one fails as XPASS until its line is deleted here.
SMALL_SCREEN_KNOWN = {
    "th": "done: the title (3 lines, 254 px) gets a 219 px view: the header, the stacked Back/Print row and the "
          "draft status line outside the scrolling area take the rest",
    "my": "done: the window needs 1215×798, taller than 752 (the stacked Back/Print row 284 px, header 139 px, "
          "draft status 123 px and the scrolling area's 162 px minimum)",
}


@pytest.mark.parametrize("language", [
    pytest.param(code, marks=pytest.mark.xfail(strict=True, reason=SMALL_SCREEN_KNOWN[code]))
    if code in SMALL_SCREEN_KNOWN else code for code in i18n.LANGUAGES])
def test_each_offered_language_fits_a_small_screen_at_300_percent(qtbot, window, qapp, language):
    """Every offered language (a translated one joins when it is flipped on) on 1280×800 at 300 %:
    long words (Filipino, Portuguese, Spanish), scripts without spaces (Thai, Myanmar) and やさしい日本語
    with its furigana all fit, every page and dialog, nothing cut off, nothing sideways."""
    _walk_small_screen(qtbot, window, qapp, 1280, 800, 300, "default", language)


def _walk_small_screen(qtbot, window, qapp, width, height, zoom, theme, language):
    i18n.set_language(language)     # English words are longer than Japanese ones and do not break anywhere
    appearance.apply(qapp, Settings(zoom=zoom, theme=theme))
    target = QSize(width, height - FRAME)
    window.setMaximumSize(target)   # as a window manager keeps a window within the screen
    window.resize(target)
    seen = []
    for page in walk(window, lambda condition: qtbot.waitUntil(condition, timeout=20000)):
        qapp.processEvents()
        seen.append(page.name)
        assert window.size() == target, f"{page.name}: the window needs {window.minimumSizeHint()}, more than the screen"
        top = page.top
        if top is not window:       # a dialog, as a window manager keeps it within the screen
            top.setMaximumSize(target)
            top.resize(top.size().boundedTo(target))
            qapp.processEvents()
            assert top.size() == top.size().boundedTo(target), f"{page.name}: needs {top.minimumSizeHint()}"
        _check_nothing_cut_off(page.name, top, zoom)
        assert fully_visible(page.main), f"{page.name}: {page.main.text()!r} is not wholly in view at {zoom}%"
        in_view = starts_in_view if isinstance(page.first, QLabel) else fully_visible
        with contextlib.suppress(TimeoutError):        # once the page has settled; the page named if not
            qtbot.waitUntil(lambda: in_view(page.first), timeout=2000)
        assert in_view(page.first), f"{page.name}: the first question is not in view at {zoom}%"
    assert {"home", "who", "step-1", "step-1-failed", "review", "done", "dialog-help"} <= set(seen)
    appearance.apply(qapp, Settings())


@pytest.mark.parametrize("language", ["ja", pytest.param("en", marks=pytest.mark.xfail(
    strict=True, reason="home: 'Start the chosen procedure' (316 px at 100 %) and the margins need 352 px"))])
def test_at_320_pixels_wide_nothing_is_cut_off_and_nothing_scrolls_sideways(qtbot, window, qapp, language):
    """320 px is the width of a 1280 px screen at 400 % (WCAG 1.4.10 reflow)."""
    i18n.set_language(language)
    for page in walk(window, lambda condition: qtbot.waitUntil(condition, timeout=20000)):
        if page.top is not window or page.name == "done":
            # done: "Open your own copy (in your language, not for submission)" is one button line
            # wider than 320 px; the done page's wording is being reworked (issue 11, item 7)
            continue
        window.resize(320, 800)
        qapp.processEvents()
        assert window.width() == 320, f"{page.name}: the window cannot be 320 px wide"
        _check_nothing_cut_off(page.name, window, 100)
        assert fully_visible(page.main), f"{page.name}: {page.main.text()!r} is not wholly in view"


def test_the_header_collapses_into_one_row_with_a_view_menu_at_large_sizes(qtbot, window, qapp):
    window.resize(1920, 1000)
    qapp.processEvents()
    assert not window.header.collapsed and window.header.contrast.isVisible()    # one row at 100 %
    for zoom in (200, 300):
        appearance.apply(qapp, Settings(zoom=zoom))
        window.resize(1024, 552)
        qapp.processEvents()
        header = window.header
        assert header.collapsed and header.view.isVisible() and not header.contrast.isVisible()
        row = {w.mapTo(window, w.rect().topLeft()).y() for w in (header.smaller, header.view, header.help)}
        assert len(row) == 1, "the header takes more than one row"
        assert header.height() < 0.15 * window.height()
        texts = [a.text() for a in header.view.menu().actions()]
        assert any("contrast" in t.lower() or "白黒" in t for t in texts) and header.language_menu.actions()
    header.contrast_action.trigger()               # contrast from the menu does what the button did
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    header.language_actions["en"].trigger()
    assert i18n.current_language() == "en"
    appearance.apply(qapp, Settings())


def test_the_text_size_buttons_stay_under_the_pointer_and_show_the_size(qtbot, window, qapp):
    header = window.header
    places = lambda: [w.mapTo(window, w.rect().topLeft()).toTuple() + w.size().toTuple()  # noqa: E731
                      for w in (header.smaller, header.size_label, header.larger)]
    before = places()
    assert header.size_label.text() == "文字の大きさ 100 %"
    qtbot.mouseClick(header.larger, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(header.larger, Qt.MouseButton.LeftButton)        # the same place, clicked twice
    assert window.settings.zoom == 150
    assert header.size_label.text() == "文字の大きさ 150 %"
    assert places() == before
    qtbot.mouseClick(header.smaller, Qt.MouseButton.LeftButton)
    assert window.settings.zoom == 125 and places() == before
    window.tasks.wait()
    appearance.apply(qapp, Settings())


def test_ctrl_and_the_wheel_change_the_text_size(qtbot, window, qapp):
    scroll_target = window.home.list.viewport()
    _wheel(scroll_target, 120, Qt.KeyboardModifier.ControlModifier)
    assert window.settings.zoom == 125
    _wheel(scroll_target, -240, Qt.KeyboardModifier.ControlModifier)
    assert window.settings.zoom == 100
    window.tasks.wait()


def _wheel(widget, delta, modifiers=Qt.KeyboardModifier.NoModifier):
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, delta),
                        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_a_combo_box_without_focus_scrolls_the_page_instead(qtbot, window, qapp):
    """The consent statement's language once switched while the person scrolled past it."""
    appearance.apply(qapp, Settings(zoom=300))
    window.resize(1024, 552)
    window.home.procedure_chosen.emit("juminhyo_copy")
    window.who.role_buttons["volunteer"].click()
    qapp.processEvents()
    combo = next(c for c in _visible(window, QComboBox) if window.who.isAncestorOf(c))
    window.who.go_on.setFocus()
    value, bar = combo.currentIndex(), window.who.scroll.verticalScrollBar()
    assert bar.maximum() > 0
    window.who.scroll.ensureWidgetVisible(combo)
    before = bar.value()
    _wheel(combo, -120 if before < bar.maximum() else 120)
    assert combo.currentIndex() == value, "the wheel changed an answer the person was not working on"
    assert bar.value() != before, "the page did not scroll"
    combo.setFocus()
    _wheel(combo, -120 if combo.currentIndex() < combo.count() - 1 else 120)
    assert combo.currentIndex() != value, "with the focus, the wheel changes the value"
    appearance.apply(qapp, Settings())


def test_a_corrected_answer_drops_its_message_and_the_summary_counts_again(qtbot, window):
    start_procedure(window)
    step = window.step
    step.next.click()                                   # step 1 is answered by "who will apply"
    assert window.bridge.session.current_step.id == "applicant"
    step.next.click()                                   # nothing answered on step 2: a failed Next
    assert step.summary.isVisible()
    before = step.summary.text()
    block = next(b for b in step.blocks.values() if b.error.isVisible() and hasattr(b, "input"))
    raw = ANSWERS[block.field.id]
    block.input.set_raw(raw)
    step._on_field_edited(block.field.id, raw)     # as the box reports the person's typing
    assert not block.error.isVisible(), "the corrected answer still shows its message"
    assert step.summary.text() != before or not step.summary.isVisible()


def _pixels(widget) -> set[str]:
    image = widget.grab().toImage()
    return {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())}


def _difference(one, other) -> float:
    """The largest contrast between the same pixel of two widgets of one size."""
    a, b = one.grab().toImage(), other.grab().toImage()
    assert a.size() == b.size()
    return max(contrast(a.pixelColor(x, y).name(), b.pixelColor(x, y).name())
               for x in range(a.width()) for y in range(a.height()))


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_radio_buttons_check_boxes_and_the_focus_frame_are_visible_measured_from_pixels(qtbot, window, qapp, theme):
    """WCAG 1.4.11, measured on what is drawn: an unchecked indicator's outline, the difference a
    check makes, and the focus frame, each at least 3:1 against the page's background."""
    appearance.apply(qapp, Settings(theme=theme))
    background = THEMES[theme]["background"]
    window.home.procedure_chosen.emit("juminhyo_copy")
    window.who.role_buttons["volunteer"].click()
    qapp.processEvents()
    radios = [b for b in window.who.role_buttons.values()]
    unchecked = next(b for b in radios if not b.isChecked())
    checked = next(b for b in radios if b.isChecked())
    box = next(c for c in _visible(window, QCheckBox) if window.who.isAncestorOf(c))
    assert not box.isChecked()
    for name, widget in (("unchecked radio button", unchecked), ("unchecked check box", box)):
        best = max(contrast(colour, background) for colour in _pixels(widget))
        assert best >= 3.0, f"{theme}: the {name}'s outline is {best:.2f}:1 against the background"
    assert _difference(checked, unchecked) >= 3.0, f"{theme}: a chosen option looks unchosen"
    empty = box.grab().toImage()
    box.setChecked(True)
    qapp.processEvents()
    ticked = box.grab().toImage()
    change = max(contrast(empty.pixelColor(x, y).name(), ticked.pixelColor(x, y).name())
                 for x in range(empty.width()) for y in range(empty.height()))
    assert change >= 3.0, f"{theme}: a ticked box is {change:.2f}:1 from an empty one"
    checked.setFocus()
    qapp.processEvents()
    row = window.who.role_rows[next(k for k, b in window.who.role_buttons.items() if b is checked)]
    qtbot.waitUntil(lambda: row.property("focused") is True)
    row.style().unpolish(row)
    row.style().polish(row)
    image = row.grab().toImage()
    frame = image.pixelColor(1, image.height() // 2).name()
    assert contrast(frame, background) >= 3.0, f"{theme}: the focus frame is {contrast(frame, background):.2f}:1"
    appearance.apply(qapp, Settings())


def test_the_window_opens_within_the_screen_and_remembers_its_size(qtbot, qapp, app_paths):
    from tests.conftest import memory_keys
    from ui.app import build_window
    from ui.tasks import Tasks

    available = qapp.primaryScreen().availableGeometry()
    window = build_window(app_paths, Tasks(), settings=Settings(window_size=(5000, 3000)), key_chooser=memory_keys)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert available.contains(window.frameGeometry()), f"{window.frameGeometry()} is not within {available}"
    window.resize(700, 500)
    window.close()
    window.tasks.wait()
    qtbot.waitUntil(lambda: load_settings(app_paths.config).window_size == (700, 500))
