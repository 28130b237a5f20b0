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
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.drafts.crypto import DamagedError, open_sealed, seal
from assistant.disk import (MAX_FILE, TEMP_PREFIX, RefusedFileError, atomic_create, atomic_write,
                                   ensure_private_folder, fsync_folder, read_bounded, remove_stale_temps,
                                   unlink_if_there)

__all__ = ["GENERATIONS", "MAX_FILE", "PAD_TO", "TEMP_PREFIX", "ReadOutcome", "Records", "RefusedFileError",
           "atomic_create", "atomic_write", "dump_padded", "ensure_private_folder", "fsync_folder", "read_bounded"]

log = logging.getLogger(__name__)

GENERATIONS = 3
PAD_TO = 4096
SUFFIX = ".tzd"
# Writes of one process, whatever Records object they go through, are serialised (about 1 ms each).
_PROCESS_LOCK = threading.Lock()
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_FILE = re.compile(r"^([a-z0-9][a-z0-9_-]{0,63})\.([0-9]{1,12})\.tzd$")
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
                    unlink_if_there(self.path(name, generation))
                # another process took this number: go above the newest there is now
                generation = max([generation, *self.generations(name)[:1]]) + 1
            for old in self.generations(name)[GENERATIONS:]:
                if old < generation:
                    unlink_if_there(self.path(name, old))
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
            count = sum(unlink_if_there(self.path(name, g)) for g in self.generations(name))
            count += remove_stale_temps(self.folder, f"{TEMP_PREFIX}{name}.")
            if count:
                fsync_folder(self.folder)
        log.debug("record %s removed (%d file(s))", name, count)
        return count


def _check_name(name: str) -> None:
    if not NAME.match(name):
        raise ValueError("record names are lower-case letters, digits, '-' and '_'")
