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
        Cable one port of the device to the other fabric. The message names the port that
        is probably wrong when the other devices use the same HBA and port names on the
        other fabric.
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
        usual = _usual_fabrics(topo)
        for kind, name, di, _dev, _adapters in ctx.inventory.devices():
            if kind == "array":
                continue
            ports = [p for p in topo.device_ports(kind, name) if topo.fabric_of(p) is not None]
            fabrics = {f for p in ports if (f := topo.fabric_of(p)) is not None}
            if len(fabrics) != 1:
                continue
            (only,) = fabrics
            base, _ = DEVICE_PATHS[kind]
            where = ", ".join(f"{p.ref} on {_switch_port(topo, p)}" for p in ports)
            guess = _suspect(usual, kind, ports, only)
            if guess is not None:
                p, other, why = guess
                yield self.make(
                    f"{kind} {name} is only on fabric {only} ({where}); {p.ref} is probably "
                    f"meant for fabric {other} ({why})",
                    topo.locate((*p.path, "switch"), key=True),
                    subject=name,
                    hint=f"cable {p.ref} to a fabric {other} switch and correct its "
                    "switch/port in the inventory",
                )
                continue
            yield self.at(
                ctx,
                (*base, di, "name"),
                f"{kind} {name} is only on fabric {only} ({where}); a failure of that fabric "
                "cuts it off",
                subject=name,
            )


def _switch_port(topo, ref) -> str:  # noqa: ANN001 - Topology, PortRef
    sp = topo.cabled_to.get(ref.ref)
    return f"{sp[0]} port {sp[1]}" if sp else "no switch"


def _suspect(usual, kind: str, ports: list, only: str):  # noqa: ANN001, ANN201
    """(port, fabric, why) for the port of a one-fabric device that is probably cabled wrong."""
    if len(ports) < 2:
        return None
    for p in ports:
        other = usual.get((kind, p.adapter, p.port.name))
        if other not in (None, only):
            return p, other, f"the other {kind}s' {p.adapter}/{p.port.name} is on {other}"
    for i, p in enumerate(ports):
        other = usual.get((kind, i))
        if other not in (None, only):
            n = ("first", "second", "third", "fourth")[i] if i < 4 else f"#{i + 1}"
            return p, other, f"the other {kind}s' {n} port is on {other}"
    return None


def _usual_fabrics(topo) -> dict[tuple, str | None]:  # noqa: ANN001 - Topology
    """Where devices on two fabrics cable each port: by (kind, adapter, port) name and by
    (kind, position); None when they disagree.

    Why: sites name and order HBA ports alike on every host (``vmhba2/p0`` on A,
    ``vmhba2/p1`` on B), so on a host that is only on one fabric, the port the other hosts
    have on the other fabric is the one cabled wrong.
    """
    counts: dict[tuple, dict[str, int]] = {}
    for (kind, _name), ports in topo.by_device.items():
        cabled = [(p, topo.fabric_of(p)) for p in ports]
        cabled = [(p, f) for p, f in cabled if f is not None]
        if len({f for _, f in cabled}) < 2:
            continue
        for i, (p, fab) in enumerate(cabled):
            for key in ((kind, p.adapter, p.port.name), (kind, i)):
                c = counts.setdefault(key, {})
                c[fab] = c.get(fab, 0) + 1
    out: dict[tuple, str | None] = {}
    for key, c in counts.items():
        best = max(c.values())
        winners = [f for f, n in c.items() if n == best]
        out[key] = winners[0] if len(winners) == 1 and best > sum(c.values()) / 2 else None
    return out


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
