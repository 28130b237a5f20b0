"""Read aloud in the window: the page is read in order, Esc stops at once, the window stays usable."""

from __future__ import annotations

import json

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from assistant import speech
from assistant.i18n import _
from assistant.speech.fake import FakeSpeaker
from tests.conftest import ROOT, memory_keys
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


def reading_window(qtbot, qapp, app_paths):
    setup_application(qapp)
    fakes = []

    def make_speakers(folder):
        fakes.append(FakeSpeaker(folder))
        return fakes

    window = build_window(app_paths, Tasks(), key_chooser=memory_keys, make_speakers=make_speakers,
                          make_player=FinishingPlayer)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)   # shortcuts act in the active window
    window.home.procedure_chosen.emit("juminhyo_copy")
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
    window, fakes = reading_window(qtbot, qapp, app_paths)
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
