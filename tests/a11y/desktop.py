"""A private, headless desktop for screen-reader tests: Xvfb, a D-Bus session bus (which starts the
AT-SPI bus on demand) and the application on the xcb platform.

Nothing here sleeps: readiness is read from the daemons' own output (Xvfb's -displayfd, dbus-daemon's
--print-address) or polled with a deadline, and processes are awaited through pidfds.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import selectors
import shutil
import signal
import subprocess
import sys
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = "/usr/bin/python3"
READER = ROOT / "scripts" / "atspi_reader.py"
AT_SPI_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"

#: the libraries Qt's xcb platform plugin needs (platform-notes §2; in scripts/setup.sh app_debs/test_debs)
DEBS_FOR_QT_XCB = ("libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-randr0 libxcb-render-util0 "
                   "libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1 libxcb-util1 libxkbcommon-x11-0 "
                   "libx11-xcb1")

STARTUP_SECONDS = 20      # generous: a shared 2-core CI machine under load
STOP_SECONDS = 5


class DesktopError(RuntimeError):
    """The headless desktop could not be set up."""


def missing_tools() -> list[tuple[str, str]]:
    """(what is missing, Debian package) for everything these tests need."""
    missing = []
    for command, deb in (("Xvfb", "xvfb"), ("dbus-daemon", "dbus"), ("dbus-send", "dbus"),
                         ("pdftotext", "poppler-utils")):
        if shutil.which(command) is None:
            missing.append((command, deb))
    if not os.access(AT_SPI_LAUNCHER, os.X_OK):
        missing.append((AT_SPI_LAUNCHER, "at-spi2-core"))
    if not os.access(SYSTEM_PYTHON, os.X_OK):
        missing.append((SYSTEM_PYTHON, "python3"))
    else:
        probe = subprocess.run(
            [SYSTEM_PYTHON, "-c", "import gi; gi.require_version('Atspi', '2.0'); from gi.repository import Atspi"],
            capture_output=True, text=True, timeout=30, check=False)
        if probe.returncode != 0:
            missing.append(("AT-SPI bindings for /usr/bin/python3 (gi, Atspi 2.0 typelib)",
                            "python3-gi gir1.2-atspi-2.0"))
    return missing


# --- waiting without sleeping --------------------------------------------------------------------

def read_line(fd: int, deadline: float, what: str, buffer: bytearray | None = None) -> str:
    """One line from `fd`, waiting with select() until `deadline` (time.monotonic())."""
    buffer = bytearray() if buffer is None else buffer
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while b"\n" not in buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"{what}: no answer in time")
            if not selector.select(remaining):
                continue
            chunk = os.read(fd, 65536)
            if not chunk:
                raise EOFError(f"{what}: closed its output" + (f" after {bytes(buffer)!r}" if buffer else ""))
            buffer += chunk
    line, _, rest = bytes(buffer).partition(b"\n")
    buffer[:] = rest
    return line.decode("utf-8")


def _pidfd(pid: int) -> int | None:
    try:
        return os.pidfd_open(pid)
    except (AttributeError, OSError):
        return None


def wait_gone(pid: int, timeout: float, pidfd: int | None = None) -> bool:
    """True once process `pid` has ended (a zombie counts), waiting at most `timeout` seconds."""
    own = pidfd is None
    pidfd = _pidfd(pid) if own else pidfd
    if pidfd is None:
        return not _alive(pid)
    try:
        with selectors.DefaultSelector() as selector:
            selector.register(pidfd, selectors.EVENT_READ)
            return bool(selector.select(timeout))
    finally:
        if own:
            os.close(pidfd)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False


def stop_process(proc: subprocess.Popen) -> None:
    """Terminate, wait a bounded time, then kill; always reaps the child."""
    if proc.poll() is None:
        proc.terminate()
        if not wait_gone(proc.pid, STOP_SECONDS):
            proc.kill()
            wait_gone(proc.pid, STOP_SECONDS)
    proc.wait(timeout=STOP_SECONDS)


def descendants(pid: int) -> list[int]:
    """Every process below `pid` (by parent id), children first."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, queue = [], [pid]
    while queue:
        for child in children.get(queue.pop(0), []):
            found.append(child)
            queue.append(child)
    return found


def stop_pids(processes: list[tuple[int, int]]) -> None:
    """Terminate processes that are not our children, given as (pid, pidfd), then kill; closes the fds."""
    fds = dict(processes)
    try:
        for pid, fd in fds.items():
            try:
                signal.pidfd_send_signal(fd, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for pid, fd in fds.items():
            if not wait_gone(pid, STOP_SECONDS, fd):
                try:
                    signal.pidfd_send_signal(fd, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                wait_gone(pid, STOP_SECONDS, fd)
    finally:
        for fd in fds.values():
            os.close(fd)


# --- the desktop ---------------------------------------------------------------------------------

@dataclass
class Desktop:
    display: str
    bus_address: str
    home: Path
    runtime_dir: Path
    logs: Path
    env: dict[str, str] = field(repr=False)
    #: services the bus started on its own (reparented away from it): pid → pidfd, stopped with the bus
    services: dict[int, int] = field(default_factory=dict, repr=False)

    def adopt(self, pid: int | None) -> None:
        """Remember a process the bus started for us (and its children), to stop it with the bus."""
        for each in ([pid] + descendants(pid)) if pid else []:
            if each not in self.services and (fd := _pidfd(each)) is not None:
                self.services[each] = fd

    def app_env(self, app_home: Path) -> dict[str, str]:
        """The environment of the application under test: real X11 (xcb), accessibility on."""
        env = dict(self.env)
        env.update({
            "QT_QPA_PLATFORM": "xcb",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_ACCESSIBILITY": "1",
            "TETSUZUKI_HOME": str(app_home),
            "LANGUAGE": "C",                  # the application's own default language: Japanese
            "PYTHONDONTWRITEBYTECODE": "1",
            # No OS keyring, deterministically (the bus offers no Secret Service either).
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        })
        return env


def _clean_environment(home: Path, runtime_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("DBUS_", "AT_SPI_", "WAYLAND_", "XDG_SESSION", "QT_", "GTK_", "XMODIFIERS",
                                "XAUTHORITY", "DISPLAY", "PYTEST_"))}
    env.update({"HOME": str(home), "XDG_RUNTIME_DIR": str(runtime_dir), "LANG": "C.UTF-8"})
    env.pop("LC_ALL", None)
    return env


def start_desktop(stack: ExitStack, base: Path, screen: str = "1280x800") -> Desktop:
    """Xvfb on a free display (a screen of `screen` pixels) and a D-Bus session bus, torn down by `stack`."""
    home, runtime_dir, logs = base / "home", base / "run", base / "logs"
    for folder in (home, runtime_dir, logs):
        folder.mkdir(parents=True, exist_ok=True)
    runtime_dir.chmod(0o700)
    # HOME and XDG_RUNTIME_DIR are set before the bus starts: the services it starts (the AT-SPI bus,
    # its registry) inherit the bus's environment, not the clients'.
    env = _clean_environment(home, runtime_dir)
    deadline = time.monotonic() + STARTUP_SECONDS

    read_end, write_end = os.pipe()
    xvfb_log = stack.enter_context(open(logs / "xvfb.log", "wb"))
    try:
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{screen}x24",
                                 "-nolisten", "tcp", "-noreset"],
                                stdin=subprocess.DEVNULL, stdout=xvfb_log, stderr=subprocess.STDOUT,
                                pass_fds=(write_end,), env=env)
    finally:
        os.close(write_end)
    stack.callback(stop_process, xvfb)
    try:
        display = ":" + read_line(read_end, deadline, "Xvfb").strip()
    except (TimeoutError, EOFError) as exc:
        raise DesktopError(f"Xvfb did not start ({exc}); see {logs / 'xvfb.log'}") from None
    finally:
        os.close(read_end)
    env["DISPLAY"] = display

    dbus_log = stack.enter_context(open(logs / "dbus.log", "wb"))
    dbus = subprocess.Popen(["dbus-daemon", f"--config-file={_bus_config(base, runtime_dir)}", "--nofork",
                             "--nopidfile", "--print-address=1"],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=dbus_log, env=env)
    desktop = Desktop(display, "", home, runtime_dir, logs, env)
    stack.callback(_stop_bus, dbus, desktop)
    try:
        address = read_line(dbus.stdout.fileno(), deadline, "dbus-daemon").strip()
    except (TimeoutError, EOFError) as exc:
        raise DesktopError(f"dbus-daemon did not start ({exc}); see {logs / 'dbus.log'}") from None
    env["DBUS_SESSION_BUS_ADDRESS"] = desktop.bus_address = address
    # What Orca does when it starts: tell applications a screen reader is running (they may then,
    # for one, leave speaking to it). This also starts the AT-SPI bus.
    flag = subprocess.run(["dbus-send", "--session", "--print-reply", "--dest=org.a11y.Bus", "/org/a11y/bus",
                           "org.freedesktop.DBus.Properties.Set", "string:org.a11y.Status",
                           "string:ScreenReaderEnabled", "variant:boolean:true"],
                          env=env, capture_output=True, text=True, timeout=STARTUP_SECONDS, check=False)
    if flag.returncode != 0:
        raise DesktopError(f"cannot set org.a11y.Status.ScreenReaderEnabled: {flag.stderr.strip()}")
    owner = subprocess.run(["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                            "/org/freedesktop/DBus", "org.freedesktop.DBus.GetConnectionUnixProcessID",
                            "string:org.a11y.Bus"],
                           env=env, capture_output=True, text=True, timeout=STARTUP_SECONDS, check=False)
    if owner.returncode == 0 and "uint32" in owner.stdout:
        desktop.adopt(int(owner.stdout.split("uint32")[1].split()[0]))     # the AT-SPI bus launcher
    return desktop


def _bus_config(base: Path, runtime_dir: Path) -> Path:
    """A session bus that can start the AT-SPI bus and nothing else: no keyring prompt, no portal,
    no dconf from whatever else is installed on the machine can pop up on the test display."""
    services = base / "dbus-services"
    services.mkdir(exist_ok=True)
    installed = Path("/usr/share/dbus-1/services/org.a11y.Bus.service")
    exec_line = next((line for line in installed.read_text().splitlines() if line.startswith("Exec=")),
                     f"Exec={AT_SPI_LAUNCHER}") if installed.exists() else f"Exec={AT_SPI_LAUNCHER}"
    (services / "org.a11y.Bus.service").write_text(f"[D-BUS Service]\nName=org.a11y.Bus\n{exec_line}\n")
    config = base / "session-bus.conf"
    config.write_text(f"""<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:dir={runtime_dir}</listen>
  <auth>EXTERNAL</auth>
  <servicedir>{services}</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
""")
    return config


def _stop_bus(dbus: subprocess.Popen, desktop: Desktop) -> None:
    # The bus started the AT-SPI bus launcher (which started another bus) and that bus started the
    # registry; D-Bus detaches what it starts, so they were recorded by process id (Desktop.adopt).
    # Stop them first, newest first, then the bus itself.
    stop_pids(list(reversed(desktop.services.items())))
    desktop.services.clear()
    stop_process(dbus)
    dbus.stdout.close()


# --- the application -----------------------------------------------------------------------------

def start_app(stack: ExitStack, desktop: Desktop, app_home: Path, log: Path) -> subprocess.Popen:
    app_home.mkdir(parents=True, exist_ok=True)
    log_file = stack.enter_context(open(log, "wb"))
    proc = subprocess.Popen([sys.executable, "-m", "ui", "--home", str(app_home)], cwd=ROOT,
                            stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT,
                            env=desktop.app_env(app_home))
    stack.callback(stop_process, proc)
    return proc


# --- X11: give the window the keyboard focus, as a window manager would ---------------------------

class _XWindowAttributes(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int), ("height", ctypes.c_int),
                ("border_width", ctypes.c_int), ("depth", ctypes.c_int), ("visual", ctypes.c_void_p),
                ("root", ctypes.c_ulong), ("class_", ctypes.c_int), ("bit_gravity", ctypes.c_int),
                ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int), ("backing_planes", ctypes.c_ulong),
                ("backing_pixel", ctypes.c_ulong), ("save_under", ctypes.c_int), ("colormap", ctypes.c_ulong),
                ("map_installed", ctypes.c_int), ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
                ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long),
                ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p)]


class _X11:
    """The few Xlib calls needed, through ctypes (libX11 is already there for Qt)."""

    def __init__(self) -> None:
        lib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        vp, ul = ctypes.c_void_p, ctypes.c_ulong
        lib.XOpenDisplay.restype, lib.XOpenDisplay.argtypes = vp, [ctypes.c_char_p]
        lib.XCloseDisplay.argtypes = [vp]
        lib.XDefaultRootWindow.restype, lib.XDefaultRootWindow.argtypes = ul, [vp]
        lib.XQueryTree.argtypes = [vp, ul, ctypes.POINTER(ul), ctypes.POINTER(ul),
                                   ctypes.POINTER(ctypes.POINTER(ul)), ctypes.POINTER(ctypes.c_uint)]
        lib.XInternAtom.restype, lib.XInternAtom.argtypes = ul, [vp, ctypes.c_char_p, ctypes.c_int]
        lib.XGetWindowProperty.argtypes = [vp, ul, ul, ctypes.c_long, ctypes.c_long, ctypes.c_int, ul,
                                           ctypes.POINTER(ul), ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ul),
                                           ctypes.POINTER(ul), ctypes.POINTER(vp)]
        lib.XGetWindowAttributes.argtypes = [vp, ul, ctypes.POINTER(_XWindowAttributes)]
        lib.XSetInputFocus.argtypes = [vp, ul, ctypes.c_int, ul]
        lib.XSync.argtypes = [vp, ctypes.c_int]
        lib.XFree.argtypes = [vp]
        self.lib = lib


_IS_VIEWABLE = 2
_REVERT_TO_PARENT = 2
_XA_CARDINAL = 6


def focus_window_of(display: str, pid: int) -> bool:
    """Give the X keyboard focus to the viewable top-level window of process `pid` (there is no
    window manager to do it); False when there is none yet."""
    x = _X11()
    lib = x.lib
    dpy = lib.XOpenDisplay(display.encode())
    if not dpy:
        raise DesktopError(f"cannot open display {display}")
    try:
        root = lib.XDefaultRootWindow(dpy)
        root_ret, parent_ret = ctypes.c_ulong(), ctypes.c_ulong()
        children, count = ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
        if not lib.XQueryTree(dpy, root, ctypes.byref(root_ret), ctypes.byref(parent_ret),
                              ctypes.byref(children), ctypes.byref(count)):
            return False
        windows = [children[i] for i in range(count.value)]
        if children:
            lib.XFree(children)
        pid_atom = lib.XInternAtom(dpy, b"_NET_WM_PID", 0)
        attributes = _XWindowAttributes()
        for window in windows:
            kind, fmt, n, after = ctypes.c_ulong(), ctypes.c_int(), ctypes.c_ulong(), ctypes.c_ulong()
            data = ctypes.c_void_p()
            if lib.XGetWindowProperty(dpy, window, pid_atom, 0, 1, 0, _XA_CARDINAL, ctypes.byref(kind),
                                      ctypes.byref(fmt), ctypes.byref(n), ctypes.byref(after),
                                      ctypes.byref(data)) != 0 or not data.value:
                continue
            owner = ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))[0] if n.value else None
            lib.XFree(data)
            if owner != pid or not lib.XGetWindowAttributes(dpy, window, ctypes.byref(attributes)):
                continue
            if attributes.map_state != _IS_VIEWABLE:
                continue
            lib.XSetInputFocus(dpy, window, _REVERT_TO_PARENT, 0)
            lib.XSync(dpy, 0)
            return True
        return False
    finally:
        lib.XCloseDisplay(dpy)
