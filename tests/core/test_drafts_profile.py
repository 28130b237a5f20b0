"""The once-only profile: details given once are offered again, by meaning, for the applicant only."""

from __future__ import annotations

import os

import pytest
import yaml

from assistant import i18n
from assistant.drafts.keys import MemoryKeySource
from assistant.drafts.profile import (Profile, ProfileStore, applicant_person, changes_from_answers, prefill,
                                      update_from_answers)
from assistant.drafts.store import NOT_FOUND, OK, RECOVERED, ROLLED_BACK
from assistant.interview.session import Session
from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.catalog import Catalog
from assistant.procedures.model import Procedure

NAME = {"family": "試験山", "given": "鉄子", "family_kana": "シケンヤマ", "given_kana": "テツコ"}
ADDRESS = {"postal_code": "1000013", "prefecture": "東京都", "city": "千代田区", "town": "霞が関",
           "block": "2-1-2", "building": "試験荘101"}
MY_NUMBER = "123456789018"

PROCEDURE = """
schema_version: 1
id: profile_sample
version: "1"
title: 見本
summary: 見本です。
who_may_apply: [{role: self, label: 本人}]
office: {name: 見本の窓口}
persons: [{id: child, label: 児童}, {id: applicant, label: 申請者}]
steps:
  - id: about_you
    title: あなたのこと
    purpose: 申請者のことを書きます。
    fields:
      - {id: your_name, kind: person_name, label: 氏名, person: applicant, meaning: name}
      - {id: your_birth, kind: date, label: 生年月日, person: applicant, meaning: birth_date, not_after_today: true}
      - {id: your_sex, kind: choice, label: 性別, person: applicant, meaning: sex,
         options: [{value: male, label: 男}, {value: female, label: 女}]}
      - {id: your_address, kind: address, label: 住所, person: applicant, meaning: address}
      - {id: your_phone, kind: phone, label: 電話番号, person: applicant, meaning: phone}
      - {id: your_email, kind: email, label: メールアドレス, person: applicant, meaning: email}
      - {id: your_number, kind: my_number, label: 個人番号, person: applicant, meaning: my_number}
  - id: about_child
    title: 児童のこと
    purpose: 児童のことを書きます。
    fields:
      - {id: child_name, kind: person_name, label: 児童の氏名, person: child, meaning: name}
      - {id: child_birth, kind: date, label: 児童の生年月日, person: child, meaning: birth_date}
"""


def procedure_from(text: str, **changes) -> Procedure:
    return Procedure.model_validate({**yaml.safe_load(text), **changes})


@pytest.fixture
def procedure():
    return procedure_from(PROCEDURE)


@pytest.fixture
def profile():
    return (Profile(keep_my_number=True).with_value("name", NAME).with_value("birth_date", "1961-04-05")
            .with_value("sex", "female").with_value("address", ADDRESS).with_value("phone", "090-8765-4321")
            .with_value("email", "tetsuko@example.jp").with_value("my_number", MY_NUMBER))


def test_prefill_offers_the_applicants_details_by_meaning_and_never_another_persons(procedure, profile):
    offered = prefill(procedure, profile)
    assert offered == {"your_name": NAME, "your_birth": "1961-04-05", "your_sex": "female",
                       "your_address": ADDRESS, "your_phone": "090-8765-4321",
                       "your_email": "tetsuko@example.jp", "your_number": MY_NUMBER}
    session = Session(procedure, offered)
    assert session.step_errors(procedure.steps[0]) == []     # what is offered is accepted as it stands


def test_prefill_leaves_answered_fields_and_unfitting_values_alone(procedure, profile):
    offered = prefill(procedure, profile.with_value("sex", "unknown_option"),
                      answers={"your_phone": "03-5253-2111", "your_name": {"family": ""}})
    assert "your_phone" not in offered and "your_sex" not in offered and "your_name" in offered


def test_my_number_is_neither_kept_nor_offered_without_the_persons_choice(procedure, profile):
    assert "your_number" not in prefill(procedure, profile.keeping_my_number(False))
    plain = Profile()
    with pytest.raises(ValueError):
        plain.with_value("my_number", MY_NUMBER)
    answers = {"your_number": MY_NUMBER, "your_phone": "090-8765-4321"}
    learnt = update_from_answers(procedure, answers, plain)
    assert learnt.values == {"phone": "090-8765-4321"}
    opted = update_from_answers(procedure, answers, plain.keeping_my_number(True))
    assert opted.get("my_number") == MY_NUMBER
    forged = Profile.from_json({"format": 1, "kind": "profile", "values": {"my_number": MY_NUMBER}})
    assert forged.get("my_number") is None


def test_applicant_is_the_person_called_applicant_else_the_only_person(procedure):
    assert applicant_person(procedure) == "applicant"
    juminhyo = Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")
    assert applicant_person(juminhyo) == "applicant"
    single = PROCEDURE.replace("persons: [{id: child, label: 児童}, {id: applicant, label: 申請者}]",
                               "persons: [{id: requester, label: 請求者}]").replace("applicant", "requester")
    single = single.replace("person: child", "person: requester").replace("child_name", "x_name") \
        .replace("child_birth", "x_birth")
    assert applicant_person(procedure_from(single)) == "requester"
    two = procedure_from(PROCEDURE.replace("applicant", "parent"))
    assert applicant_person(two) is None and prefill(two, Profile({"phone": "090-8765-4321"})) == {}
    assert prefill(two, Profile({"phone": "090-8765-4321"}), person="parent") == {"your_phone": "090-8765-4321"}


def test_update_from_answers_learns_only_valid_changed_answers(procedure):
    start = Profile({"phone": "090-8765-4321", "name": NAME})
    answers = {"your_name": NAME, "your_phone": "090-8765-4321", "your_birth": "2999-01-01",
               "your_email": "new@example.jp", "child_name": {"family": "試験山", "given": "小鉄"}}
    assert changes_from_answers(procedure, answers, start) == {"email": "new@example.jp"}
    assert update_from_answers(procedure, answers, start).values == {**start.values, "email": "new@example.jp"}


def test_readings_are_kept_when_a_form_asks_for_the_name_without_them(profile):
    juminhyo = Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")
    text = PROCEDURE.replace("{id: your_name, kind: person_name,", "{id: your_name, kind: person_name, readings: false,")
    no_readings = procedure_from(text)
    assert prefill(no_readings, profile)["your_name"] == {"family": "試験山", "given": "鉄子"}
    same = update_from_answers(no_readings, {"your_name": {"family": "試験山", "given": "鉄子"}}, profile)
    assert same.get("name") == NAME
    assert prefill(juminhyo, profile)["applicant_name"] == NAME


def test_profile_is_stored_encrypted_recovers_and_can_be_deleted(tmp_path, profile):
    folder = tmp_path / "drafts"
    store = ProfileStore(folder, MemoryKeySource())
    assert store.load().status == NOT_FOUND
    store.save(profile)
    store.save(profile.with_value("phone", "03-5253-2111"))
    loaded = store.load()
    assert loaded.status == OK and loaded.profile.get("phone") == "03-5253-2111"
    assert loaded.profile.get("my_number") == MY_NUMBER
    for path in folder.iterdir():
        assert b"090-8765-4321" not in path.read_bytes() and MY_NUMBER.encode() not in path.read_bytes()
    newest = folder / "profile.2.tzd"
    newest.write_bytes(newest.read_bytes()[:100])
    recovered = store.load()
    assert recovered.status == RECOVERED and recovered.profile.get("phone") == "090-8765-4321"
    newest.unlink()                          # the newest save gone (e.g. an older backup put back)
    rolled_back = store.load()
    assert rolled_back.status == ROLLED_BACK and rolled_back.profile.get("phone") == "090-8765-4321"
    i18n.set_language("en")
    assert "not the latest" in rolled_back.message and loaded.message == ""
    assert store.delete() == 1
    assert store.load().status == NOT_FOUND and os.listdir(folder) == []
