"""The `tetsuzuki` command: the headless commands of the core (`assistant.cli`), and the window
when no command is given. It lives in `ui` so the core never imports the interface."""

from __future__ import annotations

import sys

from assistant.cli import main as cli_main
from assistant.paths import AppPaths


def _window(app_paths: AppPaths, language: str | None, shared_pc: bool) -> int:
    from ui.app import run   # Qt is loaded only when the window is wanted

    return run(app_paths, language=language, shared_pc=shared_pc)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `tetsuzuki` command and of `python -m ui`."""
    return cli_main(argv, window=_window)


if __name__ == "__main__":
    sys.exit(main())
