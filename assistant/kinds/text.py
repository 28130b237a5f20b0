"""kind: text — free text on one line, stored as typed without the spaces around it."""

from __future__ import annotations

from typing import Any

from assistant.i18n import _
from assistant.kinds.base import FieldResult, Kind, as_text, failed
from assistant.formats import Problem


class TextKind(Kind):
    name = "text"

    def expected(self) -> tuple[str, str]:
        return _("text in quotes"), '"株式会社テツヅキ"'

    def shape(self, field: Any, raw: Any):
        from assistant.kinds import checks

        if not isinstance(raw, str):
            return [("", checks.type_problem(self.name, raw))]
        return [("", p)] if (p := checks.string_problem(raw, checks.TEXT_MAX)) else []

    def parse(self, field: Any, raw: Any) -> FieldResult:
        value = as_text(raw).strip()
        if field.max_length and len(value) > field.max_length:
            return failed(Problem("text.too_long", _("Write at most {count} characters (now {length}).").format(
                count=field.max_length, length=len(value))), value)
        return FieldResult(value or None, value)


KIND = TextKind()
