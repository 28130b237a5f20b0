"""Cold start to first window shown: the application against a bare PySide6 window, same way.

Each run is a new process that stops as soon as its window is shown; we time the whole process.
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
QTimer.singleShot(0, app.quit)
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
w = build_window(AppPaths.resolve(sys.argv[1])); w.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _time(code: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, env=env, cwd=ROOT,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        _time(BARE), _time(APP, home)   # warm the disk cache once
        bare = [_time(BARE) for _ in range(RUNS)]
        app = [_time(APP, home) for _ in range(RUNS)]
    bare_ms, app_ms = statistics.median(bare) * 1000, statistics.median(app) * 1000
    print(json.dumps({"bench": "startup", "runs": RUNS, "bare_pyside6_ms": round(bare_ms, 1),
                      "app_ms": round(app_ms, 1), "ratio": round(app_ms / bare_ms, 2), "target_ratio": 1.5}))


if __name__ == "__main__":
    main()
