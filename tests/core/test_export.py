"""Exported files: a PDF whose text layer carries the exact Japanese, with the font embedded; JSON."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess

import pytest

from assistant.export.package import IncompleteError, export_package
from assistant.interview.record import Record
from assistant.interview.session import Session
from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.catalog import Catalog
from tests.core.test_session import ANSWERS

CREATED = dt.datetime(2026, 11, 26, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: install poppler-utils (./run-tests does so when run as root)")
    return path


@pytest.fixture
def session():
    return Session(Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy"), dict(ANSWERS))


def pdftotext(path) -> str:
    """The PDF's text in reading order, every run of spaces (U+3000 included) as one space.

    pdftotext turns spaces into layout gaps, so spacing is compared loosely; characters exactly.
    """
    text = subprocess.run([_tool("pdftotext"), "-raw", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return " ".join(text.split())


def test_pdf_holds_the_official_labels_and_the_exact_answers(session, tmp_path):
    result = export_package(session, tmp_path, CREATED)
    text = pdftotext(result.pdf)
    for expected in ("住民票の写し等交付請求書", "請求者の氏名", "山田 太郎", "ヤマダ タロウ",
                     "1970年(昭和45年)3月1日", "〒100-0013", "東京都千代田区霞が関2-1-2",
                     "請求者の署名", "本人確認書類", "住民票がある市区町村の窓口"):
        assert expected in text, expected
    assert "委任状" not in text   # not a proxy
    assert "⼊" not in text and "⽇" not in text   # no Kangxi radicals in the text layer


def test_pdf_embeds_the_bundled_font_and_is_a4(session, tmp_path):
    result = export_package(session, tmp_path, CREATED)
    fonts = subprocess.run([_tool("pdffonts"), str(result.pdf)], capture_output=True, text=True,
                           check=True).stdout
    rows = [line for line in fonts.splitlines() if "BIZUDGothic" in line]
    assert rows and all(" yes " in row for row in rows)
    info = subprocess.run([_tool("pdfinfo"), str(result.pdf)], capture_output=True, text=True, check=True).stdout
    assert "595.28 x 841.89 pts (A4)" in info


def test_json_has_procedure_version_normalised_answers_and_time(session, tmp_path):
    result = export_package(session, tmp_path, CREATED)
    record = json.loads(result.json.read_text(encoding="utf-8"))
    assert record["procedure"] == {"id": "juminhyo_copy", "version": "2026.1", "title": "住民票の写し等交付請求書"}
    assert record["created"] == "2026-11-26T10:30:00+09:00"
    assert record["answers"]["applicant_phone"] == "090-1234-5678"
    assert record["answers"]["applicant_birth_date"] == "1970-03-01"


def test_file_names_carry_no_personal_data(session, tmp_path):
    result = export_package(session, tmp_path, CREATED)
    names = [p.name for p in result.folder.rglob("*")] + [result.folder.name]
    assert not any("山田" in n or "090" in n for n in names)


def test_incomplete_answers_are_refused_with_the_list_of_problems(tmp_path):
    procedure = Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")
    with pytest.raises(IncompleteError) as raised:
        export_package(Session(procedure, {"relationship": "self"}), tmp_path, CREATED)
    assert "applicant_name" in {e.field_id for e in raised.value.errors}
    assert list(tmp_path.iterdir()) == []


def test_a_my_number_is_masked_on_screen_but_printed_in_full_on_the_form(tmp_path):
    from assistant.procedures.loader import load_file
    from tests.conftest import FIELD_KINDS_ANSWERS, GALLERY

    procedure, _errors = load_file(GALLERY / "field_kinds.yaml")
    session = Session(procedure, FIELD_KINDS_ANSWERS)
    review = {str(row.path): row.display for row in Record.of(session).rows}
    assert "123456789018" not in review["my_number"].replace(" ", "") and review["my_number"].endswith("9018")
    result = export_package(session, tmp_path, CREATED)
    assert "1234 5678 9018" in pdftotext(result.pdf)
