"""Tell screen readers about changes without moving focus (Qt ≥ 6.8 announcements)."""

from __future__ import annotations

import re

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

#: every announcement made, newest last (read by tests and, later, by self-voicing)
history: list[str] = []


def announce(anchor: QWidget, message: str, *, assertive: bool = False) -> None:
    """Ask the screen reader to say `message`; `anchor` must be a widget in the window."""
    history.append(message)
    del history[:-50]
    event = QAccessibleAnnouncementEvent(anchor, message)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if assertive
                        else QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)


_MNEMONIC = re.compile(r"\(&\w\)|&(?=\w)")


def plain_label(text: str) -> str:
    """A visible label as a screen reader should say it: without the keyboard-shortcut mark
    ("名前(&N)：" → "名前", "&Name:" → "Name")."""
    return _MNEMONIC.sub("", text).rstrip().rstrip(":：").rstrip()
