"""Back on the left, the way on to the right — stacked when the window is too narrow for both
(large text or a narrow window), so nothing is ever cut off."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QBoxLayout, QPushButton, QWidget

from ui.a11y import spoken_label


class NavRow(QWidget):
    def __init__(self, back: QPushButton, forward: QPushButton, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.back, self.forward = back, forward
        for button in (back, forward):
            # Enter presses the focused button (outside a dialog Qt needs auto-default for that);
            # otherwise Enter on Back reached the page and went forward.
            button.setAutoDefault(True)
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.addWidget(back)
        self.box.addStretch(1)
        self.box.addWidget(forward)
        self._name_buttons()

    def _name_buttons(self) -> None:
        # The visible texts carry an arrow and a shortcut mark ("← 戻る(B)"); every screen reader
        # (Orca, NVDA, VoiceOver) would read them literally, so the names leave them out. A name
        # the page gave itself ("Save Phone") is kept.
        for button in (self.back, self.forward):
            name, given = spoken_label(button.text()), button.accessibleName()
            if given != name and given in ("", button.property("spoken_name")):
                button.setAccessibleName(name)
                button.setProperty("spoken_name", name)

    def _side_by_side_width(self) -> int:
        return self.back.sizeHint().width() + self.forward.sizeHint().width() + 2 * self.box.spacing()

    def minimumSizeHint(self) -> QSize:
        back, forward = self.back.minimumSizeHint(), self.forward.minimumSizeHint()
        if self.box.direction() == QBoxLayout.Direction.LeftToRight:
            # side by side: one button's height, not two (the page's questions get the room)
            return QSize(max(back.width(), forward.width()), max(back.height(), forward.height()))
        # one under the other, each as tall as its label needs at this width (a label that wraps)
        heights = [b.heightForWidth(self.width()) if b.hasHeightForWidth() and self.width() > 0 else hint.height()
                   for b, hint in ((self.back, back), (self.forward, forward))]
        return QSize(max(back.width(), forward.width()), sum(heights) + self.box.spacing())

    def _arrange(self, width: int) -> None:
        wide = width >= self._side_by_side_width()
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.box.direction() != direction:
            self.box.setDirection(direction)
            self.updateGeometry()     # the height it needs changed
            self.box.activate()   # lay out now, not on a later pass of the event loop

    def resizeEvent(self, event) -> None:
        self._arrange(event.size().width())
        super().resizeEvent(event)

    def event(self, event) -> bool:
        # a button's text (so its size) changed, e.g. "Next" became "Next: check your answers"
        if event.type() == QEvent.Type.LayoutRequest:
            self._name_buttons()
            self._arrange(self.width())
        return super().event(event)
