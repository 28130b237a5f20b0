"""One copy of the app per data folder: a live holder is reported, a stale lock file is taken over.

The holder is a real process (synchronised through its pipes); stale files are written as a dead
process or another boot would have left them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import instance
from assistant.instance import LOCK_NAME, Busy, InstanceLock, acquire, read_holder, server_name

ROOT = Path(__file__).resolve().parents[2]
HOLD = ("import sys; from pathlib import Path; from assistant.instance import acquire; "
        "lock = acquire(Path(sys.argv[1])); print(type(lock).__name__, flush=True); sys.stdin.read()")


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_second_taker_is_told_who_holds_the_folder_and_gets_it_once_released(tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    try:
        assert holder.stdout.readline().strip() == b"InstanceLock"
        busy = acquire(tmp_path)
        assert isinstance(busy, Busy) and busy.holder.pid == holder.pid and not busy.holder.stale
    finally:
        holder.stdin.close()           # the holder ends: the OS drops its lock
        holder.wait(timeout=30)
        holder.stdout.close()
    lock = acquire(tmp_path)
    assert isinstance(lock, InstanceLock) and read_holder(tmp_path / LOCK_NAME).pid == os.getpid()
    lock.release()


@pytest.mark.parametrize("content", ["dead", "other_boot", "garbage", "deep", "empty"])
def test_a_stale_or_damaged_lock_file_never_stops_a_start(tmp_path, content):
    pid = dead_pid()
    text = {"dead": json.dumps({"pid": pid, "boot": instance.boot_id()}),
            "other_boot": json.dumps({"pid": os.getppid(), "boot": "another-boot"}),
            "garbage": "\x00\xff not json", "deep": "[" * 100_000, "empty": ""}[content]
    (tmp_path / LOCK_NAME).write_text(text, encoding="utf-8", errors="surrogateescape")
    lock = acquire(tmp_path)
    assert isinstance(lock, InstanceLock)
    if content in ("dead", "other_boot"):
        assert lock.recovered is not None and lock.recovered.stale
    assert read_holder(tmp_path / LOCK_NAME).pid == os.getpid()
    again = acquire(tmp_path)
    assert isinstance(again, Busy) and again.holder.pid == os.getpid()
    lock.release()
    acquire(tmp_path).release()


def test_a_lock_file_planted_as_a_link_is_refused_not_followed(tmp_path):
    target = tmp_path / "elsewhere"
    target.write_text("keep")
    data = tmp_path / "data"
    data.mkdir()
    (data / LOCK_NAME).symlink_to(target)
    with pytest.raises(OSError):
        acquire(data)
    assert target.read_text() == "keep"


def test_the_hand_over_name_is_per_folder_and_reveals_no_path(tmp_path):
    first, second = server_name(tmp_path / "a"), server_name(tmp_path / "b")
    assert first != second and first == server_name(tmp_path / "a")
    assert "tmp" not in first and len(first) < 50


def test_a_lock_file_planted_as_a_fifo_gives_an_error_at_once_never_a_hang(tmp_path):
    os.mkfifo(tmp_path / LOCK_NAME)
    with pytest.raises(OSError):      # the app then starts without the lock (ui/app.py logs why)
        acquire(tmp_path)
