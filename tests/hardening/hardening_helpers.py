"""Shared helpers of the hardening tests: plans of random inventories, switch states, views.

Why here and not in the package: these are test oracles (what "equal to the plan" means), kept
apart from the code they judge.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

from tests.support import show_render as R
from tests.support.inventories import InventoryParams, random_inventory
from tests.support.strategies import inventory_params
from tests.support.zoning_interp import ZoningSwitch
from zoneplan.observed import ZoneDb
from zoneplan.plan import build_plan
from zoneplan.plan.model import FabricPlan, Plan, ZoneKind
from zoneplan.topology import Topology, build_topology

params = inventory_params(max_hosts=8)
SETTINGS = settings(suppress_health_check=list(HealthCheck))  # examples: the profile


def plan_of(p: InventoryParams) -> tuple[Topology, Plan]:
    topo = build_topology(random_inventory(p))
    assert not topo.findings, [f.parsable() for f in topo.findings]
    return topo, enhanced(build_plan(topo))


def enhanced(plan: Plan) -> Plan:
    """The plan with every Cisco VSAN recorded in enhanced zone mode, as the interpreter's is
    (``zoneplan import`` writes ``fabrics[].zoning.mode`` from the capture)."""
    for fp in plan.fabrics:
        if fp.vendor == "cisco":
            fp.zone_mode = "enhanced"
    return plan


def kept_zones_switch(fp: FabricPlan) -> ZoningSwitch:
    """An otherwise empty switch holding the plan's kept zones (they exist before any script)."""
    sw = ZoningSwitch(fp.vendor, vsan=fp.vsan)
    for z in fp.zones:
        if z.kind is ZoneKind.EXISTING:
            from zoneplan.observed import Zone

            sw.zones[z.name] = Zone(z.name, members=[m.wwpn or m.name for m in z.all_members()])
    return sw


def snapshot(sw: ZoningSwitch) -> str:
    """The switch's zoning as its show commands print it: the byte-for-byte comparison."""
    if sw.vendor == "brocade":
        return R.render_cfgshow(sw.defined_db(), sw.effective_db())
    vsan = sw.vsan or 1
    defined, effective = sw.defined_db(), sw.effective_db()
    return (
        R.render_show_zoneset({vsan: defined})
        + R.render_show_zone({vsan: defined})
        + R.render_show_zoneset_active({vsan: effective})
        + R.render_show_device_alias_database(sw.device_alias_db())
    )


def neutral(vendor: str, db: ZoneDb, device_aliases: dict[str, str]) -> dict:
    """Vendor-neutral view: alias → WWPNs; zone → (principals, members, tags) with names kept;
    config → zones. Cisco has no principals (smart-zoning tags say the role), so its zones
    list every member flat; Brocade peer zones keep principal/member apart."""
    aliases = {k: tuple(sorted(v)) for k, v in db.aliases.items()}
    aliases.update({k: (v,) for k, v in device_aliases.items()})
    zones = {}
    for z in db.zones.values():
        if vendor == "cisco":
            zones[z.name] = (
                (),
                tuple(sorted(z.principals + z.members)),
                tuple(sorted(z.tags.items())),
            )
        else:
            zones[z.name] = (tuple(sorted(z.principals)), tuple(sorted(z.members)), ())
    return {
        "aliases": dict(sorted(aliases.items())),
        "zones": dict(sorted(zones.items())),
        "configs": {k: tuple(sorted(v)) for k, v in sorted(db.configs.items())},
    }


def plan_view(fp: FabricPlan, *, kept: bool = True) -> dict:
    """The neutral view of what a fabric holds once its plan is applied (kept zones included,
    in the config too, unless ``kept`` is False: a greenfield script does not touch them)."""
    aliases = {a.name: (a.wwpn,) for a in fp.aliases}
    zones = {}
    tag = {"initiator": "init", "target": "target", "both": "both"}
    listed = fp.zones if kept else fp.created_zones()
    for z in fp.zones:
        names = lambda ms: [m.name for m in ms]  # noqa: E731
        if fp.vendor == "cisco":
            tags = tuple(
                sorted((m.name, tag[m.role.value]) for m in z.all_members() if z.smart and m.role)
            )
            zones[z.name] = ((), tuple(sorted(names(z.all_members()))), tags)
        elif z.peer:
            zones[z.name] = (
                tuple(sorted(names(z.principals))),
                tuple(sorted(names(z.members))),
                (),
            )
        else:
            zones[z.name] = ((), tuple(sorted(names(z.all_members()))), ())
    return {
        "aliases": dict(sorted(aliases.items())),
        "zones": dict(sorted(zones.items())),
        "configs": {fp.config: tuple(sorted(z.name for z in listed))} if listed else {},
    }


def resolved_members(sw: ZoningSwitch, zone: str) -> set[str]:
    """A zone's members as WWPNs (aliases / device-aliases resolved)."""
    z = sw.zones[zone]
    out: set[str] = set()
    for m in z.all_members():
        if sw.vendor == "brocade":
            out.update(sw.aliases.get(m, [m]))
        else:
            out.add(sw.device_aliases.get(m, m))
    return out
