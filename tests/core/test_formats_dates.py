"""Dates: Western and era input, era boundaries (domain-japan §2.2), display in both calendars."""

import datetime

import pytest

from assistant import i18n
from assistant.formats import display_date, era_date, is_future, parse_date

TODAY = datetime.date(2025, 6, 1)


pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize("text", [
    "昭和45年3月1日", "昭和４５年３月１日", "㍼45年3月1日", "S45.3.1", "s45.3.1", "S45/03/01",
    "昭45.3.1", "昭和45.3.1", " 昭和 45 年 3 月 1 日 ", "1970/3/1", "１９７０/３/１", "1970-03-01",
    "1970年3月1日", "1970.3.1", "19700301", "1970ー3ー1", "１９７０－０３－０１",
    "1970年(昭和45年)3月1日", "1970年（昭和45年）3月1日",
])
def test_accepts_every_documented_form(text):
    parsed = parse_date(text, today=TODAY)
    assert parsed.ok and parsed.notice is None
    assert parsed.value == "1970-03-01"
    assert parsed.display == "1970年(昭和45年)3月1日"


@pytest.mark.parametrize("text", [
    "令和元年5月1日", "令和1年5月1日", "令和01年5月1日", "R01.05.01", "令01.05.01", "R1.5.1",
    "㋿元年5月1日", "2019年(令和元年)5月1日",
])
def test_first_year_as_gannen_1_or_01(text):
    parsed = parse_date(text, today=TODAY)
    assert parsed.value == "2019-05-01"
    assert parsed.display == "2019年(令和元年)5月1日"


@pytest.mark.parametrize(("text", "iso"), [
    ("明治6年1月1日", "1873-01-01"),
    ("明治45年7月29日", "1912-07-29"),
    ("大正元年7月30日", "1912-07-30"),
    ("大正15年12月24日", "1926-12-24"),
    ("昭和元年12月25日", "1926-12-25"),
    ("昭和64年1月7日", "1989-01-07"),
    ("平成元年1月8日", "1989-01-08"),
    ("H31.04.30", "2019-04-30"),
    ("令和元年5月1日", "2019-05-01"),
    ("㍾10年1月1日", "1877-01-01"),
    ("㍽3年1月1日", "1914-01-01"),
    ("㍻2年1月1日", "1990-01-01"),
])
def test_first_and_last_day_of_every_era(text, iso):
    assert parse_date(text, today=TODAY).value == iso


@pytest.mark.parametrize(("text", "suggestion"), [
    ("令和元年4月30日", "平成31年4月30日"),
    ("昭和64年1月8日", "平成元年1月8日"),
    ("平成元年1月7日", "昭和64年1月7日"),
    ("平成31年5月1日", "令和元年5月1日"),
    ("平成32年1月1日", "令和2年1月1日"),  # pre-printed forms still say 平成32年
    ("明治45年7月30日", "大正元年7月30日"),
    ("大正元年7月29日", "明治45年7月29日"),
    ("大正15年12月25日", "昭和元年12月25日"),
    ("昭和元年12月24日", "大正15年12月24日"),
    ("明治80年1月1日", "昭和22年1月1日"),
])
def test_day_outside_its_era_suggests_the_right_era(text, suggestion):
    parsed = parse_date(text, today=TODAY)
    assert parsed.value is None
    assert parsed.problem.code == "date.era_range"
    assert parsed.problem.suggestion == suggestion
    assert f"e.g. {suggestion}" in parsed.problem.message


def test_heisei_end_is_explained_kindly():
    message = parse_date("平成31年5月1日").problem.message
    assert "Heisei era ended on 30 April 2019" in message
    assert "Reiwa" in message


@pytest.mark.parametrize("text", [
    "令和5年2月30日", "2023-02-29", "1900-02-29", "平成31年2月29日", "1970-13-01", "1970-04-31",
    "1970-01-00", "令和0年5月1日", "昭和45年0月1日",
])
def test_impossible_dates(text):
    parsed = parse_date(text)
    assert parsed.problem.code == "date.invalid"
    assert "e.g." in parsed.problem.message


def test_impossible_day_message_names_the_month_length():
    assert "has 28 days" in parse_date("2023-02-29").problem.message


@pytest.mark.parametrize("text", ["2024-02-29", "2000-02-29", "令和6年2月29日"])
def test_leap_days(text):
    assert parse_date(text, today=TODAY).value in {"2024-02-29", "2000-02-29"}


@pytest.mark.parametrize("text", [
    "abc", "2月30日", "1970/3", "昭和45年", "S45", "1970-03-01T00:00", "慶応3年1月1日",
    "X45.3.1", "0000-01-01", "昭和四十五年三月一日", "1970年3月1日 12:00",
])
def test_unreadable_input_gets_an_example(text):
    parsed = parse_date(text)
    assert parsed.problem.code == "date.format"
    assert "e.g. 昭和45年3月1日 or 1970-03-01" in parsed.problem.message


@pytest.mark.parametrize("text", ["明治元年1月1日", "明治5年12月2日", "M5.12.31"])
def test_meiji_before_1873_is_lunisolar(text):
    assert parse_date(text).problem.code == "date.meiji_lunisolar"


def test_western_dates_before_1873_are_accepted_without_era():
    parsed = parse_date("1870-05-01")
    assert parsed.value == "1870-05-01"
    assert parsed.display == "1870年5月1日"
    assert era_date("1870-05-01") == "1870年5月1日"


def test_display_form_with_mismatched_years():
    parsed = parse_date("1970年(昭和46年)3月1日")
    assert parsed.problem.code == "date.year_mismatch"


@pytest.mark.parametrize("text", ["", "   ", "\u3000", "\n"])
def test_empty_input_is_not_a_problem(text):
    assert parse_date(text) == parse_date("") and parse_date(text).value is None
    assert parse_date(text).ok and parse_date(text).display == ""


def test_future_date_is_accepted_with_a_notice():
    parsed = parse_date("2030-01-01", today=TODAY)
    assert parsed.value == "2030-01-01"
    assert parsed.notice.code == "date.future"
    assert parse_date("2025-06-01", today=TODAY).notice is None


@pytest.mark.parametrize(("iso", "both", "era"), [
    ("1970-03-01", "1970年(昭和45年)3月1日", "昭和45年3月1日"),
    ("2019-05-01", "2019年(令和元年)5月1日", "令和元年5月1日"),
    ("2019-04-30", "2019年(平成31年)4月30日", "平成31年4月30日"),
    ("1989-01-07", "1989年(昭和64年)1月7日", "昭和64年1月7日"),
    ("1912-07-30", "1912年(大正元年)7月30日", "大正元年7月30日"),
    ("1873-01-01", "1873年(明治6年)1月1日", "明治6年1月1日"),
])
def test_display_date_and_era_date(iso, both, era):
    assert display_date(iso) == both
    assert era_date(iso) == era


@pytest.mark.parametrize("text", ["", "not a date", "2023-02-29", "20230101"])
def test_display_of_a_bad_stored_value_shows_it_unchanged(text):
    assert display_date(text) == text
    assert era_date(text) == text


def test_is_future():
    assert is_future("2025-06-02", TODAY)
    assert not is_future("2025-06-01", TODAY)
    assert not is_future("garbage", TODAY)
    assert is_future("9999-12-31")
