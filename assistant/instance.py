"""One running copy of the application per data folder (core: no Qt).

Two windows on one data folder would each autosave the same drafts and profile and each show
the other's changes only after a restart. `acquire` takes ``<data>/instance.lock``:

- The operating system's own lock on the open file (``fcntl.flock`` on POSIX, ``msvcrt.locking``
  on Windows) decides who holds it. The kernel drops that lock when the process ends in any way
  (crash, SIGKILL, power cut and reboot), so a stale lock never blocks a start: a lock file left by
  a dead process or by another boot is simply taken over (`InstanceLock.recovered` says so).
  A pid check alone could not do this safely: a dead holder's pid may be reused by another process.
- The file holds the holder's process id and boot id (plain JSON), so a second start can say who
  has it, and logs can tell a stale file from a live holder.

`server_name` gives the name the running window listens on for a second start's "raise your
window" request (the hand-over itself is Qt, in ``ui/single_instance.py``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

LOCK_NAME = "instance.lock"
_MAX_LOCK_BYTES = 4096
_LOCK_OFFSET = 1 << 20      # Windows locks a byte range: lock one far past the text, so it stays readable


def boot_id() -> str:
    """An id of the current boot ("" where unknown): a lock file from another boot is stale."""
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as handle:
            return handle.read(64).strip()
    except OSError:
        return ""


def pid_alive(pid: int) -> bool:
    """Whether a process `pid` exists now (True when it cannot be told: never judge a live one dead)."""
    if pid <= 0:
        return False
    if os.name != "posix":
        return True          # os.kill(pid, 0) would terminate the process on Windows
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True          # exists, belongs to someone else
    return True


def server_name(data: Path) -> str:
    """The local-socket name of the window using `data`: one per data folder and user, no path in it."""
    key = f"{os.path.abspath(data)}\0{getattr(os, 'getuid', lambda: 0)()}"
    return "tetsuzuki-" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:24]


@dataclass(frozen=True)
class Holder:
    """What a lock file says about the process that wrote it (pid 0: unreadable)."""

    pid: int
    boot: str

    @property
    def stale(self) -> bool:
        """The writer is surely gone: a dead pid, or another boot."""
        this_boot = boot_id()
        return not pid_alive(self.pid) or bool(self.boot and this_boot and self.boot != this_boot)


def read_holder(path: Path) -> Holder:
    """The pid and boot id written in a lock file; Holder(0, "") when missing or not ours."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return Holder(0, "")
    try:
        data = json.loads(os.read(fd, _MAX_LOCK_BYTES).decode("utf-8"))
        return Holder(int(data["pid"]), str(data.get("boot", "")))
    except (ValueError, TypeError, KeyError, OSError, RecursionError):
        return Holder(0, "")
    finally:
        os.close(fd)


class InstanceLock:
    """The held lock of one data folder; `release` (or process exit) gives it up."""

    def __init__(self, path: Path, fd: int, recovered: Holder | None) -> None:
        self.path, self._fd = path, fd
        #: the holder a stale lock file named (dead pid or another boot), None when there was none
        self.recovered = recovered

    def release(self) -> None:
        if self._fd < 0:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)      # nobody holds it now; the file itself stays (see acquire)
        os.close(self._fd)
        self._fd = -1


@dataclass(frozen=True)
class Busy:
    """Another running copy holds the folder."""

    holder: Holder


def acquire(data: Path) -> InstanceLock | Busy:
    """Take the lock of `data` (created 0700 if missing), or say who holds it. Never blocks.

    The file is never deleted: unlinking a lock file another process is about to lock would let
    two processes hold "the" lock on two different files.
    """
    data.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = data / LOCK_NAME
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags, 0o600)
    try:
        if not _lock(fd):
            holder = read_holder(path)
            os.close(fd)
            log.info("data folder in use by process %d", holder.pid)
            return Busy(holder)
        previous = read_holder(path)
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps({"pid": os.getpid(), "boot": boot_id()}).encode("ascii"))
    except BaseException:
        with contextlib.suppress(OSError):
            os.close(fd)
        raise
    recovered = previous if previous.pid else None
    if recovered is not None:
        log.info("stale lock of process %d taken over (%s)", recovered.pid,
                 "dead" if recovered.stale else "no lock held")
    return InstanceLock(path, fd, recovered)


def _lock(fd: int) -> bool:
    if os.name == "posix":
        import fcntl

        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
    import msvcrt

    os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
    try:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    return True
