"""ZP3xx: the two-node ALUA SAN cluster's design rules (from the euroNAS SAN Cluster FAQ)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..findings import Finding, Severity
from ..model import PortRole
from ..wwn import vendor_family
from .base import Rule, RuleContext
from .examples import Inventory

if TYPE_CHECKING:
    from ..topology import PortRef

#: Vendor families that are the same company's adapters under different names.
_SAME_MAKER = [{"qlogic", "marvell"}, {"emulex", "broadcom", "brocade", "lsi"}]
_KNOWN = {"qlogic", "marvell", "emulex", "broadcom", "brocade", "cisco", "atto", "lsi"}


def _same_maker(a: str, b: str) -> bool:
    return a == b or any(a in g and b in g for g in _SAME_MAKER)


def _node_ports(ctx: RuleContext) -> list[PortRef]:
    return [p for p in ctx.topology.ports if p.kind == "node"]


class ClusterHbaNotQlogic(Rule):
    """A cluster node HBA is not a QLogic HBA.

    Why:
        The SAN cluster supports only QLogic FC HBAs in its nodes (target mode and the mirror
        driver); any other adapter will not present LUNs or mirror. Clients may use any HBA.
    Fix:
        Replace the adapter with a QLogic HBA (QLE26xx/27xx/28xx).
    """

    code = "ZP301"
    name = "cluster-hba-not-qlogic"
    severity = Severity.ERROR
    fails = Inventory(
        """
        cluster:
          nodes:
            - name: san1
              hbas:
                - {name: hba0, vendor: emulex}
        """,
        caption="san1's HBA hba0 declared an Emulex adapter.",
    )
    passes = Inventory(
        """
        cluster:
          nodes:
            - name: san1
              hbas:
                - {name: hba0, vendor: qlogic}
        """,
        caption="QLogic, with QLogic WWPNs (OUI 00-24-FF, ``21:00:00:24:ff:…``).",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        seen: set[str] = set()
        for ref in _node_ports(ctx):
            hba_id = f"{ref.device}/{ref.adapter}"
            declared = ref.hba.vendor
            by_oui = vendor_family(ref.wwpn)
            if declared and not _same_maker(declared, "qlogic"):
                if hba_id not in seen:
                    seen.add(hba_id)
                    yield self.at(
                        ctx,
                        ref.path[:-2] + ("vendor",),
                        f"cluster node HBA {hba_id} is {declared}; the SAN cluster supports only QLogic HBAs",
                        subject=hba_id,
                    )
            elif not declared and by_oui and not _same_maker(by_oui, "qlogic"):
                yield self.at(
                    ctx,
                    (*ref.path, "wwpn"),
                    f"cluster node port {ref.ref} has a {by_oui} WWPN ({ref.wwpn}); "
                    "the SAN cluster supports only QLogic HBAs",
                    subject=ref.ref,
                )


class HbaVendorOuiMismatch(Rule):
    """An HBA's declared vendor disagrees with the vendor in its WWPNs' OUI.

    Why:
        The OUI inside a WWPN names the maker; when it disagrees with the inventory, either
        the WWPN was copied from another adapter or the vendor is wrong — both matter on a
        cluster node, which must be QLogic.
    Fix:
        Correct the WWPN or the declared vendor. Virtual WWPNs (NPIV, UCS pools) legitimately
        carry another OUI: suppress with a reason.
    """

    code = "ZP302"
    name = "hba-vendor-oui-mismatch"
    severity = Severity.WARNING
    fails = Inventory(
        """
        cluster:
          nodes:
            - name: san1
              hbas:
                - name: hba0
                  vendor: qlogic
                  ports:
                    - {name: p0, wwpn: "10:00:00:90:fa:7a:10:00"}
        """,
        caption="A QLogic HBA whose port p0 has an Emulex WWPN (OUI 00-90-FA).",
    )
    passes = Inventory(
        """
        cluster:
          nodes:
            - name: san1
              hbas:
                - name: hba0
                  vendor: qlogic
                  ports:
                    - {name: p0, wwpn: "21:00:00:24:ff:7a:10:00"}
        """,
        caption="QLogic with a QLogic WWPN (OUI 00-24-FF).",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for ref in ctx.topology.ports:
            declared = ref.hba.vendor
            if declared not in _KNOWN:
                continue
            by_oui = vendor_family(ref.wwpn)
            if by_oui and by_oui in _KNOWN and not _same_maker(declared, by_oui):
                yield self.at(
                    ctx,
                    (*ref.path, "wwpn"),
                    f"{ref.ref}: HBA declared {declared}, but WWPN {ref.wwpn} carries a {by_oui} OUI",
                    subject=ref.ref,
                )


class DirectLinkNotMirror(Rule):
    """A direct (switchless) link connects something other than the two nodes' mirror ports.

    Why:
        Only the cluster's mirror (replication) ports may be cabled point to point; a client or
        target port without a switch gets no zoning, no name server and no second path.
    Fix:
        Cable the port to a switch, or mark both ends ``role: mirror`` if they are the mirror link.
    """

    code = "ZP303"
    name = "direct-link-not-mirror"
    severity = Severity.ERROR
    fails = Inventory(
        """
        cluster:
          nodes:
            - name: san1
              hbas:
                - name: hba0
                  ports:
                    - {name: p0, switch: null, port: null, peer: esx01/vmhba2/p0}
        """,
        caption="san1's target port p0 cabled straight to the client esx01.",
    )
    passes = Inventory(
        """
        cluster:
          nodes:
            - name: san1
              hbas:
                - name: hba1
                  ports:
                    - {name: p0, role: mirror, peer: san2/hba1/p0}
        """,
        caption="Only the nodes' mirror ports are direct links.",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        topo = ctx.topology
        for a, b in sorted(topo.direct.items()):
            ra, rb = topo.by_ref[a], topo.by_ref[b]
            ok = (
                ra.kind == "node"
                and rb.kind == "node"
                and ra.device != rb.device
                and ra.role is PortRole.MIRROR
                and rb.role is PortRole.MIRROR
            )
            if not ok:
                yield self.at(
                    ctx,
                    (*ra.path, "peer"),
                    f"direct link {a} - {b}: only mirror ports of the two cluster nodes may be "
                    "direct-connected",
                    subject=a,
                )


class MirrorThroughSwitch(Rule):
    """Mirror ports are cabled to switches: they need a zone of their own.

    Why:
        Mirror traffic through a fabric is legal, but the mirror ports must sit in a zone that
        holds only the two nodes' mirror ports, never a client, target or backend port
        (``zoneplan plan`` writes that zone).
    Fix:
        Nothing to fix; keep the mirror zone separate, or cable the mirror ports directly.
    """

    code = "ZP304"
    name = "mirror-through-switch"
    severity = Severity.INFO
    fails = Inventory(
        base="mirror-via-switch",
        caption="Reported: mirror ports cabled to switches (they get a mirror-only zone).",
    )
    passes = Inventory(caption="Mirror ports direct-connected between the nodes.")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for ref in ctx.topology.iter_role(PortRole.MIRROR, "node"):
            sp = ctx.topology.cabled_to.get(ref.ref)
            if sp:
                yield self.at(
                    ctx,
                    ref.path,
                    f"mirror port {ref.ref} goes through switch {sp[0]} port {sp[1]}: "
                    "it gets a mirror-only zone",
                    subject=ref.ref,
                )


class MirrorDirect(Rule):
    """Mirror ports are direct-connected between the nodes: no zoning is needed for them.

    Why:
        A point-to-point mirror link never touches a fabric, so it needs no zone; several
        parallel links are used round robin for bandwidth.
    Fix:
        Nothing to fix.
    """

    code = "ZP305"
    name = "mirror-direct"
    severity = Severity.INFO
    fails = Inventory(caption="Reported: san1/hba1/p0 - san2/hba1/p0 and the p1 pair.")
    passes = Inventory(base="mirror-via-switch", caption="Mirror ports through the fabrics.")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        topo = ctx.topology
        pairs = sorted({tuple(sorted(p)) for p in topo.direct.items()})
        mirror = [
            (a, b)
            for a, b in pairs
            if topo.by_ref[a].role is PortRole.MIRROR and topo.by_ref[b].role is PortRole.MIRROR
        ]
        if mirror:
            first = topo.by_ref[mirror[0][0]]
            links = ", ".join(f"{a} - {b}" for a, b in mirror)
            yield self.at(
                ctx,
                (*first.path, "peer"),
                f"{len(mirror)} direct mirror link(s), used round robin, need no zoning: {links}",
                subject="cluster",
            )


class ClientCannotReachBothNodes(Rule):
    """A client cannot reach both cluster nodes on a fabric it is on.

    Why:
        ALUA failover needs every client to see the active node's ports (active/optimised)
        and the standby node's ports (standby) on every fabric: when the active node fails the
        standby takes over, and a client without a path to it loses its LUNs.
    Fix:
        Cable a target port of the missing node to that fabric (any switch ISL-connected to
        the client's switch).
    """

    code = "ZP306"
    name = "client-cannot-reach-both-nodes"
    severity = Severity.ERROR
    fails = Inventory(
        """
        cluster:
          nodes:
            - name: san2
              hbas:
                - name: hba0
                  ports:
                    - {name: p0, switch: null, port: null}
        """,
        caption="san2's only fabric A target port unplugged: clients on fabric A reach san1 only.",
    )
    passes = Inventory(
        """
        cluster:
          nodes:
            - name: san2
              hbas:
                - name: hba0
                  ports:
                    - {name: p0, switch: sw-a2, port: 1}
        """,
        caption="On each fabric a client uses, both nodes have a target port.",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        topo = ctx.topology
        cluster = ctx.inventory.cluster
        if cluster is None:
            return
        targets = {
            n.name: [p for p in topo.device_ports("node", n.name) if p.role is PortRole.TARGET]
            for n in cluster.nodes
        }
        for hi, host in enumerate(ctx.inventory.hosts):
            ports = [
                p for p in topo.device_ports("host", host.name) if p.role is PortRole.INITIATOR
            ]
            by_fabric: dict[str, list[PortRef]] = {}
            for p in ports:
                fab = topo.fabric_of(p)
                if fab:
                    by_fabric.setdefault(fab, []).append(p)
            for fab, fports in sorted(by_fabric.items()):
                for node in cluster.nodes:
                    if not any(topo.same_segment(p, t) for p in fports for t in targets[node.name]):
                        yield self.at(
                            ctx,
                            ("hosts", hi, "name"),
                            f"host {host.name} has no path to {node.role} node {node.name} on fabric "
                            f"{fab}: failover impossible there",
                            subject=host.name,
                        )


class NodeWithoutBackend(Rule):
    """A cluster node cannot reach its FC RAID array, or has backend ports without an array.

    Why:
        Each node mirrors its own backend array; a node whose backend initiators do not reach
        that array's ports has no storage to serve or mirror.
    Fix:
        Cable a backend port and an array port to the same fabric, or set ``array:``.
    """

    code = "ZP307"
    name = "node-without-backend"
    severity = Severity.ERROR
    fails = Inventory(
        """
        cluster:
          nodes:
            - {name: san1, array: null}
        """,
        caption="san1 has backend ports but no ``array:`` to zone them with.",
    )
    passes = Inventory(
        """
        cluster:
          nodes:
            - {name: san1, array: raid1}
        """,
        caption="san1's backend ports and raid1's ports on the same fabrics.",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        topo = ctx.topology
        cluster = ctx.inventory.cluster
        if cluster is None:
            return
        for ni, node in enumerate(cluster.nodes):
            backend = [
                p for p in topo.device_ports("node", node.name) if p.role is PortRole.BACKEND
            ]
            if node.array is None:
                if backend:
                    yield self.at(
                        ctx,
                        ("cluster", "nodes", ni, "name"),
                        f"node {node.name} has backend ports but no 'array:' to zone them with",
                        subject=node.name,
                    )
                continue
            array_ports = topo.device_ports("array", node.array)
            if not any(topo.same_segment(b, a) for b in backend for a in array_ports):
                yield self.at(
                    ctx,
                    ("cluster", "nodes", ni, "array"),
                    f"node {node.name} has no backend path to its array {node.array}",
                    subject=node.name,
                )


class TargetCountDiffers(Rule):
    """The two nodes have different numbers of client-facing target ports.

    Why:
        Legal: the master may have two or more active ports and the slave a single standby
        port. Worth knowing, because after a failover the clients run on fewer paths.
    Fix:
        Nothing to fix; add target ports to the standby node for equal bandwidth after failover.
    """

    code = "ZP308"
    name = "target-count-differs"
    severity = Severity.INFO
    fails = Inventory(caption="Reported: san1 with four target ports, san2 with two.")
    passes = Inventory(
        """
        cluster:
          nodes:
            - name: san2
              hbas:
                - name: hba0
                  ports:
                    - {name: p2, wwpn: "21:00:00:24:ff:7a:20:02", role: target, switch: sw-a1, port: 1}
                    - {name: p3, wwpn: "21:00:00:24:ff:7a:20:03", role: target, switch: mds-b1, port: fc1/2}
        """,
        caption="Two more target ports on san2: four each.",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        cluster = ctx.inventory.cluster
        if cluster is None:
            return
        counts = {
            n.name: sum(
                1 for p in ctx.topology.device_ports("node", n.name) if p.role is PortRole.TARGET
            )
            for n in cluster.nodes
        }
        if len(set(counts.values())) > 1:
            text = ", ".join(f"{k}: {v}" for k, v in counts.items())
            yield self.at(
                ctx,
                ("cluster", "nodes"),
                f"target ports differ between nodes ({text}); legal",
                subject="cluster",
            )


class NoMirrorPath(Rule):
    """The two nodes have no mirror path to each other.

    Why:
        The cluster mirrors every write to the other node; without a mirror link (direct or
        through a fabric) the standby node holds stale data and failover loses writes.
    Fix:
        Cable the mirror ports directly between the nodes, or both to the same fabric.
    """

    code = "ZP309"
    name = "no-mirror-path"
    severity = Severity.ERROR
    fails = Inventory(
        """
        cluster:
          nodes:
            - name: san1
              hbas:
                - !delete {name: hba1}
            - name: san2
              hbas:
                - !delete {name: hba1}
        """,
        caption="The mirror HBAs left out of both nodes.",
    )
    passes = Inventory(
        """
        cluster:
          nodes:
            - name: san1
              hbas:
                - name: hba1
                  ports:
                    - {name: p0, role: mirror, peer: san2/hba1/p0}
        """,
        caption="A mirror link between the nodes (direct, or both ends on one fabric).",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        topo = ctx.topology
        cluster = ctx.inventory.cluster
        if cluster is None:
            return
        a, b = (n.name for n in cluster.nodes)
        ma = [p for p in topo.device_ports("node", a) if p.role is PortRole.MIRROR]
        mb = [p for p in topo.device_ports("node", b) if p.role is PortRole.MIRROR]
        direct = any(topo.direct.get(p.ref) in {q.ref for q in mb} for p in ma) or any(
            topo.direct.get(q.ref) in {p.ref for p in ma} for q in mb
        )
        switched = any(topo.same_segment(p, q) for p in ma for q in mb)
        if not direct and not switched:
            yield self.at(
                ctx,
                ("cluster", "nodes"),
                f"nodes {a} and {b} have no mirror path to each other",
                subject="cluster",
            )


class SharedBackendArray(Rule):
    """Both cluster nodes use the same backend array.

    Why:
        The cluster mirrors two arrays, one behind each node; with one shared array the
        mirror protects against nothing and both nodes write the same disks.
    Fix:
        Give each node its own array.
    """

    code = "ZP310"
    name = "shared-backend-array"
    severity = Severity.WARNING
    fails = Inventory(
        """
        cluster:
          nodes:
            - {name: san2, array: raid1}
        """,
        caption="Both nodes with array raid1.",
    )
    passes = Inventory(
        """
        cluster:
          nodes:
            - {name: san2, array: raid2}
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        cluster = ctx.inventory.cluster
        if cluster is None:
            return
        n1, n2 = cluster.nodes
        if n1.array and n1.array == n2.array:
            yield self.at(
                ctx,
                ("cluster", "nodes", 1, "array"),
                f"nodes {n1.name} and {n2.name} share array {n1.array}",
                subject="cluster",
            )


class NodeWithoutTargets(Rule):
    """A cluster node has no client-facing target port on any switch.

    Why:
        Clients reach LUNs only through target ports; a node without any cannot serve after
        failover (or at all, when it is the active node).
    Fix:
        Give the node at least one ``role: target`` port per fabric, cabled to a switch.
    """

    code = "ZP311"
    name = "node-without-targets"
    severity = Severity.ERROR
    fails = Inventory(
        """
        cluster:
          nodes:
            - name: san2
              hbas:
                - !delete {name: hba0}
        """,
        caption="san2 with only mirror and backend ports.",
    )
    passes = Inventory(
        """
        cluster:
          nodes:
            - name: san2
              hbas:
                - name: hba0
                  ports:
                    - {name: p0, role: target, switch: sw-a2, port: 1}
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        cluster = ctx.inventory.cluster
        if cluster is None:
            return
        for ni, node in enumerate(cluster.nodes):
            targets = [
                p
                for p in ctx.topology.device_ports("node", node.name)
                if p.role is PortRole.TARGET and p.ref in ctx.topology.cabled_to
            ]
            if not targets:
                yield self.at(
                    ctx,
                    ("cluster", "nodes", ni, "name"),
                    f"node {node.name} has no target port on a switch",
                    subject=node.name,
                )


class NodePortWithoutRole(Rule):
    """A cluster node port has no role (target, mirror or backend).

    Why:
        The role decides the zoning: target ports go into client zones, mirror ports into
        their own zone, backend ports with the node's array. A port without one is not zoned.
    Fix:
        Add ``role: target``, ``role: mirror`` or ``role: backend``.
    """

    code = "ZP312"
    name = "node-port-without-role"
    severity = Severity.ERROR
    fails = Inventory(
        """
        cluster:
          nodes:
            - name: san1
              hbas:
                - name: hba0
                  ports:
                    - {name: p0, role: null}
        """,
        caption="san1's port p0 without a role.",
    )
    passes = Inventory(
        """
        cluster:
          nodes:
            - name: san1
              hbas:
                - name: hba0
                  ports:
                    - {name: p0, role: target}
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for ref in _node_ports(ctx):
            if ref.role is None or ref.role is PortRole.INITIATOR:
                yield self.at(
                    ctx,
                    ref.path,
                    f"cluster node port {ref.ref} needs role target, mirror or backend",
                    subject=ref.ref,
                )


RULES = (
    ClusterHbaNotQlogic,
    HbaVendorOuiMismatch,
    DirectLinkNotMirror,
    MirrorThroughSwitch,
    MirrorDirect,
    ClientCannotReachBothNodes,
    NodeWithoutBackend,
    TargetCountDiffers,
    NoMirrorPath,
    SharedBackendArray,
    NodeWithoutTargets,
    NodePortWithoutRole,
)
