"""Cold start to first window shown: the application against a bare PySide6 window, same way.

Each run is a new process; it prints the wall-clock time once its window has been shown and the
first events processed, and the parent subtracts the time it spawned the process. The time to the
procedure list being filled (loaded in the background) is reported too.
Floor: a bare QMainWindow started the same way. Target: ratio ≤ 1.5.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("RUNS", "7"))

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.show()
def shown():
    import time; print(time.time(), flush=True); app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""

APP = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from assistant.paths import AppPaths
from ui.app import build_window, setup_application
app = QApplication(sys.argv)
setup_application(app)
w = build_window(AppPaths.resolve(sys.argv[1]), load_now=False); w.show()
def shown():
    import time; print(time.time(), flush=True)
def listed():
    import time
    if w.catalog is None:
        QTimer.singleShot(1, listed); return
    print(time.time(), flush=True); app.quit()
QTimer.singleShot(0, shown)
QTimer.singleShot(0, listed)
app.exec()
"""


def _time(code: str, *args: str) -> list[float]:
    """Seconds from spawning the process to each time stamp it prints."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), PYTHONPATH=str(ROOT))
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, env=env, cwd=ROOT,
                         capture_output=True, text=True).stdout
    return [float(line) - start for line in out.split()]


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        _time(BARE), _time(APP, home)   # warm the disk cache once
        bare = [_time(BARE)[0] for _ in range(RUNS)]
        app = [_time(APP, home) for _ in range(RUNS)]
    bare_ms = statistics.median(bare) * 1000
    app_ms = statistics.median(a[0] for a in app) * 1000
    listed_ms = statistics.median(a[1] for a in app) * 1000
    print(json.dumps({"bench": "startup", "runs": RUNS, "bare_pyside6_shown_ms": round(bare_ms, 1),
                      "app_shown_ms": round(app_ms, 1), "ratio": round(app_ms / bare_ms, 2), "target_ratio": 1.5,
                      "app_list_filled_ms": round(listed_ms, 1)}))


if __name__ == "__main__":
    main()
