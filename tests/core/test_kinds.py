"""The field-kind registry and the new kinds: what a person (or an answers file) gets back."""

from __future__ import annotations

import pytest

from assistant import kinds
from assistant.interview.session import Session
from assistant.interview.validation import read_field
from assistant.procedures import model as m
from assistant.procedures.loader import load_file
from tests.conftest import GALLERY

ALL_KINDS = ("text", "kana", "person_name", "date", "postal_code", "address", "phone", "email", "my_number",
             "choice", "multi_choice", "yes_no", "number", "pick_list", "bank_account", "insured_number",
             "residence_card", "group")


@pytest.fixture(scope="module")
def gallery():
    procedure, errors = load_file(GALLERY / "field_kinds.yaml")
    assert errors == []
    return procedure


def test_every_kind_of_the_definition_format_has_a_core_module():
    names = {cls.model_fields["kind"].annotation.__args__[0]
             for cls in (*m.SimpleField.__origin__.__args__, m.GroupField)}
    assert names == set(ALL_KINDS)
    for name in ALL_KINDS:
        assert kinds.kind_of(name).name == name
    assert sorted(k.name for k in kinds.all_kinds()) == sorted(ALL_KINDS)


@pytest.mark.parametrize("name", ["nonsense", "base", "checks", "parts", "_private", "../x"])
def test_an_unknown_kind_is_a_key_error(name):
    with pytest.raises(KeyError):
        kinds.kind_of(name)


def test_the_four_texts_of_a_my_number(gallery, english):
    field = gallery.field("my_number")
    assert kinds.display_text(field, "123456789018") == "**** **** 9018"
    assert kinds.printed_text(field, "123456789018") == "1234 5678 9018"
    assert kinds.spoken_text(field, "123456789018") == "a My Number ending in 9 0 1 8"
    assert kinds.json_value(field, "123456789018") == "123456789018"


def test_options_are_displayed_in_the_language_with_the_official_japanese(gallery):
    field = gallery.field("sex")
    assert kinds.display_text(field, "female", "ja") == "女"
    assert kinds.printed_text(field, "female") == "女"
    assert kinds.display_text(field, None) == ""


# --- residence_card ---------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["AB12345678CD", "ab12345678cd", "ＡＢ１２３４５６７８ＣＤ", "AB 1234 5678 CD"])
def test_residence_card_numbers_are_upper_case_half_width(gallery, typed):
    result = read_field(gallery.field("residence_card"), typed)
    assert result.ok and result.value == "AB12345678CD"


def test_a_short_residence_card_number_is_refused_with_an_example(gallery, english):
    result = read_field(gallery.field("residence_card"), "AB1234CD")
    assert result.value is None
    message = result.problems[0][1].message
    assert "2 letters, 8 digits and 2 letters" in message and "AB12345678CD" in message and "(now 8)" in message


def test_a_letter_o_among_the_digits_is_offered_as_zero(gallery):
    result = read_field(gallery.field("residence_card"), "ABO2345678CD")
    assert result.value is None
    assert result.problems[0][1].suggestion == "AB02345678CD"


# --- insured_number ---------------------------------------------------------------------------

def test_insured_numbers_keep_leading_zeros_and_accept_full_width(gallery):
    assert read_field(gallery.field("insured"), "０１２３４５６７８９").value == "0123456789"
    assert read_field(gallery.field("insured"), "0123-456-789").value == "0123456789"


def test_an_insured_number_of_the_wrong_length_says_how_many_digits(gallery, english):
    result = read_field(gallery.field("insured"), "12345")
    message = result.problems[0][1].message
    assert result.value is None and "10 digits" in message and "you entered 5" in message


def test_an_insured_number_with_letters_is_refused(gallery, english):
    result = read_field(gallery.field("insured"), "12345abcde")
    assert result.value is None and "only the digits" in result.problems[0][1].message


def test_an_insured_number_with_its_symbol_is_stored_in_parts(gallery):
    field = gallery.field("health_card")
    result = read_field(field, {"symbol": "東京１２", "number": "１２３４"})
    assert result.value == {"symbol": "東京12", "number": "1234"}
    assert kinds.printed_text(field, result.value) == "記号 東京12　番号 1234"
    assert read_field(field, {"symbol": "東京", "nombre": "1"}).problems   # unknown part: refused, not lost


# --- yes_no with わからない ---------------------------------------------------------------------------

def test_yes_no_with_unknown_stores_the_string_and_conditions_see_it(gallery):
    session = Session(gallery, {"card_unknown": "unknown"})
    assert session.value("card_unknown") == "unknown"
    step = gallery.steps[0]
    assert "card_note" in [f.id for f in session.visible_fields(step)]
    assert kinds.printed_text(gallery.field("card_unknown"), "unknown") == "わからない"
    session.set_answer("card_unknown", False)
    assert "card_note" not in [f.id for f in session.visible_fields(step)]


def test_unknown_is_refused_where_the_question_does_not_offer_it(gallery):
    result = read_field(gallery.field("card"), "unknown")
    assert result.value is None and result.problems[0][1].code == "choice.required"


# --- pick_list --------------------------------------------------------------------------------

def test_pick_list_stores_one_value_or_a_list_in_form_order(gallery):
    assert read_field(gallery.field("disease"), "als").value == "als"
    assert read_field(gallery.field("diseases"), ["als", "cancer"]).value == ["cancer", "als"]
    assert read_field(gallery.field("disease"), "flu").problems[0][1].code == "choice.required"
    assert read_field(gallery.field("disease"), None).problems[0][1].code == "choice.required"
    assert read_field(gallery.field("diseases"), "als").problems[0][1].code == "answer.type"


def test_pick_list_texts(gallery):
    field = gallery.field("diseases")
    assert kinds.printed_text(field, ["cancer", "als"]) == "がん（末期）、筋萎縮性側索硬化症"


# --- bank_account -----------------------------------------------------------------------------

ACCOUNT = {"bank": "みずほ銀行", "branch": "渋谷支店", "account_type": "ordinary", "account_number": "１２３",
           "holder_kana": "やまだ　たろう"}


def test_a_bank_account_is_padded_and_its_holder_written_in_katakana(gallery):
    field = gallery.field("account")
    result = read_field(field, ACCOUNT)
    assert result.ok
    assert result.value == {**ACCOUNT, "account_number": "0000123", "holder_kana": "ヤマダ　タロウ"}
    assert kinds.printed_text(field, result.value) == "みずほ銀行　渋谷支店　普通　0000123　ヤマダ　タロウ"
    assert kinds.json_value(field, result.value)["account_number"] == "0000123"


def test_half_width_katakana_holder_and_the_japanese_type_word_are_accepted(gallery):
    result = read_field(gallery.field("account"), {**ACCOUNT, "account_type": "当座", "holder_kana": "ﾔﾏﾀﾞ ﾀﾛｳ"})
    assert result.ok and result.value["account_type"] == "current"
    assert result.value["holder_kana"].startswith("ヤマダ")


def test_a_yucho_symbol_and_number_are_converted_and_offered(gallery, english):
    result = read_field(gallery.field("account"), {**ACCOUNT, "bank": "ゆうちょ銀行",
                                                       "account_number": "12340-12345671"})
    assert result.value is None
    part, problem = result.problems[0]
    assert part == "account_number" and problem.code == "bank_account.yucho"
    assert "二三八" in problem.message and "1234567" in problem.message
    assert problem.suggestion == "二三八 / 1234567"


def test_a_yucho_number_alone_says_where_the_branch_number_is(gallery, english):
    result = read_field(gallery.field("account"), {**ACCOUNT, "bank": "ゆうちょ銀行", "account_number": "12345671"})
    assert result.value is None and "last page of the passbook" in result.problems[0][1].message


def test_an_account_number_too_long_or_with_letters_is_refused(gallery, english):
    long = read_field(gallery.field("account"), {**ACCOUNT, "account_number": "123456789"})
    letters = read_field(gallery.field("account"), {**ACCOUNT, "account_number": "12a4"})
    assert "at most 7 digits" in long.problems[0][1].message
    assert "only the digits" in letters.problems[0][1].message


def test_a_missing_part_of_a_bank_account_is_named(gallery):
    result = read_field(gallery.field("account"), {**ACCOUNT, "branch": ""})
    assert ("branch", "required") in [(part, p.code) for part, p in result.problems]


def test_a_bank_account_of_the_wrong_type_names_what_to_write(gallery):
    result = read_field(gallery.field("account"), "みずほ銀行 渋谷支店")
    assert result.problems[0][1].code == "answer.type"
    assert "account_number" in result.problems[0][1].message
