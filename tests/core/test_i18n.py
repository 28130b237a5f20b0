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
