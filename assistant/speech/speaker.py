"""What every speech engine offers: the `Speaker` protocol, its data and its errors.

An engine turns an `Utterance` into a WAV file in a private folder given at construction; the
window plays the file (QtMultimedia) so that speech can be stopped at once, and removes it.
Engines that speak by themselves without a file (QtTextToSpeech, on the UI side) implement only
`VoiceProvider`, which is all that choosing and describing voices needs.

Work that may block (starting an engine, synthesis) runs on one `OwnerThread` per engine and is
handed back as a `concurrent.futures.Future`; nothing here needs or imports Qt.
"""

from __future__ import annotations

import enum
import itertools
import logging
import os
import queue
import tempfile
import threading
import wave
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar, runtime_checkable

from assistant.i18n import _

log = logging.getLogger(__name__)

#: How long `synthesize` waits by default: espeak-ng needs ~10 ms, Open JTalk ~0.1 s per sentence.
DEFAULT_TIMEOUT = 30.0
MIN_RATE, MAX_RATE = 0.5, 2.0


@dataclass(frozen=True)
class Utterance:
    """One piece of speech in one language.

    `language` is a language code ("ja", "en", "vi"…); `rate` is relative speed (1.0 normal,
    0.5 half, 2.0 double), mapped by each engine onto its own scale.
    """

    text: str
    language: str
    rate: float = 1.0

    def __post_init__(self) -> None:
        if not self.text.strip():
            raise ValueError("an utterance needs something to say")
        if not self.language:
            raise ValueError("an utterance needs a language")

    @property
    def clamped_rate(self) -> float:
        return max(MIN_RATE, min(MAX_RATE, self.rate))


class Quality(enum.IntEnum):
    """How well an engine speaks a language; choosing prefers the higher."""

    NONE = 0        # cannot, or should not (e.g. espeak-ng reads kanji as "Chinese letter")
    ROBOTIC = 1     # understandable formant synthesis (espeak-ng)
    NATURAL = 2     # a recorded or statistical voice (Open JTalk "Mei", Windows/macOS voices)


@dataclass(frozen=True)
class Voice:
    """A voice as the settings screen lists it. `name` is the engine's own (not translated)."""

    id: str
    name: str
    languages: tuple[str, ...]
    engine: str
    credit: str = ""   # attribution the voice's licence asks for, shown in settings / about


@dataclass(frozen=True)
class Availability:
    """Whether an engine can run here; `reason` (an English msgid, see `message`) says why not."""

    ok: bool
    reason: str = ""
    detail: str = ""   # for a helper: the package to install; never translated

    def message(self) -> str:
        return _(self.reason) if self.reason else ""


AVAILABLE = Availability(True)


class SpeechError(Exception):
    """Base of every speech failure: the window catches this, says so, and goes on without speech."""

    def user_message(self) -> str:
        return _("Reading aloud stopped working. You can go on without it; nothing you entered is lost.")


class EngineUnavailable(SpeechError):
    """The engine cannot run on this computer (not installed, cannot start)."""

    def __init__(self, engine: str, availability: Availability) -> None:
        super().__init__(f"{engine}: {availability.reason} {availability.detail}".strip())
        self.engine = engine
        self.availability = availability

    def user_message(self) -> str:
        return self.availability.message() or super().user_message()


class LanguageNotSupported(SpeechError):
    """The engine was asked to speak a language it cannot speak (choose another engine)."""

    def __init__(self, engine: str, language: str) -> None:
        super().__init__(f"{engine} cannot speak {language!r}")
        self.engine = engine
        self.language = language


class SynthesisError(SpeechError):
    """The engine started but failed to make this utterance's audio (or took too long)."""


@runtime_checkable
class VoiceProvider(Protocol):
    """What choosing and describing voices needs; a UI-side engine (QtTextToSpeech) implements this.

    Optional extras that `choice` uses when present: `voice_for(language) -> Voice | None` (the
    voice actually used) and `decline_reason(language) -> (translated reason, install hint)`
    (why the engine does not speak a language, e.g. "not installed").
    `languages()` and `quality()` may start the engine: call them off the UI thread.
    """

    name: str            # stable id kept in settings: "espeak", "openjtalk", "qt", "fake"
    display_name: str    # shown in settings, e.g. "eSpeak NG", "Open JTalk (Mei)"

    def availability(self) -> Availability: ...
    def languages(self) -> frozenset[str]: ...
    def quality(self, language: str) -> Quality: ...
    def voices(self) -> list[Voice]: ...


@runtime_checkable
class Speaker(VoiceProvider, Protocol):
    """An engine that writes each utterance to a WAV file in its private folder."""

    folder: Path

    def submit(self, utterance: Utterance) -> Future[Path]:
        """Queue `utterance`; the future gives the WAV path or raises a `SpeechError`."""
        ...

    def synthesize(self, utterance: Utterance, timeout: float | None = DEFAULT_TIMEOUT) -> Path:
        """Make the WAV and return its path (blocks: call it off the UI thread)."""
        ...

    def close(self) -> None: ...


def base_language(code: str) -> str:
    """"en-GB" / "en_gb" → "en"."""
    return code.replace("_", "-").split("-", 1)[0].lower()


# --- the owner thread -------------------------------------------------------------------------

T = TypeVar("T")
R = TypeVar("R")
_STOP = object()


class OwnerThread(Generic[T]):
    """One daemon thread that creates an engine (`setup`) and runs every job for it, in order.

    Engines such as pyttsx3 must be created and run on one thread; jobs from any thread queue
    here. A job cancelled before it starts is skipped. If `setup` fails, every job gets
    `EngineUnavailable` from `on_setup_error`.
    """

    def __init__(self, name: str, setup: Callable[[], T],
                 on_setup_error: Callable[[BaseException], SpeechError]) -> None:
        self.name = name
        self._setup = setup
        self._on_setup_error = on_setup_error
        self._jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    @property
    def ident(self) -> int | None:
        return self._thread.ident

    def submit(self, job: Callable[[T], R]) -> Future[R]:
        future: Future[R] = Future()
        if not self._thread.is_alive():
            future.set_exception(SynthesisError(f"{self.name} is closed"))
        else:
            self._jobs.put((job, future))
        return future

    def close(self) -> None:
        self._jobs.put(_STOP)

    def _run(self) -> None:
        engine: Any = None
        failure: SpeechError | None = None
        while (item := self._jobs.get()) is not _STOP:
            job, future = item
            if not future.set_running_or_notify_cancel():
                continue
            if engine is None and failure is None:
                try:
                    engine = self._setup()
                except Exception as exc:  # any import or driver error means "unavailable"
                    log.warning("%s could not start: %s", self.name, exc)
                    failure = self._on_setup_error(exc)
            if failure is not None:
                future.set_exception(failure)
                continue
            try:
                future.set_result(job(engine))
            except SpeechError as exc:
                future.set_exception(exc)
            except Exception as exc:
                error = SynthesisError(f"{self.name}: {type(exc).__name__}: {exc}")
                error.__cause__ = exc
                future.set_exception(error)


def wait(future: Future[Path], timeout: float | None) -> Path:
    """The result of `future`, a `SynthesisError` if it takes longer than `timeout` seconds."""
    try:
        return future.result(timeout)
    except TimeoutError as exc:
        future.cancel()
        raise SynthesisError(f"no audio after {timeout} s") from exc


# --- files ------------------------------------------------------------------------------------

class AudioFolder:
    """Names the WAV files of one engine in its private folder (created 0700 if missing)."""

    _counter = itertools.count(1)

    def __init__(self, folder: Path, prefix: str) -> None:
        self.path = Path(folder)
        self.prefix = prefix
        self.path.mkdir(parents=True, exist_ok=True, mode=0o700)

    def new_file(self) -> Path:
        return self.path / f"{self.prefix}-{os.getpid()}-{next(self._counter)}.wav"

    def check_writable(self) -> None:
        if not os.access(self.path, os.W_OK | os.X_OK):
            raise SynthesisError(f"cannot write audio into {self.path}")


def write_wav(path: Path, frames: bytes, rate: int, width: int = 2, channels: int = 1) -> Path:
    """Write a PCM WAV atomically: a player never sees half a file."""
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".part-", suffix=".wav", delete=False) as tmp:
        with wave.open(tmp, "wb") as out:
            out.setnchannels(channels)
            out.setsampwidth(width)
            out.setframerate(rate)
            out.writeframes(frames)
    os.replace(tmp.name, path)
    return path


def wav_duration(path: Path) -> float:
    """Length of a WAV file in seconds (raises `wave.Error` / `EOFError` if it is not one)."""
    with wave.open(str(path), "rb") as audio:
        return audio.getnframes() / audio.getframerate()
