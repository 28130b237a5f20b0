"""Load procedure files: YAML → plain data with line numbers → validated `Procedure`.

Every problem is collected as a `DefinitionError` naming the file, the line and the field path;
one broken file never stops the others from loading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from assistant.procedures.model import SCHEMA_VERSION, Procedure

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class DefinitionError:
    """One problem in a procedure file, with where it is."""

    file: Path
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else f"{self.file}"
        return f"{where}: {self.path or '(file)'}: {self.message}"


@dataclass
class LoadResult:
    procedures: list[Procedure] = field(default_factory=list)
    errors: list[DefinitionError] = field(default_factory=list)
    #: file each procedure came from, by procedure id
    sources: dict[str, Path] = field(default_factory=dict)

    @property
    def broken_files(self) -> list[Path]:
        return sorted({e.file for e in self.errors})


def read_yaml(text: str) -> tuple[Any, dict[Path_, int]]:
    """Parse YAML text into plain data and a map from data path to line number."""
    lines: dict[Path_, int] = {}
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()

        def build(node: yaml.Node, path: Path_) -> Any:
            lines[path] = node.start_mark.line + 1
            if isinstance(node, yaml.MappingNode):
                result = {}
                for key_node, value_node in node.value:
                    key = loader.construct_object(key_node)
                    result[key] = build(value_node, path + (key,))
                    lines[path + (key,)] = key_node.start_mark.line + 1
                return result
            if isinstance(node, yaml.SequenceNode):
                return [build(child, path + (i,)) for i, child in enumerate(node.value)]
            return loader.construct_object(node, deep=True)

        return (build(node, ()) if node is not None else None), lines
    finally:
        loader.dispose()


_TAGS = frozenset({"text", "kana", "person_name", "date", "postal_code", "address", "phone", "email", "my_number",
                   "choice", "multi_choice", "yes_no", "number", "group", "all", "any", "not", "equals",
                   "in", "includes", "answered", "compare"})


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


def format_path(path: Path_) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _line_for(path: Path_, lines: dict[Path_, int]) -> int | None:
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


def _errors_from_validation(file: Path, data: Any, lines: dict[Path_, int],
                            error: ValidationError) -> list[DefinitionError]:
    found = []
    items = error.errors(include_url=False)
    for item in items:
        if item["type"] == "too_short" and any(
                other["loc"][:len(item["loc"])] == item["loc"] and other is not item for other in items):
            continue  # pydantic also counts the items that failed; the real problem is inside
        loc = item["loc"]
        if item["type"] == "union_tag_invalid":
            loc = (*loc, item["ctx"]["discriminator"].strip("'"))
        path = _data_path(data, loc)
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "extra_forbidden":
            message = "unknown key (check its spelling; see `tetsuzuki procedures schema`)"
        found.append(DefinitionError(file, _line_for(path, lines), format_path(path), message))
    return found


def load_file(file: Path) -> tuple[Procedure | None, list[DefinitionError]]:
    """Load one procedure file; return the procedure or the list of what is wrong."""
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [DefinitionError(file, None, "", f"cannot read the file: {exc}")]
    try:
        data, lines = read_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        return None, [DefinitionError(file, line, "", f"not valid YAML: {problem}")]
    if not isinstance(data, dict):
        return None, [DefinitionError(file, 1, "", "a procedure file must be a mapping of keys to values")]
    if data.get("schema_version") not in (None, SCHEMA_VERSION):
        return None, [DefinitionError(file, lines.get(("schema_version",)), "schema_version",
                                      f"unsupported schema_version {data['schema_version']!r}; "
                                      f"this version reads {SCHEMA_VERSION}")]
    try:
        return Procedure.model_validate(data), []
    except ValidationError as exc:
        return None, _errors_from_validation(file, data, lines, exc)


def procedure_files(folders: list[Path] | tuple[Path, ...]) -> list[Path]:
    """The procedure files directly inside the given folders (or the files themselves)."""
    files: list[Path] = []
    for folder in folders:
        if folder.is_file():
            files.append(folder)
        elif folder.is_dir():
            files.extend(sorted(folder.glob("*.yaml")))
    return files


def load_all(paths: list[Path] | tuple[Path, ...]) -> LoadResult:
    """Load every procedure file found; collect errors, including duplicate ids."""
    result = LoadResult()
    for file in procedure_files(paths):
        procedure, errors = load_file(file)
        result.errors.extend(errors)
        if procedure is None:
            continue
        if procedure.id in result.sources:
            result.errors.append(DefinitionError(
                file, None, "id", f"procedure id {procedure.id!r} is already used by {result.sources[procedure.id]}"))
            continue
        result.procedures.append(procedure)
        result.sources[procedure.id] = file
    return result
