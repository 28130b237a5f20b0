"""The platform's own voices through QtTextToSpeech: a `VoiceProvider` that speaks by itself.

QtTextToSpeech cannot write WAV files on every platform (speechd has no Synthesize), so this
engine does not make files: `ReadAloud` calls `say(utterance)` on the UI thread and waits for
`finished` (or `broke`); `stop()` silences it at once.

Choosing voices (`availability`, `languages`, `quality`, `voices`) runs off the UI thread, like
for every engine: it looks at a short-lived QTextToSpeech made on the calling thread and keeps a
snapshot. The engine that speaks is made on the UI thread at the first `say` (it is asynchronous
and signal-driven, so it never blocks the window).

Quality follows `assistant.speech.choice`: Japanese counts only on Windows and macOS (real
Japanese voices); speech-dispatcher's Japanese is eSpeak NG reading kanji as "Chinese letter", so
it is `Quality.NONE` and Open JTalk is chosen instead.
"""

from __future__ import annotations

import ctypes.util
import logging
import math
import os
import sys
import threading
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QThread, QTimer, Signal

from assistant.i18n import LANGUAGES as OFFERED
from assistant.i18n import N_, _, babel_locale
from assistant.speech.speaker import (AVAILABLE, Availability, Quality, SynthesisError, Utterance, Voice,
                                      base_language)

log = logging.getLogger(__name__)

NAME = "qt"
#: Qt engines whose voices are recorded or neural ones (Windows, macOS, iOS, Android)
NATURAL_ENGINES = frozenset({"winrt", "sapi", "darwin", "macos", "ios", "avspeech", "android"})
#: the languages the settings screen and the interface need (locales/languages.yaml); asked once each
LANGUAGES = tuple(OFFERED)
NOT_AVAILABLE = Availability(False, N_("The system voices are not available on this computer."),
                             "Debian/Ubuntu: apt install speech-dispatcher speech-dispatcher-espeak-ng libspeechd2")
#: longest a sentence may take before we stop waiting for the engine (speechd without a sound
#: sink stays "Speaking" for ever): a fixed margin plus generous time per character
WATCHDOG_MARGIN_MS = 10_000
WATCHDOG_PER_CHARACTER_MS = 400


def speechd_possible() -> bool:
    """Linux: whether QtTextToSpeech's speechd engine can start without hanging or failing:
    libspeechd for the plugin, and a speech-dispatcher that already runs, on its local socket.

    We never start one ourselves (libspeechd would autospawn it): a started dispatcher loads every
    output module, and some (MaryTTS, OpenTTS) try TCP connections to localhost servers — network
    use the application promises not to make. Nor do we talk to one on a TCP address."""
    if ctypes.util.find_library("speechd") is None:
        return False
    address = os.environ.get("SPEECHD_ADDRESS", "")
    if address:
        kind, _sep, path = address.partition(":")
        return kind == "unix_socket" and os.path.exists(path)
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    socket = os.path.join(runtime, "speech-dispatcher", "speechd.sock") if runtime else ""
    return bool(socket and os.path.exists(socket))


def _ranked_voices(names: list[str], locale: str) -> tuple[str, ...]:
    """The voices worth offering, best first: speech-dispatcher lists each eSpeak NG voice with a
    hundred "+Variant" copies (left out), and may file a neighbour first under a locale ("English
    (Caribbean)" under en_US): a voice naming the locale's country comes first."""
    country = QLocale(locale).territory()
    hints = {QLocale.territoryToString(country)}
    if country == QLocale.Country.UnitedStates:
        hints.add("America")                 # eSpeak NG's "English (America)"
    plain = [name for name in names if "+" not in name] or names
    return tuple(sorted(plain, key=lambda name: (not any(hint in name for hint in hints), len(name))))


def qt_voices_possible(platform: str | None = None) -> bool:
    """Whether the system voices are worth offering here (checked without starting anything)."""
    platform = platform or sys.platform
    if platform in ("win32", "darwin"):
        return True
    return speechd_possible()


@dataclass(frozen=True)
class _Snapshot:
    """What the engine offered when asked: its name, and per language its locale and voices."""

    engine: str
    locales: dict[str, str] = field(default_factory=dict)          # "ja" → "ja_JP"
    voices: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _probe(engine_name: str) -> _Snapshot | None:
    """Ask a short-lived engine on this thread what it offers; None if it cannot start."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    tts = QTextToSpeech(engine_name) if engine_name else QTextToSpeech()
    try:
        if tts.state() == QTextToSpeech.State.Error or not tts.engine():
            log.info("system voices unavailable: %s", tts.errorString())
            return None
        offered = {QLocale(locale).name() for locale in tts.availableLocales()}
        snapshot = _Snapshot(tts.engine())
        for language in LANGUAGES:
            wanted = QLocale(babel_locale(language)).name()         # "ja" → "ja_JP", "en" → "en_US"
            locale = wanted if wanted in offered else next(
                (name for name in sorted(offered) if base_language(name) == base_language(language)), None)
            if locale is None:
                continue
            tts.setLocale(QLocale(locale))
            if tts.locale().name() != locale:       # the engine kept its previous locale
                continue
            names = _ranked_voices([v.name() for v in tts.availableVoices() if v.name()], locale)
            if names:
                snapshot.locales[language] = locale
                snapshot.voices[language] = names
        return snapshot
    finally:
        del tts      # no parent: destroyed here, on the thread that made it (no event loop needed)


def qt_rate(rate: float) -> float:
    """Our relative speed (0.5–2.0, 1.0 normal) → QtTextToSpeech's −1.0…1.0 (0 normal)."""
    return max(-1.0, min(1.0, math.log2(max(rate, 1e-3))))


class QtVoices(QObject):
    """The platform's voices (Windows, macOS; speech-dispatcher on Linux), chosen by Qt.

    `engine` names a QtTextToSpeech plug-in ("mock" in tests); empty lets Qt choose, and then
    the mock engine never counts as a voice. May be made on any thread: it moves itself to the
    UI thread, where it speaks.
    """

    finished = Signal()      # the utterance was spoken to the end
    broke = Signal(str)      # a message for the person; speaking stopped

    name = NAME

    def __init__(self, engine: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine_name = engine
        self._lock = threading.Lock()
        self._snapshot: _Snapshot | None = None
        self._probed = False
        self._tts = None
        self._speaking: Utterance | None = None
        self._seen_speaking = False
        app = QCoreApplication.instance()
        if parent is None and app is not None and self.thread() is not app.thread():
            self.moveToThread(app.thread())    # built by a worker (default_speakers): speak on the UI thread
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._on_watchdog_timeout)

    @property
    def display_name(self) -> str:
        return _("System voices")

    # --- VoiceProvider (any thread) ------------------------------------------------------------

    def snapshot(self) -> _Snapshot | None:
        with self._lock:
            if not self._probed:
                self._snapshot = _probe(self.engine_name)
                if self._snapshot is not None and self._snapshot.engine == "mock" and self.engine_name != "mock":
                    self._snapshot = None        # Qt fell back to its test engine: no real voice
                self._probed = True
            return self._snapshot

    def availability(self) -> Availability:
        snapshot = self.snapshot()
        return AVAILABLE if snapshot is not None and snapshot.voices else NOT_AVAILABLE

    def languages(self) -> frozenset[str]:
        snapshot = self.snapshot()
        return frozenset(snapshot.voices) if snapshot is not None else frozenset()

    def quality(self, language: str) -> Quality:
        snapshot = self.snapshot()
        language = base_language(language)
        if snapshot is None or language not in snapshot.voices:
            return Quality.NONE
        natural = snapshot.engine in NATURAL_ENGINES
        if language == "ja":
            return Quality.NATURAL if natural else Quality.NONE   # speechd's ja is eSpeak NG
        return Quality.NATURAL if natural else Quality.ROBOTIC

    def voices(self) -> list[Voice]:
        snapshot = self.snapshot()
        if snapshot is None:
            return []
        return [Voice(f"{snapshot.engine}:{name}", name, (language,), NAME)
                for language, names in snapshot.voices.items() for name in names]

    def voice_for(self, language: str) -> Voice | None:
        return next((v for v in self.voices() if v.languages[0] == base_language(language)), None)

    def decline_reason(self, language: str) -> tuple[str, str]:
        if not self.availability().ok:
            return NOT_AVAILABLE.message(), NOT_AVAILABLE.detail
        return "", ""

    def close(self) -> None:
        self.stop()

    # --- speaking (UI thread) ------------------------------------------------------------------

    def say(self, utterance: Utterance) -> None:
        """Start speaking `utterance` (returns at once); `finished` or `broke` follows."""
        from PySide6.QtTextToSpeech import QTextToSpeech

        tts = self._engine()
        snapshot = self.snapshot()
        language = base_language(utterance.language)
        if snapshot is None or language not in snapshot.locales:
            raise SynthesisError(f"{NAME} cannot speak {utterance.language!r}")
        self.stop()
        tts.setLocale(QLocale(snapshot.locales[language]))
        voice = next((v for v in tts.availableVoices() if v.name() == snapshot.voices[language][0]), None)
        if voice is not None:
            tts.setVoice(voice)
        tts.setRate(qt_rate(utterance.clamped_rate))
        self._speaking, self._seen_speaking = utterance, False
        self._watchdog.start(WATCHDOG_MARGIN_MS
                             + round(WATCHDOG_PER_CHARACTER_MS * len(utterance.text) / utterance.clamped_rate))
        tts.say(utterance.text)
        if tts.state() == QTextToSpeech.State.Error:
            self._fail(tts.errorString())

    def stop(self) -> None:
        """Silence at once; no `finished` follows for what was being said."""
        self._speaking = None
        self._watchdog.stop()
        if self._tts is not None:
            self._tts.stop()

    @property
    def speaking(self) -> bool:
        return self._speaking is not None

    def _engine(self):
        from PySide6.QtTextToSpeech import QTextToSpeech

        if QThread.currentThread() is not self.thread():
            raise SynthesisError("system voices speak on the UI thread only")
        if self._tts is None:
            self._tts = QTextToSpeech(self.engine_name, self) if self.engine_name else QTextToSpeech(self)
            self._tts.stateChanged.connect(self._on_tts_state_changed)
            self._tts.errorOccurred.connect(self._on_tts_error_occurred)
        return self._tts

    def _on_tts_state_changed(self, state) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if self._speaking is None:
            return                                # what was stopped, or a late report of it
        if state in (QTextToSpeech.State.Speaking, QTextToSpeech.State.Synthesizing):
            self._seen_speaking = True
        elif state == QTextToSpeech.State.Ready and self._seen_speaking:
            self._speaking = None
            self._watchdog.stop()
            self.finished.emit()

    def _on_tts_error_occurred(self, _reason, message: str = "") -> None:
        if self._speaking is not None:
            self._fail(message)

    def _on_watchdog_timeout(self) -> None:
        if self._speaking is not None:
            self._fail("no end of speech reported in time")

    def _fail(self, detail: str) -> None:
        log.warning("system voice failed: %s", detail)
        self.stop()
        self.broke.emit(_("Reading aloud stopped working. You can go on without it; nothing you entered is lost."))
