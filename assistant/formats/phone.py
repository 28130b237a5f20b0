"""Japanese phone numbers, stored and shown hyphenated as in DS-445 (``03-5253-2111``).

Landlines have 10 digits: ``0`` + area code + local code (5 digits together) + 4 subscriber digits;
the local code starts with 2–9, so the popular dummy ``03-1234-5678`` is invalid. The split uses
:data:`AREA_CODES`, a built-in list of the common area codes (domain-japan §2.6), not the full
総務省 table. For a code not in the list the split is guessed (0ABC, else 0AB), and when a listed
0AB code is followed by 0 or 1 the number is taken to belong to a longer, unlisted code (e.g.
0920 壱岐 under 092): such numbers are accepted, and only their hyphens may be misplaced. Numbers
under :data:`STRICT` codes and the listed 4- and 5-digit codes are checked strictly. Numbers of
the 1-digit code 04 (所沢 04-2xxx, 柏 04-7xxx) are valid but shown split as 042-/047-.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.formats.result import EMPTY, Parsed, invalid
from assistant.i18n import _

#: Area codes (with the leading 0) whose length is known. 03 and 06 are the only 1-digit codes.
AREA_CODES = frozenset((
    "03", "06",
    "011", "017", "018", "019", "022", "023", "024", "025", "026", "027", "028", "029",
    "042", "043", "044", "045", "046", "047", "048", "049", "052", "053", "054", "055", "058",
    "059", "072", "073", "075", "076", "077", "078", "079", "082", "083", "084", "086", "087",
    "088", "089", "092", "093", "095", "096", "097", "098", "099",
    "0138", "0154", "0155", "0166", "0172", "0178", "0242", "0246", "0258", "0263", "0266",
    "0276", "0294", "0422", "0428", "0460", "0463", "0465", "0466", "0532", "0545", "0557",
    "0564", "0565", "0566", "0568", "0596", "0742", "0766", "0776", "0798", "0823", "0852",
    "0857", "0859", "0868", "0920", "0942", "0952", "0956", "0977", "0985",
    "04992", "04994", "04996", "04998", "09969",
))
#: Listed codes that no longer code extends, so a local code after them is checked strictly.
STRICT = frozenset(("03", "06", "011", "045", "052"))
#: Non-geographic prefixes: prefix → (total digits, group sizes).
SPECIAL = {
    "0120": (10, (4, 3, 3)),  # free dial
    "0800": (11, (4, 3, 4)),  # free dial
    "0570": (10, (4, 3, 3)),  # ナビダイヤル
    "020": (11, (3, 4, 4)),  # M2M
    "050": (11, (3, 4, 4)),  # IP phone
    "070": (11, (3, 4, 4)),  # mobile
    "080": (11, (3, 4, 4)),
    "090": (11, (3, 4, 4)),
}
_SEPARATORS = str.maketrans(dict.fromkeys("-ー‐‑‒–—―−()（）.", " "))
_EXTENSION = re.compile(r"(?:内線|ext\.?|x)?\s*(\d{1,6})", re.IGNORECASE)
# An extension typed after the number: "03-5253-2111 内線123", "(内線 123)", "ext. 123", "x123".
_WITH_EXTENSION = re.compile(
    r"(?P<number>.*?\d)[\s,、/]*[(（]?\s*(?:内線|ext\.?|x)\s*(?P<extension>\d{1,6})\s*[)）]?",
    re.IGNORECASE)
_EXAMPLE = "03-5253-2111"


def parse_phone(text: str) -> Parsed:
    """Parse a phone number: ``(03)5253-2111``, ``０９０ー１２３４ー５６７８``, ``+81 3 5253 2111``.

    Value and display are the hyphenated form (``090-1234-5678``). Problems: ``phone.format``,
    ``phone.foreign``, ``phone.special`` (110, 119 …), ``phone.prefix`` (00/010 dialling
    prefixes), ``phone.no_area_code``, ``phone.length`` and ``phone.local_code``.

    An extension after the number (``03-5253-2111 内線123``, ``ext. 123``, ``x123``) is kept: value
    and display are the number then ``内線`` and the extension (``03-5253-2111 内線123``), as the
    form prints it.
    """
    with_extension = _WITH_EXTENSION.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if with_extension:
        number = parse_phone(with_extension["number"])
        if not number.ok:
            return number
        value = f"{number.value} 内線{with_extension['extension']}"
        return Parsed(value=value, display=value)
    compact = "".join(unicodedata.normalize("NFKC", text).translate(_SEPARATORS).split())
    if not compact:
        return EMPTY
    if compact.startswith("+"):
        if not compact.startswith("+81"):
            return invalid("phone.foreign", _(
                "Only Japanese phone numbers can be entered here. Enter a number in Japan, "
                "e.g. {example}.").format(example=_EXAMPLE))
        compact = "0" + compact[3:].removeprefix("0")  # +81 (0)3 … and +81 3 … alike
    if not compact.isascii() or not compact.isdigit():
        return invalid("phone.format", _(
            "A phone number has only digits and hyphens. Enter it like this, e.g. {example}."
        ).format(example=_EXAMPLE))
    return _check_prefix(compact) or _split(compact)


def parse_extension(text: str) -> Parsed:
    """Parse an extension (内線): ``内線123``, ``ext.123`` or ``123`` → value ``123``.

    Problem ``phone.extension`` when it is not 1–6 digits.
    """
    compact = unicodedata.normalize("NFKC", text).strip()
    if not compact:
        return EMPTY
    match = _EXTENSION.fullmatch(compact)
    if not match:
        return invalid("phone.extension", _(
            "An extension has 1 to 6 digits. Enter only the extension number, e.g. 123."))
    # i18n: how an extension is shown after a phone number; Japanese uses 内線.
    return Parsed(value=match[1], display=_("ext. {number}").format(number=match[1]))


def _check_prefix(digits: str) -> Parsed | None:
    if digits.startswith(("00", "010")):
        return invalid("phone.prefix", _(
            "Numbers starting with 00 or 010 are dialling prefixes, not phone numbers. Enter "
            "the number without them, e.g. {example}.").format(example=_EXAMPLE))
    if digits.startswith("1"):
        return invalid("phone.special", _(
            "Numbers starting with 1, such as 110 or 119, are special services and cannot be "
            "used as a contact number. Enter a full number, e.g. {example}."
        ).format(example=_EXAMPLE))
    if not digits.startswith("0"):
        return invalid("phone.no_area_code", _(
            "The area code is missing: a phone number starts with 0. Add the area code, "
            "e.g. {example}.").format(example=_EXAMPLE))
    return None


def _split(digits: str) -> Parsed:
    prefix = next((p for p in SPECIAL if digits.startswith(p)), None)
    if prefix is not None:
        total, groups = SPECIAL[prefix]
        if len(digits) != total:
            return _length_problem(total, _example(prefix))
        return _accepted(digits, groups)
    if len(digits) != 10:
        return _length_problem(10, _EXAMPLE)
    area = _area_length(digits)
    if area is None:
        return invalid("phone.local_code", _(
            "This number does not exist: after the area code, the number starts with 2 to 9. "
            "Check the number, e.g. {example}.").format(example=_EXAMPLE))
    return _accepted(digits, (area, 6 - area, 4))


def _area_length(digits: str) -> int | None:
    """Length of the area code (with its 0), or None when no split gives a valid local code."""
    for length in (5, 4, 3, 2):
        if digits[:length] in AREA_CODES:
            break
    else:
        # Not listed: most area codes have 4 digits with the 0, many 3.
        return next((n for n in (4, 3) if _local_ok(digits, n)), None)
    if _local_ok(digits, length):
        return length
    # A listed 0AB code followed by 0/1 is a longer code missing from the list.
    if length == 3 and digits[:3] not in STRICT and _local_ok(digits, 4):
        return 4
    return None


def _local_ok(digits: str, area: int) -> bool:
    return digits[area] not in "01"


def _accepted(digits: str, groups: tuple[int, ...]) -> Parsed:
    parts, start = [], 0
    for size in groups:
        parts.append(digits[start:start + size])
        start += size
    number = "-".join(parts)
    return Parsed(value=number, display=number)


def _example(prefix: str) -> str:
    return {"0120": "0120-123-456", "0800": "0800-123-4567", "0570": "0570-123-456"}.get(
        prefix, "090-1234-5678")


def _length_problem(total: int, example: str) -> Parsed:
    # i18n: {total} is 10 or 11.
    return invalid("phone.length", _(
        "This kind of number has {total} digits. Check for a missing or extra digit, "
        "e.g. {example}.").format(total=total, example=example))
