"""Time assistant.formats on 100,000 mixed inputs (valid, invalid, full-width, era dates …).

Run: .venv/bin/python bench/bench_formats.py [--count N] [--seed S] [--lookups N]
Prints the time per 100k inputs and per call, overall and per parser. A plain script, not a test:
the numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.formats import (  # noqa: E402
    check_name,
    lookup,
    parse_corporate_number,
    parse_date,
    parse_email,
    parse_integer,
    parse_my_number,
    parse_phone,
    parse_postal_code,
    to_katakana,
)

# What people type, right and wrong, per parser (dummy data from domain-japan.md only).
SAMPLES = {
    parse_date: ["昭和45年3月1日", "S45.3.1", "R01.05.01", "１９７０/３/１", "1970-03-01",
                 "平成31年5月1日", "2023-02-29", "㍼45年3月1日", "abc", "令和元年4月30日"],
    to_katakana: ["ﾔﾏﾀﾞ ﾀﾛｳ", "やまだ　たろう", "ヤマダ　タロウ", "タロ-", "山田", "ｶﾞｯｺｳ"],
    check_name: ["山田太郎", "髙橋", "𠮷田", "山﨑", "葛\U000e0100城"],
    parse_postal_code: ["100-0013", "〒１００ー００１３", "1000013", "100-001", "東京都"],
    parse_phone: ["03-5253-2111", "０９０ー１２３４ー５６７８", "+81 3 5253 2111", "03-1234-5678",
                  "0422-45-1151", "110", "(03)5253-5111"],
    parse_my_number: ["123456789018", "1234 5678 9018", "123456789019", "000000000000", "12345"],
    parse_corporate_number: ["7000012050002", "7-0000-1205-0002", "8000012050002"],
    parse_integer: ["1,234円", "１，２３４", "1000.5", "abc", "¥300"],
    parse_email: ["taro.yamada@example.jp", "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "taro@localhost"],
}


def make_inputs(count: int, seed: int) -> list[tuple]:
    """`count` (parser, text) pairs drawn evenly over the parsers, reproducibly."""
    rng = random.Random(seed)
    parsers = list(SAMPLES)
    return [(parser, rng.choice(SAMPLES[parser])) for parser in
            (rng.choice(parsers) for _ in range(count))]


def run(inputs: list[tuple]) -> tuple[float, dict]:
    per_parser: dict = defaultdict(lambda: [0, 0.0])
    start = time.perf_counter()
    for parse, text in inputs:
        began = time.perf_counter()
        parse(text)
        stats = per_parser[parse.__name__]
        stats[0] += 1
        stats[1] += time.perf_counter() - began
    return time.perf_counter() - start, per_parser


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20190501)
    parser.add_argument("--lookups", type=int, default=10_000, help="postal look-ups to time")
    args = parser.parse_args()

    inputs = make_inputs(args.count, args.seed)
    run(inputs[:1000])  # warm caches and imports
    total, per_parser = run(inputs)
    per_100k, per_call = total * 100_000 / args.count, total / args.count * 1e6
    print(f"{args.count:,} mixed inputs: {total:.3f} s = {per_100k:.3f} s per 100k, "
          f"{per_call:.1f} µs per call")
    for name, (calls, seconds) in sorted(per_parser.items()):
        print(f"  {name:24} {calls:7,} calls  {seconds / calls * 1e6:7.1f} µs per call")

    codes = ["1000013", "4520961", "1008926", "9999999", "〒１００ー００１３"]
    lookup(codes[0])  # opens the database
    start = time.perf_counter()
    for i in range(args.lookups):
        lookup(codes[i % len(codes)])
    seconds = time.perf_counter() - start
    print(f"{args.lookups:,} postal look-ups: {seconds:.3f} s, "
          f"{seconds / args.lookups * 1e6:.1f} µs per call")


if __name__ == "__main__":
    main()
