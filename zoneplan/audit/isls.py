"""The inventory's ISLs against the links the switches list (ZP625-ZP630).

Why: an ISL down halves a fabric's bandwidth or splits it; a cable in the wrong port or to
the wrong switch is the next outage's root cause; an ISL between a fabric A and a fabric B
switch merges the two fabrics the whole redundancy rests on. The switches say which links
are up: Brocade ``islshow`` and ``switchshow`` (E-Ports), NX-OS ``show topology``; their far
ends are named as the import names them (:mod:`zoneplan.links`).

What is concluded from what: a link a switch lists is a fact from that switch alone (an
unexpected, miswired or fabric-merging link is said as soon as one end was read); a link
*missing* is said only when every switch of the fabric had its ISL listing read completely,
otherwise the fabric's ISLs are "not judged" (ZP629), never reported missing from a partial
capture. Access Gateway / NPV uplinks are no ISLs (N_Port to F_Port: no ISL listing shows
them) and are not compared. A port-channel is compared as its member links when the
members were read on both sides, else as the port-channel, said by ZP630.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Iterable

from ..findings import Finding, Location, Subject
from ..links import Peers, SeenLink, channel_members, is_channel, seen_links
from ..observed import FABRIC_KEY, SwitchState
from ..rules import audit as R

if TYPE_CHECKING:
    from ..model import Isl as InventoryIsl
    from ..topology import Topology

__all__ = ["isl_drift"]

End = tuple[str, str]  #: (switch, port)


def _end(text: str) -> End:
    sw, _, port = text.partition(":")
    return sw, port


def _read(state: SwitchState | None) -> bool:
    """True when the switch's ISL listing was read whole."""
    return state is not None and state.complete and "isls" in state.seen and "isls" not in state.cut


def _far(link: SeenLink) -> str:
    if link.peer is None:
        return f"{link.neighbour} (a switch the inventory lacks)"
    return f"{link.peer} port {link.peer_port}" if link.peer_port else f"{link.peer}"


class _Fabric:
    """One inventory fabric: its ISLs, the links its switches list, what was read."""

    def __init__(
        self, topology: Topology, name: str, key: int, states: dict[str, SwitchState]
    ) -> None:
        inv = topology.inventory
        self.topology, self.name, self.key = topology, name, key
        members = [s for s, f in topology.switch_fabric.items() if f == name]
        self.gateways = {s for s in members if topology.switches[s].gateway}
        self.natives = [s for s in members if s not in self.gateways]
        self.read = [s for s in self.natives if _read(states.get(s))]
        self.unread = [s for s in self.natives if s not in self.read]
        self.isls: list[tuple[int, InventoryIsl]] = []
        self.uplinks = 0
        for i, isl in enumerate(inv.isls):
            (sa, _), (sb, _) = _end(isl.a), _end(isl.b)
            if topology.switch_fabric.get(sa) != name and topology.switch_fabric.get(sb) != name:
                continue
            if sa in self.gateways or sb in self.gateways:
                self.uplinks += 1  # an AG / NPV uplink: no ISL listing shows it
                continue
            self.isls.append((i, isl))
        mine = [states[s] for s in self.natives if s in states]
        peers = Peers(
            mine,  # domains are per fabric: this fabric's switches only (B reuses A's IDs)
            key,
            wwns=states.values(),  # a WWN names a switch of any fabric: a merge is said so
            names=topology.switches,
            by_domain={
                sw.domain_id: s
                for s, sw in topology.switches.items()
                if topology.switch_fabric.get(s) == name and sw.domain_id
            },
            by_address={sw.mgmt.split(":")[0]: s for s, sw in topology.switches.items() if sw.mgmt},
        )
        self.peers = peers
        self.links = seen_links(mine, peers)
        self.states = states
        #: links listed at each end: the listing switch's end, and the far end when named
        self.at: dict[End, list[SeenLink]] = {}
        #: the port-channel and trunk links each switch lists (looked through per ISL not
        #: otherwise seen: kept apart so that a fabric of many ISLs is not read quadratically)
        self.groups: dict[str, list[SeenLink]] = {}
        for link in self.links:
            self.at.setdefault((link.switch, link.port), []).append(link)
            if link.trunk or is_channel(link.port):
                self.groups.setdefault(link.switch, []).append(link)

    @property
    def judged(self) -> bool:
        return not self.unread


def isl_drift(topology: Topology, states: Iterable[SwitchState]) -> list[Finding]:
    """ZP625-ZP630 for every inventory fabric whose switches were read."""
    by_name = {st.name: st for st in states}
    out: list[Finding] = []
    said: set[frozenset[End]] = set()  #: links already reported (both ends list them)
    for fabric in topology.inventory.fabrics:
        fab = _Fabric(topology, fabric.name, fabric.vsan or FABRIC_KEY, by_name)
        if not fab.read and not any(s in by_name for s in fab.natives):
            continue  # nothing of this fabric read: the audit says so (ZP614)
        found = _compare(fab, said)
        found += _merged_by_fabricshow(fab, found)
        out += [replace(f, about=replace(f.about, fabric=fabric.name)) for f in found]
    return out


def _merged_by_fabricshow(fab: _Fabric, found: list[Finding]) -> list[Finding]:
    """ZP628 from ``fabricshow``: a switch of this fabric lists, among its fabric's members, a
    switch (known by WWN) that the inventory puts in another fabric; said once per fabric
    pair, and not when an ISL between them was already said."""
    topo = fab.topology
    merged = [f.message for f in found if f.code == R.FabricsMerged.code]
    out: list[Finding] = []
    told: set[str] = set()
    for name in fab.natives:
        st = fab.states.get(name)
        if st is None:
            continue
        for m in st.fabric:
            other = fab.peers.by_wwn.get(m.wwn) if not m.phantom else None
            where = topo.switch_fabric.get(other or "")
            if other is None or where is None or where == fab.name or where in told:
                continue
            told.add(where)
            if any(f"fabrics {fab.name} and {where} are merged" in t for t in merged):
                continue
            source = f"{name}:{st.seen.get('fabric', 'fabricshow')}"
            out.append(
                R.FabricsMerged.make(
                    f"{name}'s fabricshow lists {other} (domain {m.domain}) of fabric {where}: "
                    f"fabrics {fab.name} and {where} are merged ({source})",
                    Location(source),
                    subject=name,
                    about=Subject(switch=name),
                    hint="find the ISL between them (islshow on both), disable its ports and "
                    "remove the cable",
                )
            )
    return out


def _about(end: End) -> Subject:
    return Subject(switch=end[0], switch_port=end[1])


def _loc(topology: Topology, index: int) -> Location | None:
    return topology.locate(("isls", index))


def _compare(fab: _Fabric, said: set[frozenset[End]]) -> list[Finding]:
    topo = fab.topology
    out: list[Finding] = []
    used: set[int] = set()  #: ids of links matched to an inventory ISL
    not_judged = 0
    for index, isl in fab.isls:
        a, b = _end(isl.a), _end(isl.b)
        name = f"{isl.a} - {isl.b}"
        match = _match(fab, a, b)
        if match is not None:
            used.update(id(x) for x in _with_mirrors(fab, match[0]))
            if match[1]:
                out.append(
                    R.IslAsPortChannel.make(
                        f"ISL {name} taken as seen: {match[1]}",
                        _loc(topo, index),
                        subject=name,
                        about=_about(a),
                    )
                )
            continue
        other = [x for e in (a, b) for x in fab.at.get(e, ()) if id(x) not in used]
        if other:
            used.update(id(x) for x in _with_mirrors(fab, other))
            seen = "; ".join(f"{x.switch} port {x.port} - {_far(x)}" for x in other)
            out.append(
                R.IslMiswired.make(
                    f"ISL {name}: the switches list {seen} ({other[0].source})",
                    _loc(topo, index),
                    subject=name,
                    about=_about(a),
                    hint="check the cable at both ends against the inventory (or correct it)",
                )
            )
            continue
        if fab.judged:
            elsewhere = _other_vsans(fab, a, b)
            why = (
                f"it is listed in VSAN {', '.join(map(str, elsewhere))} only, not in the "
                f"fabric's VSAN {fab.key} (the VSAN is not allowed or isolated on the link)"
                if elsewhere
                else f"neither {a[0]} nor {b[0]} lists it"
            )
            out.append(
                R.IslMissing.make(
                    f"ISL {name} is not up: {why} ({', '.join(_sources(fab, a[0], b[0]))})",
                    _loc(topo, index),
                    subject=name,
                    about=_about(a),
                )
            )
        else:  # a fabric read in part: what is not listed is not judged missing
            not_judged += 1
    out += _unplanned(fab, used, said)
    if not fab.judged and (fab.isls or len(fab.natives) > 1):
        unread = ", ".join(fab.unread)
        out.append(
            R.IslsNotJudged.make(
                f"fabric {fab.name}: ISLs not judged as missing ({not_judged} of "
                f"{len(fab.isls)} not listed by a switch read): the ISL listing (islshow / "
                f"show topology) of {unread} was not read whole",
                Location(fab.name),
                subject=fab.name,
            )
        )
    if fab.uplinks:
        out.append(
            R.IslsNotJudged.make(
                f"fabric {fab.name}: {fab.uplinks} uplink(s) of Access Gateway / NPV switches "
                "not compared (N_Port links: no ISL listing shows them)",
                Location(fab.name),
                subject=fab.name,
            )
        )
    return out


def _other_vsans(fab: _Fabric, a: End, b: End) -> list[int]:
    """The VSANs (other than the fabric's) whose ``show topology`` table lists the link."""
    vsans: set[int] = set()
    for (sw, port), (far, far_port) in ((a, b), (b, a)):
        st = fab.states.get(sw)
        for isl in st.isls if st is not None else ():
            if isl.vsan != fab.key and str(isl.local_port) == port:
                if str(isl.remote_port) in (far_port, "") or isl.remote_name == far:
                    vsans.add(isl.vsan)
    return sorted(vsans)


def _with_mirrors(fab: _Fabric, links: list[SeenLink]) -> list[SeenLink]:
    """``links`` and the same links as their far switches list them."""
    out = list(links)
    for link in links:
        if link.peer is not None and link.peer_port is not None:
            out += [x for x in fab.at.get((link.peer, link.peer_port), ()) if x.peer == link.switch]
    return out


def _sources(fab: _Fabric, *switches: str) -> list[str]:
    return [f"{s}:{fab.states[s].seen.get('isls', '')}" for s in switches if s in fab.states]


def _match(fab: _Fabric, a: End, b: End) -> tuple[list[SeenLink], str] | None:
    """The listed links that are the inventory ISL ``a``-``b`` (and a note when it was taken
    as a port-channel whose members were not read), None when no listing shows it."""
    for near, far in ((a, b), (b, a)):
        for link in fab.at.get(near, ()):
            if link.peer == far[0] and link.peer_port in (None, far[1]):
                return [link], ""
    # a port-channel ISL: its members on both sides, or (members not read) the channel
    for near, far in ((a, b), (b, a)):
        for link in fab.groups.get(near[0], ()):
            sw, port = link.switch, link.port
            if not is_channel(port) or link.peer != far[0]:
                continue
            mine = channel_members(fab.states.get(sw), port)
            theirs = channel_members(fab.states.get(far[0]), link.peer_port or "")
            if mine is not None and near[1] not in mine:
                continue
            if theirs is not None and far[1] not in theirs:
                continue
            if mine is not None and theirs is not None:
                return [link], ""
            unread = " and ".join(s for s, m in ((sw, mine), (far[0], theirs)) if m is None)
            return [link], (
                f"{sw} lists {port} to {far[0]} {link.peer_port}; the members of the "
                f"port-channel were not read on {unread} (show port-channel database)"
            )
    # a FOS trunk: islshow lists its master only; switchshow (not read) names the members
    for near, far in ((a, b), (b, a)):
        state = fab.states.get(near[0])
        if state is None or "ports" in state.seen:
            continue  # its E-Ports were read: a member not among them is not up
        for link in fab.groups.get(near[0], ()):
            if link.trunk and link.peer == far[0]:
                return [], (
                    f"{link.switch} lists a trunk from port {link.port} to {far[0]}; which "
                    f"ports are its members was not read ({link.switch}'s switchshow)"
                )
    return None


def _unplanned(fab: _Fabric, used: set[int], said: set[frozenset[End]]) -> list[Finding]:
    """Listed links no inventory ISL accounts for: another fabric's switch (merged fabrics,
    ZP628) or a link the inventory lacks (ZP626). Each link said once, whichever end lists
    it; a port-channel's members are the ISLs, the channel itself none when they are."""
    topo = fab.topology
    out: list[Finding] = []
    inventory_ends = {e for _i, isl in fab.isls for e in (_end(isl.a), _end(isl.b))}
    for link in fab.links:
        if id(link) in used:
            continue
        near = (link.switch, link.port)
        key = frozenset((near, (link.peer or link.neighbour, link.peer_port or "?")))
        if key in said:  # the other end listed it too
            continue
        said.add(key)
        where = f"{link.switch} port {link.port}"
        other_fabric = topo.switch_fabric.get(link.peer or "")
        if other_fabric is not None and other_fabric != fab.name:
            out.append(
                R.FabricsMerged.make(
                    f"{where} has an ISL to {_far(link)} of fabric {other_fabric}: fabrics "
                    f"{fab.name} and {other_fabric} are merged ({link.source})",
                    Location(link.source),
                    subject=f"{link.switch}:{link.port}",
                    about=_about(near),
                    hint=f"disable the port ({link.switch} port {link.port}) and remove the cable",
                )
            )
            continue
        if near in inventory_ends:
            continue  # said with its inventory ISL (miswired)
        if is_channel(link.port) and channel_members(fab.states.get(link.switch), link.port):
            members = channel_members(fab.states.get(link.switch), link.port) or []
            if any((link.switch, m) in inventory_ends for m in members):
                continue  # its members are the inventory's ISLs
        known = link.peer in topo.switches
        out.append(
            R.IslUnexpected.make(
                (
                    f"{where} has an ISL to {_far(link)} that the inventory lacks"
                    if known
                    else f"{where} has an ISL to {link.neighbour}, a switch the inventory lacks"
                )
                + f" ({link.source})",
                Location(link.source),
                subject=f"{link.switch}:{link.port}",
                about=_about(near),
                hint=(
                    "add it to isls: in the inventory, or remove the cable"
                    if known
                    else "add the switch and the ISL to the inventory (zoneplan import of its "
                    "capture drafts both), or remove the cable"
                ),
            )
        )
    return out
