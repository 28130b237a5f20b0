"""The core never imports Qt or the interface: importing every core module leaves PySide6 and `ui`
unloaded (at run time; tests/core/test_import_contracts.py checks the import statements)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import assistant


def test_importing_every_core_module_loads_no_qt_and_no_interface():
    modules = [m.name for m in pkgutil.walk_packages(assistant.__path__, "assistant.")
               if m.name not in ("assistant.__main__",)]
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules) +
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6', 'ui'))\n"
            "print(','.join(bad))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert len(modules) > 10
    assert out.stdout.strip() == ""
