"""Readings (フリガナ / ふりがな): full-width katakana or hiragana, parts separated by U+3000.

Conversion uses jaconv (MIT): half-width to full-width (ｶﾞ → ガ) and hiragana ↔ katakana
(ゔ → ヴ); small kana are kept. Readings are never generated from kanji (names have irregular
readings, domain-japan §2.7).

Dashes typed after a kana (``- ‐ － ~ 〜 …``) are read as the long-vowel mark ー but reported with
the notice ``kana.long_vowel_guessed``, so the interface can ask. The half-width mark ｰ (U+FF70) is
not a guess: it *is* the half-width form of ー (NFKC maps it so) and is converted silently.
"""

from __future__ import annotations

import re
import unicodedata

import jaconv

from assistant.formats.result import EMPTY, Parsed, Problem, invalid, printable
from assistant.i18n import _

IDEOGRAPHIC_SPACE = "\u3000"
LONG_VOWEL = "ー"
# Marks people type for a long vowel; only accepted right after a kana.
_GUESSED_LONG_VOWELS = frozenset("-‐‑‒–—―−－﹣~～〜")
# Voicing marks typed apart from their kana: half-width, spacing and combining forms.
_VOICING = str.maketrans({"ﾞ": "\u3099", "゛": "\u3099", "ﾟ": "\u309a", "゜": "\u309a"})
_MARKED = re.compile("[\u3041-\u30ff][\u3099\u309a]")
_KATAKANA = frozenset(chr(c) for c in range(0x30A1, 0x30FF)) - {"゠"}  # ァ…ヺ ・ ー ヽ ヾ
_HIRAGANA = (frozenset(chr(c) for c in range(0x3041, 0x3097))  # ぁ…ゖ
             | frozenset("ゝゞー・ヷヸヹヺ"))  # ヷヸヹヺ have no precomposed hiragana


def to_katakana(text: str) -> Parsed:
    """Normalise a reading to full-width katakana, e.g. ``ﾔﾏﾀﾞ ﾀﾛｳ`` → ``ヤマダ　タロウ``.

    Problem ``kana.not_kana`` names the first character that is not kana; notice
    ``kana.long_vowel_guessed`` tells that a dash was read as ー.
    """
    return _convert(text, jaconv.hira2kata, _KATAKANA, _katakana_message)


def to_hiragana(text: str) -> Parsed:
    """Normalise a reading to full-width hiragana, e.g. ``ﾔﾏﾀﾞ ﾀﾛｳ`` → ``やまだ　たろう``.

    Same problems and notices as :func:`to_katakana`.
    """
    return _convert(text, jaconv.kata2hira, _HIRAGANA, _hiragana_message)


def _convert(text, convert, allowed, message) -> Parsed:
    text = " ".join(text.split())  # strip, and one separator between parts
    if not text:
        return EMPTY
    text = _compose(jaconv.h2z(text, kana=True, ascii=False, digit=False))
    text, guessed = _long_vowels(text)
    text = convert(text).replace(" ", IDEOGRAPHIC_SPACE)
    bad = next((c for c in text if c not in allowed and c != IDEOGRAPHIC_SPACE), None)
    if bad is not None:
        return invalid("kana.not_kana", message(bad))
    notice = _guessed_notice(text) if guessed else None
    return Parsed(value=text, display=text, notice=notice)


def _compose(text: str) -> str:
    """Join voicing marks typed separately to the kana before them (カ + ﾞ → ガ)."""
    text = text.translate(_VOICING)
    return _MARKED.sub(lambda m: unicodedata.normalize("NFC", m[0]), text)


def _long_vowels(text: str) -> tuple[str, bool]:
    """Read a dash after a kana as ー; report whether any was guessed."""
    chars, guessed = list(text), False
    for i, char in enumerate(chars):
        if char in _GUESSED_LONG_VOWELS and i and _is_kana(chars[i - 1]):
            chars[i], guessed = LONG_VOWEL, True
    return "".join(chars), guessed


def _is_kana(char: str) -> bool:
    return char in _KATAKANA or char in _HIRAGANA


def _katakana_message(char: str) -> str:
    # i18n: {char} is the first character of the input that is not kana.
    return _("\"{char}\" is not kana. Enter the reading in katakana, with a space between "
             "the family name and the given name, e.g. ヤマダ　タロウ."
             ).format(char=printable(char))


def _hiragana_message(char: str) -> str:
    # i18n: {char} is the first character of the input that is not kana.
    return _("\"{char}\" is not kana. Enter the reading in hiragana, with a space between "
             "the family name and the given name, e.g. やまだ　たろう."
             ).format(char=printable(char))


def _guessed_notice(reading: str) -> Problem:
    # i18n: {reading} is the converted reading, shown so the person can check it.
    return Problem("kana.long_vowel_guessed", _(
        "A dash after a kana was read as the long-vowel mark ー: {reading}. "
        "Check that this is right, e.g. サトー or さとー."
    ).format(reading=reading), suggestion=reading)   # offered, so accepting it is one key press
