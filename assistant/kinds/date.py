"""kind: date — 和暦 or 西暦 as typed, stored as YYYY-MM-DD, shown in both calendars."""

from __future__ import annotations

from typing import Any

from assistant import formats
from assistant.formats import Problem
from assistant.i18n import _
from assistant.kinds.base import FieldResult, Kind, as_text, failed, from_parsed


class DateKind(Kind):
    name = "date"
    interpreted = True

    def expected(self) -> tuple[str, str]:
        return _("text in quotes"), '"1970-03-01"'

    def parse(self, field: Any, raw: Any) -> FieldResult:
        result = from_parsed(formats.parse_date(as_text(raw)))
        if result.ok and result.value and field.not_after_today and formats.is_future(result.value):
            return failed(Problem("date.future", _(
                "{date} is in the future. Check the year, e.g. 1970年3月1日.").format(date=result.display)),
                result.display)
        return result

    def text(self, field: Any, value: Any) -> str:
        return formats.display_date(str(value))


KIND = DateKind()
