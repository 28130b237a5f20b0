"""What to do once the files are made, in the person's language: print and sign, where to go (the
resident's municipality, not the representative's, or where the procedure's notices send the person
instead, with the notices themselves: interview/notices.py), what to bring and why (and what need not be
brought, and why: interview/checklist.py), the fee, opening hours and other ways when the procedure
knows them, the deadline and the deadlines computed from the answers (days left, or passed and what
that means: interview/deadlines.py), and with a 委任状 the procedure's `proxy:` note. Shown on the
done page; each item is a whole translated sentence or a labelled line, procedure texts with the
official Japanese beside them.

Also: copying the whole package to a folder the person chooses (a USB stick), the way to take the
files home from a shared computer.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal

from assistant.export.proxy_letter import TITLE as LETTER
from assistant.export.proxy_letter import title as letter_title
from assistant.i18n import _, babel_locale, bilingual, current_language
from assistant.interview.applicant import applicant_rule
from assistant.interview.checklist import bring_texts, omitted_texts
from assistant.interview.deadlines import deadline_texts
from assistant.interview.display import listed, resident_municipality
from assistant.interview.notices import where_lines
from assistant.interview.session import Session
from assistant.procedures import model as m


@dataclass(frozen=True)
class NextSteps:
    """The done page's texts, each already translated; "" or () when there is nothing to say."""

    sign: str
    where: str
    municipality: str
    bring: tuple[str, ...]
    fee: str
    hours: str
    deadline: str
    letter: str
    applicant_note: str = ""
    #: the documents this person need not bring, each with why
    omitted: tuple[str, ...] = ()
    #: the deadlines computed from the answers, each with its date and days left or "passed"
    deadlines: tuple[str, ...] = ()


def letter_made(procedure: m.Procedure, shown: Callable[[str], str] = bilingual) -> str:
    """What the done page, the copy and the reading say about the letter made for the representative,
    under the municipality's own name for it (委任状; 印鑑登録: 代理人選任届)."""
    title = letter_title(procedure)
    if title == LETTER:
        return _("A power of attorney (委任状) was made too: the resident reads it, writes the date and signs it, "
                 "and the representative brings it.")
    # i18n: {document} is the municipality's own name for the letter, e.g. 代理人選任届 for 印鑑登録
    return _("This was made too: {document}. The resident reads it, writes the date and signs it, and the "
             "representative brings it.").format(document=shown(title))


def next_steps(session: Session, *, power_of_attorney: bool = False, today: dt.date | None = None) -> NextSteps:
    """The next steps of `session`'s procedure in the interface language; days left count from
    `today` (default: the real today)."""
    procedure, language = session.procedure, current_language()
    items = session.checklist()
    municipality = resident_municipality(session)
    rule = applicant_rule(session)
    fee = procedure.fee
    if fee.amount_yen == 0:
        fee_text = _("Fee: none.")
    elif fee.amount_yen is not None:
        fee_text = _("Fee: {amount} yen.").format(amount=format_decimal(fee.amount_yen, locale=babel_locale(language)))
    else:
        fee_text = ""
    due = tuple(deadline_texts(session.due_dates(), today or dt.date.today()))
    if fee.note and fee.amount_yen == 0:
        fee_text = bilingual(fee.note)          # it says there is none, often with more (葬祭費: the amount paid)
    elif fee.note:
        fee_text = "\n".join(filter(None, (fee_text, bilingual(fee.note))))
    return NextSteps(
        sign=_("Print the form (PDF), write the date and sign it."),
        # where to go (or, when the answers show this form is not the right one, where instead) and
        # the procedure's notices that hold (転出届: online with a マイナンバーカード)
        where="\n".join(where_lines(session, language)),
        municipality=_("The resident is registered in {municipality}: go to the office of that city, ward, town or "
                       "village.").format(municipality=municipality) if municipality else "",
        bring=tuple(bring_texts(items)),
        fee=fee_text,
        hours=_("Opening hours and other ways: {note}").format(note=bilingual(procedure.office.note))
        if procedure.office.note else "",
        # with dates computed for this case, the procedure's rule in words closes their list (one heading,
        # not a second 期限 block); without, it stands alone
        deadline=_("By when: {deadline}").format(deadline=bilingual(procedure.deadline))
        if procedure.deadline and not due else "",
        letter="\n".join(filter(None, (
            letter_made(procedure),
            bilingual(procedure.proxy.note) if procedure.proxy else ""))) if power_of_attorney else "",
        # what applies to this kind of applicant (住民票: a copy with the My Number asked for by an agent is
        # mailed to the resident's address)
        applicant_note=bilingual(rule.note) if rule is not None and rule.note else "",
        omitted=tuple(omitted_texts(items)),
        deadlines=(*due, bilingual(procedure.deadline)) if due and procedure.deadline else tuple(due),
    )


def missing_characters(characters: frozenset[str] | set[str]) -> str:
    """The warning for characters no font could draw, listed the way the language lists things."""
    if not characters:
        return ""
    return _("This computer has no font for these characters, so they are blank on the paper: {characters}. "
             "Write them in by hand before you sign.").format(characters=listed(sorted(characters)))


def copy_package(folder: Path, destination: Path) -> Path:
    """Copy the whole package `folder` into `destination` (a USB stick, any folder) and return the
    copy; a folder of that name already there is kept, the copy gets a number ("… (2)").
    OSError when it cannot be written (full, read-only, removed)."""
    target = destination / folder.name
    number = 2
    while target.exists():
        target = destination / f"{folder.name} ({number})"
        number += 1
    shutil.copytree(folder, target)
    return target
