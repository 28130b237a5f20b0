"""Make the bundled Chinese and Korean faces: Noto Sans CJK KR / SC / TC cut down to the characters
of the national character sets, so the three faces weigh a few MB instead of 19 MB each: Korean
keeps every modern Hangul syllable and KS X 1001's symbols (its hanja are drawn by the Japanese
face), Simplified Chinese GB 2312, Traditional Chinese Big5's symbols and its 5,401 common
characters (level 1; a rarer character falls back to the Japanese face, never to nothing). Run once by hand when the fonts change:

    apt-get install fonts-noto-cjk      # Debian's copy of Noto Sans CJK (OFL)
    python scripts/subset_fonts.py /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc resources/fonts

The faces keep their CFF outlines (fpdf2 embeds CFF-based OpenType; Qt draws it) and their
OpenType layout tables (vertical forms are dropped: the application writes horizontally).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

#: face index in NotoSansCJK-Regular.ttc (checked with fontTools) → (output file, legacy encoding, extra ranges)
FACES = {
    1: ("NotoSansCJKkr-Regular-Subset.otf", "euc_kr", [(0xAC00, 0xD7A3), (0x1100, 0x11FF), (0x3130, 0x318F)]),
    2: ("NotoSansCJKsc-Regular-Subset.otf", "gb2312", []),
    3: ("NotoSansCJKtc-Regular-Subset.otf", "big5", []),
}
#: which ideographs a face keeps: all of GB 2312, Big5 level 1 (A440–C67E), none for Korean
HAN_KEPT = {
    "euc_kr": lambda encoded: False,
    "gb2312": lambda encoded: True,
    "big5": lambda encoded: b"\xa4\x40" <= encoded <= b"\xc6\x7e",
}
#: what every face keeps: ASCII, Latin-1, general punctuation, CJK symbols, full-width forms
COMMON = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x3000, 0x303F), (0xFF00, 0xFFEF)]


def encodable(encoding: str) -> set[int]:
    """Every BMP character the legacy `encoding` can write (its national character set)."""
    points = set()
    for point in range(0x80, 0x10000):
        if 0xD800 <= point <= 0xDFFF:
            continue
        try:
            encoded = chr(point).encode(encoding)
        except UnicodeEncodeError:
            continue
        if _is_han(point) and not HAN_KEPT[encoding](encoded):
            continue
        points.add(point)
    return points


def _is_han(point: int) -> bool:
    return 0x3400 <= point <= 0x9FFF or 0xF900 <= point <= 0xFAFF


def main(source: str, folder: str) -> None:
    collection = TTCollection(source)
    for index, (name, encoding, extra) in FACES.items():
        font = collection.fonts[index]
        wanted = encodable(encoding) | {p for lo, hi in COMMON + extra for p in range(lo, hi + 1)}
        options = subset.Options()
        options.layout_features = ["*"]
        options.drop_tables += ["vhea", "vmtx", "VORG"]
        options.name_IDs = ["*"]
        options.notdef_outline = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=wanted & set(font.getBestCmap()))
        subsetter.subset(font)
        out = Path(folder) / name
        font.save(str(out))
        print(f"{out}: {out.stat().st_size / 1e6:.1f} MB, {len(font.getBestCmap())} characters")


if __name__ == "__main__":
    main(*sys.argv[1:3])
