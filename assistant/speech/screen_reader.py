"""Is a screen reader running? Then the application does not talk over it (accessibility.md §3.3).

- Linux: the AT-SPI flag `org.a11y.Status.ScreenReaderEnabled` on the session bus (read with
  jeepney), and an `orca` process;
- Windows: `SystemParametersInfo(SPI_GETSCREENREADER)` (it has false positives) and the processes
  of NVDA, JAWS, Narrator and PC-Talker, which name the reader;
- macOS: best effort, a `VoiceOver` process.

`detect()` never raises and never waits long: when it cannot tell, the state is `UNKNOWN`.
"""

from __future__ import annotations

import enum
import logging
import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

TIMEOUT = 1.0   # seconds for any one question (D-Bus, a helper process)
LINUX_READERS = {"orca": "Orca"}
WINDOWS_READERS = {"nvda.exe": "NVDA", "jfw.exe": "JAWS", "narrator.exe": "Narrator",
                   "pctkmain.exe": "PC-Talker", "zt.exe": "ZoomText", "fusion.exe": "Fusion"}
SPI_GETSCREENREADER = 0x0046


class ScreenReaderState(enum.Enum):
    RUNNING = "running"
    NOT_RUNNING = "not_running"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Detection:
    state: ScreenReaderState
    name: str | None = None     # "Orca", "NVDA"… when known
    how: str = ""               # what told us, for the log and the about box

    @property
    def running(self) -> bool:
        return self.state is ScreenReaderState.RUNNING


def detect(platform: str | None = None) -> Detection:
    """Whether a screen reader runs now. Never raises; `UNKNOWN` when it cannot tell."""
    platform = platform or sys.platform
    try:
        if platform.startswith("linux") or platform.startswith("freebsd"):
            return _detect_linux()
        if platform == "win32":
            return _detect_windows()
        if platform == "darwin":
            return _detect_macos()
    except Exception as exc:  # detection is advice, never a reason to fail
        log.warning("screen reader detection failed: %s: %s", type(exc).__name__, exc)
    return Detection(ScreenReaderState.UNKNOWN, how="no detection for this system")


def self_voicing_default(detection: Detection, saved: bool | None = None) -> bool:
    """Whether questions are read aloud when they get focus, at start.

    With a screen reader running it is off: the reader already speaks the focused question (the
    person can still press "Read aloud", or turn self-voicing on for this session). Otherwise the
    person's saved choice applies; it is off until they turn it on.
    """
    if detection.running:
        return False
    return bool(saved)


# --- Linux ------------------------------------------------------------------------------------

def _detect_linux() -> Detection:
    flag = atspi_screen_reader_enabled()
    process = running_process(LINUX_READERS)
    if flag or process:
        how = " + ".join(h for h, on in (("AT-SPI ScreenReaderEnabled", flag), ("process", process)) if on)
        return Detection(ScreenReaderState.RUNNING, process or None, how)
    if flag is False:
        return Detection(ScreenReaderState.NOT_RUNNING, how="AT-SPI ScreenReaderEnabled")
    if process == "":
        return Detection(ScreenReaderState.NOT_RUNNING, how="process list")
    return Detection(ScreenReaderState.UNKNOWN, how="no session bus, no process list")


def atspi_screen_reader_enabled(timeout: float = TIMEOUT) -> bool | None:
    """The AT-SPI bus's ScreenReaderEnabled property; None when there is no bus or no answer."""
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return None
    # jeepney waits for the bus's reply to Hello without a time limit: ask on a helper thread
    # and give up after `timeout` (a stuck thread is left behind, as a daemon).
    answer: list[bool | None] = []
    asking = threading.Thread(target=lambda: answer.append(_ask_atspi(timeout)), name="a11y-status", daemon=True)
    asking.start()
    asking.join(timeout * 2)
    return answer[0] if answer else None


def _ask_atspi(timeout: float) -> bool | None:
    try:
        from jeepney import DBusAddress, Properties
        from jeepney.io.blocking import open_dbus_connection

        status = DBusAddress("/org/a11y/bus", bus_name="org.a11y.Bus", interface="org.a11y.Status")
        with open_dbus_connection(bus="SESSION", auth_timeout=timeout) as connection:
            reply = connection.send_and_get_reply(Properties(status).get("ScreenReaderEnabled"), timeout=timeout)
        signature, value = reply.body[0]
        return bool(value) if signature == "b" else None
    except Exception as exc:  # no a11y bus, a refused connection, a timeout, an error reply
        log.debug("AT-SPI status unavailable: %s: %s", type(exc).__name__, exc)
        return None


def running_process(names: dict[str, str], proc: Path = Path("/proc")) -> str | None:
    """The display name of the first running process among `names` (by executable or script
    name); "" when none runs; None when the process list cannot be read."""
    try:
        entries = [p for p in proc.iterdir() if p.name.isdigit()]
    except OSError:
        return None
    for entry in entries:
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
            comm = (entry / "comm").read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            continue   # the process ended, or is not ours to read
        # Orca is a Python script: its name is in comm, or is python's first argument.
        words = [os.path.basename(a.decode(errors="replace")).lower() for a in argv[:2] if a]
        candidates = {comm.lower(), *words[:1]}
        if len(words) == 2 and words[0].startswith("python"):
            candidates.add(words[1])
        for candidate in candidates:
            if candidate in names:
                return names[candidate]
    return ""


# --- Windows ----------------------------------------------------------------------------------

def _detect_windows() -> Detection:
    flag = _windows_spi_screen_reader()
    process = _windows_process(WINDOWS_READERS)
    if process:
        return Detection(ScreenReaderState.RUNNING, process, "process")
    if flag:
        # SPI_GETSCREENREADER is set by some magnifiers and left set by crashed readers; still,
        # staying quiet by default is the safer mistake (the person can turn speech on).
        return Detection(ScreenReaderState.RUNNING, None, "SPI_GETSCREENREADER")
    if flag is False and process == "":
        return Detection(ScreenReaderState.NOT_RUNNING, how="SPI_GETSCREENREADER + process list")
    return Detection(ScreenReaderState.UNKNOWN, how="SPI_GETSCREENREADER unavailable")


def _windows_spi_screen_reader() -> bool | None:
    try:
        import ctypes
        from ctypes import wintypes

        value = wintypes.BOOL()
        ok = ctypes.windll.user32.SystemParametersInfoW(SPI_GETSCREENREADER, 0, ctypes.byref(value), 0)
        return bool(value.value) if ok else None
    except Exception:
        return None


def _windows_process(names: dict[str, str]) -> str | None:
    """Like `running_process`, with the Toolhelp snapshot of the process list."""
    try:
        import ctypes
        from ctypes import wintypes

        class ProcessEntry(ctypes.Structure):
            _fields_ = [("dwSize", wintypes.DWORD), ("cntUsage", wintypes.DWORD),
                        ("th32ProcessID", wintypes.DWORD), ("th32DefaultHeapID", ctypes.c_size_t),
                        ("th32ModuleID", wintypes.DWORD), ("cntThreads", wintypes.DWORD),
                        ("th32ParentProcessID", wintypes.DWORD), ("pcPriClassBase", wintypes.LONG),
                        ("dwFlags", wintypes.DWORD), ("szExeFile", wintypes.WCHAR * 260)]

        kernel32 = ctypes.windll.kernel32
        kernel32.CreateToolhelp32Snapshot.restype = wintypes.HANDLE
        snapshot = kernel32.CreateToolhelp32Snapshot(0x00000002, 0)   # TH32CS_SNAPPROCESS
        if snapshot in (None, wintypes.HANDLE(-1).value):
            return None
        try:
            entry = ProcessEntry()
            entry.dwSize = ctypes.sizeof(ProcessEntry)
            more = kernel32.Process32FirstW(snapshot, ctypes.byref(entry))
            while more:
                if entry.szExeFile.lower() in names:
                    return names[entry.szExeFile.lower()]
                more = kernel32.Process32NextW(snapshot, ctypes.byref(entry))
            return ""
        finally:
            kernel32.CloseHandle(snapshot)
    except Exception:
        return None


# --- macOS ------------------------------------------------------------------------------------

def _detect_macos() -> Detection:
    try:
        found = subprocess.run(["pgrep", "-x", "VoiceOver"], capture_output=True, timeout=TIMEOUT)
    except (OSError, subprocess.SubprocessError):
        return Detection(ScreenReaderState.UNKNOWN, how="pgrep unavailable")
    if found.returncode == 0:
        return Detection(ScreenReaderState.RUNNING, "VoiceOver", "process")
    if found.returncode == 1:
        return Detection(ScreenReaderState.NOT_RUNNING, how="process")
    return Detection(ScreenReaderState.UNKNOWN, how="pgrep failed")
