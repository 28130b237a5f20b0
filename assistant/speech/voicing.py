"""Give each part of a sentence the voice that can read it.

A sentence is always translated whole (one msgid with named placeholders). When the person's
language is not Japanese, the Japanese inside it (an official label, an answer, an example) is
cut out as its own utterance for a Japanese voice, because an English or Vietnamese voice reads
kanji as noise ("Chinese letter"). Only the voice changes between the parts: the words and their
order are the translator's. やさしい日本語 is read by the Japanese voice from its plain text
(`ruby.plain`), without the readings written over its kanji.
"""

from __future__ import annotations

import unicodedata

from assistant import ruby
from assistant.i18n import current_language
from assistant.speech.speaker import Utterance, base_language

JAPANESE = "ja"
#: languages whose own script includes kanji: their sentences are never cut
UNCUT = frozenset({"ja", "zh", "yue"})
_JAPANESE_RANGES = ((0x3000, 0x30FF),     # CJK punctuation (、。「」〒 and the ideographic space), kana
                    (0x31F0, 0x33FF),     # small kana, enclosed and compatibility CJK (㈱ ㍻)
                    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),   # kanji
                    (0xFF00, 0xFFEF),     # full-width forms (（）１２), half-width katakana
                    (0x20000, 0x3FFFF))   # rarer kanji (names)


def is_japanese(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _JAPANESE_RANGES)


def _kind(char: str) -> str | None:
    """"ja" for Japanese script, "other" for any other letter, None for what has no voice of its
    own (spaces, digits, punctuation): it stays with its neighbours."""
    if is_japanese(char):
        return JAPANESE
    return "other" if unicodedata.category(char).startswith("L") else None


def _sayable(text: str) -> bool:
    return any(unicodedata.category(c)[0] in "LN" for c in text)


def split_runs(text: str) -> list[tuple[str, bool]]:
    """`text` cut where it changes between Japanese and other script: (run, is_japanese)."""
    runs: list[list] = []
    pending = ""
    for char in text:
        kind = _kind(char)
        if kind is None or (runs and runs[-1][1] == (kind == JAPANESE)):
            if runs:
                runs[-1][0] += char
            else:
                pending += char
            continue
        if runs:
            # Digits and brackets written against the new script belong to it: "1970年", "(氏名)".
            runs[-1][0], pending = _cut_attached(runs[-1][0])
        runs.append([pending + char, kind == JAPANESE])
        pending = ""
    if not runs:
        return [(pending, False)] if pending else []
    return [(run, japanese) for run, japanese in runs]


def _cut_attached(text: str) -> tuple[str, str]:
    """`text` without the voiceless characters at its end that follow its last space."""
    end = len(text)
    while end > 0 and _kind(text[end - 1]) is None and not text[end - 1].isspace():
        end -= 1
    return text[:end], text[end:]


def voiced(text: str, language: str | None = None, rate: float = 1.0) -> list[Utterance]:
    """One whole sentence in `language` (default: the interface language) as utterances, the
    Japanese parts in Japanese. Parts with nothing to say (a lone bracket) are dropped. Furigana
    (やさしい日本語's 漢字《かんじ》) are not said: the voice reads the plain text, each word once."""
    language = language or current_language()
    text = ruby.plain(text)
    if base_language(language) in UNCUT:
        return [Utterance(text.strip(), language, rate)] if _sayable(text) else []
    utterances = []
    for run, japanese in split_runs(text):
        run = run.strip()
        if _sayable(run):
            utterances.append(Utterance(run, JAPANESE if japanese else language, rate))
    return utterances
