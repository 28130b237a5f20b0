"""The procedure list's cache: each file's listed values, kept by its size, times and content hash.

The cache is a JSON file in the application's private data folder. It is data in the person's
folder, so it is never trusted blindly: it is read with a size bound, every value is checked for
its type, its length and the characters a text may hold, and a file that fails is ignored and
rebuilt. An entry is used only while its file's size, modification time, inode and change time are
those recorded; an entry written within two seconds of its file's last change is checked against
the content hash (a file changed twice within one clock tick would otherwise look unchanged, the
"racy" case git knows too). Validity is never cached: a procedure is validated when it is opened.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from assistant.procedures.header import MAX_KEYWORDS, MAX_TEXT, Entry, _ID
from assistant.procedures.texts import text_problem

FORMAT = 1
MAX_INDEX_BYTES = 32 * 1024 * 1024   # ~1 kB per procedure: room for tens of thousands
_RACY_NS = 2_000_000_000
INDEX_NAME = "procedure-index.json"


def stat_key(info: os.stat_result) -> list[int]:
    return [info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns]


def digest(content: bytes) -> str:
    return hashlib.blake2b(content, digest_size=16).hexdigest()


def _good_text(value: Any, limit: int = MAX_TEXT) -> bool:
    return isinstance(value, str) and len(value) <= limit and text_problem(value) is None


def _entry(file: str, raw: Any) -> tuple[Entry, list[int], str] | None:
    """A cached entry after checking every value, or None (the file is then read again)."""
    if not isinstance(raw, dict) or set(raw) != {"id", "version", "title", "summary", "keywords", "id_line",
                                                 "stat", "hash"}:
        return None
    key, words, line = raw["stat"], raw["keywords"], raw["id_line"]
    if not (isinstance(key, list) and len(key) == 4 and all(type(k) is int for k in key)
            and isinstance(raw["hash"], str) and len(raw["hash"]) == 32
            and isinstance(raw["id"], str) and _ID.match(raw["id"]) and len(raw["id"]) <= 64
            and all(_good_text(raw[k]) and raw[k].strip() for k in ("version", "title", "summary"))
            and isinstance(words, list) and len(words) <= MAX_KEYWORDS and all(_good_text(w) for w in words)
            and (line is None or type(line) is int)):
        return None
    entry = Entry(raw["id"], raw["version"], raw["title"], raw["summary"], tuple(words), Path(file), line)
    return entry, key, raw["hash"]


class Index:
    """Cached entries by file path; `lookup` returns one only while its file is unchanged."""

    def __init__(self, location: Path | None):
        self.location = location
        self.written_ns = 0
        self._cached: dict[str, tuple[Entry, list[int], str]] = {}
        self._fresh: dict[str, tuple[Entry, list[int], str]] = {}
        self.loaded = False   # whether a cache file was read and accepted
        if location is not None:
            self._read(location)

    def _read(self, location: Path) -> None:
        try:
            with open(location, "rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                if size > MAX_INDEX_BYTES:
                    return
                raw = handle.read(size + 1)   # sized by the file: read(limit) would reserve the limit
            if len(raw) > size:
                return   # it grew while being read: written by another instance, read next time
            data = json.loads(raw.decode("utf-8"))
        except (OSError, ValueError, RecursionError, MemoryError):
            return   # missing, damaged or hostile: ignored, and rebuilt when saved
        if not (isinstance(data, dict) and data.get("format") == FORMAT and type(data.get("written_ns")) is int
                and isinstance(data.get("entries"), dict)):
            return
        self.written_ns = data["written_ns"]
        for file, raw_entry in data["entries"].items():
            checked = _entry(file, raw_entry)
            if checked is not None:
                self._cached[file] = checked
        self.loaded = True

    def lookup(self, file: Path, info: os.stat_result, read: Any) -> Entry | None:
        """The cached entry of `file` if it still describes it (`read()` gives the bytes if needed)."""
        cached = self._cached.get(str(file))
        if cached is None or cached[1] != stat_key(info):
            return None
        if info.st_mtime_ns >= self.written_ns - _RACY_NS or info.st_ctime_ns >= self.written_ns - _RACY_NS:
            with contextlib.suppress(OSError):
                if digest(read()) == cached[2]:
                    self._fresh[str(file)] = cached
                    return cached[0]
            return None
        self._fresh[str(file)] = cached
        return cached[0]

    def remember(self, entry: Entry, info: os.stat_result, content: bytes) -> None:
        self._fresh[str(entry.file)] = (entry, stat_key(info), digest(content))

    def save(self) -> None:
        """Write the entries seen in this listing (removed files are dropped); failures are ignored:
        the cache only saves time."""
        if self.location is None or (self.loaded and self._fresh.keys() == self._cached.keys()
                                     and all(self._fresh[k][1] == self._cached[k][1] for k in self._fresh)):
            return
        entries = {}
        for file, (entry, key, content_hash) in self._fresh.items():
            row = asdict(entry)
            del row["file"]
            row["keywords"] = list(entry.keywords)
            entries[file] = {**row, "stat": key, "hash": content_hash}
        data = json.dumps({"format": FORMAT, "written_ns": time.time_ns(), "entries": entries},
                          ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        from assistant.disk import atomic_write, ensure_private_folder

        with contextlib.suppress(OSError):
            atomic_write(ensure_private_folder(self.location.parent), self.location.name, data,
                         temp_prefix=".tmp-index-")
