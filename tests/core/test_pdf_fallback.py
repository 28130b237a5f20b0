"""Names with characters the bundled font lacks (𠮷 U+20BB7, outside the BMP) print and extract exactly."""

from __future__ import annotations

import logging
import subprocess

import pytest
from fpdf import FPDF

from assistant.export import pdf as pdf_module
from assistant.export.pdf import FONT, FONT_DIR, find_fallback_font, missing_glyphs, render_pdf
from assistant.interview.session import Session
from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.catalog import Catalog
from tests.core.test_export import CREATED, _tool, pdftotext
from tests.core.test_session import ANSWERS

YOSHIDA = {**ANSWERS["applicant_name"], "family": "𠮷田", "given": "髙志",
           "family_kana": "よしだ", "given_kana": "たかし"}


def _session(name: dict) -> Session:
    procedure = Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")
    return Session(procedure, {**ANSWERS, "applicant_name": name})


def _embedded_fonts(path) -> list[str]:
    """pdffonts' rows (header left out): one per font, name first, then type … emb sub uni."""
    out = subprocess.run([_tool("pdffonts"), str(path)], capture_output=True, text=True, check=True).stdout
    return out.splitlines()[2:]


def _fallback_rows(path) -> list[str]:
    return [row for row in _embedded_fonts(path) if "BIZUDGothic" not in row]


@pytest.fixture
def fallback_font():
    found = find_fallback_font()
    if found is None:
        pytest.fail("No fallback font for characters BIZ UDGothic lacks (𠮷): install the Debian package "
                    "fonts-noto-cjk (scripts/setup.sh does so when run as root)")
    return found


@pytest.fixture
def bundled_font_pdf():
    pdf = FPDF()
    pdf.add_font(FONT, "", str(FONT_DIR / "BIZUDGothic-Regular.ttf"))
    yield pdf
    pdf.fonts[FONT.lower()].close()   # fpdf2 reads the font lazily and closes it only in output()


def test_missing_glyphs_are_read_from_the_cmap_fpdf2_parsed(bundled_font_pdf):
    pdf = bundled_font_pdf
    assert len("𠮷") == 1   # one code point in Python, two UTF-16 units elsewhere
    assert missing_glyphs(pdf, ["𠮷田", "山\n", "髙﨑𠮟"]) == {"𠮷"}
    assert missing_glyphs(pdf, ["山田太郎"]) == set()


def test_name_outside_the_bmp_is_drawn_from_the_fallback_font(fallback_font, tmp_path):
    result = render_pdf(_session(YOSHIDA), tmp_path / "form.pdf", CREATED)
    assert result.missing == frozenset()
    text = pdftotext(result.path)
    assert "𠮷田 髙志" in text and "ヨシダ タカシ" in text
    rows = _fallback_rows(result.path)
    assert rows and all(" yes " in row for row in rows), _embedded_fonts(result.path)


def test_ordinary_answers_embed_only_the_bundled_font(fallback_font, tmp_path):
    result = render_pdf(_session(ANSWERS["applicant_name"]), tmp_path / "form.pdf", CREATED)
    assert result.missing == frozenset()
    assert _embedded_fonts(result.path) and _fallback_rows(result.path) == []


def test_without_a_fallback_font_the_export_succeeds_and_reports_without_logging_the_name(
        monkeypatch, caplog, tmp_path):
    monkeypatch.setattr(pdf_module, "FALLBACK_FONTS", ())
    caplog.set_level(logging.DEBUG)
    result = render_pdf(_session(YOSHIDA), tmp_path / "form.pdf", CREATED)
    assert result.missing == frozenset({"𠮷"})
    assert "髙志" in pdftotext(result.path)
    assert _fallback_rows(result.path) == []
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "1 character(s)" in logged
    assert "𠮷" not in logged and "20bb7" not in logged.lower()
