"""Editing the once-only profile: each saved detail is asked like the forms ask it and checked by
the same rules, so what the person saves is what a form would accept."""

from __future__ import annotations

import pytest

from assistant.drafts.profile import (MEANINGS, Profile, check_value, prefill, profile_field, profile_texts,
                                      value_errors)
from assistant.interview.validation import read_field
from assistant.procedures import model as m

NAME = {"family": "試験山", "given": "鉄子", "family_kana": "シケンヤマ", "given_kana": "テツコ"}
ADDRESS = {"postal_code": "1000013", "prefecture": "東京都", "city": "千代田区", "town": "霞が関",
           "block": "2-1-2", "building": "試験荘101"}
VALID = {"name": NAME, "birth_date": "昭和45年3月1日", "sex": "female", "address": ADDRESS,
         "phone": "090-1234-5678", "email": "tetsuko@example.jp", "my_number": "123456789018"}
KINDS = {"name": "person_name", "birth_date": "date", "sex": "choice", "address": "address", "phone": "phone",
         "email": "email", "my_number": "my_number"}
LABELS = {"name": "氏名", "birth_date": "生年月日", "sex": "性別", "address": "住所", "phone": "電話番号",
          "email": "メールアドレス", "my_number": "個人番号"}


@pytest.mark.parametrize("meaning", MEANINGS)
def test_every_meaning_is_asked_like_the_forms_ask_it(meaning):
    field = profile_field(meaning)
    assert field.id == f"profile_{meaning}" and field.kind == KINDS[meaning] and field.label == LABELS[meaning]
    assert field.meaning == meaning and field.required
    assert field.kind in m.MEANING_KINDS[meaning]   # a field the model accepts for that meaning
    if meaning != "sex":
        assert field.example       # every typed answer shows what to write
    assert check_value(meaning, VALID[meaning]) == [] and value_errors(meaning, VALID[meaning]) == []


def test_name_asks_for_the_readings_and_sex_offers_male_and_female():
    assert profile_field("name").readings
    options = profile_field("sex").options
    assert [(o.value, o.label) for o in options] == [("male", "男"), ("female", "女")]
    assert profile_field("birth_date").not_after_today


def test_a_valid_profile_value_is_offered_to_a_form_field_of_the_same_kind():
    """What the editor saves fits the forms: prefill offers it unchanged."""
    procedure = m.Procedure.model_validate({
        "schema_version": 1, "id": "sample", "version": "1", "title": "見本", "summary": "見本です。",
        "who_may_apply": [{"role": "self", "label": "本人"}], "office": {"name": "窓口"},
        "persons": [{"id": "applicant", "label": "申請者"}],
        "steps": [{"id": "s", "title": "あなた", "purpose": "書きます。",
                   "fields": [profile_field(meaning).model_dump() for meaning in MEANINGS]}]})
    offered = prefill(procedure, Profile(VALID, keep_my_number=True))
    assert offered == {f"profile_{meaning}": VALID[meaning] for meaning in MEANINGS}


def test_unknown_meaning_is_refused():
    with pytest.raises(ValueError):
        profile_field("blood_type")
    with pytest.raises(ValueError):
        check_value("blood_type", "A")


@pytest.mark.parametrize(("meaning", "raw"), [
    ("name", {"family": "試験山", "given": "鉄子"}),                      # no reading
    ("name", {}),
    ("birth_date", "2月30日"),
    ("birth_date", "2999年1月1日"),                                        # in the future
    ("sex", "other"),
    ("sex", None),
    ("address", {"postal_code": "100", "prefecture": "東京都", "city": "千代田区", "town": "霞が関",
                 "block": "2-1-2"}),
    ("address", {"postal_code": "1000013"}),                               # nothing but the code
    ("phone", "12"),
    ("phone", ""),
    ("email", "tetsuko@"),
    ("my_number", "12345678901"),                                          # 11 digits
])
def test_invalid_values_are_refused_with_a_message(meaning, raw):
    problems = check_value(meaning, raw)
    assert problems and all(isinstance(p, str) and p.strip() for p in problems)
    assert problems == [problem.message for _part, problem in read_field(profile_field(meaning), raw).problems]


def test_my_number_with_a_wrong_check_digit_is_refused():
    assert check_value("my_number", "123456789018") == []
    assert check_value("my_number", "１２３４ ５６７８ ９０１８") == []   # as typed, full-width and spaced
    problems = value_errors("my_number", "123456789012")
    assert len(problems) == 1 and problems[0].field_id == "profile_my_number"
    assert "123456789012" not in problems[0].message   # the number itself is never repeated back


def test_problems_name_the_part_to_fix_and_follow_the_language(english):
    (error,) = value_errors("name", {"family": "試験山", "given": "鉄子", "given_kana": "テツコ"})
    assert error.part == "family_kana" and error.code == "required"
    assert error.message == "This question must be answered. Write your answer in the box."
    assert check_value("phone", "12")[0].isascii()                        # English, not the Japanese source


def test_profile_texts_are_the_official_texts_to_translate():
    texts = profile_texts()
    assert set(LABELS.values()) <= set(texts) and {"男", "女"} <= set(texts)
    assert all(text.strip() for text in texts)
