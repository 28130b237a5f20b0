"""Read only the head of a procedure file (id, version, title, summary, keywords) for the list.

Listing a thousand procedures must not validate a thousand definitions (about 8 ms each): the
list needs five values from the top of each file. They are read from libyaml's event stream,
which stops once every top-level header key has been seen. Anything unusual — an alias, a tag, a
duplicate or unknown top-level key, a value of the wrong type, a character no text may hold, a
YAML error, a file whose top level is not a plain block mapping — returns None, and the caller
falls back to the full loader, which reports the problem with its file and line. The full definition is always
validated when the procedure is opened, so the head is a preview, never trusted for more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.events import (AliasEvent, MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent,
                         SequenceStartEvent)
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from assistant.procedures.model import Procedure
from assistant.procedures.texts import text_problem

_PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"
_RESOLVER = Resolver()
_ID = re.compile(r"^[a-z][a-z0-9_]*$")   # the model's Identifier
_REQUIRED = ("schema_version", "id", "version", "title", "summary")
_KEYS = frozenset((*_REQUIRED, "keywords"))
#: the top-level keys a procedure may have; any other makes the file invalid (the loader says so)
_ALLOWED = frozenset(f.alias or name for name, f in Procedure.model_fields.items())
#: a header key at the start of a line: a top-level key of a block mapping written at column 0
_KEY_LINE = re.compile(r"^(?:schema_version|id|version|title|summary|keywords)[ \t]*:", re.M)
#: beyond these the head is not previewed (the full loader reads the file): bounds the memory a
#: thousand listed files take
MAX_TEXT = 2000
MAX_KEYWORDS = 200


@dataclass(frozen=True)
class Entry:
    """One procedure as the list shows it; `Catalog.get` loads the full, validated definition."""

    id: str
    version: str
    title: str
    summary: str
    keywords: tuple[str, ...]
    file: Path
    id_line: int | None = None


def _text(event: object, *, strip: bool = True) -> str | None:
    """The string value of a scalar event, or None when it is not a plain, allowed string."""
    if not isinstance(event, ScalarEvent) or event.anchor is not None:
        return None
    value = event.value
    if event.tag is not None and event.tag not in ("!", _STR):
        return None
    if event.implicit[0] and not event.style and _RESOLVER.resolve(ScalarNode, value, (True, False)) != _STR:
        return None   # e.g. `version: 2026.1` is a number, which the model refuses
    if len(value) > MAX_TEXT or text_problem(value) is not None:
        return None
    return value.strip() if strip else value


def _skip(events, first: object) -> bool:
    """Consume one value (nested or not); False when it cannot be skipped safely."""
    if isinstance(first, (ScalarEvent, AliasEvent)):
        return True
    if not isinstance(first, (MappingStartEvent, SequenceStartEvent)):
        return False
    depth = 1
    for event in events:
        if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
            depth += 1
        elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
            depth -= 1
            if depth == 0:
                return True
    return False


def _keywords(events, first: object) -> tuple[str, ...] | None:
    if not isinstance(first, SequenceStartEvent) or first.anchor is not None or first.tag is not None:
        return None
    words: list[str] = []
    for event in events:
        if isinstance(event, SequenceEndEvent):
            return tuple(words)
        word = _text(event, strip=False)
        if word is None or len(words) >= MAX_KEYWORDS:
            return None
        words.append(word)
    return None


def read_header(text: str, file: Path) -> Entry | None:
    """The listed values of the procedure in `text`, or None when only the full loader may say."""
    last_key_line = -1
    for found in _KEY_LINE.finditer(text):
        last_key_line = found.start()
    last_key_line = text.count("\n", 0, last_key_line) if last_key_line >= 0 else -1
    values: dict[str, object] = {}
    id_line = None
    events = yaml.parse(text, Loader=_PARSER)
    try:
        for _ in range(2):   # stream start, document start
            next(events)
        top = next(events)
        if not isinstance(top, MappingStartEvent) or top.flow_style or top.start_mark.column != 0 or top.tag:
            return None
        for key in events:
            if isinstance(key, MappingEndEvent):
                break
            name = _text(key)
            if name is None or name in values or name not in _ALLOWED:
                return None   # not text, a duplicate or unknown: the loader says which
            if name not in _KEYS:
                if all(k in values for k in _REQUIRED) and key.start_mark.line > last_key_line:
                    break   # every header key is above this line: the rest is not read
                values[name] = None
                if not _skip(events, next(events)):
                    return None
                continue
            value = next(events)
            if name == "keywords":
                values[name] = _keywords(events, value)
            elif name == "schema_version":
                values[name] = value.value if isinstance(value, ScalarEvent) and value.tag is None \
                    and not value.style and value.value == "1" else None
            else:
                values[name] = _text(value)
                id_line = value.start_mark.line + 1 if name == "id" else id_line
            if values[name] is None:
                return None
    except (yaml.YAMLError, StopIteration, RecursionError, MemoryError):
        return None
    finally:
        events.close()
    if any(values.get(k) in (None, "") for k in _REQUIRED) or not _ID.match(str(values["id"])) \
            or len(str(values["id"])) > 64:
        return None
    return Entry(str(values["id"]), str(values["version"]), str(values["title"]), str(values["summary"]),
                 tuple(values.get("keywords") or ()), file, id_line)
