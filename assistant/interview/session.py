"""The interview: which step is shown, which questions apply, what is missing, what is exported.

A `Session` holds the raw answers exactly as typed (nothing is ever dropped, even when a
question is hidden again) and raises plain events; the window's bridge turns them into signals.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from assistant.events import Event
from assistant.i18n import ngettext, ptext
from assistant.interview.checklist import Checklist, checklist
from assistant.interview.checks import type_problem, unknown_part_problem
from assistant.interview.deadlines import DueDate, due_dates
from assistant.interview.validation import FieldResult, field_label, read_field
from assistant.procedures import model as m

REVIEW = "review"


@dataclass(frozen=True)
class FieldError:
    """A problem with one answer, ready to show next to the field and in the error summary."""

    field_id: str       # the field's id, or "group[index].sub_id" inside a repeatable group
    part: str           # the part of a compound answer ("family_kana"), or ""
    code: str
    label: str          # what the person sees as the question's name
    message: str
    suggestion: str | None = None   # a corrected answer for this part the person may accept


class Session:
    """One person's way through one procedure."""

    def __init__(self, procedure: m.Procedure, answers: dict[str, Any] | None = None) -> None:
        self.procedure = procedure
        self.answers: dict[str, Any] = copy.deepcopy(answers) if answers else {}
        self._step_id: str = procedure.steps[0].id
        self._return_to_review = False
        self.step_changed = Event()        # (session)
        self.answer_changed = Event()      # (field_id)
        self.validation_failed = Event()   # (list[FieldError])
        #: ids of the questions asked once per item of a repeatable group
        self._item_ids = frozenset(sub.id for field in procedure.all_fields() if isinstance(field, m.GroupField)
                                   for sub in field.fields)
        self._step_id = self.visible_steps()[0].id

    # --- what applies -------------------------------------------------------------------------

    def value(self, field_id: str, item: dict[str, Any] | None = None) -> Any:
        """The stored (normalised) value of a field, used by conditions; None if invalid or hidden.

        With `item` (one entry of a repeatable group), a question of the group is read from that
        item, and only when it is shown for that item: a foreign mover's answer to 外国籍ですか
        no longer counts once the movers are said to have no foreign national among them."""
        field = self.procedure.field(field_id)
        if item is not None and field_id in self._item_ids:
            shown = field.when is None or field.when.holds(lambda fid: self.value(fid, item))
            return read_field(field, item.get(field_id)).value if shown else None
        if isinstance(field, m.GroupField) or not self._field_shown(field):
            return None
        return read_field(field, self.answers.get(field_id)).value

    def _field_shown(self, field: m.FieldDef, item: dict[str, Any] | None = None) -> bool:
        step = self._step_of(field.id)
        if step.when and not step.when.holds(self.value):
            return False
        if field.when is None:
            return True
        return field.when.holds(lambda fid: self.value(fid, item))

    def _step_of(self, field_id: str) -> m.Step:
        for step in self.procedure.steps:
            for field in step.fields:
                if field.id == field_id or field_id in {f.id for f in getattr(field, "fields", ())}:
                    return step
        raise KeyError(field_id)

    def visible_steps(self) -> list[m.Step]:
        return [s for s in self.procedure.steps
                if (s.when is None or s.when.holds(self.value)) and self.visible_fields(s)]

    def visible_fields(self, step: m.Step) -> list[m.FieldDef]:
        return [f for f in step.fields if f.when is None or f.when.holds(self.value)]

    def visible_item_fields(self, group: m.GroupField, item: dict[str, Any]) -> list[m.FieldDef]:
        """The questions of `group` asked for this one item: a sub-field's `when` is evaluated per
        item (転出届: 国籍 and 在留カード番号 only for a foreign mover)."""
        return [f for f in group.fields if f.when is None or f.when.holds(lambda fid: self.value(fid, item))]

    def notices(self, step: m.Step | None = None) -> list[m.Notice]:
        """The procedure's notices that hold for the answers so far, in file order; with `step`,
        only those its page says (a notice without `step` is said on the first step shown)."""
        held = [n for n in self.procedure.notices if n.when is None or n.when.holds(self.value)]
        if step is None or not held:
            return held
        first = self.visible_steps()[0].id
        return [n for n in held if (n.step or first) == step.id]

    def leaving(self) -> m.Notice | None:
        """The notice saying this form is not the right one for these answers (`leave: true`), if any."""
        return next((n for n in self.notices() if n.leave), None)

    # --- where we are -------------------------------------------------------------------------

    @property
    def at_review(self) -> bool:
        return self._step_id == REVIEW

    @property
    def step_id(self) -> str:
        """Where the person is: a step id, or "review"; saved with a draft."""
        return self._step_id

    def resume_at(self, step_id: str) -> None:
        """Go back to where a draft was left; if that step no longer applies, to the first one."""
        applies = step_id == REVIEW or step_id in {s.id for s in self.visible_steps()}
        self._move(step_id if applies else self.visible_steps()[0].id)

    @property
    def current_step(self) -> m.Step | None:
        return None if self.at_review else next(s for s in self.procedure.steps if s.id == self._step_id)

    @property
    def position(self) -> tuple[int, int]:
        """(n, N) for "step n of N", counting only the steps that apply; the review is N."""
        steps = self.visible_steps()
        total = len(steps) + 1
        if self.at_review:
            return total, total
        ids = [s.id for s in steps]
        return ids.index(self._step_id) + 1 if self._step_id in ids else 1, total

    # --- answering ----------------------------------------------------------------------------

    def set_answer(self, field_id: str, raw: Any) -> None:
        """Keep `raw` exactly as typed for a top-level field."""
        self.procedure.field(field_id)
        if self.answers.get(field_id) == raw:
            return
        self.answers[field_id] = copy.deepcopy(raw)
        self.answer_changed.emit(field_id)

    def items(self, group_id: str) -> list[dict[str, Any]]:
        return self.answers.setdefault(group_id, [])

    def add_item(self, group_id: str) -> int:
        group = self.procedure.field(group_id)
        items = self.items(group_id)
        if len(items) >= group.max_items:
            return -1
        items.append({})
        self.answer_changed.emit(group_id)
        return len(items) - 1

    def remove_item(self, group_id: str, index: int) -> None:
        del self.items(group_id)[index]
        self.answer_changed.emit(group_id)

    def set_item_answer(self, group_id: str, index: int, sub_id: str, raw: Any) -> None:
        item = self.items(group_id)[index]
        if item.get(sub_id) == raw:
            return
        item[sub_id] = copy.deepcopy(raw)
        self.answer_changed.emit(f"{group_id}[{index}].{sub_id}")

    def result(self, field: m.FieldDef, item: dict[str, Any] | None = None) -> FieldResult:
        raw = (item if item is not None else self.answers).get(field.id)
        return read_field(field, raw)

    # --- checking -----------------------------------------------------------------------------

    def step_errors(self, step: m.Step) -> list[FieldError]:
        errors: list[FieldError] = []
        for field in self.visible_fields(step):
            if isinstance(field, m.GroupField):
                errors.extend(self._group_errors(field))
            else:
                errors.extend(_errors(field.id, field, self.result(field)))
        return errors

    def entries(self, group_id: str) -> list[dict[str, Any]]:
        """The entries of a group that can be read (objects); anything else is reported by
        `missing()`, never read: an answers file may hold any JSON value here."""
        raw = self.answers.get(group_id)
        return [item for item in raw if isinstance(item, dict)] if isinstance(raw, list) else []

    def _group_errors(self, group: m.GroupField) -> list[FieldError]:
        raw = self.answers.get(group.id)
        if raw is not None and not isinstance(raw, list):
            return [FieldError(group.id, "", "answer.type", field_label(group), type_problem("group", raw).message)]
        items = raw or []
        errors: list[FieldError] = []
        if len(items) > group.max_items:
            message = ngettext("Give at most {count} entry for “{item}”.", "Give at most {count} entries for “{item}”.",
                               group.max_items).format(count=group.max_items, item=ptext(group.item_label))
            return [FieldError(group.id, "", "group.too_many", field_label(group), message)]
        if len(items) < group.min_items:
            message = ngettext("Add at least {count} entry for “{item}”.", "Add at least {count} entries for “{item}”.",
                               group.min_items).format(count=group.min_items, item=ptext(group.item_label))
            errors.append(FieldError(group.id, "", "group.too_few", field_label(group), message))
        sub_ids = tuple(f.id for f in group.fields)
        for index, item in enumerate(items):
            where = f"{group.id}[{index}]"
            if not isinstance(item, dict):
                errors.append(FieldError(where, "", "answer.type", field_label(group),
                                         type_problem("entry", item).message))
                continue
            errors.extend(FieldError(where, "", "answer.unknown_part", field_label(group),
                                     unknown_part_problem(key, sub_ids).message) for key in item if key not in sub_ids)
            for sub in self.visible_item_fields(group, item):
                errors.extend(_errors(f"{where}.{sub.id}", sub, self.result(sub, item)))
        return errors

    def missing(self) -> list[FieldError]:
        """Every problem in every step that applies: empty when the form can be exported."""
        return [e for s in self.visible_steps() for e in self.step_errors(s)]

    # --- moving -------------------------------------------------------------------------------

    def next(self) -> list[FieldError]:
        """Go on if this step's answers are acceptable; otherwise return (and announce) the problems."""
        step = self.current_step
        if step is None:
            return []
        errors = self.step_errors(step)
        if errors:
            self.validation_failed.emit(errors)
            return errors
        steps = self.visible_steps()
        ids = [s.id for s in steps]
        index = ids.index(step.id) if step.id in ids else -1
        if self._return_to_review or index + 1 >= len(steps):
            self._move(REVIEW)
        else:
            self._move(steps[index + 1].id)
        return []

    def back(self) -> bool:
        steps = self.visible_steps()
        if self.at_review:
            self._move(steps[-1].id)
            return True
        ids = [s.id for s in steps]
        index = ids.index(self._step_id) if self._step_id in ids else 0
        if index == 0:
            return False
        self._move(ids[index - 1])
        return True

    def go_to(self, step_id: str, *, then_review: bool = False) -> None:
        """Jump to a step, e.g. from the review's "Change"; `then_review` comes back after Next."""
        if step_id != REVIEW and step_id not in {s.id for s in self.visible_steps()}:
            raise KeyError(step_id)
        self._move(step_id)
        self._return_to_review = then_review

    def _move(self, step_id: str) -> None:
        self._step_id = step_id
        self._return_to_review = False
        self.step_changed.emit(self)

    # --- results ------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """Normalised values of the questions that apply; answers to hidden questions are left out."""
        out: dict[str, Any] = {}
        for step in self.visible_steps():
            for field in self.visible_fields(step):
                if isinstance(field, m.GroupField):
                    out[field.id] = [
                        {sub.id: self.result(sub, item).value for sub in self.visible_item_fields(field, item)}
                        for item in self.entries(field.id)]
                else:
                    out[field.id] = self.result(field).value
        return out

    def checklist(self) -> Checklist:
        """The attachments to bring and those left out, for the answers so far (checklist.py)."""
        return checklist(self.procedure, self.value)

    def due_dates(self) -> list[DueDate]:
        """The deadlines that apply to the answers so far, with their last day (deadlines.py)."""
        return due_dates(self.procedure, self.value)

    def needed_attachments(self) -> list[m.Attachment]:
        return list(self.checklist().bring)


def _errors(field_id: str, field: m.FieldDef, result: FieldResult) -> list[FieldError]:
    return [FieldError(field_id, part, problem.code, field_label(field, part), problem.message, problem.suggestion)
            for part, problem in result.problems]
