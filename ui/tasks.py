"""Run slow work (PDF, disk, keyring, speech) off the UI thread and call back on the main thread.

Workers get plain data and never touch widgets. `SyncTasks` runs work at once, for unit tests.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    finished = Signal(int, object, object)   # (job number, result, exception)


class _Job(QRunnable):
    def __init__(self, number: int, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.number, self.work, self.relay = number, work, relay

    def run(self) -> None:
        try:
            result, error = self.work(), None
        except Exception as exc:  # reported to the caller on the main thread
            result, error = None, exc
        self.relay.finished.emit(self.number, result, error)


class Tasks(QObject):
    """Background work on a thread pool; callbacks run on the thread that owns this object."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self.serial_pool = QThreadPool(self)     # one thread: writes land in the order asked
        self.serial_pool.setMaxThreadCount(1)
        self._relay = _Relay(self)               # lives in this object's thread: results arrive here
        self._relay.finished.connect(self._on_relay_finished)
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[Exception], None]]] = {}
        self._numbers = itertools.count()

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[Exception], None], *, serial: bool = False) -> None:
        """Run `work` in the background; `serial` work (e.g. saving files) runs one at a time, in order."""
        number = next(self._numbers)
        self._callbacks[number] = (on_done, on_error)
        (self.serial_pool if serial else self.pool).start(_Job(number, work, self._relay))

    def _on_relay_finished(self, number: int, result: Any, error: Exception | None) -> None:
        on_done, on_error = self._callbacks.pop(number)
        if error is not None:
            log.warning("background task failed: %s", type(error).__name__)
            on_error(error)
        else:
            on_done(result)

    def wait(self) -> None:
        """Block until all work has run (tests, and before quitting)."""
        self.serial_pool.waitForDone()
        self.pool.waitForDone()


class SyncTasks:
    """Runs work immediately on the calling thread (tests only)."""

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[Exception], None], *, serial: bool = False) -> None:
        try:
            result = work()
        except Exception as exc:
            on_error(exc)
        else:
            on_done(result)

    def wait(self) -> None:
        pass
