"""Phone numbers: DS-445 hyphenation, area-code split and the traps in §2.6."""

import pytest

from assistant import i18n
from assistant.formats import parse_extension, parse_phone


pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize(("text", "value"), [
    ("03-5253-2111", "03-5253-2111"),
    ("0352532111", "03-5253-2111"),
    ("(03)5253-5111", "03-5253-5111"),
    ("（03）5253-5111", "03-5253-5111"),
    ("０３ー５２５３ー２１１１", "03-5253-2111"),
    ("03 5253 2111", "03-5253-2111"),
    ("+81 3 5253 2111", "03-5253-2111"),
    ("+81 (03)5253-5111", "03-5253-5111"),  # as printed in DS-445
    ("+81-3-5253-2111", "03-5253-2111"),
    ("06-6123-4567", "06-6123-4567"),
    ("011-222-3333", "011-222-3333"),
    ("0452223333", "045-222-3333"),
    ("052-961-1111", "052-961-1111"),
    ("092-711-4111", "092-711-4111"),
    ("0422-45-1151", "0422-45-1151"),
    ("0996922222", "09969-2-2222"),
    ("0920-47-1111", "0920-47-1111"),  # 壱岐, a 4-digit code under the listed 092
    ("0123-45-6789", "0123-45-6789"),  # unlisted: guessed as a 4-digit code
    ("090-1234-5678", "090-1234-5678"),
    ("09012345678", "090-1234-5678"),
    ("+81 90 1234 5678", "090-1234-5678"),
    ("080-1234-5678", "080-1234-5678"),
    ("070-1234-5678", "070-1234-5678"),
    ("050-1234-5678", "050-1234-5678"),
    ("020-1234-5678", "020-1234-5678"),
    ("0120-123-456", "0120-123-456"),
    ("0120123456", "0120-123-456"),
    ("0800-123-4567", "0800-123-4567"),
    ("0570-064-123", "0570-064-123"),
])
def test_valid_numbers_are_hyphenated(text, value):
    parsed = parse_phone(text)
    assert parsed.ok
    assert parsed.value == value == parsed.display


@pytest.mark.parametrize(("text", "code"), [
    ("03-1234-5678", "phone.local_code"),  # the popular dummy: local code must start 2–9
    ("06-0123-4567", "phone.local_code"),
    ("045-123-4567", "phone.local_code"),
    ("0422-12-3456", "phone.local_code"),
    ("09969-1-2345", "phone.local_code"),
    ("110", "phone.special"),
    ("119", "phone.special"),
    ("117", "phone.special"),
    ("0012-3-5253-2111", "phone.prefix"),
    ("010-1-212-555-0100", "phone.prefix"),
    ("5253-2111", "phone.no_area_code"),
    ("+1 212 555 0100", "phone.foreign"),
    ("090-1234-567", "phone.length"),
    ("090-1234-56789", "phone.length"),
    ("03-5253-211", "phone.length"),
    ("03-5253-21111", "phone.length"),
    ("0120-123-4567", "phone.length"),
    ("0800-123-456", "phone.length"),
    ("tel 03", "phone.format"),
    ("٠٣٥٢٥٣٢١١١", "phone.format"),  # Arabic-Indic digits are not accepted
])
def test_invalid_numbers(text, code):
    parsed = parse_phone(text)
    assert parsed.value is None
    assert parsed.problem.code == code
    assert "e.g." in parsed.problem.message


def test_length_message_names_the_expected_count():
    assert "11 digits" in parse_phone("090-1234-567").problem.message
    assert "10 digits" in parse_phone("03-5253-211").problem.message


@pytest.mark.parametrize("text", ["", "  ", "\u3000"])
def test_empty(text):
    assert parse_phone(text).value is None and parse_phone(text).ok


@pytest.mark.parametrize(("text", "value"), [
    ("内線123", "123"), ("内線 123", "123"), ("ext.999", "999"), ("Ext. 999", "999"),
    ("EXT999", "999"), ("x12", "12"), ("１２３", "123"),
])
def test_extension(text, value):
    parsed = parse_extension(text)
    assert parsed.value == value
    assert parsed.display == f"ext. {value}"


@pytest.mark.parametrize("text", ["abc", "内線", "1234567", "12-34"])
def test_invalid_extension(text):
    assert parse_extension(text).problem.code == "phone.extension"


@pytest.mark.parametrize("text", [
    "03-5253-2111 内線123", "03-5253-2111（内線123）", "０３－５２５３－２１１１　内線１２３",
    "03-5253-2111 ext. 123", "03-5253-2111 EXT123", "0352532111x123", "03-5253-2111, 内線 123",
])
def test_an_extension_is_split_off_and_printed_after_the_number(text):
    parsed = parse_phone(text)
    assert parsed.ok
    assert parsed.value == parsed.display == "03-5253-2111 内線123"


def test_a_wrong_number_with_an_extension_is_refused_for_the_number():
    parsed = parse_phone("03-1234-5678 内線1")
    assert parsed.problem.code == "phone.local_code"
