"""The faces a PDF embeds, chosen per language and per character, and lines broken per language.

A document in a language is drawn in that language's main face (the languages table's first
script); each character the face lacks is drawn by the next face of `fonts.faces(language)` that
has it (fpdf2's fallback fonts switch face per run of characters), so Thai, Myanmar, Nepali,
Korean, Chinese and Vietnamese never print blank. Only the faces the texts need are added: fpdf2
reads a whole font when it is added (~100 ms for a CJK face). Scripts that reorder or join letters
(Myanmar, Devanagari, Thai marks) are shaped with HarfBuzz (fpdf2's text shaping, uharfbuzz).
"""

from __future__ import annotations

from collections.abc import Iterable

from fpdf import FPDF

from assistant import fonts
from assistant.linebreak import fill

#: a little room so fpdf2's own measure (rounded differently) never breaks a line we filled again
_SLACK_MM = 0.3


def use_faces(pdf: FPDF, language: str, texts: Iterable[str]) -> tuple[str, set[str]]:
    """Add to `pdf` the faces a document in `language` with `texts` needs and make the first the
    font and the others fallbacks; return (main family, characters no face can draw)."""
    texts = list(texts)
    chosen, missing = fonts.faces_needed(language, texts)
    for face in chosen:
        if face.family.lower() not in pdf.fonts:
            pdf.add_font(face.family, "", str(face.path), collection_font_number=face.index)
    pdf.set_fallback_fonts([face.family for face in chosen[1:]])
    if fonts.needs_shaping(texts):
        pdf.set_text_shaping(True)
    return chosen[0].family, missing


def wrapped(pdf: FPDF, text: str, width: float, language: str) -> str:
    """`text` with its line breaks put where `language` allows, for a box `width` mm wide in the
    current font (fpdf2 itself breaks only at spaces or anywhere)."""
    return fill(text, width - _SLACK_MM, pdf.get_string_width, language)


def discard(pdf: FPDF) -> None:
    """Close the font files of a PDF that is thrown away unwritten (fpdf2 closes them on output)."""
    for font in pdf.fonts.values():
        close = getattr(font, "close", None)   # core fonts have no file
        if close is not None:
            close()
