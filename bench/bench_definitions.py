"""Time validating generated procedure files of 1k, 2k, 5k and 10k fields and one of 1 MB.

Run: .venv/bin/python bench/bench_definitions.py [--repeat N]
Every field but the first is shown only when the one before it is answered (a chain of 10,000
conditions: the worst case for the cycle check) and every tenth depends on the two before it (a
diamond). Prints, per size, the best of N loads (CPU time), the time per field, and two floors measured on
the same file: libyaml's parse alone (the C parser every load starts with) and pydantic's
validation alone (of the already parsed data). Time grows linearly when the per-field time stays
flat as the file grows. One JSON line at the end. A plain script, not a test: the numbers depend
on the machine.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.procedures.loader import load_file  # noqa: E402
from assistant.procedures.model import Procedure  # noqa: E402

HEAD = """schema_version: 1
id: generated
version: "1"
title: 生成した手続
summary: 計測用に生成した手続です。
who_may_apply:
  - {role: self, label: 本人}
office: {name: 窓口}
steps:
  - id: only
    title: 質問
    purpose: 計測します。
    fields:
"""
HINT = "この欄には、届出をする方の住民票に記載されているとおりに、省略せずに書いてください。" * 2


def generate(fields: int, hint: str = "") -> str:
    rows = [HEAD]
    for i in range(fields):
        if i == 0:
            when = ""
        elif i % 10 == 0 and i > 1:
            when = f", when: {{all: [{{answered: f{i - 1}}}, {{answered: f{i - 2}}}]}}"
        else:
            when = f", when: {{answered: f{i - 1}}}"
        extra = f", hint: {hint}" if hint else ""
        rows.append(f"      - {{id: f{i}, kind: text, label: 項目{i}{extra}{when}}}\n")
    return "".join(rows)


def best(repeat: int, action) -> float:
    times = []
    for _ in range(repeat):
        began = time.process_time()   # CPU time: the machines this runs on are shared
        action()
        times.append(time.process_time() - began)
    return min(times)


def measure(folder: Path, name: str, text: str, repeat: int) -> dict:
    file = folder / f"{name}.yaml"
    file.write_text(text, encoding="utf-8")
    procedure, errors = load_file(file)
    assert procedure is not None and not errors, errors[:3]
    count = len(procedure.all_fields())
    load = best(repeat, lambda: load_file(file))

    def parse():
        parser = yaml.CSafeLoader(text)
        while parser.check_event():
            parser.get_event()
        parser.dispose()

    data = yaml.load(text, Loader=yaml.CSafeLoader)
    return {"file": name, "fields": count, "bytes": len(text.encode()), "load_s": round(load, 4),
            "per_field_us": round(load / count * 1e6, 1),
            "floor_libyaml_parse_us": round(best(repeat, parse) / count * 1e6, 1),
            "floor_pydantic_us": round(best(repeat, lambda: Procedure.model_validate(data)) / count * 1e6, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for fields in (1_000, 2_000, 5_000, 10_000):
            rows.append(measure(Path(folder), f"{fields}_fields", generate(fields), args.repeat))
        megabyte = generate(2_950, HINT)   # 1.0 MB
        rows.append(measure(Path(folder), "1_MB", megabyte, args.repeat))
    print(f"{'file':>12} {'fields':>7} {'bytes':>9} {'load s':>8} {'µs/field':>9} "
          f"{'libyaml µs':>11} {'pydantic µs':>12}")
    for row in rows:
        print(f"{row['file']:>12} {row['fields']:>7} {row['bytes']:>9} {row['load_s']:>8} "
              f"{row['per_field_us']:>9} {row['floor_libyaml_parse_us']:>11} {row['floor_pydantic_us']:>12}")
    per_field = [row["per_field_us"] for row in rows[:4]]
    summary = {"bench": "definitions", "rows": rows,
               "per_field_10k_over_1k": round(per_field[3] / per_field[0], 2),
               "seconds_per_mb": round(rows[4]["load_s"] / (rows[4]["bytes"] / 2 ** 20), 3)}
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
