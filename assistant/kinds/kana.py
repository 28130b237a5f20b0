"""kind: kana — a reading, converted to the script the form asks for (フリガナ or ふりがな)."""

from __future__ import annotations

from typing import Any

from assistant import formats
from assistant.i18n import _
from assistant.kinds.base import FieldResult, Kind, as_text, from_parsed


def convert(script: str, text: str):
    """`text` in katakana or hiragana (formats.to_katakana / to_hiragana)."""
    return (formats.to_katakana if script == "katakana" else formats.to_hiragana)(text)


def settled_reading(script: str, text: str) -> str | None:
    """A reading typed in the other script or half-width, converted; None when nothing certain changes."""
    parsed = convert(script, text)
    if parsed.ok and parsed.value and parsed.notice is None and parsed.value != text:
        return parsed.value
    return None


class KanaKind(Kind):
    name = "kana"
    interpreted = True

    def expected(self) -> tuple[str, str]:
        return _("text in quotes"), '"ヤマダ"'

    def parse(self, field: Any, raw: Any) -> FieldResult:
        return from_parsed(convert(field.script, as_text(raw)))

    def settled(self, field: Any, part: str, text: str) -> str | None:
        return settled_reading(field.script, text)


KIND = KanaKind()
