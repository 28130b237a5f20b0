"""Which fonts draw which language, and which characters the exported PDFs can draw, known before
anything is written.

Every script of the languages table (`locales/languages.yaml`) has a bundled face (OFL, in
resources/fonts): `faces(language)` lists them in the order a document in that language uses
them — the language's own scripts, then Japanese (the official text beside every answer), then
every other bundled face (a name in any script), then the system fallbacks below. The forms are
drawn with the bundled BIZ UDGothic and, for the characters it lacks, the next face that has them
(pdf.py, export/pdf_fonts.py). fpdf2 silently leaves out a character no font has,
which would print a wrong name: the answers are checked against the same fonts' character maps
(read once with fontTools, which fpdf2 itself uses) when they are read (interview/validation.py).

No fpdf2 import here: the window checks answers long before the first export loads fpdf2.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant import languages, resources

FONT_DIR = resources.fonts()
FONT_FILE = FONT_DIR / "BIZUDGothic-Regular.ttf"

# Fonts for the characters BIZ UDGothic lacks, as (file, face index in a collection); the first
# that exists is used. IPAmj明朝 (file ipamjm.ttf, installed by hand: not in Debian main) has every
# 文字情報基盤 glyph of registered names. Noto Sans CJK JP (face 0 of the .ttc, checked with
# fontTools) comes with the Debian package fonts-noto-cjk, which scripts/setup.sh installs.
FALLBACK_FONTS: tuple[tuple[Path, int], ...] = (
    (Path.home() / ".local/share/fonts/ipamjm.ttf", 0),
    (Path("/usr/local/share/fonts/ipamjm.ttf"), 0),
    (Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"), 0),
)

#: never looked up by fpdf2 (a line break in the page's own texts)
_NOT_DRAWN = frozenset({ord("\n")})


@dataclass(frozen=True)
class Face:
    """One font face: its family name in PDFs (fpdf2) and on screen, its file and face index."""

    family: str              # for fpdf2: the face's name without spaces ("NotoSansThai")
    path: Path
    index: int = 0
    shaping: bool = False    # its script needs OpenType shaping

    def cmap(self) -> frozenset[int]:
        return _cmap(self.path, self.index)


def _bundled(script: languages.Script) -> Face:
    return Face(script.face.replace(" ", ""), FONT_DIR / script.pdf, 0, script.shaping)


def faces(language: str) -> list[Face]:
    """Every face a document in `language` may use, in order (see the module's docstring); only
    system fallbacks that exist are listed."""
    table = languages.scripts()
    row = languages.all_languages().get(language)
    first = [script.code for script in row.scripts] if row else []
    order = list(dict.fromkeys([*first, "Jpan", *table]))
    bundled = [_bundled(table[code]) for code in order]
    system = [Face(f"Fallback{number}", path, index) for number, (path, index) in enumerate(FALLBACK_FONTS)
              if path.is_file()]
    return bundled + system


def faces_needed(language: str, texts: list[str]) -> tuple[list[Face], set[str]]:
    """The faces a document in `language` with `texts` embeds — its main face first, then only those
    that draw a character no earlier one has — and the characters no face can draw."""
    candidates = faces(language)
    chosen, missing = [candidates[0]], _lacking(candidates[0], texts)
    for face in candidates[1:]:
        if not missing:
            break
        drawn = {char for char in missing if ord(char) in face.cmap()}
        if drawn:
            chosen.append(face)
            missing -= drawn
    return chosen, missing


def _lacking(face: Face, texts: list[str]) -> set[str]:
    cmap = face.cmap()
    return {char for text in texts for char in text if ord(char) not in cmap and ord(char) not in _NOT_DRAWN}


def needs_shaping(texts: list[str]) -> bool:
    """Whether `texts` hold a script that must be shaped to print right (Thai, Myanmar, Devanagari)."""
    shaped = [script for script in languages.scripts().values() if script.shaping]
    return any(script.has(char) for text in texts for char in text if char > "\u08ff" for script in shaped)


def find_fallback_font() -> tuple[Path, int] | None:
    """The first font of FALLBACK_FONTS that exists, as (file, face index), or None."""
    return next(((path, index) for path, index in FALLBACK_FONTS if path.is_file()), None)


@lru_cache(maxsize=8)
def _cmap(path: Path, index: int) -> frozenset[int]:
    from fontTools.ttLib import TTFont   # ~0.1 s per font: only when a character needs it

    with TTFont(str(path), fontNumber=index, lazy=True) as font:
        return frozenset(font.getBestCmap() or ())


def _ascii_printable(char: str) -> bool:
    return " " <= char <= "~"   # every one of them is in BIZ UDGothic: no font read for plain ASCII


def unprintable(text: str) -> list[str]:
    """The characters of `text` (each once, in order) that no face a Japanese form would use —
    BIZ UDGothic, the other bundled faces, the system fallbacks — can draw."""
    if all(_ascii_printable(c) for c in text):
        return []
    main = _cmap(FONT_FILE, 0)
    lacking = [c for c in dict.fromkeys(text) if ord(c) not in main and ord(c) not in _NOT_DRAWN]
    for face in faces("ja")[1:]:
        if not lacking:
            break
        cmap = face.cmap()
        lacking = [c for c in lacking if ord(c) not in cmap]
    return lacking


def screen_fonts(language: str) -> list[tuple[str, tuple[Path, ...]]]:
    """(face, its bundled files) for the screen in `language`'s order: its scripts, Japanese, the
    rest. Qt draws each character with the first family that has it (its font fallback)."""
    table = languages.scripts()
    row = languages.all_languages().get(language)
    order = dict.fromkeys([script.code for script in row.scripts] if row else [])
    order.update(dict.fromkeys(["Jpan", *table]))
    return [(table[code].face, tuple(FONT_DIR / name for name in table[code].screen)) for code in order]
