"""A collect-style capture folder of a generated site, as ``zoneplan collect`` writes one.

One folder per switch, one file per catalogued command (``<switch>/<command>.txt``, per-VSAN
commands once per VSAN of the fabric), the outputs rendered from the plan's zoning in the
switches' layouts by the SSH switch emulator's renderers (``tests.support.ssh_switch``). As on
a real fabric, every switch holds the fabric's whole zoning database: a Brocade switch prints
it in ``cfgshow``, a Cisco switch in ``show zoneset active``, ``show zoneset`` and ``show
zone``; the name server outputs list the switch's own logins.

    python bench/collectsite.py INVENTORY FOLDER [--strategy sist]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def write_collect_folder(inventory: Path, root: Path, strategy: str | None = None) -> dict:
    """Write the folder; return counts (switches, files, bytes, zones per fabric)."""
    from tests.support.planstate import states_from_plan
    from tests.support.ssh_switch import outputs_from_state
    from zoneplan.live.collect import command_file_name
    from zoneplan.live.ssh import expand_commands, load_commands
    from zoneplan.plan.build import build_plan
    from zoneplan.validate import validate_inventory

    _render_each_fabric_once()
    validation = validate_inventory(inventory, policy=False)
    assert validation.usable and validation.topology is not None
    topology = validation.topology
    plan = build_plan(topology, strategy)
    states = states_from_plan(plan, topology)
    vsan_of = {f.name: f.vsan for f in topology.inventory.fabrics}
    files = size = 0
    for name, state in sorted(states.items()):
        fabric = topology.switch_fabric[name]
        vsans = [vsan_of[fabric]] if vsan_of[fabric] else []
        specs, problems = load_commands(state.vendor)
        assert not problems, problems
        outputs = outputs_from_state(state, vsans=vsans or None)
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        for spec in expand_commands(specs, vsans):
            text = outputs.get(spec.command)
            if text is None:
                continue  # a command the emulator does not serve (islshow without ISLs…)
            data = text.encode("utf-8")
            (folder / command_file_name(spec.command)).write_bytes(data)
            files += 1
            size += len(data)
    return {
        "switches": len(states),
        "files": files,
        "mb": size / 1e6,
        "zones": {fp.name: len(fp.zones) for fp in plan.fabrics},
    }


def _render_each_fabric_once() -> None:
    """Every switch of a fabric holds the same zoning: build and render it once per fabric
    (the emulator builds it per switch, which at 10,000 hosts takes minutes)."""
    from tests.support import planstate
    from tests.support import show_render as sr

    if getattr(sr, "_bench_memo", False):
        return
    sr._bench_memo = True  # type: ignore[attr-defined]

    def memo(fn, key):  # noqa: ANN001, ANN202
        cache: dict = {}

        def call(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            k = key(*args, **kwargs)
            if k not in cache:
                cache[k] = fn(*args, **kwargs)
            return cache[k]

        return call

    def ids(*args, **_kwargs) -> tuple:  # noqa: ANN002, ANN003
        out = []
        for a in args:
            if isinstance(a, dict):
                out += [(k, id(v)) for k, v in sorted(a.items())]
            else:
                out.append(id(a))
        return tuple(out)

    planstate.zonedbs_from_fabric_plan = memo(
        planstate.zonedbs_from_fabric_plan, lambda fp, **_: id(fp)
    )
    for name in (
        "render_cfgshow",
        "render_show_zoneset_active",
        "render_show_zoneset",
        "render_show_zone",
    ):
        setattr(sr, name, memo(getattr(sr, name), ids))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("inventory", type=Path)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--strategy", default=None)
    args = ap.parse_args()
    print(write_collect_folder(args.inventory, args.folder, args.strategy))


if __name__ == "__main__":
    main()
