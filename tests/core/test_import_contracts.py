"""The import boundaries in pyproject.toml ([tool.importlinter]) hold: the core never imports the
interface or Qt, the interface's layers (and its controllers' layers) only import downwards, and no
package has an import circle — the window's controllers never import the window."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter on the packages under `root` with the project's contracts."""
    code = ("import sys; from importlinter.cli import lint_imports; "
            f"sys.exit(lint_imports(config_filename={str(ROOT / 'pyproject.toml')!r}, no_cache=True, "
            "no_logo=True))")
    env = {**os.environ, "PYTHONPATH": str(root), "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True)


def test_the_contracts_hold():
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 kept, 0 broken" in result.stdout


def test_a_core_module_importing_the_interface_or_a_controller_importing_the_window_breaks_them(tmp_path: Path):
    """The contracts bite: a copy of the code with forbidden imports added fails, naming them."""
    for package in ("assistant", "ui"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__", "_data"))
    with (tmp_path / "assistant" / "cli.py").open("a") as core:
        core.write("\nfrom PySide6.QtWidgets import QApplication\nimport ui.app\n")
    with (tmp_path / "ui" / "widgets" / "nav.py").open("a") as widget:
        widget.write("\nfrom ui.pages import step\n")
    with (tmp_path / "ui" / "controllers" / "voice.py").open("a") as controller:
        controller.write("\nfrom ui.main_window import MainWindow\n")
    with (tmp_path / "ui" / "controllers" / "flow.py").open("a") as controller:
        controller.write("\nfrom ui.controllers import drafts\n")
    result = _lint_imports(tmp_path)
    assert result.returncode == 1
    assert "0 kept, 4 broken" in result.stdout   # the widget → page import also closes a circle
    assert "assistant.cli -> PySide6" in result.stdout and "assistant.cli -> ui.app" in result.stdout
    assert "ui.widgets.nav -> ui.pages.step" in result.stdout
    assert "ui.controllers.voice -> ui.main_window" in result.stdout
    assert "ui.controllers.flow -> ui.controllers.drafts" in result.stdout
