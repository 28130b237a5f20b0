"""Screen-reader level tests: the real application on a virtual X screen, read and driven through
AT-SPI from a second process (see tests/a11y/README.md)."""

from __future__ import annotations

import json

import os
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from subprocess import Popen

import pytest

from tests.a11y.desktop import (DEBS_FOR_QT_XCB, STARTUP_SECONDS, Desktop, DesktopError, focus_window_of,
                                missing_tools, start_app, start_desktop, wait_gone)
from tests.a11y.reader import Reader, ReaderError

MARKER = "a11y: the real application under Xvfb, read and driven through AT-SPI (needs Xvfb, D-Bus, at-spi2-core)"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", MARKER)


@pytest.fixture(scope="session")
def desktop(tmp_path_factory: pytest.TempPathFactory):
    """One Xvfb + D-Bus session for all a11y tests. A missing tool is a failure, never a skip."""
    missing = missing_tools()
    if missing:
        debs = sorted({deb for _what, deb in missing for deb in deb.split()})
        pytest.fail("Screen-reader tests need: " + "; ".join(what for what, _deb in missing)
                    + f".\nInstall the Debian packages: sudo apt-get install {' '.join(debs)}"
                    + " (./run-tests installs them when run as root)", pytrace=False)
    with ExitStack() as stack:
        try:
            session = start_desktop(stack, tmp_path_factory.mktemp("a11y-desktop"))
        except DesktopError as exc:
            pytest.fail(str(exc), pytrace=False)
        yield session


@dataclass
class App:
    """The running application and a screen reader's view of it."""

    proc: Popen
    reader: Reader
    home: Path
    log: Path
    desktop: Desktop

    @property
    def exports(self) -> Path:
        return self.home / "exports"


def _log_tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


@pytest.fixture
def app_language() -> str | None:
    """The interface language the person chose earlier (kept in settings.json); None: the default.
    A test parametrizes it to start the application in another language."""
    return None


@pytest.fixture
def app(desktop: Desktop, tmp_path: Path, app_language: str | None):
    """The application started as a person would (`python -m ui --home DIR`, what the `tetsuzuki`
    command runs), on the xcb platform, with the keyboard focus on its window and its procedure list loaded."""
    with ExitStack() as stack:
        home, log = tmp_path / "tetsuzuki", tmp_path / "app.log"
        if app_language:
            (home / "config").mkdir(parents=True)
            (home / "config" / "settings.json").write_text(json.dumps({"language": app_language}), encoding="utf-8")
        proc = start_app(stack, desktop, home, log)
        reader = Reader(stack, desktop, proc.pid, tmp_path / "reader.log")
        try:
            reader.call("wait_app", timeout=STARTUP_SECONDS)
            for pid in reader.call("services").values():
                desktop.adopt(pid)
            reader.wait_for(role="frame", states=("showing",), timeout=STARTUP_SECONDS)
            _activate(reader, desktop, proc)
            reader.wait_for("start", states=("enabled",), timeout=STARTUP_SECONDS)   # the list is loaded
        except ReaderError as exc:
            pytest.fail(f"The application did not come up on the accessibility bus: {exc}\n"
                        f"If its log says the xcb platform plugin could not be loaded, install: "
                        f"{DEBS_FOR_QT_XCB}\n--- app log ---\n{_log_tail(log)}", pytrace=False)
        running = App(proc, reader, home, log, desktop)
        yield running
        if proc.poll() is not None:
            pytest.fail(f"The application exited with {proc.returncode}\n{_log_tail(log)}", pytrace=False)


def _activate(reader: Reader, desktop: Desktop, proc: Popen) -> None:
    """There is no window manager: give the window the keyboard focus, then wait until AT-SPI
    shows the frame as active (only then do widgets report the state "focused")."""
    deadline = time.monotonic() + STARTUP_SECONDS
    last = "no viewable window"
    while time.monotonic() < deadline:
        if focus_window_of(desktop.display, proc.pid):
            try:
                reader.wait_for(role="frame", states=("active",), timeout=1)
                return
            except ReaderError as exc:
                last = str(exc)
        if wait_gone(proc.pid, 0.05):          # a short wait that ends at once if the app dies
            raise ReaderError("the application exited")
    raise ReaderError(f"the window never became active ({last})")


def pytest_report_header(config: pytest.Config) -> list[str]:
    if os.environ.get("UPDATE_GOLDEN"):
        return ["a11y: UPDATE_GOLDEN is set — golden AT-SPI trees are rewritten, not compared"]
    return []
