"""Open JTalk in a process of its own: `python -m assistant.speech.openjtalk_worker`.

pyopenjtalk's C code keeps Python's global lock for tens of milliseconds at a time (loading the
dictionary: a few hundred), which the window would feel as stalls; in its own process it cannot.
One JSON object per line on standard input — {"text", "rate", "path"} — and one answer per line:
{"ok": true} once the WAV is written, or {"ok": false, "error": "…"}. The first line written is
{"ok": true} when the engine is ready, or {"ok": false, "missing": true} without pyopenjtalk.
Nothing else reaches the answer channel: whatever the engine prints goes to standard error, which
the parent discards (it could hold the text being read).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any


def _answers() -> Any:
    """The answer channel: the original standard output; fd 1 now points at standard error."""
    channel = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8", buffering=1)
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    return channel


def main() -> int:
    answers = _answers()
    try:
        from assistant.speech.openjtalk import _import, write_samples

        module = _import()
    except ImportError as exc:
        answers.write(json.dumps({"ok": False, "missing": True, "error": type(exc).__name__}) + "\n")
        return 1
    except Exception as exc:  # the engine could not start: say so and end
        answers.write(json.dumps({"ok": False, "error": f"{type(exc).__name__}: {exc}"}) + "\n")
        return 1
    answers.write('{"ok": true}\n')
    for line in sys.stdin:
        try:
            request = json.loads(line)
            write_samples(module, request["text"], float(request["rate"]), Path(request["path"]))
            answers.write('{"ok": true}\n')
        except Exception as exc:  # one utterance failed: report it (the type only: no text), go on
            answers.write(json.dumps({"ok": False, "error": type(exc).__name__}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
