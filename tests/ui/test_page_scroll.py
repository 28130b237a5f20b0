"""A page's scrolling area as a screen reader walks it: its accessible children must not change when
its scroll bar comes or goes. Qt's accessible scroll area answers `child(i)` without checking `i`;
a reader that counted two children (viewport and visible bar) and then asked for the second after a
page change hid the bar made the application die with SIGSEGV (AT-SPI test_screens.py, about one
run in two: QAccessibleCache::idForObject ← QAccessibleAbstractScrollArea::child ← GetChildAtIndex)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QScrollArea, QVBoxLayout, QWidget

from assistant.settings import Settings
from tests.conftest import start_procedure
from ui import appearance
from ui.widgets.flow import PageScroll, scrolling


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
