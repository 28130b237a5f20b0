"""`python -m assistant` is the core's headless command line: without a command it says where the
window is instead of starting it (the core never imports the interface)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def test_python_m_assistant_without_a_command_points_to_the_tetsuzuki_command(tmp_path: Path):
    code = ("import runpy, sys; sys.argv = ['assistant', '--home', sys.argv[1]]\n"
            "try:\n    runpy.run_module('assistant', run_name='__main__')\n"
            "except SystemExit as exit:\n"
            "    print(exit.code, sorted({m.split('.')[0] for m in sys.modules} & {'ui', 'PySide6'}))\n")
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, env={"PYTHONPATH": str(ROOT), "LANGUAGE": "C"})
    assert result.stdout.strip() == "2 []"
    assert "画面は `tetsuzuki` コマンドで起動します" in result.stderr
    assert not (tmp_path / "data").exists()   # nothing was started
