"""The `tetsuzuki` command: the headless commands of the core (`assistant.cli`), and the window
when no command is given. It lives in `ui` so the core never imports the interface."""

from __future__ import annotations

import sys

from assistant.cli import main as cli_main
from assistant.i18n import _
from assistant.paths import AppPaths


def _window(app_paths: AppPaths, language: str | None, shared_pc: bool) -> int:
    try:
        from ui.app import run   # Qt is loaded only when the window is wanted
    except ImportError as exc:
        if (exc.name or "").split(".")[0] not in ("PySide6", "shiboken6"):
            raise
        print(_("The window needs Qt (PySide6), which is not installed. Install it with: "
                "pip install 'PySide6-Essentials>=6.8' 'PySide6-Addons>=6.8' — or start the "
                "application with ./run from its folder. Commands without a window work without it, "
                "for example: tetsuzuki procedures list"), file=sys.stderr)
        return 2
    return run(app_paths, language=language, shared_pc=shared_pc)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `tetsuzuki` command and of `python -m ui`."""
    return cli_main(argv, window=_window)


if __name__ == "__main__":
    sys.exit(main())
