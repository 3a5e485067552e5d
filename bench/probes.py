"""Library ratios: a library call and its yardstick in one fresh process, round by round.

``python bench/probes.py NAME ARGS...`` prints one JSON object: ``ratios`` (one per round,
wall time), ``cpu_ratios`` (process CPU time) and whatever else the probe reports. Each probe
runs in its own process so that its memory and its imports are its own; inside it, the
yardstick and the call alternate, so both see the same machine.
"""

from __future__ import annotations

import gc
import json
import re
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WWN_RE = re.compile(r"(?:[0-9a-fA-F]{2}:){7}[0-9a-fA-F]{2}")


def _timed(fn: Callable[[], object]) -> tuple[float, float, object]:
    gc.collect()
    w, c = time.perf_counter(), time.process_time()
    out = fn()
    return time.perf_counter() - w, time.process_time() - c, out


def _rounds(ours: Callable[[], object], base: Callable[[], object], rounds: int) -> dict:
    wall: list[float] = []
    cpu: list[float] = []
    secs: list[float] = []
    base_secs: list[float] = []
    for i in range(rounds):
        order = (base, ours) if i % 2 == 0 else (ours, base)
        got = {}
        for fn in order:
            w, c, out = _timed(fn)
            got[fn] = (w, c)
            del out
        wall.append(got[ours][0] / got[base][0])
        cpu.append(got[ours][1] / got[base][1])
        secs.append(got[ours][0])
        base_secs.append(got[base][0])
    return {"ratios": wall, "cpu_ratios": cpu, "seconds": secs, "base_seconds": base_secs}


def _plain_load(path: str) -> Callable[[], object]:
    import yaml

    return lambda: yaml.load(Path(path).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def probe_validate(path: str, rounds: str) -> dict:
    """``workflows.validate.validate_inventory`` (what ``zoneplan validate`` calls) vs a load."""
    from zoneplan.workflows.validate import validate_inventory

    return _rounds(lambda: validate_inventory(path), _plain_load(path), int(rounds))


def probe_plan(path: str, strategy: str, rounds: str) -> dict:
    """``plan_inventory`` + ``write_plan`` (what ``zoneplan plan`` calls) vs a load."""
    from zoneplan.workflows.plan import plan_inventory, write_plan

    with tempfile.TemporaryDirectory() as tmp:

        def ours() -> object:
            run = plan_inventory(path, strategy=strategy, greenfield=True)
            write_plan(run, Path(tmp), force=True)
            return run

        return _rounds(ours, _plain_load(path), int(rounds))


def probe_audit(path: str, capture: str, rounds: str) -> dict:
    """``audit_captures`` (what ``zoneplan audit --capture`` calls) vs validating the same
    inventory; the process's peak RSS after the first round."""
    from zoneplan.workflows.audit import audit_captures
    from zoneplan.workflows.validate import validate_inventory

    out = _rounds(
        lambda: audit_captures([capture], path), lambda: validate_inventory(path), int(rounds)
    )
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def probe_audit_diff(hosts: str, rounds: str) -> dict:
    """The audit diff alone (``audit``), GC on as the CLI runs it, after the CLI's steps:
    a sist plan of ``hosts`` generated hosts against the same zoning as switches report it
    (one copy per fabric, as the capture reader shares identical copies)."""
    from tests.support.planstate import states_from_plan
    from zoneplan.audit import audit
    from zoneplan.plan.build import build_plan
    from zoneplan.samplegen import generate_inventory_yaml
    from zoneplan.validate import validate_inventory

    with tempfile.TemporaryDirectory() as tmp:
        inv = Path(tmp) / "inv.yaml"
        inv.write_text(generate_inventory_yaml(int(hosts)), encoding="utf-8")
        v = validate_inventory(inv, policy=False)
        plan = build_plan(v.topology, "sist")
        states = list(states_from_plan(plan, v.topology).values())
    # as the capture reader hands them over: the switches of a fabric printed the same
    # zoning, parsed once and shared (parsers.capture.SHARED_FEEDS)
    first: dict[tuple[str, int], object] = {}
    for st in states:
        for key, z in st.zoning.items():
            fab = v.topology.switch_fabric[st.name]
            got = first.setdefault((fab, key), z)
            z.defined, z.effective = got.defined, got.effective  # type: ignore[attr-defined]
    secs, cpus = [], []
    for _ in range(int(rounds)):
        w, c, result = _timed(lambda: audit(plan, v.topology, states))
        assert set(result.verdicts.values()) == {"in-sync"}, result.verdicts  # type: ignore[attr-defined]
        secs.append(w)
        cpus.append(c)
    zones = sum(len(fp.zones) for fp in plan.fabrics)
    return {"seconds": secs, "cpu_seconds": cpus, "zones": zones, "gc": gc.isenabled()}


def probe_cfgshow(path: str, rounds: str) -> dict:
    """``parse_cfgshow`` vs one ``re.finditer`` pass of a WWN regex over the same text."""
    from zoneplan.parsers.brocade import parse_cfgshow

    text = Path(path).read_text(encoding="utf-8")

    def floor() -> object:
        return sum(1 for _ in WWN_RE.finditer(text))

    return _rounds(lambda: parse_cfgshow(text, "cfgshow.txt"), floor, int(rounds))


def probe_check_plan(path: str, strategy: str, rounds: str) -> dict:
    """``check_plan`` alone (ZP5xx) on the plan of ``path``: seconds per round, members."""
    from zoneplan.plan.build import build_plan
    from zoneplan.plan.checks import check_plan
    from zoneplan.validate import validate_inventory

    v = validate_inventory(path, policy=False)
    plan = build_plan(v.topology, strategy)
    secs = []
    for _ in range(int(rounds)):
        w, _c, _out = _timed(lambda: check_plan(plan, v.topology))
        secs.append(w)
    members = sum(len(z.all_members()) for fp in plan.fabrics for z in fp.zones)
    return {"seconds": secs, "members": members}


def probe_validate_twice(path: str) -> dict:
    """What a long-running process keeps after one validate and after three (each result
    dropped before the next): whether the first result was freed (a weak reference), the
    interpreter's live memory blocks, and RSS (which also holds what the allocator keeps
    for reuse, so it grows without a leak)."""
    import weakref

    from zoneplan.validate import validate_inventory

    def rss() -> float:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * resource.getpagesize() / 2**20

    first = validate_inventory(path)
    assert first.topology is not None
    ref = weakref.ref(first.topology)
    del first
    gc.collect()
    one, blocks_one = rss(), sys.getallocatedblocks()
    for _ in range(2):
        validate_inventory(path)
        gc.collect()
    return {
        "rss_after_1_mb": one,
        "rss_after_3_mb": rss(),
        "blocks_after_1": blocks_one,
        "blocks_after_3": sys.getallocatedblocks(),
        "first_freed": ref() is None,
    }


def probe_imports() -> dict:
    """Milliseconds to import what ``zoneplan validate`` imports, in a fresh process."""
    t0 = time.perf_counter()
    import yaml  # noqa: F401

    t1 = time.perf_counter()
    import zoneplan.cli  # noqa: F401

    t2 = time.perf_counter()
    return {"yaml_ms": 1000 * (t1 - t0), "zoneplan_cli_ms": 1000 * (t2 - t1)}


PROBES = {
    "validate": probe_validate,
    "plan": probe_plan,
    "audit": probe_audit,
    "audit_diff": probe_audit_diff,
    "cfgshow": probe_cfgshow,
    "check_plan": probe_check_plan,
    "validate_twice": probe_validate_twice,
    "imports": probe_imports,
}


def main() -> None:
    name, *args = sys.argv[1:]
    print(json.dumps(PROBES[name](*args)))


if __name__ == "__main__":
    main()
