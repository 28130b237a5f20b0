"""A window showing furigana labels, for tests/a11y/test_ruby.py: `python -m tests.a11y.ruby_app
TEXT…` shows each marked-up TEXT in a RubyLabel named ruby_0, ruby_1… with the application's own
font and theme, as the real window would (the window has no page with ruby yet)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow, QVBoxLayout, QWidget

from assistant.settings import Settings
from ui import appearance
from ui.widgets.ruby import RubyLabel


def main(texts: list[str]) -> int:
    app = QApplication(sys.argv[:1])
    appearance.apply(app, Settings(zoom=200))
    window = QMainWindow()          # a frame, as the application's window is
    window.setObjectName("ruby_window")
    window.setWindowTitle("ふりがな")
    body = QWidget()
    window.setCentralWidget(body)
    layout = QVBoxLayout(body)
    for index, text in enumerate(texts):
        label = RubyLabel(text)
        label.setObjectName(f"ruby_{index}")
        layout.addWidget(label)
    window.resize(480, 600)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
