"""The official form as an A4 PDF, in Japanese, made with fpdf2.

Not Qt's PDF writer: its text layer turns some kanji into Kangxi radicals (platform-notes §7).
The bundled BIZ UDGothic font is embedded (subset), so the file prints the same everywhere and
its text can be searched, copied and read by screen readers. The PDF is tagged with its language.
Only the Regular face is embedded (each face costs about 150 ms to parse and subset); headings
are drawn filled and stroked, which looks bold and leaves the text layer unchanged.

BIZ UDGothic lacks some characters of real names (e.g. 𠮷 U+20BB7 in 𠮷田, Thai, Hangul). Only when
the text needs one is the next face that has it added: the other bundled faces, then the system's
FALLBACK_FONTS (pdf_fonts.py; Noto Sans CJK adds about 400 ms); characters that no font can draw
are reported in PdfResult.missing (render_pdf), never logged.

`new_pdf`, `bold` and `add_fallback_font` are shared with the power of attorney (proxy_letter.py)
and the person's own copy (summary.py, which sets its own `page_label`).
When someone helped fill in, one small line at the foot of every page says who; when the record
fits a QR code (qr.py), the code is drawn in the top right corner, beside the title.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import TextMode, WrapMode
from fpdf.fonts import FontFace

from assistant.export.pdf_fonts import use_faces
from assistant.fonts import FALLBACK_FONTS, FONT_DIR, FONT_FILE, find_fallback_font  # noqa: F401
from assistant.i18n import SOURCE_LANGUAGE
from assistant.interview.assisted import Assistance, printed_helper
from assistant.interview.record import Record
from assistant.interview.session import Session
from assistant.procedures import model as m

FONT = "BIZUDGothic"
GREY = (235, 235, 235)
QR_SIZE_MM = 30   # quiet zone included; read at 200 dpi up to version 25 (qr.MAX_VERSION)

log = logging.getLogger(__name__)


def _hide_glyph_lists(record: logging.LogRecord) -> bool:
    # fpdf2 logs the missing characters themselves when writing the file: here they are parts of names.
    return not str(record.msg).startswith("Font %s is missing the following glyphs")


def _only_warnings(record: logging.LogRecord) -> bool:
    # fontTools.subset (run by fpdf2 on output) lists at INFO the glyphs it keeps: "uni8A66" is 試.
    return record.levelno >= logging.WARNING


logging.getLogger("fpdf.output").addFilter(_hide_glyph_lists)
logging.getLogger("fontTools.subset").addFilter(_only_warnings)


@dataclass(frozen=True)
class PdfResult:
    """The written file and the characters that no embedded font could draw.

    fpdf2 leaves such characters out of both the page and the text layer (no box, just a gap), so a
    non-empty `missing` means the printed name is wrong: tell the user.
    """

    path: Path
    missing: frozenset[str]


class _FormPdf(FPDF):
    helper_line = ""   # who helped fill in, printed above the page number
    main_font = FONT   # the face of the document's language (export/pdf_fonts.py)
    page_total: int | None = None   # the number of pages when known before (else fpdf2's alias)
    #: the last line of every page; {page} is its number, {total} the number of pages
    page_label = "てつづきアシスタントで作成　{page}／{total}"

    def footer(self) -> None:
        if self.helper_line:
            self.set_y(-17)
            self.set_font(self.main_font, size=7.5)
            width = self.get_string_width(self.helper_line)
            if width > self.epw:   # a long organisation name: smaller, still one line
                self.set_font(self.main_font, size=7.5 * self.epw / width)
            self.cell(0, 4, self.helper_line, align="C")
        self.set_y(-12)
        self.set_font(self.main_font, size=8)
        # alias_nb_pages: fpdf2 puts the number of pages in place of "{nb}" when it writes the file
        self.cell(0, 6, self.page_label.format(page=self.page_no(), total=self.page_total or "{nb}"), align="C")

    def _render_styled_text_line(self, *args, **kwargs):
        # fpdf2 2.8.9 (py-pdf/fpdf2#1772): a line whose first run is in a fallback face is wrapped in
        # q … Q, which forgets the font, yet fpdf2 believes it is still set and the next line in the
        # main face is written with no font at all (blank). Setting it again on every line is safe.
        self.current_font_is_set_on_page = False
        return super()._render_styled_text_line(*args, **kwargs)


def new_pdf(title: str) -> _FormPdf:
    """An A4 page in Japanese with the bundled font added, a page-number footer and `title` as metadata."""
    pdf = _FormPdf(format="A4")
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_font(FONT, "", str(FONT_FILE))
    pdf.set_lang("ja-JP")
    pdf.set_title(title)
    pdf.set_creator("Tetsuzuki Assistant")
    pdf.alias_nb_pages()
    pdf.add_page()
    return pdf


@contextmanager
def bold(pdf: FPDF, size: float):
    """Text drawn filled and stroked at `size` (looks bold; only the Regular face is embedded)."""
    # The text render mode is graphics state and outlives ET: local_context saves and restores it.
    pdf.set_font(getattr(pdf, "main_font", FONT), "", size)
    with pdf.local_context(text_mode=TextMode.FILL_STROKE, line_width=size * 0.012):
        yield


def _rows(record: Record, step: m.Step) -> list[tuple[str, str]]:
    """(official label, answer as printed) of every question of `step` that applies, answered or not."""
    return [(row.official_label, row.printed) for row in record.questions if row.step_id == step.id]


def _section(pdf: FPDF, title: str, rows: list[tuple[str, str]]) -> None:
    with bold(pdf, 11):
        pdf.cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 10.5)
    label_style = FontFace(family=FONT, emphasis="", fill_color=GREY)
    with pdf.table(col_widths=(55, 125), first_row_as_headings=False, line_height=7,
                   padding=1.5) as table:
        for label, value in rows:
            row = table.row()
            row.cell(label, style=label_style)
            row.cell(value or "")
    pdf.ln(3)


def _signature_box(pdf: FPDF, form: m.FormWording) -> None:
    """The date and signature lines, worded by the procedure's `form:` block, left blank for the hand."""
    with bold(pdf, 11):
        pdf.cell(0, 8, form.sign_heading, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 10.5)
    with pdf.table(col_widths=(55, 125), first_row_as_headings=False, line_height=12) as table:
        for label, blank in ((form.date_label, "　　　　年　　　月　　　日"), (form.signature_label, "")):
            row = table.row()
            row.cell(label, style=FontFace(family=FONT, emphasis="", fill_color=GREY))
            row.cell(blank)
    pdf.ln(3)


def seal_box(pdf: FPDF, label: str, size: float = 32, x: float | None = None) -> None:
    """A framed square for a seal impression (印影), `label` above it, at the right margin or at
    `x` (the form's 「登録する印鑑」, the 代理人選任届's seal). The seal fits a 25 mm square."""
    x = pdf.w - pdf.r_margin - size if x is None else x
    if pdf.get_y() + size + 8 > pdf.h - pdf.b_margin:
        pdf.add_page()
    pdf.set_font(getattr(pdf, "main_font", FONT), "", 10)
    pdf.set_x(x)
    pdf.cell(size, 6, label, align="C", new_x="LMARGIN", new_y="NEXT")
    top = pdf.get_y()
    with pdf.local_context(line_width=0.5):
        pdf.rect(x, top, size, size)
    pdf.set_y(top + size + 3)


def _bring_lines(session: Session) -> list[str]:
    """What to bring, each with why; what this person need not bring, with why; office and fee."""
    procedure, items = session.procedure, session.checklist()
    lines = []
    for a in items.bring:
        lines.append(f"□ {a.label}：{a.hint}" if a.hint else f"□ {a.label}")
        if a.reason:
            lines.append(f"　必要な理由：{a.reason}")
    lines += [f"不要：{a.label}　{a.omit_reason}" for a in items.omitted]
    lines.append(f"提出先：{procedure.office.name}")
    if procedure.fee.amount_yen is not None:
        lines.append(f"手数料：{procedure.fee.amount_yen:,}円　{procedure.fee.note}".rstrip())
    return lines


def _notes(pdf: FPDF, notes: tuple[str, ...]) -> None:
    """The procedure's notes at the end of the form (`form: notes:`)."""
    pdf.ln(2)
    pdf.set_font(FONT, "", 9.5)
    for note in notes:
        pdf.multi_cell(0, 5.5, f"※{note}", new_x="LMARGIN", new_y="NEXT", wrapmode=WrapMode.CHAR, align="L")


def _leave_lines(session: Session) -> list[str]:
    """When the answers show this form is not the right one (a `leave` notice): what the notice
    says and where to go instead, printed framed at the top, so the form never looks right for it."""
    notice = session.leaving()
    return [] if notice is None else [f"【ご注意】{notice.text}", f"申請・届出先：{notice.go_to}"]


def _leave_box(pdf: FPDF, lines: list[str]) -> None:
    pdf.set_font(FONT, "", 10.5)
    with pdf.local_context(line_width=0.6):
        pdf.multi_cell(0, 6.5, "\n".join(lines), border=1, padding=2, new_x="LMARGIN", new_y="NEXT",
                       wrapmode=WrapMode.CHAR, align="L")
    pdf.ln(3)


def _bring_list(pdf: FPDF, lines: list[str]) -> None:
    with bold(pdf, 11):
        pdf.cell(0, 8, "持ち物・提出先", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 10)
    for line in lines:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT", wrapmode=WrapMode.CHAR, align="L")


def missing_glyphs(pdf: FPDF, texts: Iterable[str], family: str = FONT) -> set[str]:
    """The characters of `texts` that the font `family`, already added to `pdf`, has no glyph for.

    Uses the cmap fpdf2 parsed when the font was added (code point → glyph name), so the font file is
    not read twice. A line break is never looked up by fpdf2, so it never counts as missing.
    """
    cmap = pdf.fonts[family.lower()].cmap
    return {char for text in texts for char in text if char != "\n" and ord(char) not in cmap}


def add_fallback_font(pdf: FPDF, texts: Iterable[str]) -> set[str]:
    """Add the fallback faces `texts` need, if any, behind BIZ UDGothic (the form is Japanese);
    return the characters no face can draw (pdf_fonts.use_faces, fonts.faces)."""
    return use_faces(pdf, SOURCE_LANGUAGE["procedures"], texts)[1]


def _section_texts(sections: list[tuple[str, list[tuple[str, str]]]]) -> Iterable[str]:
    for title, rows in sections:
        yield title
        for label, value in rows:
            yield label
            yield value or ""


def _heading(pdf: FPDF, title: str, created: dt.datetime, qr: Path | None) -> None:
    """Title and date; with a QR code, the date stops short of it and the form starts below it."""
    top = pdf.t_margin
    if qr is not None:
        pdf.image(str(qr), x=pdf.w - pdf.r_margin - QR_SIZE_MM, y=top - 5, w=QR_SIZE_MM, h=QR_SIZE_MM)
    with bold(pdf, 18):
        pdf.cell(0, 12, title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    width = pdf.epw - (QR_SIZE_MM + 2 if qr is not None else 0)
    pdf.cell(width, 6, f"作成日 {created:%Y-%m-%d}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    if qr is not None:
        pdf.set_y(max(pdf.get_y(), top - 5 + QR_SIZE_MM + 1))


def render_pdf(session: Session, path: Path, created: dt.datetime, assistance: Assistance | None = None,
               qr: Path | None = None, record: Record | None = None) -> PdfResult:
    """Write the form with every answer that applies, boxes for date and signature (worded by the
    procedure's `form:` block), what to bring and why, the form's notes, and say which characters
    (if any) no font could draw.

    With `assistance` from someone who helped, a line at the foot of each page says who; `qr` is a
    PNG of the record's QR code (qr.write_qr), drawn in the top right corner. The answers are
    read from `record` (made from `session` when not given).
    The export still succeeds when some characters cannot be drawn: the caller decides how to tell
    the user (the characters are personal data, so show them to the user but do not log them).
    """
    procedure = session.procedure
    record = record or Record.of(session)
    sections = [(step.title, _rows(record, step)) for step in session.visible_steps()]
    lines, leave = _bring_lines(session), _leave_lines(session)
    pdf = new_pdf(procedure.title)
    pdf.helper_line = printed_helper(assistance)
    form = procedure.form
    wording = [form.sign_heading, form.date_label, form.signature_label, form.seal_box, *form.notes]
    missing = add_fallback_font(pdf, [procedure.title, pdf.helper_line, *leave, *lines, *wording,
                                      *_section_texts(sections)])
    if missing:
        log.warning("%d character(s) have no glyph in the embedded fonts", len(missing))
    _heading(pdf, procedure.title, created, qr)
    if leave:
        _leave_box(pdf, leave)
    for title, rows in sections:
        _section(pdf, title, rows)
    _signature_box(pdf, form)
    if form.seal_box:
        seal_box(pdf, form.seal_box)
    _bring_list(pdf, lines)
    _notes(pdf, form.notes)
    pdf.output(str(path))
    return PdfResult(path, frozenset(missing))
