"""Layouts that never cut anything off at large text sizes: a row of controls that wraps onto the
next line when the width runs out, and a page's one vertical scrolling area."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QScrollArea, QScrollBar, QVBoxLayout, QWidget


class PageScroll(QScrollArea):
    """A scrolling area (vertical only) whose visible scroll bar is a widget of its own.

    Qt's accessible scroll area (QAccessibleAbstractScrollArea, Qt 6.11) lists the viewport and each
    *visible* scroll bar as children, and answers `child(i)` without checking `i`. A screen reader
    (or the AT-SPI tests' reader) asks the number of children, then each child by index: when the
    bar disappeared in between — the page was hidden by a page change, or its content got shorter —
    Qt read past the end of its list and the application died (SIGSEGV in
    QAccessibleCache::idForObject, from AtSpiAdaptor's GetChildAtIndex).

    Here Qt's own bars are always off, so the area's accessible children are always the viewport
    alone. They still hold the range and the position: `verticalScrollBar()`, `ensureWidgetVisible`
    and the wheel work as before. What the person sees and drags is `bar`, in a margin beside the
    viewport, following that hidden bar both ways (it is not one of the area's accessible children:
    screen readers never needed it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.bar = QScrollBar(Qt.Orientation.Vertical, self)
        self.bar.setObjectName("page_scroll_bar")
        self.bar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.bar.setVisible(False)
        self._margin = 0
        inner = self.verticalScrollBar()
        # queued, as Qt shows and hides its own bars: once the layout that changed the range is done
        inner.rangeChanged.connect(self._follow, Qt.ConnectionType.QueuedConnection)
        inner.valueChanged.connect(self.bar.setValue)
        self.bar.valueChanged.connect(inner.setValue)

    def _follow(self, *_args) -> None:
        """Take the hidden bar's range and steps; show the bar (and make room for it) when needed."""
        inner = self.verticalScrollBar()
        self.bar.setRange(inner.minimum(), inner.maximum())
        self.bar.setSingleStep(inner.singleStep())
        self.bar.setPageStep(inner.pageStep())
        self.bar.setValue(inner.value())
        needed = inner.maximum() > inner.minimum()
        # Showing the bar narrows the viewport, which only makes the content taller (and hiding it
        # the other way round): this settles at once.
        margin = self.bar.sizeHint().width() if needed else 0
        if margin != self._margin:
            self._margin = margin
            if self.isRightToLeft():
                self.setViewportMargins(margin, 0, 0, 0)
            else:
                self.setViewportMargins(0, 0, margin, 0)
        self.bar.setVisible(needed)
        self._place()

    def _place(self) -> None:
        area = self.contentsRect()
        x = area.left() if self.isRightToLeft() else area.right() + 1 - self._margin
        self.bar.setGeometry(x, area.top(), self._margin, area.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._follow()     # the page step follows the viewport's height

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange, QEvent.Type.LayoutDirectionChange):
            self._follow()     # the theme and the text size set the bar's width


def scrolling(page: QWidget, widgets: list[QWidget]) -> QScrollArea:
    """A page's one scrolling area (vertical only), holding these widgets top to bottom."""
    scroll = PageScroll(page)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # the controls take the focus, not the frame
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    scroll.setWidget(body)
    return scroll


def reveal(scroll: QScrollArea, question: QWidget, box: QWidget) -> bool:
    """Scroll just enough that `box` (the first answer) is in view, keeping as much as fits of its
    `question` and of what is above it (a title and purpose at 300 % on a small screen).

    A box taller than the view (an option whose words and hint wrap onto many lines in Korean or
    Burmese at 300 %) is shown from its top, where its radio button and first words are: lining up
    its bottom with the view's would scroll its button out of sight. Returns whether the box is
    now in view, or as much of it from its top as the view can hold."""
    body = scroll.widget()
    width = scroll.viewport().width()     # lay the page out now, as the scroll area would next
    wanted = body.heightForWidth(width) if body.hasHeightForWidth() else body.sizeHint().height()
    body.resize(width, max(scroll.viewport().height(), wanted))
    body.layout().activate()
    top = question.mapTo(body, question.rect().topLeft()).y()
    start = box.mapTo(body, box.rect().topLeft()).y()
    needed = box.mapTo(body, box.rect().bottomLeft()).y() + 8
    height = scroll.viewport().height()
    bar = scroll.verticalScrollBar()
    if needed - start > height:     # the box alone does not fit: its top at the view's top
        bar.setValue(start)
    elif needed - bar.value() > height or top < bar.value():
        bar.setValue(max(0, needed - height if needed - top > height else min(top, needed - height)))
    return in_view(scroll, box)


def in_view(scroll: QScrollArea, box: QWidget) -> bool:
    """Whether `box` is in view in `scroll`; one taller than the view, whether it fills the view
    from its top."""
    viewport = scroll.viewport()
    top = box.mapTo(viewport, box.rect().topLeft()).y()
    return box.isVisible() and top >= 0 and (top + box.height() <= viewport.height()
                                             or (top == 0 and box.height() > viewport.height()))


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint().boundedTo(QSize(area.width(), 1 << 20))
            if item.hasHeightForWidth() and hint.width() < item.sizeHint().width():   # wraps: taller
                hint.setHeight(max(hint.height(), item.heightForWidth(hint.width())))
            if x + hint.width() > area.right() + 1 and line_height > 0:
                x, y, line_height = area.x(), y + line_height + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()
