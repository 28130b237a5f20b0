"""Files of the data folder: private folders, atomic and exclusive writes, bounded reads.

- `atomic_write` replaces a file so that a crash leaves the old or the new one, never half;
- `atomic_create` creates one only if it is not there (hard link of a complete temporary file):
  of two processes creating it at once exactly one wins;
- temporary files carry their writer's pid, so `remove_stale_temps` never deletes the file of a
  write still under way in another process;
- `read_bounded` opens regular files only, never follows a link, never blocks on a FIFO and
  reads at most a given number of bytes.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from assistant.instance import pid_alive

TEMP_PREFIX = ".tmp-"
MAX_FILE = 16 * 1024 * 1024        # a draft is ~1–50 KB; anything this big is not one of ours
STALE_TEMP_SECONDS = 3600          # no write takes an hour: such a temporary file is a leftover
_TEMP_PID = re.compile(r"^\.tmp-[^.]*\.([0-9]{1,10})\.")


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


def _write_temp(folder: Path, data: bytes, temp_prefix: str, durable: bool = True) -> Path:
    """`data` in a new 0600 file of its own in `folder`, flushed and (when `durable`) fsynced."""
    fd, temp = tempfile.mkstemp(dir=folder, prefix=_temp_prefix(temp_prefix), suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
    except BaseException:
        unlink_if_there(Path(temp))
        raise
    return Path(temp)


def atomic_write(folder: Path, name: str, data: bytes, *, temp_prefix: str = TEMP_PREFIX,
                 durable: bool = True) -> Path:
    """Write `data` to `folder/name` so that a crash leaves the old file or the new one, never half.

    The temporary file is created 0600 in the same folder (a rename across file systems is not
    atomic), written, flushed and fsynced, renamed over the final name, then the folder is fsynced.
    `durable=False` skips both fsyncs (~2 ms): for data whose loss in a power cut is harmless.
    """
    temp = _write_temp(folder, data, temp_prefix, durable)
    try:
        os.replace(temp, folder / name)
    except BaseException:
        unlink_if_there(temp)
        raise
    if durable:
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
        if not _links_unsupported(error):       # EPERM is how FAT (vfat) says "no links"
            raise
        return _create_exclusive(folder / name, data)
    finally:
        unlink_if_there(temp)
    fsync_folder(folder)
    return True


def _links_unsupported(error: OSError) -> bool:
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
    when it is older than `STALE_TEMP_SECONDS`. This process's own count as stale too: the caller
    must hold whatever lock serialises this process's writes with that prefix.
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
        removed += unlink_if_there(folder / entry)
    return removed


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.lstat().st_mtime > seconds
    except FileNotFoundError:
        return False


def unlink_if_there(path: Path) -> bool:
    """Unlink `path`; False when it was not there."""
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True
