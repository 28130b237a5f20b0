"""PDF + JSON export of the residence-record request (a warm process). Target ≤ 300 ms."""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.export.package import export_package  # noqa: E402
from assistant.interview.session import Session  # noqa: E402
from assistant.paths import BUNDLED_PROCEDURES  # noqa: E402
from assistant.procedures.catalog import Catalog  # noqa: E402


def main(runs: int = 10) -> None:
    procedure = Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")
    answers = json.loads((ROOT / "examples" / "juminhyo_answers.json").read_text(encoding="utf-8"))
    times = []
    with tempfile.TemporaryDirectory() as out:
        first = time.perf_counter()
        export_package(Session(procedure, answers), Path(out))
        first_ms = (time.perf_counter() - first) * 1000
        for _ in range(runs):
            start = time.perf_counter()
            export_package(Session(procedure, answers), Path(out))
            times.append((time.perf_counter() - start) * 1000)
    print(json.dumps({"bench": "pdf_export", "runs": runs, "first_ms": round(first_ms, 1),
                      "median_ms": round(statistics.median(times), 1), "target_ms": 300}))


if __name__ == "__main__":
    main()
