"""The furigana markup of やさしい日本語 (assistant/ruby.py): parsing, plain text, the lint, line breaking."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant import ruby
from assistant.ruby import Segment

#: sentences written to the 在留支援のためのやさしい日本語ガイドライン: short, one idea each, 分かち書き,
#: furigana over every kanji
SAMPLES = {
    "｜市役所《しやくしょ》に 行《い》って、｜住民票《じゅうみんひょう》を もらいます。":
        "市役所に 行って、住民票を もらいます。",
    "この 紙《かみ》に 名前《なまえ》と 住所《じゅうしょ》を 書《か》いて ください。":
        "この 紙に 名前と 住所を 書いて ください。",
    "在留《ざいりゅう》カードを 持《も》って きて ください。": "在留カードを 持って きて ください。",
    "14日《にち》以内《いない》に 出《だ》して ください。": "14日以内に 出して ください。",
    "わからない ときは、窓口《まどぐち》で 聞《き》いて ください。": "わからない ときは、窓口で 聞いて ください。",
    "人々《ひとびと》": "人々",
}


@pytest.mark.parametrize("text", SAMPLES)
def test_samples_have_a_reading_over_every_kanji_and_read_plain(text):
    assert ruby.problems(text) == []
    assert ruby.plain(text) == SAMPLES[text]


def test_segments_of_a_sentence():
    assert ruby.parse("この 紙《かみ》に ｜お知《し》らせ") == (
        Segment("この "), Segment("紙", "かみ"), Segment("に "), Segment("お知", "し"), Segment("らせ"))
    # the base without ｜ is the run of kanji only, not the kana before it
    assert ruby.parse("お知《し》らせ") == (Segment("お"), Segment("知", "し"), Segment("らせ"))


def test_a_bar_cuts_a_run_of_kanji_into_words():
    assert ruby.parse("市役所｜窓口《まどぐち》") == (Segment("市役所"), Segment("窓口", "まどぐち"))
    assert [p.message.split(":")[1].strip() for p in ruby.problems("市役所｜窓口《まどぐち》")] == [
        "市役所 has no reading; write its reading in kana right after it, 市役所《…》 (for example 日本語《にほんご》)"]


@pytest.mark.parametrize(("text", "position", "words"), [
    ("住所を 書《か》いて", 0, ["住所 has no reading", "住所《…》", "日本語《にほんご》"]),
    ("名前《なまえ》と 住所", 9, ["at character 10", "住所 has no reading"]),
    ("｜《なまえ》", 0, ["has no base", "｜日本語《にほんご》"]),
    ("ここ《ここ》", 2, ["《 is not part of a ruby"]),
    ("名前《》", 0, ["名前 has an empty reading", "日本語《にほんご》"]),
    ("名前《namae》", 0, ["《namae》", "'n'", "not kana", "日本語《にほんご》"]),
    ("名前《名前》", 0, ["'名'", "not kana"]),
    ("名前《なまえ", 0, ["名前 has no reading"]),
    ("なまえ》", 3, ["》 is not part of a ruby"]),
    ("｜なまえ", 0, ["｜ is not part of a ruby"]),
])
def test_each_mistake_says_where_what_and_how_to_fix_it(text, position, words):
    found = ruby.problems(text)
    assert found, text
    assert found[0].position == position
    assert "at character" in found[0].message
    for word in words:
        assert word in found[0].message


def test_katakana_readings_and_iteration_marks_are_fine():
    assert ruby.problems("｜東京《トーキョー》") == []
    assert ruby.problems("時々《ときどき》") == []
    assert [p.position for p in ruby.problems("時々")] == [0]   # 々 is part of the run that needs a reading


def test_markup_it_cannot_read_stays_as_text():
    text = "名前《》と ｜《よみ》 と 《"
    assert ruby.plain(text) == text


# --- properties ------------------------------------------------------------------------------------

kana = st.text(st.characters(min_codepoint=0x3041, max_codepoint=0x3096), min_size=1, max_size=6)
kanji = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=4)
plain_text = st.text(st.characters(blacklist_characters="｜《》\n", blacklist_categories=("Cs",)), max_size=8)
segments = st.lists(st.one_of(st.builds(Segment, plain_text),
                              st.builds(Segment, st.one_of(kanji, plain_text.filter(bool)), kana)), max_size=8)


def _normal(items: list[Segment]) -> tuple[Segment, ...]:
    out: list[Segment] = []
    for item in items:
        if item.reading is None and out and out[-1].reading is None:
            out[-1] = Segment(out[-1].base + item.base)
        elif item.reading is not None or item.base:
            out.append(item)
    return tuple(out)


@given(segments)
def test_markup_reads_back_as_the_same_segments(items):
    text = ruby.markup(items)
    assert ruby.parse(text) == _normal(items)
    assert ruby.plain(text) == "".join(s.base for s in items)


@given(st.text(max_size=40))
def test_any_text_parses_and_its_plain_text_is_its_bases(text):
    parsed = ruby.parse(text)
    assert ruby.plain(text) == "".join(s.base for s in parsed)
    assert all(s.base for s in parsed) and all(s.reading is None or s.reading for s in parsed)
    if not set(text) & {"｜", "《", "》"}:
        assert ruby.plain(text) == text


@given(st.text(st.sampled_from("名前住所書々かなカナ ｜《》、。a1"), max_size=30))
def test_a_text_the_lint_accepts_has_every_kanji_under_a_reading(text):
    if ruby.problems(text):
        return
    for segment in ruby.parse(text):
        if segment.reading is None:
            assert not any(ruby.is_kanji(c) or c in "｜《》" for c in segment.base)
        else:
            assert all(not ruby.is_kanji(c) for c in segment.reading)


def _without(kept, everything):
    """What is left of `everything` after taking out `kept`, which must be a subsequence of it."""
    position = 0
    for item in everything:
        if position < len(kept) and kept[position] == item:
            position += 1
        else:
            yield item
    assert position == len(kept), "lines reorder or invent pieces"


def _width(piece: ruby.Piece) -> float:
    return max(len(piece.base), len(piece.reading or "") / 2)


@given(segments, st.integers(min_value=1, max_value=12))
def test_wrapping_keeps_every_ruby_whole_and_lines_within_the_width(items, width):
    text_pieces = ruby.pieces(items)
    lines = ruby.wrap(text_pieces, width, _width)
    # nothing lost or reordered but the spaces at the ends of lines; a ruby is one piece with its reading
    kept = [(p.base, p.reading) for line in lines for p in line]
    dropped = list(_without(kept, [(p.base, p.reading) for p in text_pieces]))
    assert all(base.isspace() and reading is None for base, reading in dropped)
    rubies = [(s.base, s.reading) for s in items if s.reading is not None]
    assert [x for x in kept if x[1] is not None] == rubies
    for line in lines:
        if sum(_width(p) for p in line) > width:   # too wide only where there was no place to break
            assert not any(p.breakable for p in line[1:])
        assert not line or not (line[0].space or line[-1].space)


def test_lines_break_between_japanese_characters_but_not_before_closing_punctuation():
    text = ruby.parse("｜住民票《じゅうみんひょう》を もらいます。")
    lines = ruby.wrap(ruby.pieces(text), 6, _width)
    assert ["".join(p.base for p in line) for line in lines] == ["住民票を", "もらいます。"]
    lines = ruby.wrap(ruby.pieces(ruby.parse("もらいます。")), 5, _width)
    assert ["".join(p.base for p in line) for line in lines] == ["もらいま", "す。"]   # 。 never starts a line
    lines = ruby.wrap(ruby.pieces(ruby.parse("My Number")), 4, _width)
    assert ["".join(p.base for p in line) for line in lines] == ["My", "Number"]    # words stay whole


def test_phrases_written_apart_stay_whole_when_they_can():
    lines = ruby.wrap(ruby.pieces(ruby.parse("この 紙《かみ》に 名前《なまえ》を 書《か》いて ください。")), 7, _width)
    assert ["".join(p.base for p in line) for line in lines] == ["この 紙に", "名前を 書いて", "ください。"]
    lines = ruby.wrap(ruby.pieces(ruby.parse("わからないときはまどぐちできいてください")), 7, _width)
    assert [len(line) for line in lines] == [7, 7, 6]      # no space: broken between characters


def test_a_character_keeps_its_combining_marks_and_variation_selector():
    text = "か\u3099ぎ 葛\U000e0100飾《かつしか》"
    assert [p.base for p in ruby.pieces(ruby.parse(text))] == ["か\u3099", "ぎ", " ", "葛\U000e0100飾"]
    assert ruby.problems(text) == []
    assert "葛\U000e0100 has no reading" in ruby.problems("葛\U000e0100")[0].message


def test_a_new_sentence_after_a_full_stop_is_a_place_to_break_too():
    lines = ruby.wrap(ruby.pieces(ruby.parse("書《か》いて ください。在留《ざいりゅう》カードを")), 12, _width)
    assert ["".join(p.base for p in line) for line in lines] == ["書いて ください。", "在留カードを"]
