"""Linear time on hostile input (issue 14): each fix, measured as ratios in this process.

For every input that was quadratic, the same hostile shape is timed at ``n`` and ``4n``:

* ``growth``: time(4n) / time(n); linear is about 4, quadratic about 16;
* ``x floor``: zoneplan's time at 4n divided by a plain pass over the same text in the same
  process (``str.splitlines``, one ``re.finditer``, one CSafeLoader ``yaml.load``): how far
  from "just reading it" the hostile input is.

The patterns as they were before the fix are timed too (at smaller n: they are quadratic),
so the table shows what the fix changed. Run::

    python bench/bench_hardening.py [--scale 1.0] [--rounds 3] [--repeats]

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
from zoneplan.parsers import brocade, cisco  # noqa: E402
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


_WWPN = "21:00:00:24:ff:00:00:01"
_NO_EFFECTIVE = "\nEffective configuration:\n no configuration in effect\n\n"


def _wwn(i: int) -> str:
    return f"21:00:00:24:ff:{i >> 16 & 255:02x}:{i >> 8 & 255:02x}:{i & 255:02x}"


def _cfgshow_reprinted(kind: str) -> Callable[[int], str]:
    """One name printed ``n`` times, each copy with its own member (task 21)."""

    def make(n: int) -> str:
        body = "".join(f" {kind}:\tx\tm{i}\n" for i in range(n))
        return "Defined configuration:\n" + body + _NO_EFFECTIVE

    return make


def _alishow_same_wwpn(n: int) -> str:
    return "".join(f" alias:\ta{i}\t{_WWPN}\n" for i in range(n)) + "\n"


def _nsshow_same_wwpn(n: int) -> str:
    head = "{\n Type Pid    COS     PortName                NodeName                 TTL(sec)\n"
    rows = "".join(
        f" N    {0x010000 + i:06x};      3;{_WWPN};20:00:00:24:ff:00:00:02; na\n    FC4s: FCP\n"
        for i in range(n)
    )
    return head + rows + f"The Local Name Server has {n} entries }}\n"


def _nxos_zone_reprinted(n: int) -> str:
    return "".join(f"zone name z vsan 1\n  pwwn {_wwn(i)}\n" for i in range(n))


def _nxos_active_reprinted(n: int) -> str:
    return "zoneset name zs vsan 1\n" + "".join(
        f"  zone name z vsan 1\n  * fcid 0x{i:06x} [pwwn {_wwn(i)}]\n" for i in range(n)
    )


def _nxos_zone_ports(n: int) -> str:
    ports = (f"  interface fc{i // 48 + 1}/{i % 48 + 1} domain-id 7\n" for i in range(n))
    return "zone name z vsan 1\n" + "".join(ports)


def _nxos_zone_fcaliases(n: int) -> str:
    aliases = (f"  fcalias name a{i} vsan 1\n    pwwn {_WWPN}\n" for i in range(n))
    return "zone name z vsan 1\n" + "".join(aliases)


def _nxos_fcalias_reprinted(n: int) -> str:
    return "".join(f"fcalias name a vsan 1\n  pwwn {_wwn(i)}\n" for i in range(n))


def _device_alias_same_wwpn(n: int) -> str:
    rows = "".join(f"device-alias name a{i} pwwn {_WWPN}\n" for i in range(n))
    return rows + f"\nTotal number of entries = {n}\n"


def _device_alias_reprinted(n: int) -> str:
    rows = "".join(f"device-alias name a pwwn {_wwn(i)}\n" for i in range(n))
    return rows + f"\nTotal number of entries = {n}\n"


def _flogi_same_wwpn(n: int) -> str:
    rule = "-" * 80 + "\n"
    head = rule + "INTERFACE        VSAN    FCID           PORT NAME               NODE NAME\n"
    rows = "".join(
        f"fc1/5            10    0x{0x010000 + i:06x}  {_WWPN} 20:00:00:24:ff:00:00:02\n"
        for i in range(n)
    )
    return head + rule + rows + f"\nTotal number of flogi = {n}.\n"


#: hostile repeats of one name or WWPN (task 21): (what, input, parser)
REPEATS: list[tuple[str, Callable[[int], str], Callable[[str, str], object]]] = [
    ("`cfgshow`: one zone name printed n times", _cfgshow_reprinted("zone"), brocade.parse_cfgshow),
    (
        "`cfgshow`: one alias name printed n times",
        _cfgshow_reprinted("alias"),
        brocade.parse_cfgshow,
    ),
    ("`zoneshow`: one cfg name printed n times", _cfgshow_reprinted("cfg"), brocade.parse_zoneshow),
    ("`alishow`: one WWPN in n aliases", _alishow_same_wwpn, brocade.parse_alishow),
    ("`nsshow`: one WWPN in n entries", _nsshow_same_wwpn, brocade.parse_nsshow),
    ("`show zone`: one zone name printed n times", _nxos_zone_reprinted, cisco.parse_show_zone),
    (
        "`show zoneset active`: one zone name n times",
        _nxos_active_reprinted,
        cisco.parse_show_zoneset_active,
    ),
    ("`show zone`: n port members in one zone", _nxos_zone_ports, cisco.parse_show_zone),
    ("`show zone`: n fcaliases in one zone", _nxos_zone_fcaliases, cisco.parse_show_zone),
    ("`show fcalias`: one name printed n times", _nxos_fcalias_reprinted, cisco.parse_show_fcalias),
    (
        "`show device-alias database`: one name n times",
        _device_alias_reprinted,
        cisco.parse_show_device_alias_database,
    ),
    (
        "`show device-alias database`: one WWPN n times",
        _device_alias_same_wwpn,
        cisco.parse_show_device_alias_database,
    ),
    ("`show flogi database`: one WWPN n times", _flogi_same_wwpn, cisco.parse_show_flogi_database),
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every n")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repeats", action="store_true", help="only the one-name/WWPN rows")
    args = ap.parse_args()
    r, s = args.rounds, args.scale

    def n(x: int) -> int:
        return max(1, int(x * s))

    prompt_floor = re.compile(r"^\S+[>#] \S.*$", re.M)
    terminal()  # compiled once, outside the timings
    rows = ["| input | n | time | growth (4n/n) | × floor at 4n |", "|---|---:|---:|---:|---:|"]
    rows += (
        []
        if args.repeats
        else [
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
    )
    wwn_line = re.compile(r"(?:[0-9a-f]{2}:){7}[0-9a-f]{2}")
    for what, make, parse in REPEATS:
        rows.append(
            _row(
                what,
                n(20_000),
                make,
                lambda t, parse=parse: parse(t, "x"),  # type: ignore[misc]
                lambda t: list(wwn_line.finditer(t)) + t.splitlines(),
                r,
            )
        )
    print("\n".join(rows))


if __name__ == "__main__":
    main()
