"""Benchmark: ``zoneplan apply`` of a 2,000-zone change against the same commands sent blind.

The change: ``generate_inventory_yaml(--hosts)`` planned as a new fabric (sist: two zones
per client on each fabric, so ``--hosts 1000`` gives 2,000 zones on fabric A, Brocade FOS),
applied to an emulated FOS fabric (``tests/support/ssh_switch``, the zoning oracle behind it)
over real SSH on 127.0.0.1.

Baseline (same process, same emulator, a fresh empty fabric): the script's commands sent over
**one plain asyncssh connection with no checks** — one exec channel per command, as FOS takes
them, the reply read and ignored. Measured: ``apply_change`` of the same change — the live read
before (every switch of the fabric), the fingerprint and busy checks, the same commands with
every answer checked against the pack, the live read after and the verification (planning again
against it, foreign objects compared), the record folder. Fastest of ``--rounds`` rounds each.

    python bench/bench_apply.py [--hosts 1000] [--rounds 3]
    python bench/bench_apply.py --hosts 5000 --rounds 1   # 10,000 aliases on fabric A
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PASSWORD = "bench-pw"


def _plan(hosts: int, tmp: Path, ports: dict[str, int]) -> tuple[Path, Path]:
    """The inventory (switch addresses on the emulators) planned as a new fabric into chg/."""
    from zoneplan.samplegen import generate_inventory_yaml
    from zoneplan.workflows.plan import plan_inventory, write_plan

    data = yaml.safe_load(
        generate_inventory_yaml(hosts, vendor_a="brocade", vendor_b="brocade", seed=0)
    )
    for sw in data["switches"]:
        sw["mgmt"] = f"127.0.0.1:{ports.get(sw['name'], 9)}"
        sw["credentials"] = "bench"
    inv = tmp / "inv.yaml"
    inv.write_text(yaml.safe_dump(data, sort_keys=False))
    out = tmp / "chg"
    run = plan_inventory(inv, greenfield=True, fabric="A", out=out)
    assert run.stopped is None, (run.stopped, run.error)
    write_plan(run, out)
    return inv, out


def _switches(hosts: int):  # noqa: ANN202
    from tests.support.oracle import FosFabric
    from tests.support.ssh_switch import EmulatedSwitch, outputs_from_state
    from zoneplan.observed import SwitchIdentity, SwitchState
    from zoneplan.samplegen import generate_inventory_yaml

    data = yaml.safe_load(
        generate_inventory_yaml(hosts, vendor_a="brocade", vendor_b="brocade", seed=0)
    )
    names = [s["name"] for s in data["switches"] if s["fabric"] == "A"]
    fabric = FosFabric(switch=names[0])
    out = []
    for n in names:
        st = SwitchState(identity=SwitchIdentity(name=n, domain=1), vendor="brocade")
        out.append(
            EmulatedSwitch(n, "brocade", outputs_from_state(st), password=PASSWORD, fabric=fabric)
        )
    return out, fabric


async def _blind(port: int, commands: list[str]) -> None:
    import asyncssh

    async with asyncssh.connect(
        "127.0.0.1", port, username="admin", password=PASSWORD, known_hosts=None
    ) as conn:
        for cmd in commands:
            await conn.run(cmd)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--hosts", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    from tests.support.ssh_switch import EmulatorThread
    from zoneplan.apply import ApplyOptions, apply_change
    from zoneplan.apply.catalogue import catalogue_of
    from zoneplan.live.credentials import CredentialStore
    from zoneplan.plan.model import Plan

    best_blind = best_apply = float("inf")
    info = ""
    for _ in range(args.rounds):
        with tempfile.TemporaryDirectory() as d:
            tmp = Path(d)
            # baseline: the same commands, one plain connection, no checks
            switches, fabric = _switches(args.hosts)
            with EmulatorThread(switches):
                inv, out = _plan(args.hosts, tmp, {s.name: s.port for s in switches})
                plan = Plan.model_validate_json((out / "plan.json").read_bytes())
                change = plan.change("A")
                assert change is not None
                script = (out / change.files["script"]).read_text()
                commands = [c.command for c in catalogue_of("brocade-fos").script_lines(script)[0]]
                t0 = time.perf_counter()
                asyncio.run(_blind(switches[0].port, commands))
                best_blind = min(best_blind, time.perf_counter() - t0)
                zones = len(fabric.effective.zones) if fabric.effective else 0
                aliases = len(fabric.defined.aliases)
                info = f"{len(commands)} commands, {zones} zones, {aliases} aliases"
            # measured: zoneplan apply of the same change on a fresh fabric
            switches, fabric = _switches(args.hosts)
            with EmulatorThread(switches):
                ports = {s.name: s.port for s in switches}
                (tmp / "m").mkdir(exist_ok=True)
                inv2, out2 = _plan(args.hosts, tmp / "m", ports)
                kh = tmp / "known_hosts"
                kh.write_text("".join(s.public_key_line for s in switches))
                store = CredentialStore(
                    environ={"ZONEPLAN_BENCH_USER": "admin", "ZONEPLAN_BENCH_PASSWORD": PASSWORD},
                    interactive=False,
                    path=tmp / "none.yaml",
                )
                t0 = time.perf_counter()
                run = apply_change(
                    ApplyOptions(
                        change_dir=out2,
                        fabric="A",
                        inventory=inv2,
                        known_hosts=kh,
                        yes=True,
                        store=store,
                        command_timeout=600,
                    )
                )
                best_apply = min(best_apply, time.perf_counter() - t0)
                verdicts = [r.verdict for r in run.fabrics]
                assert verdicts == ["applied"], (verdicts, [f.message for f in run.all_findings()])
                timings = run.fabrics[0].timings
    print(f"change: {info}")
    print(f"plain asyncssh, no checks: {best_blind:.2f} s")
    print(f"zoneplan apply:            {best_apply:.2f} s  ({timings})")
    print(f"ratio: {best_apply / best_blind:.2f}x")


if __name__ == "__main__":
    main()
