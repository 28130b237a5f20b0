"""Normalising and checking what people type into Japanese forms; no Qt.

Each ``parse_*``/``check_*``/``to_*`` function takes the raw text and returns a
:class:`~assistant.formats.result.Parsed`; none raises on any ``str``, and empty input gives an
empty ``Parsed`` with no problem (whether a field is required is decided elsewhere).
"""

from assistant.formats.address import half_width_numbers
from assistant.formats.dates import display_date, era_date, is_future, parse_date
from assistant.formats.kana import to_hiragana, to_katakana
from assistant.formats.names import check_name, fallback, normalize_latin_name, outside_jis
from assistant.formats.numbers import (
    format_my_number,
    mask_my_number,
    parse_corporate_number,
    parse_email,
    parse_integer,
    parse_my_number,
)
from assistant.formats.phone import parse_extension, parse_phone
from assistant.formats.postal import Area, lookup, parse_postal_code
from assistant.formats.result import Parsed, Problem

__all__ = [
    "Area",
    "Parsed",
    "Problem",
    "check_name",
    "display_date",
    "era_date",
    "fallback",
    "half_width_numbers",
    "format_my_number",
    "is_future",
    "lookup",
    "mask_my_number",
    "normalize_latin_name",
    "outside_jis",
    "parse_corporate_number",
    "parse_date",
    "parse_email",
    "parse_extension",
    "parse_integer",
    "parse_my_number",
    "parse_phone",
    "parse_postal_code",
    "to_hiragana",
    "to_katakana",
]
