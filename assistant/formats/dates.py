"""Dates typed in the Western calendar or in a Japanese era (和暦), stored as ``YYYY-MM-DD``.

Accepted input (after NFKC, which is safe here: a date carries no name text): ``昭和45年3月1日``,
``昭和元年…``/``1年``/``01年``, ``S45.3.1``, ``R01.05.01``, ``令01.05.01``, ``㍼45年3月1日``,
``1970/3/1``, ``1970-03-01``, ``1970年3月1日``, ``1970.3.1``, ``19700301`` and the display form
``1970年(昭和45年)3月1日``. Era letters may be lower case; ``-`` may be typed as ``ー``.

Eras start on the days in domain-japan §2.2. Before 1873-01-01 (明治6年1月1日) Japan used the
lunisolar calendar, so 明治1–5年 cannot be converted by arithmetic: such era input is rejected
with code ``date.meiji_lunisolar`` (a Western date is still accepted), and dates before 1873 are
shown in the Western calendar only.
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from assistant.formats.result import EMPTY, Parsed, Problem, invalid
from assistant.i18n import N_, _


@dataclass(frozen=True)
class _Era:
    kanji: str
    letter: str
    start: datetime.date
    offset: int  # Western year = era year + offset
    name: str  # English name, translated where shown
    began: str  # message when a date falls before the era began
    ended: str  # message when a date falls after the era ended


ERAS = (
    _Era("明治", "M", datetime.date(1868, 1, 25), 1867, N_("Meiji"), "",
         N_("The Meiji era ended on 29 July 1912, so this date is in {era}. "
            "Enter it in that era, e.g. {suggestion}.")),
    _Era("大正", "T", datetime.date(1912, 7, 30), 1911, N_("Taisho"),
         N_("The Taisho era began on 30 July 1912, so this date is in {era}. "
            "Enter it in that era, e.g. {suggestion}."),
         N_("The Taisho era ended on 24 December 1926, so this date is in {era}. "
            "Enter it in that era, e.g. {suggestion}.")),
    _Era("昭和", "S", datetime.date(1926, 12, 25), 1925, N_("Showa"),
         N_("The Showa era began on 25 December 1926, so this date is in {era}. "
            "Enter it in that era, e.g. {suggestion}."),
         N_("The Showa era ended on 7 January 1989, so this date is in {era}. "
            "Enter it in that era, e.g. {suggestion}.")),
    _Era("平成", "H", datetime.date(1989, 1, 8), 1988, N_("Heisei"),
         N_("The Heisei era began on 8 January 1989, so this date is in {era}. "
            "Enter it in that era, e.g. {suggestion}."),
         N_("The Heisei era ended on 30 April 2019, so this date is in {era}. "
            "Enter it in that era, e.g. {suggestion}.")),
    _Era("令和", "R", datetime.date(2019, 5, 1), 2018, N_("Reiwa"),
         N_("The Reiwa era began on 1 May 2019, so this date is in {era}. "
            "Enter it in that era, e.g. {suggestion}."), ""),
)
#: First day of the Gregorian calendar in Japan (明治6年1月1日).
GREGORIAN_FROM = datetime.date(1873, 1, 1)

_ERA_BY_TOKEN = {token: era for era in ERAS for token in (era.kanji, era.kanji[0], era.letter)}
_ERA = r"(?P<era>明治|大正|昭和|平成|令和|[明大昭平令MTSHR])"
_MD = r"(?P<m>\d{1,2})(?:月|[./-])(?P<d>\d{1,2})日?"
_ERA_FORM = re.compile(_ERA + r"(?P<y>元|\d{1,2})(?:年|[./-])" + _MD, re.IGNORECASE)
_WESTERN_FORM = re.compile(r"(?P<y>\d{4})(?:年|[./-])" + _MD)
_COMPACT_FORM = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})")
_BOTH_FORM = re.compile(r"(?P<wy>\d{4})年\(" + _ERA + r"(?P<y>元|\d{1,2})年\)" + _MD, re.IGNORECASE)
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
# Dashes people use as date separators; NFKC leaves these alone.
_DASHES = str.maketrans(dict.fromkeys("ー‐‑‒–—―−", "-"))


def parse_date(text: str, *, today: datetime.date | None = None) -> Parsed:
    """Parse a date typed in the Western calendar or a Japanese era.

    The value is ISO ``YYYY-MM-DD``. A date after `today` (default: the real today) is accepted
    with the notice ``date.future``; fields where a future date is normal ignore that code.
    Problems: ``date.format``, ``date.invalid``, ``date.era_range`` (with a suggestion in the
    right era), ``date.meiji_lunisolar`` and ``date.year_mismatch``.
    """
    compact = _normalise(text)
    if not compact:
        return EMPTY
    if match := _BOTH_FORM.fullmatch(compact):
        return _from_both(match, today)
    if match := _ERA_FORM.fullmatch(compact):
        return _from_era(match, today)
    if match := _WESTERN_FORM.fullmatch(compact) or _COMPACT_FORM.fullmatch(compact):
        return _from_western(match, today)
    return invalid("date.format", _format_message())


def display_date(iso: str) -> str:
    """Show an ISO date in both calendars: ``1970年(昭和45年)3月1日``, ``2019年(令和元年)5月1日``.

    Dates before 1873 are shown in the Western calendar only; text that is not an ISO date is
    returned unchanged, so a bad stored value is still visible.
    """
    return _shown(iso, "{western}年({era}{year}年){month}月{day}日")


def era_date(iso: str) -> str:
    """Show an ISO date in its era: ``昭和45年3月1日``, ``令和元年5月1日``.

    Dates before 1873 are shown in the Western calendar; non-ISO text is returned unchanged.
    """
    return _shown(iso, "{era}{year}年{month}月{day}日")


def _shown(iso: str, pattern: str) -> str:
    # Before 1873 (lunisolar Meiji) only the Western date; text that is not ISO stays visible as is.
    day = _from_iso(iso)
    if day is None:
        return iso
    if day < GREGORIAN_FROM:
        return f"{day.year}年{day.month}月{day.day}日"
    era, year = _era_of(day)
    return pattern.format(western=day.year, era=era.kanji, year=_year_text(year), month=day.month, day=day.day)


def is_future(iso: str, today: datetime.date | None = None) -> bool:
    """True when the ISO date `iso` is after `today` (default: the real today); False if not ISO."""
    day = _from_iso(iso)
    return day is not None and day > (today or datetime.date.today())


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_DASHES)
    return "".join(text.split())


def _from_iso(iso: str) -> datetime.date | None:
    if not isinstance(iso, str) or not _ISO.fullmatch(iso):
        return None
    try:
        return datetime.date.fromisoformat(iso)
    except ValueError:
        return None


def _era_of(day: datetime.date) -> tuple[_Era, int]:
    era = next(e for e in reversed(ERAS) if e.start <= day)
    return era, day.year - era.offset


def _year_text(year: int) -> str:
    # Forms and certificates write the first year of an era as 元年, never 1年.
    return "元" if year == 1 else str(year)


def _era_year(token: str) -> int:
    return 1 if token == "元" else int(token)


def _from_western(match: re.Match[str], today: datetime.date | None) -> Parsed:
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    if year == 0:
        return invalid("date.format", _format_message())
    checked = _build(year, month, day, example=_iso_example)
    return checked if isinstance(checked, Parsed) else _accepted(checked, today)


def _from_era(match: re.Match[str], today: datetime.date | None) -> Parsed:
    era = _ERA_BY_TOKEN[match["era"].upper() if match["era"].isascii() else match["era"]]
    year = _era_year(match["y"])
    if year == 0:
        return invalid("date.invalid", _(
            "There is no year 0 in an era: the first year is written 元年 (or 1年). "
            "Check the year, e.g. 令和元年5月1日."))
    if era.kanji == "明治" and year <= 5:
        return invalid("date.meiji_lunisolar", _(
            "Before 1873 (Meiji 6) Japan used the lunisolar calendar, so dates in Meiji 1 to 5 "
            "cannot be converted exactly. Enter the date in the Western calendar, "
            "e.g. 1870-05-01."))
    checked = _build(year + era.offset, int(match["m"]), int(match["d"]), example=era_date)
    if isinstance(checked, Parsed):
        return checked
    return _outside_era(era, checked) or _accepted(checked, today)


def _from_both(match: re.Match[str], today: datetime.date | None) -> Parsed:
    era = _ERA_BY_TOKEN[match["era"].upper() if match["era"].isascii() else match["era"]]
    western, year = int(match["wy"]), _era_year(match["y"])
    if western != year + era.offset:
        return invalid("date.year_mismatch", _(
            "The Western year {western} and the era year {era_year} do not match. "
            "Enter the date in one calendar only, e.g. 1970年3月1日 or 昭和45年3月1日."
        ).format(western=western, era_year=f"{era.kanji}{_year_text(year)}年"))
    return _from_era(match, today)


def _build(year: int, month: int, day: int, *,
           example: Callable[[str], str]) -> datetime.date | Parsed:
    """The date, or a ``date.invalid`` problem whose example uses `example` to show a date."""
    if not 1 <= month <= 12:
        return invalid("date.invalid", _(
            "There is no month {month}: months run from 1 to 12. Check the month, e.g. {example}."
        ).format(month=month, example=example(f"{year:04d}-12-01")))
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        last = f"{year:04d}-{month:02d}-{days:02d}"
        return invalid("date.invalid", _(
            "There is no day {day} in month {month} of {year}: that month has {days} days. "
            "Check the day, e.g. {example}."
        ).format(day=day, month=month, year=year, days=days, example=example(last)))
    return datetime.date(year, month, day)


def _iso_example(iso: str) -> str:
    return iso


def _outside_era(era: _Era, day: datetime.date) -> Parsed | None:
    """A ``date.era_range`` problem when `day` is not within `era`, suggesting the right era."""
    index = ERAS.index(era)
    following = ERAS[index + 1] if index + 1 < len(ERAS) else None
    if day < era.start:
        template = era.began
    elif following and day >= following.start:
        template = era.ended
    else:
        return None
    suggestion = era_date(day.isoformat())
    # An era's neighbours all lie after 1873, so the right era is always defined.
    message = _(template).format(era=_(_era_of(day)[0].name), suggestion=suggestion)
    return Parsed(problem=Problem("date.era_range", message, suggestion))


def _accepted(day: datetime.date, today: datetime.date | None) -> Parsed:
    iso = day.isoformat()
    notice = None
    if day > (today or datetime.date.today()):
        notice = Problem("date.future", _(
            "{date} is in the future. That is right for a planned date; for a past date, "
            "such as a date of birth, check the year, e.g. 1970年3月1日."
        ).format(date=display_date(iso)))
    return Parsed(value=iso, display=display_date(iso), notice=notice)


def _format_message() -> str:
    return _("The date could not be read. Enter the year, month and day, "
             "e.g. 昭和45年3月1日 or 1970-03-01.")
