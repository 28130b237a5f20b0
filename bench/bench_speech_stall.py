"""Read aloud in the window: time to the first audio, and the longest event-loop stall while speaking.

For each interface language (ja: everything by Open JTalk; en: eSpeak NG, with the Japanese
official labels by Open JTalk), the first page of the residence-record request is read with the
real engines through `ui.speech.ReadAloud`, while a timer ticks every 5 ms:

- `request_to_player_ms`: from "Read aloud" to the first WAV handed to the player (a player that
  finishes at once: the whole page is synthesized back to back). "cold" is the first reading of
  the process (engines start), "warm" the median of the next ones;
- `max_gap_ms`: the longest gap between two ticks while the page was made, against `floor_ms`,
  the longest gap of the same timer in an idle event loop over the same time;
- with PulseAudio installed (pulseaudio, pulseaudio-utils), a private null sink and the real
  QtPlayer: `request_to_sound_ms`, from "Read aloud" to the first non-silent sample the sink
  played (found in a parec recording; ± the 20 ms recording latency), and the stalls while the
  first utterances really play.

Run: .venv/bin/python bench/bench_speech_stall.py [--repeat N] [--no-pulse]
Prints one JSON line per measurement.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# QtCore only: QtMultimedia (which looks for the sound server once) is first used by QtPlayer
from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal  # noqa: E402

TICK_MS = 5
RATE = 22050
PLAY_SECONDS = 8.0          # how much of the page is really played through the null sink
SILENCE = 64                # |sample| above this counts as sound (int16)


class Ticks:
    """A 5 ms timer; the gaps between its ticks show how long the event loop was busy."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.times.append(time.perf_counter()))

    def start(self) -> None:
        self.times = [time.perf_counter()]
        self.timer.start()

    def stop(self) -> float:
        """The longest gap in ms since start."""
        self.timer.stop()
        self.times.append(time.perf_counter())
        return max(b - a for a, b in zip(self.times, self.times[1:])) * 1000


def run_until(condition, timeout: float) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.perf_counter() + timeout
    app = QApplication.instance()
    while not condition() and time.perf_counter() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)


def idle_floor(seconds: float) -> float:
    ticks = Ticks()
    ticks.start()
    end = time.perf_counter() + seconds
    run_until(lambda: time.perf_counter() >= end, seconds + 1)
    return ticks.stop()


def page(language: str):
    from assistant import i18n
    from assistant.interview.session import Session
    from assistant.paths import BUNDLED_PROCEDURES
    from assistant.procedures.catalog import Catalog
    from assistant.speech import read_page

    answers = json.loads((Path(__file__).resolve().parent.parent / "examples" / "juminhyo_answers.json")
                         .read_text(encoding="utf-8"))
    i18n.set_language(language)
    session = Session(Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy"))
    for field_id, raw in answers.items():
        session.set_answer(field_id, raw)
    session.go_to("applicant")
    return read_page(session)


class HandingPlayer(QObject):
    """Records when each file is handed over and finishes at once (the whole page is made)."""

    ended = Signal()
    broke = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.handed: list[float] = []

    def play(self, _path):
        self.handed.append(time.perf_counter())
        QTimer.singleShot(0, self.ended.emit)

    def stop(self):
        pass


def bench_synthesis(language: str, repeat: int) -> list[dict]:
    from assistant.speech import core_speakers
    from ui.speech import ReadAloud
    from ui.tasks import Tasks

    utterances = page(language)
    players: list[HandingPlayer] = []

    def make_player(parent):
        players.append(HandingPlayer(parent))
        return players[-1]

    reader = ReadAloud(Tasks(), core_speakers, make_player)
    firsts, gaps, durations = [], [], []
    for _ in range(repeat + 1):
        done = []
        reader.finished.connect(lambda: done.append(True))
        ticks = Ticks()
        ticks.start()
        requested = time.perf_counter()
        handed_before = len(players[0].handed) if players else 0
        reader.read(utterances)
        run_until(lambda: bool(done), 180)
        gaps.append(ticks.stop())
        durations.append(time.perf_counter() - requested)
        firsts.append((players[0].handed[handed_before] - requested) * 1000)
        reader.finished.disconnect()
    floor = idle_floor(statistics.median(durations))
    reader.tasks.wait()
    reader.close()
    counts = {lang: sum(u.language == lang for u in utterances) for lang in ("ja", "en")}
    return [
        {"bench": "speech_stall", "interface": language, "case": "cold", "utterances": counts,
         "request_to_player_ms": round(firsts[0], 1), "page_ms": round(durations[0] * 1000, 1),
         "max_gap_ms": round(gaps[0], 1)},
        {"bench": "speech_stall", "interface": language, "case": "warm", "repeat": repeat, "utterances": counts,
         "request_to_player_ms": round(statistics.median(firsts[1:]), 1),
         "page_ms": round(statistics.median(durations[1:]) * 1000, 1),
         "max_gap_ms": round(max(gaps[1:]), 1), "max_gap_median_ms": round(statistics.median(gaps[1:]), 1),
         "floor_ms": round(floor, 1)},
    ]


def first_sound(raw: Path, recording_started: float) -> float | None:
    """Wall time (perf_counter) of the first non-silent sample in a raw s16le mono recording."""
    import array

    samples = array.array("h", raw.read_bytes()[: (raw.stat().st_size // 2) * 2])
    index = next((i for i, s in enumerate(samples) if abs(s) > SILENCE), None)
    return None if index is None else recording_started + index / RATE


def bench_playback(language: str, server, folder: Path) -> dict:
    """The real QtPlayer into the null sink: request → first sound, and stalls while it plays."""
    from assistant.speech import core_speakers
    from ui.speech import QtPlayer, ReadAloud
    from ui.tasks import Tasks

    utterances = page(language)
    reader = ReadAloud(Tasks(), core_speakers, QtPlayer)
    reader.read([utterances[0]])                       # engines and audio output warm, as after a first use
    run_until(lambda: not reader.speaking, 60)
    raw = folder / f"sink-{language}.raw"
    recorder = server.record(raw, RATE)
    run_until(lambda: raw.stat().st_size > 0, 10)      # recording runs: its start is now − what it holds
    recording_started = time.perf_counter() - raw.stat().st_size / 2 / RATE
    started = []
    reader.started.connect(lambda _u: started.append(time.perf_counter()))
    ticks = Ticks()
    ticks.start()
    requested = time.perf_counter()
    reader.read(utterances)
    run_until(lambda: time.perf_counter() - requested > PLAY_SECONDS or not reader.speaking, PLAY_SECONDS + 30)
    gap = ticks.stop()
    reader.stop()
    recorder.terminate()
    recorder.wait(10)
    sound = first_sound(raw, recording_started)
    reader.tasks.wait()
    reader.close()
    return {"bench": "speech_stall", "interface": language, "case": "null_sink",
            "request_to_player_ms": round((started[0] - requested) * 1000, 1) if started else None,
            "request_to_sound_ms": round((sound - requested) * 1000, 1) if sound else None,
            "played_s": round(min(PLAY_SECONDS, time.perf_counter() - requested), 1),
            "utterances_started": len(started), "max_gap_ms": round(gap, 1),
            "floor_ms": round(idle_floor(PLAY_SECONDS), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-pulse", action="store_true", help="skip the real playback into a null sink")
    args = parser.parse_args()
    from tests.ui import pulse

    with tempfile.TemporaryDirectory(prefix="bench-stall-") as folder:
        server = None
        if not args.no_pulse and pulse.available():
            # before QtMultimedia's first use: it looks for the sound server once per process
            server = pulse.PulseServer(Path(folder) / "pulse").start()
            os.environ.update({k: server.env[k] for k in ("HOME", "XDG_RUNTIME_DIR", "PULSE_SERVER")})
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication([])
        try:
            print(json.dumps({"bench": "speech_stall", "case": "idle", "floor_ms": round(idle_floor(2.0), 1)}),
                  flush=True)
            for language in ("ja", "en"):
                for line in bench_synthesis(language, args.repeat):
                    print(json.dumps(line, ensure_ascii=False), flush=True)
            if server is not None:
                for language in ("ja", "en"):
                    print(json.dumps(bench_playback(language, server, Path(folder))), flush=True)
            else:
                print(json.dumps({"bench": "speech_stall", "case": "null_sink", "available": False,
                                  "install": "apt install pulseaudio pulseaudio-utils"}), flush=True)
        finally:
            if server is not None:
                server.stop()
        del app


if __name__ == "__main__":
    main()
