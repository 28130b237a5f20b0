"""Furigana (ruby) for やさしい日本語: the markup of the catalogs, its plain text, its lint, and the
line breaking shared by the screen (ui/widgets/ruby.py) and the PDF (export/ruby_pdf.py).

The markup is Aozora Bunko's ruby notation (青空文庫 注記一覧「ルビ」), which Japanese editors and
translators know:

- ``漢字《かんじ》`` — the reading in 《》 belongs to the run of kanji just before it (a kanji's
  variation selector, as in 葛󠄀 of 葛󠄀飾区, is part of the run);
- ``｜日本語《にほんご》`` — a full-width vertical bar ｜ (U+FF5C) marks where the base starts, for
  a base that is not only kanji (``｜お知《し》らせ`` is wrong, ``お｜知《し》らせ`` right) or to cut a
  run of kanji into words (``市役所《しやくしょ》`` = ``｜市役所《しやくしょ》``).

`parse` turns a text into `Segment`s (base, reading or None); `plain` keeps the bases only — what a
screen reader reads, what the voice says and what search matches. `problems` is the lint: every
kanji (CJK ideographs, 々〆〇) has a reading, readings are kana only, no ruby has an empty base or
reading, no 《》｜ is left over. The parser never fails: markup it cannot read stays as text, so a
mistake shows on screen instead of losing words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

#: CJK ideographs (unified, extension A, compatibility, extensions B and later) and 々〆〇
_KANJI = "\u3005-\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
#: variation selectors: a kanji's registered form (葛 + U+E0100) belongs to the kanji
_SELECTORS = "\ufe00-\ufe0f\U000e0100-\U000e01ef"
_RUN = rf"[{_KANJI}][{_KANJI}{_SELECTORS}]*"
#: hiragana, katakana (with ・ and ー) and the small katakana of Ainu and dialects
_KANA = "\u3041-\u309f\u30a0-\u30ff\u31f0-\u31ff"
BAR, OPEN, CLOSE = "｜", "《", "》"
_RUBY = re.compile(rf"{BAR}(?P<base>[^{BAR}{OPEN}{CLOSE}\n]*){OPEN}(?P<reading>[^{OPEN}{CLOSE}\n]*){CLOSE}"
                   rf"|(?P<kanji>{_RUN}){OPEN}(?P<kanji_reading>[^{OPEN}{CLOSE}\n]*){CLOSE}")
_KANJI_RUN = re.compile(_RUN)
_NOT_KANA = re.compile(rf"[^{_KANA}]")
_EXAMPLE = "日本語《にほんご》"


@dataclass(frozen=True)
class Segment:
    """A piece of text: a `base` and its `reading` (kana), or plain text (reading None)."""

    base: str
    reading: str | None = None


def is_kanji(char: str) -> bool:
    """Whether `char` needs a reading in やさしい日本語 (a CJK ideograph, 々, 〆 or 〇)."""
    return _KANJI_RUN.fullmatch(char) is not None


def parse(text: str) -> tuple[Segment, ...]:
    """The segments of a marked-up text, in order; neighbouring plain text is one segment.
    A ruby with an empty base or reading is kept as text, as written (the lint reports it)."""
    segments: list[Segment] = []
    position = 0

    def add_plain(chunk: str) -> None:
        if not chunk:
            return
        if segments and segments[-1].reading is None:
            segments[-1] = Segment(segments[-1].base + chunk)
        else:
            segments.append(Segment(chunk))

    for match in _RUBY.finditer(text):
        base = match["base"] if match["kanji"] is None else match["kanji"]
        reading = match["reading"] if match["kanji"] is None else match["kanji_reading"]
        add_plain(text[position:match.start()])
        if base and reading:
            segments.append(Segment(base, reading))
        else:
            add_plain(match.group())
        position = match.end()
    add_plain(text[position:])
    return tuple(segments)


def plain(text: str) -> str:
    """The text without its readings: for accessible names, speech and search."""
    return "".join(segment.base for segment in parse(text))


def markup(segments: Iterable[Segment]) -> str:
    """Segments written back in the notation (every ruby with ｜, which is always unambiguous)."""
    return "".join(s.base if s.reading is None else f"{BAR}{s.base}{OPEN}{s.reading}{CLOSE}" for s in segments)


# --- the lint -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Problem:
    """One mistake in a marked-up text: `position` is the index of its first character."""

    position: int
    message: str


def problems(text: str) -> list[Problem]:
    """Every mistake in the furigana of `text`, in order, each saying where, what and how to fix it."""
    found: list[Problem] = []
    position = 0
    for match in _RUBY.finditer(text):
        found.extend(_plain_problems(text, position, match.start()))
        found.extend(_ruby_problems(match))
        position = match.end()
    found.extend(_plain_problems(text, position, len(text)))
    return sorted(found, key=lambda p: p.position)


def _where(text: str, position: int) -> str:
    start = max(0, position - 6)
    return f"at character {position + 1} (…{text[start:position + 8]}…)"


def _plain_problems(text: str, start: int, end: int) -> list[Problem]:
    chunk = text[start:end]
    found = [Problem(start + m.start(), f"{_where(text, start + m.start())}: {m.group()} has no reading; "
                     f"write its reading in kana right after it, {m.group()}《…》 (for example {_EXAMPLE})")
             for m in _KANJI_RUN.finditer(chunk)]
    for index, char in enumerate(chunk):
        if char in (BAR, OPEN, CLOSE):
            found.append(Problem(start + index, f"{_where(text, start + index)}: {char} is not part of a ruby; "
                                 f"a ruby is written ｜base《reading》 or 漢字《かんじ》, like {_EXAMPLE}"))
    return found


def _ruby_problems(match: re.Match[str]) -> list[Problem]:
    text, at = match.string, match.start()
    base = match["base"] if match["kanji"] is None else match["kanji"]
    reading = match["reading"] if match["kanji"] is None else match["kanji_reading"]
    if not base:
        return [Problem(at, f"{_where(text, at)}: the ruby {match.group()} has no base; put the words it "
                            f"reads between ｜ and 《, like ｜{_EXAMPLE}")]
    if not reading:
        return [Problem(at, f"{_where(text, at)}: {base} has an empty reading; write its reading in kana "
                            f"between 《 and 》, like {_EXAMPLE}")]
    wrong = _NOT_KANA.search(reading)
    if wrong:
        return [Problem(at, f"{_where(text, at)}: the reading of {base}, 《{reading}》, has {wrong.group()!r}, "
                            f"which is not kana; readings are hiragana or katakana only, like {_EXAMPLE}")]
    return []


# --- line breaking --------------------------------------------------------------------------------

#: may not start a line (JIS X 4051 行頭禁則: closing brackets, punctuation, small kana, ー)
_NO_LINE_START = frozenset("、。，．,.:;!?！？：；・ー～…‥）」』】〕〉》］｝)]}"
                           "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々ゝゞヽヾ")
#: may not end a line (行末禁則: opening brackets)
_NO_LINE_END = frozenset("（「『【〔〈《［｛([{")
#: ends a phrase as a space does: a line preferably breaks after it
_PHRASE_END = frozenset("、。，．！？!?）」』")
_WORD = re.compile(r"[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a'’\-]")


@dataclass(frozen=True)
class Piece:
    """The smallest unit of a line: one character of plain text, or a whole ruby (never split).
    `breakable`: a line may start with this piece; `space`: it disappears at the end of a line."""

    base: str
    reading: str | None
    breakable: bool
    space: bool = False
    newline: bool = False


def pieces(segments: Iterable[Segment]) -> list[Piece]:
    """The segments cut into pieces, each marked with whether a line may start there: between any two
    Japanese characters except before closing punctuation and small kana or after an opening bracket
    (kinsoku), after a space, never inside a word of Latin letters or digits, never inside a ruby."""
    units = [unit for s in segments
             for unit in ([(s.base, s.reading)] if s.reading is not None else [(c, None) for c in _clusters(s.base)])]
    result: list[Piece] = []
    previous = ""
    for base, reading in units:
        first = base[0]
        breakable = bool(previous) and not (
            first in _NO_LINE_START or previous[-1] in _NO_LINE_END
            or (_WORD.match(first) and _WORD.match(previous[-1])) or first.isspace())
        breakable = breakable or (bool(previous) and previous[-1].isspace())
        result.append(Piece(base, reading, breakable, space=reading is None and base.isspace() and base != "\n",
                            newline=reading is None and base == "\n"))
        previous = base
    return result


def _clusters(text: str) -> list[str]:
    """`text` cut into characters, each with the marks that follow it: a combining dakuten (か + ゙),
    a variation selector of a kanji's registered form (葛 + U+E0100), a zero-width joiner."""
    found: list[str] = []
    for char in text:
        if found and (unicodedata.category(char).startswith("M") or char == "\u200d"
                      or "\ufe00" <= char <= "\ufe0f" or "\U000e0100" <= char <= "\U000e01ef"):
            found[-1] += char
        else:
            found.append(char)
    return found


def wrap(items: list[Piece], width: float, measure: Callable[[Piece], float]) -> list[list[Piece]]:
    """Greedy lines of at most `width` (as measured by `measure`), broken only where a piece is
    `breakable` or at a newline, after a space or 、。 if the line has one (やさしい日本語 is written with
    spaces between phrases, 分かち書き: a phrase stays whole when it can). A piece wider than the line, or a
    run with no break, overflows alone rather than being cut. Spaces at the ends of lines are dropped."""
    lines: list[list[Piece]] = [[]]
    used = 0.0
    queue = deque(items)
    while queue:
        piece = queue.popleft()
        line = lines[-1]
        if piece.newline:
            lines.append([])
            used = 0.0
            continue
        size = measure(piece)
        if line and used + size > width and not piece.space:
            cut = _cut(line + [piece])
            if cut is not None:
                rest = (line + [piece])[cut:]
                del line[cut:]
                lines.append([])
                used = 0.0
                queue.extendleft(reversed(rest))   # placed again: the rest may need a break of its own
                continue
        line.append(piece)
        used += size
    return [_trimmed(line) for line in lines]


def _cut(line: list[Piece]) -> int | None:
    """Where to end an overflowing line: the last break after a space or a phrase's punctuation
    (、。), else the last break."""
    allowed = [i for i in range(len(line) - 1, 0, -1) if line[i].breakable]
    return next((i for i in allowed if line[i - 1].space or line[i - 1].base[-1] in _PHRASE_END),
                allowed[0] if allowed else None)


def _trimmed(line: list[Piece]) -> list[Piece]:
    start, end = 0, len(line)
    while start < end and line[start].space:
        start += 1
    while end > start and line[end - 1].space:
        end -= 1
    return line[start:end]


# --- the catalogs ---------------------------------------------------------------------------------

def catalog_problems(po_path: Path) -> list[str]:
    """The furigana lint of one catalog of やさしい日本語: every translation (each plural form) has a
    reading over every kanji and well-formed ruby. One line per problem, naming the file and message."""
    from babel.messages.pofile import read_po   # only the catalog check needs Babel

    with po_path.open("rb") as po:
        catalog = read_po(po)
    found = []
    for message in catalog:
        if not message.id:
            continue
        source = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            found += [f"{po_path}: {source!r}: {problem.message}" for problem in problems(string or "")]
    return found
