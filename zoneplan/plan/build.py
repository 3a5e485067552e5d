"""Topology → vendor-neutral zoning plan.

Why the design is what it is (the SAN cluster FAQ in the seed):

* every client initiator port is zoned to the target ports of **both** cluster nodes that it can
  reach on its fabric segment: ALUA shows the passive node's ports as standby, and they must
  already be zoned when the other node takes over;
* mirror ports that go through a switch get a zone of their own with only the two nodes' mirror
  ports in it; direct-connected mirror links need no zone (the plan says so);
* each node's backend initiators are zoned with its own FC RAID array's ports.

Strategies shape the client zones only: ``sist`` one initiator and one target per zone, ``simt``
one initiator and all its targets, ``peer``/``smart`` one zone per target port with every
initiator that reaches it (Brocade peer zone: the target is principal; Cisco smart zoning:
init/target tags). ``peer`` and ``smart`` are one design in two dialects: a fabric whose pack
lacks one gets the other, and the plan notes it (rule ZP510).
"""

from __future__ import annotations

import hashlib
from typing import Iterable

from .. import __version__
from ..gcpause import gc_paused
from ..model import PortRole, Strategy
from ..packs import VendorPack, pack_for
from ..topology import PortRef, Topology
from ..wwn import is_wwn, normalize_wwn
from .model import (
    FabricPlan,
    MemberRole,
    Plan,
    PlanAlias,
    PlanZone,
    ZoneKind,
    ZoneMember,
)
from .naming import Namer
from .size import estimate_size


class PlanError(ValueError):
    """The plan cannot be built as asked (unknown fabric, bad name template)."""


def inventory_hash(topology: Topology) -> str:
    """A content hash of the inventory (canonical JSON, not the file: comments don't count)."""
    data = topology.inventory.model_dump_json().encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:16]


def effective_strategy(requested: Strategy, pack: VendorPack) -> tuple[Strategy, str | None]:
    """The strategy a fabric can use, and a note when it differs from the one asked for."""
    caps = pack.manifest.capabilities
    name = pack.manifest.display_name
    if requested is Strategy.PEER and not caps.peer_zones:
        if caps.smart_zoning:
            return Strategy.SMART, (
                f"peer zones are not available on {name}: the same design is rendered with "
                "smart zoning (one zone per target port, init/target tags)"
            )
        return Strategy.SIST, f"peer zones are not available on {name}: falling back to sist"
    if requested is Strategy.SMART and not caps.smart_zoning:
        if caps.peer_zones:
            return Strategy.PEER, (
                f"smart zoning is not available on {name}: the same design is rendered as peer "
                "zones (the target port principal, initiators members)"
            )
        return Strategy.SIST, f"smart zoning is not available on {name}: falling back to sist"
    return requested, None


def _groups(topology: Topology, ports: Iterable[PortRef]) -> list[list[PortRef]]:
    """Ports split into fabric segments (ISL-connected switch groups), in first-seen order."""
    groups: list[list[PortRef]] = []
    for p in ports:
        for g in groups:
            if topology.same_segment(g[0], p):
                g.append(p)
                break
        else:
            groups.append([p])
    return groups


def build_plan(
    topology: Topology,
    strategy: Strategy | str | None = None,
    fabric: str | None = None,
    *,
    portable: bool = True,
) -> Plan:
    """Design the zoning of every fabric (or of ``fabric`` only).

    ``strategy`` overrides ``policy.strategy``; ``portable`` names to the rule every firmware
    accepts (FOS < 8.1 and NX-OS) rather than the pack's full rule.
    """
    inv = topology.inventory
    requested = Strategy(strategy) if strategy is not None else inv.policy.strategy
    fabrics = [f for f in inv.fabrics if fabric is None or f.name == fabric]
    if fabric is not None and not fabrics:
        known = ", ".join(f.name for f in inv.fabrics)
        raise PlanError(f"no fabric {fabric!r} in the inventory (fabrics: {known})")
    plan = Plan.model_construct(
        inventory=inv.name,
        inventory_hash=inventory_hash(topology),
        zoneplan_version=__version__,
        strategy=requested.value,
        fabrics=[],
        notes=_direct_mirror_notes(topology),
    )
    by_fabric: dict[str, list[PortRef]] = {f.name: [] for f in fabrics}
    for p in topology.ports:
        fab = topology.fabric_of(p)
        if fab in by_fabric:
            by_fabric[fab].append(p)
    with gc_paused(freeze=True):  # many small objects, none of them garbage, no cycles
        for f in fabrics:
            plan.fabrics.append(
                _fabric_plan(topology, f.name, by_fabric[f.name], requested, portable=portable)
            )
    return plan


def _direct_mirror_notes(topology: Topology) -> list[str]:
    notes, seen = [], set()
    for a, b in topology.direct.items():
        ref = topology.by_ref[a]
        if ref.role is not PortRole.MIRROR or (b, a) in seen:
            continue
        seen.add((a, b))
        notes.append(f"mirror link {a} <-> {b} is direct-connected: no zone needed")
    return notes


def _fabric_plan(
    topology: Topology, fabric: str, ports: list[PortRef], requested: Strategy, *, portable: bool
) -> FabricPlan:
    """One fabric: design zones on port refs first, then name aliases, then zones.

    Names come last so that the naming order (hence collision suffixes) depends only on the
    inventory order, never on the strategy's loop order.
    """
    inv = topology.inventory
    fab = next(f for f in inv.fabrics if f.name == fabric)
    pack = pack_for(fab.vendor)
    strategy, note = effective_strategy(requested, pack)
    naming = inv.policy.naming
    cluster = inv.cluster.name if inv.cluster else ""
    switches = [s.name for s in inv.switches if topology.switch_fabric.get(s.name) == fabric]
    director_only = bool(switches) and all(topology.switches[s].director for s in switches)
    notes = [note] if note else []

    namer = Namer(pack, portable=portable)
    existing = [z for z in inv.existing_zones if z.fabric == fabric]
    namer.reserve("zone", (z.name for z in existing))
    if fab.zoning.config:
        # the config in effect, as the inventory records it: the one every change edits
        config = fab.zoning.config
        namer.reserve("config", [config])
    else:
        config, _ = namer.name(
            "config", naming.config, name=inv.name, fabric=fabric, cluster=cluster
        )

    initiators = [p for p in ports if p.kind == "host" and p.role is PortRole.INITIATOR]
    node_targets = [p for p in ports if p.kind == "node" and p.role is PortRole.TARGET]
    mirrors = [p for p in ports if p.kind == "node" and p.role is PortRole.MIRROR]
    backends = [p for p in ports if p.kind == "node" and p.role is PortRole.BACKEND]
    array_targets = [p for p in ports if p.kind == "array" and p.role is PortRole.TARGET]

    # -- the design, with port refs; names come after -------------------------------------
    # (kind, template key, fields, principals, members)
    designs: list[tuple[ZoneKind, str, dict, list, list]] = []
    same = topology.same_segment

    for group in _groups(topology, mirrors):
        nodes = {p.device for p in group}
        if len(nodes) >= 2:
            designs.append(
                (
                    ZoneKind.MIRROR,
                    "mirror_zone",
                    {"cluster": cluster},
                    [],
                    [(p, MemberRole.BOTH) for p in group],
                )
            )
        else:
            notes.append(
                f"mirror ports {', '.join(p.ref for p in group)} reach no mirror port of the "
                "other node on this fabric: no mirror zone"
            )

    if inv.cluster is not None:
        for node in inv.cluster.nodes:
            mine = [p for p in backends if p.device == node.name]
            if not mine:
                continue
            for group in _groups(topology, mine):
                targets = [t for t in array_targets if t.device == node.array and same(group[0], t)]
                if not targets:
                    notes.append(
                        f"backend ports {', '.join(p.ref for p in group)} of {node.name} reach "
                        f"no port of its array {node.array or '(none)'}: no backend zone"
                    )
                    continue
                designs.append(
                    (
                        ZoneKind.BACKEND,
                        "backend_zone",
                        {"node": node.name, "array": node.array or "", "cluster": cluster},
                        [],
                        [(p, MemberRole.INITIATOR) for p in group]
                        + [(t, MemberRole.TARGET) for t in targets],
                    )
                )

    group_zones = strategy in (Strategy.PEER, Strategy.SMART)
    if group_zones:
        for t in node_targets:
            inits = [p for p in initiators if same(p, t)]
            if inits:
                designs.append(
                    (
                        ZoneKind.CLIENT,
                        "peer_zone",
                        {
                            "node": t.device,
                            "adapter": t.adapter,
                            "port": t.port.name,
                            "cluster": cluster,
                        },
                        [(t, MemberRole.TARGET)],
                        [(p, MemberRole.INITIATOR) for p in inits],
                    )
                )
    else:
        for p in initiators:
            targets = [t for t in node_targets if same(p, t)]
            if not targets:
                continue
            common = {"host": p.device, "hba": p.adapter, "port": p.port.name, "cluster": cluster}
            if strategy is Strategy.SIMT:
                designs.append(
                    (
                        ZoneKind.CLIENT,
                        "multi_target_zone",
                        common,
                        [],
                        [(p, MemberRole.INITIATOR)] + [(t, MemberRole.TARGET) for t in targets],
                    )
                )
            else:
                for t in targets:
                    designs.append(
                        (
                            ZoneKind.CLIENT,
                            "zone",
                            dict(common, node=t.device),
                            [],
                            [(p, MemberRole.INITIATOR), (t, MemberRole.TARGET)],
                        )
                    )

    # -- aliases: one per zoned WWPN, in inventory port order ------------------------------
    zoned: set[str] = set()
    for d in designs:
        for p, _ in d[3]:
            zoned.add(p.ref)
        for p, _ in d[4]:
            zoned.add(p.ref)
    aliases: list[PlanAlias] = []
    alias_of: dict[str, str] = {}
    by_wwpn: dict[str, str] = {}
    for p in ports:
        if p.ref not in zoned or p.ref in alias_of:
            continue
        if p.wwpn in by_wwpn:  # a duplicate WWPN (rule ZP1xx): one alias serves both refs
            alias_of[p.ref] = by_wwpn[p.wwpn]
            continue
        name, _ = namer.name(
            "alias",
            naming.alias,
            device=p.device,
            host=p.device,
            adapter=p.adapter,
            hba=p.adapter,
            port=p.port.name,
            kind=p.kind,
            role=p.role.value if p.role else "",
            fabric=fabric,
            name=inv.name,
            wwpn=p.wwpn.replace(":", ""),
            cluster=cluster,
        )
        alias_of[p.ref] = by_wwpn[p.wwpn] = name
        aliases.append(PlanAlias.model_construct(name=name, wwpn=p.wwpn, ref=p.ref))

    members_cache: dict[tuple[str, MemberRole], ZoneMember] = {}

    def member(p: PortRef, role: MemberRole) -> ZoneMember:
        # one (never mutated) member object per port and role, shared by its zones
        m = members_cache.get((p.ref, role))
        if m is None:
            m = members_cache[(p.ref, role)] = ZoneMember.model_construct(
                name=alias_of[p.ref], wwpn=p.wwpn, ref=p.ref, role=role
            )
        return m

    # -- zones ------------------------------------------------------------------------------
    zones: list[PlanZone] = []
    templates = {
        "mirror_zone": naming.mirror_zone,
        "backend_zone": naming.backend_zone,
        "peer_zone": naming.peer_zone,
        "multi_target_zone": naming.multi_target_zone,
        "zone": naming.zone,
    }
    for kind, key, fields, principals, members in designs:
        extra = {"fabric": fabric, "name": inv.name}
        if principals:
            extra["target"] = alias_of[principals[0][0].ref]
        if kind is ZoneKind.CLIENT and key != "peer_zone":
            extra["initiator"] = alias_of[members[0][0].ref]
            if key == "zone":
                extra["target"] = alias_of[members[1][0].ref]
        name, wanted = namer.name("zone", templates[key], **fields, **extra)
        zones.append(
            PlanZone.model_construct(
                name=name,
                kind=kind,
                members=[member(p, r) for p, r in members],
                principals=[member(p, r) for p, r in principals],
                peer=kind is ZoneKind.CLIENT and strategy is Strategy.PEER,
                # every zone of a smart-zoning VSAN is tagged: mirror ports "both", backend
                # ports initiator/target; untagged they would be typed by the name server
                smart=strategy is Strategy.SMART,
                wanted=wanted if wanted != name else None,
            )
        )
    known_alias = {a.name: a.wwpn for a in aliases}
    for z in existing:
        zones.append(
            PlanZone.model_construct(
                name=z.name,
                kind=ZoneKind.EXISTING,
                members=[_kept_member(topology, m, known_alias) for m in z.members],
                principals=[_kept_member(topology, m, known_alias) for m in z.principals],
                peer=bool(z.principals),
                smart=False,
                wanted=None,
            )
        )

    fp = FabricPlan.model_construct(
        name=fabric,
        vendor=fab.vendor,
        pack=pack.id,
        vsan=fab.vsan,
        strategy=strategy.value,
        requested_strategy=requested.value,
        config=config,
        config_from_inventory=bool(fab.zoning.config),
        greenfield=fab.zoning.greenfield,
        zone_mode=fab.zoning.mode.value if fab.zoning.mode else None,
        switches=switches,
        director_only=director_only,
        aliases=aliases,
        zones=zones,
        notes=notes,
        renames=namer.renames,
        size=None,
    )
    fp.size = estimate_size(fp, pack)
    return fp


def _kept_member(topology: Topology, member: str, aliases: dict[str, str]) -> ZoneMember:
    """A member of a kept zone: a WWPN (role from the inventory when known) or a name."""
    if is_wwn(member):
        wwpn = normalize_wwn(member)
        refs = topology.by_wwpn.get(wwpn, [])
        role = _member_role(refs[0].role) if refs else None
        return ZoneMember.model_construct(
            name=wwpn, wwpn=wwpn, ref=refs[0].ref if refs else None, role=role
        )
    return ZoneMember.model_construct(name=member, wwpn=aliases.get(member), ref=None, role=None)


def _member_role(role: PortRole | None) -> MemberRole | None:
    if role in (PortRole.INITIATOR, PortRole.BACKEND):
        return MemberRole.INITIATOR
    if role is PortRole.TARGET:
        return MemberRole.TARGET
    if role is PortRole.MIRROR:
        return MemberRole.BOTH
    return None
