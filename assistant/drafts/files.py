"""Encrypted records on disk: atomic writes, three generations, private folder.

A record ``<name>`` is kept as ``<name>.<generation>.tzd`` files (generation = 1, 2, 3 …), the
three newest kept. Each write goes to a temporary file of its own in the same folder
(``.tmp-<name>.<pid>.<random>.part``), is flushed and fsynced, then *linked* to its final name
(a link never replaces an existing file: two processes saving one draft at once never overwrite
each other's generation; the one that finds its number taken takes the next) and the folder
fsynced, so a crash or power cut leaves either the new generation complete or none of it.
Temporary files are removed only when their writer is gone (dead pid, or older than an hour).
Reading tries the newest generation first and falls back to older ones when a file is damaged;
it opens regular files only, never follows a link, and reads at most `MAX_FILE` bytes.

Contents are JSON padded with spaces to a multiple of `PAD_TO` bytes before encryption, so file
sizes show only a coarse bucket. The record name and generation are part of the associated data:
a file renamed to another draft or generation does not open.
"""

from __future__ import annotations

import json
import logging
import os
import re
import stat
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.drafts.crypto import DamagedError, open_sealed, seal
from assistant.instance import pid_alive

log = logging.getLogger(__name__)

GENERATIONS = 3
PAD_TO = 4096
SUFFIX = ".tzd"
TEMP_PREFIX = ".tmp-"
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_FILE = re.compile(r"^([a-z0-9][a-z0-9_-]{0,63})\.([0-9]{1,12})\.tzd$")
MAX_FILE = 16 * 1024 * 1024        # a draft is ~1–50 KB; anything this big is not one of ours
STALE_TEMP_SECONDS = 3600          # no write takes an hour: such a temporary file is a leftover
_TEMP_PID = re.compile(r"^\.tmp-[^.]*\.([0-9]{1,10})\.")
# Writes of one process, whatever Records object they go through, are serialised (about 1 ms each).
_PROCESS_LOCK = threading.Lock()


class RefusedFileError(OSError):
    """A file in the data folder is not a plain file of ours (link, FIFO, device, far too big)."""


def read_bounded(path: Path, limit: int = MAX_FILE) -> bytes:
    """The bytes of the regular file `path`, refusing links, FIFOs, devices and files over `limit`.

    Opened without following a link and without blocking (a FIFO would otherwise hang the
    open), checked with fstat on the open file (no swap between check and read), read bounded.
    FileNotFoundError when it is missing; `RefusedFileError` for the rest.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise
    except OSError as error:       # ELOOP: a symbolic link
        raise RefusedFileError(f"not opened ({type(error).__name__})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise RefusedFileError("not a regular file")
        if info.st_size > limit:
            raise RefusedFileError("too big")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise RefusedFileError("too big")
        return b"".join(chunks)
    finally:
        os.close(fd)


def ensure_private_folder(folder: Path) -> Path:
    """Create `folder` (and parents) and make it readable by its owner only (0700). Parents made
    here are private too (mkdir's mode applies to the last folder only); existing ones are left."""
    for parent in reversed([p for p in folder.parents if not p.exists()]):
        parent.mkdir(exist_ok=True, mode=0o700)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(folder, 0o700)
    return folder


def fsync_folder(folder: Path) -> None:
    """Make a rename or unlink in `folder` durable (POSIX; a no-op where folders can't be opened)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _temp_prefix(prefix: str) -> str:
    # The pid in the name lets another process tell a live writer's file from a crash's leftover.
    return f"{prefix}{os.getpid()}."


def _write_temp(folder: Path, data: bytes, temp_prefix: str) -> Path:
    """`data` in a new 0600 file of its own in `folder`, flushed and fsynced."""
    fd, temp = tempfile.mkstemp(dir=folder, prefix=_temp_prefix(temp_prefix), suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        _unlink(Path(temp))
        raise
    return Path(temp)


def atomic_write(folder: Path, name: str, data: bytes, *, temp_prefix: str = TEMP_PREFIX) -> Path:
    """Write `data` to `folder/name` so that a crash leaves the old file or the new one, never half.

    The temporary file is created 0600 in the same folder (a rename across file systems is not
    atomic), written, flushed and fsynced, renamed over the final name, then the folder is fsynced.
    """
    temp = _write_temp(folder, data, temp_prefix)
    try:
        os.replace(temp, folder / name)
    except BaseException:
        _unlink(temp)
        raise
    fsync_folder(folder)
    return folder / name


def atomic_create(folder: Path, name: str, data: bytes, *, temp_prefix: str = TEMP_PREFIX) -> bool:
    """Create `folder/name` with `data`, complete, only if it does not exist; False if it does.

    Written to a temporary file, fsynced, then hard-linked to the final name: the link fails
    when the name exists, so of two processes creating it at once exactly one wins, and the
    name never shows a partial file. (Where links are not supported, O_EXCL creation is used.)
    """
    temp = _write_temp(folder, data, temp_prefix)
    try:
        os.link(temp, folder / name)
    except FileExistsError:
        return False
    except OSError as error:
        if isinstance(error, PermissionError) or not _links_unsupported(error):
            raise
        return _create_exclusive(folder / name, data)
    finally:
        _unlink(temp)
    fsync_folder(folder)
    return True


def _links_unsupported(error: OSError) -> bool:
    import errno

    return error.errno in (errno.EPERM, errno.EOPNOTSUPP, getattr(errno, "ENOTSUP", -1), errno.EXDEV, errno.EMLINK)


def _create_exclusive(path: Path, data: bytes) -> bool:
    # Fallback (FAT, some network shares): exclusive, but a crash mid-write can leave a short file;
    # readers then see a damaged generation and fall back to the previous one.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    fsync_folder(path.parent)
    return True


def remove_stale_temps(folder: Path, prefix: str) -> int:
    """Unlink the temporary files starting with `prefix` whose writer is gone; return how many.

    A file is stale when the pid in its name is dead, when it has no pid (older versions), or
    when it is older than `STALE_TEMP_SECONDS`; this process's own are stale only when no write
    of this process is under way (`_PROCESS_LOCK` is held by the caller).
    """
    try:
        entries = [e for e in os.listdir(folder) if e.startswith(prefix)]
    except FileNotFoundError:
        return 0
    removed = 0
    for entry in entries:
        match = _TEMP_PID.match(entry)
        pid = int(match.group(1)) if match else 0
        if pid and pid != os.getpid() and pid_alive(pid) and not _older_than(folder / entry, STALE_TEMP_SECONDS):
            continue
        removed += _unlink(folder / entry)
    return removed


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.lstat().st_mtime > seconds
    except FileNotFoundError:
        return False


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True


def dump_padded(data: Any) -> bytes:
    """Compact UTF-8 JSON followed by spaces up to a multiple of `PAD_TO` (JSON ignores them)."""
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return raw + b" " * (-len(raw) % PAD_TO)


@dataclass(frozen=True)
class ReadOutcome:
    """What reading a record found. `value` is None when no generation could be used."""

    value: Any = None
    generation: int | None = None
    found: bool = False            # at least one generation exists on disk
    damaged: int = 0               # newer generations that could not be used


class Records:
    """Named, encrypted JSON records in one private folder; safe for several threads and processes."""

    def __init__(self, folder: Path, key: Callable[[], bytes]) -> None:
        self.folder = Path(folder)
        self._key = key
        self._lock = threading.Lock()

    def names(self) -> list[str]:
        """Every record name that has at least one generation on disk."""
        return sorted({match.group(1) for match in self._matches()})

    def generations(self, name: str) -> list[int]:
        """The generations of `name` on disk, newest first."""
        return sorted((int(m.group(2)) for m in self._matches() if m.group(1) == name), reverse=True)

    def _matches(self) -> list[re.Match[str]]:
        try:
            entries = os.listdir(self.folder)
        except FileNotFoundError:
            return []
        return [m for m in map(_FILE.match, entries) if m]

    def path(self, name: str, generation: int) -> Path:
        return self.folder / f"{name}.{generation}{SUFFIX}"

    @staticmethod
    def _context(name: str, generation: int) -> bytes:
        return f"tetsuzuki:{name}:{generation}".encode("ascii")

    def write(self, name: str, data: Any, *, after: int = 0) -> int:
        """Encrypt `data` (JSON-able) as the next generation of `name`; return that generation.

        The generation is above every one on disk and above `after` (the newest this drafts
        folder is known to have had: see `store`). Safe when other processes write the same
        record: a number taken meanwhile is skipped, nothing is overwritten.
        """
        _check_name(name)
        payload = dump_padded(data)
        key = self._key()
        with self._lock, _PROCESS_LOCK:
            ensure_private_folder(self.folder)
            remove_stale_temps(self.folder, f"{TEMP_PREFIX}{name}.")
            generation = max([after, *self.generations(name)[:1]]) + 1
            while True:
                sealed = seal(key, payload, self._context(name, generation))
                if atomic_create(self.folder, self.path(name, generation).name, sealed,
                                 temp_prefix=f"{TEMP_PREFIX}{name}."):
                    newest = self.generations(name)[0]
                    if newest == generation:
                        break
                    # Another process wrote newer generations meanwhile (and may have pruned this
                    # number before): this later save must not sit below them, unseen.
                    _unlink(self.path(name, generation))
                # another process took this number: go above the newest there is now
                generation = max([generation, *self.generations(name)[:1]]) + 1
            for old in self.generations(name)[GENERATIONS:]:
                if old < generation:
                    _unlink(self.path(name, old))
        log.debug("record %s saved as generation %d", name, generation)
        return generation

    def read(self, name: str, check: Callable[[Any], Any] | None = None) -> ReadOutcome:
        """The newest generation of `name` that decrypts, parses and passes `check`.

        `check` turns the parsed JSON into the caller's object and raises ValueError/TypeError/
        KeyError if it is not one. Key errors (no key at all) are raised to the caller.
        """
        _check_name(name)
        generations = self.generations(name)
        damaged = 0
        for generation in generations:
            value = self._read_generation(name, generation, check)
            if value is not None:
                if damaged:
                    log.warning("record %s: %d newer generation(s) unusable, opened generation %d",
                                name, damaged, generation)
                return ReadOutcome(value, generation, True, damaged)
            damaged += 1
        if generations:
            log.warning("record %s: none of %d generation(s) could be opened", name, len(generations))
        return ReadOutcome(None, None, bool(generations), damaged)

    def _read_generation(self, name: str, generation: int, check: Callable[[Any], Any] | None) -> Any:
        key = self._key()
        try:
            blob = read_bounded(self.path(name, generation))
        except FileNotFoundError:
            return None
        except OSError as error:
            log.warning("record %s generation %d refused: %s", name, generation, error)
            return None
        try:
            data = json.loads(open_sealed(key, blob, self._context(name, generation)).decode("utf-8"))
            return check(data) if check else data
        except RecursionError:
            log.warning("record %s generation %d is nested too deeply", name, generation)
        except DamagedError as error:
            log.warning("record %s generation %d cannot be opened: %s", name, generation, error)
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            # the message of a parse error can quote content: log its type only
            log.warning("record %s generation %d has unexpected contents (%s)", name, generation,
                        type(error).__name__)
        return None

    def remove(self, name: str) -> int:
        """Unlink every generation (and leftover temporary file) of `name`; return how many."""
        _check_name(name)
        with self._lock, _PROCESS_LOCK:
            count = sum(_unlink(self.path(name, g)) for g in self.generations(name))
            count += remove_stale_temps(self.folder, f"{TEMP_PREFIX}{name}.")
            if count:
                fsync_folder(self.folder)
        log.debug("record %s removed (%d file(s))", name, count)
        return count


def _check_name(name: str) -> None:
    if not NAME.match(name):
        raise ValueError("record names are lower-case letters, digits, '-' and '_'")
