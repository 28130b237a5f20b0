"""Turn what a person typed into stored values: the one entry point the window, the headless
export and the PDF call, so a value is accepted or refused in exactly one way. Raw answers are
kept as typed; these functions only read them.

The rules of each field kind live in its module of `assistant.kinds` (raw answer shapes,
parsing, parts, texts); this module adds what every answer passes: before a kind's own rules,
the checks of interview/checks.py (JSON type, known parts, length, characters); after them, every
text that will be printed is checked against the PDF's fonts, so no character can silently go
missing from the form; and a required, unanswered question gets its 'required' problem.
"""

from __future__ import annotations

from typing import Any

from assistant.i18n import ptext
from assistant.interview import checks
from assistant.interview.parts import (ADDRESS_PARTS, NAME_PARTS, PART_LABELS, REQUIRED_PARTS,  # noqa: F401
                                       YES_NO_LABELS, part_label)
from assistant.kinds import FieldResult, kind_of
from assistant.kinds.address import NUMBERED_ADDRESS_PARTS  # noqa: F401
from assistant.procedures import model as m

__all__ = ["FieldResult", "field_label", "printed", "read_field", "settled_text"]


def _glyph_problems(field: m.FieldDef, result: FieldResult) -> FieldResult:
    kind = kind_of(field)
    problems = [(part, p) for part, text in kind.printed_parts(field, result.value)
                if (p := checks.glyph_problem(text))]
    if not problems:
        return result
    return FieldResult(None, result.display, tuple(problems), result.notices)


def read_field(field: m.FieldDef, raw: Any) -> FieldResult:
    """Read one simple field's raw answer; a required, unanswered field gets a 'required' problem.

    Any JSON value is accepted as `raw`: a wrong type, an unknown part, an overlong text or a
    character that cannot be printed is a problem, never an exception or a silent change."""
    shape = checks.shape_problems(field, raw)
    if shape:
        return FieldResult(None, "", tuple(shape))
    kind = kind_of(field)
    result = kind.parse(field, raw)
    if result.ok and result.value is not None:
        result = _glyph_problems(field, result)
    if field.required and result.value is None and not result.problems:
        result = FieldResult(None, result.display, (("", kind.missing(field)),), result.notices)
    return result


def printed(field: m.FieldDef, result: FieldResult) -> str:
    """How an answer is written on the form itself: like the screen, except that a My Number,
    masked everywhere else, is printed in full (the form asks for it)."""
    if result.value is None:
        return result.display
    return kind_of(field).printed_text(field, result.value)


def settled_text(field: m.FieldDef, part: str, text: str) -> str | None:
    """The text to put back in the box when the person leaves it, or None to leave it as typed.

    Only certain conversions qualify (each kind says which): a reading written in hiragana or
    half-width kana becomes the script the form asks for; full-width digits and dashes in 番地・号
    become half-width. A guess (a dash read as ー) is never applied; it is offered instead.
    """
    return kind_of(field).settled(field, part, text)


def field_label(field: m.FieldDef, part: str = "") -> str:
    """The label a person sees for a field (or one of its parts), in the current language."""
    label = ptext(field.label)
    return f"{label} – {ptext(kind_of(field).part_labels().get(part, part))}" if part else label
