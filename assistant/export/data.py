"""The machine-readable record of a finished interview (exported as JSON)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from assistant import __version__
from assistant.export.imi import persons
from assistant.interview.applicant import applicant_record
from assistant.interview.assisted import Assistance, filled_by
from assistant.interview.record import Record
from assistant.interview.checklist import omitted_record
from assistant.interview.deadlines import deadline_record
from assistant.interview.notices import notice_record
from assistant.interview.session import Session

FORMAT = "tetsuzuki-submission/1"


def build_record(session: Session, created: dt.datetime, assistance: Assistance | None = None,
                 record: Record | None = None) -> dict[str, Any]:
    """Procedure id and version, normalised answers that apply, attachments to bring, those left
    out with why ("omitted_attachments"), the deadlines with their last day, the procedure's notices
that hold ("notices": e.g. fire damage goes to the fire station), creation time, and the
    people on the form in the IMI core vocabulary (JSON-LD) under "imi".

    When someone helped fill in, "filled_by" says who (role, helper's name and organisation) and
    when the resident agreed, in which language (assisted.filled_by). The answers are read from
    `record` (made from `session` when not given)."""
    procedure = session.procedure
    answers = record or Record.of(session)
    record = {
        "format": FORMAT,
        "generator": f"tetsuzuki-assistant {__version__}",
        "procedure": {"id": procedure.id, "version": procedure.version, "title": procedure.title},
        "created": created.isoformat(timespec="seconds"),
        "answers": answers.answers(),
        "attachments": [{"id": a.id, "label": a.label} for a in session.needed_attachments()],
        "imi": persons(answers),
    }
    # what this person need not bring and why; the deadlines with their last day (checklist.py, deadlines.py)
    record["omitted_attachments"] = omitted_record(session.checklist())
    record["deadlines"] = deadline_record(session.due_dates())
    # what the person was told before filling in; "leave": this form is not the right one (notices.py)
    record["notices"] = notice_record(session)
    applicant = applicant_record(session)   # who applies, and its note (e.g. what is mailed instead)
    if applicant is not None:
        record["applicant"] = applicant
    helper = filled_by(assistance)
    if helper is not None:
        record["filled_by"] = helper
    return record
