"""A real screen reader for the tests: Debian's Orca, headless, logging what it would say.

Orca runs inside the a11y desktop (Xvfb + private D-Bus + AT-SPI, tests/a11y/desktop.py) with a
PulseAudio null sink (tests/ui/pulse.py): without an audio sink speech-dispatcher blocks and Orca
hangs after its second utterance (platform-notes §4). Keys are real X key events from xdotool
(XTest), sent to the window that has the X focus, exactly as from a keyboard.

What Orca says is read from its debug log (`SPEECH OUTPUT: '…'` lines). Orca opens that file with
Python's default block buffering, so it is started through tests/a11y/orca_run.py, which opens the
log line-buffered and then runs /usr/bin/orca unchanged: every line can then be waited for as it is
written, with a deadline, instead of stopping Orca first. Nothing sleeps.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from tests.a11y.desktop import SYSTEM_PYTHON, Desktop, stop_pids, wait_gone
from tests.ui.pulse import PulseServer

RUNNER = Path(__file__).with_name("orca_run.py")
DEBS = "orca xdotool speech-dispatcher speech-dispatcher-espeak-ng pulseaudio pulseaudio-utils libasound2-plugins"
START_SECONDS = 40       # Orca loads its scripts and speech-dispatcher starts its modules: slow on a busy CI box
SPEAK_SECONDS = 10
STOP_SECONDS = 10

#: an utterance in Orca's log: "15:06:20.617871 - SPEECH OUTPUT: 'Screen reader on.'{'established': False}";
#: a record's own line breaks continue on lines indented by 18 spaces
_SPEECH = re.compile(r"SPEECH OUTPUT: '(.*)'(\{[^{}]*\})?\s*$", re.DOTALL)
_RECORD = re.compile(r"\n(?! {18})")


def missing() -> list[str]:
    """Tools this module needs that are not installed (with their Debian packages in DEBS)."""
    return [tool for tool in ("orca", "xdotool", "pulseaudio", "pactl", "speech-dispatcher")
            if shutil.which(tool) is None]


@dataclass
class Orca:
    """A running Orca; `said()` is everything it has spoken so far, in order."""

    proc: subprocess.Popen
    log: Path
    env: dict[str, str] = field(repr=False)
    _offset: int = 0

    def lines(self) -> list[str]:
        try:
            return self.log.read_text(encoding="utf-8", errors="replace").splitlines()
        except FileNotFoundError:
            return []

    def said(self) -> list[str]:
        try:
            text = self.log.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return []
        return [m.group(1).replace("\n" + " " * 18, "\n") for record in _RECORD.split(text)
                if (m := _SPEECH.search(record))]

    def mark(self) -> int:
        """Where the speech so far ends: `since(mark)` gives what was said after it."""
        return len(self.said())

    def since(self, mark: int) -> list[str]:
        return self.said()[mark:]

    def wait_said(self, pattern: str, since: int = 0, timeout: float = SPEAK_SECONDS) -> str:
        """The first utterance after `since` that matches the regular expression `pattern`; waits
        (polling the log, which Orca writes line by line) until `timeout` seconds have passed."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while True:
            for utterance in self.since(since):
                if regex.search(utterance):
                    return utterance
            if self.proc.poll() is not None:
                raise AssertionError(f"Orca exited ({self.proc.returncode}); see {self.log}")
            if time.monotonic() > deadline:
                raise AssertionError(f"Orca did not say /{pattern}/ within {timeout} s; it said: "
                                     f"{self.since(since)}")
            wait_gone(self.proc.pid, 0.05)         # a short wait that ends at once if Orca dies

    def wait_log(self, pattern: str, start_line: int = 0, timeout: float = SPEAK_SECONDS) -> int:
        """The index of the first log line from `start_line` on matching `pattern` (a deadline, no sleep)."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while True:
            lines = self.lines()
            for index in range(start_line, len(lines)):
                if regex.search(lines[index]):
                    return index
            if self.proc.poll() is not None:
                raise AssertionError(f"Orca exited ({self.proc.returncode}); see {self.log}")
            if time.monotonic() > deadline:
                raise AssertionError(f"no /{pattern}/ in Orca's log within {timeout} s; see {self.log}")
            wait_gone(self.proc.pid, 0.05)


def start_orca(stack: ExitStack, desktop: Desktop, folder: Path) -> Orca:
    """Pulse null sink, then Orca (`--replace`, debug log), torn down by `stack` (Orca by SIGINT)."""
    folder.mkdir(parents=True, exist_ok=True)
    pulse = PulseServer(folder / "pulse").start()
    stack.callback(pulse.stop)
    env = dict(desktop.env)
    env["PULSE_SERVER"] = pulse.env["PULSE_SERVER"]
    env["LANGUAGE"] = "C"              # Orca's own words in English whatever the app's language
    log = folder / "orca.out"
    out = stack.enter_context(open(folder / "orca.stderr", "wb"))
    proc = subprocess.Popen([SYSTEM_PYTHON, str(RUNNER), str(log), "--replace"],
                            stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, env=env,
                            start_new_session=True)
    orca = Orca(proc, log, env)
    stack.callback(_stop, orca, desktop)
    # Orca is ready once it has spoken its greeting ("Screen reader on.") through speech-dispatcher.
    orca.wait_said(r".", timeout=START_SECONDS)
    return orca


def _stop(orca: Orca, desktop: Desktop) -> None:
    """SIGINT (Orca's clean exit; it ignores SIGTERM when hung), then kill; speech-dispatcher,
    started by Orca and detached, is stopped by the pid file it keeps in XDG_RUNTIME_DIR."""
    if orca.proc.poll() is None:
        orca.proc.send_signal(signal.SIGINT)
        if not wait_gone(orca.proc.pid, STOP_SECONDS):
            orca.proc.kill()
    orca.proc.wait(STOP_SECONDS)
    pidfile = desktop.runtime_dir / "speech-dispatcher" / "pid" / "speech-dispatcher.pid"
    try:
        pid = int(pidfile.read_text().strip())
    except (OSError, ValueError):
        return
    try:
        stop_pids([(pid, os.pidfd_open(pid))])
    except OSError:
        pass


# --- keys ------------------------------------------------------------------------------------------

def key(desktop: Desktop, *keys: str) -> None:
    """Press keys (xdotool names: Tab, shift+Tab, Down, space, Return) in the focused window."""
    subprocess.run(["xdotool", "key", "--clearmodifiers", "--delay", "30", *keys], env=desktop.env, check=True,
                   timeout=30, capture_output=True)


def type_text(desktop: Desktop, text: str) -> None:
    """Type text with real key events (xdotool maps characters missing from the keymap itself)."""
    subprocess.run(["xdotool", "type", "--delay", "40", text], env=desktop.env, check=True, timeout=60,
                   capture_output=True)
