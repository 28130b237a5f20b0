"""Render the window at a given step to a PNG (for the README and for looking at changes).

Usage: .venv/bin/python scripts/screenshot.py OUT.png [STEP_ID|review|home] [LANGUAGE] [ZOOM] [THEME]
       .venv/bin/python scripts/screenshot.py --all docs/screenshots [LANGUAGE]
The second form refreshes the screenshots of every page and dialog (tests/ui/screens.py) at 300 %
in high contrast, in a window the size of a 1280×800 screen less a title bar and panel.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from assistant import i18n  # noqa: E402
from assistant.paths import AppPaths  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from ui.app import build_window, setup_application  # noqa: E402
from ui.tasks import SyncTasks  # noqa: E402


def every_page(folder: Path, language: str) -> None:
    from PySide6.QtCore import QSize

    from tests.ui.screens import walk

    settings = Settings(language, 300, "high_contrast")
    screen = {"screens": [{"name": "1280x800", "x": 0, "y": 0, "width": 1280, "height": 800, "logicalDpi": 96}]}
    config = Path(tempfile.mkdtemp()) / "screen.json"      # an offscreen screen of that size
    config.write_text(json.dumps(screen), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    app = QApplication(sys.argv[:1])
    setup_application(app, settings)
    i18n.set_language(language)
    folder.mkdir(parents=True, exist_ok=True)

    def wait(condition) -> None:
        for _ in range(500):
            app.processEvents()
            if condition():
                return

    with tempfile.TemporaryDirectory() as home:
        window = build_window(AppPaths.resolve(home), SyncTasks(), settings=settings)
        size = QSize(1280, 800 - 48)
        window.setMaximumSize(size)
        window.resize(size)
        window.show()
        for page in walk(window, wait):
            app.processEvents()
            page.top.grab().save(str(folder / f"{language}-{page.name}.png"))


def main() -> None:
    if sys.argv[1] == "--all":
        every_page(Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else "ja")
        return
    out = Path(sys.argv[1])
    step = sys.argv[2] if len(sys.argv) > 2 else "applicant"
    language = sys.argv[3] if len(sys.argv) > 3 else "ja"
    zoom = int(sys.argv[4]) if len(sys.argv) > 4 else 100
    theme = sys.argv[5] if len(sys.argv) > 5 else "default"
    app = QApplication(sys.argv[:1])
    setup_application(app, Settings(language, zoom, theme))
    i18n.set_language(language)
    with tempfile.TemporaryDirectory() as home:
        window = build_window(AppPaths.resolve(home), SyncTasks(), settings=Settings(language, zoom, theme))
        window.resize(1280, 800)
        window.show()
        if step != "home":
            window.home.procedure_chosen.emit("juminhyo_copy")
            window.who.go_on.click()                 # who fills in: the resident alone
            answers = json.loads((ROOT / "examples" / "juminhyo_answers.json").read_text(encoding="utf-8"))
            session = window.bridge.session
            for field_id, raw in answers.items():
                session.set_answer(field_id, raw)
            session.go_to(step)
        app.processEvents()
        window.grab().save(str(out))


if __name__ == "__main__":
    main()
