"""The fabric graph: an :class:`~zoneplan.model.Inventory` as typed networkx nodes and edges.

Nodes: ``switch``, ``switchport``, ``host``, ``node`` (cluster node), ``array``, ``hba``,
``hbaport`` (keyed by WWPN). Edges: ``contains`` (device → HBA → port, switch → switch port),
``cable`` (HBA port ↔ switch port), ``isl`` (switch port ↔ switch port), ``direct`` (HBA port ↔
HBA port, a mirror link between the cluster nodes).

Why a graph: fabric membership is *derived*: an HBA port cabled to a switch of fabric A is on
A, whatever anyone typed; split fabrics and merged fabrics fall out of connected components.
Building never raises on policy problems; unresolvable references come back as ZP103 findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Iterator

from .findings import Finding, Location
from .model import DEFAULT_ROLE, DEVICE_PATHS, Cable, Hba, Inventory, Port, PortRole, Switch
from .packs import pack_for
from .rules.integrity import DanglingReference
from .yamlsource import SourceMap

if TYPE_CHECKING:
    import networkx as nx


def switch_node(name: str) -> str:
    return f"switch:{name}"


def switchport_node(switch: str, port: str) -> str:
    return f"switchport:{switch}:{port}"


def device_node(kind: str, name: str) -> str:
    return f"{kind}:{name}"


def hba_node(device: str, hba: str) -> str:
    return f"hba:{device}/{hba}"


def port_node(wwpn: str) -> str:
    return f"wwpn:{wwpn}"


@dataclass(frozen=True)
class PortRef:
    """One FC port of a device, with everything rules need to talk about it."""

    kind: str  #: host, node or array
    device: str
    adapter: str
    port: Port
    hba: Hba
    path: tuple  #: data path of the port in the inventory, for file:line
    role: PortRole | None

    @property
    def ref(self) -> str:
        """``device/adapter/port``: the name an admin uses (and ``peer:`` links use)."""
        return f"{self.device}/{self.adapter}/{self.port.name}"

    @property
    def wwpn(self) -> str:
        return self.port.wwpn


class GraphRecord:
    """The graph's nodes and edges in the order they were added; :attr:`Topology.graph` makes
    the networkx graph from them when it is first read.

    Why: importing networkx took longer than validating the sample inventory, and no command
    reads the graph itself (rules and planner read the indices below), so a command pays for
    networkx only when it asks for the graph.
    """

    __slots__ = ("nodes", "edges")

    def __init__(self) -> None:
        self.nodes: dict[str, dict] = {}
        self.edges: list[tuple[str, str, dict]] = []

    def add_node(self, node: str, **attrs: object) -> None:
        self.nodes.setdefault(node, {}).update(attrs)

    def add_edge(self, a: str, b: str, **attrs: object) -> None:
        self.nodes.setdefault(a, {})
        self.nodes.setdefault(b, {})
        self.edges.append((a, b, attrs))

    def __contains__(self, node: object) -> bool:
        return node in self.nodes

    def networkx(self) -> nx.MultiGraph:
        """The same nodes and edges, added in the same order, as a networkx multigraph."""
        import networkx as nx

        g = nx.MultiGraph()
        g.add_nodes_from(self.nodes.items())
        g.add_edges_from(self.edges)
        return g


def connected(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> list[set[str]]:
    """Connected components in the order networkx's ``connected_components`` yields them (of
    the nodes given; edges to other nodes are ignored)."""
    adjacent: dict[str, list[str]] = {n: [] for n in nodes}
    for a, b in edges:
        if a in adjacent and b in adjacent:
            adjacent[a].append(b)
            adjacent[b].append(a)
    seen: set[str] = set()
    out: list[set[str]] = []
    for start in adjacent:
        if start in seen:
            continue
        comp, todo = {start}, [start]
        while todo:
            for n in adjacent[todo.pop()]:
                if n not in comp:
                    comp.add(n)
                    todo.append(n)
        seen |= comp
        out.append(comp)
    return out


@dataclass
class Topology:
    """The graph plus the indices the rules, the planner and the printers read."""

    inventory: Inventory
    source: SourceMap | None
    recorded: GraphRecord
    ports: list[PortRef] = field(default_factory=list)
    by_ref: dict[str, PortRef] = field(default_factory=dict)
    by_wwpn: dict[str, list[PortRef]] = field(default_factory=dict)
    by_device: dict[tuple[str, str], list[PortRef]] = field(default_factory=dict)
    switches: dict[str, Switch] = field(default_factory=dict)
    switch_ports: dict[str, list[str]] = field(default_factory=dict)
    #: (switch, port) → what is cabled there: PortRef refs and ISL peers as "switch:port"
    attached: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    #: switch port an HBA port is cabled to, by port ref
    cabled_to: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: direct links: port ref → peer port ref
    direct: dict[str, str] = field(default_factory=dict)
    #: ISLs as (switch, switch) pairs
    isl_pairs: list[tuple[str, str]] = field(default_factory=list)
    #: fabric of a switch, derived: the declared fabric of its ISL-connected component's switches
    switch_fabric: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    @property
    def graph(self) -> nx.MultiGraph:
        """The fabric graph (networkx), made on first use from what was recorded."""
        cached = getattr(self, "_graph_cache", None)
        if cached is None:
            cached = self._graph_cache = self.recorded.networkx()
        return cached

    # -- lookups -----------------------------------------------------------------------------
    def locate(self, path: tuple, *, key: bool = False) -> Location | None:
        return self.source.locate(path, key=key) if self.source else None

    def fabric_of(self, ref: PortRef) -> str | None:
        """The fabric a port is on, from its cable; None when not on a switch."""
        sp = self.cabled_to.get(ref.ref)
        return self.switch_fabric.get(sp[0]) if sp else None

    def device_ports(self, kind: str, name: str) -> list[PortRef]:
        return self.by_device.get((kind, name), [])

    def fabric_components(self, fabric: str) -> list[set[str]]:
        """Groups of switches of ``fabric`` that reach each other over ISLs."""
        members = [s for s, f in self.switch_fabric.items() if f == fabric]
        return connected(members, self.isl_pairs)

    def same_segment(self, a: PortRef, b: PortRef) -> bool:
        """True when two switch-attached ports can see each other (same ISL-connected fabric)."""
        sa, sb = self.cabled_to.get(a.ref), self.cabled_to.get(b.ref)
        if not sa or not sb:
            return False
        return self._component_of[sa[0]] == self._component_of[sb[0]]

    @property
    def _component_of(self) -> dict[str, int]:
        cached = getattr(self, "_components_cache", None)
        if cached is None:
            cached = {}
            for i, comp in enumerate(connected(self.switches, self.isl_pairs)):
                for s in comp:
                    cached[s] = i
            self._components_cache = cached
        return cached

    def iter_role(self, role: PortRole, kind: str | None = None) -> Iterator[PortRef]:
        for p in self.ports:
            if p.role is role and (kind is None or p.kind == kind):
                yield p


def _cable_id(cable: Cable | None) -> str | None:
    return cable.id if cable is not None else None


def _dangling(topo: Topology, message: str, path: tuple, subject: str) -> None:
    topo.findings.append(DanglingReference.make(message, topo.locate(path), subject=subject))


def build_topology(inventory: Inventory, source: SourceMap | None = None) -> Topology:
    """Build the graph and indices; unresolved references become ZP103 findings."""
    g = GraphRecord()
    topo = Topology(inventory, source, g)
    fabrics = {f.name: f for f in inventory.fabrics}

    for si, sw in enumerate(inventory.switches):
        if sw.name in topo.switches:
            continue  # duplicate names are rule ZP106
        topo.switches[sw.name] = sw
        if sw.fabric not in fabrics:
            _dangling(
                topo,
                f"switch {sw.name}: unknown fabric '{sw.fabric}'",
                ("switches", si, "fabric"),
                sw.name,
            )
        vendor = sw.vendor or (fabrics[sw.fabric].vendor if sw.fabric in fabrics else None)
        if isinstance(sw.ports, list):
            names = list(sw.ports)
        elif vendor is not None:
            names = pack_for(vendor).port_names(sw.ports, sw.slots)
        else:
            names = []
        topo.switch_ports[sw.name] = names
        topo.switch_fabric[sw.name] = sw.fabric
        g.add_node(switch_node(sw.name), kind="switch", switch=sw.name, fabric=sw.fabric)
        # switch ports become graph nodes only when something is cabled to them (saves memory)

    def attach(
        switch: str, port: str, what: str, path: tuple, subject: str, cable: bool = True
    ) -> str | None:
        if switch not in topo.switches:
            _dangling(topo, f"{subject}: unknown switch '{switch}'", path, subject)
            return None
        known = topo.switch_ports[switch]
        if known and port not in known:
            _dangling(
                topo,
                f"{subject}: switch {switch} has no port '{port}' (ports {known[0]}..{known[-1]})",
                path,
                subject,
            )
            return None
        node = switchport_node(switch, port)
        if node not in g:
            g.add_node(node, kind="switchport", switch=switch, port=port)
            g.add_edge(switch_node(switch), node, kind="contains")
        if cable:  # an NPIV port shares the switch port of the one cable there
            topo.attached.setdefault((switch, port), []).append(what)
        return node

    for kind, name, di, _device, adapters in inventory.devices():
        base, adapters_key = DEVICE_PATHS[kind]
        dpath = (*base, di)
        dnode = device_node(kind, name)
        g.add_node(dnode, kind=kind, name=name)
        for ai, hba in enumerate(adapters):
            hnode = hba_node(name, hba.name)
            g.add_node(hnode, kind="hba", device=name, hba=hba.name, vendor=hba.vendor)
            g.add_edge(dnode, hnode, kind="contains")
            for pi, port in enumerate(hba.ports):
                path = (*dpath, adapters_key, ai, "ports", pi)
                ref = PortRef(
                    kind, name, hba.name, port, hba, path, port.role or DEFAULT_ROLE[kind]
                )
                topo.ports.append(ref)
                topo.by_ref.setdefault(ref.ref, ref)
                topo.by_wwpn.setdefault(port.wwpn, []).append(ref)
                topo.by_device.setdefault((kind, name), []).append(ref)
                pnode = port_node(port.wwpn)
                if pnode not in g:
                    g.add_node(pnode, kind="hbaport", wwpn=port.wwpn, ref=ref.ref, role=ref.role)
                g.add_edge(hnode, pnode, kind="contains")
                if port.switch is not None and port.port is not None:
                    sp = attach(
                        port.switch,
                        port.port,
                        ref.ref,
                        (*path, "switch"),
                        ref.ref,
                        cable=not port.npiv,
                    )
                    if sp is not None:
                        g.add_edge(pnode, sp, kind="cable", cable=_cable_id(port.cable))
                        topo.cabled_to[ref.ref] = (port.switch, port.port)

    linked: set[frozenset[str]] = set()
    for ref in topo.ports:
        peer = ref.port.peer
        if peer is None:
            continue
        other = topo.by_ref.get(peer)
        if other is None:
            _dangling(
                topo,
                f"{ref.ref}: direct link to unknown port '{peer}'",
                (*ref.path, "peer"),
                ref.ref,
            )
            continue
        topo.direct[ref.ref] = other.ref
        pair = frozenset((port_node(ref.wwpn), port_node(other.wwpn)))
        if pair not in linked:  # only direct links join two HBA ports
            linked.add(pair)
            g.add_edge(
                port_node(ref.wwpn),
                port_node(other.wwpn),
                kind="direct",
                cable=_cable_id(ref.port.cable),
            )

    for ii, isl in enumerate(inventory.isls):
        ends = []
        for side in ("a", "b"):
            sw, _, port = getattr(isl, side).partition(":")
            node = attach(sw, port, "", ("isls", ii, side), f"ISL {isl.a} - {isl.b}")
            ends.append((node, sw, port))
        (na, sa, pa), (nb, sb, pb) = ends
        if na and nb:
            topo.attached[(sa, pa)][-1] = f"{sb}:{pb}"
            topo.attached[(sb, pb)][-1] = f"{sa}:{pa}"
            g.add_edge(na, nb, kind="isl", cable=_cable_id(isl.cable))
            topo.isl_pairs.append((sa, sb))

    if inventory.cluster is not None:
        arrays = {a.name for a in inventory.arrays}
        for ni, node in enumerate(inventory.cluster.nodes):
            if node.array is not None and node.array not in arrays:
                _dangling(
                    topo,
                    f"cluster node {node.name}: unknown array '{node.array}'",
                    ("cluster", "nodes", ni, "array"),
                    node.name,
                )
    for zi, zone in enumerate(inventory.existing_zones):
        if zone.fabric not in fabrics:
            _dangling(
                topo,
                f"existing zone {zone.name}: unknown fabric '{zone.fabric}'",
                ("existing_zones", zi, "fabric"),
                zone.name,
            )
    return topo
