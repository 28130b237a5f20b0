"""Names: kept exactly as typed, with a notice for characters outside JIS X 0213 (外字).

Names are never Unicode-normalised: NFKC turns 神 (U+FA19) into 神 (U+795E) and would silently
change a person's registered name (domain-japan §2.8). A character is "in JIS X 0213" when
Python's ``euc_jis_2004`` codec can encode it; a kana with a combining mark (か゚) and a kanji with
an ideographic variation selector (葛󠄀) are checked as one unit.

Foreign residents' names (§2.9) are written as on the residence card: ASCII upper case, single
spaces, never truncated — see :func:`normalize_latin_name`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from assistant.formats.result import EMPTY, Parsed, Problem, invalid, printable
from assistant.i18n import _

#: Known fallbacks (縮退) for characters outside JIS X 0213, offered only with consent.
#: 德 (U+5FB7) and 﨑 (U+FA11) are inside JIS X 0213, so they need none.
FALLBACKS = {
    "髙": "高",  # U+9AD9 はしごだか → U+9AD8
    "𠮷": "吉",  # U+20BB7 つちよし → U+5409
}
# A base character and the marks that belong to it: combining voicing marks, combining
# diacritics, and variation selectors (standard and ideographic).
_UNIT = re.compile(
    "[^\u0300-\u036f\u3099\u309a\ufe00-\ufe0f\U000e0100-\U000e01ef]?"
    "[\u0300-\u036f\u3099\u309a\ufe00-\ufe0f\U000e0100-\U000e01ef]*",
    re.DOTALL,
)
_SELECTORS = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")
_LATIN_PUNCTUATION = frozenset(" -',.")


def check_name(text: str) -> Parsed:
    """Accept a name byte-for-byte (only surrounding whitespace is removed).

    Notice ``name.outside_jis`` names the characters outside JIS X 0213; its suggestion is a
    fallback spelling when one is known for each of them.
    """
    value = text.strip()
    if not value:
        return EMPTY
    outside = outside_jis(value)
    if not outside:
        return Parsed(value=value, display=value)
    suggestion = fallback(value)
    notice = Problem("name.outside_jis", _outside_message(outside, suggestion), suggestion)
    return Parsed(value=value, display=value, notice=notice)


def outside_jis(text: str) -> list[str]:
    """The characters (with their marks) of `text` outside JIS X 0213, each once, in order."""
    found: list[str] = []
    for unit in _units(text):
        if not _in_jis(unit) and unit not in found:
            found.append(unit)
    return found


def fallback(text: str) -> str | None:
    """`text` with each character outside JIS X 0213 replaced by a known fallback.

    None when nothing needs replacing or when any such character has no known fallback.
    A fallback is: the table :data:`FALLBACKS`; the base kanji of a variation sequence; or the
    canonical equivalent of a CJK compatibility ideograph (e.g. a Korean-compatibility 說).
    """
    units = list(_units(text))
    replaced = [unit if _in_jis(unit) else _fallback_unit(unit) for unit in units]
    if None in replaced or replaced == units:
        return None
    return "".join(replaced)


def normalize_latin_name(text: str) -> Parsed:
    """Write a Roman-letter name as on the residence card: ``ＳＭＩＴＨ　john`` → ``SMITH JOHN``.

    Full-width Latin becomes ASCII; letters become upper case; spaces collapse to one; the name
    is never shortened. Letters with accents get problem ``latin_name.accent`` with the
    unaccented spelling as suggestion; other characters get ``latin_name.not_latin``.
    """
    # Only full-width ASCII and spaces are folded: NFKC on the whole text could change
    # characters we should report instead.
    text = " ".join(text.translate(_FULLWIDTH_ASCII).split()).upper()
    if not text:
        return EMPTY
    bad = next((c for c in text if not _is_latin(c)), None)
    if bad is None:
        return Parsed(value=text, display=text)
    plain = _strip_accents(text)
    if all(_is_latin(c) for c in plain):
        return invalid("latin_name.accent", _(
            "Residence cards write names without accents. Enter the name as on the card, "
            "e.g. {suggestion}.").format(suggestion=plain), plain)
    # i18n: {char} is the first character that is not a Roman letter.
    return invalid("latin_name.not_latin", _(
        "\"{char}\" is not a Roman letter. Enter the name in Roman letters as on the residence "
        "card, family name first, e.g. SMITH JOHN.").format(char=printable(bad)))


_FULLWIDTH_ASCII = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def _units(text: str):
    return (m[0] for m in _UNIT.finditer(text) if m[0])


@lru_cache(maxsize=4096)
def _in_jis(unit: str) -> bool:
    try:
        unit.encode("euc_jis_2004")
    except UnicodeEncodeError:
        return False
    return True


def _fallback_unit(unit: str) -> str | None:
    candidates = [FALLBACKS.get(unit), _SELECTORS.sub("", unit)]
    if len(unit) == 1 and 0xF900 <= ord(unit) <= 0xFAFF:
        candidates.append(unicodedata.normalize("NFC", unit))
    return next((c for c in candidates if c and c != unit and _in_jis(c)), None)


def _is_latin(char: str) -> bool:
    return ("A" <= char <= "Z") or char in _LATIN_PUNCTUATION


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper()


def _outside_message(units: list[str], suggestion: str | None) -> str:
    chars = ", ".join(f"\"{printable(u)}\"" for u in units)
    if suggestion:
        # i18n: {chars} lists the characters, e.g. "髙"; {suggestion} is the name in common forms.
        return _(
            "{chars}: this is a 外字, a character outside the standard set (JIS X 0213), so the "
            "office's system may not be able to show or print it. It will be kept exactly as "
            "you typed it unless you choose the common form instead, e.g. {suggestion}."
        ).format(chars=chars, suggestion=suggestion)
    # i18n: {chars} lists the characters, e.g. "𠮷".
    return _(
        "{chars}: this is a 外字, a character outside the standard set (JIS X 0213), so the "
        "office's system may not be able to show or print it. It will be kept exactly as you "
        "typed it; if the office asks, tell them the character or write it on paper, "
        "e.g. 𠮷 (つちよし: 吉 with 土 on top)."
    ).format(chars=chars)
