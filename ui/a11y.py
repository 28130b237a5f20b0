"""Tell screen readers about changes without moving focus (Qt ≥ 6.8 announcements), and the few
widget behaviours that decide whether a screen reader speaks at all.

Screen readers consume Qt's accessibility events differently:
- Orca (Linux, AT-SPI) speaks on `object:state-changed:focused`, a frame's name change and — from
  Orca 46 on — `object:announcement`; Debian 12's Orca 43.1 ignores announcements.
- NVDA (Windows) reads Qt through UI Automation (Qt ≥ 6.x uses UIA; IA2 for older); it speaks the
  UIA focus-changed event (name, control type, help text) and, from NVDA 2023.x, UIA notification
  events, which is what Qt maps QAccessibleAnnouncementEvent to.
- VoiceOver (macOS) speaks AXFocusedUIElementChanged (AXTitle/AXDescription/AXHelp) and
  AXAnnouncementRequested, Qt's mapping of the announcement event.
So every essential message is carried both ways: an announcement (newer Orca, NVDA, VoiceOver) and
the name or description of what gets the focus or of the window (what Orca 43 says).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QFocusEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from assistant import ruby

#: every announcement made, newest last (read by tests and, later, by self-voicing)
history: list[str] = []


def announce(anchor: QWidget, message: str, *, assertive: bool = False) -> None:
    """Ask the screen reader to say `message`; `anchor` must be a widget in the window. Furigana
    markup (やさしい日本語) is said once, as the plain text."""
    message = ruby.plain(message)
    history.append(message)
    del history[:-50]
    event = QAccessibleAnnouncementEvent(anchor, message)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if assertive
                        else QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)


_MNEMONIC = re.compile(r"\(&\w\)|&(?=\w)")


def plain_label(text: str) -> str:
    """A visible label as a screen reader should say it: without the keyboard-shortcut mark
    ("名前(&N)：" → "名前", "&Name:" → "Name"), and without furigana (read once, as the plain text)."""
    return _MNEMONIC.sub("", ruby.plain(text)).rstrip().rstrip(":：").rstrip()


_ARROWS = re.compile(r"\s*[←→]\s*")


def spoken_label(text: str) -> str:
    """A button's visible text as its accessible name: no shortcut mark, no arrow ("← 戻る(&B)" →
    "戻る"). Orca, NVDA and VoiceOver all read a name literally ("left arrow", "(B)")."""
    return _ARROWS.sub(" ", plain_label(text)).strip()


class SpokenLineEdit(QLineEdit):
    """A text box that every screen reader speaks when Tab reaches it.

    On Tab (and Backtab, Shortcut) QLineEdit selects all its text, and Qt then emits the
    text-selection and caret events *before* the focus event. Orca 43 moves its point of regard
    on the caret event without speaking and then ignores the focus event as "already the locus
    of focus": the box is silent — no label, no role, no 必須/任意, no hint (Orca-specific; NVDA
    and VoiceOver key on the focus event and would also read "selected" text). So a box reached by
    Tab takes the focus as if given by the program: nothing is selected. That select-all was only a shortcut for replacing an answer; without it, Tab into a
    filled box and typing adds to the answer rather than silently wiping it (nothing the person
    typed is lost), Ctrl+A still selects all, and Orca no longer says "Text unselected." on leaving.
    """

    _TAB_REASONS = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                    Qt.FocusReason.ShortcutFocusReason)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if event.reason() in self._TAB_REASONS:
            # Nothing that moves the caret here: a caret event before the focus event silences Orca
            # the same way. The caret stays where it was (after the text, once something is typed).
            super().focusInEvent(QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.OtherFocusReason))
            return
        super().focusInEvent(event)
