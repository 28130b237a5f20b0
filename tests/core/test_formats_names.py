"""Names are kept byte-for-byte; 外字 (outside JIS X 0213) get a notice, §2.8 and §2.9."""

import pytest

from assistant import i18n
from assistant.formats import check_name, fallback, normalize_latin_name, outside_jis

HASHIGODAKA = "\u9ad9"  # 髙, outside JIS X 0213
TSUCHIYOSHI = "\U00020bb7"  # 𠮷, outside, and a surrogate pair in UTF-16
SHIKARU = "\U00020b9f"  # 𠮟, inside although outside the BMP
TATSUSAKI = "\ufa11"  # 﨑, a compatibility ideograph inside JIS X 0213
KAMI_COMPAT = "\ufa19"  # 神 compatibility form; NFKC would turn it into U+795E
TOKU = "\u5fb7"  # 德, inside


pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize("name", [
    "山田太郎", f"山{TATSUSAKI}", SHIKARU, f"{TOKU}川", f"{KAMI_COMPAT}田", "霞ケ関", "渡邉",
    "山田　太郎", "SMITH JOHN", "か゚",
])
def test_names_inside_jis_are_kept_without_notice(name):
    parsed = check_name(name)
    assert parsed.value == name and parsed.display == name
    assert parsed.value.encode("utf-8") == name.encode("utf-8")
    assert parsed.notice is None and parsed.ok


def test_only_surrounding_whitespace_is_removed():
    assert check_name("  山田　太郎\u3000\n").value == "山田　太郎"


@pytest.mark.parametrize(("name", "chars", "suggestion"), [
    (f"{HASHIGODAKA}橋", [HASHIGODAKA], "高橋"),
    (f"{TSUCHIYOSHI}田", [TSUCHIYOSHI], "吉田"),
    (f"{HASHIGODAKA}{TSUCHIYOSHI}{HASHIGODAKA}", [HASHIGODAKA, TSUCHIYOSHI], "高吉高"),
    ("葛\U000e0100城", ["葛\U000e0100"], "葛城"),  # an ideographic variation sequence
    ("\uf900", ["\uf900"], "\u8c48"),  # a Korean compatibility ideograph → its canonical form
    ("\uf96f", ["\uf96f"], None),  # 說: its canonical form is outside JIS X 0213 too
    ("😀", ["😀"], None),
    (f"{HASHIGODAKA}😀", [HASHIGODAKA, "😀"], None),  # no partial fallback
])
def test_outside_jis_gets_a_notice_and_keeps_the_value(name, chars, suggestion):
    parsed = check_name(name)
    assert parsed.ok
    assert parsed.value == name
    assert parsed.notice.code == "name.outside_jis"
    assert parsed.notice.suggestion == suggestion
    assert outside_jis(name) == chars
    assert fallback(name) == suggestion
    for char in chars:
        assert f'"{char}"' in parsed.notice.message
    assert "外字" in parsed.notice.message
    assert "kept exactly as you typed" in parsed.notice.message
    assert "e.g." in parsed.notice.message


def test_fallback_is_none_when_nothing_needs_replacing():
    assert fallback("山田") is None
    assert fallback("") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("SMITH JOHN", "SMITH JOHN"),
    ("smith john", "SMITH JOHN"),
    ("ＳＭＩＴＨ　ＪＯＨＮ", "SMITH JOHN"),
    ("  Smith   John  ", "SMITH JOHN"),
    ("O'BRIEN MARY-ANN", "O'BRIEN MARY-ANN"),
    ("NGUYEN, VAN A", "NGUYEN, VAN A"),
    ("MONTGOMERY-WHITFIELD ALEXANDRA CHRISTINA ELIZABETH VICTORIA",
     "MONTGOMERY-WHITFIELD ALEXANDRA CHRISTINA ELIZABETH VICTORIA"),  # never truncated
])
def test_latin_names_as_on_the_residence_card(text, expected):
    parsed = normalize_latin_name(text)
    assert parsed.ok and parsed.value == expected == parsed.display


def test_accented_latin_name_suggests_the_card_spelling():
    parsed = normalize_latin_name("José García")
    assert parsed.problem.code == "latin_name.accent"
    assert parsed.problem.suggestion == "JOSE GARCIA"


@pytest.mark.parametrize(("text", "char"), [("山田", "山"), ("SMITH 2", "2"), ("スミス", "ス")])
def test_non_latin_name(text, char):
    parsed = normalize_latin_name(text)
    assert parsed.problem.code == "latin_name.not_latin"
    assert f'"{char}"' in parsed.problem.message
    assert "e.g. SMITH JOHN" in parsed.problem.message


@pytest.mark.parametrize("text", ["", "  ", "\u3000"])
def test_empty(text):
    assert check_name(text).value is None and check_name(text).ok
    assert normalize_latin_name(text).value is None and normalize_latin_name(text).ok
