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


# --- the newer kinds, read back from the JSON the command line exports ---------------------------

def _people(record, kind):
    return [p for p in record["imi"]["@graph"] if p["種別"] == kind]


def test_each_mover_is_a_person_with_nationality_and_residence_card(tmp_path):
    from tests.core.bundled_procedure import example_answers, export
    from tests.core.test_procedure_tenshutsu import ABROAD_BY_AGENT

    answers = {k: v for k, v in {**example_answers("tenshutsu"), **ABROAD_BY_AGENT}.items() if v is not None}
    _form, record = export("tenshutsu", tmp_path, answers)
    [mover] = _people(record, "転出する方")
    assert mover["氏名"]["姓"] == "グエン" and mover["生年月日"]["標準型日付"] == "1998-03-14"
    assert (mover["性別"], mover["性別コード"]) == ("女", "2")
    assert mover["国籍"] == "ベトナム"
    assert mover["ID"] == {"@type": "ID型", "体系": {"@type": "ID体系型", "表記": "在留カード番号"},
                           "識別値": "AB12345678CD"}
    assert record["answers"]["movers"][0]["mover_residence_card"] == "AB12345678CD"


def test_movers_of_japanese_nationality_have_no_residence_card_id(tmp_path):
    from tests.core.bundled_procedure import export

    _form, record = export("tenshutsu", tmp_path)
    movers = _people(record, "転出する方")
    assert len(movers) == 2 and all("ID" not in m and "国籍" not in m for m in movers)


def test_the_care_insured_persons_number_is_an_id_and_a_card_symbol_a_second_one(tmp_path):
    from tests.core.bundled_procedure import export

    _form, record = export("kaigo_nintei", tmp_path)
    [insured] = _people(record, "被保険者")
    assert insured["ID"] == {"@type": "ID型", "体系": {"@type": "ID体系型", "表記": "被保険者番号"},
                             "識別値": "0000123456"}
    (tmp_path / "sosaihi").mkdir()
    _form, record = export("sosaihi", tmp_path / "sosaihi")
    [deceased] = [p for p in record["imi"]["@graph"] if "ID" in p]
    assert deceased["ID"] == [
        {"@type": "ID型", "体系": {"@type": "ID体系型", "表記": "被保険者証の記号・番号（記号）"}, "識別値": "千代田01"},
        {"@type": "ID型", "体系": {"@type": "ID体系型", "表記": "被保険者証の記号・番号"}, "識別値": "1234567"}]
    assert record["answers"]["deceased_insured_number"] == {"symbol": "千代田01", "number": "1234567"}


def test_a_bank_account_stays_in_the_answers_in_parts_and_never_in_the_imi_data(tmp_path):
    from tests.core.bundled_procedure import export

    _form, record = export("jido_teate", tmp_path)
    assert record["answers"]["bank_account"] == {
        "bank": "テツヅキ銀行", "branch": "霞が関支店", "account_type": "ordinary", "account_number": "1234567",
        "holder_kana": "スズキ　イチロウ"}
    imi = json.dumps(record["imi"], ensure_ascii=False)
    assert "1234567" not in imi and "テツヅキ銀行" not in imi
    # the children are persons (種別 児童); their My Numbers never reach the IMI data
    children = _people(record, "児童")
    assert [c["氏名"]["名"] for c in children] == ["さくら", "大地"]
    assert "123456789018" not in imi and "個人番号" not in imi
    # わからない is kept as "unknown", and the account is asked because of it
    assert record["answers"]["use_public_account"] == "unknown"


def test_a_pick_list_is_exported_as_its_option_ids_and_a_dont_know_as_unknown(tmp_path):
    from tests.core.bundled_procedure import example_answers, export

    answers = {**example_answers("risai_shomei"), "disaster_kind": "fire", "fire_station_consulted": "unknown"}
    _form, record = export("risai_shomei", tmp_path, answers)
    assert record["answers"]["disaster_kind"] == "fire"
    assert record["answers"]["fire_station_consulted"] == "unknown"
    assert record["answers"]["damaged_parts"] == ["roof", "inner_wall"]
    answers = {**example_answers("kaigo_nintei"), "age_group": "second", "medical_insurance_kind": "national",
               "medical_insurance_number": {"symbol": "12", "number": "345"}, "specified_disease": "als"}
    (tmp_path / "second").mkdir()
    _form, record = export("kaigo_nintei", tmp_path / "second", answers)
    assert record["answers"]["specified_disease"] == "als"
    [insured] = _people(record, "被保険者")
    assert [i["識別値"] for i in insured["ID"]] == ["12", "345"]
