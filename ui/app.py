"""Start the application: Qt, the person's display settings, the main window, the procedures."""

from __future__ import annotations

import logging
import sys
from dataclasses import replace

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from assistant import i18n, instance
from assistant import settings as saved
from assistant.i18n import _
from assistant.paths import AppPaths
from ui import appearance
from ui.collector import MainThreadCollector
from ui.main_window import MainWindow
from ui.tasks import Tasks

log = logging.getLogger(__name__)


def setup_application(app: QApplication, settings: saved.Settings | None = None) -> None:
    app.setStyle("Fusion")   # follows palettes predictably on every platform
    appearance.apply(app, settings or saved.Settings())


def load_catalog(paths: AppPaths, shared_pc: bool = False):
    # The files' heads, cached in the data folder (not on a shared computer: nothing is written there
    # before the resident chooses a PIN); still run in a worker, as a cold list reads every file.
    from assistant.procedures.catalog import Catalog

    return Catalog.for_app(paths, cache=not shared_pc)


def build_window(paths: AppPaths, tasks=None, *, load_now: bool = True,
                 settings: saved.Settings | None = None, key_chooser=None, make_speakers=None,
                 make_player=None, shared_pc: bool = False) -> MainWindow:
    """The main window; with `load_now=False` it is shown at once and fills its list when loaded."""
    tasks = tasks or Tasks()
    window = MainWindow(None, paths, tasks, settings or saved.Settings(), key_chooser, make_speakers, make_player,
                        shared_pc=shared_pc)
    if load_now:
        window.set_catalog(load_catalog(paths, shared_pc))
    else:
        # Start loading once the window is on screen: a worker importing pydantic would hold the
        # interpreter while the window is being shown.
        QTimer.singleShot(0, lambda: tasks.run(lambda: load_catalog(paths, shared_pc), window.set_catalog,
                                               window.show_load_failure))
    return window


def run(paths: AppPaths, language: str | None = None, shared_pc: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Tetsuzuki Assistant")
    app.setDesktopFileName("tetsuzuki")
    settings = saved.load(paths.config)
    if language:
        settings = replace(settings, language=language)
    if settings.language in i18n.LANGUAGES:
        i18n.set_language(settings.language)
    setup_application(app, settings)
    lock = _take_data_folder(paths)
    if isinstance(lock, instance.Busy):
        return _hand_over(paths, lock)
    collector = MainThreadCollector(app)     # cycles holding widgets are freed here, never in a worker
    window = build_window(paths, load_now=False, settings=settings, shared_pc=shared_pc)
    from ui.single_instance import Listener

    Listener(instance.server_name(paths.data), window)
    window.show()
    try:
        return app.exec()
    finally:
        collector.stop()
        if lock is not None:
            lock.release()


def _take_data_folder(paths: AppPaths) -> instance.InstanceLock | instance.Busy | None:
    """One window per data folder (two would autosave the same drafts); None if it cannot be told."""
    try:
        return instance.acquire(paths.data)
    except OSError as error:      # e.g. a read-only data folder: start anyway, drafts will say why
        log.warning("data folder lock not taken: %s", type(error).__name__)
        return None


def _hand_over(paths: AppPaths, busy: instance.Busy) -> int:
    """Bring the running window to the front and say so; 0 when it came, 1 when it did not answer."""
    from ui.single_instance import hand_over

    if hand_over(instance.server_name(paths.data)):
        print(_("Tetsuzuki Assistant is already open; its window has been brought to the front."), file=sys.stderr)
        return 0
    message = _("Tetsuzuki Assistant is already open (process {pid}) but its window did not come to the front. "
                "Look for it on the taskbar, or close it and start the application again.").format(pid=busy.holder.pid)
    print(message, file=sys.stderr)
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(None, _("Tetsuzuki Assistant"), message)
    return 1
