"""Where a line may break, per the languages table's rule, and text filled into lines of a width.

fpdf2 breaks lines at spaces (or anywhere): right for English, wrong for Thai and Myanmar, which
write no spaces between words, and Japanese and Chinese need kinsoku (no 。 or 」 at a line's
start). ICU's line break iterator (UAX #14 with its dictionaries for Thai, Myanmar, Khmer and Lao,
and CJK kinsoku) does all of them; it comes from icu4py, whose wheels carry ICU itself (PyICU would
need libicu-dev and a compiler on every machine). Without icu4py the rule of the language is
applied by hand: spaces for `word`, between characters but not before closing punctuation for
`char`, between grapheme clusters for `dictionary` (never inside a Thai or Myanmar syllable).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from assistant import languages

try:
    from icu4py.breakers import LineBreaker
except ImportError:            # pragma: no cover - icu4py is a dependency; this keeps a broken install working
    LineBreaker = None

#: closing punctuation and small kana that never start a line (JIS X 4051 kinsoku, short list)
NO_LINE_START = frozenset("、。，．・：；？！ー）」』】〕〉》”’，,.)]}!?ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々")
_SPACES = re.compile(r"\S+\s*|\s+")


def segments(text: str, language: str) -> list[str]:
    """`text` cut where a line may break (each piece keeps its trailing spaces); no newlines."""
    row = languages.all_languages().get(language)
    rule = row.line_break if row else "word"
    if not text:
        return []
    if LineBreaker is not None:
        return list(LineBreaker(text, row.babel if row else language))
    if rule == "word":
        return _SPACES.findall(text)
    return _clusters(text, closing=NO_LINE_START if rule == "char" else frozenset())


def _clusters(text: str, closing: frozenset[str]) -> list[str]:
    """Grapheme-ish clusters (a base with its combining marks), a closing mark kept with the one before."""
    pieces: list[str] = []
    for char in text:
        joins = unicodedata.category(char) in ("Mn", "Mc", "Me") or char in closing or char.isspace() \
            or (pieces and pieces[-1][-1] in "\u200d\u1039\u103a")   # Myanmar virama / asat stack
        if pieces and joins:
            pieces[-1] += char
        else:
            pieces.append(char)
    return pieces


def fill(text: str, width: float, measure: Callable[[str], float], language: str) -> str:
    """`text` with newlines where it must break to fit `width` (as `measure` gives widths), breaking
    only where `language`'s rule allows; a piece wider than a line is cut between characters."""
    return "\n".join(line for paragraph in text.split("\n")
                     for line in _fill_paragraph(paragraph, width, measure, language))


def _fill_paragraph(text: str, width: float, measure: Callable[[str], float], language: str) -> list[str]:
    lines: list[str] = []
    line = ""
    for piece in segments(text, language):
        if line and measure((line + piece).rstrip()) > width:
            lines.append(line.rstrip())
            line = ""
        line += piece
        while measure(line.rstrip()) > width and len(_clusters(line.rstrip(), frozenset())) > 1:
            cut = _longest_fit(line, width, measure)      # one word wider than the line
            lines.append(line[:cut])
            line = line[cut:]
    lines.append(line.rstrip())
    return lines


def _longest_fit(piece: str, width: float, measure: Callable[[str], float]) -> int:
    """How many characters of `piece` fit `width` (at least one cluster), not splitting a cluster."""
    clusters = _clusters(piece, frozenset())
    taken, length = "", 0
    for cluster in clusters:
        if taken and measure(taken + cluster) > width:
            break
        taken += cluster
        length += len(cluster)
    return max(length, len(clusters[0]))
