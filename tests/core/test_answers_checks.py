"""Every answer is checked before it is read: no wrong type, unknown part, overlong text or
unprintable character reaches the form (issue 12: "silently changed names")."""

from __future__ import annotations

import json

import pytest

from assistant import i18n
from assistant import fonts
from assistant.interview import checks
from assistant.procedures.texts import describe_character
from assistant.interview.record import Record
from assistant.interview.session import Session
from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.catalog import Catalog
from tests.conftest import ROOT

ANSWERS = json.loads((ROOT / "examples" / "juminhyo_answers.json").read_text(encoding="utf-8"))
NAME = ANSWERS["applicant_name"]


@pytest.fixture(scope="module")
def procedure():
    return Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")


@pytest.fixture(autouse=True)
def japanese():
    i18n.set_language("ja")
    yield
    i18n.set_language("ja")


def errors(procedure, **changes):
    return [(e.field_id, e.part, e.code) for e in Session(procedure, {**ANSWERS, **changes}).missing()]


def only_error(procedure, **changes):
    session = Session(procedure, {**ANSWERS, **changes})
    [error] = session.missing()
    return error


def test_the_example_answers_have_no_problem(procedure):
    assert errors(procedure) == []


@pytest.mark.parametrize("raw, given", [(True, "true または false"), (["山田"], "リスト [ ]"), ({"a": "山田"}, "オブジェクト { }"),
                                        (12, "数")])
def test_a_name_part_of_the_wrong_json_type_is_refused_not_printed_as_python_would(procedure, raw, given):
    # before: true was printed TRUE and ['山田'] as the name
    error = only_error(procedure, applicant_name={**NAME, "family": raw})
    assert (error.field_id, error.part, error.code) == ("applicant_name", "family", "answer.type")
    assert given in error.message and '"山田"' in error.message


@pytest.mark.parametrize("field_id, raw", [
    ("purpose", ["employer"]), ("purpose", {"employer": 1}), ("purpose", 1), ("relationship", True),
    ("applicant_phone", 312345678), ("applicant_birth_date", ["昭和45年3月1日"]), ("copies", 1.5),
    ("copies", True), ("copies", ["1"]), ("optional_entries", "household_head_relationship"),
    ("optional_entries", [1]), ("household_head_is_subject", "yes"), ("household_head_is_subject", 1),
    ("applicant_name", "山田太郎"), ("applicant_name", ["山田", "太郎"]), ("applicant_address", "東京都千代田区"),
    ("submit_to", {"name": "株式会社"}), ("submit_to", False)])
def test_every_kind_refuses_a_value_of_the_wrong_json_type(procedure, field_id, raw):
    # before: a choice given a list or an object raised TypeError (unhashable)
    error = only_error(procedure, **{field_id: raw})
    assert (error.field_id, error.code) == (field_id, "answer.type")
    assert "次のように書いてください" in error.message   # how to write it, with an example


def test_a_whole_number_may_be_given_as_a_json_number(procedure):
    assert errors(procedure, copies=2) == []
    assert Session(procedure, {**ANSWERS, "copies": 2}).values()["copies"] == 2


def test_an_unknown_name_part_is_refused_not_dropped(procedure):
    error = only_error(procedure, applicant_name={**NAME, "middle": "ミドル"})
    assert (error.field_id, error.code) == ("applicant_name", "answer.unknown_part")
    assert '"middle"' in error.message and "family, given, family_kana, given_kana" in error.message


def test_an_unknown_key_is_quoted_escaped_and_bounded(procedure):
    key = "\u202e" + "x" * 5000
    error = only_error(procedure, applicant_address={**ANSWERS["applicant_address"], key: "1"})
    assert error.code == "answer.unknown_part"
    assert "\u202e" not in error.message and "\\u202e" in error.message and len(error.message) < 400


@pytest.mark.parametrize("char, code, shown", [
    ("\x00", "text.control", "U+0000"), ("\n", "text.control", "U+000A"), ("\t", "text.control", "U+0009"),
    ("\u202e", "text.bidi", "U+202E RIGHT-TO-LEFT OVERRIDE"), ("\u2067", "text.bidi", "U+2067"),
    ("\u200b", "text.invisible", "U+200B ZERO WIDTH SPACE"), ("\ufeff", "text.invisible", "U+FEFF"),
    ("\ue000", "text.private_use", "U+E000"), ("\U000f0000", "text.private_use", "U+F0000"),
    ("\ud800", "text.broken", "U+D800"), ("\U000e0080", "text.undefined", "U+E0080")])
@pytest.mark.parametrize("where", ["family", "city", "submit_to"])
def test_characters_no_answer_may_hold_are_named_by_code_and_name(procedure, char, code, shown, where):
    if where == "family":
        changes, expected = {"applicant_name": {**NAME, "family": f"山{char}田"}}, ("applicant_name", "family")
    elif where == "city":
        address = {**ANSWERS["applicant_address"], "city": f"千代田{char}区"}
        changes, expected = {"applicant_address": address}, ("applicant_address", "city")
    else:
        changes, expected = {"submit_to": f"株式会社{char}テツヅキ"}, ("submit_to", "")
    error = only_error(procedure, **changes)
    assert (error.field_id, error.part, error.code) == (*expected, code)
    assert shown in error.message and char not in error.message and "例" in error.message


@pytest.mark.parametrize("char", ["😀", "🫠", "💩", "א", "க", "ሀ", "𝄞"])
def test_a_character_no_pdf_font_has_is_refused_before_anything_is_written(procedure, char):
    # before: printed without it, exit 0, "1 character(s) have no glyph" in English on stderr
    assert fonts.unprintable(char) == [char]
    error = only_error(procedure, applicant_name={**NAME, "given": f"太{char}郎"})
    assert (error.field_id, error.part, error.code) == ("applicant_name", "given", "text.no_glyph")
    assert describe_character(char) in error.message and "フォント" in error.message


@pytest.mark.parametrize("name", ["สมชาย", "राम", "김민수", "Nguyễn Thị Phương", "မောင်"])
def test_a_name_in_a_script_of_the_fourteen_languages_is_printable(name):
    # Thai, Devanagari, Hangul, Vietnamese and Myanmar have bundled faces (resources/fonts)
    assert fonts.unprintable(name) == []


def test_a_character_only_the_fallback_font_has_is_accepted(procedure):
    if fonts.find_fallback_font() is None:
        pytest.fail("No fallback font: install fonts-noto-cjk (scripts/setup.sh)")
    assert fonts.unprintable("𠮷") == []
    assert errors(procedure, applicant_name={**NAME, "family": "𠮷田"}) == []


def test_without_the_fallback_font_the_common_form_is_offered(procedure, monkeypatch):
    monkeypatch.setattr(fonts, "FALLBACK_FONTS", ())
    error = only_error(procedure, applicant_name={**NAME, "family": "𠮷田"})
    assert (error.part, error.code, error.suggestion) == ("family", "text.no_glyph", "吉田")
    assert "吉田" in error.message


@pytest.mark.parametrize("changes, where, limit", [
    ({"applicant_name": {**NAME, "family": "山" * 101}}, ("applicant_name", "family"), checks.NAME_PART_MAX),
    ({"applicant_name": {**NAME, "given_kana": "タ" * 101}}, ("applicant_name", "given_kana"), checks.NAME_PART_MAX),
    ({"applicant_address": {**ANSWERS["applicant_address"], "building": "館" * 1500}},
     ("applicant_address", "building"), checks.ADDRESS_PART_MAX),
    ({"submit_to": "株" * 501}, ("submit_to", ""), checks.TEXT_MAX),
    ({"applicant_phone": "0" * 1_000_000}, ("applicant_phone", ""), checks.SHORT_MAX),
    ({"copies": 10 ** 200}, ("copies", ""), checks.SHORT_MAX)])
def test_overlong_answers_are_refused_with_the_limit_stated(procedure, changes, where, limit):
    # before: 1,500 characters raised "row too high" in the PDF, after 15-47 s for 1 MB
    error = only_error(procedure, **changes)
    assert (error.field_id, error.part, error.code) == (*where, "text.too_long")
    assert f"{limit} 文字まで" in error.message


def test_answers_at_the_limits_are_accepted(procedure):
    name = {**NAME, "family": "山" * checks.NAME_PART_MAX, "given": "太" * checks.NAME_PART_MAX}
    address = {**ANSWERS["applicant_address"], **{p: "館" * checks.ADDRESS_PART_MAX for p in ("town", "building")}}
    assert errors(procedure, applicant_name=name, applicant_address=address, submit_to="株" * 80) == []   # the form's own max_length


@pytest.mark.parametrize("members, expected", [
    ("山田　花子", [("members", "", "answer.type")]),
    ({"member_name": "山田　花子"}, [("members", "", "answer.type")]),
    (["山田　花子"], [("members[0]", "", "answer.type")]),
    ([None, 3, [], {"member_name": "山田　花子"}],
     [("members[0]", "", "answer.type"), ("members[1]", "", "answer.type"), ("members[2]", "", "answer.type")]),
    ([{"member_name": "山田　花子", "age": 3}], [("members[0]", "", "answer.unknown_part")]),
    ([{"member_name": ["山田"]}], [("members[0].member_name", "", "answer.type")]),
    ([{"member_name": "山田　花子"}] * 11, [("members", "", "group.too_many")])])
def test_group_entries_that_are_not_objects_are_reported_not_raised(procedure, members, expected):
    # before: an entry that is not an object raised in session.py
    session = Session(procedure, {**ANSWERS, "scope": "some_members", "members": members})
    assert [(e.field_id, e.part, e.code) for e in session.missing()] == expected
    Record.of(session)   # the review page reads the same answers: nothing raises there either


def test_messages_are_translated_and_say_how_to_fix(procedure):
    i18n.set_language("en")
    error = only_error(procedure, applicant_name={**NAME, "family": True})
    assert error.message.startswith("This answer must be text in quotes, but the file gives true or false.")
    i18n.set_language("ja")
    error = only_error(procedure, applicant_name={**NAME, "family": True})
    assert error.message.startswith("この答えは引用符で囲んだ文字で書く必要があります")


def test_the_limits_are_stated_in_the_procedure_schema():
    from assistant.procedures.model import Procedure

    schema = json.dumps(Procedure.model_json_schema(by_alias=True), ensure_ascii=False)
    assert f"each part at most {checks.NAME_PART_MAX} characters" in schema
    assert f"each part at most {checks.ADDRESS_PART_MAX} characters" in schema
    assert f"without it, {checks.TEXT_MAX}" in schema
