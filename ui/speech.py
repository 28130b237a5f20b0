"""Read aloud: the core says what to read (assistant.speech.script) and makes the audio files;
this object plays them one after another with QtMultimedia, so speech can be stopped at once.

Synthesis runs on the task helper's threads (the engines have their own owner threads); the
window keeps processing events while speaking. An engine failure is reported once and the
application goes on without speech.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
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
    from assistant.speech import core_speakers

    return core_speakers(folder)


class ReadAloud(QObject):
    started = Signal(object)     # the Utterance now playing
    finished = Signal()          # everything was read, or it was stopped
    failed = Signal(str)         # a message for the person

    def __init__(self, tasks, make_speakers: Callable[[Path], list[Any]] = default_speakers,
                 make_player: Callable[[QObject], Any] = QtPlayer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self._folder: Path | None = None
        self._make_speakers = make_speakers
        self._chosen: dict[str, Any] | None = None
        self._queue: list[Utterance] = []
        self._round = 0          # results of a stopped reading are ignored
        self._player = None
        self._make_player = make_player
        self._playing: Path | None = None
        self.speaking = False

    @property
    def folder(self) -> Path:
        """A private (0700) folder for the audio files, made with the first reading, removed on close."""
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="tetsuzuki-speech-"))
        return self._folder

    # --- reading ------------------------------------------------------------------------------

    def read(self, utterances: list[Utterance]) -> None:
        """Read these aloud, replacing whatever was being read."""
        self.stop()
        self._queue = list(utterances)
        self.speaking = bool(self._queue)
        if self._chosen is None:
            round_ = self._round
            self.tasks.run(self._choose, lambda chosen: self._on_chosen(chosen, round_), self._on_failed)
        else:
            self._next()

    def stop(self) -> None:
        """Stop at once: drop what was not read yet and silence what is playing."""
        self._round += 1
        self._queue.clear()
        if self._player is not None:
            self._player.stop()
        if self.speaking:
            self.speaking = False
            self.finished.emit()

    def close(self) -> None:
        self.stop()
        for speaker in getattr(self, "_speakers", []):
            speaker.close()
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
        # ready to start again from nothing (a new folder and engines with the next reading)
        self._folder, self._chosen, self._speakers = None, None, []

    # --- engines and playing ------------------------------------------------------------------

    def _choose(self) -> dict[str, Any]:
        from assistant.speech import choose_engines

        self._speakers = self._make_speakers(self.folder)
        return choose_engines(self._speakers)

    def _on_chosen(self, chosen: dict[str, Any], round_: int) -> None:
        self._chosen = chosen
        if round_ == self._round:
            self._next()

    def _next(self) -> None:
        while self._queue and self._queue[0].language not in self._chosen:
            self._queue.pop(0)   # no voice for it: said once in the settings, skipped here
        if not self._queue:
            if self.speaking:
                self.speaking = False
                self.finished.emit()
            return
        utterance = self._queue.pop(0)
        engine, round_ = self._chosen[utterance.language], self._round
        self.tasks.run(lambda: engine.synthesize(utterance), lambda path: self._play(utterance, path, round_),
                       self._on_failed)

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
        self.speaking = False
        self.failed.emit(message)
        self.finished.emit()

    def _on_failed(self, error: Exception) -> None:
        log.warning("speech failed: %s", type(error).__name__)
        self._queue.clear()
        self.speaking = False
        self.failed.emit(_("Reading aloud stopped working. You can go on without it; nothing you entered is lost."))
        self.finished.emit()
