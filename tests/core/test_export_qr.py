"""The package records who helped (JSON `filled_by`, one line on the form) and carries a QR code of
the answers that the counter can scan, from the PNG and from the printed form.

All people, addresses and numbers here are invented.
"""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from assistant.export.package import export_package
from assistant.export.qr import FORMAT
from assistant.interview.assisted import SELF, VOLUNTEER, Assistance
from assistant.interview.session import Session
from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.catalog import Catalog
from tests.core.test_export import CREATED, _tool, pdftotext
from tests.core.test_session import ANSWERS

VOLUNTEER_HELP = Assistance(VOLUNTEER, "山田 花子", "中央コミュニティセンター", "vi", "2026-11-26T01:25:00+00:00")
HELPER_LINE = "記入支援：中央コミュニティセンター 山田 花子（支援員・ボランティア）"
MM = 72 / 25.4   # PDF points per millimetre


@pytest.fixture
def procedure():
    return Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")


def _scan(image) -> dict:
    """What a counter's reader gets from `image`: zbarimg's decoded text, read as JSON."""
    found = subprocess.run([_tool("zbarimg"), "--raw", "-q", str(image)], capture_output=True, check=False)
    assert found.returncode == 0, f"no QR code found in {image.name}"
    return json.loads(found.stdout.decode("utf-8"))


def _expected(record: dict) -> dict:
    return {"format": FORMAT, "procedure": {"id": record["procedure"]["id"], "version": record["procedure"]["version"]},
            "answers": record["answers"]}


def test_json_says_who_helped_and_when_the_resident_agreed(procedure, tmp_path):
    result = export_package(Session(procedure, dict(ANSWERS)), tmp_path, CREATED, VOLUNTEER_HELP)
    record = json.loads(result.json.read_text(encoding="utf-8"))
    assert record["filled_by"] == {"role": "volunteer", "helper_name": "山田 花子",
                                   "helper_organisation": "中央コミュニティセンター",
                                   "applicant": "self", "resident_present": True,
                                   "consent_language": "vi", "consent_at": "2026-11-26T01:25:00+00:00"}


@pytest.mark.parametrize("assistance", [None, Assistance(SELF)])
def test_nothing_about_helpers_when_the_resident_filled_in_alone(procedure, tmp_path, assistance):
    result = export_package(Session(procedure, dict(ANSWERS)), tmp_path, CREATED, assistance)
    assert "filled_by" not in json.loads(result.json.read_text(encoding="utf-8"))
    assert "記入支援" not in pdftotext(result.pdf)


def test_form_names_the_helper_at_the_foot_of_the_page(procedure, tmp_path):
    result = export_package(Session(procedure, dict(ANSWERS)), tmp_path, CREATED, VOLUNTEER_HELP)
    text = pdftotext(result.pdf)
    assert HELPER_LINE in text
    assert text.index(HELPER_LINE) > text.index("請求者の署名")   # below the form, not inside it


def test_qr_png_holds_the_procedure_and_the_exported_answers(procedure, tmp_path):
    result = export_package(Session(procedure, dict(ANSWERS)), tmp_path, CREATED)
    assert result.qr == result.folder / "juminhyo_copy.qr.png"
    record = json.loads(result.json.read_text(encoding="utf-8"))
    scanned = _scan(result.qr)
    assert scanned == _expected(record)
    assert scanned["answers"]["applicant_name"]["family"] == "山田"   # UTF-8 read back, not mojibake


def test_qr_printed_on_the_form_scans_to_the_same_record(procedure, tmp_path):
    answers = {**ANSWERS, "relationship": "proxy",
               "subject_name": {"family": "佐藤", "given": "梅子", "family_kana": "サトウ", "given_kana": "ウメコ"},
               "subject_address": {"postal_code": "1500001", "prefecture": "東京都", "city": "渋谷区",
                                   "town": "神宮前", "block": "9-8-7", "building": "テツヅキハイツ101"}}
    result = export_package(Session(procedure, answers), tmp_path, CREATED, VOLUNTEER_HELP)
    subprocess.run([_tool("pdftoppm"), "-r", "200", "-png", "-f", "1", "-l", "1", str(result.pdf),
                    str(tmp_path / "page")], check=True)
    [page] = tmp_path.glob("page*.png")
    assert _scan(page) == _expected(json.loads(result.json.read_text(encoding="utf-8")))


def test_qr_covers_no_text_of_the_form(procedure, tmp_path):
    result = export_package(Session(procedure, dict(ANSWERS)), tmp_path, CREATED)
    html = subprocess.run([_tool("pdftotext"), "-bbox", "-f", "1", "-l", "1", str(result.pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    words = [tuple(map(float, m)) for m in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', html)]
    assert words
    qr_left, qr_bottom = (210 - 15 - 30) * MM, (10 + 30) * MM   # top right corner, 30 mm square
    under_qr = [w for w in words if w[2] > qr_left and w[1] < qr_bottom]
    assert under_qr == []


def test_answers_too_long_for_a_readable_qr_export_without_one(procedure, tmp_path):
    members = [{"member_name": f"{'テスト' * 19}{n}"} for n in range(10)]
    answers = {**ANSWERS, "scope": "some_members", "members": members}
    result = export_package(Session(procedure, answers), tmp_path, CREATED)
    assert result.qr is None
    assert not list(result.folder.glob("*.png"))
    assert "テスト" in pdftotext(result.pdf)


def test_a_long_organisation_name_is_printed_whole(procedure, tmp_path):
    organisation = "中央コミュニティセンター地域デジタル支援窓口" * 3
    helper = Assistance(VOLUNTEER, "山田 花子", organisation, "ja", "2026-11-26T01:25:00+00:00")
    result = export_package(Session(procedure, dict(ANSWERS)), tmp_path, CREATED, helper)
    assert f"記入支援：{organisation} 山田 花子（支援員・ボランティア）" in pdftotext(result.pdf)
