"""Address lines (番地・号, building): digits and hyphens half-width, as the data rule asks.

DS-442 (住所) writes 番地 and 号 with half-width digits joined by "-". People type them full-width
(１－２－３) or with a long-vowel mark or dash look-alike between the digits (１ー２). Only digits
and the dashes *between two digits* change: a ー inside a word (コーポ) and every other character
(kanji numerals, 丁目, kana) are kept as typed. Names are never passed through this.
"""

from __future__ import annotations

import re

_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# A dash or long-vowel look-alike with a digit on each side (after the digits are half-width).
_DASH_BETWEEN_DIGITS = re.compile(r"(?<=[0-9])[ \u3000]*[-－ー‐‑‒–—―−﹣ｰ][ \u3000]*(?=[0-9])")


def half_width_numbers(text: str) -> str:
    """``１丁目２ー３　コーポ１０１`` → ``1丁目2-3　コーポ101``: full-width digits to half-width and
    dashes between digits to "-"; everything else as typed."""
    if not isinstance(text, str):
        return ""
    return _DASH_BETWEEN_DIGITS.sub("-", text.translate(_FULL_WIDTH_DIGITS))
