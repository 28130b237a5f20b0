"""Speak through `ui.speech_qt.QtVoices("speechd")` with a real speech-dispatcher and print what
happened as one JSON line.

Run in its own process by tests/ui/test_speech_system_voices.py, with SPEECHD_ADDRESS,
XDG_RUNTIME_DIR and PULSE_SERVER already pointing at the private daemons the test started:
libspeechd and libpulse read them once per process (see speech_playback_worker.py).

What the sink plays is recorded with parec (tests/ui/pulse.py) in three files in FOLDER:
`say.raw` (a short sentence spoken to the end), `before-stop.raw` (a long sentence until
`stop()`), `after-stop.raw` (one second from the moment the engine reported Ready again),
`next.raw` (a long sentence stopped and the short one said at once, as reading the next page does).

Usage (from the project folder):
    python -m tests.ui.system_voices_worker PULSE_FOLDER FOLDER
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RATE = 22050
SENTENCE = "Your application form is ready to print."
#: far longer than the test waits: about twenty seconds of speech at the normal rate
LONG = ("This sentence is long enough that speech dispatcher is still reading it aloud when the "
        "test asks the system voices to stop, several seconds before its natural end. ") * 3
SAY_TIMEOUT = 15.0
SPEAK_BEFORE_STOP = 1.0      # seconds of the long sentence heard before stop()
STOP_TIMEOUT = 3.0
QUIET_SPAN = 1.0             # seconds recorded after the engine is Ready again
CONNECT_TIMEOUT = 5.0


def main() -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtTextToSpeech import QTextToSpeech

    from assistant.speech import Utterance
    from tests.ui import pulse
    from ui.speech_qt import QtVoices, qt_voices_possible

    pulse_server = pulse.PulseServer(Path(sys.argv[1]))     # already running: only its env and record()
    folder = Path(sys.argv[2])
    app = QCoreApplication([])
    result: dict = {"possible": qt_voices_possible()}

    def spin(seconds: float) -> None:
        """Run the event loop for `seconds` (signals from libspeechd's thread arrive queued)."""
        loop = QEventLoop()
        QTimer.singleShot(round(seconds * 1000), loop.quit)
        loop.exec()

    def wait_until(condition, timeout: float) -> float | None:
        """Seconds until `condition()` held, or None after `timeout` seconds."""
        started = time.monotonic()
        while not condition():
            if time.monotonic() - started > timeout:
                return None
            spin(0.02)
        return round(time.monotonic() - started, 3)

    recorders: list[subprocess.Popen] = []

    def record(name: str) -> Path:
        """Record the sink into FOLDER/name; returns once parec delivers samples (it is connected)."""
        path = folder / name
        recorders.append(pulse_server.record(path, RATE))
        if wait_until(lambda: path.exists() and path.stat().st_size > 0, CONNECT_TIMEOUT) is None:
            raise RuntimeError(f"parec did not start recording {name}")
        return path

    def end_recording() -> None:
        recorder = recorders.pop()
        recorder.terminate()
        recorder.wait(5)

    try:
        probe_started = time.monotonic()
        voices = QtVoices("speechd")
        availability = voices.availability()
        snapshot = voices.snapshot()
        result.update(
            probe_seconds=round(time.monotonic() - probe_started, 3),
            available=availability.ok,
            engine=snapshot.engine if snapshot else None,
            locales=dict(snapshot.locales) if snapshot else {},
            languages=sorted(voices.languages()),
            quality={language: voices.quality(language).name for language in ("en", "ja")},
            voices={language: list(names) for language, names in snapshot.voices.items()} if snapshot else {},
            english_voice=getattr(voices.voice_for("en"), "name", None))
        if not availability.ok:
            return

        events: list[tuple[str, float]] = []
        started = time.monotonic()
        voices.finished.connect(lambda: events.append(("finished", time.monotonic() - started)))
        voices.broke.connect(lambda message: events.append(("broke:" + message, time.monotonic() - started)))

        states: list[str] = []
        voices._engine().stateChanged.connect(lambda state: states.append(state.name))

        # 1. A short sentence, spoken to the end.
        record("say.raw")
        started = time.monotonic()
        voices.say(Utterance(SENTENCE, "en"))
        waited = wait_until(lambda: events, SAY_TIMEOUT)
        spin(0.2)                                # the end of the sound, if libpulse still holds some
        end_recording()
        result["say"] = {"events": [name for name, _ in events], "seconds": waited,
                         "states": states[:], "speaking_after": voices.speaking,
                         "voice": voices._tts.voice().name(), "locale": voices._tts.locale().name()}

        # 2. A long sentence, stopped while it is heard.
        events.clear()
        states.clear()
        record("before-stop.raw")
        started = time.monotonic()
        voices.say(Utterance(LONG, "en"))
        began = wait_until(lambda: voices._tts.state() == QTextToSpeech.State.Speaking, SAY_TIMEOUT)
        spin(SPEAK_BEFORE_STOP)
        stop_at = time.monotonic()
        voices.stop()
        speaking_after_stop = voices.speaking      # False at once: nothing more is waited for
        ready = wait_until(lambda: voices._tts.state() == QTextToSpeech.State.Ready, STOP_TIMEOUT)
        end_recording()
        record("after-stop.raw")
        spin(QUIET_SPAN)
        end_recording()
        spin(0.5)                                # a late `finished` for the stopped sentence would show
        result["stop"] = {"began": began, "ready_after_stop": ready, "speaking_after_stop": speaking_after_stop,
                          "events": [name for name, _ in events], "states": states[:],
                          "stopped_at": round(stop_at - started, 3), "state": voices._tts.state().name}

        # 3. What reading the next page does: stop a long sentence and say the next one at once.
        events.clear()
        states.clear()
        voices.say(Utterance(LONG, "en"))
        wait_until(lambda: voices._tts.state() == QTextToSpeech.State.Speaking, SAY_TIMEOUT)
        spin(0.5)
        record("next.raw")
        started = time.monotonic()
        voices.stop()
        voices.say(Utterance(SENTENCE, "en"))
        waited = wait_until(lambda: events, SAY_TIMEOUT)
        spin(0.5)                                # a second `finished` would show
        end_recording()
        result["next"] = {"events": [name for name, _ in events], "seconds": waited, "states": states[:],
                          "speaking_after": voices.speaking}
        voices.close()
    finally:
        for recorder in recorders:
            recorder.kill()
            recorder.wait(5)
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
