"""kind: insured_number — the number on an insurance card (介護保険の被保険者番号, 国民健康保険の記号・番号).

Digits only, between the field's `min_digits` and `max_digits`; full-width digits, spaces and
hyphens accepted. Leading zeros are part of the number and kept. Stored as the digits, or, when
the field asks for the card's 記号 too (`symbol: true`), as {"symbol": …, "number": …}.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from assistant.formats import Problem
from assistant.i18n import _, ngettext
from assistant.kinds.base import FieldResult, Kind, as_text, required_problem
from assistant.procedures.conditions import is_answered

PARTS = ("symbol", "number")
#: official labels of the parts, as on the insurance card (translated in the procedures domain)
PART_LABELS = {"symbol": "記号", "number": "番号"}


def _digits(text: str) -> str:
    return re.sub(r"[\s\-‐‑–—ー]", "", unicodedata.normalize("NFKC", text))


def _example(field: Any) -> str:
    return "0123456789"[:field.max_digits] if field.max_digits <= 10 else "1" * field.max_digits


def read_number(field: Any, text: str) -> tuple[str, Problem | None]:
    """(digits, problem) of the number part."""
    digits = _digits(text)
    if not digits:
        return "", None
    if not digits.isdigit() or not digits.isascii():
        return "", Problem("insured_number.format", _(
            "Write only the digits of the number on the insurance card, e.g. {example}.").format(
                example=_example(field)))
    if not field.min_digits <= len(digits) <= field.max_digits:
        if field.min_digits == field.max_digits:
            # i18n: {length} is how many digits were typed.
            message = ngettext("This number has {count} digit, but you entered {length}. Copy every digit from "
                               "the insurance card, zeros at the start too, e.g. {example}.",
                               "This number has {count} digits, but you entered {length}. Copy every digit from "
                               "the insurance card, zeros at the start too, e.g. {example}.", field.max_digits)
        else:
            message = _("This number has {minimum} to {count} digits, but you entered {length}. Copy every digit "
                        "from the insurance card, e.g. {example}.")
        return "", Problem("insured_number.length", message.format(
            count=field.max_digits, minimum=field.min_digits, length=len(digits), example=_example(field)))
    return digits, None


class InsuredNumberKind(Kind):
    name = "insured_number"
    interpreted = True

    def parts(self, field: Any) -> tuple[str, ...]:
        return PARTS if field.symbol else ()

    def required_parts(self, field: Any) -> frozenset[str]:
        return frozenset({"number"}) if field.symbol else frozenset()

    def part_labels(self) -> dict[str, str]:
        return PART_LABELS

    def expected(self) -> tuple[str, str]:
        return _("text in quotes, or an object with its symbol and number"), '"0123456789"'

    def shape(self, field: Any, raw: Any):
        from assistant.kinds import checks

        if not field.symbol:
            return super().shape(field, raw)
        if not isinstance(raw, dict):
            return [("", checks.type_problem(self.name, raw))]
        return checks.parts_problems(raw, PARTS, checks.SHORT_MAX)

    def parse(self, field: Any, raw: Any) -> FieldResult:
        if not field.symbol:
            digits, problem = read_number(field, as_text(raw))
            if problem:
                return FieldResult(None, as_text(raw).strip(), (("", problem),))
            return FieldResult(digits or None, digits)
        raw = raw if isinstance(raw, dict) else {}
        symbol = unicodedata.normalize("NFKC", as_text(raw.get("symbol"))).strip()
        digits, problem = read_number(field, as_text(raw.get("number")))
        value = {"symbol": symbol, "number": digits}
        problems = [("number", problem)] if problem else []
        if field.required and not digits and not problem and symbol:
            problems.append(("number", required_problem()))
        return FieldResult(value if is_answered(value) and not problems else None, self.text(field, value),
                           tuple(problems))

    def text(self, field: Any, value: Any) -> str:
        if isinstance(value, dict):
            # the words printed on the insurance card, as the form writes them
            return "　".join(t for t in (f"記号 {value['symbol']}" if value.get("symbol") else "",
                                         f"番号 {value.get('number', '')}" if value.get("number") else "") if t)
        return "" if value is None else str(value)

    def spoken_text(self, field: Any, value: Any) -> str:
        digits = value.get("number", "") if isinstance(value, dict) else str(value)
        symbol = value.get("symbol", "") if isinstance(value, dict) else ""
        spaced = " ".join(digits)
        if symbol:
            return _("symbol {symbol}, number {digits}").format(symbol=symbol, digits=spaced)
        return spaced


KIND = InsuredNumberKind()
