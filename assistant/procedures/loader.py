"""Load procedure files: YAML → plain data with line numbers → validated `Procedure`.

Every problem is collected as a `DefinitionError` naming the file, the line and the field path,
in the person's language; one broken file never stops the others from loading, whatever it holds
(see `yamlsafe` for the limits on one file). A procedure id used by two files is reported for
both files and neither is loaded: which one "wins" would otherwise depend on file order, and a
stray copy could silently replace the bundled form.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from assistant.i18n import _, ngettext
from assistant.procedures.checks import format_path
from assistant.procedures.messages import is_scalar_union_error, message_for, scalar_union_message
from assistant.procedures.model import SCHEMA_VERSION, Procedure
from assistant.procedures.texts import shorten
from assistant.procedures.yamlsafe import LIMITS, Limits, Path_, YamlProblems, compose, read_yaml

__all__ = ["DefinitionError", "LoadResult", "format_path", "load_all", "load_bytes", "load_file", "procedure_files",
           "read_yaml", "YamlProblems"]

_MAX_ERRORS = 50   # per file: the first fifty say enough about a broken file


@dataclass(frozen=True)
class DefinitionError:
    """One problem in a procedure file, with where it is."""

    file: Path
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else f"{self.file}"
        path = self.path or _("(whole file)")
        return f"{where}: {path}: {self.message}"


@dataclass
class LoadResult:
    procedures: list[Procedure] = field(default_factory=list)
    errors: list[DefinitionError] = field(default_factory=list)
    #: file each procedure came from, by procedure id
    sources: dict[str, Path] = field(default_factory=dict)

    @property
    def broken_files(self) -> list[Path]:
        return sorted({e.file for e in self.errors})


_TAGS = frozenset({"text", "kana", "person_name", "date", "postal_code", "address", "phone", "email", "my_number",
                   "choice", "multi_choice", "yes_no", "number", "group", "pick_list", "bank_account",
                   "insured_number", "residence_card", "all", "any", "not", "equals",
                   "in", "includes", "answered", "compare", "str", "int", "float", "bool"})


def _data_path(data: Any, loc: tuple[Any, ...]) -> Path_:
    """Follow a pydantic error location through the data, dropping union tags."""
    path: list[str | int] = []
    current = data
    for part in loc:
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        elif isinstance(part, str) and (part in _TAGS or part.startswith("function-")):
            continue  # a union's tag, not a key of the file
        else:
            path.append(part)  # a missing key: report it at its parent's line
            break
        path.append(part)
    return tuple(path)


def _line_for(path: Path_, lines: dict[Path_, int]) -> int | None:
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


def _errors_from_validation(file: Path, data: Any, lines: dict[Path_, int],
                            error: ValidationError) -> list[DefinitionError]:
    found: list[DefinitionError] = []
    seen: set[Path_] = set()
    items = error.errors(include_url=False)
    inside = {item["loc"][:end] for item in items for end in range(len(item["loc"]))}   # proper prefixes
    for item in items:
        if item["type"] == "too_short" and item["loc"] in inside:
            continue  # pydantic also counts the items that failed; the real problem is inside
        if item["type"] == "procedure" and "problems" in (item.get("ctx") or {}):
            found += [DefinitionError(file, _line_for(p.path, lines), format_path(p.path), p.message)
                      for p in item["ctx"]["problems"]]
            continue
        loc = item["loc"]
        if item["type"] == "union_tag_invalid":
            loc = (*loc, item["ctx"]["discriminator"].strip("'"))
        path = _data_path(data, loc)
        if is_scalar_union_error(item):
            if path in seen:
                continue   # one message for "text, number or true/false", not four
            message = scalar_union_message(item.get("input"))
        else:
            message = message_for(item, path[-1] if path else None)
        seen.add(path)
        found.append(DefinitionError(file, _line_for(path, lines), format_path(path), message))
    return found


def _read_bytes(file: Path, limits: Limits) -> bytes:
    """The file's bytes, never more than the size limit read (a link to /dev/zero is refused)."""
    info = os.stat(file)
    if not stat.S_ISREG(info.st_mode):
        raise _Refused(_("this is not a regular file; procedure files are plain text files ending in .yaml"))
    with open(file, "rb") as handle:
        return handle.read(limits.max_bytes + 1)


def _decode(data: bytes, limits: Limits) -> str:
    if len(data) > limits.max_bytes:
        raise _Refused(_("the file is larger than {limit} MB; a procedure file is a few kilobytes, "
                         "so this is probably not a procedure file (or split it into several "
                         "procedures)").format(limit=limits.max_bytes // (1024 * 1024)))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise _Refused(_("the file is not UTF-8 text (byte {offset} on line {line}); save it as UTF-8 "
                         "in your editor").format(offset=exc.start + 1, line=line), line) from None


class _Refused(Exception):
    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message, self.line = message, line


def _count(data: Any, limits: Limits) -> str | None:
    """Refuse more fields or conditions than any procedure needs, before validating them."""
    fields = conditions = 0
    steps = data.get("steps") if isinstance(data, dict) else None
    todo: list[Any] = []
    for step in steps if isinstance(steps, list) else []:
        if isinstance(step, dict):
            todo.append(step.get("when"))
            for item in step.get("fields") if isinstance(step.get("fields"), list) else []:
                fields += 1
                if isinstance(item, dict):
                    todo.append(item.get("when"))
                    inner = item.get("fields") if isinstance(item.get("fields"), list) else []
                    fields += len(inner)
                    todo += [sub.get("when") for sub in inner if isinstance(sub, dict)]
    while todo and conditions <= limits.max_conditions:   # walked with a stack: no recursion
        value = todo.pop()
        if isinstance(value, dict):
            conditions += 1
            todo += value.values()
        elif isinstance(value, list):
            todo += value
    if fields > limits.max_fields:
        return _("the procedure has {count} fields; at most {limit} are accepted; split it into several "
                 "procedures").format(count=f"{fields:,}", limit=f"{limits.max_fields:,}")
    if conditions > limits.max_conditions:
        return _("the procedure has more than {limit} conditions; simplify them, e.g. one `in:` "
                 "instead of many `equals:`").format(limit=f"{limits.max_conditions:,}")
    return None


def _load(file: Path, limits: Limits, content: bytes | None = None
          ) -> tuple[Procedure | None, list[DefinitionError], dict[Path_, int]]:
    try:
        text = _decode(_read_bytes(file, limits) if content is None else content, limits)
    except _Refused as exc:
        return None, [DefinitionError(file, exc.line, "", exc.message)], {}
    except OSError as exc:
        return None, [DefinitionError(file, None, "", _("cannot read the file ({problem}); check that it "
                                                        "exists and may be read").format(problem=exc.strerror or exc))], {}
    data, lines, problems = compose(text, limits)
    if problems:
        return None, [DefinitionError(file, p.line, format_path(p.path), p.message) for p in problems], lines
    if not isinstance(data, dict):
        return None, [DefinitionError(file, 1, "", _(
            "a procedure file must be a mapping of keys to values, starting e.g. with `schema_version: 1`"))], lines
    if data.get("schema_version") not in (None, SCHEMA_VERSION):
        return None, [DefinitionError(file, lines.get(("schema_version",)), "schema_version", _(
            "unsupported schema_version {version}; this version of the application reads {supported}"
        ).format(version=shorten(repr(data["schema_version"])), supported=SCHEMA_VERSION))], lines
    too_many = _count(data, limits)
    if too_many:
        return None, [DefinitionError(file, lines.get(("steps",)), "steps", too_many)], lines
    try:
        procedure = Procedure.model_validate(data, context={"line_of": lambda path: _line_for(path, lines)})
    except ValidationError as exc:
        return None, _errors_from_validation(file, data, lines, exc), lines
    return procedure, [], lines


def load_file(file: Path, limits: Limits = LIMITS) -> tuple[Procedure | None, list[DefinitionError]]:
    """Load one procedure file; return the procedure or the list of what is wrong. Never raises."""
    procedure, errors, _lines = _load_guarded(file, limits)
    return procedure, errors


def load_bytes(content: bytes, file: Path, limits: Limits = LIMITS) -> tuple[Procedure | None, list[DefinitionError]]:
    """Like `load_file` for content already read (`file` only names it in the errors)."""
    procedure, errors, _lines = _load_guarded(file, limits, content)
    return procedure, errors


def _load_guarded(file: Path, limits: Limits, content: bytes | None = None):
    try:
        procedure, errors, lines = _load(file, limits, content)
    except Exception as exc:   # noqa: BLE001 - a last resort: the fuzz tests assert it is never reached
        return None, [DefinitionError(file, None, "", _(
            "this file could not be checked because of an error in the application ({problem}); "
            "please report it").format(problem=type(exc).__name__))], {}
    if len(errors) > _MAX_ERRORS:
        more = len(errors) - _MAX_ERRORS
        errors = [*errors[:_MAX_ERRORS], DefinitionError(file, None, "", ngettext(
            "{count} more problem is not listed; fix the ones above first",
            "{count} more problems are not listed; fix the ones above first", more).format(count=more))]
    return procedure, errors, lines


def procedure_files(folders: list[Path] | tuple[Path, ...]) -> list[Path]:
    """The procedure files directly inside the given folders (or the files themselves)."""
    files: dict[Path, Path] = {}   # by resolved path: a folder given twice is read once
    for folder in folders:
        try:
            found = sorted(folder.glob("*.yaml")) if folder.is_dir() else [folder] if folder.exists() else []
            for file in found:
                files.setdefault(file.resolve(), file)
        except (OSError, RuntimeError):
            continue   # an unreadable folder or a link loop holds no procedures; nothing to list
    return list(files.values())


def load_all(paths: list[Path] | tuple[Path, ...], limits: Limits = LIMITS) -> LoadResult:
    """Load every procedure file found; collect errors, including ids used by more than one file."""
    result = LoadResult()
    loaded: dict[str, list[tuple[Procedure, Path, int | None]]] = {}
    for file in procedure_files(paths):
        procedure, errors, lines = _load_guarded(file, limits)
        result.errors.extend(errors)
        if procedure is not None:
            loaded.setdefault(procedure.id, []).append((procedure, file, lines.get(("id",))))
    for procedure_id, copies in loaded.items():
        if len(copies) == 1:
            procedure, file, _line = copies[0]
            result.procedures.append(procedure)
            result.sources[procedure_id] = file
            continue
        for _procedure, file, line in copies:
            others = ", ".join(str(other) for _p, other, _l in copies if other != file) or str(file)
            result.errors.append(DefinitionError(file, line, "id", _(
                "the procedure id `{id}` is also used by {others}; neither file is loaded until each "
                "procedure has its own id (e.g. `{id}_2`), or one of the files is removed"
            ).format(id=procedure_id, others=others)))
    return result
