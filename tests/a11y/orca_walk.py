"""Going through a procedure with the keyboard alone while Orca speaks: each key is a real X key
event (xdotool), each focus stop is recorded with what Orca said for it.

A stop is *labelled* when Orca said the focused object's name or the visible label linked to it;
a stop where Orca said nothing about the object is *silent* — what the issue counted (10 of 35).
Synchronisation: after a key, wait (with a deadline) until AT-SPI shows the focus on a new object,
then until Orca has said its name or label; a silent stop costs one SILENT_SECONDS deadline.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from tests.a11y.desktop import Desktop
from tests.a11y.orca_session import Orca, key, type_text
from tests.a11y.reader import Reader, ReaderError
from tests.a11y.tree import relation_targets, short_id, visible_label

SILENT_SECONDS = 8       # Orca is slow to speak long English groups on a busy CI box
MAX_TABS = 25
#: Orca's key echo ("tab ", "住 "): not about the focused object
_ECHO = re.compile(r"^\S{1,12} $")


@dataclass
class Stop:
    widget: str          # objectName
    role: str
    name: str
    labels: list[str]
    said: list[str] = field(default_factory=list)

    @property
    def spoken(self) -> str:
        return " | ".join(self.said)

    def labelled(self) -> bool:
        words = [visible_label(t) for t in [self.name, *self.labels] if visible_label(t)]
        return any(w in u for w in words for u in self.said)


class OrcaWalk:
    def __init__(self, desktop: Desktop, reader: Reader, orca: Orca) -> None:
        self.desktop, self.reader, self.orca = desktop, reader, orca
        self.stops: list[Stop] = []
        self.transcript: list[tuple[str, list[str]]] = []     # (what was done, what Orca said)

    # --- what Orca says -------------------------------------------------------------------------------

    def _said_since(self, mark: int) -> list[str]:
        return [u for u in self.orca.since(mark) if not _ECHO.match(u)]

    def _focused(self) -> dict | None:
        found = [f for f in self.reader.focused() if f["role"] not in ("frame", "list item")]
        items = [f for f in self.reader.focused() if f["role"] == "list item"]
        return (found or items or [None])[0]

    def _wait_focus_change(self, before: str, timeout: float = 10) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            now = self._focused()
            if now is not None and now.get("id", "") != before:
                return now
            if time.monotonic() > deadline:
                raise AssertionError(f"the focus did not move from {before}")

    def _record(self, target: dict, mark: int) -> Stop:
        labels = [t["name"] for t in relation_targets(target, "labelled-by") if t["name"]]
        stop = Stop(short_id(target), target["role"], target["name"], labels)
        deadline = time.monotonic() + SILENT_SECONDS
        while True:
            stop.said = self._said_since(mark)
            if stop.labelled() or time.monotonic() > deadline:
                break
        self.stops.append(stop)
        self.transcript.append((f"→ {stop.widget}", stop.said))
        return stop

    # --- keys ---------------------------------------------------------------------------------------

    def press(self, *keys: str, moves_focus: bool = True) -> Stop | None:
        """Press keys; when they move the focus, record the new stop and what Orca said for it."""
        before = (self._focused() or {}).get("id", "")
        mark = self.orca.mark()
        key(self.desktop, *keys)
        if not moves_focus:
            return None
        return self._record(self._wait_focus_change(before), mark)

    def tab_to(self, widget: str, *, back: bool = False) -> Stop:
        """Tab (or Shift+Tab) until `widget` has the focus, recording every stop on the way."""
        for _ in range(MAX_TABS):
            stop = self.press("shift+Tab" if back else "Tab")
            if stop.widget == widget:
                return stop
        raise AssertionError(f"{widget} not reached with {MAX_TABS} Tabs; stops: {[s.widget for s in self.stops]}")

    def type(self, text: str) -> list[str]:
        """Type into the focused box; what Orca said meanwhile (the echo left out)."""
        mark = self.orca.mark()
        if text.isascii():
            type_text(self.desktop, text)
        else:   # xdotool's keymap juggling loses kana under load; the reader's typing does not (README)
            self.reader.type((self._focused() or {}).get("id", "").rsplit(".", 1)[-1], text)
        said = self._said_since(mark)
        self.transcript.append((f"type {text}", said))
        return said

    def expect(self, pattern: str, mark: int, what: str, timeout: float = 10) -> str:
        """Wait until Orca says something matching `pattern` after `mark`; recorded in the transcript."""
        said = self.orca.wait_said(pattern, since=mark, timeout=timeout)
        self.transcript.append((what, [said]))
        return said

    def arrive(self, widget: str, timeout: float = 15) -> Stop:
        """A key press moved to a new page: wait for the focus on `widget` and record it."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                target = self.reader.wait_for(widget, states=("focused",), timeout=1)
                break
            except ReaderError:
                if time.monotonic() > deadline:
                    raise
        return target

    def silent(self) -> list[Stop]:
        return [s for s in self.stops if not s.labelled()]

    def report(self) -> str:
        return "\n".join(f"{what}: {' | '.join(said)}" for what, said in self.transcript)
