"""ZP2xx: redundancy and fabric separation — two fabrics, each whole, never joined."""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ..model import DEVICE_PATHS
from .base import Rule, RuleContext
from .examples import Inventory


class SingleFabricDevice(Rule):
    """A host (or cluster node) has switch-attached ports on only one fabric.

    Why:
        Dual fabrics exist so that a switch, a fabric-wide zoning mistake or a firmware upgrade
        takes down half the paths, never all: a device on one fabric loses its storage then.
    Fix:
        Cable one port of the device to the other fabric.
    """

    code = "ZP201"
    name = "single-fabric-device"
    severity = Severity.ERROR
    fails = Inventory(
        """
        hosts:
          - name: esx01
            hbas:
              - name: vmhba2
                ports:
                  - {name: p1, switch: sw-a2, port: 11}
        """,
        caption="esx01's second port moved from mds-b1 to sw-a2: both its ports on fabric A.",
    )
    passes = Inventory(
        """
        hosts:
          - name: esx01
            hbas:
              - name: vmhba2
                ports:
                  - {name: p1, switch: mds-b1, port: fc1/9}
        """,
        caption="One port on fabric A (sw-a1), one on fabric B (mds-b1).",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        topo = ctx.topology
        all_fabrics = {f.name for f in ctx.inventory.fabrics}
        if len(all_fabrics) < 2:
            return
        for kind, name, di, _dev, _adapters in ctx.inventory.devices():
            if kind == "array":
                continue
            fabrics = {topo.fabric_of(p) for p in topo.device_ports(kind, name)} - {None}
            if len(fabrics) == 1:
                base, _ = DEVICE_PATHS[kind]
                (only,) = fabrics
                yield self.at(
                    ctx,
                    (*base, di, "name"),
                    f"{kind} {name} is only on fabric {only}; a failure of that fabric cuts it off",
                    subject=name,
                )


class UncabledPort(Rule):
    """An HBA or array port is cabled to nothing.

    Why:
        An uncabled port is either a spare (say so with a suppression) or a cable the plan
        forgot, and then the path it should carry does not exist.
    Fix:
        Add ``switch`` and ``port`` (or ``peer`` for a direct mirror link), or suppress with a reason.
    """

    code = "ZP202"
    name = "uncabled-port"
    severity = Severity.WARNING
    fails = Inventory(
        """
        hosts:
          - name: esx01
            hbas:
              - name: vmhba2
                ports:
                  - {name: p1, switch: null, port: null}
        """,
        caption="esx01's port p1 with neither ``switch``/``port`` nor ``peer``.",
    )
    passes = Inventory(
        """
        hosts:
          - name: esx01
            hbas:
              - name: vmhba2
                ports:
                  - {name: p1, switch: mds-b1, port: fc1/9}
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        peered = set(ctx.topology.direct.values())
        for ref in ctx.topology.ports:
            if ref.port.switch is None and ref.port.peer is None and ref.ref not in peered:
                yield self.at(
                    ctx, ref.path, f"{ref.ref} ({ref.wwpn}) is not cabled", subject=ref.ref
                )


class SplitFabric(Rule):
    """The switches of one fabric are not all connected by ISLs.

    Why:
        A fabric in two pieces has two name servers and two zone databases: hosts on one piece
        never see targets on the other, and zoning pasted on one switch does not reach the rest.
    Fix:
        Add the missing ISL to the inventory (or to the rack), or put the switches in
        separate fabrics.
    """

    code = "ZP203"
    name = "split-fabric"
    severity = Severity.ERROR
    fails = Inventory(
        """
        isls: !replace
          - {a: "mds-b1:fc1/47", b: "mds-b2:fc1/47", cable: ISL-B-01}
          - {a: "mds-b1:fc1/48", b: "mds-b2:fc1/48", cable: ISL-B-02}
        """,
        caption="Fabric A's two ISLs left out: sw-a1 and sw-a2 are not connected.",
    )
    passes = Inventory(
        """
        isls: !replace
          - {a: "sw-a1:46", b: "sw-a2:46", cable: ISL-A-01}
          - {a: "mds-b1:fc1/47", b: "mds-b2:fc1/47", cable: ISL-B-01}
          - {a: "mds-b1:fc1/48", b: "mds-b2:fc1/48", cable: ISL-B-02}
        """,
        caption="One ISL is enough to make the fabric whole (two keep it whole).",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        topo = ctx.topology
        for fi, fabric in enumerate(ctx.inventory.fabrics):
            parts = topo.fabric_components(fabric.name)
            if len(parts) > 1:
                desc = " | ".join(
                    ", ".join(sorted(p)) for p in sorted(parts, key=lambda p: sorted(p))
                )
                yield self.at(
                    ctx,
                    ("fabrics", fi, "name"),
                    f"fabric {fabric.name} is split into {len(parts)} parts without ISLs between them: {desc}",
                    subject=fabric.name,
                )


class IslJoinsFabrics(Rule):
    """An ISL connects switches of two different fabrics.

    Why:
        Fabrics A and B must stay physically separate; an ISL between them merges them into
        one fabric (one zone database, one failure domain) and defeats the redundancy.
    Fix:
        Remove the cable, or correct the switch names.
    """

    code = "ZP204"
    name = "isl-joins-fabrics"
    severity = Severity.ERROR
    fails = Inventory(
        """
        isls:
          - {a: "sw-a1:40", b: "mds-b1:fc1/40"}
        """,
        caption="A cable from sw-a1 (fabric A) to mds-b1 (fabric B).",
    )
    passes = Inventory(
        """
        isls:
          - {a: "sw-a1:40", b: "sw-a2:40"}
        """,
        caption="A third ISL inside fabric A.",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        fab = ctx.topology.switch_fabric
        for i, isl in enumerate(ctx.inventory.isls):
            sa, sb = isl.a.partition(":")[0], isl.b.partition(":")[0]
            if sa in fab and sb in fab and fab[sa] != fab[sb]:
                yield self.at(
                    ctx,
                    ("isls", i),
                    f"ISL {isl.a} - {isl.b} joins fabric {fab[sa]} and fabric {fab[sb]}",
                    subject=f"{isl.a}-{isl.b}",
                )


class FabricWithoutSwitch(Rule):
    """A fabric is declared but has no switch.

    Why:
        A fabric without switches carries no path; the devices meant for it are likely cabled
        to the wrong switch names.
    Fix:
        Add the fabric's switches or remove the fabric.
    """

    code = "ZP205"
    name = "fabric-without-switch"
    severity = Severity.WARNING
    fails = Inventory(
        """
        fabrics:
          - {name: C, vendor: brocade}
        """,
        caption="A fabric C that no switch is on.",
    )
    passes = Inventory(
        """
        fabrics:
          - {name: C, vendor: brocade}
        switches:
          - {name: sw-c1, fabric: C, domain_id: 1}
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        used = set(ctx.topology.switch_fabric.values())
        for i, f in enumerate(ctx.inventory.fabrics):
            if f.name not in used:
                yield self.at(
                    ctx, ("fabrics", i, "name"), f"fabric {f.name} has no switch", subject=f.name
                )


RULES = (SingleFabricDevice, UncabledPort, SplitFabric, IslJoinsFabrics, FabricWithoutSwitch)
