"""Autosave latency of a 50 KB draft: save (JSON, AES-256-GCM, atomic write with fsyncs, pruning)
and load (read, decrypt, parse), median and p90, plus what `snapshot` costs (the part of an autosave
that runs on the UI thread: copying the answers; everything else runs on the background thread).

Run: .venv/bin/python bench/bench_autosave.py [--runs N] [--folder DIR]
The folder should be on the disk the app uses (default: a temporary folder); fsync dominates.
Prints one JSON line. No Qt needed.
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.drafts.keys import MemoryKeySource  # noqa: E402
from assistant.drafts.store import Draft, DraftStore  # noqa: E402

TARGET_BYTES = 50_000


def _answers() -> dict:
    """About 50 KB of JSON shaped like real answers (names, addresses, long free text, a group)."""
    answers: dict = {
        "applicant_name": {"family": "山田", "given": "太郎", "family_kana": "ヤマダ", "given_kana": "タロウ"},
        "applicant_address": {"postal_code": "1000013", "prefecture": "東京都", "city": "千代田区",
                              "town": "霞が関", "block": "2-1-2", "building": "中央合同庁舎"},
        "applicant_birth_date": "昭和45年3月1日", "applicant_phone": "090-1234-5678", "members": [],
    }
    index = 0
    while len(json.dumps(answers, ensure_ascii=False).encode("utf-8")) < TARGET_BYTES:
        answers[f"note_{index}"] = "事情を詳しく書いてください。This is a long free-text answer. " * 8
        answers["members"].append({"member_name": f"山田 花子{index}", "relationship": "子"})
        index += 1
    return answers


def _stats(times: list[float]) -> dict:
    return {"median_ms": round(statistics.median(times), 3),
            "p90_ms": round(statistics.quantiles(times, n=10)[-1], 3), "max_ms": round(max(times), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--folder", type=Path, default=None)
    args = parser.parse_args()
    answers = _answers()
    with tempfile.TemporaryDirectory(dir=args.folder) as root:
        store = DraftStore(Path(root) / "drafts", MemoryKeySource())
        draft = store.save(Draft("bench", "1", answers, step_id="s1"))     # warm-up
        store.load(draft.draft_id)
        snapshot, saves, loads = [], [], []
        for run in range(args.runs):
            start = time.perf_counter()
            answers = copy.deepcopy(answers)                                 # Draft.from_session's copy
            snapshot.append((time.perf_counter() - start) * 1000)
            answers["applicant_phone"] = f"090-1234-{run % 10000:04d}"
            start = time.perf_counter()
            draft = store.save(Draft("bench", "1", answers, step_id="s1", draft_id=draft.draft_id))
            saves.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            result = store.load(draft.draft_id)
            loads.append((time.perf_counter() - start) * 1000)
            assert result.status == "ok"
        size = next((Path(root) / "drafts").glob("*.tzd")).stat().st_size
    print(json.dumps({"bench": "autosave_50kb", "runs": args.runs,
                      "json_bytes": len(json.dumps(answers, ensure_ascii=False).encode("utf-8")),
                      "file_bytes": size, "save": _stats(saves), "load": _stats(loads),
                      "ui_thread_snapshot": _stats(snapshot)}))


if __name__ == "__main__":
    main()
