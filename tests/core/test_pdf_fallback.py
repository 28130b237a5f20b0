"""Names with characters the bundled font lacks (𠮷 U+20BB7, outside the BMP) print and extract exactly."""

from __future__ import annotations

import logging
import subprocess

import pytest
from fpdf import FPDF

from assistant import fonts
from assistant.export.package import IncompleteError, export_package
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


def test_without_a_fallback_font_the_name_is_refused_before_anything_is_written(monkeypatch, caplog, tmp_path):
    # fpdf2 would leave 𠮷 out of the page and the text layer: 田 髙志 printed as the name, exit 0
    monkeypatch.setattr(fonts, "FALLBACK_FONTS", ())
    caplog.set_level(logging.DEBUG)
    session = _session(YOSHIDA)
    [error] = [e for e in session.missing() if e.field_id == "applicant_name"]
    assert (error.part, error.code) == ("family", "text.no_glyph")
    assert "U+20BB7 CJK UNIFIED IDEOGRAPH-20BB7" in error.message and error.suggestion == "吉田"
    with pytest.raises(IncompleteError):
        export_package(session, tmp_path / "out")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "𠮷" not in logged and "20bb7" not in logged.lower()
