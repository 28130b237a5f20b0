"""The values every parser in :mod:`assistant.formats` returns.

A parser never raises on text a person typed: it returns a :class:`Parsed` whose ``problem`` says
what is wrong (the input cannot be stored as is) or whose ``notice`` says what the person should
check (the input is stored, but something was guessed or may not survive another system).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


#: Between the texts of a suggestion that fills several parts: ``ヤマダ / タロウ``.
PART_SEPARATOR = " / "


@dataclass(frozen=True)
class Problem:
    """Something the person should read: a stable ``code`` and a translated ``message``.

    ``message`` says what is wrong, how to fix it and gives an example; ``suggestion`` is a
    corrected input the interface may offer with one click, or None when none is known. A
    suggestion for several parts at once (reported on the parts joined by ``,``, e.g.
    ``family_kana,given_kana``) holds one text per part joined by :data:`PART_SEPARATOR`.
    """

    code: str
    message: str
    suggestion: str | None = None


@dataclass(frozen=True)
class Parsed:
    """The outcome of parsing one input.

    ``value`` is what to store (None when the input is empty or invalid), ``display`` is how to
    show the stored value to a person, ``problem`` is an error and ``notice`` a remark on an
    accepted value.
    """

    value: Any = None
    display: str = ""
    problem: Problem | None = None
    notice: Problem | None = None

    @property
    def ok(self) -> bool:
        """True when the input can be stored (it may still carry a notice)."""
        return self.problem is None


EMPTY = Parsed()


def invalid(code: str, message: str, suggestion: str | None = None) -> Parsed:
    """A rejected input: no value, one problem."""
    return Parsed(problem=Problem(code, message, suggestion))


def printable(text: str) -> str:
    """`text` as it can be quoted in a message: invisible characters become ``U+XXXX``."""
    return "".join(c if c.isprintable() else f"U+{ord(c):04X}" for c in text)
