"""Furigana in the PDF (assistant/export/ruby_pdf.py), read back with poppler's pdftotext."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant import ruby
from assistant.export.pdf import FONT, add_fallback_font, new_pdf
from assistant.export.ruby_pdf import write_ruby
from tests.core.test_ruby import SAMPLES

MM = 72 / 25.4     # pdftotext measures in points, the PDF is laid out in millimetres
LEFT, WIDTH = 20.0, 70.0
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


@dataclass(frozen=True)
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    page: int

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def span(self, index: int, length: int) -> tuple[float, float]:
        """Where characters index…index+length lie (BIZ UDGothic: kana and kanji 1 em, ASCII ½ em)."""
        widths = [0.5 if ord(c) < 128 else 1.0 for c in self.text]
        em = (self.x1 - self.x0) / sum(widths)
        start = self.x0 + sum(widths[:index]) * em
        return start, start + sum(widths[index:index + length]) * em


def _pdf(tmp_path: Path, texts: list[str], size: float = 14) -> Path:
    pdf = new_pdf("ruby")          # the copy's own page, font and footer
    pdf.set_font(FONT, "", size)
    for text in texts:
        pdf.set_x(LEFT)
        write_ruby(pdf, text, width=WIDTH)
        pdf.ln(3)
    path = tmp_path / "ruby.pdf"
    pdf.output(str(path))
    return path


def _words(path: Path) -> list[Word]:
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    words = []
    for page, chunk in enumerate(out.split("<page ")[1:], start=1):
        words += [Word(*map(float, m.groups()[:4]), m[5], page) for m in _WORD.finditer(chunk)
                  if "てつづきアシスタント" not in m[5] and "／" not in m[5]]    # not the footer
    return words


def _split(words: list[Word], size: float = 14) -> tuple[list[Word], list[Word]]:
    """The bases (as high as the font size, in points) and the readings (half that)."""
    return [w for w in words if w.height > size * 0.75], [w for w in words if w.height <= size * 0.75]


def test_each_reading_is_centred_just_above_its_base_at_half_its_size(tmp_path):
    words = _words(_pdf(tmp_path, list(SAMPLES)))
    bases, readings = _split(words)
    rubies = [s for text in SAMPLES for s in ruby.parse(text) if s.reading]
    assert [w.text for w in readings] == [s.reading for s in rubies]     # each reading once, in order
    for segment, reading in zip(rubies, readings):
        assert reading.height == pytest.approx(bases[0].height / 2, rel=0.1)
        below = [w for w in bases if w.page == reading.page and 0 <= w.y0 - reading.y1 < reading.height]
        spans = [w.span(i, len(segment.base)) for w in below for i in range(len(w.text))
                 if w.text.startswith(segment.base, i)]
        assert spans, f"no {segment.base} right under {segment.reading}"
        centre = (reading.x0 + reading.x1) / 2
        start, end = min(spans, key=lambda s: abs((s[0] + s[1]) / 2 - centre))
        assert abs((start + end) / 2 - centre) < 1.0, (segment, start, end, reading)


def test_lines_wrap_within_the_width_and_pages_break_at_the_margin(tmp_path):
    path = _pdf(tmp_path, list(SAMPLES) * 8)
    words = _words(path)
    assert max(w.page for w in words) >= 2
    assert min(w.x0 for w in words) >= LEFT * MM - 0.5
    assert max(w.x1 for w in words) <= (LEFT + WIDTH) * MM + 0.5
    bases, _readings = _split(words)
    assert len({(w.page, round(w.y0)) for w in bases}) >= 8 * 5
    assert max(w.y1 for w in words) < (297 - 15) * MM                # above the footer's margin


def test_the_text_layer_reads_each_sentence_whole_with_the_readings_apart(tmp_path):
    sentence = "名前《なまえ》を 書《か》いて ください。"     # one line; no reading wider than its base
    path = _pdf(tmp_path, [sentence, "".join(SAMPLES)])
    raw = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    lines = [" ".join(line.split()) for line in raw.splitlines()]
    assert ruby.plain(sentence) in lines
    assert "なまえ か" in lines
    bases, _readings = _split(_words(path))
    together = "".join(w.text for w in bases)
    assert together == "".join((ruby.plain(sentence) + ruby.plain("".join(SAMPLES))).split())


def test_only_the_copys_font_is_embedded(tmp_path):
    fonts = subprocess.run(["pdffonts", str(_pdf(tmp_path, list(SAMPLES)))], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all("BIZUDGothic" in line for line in fonts)


def test_plain_text_without_readings_takes_no_room_for_them(tmp_path):
    pdf = new_pdf("plain")
    pdf.set_font(FONT, "", 12)
    top = pdf.get_y()
    write_ruby(pdf, "ひらがなだけの ぶんです。")
    plain_height = pdf.get_y() - top
    top = pdf.get_y()
    write_ruby(pdf, "漢字《かんじ》の ある 文《ぶん》です。")
    assert plain_height < pdf.get_y() - top
    pdf.output()       # which closes the font files fpdf2 keeps open


def test_a_character_the_font_lacks_is_drawn_with_the_fallback_font(tmp_path):
    text = "𠮷田《よしだ》さんの 住所《じゅうしょ》"        # 𠮷 (U+20BB7) is not in BIZ UDGothic
    pdf = new_pdf("fallback")
    assert add_fallback_font(pdf, [ruby.plain(text)]) == set()
    pdf.set_font(FONT, "", 14)
    write_ruby(pdf, text)
    path = tmp_path / "fallback.pdf"
    pdf.output(str(path))
    bases, readings = _split(_words(path))
    assert "".join(w.text for w in bases).startswith("𠮷田さんの")
    assert [w.text for w in readings] == ["よしだ", "じゅうしょ"]
