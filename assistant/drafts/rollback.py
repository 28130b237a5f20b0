"""Notice when a draft is older than the newest one saved: a rollback, not damage.

Each draft's newest generation number is also kept *outside* the drafts folder, in a sibling
folder ``<drafts>.seen/`` (one small file per draft, sealed with the drafts key: authenticated,
and saying nothing without it). When the newest generation in the drafts folder is below that
number, newer saves are missing: the newest file was deleted, or an older copy of the drafts
folder was put back (a backup, a synced folder). The store then opens the newest answers there
are and says so, instead of presenting them as the latest.

Why a sibling folder and not the keyring: it works the same with a PIN (no keyring entry to
keep a counter in) and costs no keyring call per save; restoring the drafts folder does not
restore it. It is no defence against someone who rolls back both folders on purpose — that needs
trusted storage this application does not have — but it catches every accidental rollback.
The counter only goes up: a lost or unreadable witness means "unknown", never a false alarm.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from pathlib import Path

from assistant.drafts.crypto import DamagedError, open_sealed, seal
from assistant.disk import atomic_write, ensure_private_folder, read_bounded

log = logging.getLogger(__name__)

_MAX = 4096


def witness_folder(drafts: Path) -> Path:
    """Where the newest generation numbers of the drafts in `drafts` are kept."""
    drafts = Path(drafts)
    return drafts.with_name(drafts.name + ".seen")


class Witness:
    """The newest generation saved of each record (0 when unknown)."""

    def __init__(self, folder: Path, key: Callable[[], bytes]) -> None:
        self.folder = Path(folder)
        self._key = key

    @staticmethod
    def _context(name: str) -> bytes:
        return f"tetsuzuki:seen:{name}".encode("ascii")

    def seen(self, name: str) -> int:
        """The newest generation of `name` ever saved here; 0 when none is known or readable."""
        try:
            blob = read_bounded(self.folder / name, _MAX)
            number = json.loads(open_sealed(self._key(), blob, self._context(name)))["generation"]
        except FileNotFoundError:
            return 0
        except (OSError, DamagedError, ValueError, KeyError, TypeError, RecursionError) as error:
            log.info("newest generation of %s unknown (%s)", name, type(error).__name__)
            return 0
        return number if type(number) is int and number > 0 else 0

    def record(self, name: str, generation: int) -> None:
        """Remember that `generation` of `name` was saved (never lowers the number)."""
        if generation <= self.seen(name):
            return
        ensure_private_folder(self.folder)
        data = seal(self._key(), json.dumps({"generation": generation}).encode("ascii"), self._context(name))
        # Not fsynced: after a power cut the number is the previous one or unreadable ("unknown"),
        # never above what was saved, so a lost write misses a rollback but never raises a false one.
        atomic_write(self.folder, name, data, temp_prefix=f".tmp-{name}.", durable=False)

    def forget(self, name: str) -> None:
        """The record was deleted on purpose: nothing of it is missing any more."""
        try:
            os.unlink(self.folder / name)
        except FileNotFoundError:
            pass
