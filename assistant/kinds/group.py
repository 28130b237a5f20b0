"""kind: group — a repeatable group of fields (a container: its items' fields have their own kinds).

Registered so every kind name resolves, but never read as one answer: the session reads each
item's fields (interview/session.py)."""

from __future__ import annotations

from typing import Any

from assistant.i18n import _
from assistant.kinds.base import Kind


class GroupKind(Kind):
    name = "group"
    container = True

    def expected(self) -> tuple[str, str]:
        return _("a list of objects, one per entry"), '[{"member_name": {"family": "山田"}}]'

    def shape(self, field: Any, raw: Any):
        raise TypeError("a group is read item by item (Session), not as one answer")

    parse = shape


KIND = GroupKind()
