"""Which characters the exported PDFs can draw, known before anything is written.

The forms are drawn with the bundled BIZ UDGothic and, for the characters it lacks, the first
font of FALLBACK_FONTS that exists (pdf.py). fpdf2 silently leaves out a character no font has,
which would print a wrong name: the answers are checked against the same fonts' character maps
(read once with fontTools, which fpdf2 itself uses) when they are read (interview/validation.py).

No fpdf2 import here: the window checks answers long before the first export loads fpdf2.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from assistant import resources

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
    """The characters of `text` (each once, in order) that neither the bundled font nor the
    fallback font the PDF would use can draw."""
    if all(_ascii_printable(c) for c in text):
        return []
    main = _cmap(FONT_FILE, 0)
    lacking = [c for c in dict.fromkeys(text) if ord(c) not in main and ord(c) not in _NOT_DRAWN]
    if not lacking:
        return []
    found = find_fallback_font()
    if found is None:
        return lacking
    fallback = _cmap(*found)
    return [c for c in lacking if ord(c) not in fallback]
