"""A label that shows furigana: every reading in small type centred above its base (やさしい日本語).

The text is given in the catalogs' ruby markup (assistant/ruby.py). The label's own text, and so its
accessible name and text, is the plain text — bases only: a screen reader reads the sentence once,
never the readings on their own. It wraps at the places assistant.ruby allows (a ruby stays with
its base), follows the application's font (the text size setting) and the style sheet's colour
(high contrast), and answers heightForWidth, so layouts give it the height its lines need at 300 %.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from assistant import ruby

#: a reading's size against its base's (JIS X 4051: half; readings stay legible as the text size grows)
RUBY_SCALE = 0.5
_GAP = 1.0   # logical pixels between a reading and its base


@dataclass(frozen=True)
class Box:
    """Where one piece is drawn: its base's and (when it has one) its reading's rectangles."""

    piece: ruby.Piece
    base: QRectF
    reading: QRectF | None


class RubyLabel(QLabel):
    """A wrapping label of marked-up text (`漢字《かんじ》`, `｜日本語《にほんご》`) drawn with ruby."""

    def __init__(self, *args, wrap: bool = True) -> None:
        """`RubyLabel(text="", parent=None)` or, as a QLabel, `RubyLabel(parent)`. With `wrap`
        (the default) the label wraps its lines; `wrap=False` keeps a QLabel's own settings, for a
        label that only draws ruby when its text has some (every label of the pages: in other
        languages they look and behave exactly as a QLabel)."""
        marked, parent = "", None
        if args and isinstance(args[0], QWidget):
            parent = args[0]
        elif args:
            marked = args[0] or ""
            parent = args[1] if len(args) > 1 else None
        super().__init__(parent)
        if wrap:
            self.setWordWrap(True)
            self.setTextFormat(Qt.TextFormat.PlainText)   # the plain text is never read as HTML
        self._pieces: list[ruby.Piece] = []
        self._has_ruby = False
        self._named = ""            # the accessible name set here (the plain text), "" if none
        self._marked = ""
        self.setMarkup(marked)

    # --- text ----------------------------------------------------------------------------------------

    def setMarkup(self, marked: str) -> None:
        """Show `marked` (ruby markup); the label's text and accessible name become its plain text.
        A text without readings is shown as any QLabel shows it."""
        marked = marked or ""
        shown = marked
        if self.buddy() is not None:   # a mnemonic's & is not drawn nor read (QLabel's text keeps it: Alt+letter)
            shown = marked.replace("&&", "\0").replace("&", "").replace("\0", "&")
        segments = ruby.parse(shown)
        self._marked = marked
        self._pieces = ruby.pieces(segments)
        self._has_ruby = any(s.reading for s in segments)
        if self._has_ruby:
            policy = self.sizePolicy()
            policy.setHeightForWidth(True)
            self.setSizePolicy(policy)
            QLabel.setText(self, ruby.plain(marked))
            self._named = ruby.plain(shown)
            self.setAccessibleName(self._named)
        else:
            QLabel.setText(self, marked)
            if self._named and self.accessibleName() == self._named:
                self.setAccessibleName("")      # the name is the text again, as any label's
            self._named = ""
        self.updateGeometry()
        self.update()

    def setText(self, marked: str) -> None:
        """As `setMarkup`: code that sets any label's text (a page retranslating itself) gives the
        markup here too; `text()` is then the plain text."""
        self.setMarkup(marked)

    def clear(self) -> None:
        self.setMarkup("")

    def hasRuby(self) -> bool:
        """Whether the text has readings, drawn above their bases."""
        return self._has_ruby

    def markup(self) -> str:
        """The text as given, with its ruby markup."""
        return self._marked

    # --- fonts and measures --------------------------------------------------------------------------

    def rubyFont(self) -> QFont:
        """The readings' font: the label's own, at RUBY_SCALE of its size."""
        font = QFont(self.font())
        font.setPointSizeF(max(1.0, font.pointSizeF() * RUBY_SCALE))
        return font

    def _metrics(self) -> tuple[QFontMetricsF, QFontMetricsF]:
        return QFontMetricsF(self.font()), QFontMetricsF(self.rubyFont())

    def _band(self, small: QFontMetricsF) -> float:
        """The height kept above every line for readings (none when the text has none)."""
        return small.ascent() + small.descent() + _GAP if self._has_ruby else 0.0

    def _line_height(self) -> float:
        big, small = self._metrics()
        return self._band(small) + big.height()

    def _measure(self, big: QFontMetricsF, small: QFontMetricsF):
        def width(piece: ruby.Piece) -> float:
            reading = small.horizontalAdvance(piece.reading) if piece.reading else 0.0
            return max(big.horizontalAdvance(piece.base), reading)
        return width

    def boxes(self, width: float | None = None) -> list[Box]:
        """Where each piece is drawn when the label is `width` wide (its own width if not given),
        in the label's coordinates."""
        big, small = self._metrics()
        measure = self._measure(big, small)
        margins = self.contentsMargins()
        available = (self.width() if width is None else width) - margins.left() - margins.right()
        band, line_height = self._band(small), self._line_height()
        boxes: list[Box] = []
        y = float(margins.top())
        for line in ruby.wrap(self._pieces, max(1.0, available), measure):
            x = float(margins.left())
            for piece in line:
                cell = measure(piece)
                base_width = big.horizontalAdvance(piece.base)
                base = QRectF(x + (cell - base_width) / 2, y + band, base_width, big.height())
                reading = None
                if piece.reading:
                    reading_width = small.horizontalAdvance(piece.reading)
                    reading = QRectF(x + (cell - reading_width) / 2, y, reading_width, band - _GAP)
                boxes.append(Box(piece, base, reading))
                x += cell
            y += line_height
        return boxes

    def _lines(self, width: float) -> int:
        big, small = self._metrics()
        margins = self.contentsMargins()
        return max(1, len(ruby.wrap(self._pieces, max(1.0, width - margins.left() - margins.right()),
                                    self._measure(big, small))))

    # --- size ----------------------------------------------------------------------------------------

    def hasHeightForWidth(self) -> bool:
        return True if self._has_ruby else super().hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        if not self._has_ruby:
            return super().heightForWidth(width)
        margins = self.contentsMargins()
        return int(self._lines(width) * self._line_height() + 0.999) + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:
        if not self._has_ruby:
            return super().sizeHint()
        big, small = self._metrics()
        measure = self._measure(big, small)
        margins = self.contentsMargins()
        # one line up to about 40 characters, as a wrapping QLabel asks
        natural = sum(measure(p) for p in self._pieces if not p.newline)
        width = int(min(natural, big.averageCharWidth() * 40) + 0.999) + margins.left() + margins.right()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        if not self._has_ruby:
            return super().minimumSizeHint()
        big, small = self._metrics()
        measure = self._measure(big, small)
        margins = self.contentsMargins()
        widest = max((measure(p) for p in self._pieces), default=0.0)
        width = int(widest + 0.999) + margins.left() + margins.right()
        # as a word-wrapped QLabel: as narrow as its widest piece, one line high. The height its
        # lines need at the width a layout gives it is heightForWidth, which layouts ask. A minimum
        # height that followed its width was the height of dozens of lines whenever it was narrow
        # (not laid out yet: 100 px; a status line shown at the bottom of the window), and became the
        # window's minimum, which Qt lets beat the window's maximum: the window grew past the screen
        # and stayed so once the label had its real width; a dialog likewise grew past the screen.
        one_line = int(self._line_height() + 0.999) + margins.top() + margins.bottom()
        return QSize(width, min(one_line, self.sizeHint().height()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()     # the text size setting or a theme's style sheet changed the font

    # --- drawing -------------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        if not self._has_ruby:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))   # the style sheet's colour (themes)
        big, small = self._metrics()
        boxes = self.boxes()
        painter.setFont(self.font())
        for box in boxes:
            painter.drawText(QPointF(box.base.left(), box.base.top() + big.ascent()), box.piece.base)
        painter.setFont(self.rubyFont())
        for box in boxes:
            if box.reading is not None:
                painter.drawText(QPointF(box.reading.left(), box.reading.top() + small.ascent()), box.piece.reading)
        painter.end()



class Label(RubyLabel):
    """Every label of the application: a QLabel in every way — same look, same size, its own word
    wrap setting — until its text has readings (やさしい日本語), which it then draws above their kanji,
    its text and accessible name being the plain text."""

    def __init__(self, *args) -> None:
        super().__init__(*args, wrap=False)
