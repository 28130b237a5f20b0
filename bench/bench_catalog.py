"""Time listing and searching 1,000 procedure files, cold (no cache) and warm (cache written).

Run: .venv/bin/python bench/bench_catalog.py [--files N] [--repeat R]
The files are copies of procedures/juminhyo_copy.yaml with their own id, title and keywords.
Prints, best of R runs (wall time, and CPU time, steadier on a busy machine): the window's listing (`Catalog.for_app`) cold and warm, the full
validation of every file (`Catalog.load(check_all=True)`, what listing cost before), the time per
search (Japanese, English, kana, no match) and the peak memory of a warm listing (tracemalloc);
beside them the floors: os.stat of every file, and reading every file's bytes. One JSON line at
the end. A plain script, not a test: the numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.paths import BUNDLED_PROCEDURES, AppPaths  # noqa: E402
from assistant.procedures.catalog import Catalog  # noqa: E402

QUERIES = ["住民票", "residence record", "じゅうみんひょう", "手続 0500", "pension fund transfer"]


def make_files(folder: Path, count: int) -> None:
    source = (BUNDLED_PROCEDURES / "juminhyo_copy.yaml").read_text(encoding="utf-8")
    for n in range(count):
        text = source.replace("id: juminhyo_copy", f"id: generated_{n:04d}", 1)
        text = text.replace("title: 住民票の写し等交付請求書", f"title: 生成した手続 {n:04d}", 1)
        file = folder / f"generated_{n:04d}.yaml"
        file.write_text(text, encoding="utf-8")
        os.utime(file, (time.time() - 3600,) * 2)   # installed earlier, as real files are


CPU: dict[str, float] = {}   # best CPU time of each measurement: steadier than wall time on a busy machine


def best(repeat: int, run, name: str = "") -> float:
    """Best wall time of `repeat` runs (the best CPU time is kept in CPU[name])."""
    times, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    CPU[name] = min(cpu)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as root:
        folder = Path(root) / "procedures"
        folder.mkdir()
        make_files(folder, args.files)
        paths = AppPaths(Path(root) / "data", Path(root) / "config", Path(root) / "exports", (folder,))
        index = paths.data / "procedure-index.json"
        files = sorted(folder.glob("*.yaml"))
        floor_stat = best(args.repeat, lambda: [os.stat(f) for f in files], "stat")
        floor_read = best(args.repeat, lambda: [f.read_bytes() for f in files], "read")

        def cold() -> Catalog:
            index.unlink(missing_ok=True)
            return Catalog.for_app(paths)

        Catalog.for_app(paths)   # imports and translation catalogs loaded once, outside the timing
        cold_s = best(args.repeat, cold, "cold")
        catalog = Catalog.for_app(paths)
        assert len(catalog.procedures) == args.files and not catalog.errors
        warm_s = best(args.repeat, lambda: Catalog.for_app(paths), "warm")
        full_s = best(1, lambda: Catalog.load([folder]), "full")
        searches = {q: best(args.repeat, lambda q=q: catalog.search(q), f"search {q}") * 1000 for q in QUERIES}
        open_ms = best(1, lambda: catalog.get("generated_0500"), "open one") * 1000
        del catalog
        tracemalloc.start()
        catalog = Catalog.for_app(paths)
        _size, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        result = {
            "files": args.files, "cold_s": round(cold_s, 3), "warm_ms": round(warm_s * 1000, 1),
            "full_validation_s": round(full_s, 2), "open_one_ms": round(open_ms, 1),
            "search_ms": {q: round(ms, 3) for q, ms in searches.items()},
            "warm_peak_mib": round(peak / 2**20, 1), "index_kib": index.stat().st_size // 1024,
            "floor_stat_ms": round(floor_stat * 1000, 1), "floor_read_ms": round(floor_read * 1000, 1),
            "cpu_ms": {k: round(v * 1000, 1) for k, v in CPU.items()},
        }
    print(f"{args.files} files: cold {cold_s:.3f} s, warm {warm_s * 1000:.1f} ms "
          f"(floors: stat {floor_stat * 1000:.1f} ms, read {floor_read * 1000:.1f} ms); "
          f"validating all {full_s:.2f} s; opening one {open_ms:.1f} ms")
    for query, ms in searches.items():
        print(f"  search {query!r}: {ms:.3f} ms")
    print("  CPU time (ms): " + ", ".join(f"{k} {v * 1000:.1f}" for k, v in CPU.items()))
    print(f"  warm listing peak memory {peak / 2**20:.1f} MiB, index {result['index_kib']} KiB")
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
