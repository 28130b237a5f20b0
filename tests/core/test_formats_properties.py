"""Properties that hold for every input, message checks in both languages, and catalog checks."""

import datetime
import re
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant import i18n
from assistant.formats import (
    check_name,
    display_date,
    era_date,
    lookup,
    normalize_latin_name,
    parse_corporate_number,
    parse_date,
    parse_email,
    parse_extension,
    parse_integer,
    parse_my_number,
    parse_phone,
    parse_postal_code,
    to_hiragana,
    to_katakana,
)
from assistant.formats.numbers import my_number_check_digit
from assistant.formats.result import Parsed

ROOT = Path(__file__).resolve().parents[2]
PARSERS = [
    parse_date, to_katakana, to_hiragana, check_name, normalize_latin_name, parse_postal_code,
    parse_phone, parse_extension, parse_my_number, parse_corporate_number, parse_integer,
    parse_email,
]
# Characters the parsers treat specially, so random text reaches their inner branches.
TRICKY = (string.digits + string.ascii_letters + " -./()+@,~¥"
          + "０１２３４５６７８９－ー―‐−ｰ〜～〒〶＠．，（）￥円年月日元"
          + "明治大正昭和平成令和MTSHR㍾㍽㍼㍻㋿内線ext"
          + "ｱｶﾞﾊﾟﾞﾟ゛゜\u3099\u309aあかがぱゔゐアカガパヴヰャッ・ヷ\u3000\t\n"
          + "髙𠮷𠮟﨑神葛\U000e0100😀é\x00\ud800")
any_text = st.text(alphabet=st.characters(exclude_categories=()), max_size=40)
tricky_text = st.text(alphabet=st.sampled_from(TRICKY), max_size=30)


pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize("parse", PARSERS, ids=lambda f: f.__name__)
@given(text=st.one_of(any_text, tricky_text))
def test_no_input_raises(parse, text):
    parsed = parse(text)
    assert isinstance(parsed, Parsed)
    if parsed.problem:
        assert parsed.value is None and parsed.problem.message
    if not text.strip():
        assert parsed == Parsed()


@settings(deadline=None)  # the first look-up opens the postal database
@given(text=st.one_of(any_text, tricky_text, st.from_regex(r"\A\d{3}-?\d{4}\Z")))
def test_lookup_never_raises(text):
    assert isinstance(lookup(text), list)


@pytest.mark.parametrize("parse", PARSERS, ids=lambda f: f.__name__)
@given(space=st.text(alphabet=" \u3000\t\n\r", max_size=5))
def test_blank_input_is_empty_without_problem(parse, space):
    parsed = parse(space)
    assert parsed.value is None and parsed.display == "" and parsed.ok and parsed.notice is None


dates = st.dates(min_value=datetime.date(1873, 1, 1), max_value=datetime.date(2100, 12, 31))


@given(day=dates)
def test_display_date_round_trips(day):
    iso = day.isoformat()
    assert parse_date(display_date(iso)).value == iso


@given(day=dates)
def test_era_date_round_trips(day):
    iso = day.isoformat()
    assert parse_date(era_date(iso)).value == iso


@given(day=st.dates(min_value=datetime.date(1, 1, 1)))
def test_iso_input_round_trips(day):
    assert parse_date(day.isoformat()).value == day.isoformat()


@given(text=st.one_of(any_text, tricky_text))
def test_names_are_kept_byte_identical(text):
    value = check_name(text).value
    expected = text.strip()
    assert value == (expected or None)
    if expected:
        assert value.encode("utf-8", "surrogatepass") == expected.encode("utf-8", "surrogatepass")


KANA = "あいうかがきゃっゔゐアカガキャッヴヰヷｱｶﾞｷｬｯｳﾞ・ー-～ 　"


@pytest.mark.parametrize("convert", [to_katakana, to_hiragana], ids=lambda f: f.__name__)
@given(text=st.one_of(tricky_text, st.text(alphabet=KANA, max_size=20)))
def test_kana_is_idempotent(convert, text):
    first = convert(text)
    if first.value is not None:
        again = convert(first.value)
        assert again.value == first.value and again.notice is None


def _typed(digits: st.SearchStrategy[str], separators: str) -> st.SearchStrategy[str]:
    """`digits` as a person might type them: full-width, with spaces or dashes between."""
    @st.composite
    def typed(draw):
        out = []
        for digit in draw(digits):
            if draw(st.booleans()):
                digit = chr(ord(digit) + 0xFEE0)  # full-width
            out.append(digit + draw(st.sampled_from(["", "", ""] + list(separators))))
        return "".join(out)
    return typed()


my_numbers = st.from_regex(r"\A[0-9]{11}\Z").map(lambda d: d + str(my_number_check_digit(d)))


@pytest.mark.parametrize(("parse", "inputs"), [
    (parse_postal_code, _typed(st.from_regex(r"\A[0-9]{7}\Z"), "-ー")),
    (parse_phone, _typed(st.from_regex(r"\A0[2-9][0-9]{8,9}\Z"), "- ")),
    (parse_my_number, _typed(my_numbers, " -")),
    (parse_postal_code, tricky_text),
    (parse_phone, tricky_text),
    (parse_my_number, tricky_text),
], ids=["postal", "phone", "my_number", "postal-any", "phone-any", "my_number-any"])
@given(data=st.data())
def test_normalising_is_idempotent(parse, inputs, data):
    first = parse(data.draw(inputs))
    if first.value is not None:
        assert parse(first.value).value == first.value


@given(number=my_numbers)
def test_every_well_formed_my_number_is_accepted_unless_a_dummy(number):
    parsed = parse_my_number(number)
    assert parsed.ok == (len(set(number)) > 1)


# One input per problem code, in every parser.
BAD_INPUTS = [
    (parse_date, "abc"), (parse_date, "2023-02-29"), (parse_date, "令和0年1月1日"),
    (parse_date, "1970-13-01"), (parse_date, "平成31年5月1日"), (parse_date, "令和元年4月30日"),
    (parse_date, "明治45年7月30日"), (parse_date, "大正元年7月29日"),
    (parse_date, "大正15年12月25日"), (parse_date, "昭和元年12月24日"),
    (parse_date, "昭和64年1月8日"), (parse_date, "平成元年1月7日"),
    (parse_date, "明治5年1月1日"), (parse_date, "1970年(昭和46年)3月1日"),
    (to_katakana, "山田"), (to_hiragana, "山田"),
    (normalize_latin_name, "José"), (normalize_latin_name, "山田"),
    (parse_postal_code, "123"), (parse_postal_code, "1"), (parse_postal_code, "abc"),
    (parse_phone, "abc"), (parse_phone, "+1 212 555 0100"), (parse_phone, "110"),
    (parse_phone, "0012345678"), (parse_phone, "52532111"), (parse_phone, "090123"),
    (parse_phone, "03-1234-5678"), (parse_phone, "0120-1234"), (parse_extension, "abc"),
    (parse_my_number, "abc"), (parse_my_number, "1"), (parse_my_number, "123"),
    (parse_my_number, "000000000000"), (parse_my_number, "123456789019"),
    (parse_corporate_number, "abc"), (parse_corporate_number, "1"),
    (parse_corporate_number, "123"), (parse_corporate_number, "8000012050002"),
    (parse_integer, "abc"), (parse_integer, "1.5"), (parse_integer, "9" * 30),
    (lambda t: parse_integer(t, minimum=10), "5"), (lambda t: parse_integer(t, maximum=1), "5"),
    (parse_email, "abc"), (parse_email, "a@b"),
]
NOTICES = [
    (parse_date, "2999-01-01"), (to_katakana, "タロ-"), (to_hiragana, "たろ-"),
    (check_name, "髙橋"), (check_name, "😀"),
]


@pytest.mark.parametrize(("parse", "text"), BAD_INPUTS)
def test_english_problem_messages_say_what_and_give_an_example(parse, text):
    problem = parse(text).problem
    assert problem is not None
    assert re.fullmatch(r"[a-z_]+\.[a-z_]+", problem.code)
    assert "e.g. " in problem.message
    assert "{" not in problem.message and "}" not in problem.message


@pytest.mark.parametrize(("parse", "text"), NOTICES)
def test_notices_are_accepted_with_a_message(parse, text):
    parsed = parse(text)
    assert parsed.ok and parsed.value is not None
    assert parsed.notice.message and "e.g. " in parsed.notice.message


@pytest.fixture
def japanese():
    i18n.set_language("ja")
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(("parse", "text"), BAD_INPUTS + NOTICES)
def test_japanese_messages_are_translated_and_give_an_example(japanese, parse, text):
    parsed = parse(text)
    problem = parsed.problem or parsed.notice
    assert "例：" in problem.message
    assert "e.g." not in problem.message
    assert "{" not in problem.message
