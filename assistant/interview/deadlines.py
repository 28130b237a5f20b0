"""Deadlines computed from the answers: due date, days left or passed, and what missing it means.

A definition's `deadlines:` (model.Deadline) count from the answer to a date question, e.g. 15 days
from a birth. The due date is that date plus `years`, `months` and `days`, added in that order; a
month end is kept within its month (1月31日 + 1か月 = 2月28日, or 29日 in a leap year). This is
民法第140条・第143条 for a period counted from the day after the event (初日不算入): "出生日の翌日から
15日以内" ends on the birth date + 15 days, "死亡日の翌日から2年" on the same date two years on. The
rule that a period ending on a holiday runs to the next working day (民法第142条) is left to the
office: the date shown is never later than the real one.

python-dateutil's relativedelta does the same arithmetic, but is not a dependency of the project;
`add_period` is the few lines it needs (tests/core/test_deadlines.py checks month ends and leap
years).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any

from babel.dates import format_date, format_timedelta

from assistant.formats.dates import display_date, era_date
from assistant.i18n import N_, SOURCE_LANGUAGE, babel_locale, current_language, translate
from assistant.interview.checklist import procedure_text
from assistant.procedures import model as m

# i18n: a deadline ({deadline}, the procedure's rule) with its date still to come; {date} in the western and
# Japanese calendars, {left} e.g. "in 15 days" (already in the person's language); {date} is the last day and
# is included: say "at the latest on", never "before".
DUE = N_("{deadline}: by {date} — {left}.")
# i18n: a deadline ({deadline}) whose last day ({date}) is today; {date} is included: say "at the latest
# on", not "before".
DUE_TODAY = N_("{deadline}: by {date} — that is today.")
# i18n: a deadline ({deadline}) whose last day ({date}) is already over.
PASSED = N_("{deadline}: the last day was {date}; it has passed.")
# i18n: under a deadline: what happens when it is missed ({note}, a sentence of the procedure).
IF_MISSED = N_("If it is missed: {note}")
# i18n: under a deadline that has passed, when the procedure says nothing about what that means.
ASK_OFFICE = N_("Ask the office what can still be done.")


def add_period(day: dt.date, *, years: int = 0, months: int = 0, days: int = 0) -> dt.date:
    """`day` plus whole years and months (the day kept within the month: 31 → 28/29/30), then days."""
    month_index = day.year * 12 + (day.month - 1) + years * 12 + months
    year, month = divmod(month_index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last)) + dt.timedelta(days=days)


@dataclass(frozen=True)
class DueDate:
    """One deadline that applies to this case; `due` is None when there is no date to count from."""

    deadline: m.Deadline
    due: dt.date | None

    def days_left(self, today: dt.date) -> int | None:
        """Days from `today` to the last day (0: today, negative: passed); None without a date."""
        return None if self.due is None else (self.due - today).days


def due_dates(procedure: m.Procedure, value: Any) -> list[DueDate]:
    """The deadlines of `procedure` whose `when` holds for the answers read by `value`, in file order."""
    found = []
    for deadline in procedure.deadlines:
        if deadline.when is not None and not deadline.when.holds(value):
            continue
        start = _date(value(deadline.from_field)) if deadline.from_field else None
        due = None if start is None else add_period(start, years=deadline.years, months=deadline.months,
                                                    days=deadline.days)
        found.append(DueDate(deadline, due))
    return found


def _date(answer: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(answer) if isinstance(answer, str) else None
    except ValueError:
        return None


def shown_date(day: dt.date, language: str) -> str:
    """A date in the western and Japanese calendars: 「2026年(令和8年)12月19日」, "19 December 2026 (令和8年12月19日)"."""
    iso = day.isoformat()
    if language == SOURCE_LANGUAGE["procedures"]:
        return display_date(iso)
    return f"{format_date(day, format='long', locale=babel_locale(language))} ({era_date(iso)})"


def deadline_texts(items: list[DueDate], today: dt.date, language: str | None = None, *,
                   beside: bool = True) -> list[str]:
    """Each deadline of this case in `language`: the rule with the official Japanese beside it (not
    with `beside=False`, for reading aloud), the last day, how many days are left or that it has
    passed, and what missing it means."""
    language = language or current_language()
    shown = procedure_text(language, beside)
    texts = []
    for item in items:
        rule, note = shown(item.deadline.label), shown(item.deadline.note)
        left = item.days_left(today)
        if left is None:
            text = rule
        elif left < 0:
            text = translate(PASSED, language).format(deadline=rule, date=shown_date(item.due, language))
            text += "\n" + (note or translate(ASK_OFFICE, language))
            texts.append(text)
            continue
        elif left == 0:
            text = translate(DUE_TODAY, language).format(deadline=rule, date=shown_date(item.due, language))
        else:
            text = translate(DUE, language).format(deadline=rule, date=shown_date(item.due, language),
                                                   left=_in_days(left, language))
        if note:
            text += "\n" + translate(IF_MISSED, language).format(note=note)
        texts.append(text)
    return texts


def _in_days(days: int, language: str) -> str:
    # CLDR's words ("in 15 days", 「15 日後」), counted in days however many: a huge threshold keeps
    # Babel from rounding to months.
    return format_timedelta(dt.timedelta(days=days), granularity="day", threshold=10**9, add_direction=True,
                            locale=babel_locale(language))


def deadline_record(items: list[DueDate]) -> list[dict[str, Any]]:
    """The deadlines of this case for the JSON: id, rule, last day (ISO, or null), basis and note."""
    return [{"id": d.deadline.id, "label": d.deadline.label, "due": d.due.isoformat() if d.due else None,
             "basis": d.deadline.basis, "note": d.deadline.note} for d in items]
