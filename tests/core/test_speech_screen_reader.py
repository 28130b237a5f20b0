"""Screen-reader detection: a running reader turns self-voicing off by default; detection never fails.

The Linux check talks to a real (private) D-Bus session bus on which a stand-in for the AT-SPI
bus service answers `org.a11y.Status.ScreenReaderEnabled`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest

from assistant.speech import screen_reader as sr
from assistant.speech.screen_reader import Detection, ScreenReaderState, detect, self_voicing_default

RUNNING = Detection(ScreenReaderState.RUNNING, "Orca", "test")
NOT_RUNNING = Detection(ScreenReaderState.NOT_RUNNING, how="test")
UNKNOWN = Detection(ScreenReaderState.UNKNOWN, how="test")


def test_self_voicing_is_off_while_a_screen_reader_runs_and_otherwise_follows_the_persons_choice():
    assert self_voicing_default(RUNNING, saved=True) is False
    assert self_voicing_default(NOT_RUNNING, saved=True) is True
    assert self_voicing_default(NOT_RUNNING) is False
    assert self_voicing_default(UNKNOWN, saved=True) is True


def test_detection_never_raises(monkeypatch):
    def broken():
        raise RuntimeError("no /proc, no bus")

    monkeypatch.setattr(sr, "_detect_linux", broken)
    assert detect("linux") == Detection(ScreenReaderState.UNKNOWN, how="no detection for this system")
    assert detect("sunos5").state is ScreenReaderState.UNKNOWN


# --- Linux: processes --------------------------------------------------------------------------

def fake_proc(root: Path, processes: dict[int, tuple[str, list[str]]]) -> Path:
    for pid, (comm, argv) in processes.items():
        folder = root / str(pid)
        folder.mkdir(parents=True)
        (folder / "comm").write_text(comm + "\n")
        (folder / "cmdline").write_bytes(b"\0".join(a.encode() for a in argv) + b"\0")
    (root / "self").mkdir(exist_ok=True)
    return root


def test_orca_is_found_by_its_name_or_as_a_python_script(tmp_path):
    by_name = fake_proc(tmp_path / "a", {1: ("orca", ["/usr/bin/orca"])})
    as_script = fake_proc(tmp_path / "b", {7: ("python3", ["/usr/bin/python3", "/usr/bin/orca", "--replace"])})
    assert sr.running_process(sr.LINUX_READERS, by_name) == "Orca"
    assert sr.running_process(sr.LINUX_READERS, as_script) == "Orca"


def test_a_process_that_only_mentions_orca_is_not_a_screen_reader(tmp_path):
    proc = fake_proc(tmp_path, {3: ("grep", ["grep", "orca"]), 4: ("bash", ["bash"])})
    assert sr.running_process(sr.LINUX_READERS, proc) == ""
    assert sr.running_process(sr.LINUX_READERS, tmp_path / "missing") is None


def test_without_a_session_bus_linux_falls_back_to_the_process_list(monkeypatch):
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    assert sr.atspi_screen_reader_enabled() is None
    monkeypatch.setattr(sr, "running_process", lambda names: "")
    assert detect("linux").state is ScreenReaderState.NOT_RUNNING
    monkeypatch.setattr(sr, "running_process", lambda names: None)
    assert detect("linux").state is ScreenReaderState.UNKNOWN
    monkeypatch.setattr(sr, "running_process", lambda names: "Orca")
    assert detect("linux") == Detection(ScreenReaderState.RUNNING, "Orca", "process")


# --- Linux: AT-SPI over a real D-Bus --------------------------------------------------------------

@pytest.fixture
def session_bus(tmp_path):
    """A private D-Bus session bus; its address."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        message = "dbus-daemon is not installed: apt install dbus-daemon"
        if os.environ.get("CI") == "true" or getattr(os, "geteuid", lambda: 1)() == 0:
            pytest.fail(message)
        pytest.skip(message)
    # Not --session: the system's service files would start the real AT-SPI launcher for org.a11y.Bus.
    config = tmp_path / "bus.conf"
    config.write_text(f"""<busconfig><type>session</type><listen>unix:dir={tmp_path}</listen>
        <auth>EXTERNAL</auth><policy context="default"><allow send_destination="*" eavesdrop="true"/>
        <allow eavesdrop="true"/><allow own="*"/></policy></busconfig>""")
    with subprocess.Popen([daemon, f"--config-file={config}", "--nofork", "--nopidfile", "--print-address=1"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as process:
        try:
            yield process.stdout.readline().strip()
        finally:
            process.terminate()
            process.wait(10)


def serve_atspi_status(address: str, enabled: bool | None):
    """Own org.a11y.Bus on `address` and answer Get(ScreenReaderEnabled) with `enabled`
    (None: never answer)."""
    from jeepney import MessageType, new_error, new_method_return
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import open_dbus_connection

    connection = open_dbus_connection(bus=address, auth_timeout=5)
    connection.send_and_get_reply(message_bus.RequestName("org.a11y.Bus"), timeout=5)

    def serve():
        try:
            while True:
                message = connection.receive()
                if message.header.message_type is not MessageType.method_call or enabled is None:
                    continue
                if message.body[-1:] == ("ScreenReaderEnabled",):
                    connection.send(new_method_return(message, "v", (("b", enabled),)))
                else:
                    connection.send(new_error(message, "org.freedesktop.DBus.Error.UnknownProperty"))
        except Exception:   # the test closed the connection
            return

    threading.Thread(target=serve, daemon=True).start()
    return connection


@pytest.mark.parametrize("enabled", [True, False])
def test_the_atspi_screen_reader_flag_is_read_from_the_session_bus(session_bus, monkeypatch, enabled):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session_bus)
    monkeypatch.setattr(sr, "running_process", lambda names: "")
    service = serve_atspi_status(session_bus, enabled)
    try:
        assert sr.atspi_screen_reader_enabled() is enabled
        expected = (Detection(ScreenReaderState.RUNNING, None, "AT-SPI ScreenReaderEnabled") if enabled
                    else Detection(ScreenReaderState.NOT_RUNNING, how="AT-SPI ScreenReaderEnabled"))
        assert detect("linux") == expected
    finally:
        service.close()


def test_a_session_bus_without_atspi_is_not_an_error(session_bus, monkeypatch):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session_bus)
    assert sr.atspi_screen_reader_enabled(timeout=2) is None


def test_an_atspi_service_that_never_answers_does_not_hold_up_the_start(session_bus, monkeypatch):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session_bus)
    service = serve_atspi_status(session_bus, None)
    try:
        started = time.monotonic()
        assert sr.atspi_screen_reader_enabled(timeout=0.2) is None
        assert time.monotonic() - started < 2
    finally:
        service.close()


# --- Windows and macOS (their system calls stubbed) -----------------------------------------------

@pytest.mark.parametrize(("flag", "process", "state", "name"), [
    (True, "NVDA", ScreenReaderState.RUNNING, "NVDA"),
    (False, "PC-Talker", ScreenReaderState.RUNNING, "PC-Talker"),
    (True, "", ScreenReaderState.RUNNING, None),        # SPI alone: stay quiet by default
    (False, "", ScreenReaderState.NOT_RUNNING, None),
    (None, None, ScreenReaderState.UNKNOWN, None),
])
def test_windows_combines_the_system_flag_with_known_readers(monkeypatch, flag, process, state, name):
    monkeypatch.setattr(sr, "_windows_spi_screen_reader", lambda: flag)
    monkeypatch.setattr(sr, "_windows_process", lambda names: process)
    detection = detect("win32")
    assert (detection.state, detection.name) == (state, name)


def test_windows_calls_fail_quietly_elsewhere():
    assert sr._windows_spi_screen_reader() is None
    assert sr._windows_process(sr.WINDOWS_READERS) is None


def test_macos_looks_for_voiceover_and_never_fails(monkeypatch):
    def no_pgrep(*args, **kwargs):
        raise FileNotFoundError("pgrep")

    assert detect("darwin").state in (ScreenReaderState.NOT_RUNNING, ScreenReaderState.UNKNOWN)
    monkeypatch.setattr(sr.subprocess, "run", no_pgrep)
    assert detect("darwin").state is ScreenReaderState.UNKNOWN
