"""The once-only profile: the person's own details, offered again in every procedure.

Entries are keyed by a field's `meaning` (name — with its readings —, birth date, sex, address,
phone, e-mail) and hold the raw answer as the person typed it, so a prefilled field looks exactly
like their earlier answer and is read by the same rules.

Decisions:
- **Whose details.** Only fields about the *applicant* are prefilled or learnt from: the person
  declared with id ``applicant`` in the procedure's `persons`, else the only person when exactly
  one is declared; otherwise none (offering someone's details for another person is worse than
  typing them). The UI may pass `person=` when it knows better, e.g. the ``subject`` when the
  person asks for their own certificate. Fields inside repeatable groups (other people) never are.
- **My Number is not kept** unless the person explicitly opts in (`Profile.keep_my_number`):
  it is the most sensitive item, needed by few procedures, and the card is at hand when it is.
  Opting out removes a stored number.
- Only answers that are valid now are learnt; the first field of a meaning wins.
- Sex is kept as the chosen option value and offered only to a field that has that option.

The profile is stored encrypted like the drafts, as the record ``profile`` in the drafts folder.
"""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from assistant.drafts.files import Records
from assistant.drafts.keys import KeySource, KeyUnavailableError
from assistant.drafts.rollback import Witness, witness_folder
from assistant.drafts.store import LOCKED, NOT_FOUND, OK, PROFILE_RECORD, RECOVERED, ROLLED_BACK, UNREADABLE, now
from assistant.i18n import _
from assistant.interview.parts import NAME_PARTS
from assistant.interview.session import FieldError
from assistant.interview.validation import field_label, read_field
from assistant.procedures import model as m
from assistant.procedures.conditions import is_answered
from assistant.procedures.model import APPLICANT

log = logging.getLogger(__name__)

MY_NUMBER = "my_number"
MEANINGS = ("name", "birth_date", "sex", "address", "phone", "email", MY_NUMBER)
FORMAT = 1


@dataclass(frozen=True)
class Profile:
    """The person's reusable details: meaning → raw answer."""

    values: dict[str, Any] = field(default_factory=dict)
    keep_my_number: bool = False
    updated: str = ""

    def get(self, meaning: str) -> Any:
        return self.values.get(meaning)

    def with_value(self, meaning: str, raw: Any) -> Profile:
        """A copy with `meaning` set; My Number only when `keep_my_number` is on (else ValueError)."""
        if meaning not in MEANINGS:
            raise ValueError(f"unknown meaning {meaning!r}")
        if meaning == MY_NUMBER and not self.keep_my_number:
            raise ValueError("My Number is kept only when the person chose to keep it")
        return replace(self, values={**self.values, meaning: copy.deepcopy(raw)})

    def without(self, meaning: str) -> Profile:
        return replace(self, values={k: v for k, v in self.values.items() if k != meaning})

    def keeping_my_number(self, keep: bool) -> Profile:
        """Opt in or out of keeping My Number; opting out removes a stored number."""
        profile = replace(self, keep_my_number=keep)
        return profile if keep else profile.without(MY_NUMBER)

    def to_json(self) -> dict[str, Any]:
        values = self.values if self.keep_my_number else {k: v for k, v in self.values.items() if k != MY_NUMBER}
        return {"format": FORMAT, "kind": "profile", "values": values, "keep_my_number": self.keep_my_number,
                "updated": self.updated}

    @classmethod
    def from_json(cls, data: Any) -> Profile:
        if not isinstance(data, dict) or data.get("kind") != "profile" or data.get("format") != FORMAT:
            raise ValueError("not a profile")
        values, keep = data["values"], data.get("keep_my_number") is True
        if not isinstance(values, dict):
            raise TypeError("profile values must be a mapping")
        values = {k: v for k, v in values.items() if k in MEANINGS and (k != MY_NUMBER or keep)}
        return cls(values, keep, str(data.get("updated", "")))


@dataclass(frozen=True)
class ProfileLoad:
    status: str                 # OK, RECOVERED, ROLLED_BACK, NOT_FOUND, UNREADABLE or LOCKED (as for drafts)
    profile: Profile | None = None

    @property
    def message(self) -> str:
        """What the person should be told ("" when all is well), in the current language."""
        if self.status == ROLLED_BACK:
            return _("Your saved details are not the latest: a newer save is missing (a file was deleted, or "
                     "an older copy of the drafts folder was put back). The older details are used; please "
                     "check them before they fill in a form.")
        return ""


class ProfileStore:
    """The profile, encrypted, beside the drafts (same folder, same key)."""

    def __init__(self, folder: Path, keys: KeySource, *, witness: Path | None = None) -> None:
        self._records = Records(Path(folder), keys.key)
        self._seen = Witness(witness or witness_folder(Path(folder)), keys.key)   # see `rollback`

    def load(self) -> ProfileLoad:
        """Never raises; NOT_FOUND when the person has not saved their details."""
        try:
            outcome = self._records.read(PROFILE_RECORD, Profile.from_json)
        except KeyUnavailableError:
            return ProfileLoad(LOCKED)
        except (OSError, ValueError) as error:
            log.warning("profile not loaded: %s", type(error).__name__)
            return ProfileLoad(UNREADABLE)
        if outcome.value is None:
            return ProfileLoad(UNREADABLE if outcome.found else NOT_FOUND)
        if self._seen.seen(PROFILE_RECORD) > max(self._records.generations(PROFILE_RECORD)[:1] or [0]):
            return ProfileLoad(ROLLED_BACK, outcome.value)
        return ProfileLoad(RECOVERED if outcome.damaged else OK, outcome.value)

    def save(self, profile: Profile) -> Profile:
        saved = replace(profile, updated=now())
        generation = self._records.write(PROFILE_RECORD, saved.to_json(), after=self._seen.seen(PROFILE_RECORD))
        self._seen.record(PROFILE_RECORD, generation)
        return saved

    def delete(self) -> int:
        """Remove every generation of the profile; returns the number of files removed."""
        removed = self._records.remove(PROFILE_RECORD)
        self._seen.forget(PROFILE_RECORD)
        return removed


def applicant_person(procedure: m.Procedure) -> str | None:
    """The id of the person the profile stands for in `procedure` (see the module's decisions)."""
    ids = [p.id for p in procedure.persons]
    if APPLICANT in ids:
        return APPLICANT
    return ids[0] if len(ids) == 1 else None


def _profile_fields(procedure: m.Procedure, person: str | None) -> dict[str, m.FieldDef]:
    """meaning → the first top-level field about `person` with that meaning."""
    person = person or applicant_person(procedure)
    fields: dict[str, m.FieldDef] = {}
    if person is None:
        return fields
    for step in procedure.steps:
        for item in step.fields:
            # only what the profile keeps: an insurance or residence card number is not a saved detail
            if item.person == person and item.meaning in MEANINGS and item.kind != "group":
                fields.setdefault(item.meaning, item)
    return fields


def _fitted(item: m.FieldDef, raw: Any) -> Any:
    """The stored raw answer shaped for this field, or None when it does not fit (its kind says how)."""
    from assistant.kinds import kind_of

    return kind_of(item).fitted(item, raw)


def _kept_form(item: m.FieldDef, raw: Any, old: Any) -> Any:
    kept = _fitted(item, raw)
    # A form without readings keeps the stored readings when the name itself is unchanged.
    if item.kind == "person_name" and not item.readings and isinstance(old, dict) \
            and all(old.get(p) == kept.get(p) for p in NAME_PARTS[:2]):
        kept = {**old, **kept}
    return kept


def prefill(procedure: m.Procedure, profile: Profile, *, answers: dict[str, Any] | None = None,
            person: str | None = None) -> dict[str, Any]:
    """field id → raw answer to offer from the profile (fields already answered are left alone).

    The UI shows these as prefilled ("from your saved details") and the person can change them.
    """
    offered: dict[str, Any] = {}
    for meaning, item in _profile_fields(procedure, person).items():
        if meaning == MY_NUMBER and not profile.keep_my_number:
            continue
        if answers and is_answered(answers.get(item.id)):
            continue
        raw = profile.get(meaning)
        fitted = None if raw is None else _fitted(item, raw)
        if fitted not in (None, "", {}):
            offered[item.id] = fitted
    return offered


def changes_from_answers(procedure: m.Procedure, answers: dict[str, Any], profile: Profile, *,
                         person: str | None = None) -> dict[str, Any]:
    """meaning → new raw answer, for valid applicant answers that differ from the profile.

    For the UI's "Update your saved details with these?" question.
    """
    changes: dict[str, Any] = {}
    for meaning, item in _profile_fields(procedure, person).items():
        if meaning == MY_NUMBER and not profile.keep_my_number:
            continue
        raw = answers.get(item.id)
        result = read_field(item, raw)
        if raw is None or result.value is None or not result.ok:
            continue
        kept = _kept_form(item, raw, profile.get(meaning))
        if kept != profile.get(meaning):
            changes[meaning] = kept
    return changes


def update_from_answers(procedure: m.Procedure, answers: dict[str, Any], profile: Profile, *,
                        person: str | None = None) -> Profile:
    """A copy of `profile` with every change from `changes_from_answers` applied."""
    updated = profile
    for meaning, raw in changes_from_answers(procedure, answers, profile, person=person).items():
        updated = updated.with_value(meaning, raw)
    return updated


# --- editing the profile itself -----------------------------------------------------------------

#: How each saved detail is asked for when the person edits it in "My saved details": the
#: official wording the forms use (procedures domain), hints and examples as in juminhyo_copy.
_PROFILE_FIELDS: dict[str, dict[str, Any]] = {
    "name": {"kind": "person_name", "label": "氏名", "readings": True,
             "hint": "本人確認書類と同じ名前を書いてください。フリガナはカタカナで書きます。",
             "example": "山田　太郎（ヤマダ　タロウ）"},
    "birth_date": {"kind": "date", "label": "生年月日", "not_after_today": True,
                   "hint": "和暦でも西暦でも書けます。", "example": "昭和45年3月1日"},
    "sex": {"kind": "choice", "label": "性別",
            "options": ({"value": "male", "label": "男"}, {"value": "female", "label": "女"})},
    "address": {"kind": "address", "label": "住所", "hint": "郵便番号を書くと、住所の一部が入ります。",
                "example": "〒100-0013 東京都千代田区霞が関2-1-2"},
    "phone": {"kind": "phone", "label": "電話番号", "hint": "昼間につながる番号を書いてください。",
              "example": "090-1234-5678"},
    "email": {"kind": "email", "label": "メールアドレス", "example": "taro.yamada@example.jp"},
    MY_NUMBER: {"kind": "my_number", "label": "個人番号",
                "hint": "マイナンバーカードか通知カードに書いてある12けたの番号です。",
                "example": "1234 5678 9018"},
}
_FIELD_CLASSES = {"person_name": m.PersonNameField, "date": m.DateField, "choice": m.ChoiceField,
                  "address": m.AddressField, "phone": m.PhoneField, "email": m.EmailField,
                  "my_number": m.MyNumberField}


def profile_field(meaning: str) -> m.FieldDef:
    """The question for one saved detail (id ``profile_<meaning>``), as the forms ask it: the same
    kind, official label, hint and example, so it is read and checked by the same rules."""
    if meaning not in MEANINGS:
        raise ValueError(f"unknown meaning {meaning!r}")
    spec = dict(_PROFILE_FIELDS[meaning])
    kind = spec.pop("kind")
    if kind == "choice":
        spec["options"] = tuple(m.Option(**option) for option in spec["options"])
    return _FIELD_CLASSES[kind](id=f"profile_{meaning}", kind=kind, person=APPLICANT, meaning=meaning, **spec)


def profile_texts() -> list[str]:
    """The official texts of the profile's questions, for the ``procedures`` translation catalog."""
    texts: list[str] = []
    for spec in _PROFILE_FIELDS.values():
        texts += [spec[key] for key in ("label", "hint") if spec.get(key)]
        texts += [option["label"] for option in spec.get("options", ())]
    return texts


def value_errors(meaning: str, raw: Any) -> list[FieldError]:
    """What is wrong with `raw` as the saved `meaning`, part by part, ready to show next to the
    question (empty when it can be saved). A detail is saved only when answered: removing one is
    a separate choice."""
    item = profile_field(meaning)
    result = read_field(item, raw)
    return [FieldError(item.id, part, problem.code, field_label(item, part), problem.message, problem.suggestion)
            for part, problem in result.problems]


def check_value(meaning: str, raw: Any) -> list[str]:
    """The translated problems with `raw` as the saved `meaning`; empty when it is valid."""
    return [error.message for error in value_errors(meaning, raw)]
