"""Answers as a person reads them, in their language: a choice, a yes/no or several choices in
the interface (or copy) language with the official Japanese beside it — 「Everyone in the household
（世帯全員）」 — and lists joined the way that language joins them (Babel). Typed answers (names,
addresses) are shown as read (they are what goes on the form). A My Number only by its last four
digits. Used (through interview/record.py) by the review page and the person's own copy, so both
say the same thing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.i18n import current_language
from assistant.interview.validation import FieldResult
from assistant.kinds import kind_of
from assistant.kinds.base import listed  # noqa: F401  (exporters join lists with it)
from assistant.procedures import model as m

if TYPE_CHECKING:
    from assistant.interview.session import Session


def answer_text(field: m.FieldDef, result: FieldResult, language: str | None = None) -> str:
    """One answer in `language` (default: the interface language), official Japanese beside the
    options; "" when unanswered (the field's kind says how: assistant.kinds)."""
    return kind_of(field).display_result(field, result, language or current_language())


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
