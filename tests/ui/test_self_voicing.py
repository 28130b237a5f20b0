"""Self-voicing: with it on, each question is read when it gets the focus, a new step says where
the person is, and errors are read; with a screen reader running it starts off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from assistant.i18n import LANGUAGES
from assistant.speech import Detection, ScreenReaderState
from tests.conftest import export_answers
from tests.ui.test_read_aloud import ANSWERS, reading_window


def said(fakes) -> str:
    return " ".join(u.text for fake in fakes for u in fake.spoken)


def voicing_window(qtbot, qapp, app_paths, running=False):
    window, fakes = reading_window(qtbot, qapp, app_paths)
    qtbot.waitUntil(lambda: window.voice.screen_reader is not None)   # the real detection, done at start
    state = ScreenReaderState.RUNNING if running else ScreenReaderState.NOT_RUNNING
    window.voice.on_screen_reader_detected(Detection(state, "Orca" if running else None, "test"))
    return window, fakes


def test_self_voicing_is_off_while_a_screen_reader_runs_even_if_it_was_chosen(qtbot, qapp, app_paths):
    window, _fakes = reading_window(qtbot, qapp, app_paths)
    qtbot.waitUntil(lambda: window.voice.screen_reader is not None)
    window.settings = window.settings.__class__(self_voicing=True)
    window.voice.on_screen_reader_detected(Detection(ScreenReaderState.RUNNING, "Orca", "test"))
    assert not window.voice.self_voicing
    window.voice.on_screen_reader_detected(Detection(ScreenReaderState.NOT_RUNNING, None, "test"))
    assert window.voice.self_voicing


def test_each_question_is_read_when_it_gets_the_focus(qtbot, qapp, app_paths, english):
    window, fakes = voicing_window(qtbot, qapp, app_paths)
    window.voice.self_voicing = True
    phone = window.step.blocks["applicant_phone"].input.focus_target()
    phone.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: "phone number (required)" in said(fakes) and not window.reader.speaking,
                    timeout=10000)
    assert "090-1234-5678" in said(fakes)          # the current answer is read too
    assert "name (required)" not in said(fakes)    # only the question that got the focus


def test_without_self_voicing_nothing_is_read_on_focus(qtbot, qapp, app_paths, english):
    window, fakes = voicing_window(qtbot, qapp, app_paths)
    assert not window.voice.self_voicing
    window.step.blocks["applicant_phone"].input.focus_target().setFocus(Qt.FocusReason.TabFocusReason)
    window.step.next.click()
    window.tasks.wait()
    assert said(fakes) == "" and not window.reader.speaking


def test_a_new_step_says_where_the_person_is_and_errors_are_read(qtbot, qapp, app_paths, english):
    window, fakes = voicing_window(qtbot, qapp, app_paths)
    window.voice.self_voicing = True
    window.step.next.click()
    qtbot.waitUntil(lambda: "step 3 of" in said(fakes) and not window.reader.speaking, timeout=10000)
    window.bridge.session.back()
    qtbot.waitUntil(lambda: not window.reader.speaking, timeout=10000)
    for fake in fakes:
        fake.spoken.clear()
    window.bridge.session.set_answer("applicant_phone", "12")
    window.step.render()
    window.step.next.click()
    qtbot.waitUntil(lambda: "Please check" in said(fakes) and not window.reader.speaking, timeout=10000)
    assert said(fakes).endswith("Your answer: 12")     # then the question to fix, with its answer


def test_voice_settings_change_the_speed_and_self_voicing_and_are_remembered(qtbot, qapp, app_paths, english):
    from PySide6.QtWidgets import QDialog

    from assistant import settings as saved
    from ui.widgets.speech_settings import SpeechSettings

    window, fakes = voicing_window(qtbot, qapp, app_paths)
    window.header.speech_settings.click()
    dialog = window.findChild(QDialog, "settings_dialog")
    panel = dialog.findChild(SpeechSettings)
    qtbot.waitUntil(lambda: bool(panel.rows), timeout=10000)      # the voices found, one line per language
    assert set(panel.rows) == set(LANGUAGES)                     # every offered language
    panel.speed.setValue(panel.speed.value() + 2)                  # 1.0× → 1.5×
    panel.self_voicing.setChecked(True)
    assert window.voice.self_voicing and window.settings.speech_rate == 1.5
    window.tasks.wait()
    assert saved.load(app_paths.config).speech_rate == 1.5 and saved.load(app_paths.config).self_voicing is True
    dialog.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.step.blocks["applicant_phone"].input.focus_target().setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: bool(said(fakes)) and not window.reader.speaking, timeout=10000)
    assert {u.rate for fake in fakes for u in fake.spoken} == {1.5}


def test_a_broken_engine_or_a_missing_voice_is_said_and_the_window_goes_on(qtbot, qapp, app_paths, english):
    from assistant.speech import SynthesisError
    from assistant.speech.fake import FakeSpeaker
    from tests.conftest import memory_keys, start_procedure
    from tests.ui.test_read_aloud import FinishingPlayer
    from ui.a11y import history
    from ui.app import build_window
    from ui.tasks import Tasks

    def english_only(folder):      # no Japanese voice on this computer, and English breaks
        return [FakeSpeaker(folder, ("en",), fail_with=SynthesisError("engine crashed"))]

    window = build_window(app_paths, Tasks(), key_chooser=memory_keys, make_speakers=english_only,
                          make_player=FinishingPlayer)
    qtbot.addWidget(window)
    window.show()
    start_procedure(window)
    window.voice.read_page()
    qtbot.waitUntil(lambda: not window.reader.speaking, timeout=10000)
    status = window.draft_status.text()
    assert "No voice on this computer can read Japanese aloud" in status or "stopped working" in status
    window.bridge.session.set_answer("relationship", "self")
    window.step.next.click()                                  # the window goes on without speech
    assert window.bridge.session.current_step.id == "applicant"
    window.tasks.wait()              # the draft saved by Next, whose note would replace the message
    window.voice.read_page()
    qtbot.waitUntil(lambda: not window.reader.speaking, timeout=10000)
    assert "Reading aloud stopped working" in window.draft_status.text()
    assert "Reading aloud stopped working" in history[-1]          # and said to a screen reader


def test_who_fills_in_and_the_done_page_are_read_when_they_open(qtbot, qapp, app_paths, english):
    window, fakes = voicing_window(qtbot, qapp, app_paths)
    window.voice.self_voicing = True
    window.flow.go_home()
    window.home.procedure_chosen.emit("juminhyo_copy")
    qtbot.waitUntil(lambda: "Who will apply (and sign)?" in said(fakes) and not window.reader.speaking,
                    timeout=10000)
    window.who.go_on.click()
    export_answers(qtbot, window, ANSWERS)
    qtbot.waitUntil(lambda: "Your form is ready." in said(fakes) and not window.reader.speaking, timeout=15000)
    window.tasks.wait()
