"""kind: phone — a Japanese phone number, stored with hyphens (an extension kept as 「 内線…」)."""

from __future__ import annotations

from typing import Any

from assistant import formats
from assistant.i18n import _
from assistant.kinds.base import FieldResult, Kind, as_text, from_parsed


class PhoneKind(Kind):
    name = "phone"
    interpreted = True

    def expected(self) -> tuple[str, str]:
        return _("text in quotes"), '"03-1234-5678"'

    def parse(self, field: Any, raw: Any) -> FieldResult:
        return from_parsed(formats.parse_phone(as_text(raw)))


KIND = PhoneKind()
