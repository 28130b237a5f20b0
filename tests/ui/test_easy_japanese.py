"""やさしい日本語 on screen: furigana over the kanji of every text a person reads, never a raw 《》｜ on
any page, control, title or accessible name, the plain text read once by screen readers and the
voice. With a ja-easy catalog made for the test (tests/easy_japanese.py): every kanji has ruby."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QColor, QImage
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QGroupBox, QLabel, QLineEdit,
                               QListWidget, QWidget)

from assistant import i18n
from assistant.speech.script import read_step
from tests.easy_japanese import _RUN, easy_japanese, with_readings
from tests.ui.screens import walk
from ui.furigana import kana
from ui.widgets.ruby import Label, RubyLabel

MARKS = ("《", "》", "｜")


def _shown_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every text a person can see or hear in `top` and its visible children."""
    found = [(f"{top.objectName()} title", top.windowTitle())]
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisibleTo(top) and widget is not top:
            continue
        where = f"{type(widget).__name__} {widget.objectName()!r}"
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is not None:
            found += [(f"{where} name", interface.text(QAccessible.Text.Name)),
                      (f"{where} description", interface.text(QAccessible.Text.Description))]
        found.append((f"{where} tooltip", widget.toolTip()))
        if isinstance(widget, QLabel):
            found.append((where, QLabel.text(widget)))
        elif isinstance(widget, QAbstractButton):
            found.append((where, QAbstractButton.text(widget)))
        elif isinstance(widget, QGroupBox):
            found.append((where, QGroupBox.title(widget)))
        elif isinstance(widget, QComboBox):
            found += [(f"{where} item", widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QListWidget):
            found += [(f"{where} item", widget.item(i).text()) for i in range(widget.count())]
            found += [(f"{where} item name", widget.item(i).data(Qt.ItemDataRole.AccessibleTextRole) or "")
                      for i in range(widget.count())]
        elif isinstance(widget, QLineEdit):
            found += [(where, widget.text()), (f"{where} placeholder", widget.placeholderText())]
        for action in widget.actions():
            found.append((f"{where} action", action.text()))
    return found


def _drawn_readings(label: RubyLabel) -> int:
    """How many readings of `label` have ink in their place above the base (pixels, not geometry)."""
    image = QImage(label.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    label.render(image, QPoint(0, 0))
    inked = 0
    for box in label.boxes():
        if box.reading is None:
            continue
        rect = box.reading.toAlignedRect().intersected(image.rect())
        dark = sum(1 for x in range(rect.left(), rect.right() + 1) for y in range(rect.top(), rect.bottom() + 1)
                   if QColor(image.pixel(x, y)).lightness() < 160)
        inked += dark > 0
    return inked


@pytest.fixture
def easy(monkeypatch, tmp_path):
    code = easy_japanese(monkeypatch, tmp_path)
    yield code
    i18n.set_language(i18n.DEFAULT_LANGUAGE)
    i18n.reload_catalogs()


@pytest.fixture(params=["fixture", "real"])
def any_easy(request, monkeypatch, tmp_path):
    """The catalog made for the test (every kanji with ruby) and, once offered, the real one."""
    if request.param == "real":
        if "ja-easy" not in i18n.LANGUAGES:
            pytest.skip("ja-easy is not offered yet")
        yield "ja-easy"
    else:
        yield easy_japanese(monkeypatch, tmp_path)
    i18n.set_language(i18n.DEFAULT_LANGUAGE)
    i18n.reload_catalogs()


def test_every_page_and_dialog_shows_furigana_and_never_raw_markup(qtbot, window, qapp, any_easy):
    i18n.set_language(any_easy)
    window.resize(1280, 800)
    seen, ruby_pages = [], {}
    for page in walk(window, lambda condition: qtbot.waitUntil(condition, timeout=20000)):
        qapp.processEvents()
        seen.append(page.name)
        leaks = [(where, text) for where, text in _shown_texts(page.top) if any(m in (text or "") for m in MARKS)]
        assert not leaks, f"{page.name}: raw furigana markup shown or read: {leaks[:5]}"
        labels = [label for label in page.top.findChildren(RubyLabel)
                  if label.isVisibleTo(page.top) and label.hasRuby() and label.width() > 0]
        ruby_pages[page.name] = sum(_drawn_readings(label) for label in labels)
    assert {"home", "who", "step-1", "step-1-failed", "review", "done", "dialog-help"} <= set(seen)
    assert all(count > 0 for count in ruby_pages.values()), f"pages without a reading drawn: {ruby_pages}"


def test_a_step_title_draws_its_readings_and_is_read_once_in_plain_text(qtbot, window, qapp, easy):
    i18n.set_language(easy)
    window.home.procedure_chosen.emit("juminhyo_copy")
    window.who.go_on.click()
    step = window.bridge.session.current_step
    title = window.step.title
    official = step.title                     # the fixture's easy text: the official one with readings
    assert isinstance(title, RubyLabel) and title.hasRuby()
    assert title.markup() == f"{with_readings(official)}（{official}）"     # the official Japanese beside
    assert title.text() == f"{official}（{official}）"                      # plain: kanji, no reading
    name = QAccessible.queryAccessibleInterface(title).text(QAccessible.Text.Name)
    assert name == title.text()
    readings = [box for box in title.boxes() if box.reading is not None]
    assert len(readings) == len(_RUN.findall(official)) > 0
    assert _drawn_readings(title) == len(readings)            # each reading really drawn above its kanji
    spoken = " ".join(u.text for u in read_step(window.bridge.session))
    assert not any(m in spoken for m in MARKS) and official in spoken


def test_buttons_show_kana_only_and_are_named_with_the_kanji(qtbot, window, easy):
    i18n.set_language(easy)
    start = window.home.start
    marked = i18n._("S&tart the chosen procedure")
    assert "《" in marked
    assert start.text() == kana(marked)                   # every word readable without kanji
    assert not any("\u4e00" <= c <= "\u9fff" for c in start.text())
    name = QAccessible.queryAccessibleInterface(start).text(QAccessible.Text.Name)
    assert name == "選んだ手続きを始める"       # the plain text, kanji read right, no "(T)" read aloud
    i18n.set_language("en")                               # back to a language without ruby: as before
    assert start.text() == "S&tart the chosen procedure"
    assert QAccessible.queryAccessibleInterface(start).text(QAccessible.Text.Name) == "Start the chosen procedure"


def test_in_other_languages_a_label_looks_and_measures_as_a_qlabel(qtbot):
    text = "住民票の写しを請求します。Apply for a copy of the residence record."
    ours, theirs = Label(text), QLabel(text)
    for label in (ours, theirs):
        label.setWordWrap(True)
        qtbot.addWidget(label)
        label.resize(200, 200)
    assert not ours.hasRuby()
    assert ours.sizeHint() == theirs.sizeHint()
    assert ours.heightForWidth(200) == theirs.heightForWidth(200)
    assert ours.grab().toImage() == theirs.grab().toImage()


def test_with_furigana_every_page_fits_a_small_screen_at_300_percent(qtbot, window, qapp, easy):
    """Readings make every line taller: at 300 % on 1280×800 the main action and first question
    of every page and dialog are still in view, nothing cut off, nothing sideways."""
    from tests.ui.test_display import _walk_small_screen

    _walk_small_screen(qtbot, window, qapp, 1280, 800, 300, "default", easy)
