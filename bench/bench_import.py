"""Benchmark: ``zoneplan import`` of a 15,000-zone fabric, as a ratio to its parse (aim <= 1.5x).

The capture is one Brocade switch's terminal log (``switchshow``, ``cfgshow`` and ``nsshow``,
generated in the real layouts by :mod:`tests.support.show_render`): ``--zones`` single-initiator
zones of hosts to array ports, every host logged in. Timed in the same process: the parse
(``read_captures``), then each stage of ``zoneplan import`` after it: the draft
(``draft_inventory``), its YAML (``draft_yaml``) and its check (``check_draft``: the inventory
model on the data the loader would read), CPU time (the machine is shared). The ratios to the
parse say what each adds: a quadratic draft (14 s for 15,000 zones before issue 13) shows as a
ratio far above 2. For scale, the loader reading the draft's text back (what the check was
before: YAML with line numbers, then the same model) is timed in the same rounds; it is not
part of the import.

    python bench/bench_import.py [--zones 15000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support import show_render  # noqa: E402
from zoneplan.gcpause import gc_paused  # noqa: E402
from zoneplan.importer import draft_inventory, draft_yaml  # noqa: E402
from zoneplan.loader import parse_inventory  # noqa: E402
from zoneplan.observed import Login, Zone, ZoneDb  # noqa: E402
from zoneplan.parsers.capture import read_captures  # noqa: E402
from zoneplan.workflows.importing import check_draft  # noqa: E402


def _wwn(rng: random.Random, prefix: str) -> str:
    return prefix + ":".join(f"{rng.randrange(256):02x}" for _ in range(5))


def capture(zones: int, seed: int = 7) -> str:
    """A switch's log: switchshow, cfgshow with ``zones`` zones, nsshow of every member."""
    rng = random.Random(seed)
    targets = [(f"array{k:02d}_ct{k % 2}_p{k % 4}", _wwn(rng, "50:06:01:")) for k in range(32)]
    defined = ZoneDb()
    eff = ZoneDb(effective="cfg_fabA")
    for name, w in targets:
        defined.aliases[name] = [w]
    logins = [Login(w, w.replace("50:06:01", "50:06:00"), device_type="target") for _, w in targets]
    names = []
    for i in range(zones):
        host = f"esx{i:05d}_hba{i % 2}"
        hw = _wwn(rng, "21:00:00:")
        defined.aliases[host] = [hw]
        t = targets[i % len(targets)]
        zname = f"z_{host}__{t[0]}"
        defined.zones[zname] = Zone(zname, [host, t[0]])
        eff.zones[zname] = Zone(zname, [hw, t[1]])
        logins.append(Login(hw, hw.replace("21:00", "20:00", 1), device_type="initiator"))
        names.append(zname)
    defined.configs["cfg_fabA"] = names
    eff.configs["cfg_fabA"] = names
    for k, lg in enumerate(logins):
        lg.port = str(k % 448)
        lg.fcid = f"0x01{k % 256:02x}{k // 256 % 256:02x}"
        lg.npiv = k >= 448
    return (
        "sw1:admin> cfgshow\n"
        + show_render.render_cfgshow(defined, eff)
        + "sw1:admin> nsshow\n"
        + show_render.render_nsshow(logins)
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--zones", type=int, default=15000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    stages: dict[str, list[float]] = {"parse": [], "draft": [], "yaml": [], "check": []}
    read_back: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sw1.txt"
        path.write_text(capture(args.zones))
        size = path.stat().st_size
        for _ in range(args.rounds):
            with gc_paused():
                t0 = time.process_time()
                states, _ = read_captures([path])
                t1 = time.process_time()
                data = draft_inventory(states.values())
                t2 = time.process_time()
                text = draft_yaml(data)
                t3 = time.process_time()
                check = check_draft(data, text, "draft.yaml")
                t4 = time.process_time()
                loaded = parse_inventory(text, "draft.yaml")
                read_back.append(time.process_time() - t4)
            for k, v in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
                stages[k].append(v)
    assert check.ok and len(check.inventory.existing_zones) == args.zones
    assert loaded.inventory == check.inventory
    m = {k: statistics.median(v) for k, v in stages.items()}
    total = sum(m.values())
    print(
        "| zones | capture | draft | parse (s) | draft (s) | YAML (s) | check (s) "
        "| import (s) | draft / parse | import / parse | loader read-back (s) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {args.zones:,} | {size / 1e6:.1f} MB | {len(text) / 1e6:.1f} MB | {m['parse']:.2f} "
        f"| {m['draft']:.2f} | {m['yaml']:.2f} | {m['check']:.2f} | {total:.2f} "
        f"| {m['draft'] / m['parse']:.2f} | {total / m['parse']:.2f} "
        f"| {statistics.median(read_back):.2f} |"
    )


if __name__ == "__main__":
    main()
