"""kind: multi_choice — any number of the options, stored as a list of values in the form's order."""

from __future__ import annotations

from typing import Any

from assistant.i18n import _
from assistant.kinds.base import FieldResult, OptionsKind, choice_problem, failed


def list_shape(kind: str, raw: Any):
    """A list of option values, each a short text without forbidden characters."""
    from assistant.kinds import checks

    if not (isinstance(raw, list) and all(isinstance(v, str) for v in raw)):
        return [("", checks.type_problem(kind, raw))]
    return next(([("", p)] for v in raw if (p := checks.string_problem(v, checks.SHORT_MAX))), [])


def read_list(field: Any, raw: Any, text) -> FieldResult:
    """The chosen values of `raw` in the form's order; an unknown value is a problem."""
    chosen = [v for v in (raw or []) if isinstance(v, str)]
    known = {o.value for o in field.options}
    if any(v not in known for v in chosen):
        return failed(choice_problem())
    ordered = [o.value for o in field.options if o.value in chosen]
    return FieldResult(ordered or None, text(field, ordered) if ordered else "")


class MultiChoiceKind(OptionsKind):
    name = "multi_choice"
    multiple = True

    def expected(self) -> tuple[str, str]:
        return _("a list of option values"), '["household_head_relationship"]'

    def shape(self, field: Any, raw: Any):
        return list_shape(self.name, raw)

    def parse(self, field: Any, raw: Any) -> FieldResult:
        return read_list(field, raw, self.text)


KIND = MultiChoiceKind()
