"""Open JTalk through pyopenjtalk-plus: natural offline Japanese (the optional `[voice-ja]` extra).

The wheel bundles its dictionary and the HTS voice "Mei" (CC BY 3.0: the credit must be shown)
and downloads nothing. `pyopenjtalk.tts(text)` gives float samples in the int16 range at 48 kHz;
they are written as a 16-bit WAV with the standard `wave` module. Without the package the engine
says it is unavailable and why; nothing else changes.

Synthesis runs in a worker process (openjtalk_worker.py), driven from one owner thread: the C code
keeps Python's global lock for tens of milliseconds per sentence (hundreds while the dictionary
loads), which the window would feel. A frozen build without a Python to start falls back to
running it in-process.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import io
import json
import logging
import subprocess
import sys
import threading
from concurrent.futures import Future
from pathlib import Path
from types import ModuleType
from typing import Any

from assistant.i18n import N_
from assistant.speech.speaker import (AVAILABLE, DEFAULT_TIMEOUT, AudioFolder, Availability, EngineUnavailable,
                                      LanguageNotSupported, OwnerThread, Quality, SynthesisError, Utterance,
                                      Voice, base_language, wait, write_wav)

log = logging.getLogger(__name__)

NAME = "openjtalk"
MODULE = "pyopenjtalk"
PACKAGE = "pyopenjtalk-plus"
MEI = Voice("mei_normal", "Mei", ("ja",), NAME,
            credit="HTS Voice “Mei” © 2009-2013 Nagoya Institute of Technology (MMDAgent), CC BY 3.0")
NOT_INSTALLED = Availability(False, N_("The Japanese voice (Open JTalk) is not installed."),
                             f"pip install 'tetsuzuki-assistant[voice-ja]'  ({PACKAGE})")

_owner_lock = threading.Lock()
_owner: OwnerThread[Any] | None = None


def _import() -> ModuleType:
    """Import pyopenjtalk (on the owner thread). Its import prints a note about the optional
    ONNX runtime on standard output; keep it out of the way (debug log)."""
    captured = io.StringIO()
    with contextlib.redirect_stdout(captured):
        module = importlib.import_module(MODULE)
    if captured.getvalue().strip():
        log.debug("pyopenjtalk: %s", captured.getvalue().strip())
    return module


def _unavailable(exc: BaseException) -> EngineUnavailable:
    if isinstance(exc, ImportError):
        return EngineUnavailable(NAME, NOT_INSTALLED)
    return EngineUnavailable(NAME, Availability(
        False, N_("The Japanese voice (Open JTalk) could not be started."), f"{type(exc).__name__}: {exc}"))


class _InProcess:
    """Open JTalk in this process (a frozen build, which has no Python to start the worker with)."""

    def __init__(self) -> None:
        self.module = _import()

    def make(self, text: str, rate: float, path: Path) -> None:
        write_samples(self.module, text, rate, path)


class _Worker:
    """Open JTalk in its own process (openjtalk_worker.py): its C code cannot stall the window."""

    def __init__(self) -> None:
        self._spawn()
        atexit.register(self.close)

    def _spawn(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "assistant.speech.openjtalk_worker"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8", bufsize=1)
        ready = self._answer()
        if not ready.get("ok"):
            self.close()
            if ready.get("missing"):
                raise ImportError(MODULE)
            raise SynthesisError(f"openjtalk worker: {ready.get('error', 'no answer')}")

    def make(self, text: str, rate: float, path: Path) -> None:
        if self.process.poll() is not None:
            log.warning("the Open JTalk worker had ended (%s): starting it again", self.process.returncode)
            self.close()
            self._spawn()
        try:
            self.process.stdin.write(json.dumps({"text": text, "rate": rate, "path": str(path)}) + "\n")
            self.process.stdin.flush()
        except OSError as exc:
            raise SynthesisError("openjtalk worker is gone") from exc
        answer = self._answer()
        if not answer.get("ok"):
            raise SynthesisError(f"openjtalk worker: {answer.get('error', 'no answer')}")

    def _answer(self) -> dict[str, Any]:
        line = self.process.stdout.readline()
        return json.loads(line) if line else {"ok": False, "error": "stopped"}

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.process.stdin.close()   # the worker ends at the end of its input
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()


def _start() -> _Worker | _InProcess:
    if getattr(sys, "frozen", False):
        return _InProcess()
    if importlib.util.find_spec(MODULE) is None:
        raise ImportError(MODULE)
    return _Worker()


def _shared_owner() -> OwnerThread[Any]:
    global _owner
    with _owner_lock:
        if _owner is None:
            _owner = OwnerThread("speech-openjtalk", _start, _unavailable)
        return _owner


def _frames(samples: Any) -> bytes:
    import numpy as np   # installed with pyopenjtalk-plus

    return np.clip(np.asarray(samples), -32768, 32767).astype("<i2").tobytes()


def write_samples(module: ModuleType, text: str, rate: float, path: Path) -> Path:
    """Synthesise `text` with pyopenjtalk and write it as a 16-bit WAV (in whichever process)."""
    samples, sample_rate = module.tts(text, speed=rate)
    if sample_rate <= 0:
        raise SynthesisError(f"openjtalk gave a sample rate of {sample_rate}")
    if len(samples) == 0:
        # Nothing to pronounce (a lone "。"): a moment of silence, not an error to show.
        return write_wav(path, b"\0\0" * (int(sample_rate) // 10), int(sample_rate))
    return write_wav(path, _frames(samples), int(sample_rate))


class OpenJTalkSpeaker:
    """Japanese only, with the "Mei" voice; one shared owner thread (and worker) per process."""

    name = NAME
    display_name = "Open JTalk"

    def __init__(self, folder: Path) -> None:
        self.audio = AudioFolder(folder, NAME)
        self.folder = self.audio.path
        self.owner = _shared_owner()

    def availability(self) -> Availability:
        try:
            found = importlib.util.find_spec(MODULE) is not None
        except (ImportError, ValueError):
            found = False
        return AVAILABLE if found else NOT_INSTALLED

    def voices(self) -> list[Voice]:
        return [MEI] if self.availability().ok else []

    def languages(self) -> frozenset[str]:
        return frozenset({"ja"}) if self.availability().ok else frozenset()

    def quality(self, language: str) -> Quality:
        return Quality.NATURAL if base_language(language) in self.languages() else Quality.NONE

    def decline_reason(self, language: str) -> tuple[str, str]:
        """Why this engine does not speak `language`: (translated reason, what to install)."""
        if base_language(language) == "ja" and not self.availability().ok:
            return NOT_INSTALLED.message(), NOT_INSTALLED.detail
        return "", ""

    def warm_up(self) -> Future[Path]:
        """Load the dictionary and the voice now (~0.3 s) so that the first "Read aloud" is quick."""
        return self.submit(Utterance("あ", "ja"))

    def submit(self, utterance: Utterance) -> Future[Path]:
        if not self.availability().ok:
            future: Future[Path] = Future()
            future.set_exception(EngineUnavailable(NAME, NOT_INSTALLED))
            return future
        path = self.audio.new_file()
        return self.owner.submit(lambda engine: self._make(engine, utterance, path))

    def synthesize(self, utterance: Utterance, timeout: float | None = DEFAULT_TIMEOUT) -> Path:
        return wait(self.submit(utterance), timeout)

    def close(self) -> None:
        """Nothing to release: the engine is shared and lives as long as the process."""

    def _make(self, engine: _Worker | _InProcess, utterance: Utterance, path: Path) -> Path:
        if base_language(utterance.language) != "ja":
            raise LanguageNotSupported(NAME, utterance.language)
        self.audio.check_writable()
        engine.make(utterance.text, utterance.clamped_rate, path)
        return path
