"""Run slow work (PDF, disk, keyring, speech) off the UI thread and call back on the main thread.

Workers get plain data and never touch widgets. `SyncTasks` runs work at once, for unit tests.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    finished = Signal(object, object)   # (result, exception)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.work, self.relay = work, relay

    def run(self) -> None:
        try:
            result, error = self.work(), None
        except Exception as exc:  # reported to the caller on the main thread
            result, error = None, exc
        self.relay.finished.emit(result, error)


class Tasks(QObject):
    """Background work on a thread pool; callbacks run on the thread that owns this object."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._relays: set[_Relay] = set()

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[Exception], None]) -> None:
        relay = _Relay(self)
        self._relays.add(relay)

        def finished(result: Any, error: Exception | None) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            if error is not None:
                log.warning("background task failed: %s", type(error).__name__)
                on_error(error)
            else:
                on_done(result)

        relay.finished.connect(finished)
        self.pool.start(_Job(work, relay))

    def wait(self) -> None:
        self.pool.waitForDone()


class SyncTasks:
    """Runs work immediately on the calling thread (tests only)."""

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[Exception], None]) -> None:
        try:
            result = work()
        except Exception as exc:
            on_error(exc)
        else:
            on_done(result)

    def wait(self) -> None:
        pass
