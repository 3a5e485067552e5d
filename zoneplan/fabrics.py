"""Observed switch states grouped into fabrics: what the audit and ``plan --against`` compare.

Why a module below both: the audit compares a plan with each fabric's observed zoning, and the
planner's incremental change starts from the same grouping; neither owns it. Zoning is
fabric-wide (a Brocade fabric, one Cisco VSAN), logins are per switch: :func:`group_by_fabric`
merges the states of every switch into one :class:`FabricObservation` per fabric, naming the
fabric after the inventory when a topology is given (switch name, or the VSAN of a fabric of
that vendor) and after the switch otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from .observed import Login, SwitchState, Transaction, ZoneDb, ZoneStatus, Zoning
from .packs import AuditNeeds, VendorPackError, pack_for

if TYPE_CHECKING:
    from .topology import Topology

__all__ = ["CopyDiff", "FabricGroup", "FabricObservation", "fabric_groups", "group_by_fabric"]


@dataclass(frozen=True)
class CopyDiff:
    """A switch whose copy of the fabric's zoning differs from the copy the audit used.

    Zoning is fabric-wide: every switch holds the same effective configuration (and, where
    the full database is distributed, the same defined one). A switch holding another copy
    sits in a segmented fabric, or its zoning did not merge, or a change is half done.
    """

    switch: str
    used: str  #: the switch whose copy the audit compared
    which: str  #: ``effective`` or ``defined``
    detail: str  #: ``zones only here: …; zones differing: …``


@dataclass
class FabricObservation:
    """Everything captured about one fabric (a Brocade fabric or one Cisco VSAN)."""

    fabric: str
    vsan: int
    defined: ZoneDb | None = None
    effective: ZoneDb | None = None
    device_aliases: dict[str, str] = field(default_factory=dict)
    logins: dict[str, Login] = field(default_factory=dict)
    switches: list[str] = field(default_factory=list)
    logins_from: set[str] = field(default_factory=set)
    transactions: list[tuple[str, Transaction]] = field(default_factory=list)
    partial: list[str] = field(default_factory=list)  #: switches whose read was cut short
    statuses: list[tuple[str, ZoneStatus]] = field(default_factory=list)
    #: switch WWN → switch name (an NX-OS ``interface fcS/P swwn W`` member names its switch so)
    switch_wwns: dict[str, str] = field(default_factory=dict)
    #: what an "in sync" verdict needs and the capture lacks (the packs' ``audit`` needs):
    #: ``"sw1: logins cut short"``, ``"device-alias database not captured"``
    unmet: list[str] = field(default_factory=list)
    #: switches whose zoning differs from the copy used (complete copies only)
    differing: list[CopyDiff] = field(default_factory=list)
    #: (switch, its zoning) of every switch of the fabric, in the order read
    copies: list[tuple[str, Zoning]] = field(default_factory=list, repr=False)
    _fabric_needs: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _fabric_met: set[str] = field(default_factory=set, repr=False)

    @property
    def aliases_unknown(self) -> bool:
        """True when a fabric-wide need is unmet (the device-alias database, say): names in
        zones cannot be resolved, so an alias is "not captured", never "missing"."""
        return bool(set(self._fabric_needs) - self._fabric_met)

    def source(self) -> str:
        db = self.defined or self.effective
        return (db.source if db and db.source else ",".join(self.switches)) or self.fabric


@dataclass
class FabricGroup:
    """Switches that are one fabric (a Brocade fabric, or one VSAN of Cisco switches)."""

    vendor: str
    key: int  #: the VSAN, or 0 for a fabric without VSANs
    states: list[SwitchState] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The fabric's name in an audit without inventory: its first switch (and VSAN)."""
        return self.states[0].name + (f":vsan{self.key}" if self.key else "")


def _keys(state: SwitchState) -> list[int]:
    """The zone servers a switch's capture speaks of: its VSANs, or 0 (the whole fabric)."""
    keys = set(state.zoning) | {login.vsan for login in state.logins.values()}
    return sorted(keys) if keys else [0]


def _signature(state: SwitchState, key: int) -> str | None:
    """The configuration in effect and its zones, as one string (zoning is fabric-wide: two
    switches with the same one are one fabric). None when the capture does not hold it."""
    z = state.zoning.get(key)
    eff = z.effective if z is not None else None
    if eff is None or not eff.effective or not eff.complete:
        return None
    return eff.effective + "|" + ",".join(sorted(eff.zones))


def _domain_in(state: SwitchState, key: int) -> int | None:
    """The switch's domain in a fabric: its own word, else the first byte of the FCID of one
    of its local logins there."""
    if state.identity.domain and not key:
        return state.identity.domain
    for login in state.logins.values():
        fcid = login.fcid or ""
        if login.vsan == key and not login.remote and fcid[:2] == "0x" and len(fcid) == 8:
            head = fcid[2:4]
            if all(c in "0123456789abcdefABCDEF" for c in head):
                return int(head, 16)
    return state.identity.domain


def _router_port(kind: str | None) -> bool:
    """An FC router's EX-Port / VEX-Port: its neighbour is in another (edge) fabric."""
    k = (kind or "").upper()
    return k.startswith(("EX", "VEX"))


def fabric_groups(states: Iterable[SwitchState]) -> list[FabricGroup]:
    """Which switches are one fabric, without an inventory.

    Brocade: switches linked by ``fabricshow`` (the same member or principal WWNs), by an ISL
    (``islshow``'s or ``switchshow``'s neighbour WWN; an Access Gateway by its N-Port uplink),
    or holding the same zoning in effect. Cisco: one group per
    VSAN, split where the switches hold different zonesets in effect (the same VSAN number in
    two physically separate fabrics) unless an ISL of that VSAN (``show topology``) names the
    other switch; a switch whose capture has no active zoneset joins its
    VSAN's group when there is one. Union-find over those tokens: linear in the captures.
    """
    ordered = sorted(states, key=lambda s: s.name)
    parent: dict[int, int] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    nodes: list[tuple[SwitchState, int]] = []
    owner: dict[tuple, int] = {}
    named = {
        (st.vendor, isl.vsan, isl.remote_name)
        for st in ordered
        for isl in st.isls
        if not isl.remote_wwn and isl.remote_name
    }
    for st in ordered:
        for key in _keys(st):
            i = len(nodes)
            nodes.append((st, key))
            parent[i] = i
            sig = _signature(st, key)
            # an ISL the switch lists in this fabric (NX-OS show topology: per VSAN) that names
            # its neighbour without a WWN links the two by the neighbour's name
            tokens: list[tuple] = [
                ("name", st.vendor, key, isl.remote_name)
                for isl in st.isls
                if isl.vsan == key and not isl.remote_wwn and isl.remote_name
            ]
            if (st.vendor, key, st.name) in named:
                tokens.append(("name", st.vendor, key, st.name))
            if key:
                tokens.append(("vsan", st.vendor, key, sig))
            else:
                tokens += [("wwn", st.vendor, m.wwn) for m in st.fabric if not m.phantom]
                tokens += [("wwn", st.vendor, isl.remote_wwn) for isl in st.isls if isl.remote_wwn]
                # switchshow's E-Port neighbours, and an Access Gateway's N-Port uplinks (the
                # core switch's WWN): an AG has no domain and is in no fabricshow
                tokens += [
                    ("wwn", st.vendor, p.neighbour_wwn)
                    for p in st.ports.values()
                    if p.neighbour_wwn and not _router_port(p.type)
                ]
                if st.identity.wwn:
                    tokens.append(("wwn", st.vendor, st.identity.wwn))
                if sig is not None:
                    tokens.append(("zoning", st.vendor, sig))
            for tok in tokens:
                j = owner.setdefault(tok, i)
                if j != i:
                    parent[find(i)] = find(j)
    # an ISL naming its neighbour by domain only (an address-only show topology): with the one
    # switch of that VSAN holding the domain (a domain is unique in a fabric, not across them)
    holders: dict[tuple[str, int, int], list[int]] = {}
    by_domain_only = any(
        not isl.remote_wwn and not isl.remote_name for st, _k in nodes for isl in st.isls
    )
    for i, (st, key) in enumerate(nodes if by_domain_only else ()):
        dom = _domain_in(st, key)
        if dom is not None:
            holders.setdefault((st.vendor, key, dom), []).append(i)
    for i, (st, key) in enumerate(nodes):
        for isl in st.isls:
            if isl.vsan == key and not isl.remote_wwn and not isl.remote_name:
                found = holders.get((st.vendor, key, isl.remote_domain or 0), [])
                if len(found) == 1 and found[0] != i:
                    parent[find(i)] = find(found[0])
    # a VSAN switch without zoning in effect: with the only group of its VSAN
    by_vsan: dict[tuple[str, int], set[int]] = {}
    for i, (st, key) in enumerate(nodes):
        if key and _signature(st, key) is not None:
            by_vsan.setdefault((st.vendor, key), set()).add(find(i))
    for i, (st, key) in enumerate(nodes):
        if key and _signature(st, key) is None:
            roots = by_vsan.get((st.vendor, key), set())
            if len(roots) == 1:
                parent[find(i)] = next(iter(roots))
    groups: dict[int, FabricGroup] = {}
    for i, (st, key) in enumerate(nodes):
        g = groups.setdefault(find(i), FabricGroup(st.vendor, key))
        g.states.append(st)
    return list(groups.values())


def _fabric_names(states: list[SwitchState]) -> dict[tuple[str, int], str]:
    """(switch, key) → fabric name, for an audit without inventory."""
    return {(st.name, g.key): g.name for g in fabric_groups(states) for st in g.states}


def _fabric_of_state(
    state: SwitchState, key: int, topology: Topology | None, grouped: dict[tuple[str, int], str]
) -> str:
    if topology is not None:
        if state.name in topology.switch_fabric:
            return topology.switch_fabric[state.name]
        for f in topology.inventory.fabrics:
            if key and f.vsan == key and f.vendor == state.vendor:
                return f.name
    return grouped.get((state.name, key)) or f"{state.name}" + (f":vsan{key}" if key else "")


def _need_met(state: SwitchState, inputs: list[str]) -> str:
    """``""`` when one of ``inputs`` was captured completely, else why not."""
    if any(i in state.seen and i not in state.cut for i in inputs):
        return ""
    return "cut short" if any(i in state.cut for i in inputs) else "not captured"


def _needs(state: SwitchState) -> AuditNeeds:
    try:
        return pack_for(state.vendor).manifest.audit
    except (
        ValueError,
        VendorPackError,
    ):  # a vendor no pack speaks for: nothing can be known to be complete
        return AuditNeeds(switch={"a vendor pack": ["-"]})


def group_by_fabric(
    states: Iterable[SwitchState], topology: Topology | None = None
) -> dict[str, FabricObservation]:
    """Merge switch states into fabrics: zoning is fabric-wide, logins are per switch."""
    out: dict[str, FabricObservation] = {}
    for obs in _group(states, topology).values():
        out[obs.fabric] = obs
        for need in sorted(set(obs._fabric_needs) - obs._fabric_met):
            obs.unmet.append(f"{need} not captured")
        obs.differing = _differing(obs)
    return out


def _differing(obs: FabricObservation) -> list[CopyDiff]:
    """The switches whose complete copy of the zoning differs from the one used.

    Copies read from the same text are one object (:mod:`zoneplan.parsers.capture` parses a
    text once), so only copies from another text are compared, by content. Defined copies
    are compared only where the zone server distributes its full database: a zone status
    saying ``distribute: active only`` (the NX-OS default) keeps each switch's own.
    """
    out: list[CopyDiff] = []
    seen: dict[int, dict] = {}
    used = {"defined": obs.defined, "effective": obs.effective}
    owner = {
        which: next((sw for sw, z in obs.copies if getattr(z, which) is db), "")
        for which, db in used.items()
    }
    for sw, z in obs.copies:
        for which, ref in used.items():
            db = getattr(z, which)
            if db is None or ref is None or db is ref or not (db.complete and ref.complete):
                continue
            if which == "defined" and not _full_distributed(obs, sw, owner[which]):
                continue
            if _same(db, ref):
                continue
            detail = _difference(_content(db, seen), _content(ref, seen))
            if detail:
                out.append(CopyDiff(sw, owner[which], which, detail))
    return out


def _full_distributed(obs: FabricObservation, *switches: str) -> bool:
    # NX-OS distributes only the active zone set unless `zoneset distribute full vsan N`:
    # Cisco MDS 9000 Fabric Manager Configuration Guide 3.4, "Zone Set Distribution"
    # (cisco.com/en/US/docs/storage/san_switches/mds9000/sw/rel_3_x/configuration/guides/
    # fm_3_4_x/zone.html). A Brocade fabric's defined configuration is fabric-wide (no status).
    distribute = {sw: z.status.distribute if z.status else None for sw, z in obs.copies}
    return all((distribute.get(sw) or "full") == "full" for sw in switches)


def _same(a: ZoneDb, b: ZoneDb) -> bool:
    """True when two copies say the same in the same order (the usual case, checked with
    the interpreter's own comparisons; :func:`_content` then decides the others)."""
    if a.effective != b.effective or a.configs != b.configs or a.aliases != b.aliases:
        return False
    if a.zones.keys() != b.zones.keys():
        return False
    other = b.zones
    for name, z in a.zones.items():
        o = other[name]
        if z.members != o.members or z.principals != o.principals or z.kind != o.kind:
            return False
    return True


def _content(db: ZoneDb, seen: dict[int, dict]) -> dict:
    """What a zoning database says, order and layout aside (memoised per database)."""
    got = seen.get(id(db))
    if got is None:
        got = seen[id(db)] = {
            "zones": {
                n: (z.kind, frozenset(z.principals), frozenset(z.members))
                for n, z in db.zones.items()
            },
            "aliases": {n: frozenset(m) for n, m in db.aliases.items()},
            "configurations": {n: frozenset(m) for n, m in db.configs.items()},
            "effective": db.effective,
            "db": db,  # keeps id(db) unique while memoised
        }
    return got


def _difference(mine: dict, ref: dict) -> str:
    """``zones only here: a, b; zones differing: c`` (empty when the same)."""
    parts = []
    if mine["effective"] != ref["effective"]:
        parts.append(f"configuration in effect {mine['effective'] or 'none'}")
    for kind in ("zones", "aliases", "configurations"):
        a, b = mine[kind], ref[kind]
        if a == b:
            continue
        for label, names in (
            ("only here", sorted(set(a) - set(b))),
            ("missing here", sorted(set(b) - set(a))),
            ("differing", sorted(n for n in set(a) & set(b) if a[n] != b[n])),
        ):
            if names:
                more = f" and {len(names) - 3:,} more" if len(names) > 3 else ""
                parts.append(f"{kind} {label}: {', '.join(names[:3])}{more}")
    return "; ".join(parts)


def _group(
    states: Iterable[SwitchState], topology: Topology | None
) -> dict[str, FabricObservation]:
    out: dict[str, FabricObservation] = {}
    states = list(states)
    grouped = _fabric_names(states) if topology is None else {}
    for state in states:
        needs = _needs(state)
        lacking = [
            f"{state.name}: {need} {why}"
            for need, inputs in needs.switch.items()
            if (why := _need_met(state, inputs))
        ]
        for key in _keys(state):
            name = _fabric_of_state(state, key, topology, grouped)
            obs = out.setdefault(name, FabricObservation(name, key))
            if state.name not in obs.switches:
                obs.switches.append(state.name)
                if state.identity.wwn:
                    obs.switch_wwns[state.identity.wwn] = state.name
                if not state.complete:
                    obs.partial.append(state.name)
                obs.unmet.extend(lacking)
            for need, inputs in needs.fabric.items():
                obs._fabric_needs.setdefault(need, inputs)
                if not _need_met(state, inputs):
                    obs._fabric_met.add(need)
            z = state.zoning.get(key)
            if z is not None:
                obs.copies.append((state.name, z))
                if z.defined is not None and (obs.defined is None or not obs.defined.complete):
                    obs.defined = z.defined
                if z.effective is not None and (
                    obs.effective is None or not obs.effective.complete
                ):
                    obs.effective = z.effective
                if z.status is not None:
                    obs.statuses.append((state.name, z.status))
            obs.device_aliases.update(state.device_aliases)
            for (vsan, wwpn), login in state.logins.items():
                if vsan == key or (key == 0 and not state.zoning):
                    obs.logins.setdefault(wwpn, login)
            if "logins" in state.seen:
                obs.logins_from.add(state.name)
            if state.transaction is not None:
                obs.transactions.append((state.name, state.transaction))
    return out
