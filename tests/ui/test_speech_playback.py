"""Real playback: QtPlayer plays a real eSpeak NG WAV into a private PulseAudio null sink, reaches
the end of the file, and what the sink played is not silence.

The playing happens in a subprocess (tests/ui/speech_playback_worker.py says why: QtMultimedia
reads the sound server once per process). Needs pulseaudio, pulseaudio-utils (pactl, parec),
espeak-ng and sox: scripts/setup.sh installs them for the tests.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.speech import Utterance, wav_duration
from tests.ui import pulse

ROOT = Path(__file__).resolve().parents[2]
#: run as a module from the project folder: as a script, tests/ui/typing.py would hide the standard `typing`
WORKER = ["-m", "tests.ui.speech_playback_worker"]
RATE = 22050

pytestmark = pytest.mark.skipif(not pulse.available() or not shutil.which("sox"),
                                reason="needs pulseaudio, pulseaudio-utils and sox (scripts/setup.sh test)")


@pytest.fixture
def pulse_server(tmp_path):
    server = pulse.PulseServer(tmp_path / "pulse").start()
    yield server
    server.stop()


@pytest.fixture
def espeak_wav(tmp_path):
    from assistant.speech.espeak import EspeakSpeaker

    speaker = EspeakSpeaker(tmp_path / "audio")
    if not speaker.availability().ok:
        pytest.skip("eSpeak NG is not installed")
    return speaker.synthesize(Utterance("Your application form is ready to print.", "en"))


def test_qt_player_plays_a_real_wav_to_the_end_and_it_is_heard(pulse_server, espeak_wav, tmp_path):
    recording = tmp_path / "sink.raw"
    recorder = pulse_server.record(recording, RATE)
    try:
        done = subprocess.run([sys.executable, *WORKER, str(espeak_wav)], env=pulse_server.env, cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
    finally:
        recorder.terminate()
        recorder.wait(10)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["broke"] is None
    assert result["ended"] and result["status"] == "EndOfMedia"
    assert result["seconds"] >= wav_duration(espeak_wav) * 0.9       # really played, not skipped
    assert recording.stat().st_size > 0
    assert pulse.rms(recording, RATE) > 0.001                       # the sink heard speech, not silence
