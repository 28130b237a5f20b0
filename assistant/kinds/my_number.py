"""kind: my_number — a 12-digit 個人番号 with its check digit.

Masked everywhere (screen, copy, speech: only its last four digits) except on the form itself,
which asks for it in full. A refused answer is never shown or read back as typed.
"""

from __future__ import annotations

from typing import Any

from assistant import formats
from assistant.i18n import _
from assistant.kinds.base import FieldResult, Kind, as_text, from_parsed


class MyNumberKind(Kind):
    name = "my_number"

    def expected(self) -> tuple[str, str]:
        return _("text in quotes"), '"123456789018"'

    def parse(self, field: Any, raw: Any) -> FieldResult:
        return from_parsed(formats.parse_my_number(as_text(raw)))

    def text(self, field: Any, value: Any) -> str:
        return formats.mask_my_number(str(value))

    def printed_text(self, field: Any, value: Any) -> str:
        return formats.format_my_number(str(value))

    def spoken_text(self, field: Any, value: Any) -> str:
        return _("a My Number ending in {digits}").format(digits=" ".join(str(value)[-4:]))

    def display_result(self, field: Any, result: FieldResult, language: str | None = None) -> str:
        return self.text(field, result.value) if result.value else ""

    def spoken_result(self, field: Any, result: FieldResult, raw: Any = None) -> str:
        if result.value:
            return self.spoken_text(field, result.value)
        return _("a number that is not complete yet") if isinstance(raw, str) and raw.strip() else ""


KIND = MyNumberKind()
