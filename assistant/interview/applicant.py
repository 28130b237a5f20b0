"""Which kind of applicant (who_may_apply rule) the answers describe, and what its note says.

A procedure says who may apply (本人, 同一世帯の方, 代理人 …), each with a note on its conditions or
limits (住民票: a copy with the My Number asked for by an agent is mailed to the resident's address).
The person says which one they are by a choice question whose options are those roles; the note
of the chosen role belongs in every exported file the person or the office reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.procedures import model as m

if TYPE_CHECKING:
    from assistant.interview.session import Session


def applicant_rule(session: Session) -> m.ApplicantRule | None:
    """The rule of the chosen kind of applicant, or None when no answer names one.

    The question is the first choice whose option values are all roles of ``who_may_apply``
    (住民票: ``relationship`` with self / household / proxy).
    """
    rules = {rule.role: rule for rule in session.procedure.who_may_apply}
    values = session.values()
    for field in session.procedure.all_fields():
        if isinstance(field, m.ChoiceField) and {o.value for o in field.options} <= rules.keys():
            return rules.get(values.get(field.id))
    return None


def applicant_record(session: Session) -> dict[str, str] | None:
    """The chosen role for the JSON record: role, official label and note (official Japanese)."""
    rule = applicant_rule(session)
    if rule is None:
        return None
    record = {"role": rule.role, "label": rule.label}
    if rule.note:
        record["note"] = rule.note
    return record
