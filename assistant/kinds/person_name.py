"""kind: person_name — family and given name with their readings (フリガナ).

Names are never normalised (髙 stays 髙); Roman letters are written as on the residence card;
readings are converted to katakana. A whole reading typed in the family-name box is offered to
be split, never split by itself.
"""

from __future__ import annotations

from typing import Any

from assistant import formats
from assistant.formats import Parsed, Problem
from assistant.formats.result import PART_SEPARATOR
from assistant.i18n import _
from assistant.kinds.parts import NAME_PARTS, PART_LABELS, REQUIRED_PARTS
from assistant.kinds.base import FieldResult, Kind, as_text, required_problem
from assistant.kinds.kana import settled_reading
from assistant.procedures.conditions import is_answered


def _has_latin(text: str) -> bool:
    return any("a" <= c.lower() <= "z" or "Ａ" <= c <= "Ｚ" or "ａ" <= c <= "ｚ" for c in text)


def _read_part(part: str, text: str) -> Parsed:
    if part.endswith("_kana"):
        return formats.to_katakana(text)
    # Roman letters: written as on the residence card (upper case, single spaces, in full);
    # anything else is kept exactly as typed, never normalised.
    return formats.normalize_latin_name(text) if _has_latin(text) else formats.check_name(text)


def _split_reading(value: dict[str, str]) -> tuple[str, Problem] | None:
    """A whole reading (ヤマダ　タロウ) in the family-name reading box, the given one empty: offer
    to split it. Never applied by itself: a family name may have a space in its reading."""
    chunks = value.get("family_kana", "").split(formats.kana.IDEOGRAPHIC_SPACE)
    if len(chunks) != 2 or value.get("given_kana"):
        return None
    family, given = chunks
    # i18n: {reading} is what was typed in the family-name reading box, {family} and {given} its two halves.
    message = _("The whole reading {reading} is in the box for the family name's reading. Put {family} "
                "there and {given} in the box for the given name's reading, e.g. ヤマダ and タロウ."
                ).format(reading=value["family_kana"], family=family, given=given)
    return ("family_kana,given_kana", Problem("kana.whole_reading", message,
                                              suggestion=f"{family}{PART_SEPARATOR}{given}"))


class PersonNameKind(Kind):
    name = "person_name"
    interpreted = True

    def parts(self, field: Any) -> tuple[str, ...]:
        return NAME_PARTS if getattr(field, "readings", True) else NAME_PARTS[:2]

    def required_parts(self, field: Any) -> frozenset[str]:
        return frozenset(p for p in self.parts(field) if p in REQUIRED_PARTS)

    def part_labels(self) -> dict[str, str]:
        return {p: PART_LABELS[p] for p in NAME_PARTS}

    def expected(self) -> tuple[str, str]:
        return (_("an object with the parts of the name"),
                '{"family": "山田", "given": "太郎", "family_kana": "ヤマダ", "given_kana": "タロウ"}')

    def shape(self, field: Any, raw: Any):
        from assistant.kinds import checks

        if not isinstance(raw, dict):
            return [("", checks.type_problem(self.name, raw))]
        return checks.parts_problems(raw, self.parts(field), checks.NAME_PART_MAX)

    def parse(self, field: Any, raw: Any) -> FieldResult:
        raw = raw if isinstance(raw, dict) else {}
        value: dict[str, str] = {}
        problems: list[tuple[str, Problem]] = []
        notices: list[tuple[str, Problem]] = []
        for part in self.parts(field):
            parsed = _read_part(part, as_text(raw.get(part)))
            value[part] = parsed.value or ""
            if parsed.problem:
                problems.append((part, parsed.problem))
            if parsed.notice:
                notices.append((part, parsed.notice))
        if field.required:
            reported = {part for part, _problem in problems}
            problems.extend((part, required_problem()) for part in NAME_PARTS
                            if part in self.required_parts(field) and not value.get(part) and part not in reported)
        split = _split_reading(value) if field.readings else None
        if split is not None:
            notices.append(split)
        return FieldResult(value if is_answered(value) else None, self.text(field, value),
                           tuple(problems), tuple(notices))

    def text(self, field: Any, value: Any) -> str:
        if not isinstance(value, dict):
            return ""
        text = "　".join(v for v in (value.get("family"), value.get("given")) if v)
        readings = [v for v in (value.get("family_kana"), value.get("given_kana")) if v]
        if getattr(field, "readings", True) and readings:
            text += "（" + "　".join(readings) + "）"
        return text

    def settled(self, field: Any, part: str, text: str) -> str | None:
        return settled_reading("katakana", text) if part in ("family_kana", "given_kana") else None

    def fitted(self, field: Any, raw: Any) -> Any:
        if not isinstance(raw, dict):
            return None
        return {p: raw[p] for p in self.parts(field) if isinstance(raw.get(p), str) and raw.get(p)}


KIND = PersonNameKind()
