"""Writing the exported files so that no partial file ever carries a final name.

The package is written into a hidden temporary folder beside its destination (made by
`tempfile.mkdtemp`: private, a fresh name nobody can have prepared), every file and the folder are
synced to disk, and only then is the folder renamed to its final name. A full or read-only disk,
a destination that is a file, or a link planted where the folder will go gives an `ExportError`
with a translated message; the temporary folder is removed and nothing is written through a link.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from assistant.formats.result import printable
from assistant.i18n import _

PARTIAL_PREFIX = ".partial-"
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_NOT_A_FOLDER = {errno.ENOTDIR, errno.EEXIST}
_TAKEN = {errno.EEXIST, errno.ENOTEMPTY, errno.ENOTDIR, errno.EISDIR}   # the name was taken meanwhile


class ExportError(Exception):
    """The files could not be written. `code` is stable (export.read_only, export.disk_full,
    export.not_a_folder, export.link, export.failed), `message` is translated; nothing was left
    under a final name."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(code)
        self.code = code
        self.message = message


def _shown(path: Path) -> str:
    return printable(str(path))[:200]


def _error(exc: OSError, folder: Path) -> ExportError:
    where = _shown(folder)
    if exc.errno in _FULL:
        return ExportError("export.disk_full", _(
            "The disk of {folder} is full, so the files could not be written; nothing was left behind. "
            "Free some space or choose another folder, e.g. a USB stick, and try again.").format(folder=where))
    if exc.errno in _READ_ONLY:
        return ExportError("export.read_only", _(
            "The folder {folder} cannot be written to (it is read-only or not yours). Choose another "
            "folder, e.g. your Documents folder, and try again.").format(folder=where))
    return ExportError("export.failed", _(
        "The files could not be written into {folder}; nothing was left behind. Check that the disk is "
        "connected, or choose another folder, e.g. your Documents folder.").format(folder=where))


def _not_a_folder(folder: Path) -> ExportError:
    return ExportError("export.not_a_folder", _(
        "{folder} is a file or a broken link, not a folder, so the files cannot go there. Give a "
        "folder, e.g. ~/Documents/tetsuzuki.").format(folder=_shown(folder)))


def _sync(path: Path, directory: bool = False) -> None:
    fd = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if directory else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _prepare(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if exc.errno in _NOT_A_FOLDER:
            raise _not_a_folder(out_dir) from None
        raise _error(exc, out_dir) from None
    if not out_dir.is_dir():
        raise _not_a_folder(out_dir)


@contextmanager
def staging_folder(out_dir: Path) -> Iterator[Path]:
    """A new private folder inside `out_dir` to write into; removed if anything fails (an OSError
    becomes an ExportError). Its files are synced when the block ends without error."""
    _prepare(out_dir)
    try:
        staging = Path(tempfile.mkdtemp(prefix=PARTIAL_PREFIX, dir=out_dir))
    except OSError as exc:
        raise _error(exc, out_dir) from None
    try:
        yield staging
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise _error(exc, out_dir) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    # publish() inside the block moved it; when the block did not publish, nothing is kept
    shutil.rmtree(staging, ignore_errors=True)


def publish(staging: Path, out_dir: Path, name: str) -> Path:
    """Sync the files of `staging`, then rename it to `name` (or `name-2`, … when taken) in `out_dir`.

    A link at the final name is refused, dangling or not: it can only have been put there to send
    the files elsewhere. rename() never follows a link and fails on a name taken meanwhile.
    """
    for file in staging.iterdir():
        _sync(file)
    _sync(staging, directory=True)
    for suffix in range(1, 1000):
        final = out_dir / (name if suffix == 1 else f"{name}-{suffix}")
        if final.is_symlink():
            raise ExportError("export.link", _(
                "There is a link named {name} in {folder}, where the new files would go; someone may be "
                "trying to send your files elsewhere. Nothing was written. Delete the link or choose "
                "another folder, e.g. your Documents folder.").format(name=final.name, folder=_shown(out_dir)))
        if os.path.lexists(final):
            continue
        try:
            os.rename(staging, final)
        except OSError as exc:
            if exc.errno in _TAKEN:
                continue
            raise
        _sync(out_dir, directory=True)
        return final
    raise OSError(errno.EEXIST, "no free name")


@contextmanager
def staged_file(final: Path) -> Iterator[Path]:
    """A temporary path beside `final` to write one file to; synced and renamed to `final` when the
    block ends, removed if it fails (an OSError becomes an ExportError)."""
    partial = final.with_name(f"{PARTIAL_PREFIX}{final.name}")
    try:
        yield partial
        _sync(partial)
        os.replace(partial, final)
        _sync(final.parent, directory=True)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise _error(exc, final.parent) from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
