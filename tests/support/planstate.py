"""A fabric exactly as a plan says it should be: observed states built from a plan.

Used by tests and emulators: render these states as show output, feed them to the parsers
and the audit, and a correct pipeline reports "in sync"; plant a fault and it must say which.
"""

from __future__ import annotations

from zoneplan.observed import (
    Isl,
    Login,
    SwitchIdentity,
    SwitchState,
    Transaction,
    Zone,
    ZoneDb,
    ZoneStatus,
)
from zoneplan.plan.model import FabricPlan, Plan
from zoneplan.topology import Topology


def zonedbs_from_fabric_plan(fp: FabricPlan, *, source: str = "") -> tuple[ZoneDb, ZoneDb]:
    """(defined, effective) zone databases holding the fabric plan's aliases, zones and config."""
    defined = ZoneDb(source=source)
    effective = ZoneDb(source=source)
    alias_wwpn = {a.name: a.wwpn for a in fp.aliases}
    if fp.vendor == "brocade":
        defined.aliases = {a.name: [a.wwpn] for a in fp.aliases}
    for z in fp.zones:
        kind = "peer" if z.peer else "normal"
        principals = [m.name for m in z.principals]
        members = [m.name for m in z.members]
        tags = {
            m.name: ("init" if m.role.value == "initiator" else m.role.value)
            for m in z.all_members()
            if z.smart and m.role
        }
        defined.zones[z.name] = Zone(
            z.name, members=members, principals=principals, kind=kind, tags=tags
        )
        expand = lambda ms: [m.wwpn or alias_wwpn.get(m.name, m.name) for m in ms]  # noqa: E731
        effective.zones[z.name] = Zone(
            z.name,
            members=expand(z.members),
            principals=expand(z.principals),
            kind=kind,
            tags={alias_wwpn.get(k, k): v for k, v in tags.items()},
        )
    defined.configs = {fp.config: [z.name for z in fp.zones]}
    effective.configs = {fp.config: [z.name for z in fp.zones]}
    effective.effective = fp.config
    return defined, effective


def states_from_plan(plan: Plan, topology: Topology) -> dict[str, SwitchState]:
    """Every inventory switch with the planned zoning and every cabled port logged in."""
    states: dict[str, SwitchState] = {}
    fabrics = {f.name: f for f in topology.inventory.fabrics}
    plans = {fp.name: fp for fp in plan.fabrics}
    for name, sw in topology.switches.items():
        fab = fabrics[sw.fabric]
        vendor = sw.vendor or fab.vendor
        st = SwitchState(SwitchIdentity(name, domain=sw.domain_id), vendor)
        key = fab.vsan or 0
        fp = plans.get(sw.fabric)
        if fp is not None:
            z = st.zoning_for(key)
            z.defined, z.effective = zonedbs_from_fabric_plan(fp, source=f"{name}:zoning")
            st.seen.update(zoning_defined="plan", zoning_effective="plan")
            if vendor == "cisco":
                st.device_aliases = {a.name: a.wwpn for a in fp.aliases}
                z.status = ZoneStatus(vsan=key, mode="enhanced", session="none")
                st.seen.update(device_aliases="plan", zone_status="plan")
            else:
                st.transaction = Transaction()
                st.seen["transaction"] = "plan"
        # every input an "in sync" verdict needs (the packs' audit needs) is known
        st.seen.update(logins="plan", ports="plan")
        states[name] = st
    for ref in topology.ports:
        sp = topology.cabled_to.get(ref.ref)
        if sp is None:
            continue
        sw = topology.switches[sp[0]]
        vsan = fabrics[sw.fabric].vsan or 0
        role = {"initiator": "initiator", "backend": "initiator", "target": "target"}.get(
            ref.role.value if ref.role else "", None
        )
        states[sp[0]].add_login(
            Login(ref.wwpn, switch=sp[0], port=sp[1], vsan=vsan, device_type=role)
        )
    return states


def plant_isls(states: dict[str, SwitchState], topology: Topology) -> None:
    """Each inventory ISL listed by both its switches as their dialect lists it: in a fabric
    without VSANs as ``islshow`` (port indexes, the neighbour's WWN and domain), in a VSAN as
    NX-OS ``show topology`` (interface names under the VSAN, the neighbour's domain,
    management address and name; no WWN)."""
    fabrics = {f.name: f for f in topology.inventory.fabrics}
    for isl in topology.inventory.isls:
        (sa, pa), (sb, pb) = (e.split(":", 1) for e in (isl.a, isl.b))
        for (x, px), (y, py) in (((sa, pa), (sb, pb)), ((sb, pb), (sa, pa))):
            peer, sw = states[y], topology.switches[y]
            vsan = fabrics[sw.fabric].vsan or 0
            if vsan:
                mgmt = str(sw.mgmt) if sw.mgmt else None
                states[x].isls.append(
                    Isl(px, py, peer.identity.domain, None, y, vsan=vsan, remote_ip=mgmt)
                )
            else:
                states[x].isls.append(
                    Isl(int(px), int(py), peer.identity.domain, peer.identity.wwn, y)
                )
