"""The people on the form in the IMI core vocabulary."""

from __future__ import annotations

import json

import pytest

from assistant.export.data import build_record
from assistant.export.imi import CONTEXT, persons
from assistant.interview.record import Record
from assistant.interview.session import Session
from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.catalog import Catalog
from assistant.procedures.loader import load_file
from tests.conftest import ROOT, GALLERY
from tests.core.test_export import CREATED

ANSWERS = json.loads((ROOT / "examples" / "juminhyo_answers.json").read_text(encoding="utf-8"))


@pytest.fixture
def procedure():
    return Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")


def test_applicant_is_a_person_with_name_birth_address_and_phone(procedure):
    document = persons(Record.of(Session(procedure, dict(ANSWERS))))
    assert document["@context"] == CONTEXT
    [applicant] = document["@graph"]
    assert applicant["@type"] == "人型" and applicant["種別"] == "請求者"
    assert applicant["氏名"] == {"@type": "氏名型", "種別": "本名", "姓": "山田", "名": "太郎", "姓名": "山田 太郎",
                               "姓カナ表記": "ヤマダ", "名カナ表記": "タロウ", "姓名カナ表記": "ヤマダ タロウ"}
    assert applicant["生年月日"] == {"@type": "日付型", "標準型日付": "1970-03-01", "表記": "昭和45年3月1日"}
    assert applicant["住所"]["郵便番号"] == "1000013" and applicant["住所"]["都道府県"] == "東京都"
    assert applicant["住所"]["表記"] == "東京都千代田区霞が関2-1-2"
    assert applicant["連絡先"] == {"@type": "連絡先型", "電話番号": "090-1234-5678"}


def test_the_subject_appears_only_when_their_step_applies(procedure):
    answers = dict(ANSWERS, relationship="household",
                   subject_name={"family": "山田", "given": "花子", "family_kana": "ヤマダ", "given_kana": "ハナコ"},
                   subject_address=ANSWERS["applicant_address"])
    roles = [p["種別"] for p in persons(Record.of(Session(procedure, answers)))["@graph"]]
    assert roles == ["請求者", "対象者"]
    answers["relationship"] = "self"
    assert [p["種別"] for p in persons(Record.of(Session(procedure, answers)))["@graph"]] == ["請求者"]


def test_the_json_record_carries_the_imi_people(procedure):
    record = build_record(Session(procedure, dict(ANSWERS)), CREATED)
    assert record["imi"]["@graph"][0]["氏名"]["姓"] == "山田"


def test_a_meaning_needs_a_matching_kind_and_a_declared_person(tmp_path, english):
    text = (GALLERY / "field_kinds.yaml").read_text(encoding="utf-8").replace(
        "{id: phone, kind: phone, label: 電話番号}", "{id: phone, kind: phone, label: 電話番号, person: me, meaning: birth_date}")
    file = tmp_path / "bad.yaml"
    file.write_text(text, encoding="utf-8")
    _procedure, errors = load_file(file)
    assert "meaning 'birth_date' needs a field of kind date" in errors[0].message
