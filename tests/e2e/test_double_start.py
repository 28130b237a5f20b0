"""Starting the real application twice on one data folder: the second start brings the first
window to the front and ends (exit 0, a plain message); after the first copy is killed, its
stale lock does not stop the next start.

The copies are real processes (`python -m ui`, what the `tetsuzuki` command runs, offscreen Qt). There are no sleeps: the
test waits for processes to end (with a deadline), and a second start itself waits, up to its own
deadline, for the first window to listen.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.instance import LOCK_NAME

ROOT = Path(__file__).resolve().parents[2]
HANDED_OVER = "already open; its window has been brought to the front"
DEADLINE = 90.0

pytestmark = pytest.mark.skipif(os.name != "posix", reason="signals and offscreen Qt as on Linux CI")


def start(home: Path) -> subprocess.Popen:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), TETSUZUKI_HOME=str(home))
    return subprocess.Popen([sys.executable, "-m", "ui", "--home", str(home), "--language", "en"], cwd=ROOT,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)


def finish(proc: subprocess.Popen) -> tuple[int, str]:
    """Wait for a start that should end by itself; its exit code and what it told the person."""
    _out, err = proc.communicate(timeout=DEADLINE)
    return proc.returncode, (getattr(proc, "said", b"") + err).decode("utf-8", "replace")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.communicate(timeout=DEADLINE)


def first_to_end(procs: list[subprocess.Popen]) -> subprocess.Popen:
    """The copy that ends first: the one whose stderr closes (read until then, kept for `finish`)."""
    said = {proc: b"" for proc in procs}
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        ready, _w, _x = select.select([p.stderr for p in procs], [], [], deadline - time.monotonic())
        for proc in procs:
            if proc.stderr in ready:
                chunk = os.read(proc.stderr.fileno(), 65536)
                if not chunk:
                    proc.said = said[proc]
                    return proc
                said[proc] += chunk
    raise AssertionError("neither copy ended: the second start did not hand over")


def test_two_starts_at_once_leave_one_window_and_a_later_start_hands_over_to_it(tmp_path):
    home = tmp_path / "home"
    copies = [start(home), start(home)]
    try:
        loser = first_to_end(copies)
        survivor = copies[1 - copies.index(loser)]
        code, said = finish(loser)
        assert (code, HANDED_OVER in said) == (0, True), said
        assert "Traceback" not in said
        third = start(home)
        code, said = finish(third)
        assert (code, HANDED_OVER in said) == (0, True), said
        assert survivor.poll() is None, "the running copy ended"
        assert json.loads((home / "data" / LOCK_NAME).read_text())["pid"] == survivor.pid
    finally:
        for proc in copies:
            stop(proc)


def test_a_lock_left_by_a_killed_copy_does_not_stop_the_next_start(tmp_path):
    home = tmp_path / "home"
    first = start(home)
    second = start(home)
    later = []
    try:
        loser = first_to_end([first, second])       # one of them holds the folder now
        finish(loser)
        holder = second if loser is first else first
        holder.kill()                               # no clean-up: its lock file stays, naming a dead pid
        holder.communicate(timeout=DEADLINE)
        assert json.loads((home / "data" / LOCK_NAME).read_text())["pid"] == holder.pid
        fresh = start(home)
        again = start(home)
        later += [fresh, again]
        ended = first_to_end([fresh, again])
        code, said = finish(ended)
        assert (code, HANDED_OVER in said) == (0, True), said
        running = again if ended is fresh else fresh
        assert running.poll() is None
        stop(running)
    finally:
        for proc in (first, second, *later):
            stop(proc)
