"""Play one WAV with the application's QtPlayer and print what happened as one JSON line.

Run in its own process by tests/ui/test_speech_playback.py, with PULSE_SERVER set: QtMultimedia
connects to PulseAudio once, at its first use in a process, and never looks again (checked: a
QApplication that touched QtMultimedia before the daemon started keeps "no sound output" even
after PULSE_SERVER is set). The pytest process has long since made its QApplication, so the real
playback needs a fresh process that starts with the environment in place.

Usage (from the project folder): python -m tests.ui.speech_playback_worker FILE.wav
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TIMEOUT_MS = 30_000


def main() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.speech import QtPlayer

    app = QApplication([])
    player = QtPlayer()
    result = {"ended": False, "broke": None, "status": None, "seconds": None}
    started = time.monotonic()

    def on_ended() -> None:
        result.update(ended=True, status=player._player.mediaStatus().name,
                      seconds=round(time.monotonic() - started, 3))
        app.quit()

    def on_broke(message: str) -> None:
        result.update(broke=message)
        app.quit()

    player.ended.connect(on_ended)
    player.broke.connect(on_broke)
    QTimer.singleShot(TIMEOUT_MS, app.quit)
    player.play(Path(sys.argv[1]))
    app.exec()
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
