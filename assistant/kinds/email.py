"""kind: email — an e-mail address, full-width characters accepted and converted."""

from __future__ import annotations

from typing import Any

from assistant import formats
from assistant.i18n import _
from assistant.kinds.base import FieldResult, Kind, as_text, from_parsed


class EmailKind(Kind):
    name = "email"

    def expected(self) -> tuple[str, str]:
        return _("text in quotes"), '"yamada@example.jp"'

    def parse(self, field: Any, raw: Any) -> FieldResult:
        return from_parsed(formats.parse_email(as_text(raw)))


KIND = EmailKind()
