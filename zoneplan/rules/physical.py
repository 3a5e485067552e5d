"""ZP9xx: the physical layer — racks, rack units, patch panels, cable media and lengths.

Every rule here is silent for an inventory without racks, panels or cable details: the
physical layer is optional, and an inventory that only zones is not asked where its switches
stand. The Fails/Passes examples are patches of ``samples/euronas-cluster.yaml`` (racks
R12-R14 in row C, panels pp-r12 and pp-r13, lnx01 patched through both).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from ..findings import Finding, Severity
from ..physical import Run, physical_of
from ..physical.tables import cable_table, color_table, media_table
from .base import Rule, RuleContext
from .examples import Inventory


def _runs(ctx: RuleContext) -> list[Run]:
    return physical_of(ctx.topology).runs


class RackUnitTakenTwice(Rule):
    """Two devices or panels take the same rack unit.

    Why:
        A rack unit holds one device per face; a plan that puts two there is wrong about one
        of them, and the technician finds out with the device in his hands.
    Fix:
        Correct the ``u`` (the lowest unit the device takes, U1 at the bottom) or the
        ``height`` of one of them; a half-depth panel on the rear face says ``side: rear``.
    """

    code = "ZP901"
    fails = Inventory(
        "patch_panels: [{name: pp-r13, location: {rack: R13, u: 40, full_depth: true}}]",
        caption="A full-depth panel put at R13 U40, where sw-a1 is.",
    )
    passes = Inventory(
        "patch_panels: [{name: pp-r13, location: {rack: R13, u: 41, full_depth: true}}]",
        caption="The panel at U41, free.",
    )
    name = "rack-unit-taken-twice"
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        taken: dict[tuple[str, str, int], str] = {}
        reported: set[tuple[str, str]] = set()
        for kind, name, loc, height, path in physical_of(ctx.topology).placed:
            if not loc.placed:
                continue
            full = loc.full_depth if loc.full_depth is not None else kind != "panel"
            faces = ("front", "rear") if full else (loc.side.value,)
            me = f"{kind} {name}"
            assert loc.u is not None and loc.rack is not None
            for u in range(loc.u, loc.u + height):
                for face in faces:
                    other = taken.setdefault((loc.rack, face, u), me)
                    if other != me and (me, other) not in reported:
                        reported.add((me, other))
                        yield self.at(
                            ctx,
                            (*path, "location", "u"),
                            f"{me} takes {loc.rack} U{u} ({face}), already taken by {other}",
                            subject=name,
                        )


class DeviceOutsideRack(Rule):
    """A device or panel does not fit in its rack: its top unit is above the rack's height.

    Why:
        A 2U switch at U42 of a 42U rack has nowhere to go; the elevation drawing and the
        cable lengths would describe a rack that cannot exist.
    Fix:
        Correct the ``u`` or ``height`` (a switch's height comes from its model's pack data
        when not given), or the rack's ``height``.
    """

    code = "ZP902"
    fails = Inventory(
        "patch_panels: [{name: pp-r12, location: {rack: R12, u: 42, height: 2}}]",
        caption="A 2U panel at U42 of a 42U rack.",
    )
    passes = Inventory(
        "patch_panels: [{name: pp-r12, location: {rack: R12, u: 41, height: 2}}]",
        caption="The 2U panel at U41-42.",
    )
    name = "device-outside-rack"
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        racks = {r.name: r for r in ctx.inventory.racks}
        for kind, name, loc, height, path in physical_of(ctx.topology).placed:
            rack = racks.get(loc.rack or "")
            if rack is None or loc.u is None:
                continue
            top = loc.u + height - 1
            if top > rack.height:
                given = "given" if loc.height else "from its model's data"
                yield self.at(
                    ctx,
                    (*path, "location", "u"),
                    f"{kind} {name} takes U{loc.u}-U{top} ({height}U, {given}) but rack "
                    f"{rack.name} has {rack.height} units",
                    subject=name,
                )


class UnknownRack(Rule):
    """A location names a rack the inventory does not list.

    Why:
        Without the rack's height, row and position, nothing can be checked or estimated, and
        a typo (R1 for R01) puts a device in a rack nobody will find.
    Fix:
        Add the rack under ``racks:`` (name, height, row, position) or correct the name.
    """

    code = "ZP903"
    fails = Inventory(
        "patch_panels: [{name: pp-r12, location: {rack: R1, u: 42}}]",
        caption="Rack R1; the racks are R12, R13 and R14.",
    )
    passes = Inventory(
        "patch_panels: [{name: pp-r12, location: {rack: R12, u: 42}}]", caption="Rack R12."
    )
    name = "unknown-rack"
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        racks = {r.name for r in ctx.inventory.racks}
        for kind, name, loc, _h, path in physical_of(ctx.topology).placed:
            if loc.rack is not None and loc.rack not in racks:
                yield self.at(
                    ctx,
                    (*path, "location", "rack"),
                    f"{kind} {name} is in rack '{loc.rack}', which is not under racks:",
                    subject=name,
                )


class LocationContradictsRack(Rule):
    """A location's site, room or row differs from its rack's.

    Why:
        The rack says where it stands; a device that says otherwise has the wrong rack or the
        wrong row, and one of them sends the technician to the wrong aisle.
    Fix:
        Leave site, room and row out where the rack gives them, or correct the rack.
    """

    code = "ZP904"
    fails = Inventory(
        "patch_panels: [{name: pp-r12, location: {rack: R12, row: D, u: 42}}]",
        caption="Row D said for rack R12, which is in row C.",
    )
    passes = Inventory(
        "patch_panels: [{name: pp-r12, location: {rack: R12, row: C, u: 42}}]",
        caption="Row C, as the rack says.",
    )
    name = "location-contradicts-rack"
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        racks = {r.name: r for r in ctx.inventory.racks}
        for kind, name, loc, _h, path in physical_of(ctx.topology).placed:
            rack = racks.get(loc.rack or "")
            if rack is None:
                continue
            for what in ("site", "room", "row"):
                mine, its = getattr(loc, what), getattr(rack, what)
                if mine and its and mine != its:
                    yield self.at(
                        ctx,
                        (*path, "location", what),
                        f"{kind} {name}: {what} '{mine}', but rack {rack.name} is in "
                        f"{what} '{its}'",
                        subject=name,
                    )


class UnknownPatchPanel(Rule):
    """A cable run passes a patch panel the inventory does not list.

    Why:
        The panel's location and port count are what the hop is checked and drawn against; an
        unknown panel is usually a typo in the panel's name.
    Fix:
        Add the panel under ``patch_panels:`` or correct its name in ``via:``.
    """

    code = "ZP905"
    fails = Inventory(
        "patch_panels: [!delete {name: pp-r13}]",
        caption="Panel pp-r13 removed; lnx01's runs still pass it.",
    )
    passes = Inventory("", caption="Both panels the runs pass are listed.")
    name = "unknown-patch-panel"
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for run in _runs(ctx):
            for hop, panel, path in run.hops:
                if panel is None:
                    yield self.at(
                        ctx,
                        (*path, "panel"),
                        f"{run.key}: patch panel '{hop.panel}' is not under patch_panels:",
                        subject=run.key,
                    )


class PanelPortOutOfRange(Rule):
    """A hop names a port the patch panel does not have.

    Why:
        Port 25 of a 24-port panel is a typo for another port, and the label would send the
        technician to a port that is not there.
    Fix:
        Correct the port, or the panel's ``ports``.
    """

    code = "ZP906"
    fails = Inventory(
        "patch_panels: [{name: pp-r12, ports: 1}]",
        caption="A 1-port panel; lnx01/host1/p1 passes its port 2.",
    )
    passes = Inventory("patch_panels: [{name: pp-r12, ports: 24}]", caption="24 ports.")
    name = "patch-panel-port-out-of-range"
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for run in _runs(ctx):
            for hop, panel, path in run.hops:
                if panel is not None and hop.port > panel.ports:
                    yield self.at(
                        ctx,
                        (*path, "port"),
                        f"{run.key}: patch panel {panel.name} has ports 1-{panel.ports}, "
                        f"not {hop.port}",
                        subject=run.key,
                    )


class PanelPortUsedTwice(Rule):
    """Two cable runs pass the same patch-panel port.

    Why:
        A panel port carries one link (front port N is wired to rear port N); two runs through
        it mean one of them is patched elsewhere in reality.
    Fix:
        Correct the port of one of the runs (check the label on the panel).
    """

    code = "ZP907"
    fails = Inventory(
        'isls: [{a: "sw-a1:44", b: "sw-a2:44", via: [{panel: pp-r13, port: 1}]}]',
        caption="A new ISL through pp-r13 port 1, which lnx01/host1/p0 passes.",
    )
    passes = Inventory(
        'isls: [{a: "sw-a1:44", b: "sw-a2:44", via: [{panel: pp-r13, port: 3}]}]',
        caption="Through the free port 3.",
    )
    name = "patch-panel-port-used-twice"
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        first: dict[tuple[str, int], str] = {}
        for run in _runs(ctx):
            for hop, _panel, path in run.hops:
                key = (hop.panel, hop.port)
                other = first.setdefault(key, run.key)
                if other != run.key:
                    yield self.at(
                        ctx,
                        (*path, "port"),
                        f"{run.key} passes {hop.panel} port {hop.port}, already used by {other}",
                        subject=f"{hop.panel}:{hop.port}",
                    )


class RunCrossesFabrics(Rule):
    """A cable run passes a patch panel reserved for the other fabric.

    Why:
        Fabrics A and B stay physically apart so that one mistake cannot take both paths; a
        fabric A cable through fabric B's panel is the mistake that joins them at the panel.
    Fix:
        Patch the run through a panel of its own fabric (or correct the panel's ``fabric``).
    """

    code = "ZP908"
    fails = Inventory(
        "patch_panels: [{name: pp-r12, fabric: B}]",
        caption="pp-r12 reserved for fabric B; lnx01/host1/p0 (fabric A) passes it.",
    )
    passes = Inventory("", caption="Panels reserved for no fabric.")
    name = "run-crosses-fabrics"
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        topo = ctx.topology
        for run in _runs(ctx):
            fabric = topo.switch_fabric.get(run.b.device) if run.kind == "fabric" else run.fabric
            if run.kind == "direct" or fabric is None:
                continue
            for _hop, panel, path in run.hops:
                if panel is not None and panel.fabric is not None and panel.fabric != fabric:
                    yield self.at(
                        ctx,
                        (*path, "panel"),
                        f"{run.key} is on fabric {fabric} but passes patch panel {panel.name}, "
                        f"reserved for fabric {panel.fabric}",
                        subject=run.key,
                    )


class CableExceedsReach(Rule):
    """A cable run is longer than its media carries at the link's speed.

    Why:
        Beyond the reach (the whole run: every segment and panel hop added up) the link
        does not come up, or comes up with errors that look like a bad optic: 32GFC carries
        100 m on OM4 but 70 m on OM3 (table and sources: ``zoneplan/physical/data/media.yaml``).
    Fix:
        Use the better media (OM4 instead of OM3), a shorter route, or single-mode optics.
        The speed is the slower end's: the port's ``speed`` and the switch model's.
    """

    code = "ZP909"
    fails = Inventory(
        'isls: [{a: "sw-a1:44", b: "sw-a2:44", cable: {media: OM3, length: 80}}]',
        caption="80 m of OM3 between two G620s (32 Gb/s: OM3 carries 70 m).",
    )
    passes = Inventory(
        'isls: [{a: "sw-a1:44", b: "sw-a2:44", cable: {media: OM4, length: 80}}]',
        caption="OM4 carries 100 m at 32 Gb/s.",
    )
    name = "cable-exceeds-media-reach"
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        ph = physical_of(ctx.topology)
        table = media_table()
        for run in ph.runs:
            speed, length = ph.run_speed(run), run.length
            if speed is None or length is None or not run.medias:
                continue
            worst = min(
                (table.reach(m, speed) for m in run.medias),
                key=lambda r: float("inf") if r is None or r.m is None else r.m,
            )
            if worst is None or worst.m is None or length <= worst.m:
                continue
            media = "/".join(sorted(m.value for m in run.medias))
            where = f" over {len(run.segments)} segments" if len(run.segments) > 1 else ""
            estimated = "" if all(s.given_length for s in run.segments) else " (estimated)"
            yield self.at(
                ctx,
                run.segments[0].path,
                f"{run.key}: {length:g} m{estimated}{where} of {media} at {speed} Gb/s; "
                f"the reach is {worst.m:g} m",
                subject=run.key,
            )


class MediaNotForSpeed(Rule):
    """A cable's media does not work at the link's speed, or is not for FC ports at all.

    Why:
        OM1 carries no 16GFC or faster (a 32G HBA "does not support OM1 cables"), and FC switch
        ports take optical transceivers, not twinax (DAC) cables.
    Fix:
        Use OM3/OM4 (or single-mode with long-wave optics).
    """

    code = "ZP910"
    fails = Inventory(
        'isls: [{a: "sw-a1:44", b: "sw-a2:44", cable: {media: OM1}}]',
        caption="OM1 between two 32 Gb/s switches.",
    )
    passes = Inventory(
        'isls: [{a: "sw-a1:44", b: "sw-a2:44", cable: {media: OM4}}]', caption="OM4."
    )
    name = "media-not-for-speed"
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        ph = physical_of(ctx.topology)
        table = media_table()
        for run in ph.runs:
            speed = ph.run_speed(run)
            for seg in run.segments:
                if seg.media is None:
                    continue
                entry = table.media[seg.media]
                if not entry.fc_ports:
                    yield self.at(
                        ctx,
                        seg.path,
                        f"{run.key}: {seg.media.value} is not a cable for FC ports "
                        f"({entry.note.strip()})",
                        subject=run.key,
                    )
                    continue
                if speed is None:
                    continue
                reach = table.reach(seg.media, speed)
                if reach is None or reach.m is None:
                    yield self.at(
                        ctx,
                        seg.path,
                        f"{run.key}: {seg.media.value} does not carry {speed} Gb/s Fibre Channel",
                        subject=run.key,
                    )


class MixedMediaInRun(Rule):
    """One cable run mixes fibre types (OM3 jumpers on an OM4 trunk).

    Why:
        "It is important that a multimode link consist of only one fiber type" (IBM): the
        reach of a mixed run is the worse fibre's at best, and the mismatch costs loss budget.
    Fix:
        Use one fibre type from end to end.
    """

    code = "ZP911"
    fails = Inventory(
        'isls: [{a: "sw-a1:44", b: "sw-a2:44", cable: {media: OM3}, via: [{panel: pp-r13, port: 5, cable: {media: OM4}}]}]',
        caption="OM3 to the panel, OM4 beyond.",
    )
    passes = Inventory(
        'isls: [{a: "sw-a1:44", b: "sw-a2:44", cable: {media: OM4}, via: [{panel: pp-r13, port: 5, cable: {media: OM4}}]}]',
        caption="OM4 end to end.",
    )
    name = "mixed-media-in-run"
    severity = Severity.WARNING

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for run in _runs(ctx):
            if len(run.medias) > 1:
                media = ", ".join(sorted(m.value for m in run.medias))
                yield self.at(
                    ctx,
                    run.path,
                    f"{run.key}: the run mixes {media}",
                    subject=run.key,
                )


class UnknownColor(Rule):
    """A cable's (or fabric's) colour is not a colour name zoneplan knows.

    Why:
        The plan prints colour names a technician can match to the cable in his hand; an
        unknown name (or a typo) prints nothing he can use.
    Fix:
        Use one of the names in ``zoneplan/physical/data/colors.yaml`` (aqua, erika-violet,
        yellow, orange, lime, ...), or leave it out (the media's usual colour is printed).
    """

    code = "ZP912"
    fails = Inventory(
        'isls: [{a: "sw-a1:44", b: "sw-a2:44", cable: {color: aquamarin}}]',
        caption="A misspelt colour.",
    )
    passes = Inventory(
        'isls: [{a: "sw-a1:44", b: "sw-a2:44", cable: {color: aqua}}]', caption="aqua."
    )
    name = "unknown-color"
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        known = color_table().colors
        for i, f in enumerate(ctx.inventory.fabrics):
            if f.color and not f.color.startswith("#") and f.color not in known:
                yield self.at(
                    ctx,
                    ("fabrics", i, "color"),
                    f"fabric {f.name}: colour '{f.color}' is not one of "
                    f"{', '.join(sorted(known))} (or give #rrggbb)",
                    subject=f.name,
                )
        for run in _runs(ctx):
            for seg in run.segments:
                if seg.cable is not None and seg.cable.color and seg.cable.color not in known:
                    yield self.at(
                        ctx,
                        (*seg.path, "color"),
                        f"{run.key}: colour '{seg.cable.color}' is not one of "
                        f"{', '.join(sorted(known))}",
                        subject=run.key,
                    )


class CableTooShort(Rule):
    """A cable's given length is shorter than the route between its ends.

    Why:
        The route runs up the cable manager and over the rack top, not in a straight line; a
        cable shorter than that route does not reach, found out only at the rack.
    Fix:
        Check the route and order the length the cabling plan estimates (or correct the
        rack positions).
    """

    code = "ZP913"
    fails = Inventory(
        'isls: [{a: "sw-a1:44", b: "sw-a2:44", cable: {length: 1}}]',
        caption="1 m from R13 U40 to R14 U40, racks side by side.",
    )
    passes = Inventory('isls: [{a: "sw-a1:44", b: "sw-a2:44", cable: {length: 5}}]', caption="5 m.")
    name = "cable-too-short"
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        policy = ctx.inventory.policy.cabling
        for run in _runs(ctx):
            for seg in run.segments:
                if seg.estimate is None or seg.cable is None or seg.cable.length is None:
                    continue
                bare = seg.estimate.route - 2 * policy.slack
                if seg.cable.length < bare - 1e-9:
                    yield self.at(
                        ctx,
                        (*seg.path, "length"),
                        f"{run.key}: {seg.a.text} to {seg.b.text} is {seg.cable.length:g} m, "
                        f"but the route ({seg.estimate.basis}) is about {bare:.1f} m without "
                        f"slack; order {seg.estimate.order:g} m",
                        subject=run.key,
                    )


class CableMuchLongerThanRoute(Rule):
    """A cable inside one rack is more than a metre longer than its route needs.

    Why:
        "Use cables of the correct length so that coiling excess cable is not necessary"
        (IBM SAN best practices): coils block airflow and hide bend-radius damage; the DCIM
        chart's rule of thumb is to re-check a route when the cable adds more than about 1 m.
    Fix:
        Order the length the cabling plan estimates (``policy.cabling`` tunes the slack).
    """

    code = "ZP914"
    fails = Inventory(
        "hosts: [{name: esx01, hbas: [{name: vmhba2, ports: [{name: p0, cable: {length: 5}}]}]}]",
        caption="5 m from esx01 (R13 U10) to sw-a1 (R13 U40).",
    )
    passes = Inventory(
        "hosts: [{name: esx01, hbas: [{name: vmhba2, ports: [{name: p0, cable: {length: 3}}]}]}]",
        caption="3 m, what the plan estimates.",
    )
    name = "cable-much-longer-than-route"
    severity = Severity.WARNING

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        excess = cable_table().excess_warning_m.value
        for run in _runs(ctx):
            for seg in run.segments:
                est = seg.estimate
                if est is None or not est.in_rack or not seg.given_length:
                    continue
                assert seg.cable is not None and seg.cable.length is not None
                if seg.cable.length > est.order + excess + 1e-9:
                    yield self.at(
                        ctx,
                        (*seg.path, "length"),
                        f"{run.key}: {seg.cable.length:g} m in one rack where about "
                        f"{est.route:.1f} m will do (order {est.order:g} m): a coil",
                        subject=run.key,
                    )


class CableLengthUnknown(Rule):
    """A cable's length is neither given nor estimable from rack positions.

    Why:
        The cabling plan prints "measure" for it; the reach check skips the run. Reported
        only when the inventory uses racks at all.
    Fix:
        Give both ends a rack and U (racks in one room need a row and ``position``), or give
        the cable's ``length``.
    """

    code = "ZP915"
    fails = Inventory(
        "hosts: [{name: esx01, location: null}]",
        caption="esx01 without a location, in an inventory with racks.",
    )
    passes = Inventory("", caption="Every device placed.")
    name = "cable-length-unknown"
    severity = Severity.INFO

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if not ctx.inventory.racks:
            return
        for run in _runs(ctx):
            unknown = [s for s in run.segments if s.length is None]
            if unknown:
                s = unknown[0]
                yield self.at(
                    ctx,
                    run.path,
                    f"{run.key}: no length for {s.a.text} to {s.b.text} (give both ends a rack "
                    "position, or the cable's length)",
                    subject=run.key,
                )


class DirectLinkHopsTwice(Rule):
    """Both ends of a direct link list patch-panel hops.

    Why:
        A direct link is one run; its hops are listed once, on either end. Two lists can
        disagree, and it is not clear which is the cable in the rack.
    Fix:
        Keep the hops on one end only.
    """

    code = "ZP916"
    fails = Inventory(
        "cluster: {nodes: [{name: san1, hbas: [{name: hba1, ports: [{name: p0, via: [{panel: pp-r13, port: 9}]}]}]}, {name: san2, hbas: [{name: hba1, ports: [{name: p0, via: [{panel: pp-r13, port: 9}]}]}]}]}",
        caption="The mirror link's hops on both nodes.",
    )
    passes = Inventory(
        "cluster: {nodes: [{name: san1, hbas: [{name: hba1, ports: [{name: p0, via: [{panel: pp-r13, port: 9}]}]}]}]}",
        caption="On one node only.",
    )
    name = "direct-link-hops-twice"
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        topo = ctx.topology
        seen: set[frozenset[str]] = set()
        for ref, peer in sorted(topo.direct.items()):
            pair = frozenset((ref, peer))
            if pair in seen:
                continue
            seen.add(pair)
            x, y = topo.by_ref[ref], topo.by_ref[peer]
            if x.port.via and y.port.via:
                yield self.at(
                    ctx,
                    (*y.path, "via"),
                    f"direct link {x.ref} - {y.ref}: both ends list patch-panel hops; keep "
                    "them on one end",
                    subject=y.ref,
                )


class DuplicateRackOrPanel(Rule):
    """Two racks, or two patch panels, have the same name.

    Why:
        Locations and hops name racks and panels; with two of one name, which one is meant is
        a guess (and the second is silently ignored).
    Fix:
        Rename one of them.
    """

    code = "ZP917"
    fails = Inventory(
        "patch_panels: !replace [{name: pp-r12, ports: 24, location: {rack: R12, u: 42}}, {name: pp-r12, ports: 12}, {name: pp-r13, ports: 24, location: {rack: R13, u: 42}}]",
        caption="pp-r12 listed twice.",
    )
    passes = Inventory("", caption="Every rack and panel named once.")
    name = "duplicate-rack-or-panel"
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        inv = ctx.inventory
        for key, what, items in (
            ("racks", "rack", inv.racks),
            ("patch_panels", "patch panel", inv.patch_panels),
        ):
            counts: defaultdict[str, int] = defaultdict(int)
            for i, item in enumerate(items):
                counts[item.name] += 1
                if counts[item.name] == 2:
                    yield self.at(
                        ctx,
                        (key, i, "name"),
                        f"{what} name '{item.name}' is used twice",
                        subject=item.name,
                    )


RULES = (
    RackUnitTakenTwice,
    DeviceOutsideRack,
    UnknownRack,
    LocationContradictsRack,
    UnknownPatchPanel,
    PanelPortOutOfRange,
    PanelPortUsedTwice,
    RunCrossesFabrics,
    CableExceedsReach,
    MediaNotForSpeed,
    MixedMediaInRun,
    UnknownColor,
    CableTooShort,
    CableMuchLongerThanRoute,
    CableLengthUnknown,
    DirectLinkHopsTwice,
    DuplicateRackOrPanel,
)
