"""My Number (§2.3), corporate number (§2.4), whole numbers and amounts, e-mail addresses."""

import pytest

from assistant import i18n
from assistant.formats import (
    format_my_number,
    mask_my_number,
    parse_corporate_number,
    parse_email,
    parse_integer,
    parse_my_number,
)
from assistant.formats.numbers import corporate_check_digit, my_number_check_digit


pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize(("first11", "check"), [
    ("31415926535", 2),  # S = 196, r = 9
    ("27182818284", 0),  # S = 221, r = 1: the r ≤ 1 case
    ("98765432109", 3),  # S = 228, r = 8
    ("12345678901", 8),  # S = 212, r = 3
    ("00000000000", 0),
])
def test_my_number_check_digit_worked_examples(first11, check):
    assert my_number_check_digit(first11) == check


@pytest.mark.parametrize("text", [
    "314159265352", "271828182840", "987654321093", "123456789018", "1234 5678 9018",
    "1234-5678-9018", "１２３４５６７８９０１８", "１２３４　５６７８　９０１８",
    "1234ー5678ー9018",
])
def test_valid_my_numbers_are_stored_as_digits_and_shown_masked(text):
    parsed = parse_my_number(text)
    assert parsed.ok
    assert parsed.value.isdigit() and len(parsed.value) == 12
    assert parsed.display == f"**** **** {parsed.value[-4:]}"


@pytest.mark.parametrize(("text", "code"), [
    ("123456789019", "my_number.check_digit"),
    ("314159265350", "my_number.check_digit"),
    ("12345678901", "my_number.length"),
    ("1234567890123", "my_number.length"),
    ("1234 5678 901A", "my_number.format"),
    ("000000000000", "my_number.dummy"),  # passes the checksum
    ("111111111111", "my_number.dummy"),
    ("999999999999", "my_number.dummy"),
])
def test_invalid_my_numbers_never_echo_the_number(text, code):
    parsed = parse_my_number(text)
    assert parsed.value is None and parsed.display == ""
    assert parsed.problem.code == code
    assert parsed.problem.suggestion is None
    typed = "".join(c for c in text if c.isdigit())
    assert typed not in parsed.problem.message
    assert format_my_number(typed) not in parsed.problem.message
    assert "e.g. 1234 5678 9018" in parsed.problem.message


def test_format_and_mask():
    assert format_my_number("123456789018") == "1234 5678 9018"
    assert mask_my_number("123456789018") == "**** **** 9018"
    assert mask_my_number("12") == "**"
    assert format_my_number("123") == "123"


def test_corporate_number():
    assert corporate_check_digit("000012050002") == 7  # 2+5+2+2 = 11, 11 mod 9 = 2 → 7
    parsed = parse_corporate_number("7000012050002")
    assert parsed.value == "7000012050002"
    assert parsed.display == "7-0000-1205-0002"
    assert parse_corporate_number("7-0000-1205-0002").value == "7000012050002"
    assert parse_corporate_number("７０００ ０１２０ ５０００２").value == "7000012050002"


@pytest.mark.parametrize(("text", "code"), [
    ("8000012050002", "corporate_number.check_digit"),
    ("700001205000", "corporate_number.length"),
    ("70000120500021", "corporate_number.length"),
    ("7000O12050002", "corporate_number.format"),
])
def test_invalid_corporate_numbers(text, code):
    problem = parse_corporate_number(text).problem
    assert problem.code == code and "e.g. 7000012050002" in problem.message


@pytest.mark.parametrize(("text", "value", "display"), [
    ("1234", 1234, "1,234"),
    ("1,234", 1234, "1,234"),
    ("１，２３４", 1234, "1,234"),
    ("1,234円", 1234, "1,234"),
    ("¥1,234", 1234, "1,234"),
    ("￥1234", 1234, "1,234"),
    ("1234 円", 1234, "1,234"),
    ("0", 0, "0"),
    ("-5", -5, "-5"),
    ("−５", -5, "-5"),
    ("1,234,567", 1234567, "1,234,567"),
    ("007", 7, "7"),
])
def test_integers_and_amounts(text, value, display):
    parsed = parse_integer(text)
    assert parsed.ok and parsed.value == value and parsed.display == display


@pytest.mark.parametrize(("text", "code"), [
    ("1,23", "number.format"),
    ("12,34,567", "number.format"),
    ("abc", "number.format"),
    ("1e5", "number.format"),
    ("三万円", "number.format"),
    ("1000.5", "number.not_integer"),
    ("1,000.50", "number.not_integer"),
    ("9" * 19, "number.too_large"),
    ("9" * 5000, "number.too_large"),  # Python refuses int() past 4,300 digits
])
def test_invalid_integers(text, code):
    problem = parse_integer(text).problem
    assert problem.code == code and "e.g." in problem.message


def test_integer_bounds():
    assert parse_integer("5", minimum=1, maximum=10).value == 5
    assert parse_integer("0", minimum=1).problem.code == "number.too_small"
    problem = parse_integer("20000", maximum=10000).problem
    assert problem.code == "number.too_large" and "10,000" in problem.message


@pytest.mark.parametrize(("text", "value"), [
    ("taro.yamada@example.jp", "taro.yamada@example.jp"),
    ("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "taro@example.jp"),
    ("taro@example．jp", "taro@example.jp"),
    ("  Taro@EXAMPLE.JP ", "Taro@example.jp"),
    ("taro..yamada.@docomo.ne.jp", "taro..yamada.@docomo.ne.jp"),  # old carrier addresses
    ("a+b@sub.example.co.jp", "a+b@sub.example.co.jp"),
])
def test_email(text, value):
    parsed = parse_email(text)
    assert parsed.ok and parsed.value == value


@pytest.mark.parametrize(("text", "code"), [
    ("taro", "email.format"),
    ("@example.jp", "email.format"),
    ("taro yamada@example.jp", "email.format"),
    ("たろう@example.jp", "email.format"),
    ("taro@localhost", "email.domain"),
    ("taro@example", "email.domain"),
    ("taro@-example.jp", "email.domain"),
    ("taro@example.j", "email.domain"),
    ("taro@example..jp", "email.domain"),
    ("taro@例え.jp", "email.domain"),
])
def test_invalid_email(text, code):
    problem = parse_email(text).problem
    assert problem.code == code and "e.g. taro.yamada@example.jp" in problem.message


@pytest.mark.parametrize("parse", [parse_my_number, parse_corporate_number, parse_integer,
                                   parse_email])
@pytest.mark.parametrize("text", ["", "   ", "\u3000"])
def test_empty(parse, text):
    assert parse(text).value is None and parse(text).ok
