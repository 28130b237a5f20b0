"""What is read aloud for each page and event, in the person's language.

Every sentence is one translated message with named placeholders (`_()`/`ngettext()`), never
pieces joined together; procedure texts come from `ptext()`. Where the person's language is not
Japanese, the official Japanese label follows the translated one as its own utterance, in a
Japanese voice, so the person also hears the words printed on the form. A My Number is never
read: only its last four digits, as the screen shows them.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from babel.lists import format_list

from assistant.export.next_steps import letter_made
from assistant.i18n import _, babel_locale, current_language, ngettext, ptext
from assistant.interview.checklist import bring_texts, omitted_texts
from assistant.interview.deadlines import deadline_texts
from assistant.interview.record import FieldPath, Record, in_item, item_label
from assistant.interview.validation import FieldResult, field_label
from assistant.kinds import kind_of
from assistant.languages import field_example
from assistant.procedures import model as m
from assistant.speech.speaker import Utterance
from assistant.speech.voicing import voiced

if TYPE_CHECKING:
    from assistant.export.package import ExportResult
    from assistant.interview.assisted import Assistance
    from assistant.interview.session import FieldError, Session



def _say(text: str, rate: float) -> list[Utterance]:
    return voiced(text, current_language(), rate)


def _listed(items: list[str]) -> str:
    return format_list(items, locale=babel_locale()) if items else ""


def _official(official: str, rate: float) -> list[Utterance]:
    """The official Japanese wording, after a translated label (nothing when it was already said)."""
    if not official or ptext(official) == official:
        return []
    # i18n: followed by the label as printed on the Japanese form, read by a Japanese voice.
    return _say(_("In Japanese on the form: {label}").format(label=official), rate)


# --- a procedure and a step -------------------------------------------------------------------

def _position(current: int, total: int) -> str:
    # i18n: spoken, not shown: the screen's "Step {current} of {total}" is read badly as "1/7".
    return _("You are at step {current} of {total}.").format(current=current, total=total)


def read_procedure(procedure: m.Procedure, rate: float = 1.0) -> list[Utterance]:
    """A procedure as the list of procedures shows it: its name (and official name), what it is for."""
    return [*_say(ptext(procedure.title), rate), *_official(procedure.title, rate),
            *_say(ptext(procedure.summary), rate)]


def read_step(session: Session, rate: float = 1.0) -> list[Utterance]:
    """Where the person is, the step's title and why it is asked ("Step 2 of 7 …"), and the
    procedure's notices this page says (転出届: online with a マイナンバーカード)."""
    step = session.current_step
    if step is None:
        return read_review(session, rate)
    current, total = session.position
    notices = [u for notice in session.notices(step) for u in _say(ptext(notice.text), rate)]
    return [*_say(_position(current, total), rate),
            *_say(ptext(step.title), rate), *_say(ptext(step.purpose), rate), *notices]


def read_page(session: Session, rate: float = 1.0) -> list[Utterance]:
    """What "Read aloud" says for the current page: the step and every question on it, or the review."""
    step = session.current_step
    if step is None:
        return read_review(session, rate)
    utterances = read_step(session, rate)
    for field in session.visible_fields(step):
        utterances += read_field(session, field.id, rate)
    return utterances


# --- a question -------------------------------------------------------------------------------

def read_field(session: Session, field_id: FieldPath | str, rate: float = 1.0) -> list[Utterance]:
    """A question, as read when it gets focus: its label (and official label), whether it must be
    answered, the hint, an example, the choices and the current answer.

    `field_id` is a top-level field's id or the path of a field of a group's item ("group[index].sub_id").
    """
    field, item, label, official = _locate(session, field_id)
    required = (_("{label} (required)") if field.required else _("{label} (optional)")).format(label=label)
    utterances = [*_say(required, rate), *_official(official, rate)]
    if field.hint:
        utterances += _say(ptext(field.hint), rate)
    if field.example:
        example = field_example(field.kind, field.example, current_language())   # a name of their community
        utterances += _say(_("Example: {example}").format(example=example), rate)
    kind = kind_of(field)
    if kind.spoken_choices:
        options = _listed([ptext(label) for _value, label, _hint in kind.options(field)])
        utterances += _say(_("Choices: {options}").format(options=options), rate)
    return utterances + _say(_answer_sentence(session, field, item), rate)


def _locate(session: Session, field_id: FieldPath | str) -> tuple[m.FieldDef, dict | None, str, str]:
    """(field, its group item or None, label to say, official label) for a field's path."""
    path = field_id if isinstance(field_id, FieldPath) else FieldPath.parse(field_id)
    if not path.in_group:
        field = session.procedure.field(path.field)
        return field, None, field_label(field), field.label
    group = session.procedure.field(path.field)
    sub = next(f for f in group.fields if f.id == path.sub)
    items = session.answers.get(group.id) or []
    item = items[path.index] if path.index < len(items) else {}
    return sub, item, in_item(item_label(group, path.index), field_label(sub)), sub.label


def _answer_sentence(session: Session, field: m.FieldDef, item: dict | None) -> str:
    if isinstance(field, m.GroupField):
        count = len(session.answers.get(field.id) or [])
        return ngettext("{count} entry so far.", "{count} entries so far.", count).format(count=count)
    raw = (item if item is not None else session.answers).get(field.id)
    answer = answer_text(field, session.result(field, item), raw)
    return _("Your answer: {answer}").format(answer=answer) if answer else _("Not answered yet.")


def answer_text(field: m.FieldDef, result: FieldResult, raw: Any = None) -> str:
    """An answer as it is read: option labels in the person's language; a My Number only by its
    last four digits; a refused answer as typed (never a My Number). The kind says how."""
    return kind_of(field).spoken_result(field, result, raw)


# --- problems, review, export -----------------------------------------------------------------

def read_errors(errors: list[FieldError], rate: float = 1.0) -> list[Utterance]:
    """The error summary shown when Next finds problems: how many, then each question and problem."""
    if not errors:
        return []
    utterances = _say(ngettext("Please check {count} answer:", "Please check {count} answers:",
                               len(errors)).format(count=len(errors)), rate)
    for error in errors:
        utterances += _say(_("{question}: {problem}").format(question=error.label, problem=error.message), rate)
    return utterances


def read_review(session: Session, rate: float = 1.0) -> list[Utterance]:
    """The review page: where the person is, every answer, and what happens next."""
    current, total = session.position
    utterances = [*_say(_position(current, total), rate),
                  *_say(_("Check your answers"), rate),
                  *_say(_("Read each answer. To correct one, press its Change button."), rate)]
    for row in Record.of(session).questions:
        answer = row.spoken or _("(not answered)")
        utterances += _say(_("{question}: {answer}").format(question=row.label, answer=answer), rate)
    office = ptext(session.procedure.office.name)
    return utterances + _say(_("What happens next: the form is saved as a PDF to print, sign and bring to "
                               "{office}, with a list of what to bring.").format(office=office), rate)


def read_export(session: Session, result: ExportResult, rate: float = 1.0,
                today: dt.date | None = None) -> list[Utterance]:
    """The end: the form is ready, characters to write by hand, what to do and bring and why, what
    need not be brought, the representative's note, and the deadlines with days left (from `today`)."""
    lines = [_("Your form is ready.")]
    if result.missing:
        lines.append(_("This computer has no font for these characters, so they are blank on the "
                       "paper: {characters}. Write them in by hand before you sign.").format(
                           characters="、".join(sorted(result.missing))))
    leaving = session.leaving()   # this form is not the right one: where to go instead
    office = leaving.go_to if leaving is not None else session.procedure.office.name
    lines += [_("1. Print the PDF, write the date and sign it."),
              _("2. Bring it to: {office}").format(office=ptext(office)),
              *(ptext(notice.text) for notice in session.notices())]
    items = session.checklist()
    bring = [ptext(a.label) for a in items.bring]
    if bring:
        lines.append(_("3. Bring these too: {documents}").format(documents=_listed(bring)))
    lines += bring_texts(items, beside=False) + omitted_texts(items, beside=False)
    if getattr(result, "power_of_attorney", None) is not None:
        lines.append(letter_made(session.procedure, ptext))
        proxy = session.procedure.proxy
        lines += [ptext(proxy.note)] if proxy and proxy.note else []
    lines += deadline_texts(session.due_dates(), today or dt.date.today(), beside=False)
    return [u for line in lines for u in _say(line, rate)]


def read_home(procedure: m.Procedure | None, drafts: int = 0, rate: float = 1.0) -> list[Utterance]:
    """The list of procedures: the question, unfinished drafts, and the procedure chosen in the list."""
    utterances = _say(_("Which procedure do you want to do?"), rate)
    if drafts:
        utterances += _say(ngettext("You have {count} unfinished procedure saved on this computer.",
                                    "You have {count} unfinished procedures saved on this computer.",
                                    drafts).format(count=drafts), rate)
    if procedure is not None:
        utterances += _say(_("Chosen in the list:"), rate) + read_procedure(procedure, rate)
    return utterances


def read_assistance(assistance: Assistance, rate: float = 1.0) -> list[Utterance]:
    """The page asking who applies and who types: each question, its choices and the one chosen,
    then, when the resident is here and someone helps, the statement for the resident in the
    language chosen for it (its own voice); when they are not here, why no agreement is asked."""
    from assistant.interview.assisted import (APPLICANT_LABELS, APPLICANTS, ROLE_LABELS, ROLES, absent_note,
                                              consent_statement)

    utterances = []
    for question, labels, keys, chosen in (
            (_("Who will apply (and sign)?"), APPLICANT_LABELS, APPLICANTS, assistance.applicant),
            (_("Who is typing?"), ROLE_LABELS, ROLES, assistance.role)):
        utterances += [*_say(question, rate),
                       *_say(_("Choices: {options}").format(options=_listed([_(labels[k]) for k in keys])), rate),
                       *_say(_("Your answer: {answer}").format(answer=_(labels[chosen])), rate)]
    if assistance.asks_consent:
        language = assistance.consent_language or current_language()
        utterances += voiced(consent_statement(assistance, language), language, rate)
    elif absent_note(assistance):
        utterances += _say(absent_note(assistance), rate)
    return utterances


def read_message(text: str, rate: float = 1.0) -> list[Utterance]:
    """Any message already translated for the screen (a status, an error box), read as it is."""
    return _say(text, rate)
