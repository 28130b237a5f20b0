"""Numbers: My Number (個人番号), corporate number (法人番号), whole numbers and amounts, e-mail.

My Number is sensitive: it is shown masked, and no message ever repeats what was typed.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.formats.result import EMPTY, Parsed, invalid
from assistant.i18n import _, ngettext

_MY_NUMBER_WEIGHTS = (6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
# Separators people type inside long numbers; NFKC leaves the dash look-alikes alone.
_SEPARATORS = str.maketrans(dict.fromkeys("-ー‐‑‒–—―−", " "))
_MAX_INTEGER_DIGITS = 18  # beyond this a typed amount is a mistake, and str(int) gets slow
_GROUPED = re.compile(r"\d{1,3}(,\d{3})+")
_DECIMAL = re.compile(r"[\d,]+\.\d*")
_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}")
_DOMAIN_LABEL = re.compile(r"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
_EMAIL_EXAMPLE = "taro.yamada@example.jp"


def parse_my_number(text: str) -> Parsed:
    """Parse a My Number: 12 digits with a valid check digit (domain-japan §2.3).

    Value is the 12 digits; display is masked (``**** **** 9018``). Problems:
    ``my_number.format``, ``my_number.length``, ``my_number.dummy`` (all digits the same) and
    ``my_number.check_digit``. Messages never contain the number.
    """
    digits = _digits(text)
    if digits == "":
        return EMPTY
    if digits is None:
        return invalid("my_number.format", _(
            "A My Number has only digits. Enter the 12 digits on the card, e.g. 1234 5678 9018."))
    if len(digits) != 12:
        # i18n: {count} is how many digits were typed; the number itself is never shown.
        return invalid("my_number.length", ngettext(
            "A My Number has 12 digits, but you entered {count} digit. Enter all 12 digits, "
            "e.g. 1234 5678 9018.",
            "A My Number has 12 digits, but you entered {count} digits. Enter all 12 digits, "
            "e.g. 1234 5678 9018.", len(digits)).format(count=len(digits)))
    if len(set(digits)) == 1:
        return invalid("my_number.dummy", _(
            "This is not a real My Number (all digits are the same). Enter the 12 digits on "
            "the card or the notification, e.g. 1234 5678 9018."))
    if my_number_check_digit(digits[:11]) != int(digits[11]):
        return invalid("my_number.check_digit", _(
            "This My Number is not valid: one of the digits is probably wrong. Compare each "
            "digit with the card, e.g. 1234 5678 9018."))
    return Parsed(value=digits, display=mask_my_number(digits))


def my_number_check_digit(first11: str) -> int:
    """The check digit of a My Number from its first 11 digits (総務省令第85号 §5)."""
    remainder = sum(int(d) * w for d, w in zip(first11, _MY_NUMBER_WEIGHTS, strict=True)) % 11
    return 0 if remainder <= 1 else 11 - remainder


def format_my_number(digits: str) -> str:
    """Group a 12-digit My Number as on the card: ``1234 5678 9018``; other text unchanged."""
    if len(digits) != 12:
        return digits
    return f"{digits[:4]} {digits[4:8]} {digits[8:]}"


def mask_my_number(digits: str) -> str:
    """Hide all but the last 4 digits: ``**** **** 9018``."""
    if len(digits) <= 4:
        return "*" * len(digits)
    masked = "*" * (len(digits) - 4) + digits[-4:]
    groups = [masked[max(0, end - 4):end] for end in range(len(masked), 0, -4)]
    return " ".join(reversed(groups))


def parse_corporate_number(text: str) -> Parsed:
    """Parse a corporate number (法人番号): 13 digits, the first a check digit (§2.4).

    Value is the 13 digits; display ``7-0000-1205-0002``. Problems: ``corporate_number.format``,
    ``corporate_number.length`` and ``corporate_number.check_digit``.
    """
    digits = _digits(text)
    if digits == "":
        return EMPTY
    if digits is None:
        return invalid("corporate_number.format", _(
            "A corporate number has only digits. Enter the 13 digits, e.g. 7000012050002."))
    if len(digits) != 13:
        # i18n: {count} is how many digits were typed.
        return invalid("corporate_number.length", ngettext(
            "A corporate number has 13 digits, but you entered {count} digit. Enter all 13 "
            "digits, e.g. 7000012050002.",
            "A corporate number has 13 digits, but you entered {count} digits. Enter all 13 "
            "digits, e.g. 7000012050002.", len(digits)).format(count=len(digits)))
    if corporate_check_digit(digits[1:]) != int(digits[0]):
        return invalid("corporate_number.check_digit", _(
            "This corporate number is not valid: one of the digits is probably wrong. Check it "
            "against the 国税庁 法人番号 site or a document, e.g. 7000012050002."))
    display = f"{digits[0]}-{digits[1:5]}-{digits[5:9]}-{digits[9:]}"
    return Parsed(value=digits, display=display)


def corporate_check_digit(last12: str) -> int:
    """The check digit (first digit) of a corporate number from its other 12 digits."""
    # Counted from the right, odd positions weigh 1 and even positions 2.
    total = sum(int(d) * (2 if n % 2 == 0 else 1) for n, d in enumerate(reversed(last12), 1))
    return 9 - total % 9


def parse_integer(text: str, *, minimum: int | None = None,
                  maximum: int | None = None) -> Parsed:
    """Parse a whole number or amount: ``１，２３４円``, ``¥1,234`` → 1234, shown ``1,234``.

    Problems: ``number.format``, ``number.not_integer``, ``number.too_small``,
    ``number.too_large`` (also past 18 digits).
    """
    compact = "".join(unicodedata.normalize("NFKC", text).split())
    compact = compact.removeprefix("¥").removesuffix("円").replace("−", "-")
    if not compact:
        return EMPTY
    number = _integer(compact)
    if isinstance(number, Parsed):
        return number
    if minimum is not None and number < minimum:
        return invalid("number.too_small", _(
            "The number must be at least {minimum}. Check it, e.g. {example}."
        ).format(minimum=f"{minimum:,}", example=f"{minimum:,}"))
    if maximum is not None and number > maximum:
        return invalid("number.too_large", _(
            "The number must be at most {maximum}. Check it, e.g. {example}."
        ).format(maximum=f"{maximum:,}", example=f"{maximum:,}"))
    return Parsed(value=number, display=f"{number:,}")


def parse_email(text: str) -> Parsed:
    """Parse an e-mail address; full-width letters and ＠ are converted (NFKC).

    The domain is lower-cased; the local part is kept as typed, including the consecutive or
    trailing dots of old Japanese mobile addresses. Problems: ``email.format``, ``email.domain``.
    """
    compact = unicodedata.normalize("NFKC", text).strip()
    if not compact:
        return EMPTY
    local, at, domain = compact.rpartition("@")
    if not at or not _EMAIL_LOCAL.fullmatch(local):
        return invalid("email.format", _(
            "An e-mail address looks like name@domain, in Roman letters without spaces, "
            "e.g. {example}.").format(example=_EMAIL_EXAMPLE))
    if not _valid_domain(domain):
        return invalid("email.domain", _(
            "The part after @ is not a valid domain. Check it, e.g. {example}."
        ).format(example=_EMAIL_EXAMPLE))
    address = f"{local}@{domain.lower()}"
    return Parsed(value=address, display=address)


def _valid_domain(domain: str) -> bool:
    labels = domain.split(".")
    top = labels[-1]
    return (len(labels) >= 2 and len(top) >= 2 and top.isascii() and top.isalpha()
            and all(_DOMAIN_LABEL.fullmatch(label) for label in labels))


def _digits(text: str) -> str | None:
    """The ASCII digits of `text` without spaces and hyphens; "" if empty, None if not digits."""
    compact = "".join(unicodedata.normalize("NFKC", text).translate(_SEPARATORS).split())
    if compact and not (compact.isascii() and compact.isdigit()):
        return None
    return compact


def _integer(compact: str) -> int | Parsed:
    sign, body = ("-", compact[1:]) if compact.startswith("-") else ("", compact)
    if _DECIMAL.fullmatch(body):
        return invalid("number.not_integer", _(
            "Enter a whole number, without a decimal point, e.g. 1,234."))
    if "," in body:
        if not _GROUPED.fullmatch(body):
            return _integer_format()
        body = body.replace(",", "")
    if not (body.isascii() and body.isdigit()):
        return _integer_format()
    if len(body.lstrip("0")) > _MAX_INTEGER_DIGITS:
        return invalid("number.too_large", _(
            "This number is too long. Check for extra digits, e.g. 1,234."))
    return int(sign + body)


def _integer_format() -> Parsed:
    return invalid("number.format", _(
        "Enter a number with digits only; commas and 円 are allowed, e.g. 1,234."))
