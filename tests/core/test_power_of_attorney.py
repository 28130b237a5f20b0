"""The 委任状 (power of attorney): made only when a representative applies, filled from the answers,
with date and signature left for the resident's own hand and never a My Number.

All people, addresses and numbers here are invented.
"""

from __future__ import annotations

import json
import re

import pytest

from assistant.export.package import export_package
from assistant.export.proxy_letter import needs_power_of_attorney, render_power_of_attorney
from assistant.interview.assisted import FAMILY, PROXY, VOLUNTEER, Assistance
from assistant.interview.session import Session
from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.catalog import Catalog
from assistant.procedures.loader import load_file
from tests.conftest import GALLERY
from tests.core.test_export import CREATED, pdftotext
from tests.core.test_session import ANSWERS

RESIDENT = {
    "subject_name": {"family": "佐藤", "given": "梅子", "family_kana": "サトウ", "given_kana": "ウメコ"},
    "subject_birth_date": "1950-05-05",
    "subject_address": {"postal_code": "1500001", "prefecture": "東京都", "city": "渋谷区", "town": "神宮前",
                        "block": "9-8-7", "building": "テツヅキハイツ101"},
}
PROXY_ANSWERS = {**ANSWERS, "relationship": "proxy", **RESIDENT, "copies": "2"}
HELPER = Assistance(FAMILY, "鈴木 次郎", "", "ja", "2026-11-26T01:00:00+00:00", applicant=PROXY)


@pytest.fixture
def procedure():
    return Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")


def _letter_text(procedure, answers, tmp_path, assistance=None) -> str:
    result = export_package(Session(procedure, answers), tmp_path, CREATED, assistance)
    assert result.power_of_attorney is not None and result.power_of_attorney.parent == result.folder
    return pdftotext(result.power_of_attorney)


def _after(text: str, label: str) -> str:
    """What the 委任状 shows right after `label`, up to the next label or note."""
    return re.split(r" (?:氏名|生年月日|電話番号|署名（自署）|※)", text.split(label, 1)[1], maxsplit=1)[0].strip()


def test_letter_names_the_representative_the_resident_and_the_matter(procedure, tmp_path):
    text = _letter_text(procedure, PROXY_ANSWERS, tmp_path)
    assert text.startswith("委任状")
    representative, resident = text.split("（代理人）", 1)[1].split("（委任者）", 1)
    assert "〒100-0013 東京都千代田区霞が関2-1-2" in representative and "山田 太郎" in representative
    assert "私は、上記の者を代理人と定め、次の事項を委任します。" in representative
    assert "住民票の写し等の交付請求及び受領に関すること" in representative
    assert "種類：住民票の写し" in representative and "通数：2通" in representative
    assert "〒150-0001 東京都渋谷区神宮前9-8-7 テツヅキハイツ101" in resident
    assert "佐藤 梅子（サトウ ウメコ）" in resident
    assert "1950年(昭和25年)5月5日" in resident


def test_date_signature_and_unknown_phone_are_left_blank_for_the_resident(procedure, tmp_path):
    text = _letter_text(procedure, PROXY_ANSWERS, tmp_path)
    assert "令和 年 月 日" in text
    assert _after(text, "署名（自署）") == ""
    assert _after(text.split("（委任者）")[1], "電話番号") == ""   # the form does not ask for it
    assert "2026" not in text   # the export date is not a signing date


def test_letter_never_prints_a_my_number_even_when_the_form_asks_for_one(procedure, tmp_path):
    source = (BUNDLED_PROCEDURES / "juminhyo_copy.yaml").read_text(encoding="utf-8")
    anchor = "      - id: subject_birth_date\n"
    extra = ("      - {id: subject_my_number, person: subject, meaning: my_number, kind: my_number, "
             "label: 対象者の個人番号}\n")
    (tmp_path / "juminhyo_copy.yaml").write_text(source.replace(anchor, extra + anchor), encoding="utf-8")
    with_number, errors = load_file(tmp_path / "juminhyo_copy.yaml")
    assert not errors
    result = export_package(Session(with_number, {**PROXY_ANSWERS, "subject_my_number": "123456789018"}),
                            tmp_path / "out", CREATED)
    assert "1234 5678 9018" in pdftotext(result.pdf)   # the form itself asks for it
    letter = pdftotext(result.power_of_attorney).replace(" ", "")
    assert "佐藤梅子" in letter
    assert "9018" not in letter
    assert "個人番号" not in letter.split("※")[0]   # no row for it; the notes only say where such copies go


@pytest.mark.parametrize("relationship", ["self", "household"])
def test_no_letter_when_nobody_applies_as_representative(procedure, tmp_path, relationship):
    session = Session(procedure, {**ANSWERS, "relationship": relationship, **RESIDENT})
    assert not needs_power_of_attorney(session, None)
    result = export_package(session, tmp_path, CREATED, Assistance(VOLUNTEER, "山田 花子", "中央コミュニティセンター"))
    assert result.power_of_attorney is None
    assert not list(result.folder.glob("*power_of_attorney*"))


def test_a_representative_typing_for_the_resident_gets_a_letter_naming_them(procedure, tmp_path):
    # The form is the resident's own request (本人); the helper registered as 代理人 takes it in.
    session = Session(procedure, dict(ANSWERS))
    assert needs_power_of_attorney(session, HELPER)
    text = _letter_text(procedure, dict(ANSWERS), tmp_path, HELPER)
    representative, resident = text.split("（代理人）", 1)[1].split("（委任者）", 1)
    assert "鈴木 次郎" in representative and "山田" not in representative
    assert "山田 太郎" in resident and "090-1234-5678" in resident


def test_without_the_applicants_name_the_helper_is_named_as_representative(procedure, tmp_path):
    answers = {k: v for k, v in PROXY_ANSWERS.items() if k != "applicant_name"}
    path = render_power_of_attorney(Session(procedure, answers), tmp_path / "letter.pdf", CREATED, HELPER)
    representative = pdftotext(path).split("（代理人）", 1)[1].split("（委任者）", 1)[0]
    assert "鈴木 次郎" in representative


def test_procedures_without_representatives_never_get_a_letter(tmp_path):
    alone, _errors = load_file(GALLERY / "conditions.yaml")
    assert not any(rule.role == "proxy" for rule in alone.who_may_apply)
    assert not needs_power_of_attorney(Session(alone, {}), HELPER)


def _juminhyo_variant(tmp_path, old: str, new: str):
    source = (BUNDLED_PROCEDURES / "juminhyo_copy.yaml").read_text(encoding="utf-8")
    assert old in source
    (tmp_path / "juminhyo_copy.yaml").write_text(source.replace(old, new, 1), encoding="utf-8")
    procedure, errors = load_file(tmp_path / "juminhyo_copy.yaml")
    assert errors == []
    return procedure


def test_the_matter_and_its_details_come_from_the_proxy_block(tmp_path):
    procedure = _juminhyo_variant(
        tmp_path, "  matter: 住民票の写し等の交付請求及び受領に関すること\n"
                  "  details: [certificate_type, scope, members, copies, optional_entries]\n",
        "  matter: 住民票の写しの請求に関すること\n  details: [copies]\n")
    text = _letter_text(procedure, PROXY_ANSWERS, tmp_path / "out")
    matter = text.split("委任する事項", 1)[1].split("令和", 1)[0]
    assert "住民票の写しの請求に関すること" in matter and "通数：2通" in matter
    assert "種類：" not in matter and "交付請求及び受領" not in matter


def test_the_proxy_note_reaches_the_letter_the_json_the_copy_and_the_done_page(procedure, tmp_path, english):
    from assistant import i18n
    from assistant.export.next_steps import next_steps

    note = procedure.proxy.note
    session = Session(procedure, dict(PROXY_ANSWERS))
    result = export_package(session, tmp_path, CREATED)
    assert f"※{note}" in pdftotext(result.power_of_attorney)
    record = json.loads(result.json.read_text(encoding="utf-8"))
    assert record["power_of_attorney"] == {"title": "委任状", "matter": procedure.proxy.matter, "note": note}
    assert i18n.ptext(note) in pdftotext(result.copy)
    assert next_steps(session, power_of_attorney=True).letter.endswith(i18n.bilingual(note))
    alone = export_package(Session(procedure, dict(ANSWERS)), tmp_path / "self", CREATED)
    assert "power_of_attorney" not in json.loads(alone.json.read_text(encoding="utf-8"))   # no letter, no note


def test_without_a_proxy_block_the_letter_names_the_form(tmp_path):
    source = (BUNDLED_PROCEDURES / "juminhyo_copy.yaml").read_text(encoding="utf-8")
    start, end = source.index("proxy:\n  matter:"), source.index("deadline: ")
    (tmp_path / "juminhyo_copy.yaml").write_text(source[:start] + source[end:], encoding="utf-8")
    procedure, errors = load_file(tmp_path / "juminhyo_copy.yaml")
    assert errors == [] and procedure.proxy is None
    text = _letter_text(procedure, PROXY_ANSWERS, tmp_path / "out")
    matter = text.split("委任する事項", 1)[1].split("令和", 1)[0]
    assert "「住民票の写し等交付請求書」の提出及び受領に関すること" in matter
    assert "通数：" not in matter and "郵送されます" not in text
