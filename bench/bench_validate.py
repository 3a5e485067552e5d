"""Benchmark: load + validate generated inventories, as a ratio to a plain libyaml load.

For each size the same file is loaded twice in this process: once with
``yaml.load(text, Loader=yaml.CSafeLoader)`` (default settings, GC on: what a naive tool does)
and once through ``zoneplan.validate.validate_inventory`` (compose with positions, pydantic,
graph, every rule). Prints a markdown table; figures go to docs/benchmarks.md.

    python bench/bench_validate.py [--sizes 1000 10000 50000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from zoneplan.samplegen import generate_inventory_yaml  # noqa: E402
from zoneplan.validate import validate_inventory  # noqa: E402


def _time(fn, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for hosts in args.sizes:
            path = Path(tmp) / f"inv{hosts}.yaml"
            text = generate_inventory_yaml(hosts)
            path.write_text(text)
            plain = _time(
                lambda p=path: yaml.load(p.read_text(), Loader=yaml.CSafeLoader), args.rounds
            )
            result = None

            def run(p: Path = path) -> None:
                nonlocal result
                result = validate_inventory(p)

            ours = _time(run, args.rounds)
            assert result is not None and result.usable
            errors = sum(1 for f in result.findings if f.severity.rank >= 2)
            rows.append((hosts, len(text) / 1e6, plain, ours, errors))
            print(f"{hosts} hosts: plain {plain:.2f}s validate {ours:.2f}s", file=sys.stderr)
    print(
        "| hosts | ports | YAML MB | plain CSafeLoader load (s) | zoneplan validate (s) | ratio | µs per host |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for hosts, mb, plain, ours, _errors in rows:
        print(
            f"| {hosts:,} | {2 * hosts:,} | {mb:.1f} | {plain:.2f} | {ours:.2f} | {ours / plain:.2f}× "
            f"| {1e6 * ours / hosts:.0f} |"
        )


if __name__ == "__main__":
    main()
