"""Every page can be read aloud (F9) in Japanese and in English, with each part in a voice for its
script: the list, who fills in, every step, the review and the done page."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QApplication

from assistant import i18n
from assistant.speech.voicing import is_japanese
from tests.conftest import ROOT
from tests.ui.test_display import _pages
from tests.ui.test_read_aloud import reading_window

ANSWERS = json.loads((ROOT / "examples" / "juminhyo_answers.json").read_text(encoding="utf-8"))


def read(qtbot, window, fakes) -> list:
    for fake in fakes:
        fake.spoken.clear()
    window.voice.read_page()
    qtbot.waitUntil(lambda: not window.reader.speaking, timeout=15000)
    return [u for fake in fakes for u in fake.spoken]


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_page_is_read_in_the_persons_language_with_japanese_in_a_japanese_voice(
        qtbot, qapp, app_paths, language):
    i18n.set_language(language)
    window, fakes = reading_window(qtbot, qapp, app_paths)
    heard: dict[str, list] = {}
    window.flow.go_home()
    for page in _pages(window):            # the list, who fills in, every step, the review
        if page == "home":
            rows = [window.home.list.item(r).text() for r in range(window.home.list.count())]
            window.home.list.setCurrentRow(next(r for r, t in enumerate(rows) if "住民票の写し等" in t))
        if page == "who":
            window.who.helper_name.setText("Hana Shien")
            window.who.helper_organisation.setText("Chuo Centre")
        heard[page] = read(qtbot, window, fakes)
    session = window.bridge.session
    session.set_answer("subject_name", {"family": "住民", "given": "一子", "family_kana": "じゅうみん",
                                        "given_kana": "かずこ"})
    session.set_answer("subject_address", ANSWERS["applicant_address"])
    window.review.export.click()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.done, timeout=15000)
    heard["done"] = read(qtbot, window, fakes)

    for page, utterances in heard.items():
        assert utterances, f"{page}: nothing was read"
        for utterance in utterances:
            if utterance.language != "ja":   # no kanji or kana for a voice that cannot say them
                assert not any(is_japanese(c) for c in utterance.text), (page, utterance)
        if language == "en":
            assert any(u.language == "en" for u in utterances), page
    assert "住民票の写し等交付請求書" in " ".join(u.text for u in heard["home"])
    assert "Hana Shien" in " ".join(u.text for u in heard["who"])
    assert "委任状" in " ".join(u.text for u in heard["done"])      # a representative applies: the letter
    QApplication.processEvents()
