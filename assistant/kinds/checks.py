"""Checks every answer passes before it is read: its JSON type, its parts, its length and its characters.

Answers come from the window, from drafts and from answers files anyone can write (`tetsuzuki
export`), so nothing here trusts the shape of a value. An answer that fails is refused with a
problem naming what is wrong; nothing is ever converted with str() (a JSON true would be printed
"True"), cut short or dropped.

Limits (they keep every answer inside its box on one A4 page; stated in the procedure schema too):
- a part of a name (氏, 名, フリガナ) or of an address: at most NAME_PART_MAX / ADDRESS_PART_MAX characters;
- a free-text answer: at most TEXT_MAX characters (less when the form sets max_length);
- any other answer (a date, a phone number, a choice…): at most SHORT_MAX characters.
Characters refused everywhere: control characters (line breaks, tabs, NUL), format characters
(bidirectional overrides such as U+202E, zero-width spaces), private-use characters (one
computer's 外字, printed differently or not at all elsewhere), broken halves of a surrogate
pair, and code points Unicode does not define.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from assistant.formats import Problem
from assistant.i18n import _
from assistant.procedures import model as m
from assistant.procedures.texts import describe_character

NAME_PART_MAX = 100
ADDRESS_PART_MAX = 100
TEXT_MAX = 500
SHORT_MAX = 100
KEY_SHOWN_MAX = 40     # characters of an unknown key quoted in a message (escaped)

_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def safe_key(key: Any) -> str:
    """A key from a file, quoted so a message shows it without risk: JSON-escaped ASCII, bounded."""
    text = str(key) if not isinstance(key, str) else key
    shown = json.dumps(text[:KEY_SHOWN_MAX], ensure_ascii=True)
    return shown + ("…" if len(text) > KEY_SHOWN_MAX else "")


def character_problem(text: str) -> Problem | None:
    """The first character no answer may hold, as a problem; None when every character is fine."""
    for char in text:
        category = unicodedata.category(char)
        if category[0] != "C":
            continue
        code = describe_character(char)
        if category == "Cc":
            return Problem("text.control", _(
                "The answer contains an invisible control character ({code}), such as a line break or a "
                "tab. Delete it and write the answer on one line, e.g. 山田.").format(code=code))
        if char in _BIDI:
            return Problem("text.bidi", _(
                "The answer contains a character that changes the writing direction ({code}); it can make "
                "the text look different from what it is. Delete it and type the answer again, "
                "e.g. 山田.").format(code=code))
        if category == "Cf":
            return Problem("text.invisible", _(
                "The answer contains an invisible character ({code}). Delete it and type the answer "
                "again, e.g. 山田.").format(code=code))
        if category == "Co":
            return Problem("text.private_use", _(
                "The answer contains a private character ({code}) that only some computers show, and "
                "the office cannot read it. Write the character in its common form, e.g. 吉 instead of "
                "𠮷, and tell the office about the exact character.").format(code=code))
        if category == "Cs":
            return Problem("text.broken", _(
                "The answer contains a damaged character ({code}), half of a character pair. Type the "
                "answer again, e.g. 山田.").format(code=code))
        return Problem("text.undefined", _(
            "The answer contains a code that is not a character ({code}). Delete it and type the answer "
            "again, e.g. 山田.").format(code=code))
    return None


def length_problem(text: str, limit: int) -> Problem | None:
    """A problem when `text` is longer than `limit` characters (it would not fit in its box)."""
    if len(text) <= limit:
        return None
    return Problem("text.too_long", _(
        "Write at most {count} characters here (now {length}): a longer answer does not fit in the "
        "form's box. Shorten it, e.g. leave out words the office does not need.").format(
            count=limit, length=len(text)))


def string_problem(text: str, limit: int) -> Problem | None:
    """Length first (cheap, and bounds the rest), then the characters."""
    return length_problem(text, limit) or character_problem(text)


def _given(raw: Any) -> str:
    if isinstance(raw, bool):
        return _("true or false")
    if isinstance(raw, (int, float)):
        return _("a number")
    if isinstance(raw, list):
        return _("a list [ ]")
    if isinstance(raw, dict):
        return _("an object { }")
    return _("text")


#: what is expected of answers that are not one field kind's (a field kind says its own: Kind.expected)
_EXPECTED = {
    "entry": lambda: (_("an object with the answers of one entry"), '{"member_name": {"family": "山田"}}'),
    "part": lambda: (_("text in quotes"), '"山田"'),
}


def type_problem(kind: str, raw: Any) -> Problem:
    """The answer has the wrong JSON type for a question of `kind` (or for a part: kind "part")."""
    from assistant.kinds import kind_of

    expected, example = _EXPECTED[kind]() if kind in _EXPECTED else kind_of(kind).expected()
    return Problem("answer.type", _(
        "This answer must be {expected}, but the file gives {given}. Write it like this: "
        "{example}.").format(expected=expected, given=_given(raw), example=example))


def unknown_part_problem(key: Any, parts: tuple[str, ...]) -> Problem:
    """A compound answer (or a group entry) has a part the question does not have."""
    return Problem("answer.unknown_part", _(
        "This answer has a part {part} that the question does not have, so it would be lost. Use only "
        "these parts: {parts}; e.g. {example}.").format(
            part=safe_key(key), parts=", ".join(parts), example=f'"{parts[0]}"'))


def glyph_problem(text: str) -> Problem | None:
    """A problem naming the characters of `text` that no font of the exported PDF can draw.

    fpdf2 would leave them out of the form without a word, printing a different name; so the
    answer is refused instead, with the common form offered when one is known (e.g. 吉 for 𠮷).
    """
    from assistant.fonts import unprintable
    from assistant.formats.names import fallback

    lacking = unprintable(text)
    if not lacking:
        return None
    suggestion = fallback(text)
    codes = ", ".join(describe_character(c) for c in lacking)
    if suggestion:
        return Problem("text.no_glyph", _(
            "This computer has no font for {codes}, so it would be missing from the printed form. Write the "
            "common form instead, e.g. {suggestion}, or install a font that has it (IPAmj明朝) and try "
            "again.").format(codes=codes, suggestion=suggestion), suggestion)
    return Problem("text.no_glyph", _(
        "This computer has no font for {codes}, so it would be missing from the printed form. Write it in "
        "another way, e.g. 吉 for 𠮷, or install a font that has it (IPAmj明朝) and try again.").format(
            codes=codes))


def parts_problems(raw: dict, parts: tuple[str, ...], limit: int) -> list[tuple[str, Problem]]:
    """Problems of a compound answer: unknown parts, parts that are not text, too long or with a
    character no answer may hold."""
    problems: list[tuple[str, Problem]] = []
    for key, value in raw.items():
        if key not in parts:
            problems.append(("", unknown_part_problem(key, parts)))
        elif value is not None and not isinstance(value, str):
            problems.append((key, type_problem("part", value)))
        elif value is not None and (problem := string_problem(value, limit)):
            problems.append((key, problem))
    return problems


def shape_problems(field: m.FieldDef, raw: Any) -> list[tuple[str, Problem]]:
    """What makes `raw` unreadable for `field` whatever its content: a wrong JSON type, an unknown
    part, too many characters, a character no answer may hold (each kind's `shape`)."""
    from assistant.kinds import kind_of

    if raw is None:
        return []
    return kind_of(field).shape(field, raw)
