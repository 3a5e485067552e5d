"""The ZP5xx checks of a zoning plan, one small function per rule family.

Why here and not in :mod:`zoneplan.rules`: the checks read plans, and the plan layer sits
above the rule catalogue; the catalogue entries (code, name, Why/Fails/Passes/Fix) stay in
:mod:`zoneplan.rules.zoning` with every other rule, so ``zoneplan rules`` lists them without
importing the planner. :func:`check_plan` returns every finding in a fixed order (per fabric:
zone contents zone by zone, client reach, unzoned cluster ports, size, names, renames,
strategy); policy (severity, suppressions) is applied by the caller as for every rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator

from ..findings import Finding, Location, Severity
from ..gcpause import gc_paused
from ..model import PortRole
from ..packs import VendorPack, load_pack
from ..rules.zoning import (
    ClientMissingNodeZone,
    IllegalName,
    MirrorZoneImpure,
    NameCollision,
    NameTruncated,
    StrategyUnsupported,
    UnzonedClusterPort,
    ZoneDbNearLimit,
    ZoneDbOverLimit,
    ZoneSpansFabrics,
    ZoneWithoutInitiator,
    ZoneWithoutTarget,
)
from .model import FabricPlan, Plan, PlanZone, ZoneKind, ZoneMember

if TYPE_CHECKING:
    from ..topology import PortRef, Topology

#: ZP512 warns above this share of the platform's zone database limit
NEAR_LIMIT = 0.8


@dataclass
class _Fabric:
    """One planned fabric with what every check of it reads."""

    fp: FabricPlan
    topology: Topology
    pack: VendorPack
    where: Location | None  #: the fabric's entry in the inventory
    fabric_of: dict[str, str | None]  #: port ref → the fabric its cable puts it on
    zoned: set[str] = field(default_factory=set)  #: port refs in some zone
    zoned_to: set[tuple[str, str]] = field(default_factory=set)  #: (client port, node)


def check_plan(plan: Plan, topology: Topology) -> list[Finding]:
    """Every ZP5xx finding of a plan (policy is applied by the caller)."""
    out: list[Finding] = []
    fabric_of = {p.ref: topology.fabric_of(p) for p in topology.ports}
    with gc_paused():
        for fp in plan.fabrics:
            fab = _Fabric(
                fp, topology, load_pack(fp.pack), _fabric_location(topology, fp.name), fabric_of
            )
            for z in fp.zones:
                out.extend(_zone_contents(fab, z))
            out.extend(_clients_reach_both_nodes(fab))
            out.extend(_cluster_ports_zoned(fab))
            out.extend(_database_size(fab))
            out.extend(_object_names(fab))
            out.extend(_renames(fab))
            out.extend(_strategy(fab))
    return out


# -- locations ------------------------------------------------------------------------------


def _fabric_location(topology: Topology, name: str) -> Location | None:
    for i, f in enumerate(topology.inventory.fabrics):
        if f.name == name:
            return topology.locate(("fabrics", i))
    return None


def _port(topology: Topology, m: ZoneMember) -> PortRef | None:
    if m.ref is not None:
        return topology.by_ref.get(m.ref)
    if m.wwpn is not None:
        refs = topology.by_wwpn.get(m.wwpn)
        return refs[0] if refs else None
    return None


def _zone_location(topology: Topology, fp: FabricPlan, z: PlanZone) -> Location | None:
    if z.kind is ZoneKind.EXISTING:
        for i, ez in enumerate(topology.inventory.existing_zones):
            if ez.name == z.name and ez.fabric == fp.name:
                return topology.locate(("existing_zones", i))
    for m in z.all_members():
        p = _port(topology, m)
        if p is not None:
            return topology.locate(p.path)
    return None


# -- ZP501-ZP504: what one zone holds ---------------------------------------------------------


def _zone_contents(fab: _Fabric, z: PlanZone) -> Iterator[Finding]:
    """ZP501 mirror purity, ZP502/ZP503 initiator and target, ZP504 one fabric segment.

    Also records which ports are zoned and which client ports reach which node (ZP505, ZP511).
    """
    fp, topology = fab.fp, fab.topology
    ports = [(m, _port(topology, m)) for m in z.all_members()]
    known = [p for _, p in ports if p is not None]
    roles = {p.role for p in known}
    subject = f"{fp.name}:{z.name}"
    fab.zoned.update(p.ref for p in known)
    mirror = PortRole.MIRROR in roles
    if (z.kind is ZoneKind.MIRROR and (roles - {PortRole.MIRROR} or len(known) < len(ports))) or (
        z.kind is not ZoneKind.MIRROR and mirror and roles - {PortRole.MIRROR}
    ):
        others = sorted(p.ref for p in known if p.role is not PortRole.MIRROR)
        others += sorted(m.name for m, p in ports if p is None)
        yield MirrorZoneImpure.make(
            f"zone {z.name} on fabric {fp.name} mixes mirror ports with "
            f"{', '.join(others) or 'other ports'}",
            _zone_location(topology, fp, z),
            subject=subject,
        )
    if z.kind in (ZoneKind.CLIENT, ZoneKind.BACKEND):
        if not roles & {PortRole.INITIATOR, PortRole.BACKEND}:
            yield ZoneWithoutInitiator.make(
                f"zone {z.name} on fabric {fp.name} has no initiator",
                _zone_location(topology, fp, z),
                subject=subject,
            )
        if PortRole.TARGET not in roles:
            yield ZoneWithoutTarget.make(
                f"zone {z.name} on fabric {fp.name} has no target",
                _zone_location(topology, fp, z),
                subject=subject,
            )
    elsewhere = sorted(
        f"{p.ref} ({fab.fabric_of[p.ref] or 'no fabric'})"
        for p in known
        if fab.fabric_of[p.ref] != fp.name
    )
    if elsewhere:
        yield ZoneSpansFabrics.make(
            f"zone {z.name} on fabric {fp.name} holds ports of another fabric: "
            f"{', '.join(elsewhere)}",
            _zone_location(topology, fp, z),
            subject=subject,
        )
    elif known and not all(topology.same_segment(known[0], p) for p in known[1:]):
        yield ZoneSpansFabrics.make(
            f"zone {z.name} on fabric {fp.name} joins switches without an ISL path between them",
            _zone_location(topology, fp, z),
            subject=subject,
        )
    if z.kind is ZoneKind.CLIENT:
        nodes = {p.device for p in known if p.kind == "node" and p.role is PortRole.TARGET}
        for p in known:
            if p.kind == "host" and p.role is PortRole.INITIATOR:
                fab.zoned_to.update((p.ref, n) for n in nodes)


# -- ZP505, ZP511: the cluster's ports ----------------------------------------------------------


def _clients_reach_both_nodes(fab: _Fabric) -> Iterator[Finding]:
    """ZP505: every client initiator on the fabric is zoned to both cluster nodes."""
    inv, fp = fab.topology.inventory, fab.fp
    if inv.cluster is None:
        return
    nodes = [n.name for n in inv.cluster.nodes]
    for p in fab.topology.ports:
        if p.kind != "host" or p.role is not PortRole.INITIATOR:
            continue
        if fab.fabric_of[p.ref] != fp.name:
            continue
        missing = [n for n in nodes if (p.ref, n) not in fab.zoned_to]
        if missing:
            yield ClientMissingNodeZone.make(
                f"client port {p.ref} on fabric {fp.name} has no zone to "
                f"{' or '.join(missing)}: it loses its LUNs when "
                f"{'that node' if len(missing) == 1 else 'the cluster'} takes over",
                fab.topology.locate(p.path),
                subject=p.ref,
                hint="cable a target port of the node to this fabric segment",
            )


def _cluster_ports_zoned(fab: _Fabric) -> Iterator[Finding]:
    """ZP511: a node's mirror or backend port on the fabric is in some zone."""
    if fab.topology.inventory.cluster is None:
        return
    for p in fab.topology.ports:
        if p.kind == "node" and p.role in (PortRole.MIRROR, PortRole.BACKEND):
            if fab.fabric_of[p.ref] == fab.fp.name and p.ref not in fab.zoned:
                yield UnzonedClusterPort.make(
                    f"{p.role.value} port {p.ref} is on fabric {fab.fp.name} but in no zone",
                    fab.topology.locate(p.path),
                    subject=p.ref,
                )


# -- ZP506, ZP512: database size ------------------------------------------------------------


def _database_size(fab: _Fabric) -> Iterator[Finding]:
    """ZP506 over the platform's zone database (or alias) limit, ZP512 near it."""
    fp, manifest = fab.fp, fab.pack.manifest
    size = fp.size
    if size is None:
        return
    better = "peer" if manifest.capabilities.peer_zones else "smart"
    hint = (
        f"use --strategy {better}: one zone per target port"
        if fp.strategy in ("sist", "simt")
        else "remove zones that are no longer needed"
    )
    limit_text = f"{size.limit:,} bytes ({size.limit_kind} limit of {manifest.display_name})"
    if size.bytes > size.limit:
        yield ZoneDbOverLimit.make(
            f"fabric {fp.name}: estimated zone database {size.bytes:,} bytes is over {limit_text}",
            fab.where,
            subject=fp.name,
            hint=hint,
        )
    elif size.bytes > NEAR_LIMIT * size.limit:
        yield ZoneDbNearLimit.make(
            f"fabric {fp.name}: estimated zone database {size.bytes:,} bytes is "
            f"{size.bytes / size.limit:.0%} of {limit_text}",
            fab.where,
            subject=fp.name,
            hint=hint,
        )
    if size.alias_limit is not None and size.aliases > size.alias_limit:
        yield ZoneDbOverLimit.make(
            f"fabric {fp.name}: {size.aliases:,} aliases is over the limit of {size.alias_limit:,}",
            fab.where,
            subject=fp.name,
        )


# -- ZP507-ZP509: names -----------------------------------------------------------------------


def _object_names(fab: _Fabric) -> Iterator[Finding]:
    """ZP507 a name the platform refuses, ZP508 two objects of one name (per namespace)."""
    fp, pack = fab.fp, fab.pack
    rules = pack.manifest.naming
    pattern = pack.name_pattern(portable=False)
    reserved = tuple(r.lower() for r in rules.reserved_prefixes)
    spaces: dict[str, dict[str, str]] = {}
    objects = [("config", fp.config)] + [("alias", a.name) for a in fp.aliases]
    objects += [("zone", z.name) for z in fp.zones]
    for kind, name in objects:
        problem = None
        if len(name) > rules.max_length:
            problem = f"longer than {rules.max_length} characters"
        elif not pattern.match(name):
            problem = f"not matching {rules.pattern}"
        elif name.lower().startswith(reserved):
            problem = "starting with a reserved prefix"
        if problem:
            yield IllegalName.make(
                f"{kind} name {name!r} on fabric {fp.name} is not accepted by "
                f"{pack.manifest.display_name}: {problem}",
                fab.where,
                subject=f"{fp.name}:{name}",
            )
        space = spaces.setdefault("all" if rules.one_namespace else kind, {})
        if name.lower() in space:
            yield NameCollision.make(
                f"{kind} name {name} on fabric {fp.name} is also the name of a "
                f"{space[name.lower()]}"
                + (" (one namespace on this platform)" if rules.one_namespace else ""),
                fab.where,
                subject=f"{fp.name}:{name}",
                severity=Severity.ERROR,
            )
        else:
            space[name.lower()] = kind


def _renames(fab: _Fabric) -> Iterator[Finding]:
    """What the namer changed: ZP508 taken (renamed), ZP509 shortened, ZP507 reserved prefix."""
    fp, rules = fab.fp, fab.pack.manifest.naming
    for r in fp.renames:
        if "collision" in r.reasons:
            yield NameCollision.make(
                f"{r.kind} name {r.wanted} on fabric {fp.name} was taken: named {r.name}",
                fab.where,
                subject=f"{fp.name}:{r.name}",
            )
        if "truncated" in r.reasons:
            yield NameTruncated.make(
                f"{r.kind} name {r.wanted} on fabric {fp.name} is over {rules.max_length} "
                f"characters: shortened to {r.name}",
                fab.where,
                subject=f"{fp.name}:{r.name}",
            )
        if "reserved" in r.reasons:
            yield IllegalName.make(
                f"{r.kind} name {r.wanted} on fabric {fp.name} starts with a reserved prefix: "
                f"named {r.name}",
                fab.where,
                subject=f"{fp.name}:{r.name}",
                severity=Severity.WARNING,
            )


# -- ZP510: strategy ----------------------------------------------------------------------------


def _strategy(fab: _Fabric) -> Iterator[Finding]:
    """ZP510: the requested strategy is not available on the platform."""
    fp = fab.fp
    if fp.strategy != fp.requested_strategy:
        yield StrategyUnsupported.make(
            f"fabric {fp.name}: strategy {fp.requested_strategy} is not available on "
            f"{fab.pack.manifest.display_name}; planned as {fp.strategy}",
            fab.where,
            subject=fp.name,
        )
