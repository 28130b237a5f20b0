"""eSpeak NG through pyttsx3: English and many other languages, offline, never Japanese.

pyttsx3 facts that shape this module (platform-notes §5, accessibility §3.1):
- one engine per process, created and run on one thread: a second engine on another thread
  crashed the process (the espeak callback is global). So every `EspeakSpeaker` shares one
  process-wide `OwnerThread` that holds the only engine;
- only `save_to_file` + `runAndWait` is used; `say()` blocks, cannot be stopped and may be silent;
- espeak-ng reads each kanji as "Chinese letter", so this engine declines Japanese.
"""

from __future__ import annotations

import ctypes.util
import logging
import os
import threading
import time
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from assistant import languages
from assistant.i18n import N_, _
from assistant.speech.speaker import (AVAILABLE, DEFAULT_TIMEOUT, AudioFolder, Availability, EngineUnavailable,
                                      LanguageNotSupported, OwnerThread, Quality, SynthesisError, Utterance,
                                      Voice, base_language, wait)

log = logging.getLogger(__name__)

NAME = "espeak"
#: words per minute at rate 1.0 (espeak-ng's own default)
NORMAL_WPM = 175
#: longest wait for espeak-ng to finish one utterance (it needs ~10 ms for a sentence)
FINISH_TIMEOUT = 20.0
IDLE_TIMEOUT = 2.0
ATTEMPTS = 3
WAV_HEADER = 44
#: languages espeak-ng has a voice for but reads badly enough that another engine (or none) is better
DECLINED = {"ja": N_("The eSpeak NG voice reads Japanese kanji as “Chinese letter”, so it is not used for Japanese.")}
#: our language codes → espeak-ng's, where they differ
ALIASES = {"zh": "cmn"}
#: preferred voice per language when espeak-ng has several
PREFERRED = languages.preferred_voices("espeak")   # from locales/languages.yaml
_LIBRARIES = ("espeak-ng", "espeak")
_FIXED_PATHS = ("/opt/homebrew/lib/libespeak-ng.1.dylib", "/usr/local/lib/libespeak-ng.1.dylib",
                r"C:\Program Files\eSpeak NG\libespeak-ng.dll", r"C:\Program Files (x86)\eSpeak NG\libespeak-ng.dll")

_owner_lock = threading.Lock()
_owner: OwnerThread[Any] | None = None


def find_library() -> str | None:
    """Where libespeak-ng is (without loading it), or None."""
    for name in _LIBRARIES:
        found = ctypes.util.find_library(name)
        if found:
            return found
    return next((p for p in _FIXED_PATHS if os.path.exists(p)), None)


def _availability() -> Availability:
    try:
        import pyttsx3  # noqa: F401  (a declared dependency; checked in case of a broken install)
    except ImportError:
        return Availability(False, N_("The eSpeak NG voice is not installed."), "pip: pyttsx3")
    if find_library() is None:
        return Availability(False, N_("The eSpeak NG voice is not installed."),
                            "Debian/Ubuntu: apt install espeak-ng libespeak-ng1")
    return AVAILABLE


def _start_engine() -> Any:
    """Create the one pyttsx3 engine (runs on the owner thread)."""
    import pyttsx3
    import pyttsx3.drivers.espeak as driver

    # The driver prints "Audio saved to <path>" after every file: send it to the debug log instead.
    driver.print = lambda *args, **kwargs: log.debug(" ".join(map(str, args)))
    return _Engine(pyttsx3.init("espeak"))


class _Engine:
    """The pyttsx3 engine and what its notifications tell (they arrive on espeak-ng's own thread).

    pyttsx3's runAndWait first runs its end-of-loop command, which calls the driver's stop():
    that cancels whatever espeak-ng counts as playing, including the voice and rate settings it
    is still applying on its own thread, and leaves a stop flag that cuts the *next* utterance
    short (seen under load: empty or truncated files, "finished, not completed" notices). So each
    save waits for espeak-ng to be idle after the settings and after the utterance, clears the
    flag, and reports whether the utterance really completed; the caller tries again if not.
    """

    def __init__(self, engine: Any) -> None:
        from pyttsx3.drivers import _espeak

        self.engine = engine
        self.is_playing = _espeak.IsPlaying
        self.errors: list[BaseException] = []
        self.outcomes: list[bool] = []
        self.finished = threading.Event()
        engine.connect("error", lambda name=None, exception=None: self.errors.append(exception))
        engine.connect("finished-utterance", self._on_finished)
        self.voices = [Voice(v.id, v.name, tuple(v.languages or ()), NAME)
                       for v in engine.getProperty("voices")]

    def _on_finished(self, name: Any = None, completed: Any = None) -> None:
        self.outcomes.append(bool(completed))
        self.finished.set()

    def wait_idle(self) -> None:
        deadline = time.monotonic() + IDLE_TIMEOUT
        while self.is_playing() and time.monotonic() < deadline:
            time.sleep(0.002)

    def save(self, text: str, voice: str, words_per_minute: int, part: Path) -> bool:
        """Write `text` to `part`; False if espeak-ng cut it short (try again)."""
        self.wait_idle()
        self.engine.setProperty("voice", voice)
        self.engine.setProperty("rate", words_per_minute)
        # espeak-ng queues these settings on its own thread and counts as "playing" meanwhile:
        # let them land before runAndWait's stop() could cancel them (and the utterance).
        self.wait_idle()
        self.engine.proxy._driver._stopping = False   # pyttsx3 2.99: a stale stop flag cuts the next utterance
        self.errors.clear()
        self.outcomes.clear()
        self.finished.clear()
        self.engine.save_to_file(text, str(part))
        self.engine.runAndWait()
        if not self.finished.wait(FINISH_TIMEOUT):
            raise SynthesisError(f"espeak did not finish within {FINISH_TIMEOUT} s")
        self.wait_idle()   # a cut utterance may still deliver its last callback
        if self.errors:
            raise SynthesisError(f"espeak: {self.errors[0]!r}") from self.errors[0]
        return all(self.outcomes) and part.exists() and part.stat().st_size > WAV_HEADER


def _unavailable(exc: BaseException) -> EngineUnavailable:
    availability = _availability()
    if availability.ok:
        availability = Availability(False, N_("The eSpeak NG voice could not be started."), str(exc))
    return EngineUnavailable(NAME, availability)


def _shared_owner() -> OwnerThread[Any]:
    global _owner
    with _owner_lock:
        if _owner is None:
            _owner = OwnerThread("speech-espeak", _start_engine, _unavailable)
        return _owner


def pick_voice(voices: list[Voice], language: str) -> Voice | None:
    """The voice for `language` ("en", "vi", "pt-BR"…): the preferred one, else an exact match,
    else one of the same base language."""
    code = language.replace("_", "-").lower()
    base = ALIASES.get(base_language(code), base_language(code))
    preferred = next((v for v in voices if v.id == PREFERRED.get(base)), None)
    if preferred is not None and code in (base, *preferred.languages):
        return preferred
    for wanted in (code, base):
        for voice in voices:
            if wanted in (lang.lower() for lang in voice.languages):
                return voice
    return next((v for v in voices if any(base_language(lang) == base for lang in v.languages)), None)


class EspeakSpeaker:
    """eSpeak NG voices through pyttsx3, one shared engine on one owner thread."""

    name = NAME
    display_name = "eSpeak NG"

    def __init__(self, folder: Path) -> None:
        self.audio = AudioFolder(folder, NAME)
        self.folder = self.audio.path
        self.owner = _shared_owner()
        self._voices: list[Voice] | None = None
        self._availability: Availability | None = None

    def availability(self) -> Availability:
        """Whether pyttsx3 and libespeak-ng are installed (looked up once per speaker)."""
        if self._availability is None:
            self._availability = _availability()
        return self._availability

    def voices(self, timeout: float | None = DEFAULT_TIMEOUT) -> list[Voice]:
        """Every eSpeak NG voice (starts the engine on first use: call it off the UI thread)."""
        if self._voices is None:
            if not self.availability().ok:
                return []
            self._voices = wait(self.owner.submit(lambda engine: engine.voices), timeout)
        return self._voices

    def languages(self) -> frozenset[str]:
        spoken = {base_language(lang) for voice in self.voices() for lang in voice.languages}
        spoken |= {ours for ours, theirs in ALIASES.items() if theirs in spoken}
        return frozenset(spoken - set(DECLINED))

    def quality(self, language: str) -> Quality:
        return Quality.ROBOTIC if base_language(language) in self.languages() else Quality.NONE

    def decline_reason(self, language: str) -> tuple[str, str]:
        """Why this engine does not speak `language`: (translated reason, what to install)."""
        availability = self.availability()
        if base_language(language) in DECLINED:
            return (_(DECLINED[base_language(language)]), "") if availability.ok else ("", "")
        if not availability.ok:
            return availability.message(), availability.detail
        return "", ""

    def voice_for(self, language: str) -> Voice | None:
        if base_language(language) in DECLINED or not self.availability().ok:
            return None
        return pick_voice(self.voices(), language)

    def submit(self, utterance: Utterance) -> Future[Path]:
        availability = self.availability()
        if not availability.ok:
            future: Future[Path] = Future()
            future.set_exception(EngineUnavailable(NAME, availability))
            return future
        path = self.audio.new_file()
        return self.owner.submit(lambda engine: self._make(engine, utterance, path))

    def synthesize(self, utterance: Utterance, timeout: float | None = DEFAULT_TIMEOUT) -> Path:
        return wait(self.submit(utterance), timeout)

    def close(self) -> None:
        """Nothing to release: the engine is shared and lives as long as the process."""

    # --- on the owner thread ------------------------------------------------------------------

    def _make(self, engine: _Engine, utterance: Utterance, path: Path) -> Path:
        if base_language(utterance.language) in DECLINED:
            raise LanguageNotSupported(NAME, utterance.language)
        voice = pick_voice(engine.voices, utterance.language)
        if voice is None:
            raise LanguageNotSupported(NAME, utterance.language)
        # A failed write inside the driver's callback would leave runAndWait looping for ever:
        # make sure the folder is there and writable first.
        self.audio.check_writable()
        for attempt in range(ATTEMPTS):
            part = path.with_name(f".part{attempt}-{path.name}")
            if engine.save(utterance.text, voice.id, round(NORMAL_WPM * utterance.clamped_rate), part):
                os.chmod(part, 0o600)   # the driver's file follows the umask; speech may hold personal data
                os.replace(part, path)
                return path
            part.unlink(missing_ok=True)
            log.debug("espeak cut utterance short (attempt %d)", attempt + 1)
        raise SynthesisError("espeak wrote no audio")
