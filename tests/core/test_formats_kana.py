"""Readings: half-width and hiragana input become full-width katakana (or hiragana), §2.7."""

import pytest

from assistant import i18n
from assistant.formats import to_hiragana, to_katakana

SPACE = "\u3000"


pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize(("text", "katakana"), [
    ("ｶﾞ", "ガ"),  # two code points in, one out
    ("ﾔﾏﾀﾞ ﾀﾛｳ", f"ヤマダ{SPACE}タロウ"),
    ("やまだ　たろう", f"ヤマダ{SPACE}タロウ"),
    ("ゔぁいおりん", "ヴァイオリン"),
    ("ゐゑ", "ヰヱ"),
    ("ｷｬｯﾁｬｰ", "キャッチャー"),  # small kana kept; ｰ is the half-width ー itself
    ("しょうゆ", "ショウユ"),
    ("ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ", "パピプペポ"),
    ("ｳﾞｪﾙﾃﾞｨ", "ヴェルディ"),
    ("ﾜﾞ", "ヷ"),
    ("か゛", "ガ"),  # a spacing voicing mark typed after the kana
    ("カ\u3099", "ガ"),  # a decomposed (NFD) ガ
    ("スミス・ジョン", "スミス・ジョン"),
    ("ｽﾐｽ･ｼﾞｮﾝ", "スミス・ジョン"),
    ("ササキ", "ササキ"),
])
def test_to_katakana(text, katakana):
    parsed = to_katakana(text)
    assert parsed.ok and parsed.notice is None
    assert parsed.value == katakana == parsed.display


@pytest.mark.parametrize(("text", "hiragana"), [
    ("ヤマダ　タロウ", f"やまだ{SPACE}たろう"),
    ("ﾔﾏﾀﾞ ﾀﾛｳ", f"やまだ{SPACE}たろう"),
    ("ヴァ", "ゔぁ"),
    ("ヰヱ", "ゐゑ"),
    ("サトー", "さとー"),
])
def test_to_hiragana(text, hiragana):
    parsed = to_hiragana(text)
    assert parsed.ok and parsed.value == hiragana


@pytest.mark.parametrize("text", [
    "ヤマダ タロウ", "ヤマダ　タロウ", "ヤマダ  タロウ", "ヤマダ　　タロウ", " ヤマダ\tタロウ ",
    "ヤマダ\u3000 タロウ", "\u3000ヤマダ タロウ\u3000",
])
def test_spaces_become_one_ideographic_space(text):
    assert to_katakana(text).value == f"ヤマダ{SPACE}タロウ"


@pytest.mark.parametrize("dash", ["-", "‐", "－", "~", "〜", "～", "―", "−"])
def test_dash_after_kana_is_read_as_long_vowel_with_a_notice(dash):
    parsed = to_katakana(f"タロ{dash}")
    assert parsed.value == "タロー"
    assert parsed.ok
    assert parsed.notice.code == "kana.long_vowel_guessed"
    assert "タロー" in parsed.notice.message
    assert to_hiragana(f"さと{dash}").value == "さとー"


def test_real_long_vowel_marks_need_no_confirmation():
    assert to_katakana("タロー").notice is None
    assert to_katakana("ﾀﾛｰ").notice is None  # U+FF70 is the half-width ー, not a guess


@pytest.mark.parametrize(("text", "offending"), [
    ("山田", "山"),
    ("ヤマダ 太郎", "太"),
    ("Yamada", "Y"),
    ("ｙａｍａｄａ", "ｙ"),
    ("-タロウ", "-"),  # a dash with no kana before it is not a long vowel
    ("タロウ 1", "1"),
    ("ゟ", "ゟ"),
    ("ヤマダ\x00", "U+0000"),
])
def test_non_kana_names_the_first_offending_character(text, offending):
    parsed = to_katakana(text)
    assert parsed.value is None
    assert parsed.problem.code == "kana.not_kana"
    assert f'"{offending}"' in parsed.problem.message
    assert "e.g. ヤマダ\u3000タロウ" in parsed.problem.message
    assert "e.g. やまだ\u3000たろう" in to_hiragana(text).problem.message


@pytest.mark.parametrize("text", ["", " ", "\u3000\u3000"])
def test_empty(text):
    assert to_katakana(text).value is None and to_katakana(text).ok
    assert to_hiragana(text).value is None and to_hiragana(text).ok
