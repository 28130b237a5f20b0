"""Qt's own words — a message box's Yes/No, a text box's Cut/Copy/Paste menu — in the person's
language: Qt's bundled catalog where it has one (ja, ko, zh, es, pt-BR), ours where it has none
(ui/qt_words.py), in kana for やさしい日本語."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from PySide6.QtWidgets import QLineEdit, QMessageBox

from assistant import i18n
from assistant import languages as table
from tests.easy_japanese import easy_japanese
from ui.bridge import language_bridge
from ui.qt_words import QT_WORDS, qt_catalog

QT_HAS = {"ja": "qtbase_ja", "ko": "qtbase_ko", "zh-Hans": "qtbase_zh_CN", "zh-Hant": "qtbase_zh_TW",
          "es": "qtbase_es", "pt-BR": "qtbase_pt_BR", "en": "qtbase_en"}


def _menu_texts(qtbot) -> list[str]:
    box = QLineEdit("text")
    qtbot.addWidget(box)
    menu = box.createStandardContextMenu()
    return [action.text().split("\t")[0] for action in menu.actions() if action.text()]


def _question_buttons(qtbot) -> list[str]:
    box = QMessageBox(QMessageBox.Icon.Question, "t", "q", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    return sorted(button.text() for button in box.buttons())


@pytest.fixture
def bridged(qapp):
    language_bridge()
    yield
    i18n.set_language(i18n.DEFAULT_LANGUAGE)


@pytest.mark.parametrize("language", sorted(table.all_languages()))
def test_each_language_gets_qts_own_catalog_where_qt_ships_one_and_ours_otherwise(language):
    assert qt_catalog(language) == QT_HAS.get(language)


def test_japanese_yes_no_and_the_text_menu_are_qts_own_japanese(qtbot, bridged):
    i18n.set_language("ja")
    assert _question_buttons(qtbot) == sorted(["はい(&Y)", "いいえ(&N)"])
    assert {"切り取り(&T)", "コピー(&C)", "貼り付け(&P)", "すべてを選択"} <= set(_menu_texts(qtbot))
    i18n.set_language("en")
    assert _question_buttons(qtbot) == sorted(["&Yes", "&No"])
    assert {"Cu&t", "&Copy", "&Paste", "Select All"} <= set(_menu_texts(qtbot))


def test_a_language_qt_lacks_answers_from_our_catalog_and_falls_back_to_english(qtbot, bridged, monkeypatch, tmp_path):
    """Vietnamese, which Qt does not ship: the words the catalog has are Vietnamese, the others English."""
    catalog = Catalog(locale="vi", domain="assistant")
    words = {"&Yes": "&Có", "&No": "&Không", "Cu&t": "&Cắt", "&Paste": "&Dán"}
    for source, translation in words.items():
        catalog.add(source, translation)
    folder = tmp_path / "vi" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    for domain in ("assistant", "procedures"):
        with (folder / f"{domain}.mo").open("wb") as mo:
            write_mo(mo, catalog if domain == "assistant" else Catalog(locale="vi", domain=domain))
    real = i18n.catalog_dir
    monkeypatch.setattr(i18n, "catalog_dir", lambda language: folder if language == "vi" else real(language))
    monkeypatch.setitem(i18n.LANGUAGES, "vi", "Tiếng Việt")
    i18n.reload_catalogs()
    try:
        i18n.set_language("vi")
        assert _question_buttons(qtbot) == sorted(["&Có", "&Không"])
        menu = _menu_texts(qtbot)
        assert {"&Cắt", "&Dán", "&Copy"} <= set(menu)      # &Copy: not translated yet, Qt's English
    finally:
        i18n.set_language(i18n.DEFAULT_LANGUAGE)
        i18n.reload_catalogs()


def test_easy_japanese_gets_qts_words_in_kana(qtbot, bridged, monkeypatch, tmp_path):
    code = easy_japanese(monkeypatch, tmp_path)
    try:
        i18n.set_language(code)
        menu = _menu_texts(qtbot)
        cut = next(text for text in menu if text.endswith("(&T)"))
        assert cut == "よりより(&T)"             # 切《よ》り取《よ》り(&T): no kanji, no markup
        assert not any("\u4e00" <= c <= "\u9fff" or c in "《》｜" for text in menu for c in text)
    finally:
        i18n.set_language(i18n.DEFAULT_LANGUAGE)
        i18n.reload_catalogs()


def test_every_word_qt_shows_is_in_the_template_for_translators():
    template = (i18n.LOCALES_DIR / "assistant.pot").read_text(encoding="utf-8")
    for source in QT_WORDS:
        assert f'msgid "{source}"' in template, source
