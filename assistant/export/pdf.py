"""The official form as an A4 PDF, in Japanese, made with fpdf2.

Not Qt's PDF writer: its text layer turns some kanji into Kangxi radicals (platform-notes §7).
The bundled BIZ UDGothic font is embedded (subset), so the file prints the same everywhere and
its text can be searched, copied and read by screen readers. The PDF is tagged with its language.
Only the Regular face is embedded (each face costs about 150 ms to parse and subset); headings
are drawn filled and stroked, which looks bold and leaves the text layer unchanged.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from contextlib import contextmanager

from fpdf import FPDF
from fpdf.enums import TextMode
from fpdf.fonts import FontFace

from assistant.interview.session import Session
from assistant.procedures import model as m

FONT_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "fonts"
FONT = "BIZUDGothic"
GREY = (235, 235, 235)


class _FormPdf(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, size=8)
        self.cell(0, 6, f"てつづきアシスタントで作成　{self.page_no()}／{{nb}}", align="C")


def _new_pdf(title: str) -> FPDF:
    pdf = _FormPdf(format="A4")
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_font(FONT, "", str(FONT_DIR / "BIZUDGothic-Regular.ttf"))
    pdf.set_lang("ja-JP")
    pdf.set_title(title)
    pdf.set_creator("Tetsuzuki Assistant")
    pdf.alias_nb_pages()
    pdf.add_page()
    return pdf


@contextmanager
def _bold(pdf: FPDF, size: float):
    # The text render mode is graphics state and outlives ET: local_context saves and restores it.
    pdf.set_font(FONT, "", size)
    with pdf.local_context(text_mode=TextMode.FILL_STROKE, line_width=size * 0.012):
        yield


def _rows(session: Session, step: m.Step) -> list[tuple[str, str]]:
    rows = []
    for field in session.visible_fields(step):
        if isinstance(field, m.GroupField):
            for index, item in enumerate(session.answers.get(field.id) or []):
                for sub in session.visible_item_fields(field, item):
                    rows.append((f"{field.label}{index + 1}　{sub.label}", session.result(sub, item).display))
        else:
            rows.append((field.label, session.result(field).display))
    return rows


def _section(pdf: FPDF, title: str, rows: list[tuple[str, str]]) -> None:
    with _bold(pdf, 11):
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


def _signature_box(pdf: FPDF) -> None:
    with _bold(pdf, 11):
        pdf.cell(0, 8, "請求日・署名", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 10.5)
    with pdf.table(col_widths=(55, 125), first_row_as_headings=False, line_height=12) as table:
        for label, blank in (("請求日", "　　　　年　　　月　　　日"), ("請求者の署名", "")):
            row = table.row()
            row.cell(label, style=FontFace(family=FONT, emphasis="", fill_color=GREY))
            row.cell(blank)
    pdf.ln(3)


def _bring_list(pdf: FPDF, session: Session) -> None:
    procedure = session.procedure
    with _bold(pdf, 11):
        pdf.cell(0, 8, "持ち物・提出先", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 10)
    lines = [f"□ {a.label}：{a.hint}" if a.hint else f"□ {a.label}" for a in session.needed_attachments()]
    lines.append(f"提出先：{procedure.office.name}")
    if procedure.fee.amount_yen is not None:
        lines.append(f"手数料：{procedure.fee.amount_yen:,}円　{procedure.fee.note}".rstrip())
    for line in lines:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")


def write_pdf(session: Session, path: Path, created: dt.datetime) -> Path:
    """Write the form with every answer that applies, boxes for date and signature, what to bring."""
    procedure = session.procedure
    pdf = _new_pdf(procedure.title)
    with _bold(pdf, 18):
        pdf.cell(0, 12, procedure.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    pdf.cell(0, 6, f"作成日 {created:%Y-%m-%d}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for step in session.visible_steps():
        _section(pdf, step.title, _rows(session, step))
    _signature_box(pdf)
    _bring_list(pdf, session)
    pdf.output(str(path))
    return path
