"""The person's own copy of what they filled in, in their language, to keep: not for submission.

The official form is in Japanese (pdf.py); this A4 PDF says the same in the person's language, with
the official Japanese beside every procedure text so the two can be compared line by line: the
procedure, the date, each answer of the review, what to do next (print, date and sign the form;
where to bring it; fee, deadline, the documents with why and those left out with why), the
deadlines computed from the answers, and who helped. It says at the top, and at the foot
of every page, that it is not for submission. In Japanese it is still made, as a plain summary.

Everything is written in the `language` given, never in whatever the interface shows meanwhile
(the export runs in the background while the person may switch languages). A My Number appears
only as its last four digits, as on the screen.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from pathlib import Path

from babel.dates import format_date
from babel.numbers import format_decimal
from fpdf import FPDF
from fpdf.enums import WrapMode
from fpdf.fonts import FontFace

from assistant import languages
from assistant.export.pdf import GREY, bold, new_pdf
from assistant.export.pdf_fonts import discard, use_faces, wrapped
from assistant.export.ruby_pdf import has_ruby, kana, ruby_height, write_ruby
from assistant.i18n import N_, SOURCE_LANGUAGE, babel_locale, bilingual, ptext, translate
from assistant.interview.applicant import applicant_rule
from assistant.interview.assisted import FAMILY, HOUSEHOLD, PROXY, VOLUNTEER, Assistance
from assistant.interview.checklist import bring_texts, omitted_texts
from assistant.interview.deadlines import deadline_texts
from assistant.interview.display import resident_municipality
from assistant.interview.notices import where_lines
from assistant.interview.record import Record, bilingual_label
from assistant.interview.session import Session

log = logging.getLogger(__name__)

#: the language of the official form; a copy in it is a summary rather than a translation
FORM_LANGUAGE = SOURCE_LANGUAGE["procedures"]
#: the answers table: the question's and the answer's share of the width, and the cells' padding (mm)
_COLUMNS = (75, 105)
_PADDING = 1.5

# i18n: printed at the top of the resident's own copy, made in their language beside the Japanese form.
NOT_FOR_SUBMISSION = N_("Your copy — not for submission. Hand in the Japanese form.")
# i18n: printed at the top of the summary made when the interface is in Japanese, the form's own language.
SUMMARY_NOT_FOR_SUBMISSION = N_("Your summary — not for submission. Hand in the form itself.")
# i18n: the document title (PDF metadata) of the resident's copy; {procedure} is the form's name.
COPY_TITLE = N_("Your copy: {procedure}")
# i18n: the document title (PDF metadata) of the summary made in Japanese; {procedure} is the form's name.
SUMMARY_TITLE = N_("Your summary: {procedure}")
# i18n: the foot of every page of the resident's copy.
PAGE_LABEL = N_("Not for submission — page {page} of {total}")

# Whole sentences for who typed, by (role, name known, organisation known): never a stand-in word.
_HELPED = {
    (FAMILY, True, False): N_("Filled in with the help of {helper}, a family member."),
    (FAMILY, False, False): N_("Filled in with the help of a family member."),
    (VOLUNTEER, True, True): N_("Filled in with the help of {helper} of {organisation}, a support volunteer."),
    (VOLUNTEER, True, False): N_("Filled in with the help of {helper}, a support volunteer."),
    (VOLUNTEER, False, True): N_("Filled in with the help of a support volunteer of {organisation}."),
    (VOLUNTEER, False, False): N_("Filled in with the help of a support volunteer."),
}
_APPLIED = {
    HOUSEHOLD: N_("Someone of the resident's household applies and signs the form."),
    PROXY: N_("A representative (代理人) applies for the resident, with the power of attorney (委任状) the "
              "resident signs."),
}


def render_copy(session: Session, path: Path, created: dt.datetime, language: str,
                assistance: Assistance | None = None, power_of_attorney: bool = False,
                record: Record | None = None) -> Path:
    """Write the person's copy of `session` in `language` at `path` and return `path`.

    `assistance` says who helped (a line when someone did); `power_of_attorney` whether a 委任状
    was made too (a line saying so). Characters no font can draw are left out, as on the form,
    which reports them (pdf.render_pdf). The answers are read from `record`, made in `language`
    (from `session` when not given).
    """
    if record is None or record.language != language:
        record = Record.of(session, language)
    copy = _Copy(session, record, created, language, assistance, power_of_attorney)
    pdf = _layout(copy, created)
    if pdf.text_shaping:
        # fpdf2 cannot put the page count into shaped text afterwards: lay out again with it known
        discard(pdf)
        pdf = _layout(copy, created, total=pdf.page_no())
    pdf.output(str(path))
    return path


def _layout(copy: _Copy, created: dt.datetime, total: int | None = None) -> FPDF:
    pdf = new_pdf(kana(copy.title()))
    row = languages.all_languages().get(copy.language)
    pdf.set_lang(row.tag if row else copy.language)
    pdf.set_creation_date(created)
    pdf.page_label, pdf.page_total = kana(copy.tr(PAGE_LABEL)), total    # a footer cannot draw ruby
    pdf.main_font, missing = use_faces(pdf, copy.language, copy.texts())
    if missing and total is None:
        log.warning("the copy has characters no embedded font can draw")
    copy.draw(pdf)
    return pdf


class _Copy:
    """The texts of one copy, in one language, and how they are laid out."""

    def __init__(self, session: Session, record: Record, created: dt.datetime, language: str,
                 assistance: Assistance | None, power_of_attorney: bool) -> None:
        self.session, self.created, self.language = session, created, language
        self.assistance, self.power_of_attorney = assistance, power_of_attorney
        self.form_file = f"{session.procedure.id}.pdf"   # as package.export_package names the form
        # (question with the Japanese beside it, answer as the screen shows it): the answered ones
        self.rows = [(bilingual_label(row, language), row.display) for row in record.rows if row.display]

    # --- words -----------------------------------------------------------------------------------

    def tr(self, message: str) -> str:
        return translate(message, self.language)

    def both(self, official: str) -> str:
        """A procedure text in the copy's language with the official Japanese beside it."""
        return bilingual(official, self.language)

    def title(self) -> str:
        message = SUMMARY_TITLE if self.language == FORM_LANGUAGE else COPY_TITLE
        return self.tr(message).format(procedure=ptext(self.session.procedure.title, self.language))

    def banner(self) -> str:
        return self.tr(SUMMARY_NOT_FOR_SUBMISSION if self.language == FORM_LANGUAGE else NOT_FOR_SUBMISSION)

    def made_on(self) -> str:
        day = format_date(self.created.date(), format="long", locale=babel_locale(self.language))
        # i18n: under the title of the resident's copy; {date} is the export date, already in the person's language.
        return self.tr(N_("Made on {date}")).format(date=day)

    def next_steps(self) -> list[str]:
        """What to do with the form: print and sign, where to bring it, the documents to bring."""
        office = self.session.procedure.office
        # i18n: {file} is the file name of the Japanese form in the exported folder.
        steps = [self.tr(N_("Print the Japanese form ({file}), write the date and sign it.")).format(
                     file=self.form_file),
                 "\n".join(filter(None, [*where_lines(self.session, self.language),
                                         self.municipality(), self.both(office.note)]))]
        documents = self.documents()
        if documents:
            steps.append("\n".join([self.tr(N_("Bring these documents too:")), *documents]))
        return [f"{number}. {step}" for number, step in enumerate(steps, 1)]

    def municipality(self) -> str:
        """Where the resident is registered, so the right office (not the representative's)."""
        where = resident_municipality(self.session)
        return self.tr(N_("The resident is registered in {municipality}: go to the office of that city, ward, town "
                          "or village.")).format(municipality=where) if where else ""

    def documents(self) -> list[str]:
        """The documents to bring, each with why, then those this person need not bring, with why."""
        items = self.session.checklist()
        lines = ["□ " + text for text in bring_texts(items, self.language)]
        omitted = omitted_texts(items, self.language)
        if omitted:
            lines += [self.tr(N_("What you need not bring:")), *omitted]
        return lines

    def deadlines(self) -> list[str]:
        """The deadlines computed from the answers, days left counted from the day the copy was made."""
        return deadline_texts(self.session.due_dates(), self.created.date(), self.language)

    def notes(self) -> list[str]:
        """Fee, deadline, the 委任状 and who helped, when there is something to say."""
        procedure, notes = self.session.procedure, []
        fee = procedure.fee
        if fee.amount_yen == 0:
            notes.append(self.tr(N_("Fee: none.")))
        elif fee.amount_yen is not None:
            amount = format_decimal(fee.amount_yen, locale=babel_locale(self.language))
            notes.append(self.tr(N_("Fee: {amount} yen.")).format(amount=amount))
        elif fee.note:
            notes.append(self.tr(N_("Fee: {note}")).format(note=self.both(fee.note)))
        if fee.amount_yen is not None and fee.note:
            notes.append(self.both(fee.note))
        rule = applicant_rule(self.session)   # e.g. what an agent gets mailed to the resident instead
        if rule is not None and rule.note:
            notes.append(self.both(rule.note))
        if procedure.deadline:
            notes.append(self.tr("By when: {deadline}").format(deadline=self.both(procedure.deadline)))
        if self.power_of_attorney:
            notes.append(self.tr("A power of attorney (委任状) was made too: the resident reads it, writes the date "
                                 "and signs it, and the representative brings it."))
            if procedure.proxy and procedure.proxy.note:   # what the representative should know
                notes.append(self.both(procedure.proxy.note))
        return notes + self.helped()

    def helped(self) -> list[str]:
        """Who typed and who applies, one whole sentence each, when not the resident alone."""
        assistance, lines = self.assistance, []
        if assistance is None:
            return lines
        if assistance.applicant in _APPLIED:
            lines.append(self.tr(_APPLIED[assistance.applicant]))
        if assistance.helped:
            helper, organisation = assistance.helper_name.strip(), assistance.helper_organisation.strip()
            key = (assistance.role, bool(helper), bool(organisation) and assistance.role == VOLUNTEER)
            lines.append(self.tr(_HELPED[key]).format(helper=helper, organisation=organisation))
        return lines

    def texts(self) -> Iterable[str]:
        """Everything printed, to find the characters the embedded font lacks."""
        yield from (self.banner(), self.title(), self.both(self.session.procedure.title), self.made_on())
        yield from (text for row in self.rows for text in row)
        yield from (*self.next_steps(), *self.notes(), self.tr(PAGE_LABEL))
        yield from (self.tr(N_("Deadlines")), *self.deadlines())
        yield from (self.tr(N_("Your answers")), self.tr(N_("What to do next")))

    # --- layout ----------------------------------------------------------------------------------

    def lines(self, pdf: FPDF, text: str, width: float) -> str:
        """`text` broken into lines of `width` mm the way the copy's language breaks them."""
        return wrapped(pdf, text, width, self.language)

    def paragraph(self, pdf: FPDF, text: str, height: float, **options) -> None:
        """One paragraph across the page: with furigana over its kanji when it has readings
        (やさしい日本語; the official Japanese beside stays plain), else broken as the language breaks."""
        if has_ruby(text):
            pdf.set_x(pdf.l_margin)
            write_ruby(pdf, text, pdf.epw)
            pdf.set_x(pdf.l_margin)
            return
        pdf.multi_cell(0, height, self.lines(pdf, text, pdf.epw), new_x="LMARGIN", new_y="NEXT",
                       wrapmode=WrapMode.WORD, **options)

    def _banner(self, pdf: FPDF) -> None:
        banner = self.banner()
        with bold(pdf, 12), pdf.local_context(fill_color=GREY):
            if not has_ruby(banner):
                pdf.multi_cell(0, 7, self.lines(pdf, banner, pdf.epw - 4), border=1, fill=True, align="C",
                               padding=2, new_x="LMARGIN", new_y="NEXT", wrapmode=WrapMode.WORD)
                return
            top, height = pdf.get_y(), ruby_height(pdf, banner, pdf.epw - 4) + 4
            pdf.rect(pdf.l_margin, top, pdf.epw, height, style="DF")     # the grey box, then the text on it
            pdf.set_xy(pdf.l_margin + 2, top + 2)
            write_ruby(pdf, banner, pdf.epw - 4)
            pdf.set_xy(pdf.l_margin, top + height)

    def draw(self, pdf: FPDF) -> None:
        self._banner(pdf)
        pdf.ln(4)
        with bold(pdf, 15):
            self.paragraph(pdf, self.both(self.session.procedure.title), 8)
        pdf.set_font(pdf.main_font, "", 9)
        if has_ruby(self.made_on()):
            self.paragraph(pdf, self.made_on(), 6)
        else:
            pdf.cell(0, 6, self.made_on(), align="R", new_x="LMARGIN", new_y="NEXT")
        self._answers(pdf)
        self._heading(pdf, self.tr(N_("What to do next")))
        pdf.set_font(pdf.main_font, "", 10)
        for line in [*self.next_steps(), *self.notes()]:
            self.paragraph(pdf, line, 6, align="L")
            pdf.ln(1)
        self._deadlines(pdf)

    def _deadlines(self, pdf: FPDF) -> None:
        deadlines = self.deadlines()
        if not deadlines:
            return
        self._heading(pdf, self.tr(N_("Deadlines")))
        pdf.set_font(pdf.main_font, "", 10)
        for line in deadlines:
            self.paragraph(pdf, line, 6, align="L")
            pdf.ln(1)

    def _heading(self, pdf: FPDF, text: str) -> None:
        pdf.ln(2)
        with bold(pdf, 12):
            if has_ruby(text):
                self.paragraph(pdf, text, 8)
            else:
                pdf.cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")

    def _answers(self, pdf: FPDF) -> None:
        self._heading(pdf, self.tr(N_("Your answers")))
        pdf.set_font(pdf.main_font, "", 10)
        label_style = FontFace(family=pdf.main_font, emphasis="", fill_color=GREY)
        widths = [pdf.epw * share / sum(_COLUMNS) - 2 * _PADDING for share in _COLUMNS]
        if any(has_ruby(label) or has_ruby(answer) for label, answer in self.rows):
            # a table cell cannot draw ruby: each question with its readings, its answer below it
            for label, answer in self.rows:
                with bold(pdf, 10):
                    self.paragraph(pdf, label, 6)
                pdf.set_font(pdf.main_font, "", 10)
                self.paragraph(pdf, answer, 6)
                pdf.ln(1.5)
            pdf.ln(2)
            return
        with pdf.table(col_widths=_COLUMNS, first_row_as_headings=False, line_height=6, padding=_PADDING,
                       text_align="LEFT", wrapmode=WrapMode.WORD) as table:
            for label, answer in self.rows:
                row = table.row()
                row.cell(self.lines(pdf, label, widths[0]), style=label_style)
                row.cell(self.lines(pdf, answer, widths[1]))
        pdf.ln(2)
