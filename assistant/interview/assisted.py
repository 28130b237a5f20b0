"""Two people at one screen: who will apply (and sign) and who is typing — separate answers.

- *Who applies* (`Assistance.applicant`): the resident themselves, someone of the same household,
  or a representative (代理人). It is the legal relationship printed on the form; it carries into
  the procedure's own relationship question (`procedure_answers`).
- *Who types* (`Assistance.role`): the resident, a family member or a support volunteer. The
  helper who types is recorded in the form's footer and the exported JSON (`filled_by`).

The resident agrees on screen only when they are there (`asks_consent`); when a representative
applies for a resident who is not there, the 委任状 the resident signs is their consent. The consent
statement is shown — and can be read aloud — in the *resident's* language, which may differ from
the interface language the volunteer works in. Every sentence is a whole translatable sentence.

Drafts written before the two roles existed had one `role` among self/family/proxy/volunteer;
`Assistance.from_json` reads them (a representative who typed becomes a family member typing for
a representative's application).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import datetime, timezone
from typing import Any

from assistant.i18n import LANGUAGES, N_, _, current_language, translate
from assistant.procedures import model as m

SELF, FAMILY, VOLUNTEER = "self", "family", "volunteer"
HOUSEHOLD, PROXY = "household", "proxy"
#: who types
ROLES = (SELF, FAMILY, VOLUNTEER)
#: who applies and signs (the values of the procedures' `who_may_apply` roles)
APPLICANTS = (SELF, HOUSEHOLD, PROXY)
#: roles where someone other than the resident types: their name is recorded
HELPED = (FAMILY, VOLUNTEER)

ROLE_LABELS = {
    SELF: N_("The resident types (本人)"),
    FAMILY: N_("A family member types (家族)"),
    VOLUNTEER: N_("A support volunteer types (支援員・ボランティア)"),
}
APPLICANT_LABELS = {
    SELF: N_("The resident applies and signs (本人)"),
    HOUSEHOLD: N_("Someone of the same household applies (同一世帯の方)"),
    PROXY: N_("A representative applies for the resident (代理人)"),
}

# Whole sentences: a name that is not typed yet gets its own wording, never a stand-in word.
_TYPIST = {
    (FAMILY, True, False): N_("{helper}, a family member, is helping you fill in this form and types what you say."),
    (FAMILY, False, False): N_("A family member is helping you fill in this form and types what you say."),
    (VOLUNTEER, True, True): N_("{helper} of {organisation} is helping you fill in this form as a support "
                                "volunteer. {helper} types what you say and does not keep your details."),
    (VOLUNTEER, True, False): N_("{helper} is helping you fill in this form as a support volunteer. {helper} "
                                 "types what you say and does not keep your details."),
    (VOLUNTEER, False, True): N_("A support volunteer of {organisation} is helping you fill in this form. The "
                                 "volunteer types what you say and does not keep your details."),
    (VOLUNTEER, False, False): N_("A support volunteer is helping you fill in this form. The volunteer types "
                                  "what you say and does not keep your details."),
}
_APPLIES = {
    SELF: N_("You check every answer, and you sign the form yourself."),
    HOUSEHOLD: N_("You check every answer. Someone of your household applies for you and signs the form."),
    PROXY: N_("You check every answer. A representative (代理人) applies for you: a power of attorney (委任状) "
              "is made for you to read and sign. Sign it only if you want this person to apply for you."),
}
_KEPT = N_("Your answers stay on this computer, encrypted.")
_QUESTION = N_("Do you agree to this help?")
_ABSENT = {
    PROXY: N_("The resident is not here, so nobody agrees on screen: the power of attorney (委任状) that the "
              "resident reads and signs is their consent. It is made with the form."),
    HOUSEHOLD: N_("The resident is not here, so nobody agrees on screen. Someone of the same household applies "
                  "and signs the form."),
}


@dataclass(frozen=True)
class Assistance:
    """Who applies and who types, as recorded in the draft and the exported package (plain data)."""

    role: str = SELF             # who types
    helper_name: str = ""
    helper_organisation: str = ""
    consent_language: str = ""   # the language the resident read the statement in
    consent_at: str = ""         # ISO 8601 UTC time the resident agreed; "" when not asked or not yet
    applicant: str = SELF        # who applies and signs
    resident_present: bool = True

    @property
    def helped(self) -> bool:
        """Someone other than the resident types."""
        return self.role in HELPED

    @property
    def represented(self) -> bool:
        """Someone other than the resident applies."""
        return self.applicant != SELF

    @property
    def asks_consent(self) -> bool:
        """The resident is at the screen and someone else types for them."""
        return self.helped and (self.resident_present or not self.represented)

    @property
    def consented(self) -> bool:
        return not self.asks_consent or bool(self.consent_at)

    def agreed(self, language: str, when: datetime | None = None) -> Assistance:
        """A copy recording that the resident agreed, having read the statement in `language`."""
        moment = (when or datetime.now(timezone.utc)).astimezone(timezone.utc)
        return replace(self, consent_language=language, consent_at=moment.isoformat(timespec="seconds"))

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Any) -> Assistance:
        """Anything unreadable gives the resident applying and typing alone (never an error);
        a draft with the single role of earlier versions is read into the two roles."""
        if not isinstance(data, dict):
            return cls()
        text = {key: data.get(key) if isinstance(data.get(key), str) else ""
                for key in ("helper_name", "helper_organisation", "consent_language", "consent_at")}
        role = data.get("role")
        if "applicant" not in data:          # one role, before "who applies" was asked apart
            if role == PROXY:                # the representative typed, with the resident there
                return cls(FAMILY, **text, applicant=PROXY, resident_present=True)
            return cls(role, **text) if role in ROLES else cls()
        applicant = data["applicant"] if data["applicant"] in APPLICANTS else SELF
        present = data.get("resident_present")
        present = present if isinstance(present, bool) else True
        return cls(role if role in ROLES else SELF, **text, applicant=applicant,
                   resident_present=present or applicant == SELF)


def problems(assistance: Assistance) -> dict[str, str]:
    """What must be filled in before going on, by field ("helper_name", "helper_organisation"),
    translated, each saying what is wrong, how to fix it and an example."""
    found = {}
    if assistance.helped and not assistance.helper_name.strip():
        found["helper_name"] = _("Enter the name of the person typing, as they will sign it. Example: 山田 花子")
    if assistance.role == VOLUNTEER and not assistance.helper_organisation.strip():
        found["helper_organisation"] = _("Enter the organisation the volunteer helps for. "
                                         "Example: 中央コミュニティセンター デジタル支援窓口")
    return found


def consent_statement(assistance: Assistance, language: str | None = None) -> str:
    """The statement the resident agrees to, in `language` (default: the interface language), one
    sentence group a line; "" when nobody is asked to agree on screen."""
    if not assistance.asks_consent:
        return ""
    language = language if language in LANGUAGES else current_language()
    helper, organisation = assistance.helper_name.strip(), assistance.helper_organisation.strip()
    typist = _TYPIST[(assistance.role, bool(helper), bool(organisation) and assistance.role == VOLUNTEER)]
    lines = [typist, _APPLIES[assistance.applicant], _KEPT, _QUESTION]
    return "\n".join(translate(line, language).format(helper=helper, organisation=organisation) for line in lines)


def absent_note(assistance: Assistance) -> str:
    """Why nobody agrees on screen when the resident is not there (translated), else ""."""
    if not assistance.represented or assistance.resident_present:
        return ""
    return _(_ABSENT[assistance.applicant])


def relationship_field(procedure: m.Procedure) -> m.ChoiceField | None:
    """The procedure's own question "who applies" (a choice whose options are its applicant
    roles, e.g. 住民票's 対象者との関係), or None."""
    roles = {rule.role for rule in procedure.who_may_apply}
    for field in procedure.all_fields():
        if isinstance(field, m.ChoiceField) and roles and roles <= {o.value for o in field.options}:
            return field
    return None


def procedure_answers(procedure: m.Procedure, assistance: Assistance) -> dict[str, Any]:
    """field id → raw answer the procedure gets from "who applies", so its first step does not
    ask again (the page says where the answer came from)."""
    field = relationship_field(procedure)
    if field is None or assistance.applicant not in {o.value for o in field.options}:
        return {}
    return {field.id: assistance.applicant}


#: who typed, as printed on the form (official documents are in Japanese, never translated)
PRINTED_ROLES = {SELF: "本人", FAMILY: "家族", VOLUNTEER: "支援員・ボランティア"}


def printed_helper(assistance: Assistance | None) -> str:
    """The line printed at the foot of the form when someone typed for the resident, e.g.
    「記入支援：中央コミュニティセンター 山田 花子（支援員・ボランティア）」; "" when nobody did."""
    if assistance is None or not assistance.helped:
        return ""
    who = " ".join(part for part in (assistance.helper_organisation.strip(), assistance.helper_name.strip()) if part)
    return f"記入支援：{who}（{PRINTED_ROLES[assistance.role]}）" if who else f"記入支援：{PRINTED_ROLES[assistance.role]}"


def filled_by(assistance: Assistance | None) -> dict[str, Any] | None:
    """What the exported record says about who typed and who applies (role, helper, consent,
    applicant), or None when the resident applied and typed alone."""
    if assistance is None or not (assistance.helped or assistance.represented):
        return None
    return {"role": assistance.role, "helper_name": assistance.helper_name.strip(),
            "helper_organisation": assistance.helper_organisation.strip(), "applicant": assistance.applicant,
            "resident_present": assistance.resident_present,
            "consent_language": assistance.consent_language, "consent_at": assistance.consent_at}
