"""Connecting the dots: what the audit's facts mean for the clients' access to the cluster.

Why a pass of its own: the comparisons report facts one WWPN or zone at a time (a login in
no zone, a zone member not logged in). A SAN admin asks other questions: did an HBA get
replaced (a new WWPN on the very switch port where the inventory's absent WWPN is cabled)?
Has a client lost its paths on a fabric (redundancy lost), or on every fabric (access lost)?
Those are answered here, once per audit, from the effective zoning and the logins, and the
bare facts they explain are folded into them.

A fabric is judged only when its effective zoning was read completely and the logins of all
its switches were read; otherwise the audit already says it is incomplete (ZP614).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from ..findings import Finding, Subject
from ..model import PortRole
from ..rules import audit as R

if TYPE_CHECKING:
    from ..fabrics import FabricObservation
    from ..observed import Zone
    from ..plan.model import FabricPlan
    from ..topology import PortRef, Topology

__all__ = ["connect_the_dots"]

#: A fabric's observation → its zones' WWPN sets: aliases expanded and port members (``D,I``,
#: ``interface fcS/P swwn W`` / ``domain-id D``, ``fcid``) matched to the logins on those ports
#: (a port zone zones whatever logs in there) — the audit's one port matcher
#: (``compare._by_port``), shared with its other checks so that each zone is resolved once.
Resolver = Callable[["FabricObservation"], Callable[["Zone"], "set[str]"]]


@dataclass
class _Fabric:
    """What one completely read fabric says about the inventory's ports."""

    name: str
    logged_in: set[str]
    reachable: set[str]  #: WWPNs in an effective zone with a logged-in cluster target port
    zoned: set[str]  #: WWPNs in any effective zone (named, or logged in on a zoned port)
    replaced: dict[str, tuple[str, str, list[str]]] = field(default_factory=dict)
    #: port ref → (switch, port, new WWPNs logged in there)


def connect_the_dots(
    findings: list[Finding],
    planned: dict[str, FabricPlan],
    observations: dict[str, FabricObservation],
    topology: Topology,
    resolver: Resolver,
) -> list[Finding]:
    """``findings`` with HBA replacements and lost access said once, the facts folded in."""
    judged: dict[str, _Fabric] = {}
    for name, obs in observations.items():
        if name in planned and _complete(obs, topology):
            fab = _judge(obs, topology, resolver)
            if fab is not None:
                judged[name] = fab
    if not judged:
        return findings
    out: list[Finding] = []
    folded: set[tuple[str, str, str]] = set()  #: (code, subject, fabric) of explained facts
    for fab in judged.values():
        for ref_name, (switch, port, new) in sorted(fab.replaced.items()):
            out.append(_replaced(topology, fab, ref_name, switch, port, new))
            folded.add((R.ZonedNotLoggedIn.code, topology.by_ref[ref_name].wwpn, fab.name))
            for w in new:
                folded.add((R.UnzonedLogin.code, w, fab.name))
    out += _access(topology, planned, judged, folded)
    kept = [f for f in findings if (f.code, f.subject, f.about.fabric) not in folded]
    return kept + out


def _complete(obs: FabricObservation, topology: Topology) -> bool:
    eff = obs.effective
    if eff is None or not eff.complete or obs.partial:
        return False
    switches = {s for s, f in topology.switch_fabric.items() if f == obs.fabric}
    return bool(switches) and switches <= obs.logins_from


def _targets(topology: Topology) -> set[str]:
    """The cluster's target ports (the arrays' when there is no cluster)."""
    kind = "node" if topology.inventory.cluster is not None else "array"
    return {p.wwpn for p in topology.iter_role(PortRole.TARGET, kind)}


def _judge(obs: FabricObservation, topology: Topology, resolver: Resolver) -> _Fabric | None:
    eff = obs.effective
    if eff is None:
        return None
    zone_set = resolver(obs)
    logged_in = set(obs.logins)
    targets = _targets(topology) & logged_in
    reachable: set[str] = set()
    zoned: set[str] = set()
    for zone in eff.zones.values():
        members = zone_set(zone)
        zoned |= members
        if not members.isdisjoint(targets):
            reachable |= members
    fab = _Fabric(obs.fabric, logged_in, reachable, zoned)
    at_port: dict[tuple[str, str], list[str]] = {}
    for wwpn, login in obs.logins.items():
        if login.switch and login.port is not None:
            at_port.setdefault((login.switch, str(login.port)), []).append(wwpn)
    cabled_to, switch_fabric = topology.cabled_to, topology.switch_fabric
    for ref in topology.ports:
        if ref.wwpn in logged_in:  # first: the cheap test that settles most ports
            continue
        cabled = cabled_to.get(ref.ref)  # topology.fabric_of(ref), the cable looked up once
        if cabled is None or switch_fabric.get(cabled[0]) != obs.fabric:
            continue
        new = sorted(w for w in at_port.get(cabled, []) if w not in topology.by_wwpn)
        if new:
            fab.replaced[ref.ref] = (cabled[0], cabled[1], new)
    return fab


def _replaced(
    topology: Topology, fab: _Fabric, ref_name: str, switch: str, port: str, new: list[str]
) -> Finding:
    ref = topology.by_ref[ref_name]
    news = ", ".join(new)
    fabric = fab.name
    # behind a port zone the new WWPN has the old one's access: only the inventory is stale
    zoned = [w for w in new if w in fab.zoned]
    said = (
        f"a port zone gives {', '.join(zoned)} the access of the old WWPN; the inventory "
        "is out of date"
        if zoned
        else "nothing zones the new WWPN"
    )
    return R.HbaReplaced.make(
        f"HBA replaced on {ref_name}? Its WWPN {ref.wwpn} is not logged in on fabric {fabric}, "
        f"and {news} (not in the inventory) is logged in on {switch} port {port}, where "
        f"{ref_name} is cabled; {said}",
        topology.locate((*ref.path, "wwpn")),
        subject=ref_name,
        about=Subject(port=ref_name, wwpn=ref.wwpn, switch=switch, switch_port=port, fabric=fabric),
        hint=(
            f'if the HBA was replaced: set wwpn: "{new[0]}" for {ref_name} in the inventory, '
            "then run zoneplan plan INVENTORY --against CAPTURE --out DIR, review the change "
            "(the alias is re-pointed, zones stay) and apply it"
        ),
    )


def _access(
    topology: Topology,
    planned: dict[str, FabricPlan],
    judged: dict[str, _Fabric],
    folded: set[tuple[str, str, str]],
) -> list[Finding]:
    """ZP619/ZP620 per client; the ZP608 facts they explain are added to ``folded``."""
    planned_on: dict[str, set[str]] = {}  #: host → fabrics where the plan zones it
    for fp in planned.values():
        zoned = {  # each host once per fabric, however many zones name it
            m.ref.partition("/")[0]
            for zone in fp.zones
            if zone.kind == "client"  # a str enum: no import of the plan layer
            for m in zone.all_members()
            if m.ref
        }
        for host in zoned:
            planned_on.setdefault(host, set()).add(fp.name)
    hosts = {h.name: i for i, h in enumerate(topology.inventory.hosts)}
    out: list[Finding] = []
    for host in sorted(hosts.keys() & planned_on.keys()):
        # each port's fabric looked up once (topology.fabric_of), then grouped per fabric
        by_fabric: dict[str | None, list[PortRef]] = {}
        for p in topology.device_ports("host", host):
            by_fabric.setdefault(topology.fabric_of(p), []).append(p)
        lost: dict[str, list[str]] = {}
        kept: list[str] = []
        for fabric in sorted(f for f in by_fabric if f is not None):
            fab = judged.get(fabric)
            if fab is None or fabric not in planned_on[host]:
                kept.append(fabric)  # not judged here (or not zoned there): assume nothing
                continue
            mine = by_fabric[fabric]
            if any(p.wwpn in fab.reachable and p.wwpn in fab.logged_in for p in mine):
                kept.append(fabric)
                continue
            lost[fabric] = [_why(p, fab) for p in mine]
            for p in mine:
                folded.add((R.ZonedNotLoggedIn.code, p.wwpn, fabric))
        if not lost:
            continue
        explained = {f for f in lost if all(p.ref in judged[f].replaced for p in by_fabric[f])}
        loc = topology.locate(("hosts", hosts[host], "name"))
        if not kept:
            detail = "; ".join(f"fabric {f}: {', '.join(w)}" for f, w in sorted(lost.items()))
            out.append(
                R.AccessLost.make(
                    f"{host} has no path to the cluster on any fabric ({', '.join(sorted(lost))}): "
                    f"{detail}",
                    loc,
                    subject=host,
                    about=Subject(host=host),
                )
            )
            continue
        for fabric, why in sorted(lost.items()):
            if fabric in explained:
                continue
            out.append(
                R.RedundancyLost.make(
                    f"{host} has no path to the cluster on fabric {fabric} (it still has "
                    f"{', '.join(kept)}): {', '.join(why)}",
                    loc,
                    subject=host,
                    about=Subject(host=host, fabric=fabric),
                )
            )
    return out


def _why(p: PortRef, fab: _Fabric) -> str:
    if p.ref in fab.replaced:
        return f"{p.ref} ({p.wwpn}) replaced by {', '.join(fab.replaced[p.ref][2])}?"
    if p.wwpn not in fab.logged_in:
        return f"{p.ref} ({p.wwpn}) is not logged in"
    return f"{p.ref} ({p.wwpn}) is in no effective zone with a logged-in cluster target port"
