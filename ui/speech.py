"""Read aloud: the core says what to read (assistant.speech.script) and makes the audio files;
this object plays them one after another with QtMultimedia, so speech can be stopped at once.
The system voices (`ui.speech_qt.QtVoices`) speak by themselves instead, on the UI thread.

Synthesis runs on the task helper's threads (the engines have their own owner threads); the
window keeps processing events while speaking. An engine failure is reported once and the
application goes on without speech.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QUrl, Signal

from assistant.i18n import _

if TYPE_CHECKING:
    from assistant.speech import Utterance

log = logging.getLogger(__name__)


class QtPlayer(QObject):
    """Plays one WAV file at a time through the system's sound output (QtMultimedia)."""

    ended = Signal()
    broke = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer   # with the first reading

        self._no_device = QMediaDevices.defaultAudioOutput().isNull()
        self._player = QMediaPlayer(self)
        self._player.setAudioOutput(QAudioOutput(self))
        self._player.mediaStatusChanged.connect(self._on_player_media_status_changed)
        self._player.errorOccurred.connect(self._on_player_error_occurred)

    def play(self, path: Path) -> None:
        if self._no_device:
            self.broke.emit(_("This computer has no sound output, so nothing can be read aloud."))
            return
        self._player.setSource(QUrl.fromLocalFile(str(path)))
        self._player.play()

    def stop(self) -> None:
        self._player.stop()

    def _on_player_media_status_changed(self, status) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if status in (QMediaPlayer.MediaStatus.EndOfMedia, QMediaPlayer.MediaStatus.InvalidMedia):
            self.ended.emit()

    def _on_player_error_occurred(self, error, _text: str = "") -> None:
        log.warning("audio playback failed: %s", getattr(error, "name", error))
        self.ended.emit()


def default_speakers(folder: Path) -> list[Any]:
    """The system voices first where they can work (Windows, macOS, Linux with speech-dispatcher),
    then the core's file-writing engines. Runs off the UI thread; nothing is started here."""
    from assistant.speech import core_speakers
    from ui.speech_qt import QtVoices, qt_voices_possible

    system = [QtVoices()] if qt_voices_possible() else []
    return [*system, *core_speakers(folder)]


class ReadAloud(QObject):
    """Reads utterances one after another. File-writing engines synthesize on worker threads and
    the player plays each WAV; an engine that speaks by itself (it has `say`, `stop` and the
    signals `finished` / `broke`, e.g. `ui.speech_qt.QtVoices`) is driven on the UI thread."""

    started = Signal(object)     # the Utterance now playing
    finished = Signal()          # everything was read, or it was stopped
    failed = Signal(str)         # a message for the person
    missing_voice = Signal(str)  # a message: parts in a language no voice can read were skipped

    def __init__(self, tasks, make_speakers: Callable[[Path], list[Any]] = default_speakers,
                 make_player: Callable[[QObject], Any] = QtPlayer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self._folder: Path | None = None
        self._make_speakers = make_speakers
        self._speakers: list[Any] | None = None
        self._building = threading.Lock()     # speakers are built by whichever worker needs them first
        self._chosen: dict[str, Any] | None = None
        self._chosen_for: dict[str, str] = {}
        self._rate: float | None = None       # None: each utterance keeps its own rate
        self._preferred: dict[str, str] = {}
        self._queue: list[Utterance] = []
        self._round = 0          # results of a stopped reading are ignored
        self._player = None
        self._make_player = make_player
        self._playing: Path | None = None
        self._voicing: Any = None             # the self-speaking engine now speaking
        self._connected: set[int] = set()     # self-speaking engines whose signals are connected
        self._told_missing: set[str] = set()  # languages already said to have no voice
        self.speaking = False

    @property
    def folder(self) -> Path:
        """A private (0700) folder for the audio files, made with the first reading, removed on close."""
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="tetsuzuki-speech-"))
        return self._folder

    # --- preferences --------------------------------------------------------------------------

    def configure(self, rate: float = 1.0, preferred: Mapping[str, str] | None = None) -> None:
        """Speed for everything read from now on (1.0 normal) and the engine wanted per language
        (`{"ja": "openjtalk"}`); engines are chosen again at the next reading if that changed."""
        self._rate = rate
        self._preferred = dict(preferred or {})

    def describe(self, on_done: Callable[[list[Any], dict[str, list[tuple[str, str]]]], None]) -> None:
        """Find out, off the UI thread, who reads each language; then, on the UI thread,
        `on_done(lines, options)`: `describe_voices` lines and, per language, the engines that
        can speak it as (name, display name), best first."""
        preferred = dict(self._preferred)
        self.tasks.run(lambda: self._describe(preferred), lambda result: on_done(*result),
                       lambda error: self._on_describe_failed(error, on_done))

    # --- reading ------------------------------------------------------------------------------

    def read(self, utterances: list[Utterance]) -> None:
        """Read these aloud, replacing whatever was being read."""
        self.stop()
        if self._rate is not None:
            utterances = [replace(u, rate=self._rate) for u in utterances]
        self._queue = list(utterances)
        self.speaking = bool(self._queue)
        if self._chosen is None or self._chosen_for != self._preferred:
            round_, preferred = self._round, dict(self._preferred)
            self.tasks.run(lambda: self._choose(preferred), lambda chosen: self._on_chosen(chosen, preferred, round_),
                           self._on_failed)
        else:
            self._next()

    def stop(self) -> None:
        """Stop at once: drop what was not read yet and silence what is playing."""
        self._round += 1
        self._queue.clear()
        if self._player is not None:
            self._player.stop()
        if self._voicing is not None:
            voicing, self._voicing = self._voicing, None
            voicing.stop()
        if self.speaking:
            self.speaking = False
            self.finished.emit()

    def close(self) -> None:
        self.stop()
        with self._building:
            speakers, self._speakers = self._speakers or [], None
        for speaker in speakers:
            speaker.close()
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
        # ready to start again from nothing (a new folder and engines with the next reading)
        self._folder, self._chosen = None, None
        self._connected.clear()

    # --- engines (worker threads) -------------------------------------------------------------

    def _built_speakers(self) -> list[Any]:
        with self._building:
            if self._speakers is None:
                self._speakers = list(self._make_speakers(self.folder))
            return self._speakers

    def _choose(self, preferred: dict[str, str]) -> dict[str, Any]:
        from assistant.speech import choose_engines

        return choose_engines(self._built_speakers(), preferred=preferred)

    def _describe(self, preferred: dict[str, str]) -> tuple[list[Any], dict[str, list[tuple[str, str]]]]:
        from assistant.speech import DEFAULT_LANGUAGES, Quality, choose_engines, describe_voices
        from assistant.speech.choice import quality_of

        speakers = self._built_speakers()
        lines = describe_voices(speakers, choose_engines(speakers, preferred=preferred))
        options = {}
        for language in DEFAULT_LANGUAGES:
            ranked = sorted(((quality_of(s, language), -index, s) for index, s in enumerate(speakers)),
                            key=lambda r: r[:2], reverse=True)
            options[language] = [(s.name, s.display_name) for q, _i, s in ranked if q > Quality.NONE]
        return lines, options

    def _on_describe_failed(self, error: Exception, on_done: Callable[..., None]) -> None:
        log.warning("describing voices failed: %s", type(error).__name__)
        on_done([], {})

    # --- playing (UI thread) ------------------------------------------------------------------

    def _on_chosen(self, chosen: dict[str, Any], preferred: dict[str, str], round_: int) -> None:
        self._chosen, self._chosen_for = chosen, preferred
        if round_ == self._round:
            self._next()

    def _next(self) -> None:
        while self._queue and self._queue[0].language not in self._chosen:
            skipped = self._queue.pop(0)   # no voice for it: skipped, and said once on screen
            self._tell_missing_voice(skipped.language)
        if not self._queue:
            if self.speaking:
                self.speaking = False
                self.finished.emit()
            return
        utterance = self._queue.pop(0)
        engine, round_ = self._chosen[utterance.language], self._round
        if callable(getattr(engine, "say", None)):
            self._say(engine, utterance)
            return
        self.tasks.run(lambda: engine.synthesize(utterance), lambda path: self._play(utterance, path, round_),
                       self._on_failed)

    def _tell_missing_voice(self, language: str) -> None:
        if language in self._told_missing:
            return
        from assistant.speech import language_name

        self._told_missing.add(language)
        self.missing_voice.emit(_("No voice on this computer can read {language} aloud, so those parts are "
                                  "skipped. Voice settings say what to install.").format(
                                      language=language_name(language)))

    def _say(self, engine: Any, utterance: Utterance) -> None:
        """An engine that speaks by itself (QtTextToSpeech): no file, no player."""
        from assistant.speech import SpeechError

        if id(engine) not in self._connected:
            engine.finished.connect(self._on_voice_finished)
            engine.broke.connect(self._on_player_broke)
            self._connected.add(id(engine))
        self._voicing = engine
        self.started.emit(utterance)
        try:
            engine.say(utterance)
        except SpeechError as error:
            self._voicing = None
            self._on_failed(error)

    def _on_voice_finished(self) -> None:
        self._voicing = None
        if self.speaking:
            self._next()

    def _play(self, utterance: Utterance, path: Path, round_: int) -> None:
        if round_ != self._round:
            Path(path).unlink(missing_ok=True)
            return
        if self._player is None:
            self._player = self._make_player(self)
            self._player.ended.connect(self._on_player_ended)
            self._player.broke.connect(self._on_player_broke)
        self.started.emit(utterance)
        self._playing = Path(path)
        self._player.play(self._playing)

    def _on_player_ended(self) -> None:
        if self._playing is not None:
            self._playing.unlink(missing_ok=True)
            self._playing = None
        if self.speaking:
            self._next()

    def _on_player_broke(self, message: str) -> None:
        self._queue.clear()
        self._voicing = None
        self.speaking = False
        self.failed.emit(message)
        self.finished.emit()

    def _on_failed(self, error: Exception) -> None:
        log.warning("speech failed: %s", type(error).__name__)
        self._queue.clear()
        self.speaking = False
        self.failed.emit(_("Reading aloud stopped working. You can go on without it; nothing you entered is lost."))
        self.finished.emit()
