"""Add furigana to やさしい日本語 drafts with Open JTalk's analysis, and list the readings used so a
person can check them by eye.

    python scripts/furigana.py annotate draft.tsv chunk.json done.json
    python scripts/furigana.py readings [--only 何,方,日,人]

`annotate` reads a draft written by a translator, one message a line: ``key<TAB>text`` (``\\n`` in
the text is a line break; lines starting with ``#`` are comments), and writes ``done.json`` for
``po_chunks.py import`` (a plural message of the chunk file `chunk.json` gets a list of one form).
Every kanji without a reading gets one from ``pyopenjtalk.run_frontend``: the reading is turned into
hiragana and the okurigana stay outside the ruby (``書《か》く``, ``お知《し》らせ``). Readings the
translator wrote already (``何《なん》人《にん》``) are kept as written — write them where the analysis
guesses: numbers with counters (1通《つう》), 何《なん/なに》, 方《かた/ほう》, 日《ひ/にち/か》,
人《ひと/にん/じん》, names. It prints the words it could not split (the whole word then gets one ruby,
``｜お知らせ《おしらせ》``) and the kanji right after a digit or a placeholder (a counter, to check).

`readings` lists every (word, reading) pair in ``locales/ja_easy`` with its count, the least common
first, for the check by eye; ``--only`` keeps the pairs whose word contains one of the given kanji.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant import ruby  # noqa: E402

_KANJI = ruby._KANJI  # noqa: SLF001 - the same definition of a kanji as the lint
_HAS_KANJI = re.compile(rf"[{_KANJI}]")
_PIECE = re.compile(rf"[{_KANJI}]+|[^{_KANJI}]+")
#: a run of Japanese text the analysis is given (kanji, kana, ー); everything else passes through
_JAPANESE = re.compile(rf"[{_KANJI}\u3041-\u309f\u30a0-\u30ff]+")


def hiragana(text: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in text)


def _word(surface: str, reading: str) -> tuple[str, bool]:
    """`surface` with ruby on its kanji from `reading` (katakana); False when it could not be split."""
    if not _HAS_KANJI.search(surface):
        return surface, True
    reading = hiragana(reading)
    pieces = _PIECE.findall(surface)
    pattern = "".join("(.+?)" if _HAS_KANJI.match(p) else re.escape(hiragana(p)) for p in pieces)
    match = re.fullmatch(pattern, reading)
    if not match or not reading:
        return f"{ruby.BAR}{surface}{ruby.OPEN}{reading or '？'}{ruby.CLOSE}", False
    groups = iter(match.groups())
    return "".join(f"{p}{ruby.OPEN}{next(groups)}{ruby.CLOSE}" if _HAS_KANJI.match(p) else p for p in pieces), True


def _run(text: str, notes: list[str]) -> str:
    import pyopenjtalk

    words = pyopenjtalk.run_frontend(text)
    if "".join(w["string"] for w in words) != text:
        notes.append(f"analysis changed the text {text!r}; written with one ruby, check it")
        return f"{ruby.BAR}{text}{ruby.OPEN}{hiragana(''.join(w['read'] for w in words))}{ruby.CLOSE}"
    out = []
    for w in words:
        marked, ok = _word(w["string"], w["read"])
        if not ok:
            notes.append(f"could not split {w['string']}《{hiragana(w['read'])}》")
        out.append(marked)
    return "".join(out)


def annotate(text: str, notes: list[str]) -> str:
    """`text` with a reading on every kanji that has none."""
    result, position = [], 0
    for match in ruby._RUBY.finditer(text):  # noqa: SLF001 - readings already written are kept
        result.append(_plain(text[position:match.start()], notes))
        result.append(match.group())
        position = match.end()
    result.append(_plain(text[position:], notes))
    return "".join(result)


#: counters after a number or a placeholder: the analysis reads them wrongly without the number
_COUNTERS = {"週間": "しゅうかん", "時間": "じかん", "か月": "かげつ", "ヶ月": "かげつ", "種類": "しゅるい",
             "親等": "しんとう", "文字": "もじ", "歳": "さい", "才": "さい", "通": "つう", "回": "かい",
             "年": "ねん", "月": "がつ", "円": "えん", "枚": "まい", "時": "じ", "階": "かい", "件": "けん",
             "番": "ばん", "号": "ごう", "割": "わり", "部": "ぶ", "点": "てん", "名": "めい", "度": "ど",
             "冊": "さつ", "桁": "けた", "万": "まん", "千": "せん", "百": "ひゃく", "人": "にん", "日": "にち",
             "本": "ほん", "分": "ふん", "歩": "ほ", "秒": "びょう", "倍": "ばい", "軒": "けん", "個": "こ"}
_DAYS = {"1": "ついたち", "2": "ふつか", "3": "みっか", "4": "よっか", "5": "いつか", "6": "むいか",
         "7": "なのか", "8": "ようか", "9": "ここのか", "10": "とおか", "14": "じゅうよっか",
         "20": "はつか", "24": "にじゅうよっか"}
_COUNTER = re.compile(r"([0-9]+|\{[a-z_0-9]+\})(" + "|".join(sorted(_COUNTERS, key=len, reverse=True)) + ")")


def _counter(match: re.Match[str], notes: list[str]) -> str:
    number, counter = match.groups()
    reading = _COUNTERS[counter]
    if counter == "日" and number in _DAYS:
        notes.append(f"day {number}日 read {_DAYS[number]} (a date; write いちにち etc. for a span)")
        return f"{ruby.BAR}{number}日{ruby.OPEN}{_DAYS[number]}{ruby.CLOSE}"
    if counter == "人" and number in ("1", "2"):
        return f"{ruby.BAR}{number}人{ruby.OPEN}{'ひとり' if number == '1' else 'ふたり'}{ruby.CLOSE}"
    if counter in ("本", "分") and number.isdigit():
        last = number[-1] if number[-1] != "0" or len(number) == 1 else "10"
        if last in "1680" or number.endswith("10"):
            reading = "ぽん" if counter == "本" else "ぷん"
        elif last in "34" and counter == "分" or last == "3" and counter == "本":
            reading = "ぷん" if counter == "分" else "ぼん"
    if counter[0] in "かヶ":
        return f"{number}{counter[0]}{counter[1:]}{ruby.OPEN}{reading[1:]}{ruby.CLOSE}"
    return f"{number}{counter}{ruby.OPEN}{reading}{ruby.CLOSE}"


def _plain(chunk: str, notes: list[str]) -> str:
    result, position = [], 0
    for match in _COUNTER.finditer(chunk):
        result.append(_japanese(chunk[position:match.start()], notes))
        result.append(_counter(match, notes))
        position = match.end()
    result.append(_japanese(chunk[position:], notes))
    return "".join(result)


def _japanese(chunk: str, notes: list[str]) -> str:
    marked = _JAPANESE.sub(lambda m: _run(m.group(), notes) if _HAS_KANJI.search(m.group()) else m.group(), chunk)
    marked = re.sub(rf"何《なに》(?=[{_KANJI}])", "何《なん》", marked)
    for m in re.finditer(rf"(?<![{_KANJI}])(?:方|何|日|人)《[^》]*》", marked):
        if m.group() not in ("人《ひと》", "日《ひ》"):
            notes.append(f"check {m.group()} in …{marked[max(0, m.start() - 8):m.end() + 4]}…")
    return marked


def annotate_draft(draft: Path, chunk: Path, out: Path) -> int:
    plural = {m["key"] for m in json.loads(chunk.read_text(encoding="utf-8")) if "plural_forms" in m}
    keys = {m["key"] for m in json.loads(chunk.read_text(encoding="utf-8"))}
    done, bad = {}, 0
    for number, line in enumerate(draft.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        key, _, text = line.partition("\t")
        key = key.strip()
        if key not in keys:
            print(f"{draft.name}:{number}: {key} is not in {chunk.name}")
            bad += 1
            continue
        notes: list[str] = []
        marked = annotate(text.strip().replace("\\n", "\n"), notes)
        for note in notes:
            print(f"{key}: {note}")
        for problem in ruby.problems(marked):
            print(f"{key}: {problem.message}")
        done[key] = [marked] if key in plural else marked
    missing = keys - set(done)
    if missing:
        print(f"{len(missing)} messages of {chunk.name} not in the draft: {' '.join(sorted(missing))}")
    out.write_text(json.dumps(done, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(done)} messages written to {out}")
    return 1 if bad else 0


def readings(only: str | None) -> None:
    from babel.messages.pofile import read_po

    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    for path in sorted((ROOT / "locales" / "ja_easy" / "LC_MESSAGES").glob("*.po")):
        with path.open("rb") as po:
            for message in read_po(po):
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                for string in strings:
                    for segment in ruby.parse(string or ""):
                        if segment.reading is not None:
                            counts[segment.base, segment.reading] += 1
    wanted = set((only or "").replace(",", ""))
    for (base, reading), count in sorted(counts.items(), key=lambda item: (item[1], item[0])):
        if not wanted or wanted & set(base):
            print(f"{count:4} {base}《{reading}》")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    an = commands.add_parser("annotate")
    an.add_argument("draft", type=Path)
    an.add_argument("chunk", type=Path)
    an.add_argument("out", type=Path)
    rd = commands.add_parser("readings")
    rd.add_argument("--only")
    args = parser.parse_args()
    if args.command == "annotate":
        return annotate_draft(args.draft, args.chunk, args.out)
    readings(args.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
