"""Benchmark: ``zoneplan plan`` (plan + render both dialects) on generated inventories.

For each size and strategy a fresh child process (so that peak memory is its own) does, in
order:

1. the baseline: ``yaml.load(text, Loader=yaml.CSafeLoader)`` of the inventory (GC on, as a
   naive tool would), and the peak RSS after it;
2. the whole ``zoneplan plan`` pipeline: ``validate_inventory`` (load, graph, every rule),
   ``build_plan``, ``check_plan``, ``render_plan`` (fabric A in Brocade FOS, fabric B in
   Cisco MDS syntax: both dialects) and ``plan.json``.

Each phase is the fastest of ``--rounds`` rounds (one round above 10,000 hosts); RSS figures
come from the first round (peak RSS = the process maximum at its end). It prints a markdown table (times in seconds, ratio to the baseline);
the figures are copied into docs/benchmarks.md.

    python bench/bench_plan.py [--sizes 1000 10000 50000] [--strategies sist simt peer smart]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(path: str, strategy: str, rounds: int) -> dict:
    """One measurement in this (fresh) process: the fastest of ``rounds`` for every phase."""
    import gc

    import yaml

    from zoneplan.plan import build_plan
    from zoneplan.plan.checks import check_plan
    from zoneplan.render import render_plan
    from zoneplan.validate import validate_inventory
    from zoneplan.workflows.plan import plan_json_bytes

    text = Path(path).read_text(encoding="utf-8")
    best: dict[str, float] = {}
    rss: dict[str, float] = {}
    for i in range(rounds):
        t0 = time.perf_counter()
        data = yaml.load(text, Loader=yaml.CSafeLoader)
        took = {"yaml": time.perf_counter() - t0}
        if i == 0:
            rss["rss_yaml_mb"] = _rss_mb()
        del data
        gc.collect()
        t = time.perf_counter()
        validation = validate_inventory(path)
        took["validate"] = time.perf_counter() - t
        if i == 0:
            rss["rss_validate_mb"] = _rss_mb()
        assert validation.usable and validation.topology is not None
        t = time.perf_counter()
        plan = build_plan(validation.topology, strategy)
        took["plan"] = time.perf_counter() - t
        t = time.perf_counter()
        findings = check_plan(plan, validation.topology)
        took["check"] = time.perf_counter() - t
        t = time.perf_counter()
        rendered = render_plan(plan)
        took["render"] = time.perf_counter() - t
        t = time.perf_counter()
        doc = plan_json_bytes(plan)
        took["json"] = time.perf_counter() - t
        for k, v in took.items():
            best[k] = min(best.get(k, v), v)
        result = {
            "zones": sum(len(fp.zones) for fp in plan.fabrics),
            "aliases": sum(len(fp.aliases) for fp in plan.fabrics),
            "script_mb": sum(len(r.script) + len(r.rollback) for r in rendered) / 1e6,
            "json_mb": len(doc) / 1e6,
            "dialects": sorted({fp.pack for fp in plan.fabrics}),
            "codes": sorted({f.code for f in findings}),
        }
        if i == 0:
            rss["rss_peak_mb"] = _rss_mb()  # memory: first round only (later rounds reuse it)
        del validation, plan, findings, rendered, doc
        gc.collect()
    return {**best, **result, **rss}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    ap.add_argument("--strategies", nargs="+", default=["sist", "simt", "peer", "smart"])
    ap.add_argument("--rounds", type=int, default=3, help="rounds per case (1 above 10k hosts)")
    ap.add_argument(
        "--child", nargs=3, metavar=("PATH", "STRATEGY", "ROUNDS"), help=argparse.SUPPRESS
    )
    args = ap.parse_args()
    if args.child:
        path, strategy, rounds = args.child
        print(json.dumps(child(path, strategy, int(rounds))))
        return
    from zoneplan.samplegen import generate_inventory_yaml

    print(
        "| hosts | strategy | zones | yaml.load (s) | validate (s) | plan+check+render+json (s) "
        "| plan+render ratio | whole command ratio | RSS after yaml.load (MB) "
        "| RSS after validate (MB) | peak RSS (MB) | ZP5xx |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for hosts in args.sizes:
            path = Path(tmp) / f"inv{hosts}.yaml"
            path.write_text(
                generate_inventory_yaml(hosts, vendor_a="brocade", vendor_b="cisco", seed=0),
                encoding="utf-8",
            )
            for strategy in args.strategies:
                out = subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--child",
                        str(path),
                        strategy,
                        str(args.rounds if hosts <= 10_000 else 1),
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                    env=dict(os.environ),
                )
                r = json.loads(out.stdout.strip().splitlines()[-1])
                ours = r["plan"] + r["check"] + r["render"] + r["json"]
                whole = r["validate"] + ours
                print(
                    f"| {hosts:,} | {strategy} | {r['zones']:,} | {r['yaml']:.2f} | "
                    f"{r['validate']:.2f} | {ours:.2f} | {ours / r['yaml']:.2f}× | "
                    f"{whole / r['yaml']:.2f}× | {r['rss_yaml_mb']:.0f} | "
                    f"{r['rss_validate_mb']:.0f} | {r['rss_peak_mb']:.0f} | "
                    f"{' '.join(r['codes']) or '-'} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
