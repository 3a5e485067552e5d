"""Observed zoning (parsed captures) → :class:`~zoneplan.plan.model.ZoningState` per fabric.

Why a converter: ``zoneplan plan --against`` computes an incremental change from what the
switches hold now. The parsers give one :class:`~zoneplan.observed.SwitchState` per switch;
:func:`~zoneplan.fabrics.group_by_fabric` merges them into fabrics (as for the audit); this
module turns each fabric's *defined* database into the vendor-neutral zoning the delta code
compares with. A capture that does not name an inventory switch is assigned to a planned
fabric only when that is unambiguous (one fabric of its vendor).
"""

from __future__ import annotations

from typing import Iterable

from ..fabrics import group_by_fabric
from ..findings import Finding, Location
from ..observed import SwitchState, ZoneDb
from ..rules.capture import UnreadableCapture
from ..topology import Topology
from ..wwn import is_wwn, normalize_wwn
from .model import MemberRole, Plan, PlanAlias, PlanZone, ZoneKind, ZoneMember, ZoningState

#: Cisco smart-zoning device types (as show output prints them) → plan member roles
_ROLE_OF_TAG = {
    "init": MemberRole.INITIATOR,
    "initiator": MemberRole.INITIATOR,
    "target": MemberRole.TARGET,
    "both": MemberRole.BOTH,
}


def zoning_from_db(
    db: ZoneDb, device_aliases: dict[str, str] | None = None, effective: str | None = None
) -> ZoningState:
    """One observed zone database as vendor-neutral zoning."""
    aliases: list[PlanAlias] = []
    wwpn_of: dict[str, str] = {}
    for name, members in db.aliases.items():
        wwns = [m for m in members if is_wwn(m)]
        if len(wwns) == 1 and len(members) == 1:
            w = normalize_wwn(wwns[0])
            aliases.append(PlanAlias.model_construct(name=name, wwpn=w, ref=None))
            wwpn_of[name] = w
    for name, wwpn in (device_aliases or {}).items():
        if name not in wwpn_of and is_wwn(wwpn):
            w = normalize_wwn(wwpn)
            aliases.append(PlanAlias.model_construct(name=name, wwpn=w, ref=None))
            wwpn_of[name] = w

    def member(m: str, tags: dict[str, str]) -> ZoneMember:
        # the smart-zoning tag is kept as the role: a rollback that re-adds a removed member
        # must re-add it with its tag, or the zone is not what it was
        role = _ROLE_OF_TAG.get(tags.get(m, ""))
        if is_wwn(m):
            w = normalize_wwn(m)
            return ZoneMember.model_construct(name=w, wwpn=w, ref=None, role=role)
        return ZoneMember.model_construct(name=m, wwpn=wwpn_of.get(m), ref=None, role=role)

    zones = [
        PlanZone.model_construct(
            name=z.name,
            kind=ZoneKind.EXISTING,
            members=[member(m, z.tags) for m in z.members],
            principals=[member(m, z.tags) for m in z.principals],
            peer=z.kind == "peer",
            smart=bool(z.tags),
            wanted=None,
        )
        for z in db.zones.values()
    ]
    return ZoningState.model_construct(
        aliases=aliases,
        zones=zones,
        configs={k: list(v) for k, v in db.configs.items()},
        effective=effective if effective is not None else db.effective,
        complete=db.complete,
        source=db.source,
    )


def zoning_by_fabric(
    states: Iterable[SwitchState], topology: Topology, plan: Plan
) -> tuple[dict[str, ZoningState], list[Finding]]:
    """The observed zoning of each planned fabric, and findings for what cannot be placed."""
    findings: list[Finding] = []
    groups = group_by_fabric(states, topology)
    planned = {fp.name: fp for fp in plan.fabrics}
    out: dict[str, ZoningState] = {}
    unplaced = []
    for name, obs in sorted(groups.items()):
        db = obs.defined or obs.effective
        if db is None:
            continue
        eff = obs.effective.effective if obs.effective is not None else None
        state = zoning_from_db(db, obs.device_aliases, eff or db.effective)
        if name in planned:
            out[name] = state
        elif name not in {f.name for f in topology.inventory.fabrics}:
            unplaced.append((name, obs, state))
    for name, obs, state in unplaced:
        vendor = _vendor(obs.switches, states)
        free = [fp for fp in plan.fabrics if fp.name not in out and fp.vendor == vendor]
        if len(free) == 1:
            out[free[0].name] = state
        else:
            findings.append(
                UnreadableCapture.make(
                    f"capture of {name} does not name a switch of the inventory and cannot be "
                    "assigned to one fabric: name the capture (folder or prompt) after a switch, "
                    "or use --fabric",
                    Location(obs.source()),
                    subject=name,
                )
            )
    return out, findings


def _vendor(switches: list[str], states: Iterable[SwitchState]) -> str | None:
    for s in states:
        if s.name in switches:
            return s.vendor
    return None
