"""Linear time on hostile input (issue 14): each fix, measured as ratios in this process.

For every input that was quadratic, the same hostile shape is timed at ``n`` and ``4n``:

* ``growth``: time(4n) / time(n); linear is about 4, quadratic about 16;
* ``x floor``: zoneplan's time at 4n divided by a plain pass over the same text in the same
  process (``str.splitlines``, one ``re.finditer``, one CSafeLoader ``yaml.load``): how far
  from "just reading it" the hostile input is.

The patterns as they were before the fix are timed too (at smaller n: they are quadratic),
so the table shows what the fix changed. Run::

    python bench/bench_hardening.py [--scale 1.0] [--rounds 3]

Figures go to docs/benchmarks.md (section Hardening II).
"""

from __future__ import annotations

import argparse
import gc
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from zoneplan.hosts import mpll  # noqa: E402
from zoneplan.loader import parse_inventory  # noqa: E402
from zoneplan.parsers.capture import read_capture_text  # noqa: E402
from zoneplan.parsers.terminal import terminal  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "euronas-cluster.yaml"

#: the patterns before issue 14, for the "before" rows
OLD_PROMPT = re.compile(
    r"^(?:([A-Za-z0-9_.\-]+)(?::[A-Za-z0-9_.\-]+)*)?(?:\s*\([^)\n]*\))?[>#] ?(\S[^\n]*)$", re.M
)
OLD_RHEL5_GROUP = re.compile(
    r"^(?P<policy>[^\[\]]*?)\s*\[prio=(?P<prio>-?[0-9]+)\]\[(?P<status>[^\[\]]*)\]$"
)


def _time(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _row(
    what: str,
    n: int,
    make: Callable[[int], object],
    ours: Callable[[object], object],
    floor: Callable[[object], object],
    rounds: int,
) -> str:
    small, big = make(n), make(4 * n)
    t1 = _time(lambda: ours(small), rounds)
    t4 = _time(lambda: ours(big), rounds)
    f4 = _time(lambda: floor(big), rounds)
    return (
        f"| {what} | {n:,} → {4 * n:,} | {t1 * 1e3:,.1f} → {t4 * 1e3:,.1f} ms | "
        f"{t4 / t1:.1f} | {t4 / f4:,.1f} |"
    )


def _blank_lines(n: int) -> str:
    return "\n" * n


def _session_log(n: int) -> str:
    one = "sw1:admin> cfgtransshow\nThere is no outstanding zoning transaction\n\n"
    return one * n


def _rhel5(n: int) -> str:
    return "round-robin 0" + " " * n + "x"


def _mpll(n: int) -> str:
    head = "mpath1 (36006016035303900df9eaf55ec5bec11) dm-0 DGC,VRAID\n"
    head += "[size=1.0T][features=1 queue_if_no_path][hwhandler=1 emc][rw]\n"
    return head + "\\_ round-robin 0" + " " * n + "\n"


def _pager_line(n: int) -> str:
    return " " * n + "More"


def _unknown_keys(n: int) -> str:
    text = SAMPLE.read_text(encoding="utf-8")
    return text + "".join(f"unknown_key_{i}: 1\n" for i in range(n))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every n")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    r, s = args.rounds, args.scale

    def n(x: int) -> int:
        return max(1, int(x * s))

    prompt_floor = re.compile(r"^\S+[>#] \S.*$", re.M)
    terminal()  # compiled once, outside the timings
    rows = [
        "| input | n | time | growth (4n/n) | × floor at 4n |",
        "|---|---:|---:|---:|---:|",
        _row(
            "capture: blank lines (prompt regex)",
            n(100_000),
            _blank_lines,
            lambda t: read_capture_text(t, "x"),
            lambda t: t.splitlines(),
            r,
        ),
        _row(
            "  before: `\\s*` in the prompt regex",
            n(5_000),
            _blank_lines,
            lambda t: list(OLD_PROMPT.finditer(t)),
            lambda t: t.splitlines(),
            r,
        ),
        _row(
            "capture: session log, prompts",
            n(5_000),
            _session_log,
            lambda t: read_capture_text(t, "x"),
            lambda t: list(prompt_floor.finditer(t)),
            r,
        ),
        _row(
            "  before: line number by `text.count` per prompt",
            n(5_000),
            _session_log,
            lambda t: [t.count("\n", 0, m.start()) for m in OLD_PROMPT.finditer(t)],
            lambda t: list(prompt_floor.finditer(t)),
            r,
        ),
        _row(
            "`multipath -ll` RHEL 5 group line, blank run",
            n(1_000_000),
            _mpll,
            lambda t: mpll.parse_multipath_ll(t, "x"),
            lambda t: t.splitlines(),
            r,
        ),
        _row(
            "  before: lazy policy + `\\s*`",
            n(5_000),
            _rhel5,
            lambda t: OLD_RHEL5_GROUP.match(t),
            lambda t: t.find("["),
            r,
        ),
        _row(
            "pager prompt search, a blank run and a marker",
            n(200_000),
            _pager_line,
            lambda t: terminal().pager_spans(t),
            lambda t: t.find("More"),
            r,
        ),
        _row(
            "  before: `\\s*(?:pager)\\s*` searched over the line",
            n(5_000),
            _pager_line,
            lambda t: terminal().pager.search(t),
            lambda t: t.find("More"),
            r,
        ),
        _row(
            "inventory with unknown keys (SourceMap.locate)",
            n(5_000),
            _unknown_keys,
            lambda t: parse_inventory(t, "inv.yaml"),
            lambda t: yaml.load(t, Loader=yaml.CSafeLoader),
            r,
        ),
    ]
    print("\n".join(rows))


if __name__ == "__main__":
    main()
