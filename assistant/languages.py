"""The languages of the application, as data: `locales/languages.yaml` read and checked.

Everything that differs between languages and is not a translation lives in that table: the
native name shown in the picker, the catalog folder, the Babel locale (lists, dates, numbers), the
PDF language tag, the scripts and so the fonts on screen and in the PDF, the line-break rule and
the preferred offline voices. i18n, speech, the person's copy and the window read it from here,
so adding a language is a row plus its catalogs (plus a font when its script is new).

The table is written by developers: a broken row stops the application with an error naming the
file and the line (English, like any start-up failure; there is no interface yet to translate it).
Imports nothing from the rest of the application except `resources`, so i18n can use it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import re

import yaml

from assistant import resources

TABLE = "languages.yaml"
LINE_BREAKS = ("word", "char", "dictionary")
ENGINES = ("openjtalk", "espeak")
_TEXT_FIELDS = ("code", "native", "english", "catalog", "babel", "tag", "line_break")


#: a name as a residence card writes it: upper-case Latin words (family name first), or kanji (and
#: kana) with a full-width space between family and given name, as Chinese and Korean residents' names
_CARD_NAME = re.compile(r"[A-Z][A-Z'\-]*(?: [A-Z][A-Z'\-]*)+|[\u3400-\u9fff\u3040-\u30ff]+(?:　[\u3400-\u9fff\u3040-\u30ff]+)+")
#: its reading: katakana words separated by full-width spaces (ー and ・ inside a word)
_KATAKANA_READING = re.compile(r"[\u30a1-\u30fa\u30fc\u30fb]+(?:　[\u30a1-\u30fa\u30fc\u30fb]+)+")
#: the kinds of question whose example is a person's name
NAME_KINDS = ("person_name",)


class LanguageTableError(ValueError):
    """`languages.yaml` has a broken row; the message names the file and the line."""


@dataclass(frozen=True)
class Script:
    """A writing system: the bundled face that draws it on screen and in the PDF."""

    code: str                          # ISO 15924: "Thai", "Jpan"
    face: str                          # the family name Qt knows it by
    pdf: str                           # font file in resources/fonts embedded in PDFs
    screen: tuple[str, ...]            # font files loaded for the screen (default: the PDF's)
    shaping: bool                      # needs OpenType shaping (reordering, conjuncts)
    ranges: tuple[tuple[int, int], ...]

    def has(self, char: str) -> bool:
        point = ord(char)
        return any(low <= point <= high for low, high in self.ranges)


@dataclass(frozen=True)
class Language:
    """One row of the table (see the file's header for what each column means)."""

    code: str
    native: str
    english: str
    catalog: str
    babel: str
    tag: str
    scripts: tuple[Script, ...]
    line_break: str
    voices: dict[str, str]
    offered: bool
    line: int                          # where the row is, for messages
    example_name: str = ""             # a typical name of the community as on a residence card
    example_reading: str = ""          # its reading in katakana

    def voice(self, engine: str) -> str | None:
        """The preferred voice id of `engine` ("espeak", "openjtalk") for this language, if any."""
        return self.voices.get(engine)


@dataclass(frozen=True)
class Table:
    scripts: dict[str, Script]
    languages: dict[str, Language]


def _fail(path: Path, line: int, message: str) -> LanguageTableError:
    return LanguageTableError(f"{path}:{line}: {message}")


def _ranges(path: Path, line: int, values: Any) -> tuple[tuple[int, int], ...]:
    ranges = []
    for value in values or ():
        try:
            low, high = (int(part, 16) for part in str(value).split("-"))
        except ValueError:
            raise _fail(path, line, f"range {value!r} is not like 0E00-0E7F") from None
        ranges.append((low, high))
    return tuple(ranges)


def _script(path: Path, code: str, row: Any, line: int) -> Script:
    if not isinstance(row, dict) or not isinstance(row.get("face"), str) or not isinstance(row.get("pdf"), str):
        raise _fail(path, line, f"script {code} needs a face (family name) and a pdf (font file)")
    screen = tuple(row.get("screen") or (row["pdf"],))
    return Script(code, row["face"], row["pdf"], screen, bool(row.get("shaping", False)),
                  _ranges(path, line, row.get("ranges")))


def _language(path: Path, row: Any, line: int, scripts: dict[str, Script]) -> Language:
    if not isinstance(row, dict):
        raise _fail(path, line, "a language row is a mapping of code, native, english, …")
    for key in _TEXT_FIELDS:
        if not isinstance(row.get(key), str) or not row[key].strip():
            raise _fail(path, line, f"{row.get('code', 'the language')}: {key} is missing or empty")
    code = row["code"]
    if row["line_break"] not in LINE_BREAKS:
        raise _fail(path, line, f"{code}: line_break is {row['line_break']!r}, not one of {', '.join(LINE_BREAKS)}")
    names = row.get("scripts")
    if not isinstance(names, list) or not names:
        raise _fail(path, line, f"{code}: scripts is missing (e.g. [Latn])")
    unknown = [name for name in names if name not in scripts]
    if unknown:
        raise _fail(path, line, f"{code}: unknown script {unknown[0]!r} (known: {', '.join(scripts)})")
    voices = row.get("voices") or {}
    if not isinstance(voices, dict) or any(engine not in ENGINES for engine in voices):
        raise _fail(path, line, f"{code}: voices maps an engine ({', '.join(ENGINES)}) to a voice id")
    if not isinstance(row.get("offered"), bool):
        raise _fail(path, line, f"{code}: offered is true or false")
    return Language(code, row["native"], row["english"], row["catalog"], row["babel"], row["tag"],
                    tuple(scripts[name] for name in names), row["line_break"], dict(voices), row["offered"], line)


def _example_name(path: Path, line: int, code: str, value: Any) -> tuple[str, str]:
    """A language's `example_names` entry, `{name: NGUYEN VAN AN, reading: グエン　ヴァン　アン}`, checked."""
    if not isinstance(value, dict) or not isinstance(value.get("name"), str) or not isinstance(
            value.get("reading"), str):
        raise _fail(path, line, f"{code}: example_name is missing: {{name: NGUYEN VAN AN, reading: グエン　ヴァン　アン}}, "
                                "a typical name of the community as written on a residence card")
    name, reading = value["name"], value["reading"]
    if not _CARD_NAME.fullmatch(name):
        raise _fail(path, line, f"{code}: example_name {name!r} is not written as on a residence card: upper-case "
                                "Latin, family name first (NGUYEN VAN AN), or kanji with a full-width space (王　偉)")
    if not _KATAKANA_READING.fullmatch(reading):
        raise _fail(path, line, f"{code}: the reading {reading!r} of {name!r} is not katakana words separated by "
                                "full-width spaces (グエン　ヴァン　アン)")
    return name, reading


def _lines(node: yaml.Node, key: str) -> list[int]:
    """1-based line of each item of the sequence (or mapping value) under `key` of the root node."""
    for key_node, value in getattr(node, "value", ()):
        if key_node.value == key:
            items = value.value
            return [(item[1] if isinstance(item, tuple) else item).start_mark.line + 1 for item in items]
    return []


def read_table(path: Path) -> Table:
    """Read and check the table at `path`; raise LanguageTableError naming file and line."""
    text = path.read_text(encoding="utf-8")
    try:
        root, data = yaml.compose(text, Loader=yaml.SafeLoader), yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise _fail(path, mark.line + 1 if mark else 1, f"not valid YAML: {getattr(error, 'problem', error)}") from None
    if not isinstance(data, dict) or not isinstance(data.get("scripts"), dict) or not data.get("languages"):
        raise _fail(path, 1, "the table needs `scripts:` and `languages:`")
    scripts = {code: _script(path, code, row, line)
               for (code, row), line in zip(data["scripts"].items(), _lines(root, "scripts"), strict=True)}
    languages: dict[str, Language] = {}
    for row, line in zip(data["languages"], _lines(root, "languages"), strict=True):
        language = _language(path, row, line, scripts)
        if language.code in languages:
            raise _fail(path, line, f"{language.code} is listed twice (first on line {languages[language.code].line})")
        languages[language.code] = language
    examples = data.get("example_names") or {}
    if not isinstance(examples, dict):
        raise _fail(path, 1, "example_names maps each language code to {name: …, reading: …}")
    example_lines = dict(zip(examples, _lines(root, "example_names"), strict=True))
    for code, line in example_lines.items():
        if code not in languages:
            raise _fail(path, line, f"example_names: {code!r} is not a language of the table")
    for code, language in languages.items():
        line = example_lines.get(code, language.line)
        name, reading = _example_name(path, line, code, examples.get(code))
        languages[code] = replace(language, example_name=name, example_reading=reading)
    return Table(scripts, languages)


@cache
def table() -> Table:
    """The bundled table, read once."""
    return read_table(resources.locales() / TABLE)


def all_languages() -> dict[str, Language]:
    """Every row, offered or not, in the table's order."""
    return table().languages


def language(code: str) -> Language:
    """The row of `code`; KeyError for a code not in the table."""
    return table().languages[code]


def scripts() -> dict[str, Script]:
    return table().scripts


def field_example(kind: str, example: str, language: str) -> str:
    """The example shown with a question in `language`: for a name question, a name of the
    language's community as on a residence card, with its reading when the procedure's own example
    has one ("NGUYEN VAN AN（グエン　ヴァン　アン）"); the procedure's Japanese example in Japanese
    (ja, ja-easy), for other questions, and for a language not in the table."""
    row = all_languages().get(language)
    if kind not in NAME_KINDS or row is None or row.babel.split("_")[0] == "ja" or not example:
        return example
    return f"{row.example_name}（{row.example_reading}）" if "（" in example else row.example_name


def preferred_voices(engine: str) -> dict[str, str]:
    """Language code → the preferred voice id of `engine`, each also under its base language
    ("pt-BR" and "pt" → "roa/pt-br"; the first row of a base language wins)."""
    voices: dict[str, str] = {}
    for row in all_languages().values():
        voice = row.voice(engine)
        if voice:
            voices.setdefault(row.code, voice)
            voices.setdefault(row.code.replace("_", "-").split("-")[0].lower(), voice)
    return voices
