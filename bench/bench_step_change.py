"""Time to change step on a 20-field step (Next from a complete step, Back again), in the window.

Floor: none external; target median ≤ 30 ms.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from assistant.paths import AppPaths  # noqa: E402
from assistant.procedures.catalog import Catalog  # noqa: E402
from assistant.procedures.model import Procedure  # noqa: E402
from ui.app import setup_application  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.tasks import SyncTasks  # noqa: E402

KINDS = ["text", "date", "phone", "postal_code", "kana"]


def _procedure() -> Procedure:
    def step(n: int) -> dict:
        return {"id": f"s{n}", "title": f"ステップ{n}", "purpose": "ベンチマークです。",
                "fields": [{"id": f"f{n}_{i}", "kind": KINDS[i % len(KINDS)], "label": f"項目{i}",
                            "hint": "説明です。", "example": "例"} for i in range(20)]}
    return Procedure.model_validate({
        "schema_version": 1, "id": "bench", "version": "1", "title": "ベンチマーク", "summary": "計測用です。",
        "who_may_apply": [{"role": "self", "label": "本人"}], "office": {"name": "窓口"},
        "steps": [step(1), step(2)]})


def main(runs: int = 50) -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    setup_application(app)
    procedure = _procedure()
    answers = {"f1_%d" % i: v for i, v in enumerate(
        ["テキスト", "1970-03-01", "090-1234-5678", "1000013", "ヤマダ"] * 4)}
    with tempfile.TemporaryDirectory() as home:
        window = MainWindow(Catalog([procedure], []), AppPaths.resolve(home), SyncTasks())
        window.show()
        window.home.procedure_chosen.emit("bench")
        window.who.go_on.click()                  # who fills in: the resident alone
        session = window.bridge.session
        for field_id, value in answers.items():
            session.set_answer(field_id, value)
        times = []
        for _ in range(runs):
            for move in (session.next, session.back):
                start = time.perf_counter()
                move()
                app.processEvents()
                times.append((time.perf_counter() - start) * 1000)
        assert session.current_step.id == "s1"
    print(json.dumps({"bench": "step_change_20_fields", "runs": len(times),
                      "median_ms": round(statistics.median(times), 2),
                      "p90_ms": round(statistics.quantiles(times, n=10)[-1], 2), "target_median_ms": 30}))


if __name__ == "__main__":
    main()
