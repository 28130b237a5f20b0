"""One record of the answers: what a finished session says, read once, for every reader.

The PDF form, the JSON/IMI file, the QR code, the person's copy, the review page and read-aloud
all read a `Record` instead of going back into the session: each row already holds the question
(official Japanese and translated), the stored value and the texts to show, print and say. A
question inside a repeatable group is addressed by a `FieldPath` ("members[0].member_name"),
never by a string taken apart by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant import kinds
from assistant.i18n import N_, SOURCE_LANGUAGE, _, bilingual, current_language, ptext, translate
from assistant.interview.validation import read_field
from assistant.procedures import model as m

if TYPE_CHECKING:
    from assistant.interview.session import Session

#: the language of the official form and of its labels
FORM_LANGUAGE = SOURCE_LANGUAGE["procedures"]
_ID = r"[a-z][a-z0-9_]*"
_PATH = re.compile(rf"^(?P<field>{_ID})(?:\[(?P<index>[0-9]{{1,4}})\](?:\.(?P<sub>{_ID}))?)?$")
# i18n: one item of a repeatable group, e.g. "Child 2"; {item} is the item's name, {number} counts from 1.
ITEM_LABEL = N_("{item} {number}")
# i18n: a question asked for one item of a repeatable group, e.g. "Child 2: Name".
IN_ITEM = N_("{item}: {question}")


# --- the texts of one answer: each field kind's (assistant.kinds) ------------------------------

def _display_text(field: m.FieldDef, value: Any, language: str | None = None) -> str:
    """For the person, in `language` (default: the interface's): options with the Japanese beside."""
    return kinds.display_text(field, value, language)


def _printed_text(field: m.FieldDef, value: Any) -> str:
    """As printed on the official Japanese form: a My Number in full."""
    return kinds.printed_text(field, value)


def _spoken_text(field: m.FieldDef, value: Any) -> str:
    """For read-aloud in the interface language: a My Number only by its last four digits."""
    return kinds.spoken_text(field, value)


def _json_value(field: m.FieldDef, value: Any) -> Any:
    """As stored in the exported JSON: the normalised value."""
    return kinds.json_value(field, value)


# --- paths and labels ---------------------------------------------------------------------------

@dataclass(frozen=True, order=True)
class FieldPath:
    """Where an answer is: a top-level field's id, a sub-field of one item of a group, or (for a
    problem with the item as a whole) the item itself.

    `str()` gives the stable form drafts, answers files, errors and widget names use: "phone",
    "members[0].member_name", "members[0]" (items counted from 0)."""

    field: str
    index: int | None = None
    sub: str | None = None

    def __post_init__(self) -> None:
        if (self.sub is not None and self.index is None) or (self.index is not None and self.index < 0):
            raise ValueError(f"a sub-field's path needs the item's index (0 or more): {self!r}")

    def __str__(self) -> str:
        if self.index is None:
            return self.field
        return f"{self.field}[{self.index}]" + ("" if self.sub is None else f".{self.sub}")

    @property
    def in_group(self) -> bool:
        return self.index is not None

    @property
    def leaf(self) -> str:
        """The id of the question itself: the sub-field's inside a group."""
        return self.sub if self.sub is not None else self.field

    @classmethod
    def parse(cls, text: str) -> FieldPath:
        """Read "field", "group[index].sub" or "group[index]"; anything else is refused with a
        ValueError whose message (translated) says what a path looks like."""
        match = _PATH.match(text) if isinstance(text, str) else None
        if match is None:
            raise ValueError(_("“{path}” is not a question's path. Write a question's id, or a group's id, "
                               "the item's number from 0 and the question's id, e.g. members[0].member_name."
                               ).format(path=text))
        index = match["index"]
        return cls(match["field"], None if index is None else int(index), match["sub"])


def item_label(group: m.GroupField, index: int, language: str | None = None) -> str:
    """One item of a repeatable group as people count it: 「児童 2」, "Child 2" (`index` from 0)."""
    language = language or current_language()
    return translate(ITEM_LABEL, language).format(item=ptext(group.item_label, language), number=index + 1)


def in_item(item: str, question: str, language: str | None = None) -> str:
    """A question of a group's item ("Child 2: Name"), or the question alone when `item` is ""."""
    return translate(IN_ITEM, language or current_language()).format(item=item, question=question) if item else question


def answer_display(field: m.FieldDef, raw: Any, language: str | None = None) -> str:
    """An answer kept outside a session (a saved detail) as the review would show it, in
    `language`; "" when it cannot be read as it is (the caller shows it as typed)."""
    value = read_field(field, raw).value
    return "" if value is None else _display_text(field, value, language)


# --- the record ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    """One question that applies, with its answer (value None: not answered) and its texts."""

    path: FieldPath
    field: m.FieldDef
    step_id: str
    official_label: str     # as printed on the form: 「載せる方 1：氏名」
    label: str              # in the record's language: "Person to include 1: Name"
    item: str               # the group item in the record's language ("Child 2"), "" outside a group
    value: Any
    display: str            # for the person, in the record's language; "" when not answered
    printed: str            # as printed on the form
    spoken: str             # as read aloud

    @property
    def answered(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class Record:
    """Every question of a session that applies, in form order, read once (`Record.of`)."""

    procedure: m.Procedure
    language: str
    questions: tuple[Row, ...]                  # answered or not: the review lists them all
    layout: tuple[tuple[str, int | None], ...]  # top-level ids in form order; a group's number of items

    @classmethod
    def of(cls, session: Session, language: str | None = None) -> Record:
        """Read `session` once: texts in `language` (default: the interface's), spoken in the interface's."""
        language = language or current_language()
        rows: list[Row] = []
        layout: list[tuple[str, int | None]] = []
        for step in session.visible_steps():
            for field in session.visible_fields(step):
                if not isinstance(field, m.GroupField):
                    layout.append((field.id, None))
                    rows.append(_row(FieldPath(field.id), field, step.id, session.result(field).value, "", "",
                                     language))
                    continue
                entries = session.entries(field.id)
                layout.append((field.id, len(entries)))
                for index, entry in enumerate(entries):
                    item, official = item_label(field, index, language), item_label(field, index, FORM_LANGUAGE)
                    for sub in session.visible_item_fields(field, entry):
                        rows.append(_row(FieldPath(field.id, index, sub.id), sub, step.id,
                                         session.result(sub, entry).value, item, official, language))
        return cls(session.procedure, language, tuple(rows), tuple(layout))

    @property
    def rows(self) -> tuple[Row, ...]:
        """The answered questions, in form order."""
        return tuple(row for row in self.questions if row.answered)

    def row(self, path: FieldPath | str) -> Row | None:
        """The question at `path` if it applies, else None."""
        path = FieldPath.parse(path) if isinstance(path, str) else path
        return next((row for row in self.questions if row.path == path), None)

    def value(self, path: FieldPath | str) -> Any:
        """The stored value at `path`; None when not answered or not applying."""
        row = self.row(path)
        return None if row is None else row.value

    def for_person(self, person: str, meaning: str | None = None) -> list[Row]:
        """The answered top-level questions about `person` (optionally only those meaning `meaning`)."""
        return [row for row in self.rows if not row.path.in_group and row.field.person == person
                and (meaning is None or row.field.meaning == meaning)]

    def answers(self) -> dict[str, Any]:
        """The answers as exported in JSON: every question that applies (None when unanswered),
        a group as a list of its items."""
        out: dict[str, Any] = {field: None if count is None else [{} for _i in range(count)]
                               for field, count in self.layout}
        for row in self.questions:
            value = None if row.value is None else _json_value(row.field, row.value)
            if row.path.in_group:
                out[row.path.field][row.path.index][row.path.sub] = value
            else:
                out[row.path.field] = value
        return out


def _row(path: FieldPath, field: m.FieldDef, step_id: str, value: Any, item: str, official_item: str,
         language: str) -> Row:
    label = in_item(item, ptext(field.label, language), language)
    official = in_item(official_item, field.label, FORM_LANGUAGE)
    if value is None:
        return Row(path, field, step_id, official, label, item, None, "", "", "")
    return Row(path, field, step_id, official, label, item, value, _display_text(field, value, language),
               _printed_text(field, value), _spoken_text(field, value))


def bilingual_label(row: Row, language: str) -> str:
    """The question in `language` with the official Japanese beside it, inside its group item."""
    return in_item(row.item, bilingual(row.field.label, language), language)
