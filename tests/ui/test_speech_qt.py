"""The system voices (QtTextToSpeech) with Qt's `mock` engine: what they offer, that `finished`
arrives, that stop is immediate, and that ReadAloud speaks through them without files."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtTextToSpeech import QTextToSpeech
from PySide6.QtWidgets import QApplication

from assistant.speech import Quality, Utterance
from assistant.speech.choice import choose_engines, describe_voices
from assistant.speech.fake import FakeSpeaker
from tests.ui.test_read_aloud import FinishingPlayer
from ui import speech_qt
from ui.speech import ReadAloud
from ui.speech_qt import QtVoices, qt_rate
from ui.tasks import Tasks

LONG = "This sentence is long enough that the mock engine is still speaking when it is stopped. " * 3


@pytest.fixture
def voices(qapp):
    provider = QtVoices("mock")
    yield provider
    provider.stop()


def test_mock_voices_offer_english_only_and_follow_the_choice_contract(voices):
    assert voices.availability().ok
    assert voices.languages() == frozenset({"en"})          # the mock engine has no Japanese
    assert voices.quality("en") == Quality.ROBOTIC and voices.quality("ja") == Quality.NONE
    assert voices.voice_for("en").name in {"Charly", "Mary"}
    assert voices.name == "qt" and voices.display_name


def test_japanese_counts_only_for_windows_and_macos_voices(voices, tmp_path):
    for engine, expected in (("winrt", Quality.NATURAL), ("darwin", Quality.NATURAL), ("speechd", Quality.NONE)):
        voices._snapshot = speech_qt._Snapshot(engine, {"ja": "ja_JP"}, {"ja": ("Haruka",)})
        voices._probed = True
        assert voices.quality("ja") == expected, engine
    chosen = choose_engines([voices, FakeSpeaker(tmp_path, ("ja",), name="openjtalk")], ["ja"])
    assert chosen["ja"].name == "openjtalk"   # speechd's Japanese (eSpeak NG) is never chosen


def test_without_an_engine_the_system_voices_are_unavailable(qapp):
    missing = QtVoices("no-such-engine")
    assert not missing.availability().ok
    assert missing.languages() == frozenset() and missing.voices() == []
    reason, detail = missing.decline_reason("ja")
    assert reason and "speech-dispatcher" in detail
    line = describe_voices([missing], choose_engines([missing]))[0]
    assert line.engine is None and reason in line.reasons


def test_say_reports_finished(qtbot, voices):
    with qtbot.waitSignal(voices.finished, timeout=10000):
        voices.say(Utterance("Hello", "en", rate=1.5))
    assert not voices.speaking
    assert voices._tts.rate() == pytest.approx(qt_rate(1.5))


def test_stop_is_immediate_and_reports_nothing_for_what_was_stopped(qtbot, voices):
    finished = []
    voices.finished.connect(lambda: finished.append(True))
    voices.say(Utterance(LONG, "en"))
    assert voices._tts.state() == QTextToSpeech.State.Speaking
    voices.stop()
    assert voices._tts.state() == QTextToSpeech.State.Ready and not voices.speaking   # silent at once
    with qtbot.waitSignal(voices.finished, timeout=10000):
        voices.say(Utterance("Next", "en"))
    assert finished == [True]              # only the sentence that was spoken to the end


def test_rate_maps_onto_qt_scale():
    assert (qt_rate(0.5), qt_rate(1.0), qt_rate(2.0)) == (-1.0, 0.0, 1.0)


def test_made_on_a_worker_it_speaks_on_the_ui_thread(qtbot, qapp):
    made = []
    tasks = Tasks()
    tasks.run(lambda: QtVoices("mock"), made.append, lambda error: made.append(error))
    qtbot.waitUntil(lambda: bool(made), timeout=10000)
    provider = made[0]
    assert isinstance(provider, QtVoices) and provider.thread() is QApplication.instance().thread()
    with qtbot.waitSignal(provider.finished, timeout=10000):
        provider.say(Utterance("Hello", "en"))
    assert QThread.currentThread() is provider.thread() and threading.current_thread() is threading.main_thread()


def test_read_aloud_speaks_english_through_the_system_voices_and_japanese_from_files(qtbot, qapp, tmp_path):
    provider = QtVoices("mock")
    japanese = FakeSpeaker(tmp_path / "ja", ("ja",), name="openjtalk")
    reader = ReadAloud(Tasks(), lambda folder: [provider, japanese], FinishingPlayer)
    started = []
    reader.started.connect(started.append)
    page = [Utterance("Hello", "en"), Utterance("こんにちは", "ja"), Utterance(LONG, "en")]
    reader.read(page)
    qtbot.waitUntil(lambda: len(started) == 3, timeout=20000)
    assert provider.speaking
    reader.stop()                                          # Esc during the system voice
    assert not provider.speaking and provider._tts.state() == QTextToSpeech.State.Ready
    with qtbot.waitSignal(reader.finished, timeout=20000):
        reader.read(page[:2])
    assert [u.text for u in japanese.spoken] == ["こんにちは", "こんにちは"]
    reader.tasks.wait()
    reader.close()


def test_default_speakers_offer_system_voices_only_where_they_can_work(monkeypatch, tmp_path, qapp):
    from ui.speech import default_speakers

    monkeypatch.setattr(speech_qt, "speechd_possible", lambda: False)
    assert not speech_qt.qt_voices_possible("linux")
    assert speech_qt.qt_voices_possible("win32") and speech_qt.qt_voices_possible("darwin")
    assert [s.name for s in default_speakers(tmp_path)] == ["openjtalk", "espeak"]
    monkeypatch.setattr(speech_qt, "speechd_possible", lambda: True)
    assert [s.name for s in default_speakers(tmp_path)][0] == "qt"
