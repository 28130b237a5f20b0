"""Background work: results come back on the main thread; serial work keeps its order."""

from __future__ import annotations

import threading

from ui.tasks import Tasks


def test_serial_work_finishes_in_the_order_it_was_asked(qtbot, qapp):
    tasks = Tasks()
    done: list[int] = []
    for number in range(20):
        tasks.run(lambda n=number: n, done.append, lambda error: None, serial=True)
    qtbot.waitUntil(lambda: len(done) == 20)
    tasks.wait()
    assert done == list(range(20))


def test_callbacks_run_on_the_main_thread_and_errors_are_reported(qtbot, qapp):
    tasks = Tasks()
    threads, errors = [], []

    def fail():
        raise OSError("disk full")

    tasks.run(threading.get_ident, lambda worker: threads.append((worker, threading.get_ident())), errors.append)
    tasks.run(fail, lambda result: None, errors.append)
    qtbot.waitUntil(lambda: bool(threads and errors))
    tasks.wait()
    worker, callback = threads[0]
    assert worker != callback == threading.main_thread().ident
    assert isinstance(errors[0], OSError)
