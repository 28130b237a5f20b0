"""Time reading and checking hostile answers files, against the floor of the example file.

Run: .venv/bin/python bench/bench_answers_file.py [--repeat N]
Before issue 12, a 1 MB name took 15–47 s before failing inside fpdf2 ("row too high"). Now the
answer is refused by its length before any parsing; every case should be within a few times the
floor (the example file: read, parsed, every answer checked), growing at most linearly with size.
Prints one JSON line: milliseconds per case (median of N) and the ratio to the floor.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.interview.answers_file import AnswersFileError, parse_answers  # noqa: E402
from assistant.interview.session import Session  # noqa: E402
from assistant.paths import BUNDLED_PROCEDURES  # noqa: E402
from assistant.procedures.catalog import Catalog  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = json.loads((ROOT / "examples" / "juminhyo_answers.json").read_text(encoding="utf-8"))


def _with_name(family: str) -> bytes:
    return json.dumps({**ANSWERS, "applicant_name": {**ANSWERS["applicant_name"], "family": family}},
                      ensure_ascii=False).encode()


CASES = {
    "floor: the example file": json.dumps(ANSWERS, ensure_ascii=False).encode(),
    "name of 100 kB": _with_name("山" * 33_000),
    "name of 1 MB (was 15-47 s)": _with_name("山" * 333_000),
    "nested 100,000 deep": b"[" * 100_000 + b"]" * 100_000,
    "100,000 unknown keys": json.dumps({f"q{i}": 1 for i in range(100_000)}).encode()[:999_000] + b"}",
}


def run(data: bytes, procedure) -> None:
    try:
        Session(procedure, parse_answers(data)).missing()
    except AnswersFileError:
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    procedure = Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")
    run(CASES["floor: the example file"], procedure)   # fonts and catalogs loaded once, as in a real run
    times = {}
    for name, data in CASES.items():
        samples = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            run(data, procedure)
            samples.append((time.perf_counter() - start) * 1000)
        times[name] = statistics.median(samples)
    floor = times["floor: the example file"]
    print(json.dumps({name: {"ms": round(ms, 2), "x_floor": round(ms / floor, 1)} for name, ms in times.items()},
                     ensure_ascii=False))


if __name__ == "__main__":
    main()
