"""Cycles that hold widgets are freed on the main thread, never by a worker's allocations (a widget
deleted from a worker thread crashed the window under a screen reader)."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest
from PySide6.QtWidgets import QLabel

from ui.collector import MainThreadCollector


class _Holder:
    pass


@pytest.fixture
def collector(qapp):
    made = MainThreadCollector()
    yield made
    made.stop()
    made.deleteLater()


def _cycle_with_a_widget() -> weakref.ref:
    holder = _Holder()
    holder.me = holder                  # a reference cycle
    holder.label = QLabel("山田")       # owned by Python alone
    return weakref.ref(holder)


def test_a_workers_allocations_do_not_collect_a_cycle_holding_a_widget(collector):
    assert not gc.isenabled()
    alive = _cycle_with_a_widget()
    done = threading.Event()

    def allocate():
        junk = [[] for _ in range(50_000)]     # far past the first generation's threshold
        for item in junk:
            item.append(item)                  # cycles of its own
        done.set()

    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    assert done.is_set() and alive() is not None       # nothing was collected on the worker
    collector.collect_due()                            # the timer's work, on the main thread
    assert alive() is None


def test_stop_gives_collection_back_to_python(collector):
    collector.stop()
    assert gc.isenabled()
