"""The procedures a person can choose from, and searching them in any language.

The list holds each procedure's head only (`header.Entry`: id, version, title, summary, keywords),
read from the top of its file or from the cache (`index`); the full definition is loaded and
validated by `get`, when the procedure is opened, and the last few opened are kept. A file whose
head cannot be previewed is read by the full loader, so a broken or hostile file is reported with
its file and line as before, and never stops the others. `Catalog.load(..., check_all=True)` (the
default, for the command line and tests) validates every file at once, as `load_all` does.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.i18n import LANGUAGES, _, ptext
from assistant.procedures.header import Entry, read_header
from assistant.procedures.index import INDEX_NAME, Index

if TYPE_CHECKING:
    from assistant.paths import AppPaths
    from assistant.procedures.loader import DefinitionError
    from assistant.procedures.model import Procedure

_KEEP_OPEN = 4   # full definitions kept in memory: the list itself holds heads only


_HIRAGANA = {code: code - 0x60 for code in range(ord("ァ"), ord("ヶ") + 1)}


def _fold(text: str) -> str:
    # For matching only (never for stored answers): width, case and hiragana/katakana folded.
    return unicodedata.normalize("NFKC", text).casefold().translate(_HIRAGANA)


class BrokenProcedure(KeyError):
    """The procedure's file no longer loads; `errors` say where and why (also in `Catalog.errors`)."""

    def __init__(self, procedure_id: str, errors: list[DefinitionError]):
        super().__init__(procedure_id)
        self.errors = errors


@dataclass
class Catalog:
    """The listed procedures (heads; definitions already in memory may be given as `Procedure`s,
    e.g. by a benchmark) and the problems of the files that could not be listed or opened."""

    procedures: list[Entry]
    errors: list[DefinitionError]
    _haystacks: dict[str, str] = field(default_factory=dict, repr=False)
    _open: OrderedDict[str, Procedure] = field(default_factory=OrderedDict, repr=False)
    _in_memory: dict[str, Procedure] = field(default_factory=dict, repr=False)

    @classmethod
    def for_app(cls, paths: AppPaths, *, cache: bool = True) -> Catalog:
        """The window's list: heads only, cached in the application's private data folder unless
        `cache` is false (a shared computer writes nothing there before the resident's PIN)."""
        return cls.load(paths.procedure_dirs, index=paths.data / INDEX_NAME if cache else None, check_all=False)

    @classmethod
    def load(cls, folders: tuple[Path, ...] | list[Path], *, index: Path | None = None,
             check_all: bool = True) -> Catalog:
        """List the procedures in `folders`; with `index`, reuse the heads of unchanged files."""
        from assistant.procedures.loader import procedure_files

        cache = Index(index)
        entries: list[Entry] = []
        errors: list[DefinitionError] = []
        for file in procedure_files(list(folders)):
            entry, problems = _list_file(file, cache, check_all)
            errors += problems
            if entry is not None:
                entries.append(entry)
        cache.save()
        entries, duplicates = _unique(entries)
        return cls(sorted(entries, key=lambda e: (e.title, e.id)), errors + duplicates)

    def __post_init__(self) -> None:
        self._haystacks = {e.id: _haystack(e) for e in self.procedures}
        self._in_memory = {p.id: p for p in self.procedures if not isinstance(p, Entry)}

    def get(self, procedure_id: str) -> Procedure:
        """The full, validated definition; KeyError when unknown, `BrokenProcedure` when it no
        longer loads (the file changed since it was listed)."""
        from assistant.procedures.loader import DefinitionError, load_file

        if procedure_id in self._in_memory:
            return self._in_memory[procedure_id]
        if procedure_id in self._open:
            self._open.move_to_end(procedure_id)
            return self._open[procedure_id]
        entry = next((e for e in self.procedures if e.id == procedure_id), None)
        if entry is None:
            raise KeyError(procedure_id)
        procedure, problems = load_file(entry.file)
        if procedure is not None and procedure.id != procedure_id:
            problems = [DefinitionError(entry.file, None, "id", _(
                "the procedure id changed from `{old}` to `{new}` while the application was running; "
                "restart the application to list it again").format(old=procedure_id, new=procedure.id))]
        if problems:
            self.procedures = [e for e in self.procedures if e.id != procedure_id]
            self.errors += [p for p in problems if p not in self.errors]
            raise BrokenProcedure(procedure_id, problems)
        self._open[procedure_id] = procedure
        while len(self._open) > _KEEP_OPEN:
            self._open.popitem(last=False)
        return procedure

    def check(self, procedure_id: str) -> bool:
        """Whether the procedure still loads (it is then kept open); a broken one joins `errors`."""
        try:
            self.get(procedure_id)
        except KeyError:
            return False
        return True

    def search(self, query: str) -> list[Entry]:
        """Procedures whose title, summary or keywords (in any shipped language) contain every word."""
        words = [_fold(w) for w in query.split()]
        return [e for e in self.procedures if all(w in self._haystacks[e.id] for w in words)]

    @property
    def broken_files(self) -> list[Path]:
        return sorted({e.file for e in self.errors})


def _list_file(file: Path, cache: Index, check_all: bool) -> tuple[Entry | None, list[DefinitionError]]:
    """The head of one file: from the cache, from its top lines, or from the full loader."""
    from assistant.procedures.loader import _load_guarded
    from assistant.procedures.yamlsafe import LIMITS

    try:
        info: os.stat_result | None = os.stat(file)
    except OSError:
        info = None
    if info is None or not stat.S_ISREG(info.st_mode) or info.st_size > LIMITS.max_bytes:
        return None, _load_guarded(file, LIMITS)[1]   # the loader says what is wrong with it
    content: list[bytes] = []

    def read() -> bytes:
        if not content:
            with open(file, "rb") as handle:   # bounded: the file may have grown since the stat
                content.append(handle.read(LIMITS.max_bytes + 1))
        return content[0]

    if not check_all:
        cached = cache.lookup(file, info, read)
        if cached is not None:
            return cached, []
    try:
        data = read()
    except OSError:
        return None, _load_guarded(file, LIMITS)[1]
    if not check_all and len(data) <= LIMITS.max_bytes:
        try:
            entry = read_header(data.decode("utf-8"), file)
        except UnicodeDecodeError:
            entry = None
        if entry is not None:
            cache.remember(entry, info, data)
            return entry, []
    procedure, problems, lines = _load_guarded(file, LIMITS, data)
    if procedure is None:
        return None, problems
    entry = Entry(procedure.id, procedure.version, procedure.title, procedure.summary, procedure.keywords,
                  file, lines.get(("id",)))
    cache.remember(entry, info, data)
    return entry, []


def _unique(entries: list[Entry]) -> tuple[list[Entry], list[DefinitionError]]:
    """Entries whose id no other file uses; an id in two files is reported for both, neither listed."""
    from assistant.procedures.loader import DefinitionError

    by_id: dict[str, list[Entry]] = {}
    for entry in entries:
        by_id.setdefault(entry.id, []).append(entry)
    unique = [copies[0] for copies in by_id.values() if len(copies) == 1]
    errors = []
    for procedure_id, copies in by_id.items():
        for entry in copies if len(copies) > 1 else []:
            others = ", ".join(str(o.file) for o in copies if o.file != entry.file) or str(entry.file)
            errors.append(DefinitionError(entry.file, entry.id_line, "id", _(
                "the procedure id `{id}` is also used by {others}; neither file is loaded until each "
                "procedure has its own id (e.g. `{id}_2`), or one of the files is removed"
            ).format(id=procedure_id, others=others)))
    return unique, errors


def _haystack(entry: Entry) -> str:
    texts = [entry.id, *entry.keywords]
    for language in LANGUAGES:
        texts += [ptext(entry.title, language), ptext(entry.summary, language)]
    return _fold(" ".join(texts))
