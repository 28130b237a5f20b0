"""What every field kind is: the `Kind` base class, the read answer (`FieldResult`) and helpers.

A kind reads a raw answer (any JSON value: from the window, a draft or an answers file) into a
stored value, and turns a stored value into text for each reader: the person's screen in their
language (`display_text`), the official Japanese form (`printed_text`), read-aloud (`spoken_text`)
and the exported JSON (`json_value`). Subclasses live one per module in this package.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from babel.lists import format_list

from assistant.formats.result import Parsed, Problem
from assistant.i18n import _, babel_locale, bilingual, current_language, ptext


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


def required_problem() -> Problem:
    return Problem("required", _("This question must be answered. Write your answer in the box."))


def choice_problem(multiple: bool = False) -> Problem:
    if multiple:
        return Problem("choice.required", _("Choose at least one of the options."))
    return Problem("choice.required", _("Choose one of the options."))


def from_parsed(parsed: Parsed, part: str = "") -> FieldResult:
    """A parser's outcome as the result of a one-part answer."""
    problems = ((part, parsed.problem),) if parsed.problem else ()
    notices = ((part, parsed.notice),) if parsed.notice else ()
    return FieldResult(parsed.value, parsed.display, problems, notices)


def listed(items: list[str], language: str | None = None) -> str:
    """Items joined as `language` joins a list ("a, b and c", 「a、b、c」)."""
    return format_list(items, locale=babel_locale(language or current_language())) if items else ""


def as_text(raw: Any) -> str:
    """A raw answer known to be a string (the shape checks refused every other type), or ""."""
    return raw if isinstance(raw, str) else ""


def failed(problem: Problem, display: str = "", part: str = "") -> FieldResult:
    """A refused answer: no value, one problem."""
    return FieldResult(None, display, ((part, problem),))


class Kind:
    """One field kind. Subclasses override what differs; the defaults fit a one-line answer
    stored as the string shown on screen and printed on the form."""

    #: the kind's name in definitions (`kind: text`)
    name = ""
    #: answered by choosing rather than typing (options shown together, 'choose' messages)
    chosen = False
    #: shows "On the form: …" when the stored answer is written differently from what was typed
    interpreted = False
    #: a multiple-choice answer (a list): the `includes` condition applies to it
    multiple = False
    spoken_choices = False
    #: parts of the answer are filled in from its postal code (an address)
    fills_from_postal_code = False
    #: a container of other fields (group), not one answer
    container = False

    # --- parts -------------------------------------------------------------------------------

    def parts(self, field: Any) -> tuple[str, ...]:
        """The parts of a compound answer (an object), in screen order; () for a one-part answer."""
        return ()

    def required_parts(self, field: Any) -> frozenset[str]:
        """The parts that must be filled when the question is required."""
        return frozenset()

    def part_labels(self) -> dict[str, str]:
        """Official Japanese labels of the parts (translated in the procedures domain)."""
        return {}

    def official_texts(self) -> list[str]:
        """Official Japanese words this kind shows besides the definition's own texts (part labels,
        fixed options): i18n_tools puts them in the procedures catalog."""
        return list(self.part_labels().values())

    # --- reading -----------------------------------------------------------------------------

    def expected(self) -> tuple[str, str]:
        """(what JSON an answer must be, an example) for the message about a wrong type."""
        return _("text in quotes"), '"山田"'

    def shape(self, field: Any, raw: Any) -> list[tuple[str, Problem]]:
        """What makes `raw` unreadable whatever its content (type, parts, length, characters)."""
        from assistant.kinds import checks

        if not isinstance(raw, str):
            return [("", checks.type_problem(self.name, raw))]
        return [("", p)] if (p := checks.string_problem(raw, checks.SHORT_MAX)) else []

    def parse(self, field: Any, raw: Any) -> FieldResult:
        """Read a raw answer that passed `shape` (None when unanswered)."""
        value = as_text(raw).strip()
        return FieldResult(value or None, value)

    def missing(self, field: Any) -> Problem:
        """The problem of a required question left unanswered."""
        return choice_problem(self.multiple) if self.chosen else required_problem()

    def settled(self, field: Any, part: str, text: str) -> str | None:
        """The text to put back in a box the person leaves (a certain conversion), else None."""
        return None

    def fitted(self, field: Any, raw: Any) -> Any:
        """A raw answer saved for another form, shaped for this question; None when it does not fit."""
        return copy.deepcopy(raw)

    # --- texts of a stored value ---------------------------------------------------------------

    def text(self, field: Any, value: Any) -> str:
        """The stored value as written in Japanese on screen (and on the form, unless it differs)."""
        return "" if value is None else str(value)

    def printed_parts(self, field: Any, value: Any) -> list[tuple[str, str]]:
        """(part, text) of everything printed for an accepted answer: checked against the fonts."""
        if isinstance(value, dict):
            return [(part, text) for part, text in value.items() if isinstance(text, str)]
        return [("", self.printed_text(field, value))]

    def display_text(self, field: Any, value: Any, language: str | None = None) -> str:
        """For the person, in `language` (default: the interface language)."""
        return self.text(field, value)

    def printed_text(self, field: Any, value: Any) -> str:
        """As printed on the official Japanese form."""
        return self.text(field, value)

    def spoken_text(self, field: Any, value: Any) -> str:
        """As read aloud in the interface language."""
        return self.text(field, value)

    def json_value(self, field: Any, value: Any) -> Any:
        """As stored in the exported JSON (the stored value itself unless a kind says otherwise)."""
        return value

    # --- texts of a read answer, refused ones included ----------------------------------------------

    def display_result(self, field: Any, result: FieldResult, language: str | None = None) -> str:
        """An answer on screen: a refused one as it was read (what was typed)."""
        return result.display if result.value is None else self.display_text(field, result.value, language)

    def spoken_result(self, field: Any, result: FieldResult, raw: Any = None) -> str:
        """An answer read aloud: a refused one as typed."""
        if result.value is None:
            return result.display or (raw.strip() if isinstance(raw, str) else "")
        return self.spoken_text(field, result.value)


class OptionsKind(Kind):
    """Answered by choosing among labelled options (official Japanese labels)."""

    chosen = True
    #: the options are read aloud with the question ("Choices: …")
    spoken_choices = True

    def official_texts(self) -> list[str]:
        return []

    def options(self, field: Any) -> list[tuple[Any, str, str]]:
        """(stored value, official label, hint) of each option, in the form's order."""
        return [(o.value, o.label, o.hint) for o in field.options]

    def chosen_labels(self, field: Any, value: Any) -> list[str]:
        values = value if isinstance(value, list) else [value]
        return [label for v, label, _hint in self.options(field) if any(v == c and type(v) is type(c) for c in values)]

    def text(self, field: Any, value: Any) -> str:
        return "、".join(self.chosen_labels(field, value))

    def display_text(self, field: Any, value: Any, language: str | None = None) -> str:
        language = language or current_language()
        return listed([bilingual(label, language) for label in self.chosen_labels(field, value)], language)

    def spoken_text(self, field: Any, value: Any) -> str:
        return listed([ptext(label) for label in self.chosen_labels(field, value)])
