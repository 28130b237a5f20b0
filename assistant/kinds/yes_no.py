"""kind: yes_no — はい or いいえ, stored as true or false; with `allow_unknown` also わからない,
stored as the string "unknown" (so a condition `equals: {field: x, value: unknown}` works)."""

from __future__ import annotations

from typing import Any

from assistant.i18n import _
from assistant.kinds.parts import YES_NO_LABELS
from assistant.kinds.base import FieldResult, OptionsKind, choice_problem, failed

UNKNOWN = "unknown"


def _allowed(field: Any) -> tuple[Any, ...]:
    return (True, False, UNKNOWN) if getattr(field, "allow_unknown", False) else (True, False)


class YesNoKind(OptionsKind):
    name = "yes_no"
    spoken_choices = False

    def expected(self) -> tuple[str, str]:
        return _("true or false"), "true"

    def official_texts(self) -> list[str]:
        return list(YES_NO_LABELS.values())

    def options(self, field: Any) -> list[tuple[Any, str, str]]:
        return [(value, YES_NO_LABELS[value], "") for value in _allowed(field)]

    def possible_values(self, field: Any) -> set[Any]:
        return set(_allowed(field))

    def shape(self, field: Any, raw: Any):
        from assistant.kinds import checks

        if isinstance(raw, bool) or raw == "" or (raw == UNKNOWN and UNKNOWN in _allowed(field)):
            return []
        if isinstance(raw, str) and raw == UNKNOWN:
            return [("", choice_problem())]
        return [("", checks.type_problem(self.name, raw))]

    def parse(self, field: Any, raw: Any) -> FieldResult:
        if raw is None or raw == "":
            return FieldResult(None, "")
        if raw not in _allowed(field) or not (isinstance(raw, bool) or raw == UNKNOWN):
            return failed(choice_problem())
        return FieldResult(raw, YES_NO_LABELS[raw])

    def fitted(self, field: Any, raw: Any) -> Any:
        return raw if (isinstance(raw, bool) or raw == UNKNOWN) and raw in _allowed(field) else None


KIND = YesNoKind()
