"""Answers as a person reads them, in their language: a choice, a yes/no or several choices in
the interface (or copy) language with the official Japanese beside it — 「Everyone in the household
（世帯全員）」 — and lists joined the way that language joins them (Babel). Typed answers (names,
addresses) are shown as read (they are what goes on the form). A My Number only by its last four
digits. Used by the review page and the person's own copy, so both say the same thing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from babel.lists import format_list

from assistant.formats.numbers import mask_my_number
from assistant.i18n import babel_locale, bilingual, current_language
from assistant.interview.parts import YES_NO_LABELS
from assistant.interview.validation import FieldResult
from assistant.procedures import model as m

if TYPE_CHECKING:
    from assistant.interview.session import ReviewItem, Session

#: a review row inside a repeatable group: "members[0].member_name"
_ITEM_ID = re.compile(r"^(?P<group>[a-z][a-z0-9_]*)\[(?P<index>\d+)\]\.(?P<sub>[a-z][a-z0-9_]*)$")


def listed(items: list[str], language: str | None = None) -> str:
    """Items joined as `language` joins a list ("a, b and c", 「a、b、c」)."""
    language = language or current_language()
    if not items:
        return ""
    return format_list(items, locale=babel_locale(language))


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


def field_and_result(session: Session, field_id: str) -> tuple[m.FieldDef, FieldResult]:
    """The question and the read answer behind one review row (a group item's row too)."""
    match = _ITEM_ID.match(field_id)
    if match is None:
        field = session.procedure.field(field_id)
        return field, session.result(field)
    group = session.procedure.field(match["group"])
    sub = next(f for f in group.fields if f.id == match["sub"])
    item = (session.answers.get(group.id) or [])[int(match["index"])]
    return sub, session.result(sub, item)


def review_answers(session: Session, language: str | None = None) -> list[tuple[ReviewItem, str]]:
    """Every review row of `session` with its answer in `language`: options translated with the
    Japanese beside them, typed answers as the review shows them; "" when unanswered."""
    rows = []
    for item in session.review():
        field, result = field_and_result(session, item.field_id)
        if isinstance(field, (m.ChoiceField, m.MultiChoiceField, m.YesNoField)):
            rows.append((item, answer_text(field, result, language)))
        else:
            rows.append((item, item.display))
    return rows


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
