"""Benchmark: the day-2 change of a 20,000-zone fabric with 1 % edits, against a full plan.

The inventory: ``generate_inventory_yaml(10_000)`` (sist: two zones per client per fabric, so
20,004 zones on each fabric; fabric A Brocade, fabric B Cisco: both dialects). The fabric as
observed is the zoning an earlier inventory left, applied by zoneplan: 1 % of the clients
differ (50 removed, 50 added, 25 HBAs replaced), so about 1 % of the zones change.

Baseline (same process): the **full plan** of the current inventory — ``build_plan``, the
greenfield change of every fabric, rendering precheck, script, rollback and verify in both
dialects. Measured: the **day-2 plan** of the same inventory — ``build_plan``, the observed
baseline of each fabric built from its zone databases (``Baseline.from_db``: the fingerprint
included), ``compute_change`` with ``allow_delete`` and the ownership record, rendering the same
four artefacts. Validation and capture parsing are the same work in both and measured
elsewhere (``bench_validate.py``, ``bench_parsers.py``). Fastest of ``--rounds`` rounds.

    python bench/bench_change.py [--hosts 10000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import copy
import gc
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _previous(data: dict, share: float = 0.01) -> dict:
    """The inventory the fabric was zoned from: 1 % of the clients differ."""
    old = copy.deepcopy(data)
    n = max(4, int(len(old["hosts"]) * share))
    added_today = old["hosts"][-(n // 2) :]
    old["hosts"] = old["hosts"][: -(n // 2)]  # the last n/2 clients are new today
    extra = copy.deepcopy(added_today)
    for i, h in enumerate(extra):  # n/2 clients that are gone today
        h["name"] = f"gone{i:05d}"
        for hba in h["hbas"]:
            for p in hba["ports"]:
                p["wwpn"] = "5" + p["wwpn"][1:]
    old["hosts"] += extra
    for h in old["hosts"][: n // 4]:  # n/4 clients whose HBA was replaced since
        for hba in h["hbas"]:
            for p in hba["ports"]:
                p["wwpn"] = "6" + p["wwpn"][1:]
    return old


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--hosts", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    from tests.support.planstate import zonedbs_from_fabric_plan
    from zoneplan.gcpause import gc_paused
    from zoneplan.model import Inventory
    from zoneplan.packs import load_pack
    from zoneplan.plan import Baseline, ChangeOptions, build_plan, compute_change
    from zoneplan.plan.delta import greenfield_change
    from zoneplan.render import render_plan
    from zoneplan.samplegen import generate_inventory_yaml
    from zoneplan.topology import build_topology

    data = yaml.safe_load(
        generate_inventory_yaml(args.hosts, vendor_a="brocade", vendor_b="cisco", seed=0)
    )
    topo = build_topology(Inventory.model_validate(data))
    old_topo = build_topology(Inventory.model_validate(_previous(data)))
    old_plan = build_plan(old_topo)
    observed = {}
    for fp in old_plan.fabrics:
        defined, effective = zonedbs_from_fabric_plan(fp, source=fp.name)
        das = {a.name: a.wwpn for a in fp.aliases} if fp.vendor == "cisco" else {}
        owned = greenfield_change(fp).change.ownership
        observed[fp.name] = (defined, effective, das, owned)

    best: dict[str, float] = {}
    facts: dict[str, object] = {}
    for _ in range(args.rounds):
        gc.collect()
        t = time.perf_counter()
        plan = build_plan(topo)
        changes = {fp.name: greenfield_change(fp).change for fp in plan.fabrics}
        full = render_plan(plan, changes)
        took_full = time.perf_counter() - t
        facts["zones"] = [len(fp.zones) for fp in plan.fabrics]
        del plan, changes, full
        gc.collect()

        t = time.perf_counter()
        plan = build_plan(topo)
        changes = {}
        with gc_paused():
            for fp in plan.fabrics:
                defined, effective, das, owned = observed[fp.name]
                base = Baseline.from_db(fp.name, load_pack(fp.pack), defined, effective, das)
                opts = ChangeOptions(allow_delete=True, ownership=owned)
                result = compute_change(fp, base, opts)
                assert not result.blocked, [f.message for f in result.findings][:3]
                changes[fp.name] = result.change
        day2 = render_plan(plan, changes)
        took_change = time.perf_counter() - t
        facts["ops"] = {name: len(c.ops) for name, c in changes.items()}
        facts["counts"] = {name: c.counts for name, c in changes.items()}
        del plan, changes, day2
        for k, v in (("full", took_full), ("change", took_change)):
            best[k] = min(best.get(k, v), v)
    print(f"zones per fabric: {facts['zones']}; operations: {facts['ops']}")
    print(f"counts: {facts['counts']}")
    print("| zones per fabric | changed | full plan (s) | day-2 change (s) | ratio |")
    print("|---:|---|---:|---:|---:|")
    print(
        f"| {max(facts['zones']):,} | {facts['ops']} | {best['full']:.2f} | "  # type: ignore[arg-type]
        f"{best['change']:.2f} | {best['change'] / best['full']:.2f}× |"
    )


if __name__ == "__main__":
    main()
