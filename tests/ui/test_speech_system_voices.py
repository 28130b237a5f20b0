"""The system voices (`ui.speech_qt.QtVoices`) with the REAL speech-dispatcher, not Qt's mock.

A private PulseAudio null sink (tests/ui/pulse.py) and a private speech-dispatcher (its own HOME,
XDG_RUNTIME_DIR and configuration: the eSpeak NG module, pulse output into the null sink) are
started for this module; tests/ui/system_voices_worker.py then speaks in a fresh process (libspeechd
and libpulse pick their server once per process) and reports as one JSON line, with what the sink
played recorded by parec. The tests below check that report and those recordings.

Needs speech-dispatcher, speech-dispatcher-espeak-ng, libspeechd2, pulseaudio, pulseaudio-utils and
sox: scripts/setup.sh installs them for the tests.
"""

from __future__ import annotations

import ctypes.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui import pulse

ROOT = Path(__file__).resolve().parents[2]
#: run as a module from the project folder: as a script, tests/ui/typing.py would hide the standard `typing`
WORKER = ["-m", "tests.ui.system_voices_worker"]
RATE = 22050
MODULE = Path("/usr/lib/speech-dispatcher-modules/sd_espeak-ng")
START_TIMEOUT = 10.0
WORKER_TIMEOUT = 60.0
POLL = 0.05
HEARD = 0.001          # RMS above this: speech (test_speech_playback uses the same threshold)
QUIET = 0.0005         # RMS below this: silence (the null sink's monitor gives exact zeros)

pytestmark = pytest.mark.skipif(
    not (pulse.available() and shutil.which("sox") and shutil.which("speech-dispatcher") and MODULE.exists()
         and ctypes.util.find_library("speechd")),
    reason="needs speech-dispatcher, speech-dispatcher-espeak-ng, libspeechd2, pulseaudio, pulseaudio-utils "
           "and sox (scripts/setup.sh test)")


class SpeechDispatcher:
    """A private speech-dispatcher (single-application mode, never exits by itself) whose sound
    goes to the private PulseAudio null sink. It and its output modules live in their own process
    group, so `stop()` ends them all, even if the daemon hangs (it may ignore SIGTERM)."""

    def __init__(self, folder: Path, pulse_server: pulse.PulseServer) -> None:
        self.folder = Path(folder)
        home, runtime, config, logs = (self.folder / name for name in ("home", "runtime", "config", "log"))
        for path in (home, config / "speech-dispatcher" / "modules", logs):
            path.mkdir(parents=True, exist_ok=True)
        runtime.mkdir(parents=True, exist_ok=True, mode=0o700)
        (runtime / "speech-dispatcher").mkdir(mode=0o700, exist_ok=True)
        self.config = config / "speech-dispatcher"
        self.logs = logs
        #: the default place ($XDG_RUNTIME_DIR/speech-dispatcher/speechd.sock) that qt_voices_possible checks
        self.socket = runtime / "speech-dispatcher" / "speechd.sock"
        (self.config / "speechd.conf").write_text(
            f'LogLevel 3\nLogDir "{logs}"\nDefaultVolume 100\n'
            'AudioOutputMethod "pulse"\nAudioPulseDevice "nullsink"\n'
            'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\nDefaultModule espeak-ng\n'
            'DisableAutoSpawn\n')                # a client must never start a second, unmanaged one
        (self.config / "modules" / "espeak-ng.conf").write_text("EspeakAudioChunkSize 300\n")
        self.env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime),
                    "XDG_CONFIG_HOME": str(config), "PULSE_SERVER": pulse_server.env["PULSE_SERVER"],
                    "SPEECHD_ADDRESS": f"unix_socket:{self.socket}"}
        self.process: subprocess.Popen | None = None

    def start(self) -> SpeechDispatcher:
        """Start the daemon and wait until its socket accepts a connection (or raise)."""
        out = open(self.folder / "speech-dispatcher.out", "wb")
        self.process = subprocess.Popen(
            ["speech-dispatcher", "--run-single", "--timeout", "0", "--config-dir", str(self.config),
             "--log-dir", str(self.logs), "--socket-path", str(self.socket),
             "--pid-file", str(self.folder / "speechd.pid")],
            env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        out.close()
        if pulse.wait_until_answering(self.process, self.answers, "speech-dispatcher", self.log, START_TIMEOUT):
            return self
        raise RuntimeError(f"speech-dispatcher did not answer within {START_TIMEOUT} s: {self.log()}")

    def answers(self) -> bool:
        if not self.socket.exists():
            return False
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            try:
                client.connect(str(self.socket))
            except OSError:
                return False
            return True

    def log(self) -> str:
        texts = [path.read_text(errors="replace")[-1500:]
                 for path in (self.folder / "speech-dispatcher.out", *sorted(self.logs.glob("*.log")))
                 if path.exists()]
        return "\n".join(texts)

    def stop(self) -> None:
        if self.process is None:
            return
        group = self.process.pid            # start_new_session: the group id is the daemon's pid
        _signal_group(group, signal.SIGTERM)
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            pass
        _signal_group(group, signal.SIGKILL)   # a hung daemon, or output modules left behind
        self.process.wait(5)
        self.process = None


def _signal_group(group: int, signum: int) -> None:
    try:
        os.killpg(group, signum)
    except ProcessLookupError:
        pass


def _run_worker(pulse_server: pulse.PulseServer, dispatcher: SpeechDispatcher, folder: Path) -> dict:
    """Run the worker in its own process group (it starts parec) and return its report."""
    worker = subprocess.Popen([sys.executable, *WORKER, str(pulse_server.folder), str(folder)],
                              env=dispatcher.env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, start_new_session=True)
    try:
        out, err = worker.communicate(timeout=WORKER_TIMEOUT)
    finally:
        _signal_group(worker.pid, signal.SIGKILL)     # whatever is left of it (a recorder, a hung worker)
        worker.wait(5)
    lines = out.strip().splitlines()
    assert worker.returncode == 0 and lines, f"worker failed ({worker.returncode}): {err[-3000:]}"
    report = json.loads(lines[-1])
    report["stderr"] = err
    return report


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """Start the sink and speech-dispatcher, speak in the worker, stop everything; the worker's report."""
    folder = tmp_path_factory.mktemp("system-voices")
    pulse_server = pulse.PulseServer(folder / "pulse")
    dispatcher = SpeechDispatcher(folder / "speechd", pulse_server)
    try:
        pulse_server.start()
        dispatcher.start()
        recordings = folder / "recordings"
        recordings.mkdir()
        result = _run_worker(pulse_server, dispatcher, recordings)
        result["recordings"] = recordings
        result["speechd_log"] = dispatcher.log()
        yield result
    finally:
        dispatcher.stop()
        pulse_server.stop()


def _rms(report: dict, name: str) -> float:
    path = report["recordings"] / name
    assert path.exists() and path.stat().st_size > RATE * 2 // 10, f"{name}: under 0.1 s recorded"
    return pulse.rms(path, RATE)


def test_the_system_voices_are_possible_and_offer_english(report):
    assert report["possible"] is True
    assert report["available"] is True, report["stderr"]
    assert report["engine"] == "speechd"
    assert "en" in report["languages"] and report["locales"]["en"].startswith("en_")
    assert report["voices"]["en"] and report["english_voice"] == report["voices"]["en"][0]


def test_speechd_english_is_robotic_and_its_japanese_never_counts(report):
    assert report["quality"] == {"en": "ROBOTIC", "ja": "NONE"}


def test_an_english_sentence_is_spoken_to_the_end_and_heard(report):
    say = report["say"]
    assert say["events"] == ["finished"], (say, report["speechd_log"])
    assert say["seconds"] is not None and say["seconds"] > 1.0       # really spoken, not skipped
    assert "Speaking" in say["states"] and say["states"][-1] == "Ready"
    assert not say["speaking_after"]
    assert _rms(report, "say.raw") > HEARD                           # the sink heard speech, not silence


def test_english_is_spoken_with_the_plain_american_voice(report):
    assert report["say"]["locale"] == "en_US"
    assert report["say"]["voice"] == "English (America)"


def test_stop_silences_a_long_sentence_promptly(report):
    stop = report["stop"]
    assert stop["began"] is not None, stop
    assert not stop["speaking_after_stop"]
    assert stop["ready_after_stop"] is not None and stop["ready_after_stop"] < 1.0, stop
    assert stop["state"] == "Ready"
    assert stop["events"] == []                          # no `finished` (nor `broke`) for what was stopped
    assert _rms(report, "before-stop.raw") > HEARD       # it was heard until stop()
    assert _rms(report, "after-stop.raw") < QUIET        # and then the sink went quiet


def test_saying_the_next_sentence_right_after_stop_finishes_once_at_its_end(report):
    nxt = report["next"]
    assert nxt["events"] == ["finished"], nxt            # once, for the new sentence only
    assert nxt["seconds"] is not None and nxt["seconds"] > 1.0, nxt   # not the stopped one's end
    assert not nxt["speaking_after"]
    assert _rms(report, "next.raw") > HEARD
