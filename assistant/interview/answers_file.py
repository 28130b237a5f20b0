"""Reading an answers file (`tetsuzuki export --answers`): any file gives answers or problems.

Whatever the file holds — any JSON value, any depth, any size, a UTF-8 byte order mark (Windows
Notepad writes one), bytes that are not UTF-8 — the result is either a dict of answers or a list
of `FileProblem`s with translated messages. A message never quotes the file's content beyond a
short, escaped key (checks.safe_key): the file may hold anything.

Limits: at most MAX_BYTES bytes and MAX_DEPTH levels of nesting (a real file has four: answers →
group → entry → name). Each answer's own limits are in interview/checks.py.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.formats.result import printable
from assistant.i18n import _
from assistant.interview.checks import safe_key
from assistant.procedures import model as m

MAX_BYTES = 1_000_000
MAX_DEPTH = 16
FILE = "answers"     # the "field" of a problem with the file as a whole


@dataclass(frozen=True)
class FileProblem:
    """One line of `field: code: message` (field is FILE for the file as a whole)."""

    field: str
    code: str
    message: str


class AnswersFileError(Exception):
    """The file cannot be read as answers; `problems` says why, translated."""

    def __init__(self, problems: list[FileProblem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the answers file")
        self.problems = problems


class _Duplicate(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _fail(code: str, message: str) -> AnswersFileError:
    return AnswersFileError([FileProblem(FILE, code, message)])


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Duplicate(key)   # json keeps the last silently: the person would lose an answer
        result[key] = value
    return result


def _constant(name: str) -> Any:
    raise ValueError(name)   # NaN, Infinity: not JSON, though Python's json reads them


def _too_deep(value: Any) -> bool:
    stack = [(value, 1)]
    while stack:
        current, depth = stack.pop()
        if depth > MAX_DEPTH:
            return True
        children = current.values() if isinstance(current, dict) else current if isinstance(current, list) else ()
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def _read_bytes(path: Path) -> bytes:
    where = printable(str(path))[:200]
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise _fail("answers.not_found", _(
            "There is no answers file {file}. Check the name and the folder, e.g. "
            "examples/juminhyo_answers.json.").format(file=where)) from None
    except IsADirectoryError:
        raise _fail("answers.not_a_file", _(
            "{file} is a folder, not an answers file. Give the file inside it, e.g. "
            "examples/juminhyo_answers.json.").format(file=where)) from None
    except OSError:
        raise _fail("answers.unreadable", _(
            "The answers file {file} cannot be read (no permission or a damaged disk). Copy it to a folder "
            "of yours, e.g. your Documents folder, and try again.").format(file=where)) from None
    if len(data) > MAX_BYTES:
        raise _fail("answers.too_large", _too_large_message())
    return data


def _too_large_message() -> str:
    return _("The answers file is larger than {limit} bytes; a real one is a few kilobytes. Give the file "
             "made for this procedure, e.g. examples/juminhyo_answers.json.").format(limit=f"{MAX_BYTES:,}")


def _parse(text: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_object, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise _fail("answers.not_json", _(
            "The answers file is not valid JSON near line {line}, column {column}. Check the commas, "
            "quotes and brackets there, e.g. {example}.").format(
                line=exc.lineno, column=exc.colno, example='{"copies": "1", "purpose": "employer"}')) from None
    except _Duplicate as exc:
        raise _fail("answers.duplicate", _(
            "The answers file gives {key} twice, and only one answer can be used. Keep the right one and "
            "delete the other.").format(key=safe_key(exc.key))) from None
    except RecursionError:
        raise _too_deep_error() from None
    except ValueError:   # NaN/Infinity, or an integer of more than 4,300 digits
        raise _fail("answers.bad_number", _(
            "The answers file holds a number that cannot be read (too long, NaN or Infinity). Write "
            "numbers as text in quotes, e.g. \"copies\": \"1\".")) from None


def _too_deep_error() -> AnswersFileError:
    return _fail("answers.too_deep", _(
        "The answers file is nested more than {limit} levels deep; a real one has at most four "
        "(answers, group, entry, name). Give the file made for this procedure, e.g. "
        "examples/juminhyo_answers.json.").format(limit=MAX_DEPTH))


def read_answers(path: Path) -> dict[str, Any]:
    """The answers in the file at `path`, a JSON object keyed by field id; AnswersFileError otherwise."""
    return parse_answers(_read_bytes(path))


def parse_answers(data: bytes) -> dict[str, Any]:
    """The answers in the bytes of an answers file; AnswersFileError when they are not answers."""
    if len(data) > MAX_BYTES:
        raise _fail("answers.too_large", _too_large_message())
    try:
        text = data.decode("utf-8-sig")   # a byte order mark is dropped, as Notepad writes one
    except UnicodeDecodeError as exc:
        raise _fail("answers.not_utf8", _(
            "The answers file is not UTF-8 text (byte {position} cannot be read). Save it as UTF-8, e.g. in "
            "Notepad: File → Save As → Encoding: UTF-8.").format(position=exc.start + 1)) from None
    answers = _parse(text)
    if _too_deep(answers):
        raise _too_deep_error()
    if not isinstance(answers, dict):
        raise _fail("answers.not_object", _(
            "The answers file must hold one JSON object, {{ … }}, with the answers keyed by question id, "
            "e.g. {example}.").format(example='{"copies": "1", "purpose": "employer"}'))
    return answers


def unknown_fields(procedure: m.Procedure, answers: dict[str, Any]) -> list[FileProblem]:
    """A problem for each key that is not a question of `procedure` (its answer would be ignored)."""
    known = {step_field.id for step in procedure.steps for step_field in step.fields}
    return [FileProblem(safe_id(key), "field.unknown", _(
        "This form has no question with this id, so its answer would be ignored. Check the spelling "
        "against the ids in the procedure file, e.g. {example}.").format(example="applicant_name"))
        for key in answers if key not in known]


def safe_id(key: str) -> str:
    """A key as the `field` of a problem line: as it is when it looks like an id, else escaped and bounded."""
    return key if _ID.fullmatch(key) else safe_key(key)


_ID = re.compile(r"[A-Za-z0-9_]{1,64}")
