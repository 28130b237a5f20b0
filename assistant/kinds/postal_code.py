"""kind: postal_code — seven digits, stored without the hyphen, shown 100-0013."""

from __future__ import annotations

from typing import Any

from assistant import formats
from assistant.i18n import _
from assistant.kinds.base import FieldResult, Kind, as_text, from_parsed


def shown(digits: str) -> str:
    return f"{digits[:3]}-{digits[3:]}" if len(digits) == 7 else digits


class PostalCodeKind(Kind):
    name = "postal_code"
    interpreted = True

    def expected(self) -> tuple[str, str]:
        return _("text in quotes"), '"100-0013"'

    def parse(self, field: Any, raw: Any) -> FieldResult:
        return from_parsed(formats.parse_postal_code(as_text(raw)))

    def text(self, field: Any, value: Any) -> str:
        return shown(str(value))


KIND = PostalCodeKind()
