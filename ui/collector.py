"""Python's cyclic garbage collector runs on the main thread only.

Python collects reference cycles on whichever thread happens to allocate when a threshold is
reached — often a worker of ui.tasks (the PDF export allocates a lot). A cycle that holds the last
reference to a Qt widget (a lambda connected to a signal, a page replaced by another) then deletes
that widget from the worker thread while Qt's accessibility bridge serves a screen reader's
queries on the main thread: the application died with SIGSEGV in QAccessibleCache::idForObject
under Orca at export (tests/a11y/test_orca_procedure.py met it about once in two walks).

So automatic collection is turned off and the same generational thresholds are checked from a
timer on the main thread (the approach pyqtgraph and others take for the same reason). Objects
freed by reference counting are unaffected: workers get plain data and never own widgets.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class MainThreadCollector(QObject):
    """While it lives, cycles are collected here, on the thread that owns it (the main thread)."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start()

    def collect_due(self) -> int:
        """Collect the generations whose count passed its threshold, as Python itself would."""
        counts = gc.get_count()
        generation = -1
        for level, (count, threshold) in enumerate(zip(counts, self.thresholds)):
            if threshold and count > threshold:
                generation = level
        return gc.collect(generation) if generation >= 0 else 0

    def stop(self) -> None:
        """Back to Python's own collection (tests, and when the window is closed)."""
        self.timer.stop()
        gc.enable()
