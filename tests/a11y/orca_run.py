"""Run Debian's Orca unchanged, with its debug log written line by line (tests only).

Usage (Debian's Python, which has Orca's modules): python3 orca_run.py LOG [orca options]

/usr/bin/orca opens the --debug-file with Python's default block buffering, so its last lines are
only on disk after it exits; tests must see each `SPEECH OUTPUT` line as it is spoken, so `open` is
wrapped for that one file to be line-buffered before Orca's own launcher runs.
"""

import builtins
import runpy
import sys

log = sys.argv[1]
_open = builtins.open


def _open_log_line_buffered(file, mode="r", *args, **kwargs):
    if file == log and "w" in mode and not args and "buffering" not in kwargs:
        kwargs["buffering"] = 1
    return _open(file, mode, *args, **kwargs)


builtins.open = _open_log_line_buffered
sys.path.pop(0)   # this folder: nothing here may shadow Orca's own package
sys.argv = ["orca", f"--debug-file={log}", *sys.argv[2:]]
runpy.run_path("/usr/bin/orca", run_name="__main__")
