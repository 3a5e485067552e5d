"""ZP1xx: inventory integrity — the inventory must describe one consistent installation."""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ..model import DEVICE_PATHS
from .base import Rule, RuleContext, RuleScope
from .examples import Inventory


class DuplicateWwpn(Rule):
    """The same WWPN is given to two ports.

    Why:
        A WWPN is a port's identity in the fabric: two ports with one WWPN means a copy and
        paste mistake, and a zone would reach the wrong port (or both).
    Fix:
        Read the WWPNs again from the HBAs (``nsshow``, ``show flogi database``, HBA BIOS).
    """

    code = "ZP101"
    name = "duplicate-wwpn"
    severity = Severity.ERROR
    fails = Inventory(
        """
        hosts:
          - name: esx02
            hbas:
              - name: vmhba2
                ports:
                  - {name: p0, wwpn: "10:00:00:90:fa:c1:00:01"}
        """,
        caption="esx02's port p0 given esx01's WWPN.",
    )
    passes = Inventory(
        """
        hosts:
          - name: esx02
            hbas:
              - name: vmhba2
                ports:
                  - {name: p0, wwpn: "10:00:00:90:fa:c2:00:01"}
        """,
        caption="Every port with its own WWPN.",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for wwpn, refs in ctx.topology.by_wwpn.items():
            if len(refs) < 2:
                continue
            names = ", ".join(r.ref for r in refs)
            for r in refs[1:]:
                yield self.at(
                    ctx, (*r.path, "wwpn"), f"WWPN {wwpn} is used by {names}", subject=r.ref
                )


class PortCabledTwice(Rule):
    """Two cables end in the same switch port.

    Why:
        A switch port takes one cable; one of the two devices is cabled elsewhere in reality,
        and the plan for it is wrong.
    Fix:
        Correct the switch port of one of them (check the label at the switch).
    """

    code = "ZP102"
    name = "switch-port-cabled-twice"
    severity = Severity.ERROR
    fails = Inventory(
        """
        hosts:
          - name: esx02
            hbas:
              - name: vmhba2
                ports:
                  - {name: p0, switch: sw-a1, port: 8}
        """,
        caption="esx02's port p0 on sw-a1 port 8, where esx01's port p0 is cabled.",
    )
    passes = Inventory(
        """
        hosts:
          - name: esx02
            hbas:
              - name: vmhba2
                ports:
                  - {name: p0, switch: sw-a1, port: 12}
        """,
        caption="A free port.",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        topo = ctx.topology
        for (switch, port), what in topo.attached.items():
            if len(what) < 2:
                continue
            names = ", ".join(w if w else "an ISL" for w in what)
            first = next((topo.by_ref[w] for w in what if w in topo.by_ref), None)
            path = (*first.path, "port") if first else ("isls",)
            yield self.at(
                ctx,
                path,
                f"switch {switch} port {port} is cabled to {names}",
                subject=f"{switch}:{port}",
            )


class DomainIdClash(Rule):
    """Two switches of one fabric share a domain ID.

    Why:
        Domain IDs address switches inside a fabric (FCIDs start with them); a clash segments
        the ISL and splits the fabric when the switches are joined.
    Fix:
        Give one of the switches another domain ID (``configure`` on FOS, ``fcdomain domain`` on MDS).
    """

    code = "ZP104"
    name = "domain-id-clash"
    severity = Severity.ERROR
    fails = Inventory(
        """
        switches:
          - {name: sw-a2, domain_id: 1}
        """,
        caption="sw-a1 and sw-a2, both on fabric A, both domain ID 1.",
    )
    passes = Inventory(
        """
        switches:
          - {name: sw-a2, domain_id: 11}
        """,
        caption="Unique on fabric A (mds-b1 has 11 too, on fabric B: that is fine).",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        seen: dict[tuple[str, int], str] = {}
        for i, sw in enumerate(ctx.inventory.switches):
            if sw.domain_id is None:
                continue  # Access Gateway / NPV mode: no domain to clash
            key = (sw.fabric, sw.domain_id)
            if key in seen:
                yield self.at(
                    ctx,
                    ("switches", i, "domain_id"),
                    f"switch {sw.name} has domain ID {sw.domain_id}, already used by "
                    f"{seen[key]} on fabric {sw.fabric}",
                    subject=sw.name,
                )
            else:
                seen[key] = sw.name


class WwpnIsNodeName(Rule):
    """A port's WWPN is the node name (WWNN) of another port or HBA.

    Why:
        Node and port names are easy to swap when copied from ``nsshow``; a zone on a WWNN
        matches every port of that node (FOS) or nothing (port zoning), never what was meant.
    Fix:
        Use the port name (``Port Name`` / ``pwwn``), not the node name.
    """

    code = "ZP105"
    name = "wwpn-is-node-name"
    severity = Severity.ERROR
    fails = Inventory(
        """
        hosts:
          - name: esx01
            hbas:
              - name: vmhba2
                wwnn: "20:00:00:90:fa:c1:00:01"
                ports:
                  - {name: p0, wwpn: "20:00:00:90:fa:c1:00:01"}
        """,
        caption="The HBA's node name copied as its port p0's WWPN.",
    )
    passes = Inventory(
        """
        hosts:
          - name: esx01
            hbas:
              - name: vmhba2
                wwnn: "20:00:00:90:fa:c1:00:01"
                ports:
                  - {name: p0, wwpn: "10:00:00:90:fa:c1:00:01"}
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        topo = ctx.topology
        wwnns: dict[str, str] = {}
        for ref in topo.ports:
            if ref.hba.wwnn:
                wwnns.setdefault(ref.hba.wwnn, f"{ref.device}/{ref.adapter}")
            if ref.port.wwnn:
                wwnns.setdefault(ref.port.wwnn, ref.ref)
        for ref in topo.ports:
            owner = wwnns.get(ref.wwpn)
            if owner is not None:
                yield self.at(
                    ctx,
                    (*ref.path, "wwpn"),
                    f"{ref.ref}: WWPN {ref.wwpn} is the node name (WWNN) of {owner}",
                    subject=ref.ref,
                )


class DuplicateName(Rule):
    """Two objects of the same kind share a name.

    Why:
        Names become aliases, zone names and cable labels; two devices named alike make
        aliases collide and references (``peer: san2/hba1/p0``) ambiguous.
    Fix:
        Rename one of them.
    """

    code = "ZP106"
    name = "duplicate-name"
    severity = Severity.ERROR
    fails = Inventory(
        """
        hosts:
          - name: esx01
            hbas:
              - name: vmhba2
                ports: !replace
                  - {name: p0, wwpn: "10:00:00:90:fa:c1:00:01", switch: sw-a1, port: 8}
                  - {name: p0, wwpn: "10:00:00:90:fa:c1:00:02", switch: mds-b1, port: fc1/9}
        """,
        caption="Two ports named p0 on one HBA.",
    )
    passes = Inventory(
        """
        hosts:
          - name: esx01
            hbas:
              - name: vmhba2
                ports: !replace
                  - {name: p0, wwpn: "10:00:00:90:fa:c1:00:01", switch: sw-a1, port: 8}
                  - {name: p1, wwpn: "10:00:00:90:fa:c1:00:02", switch: mds-b1, port: fc1/9}
        """,
        caption="Names unique among fabrics, switches, devices, each device's HBAs and each "
        "HBA's ports.",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        inv = ctx.inventory
        groups: list[tuple[str, list[tuple[str, tuple]]]] = [
            ("fabric", [(f.name, ("fabrics", i, "name")) for i, f in enumerate(inv.fabrics)]),
            ("switch", [(s.name, ("switches", i, "name")) for i, s in enumerate(inv.switches)]),
        ]
        devices: list[tuple[str, tuple]] = []
        for kind, name, di, _dev, adapters in inv.devices():
            base, akey = DEVICE_PATHS[kind]
            devices.append((name, (*base, di, "name")))
            groups.append(
                (
                    f"adapter of {name}",
                    [(a.name, (*base, di, akey, ai, "name")) for ai, a in enumerate(adapters)],
                )
            )
            for ai, a in enumerate(adapters):
                groups.append(
                    (
                        f"port of {name}/{a.name}",
                        [
                            (p.name, (*base, di, akey, ai, "ports", pi, "name"))
                            for pi, p in enumerate(a.ports)
                        ],
                    )
                )
        groups.append(("device (host, cluster node or array)", devices))
        for what, items in groups:
            seen: set[str] = set()
            for name, path in items:
                if name in seen:
                    yield self.at(ctx, path, f"{what} name '{name}' is used twice", subject=name)
                seen.add(name)


class SwitchVendorMismatch(Rule):
    """A switch's vendor differs from its fabric's vendor.

    Why:
        zoneplan writes one dialect per fabric (FOS or NX-OS); a Cisco switch in a Brocade
        fabric is an interop fabric that this plan does not describe.
    Fix:
        Correct the switch's fabric or vendor.
    """

    code = "ZP107"
    name = "switch-vendor-mismatch"
    severity = Severity.ERROR
    fails = Inventory(
        """
        switches:
          - {name: mds-a3, fabric: A, vendor: cisco, domain_id: 3}
        """,
        caption="A Cisco MDS added to Brocade fabric A.",
    )
    passes = Inventory(
        """
        switches:
          - {name: sw-a3, fabric: A, domain_id: 3}
        """,
        caption="No ``vendor`` on the switch (it is the fabric's), or the fabric's vendor.",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        fabrics = {f.name: f for f in ctx.inventory.fabrics}
        for i, sw in enumerate(ctx.inventory.switches):
            fab = fabrics.get(sw.fabric)
            if fab and sw.vendor and sw.vendor != fab.vendor:
                yield self.at(
                    ctx,
                    ("switches", i, "vendor"),
                    f"switch {sw.name} is {sw.vendor} but fabric {fab.name} is {fab.vendor}",
                    subject=sw.name,
                )


class DirectLinkMismatch(Rule):
    """The two ends of a direct link do not name each other.

    Why:
        A cable has two ends: if san1/hba1/p0 says its peer is san2/hba1/p0, then san2/hba1/p0
        must say san1/hba1/p0, or one of the two entries is a typo.
    Fix:
        Correct the ``peer`` of one end.
    """

    code = "ZP108"
    name = "direct-link-mismatch"
    severity = Severity.ERROR
    fails = Inventory(
        """
        cluster:
          nodes:
            - name: san2
              hbas:
                - name: hba1
                  ports:
                    - {name: p0, peer: san1/hba1/p1}
        """,
        caption="san1/hba1/p0 names san2/hba1/p0 as its peer, san2/hba1/p0 names san1/hba1/p1.",
    )
    passes = Inventory(
        """
        cluster:
          nodes:
            - name: san2
              hbas:
                - name: hba1
                  ports:
                    - {name: p0, peer: san1/hba1/p0}
        """,
        caption="Both ends name each other.",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        topo = ctx.topology
        for a, b in topo.direct.items():
            back = topo.direct.get(b)
            if a == b:
                yield self.at(
                    ctx, (*topo.by_ref[a].path, "peer"), f"{a} is linked to itself", subject=a
                )
            elif back is not None and back != a:
                yield self.at(
                    ctx,
                    (*topo.by_ref[a].path, "peer"),
                    f"{a} names {b} as its peer, but {b} names {back}",
                    subject=a,
                )
            elif topo.by_ref[b].port.switch is not None:
                yield self.at(
                    ctx,
                    (*topo.by_ref[a].path, "peer"),
                    f"{a} names {b} as its peer, but {b} is cabled to switch {topo.by_ref[b].port.switch}",
                    subject=a,
                )


class DanglingReference(Rule):
    """A reference to a switch, port, fabric, array or peer port that does not exist.

    Why:
        A cable to a switch that is not in the inventory cannot be placed on a fabric; the
        plan would silently miss that path.
    Fix:
        Correct the name, or add the missing switch (with enough ports) to the inventory.
    """

    code = "ZP103"
    name = "dangling-reference"
    severity = Severity.FATAL
    scope = RuleScope.LOAD  # made by the topology builder: nothing can be planned past it
    fails = Inventory(
        """
        hosts:
          - name: esx01
            hbas:
              - name: vmhba2
                ports:
                  - {name: p0, switch: sw-a9, port: 4}
        """,
        caption="A cable to switch sw-a9, which the inventory does not have.",
    )
    passes = Inventory(
        """
        hosts:
          - name: esx01
            hbas:
              - name: vmhba2
                ports:
                  - {name: p0, switch: sw-a1, port: 12}
        """
    )


RULES = (
    DanglingReference,
    DuplicateWwpn,
    PortCabledTwice,
    DomainIdClash,
    WwpnIsNodeName,
    DuplicateName,
    SwitchVendorMismatch,
    DirectLinkMismatch,
)
