"""A page's scrolling area as a screen reader walks it: its accessible children must not change when
its scroll bar comes or goes. Qt's accessible scroll area answers `child(i)` without checking `i`;
a reader that counted two children (viewport and visible bar) and then asked for the second after a
page change hid the bar made the application die with SIGSEGV (AT-SPI test_screens.py, about one
run in two: QAccessibleCache::idForObject ← QAccessibleAbstractScrollArea::child ← GetChildAtIndex)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (QAbstractScrollArea, QHBoxLayout, QLabel, QRadioButton, QScrollArea, QVBoxLayout,
                               QWidget)

from assistant.settings import Settings
from tests.conftest import start_procedure
from ui import appearance
from ui.widgets.flow import PageScroll, reveal, scrolling


def _children(area: QAbstractScrollArea) -> int:
    return QAccessible.queryAccessibleInterface(area).childCount()


def test_the_accessible_children_stay_the_same_when_the_bar_comes_and_goes(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    text = QLabel("line\n" * 200)
    scroll = scrolling(page, [text])
    QVBoxLayout(page).addWidget(scroll)
    page.resize(400, 300)
    page.show()
    qtbot.waitExposed(page)
    assert scroll.bar.isVisible() and scroll.bar.maximum() == scroll.verticalScrollBar().maximum() > 0
    assert scroll.viewport().geometry().right() < scroll.bar.geometry().left(), "the bar covers the page"
    shown = _children(scroll)
    assert shown == 1                                  # the viewport alone
    page.hide()                                        # a page change
    assert _children(scroll) == shown
    page.show()
    text.setText("short")                              # the content no longer needs the bar
    qtbot.waitUntil(lambda: not scroll.bar.isVisible())
    assert _children(scroll) == shown
    assert scroll.viewport().width() == scroll.width()


def test_the_bar_and_the_area_scroll_together(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    scroll = scrolling(page, [QLabel("line\n" * 200)])
    QVBoxLayout(page).addWidget(scroll)
    page.resize(400, 300)
    page.show()
    qtbot.waitExposed(page)
    scroll.bar.setValue(scroll.bar.maximum())          # dragged to the end
    assert scroll.verticalScrollBar().value() == scroll.bar.maximum()
    scroll.verticalScrollBar().setValue(10)            # moved by the keyboard focus or the wheel
    assert scroll.bar.value() == 10
    assert scroll.bar.pageStep() == scroll.verticalScrollBar().pageStep()


def test_the_bar_follows_the_text_size(qtbot, qapp):
    page = QWidget()
    qtbot.addWidget(page)
    scroll = scrolling(page, [QLabel("line\n" * 200)])
    QVBoxLayout(page).addWidget(scroll)
    page.resize(400, 300)
    page.show()
    qtbot.waitExposed(page)
    try:
        appearance.apply(qapp, Settings(zoom=300))
        qtbot.waitUntil(lambda: scroll.bar.width() == scroll.bar.sizeHint().width())
        wide = scroll.bar.width()
        appearance.apply(qapp, Settings())
        qtbot.waitUntil(lambda: scroll.bar.width() == scroll.bar.sizeHint().width() < wide)
        assert scroll.viewport().geometry().right() < scroll.bar.geometry().left()
    finally:
        appearance.apply(qapp, Settings())


def test_every_scrolling_area_of_the_window_is_such_an_area(window):
    start_procedure(window)                            # the who page is made when first needed
    areas = window.findChildren(QScrollArea)
    assert {window.home.scroll, window.who.scroll, window.step.scroll, window.review.scroll} <= set(areas)
    assert all(isinstance(area, PageScroll) for area in areas), [type(a).__name__ for a in areas]


def _option(words: str) -> tuple[QWidget, QRadioButton]:
    """An option as a question shows it: its radio button at the top, its words wrapping beside."""
    row = QWidget()
    layout = QHBoxLayout(row)
    button = QRadioButton()
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    label = QLabel(words)
    label.setWordWrap(True)
    layout.addWidget(label, 1)
    return row, button


def test_revealing_an_option_taller_than_the_view_shows_its_button(qtbot):
    # Korean or Burmese at 300 % on a small screen: the first option's words and hint wrap onto
    # more lines than the view holds. Its button, at its top, must be in view, not scrolled away.
    page = QWidget()
    qtbot.addWidget(page)
    question = QLabel("Which certificate?")
    row, button = _option("line\n" * 40)
    short, _button = _option("short")
    scroll = scrolling(page, [QLabel("title\n" * 30), question, row, short])
    QVBoxLayout(page).addWidget(scroll)
    page.resize(400, 300)
    page.show()
    qtbot.waitExposed(page)
    assert row.height() > scroll.viewport().height()
    shown = reveal(scroll, question, row)
    top = button.mapTo(scroll.viewport(), button.rect().topLeft()).y()
    assert 0 <= top and top + button.height() <= scroll.viewport().height(), "the button is out of view"
    assert shown, "revealed as far as the view holds, but not said so (the step page would try again)"
    assert reveal(scroll, question, short)             # one that fits: wholly in view, as before
    top = short.mapTo(scroll.viewport(), short.rect().topLeft()).y()
    assert 0 <= top and top + short.height() <= scroll.viewport().height()
