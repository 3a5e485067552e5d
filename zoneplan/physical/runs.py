"""Cable runs: a device port to a switch port (or to a peer port, or switch to switch), with
the patch-panel ports in between and the cable of every segment.

Why runs and segments: a technician plugs cables (segments: device → panel, panel → panel,
panel → switch), but the light travels the whole run, so reach is checked on the sum of the
segments while labels, lengths and colours belong to each segment (NetBox draws the same line
between cable ends and the end-to-end path). Built from the inventory alone, once per
validation, for the physical rules and the cabling plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import (
    DEVICE_PATHS,
    Cable,
    Hop,
    Inventory,
    Location,
    Media,
    PatchPanel,
    Port,
)
from .faceplate import Faceplate, switch_height
from .lengths import Estimate, Estimator, Place


@dataclass(frozen=True)
class End:
    """One end of a run or segment."""

    kind: str  #: host, node, array, switch or panel
    device: str
    adapter: str = ""
    port: str = ""
    place: Place = field(default_factory=lambda: Place(None))

    @property
    def text(self) -> str:
        if self.kind == "switch":
            return f"{self.device} port {self.port}"
        if self.kind == "panel":
            return f"{self.device} port {self.port}"
        return f"{self.device}/{self.adapter}/{self.port}"

    @property
    def location(self) -> Location | None:
        return self.place.location


@dataclass
class Segment:
    """One physical cable of a run."""

    index: int  #: 0 for the cable plugged into end a of the run
    a: End
    b: End
    cable: Cable | None  #: as the inventory gives it
    path: tuple  #: inventory path of the cable spec (the port or the hop)
    media: Media | None = None  #: given, else the policy's default
    estimate: Estimate | None = None

    @property
    def length(self) -> float | None:
        """Metres: given, else the estimate's order length, else None (unknown)."""
        if self.cable is not None and self.cable.length is not None:
            return self.cable.length
        return self.estimate.order if self.estimate is not None else None

    @property
    def given_length(self) -> bool:
        return self.cable is not None and self.cable.length is not None


@dataclass
class Run:
    """A device port to its switch port (``fabric``), a switch to a switch (``isl``), or a
    device port to a peer port (``direct``), through zero or more patch-panel ports.
    """

    key: str  #: ``esx01/hba0/p0``, ``ISL fa-sw1:46``, or the first end of a direct link
    kind: str  #: fabric, isl or direct
    a: End
    b: End
    fabric: str | None  #: the switch's declared fabric (ISL: end a's)
    hops: list[tuple[Hop, PatchPanel | None, tuple]]  #: hop, its panel (None: unknown), path
    segments: list[Segment]
    speed: int | None  #: the device port's declared speed (Gb/s)
    path: tuple  #: inventory path of the port (or ISL) the run is declared on

    @property
    def length(self) -> float | None:
        """The whole run in metres; None when a segment's length is unknown."""
        total = 0.0
        for s in self.segments:
            if s.length is None:
                return None
            total += s.length
        return round(total, 2)

    @property
    def medias(self) -> set[Media]:
        return {s.media for s in self.segments if s.media is not None}


@dataclass
class Physical:
    """Every run of an inventory, and the lookups the rules and the plan share."""

    runs: list[Run]
    estimator: Estimator
    panels: dict[str, PatchPanel]
    #: where each device, switch and panel sits: (kind, name, location, height, path)
    placed: list[tuple[str, str, Location, int, tuple]]
    #: front panels by switch name (filled by :func:`zoneplan.physical.physical_of`)
    faceplates: dict[str, Faceplate] = field(default_factory=dict)

    def port_speed(self, switch: str, port: str) -> int | None:
        """The fastest speed of a switch port per its model's pack data; None if unknown."""
        fp = self.faceplates.get(switch)
        return fp.speed(port) if fp is not None else None

    def run_speed(self, run: Run) -> int | None:
        """The speed a run's link comes up at: the slowest known end (None: none known)."""
        known = [run.speed] if run.speed else []
        for end in (run.a, run.b):
            if end.kind == "switch":
                s = self.port_speed(end.device, end.port)
                if s:
                    known.append(s)
        return min(known) if known else None

    def by_key(self) -> dict[str, Run]:
        return {r.key: r for r in self.runs}


def build_physical(inv: Inventory) -> Physical:
    """Runs and placements of an inventory (references that do not resolve are left for the
    rules to report: a hop on an unknown panel keeps ``None`` as its panel)."""
    estimator = Estimator(inv.racks, inv.policy.cabling)
    default_media = inv.policy.cabling.media
    fabrics = {f.name: f for f in inv.fabrics}
    panels: dict[str, PatchPanel] = {}
    placed: list[tuple[str, str, Location, int, tuple]] = []
    for i, pp in enumerate(inv.patch_panels):
        panels.setdefault(pp.name, pp)
        if pp.location is not None:
            placed.append(
                ("panel", pp.name, pp.location, pp.location.height or 1, ("patch_panels", i))
            )
    switch_place: dict[str, Place] = {}
    switch_fabric: dict[str, str] = {}
    for i, sw in enumerate(inv.switches):
        vendor = sw.vendor or (fabrics[sw.fabric].vendor if sw.fabric in fabrics else None)
        height = switch_height(sw, vendor)
        switch_place.setdefault(sw.name, Place(sw.location, height))
        switch_fabric.setdefault(sw.name, sw.fabric)
        if sw.location is not None:
            placed.append(("switch", sw.name, sw.location, height, ("switches", i)))
    device_place: dict[str, Place] = {}
    ports: list[tuple[str, str, str, Port, tuple]] = []
    for kind, name, di, device, adapters in inv.devices():
        base, key = DEVICE_PATHS[kind]
        loc: Location | None = getattr(device, "location", None)
        height = (loc.height or 1) if loc is not None else 1
        device_place.setdefault(name, Place(loc, height))
        if loc is not None:
            placed.append((kind, name, loc, height, (*base, di)))
        for ai, hba in enumerate(adapters):
            for pi, port in enumerate(hba.ports):
                ports.append((kind, name, hba.name, port, (*base, di, key, ai, "ports", pi)))

    def panel_end(hop: Hop) -> End:
        pp = panels.get(hop.panel)
        loc = pp.location if pp is not None else None
        return End(
            "panel", hop.panel, "", str(hop.port), Place(loc, (loc.height or 1) if loc else 1)
        )

    def make(
        key: str,
        kind: str,
        a: End,
        b: End,
        first: Cable | None,
        first_path: tuple,
        via: list[Hop],
        via_path: tuple,
        fabric: str | None,
        speed: int | None,
        path: tuple,
    ) -> Run:
        hops = [(h, panels.get(h.panel), (*via_path, hi)) for hi, h in enumerate(via)]
        stops = [a, *(panel_end(h) for h in via), b]
        cables = [(first, first_path)] + [
            (h.cable, (*via_path, hi, "cable")) for hi, h in enumerate(via)
        ]
        segments = []
        for si, (cable, cpath) in enumerate(cables):
            x, y = stops[si], stops[si + 1]
            media = (cable.media if cable is not None else None) or default_media
            segments.append(
                Segment(si, x, y, cable, cpath, media, estimator.estimate(x.place, y.place))
            )
        return Run(key, kind, a, b, fabric, hops, segments, speed, path)

    runs: list[Run] = []
    by_ref = {f"{n}/{ad}/{p.name}": (k, n, ad, p, path) for k, n, ad, p, path in ports}
    done: set[frozenset[str]] = set()
    for kind, name, adapter, port, path in ports:
        ref = f"{name}/{adapter}/{port.name}"
        a = End(kind, name, adapter, port.name, device_place.get(name, Place(None)))
        if port.switch is not None and port.port is not None and not port.npiv:
            b = End(
                "switch", port.switch, "", port.port, switch_place.get(port.switch, Place(None))
            )
            runs.append(
                make(
                    ref,
                    "fabric",
                    a,
                    b,
                    port.cable,
                    (*path, "cable"),
                    port.via,
                    (*path, "via"),
                    switch_fabric.get(port.switch),
                    port.speed,
                    path,
                )
            )
        elif port.peer is not None and port.peer in by_ref:
            pair = frozenset((ref, port.peer))
            if pair in done:
                continue
            done.add(pair)
            pk, pn, pad, pport, ppath = by_ref[port.peer]
            other = End(pk, pn, pad, pport.name, device_place.get(pn, Place(None)))
            # the run is declared on the end that gives the hops (else the one sorting first)
            mine = (ref, a, port, path)
            theirs = (port.peer, other, pport, ppath)
            first, second = sorted((mine, theirs), key=lambda t: t[0])
            if second[2].via and not first[2].via:
                first, second = second, first
            runs.append(
                make(
                    first[0],
                    "direct",
                    first[1],
                    second[1],
                    first[2].cable or second[2].cable,
                    (*first[3], "cable"),
                    first[2].via,
                    (*first[3], "via"),
                    None,
                    first[2].speed or second[2].speed,
                    first[3],
                )
            )
    for ii, isl in enumerate(inv.isls):
        sa, _, pa = isl.a.partition(":")
        sb, _, pb = isl.b.partition(":")
        a = End("switch", sa, "", pa, switch_place.get(sa, Place(None)))
        b = End("switch", sb, "", pb, switch_place.get(sb, Place(None)))
        runs.append(
            make(
                f"ISL {isl.a}",
                "isl",
                a,
                b,
                isl.cable,
                ("isls", ii, "cable"),
                isl.via,
                ("isls", ii, "via"),
                switch_fabric.get(sa),
                None,
                ("isls", ii),
            )
        )
    return Physical(runs, estimator, panels, placed)
