"""The mouse wheel as a person expects it: over a closed combo box or spin box that does not have
the focus it scrolls the page (it once switched the consent statement's language while the person
scrolled), and with Ctrl held it changes the text size, as in a web browser."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

NOTCH = 120     # one step of an ordinary mouse wheel, in eighths of a degree


class WheelGuard(QObject):
    """An application-wide event filter for the wheel over `window` (its dialogs are left alone
    for Ctrl+wheel). `zoom(+1 / -1)` is called once per wheel notch with Ctrl held."""

    def __init__(self, window: QWidget, zoom: Callable[[int], None]) -> None:
        super().__init__(window)
        self.window, self.zoom = window, zoom
        self._ctrl_delta = 0      # touchpads send small steps: add them up to whole notches

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not watched.isWidgetType():
            return False
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if watched.window() is not self.window:
                return False
            self._ctrl_delta += event.angleDelta().y()
            while abs(self._ctrl_delta) >= NOTCH:
                step = 1 if self._ctrl_delta > 0 else -1
                self._ctrl_delta -= step * NOTCH
                self.zoom(step)
            return True
        box = _value_box(watched)
        if box is None or box.hasFocus():
            return False
        scroll = _scroll_area(box)
        if scroll is not None:
            QApplication.sendEvent(scroll.verticalScrollBar(), event)
        return True      # never change a value the person is not working on


def _value_box(widget: QWidget) -> QWidget | None:
    """The combo box or spin box this widget is (or is the text part of)."""
    for candidate in (widget, widget.parentWidget()):
        if isinstance(candidate, (QComboBox, QAbstractSpinBox)):
            return candidate
    return None


def _scroll_area(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None
