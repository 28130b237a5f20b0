"""Turn what a person typed into stored values, one field kind at a time.

The same functions serve the window, the headless export and the PDF, so a value is accepted
or refused in exactly one way. Raw answers are kept as typed; these functions only read them.

Raw answer shapes by field kind:
- text, kana, date, postal_code, phone, my_number, number: a string as typed;
- person_name: {"family", "given", "family_kana", "given_kana"} strings;
- address: {"postal_code", "prefecture", "city", "town", "block", "building"} strings;
- choice: an option value; multi_choice: a list of option values; yes_no: true/false;
- group: a list of items, each a mapping of sub-field id to a raw answer.

Before a field's own rules, every answer passes the checks of interview/checks.py (JSON type,
known parts, length, characters); after them, every text that will be printed is checked against
the PDF's fonts, so no character can silently go missing from the form.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from assistant import formats
from assistant.formats import Parsed, Problem
from assistant.formats.address import half_width_numbers
from assistant.formats.result import PART_SEPARATOR
from assistant.i18n import _, ptext
from assistant.procedures import model as m
from assistant.procedures.conditions import is_answered
from assistant.interview import checks
from assistant.interview.parts import (ADDRESS_PARTS, NAME_PARTS, PART_LABELS, REQUIRED_PARTS,  # noqa: F401
                                       YES_NO_LABELS, part_label)

#: Address parts whose digits and hyphens are written half-width (DS-442): 番地・号 and building.
NUMBERED_ADDRESS_PARTS = ("block", "building")


@dataclass(frozen=True)
class FieldResult:
    """The outcome of reading one answer: stored value, display text, problems by part."""

    value: Any
    display: str
    problems: tuple[tuple[str, Problem], ...] = ()   # (part or "", problem)
    notices: tuple[tuple[str, Problem], ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def _required_problem() -> Problem:
    return Problem("required", _("This question must be answered. Write your answer in the box."))


def _choice_problem(multiple: bool = False) -> Problem:
    if multiple:
        return Problem("choice.required", _("Choose at least one of the options."))
    return Problem("choice.required", _("Choose one of the options."))


def _from_parsed(parsed: Parsed, part: str = "") -> FieldResult:
    problems = ((part, parsed.problem),) if parsed.problem else ()
    notices = ((part, parsed.notice),) if parsed.notice else ()
    return FieldResult(parsed.value, parsed.display, problems, notices)


def _text(raw: Any) -> str:
    # shape_problems has refused every other type before this is called
    return raw if isinstance(raw, str) else ""


def _printed_texts(field: m.FieldDef, result: FieldResult) -> list[tuple[str, str]]:
    """(part, text) of what is printed for an accepted answer: per part for names and addresses."""
    if isinstance(result.value, dict):
        return [(part, text) for part, text in result.value.items() if isinstance(text, str)]
    return [("", printed(field, result))]


def _glyph_problems(field: m.FieldDef, result: FieldResult) -> FieldResult:
    problems = [(part, p) for part, text in _printed_texts(field, result) if (p := checks.glyph_problem(text))]
    if not problems:
        return result
    return FieldResult(None, result.display, tuple(problems), result.notices)


def _read_text(field: m.TextField, raw: str) -> FieldResult:
    value = raw.strip()
    if field.max_length and len(value) > field.max_length:
        problem = Problem("text.too_long", _("Write at most {count} characters (now {length}).").format(
            count=field.max_length, length=len(value)))
        return FieldResult(None, value, (("", problem),))
    return FieldResult(value or None, value)


def _has_latin(text: str) -> bool:
    return any("a" <= c.lower() <= "z" or "Ａ" <= c <= "Ｚ" or "ａ" <= c <= "ｚ" for c in text)


def _read_name_part(part: str, text: str) -> Parsed:
    if part.endswith("_kana"):
        return formats.to_katakana(text)
    # Roman letters: written as on the residence card (upper case, single spaces, in full);
    # anything else is kept exactly as typed, never normalised.
    return formats.normalize_latin_name(text) if _has_latin(text) else formats.check_name(text)


def _read_person_name(field: m.PersonNameField, raw: Any) -> FieldResult:
    raw = raw if isinstance(raw, dict) else {}
    value: dict[str, str] = {}
    problems: list[tuple[str, Problem]] = []
    notices: list[tuple[str, Problem]] = []
    parts = NAME_PARTS if field.readings else NAME_PARTS[:2]
    for part in parts:
        parsed = _read_name_part(part, _text(raw.get(part)))
        value[part] = parsed.value or ""
        if parsed.problem:
            problems.append((part, parsed.problem))
        if parsed.notice:
            notices.append((part, parsed.notice))
    if field.required:
        needed = [p for p in NAME_PARTS if p in REQUIRED_PARTS and (field.readings or not p.endswith("_kana"))]
        reported = {part for part, _problem in problems}
        problems.extend((part, _required_problem()) for part in needed
                        if not value.get(part) and part not in reported)
    split = _split_reading(value) if field.readings else None
    if split is not None:
        notices.append(split)
    display = "　".join(v for v in (value["family"], value["given"]) if v)
    if field.readings and (value.get("family_kana") or value.get("given_kana")):
        display += "（" + "　".join(v for v in (value["family_kana"], value["given_kana"]) if v) + "）"
    return FieldResult(value if is_answered(value) else None, display, tuple(problems), tuple(notices))


def _split_reading(value: dict[str, str]) -> tuple[str, Problem] | None:
    """A whole reading (ヤマダ　タロウ) in the family-name reading box, the given one empty: offer
    to split it. Never applied by itself: a family name may have a space in its reading."""
    chunks = value.get("family_kana", "").split(formats.kana.IDEOGRAPHIC_SPACE)
    if len(chunks) != 2 or value.get("given_kana"):
        return None
    family, given = chunks
    # i18n: {reading} is what was typed in the family-name reading box, {family} and {given} its two halves.
    message = _("The whole reading {reading} is in the box for the family name's reading. Put {family} "
                "there and {given} in the box for the given name's reading, e.g. ヤマダ and タロウ."
                ).format(reading=value["family_kana"], family=family, given=given)
    return ("family_kana,given_kana", Problem("kana.whole_reading", message,
                                              suggestion=f"{family}{PART_SEPARATOR}{given}"))


def _read_address(field: m.AddressField, raw: Any) -> FieldResult:
    raw = raw if isinstance(raw, dict) else {}
    value = {part: _text(raw.get(part)).strip() for part in ADDRESS_PARTS}
    for part in NUMBERED_ADDRESS_PARTS:
        value[part] = half_width_numbers(value[part])
    problems: list[tuple[str, Problem]] = []
    postal = formats.parse_postal_code(value["postal_code"])
    value["postal_code"] = postal.value or ""
    if postal.problem:
        problems.append(("postal_code", postal.problem))
    if field.required:
        problems.extend((p, _required_problem()) for p in ADDRESS_PARTS if p in REQUIRED_PARTS and not value[p])
    line = "".join(value[p] for p in ("prefecture", "city", "town", "block"))
    if value["building"]:
        line += "　" + value["building"]
    display = (f"〒{postal.display} " if postal.display else "") + line
    return FieldResult(value if is_answered(value) else None, display, tuple(problems))


def _read_choice(field: m.ChoiceField, raw: Any) -> FieldResult:
    options = {o.value: o for o in field.options}
    if raw in (None, "") or not isinstance(raw, str):
        return FieldResult(None, "")
    if raw not in options:
        return FieldResult(None, "", (("", _choice_problem()),))
    return FieldResult(raw, options[raw].label)


def _read_multi_choice(field: m.MultiChoiceField, raw: Any) -> FieldResult:
    chosen = [v for v in (raw or []) if isinstance(v, str)]
    options = {o.value: o for o in field.options}
    unknown = [v for v in chosen if v not in options]
    if unknown:
        return FieldResult(None, "", (("", _choice_problem()),))
    ordered = [o.value for o in field.options if o.value in chosen]
    return FieldResult(ordered or None, "、".join(options[v].label for v in ordered))


def _read_yes_no(raw: Any) -> FieldResult:
    if raw is None or raw == "":
        return FieldResult(None, "")
    if not isinstance(raw, bool):
        return FieldResult(None, "", (("", _choice_problem()),))
    return FieldResult(raw, YES_NO_LABELS[raw])


# Counters people write after a number of copies; any of them is read as the field's own unit.
_COPY_COUNTERS = ("通", "部", "枚")


def _read_number(field: m.NumberField, raw: Any) -> FieldResult:
    if isinstance(raw, int) and not isinstance(raw, bool):
        raw = str(raw)
    text = unicodedata.normalize("NFKC", _text(raw)).strip()
    counters = _COPY_COUNTERS if field.unit in _COPY_COUNTERS else (field.unit,) if field.unit else ()
    for counter in counters:
        text = text.removesuffix(counter).rstrip()
    result = _from_parsed(formats.parse_integer(text, minimum=field.minimum, maximum=field.maximum))
    if field.unit and any(p.code in ("number.format", "number.not_integer") for _part, p in result.problems):
        result = FieldResult(None, "", (("", _unit_problem(field.unit)),))
    if result.value is not None and field.unit:
        result = FieldResult(result.value, f"{result.display}{field.unit}", result.problems, result.notices)
    return result


def _unit_problem(unit: str) -> Problem:
    if unit in _COPY_COUNTERS:
        # i18n: {unit} is the counter of copies on the form, e.g. 通.
        return Problem("number.copies", _(
            "Write how many copies you need, as a number, e.g. 2{unit}.").format(unit=unit))
    # i18n: {unit} is the unit of the number on the form, e.g. 人.
    return Problem("number.format", _(
        "Write the number in digits; the unit {unit} may follow, e.g. 2{unit}.").format(unit=unit))


def _read_date(field: m.DateField, raw: Any) -> FieldResult:
    result = _from_parsed(formats.parse_date(_text(raw)))
    if result.ok and result.value and field.not_after_today and formats.is_future(result.value):
        problem = Problem("date.future", _(
            "{date} is in the future. Check the year, e.g. 1970年3月1日.").format(date=result.display))
        return FieldResult(None, result.display, (("", problem),))
    return result


_SIMPLE_PARSERS = {
    "kana": lambda f, raw: _from_parsed(
        formats.to_katakana(_text(raw)) if f.script == "katakana" else formats.to_hiragana(_text(raw))),
    "postal_code": lambda f, raw: _from_parsed(formats.parse_postal_code(_text(raw))),
    "phone": lambda f, raw: _from_parsed(formats.parse_phone(_text(raw))),
    "email": lambda f, raw: _from_parsed(formats.parse_email(_text(raw))),
    "my_number": lambda f, raw: _from_parsed(formats.parse_my_number(_text(raw))),
    "text": lambda f, raw: _read_text(f, _text(raw)),
    "person_name": _read_person_name,
    "address": _read_address,
    "choice": _read_choice,
    "multi_choice": _read_multi_choice,
    "yes_no": lambda f, raw: _read_yes_no(raw),
    "number": _read_number,
    "date": _read_date,
}


def read_field(field: m.FieldDef, raw: Any) -> FieldResult:
    """Read one simple field's raw answer; a required, unanswered field gets a 'required' problem.

    Any JSON value is accepted as `raw`: a wrong type, an unknown part, an overlong text or a
    character that cannot be printed is a problem, never an exception or a silent change."""
    shape = checks.shape_problems(field, raw)
    if shape:
        return FieldResult(None, "", tuple(shape))
    result = _SIMPLE_PARSERS[field.kind](field, raw)
    if result.ok and result.value is not None:
        result = _glyph_problems(field, result)
    if field.required and result.value is None and not result.problems:
        if field.kind in ("choice", "multi_choice", "yes_no"):
            problem = _choice_problem(multiple=field.kind == "multi_choice")
        else:
            problem = _required_problem()
        result = FieldResult(None, result.display, (("", problem),), result.notices)
    return result


def printed(field: m.FieldDef, result: FieldResult) -> str:
    """How an answer is written on the form itself: like the screen, except that a My Number,
    masked everywhere else, is printed in full (the form asks for it)."""
    if field.kind == "my_number" and result.value:
        return formats.format_my_number(result.value)
    return result.display


def settled_text(field: m.FieldDef, part: str, text: str) -> str | None:
    """The text to put back in the box when the person leaves it, or None to leave it as typed.

    Only certain conversions qualify: a reading written in hiragana or half-width kana becomes the
    script the form asks for; full-width digits and dashes between digits in 番地・号 and the
    building become half-width. A guess (a dash read as ー) is never applied; it is offered instead.
    """
    if field.kind == "address" and part in NUMBERED_ADDRESS_PARTS:
        settled = half_width_numbers(text)
        return settled if settled != text else None
    if field.kind == "kana":
        script = field.script
    elif field.kind == "person_name" and part in ("family_kana", "given_kana"):
        script = "katakana"
    else:
        return None
    parsed = (formats.to_katakana if script == "katakana" else formats.to_hiragana)(text)
    if parsed.ok and parsed.value and parsed.notice is None and parsed.value != text:
        return parsed.value
    return None


def field_label(field: m.FieldDef, part: str = "") -> str:
    """The label a person sees for a field (or one of its parts), in the current language."""
    label = ptext(field.label)
    return f"{label} – {ptext(part_label(part))}" if part else label
