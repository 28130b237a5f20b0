"""Read YAML into plain data with line numbers, bounded, from parser events (never recursion).

PyYAML's (libyaml's when available) event parser is a state machine, so nesting never reaches
Python's recursion limit; the values are built here, iteratively, which is where the limits are
enforced: nesting depth, values after alias expansion (an alias bomb is refused after a few
hundred thousand values, not after gigabytes), characters after expansion, digits of a number.
Tags other than YAML's own, duplicate keys, keys that are not text, and control or bidirectional
characters in texts are reported with their line and carry on, so one pass names all of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from assistant.i18n import _
from assistant.procedures.texts import describe_character, shorten, text_problem

Path_ = tuple[str | int, ...]

_PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml (C) when PyYAML was built with it
_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_NUMBER_TAGS = {_CORE + "int", _CORE + "float"}
_RESOLVER = Resolver()
_CONSTRUCTOR = SafeConstructor()
_MAX_PROBLEMS = 50


@dataclass(frozen=True)
class Limits:
    """Bounds on one procedure file; real procedures stay far below every one of them."""

    max_bytes: int = 2 * 1024 * 1024     # the largest real form is about 30 kB
    max_depth: int = 40                  # a procedure nests about 12 levels, conditions a few more
    max_values: int = 200_000            # after alias expansion
    max_chars: int = 8 * 1024 * 1024     # characters of all texts after alias expansion
    max_number_chars: int = 30
    max_fields: int = 10_000
    max_conditions: int = 30_000       # condition clauses: a few per field at most


LIMITS = Limits()


@dataclass(frozen=True)
class Problem:
    """Something wrong in the YAML text, at a line (1-based) and data path."""

    line: int | None
    path: Path_
    message: str


class YamlProblems(Exception):
    """The text cannot be used; `problems` says where and why."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


class _Fatal(Exception):
    pass


def _too_deep(limits: Limits) -> str:
    return _("values are nested more than {limit} levels deep; a procedure needs far fewer: "
             "flatten the conditions, e.g. one `all:` list instead of nested ones").format(limit=limits.max_depth)


@dataclass
class _Frame:
    container: dict | list
    path: Path_
    anchor: str | None
    values_at_start: int
    chars_at_start: int
    key: Any = None            # mappings: the key waiting for its value (_NO_KEY: reading a key)
    key_line: int = 0
    key_is_bad: bool = False
    seen: dict | None = None   # mappings: key → line of its first appearance


_NO_KEY = object()
_IGNORED = (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


class _Builder:
    def __init__(self, limits: Limits):
        self.limits = limits
        self.lines: dict[Path_, int] = {}
        self.problems: list[Problem] = []
        self.anchors: dict[str, tuple[Any, int, int]] = {}   # value, values, chars
        self.values = 0
        self.chars = 0
        self.stack: list[_Frame] = []
        self.result: Any = None
        self.done = False

    # -- problems ----------------------------------------------------------------------------
    def problem(self, line: int | None, path: Path_, message: str) -> None:
        if len(self.problems) < _MAX_PROBLEMS:
            self.problems.append(Problem(line, path, message))
        else:
            raise _Fatal

    def fatal(self, line: int | None, path: Path_, message: str) -> None:
        self.problems.append(Problem(line, path, message))
        raise _Fatal

    # -- where the next value goes ------------------------------------------------------------
    def _next_path(self) -> tuple[Path_, bool]:
        """The path of the value about to be read, and whether it is a mapping key."""
        if not self.stack:
            return (), False
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            return frame.path + (len(frame.container),), False
        if frame.key is _NO_KEY:
            return frame.path, True
        if frame.key_is_bad:
            return frame.path + ("?",), False   # not kept; a path that cannot clash with a key
        return frame.path + (frame.key,), False

    def _count(self, line: int, path: Path_, values: int, chars: int) -> None:
        self.values += values
        self.chars += chars
        if self.values > self.limits.max_values:
            self.fatal(line, path, _(
                "the file holds more than {limit} values once its aliases (*name) are expanded; a "
                "procedure needs far fewer: write the repeated parts out, or split the procedure"
            ).format(limit=f"{self.limits.max_values:,}"))
        if self.chars > self.limits.max_chars:
            self.fatal(line, path, _(
                "the texts add up to more than {limit} characters once aliases (*name) are "
                "expanded; shorten them or avoid repeating long texts through aliases"
            ).format(limit=f"{self.limits.max_chars:,}"))

    def _place(self, value: Any, line: int, is_key: bool, bad: bool = False) -> None:
        if not self.stack:
            self.result, self.done = value, True
            return
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            frame.container.append(value)
        elif is_key:
            self._take_key(frame, value, line, bad)
        else:
            if not frame.key_is_bad:
                frame.container[frame.key] = value
            frame.key, frame.key_is_bad = _NO_KEY, False

    def _take_key(self, frame: _Frame, key: Any, line: int, bad: bool) -> None:
        frame.key, frame.key_line, frame.key_is_bad = key, line, True
        if bad:
            return
        if not isinstance(key, str):
            self.problem(line, frame.path, _(
                "this key is not a name: keys are lower-case words such as `label` or `when`"))
            return
        first = frame.seen.get(key)
        if first is not None:
            self.problem(line, frame.path + (key,), _(
                "the key `{key}` appears twice in the same mapping (first on line {first}); keep "
                "only one of them").format(key=shorten(key), first=first))
            return
        frame.seen[key] = line
        frame.key_is_bad = False
        self.lines[frame.path + (key,)] = line

    # -- events --------------------------------------------------------------------------------
    def feed(self, event: yaml.Event) -> None:
        if type(event) in _IGNORED:
            return
        line = event.start_mark.line + 1
        if isinstance(event, yaml.DocumentStartEvent):
            if self.done:
                self.fatal(line, (), _(
                    "the file holds more than one YAML document (a second `---`); put one procedure "
                    "in each file"))
            return
        if type(event) in _ENDS:
            self._end(line)
            return
        path, is_key = self._next_path()
        if type(event) is yaml.ScalarEvent:
            self._scalar(event, line, path, is_key)
        elif type(event) is yaml.AliasEvent:
            self._alias(event, line, path, is_key)
        else:
            self._start(event, line, path, is_key)

    def _alias(self, event: yaml.AliasEvent, line: int, path: Path_, is_key: bool) -> None:
        if event.anchor not in self.anchors:
            if any(frame.anchor == event.anchor for frame in self.stack):
                self.fatal(line, path, _(
                    "the alias *{name} is used inside the value it names, which would never end; "
                    "write the value out").format(name=shorten(event.anchor)))
            self.fatal(line, path, _(
                "the alias *{name} is used before a value is named &{name}; name the value first"
            ).format(name=shorten(event.anchor)))
        value, values, chars = self.anchors[event.anchor]
        self._count(line, path, values, chars)
        if not is_key:
            self.lines.setdefault(path, line)
        self._place(value, line, is_key, bad=is_key and not isinstance(value, str))
        if is_key and not isinstance(value, str):
            self.problem(line, path, _("a key must be a name, not a list or a mapping"))

    def _check_tag(self, tag: str | None, allowed: set[str], line: int, path: Path_) -> bool:
        if tag is None or tag == "!" or tag in allowed:
            return True
        self.problem(line, path, _(
            "the tag {tag} is not allowed: procedure files hold plain texts, numbers, lists and "
            "mappings; remove the tag").format(tag=shorten(tag.replace(_CORE, "!!"))))
        return False

    def _scalar(self, event: yaml.ScalarEvent, line: int, path: Path_, is_key: bool) -> None:
        text = event.value
        self._count(line, path, 1, len(text))
        tag = event.tag
        bad = not self._check_tag(tag, _SCALAR_TAGS - {_CORE + "timestamp"}, line, path)
        if tag is None or tag == "!":
            tag = _RESOLVER.resolve(ScalarNode, text, event.implicit)
        value: Any = text
        if bad:
            value = None
        elif tag == _CORE + "merge":
            bad = True
            self.problem(line, path, _(
                "merge keys (<<) are not supported; write the keys out in this mapping"))
        elif tag in _NUMBER_TAGS and len(text) > self.limits.max_number_chars:
            bad = True
            self.problem(line, path, _(
                "this number has {count} characters; numbers in a procedure have at most {limit}, "
                "e.g. `300`").format(count=f"{len(text):,}", limit=self.limits.max_number_chars))
        elif tag in _SCALAR_TAGS and tag != _CORE + "str":
            try:
                value = _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, ScalarNode(tag, text))
            except (ValueError, TypeError, OverflowError, yaml.YAMLError):
                bad = True
                self.problem(line, path, _(
                    "this value looks like a date or a number but is not one; write it in quotes "
                    "to make it a text, e.g. \"2026-04-01\""))
        if isinstance(value, str):
            self._check_text(value, event, line, path)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1, len(text))
        if not is_key:
            self.lines.setdefault(path, line)
        self._place(value, line, is_key, bad=bad)

    def _check_text(self, text: str, event: yaml.ScalarEvent, line: int, path: Path_) -> None:
        found = text_problem(text)
        if found:   # one per text is enough to find it
            index, message = found
            # literal and folded blocks keep their line breaks: find the line of the character
            at_line = line + (1 + text.count("\n", 0, index) if event.style in ("|", ">") else 0)
            self.problem(at_line, path, message)

    def _start(self, event: yaml.CollectionStartEvent, line: int, path: Path_, is_key: bool) -> None:
        mapping = isinstance(event, yaml.MappingStartEvent)
        self._check_tag(event.tag, {_CORE + ("map" if mapping else "seq")}, line, path)
        if len(self.stack) >= self.limits.max_depth:
            self.fatal(line, path[:8], _too_deep(self.limits))
        self._count(line, path, 1, 0)
        if is_key:
            self.problem(line, path, _("a key must be a name, not a list or a mapping"))
        if not is_key:
            self.lines.setdefault(path, line)
        frame = _Frame({} if mapping else [], path, event.anchor, self.values, self.chars,
                       key=_NO_KEY if mapping else None, seen={} if mapping else None)
        self.stack.append(frame)

    def _end(self, line: int) -> None:
        frame = self.stack.pop()
        if frame.anchor:
            self.anchors[frame.anchor] = (frame.container, self.values - frame.values_at_start + 1,
                                          self.chars - frame.chars_at_start)
        parent_expects_key = bool(self.stack) and isinstance(self.stack[-1].container, dict) \
            and self.stack[-1].key is _NO_KEY
        self._place(frame.container, line, parent_expects_key, bad=parent_expects_key)


def compose(text: str, limits: Limits = LIMITS) -> tuple[Any, dict[Path_, int], list[Problem]]:
    """Plain data, a map from data path to line, and every problem found (empty: usable)."""
    builder = _Builder(limits)
    parser = _PARSER(text)
    try:
        while parser.check_event():
            builder.feed(parser.get_event())
    except _Fatal:
        pass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        # the end of a file without a final line break is on its last line, not after it
        line = min(mark.line + 1, text.count("\n") + 1) if mark else None
        if "nesting depth" in str(exc.problem):   # libyaml's own bound (1,000), said our way
            builder.problems.append(Problem(line, (), _too_deep(limits)))
            return builder.result, builder.lines, builder.problems
        builder.problems.append(Problem(line, (), _(
            "this is not valid YAML ({problem}); check the indentation, the colons and the quotes "
            "on this line and the one before").format(problem=shorten(exc.problem or exc.context or "?", 200))))
    except yaml.reader.ReaderError as exc:
        char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)[:1]
        # libyaml counts bytes of the UTF-8 text, PyYAML characters
        lines = text.encode("utf-8", "surrogatepass") if _PARSER is not yaml.SafeLoader else text
        line = lines.count(b"\n" if isinstance(lines, bytes) else "\n", 0, max(exc.position, 0)) + 1
        builder.problems.append(Problem(line, (), _(
            "the file contains {character}, a character that YAML does not allow; delete it "
            "(retype the text around it if you cannot see it)").format(character=describe_character(char))))
    except yaml.YAMLError as exc:
        builder.problems.append(Problem(None, (), _(
            "this is not valid YAML ({problem}); check the indentation, the colons and the quotes"
        ).format(problem=shorten(exc, 200))))
    finally:
        parser.dispose()
    return builder.result, builder.lines, builder.problems


def read_yaml(text: str, limits: Limits = LIMITS) -> tuple[Any, dict[Path_, int]]:
    """Parse YAML text into plain data and a map from data path to line number.

    Raises `YamlProblems` naming every problem found (see the module docstring)."""
    data, lines, problems = compose(text, limits)
    if problems:
        raise YamlProblems(problems)
    return data, lines
