"""Checks across the fields of a procedure: unique ids, references, ranges, condition cycles.

Each problem names the path of the offending value so the loader can give its line. All checks
run in time linear in the size of the procedure; the cycle check walks the dependency graph once
with an explicit stack (a chain of 10,000 conditions neither recurses nor takes long).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant.i18n import _, ngettext
from assistant.procedures.texts import shorten

if TYPE_CHECKING:
    from assistant.procedures.model import Procedure

#: the field kinds each `meaning` can be written with (here: the model and these checks both use it)
MEANING_KINDS: dict[str, tuple[str, ...]] = {
    "name": ("person_name",), "birth_date": ("date",), "sex": ("choice",), "address": ("address",),
    "phone": ("phone",), "email": ("email", "text"), "my_number": ("my_number",), "nationality": ("text",),
    "residence_card": ("residence_card",), "insured_number": ("insured_number",),
}

Path_ = tuple[str | int, ...]
LineOf = Callable[[Path_], "int | None"]


@dataclass(frozen=True)
class Problem:
    path: Path_
    message: str


def _where(line_of: LineOf, path: Path_) -> str:
    line = line_of(path)
    return _("line {line}").format(line=line) if line else format_path(path)


def format_path(path: Path_) -> str:
    """`steps[0].fields[2].when` — a data path as authors read it."""
    text = ""
    for part in path:
        part = part if isinstance(part, int) else shorten(part)
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _fields(procedure: Procedure) -> Iterator[tuple[Any, Path_, list[tuple[Any, Path_]]]]:
    """Every field with its path and the conditions it is shown under (its own last)."""
    for s, step in enumerate(procedure.steps):
        outer = [(step.when, ("steps", s, "when"))] if step.when else []
        for f, field in enumerate(step.fields):
            path = ("steps", s, "fields", f)
            own = outer + ([(field.when, (*path, "when"))] if field.when else [])
            yield field, path, own
            # `field.kind` tests, not getattr: a missing attribute costs pydantic a raised error
            for g, sub in enumerate(field.fields if field.kind == "group" else ()):
                sub_path = (*path, "fields", g)
                yield sub, sub_path, own + ([(sub.when, (*sub_path, "when"))] if sub.when else [])


def _used_twice(what: str) -> str:
    return {
        "step": _("the step id `{id}` is already used at {where}; give each step its own id, e.g. `{id}_2`"),
        "field": _("the field id `{id}` is already used at {where}; give each field its own id, e.g. `{id}_2`"),
        "attachment": _("the attachment id `{id}` is already used at {where}; give each attachment its own "
                        "id, e.g. `{id}_2`"),
        "person": _("the person id `{id}` is already used at {where}; give each person its own id, e.g. `{id}_2`"),
        "option": _("the option value `{id}` is already used at {where} in this question; give each option "
                    "its own value, e.g. `{id}_2`"),
        "deadline": _("the deadline id `{id}` is already used at {where}; give each deadline its own id, e.g. "
                      "`{id}_2`"),
        "notice": _("the notice id `{id}` is already used at {where}; give each notice its own id, e.g. `{id}_2`"),
    }[what]


def _duplicates(items: list[tuple[str, Path_]], what: str, line_of: LineOf) -> Iterator[Problem]:
    first: dict[str, Path_] = {}
    for item_id, path in items:
        if item_id in first:
            yield Problem(path, _used_twice(what).format(id=item_id, where=_where(line_of, first[item_id])))
        else:
            first[item_id] = path


def check(procedure: Procedure, line_of: LineOf = lambda _path: None) -> list[Problem]:
    """Every problem across fields, in file order."""
    problems: list[Problem] = []
    fields = list(_fields(procedure))
    problems += _duplicates([(s.id, ("steps", i, "id")) for i, s in enumerate(procedure.steps)],
                            "step", line_of)
    problems += _duplicates([(f.id, (*p, "id")) for f, p, _c in fields], "field", line_of)
    problems += _duplicates([(a.id, ("attachments", i, "id")) for i, a in enumerate(procedure.attachments)],
                            "attachment", line_of)
    problems += _duplicates([(p.id, ("persons", i, "id")) for i, p in enumerate(procedure.persons)],
                            "person", line_of)
    problems += _duplicates([(d.id, ("deadlines", i, "id")) for i, d in enumerate(procedure.deadlines)],
                            "deadline", line_of)
    problems += _duplicates([(n.id, ("notices", i, "id")) for i, n in enumerate(procedure.notices)],
                            "notice", line_of)
    for field, path, _conditions in fields:
        problems += _check_field(field, path, line_of)
    problems += _check_references(procedure, fields)
    problems += _check_wording(procedure, fields)
    problems += _check_notices(procedure)
    problems += _check_groups(procedure, fields)
    problems += _check_cycles(fields)
    return problems


def _check_field(field: Any, path: Path_, line_of: LineOf) -> list[Problem]:
    problems = list(_duplicates([(o.value, (*path, "options", i, "value"))
                                 for i, o in enumerate(field.options if field.kind in ("choice", "multi_choice") else ())],
                                "option", line_of))
    if field.kind == "group" and field.min_items > field.max_items:
        problems.append(Problem((*path, "min_items"), _(
            "min_items ({low}) is larger than max_items ({high}); no number of items could be "
            "accepted: make min_items at most max_items, e.g. `min_items: 1` and `max_items: 5`"
        ).format(low=field.min_items, high=field.max_items)))
    if field.kind == "number" and None not in (field.minimum, field.maximum) and field.minimum > field.maximum:
        problems.append(Problem((*path, "minimum"), _(
            "minimum ({low}) is larger than maximum ({high}); no number could be accepted: make "
            "minimum at most maximum").format(low=field.minimum, high=field.maximum)))
    return problems


def _check_references(procedure: Procedure, fields: list) -> list[Problem]:
    problems = []
    known = {field.id for field, _p, _c in fields}
    conditions = [(step.when, ("steps", i, "when")) for i, step in enumerate(procedure.steps) if step.when]
    conditions += [(field.when, (*path, "when")) for field, path, _c in fields if field.when]
    for i, attachment in enumerate(procedure.attachments):
        for key in ("needed_when", "omit_when"):
            if getattr(attachment, key):
                conditions.append((getattr(attachment, key), ("attachments", i, key)))
    conditions += [(d.when, ("deadlines", i, "when")) for i, d in enumerate(procedure.deadlines) if d.when]
    conditions += [(n.when, ("notices", i, "when")) for i, n in enumerate(procedure.notices) if n.when]
    for condition, path in conditions:
        unknown = sorted(condition.fields() - known)
        if unknown:
            problems.append(Problem(path, ngettext(
                "this condition refers to an unknown field, {ids}; use the id of a field of this "
                "procedure (check the spelling)",
                "this condition refers to unknown fields, {ids}; use the ids of fields of this "
                "procedure (check the spelling)", len(unknown)).format(ids=", ".join(shorten(i) for i in unknown[:5]) + (" …" if len(unknown) > 5 else ""))))
    persons = {person.id for person in procedure.persons}
    for field, path, _c in fields:
        if field.meaning and not field.person and len(path) == 4:   # outside a group, whose items are persons
            problems.append(Problem((*path, "meaning"), _(
                "`person` and `meaning` go together: give both or neither, e.g. `person: applicant` "
                "and `meaning: name`")))
        if field.person and field.person not in persons:
            problems.append(Problem((*path, "person"), _(
                "unknown person `{id}`; declare it in `persons`, e.g. `persons: [{{id: {id}, label: 請求者}}]`"
            ).format(id=field.person)))
    attachments = {a.id for a in procedure.attachments}
    for i, rule in enumerate(procedure.who_may_apply):
        for missing in sorted(set(rule.needs) - attachments):
            problems.append(Problem(("who_may_apply", i, "needs"), _(
                "unknown attachment `{id}`; declare it in `attachments` or remove it from `needs`"
            ).format(id=missing)))
    return problems


def _check_wording(procedure: Procedure, fields: list) -> list[Problem]:
    """The `proxy:` details, the deadlines' dates and the attachments' omissions point at what exists."""
    problems = []
    # only questions outside a repeatable group have one answer a deadline or a 委任状 can use
    by_id = {field.id: field for field, path, _c in fields if len(path) == 4}
    for i, attachment in enumerate(procedure.attachments):
        if attachment.omit_when is not None and not attachment.omit_reason.strip():
            problems.append(Problem(("attachments", i, "omit_when"), _(
                "`omit_when` needs an `omit_reason` saying why the document may then be left out, e.g. "
                "`omit_reason: 市区町村が情報連携で確認できるため、不要です。`")))
    for i, deadline in enumerate(procedure.deadlines):
        if deadline.from_field is None:
            continue
        field = by_id.get(deadline.from_field)
        if field is None:
            problems.append(Problem(("deadlines", i, "from_field"), _(
                "`from_field` names no question of this procedure outside a repeatable group, `{id}`; use the "
                "id of a date question (check the spelling)").format(id=shorten(deadline.from_field))))
        elif field.kind != "date":
            problems.append(Problem(("deadlines", i, "from_field"), _(
                "`from_field` must name a date question, but `{id}` is of kind {kind}; a deadline counts from a "
                "date, e.g. `from_field: birth_date`").format(id=deadline.from_field, kind=field.kind)))
    for j, detail in enumerate(procedure.proxy.details if procedure.proxy else ()):
        if detail not in by_id:
            problems.append(Problem(("proxy", "details", j), _(
                "`details` names no question of this procedure outside a repeatable group, `{id}`; list the ids "
                "of questions whose answers say what is delegated (check the spelling)").format(id=shorten(detail))))
    for meaning, field_id in (procedure.proxy.principal_details.items() if procedure.proxy else ()):
        field = by_id.get(field_id)
        kinds = MEANING_KINDS[meaning]
        if field is None:
            problems.append(Problem(("proxy", "principal_details", meaning), _(
                "`principal_details` names no question of this procedure outside a repeatable group, `{id}`; use "
                "the id of the question whose answer the power of attorney (委任状) prints (check the spelling)").format(id=shorten(field_id))))
        elif field.kind not in kinds:
            problems.append(Problem(("proxy", "principal_details", meaning), _(
                "meaning '{meaning}' needs a field of kind {kinds}").format(meaning=meaning, kinds=" / ".join(kinds))))
    principal = procedure.proxy.principal if procedure.proxy else None
    if principal is not None and principal not in {person.id for person in procedure.persons}:
        problems.append(Problem(("proxy", "principal"), _(
            "`principal` names no person of this procedure, `{id}`; use the id of one of `persons`, e.g. "
            "`principal: applicant`").format(id=shorten(principal))))
    return problems


def _check_notices(procedure: Procedure) -> list[Problem]:
    """A notice is said on a step that exists; one that sends the person elsewhere says where."""
    problems = []
    steps = {step.id for step in procedure.steps}
    for i, notice in enumerate(procedure.notices):
        if notice.step is not None and notice.step not in steps:
            problems.append(Problem(("notices", i, "step"), _(
                "`step` names no step of this procedure, `{id}`; use the id of the step whose page should say "
                "it (check the spelling), or leave `step` out for the first step").format(id=shorten(notice.step))))
        if notice.leave and not notice.go_to.strip():
            problems.append(Problem(("notices", i, "leave"), _(
                "a notice with `leave: true` sends the person elsewhere, so it needs `go_to` saying where, e.g. "
                "`go_to: 火災を調べた消防署（消防本部）`")))
        if notice.go_to.strip() and not notice.leave:
            problems.append(Problem(("notices", i, "go_to"), _(
                "`go_to` says where to go instead of this office, which only a notice with `leave: true` does; "
                "add `leave: true` or remove `go_to`")))
    return problems


def _check_groups(procedure: Procedure, fields: list) -> list[Problem]:
    """A question inside a repeatable group has one answer per item: only its own item's questions
    can test it. A condition outside the group, or in another group, could not tell which item."""
    group_of = {sub.id: field.id for field, path, _c in fields if field.kind == "group" for sub in field.fields}
    if not group_of:
        return []
    conditions = [(step.when, ("steps", i, "when"), None) for i, step in enumerate(procedure.steps) if step.when]
    conditions += [(field.when, (*path, "when"), group_of.get(field.id) if len(path) == 6 else None)
                   for field, path, _c in fields if field.when]
    for i, attachment in enumerate(procedure.attachments):
        conditions += [(getattr(attachment, key), ("attachments", i, key), None)
                       for key in ("needed_when", "omit_when") if getattr(attachment, key)]
    conditions += [(d.when, ("deadlines", i, "when"), None) for i, d in enumerate(procedure.deadlines) if d.when]
    conditions += [(n.when, ("notices", i, "when"), None) for i, n in enumerate(procedure.notices) if n.when]
    problems = []
    for condition, path, own_group in conditions:
        outside = sorted(f for f in condition.fields() if f in group_of and group_of[f] != own_group)
        if outside:
            problems.append(Problem(path, _(
                "this condition tests `{id}`, a question asked once for each item of the repeatable group "
                "`{group}`, so it cannot tell which item's answer to use; only a question of the same group can "
                "test it. Ask a question outside the group instead, e.g. “Is any of them …?”").format(
                id=shorten(outside[0]), group=shorten(group_of[outside[0]]))))
    return problems


def _check_cycles(fields: list) -> list[Problem]:
    """A question shown only when it (indirectly) answers itself could never be asked."""
    needs: dict[str, list[tuple[str, Path_]]] = {}
    for field, _path, conditions in fields:
        needs.setdefault(field.id, [])
        for condition, where in conditions:
            needs[field.id] += [(needed, where) for needed in sorted(condition.fields())]
    state: dict[str, int] = {}           # 1: on the current walk, 2: finished
    for start in needs:
        if start in state:
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        state[start] = 1
        while stack:
            node, index = stack[-1]
            edges = needs.get(node, [])
            if index == len(edges):
                state[node] = 2
                stack.pop()
                continue
            stack[-1] = (node, index + 1)
            needed, where = edges[index]
            if state.get(needed) == 1:
                trail = [n for n, _i in stack]
                trail = [*trail[trail.index(needed):], needed]
                if len(trail) > 9:   # a long circle is named by its ends, not by a page of ids
                    trail = [*trail[:4], "…", *trail[-4:]]
                circle = " → ".join(trail)
                return [Problem(where, _(
                    "conditions depend on each other in a circle: {circle}; a question can only "
                    "depend on questions that can be answered before it").format(circle=circle))]
            if needed in needs and needed not in state:
                state[needed] = 1
                stack.append((needed, 0))
    return []
