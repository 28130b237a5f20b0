"""Answers as a person reads them, in their language: a choice, a yes/no or several choices in
the interface (or copy) language with the official Japanese beside it — 「Everyone in the household
（世帯全員）」 — and lists joined the way that language joins them (Babel). Typed answers (names,
addresses) are shown as read (they are what goes on the form). A My Number only by its last four
digits. Used (through interview/record.py) by the review page and the person's own copy, so both
say the same thing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from babel.lists import format_list

from assistant.formats.numbers import mask_my_number
from assistant.i18n import bilingual, current_language
from assistant.interview.parts import YES_NO_LABELS
from assistant.interview.validation import FieldResult
from assistant.procedures import model as m

if TYPE_CHECKING:
    from assistant.interview.session import Session


def listed(items: list[str], language: str | None = None) -> str:
    """Items joined as `language` joins a list ("a, b and c", 「a、b、c」)."""
    language = language or current_language()
    if not items:
        return ""
    return format_list(items, locale=language)


def answer_text(field: m.FieldDef, result: FieldResult, language: str | None = None) -> str:
    """One answer in `language` (default: the interface language), official Japanese beside the
    options; "" when unanswered."""
    language = language or current_language()
    if field.kind == "my_number":   # never from the display: a refused answer shows what was typed
        return mask_my_number(result.value) if result.value else ""
    if result.value is None:
        return result.display
    if isinstance(field, m.ChoiceField):
        return bilingual(next(o.label for o in field.options if o.value == result.value), language)
    if isinstance(field, m.MultiChoiceField):
        return listed([bilingual(o.label, language) for o in field.options if o.value in result.value], language)
    if isinstance(field, m.YesNoField):
        return bilingual(YES_NO_LABELS[result.value], language)
    return result.display


def resident_municipality(session: Session) -> str:
    """The prefecture and municipality of the resident's address as typed (「東京都渋谷区」), where
    their record is and so where to go — not the representative's; "" when not answered. The
    resident is the person of the form other than the applicant with an address, else the applicant."""
    addresses = [f for f in session.procedure.all_fields()
                 if f.kind == "address" and f.person and session.value(f.id) is not None]
    ordered = [f for f in addresses if f.person != "applicant"] + [f for f in addresses if f.person == "applicant"]
    for field in ordered:
        value = session.value(field.id)
        if isinstance(value, dict) and value.get("city"):
            return f"{value.get('prefecture', '')}{value['city']}"
    return ""
