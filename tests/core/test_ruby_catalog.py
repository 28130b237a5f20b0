"""The furigana lint of the やさしい日本語 catalogs, alone and inside `i18n_tools check`.

There are no such catalogs yet (locales/ja_easy comes later): these tests make one in a copy of the
locales folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from assistant import i18n_tools, ruby

CATALOG = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: ja_easy\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"

msgid "Bring your residence card."
msgstr "在留《ざいりゅう》カードを 持《も》って きて ください。"

msgid "Write your address."
msgstr "住所を 書《か》いて ください。"

msgid "Date of birth"
msgstr "生年月日《せいねんがっぴ》"

msgid "{count} document"
msgid_plural "{count} documents"
msgstr[0] "書類《しょるい》が {count}枚あります"

msgid "Untranslated yet"
msgstr ""
'''


def _write(folder: Path) -> Path:
    path = folder / i18n_tools.EASY_JAPANESE / "LC_MESSAGES" / "assistant.po"
    path.parent.mkdir(parents=True)
    path.write_text(CATALOG, encoding="utf-8")
    return path


def test_every_translation_without_a_reading_over_its_kanji_is_named_with_its_message(tmp_path):
    path = _write(tmp_path)
    found = ruby.catalog_problems(path)
    assert len(found) == 2
    address, plural = found
    assert "'Write your address.'" in address and "住所 has no reading" in address and "住所《…》" in address
    assert str(path) in address and "at character 1" in address
    assert "'{count} document'" in plural and "枚 has no reading" in plural


def test_the_catalog_check_lints_the_easy_japanese_catalogs_when_they_exist(tmp_path, monkeypatch):
    locales = tmp_path / "locales"
    shutil.copytree(i18n_tools.LOCALES_DIR, locales)
    shutil.rmtree(locales / i18n_tools.EASY_JAPANESE, ignore_errors=True)   # the bundled one is clean
    monkeypatch.setattr(i18n_tools, "LOCALES_DIR", locales)
    assert i18n_tools.furigana_problems() == []            # no ja_easy folder: nothing to lint
    _write(locales)
    found = i18n_tools.check()
    linted = i18n_tools.furigana_problems()
    assert [line.split(": ")[1] for line in linted] == ["'Write your address.'", "'{count} document'"]
    assert set(linted) <= set(found)     # (coverage of ja_easy, once it is a language, is checked apart)
