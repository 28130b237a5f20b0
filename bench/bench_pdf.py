"""Export of the residence-record request (a warm process). Target ≤ 300 ms until the window can
say "Your form is ready" (form PDF + QR + JSON); the person's own copy is made after that, in the
background, and is measured on its own."""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.export.package import add_copy, export_package  # noqa: E402
from assistant.interview.session import Session  # noqa: E402
from assistant.paths import BUNDLED_PROCEDURES  # noqa: E402
from assistant.procedures.catalog import Catalog  # noqa: E402


def main(runs: int = 10) -> None:
    procedure = Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")
    answers = json.loads((ROOT / "examples" / "juminhyo_answers.json").read_text(encoding="utf-8"))
    ready, copies = [], []
    with tempfile.TemporaryDirectory() as out:
        first = time.perf_counter()
        export_package(Session(procedure, answers), Path(out))
        first_ms = (time.perf_counter() - first) * 1000
        for _ in range(runs):
            start = time.perf_counter()
            result = export_package(Session(procedure, answers), Path(out), with_copy=False)
            middle = time.perf_counter()
            add_copy(Session(procedure, answers), result, "en")
            ready.append((middle - start) * 1000)
            copies.append((time.perf_counter() - middle) * 1000)
    print(json.dumps({"bench": "pdf_export", "runs": runs, "first_ms": round(first_ms, 1),
                      "form_ready_median_ms": round(statistics.median(ready), 1), "target_ms": 300,
                      "own_copy_median_ms": round(statistics.median(copies), 1)}))


if __name__ == "__main__":
    main()
