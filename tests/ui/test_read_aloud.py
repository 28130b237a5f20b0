"""Read aloud in the window: the page is read in order, Esc stops at once, the window stays usable."""

from __future__ import annotations

import json

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from assistant import speech
from assistant.i18n import LANGUAGES, _
from assistant.speech.fake import FakeSpeaker
from tests.conftest import ROOT, memory_keys, start_procedure
from ui.app import build_window, setup_application
from ui.tasks import Tasks

ANSWERS = json.loads((ROOT / "examples" / "juminhyo_answers.json").read_text(encoding="utf-8"))


class FinishingPlayer(QObject):
    """Plays nothing and says it has finished at once (no sound device in CI): what is tested here
    is the order of what is read, stopping, and that the WAV files are cleaned up."""

    ended = Signal()
    broke = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.played = []

    def play(self, path):
        assert path.exists() and path.stat().st_size > 44   # a real WAV with samples was written
        self.played.append(path)
        QTimer.singleShot(0, self.ended.emit)

    def stop(self):
        pass


class HoldingPlayer(FinishingPlayer):
    """Keeps playing until stopped: a person hears the first sentence when they press Esc."""

    def play(self, path):
        self.played.append(path)


def reading_window(qtbot, qapp, app_paths, player=FinishingPlayer):
    setup_application(qapp)
    fakes = []

    def make_speakers(folder):
        fakes.append(FakeSpeaker(folder))
        return fakes

    window = build_window(app_paths, Tasks(), key_chooser=memory_keys, make_speakers=make_speakers,
                          make_player=player)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)   # shortcuts act in the active window
    start_procedure(window)
    if window.bridge is None and hasattr(window, "who"):     # "who fills in" comes first: the resident
        from assistant.interview.assisted import Assistance

        window.who.confirmed.emit(Assistance())
    for field_id, raw in ANSWERS.items():
        window.bridge.session.set_answer(field_id, raw)
    window.bridge.session.go_to("applicant")
    return window, fakes


def test_f9_reads_the_step_in_order_with_official_labels_in_japanese(qtbot, qapp, app_paths):
    window, fakes = reading_window(qtbot, qapp, app_paths)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not window.reader.speaking, timeout=10000)
    spoken = [(u.language, u.text) for u in fakes[0].spoken]
    assert spoken == [(u.language, u.text) for u in speech.read_page(window.bridge.session)]
    assert any("請求者の氏名" in text for _language, text in spoken)
    assert window.header.read.text() == _("Read aloud (F9)")      # ready to read again
    assert list(window.reader.folder.iterdir()) == []              # every WAV removed after playing
    window.tasks.wait()


def test_esc_stops_reading_at_once(qtbot, qapp, app_paths):
    window, fakes = reading_window(qtbot, qapp, app_paths, HoldingPlayer)
    stopped = []
    window.reader.finished.connect(lambda: stopped.append(True))
    qtbot.mouseClick(window.header.read, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(fakes) == 1 and len(fakes[0].spoken) >= 1, timeout=10000)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.reader.speaking and stopped
    said = len(fakes[0].spoken)
    window.tasks.wait()
    QApplication.processEvents()   # let any result that was already on its way arrive
    assert len(fakes[0].spoken) <= said + 1        # at most the one being made when Esc was pressed
    assert len(fakes[0].spoken) < len(speech.read_page(window.bridge.session))


# --- preferences, voices, engines that speak by themselves -------------------------------------

class SayingVoice(QObject):
    """Like the system voices: speaks by itself (no WAV, no player), reports `finished`."""

    finished = Signal()
    broke = Signal(str)
    name, display_name = "sayer", "Sayer"

    def __init__(self, hold=False):
        super().__init__()
        self.hold = hold          # True: never finishes by itself (a long sentence)
        self.said, self.stops = [], 0

    def availability(self):
        return speech.Availability(True)

    def languages(self):
        return frozenset({"en"})

    def quality(self, language):
        return speech.Quality.NATURAL if language == "en" else speech.Quality.NONE

    def voices(self):
        return [speech.Voice("sayer-en", "Sayer en", ("en",), self.name)]

    def say(self, utterance):
        self.said.append(utterance)
        if not self.hold:
            QTimer.singleShot(0, self.finished.emit)

    def stop(self):
        self.stops += 1

    def close(self):
        pass


def make_reader(qtbot, speakers):
    from ui.speech import ReadAloud

    reader = ReadAloud(Tasks(), lambda folder: speakers(folder), FinishingPlayer)
    return reader


def test_configure_sets_the_speed_and_the_engine_per_language(qtbot, tmp_path):
    first, second = FakeSpeaker(tmp_path / "a", name="a"), FakeSpeaker(tmp_path / "b", name="b")
    reader = make_reader(qtbot, lambda folder: [first, second])
    reader.configure(rate=1.5, preferred={"ja": "b"})
    with qtbot.waitSignal(reader.finished, timeout=10000):
        reader.read([speech.Utterance("はい", "ja", rate=1.0), speech.Utterance("Yes", "en")])
    assert [(u.text, u.rate) for u in second.spoken] == [("はい", 1.5)]     # the preferred engine, faster
    assert [(u.text, u.rate) for u in first.spoken] == [("Yes", 1.5)]      # the best for English
    reader.configure(rate=0.75, preferred={"ja": "a"})                      # chosen again at the next reading
    with qtbot.waitSignal(reader.finished, timeout=10000):
        reader.read([speech.Utterance("いいえ", "ja")])
    assert [(u.text, u.rate) for u in first.spoken][-1] == ("いいえ", 0.75)
    reader.tasks.wait()
    reader.close()


def test_describe_reports_voices_and_choices_on_the_ui_thread(qtbot, tmp_path):
    import threading

    both = FakeSpeaker(tmp_path / "a", ("ja", "en"), name="a")
    english = FakeSpeaker(tmp_path / "b", ("en",), name="b", quality=speech.Quality.ROBOTIC)
    reader = make_reader(qtbot, lambda folder: [both, english])
    got = []
    reader.describe(lambda lines, options: got.append((lines, options, threading.current_thread())))
    qtbot.waitUntil(lambda: bool(got), timeout=10000)
    lines, options, thread = got[0]
    assert thread is threading.main_thread()
    engines = {line.language: line.engine for line in lines}
    assert list(engines) == list(LANGUAGES)                    # one line for every offered language
    assert engines["ja"] == engines["ja-easy"] == engines["en"] == "a"
    assert {code for code, engine in engines.items() if engine is None} == set(LANGUAGES) - {"ja", "ja-easy", "en"}
    assert options["ja"] == [("a", "Fake")] and options["en"] == [("a", "Fake"), ("b", "Fake")]
    assert not any(options.get(code) for code in set(LANGUAGES) - {"ja", "ja-easy", "en"})
    reader.tasks.wait()
    reader.close()


def test_an_engine_that_speaks_by_itself_is_used_without_files_and_stops_at_once(qtbot, tmp_path):
    sayer = SayingVoice()
    files = FakeSpeaker(tmp_path / "f", ("ja",), name="f")
    reader = make_reader(qtbot, lambda folder: [sayer, files])
    started = []
    reader.started.connect(started.append)
    page = [speech.Utterance("One", "en"), speech.Utterance("二", "ja"), speech.Utterance("Three", "en")]
    with qtbot.waitSignal(reader.finished, timeout=10000):
        reader.read(page)
    assert started == page                                   # in order, across both kinds of engine
    assert [u.text for u in sayer.said] == ["One", "Three"] and [u.text for u in files.spoken] == ["二"]
    sayer.hold = True
    reader.read(page)
    qtbot.waitUntil(lambda: len(sayer.said) == 3, timeout=10000)
    stops = sayer.stops
    reader.stop()
    assert sayer.stops == stops + 1 and not reader.speaking  # silenced at once
    reader.tasks.wait()
    QApplication.processEvents()
    assert len(sayer.said) == 3                              # nothing more after stopping
    reader.close()
