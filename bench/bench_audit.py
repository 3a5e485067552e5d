"""Benchmark: audit diff of a ~100,000-zone plan against its observed state (aim < 1 s).

The plan is the sist plan of a generated inventory (4 zones per host over both fabrics); the
observed state is the same zoning as the switches would report it (``states_from_plan``), so
the audit walks every zone, alias and login and finds nothing. Timed: ``audit(plan, topology,
states)`` only (not the building of its inputs).

    python bench/bench_audit.py [--hosts 25000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support.planstate import states_from_plan  # noqa: E402
from zoneplan.audit import audit  # noqa: E402
from zoneplan.gcpause import gc_paused  # noqa: E402
from zoneplan.plan.build import build_plan  # noqa: E402
from zoneplan.samplegen import generate_inventory_yaml  # noqa: E402
from zoneplan.validate import validate_inventory  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--hosts", type=int, default=25000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "inv.yaml"
        path.write_text(generate_inventory_yaml(args.hosts))
        v = validate_inventory(path)
        plan = build_plan(v.topology, "sist")
        states = list(states_from_plan(plan, v.topology).values())
    zones = sum(len(fp.zones) for fp in plan.fabrics)
    aliases = sum(len(fp.aliases) for fp in plan.fabrics)
    logins = sum(len(s.logins) for s in states)
    times = []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        with gc_paused():
            result = audit(plan, v.topology, states)
        times.append(time.perf_counter() - t0)
    assert set(result.verdicts.values()) == {"in-sync"}, result.verdicts
    t = statistics.median(times)
    print("| hosts | zones | aliases | logins | audit diff (s) | zones per second |")
    print("|---:|---:|---:|---:|---:|---:|")
    print(f"| {args.hosts:,} | {zones:,} | {aliases:,} | {logins:,} | {t:.2f} | {zones / t:,.0f} |")


if __name__ == "__main__":
    main()
