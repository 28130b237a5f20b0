"""What a procedure's notices (`notices:` in its definition) say, and where.

A notice is data like any condition: 罹災証明書 for fire damage is issued by the fire station, not by
the municipality (`leave: true`, `go_to`); a 転出届 can be given online with a マイナンバーカード.
The session says which notices hold (`Session.notices`, `Session.leaving`); this module gives
their texts, each in the person's language with the official Japanese beside it, to the step page
(under the step's purpose), read-aloud, the done page and the person's copy ("where to go"), and
the JSON record. The form itself says a `leave` notice at its top (export/pdf.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant.i18n import N_, bilingual, current_language, translate

if TYPE_CHECKING:
    from assistant.interview.session import Session
    from assistant.procedures import model as m

# i18n: the done page and the person's copy; {office} is where the procedure's form is handed in.
WHERE = N_("Where to go: {office}")
# i18n: the done page and the person's copy when the answers show this form is not the right one
# (罹災証明書 for fire damage); {office} is where to go instead, e.g. the fire station.
WHERE_INSTEAD = N_("Where to go instead: {office}")


def notice_texts(notices: list[m.Notice], language: str | None = None) -> list[str]:
    """Each notice in `language` (default: the interface's) with the official Japanese beside it."""
    return [bilingual(notice.text, language) for notice in notices]


def step_intro(session: Session, step: m.Step, language: str | None = None) -> str:
    """What the step page shows under the title: why the step is asked, then the notices its page
    says (転出届's first step: the online 引越しワンストップサービス), one paragraph each."""
    return "\n".join([bilingual(step.purpose, language), *notice_texts(session.notices(step), language)])


def where_lines(session: Session, language: str | None = None) -> list[str]:
    """Where to go — the procedure's office, or where a `leave` notice sends the person instead —
    then every notice that holds for the answers."""
    language = language or current_language()
    leaving = session.leaving()
    if leaving is not None:
        first = translate(WHERE_INSTEAD, language).format(office=bilingual(leaving.go_to, language))
    else:
        first = translate(WHERE, language).format(office=bilingual(session.procedure.office.name, language))
    return [first, *notice_texts(session.notices(), language)]


def notice_record(session: Session) -> list[dict[str, Any]]:
    """The notices that hold, for the JSON (official Japanese): id, text, and for a `leave` notice
    `"leave": true` and where to go instead."""
    return [{"id": n.id, "text": n.text, **({"leave": True, "go_to": n.go_to} if n.leave else {})}
            for n in session.notices()]
