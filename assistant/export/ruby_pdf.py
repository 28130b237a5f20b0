"""Furigana in the person's copy (やさしい日本語): ruby text written into an fpdf2 page.

fpdf2 has no ruby of its own, so each line is laid out here with the same rules as the screen
(assistant.ruby: a ruby never leaves its base, lines break between phrases): every reading in the
copy's own font at RUBY_SCALE of the base's size, centred above its base; a reading wider than its
base widens the base's cell rather than touching its neighbours'. Per line, the bases are written
first and the readings after them, so the text layer (pdftotext, copy and paste, search) reads the
sentence whole and the readings apart, on a line of their own. (A base under a wider reading is
drawn alone, centred in its cell: text extraction may show that gap as a space.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from assistant import ruby

#: a reading's size against its base's (JIS X 4051: half), as on the screen
RUBY_SCALE = 0.5
#: the base's line height and the readings' band, in multiples of their font sizes
LINE_SPACING, BAND_SPACING = 1.3, 1.1


@dataclass(frozen=True)
class _Cell:
    piece: ruby.Piece
    x: float
    width: float        # the cell: the wider of base and reading
    base_width: float


def write_ruby(pdf: FPDF, marked: str, width: float | None = None) -> None:
    """Write `marked` (ruby markup, assistant/ruby.py) from the current position, in the current font
    and size, wrapped to `width` (user units; the rest of the line if not given), then move below it.
    A new page is started whenever a line would cross the page-break margin. Characters the font
    lacks are drawn with the PDF's fallback fonts (pdf.add_fallback_font), as everywhere else."""
    margin, pdf.c_margin = pdf.c_margin, 0.0
    try:
        _write(pdf, marked, width)
    finally:
        pdf.c_margin = margin


def has_ruby(text: str) -> bool:
    """Whether `text` has a reading to draw (a text without one is written as any other)."""
    return bool(text) and ruby.OPEN in text and any(s.reading for s in ruby.parse(text))


def kana(text: str) -> str:
    """`text` with every ruby replaced by its reading, for a place that cannot draw ruby (a footer
    written by fpdf2, the PDF's metadata): a reader who cannot read kanji reads every word."""
    return "".join(s.reading or s.base for s in ruby.parse(text)) if has_ruby(text) else text


def _measurer(pdf: FPDF) -> Callable[[ruby.Piece], float]:
    """How wide a piece is in the current font and size: its base or, when wider, its reading."""
    size = pdf.font_size_pt

    def measure(piece: ruby.Piece) -> float:
        base = pdf.get_string_width(piece.base)
        if not piece.reading:
            return base
        pdf.set_font_size(size * RUBY_SCALE)
        reading = pdf.get_string_width(piece.reading)
        pdf.set_font_size(size)
        return max(base, reading)

    return measure


def ruby_height(pdf: FPDF, marked: str, width: float) -> float:
    """How tall `write_ruby` makes `marked` at `width` in the current font and size (user units)."""
    segments = ruby.parse(marked)
    band = pdf.font_size * RUBY_SCALE * BAND_SPACING if any(s.reading for s in segments) else 0.0
    lines = ruby.wrap(ruby.pieces(segments), width, _measurer(pdf))
    return len(lines) * (band + pdf.font_size * LINE_SPACING)


def _write(pdf: FPDF, marked: str, width: float | None) -> None:
    size = pdf.font_size_pt
    left = pdf.get_x()
    width = (pdf.w - pdf.r_margin - left) if width is None else width
    segments = ruby.parse(marked)
    has_ruby = any(s.reading for s in segments)
    big, small = pdf.font_size, pdf.font_size * RUBY_SCALE
    band = small * BAND_SPACING if has_ruby else 0.0
    line_height = band + big * LINE_SPACING

    measure = _measurer(pdf)
    for line in ruby.wrap(ruby.pieces(segments), width, measure):
        if pdf.auto_page_break and pdf.get_y() + line_height > pdf.page_break_trigger:
            pdf.add_page()
        top = pdf.get_y()
        cells = _cells(pdf, line, left, measure)
        _bases(pdf, cells, top + band)
        pdf.set_font_size(size * RUBY_SCALE)
        for cell in cells:
            if cell.piece.reading:
                reading_width = pdf.get_string_width(cell.piece.reading)
                _text(pdf, cell.x + (cell.width - reading_width) / 2, top, cell.piece.reading)
        pdf.set_font_size(size)
        pdf.set_xy(left, top + line_height)
    pdf.set_x(left)


def _cells(pdf: FPDF, line: list[ruby.Piece], left: float, measure) -> list[_Cell]:
    cells, x = [], left
    for piece in line:
        cell = measure(piece)
        cells.append(_Cell(piece, x, cell, pdf.get_string_width(piece.base)))
        x += cell
    return cells


def _text(pdf: FPDF, x: float, top: float, text: str) -> None:
    """`text` in the current font and size, its glyphs' top at (x, top). Through cell(), which uses
    the fallback fonts (FPDF.text() does not)."""
    pdf.set_xy(x, top)
    pdf.cell(h=pdf.font_size, text=text, new_x=XPos.RIGHT, new_y=YPos.TOP)


def _bases(pdf: FPDF, cells: list[_Cell], top: float) -> None:
    """The bases of one line, each run of neighbours that need no padding written as one string
    (so the text layer has words, not letters)."""
    run, start = "", 0.0
    for cell in cells:
        offset = (cell.width - cell.base_width) / 2
        if offset > 0.01:                       # a wider reading: this base is centred in its cell
            if run:
                _text(pdf, start, top, run)
            _text(pdf, cell.x + offset, top, cell.piece.base)
            run = ""
            continue
        if not run:
            start = cell.x
        run += cell.piece.base
    if run:
        _text(pdf, start, top, run)

