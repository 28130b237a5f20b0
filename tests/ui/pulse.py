"""A private PulseAudio daemon with a null sink, for tests and benchmarks that really play sound.

No sound card is needed: what is played into `nullsink` can be recorded from `nullsink.monitor`.
The daemon gets its own HOME and XDG_RUNTIME_DIR (under a temporary folder), so it never touches
the user's sound server; `env` is what a client needs to reach it (PULSE_SERVER included).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

START_TIMEOUT = 15.0
POLL = 0.05


def wait_until_answering(process: subprocess.Popen, answers, name: str, log, timeout: float = START_TIMEOUT) -> bool:
    """Poll `answers()` until it is true (True) or `timeout` s pass (False); a daemon that exits on
    the way raises at once, with its log."""
    for _ in range(int(timeout / POLL)):
        if answers():
            return True
        try:   # wait for the daemon a moment, noticing at once if it died
            code = process.wait(POLL)
        except subprocess.TimeoutExpired:
            continue
        raise RuntimeError(f"{name} exited with {code}: {log()}")
    return False


def available() -> bool:
    return all(shutil.which(tool) for tool in ("pulseaudio", "pactl", "parec"))


class PulseServer:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        home, runtime = self.folder / "home", self.folder / "runtime"
        home.mkdir(parents=True, exist_ok=True)
        runtime.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.socket = runtime / "pulse" / "native"
        self.env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime),
                    "PULSE_SERVER": f"unix:{self.socket}"}
        self.process: subprocess.Popen | None = None

    def start(self) -> PulseServer:
        """Start the daemon and wait until `pactl info` answers (or raise after START_TIMEOUT s)."""
        log = open(self.folder / "pulseaudio.log", "wb")
        self.process = subprocess.Popen(
            ["pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "-n",
             "--load=module-null-sink sink_name=nullsink", "--load=module-native-protocol-unix",
             "--load=module-always-sink"], env=self.env, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        if wait_until_answering(self.process, self.answers, "pulseaudio", self.log):
            return self
        self.stop()
        raise RuntimeError(f"pulseaudio did not answer within {START_TIMEOUT} s: {self.log()}")

    def answers(self) -> bool:
        result = subprocess.run(["pactl", "info"], env=self.env, capture_output=True, timeout=5)
        return result.returncode == 0 and b"nullsink" in result.stdout

    def record(self, path: Path, rate: int = 22050) -> subprocess.Popen:
        """Record what the null sink plays, as raw signed 16-bit mono at `rate`, until terminated."""
        with open(path, "wb") as out:    # raw samples on standard output: nothing to finalize on stop
            return subprocess.Popen(["parec", "-d", "nullsink.monitor", "--format=s16le", f"--rate={rate}",
                                     "--channels=1", "--latency-msec=20"],
                                    env=self.env, stdout=out, stderr=subprocess.DEVNULL)

    def log(self) -> str:
        return (self.folder / "pulseaudio.log").read_text(errors="replace")[-2000:]

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.process = None


def rms(raw: Path, rate: int = 22050) -> float:
    """RMS amplitude (0–1) of a raw s16le mono recording, as sox's `stat` reports it."""
    result = subprocess.run(["sox", "-t", "raw", "-r", str(rate), "-e", "signed", "-b", "16", "-c", "1",
                             str(raw), "-n", "stat"], capture_output=True, text=True, timeout=30)
    for line in result.stderr.splitlines():
        if line.startswith("RMS") and "amplitude" in line:
            return float(line.split(":")[1])
    raise RuntimeError(f"sox stat gave no RMS: {result.stderr}")
