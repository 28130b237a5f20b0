"""kind: residence_card — a 在留カード (or 特別永住者証明書) number: two letters, eight digits, two
letters (AB12345678CD), printed at the top right of the card. Full-width, lower-case and spaced
input is accepted and stored in upper case; an O or I among the digits is offered as 0 or 1."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from assistant.formats import Problem
from assistant.i18n import _
from assistant.kinds.base import FieldResult, Kind, as_text, failed

PATTERN = re.compile(r"[A-Z]{2}[0-9]{8}[A-Z]{2}")
EXAMPLE = "AB12345678CD"
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "Q": "0", "D": "0", "I": "1", "L": "1", "Z": "2", "S": "5", "B": "8"})


def normalised(text: str) -> str:
    """Upper case, half-width, without spaces or hyphens."""
    text = unicodedata.normalize("NFKC", text).upper()
    return re.sub(r"[\s\-‐‑–—ー]", "", text)


def _suggestion(compact: str) -> str | None:
    """The number with look-alike letters among the eight digits read as digits, when that fits."""
    if len(compact) != 12:
        return None
    guess = compact[:2] + compact[2:10].translate(_DIGIT_LOOKALIKES) + compact[10:]
    return guess if PATTERN.fullmatch(guess) and guess != compact else None


class ResidenceCardKind(Kind):
    name = "residence_card"
    interpreted = True

    def expected(self) -> tuple[str, str]:
        return _("text in quotes"), f'"{EXAMPLE}"'

    def parse(self, field: Any, raw: Any) -> FieldResult:
        typed = as_text(raw).strip()
        compact = normalised(typed)
        if not compact:
            return FieldResult(None, "")
        if PATTERN.fullmatch(compact):
            return FieldResult(compact, compact)
        suggestion = _suggestion(compact)
        if suggestion:
            return failed(Problem("residence_card.letter_for_digit", _(
                "The middle eight characters of a residence card number are digits, but a letter was typed "
                "among them. Check the card; perhaps it is {suggestion}.").format(suggestion=suggestion),
                suggestion), typed)
        return failed(Problem("residence_card.format", _(
            "A residence card number has 2 letters, 8 digits and 2 letters, 12 characters in all (now "
            "{length}), as printed at the top right of the card. Write it like this: {example}.").format(
                length=len(compact), example=EXAMPLE)), typed)

    def spoken_text(self, field: Any, value: Any) -> str:
        # read character by character, not as one word
        return " ".join(str(value))


KIND = ResidenceCardKind()
