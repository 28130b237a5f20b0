"""Reading-aloud settings: the speed in steps of 0.25 with its label, self-voicing and the
screen-reader note, one line per language with credit, engine choice and a test button."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QSlider

from assistant.i18n import _
from assistant.speech import LanguageVoice, Voice
from assistant.speech.openjtalk import MEI
from ui.theme import MIN_TARGET
from ui.widgets.speech_settings import SpeechSettings, sample_sentence

LINES = [
    LanguageVoice("ja", "openjtalk", MEI, "Japanese: Open JTalk, voice “Mei”"),
    LanguageVoice("en", "espeak", Voice("gmw/en-us", "English (America)", ("en",), "espeak"),
                  "English: eSpeak NG, voice “English (America)”"),
    LanguageVoice("vi", None, None, "No voice on this computer can read Vietnamese aloud.",
                  ("The eSpeak NG voice is not installed.",), ("apt install espeak-ng",)),
]
OPTIONS = {"ja": [("openjtalk", "Open JTalk")], "en": [("espeak", "eSpeak NG"), ("qt", "System voices")],
           "vi": []}


@pytest.fixture
def settings(qtbot, english):
    widget = SpeechSettings()
    qtbot.addWidget(widget)
    widget.set_values(1.25, False, {})
    widget.show_voices(LINES, OPTIONS)
    widget.resize(500, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_speed_steps_by_a_quarter_and_says_so(qtbot, settings):
    assert settings.speed_label.text() == "Speed: 1.25×"
    assert settings.speed.accessibleName() == "Speed: 1.25×"
    settings.speed.setFocus()
    with qtbot.waitSignal(settings.changed) as changed:
        qtbot.keyClick(settings.speed, Qt.Key.Key_Right)
    assert changed.args == [1.5, False, {}]
    assert settings.speed_label.text() == "Speed: 1.5×"
    qtbot.keyClick(settings.speed, Qt.Key.Key_End)
    assert settings.rate() == 2.0
    qtbot.keyClick(settings.speed, Qt.Key.Key_Home)
    assert settings.rate() == 0.5 and settings.speed_label.text() == "Speed: 0.5×"


def test_set_values_shows_without_reporting_a_change(qtbot, settings):
    seen = []
    settings.changed.connect(lambda *args: seen.append(args))
    settings.set_values(0.75, True, {"en": "qt"})
    assert settings.rate() == 0.75 and settings.self_voicing.isChecked()
    assert settings.rows["en"].engine.currentData() == "qt"
    assert seen == []


def test_self_voicing_and_the_screen_reader_note(qtbot, settings):
    assert not settings.reader_note.isVisibleTo(settings)
    settings.set_screen_reader_running(True)
    assert settings.reader_note.isVisibleTo(settings)
    assert settings.reader_note.text() == "A screen reader is running, so this is off unless you turn it on."
    with qtbot.waitSignal(settings.changed) as changed:
        qtbot.mouseClick(settings.self_voicing_row.label, Qt.MouseButton.LeftButton)   # the text is a target too
    assert changed.args == [1.25, True, {}]
    assert settings.self_voicing.accessibleName() == "Read each question when it gets focus (self-voicing)"


def test_each_language_says_who_reads_it_with_credit_choice_and_test(qtbot, settings):
    ja, en, vi = settings.rows["ja"], settings.rows["en"], settings.rows["vi"]
    assert ja.message.text() == LINES[0].message
    assert "CC BY 3.0" in ja.credit.text() and ja.credit.isVisibleTo(settings)
    assert not ja.engine.isVisibleTo(settings)               # one engine only: nothing to choose
    assert en.engine.isVisibleTo(settings) and en.engine.currentData() == "espeak"
    assert vi.reasons.text() == "The eSpeak NG voice is not installed." and "espeak-ng" in vi.details.text()
    assert not vi.test.isEnabled()                          # nobody can read Vietnamese
    with qtbot.waitSignal(settings.changed) as changed:
        en.engine.setCurrentIndex(en.engine.findData("qt"))
    assert changed.args == [1.25, False, {"en": "qt"}]
    with qtbot.waitSignal(settings.test_requested) as tested:
        qtbot.mouseClick(ja.test, Qt.MouseButton.LeftButton)
    assert tested.args == ["ja"]
    assert sample_sentence("en") == "This is the voice that reads this application aloud."


def test_controls_are_named_described_big_enough_and_labels_wrap(settings):
    controls = settings.findChildren(QAbstractButton) + settings.findChildren(QComboBox) + \
        settings.findChildren(QSlider)
    assert len(controls) >= 1 + 1 + 3 + 1
    for control in controls:
        assert control.accessibleName(), control.objectName()
        assert control.accessibleDescription(), control.objectName()
        assert control.minimumHeight() >= MIN_TARGET or control.height() >= MIN_TARGET, control.objectName()
    assert all(label.wordWrap() for label in settings.findChildren(QLabel))


def test_retranslate_follows_the_interface_language(qtbot, settings):
    from assistant import i18n

    i18n.set_language("ja")
    settings.retranslate_ui()
    assert settings.speed_label.text() == _("Speed: {rate}×").format(rate="1.25")
    assert settings.heading.text() == _("Reading aloud")
