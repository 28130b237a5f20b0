"""kind: number — a whole number (copies, yen), full-width digits and the unit (２通) accepted."""

from __future__ import annotations

import unicodedata
from typing import Any

from assistant import formats
from assistant.formats import Problem
from assistant.i18n import _
from assistant.kinds.base import FieldResult, Kind, as_text, failed, from_parsed

# Counters people write after a number of copies; any of them is read as the field's own unit.
_COPY_COUNTERS = ("通", "部", "枚")


def _unit_problem(unit: str) -> Problem:
    if unit in _COPY_COUNTERS:
        # i18n: {unit} is the counter of copies on the form, e.g. 通.
        return Problem("number.copies", _(
            "Write how many copies you need, as a number, e.g. 2{unit}.").format(unit=unit))
    # i18n: {unit} is the unit of the number on the form, e.g. 人.
    return Problem("number.format", _(
        "Write the number in digits; the unit {unit} may follow, e.g. 2{unit}.").format(unit=unit))


class NumberKind(Kind):
    name = "number"
    interpreted = True

    def expected(self) -> tuple[str, str]:
        return _("a whole number"), "1"

    def shape(self, field: Any, raw: Any):
        from assistant.kinds import checks

        if isinstance(raw, int) and not isinstance(raw, bool):
            # str() of an int over 4,300 digits raises; such a number is too long anyway
            text = str(raw) if raw.bit_length() < 10_000 else "9" * (checks.SHORT_MAX + 1)
            return [("", p)] if (p := checks.length_problem(text, checks.SHORT_MAX)) else []
        return super().shape(field, raw)

    def parse(self, field: Any, raw: Any) -> FieldResult:
        if isinstance(raw, int) and not isinstance(raw, bool):
            raw = str(raw)
        text = unicodedata.normalize("NFKC", as_text(raw)).strip()
        counters = _COPY_COUNTERS if field.unit in _COPY_COUNTERS else (field.unit,) if field.unit else ()
        for counter in counters:
            text = text.removesuffix(counter).rstrip()
        result = from_parsed(formats.parse_integer(text, minimum=field.minimum, maximum=field.maximum))
        if field.unit and any(p.code in ("number.format", "number.not_integer") for _part, p in result.problems):
            return failed(_unit_problem(field.unit))
        if result.value is not None:
            return FieldResult(result.value, self.text(field, result.value), result.problems, result.notices)
        return result

    def text(self, field: Any, value: Any) -> str:
        return f"{value:,}{field.unit}" if isinstance(value, int) else str(value)


KIND = NumberKind()
