"""Translations: catalogs complete and consistent; language switches at any moment."""

from __future__ import annotations

from assistant import i18n
from assistant.i18n_tools import check


def test_every_message_is_translated_with_the_same_placeholders():
    assert check() == []


def test_interface_strings_follow_the_language_and_listeners_hear_of_it():
    heard = []
    i18n.language_changed.connect(heard.append)
    try:
        assert i18n._("Required") == "必須"
        i18n.set_language("en")
        assert i18n._("Required") == "Required"
    finally:
        i18n.language_changed.disconnect(heard.append)
    assert heard == ["en"]


def test_procedure_text_shows_translation_beside_the_official_japanese():
    assert i18n.bilingual("住民票の写し") == "住民票の写し"
    i18n.set_language("en")
    assert i18n.bilingual("住民票の写し") == "Copy of the residence record (juminhyo)（住民票の写し）"
    assert i18n.ptext("住民票の写し", "ja") == "住民票の写し"


def test_a_translation_that_repeats_the_official_japanese_shown_beside_it_is_found():
    # 「세대주 (世帯主)」 would be shown as 세대주 (世帯主)（世帯主） and read twice by a screen reader
    from pathlib import Path

    from babel.messages.catalog import Message

    from assistant.i18n_tools import _repeats_official

    po = Path("locales/ko/LC_MESSAGES/procedures.po")
    assert _repeats_official(po, Message("世帯主", "세대주 (世帯主)"), "世帯主")
    assert _repeats_official(po, Message("住民票の写し", "住民票的副本（住民票の写し）"), "住民票の写し")
    assert not _repeats_official(po, Message("世帯主", "세대주"), "世帯主")
    assert not _repeats_official(po, Message("委任状", "委任状"), "委任状")               # the same word: nothing added
    assert not _repeats_official(po, Message("本人確認書類", "ID (本人) papers"), "本人確認書類")
