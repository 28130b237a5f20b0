"""A speaker for tests: remembers what it was asked to say and writes a tiny, valid WAV.

The file lasts `SECONDS_PER_CHARACTER` per character at rate 1.0 (silence at 1 kHz), so tests
can check that longer text gives longer audio and that the rate is applied, without any engine.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from pathlib import Path

from assistant.speech.speaker import (AVAILABLE, DEFAULT_TIMEOUT, AudioFolder, Availability, EngineUnavailable,
                                      LanguageNotSupported, Quality, SpeechError, Utterance, Voice,
                                      base_language, write_wav)

SAMPLE_RATE = 1000
SECONDS_PER_CHARACTER = 0.05


class FakeSpeaker:
    """Synchronous: `submit` returns a future that is already done."""

    display_name = "Fake"

    def __init__(self, folder: Path, languages: tuple[str, ...] = ("ja", "en"), *, name: str = "fake",
                 quality: Quality = Quality.NATURAL, availability: Availability = AVAILABLE,
                 fail_with: SpeechError | None = None) -> None:
        self.name = name
        self.audio = AudioFolder(folder, name)
        self.folder = self.audio.path
        self._languages = frozenset(languages)
        self._quality = quality
        self._availability = availability
        self.fail_with = fail_with
        self.spoken: list[Utterance] = []
        self._lock = threading.Lock()

    def availability(self) -> Availability:
        return self._availability

    def languages(self) -> frozenset[str]:
        return self._languages if self._availability.ok else frozenset()

    def quality(self, language: str) -> Quality:
        return self._quality if base_language(language) in self.languages() else Quality.NONE

    def voices(self) -> list[Voice]:
        return [Voice(f"{self.name}-{lang}", f"Fake {lang}", (lang,), self.name) for lang in sorted(self.languages())]

    def decline_reason(self, language: str) -> tuple[str, str]:
        if base_language(language) in self._languages and not self._availability.ok:
            return self._availability.message(), self._availability.detail
        return "", ""

    def submit(self, utterance: Utterance) -> Future[Path]:
        future: Future[Path] = Future()
        try:
            future.set_result(self._make(utterance))
        except SpeechError as exc:
            future.set_exception(exc)
        return future

    def synthesize(self, utterance: Utterance, timeout: float | None = DEFAULT_TIMEOUT) -> Path:
        return self.submit(utterance).result(timeout)

    def close(self) -> None:
        pass

    def _make(self, utterance: Utterance) -> Path:
        if not self._availability.ok:
            raise EngineUnavailable(self.name, self._availability)
        if base_language(utterance.language) not in self._languages:
            raise LanguageNotSupported(self.name, utterance.language)
        if self.fail_with is not None:
            raise self.fail_with
        with self._lock:
            self.spoken.append(utterance)
        frames = round(len(utterance.text) * SECONDS_PER_CHARACTER * SAMPLE_RATE / utterance.clamped_rate)
        return write_wav(self.audio.new_file(), b"\0\0" * max(frames, 1), SAMPLE_RATE)
