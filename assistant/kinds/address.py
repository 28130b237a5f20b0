"""kind: address — an address in parts (postal code, prefecture, city, town, block, building).

番地・号 and the building are written with half-width digits and hyphens (DS-442); the other
parts are kept as typed.
"""

from __future__ import annotations

from typing import Any

from assistant import formats
from assistant.formats.address import half_width_numbers
from assistant.i18n import _
from assistant.kinds.parts import ADDRESS_PARTS, PART_LABELS, REQUIRED_PARTS
from assistant.kinds.base import FieldResult, Kind, as_text, required_problem
from assistant.kinds.postal_code import shown
from assistant.procedures.conditions import is_answered

#: Address parts whose digits and hyphens are written half-width (DS-442): 番地・号 and building.
NUMBERED_ADDRESS_PARTS = ("block", "building")


class AddressKind(Kind):
    name = "address"
    fills_from_postal_code = True

    def parts(self, field: Any) -> tuple[str, ...]:
        return ADDRESS_PARTS

    def required_parts(self, field: Any) -> frozenset[str]:
        return frozenset(p for p in ADDRESS_PARTS if p in REQUIRED_PARTS)

    def part_labels(self) -> dict[str, str]:
        return {p: PART_LABELS[p] for p in ADDRESS_PARTS}

    def expected(self) -> tuple[str, str]:
        return (_("an object with the parts of the address"),
                '{"postal_code": "100-0013", "prefecture": "東京都", "city": "千代田区", '
                '"town": "霞が関", "block": "2-1-2", "building": ""}')

    def shape(self, field: Any, raw: Any):
        from assistant.kinds import checks

        if not isinstance(raw, dict):
            return [("", checks.type_problem(self.name, raw))]
        return checks.parts_problems(raw, ADDRESS_PARTS, checks.ADDRESS_PART_MAX)

    def parse(self, field: Any, raw: Any) -> FieldResult:
        raw = raw if isinstance(raw, dict) else {}
        value = {part: as_text(raw.get(part)).strip() for part in ADDRESS_PARTS}
        for part in NUMBERED_ADDRESS_PARTS:
            value[part] = half_width_numbers(value[part])
        problems = []
        postal = formats.parse_postal_code(value["postal_code"])
        value["postal_code"] = postal.value or ""
        if postal.problem:
            problems.append(("postal_code", postal.problem))
        if field.required:
            problems.extend((p, required_problem()) for p in ADDRESS_PARTS
                            if p in self.required_parts(field) and not value[p])
        display = (f"〒{postal.display} " if postal.display else "") + self._line(value)
        return FieldResult(value if is_answered(value) else None, display, tuple(problems))

    @staticmethod
    def _line(value: dict) -> str:
        line = "".join(value.get(p) or "" for p in ("prefecture", "city", "town", "block"))
        return line + ("　" + value["building"] if value.get("building") else "")

    def text(self, field: Any, value: Any) -> str:
        if not isinstance(value, dict):
            return ""
        postal = value.get("postal_code") or ""
        return (f"〒{shown(postal)} " if postal else "") + self._line(value)

    def settled(self, field: Any, part: str, text: str) -> str | None:
        if part not in NUMBERED_ADDRESS_PARTS:
            return None
        settled = half_width_numbers(text)
        return settled if settled != text else None


KIND = AddressKind()
