"""The power of attorney (委任状) a resident signs so that a representative (代理人) can apply.

Laid out like the municipal templates, titled as the municipality calls it (`proxy.title`: 委任状,
印鑑登録's 代理人選任届): the representative's address and name, the sentence of
delegation, the delegated matter (for the residence record: which certificate, how many copies),
a date line and the resident's (委任者) details, then a blank line for the resident's own signature
and, when the procedure asks for it (`proxy.seal_box`), a framed box for the seal.
Date and signature are never filled in: the resident writes them by hand.

The delegated matter and the answers printed under it (which certificate, how many copies) are the
procedure's `proxy:` block (`matter`, `details`); its `note` (住民票: a copy with the My Number is
mailed to the resident) is printed among the notes, for the representative. A procedure a
representative may apply for without a `proxy:` block still gets a 委任状, naming the form's title
as the matter (「…」の提出及び受領に関すること) — the lint asks for the block (`proxy.no-wording`).

Who is who comes from the fields' `person` and `meaning`: the representative is the applicant (the
person who comes to the counter); the resident is the other person of the form with answers. When
the form has only the applicant's details (the resident applies through a representative who
typed for them as a family member), the resident is the applicant and the representative the
family member who typed. A My Number is never printed here, whatever the form asks.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from assistant.export.pdf import FONT, GREY, add_fallback_font, bold, new_pdf, seal_box
from assistant.interview.assisted import FAMILY, PROXY, Assistance
from assistant.interview.session import Session
from assistant.interview.validation import printed
from assistant.procedures import model as m
from assistant.procedures.model import APPLICANT

log = logging.getLogger(__name__)

TITLE = "委任状"
ATTACHMENT = "power_of_attorney"
PRINTED = ("address", "name", "birth_date", "phone")   # never "my_number"
LABELS = {"address": "住所", "name": "氏名", "birth_date": "生年月日", "phone": "電話番号"}
#: the matter of a procedure without a `proxy:` block
GENERIC_MATTER = "「{title}」の提出及び受領に関すること"
SENTENCE = "私は、上記の者を代理人と定め、次の事項を委任します。"
DATE_LINE = "令和　　　年　　　月　　　日"
NOTES = ("※日付と委任者の署名は、委任者ご本人が自分で書いてください。",
         "※代理人の方は、窓口で代理人ご本人の本人確認書類を見せてください。")


def needs_power_of_attorney(session: Session, assistance: Assistance | None = None) -> bool:
    """Whether the package needs a 委任状: the form asks for one (attachment `power_of_attorney`),
    or a representative applies ("who applies") and the procedure lets representatives apply."""
    if any(a.id == ATTACHMENT for a in session.needed_attachments()):
        return True
    return (assistance is not None and assistance.applicant == PROXY
            and any(rule.role == "proxy" for rule in session.procedure.who_may_apply))


def _details(session: Session, person: str) -> dict[str, str]:
    """meaning → printed answer for one person's top-level fields that apply (first field wins)."""
    values = session.values()
    found: dict[str, str] = {}
    for field in session.procedure.all_fields():
        if field.person == person and field.meaning in PRINTED and field.meaning not in found \
                and values.get(field.id) is not None:
            found[field.meaning] = printed(field, session.result(field))
    return found


def _principal_details(session: Session) -> dict[str, str]:
    """meaning → printed answer of the questions `proxy.principal_details` names for the 委任者
    (転出届: the current address, asked once for the household)."""
    wording, values = session.procedure.proxy, session.values()
    found = {}
    for meaning, field_id in (wording.principal_details.items() if wording else ()):
        if meaning in PRINTED and values.get(field_id) is not None:
            found[meaning] = printed(session.procedure.field(field_id), session.result(session.procedure.field(field_id)))
    return found


def _people(session: Session, assistance: Assistance | None) -> tuple[dict[str, str], dict[str, str]]:
    """(representative, resident) details by meaning; blanks are left for handwriting. What the
    resident's own questions do not say is taken from `proxy.principal_details`."""
    applicant = _details(session, APPLICANT)
    wording = session.procedure.proxy
    principal = wording.principal if wording else None
    if principal == APPLICANT:
        # the applicant delegates: nothing on the form is the representative's (the other persons
        # are a spouse, the deceased, a guarantor…), so the representative's lines stay blank
        agent, resident = {}, applicant
    else:
        others = (_details(session, p.id) for p in session.procedure.persons
                  if p.id != APPLICANT and (principal is None or p.id == principal))
        resident = next((found for found in others if found), {})
        agent = applicant if resident else {}
        resident = resident or applicant
    # a volunteer who typed is never the representative; a family member who typed for one may be
    helper = assistance.helper_name.strip() if assistance and assistance.role == FAMILY \
        and assistance.applicant == PROXY else ""
    if not agent.get("name") and helper:
        agent = {**agent, "name": helper}
    return agent, {**_principal_details(session), **resident}


def _matter_lines(session: Session) -> list[str]:
    procedure, wording = session.procedure, session.procedure.proxy
    lines = [wording.matter if wording else GENERIC_MATTER.format(title=procedure.title)]
    values = session.values()
    details = []
    for field_id in wording.details if wording else ():
        if values.get(field_id) in (None, [], ""):
            continue
        field = procedure.field(field_id)
        details.append(f"{field.label}：{_display(session, field)}")
    if details:
        lines.append("　".join(details))
    return lines


def title(procedure: m.Procedure) -> str:
    """The letter's title as the municipality calls it: 委任状, or e.g. 代理人選任届 (`proxy.title`)."""
    return procedure.proxy.title if procedure.proxy else TITLE


def power_of_attorney_record(session: Session) -> dict[str, str]:
    """The 委任状 for the JSON: its title, the delegated matter and, when the procedure has one, its
    note for the representative (official Japanese)."""
    wording = session.procedure.proxy
    record = {"title": title(session.procedure), "matter": _matter_lines(session)[0]}
    if wording and wording.note:
        record["note"] = wording.note
    return record


def _display(session: Session, field: m.FieldDef) -> str:
    if isinstance(field, m.GroupField):
        return "、".join(" ".join(printed(sub, session.result(sub, item))
                                  for sub in session.visible_item_fields(field, item))
                         for item in session.answers.get(field.id) or [])
    return printed(field, session.result(field))


def _block(pdf: FPDF, heading: str, rows: list[tuple[str, str]], line_height: float = 10,
           widths: tuple[float, float] = (40, 140)) -> None:
    with bold(pdf, 12):
        pdf.cell(0, 9, heading, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 11)
    label_style = FontFace(family=FONT, emphasis="", fill_color=GREY)
    with pdf.table(col_widths=widths, width=sum(widths), align="LEFT", first_row_as_headings=False,
                   line_height=line_height, padding=2) as table:
        for label, value in rows:
            row = table.row()
            row.cell(label, style=label_style)
            row.cell(value)
    pdf.ln(4)


def _notes(session: Session) -> list[str]:
    """The fixed notes, then the procedure's note for the representative; when the answers show the
    form is not the right one (a `leave` notice, e.g. fire damage), where to go instead."""
    procedure, leaving = session.procedure, session.leaving()
    return [*NOTES, *([f"※{procedure.proxy.note}"] if procedure.proxy and procedure.proxy.note else []),
            *([f"※{leaving.text}（申請・届出先：{leaving.go_to}）"] if leaving is not None else [])]


def _texts(heading: str, agent: dict[str, str], resident: dict[str, str], matter: list[str],
           notes: list[str]) -> list[str]:
    return [heading, SENTENCE, DATE_LINE, *notes, *LABELS.values(), *agent.values(), *resident.values(), *matter]


def render_power_of_attorney(session: Session, path: Path, created: dt.datetime,
                             assistance: Assistance | None = None) -> Path:
    """Write an A4 委任状 for `session` at `path`, ready for the resident to date and sign.

    Answers missing from the form (e.g. the resident's phone) are left as blank boxes. Characters
    no font can draw are left out like on the form, which reports them (pdf.render_pdf).
    """
    agent, resident = _people(session, assistance)
    matter, notes, heading = _matter_lines(session), _notes(session), title(session.procedure)
    wording = session.procedure.proxy
    pdf = new_pdf(heading)
    pdf.set_creation_date(created)
    if add_fallback_font(pdf, [*_texts(heading, agent, resident, matter, notes), wording.seal_box if wording else ""]):
        log.warning("the power of attorney has characters no embedded font can draw")
    with bold(pdf, 22):
        pdf.cell(0, 16, heading, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    _block(pdf, "（代理人）", [(LABELS[k], agent.get(k, "")) for k in ("address", "name")])
    pdf.set_font(FONT, "", 11)
    pdf.multi_cell(0, 8, SENTENCE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    _block(pdf, "委任する事項", [("事項", "\n".join(matter))], line_height=8)
    pdf.set_font(FONT, "", 11)
    pdf.cell(0, 10, DATE_LINE, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    rows = [(LABELS[k], resident.get(k, "")) for k in PRINTED]
    if wording and wording.seal_box:
        # the seal's box beside the resident's details, where the municipal forms have it
        top = pdf.get_y()
        _block(pdf, "（委任者）", [*rows, ("署名（自署）", "")], line_height=12, widths=(40, 100))
        after = pdf.get_y()
        pdf.set_y(top + 9)
        seal_box(pdf, wording.seal_box, x=pdf.l_margin + 148)
        pdf.set_y(max(after, pdf.get_y()))
    else:
        _block(pdf, "（委任者）", [*rows, ("署名（自署）", "")], line_height=12)
    pdf.set_font(FONT, "", 9)
    for note in notes:
        pdf.multi_cell(0, 5.5, note, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path
