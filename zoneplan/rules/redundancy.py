"""ZP2xx: redundancy and fabric separation — two fabrics, each whole, never joined."""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ..model import DEVICE_PATHS
from .base import Rule, RuleContext


class SingleFabricDevice(Rule):
    """A host (or cluster node) has switch-attached ports on only one fabric.

    Why:
        Dual fabrics exist so that a switch, a fabric-wide zoning mistake or a firmware upgrade
        takes down half the paths, never all: a device on one fabric loses its storage then.
    Fails:
        esx01 with both HBA ports on fabric A switches.
    Passes:
        esx01 with one port on fabric A and one on fabric B.
    Fix:
        Cable one port of the device to the other fabric.
    """

    code = "ZP201"
    name = "single-fabric-device"
    severity = Severity.ERROR

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
    Fails:
        - {name: p1, wwpn: "10:00:00:90:fa:c1:00:02"}     # no switch/port, no peer
    Passes:
        - {name: p1, wwpn: "10:00:00:90:fa:c1:00:02", switch: mds-b1, port: fc1/9}
    Fix:
        Add ``switch`` and ``port`` (or ``peer`` for a direct mirror link), or suppress with a reason.
    """

    code = "ZP202"
    name = "uncabled-port"
    severity = Severity.WARNING

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
    Fails:
        sw-a1 and sw-a2 on fabric A with no ISL between them.
    Passes:
        Every switch of a fabric reachable from every other over ISLs.
    Fix:
        Add the missing ISL to the inventory (or to the rack), or put the switches in
        separate fabrics.
    """

    code = "ZP203"
    name = "split-fabric"
    severity = Severity.ERROR

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
    Fails:
        isls: [{a: "sw-a1:46", b: "mds-b1:fc1/48"}]
    Passes:
        ISLs only between switches of the same fabric.
    Fix:
        Remove the cable, or correct the switch names.
    """

    code = "ZP204"
    name = "isl-joins-fabrics"
    severity = Severity.ERROR

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
    Fails:
        fabrics: [{name: A, ...}, {name: B, ...}] and every switch on fabric A.
    Passes:
        Each fabric has at least one switch.
    Fix:
        Add the fabric's switches or remove the fabric.
    """

    code = "ZP205"
    name = "fabric-without-switch"
    severity = Severity.WARNING

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        used = set(ctx.topology.switch_fabric.values())
        for i, f in enumerate(ctx.inventory.fabrics):
            if f.name not in used:
                yield self.at(
                    ctx, ("fabrics", i, "name"), f"fabric {f.name} has no switch", subject=f.name
                )


RULES = (SingleFabricDevice, UncabledPort, SplitFabric, IslJoinsFabrics, FabricWithoutSwitch)
