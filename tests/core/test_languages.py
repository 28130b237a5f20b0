"""The languages table: fourteen rows read and checked, a broken row named by file and line, and
only languages with complete catalogs offered."""

from __future__ import annotations

import pytest
from babel import Locale

from assistant import fonts, i18n, languages
from assistant.linebreak import fill, segments

FOURTEEN = ["ja", "ja-easy", "en", "zh-Hans", "zh-Hant", "ko", "vi", "fil", "pt-BR", "es", "ne", "id", "th", "my"]


def test_the_table_has_the_fourteen_languages_each_with_a_babel_locale_and_bundled_faces():
    rows = languages.all_languages()
    assert list(rows) == FOURTEEN
    for row in rows.values():
        Locale.parse(row.babel)                          # lists, dates and numbers can be formatted
        for face in fonts.faces(row.code):
            assert face.path.is_file(), face
    assert rows["ja-easy"].native == "やさしい日本語" and rows["ja-easy"].babel == "ja"
    assert rows["fil"].voices == {}                       # no offline Filipino voice: said plainly later


def test_only_languages_with_catalogs_are_offered(tmp_path, monkeypatch):
    rows = languages.all_languages()
    assert {"ja", "en"} <= set(i18n.LANGUAGES)
    assert set(i18n.LANGUAGES) == {code for code, row in rows.items() if row.offered}   # each shipped whole
    for code, native in i18n.LANGUAGES.items():
        assert native == rows[code].native                                         # named in its own script
    # a row marked offered whose catalogs are missing is not offered: here only Japanese's are there
    japanese = tmp_path / "ja" / "LC_MESSAGES"
    japanese.mkdir(parents=True)
    (japanese / "assistant.po").write_bytes((i18n.catalog_dir("ja") / "assistant.po").read_bytes())
    monkeypatch.setattr(i18n, "LOCALES_DIR", tmp_path)
    assert i18n.offered_languages() == {"ja": "日本語"}


@pytest.mark.parametrize(("change", "message"), [
    ("line_break: word", "line_break is 'sideways'"),
    ("scripts: [Latn]", "unknown script 'Klingon'"),
])
def test_a_broken_row_is_named_by_file_and_line(tmp_path, change, message):
    text = (languages.resources.locales() / languages.TABLE).read_text(encoding="utf-8")
    broken = text.replace("line_break: word", "line_break: sideways", 1) if "line_break" in change \
        else text.replace("scripts: [Latn]", "scripts: [Klingon]", 1)
    path = tmp_path / "languages.yaml"
    path.write_text(broken, encoding="utf-8")
    line = next(number for number, row in enumerate(broken.splitlines(), 1)
                if "sideways" in row or "Klingon" in row)
    row_line = max(number for number, row in enumerate(broken.splitlines(), 1)
                   if number <= line and row.lstrip().startswith("- {"))
    with pytest.raises(languages.LanguageTableError) as raised:
        languages.read_table(path)
    assert f"{path}:{row_line}:" in str(raised.value) and message in str(raised.value)


def test_thai_and_myanmar_break_between_words_japanese_keeps_closing_marks():
    assert segments("สวัสดีครับ", "th") == ["สวัสดี", "ครับ"]
    lines = fill("住民票の写しを請求します。", 6, len, "ja").split("\n")
    assert not any(line.startswith("。") for line in lines)
    assert "".join(lines) == "住民票の写しを請求します。"
