"""The test side of scripts/atspi_reader.py: one reader process per test, spoken to in JSON lines.

The reader runs in Debian's /usr/bin/python3 (it needs the AT-SPI GObject bindings, which are not in
the venv); it is what a screen reader sees of the application, and it can act like one.
"""

from __future__ import annotations

import json
import subprocess
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from tests.a11y.desktop import READER, STOP_SECONDS, SYSTEM_PYTHON, Desktop, read_line, stop_process, wait_gone

#: seconds allowed on top of a command's own timeout for the answer to come back
SLACK = 15
DEFAULT_TIMEOUT = 10


class ReaderError(RuntimeError):
    """The reader could not do what was asked (a wait timed out, no such object, …)."""


class Reader:
    def __init__(self, stack: ExitStack, desktop: Desktop, app_pid: int, log: Path) -> None:
        self._log = stack.enter_context(open(log, "wb"))
        self.proc = subprocess.Popen([SYSTEM_PYTHON, str(READER), "--app-pid", str(app_pid)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log,
                                     env=desktop.env)
        stack.callback(self._close)
        self._buffer = bytearray()

    def _close(self) -> None:
        try:
            if self.proc.poll() is None:
                self.proc.stdin.write(b'{"cmd": "quit"}\n')
                self.proc.stdin.flush()
        except BrokenPipeError:
            pass
        finally:
            self.proc.stdin.close()
        wait_gone(self.proc.pid, STOP_SECONDS)          # it stops by itself on quit / end of input
        stop_process(self.proc)
        self.proc.stdout.close()

    def call(self, cmd: str, **args: Any) -> Any:
        """Send one command; return its result or raise ReaderError with the reader's reason."""
        args["cmd"] = cmd
        self.proc.stdin.write(json.dumps(args, ensure_ascii=False).encode() + b"\n")
        self.proc.stdin.flush()
        deadline = time.monotonic() + float(args.get("timeout", DEFAULT_TIMEOUT)) + SLACK
        try:
            line = read_line(self.proc.stdout.fileno(), deadline, f"the AT-SPI reader ({cmd})", self._buffer)
        except (TimeoutError, EOFError) as exc:
            raise ReaderError(f"{exc}; its log: {self._log.name}") from None
        reply = json.loads(line)
        if not reply["ok"]:
            raise ReaderError(f"{cmd} {json.dumps({k: v for k, v in args.items() if k != 'cmd'}, ensure_ascii=False)}"
                              f": {reply['error']}")
        return reply["result"]

    # --- what a screen reader reads ---------------------------------------------------------------

    def dump(self, extents: bool = False) -> dict:
        """The window's tree as shown (objects that are not showing are left out); with `extents`,
        each object's [x, y, width, height] in window coordinates."""
        return self.call("dump", extents=extents)

    def frame(self) -> dict:
        return self.call("frame")

    def find(self, **query: Any) -> list[dict]:
        return self.call("find", query=query)

    def one(self, **query: Any) -> dict:
        found = self.find(**query)
        if len(found) != 1:
            raise ReaderError(f"{len(found)} objects match {query}: {[(o['role'], o['name']) for o in found]}")
        return found[0]

    def text(self, widget: str) -> str:
        return self.call("text", target={"id": widget})

    def focused(self) -> list[dict]:
        return self.call("focused")

    # --- what a screen reader (or an on-screen keyboard) does ---------------------------------------

    def press(self, widget: str) -> None:
        """Action "Press" on a push button, as a screen reader's activate command does."""
        self.call("action", target={"id": widget}, action="Press")

    def check(self, widget: str) -> None:
        """Choose a radio button or tick a check box with its action "Toggle" (unless it already is);
        waits until it is exposed as checked."""
        if "checked" not in self.one(id=widget)["states"]:
            self.call("action", target={"id": widget}, action="Toggle")
        self.wait_for(widget, states=("checked",))

    def type(self, widget: str, text: str) -> None:
        """Give the text box the focus and type `text` key by key through the AT-SPI registry."""
        self.call("type", target={"id": widget}, text=text, timeout=DEFAULT_TIMEOUT + len(text))

    def key(self, widget: str, *keys: str, role: str | None = None) -> None:
        """Give `widget` (of `role`, when several objects share its id) the focus and press `keys`
        ("Down", "Up", "space", "Return", "Tab") on the keyboard."""
        target = {"id": widget, **({"role": role} if role else {})}
        self.call("key", target=target, keys=list(keys))

    def insert_text(self, widget: str, text: str) -> None:
        """EditableText.insertText at the end (how some AT fill in text without keys)."""
        if not self.call("insert_text", target={"id": widget}, text=text):
            raise ReaderError(f"insertText into {widget} was refused")

    def grab_focus(self, widget: str) -> None:
        if not self.call("grab_focus", target={"id": widget}):
            raise ReaderError(f"grabFocus on {widget} was refused")

    # --- waiting ------------------------------------------------------------------------------------

    def wait_frame(self, pattern: str, timeout: float = DEFAULT_TIMEOUT) -> dict:
        """Wait until the window's name (its title) matches the regular expression `pattern`."""
        return self.call("wait", frame_re=pattern, timeout=timeout)

    def wait_for(self, widget: str | None = None, *, states: tuple[str, ...] = (), text: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT, **query: Any) -> dict:
        """Wait until an object matching the query (objectName `widget`, role=…, name=…) shows, with
        all `states` and, for a text object, exactly `text`."""
        if widget is not None:
            query["id"] = widget
        args = {"query": query, "states": list(states), "timeout": timeout}
        if text is not None:
            args["text"] = text
        return self.call("wait", **args)

    def listen(self, *types: str) -> None:
        self.call("listen", types=list(types))

    def events(self, clear: bool = True) -> list[dict]:
        return self.call("events", clear=clear)

    def wait_event(self, kind: str, data_re: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> dict:
        return self.call("wait_event", type=kind, data_re=data_re, timeout=timeout)
