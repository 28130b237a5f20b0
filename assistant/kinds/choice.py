"""kind: choice — exactly one of the options, stored as the option's value."""

from __future__ import annotations

from typing import Any

from assistant.i18n import _
from assistant.kinds.base import FieldResult, OptionsKind, choice_problem, failed


class ChoiceKind(OptionsKind):
    name = "choice"

    def expected(self) -> tuple[str, str]:
        return _("one option value in quotes"), '"copy"'

    def parse(self, field: Any, raw: Any) -> FieldResult:
        if raw in (None, "") or not isinstance(raw, str):
            return FieldResult(None, "")
        if raw not in {o.value for o in field.options}:
            return failed(choice_problem())
        return FieldResult(raw, self.text(field, raw))

    def fitted(self, field: Any, raw: Any) -> Any:
        return raw if raw in {o.value for o in field.options} else None


KIND = ChoiceKind()
