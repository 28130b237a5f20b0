"""Encrypted records on disk: atomic writes, three generations, private folder.

A record ``<name>`` is kept as ``<name>.<generation>.tzd`` files (generation = 1, 2, 3 …), the
three newest kept. Each write goes to a temporary file in the same folder (``.tmp-<name>.*``),
is flushed and fsynced, renamed to its final name and the folder fsynced, so a crash or power
cut leaves either the new generation complete or none of it. Reading tries the newest
generation first and falls back to older ones when a file is damaged.

Contents are JSON padded with spaces to a multiple of `PAD_TO` bytes before encryption, so file
sizes show only a coarse bucket. The record name and generation are part of the associated data:
a file renamed to another draft or generation does not open.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.drafts.crypto import DamagedError, open_sealed, seal

log = logging.getLogger(__name__)

GENERATIONS = 3
PAD_TO = 4096
SUFFIX = ".tzd"
TEMP_PREFIX = ".tmp-"
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_FILE = re.compile(r"^([a-z0-9][a-z0-9_-]{0,63})\.([0-9]{1,12})\.tzd$")


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


def atomic_write(folder: Path, name: str, data: bytes, *, temp_prefix: str = TEMP_PREFIX) -> Path:
    """Write `data` to `folder/name` so that a crash leaves the old file or the new one, never half.

    The temporary file is created 0600 in the same folder (a rename across file systems is not
    atomic), written, flushed and fsynced, renamed over the final name, then the folder is fsynced.
    """
    fd, temp = tempfile.mkstemp(dir=folder, prefix=temp_prefix, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, folder / name)
    except BaseException:
        _unlink(Path(temp))
        raise
    fsync_folder(folder)
    return folder / name


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
    """Named, encrypted JSON records in one private folder. Thread-safe for one writing process."""

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

    def write(self, name: str, data: Any) -> int:
        """Encrypt `data` (JSON-able) as the next generation of `name`; return that generation."""
        _check_name(name)
        payload = dump_padded(data)
        key = self._key()
        with self._lock:
            ensure_private_folder(self.folder)
            self._remove_temps(name)
            existing = self.generations(name)
            generation = (existing[0] if existing else 0) + 1
            atomic_write(self.folder, self.path(name, generation).name,
                         seal(key, payload, self._context(name, generation)),
                         temp_prefix=f"{TEMP_PREFIX}{name}.")
            for old in existing[GENERATIONS - 1:]:
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
            blob = self.path(name, generation).read_bytes()
        except FileNotFoundError:
            return None
        try:
            data = json.loads(open_sealed(key, blob, self._context(name, generation)).decode("utf-8"))
            return check(data) if check else data
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
        with self._lock:
            count = sum(_unlink(self.path(name, g)) for g in self.generations(name))
            count += self._remove_temps(name)
            if count:
                fsync_folder(self.folder)
        log.debug("record %s removed (%d file(s))", name, count)
        return count

    def _remove_temps(self, name: str) -> int:
        # Only this process writes here, so a temporary file of this record is left by a crash.
        # ("." ends the name in the prefix: names have no dots, so one name never matches another.)
        prefix = f"{TEMP_PREFIX}{name}."
        try:
            entries = os.listdir(self.folder)
        except FileNotFoundError:
            return 0
        return sum(_unlink(self.folder / e) for e in entries if e.startswith(prefix))


def _check_name(name: str) -> None:
    if not NAME.match(name):
        raise ValueError("record names are lower-case letters, digits, '-' and '_'")
