"""A push button whose label wraps onto more lines when its row is narrower than the label.

Qt's QPushButton draws its text on one line and asks for all of that line as its minimum width: a
Filipino "I-save ang aking impormasyon para sa susunod" at 300 % wants 1,483 px and pushes the
window past a laptop screen. This button asks only for its longest unbreakable piece of text (a
word; a character in Japanese) and grows in height instead (height-for-width, as a wrapped label).
Its text, shortcut and accessible name stay exactly those of a QPushButton (`text()` is never
changed): only the painting wraps.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QPushButton, QSizePolicy, QStyle, QStyleOptionButton, QStylePainter, QWidget

_FLAGS = Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextShowMnemonic
_TALL = 100_000


class WrapButton(QPushButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)     # not Fixed: a layout may give it more lines
        self.setSizePolicy(policy)

    # --- size -----------------------------------------------------------------------------------

    def _option(self) -> QStyleOptionButton:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        return option

    def _padding(self) -> QSize:
        """What the style adds around the text (bevel, margins)."""
        probe = QSize(1000, 100)
        return self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, self._option(), probe, self) - probe

    def _text_size(self, width: int) -> QSize:
        return self.fontMetrics().boundingRect(QRect(0, 0, max(1, width), _TALL), _FLAGS, self.text()).size()

    def minimumSizeHint(self) -> QSize:
        one_line = super().minimumSizeHint()
        narrowest = self._text_size(1).width() + self._padding().width()   # the longest word
        return QSize(min(one_line.width(), narrowest), one_line.height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        one_line = super().sizeHint()
        if width >= one_line.width():
            return one_line.height()
        padding = self._padding()
        return max(one_line.height(), self._text_size(width - padding.width()).height() + padding.height())

    def wrapped(self) -> bool:
        """Whether the label is drawn on more than one line at the present width."""
        return self.width() < super().sizeHint().width()

    # --- painting -------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: ANN001 (Qt's signature)
        if not self.wrapped():
            super().paintEvent(event)
            return
        painter = QStylePainter(self)
        option = self._option()
        text = option.text
        option.text = ""
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        contents = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        if self.style().styleHint(QStyle.StyleHint.SH_UnderlineShortcut, option, self):
            flags |= Qt.TextFlag.TextShowMnemonic
        else:
            flags |= Qt.TextFlag.TextHideMnemonic
        painter.drawItemText(contents, int(flags), option.palette, self.isEnabled(), text,
                             QPalette.ColorRole.ButtonText)
