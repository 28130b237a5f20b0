"""kind: choice — exactly one of the options, stored as the option's value."""

from __future__ import annotations

from typing import Any

from assistant.i18n import _
from assistant.kinds.base import FieldResult, OptionsKind, choice_problem, failed


def read_one(field: Any, raw: Any, text) -> FieldResult:
    """One option's value (choice, pick_list): unanswered, refused when not an option, or kept."""
    if raw in (None, "") or not isinstance(raw, str):
        return FieldResult(None, "")
    if raw not in {o.value for o in field.options}:
        return failed(choice_problem())
    return FieldResult(raw, text(field, raw))


class ChoiceKind(OptionsKind):
    name = "choice"

    def expected(self) -> tuple[str, str]:
        return _("one option value in quotes"), '"copy"'

    def parse(self, field: Any, raw: Any) -> FieldResult:
        return read_one(field, raw, self.text)

    def fitted(self, field: Any, raw: Any) -> Any:
        return raw if raw in {o.value for o in field.options} else None


KIND = ChoiceKind()
