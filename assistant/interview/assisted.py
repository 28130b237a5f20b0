"""Who is at the keyboard: the resident, a family member, a representative (代理人) or a support
volunteer, and the resident's consent to being helped.

This is *who types*, not the legal relationship printed on the form (a volunteer types for a
resident who still applies as 本人). It is kept in the draft (`Draft.filled_by`) and written into
the exported package, so the counter can see who helped.

The consent statement is shown — and can be read aloud — in the *resident's* language, which may
differ from the interface language the volunteer works in.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any

from assistant.i18n import LANGUAGES, N_, _, current_language, translate

SELF, FAMILY, PROXY, VOLUNTEER = "self", "family", "proxy", "volunteer"
ROLES = (SELF, FAMILY, PROXY, VOLUNTEER)
#: roles where someone other than the resident types: their name is recorded and consent asked
HELPED = (FAMILY, PROXY, VOLUNTEER)

ROLE_LABELS = {
    SELF: N_("I am filling this in for myself (本人)"),
    FAMILY: N_("A family member is filling it in (家族)"),
    PROXY: N_("A representative applies on the resident's behalf (代理人)"),
    VOLUNTEER: N_("A support volunteer is helping (支援員・ボランティア)"),
}

_CONSENT = {
    FAMILY: N_("{helper} is helping you fill in this form. {helper} types what you say. Your answers stay "
               "on this computer, encrypted. Before the form is made you check every answer, and you sign "
               "the form yourself. Do you agree to this help?"),
    PROXY: N_("{helper} will apply for you as your representative (代理人). The form is made with your "
              "details, and a power of attorney (委任状) is made for you to read and sign. Sign it only if "
              "you want {helper} to apply for you. Your answers stay on this computer, encrypted. Do you "
              "agree?"),
    VOLUNTEER: N_("{helper} of {organisation} is helping you fill in this form as a support volunteer. "
                  "{helper} types what you say and does not keep your details. Your answers stay on this "
                  "computer, encrypted, and are erased when the session ends. You check every answer and "
                  "sign the form yourself. Do you agree to this help?"),
}


@dataclass(frozen=True)
class Assistance:
    """Who fills in, as recorded in the draft and the exported package (plain data)."""

    role: str = SELF
    helper_name: str = ""
    helper_organisation: str = ""
    consent_language: str = ""   # the language the resident read the statement in
    consent_at: str = ""         # ISO 8601 UTC time the resident agreed; "" when not asked or not yet

    @property
    def helped(self) -> bool:
        return self.role in HELPED

    @property
    def consented(self) -> bool:
        return not self.helped or bool(self.consent_at)

    def agreed(self, language: str, when: datetime | None = None) -> Assistance:
        """A copy recording that the resident agreed, having read the statement in `language`."""
        moment = (when or datetime.now(timezone.utc)).astimezone(timezone.utc)
        return Assistance(self.role, self.helper_name, self.helper_organisation, language,
                          moment.isoformat(timespec="seconds"))

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Any) -> Assistance:
        """Anything unreadable gives the resident filling in alone (never an error)."""
        if not isinstance(data, dict) or data.get("role") not in ROLES:
            return cls()
        text = {key: data.get(key) if isinstance(data.get(key), str) else ""
                for key in ("helper_name", "helper_organisation", "consent_language", "consent_at")}
        return cls(data["role"], **text)


def problems(assistance: Assistance) -> dict[str, str]:
    """What must be filled in before going on, by field ("helper_name", "helper_organisation"),
    translated, each saying what is wrong, how to fix it and an example."""
    found = {}
    if assistance.helped and not assistance.helper_name.strip():
        found["helper_name"] = _("Enter the name of the person helping, as they will sign it. Example: 山田 花子")
    if assistance.role == VOLUNTEER and not assistance.helper_organisation.strip():
        found["helper_organisation"] = _("Enter the organisation the volunteer helps for. "
                                         "Example: 中央コミュニティセンター デジタル支援窓口")
    return found


def consent_statement(assistance: Assistance, language: str | None = None) -> str:
    """The statement the resident agrees to, in `language` (default: the interface language);
    "" for a resident filling in alone."""
    if not assistance.helped:
        return ""
    language = language if language in LANGUAGES else current_language()
    helper = assistance.helper_name.strip() or translate(N_("the helper"), language)
    organisation = assistance.helper_organisation.strip() or translate(N_("their organisation"), language)
    return translate(_CONSENT[assistance.role], language).format(helper=helper, organisation=organisation)


#: who typed, as printed on the form (official documents are in Japanese, never translated)
PRINTED_ROLES = {SELF: "本人", FAMILY: "家族", PROXY: "代理人", VOLUNTEER: "支援員・ボランティア"}


def printed_helper(assistance: Assistance | None) -> str:
    """The line printed at the foot of the form when someone helped, e.g.
    「記入支援：中央コミュニティセンター 山田 花子（支援員・ボランティア）」; "" when nobody did."""
    if assistance is None or not assistance.helped:
        return ""
    who = " ".join(part for part in (assistance.helper_organisation.strip(), assistance.helper_name.strip()) if part)
    return f"記入支援：{who}（{PRINTED_ROLES[assistance.role]}）" if who else f"記入支援：{PRINTED_ROLES[assistance.role]}"


def filled_by(assistance: Assistance | None) -> dict[str, Any] | None:
    """What the exported record says about who helped (role, helper, consent), or None when the
    resident filled in alone."""
    if assistance is None or not assistance.helped:
        return None
    return {"role": assistance.role, "helper_name": assistance.helper_name.strip(),
            "helper_organisation": assistance.helper_organisation.strip(),
            "consent_language": assistance.consent_language, "consent_at": assistance.consent_at}
