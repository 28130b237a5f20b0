""""End session" on a shared PC: remove everything one resident left in the application's folders.

The caller names the folders (drafts and profile, temporary files, exported files …); each is
removed with all it contains, symbolic links unlinked and never followed. Keys are destroyed
too (`KeySource.forget`, `unlock.forget_key_info`), so any copy of an encrypted draft that an SSD
or a journal still holds cannot be read. Stop autosaving before wiping.

Files are unlinked, not overwritten: on SSDs (wear levelling) and journaling or copy-on-write
file systems an overwrite does not reach the old blocks, and exported PDFs are plain files by
design. The report counts what was removed; it never names a file.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.drafts.keys import KeySource
from assistant.drafts.rollback import witness_folder
from assistant.drafts.unlock import forget_key_info

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WipeReport:
    """What was removed, by the caller's label ("drafts", "exports" …); counts only."""

    files: dict[str, int] = field(default_factory=dict)
    folders: int = 0
    bytes: int = 0
    failed: int = 0                 # entries that could not be removed (the UI should say so)
    keys_forgotten: int = 0

    @property
    def total_files(self) -> int:
        return sum(self.files.values())

    @property
    def complete(self) -> bool:
        return self.failed == 0


def _refuse(folder: Path) -> None:
    folder = folder.absolute()
    home = Path.home().absolute()
    if folder == Path(folder.anchor) or folder == home or home.is_relative_to(folder):
        raise ValueError("refusing to wipe a root or home folder")


def wipe_session(targets: Mapping[str, Path], *, key_sources: Iterable[KeySource] = (),
                 key_folders: Iterable[Path] = (), keyring_backend: KeyringBackend | None = None) -> WipeReport:
    """Remove each target folder with everything in it, and destroy the keys.

    `key_sources` are the sources in use (in-memory keys dropped, keyring entries deleted);
    `key_folders` are drafts folders whose keyinfo names a keyring entry to delete (done first,
    before the folder goes).
    """
    for folder in targets.values():
        _refuse(Path(folder))
    key_folders = [Path(folder) for folder in key_folders]
    forgotten = 0
    for source in key_sources:
        source.forget()
        forgotten += 1
    for folder in key_folders:
        forgotten += forget_key_info(Path(folder), keyring_backend)
    files: dict[str, int] = {}
    totals = {"folders": 0, "bytes": 0, "failed": 0}
    for label, folder in targets.items():
        files[label] = _remove_tree(Path(folder), totals)
        if label == "drafts" or Path(folder) in key_folders:
            # the drafts' newest generation numbers, kept beside the folder (see `rollback`)
            files[label] += _remove_tree(witness_folder(Path(folder)), totals)
    report = WipeReport(files, totals["folders"], totals["bytes"], totals["failed"], forgotten)
    log.info("session wiped: %d file(s), %d folder(s), %d failure(s)", report.total_files, report.folders,
             report.failed)
    return report


def _remove_tree(root: Path, totals: dict[str, int]) -> int:
    try:
        info = os.lstat(root)
    except FileNotFoundError:
        return 0
    if not stat.S_ISDIR(info.st_mode):
        return _remove_file(root, info, totals)
    removed = 0
    for top, dirs, names in os.walk(root, topdown=False, followlinks=False):
        for name in names + [d for d in dirs if os.path.islink(os.path.join(top, d))]:
            path = Path(top, name)
            try:
                removed += _remove_file(path, os.lstat(path), totals)
            except FileNotFoundError:
                pass
        _remove_folder(Path(top), totals)
    return removed


def _remove_file(path: Path, info: os.stat_result, totals: dict[str, int]) -> int:
    try:
        path.unlink()
    except FileNotFoundError:
        return 0
    except OSError:
        totals["failed"] += 1
        return 0
    if stat.S_ISREG(info.st_mode):
        totals["bytes"] += info.st_size
    return 1


def _remove_folder(path: Path, totals: dict[str, int]) -> None:
    try:
        path.rmdir()
        totals["folders"] += 1
    except FileNotFoundError:
        pass
    except OSError:
        totals["failed"] += 1
