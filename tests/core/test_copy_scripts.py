"""The person's copy in every script of the fourteen languages: Thai, Myanmar, Nepali (Devanagari),
Korean, Chinese and Vietnamese text is drawn with bundled faces (pdffonts shows them embedded),
extracts with pdftotext character for character, and Thai lines break between words.

The catalogs of those languages do not exist yet (issue 15): the copy's messages are replaced here
by sentences written for the test. All names and sentences are invented.
"""

from __future__ import annotations

import itertools
import subprocess

import pytest

from assistant import i18n
from assistant.export import summary
from assistant.export.summary import render_copy
from assistant.interview.session import Session
from assistant.linebreak import segments
from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.catalog import Catalog
from tests.core.test_export import CREATED, _tool
from tests.core.test_session import ANSWERS

THAI = "สำเนานี้เป็นของคุณ ไม่ใช่สำหรับยื่น กรุณายื่นแบบฟอร์มภาษาญี่ปุ่นที่สำนักงานเขตพร้อมเอกสารที่จำเป็นทั้งหมด"
MYANMAR = "နောက်ထပ်လုပ်ရမည့်အရာများ"
NEPALI = "पेश गर्नका लागि होइन — पृष्ठ {page} / {total}"
KOREAN = "귀하의 답변"
CHINESE_SIMPLIFIED = "截止日期：{deadline}"
VIETNAMESE = "Ngày lập: {date} — Nguyễn Thị Phương, Đà Nẵng"
MESSAGES = {
    summary.NOT_FOR_SUBMISSION: THAI,
    summary.PAGE_LABEL: NEPALI,
    "By when: {deadline}": CHINESE_SIMPLIFIED,
    "Your answers": KOREAN,
    "What to do next": MYANMAR,
    "Made on {date}": VIETNAMESE,
}


@pytest.fixture
def copy_in(monkeypatch, tmp_path):
    """Render the copy in `language` with the constructed sentences; returns (text lines, fonts)."""
    monkeypatch.setattr(summary, "translate", lambda message, language: MESSAGES.get(message, message))
    procedure = Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")

    def render(language: str) -> tuple[list[str], str]:
        path = render_copy(Session(procedure, dict(ANSWERS)), tmp_path / f"{language}.pdf", CREATED, language)
        lines = subprocess.run([_tool("pdftotext"), "-raw", str(path), "-"], capture_output=True, text=True,
                               check=True).stdout.splitlines()
        fonts = subprocess.run([_tool("pdffonts"), str(path)], capture_output=True, text=True, check=True).stdout
        return lines, fonts
    return render


def squeezed(text: str) -> str:
    # pdftotext puts a space where HarfBuzz moved a vowel sign before its consonant (Myanmar ေ,
    # Devanagari ि): spaces are compared loosely, every other character exactly and in order.
    return "".join(text.split())


@pytest.mark.tools
@pytest.mark.parametrize("language", ["th", "my", "ne", "ko", "zh-Hans", "vi"])
def test_every_script_extracts_exactly_and_its_face_is_embedded(copy_in, language):
    lines, fonts = copy_in(language)
    flat = squeezed("".join(lines))
    for sentence in (THAI, MYANMAR, KOREAN, "Ngàylập:", "NguyễnThịPhương,ĐàNẵng", "截止日期：",
                     squeezed(NEPALI.split("{total}")[0].format(page=1))):
        assert squeezed(sentence) in flat, sentence
    for face in ("NotoSansThai", "NotoSansMyanmar", "NotoSansDevanagari", "NotoSansCJKKR", "NotoSans "):
        assert face in fonts, face
    assert "BIZUDGothic" in fonts           # the official Japanese beside the answers
    for row in fonts.splitlines()[2:]:
        assert row.split()[-5:-3] == ["yes", "yes"], row     # embedded and subset


@pytest.mark.tools
def test_a_chinese_copy_draws_chinese_with_the_chinese_face_first(copy_in):
    _lines, fonts = copy_in("zh-Hans")
    assert "NotoSansCJKSC" in fonts


@pytest.mark.tools
def test_thai_lines_break_between_words_never_inside_one(copy_in):
    lines, _fonts = copy_in("th")
    # the sentence heads the copy: its lines are the first ones, all Thai (the Thai catalog's own
    # procedure texts further down may wrap onto all-Thai lines too, and are not this sentence)
    thai_lines = list(itertools.takewhile(
        lambda line: line and all("\u0e00" <= c <= "\u0e7f" or c == " " for c in line), lines))
    assert len(thai_lines) >= 2, lines[:6]     # the sentence is longer than the page is wide
    assert squeezed("".join(thai_lines)) == squeezed(THAI)
    boundaries, offset = set(), 0
    for piece in segments(THAI, "th"):
        offset += len(squeezed(piece))
        boundaries.add(offset)
    offset = 0
    for line in thai_lines[:-1]:
        offset += len(squeezed(line))
        assert offset in boundaries, f"broken inside a word after {line[-6:]!r}"


@pytest.mark.tools
def test_an_easy_japanese_copy_has_furigana_and_the_official_japanese_beside_stays_plain(monkeypatch, tmp_path):
    """やさしい日本語 (a catalog made for the test: every kanji with a reading): the copy's sentences are
    written with ruby — pdftotext finds each sentence whole and its readings apart, never a 《》｜ —
    while the official Japanese beside each translated text has no reading."""
    from assistant import i18n
    from assistant import ruby
    from tests.easy_japanese import _RUN as _KANJI_RUN
    from tests.easy_japanese import easy_japanese, with_readings

    code = easy_japanese(monkeypatch, tmp_path / "locales")
    procedure = Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")
    try:
        path = render_copy(Session(procedure, dict(ANSWERS)), tmp_path / "easy.pdf", CREATED, code)
        text = subprocess.run([_tool("pdftotext"), "-raw", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
    finally:
        i18n.reload_catalogs()
    flat = squeezed(text)
    assert not any(mark in text for mark in ("《", "》", "｜")), text[:400]
    banner = i18n.translate(summary.NOT_FOR_SUBMISSION, "ja")       # the fixture's easy text, plain
    assert squeezed(banner) in flat                                  # the sentence reads whole
    readings = "".join(s.reading for s in ruby.parse(with_readings(banner)) if s.reading)
    assert readings and squeezed(readings) in flat                     # and its readings apart, in order
    title = procedure.title                                           # easy title（official title）
    assert squeezed(f"{title}（{title}）") in flat
    lines = text.splitlines()
    title_line = next(i for i, line in enumerate(lines) if squeezed(f"{title}（{title}）") in squeezed(line))
    # the line of readings under the title reads the easy title only: the official one beside has none
    kanji = sum(len(run) for run in _KANJI_RUN.findall(title))
    assert squeezed(lines[title_line + 1]) == "よ" * kanji


@pytest.mark.tools
@pytest.mark.parametrize("language", list(i18n.LANGUAGES))
def test_the_copy_in_each_offered_language_prints_its_own_words_extractably(tmp_path, language):
    """With the real catalogs: each offered language (a translated one joins when it is flipped on)
    prints its banner and headings in its own words, every face embedded, no furigana markup left."""
    from assistant import ruby

    procedure = Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")
    path = render_copy(Session(procedure, dict(ANSWERS)), tmp_path / f"{language}.pdf", CREATED, language)
    text = subprocess.run([_tool("pdftotext"), "-raw", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    fonts = subprocess.run([_tool("pdffonts"), str(path)], capture_output=True, text=True, check=True).stdout
    flat = squeezed(text)
    banner = summary.SUMMARY_NOT_FOR_SUBMISSION if language == "ja" else summary.NOT_FOR_SUBMISSION
    for message in (banner, "Your answers", "What to do next"):
        words = i18n.translate(message, language)
        if any(segment.reading for segment in ruby.parse(words)):
            # with furigana each line's readings follow its bases in the text layer: every phrase
            # (やさしい日本語 is written with spaces between phrases, and lines break there) reads whole
            for phrase in ruby.plain(words).split():
                assert squeezed(phrase) in flat, (language, message, phrase)
        else:
            assert squeezed(words) in flat, (language, message)
    assert squeezed(procedure.title) in flat                     # the official Japanese, always
    assert not any(mark in text for mark in ("《", "》", "｜"))
    for row in fonts.splitlines()[2:]:
        assert row.split()[-5:-3] == ["yes", "yes"], row        # embedded and subset
