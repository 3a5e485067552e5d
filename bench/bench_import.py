"""Benchmark: ``zoneplan import`` of a 15,000-zone fabric, as a ratio to its parse (aim <= 1.5x).

The capture is one Brocade switch's terminal log (``switchshow``, ``cfgshow`` and ``nsshow``,
generated in the real layouts by :mod:`tests.support.show_render`): ``--zones`` single-initiator
zones of hosts to array ports, every host logged in. Timed in the same process: the parse
(``read_captures``) and the import (``read_captures`` + ``draft_inventory`` + ``draft_yaml``,
what ``zoneplan import`` does before writing). The ratio import / parse says what drafting
adds: a quadratic draft (14 s for 15,000 zones before issue 13) shows as a ratio far above 2.

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
from zoneplan.observed import Login, Zone, ZoneDb  # noqa: E402
from zoneplan.parsers.capture import read_captures  # noqa: E402


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
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sw1.txt"
        path.write_text(capture(args.zones))
        parse, full = [], []
        for _ in range(args.rounds):
            t0 = time.process_time()
            with gc_paused():
                states, _ = read_captures([path])
            parse.append(time.process_time() - t0)
            t0 = time.process_time()
            with gc_paused():
                states, _ = read_captures([path])
                data = draft_inventory(states.values())
                text = draft_yaml(data)
            full.append(time.process_time() - t0)
        size = path.stat().st_size
    kept = len(data["existing_zones"])
    assert kept == args.zones, (kept, args.zones)
    p, f = statistics.median(parse), statistics.median(full)
    print("| zones | capture | draft | parse (s) | import (s) | import / parse |")
    print("|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {args.zones:,} | {size / 1e6:.1f} MB | {len(text) / 1e6:.1f} MB "
        f"| {p:.2f} | {f:.2f} | {f / p:.2f} |"
    )


if __name__ == "__main__":
    main()
