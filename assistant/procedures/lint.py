"""`tetsuzuki procedures lint`: what a reviewer of a new definition checks, beyond what loads.

The loader refuses what cannot work (unknown keys, unknown fields in conditions, cycles…); the
lint reports what works but serves people badly: a field without a hint or an example, a text
without a translation in a shipped language, a condition that can never be true (an `equals` on
an option the question does not have), a step or question that can therefore never be shown, a
condition on a question asked later, and ids that changed since a previous version (saved drafts
keep answers by id). Conditions of attachments and deadlines are checked like those of questions;
a procedure a representative may apply for without a `proxy:` block gets a 委任状 naming only its
title (proxy_letter.py), so the lint asks for the block. Each finding is printed as
``file:line: field path: code: message``; the codes are stable English words for scripts, the
messages are translated.

Every attachment says why it is needed (`reason`) and every deadline where its rule comes from
(`basis`); `_REASON_FIELDS` lists those checks, which run only for fields the model has, so no
finding asks for a field the loader would refuse.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant import languages as table
from assistant.i18n import LANGUAGES, LOCALES_DIR, SOURCE_LANGUAGE, _
from assistant.procedures import conditions as c
from assistant.procedures.checks import Path_, format_path
from assistant.procedures.loader import load_file, read_yaml
from assistant.procedures.model import Attachment, Deadline, Procedure
from assistant.procedures.texts import TRANSLATED_KEYS

#: (model, field that must be filled) checked only when the model has that field
_REASON_FIELDS = ((Attachment, "reason"), (Deadline, "basis"))


@dataclass(frozen=True)
class Finding:
    """One thing a reviewer would ask to change, with where it is."""

    file: Path
    line: int | None
    path: str
    code: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else str(self.file)
        return f"{where}: {self.path or _('(whole file)')}: {self.code}: {self.message}"


def translations(language: str, locales: Path = LOCALES_DIR) -> set[str]:
    """The procedure texts translated (not fuzzy, not empty) into `language`."""
    from babel.messages.pofile import read_po

    row = table.all_languages().get(language)   # the catalog folder, e.g. ja_easy for ja-easy
    po_path = locales / (row.catalog if row else language) / "LC_MESSAGES" / "procedures.po"
    if not po_path.exists():
        return set()
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    return {m.id for m in catalog if m.id and m.string and not m.fuzzy and isinstance(m.id, str)}


def lint_files(files: list[Path], against: Path | None = None, locales: Path = LOCALES_DIR) -> list[Finding]:
    """Every finding in `files` (broken files: their load errors), compared with `against` if given."""
    languages = {lang: translations(lang, locales) for lang in LANGUAGES if lang != SOURCE_LANGUAGE["procedures"]}
    findings: list[Finding] = []
    loaded: dict[str, tuple[Procedure, Path, dict[Path_, int]]] = {}
    for file in files:
        procedure, errors = load_file(file)
        findings += [Finding(e.file, e.line, e.path, "definition.invalid", e.message) for e in errors]
        if procedure is None:
            continue
        _data, lines = read_yaml(file.read_text(encoding="utf-8"))
        loaded[procedure.id] = (procedure, file, lines)
        findings += _lint(procedure, _data, file, lines, languages)
    if against is not None:
        findings += _compare(against, loaded)
    return findings


def _finding(file: Path, lines: dict[Path_, int], path: Path_, code: str, message: str) -> Finding:
    line = next((lines[path[:end]] for end in range(len(path), -1, -1) if path[:end] in lines), None)
    return Finding(file, line, format_path(path), code, message)


def _lint(procedure: Procedure, data: Any, file: Path, lines: dict[Path_, int],
          languages: dict[str, set[str]]) -> list[Finding]:
    found: list[tuple[Path_, str, str]] = []
    fields = list(_fields(procedure))
    order = {field.id: n for n, (field, _path) in enumerate(fields)}
    by_id = {field.id: field for field, _path in fields}
    for field, path in fields:
        if not field.hint.strip():
            found.append(((*path, "hint"), "field.no-hint", _(
                "this question has no hint; add one plain sentence saying what to write, e.g. "
                "`hint: 本人確認書類と同じ名前を書いてください。`")))
        if not field.example.strip():
            found.append(((*path, "example"), "field.no-example", _(
                "this question has no example answer; add one, e.g. `example: 山田　太郎`")))
    conditions = [(step.when, ("steps", s, "when"), "step", order.get(step.fields[0].id))
                  for s, step in enumerate(procedure.steps) if step.when]
    conditions += [(field.when, (*path, "when"), "field", order[field.id]) for field, path in fields if field.when]
    conditions += [(getattr(a, key), ("attachments", i, key), "attachment", None)
                   for i, a in enumerate(procedure.attachments) for key in ("needed_when", "omit_when")
                   if getattr(a, key) is not None]
    conditions += [(d.when, ("deadlines", i, "when"), "deadline", None)
                   for i, d in enumerate(procedure.deadlines) if d.when is not None]
    for condition, path, owner, position in conditions:
        found += _check_condition(condition, path, owner, position, by_id, order)
    for model, name in _REASON_FIELDS:
        if name not in model.model_fields:
            continue   # not in this version of the format
        owners = {Procedure: [(procedure, ())],
                  Attachment: [(a, ("attachments", i)) for i, a in enumerate(procedure.attachments)],
                  Deadline: [(d, ("deadlines", i)) for i, d in enumerate(procedure.deadlines)]}
        items = owners.get(model, [])
        found += [((*p, name), f"{model.__name__.lower()}.no-{name.replace('_', '-')}",
                   _("`{key}` is empty; say why, in one plain sentence").format(key=name))
                  for item, p in items if not str(getattr(item, name) or "").strip()]
    if procedure.proxy is None and any(rule.role == "proxy" for rule in procedure.who_may_apply):
        found.append((("who_may_apply",), "proxy.no-wording", _(
            "a representative may apply but there is no `proxy:` block; its power of attorney then names only "
            "the form's title: add one, e.g. `proxy: {matter: 住民票の写し等の交付請求及び受領に関すること}`")))
    for language, known in languages.items():
        for text, path in _texts(data):
            if text.strip() not in known:
                found.append((path, "text.untranslated", _(
                    "this text has no {language} translation in locales/{code}/LC_MESSAGES/procedures.po; "
                    "run `python -m assistant.i18n_tools update` and translate it").format(
                    language=LANGUAGES[language], code=language)))
    return [_finding(file, lines, path, code, message) for path, code, message in found]


def _fields(procedure: Procedure) -> Iterator[tuple[Any, Path_]]:
    for s, step in enumerate(procedure.steps):
        for f, field in enumerate(step.fields):
            yield field, ("steps", s, "fields", f)
            for g, sub in enumerate(field.fields if field.kind == "group" else ()):
                yield sub, ("steps", s, "fields", f, "fields", g)


def _texts(data: Any, path: Path_ = ()) -> Iterator[tuple[str, Path_]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key in TRANSLATED_KEYS and isinstance(value, str):
                if value.strip():
                    yield value, (*path, key)
            elif key in TRANSLATED_KEYS and isinstance(value, list) and all(isinstance(v, str) for v in value):
                for index, item in enumerate(value):
                    if item.strip():
                        yield item, (*path, key, index)
            else:
                yield from _texts(value, (*path, key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _texts(item, (*path, index))


def _check_condition(condition: Any, path: Path_, owner: str, position: int | None, by_id: dict[str, Any],
                     order: dict[str, int]) -> list[tuple[Path_, str, str]]:
    found = []
    if position is not None:
        later = sorted(f for f in condition.fields() if f in order and order[f] >= position)
        if later:
            found.append((path, "condition.later-question", _(
                "this condition depends on {ids}, asked at the same time or later; a question can only "
                "depend on questions asked before it").format(ids=", ".join(later))))
    impossible = _impossible(condition, by_id)
    if impossible:
        found.append((path, "condition.never-true", impossible))
        if owner in ("step", "field"):
            found.append((path, f"{owner}.unreachable", _(
                "this step can never be shown, because its condition can never be true") if owner == "step" else _(
                "this question can never be shown, because its condition can never be true")))
    return found


def _values(field: Any) -> set[Any] | None:
    """The answers a field can have, when they are few; None when any value of its kind can be."""
    if field.kind in ("choice", "multi_choice", "pick_list"):
        return {o.value for o in field.options}
    if field.kind == "yes_no":   # the kinds (assistant.kinds.yes_no) sit above the procedures
        return {True, False, "unknown"} if field.allow_unknown else {True, False}
    return None


def _impossible(condition: Any, by_id: dict[str, Any]) -> str | None:
    """Why `condition` can never be true (a conservative check: None when it may be)."""
    if isinstance(condition, (c.Equals, c.In, c.Includes)):
        target = condition.equals if isinstance(condition, c.Equals) else \
            condition.in_ if isinstance(condition, c.In) else condition.includes
        field = by_id.get(target.field)
        values = getattr(target, "values", None) or (target.value,)
        possible = _values(field) if field is not None else None
        if isinstance(condition, c.Includes) and field is not None and field.kind != "multi_choice":
            return _("`includes` tests a multiple-choice answer, but `{id}` is a {kind} question; "
                     "use `equals`").format(id=target.field, kind=field.kind)
        if possible is not None and not any(v in possible and type(v) is type(next(iter(possible)))
                                            for v in values):
            return _("`{id}` can only be {values}, never {wanted}; use one of its option values").format(
                id=target.field, values=", ".join(sorted(map(str, possible))), wanted=", ".join(map(str, values)))
        return None
    if isinstance(condition, c.Compare):
        field = by_id.get(condition.compare.field)
        if field is not None and field.kind not in ("date", "number"):
            return _("`compare` works on dates and numbers, but `{id}` is a {kind} question").format(
                id=condition.compare.field, kind=field.kind)
        return None
    if isinstance(condition, c.All):
        for part in condition.all:
            reason = _impossible(part, by_id)
            if reason:
                return reason
        wanted: dict[str, set[Any]] = {}
        for part in condition.all:
            if isinstance(part, c.Equals):
                wanted.setdefault(part.equals.field, set()).add(repr(part.equals.value))
        clash = sorted(f for f, values in wanted.items() if len(values) > 1)
        if clash:
            return _("`all` asks `{id}` to equal two different values at once").format(id=clash[0])
        return None
    if isinstance(condition, c.Any_):
        reasons = [_impossible(part, by_id) for part in condition.any]
        return reasons[0] if all(reasons) else None
    return None   # `answered`, `not`: may be true


def _compare(against: Path, loaded: dict[str, tuple[Procedure, Path, dict[Path_, int]]]) -> list[Finding]:
    """Ids removed or changed since the previous version in `against`."""
    old, errors = load_file(against)
    if old is None:
        return [Finding(e.file, e.line, e.path, "definition.invalid", e.message) for e in errors]
    if old.id not in loaded:
        return [Finding(against, None, "id", "id.procedure-changed", _(
            "no procedure checked has the id `{id}` of the previous version; keep the procedure id, or "
            "saved drafts of this procedure can no longer be opened").format(id=old.id))]
    new, file, lines = loaded[old.id]
    found: list[tuple[Path_, str, str]] = []
    new_steps = {s.id for s in new.steps}
    found += [(("steps",), "id.step-removed", _("the step `{id}` of the previous version is gone; keep its id "
                                               "if the step was only changed").format(id=s.id))
              for s in old.steps if s.id not in new_steps]
    new_fields = {f.id: (f, p) for f, p in _fields(new)}
    for field, _path in _fields(old):
        if field.id not in new_fields:
            found.append((("steps",), "id.field-removed", _(
                "the question `{id}` of the previous version is gone; saved answers to it are lost: keep its "
                "id if the question was only reworded").format(id=field.id)))
            continue
        now, path = new_fields[field.id]
        if now.kind != field.kind:
            found.append(((*path, "kind"), "id.kind-changed", _(
                "the question `{id}` was a {old} question and is now a {new} one; saved answers no longer fit: "
                "give the new question its own id").format(id=field.id, old=field.kind, new=now.kind)))
        gone = sorted((_values(field) or set()) - (_values(now) or set()), key=str) \
            if field.kind in ("choice", "multi_choice") and now.kind == field.kind else []
        if gone:
            found.append(((*path, "options"), "id.option-removed", _(
                "the option values {values} of the previous version are gone; saved answers with them are "
                "lost: keep the values of options that were only reworded").format(values=", ".join(gone))))
    if found and new.version == old.version:
        found.append((("version",), "version.unchanged", _(
            "ids changed but the version is still {version}; raise it so saved drafts are checked again"
        ).format(version=new.version)))
    return [_finding(file, lines, path, code, message) for path, code, message in found]
