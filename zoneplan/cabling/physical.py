"""The physical half of the cabling plan: the cable list as the technician walks it, rack
elevations, front panels, and one label per cable end of every segment.

Why a second builder beside :mod:`zoneplan.cabling.plan`: the cable IDs, roles and fabrics
come from there (one source of IDs for page, labels and tests); what is added here is where
things are, which patch-panel ports a run passes, what each segment is made of and how long
it is, read from :func:`zoneplan.physical.physical_of` (the same runs the ZP9xx rules check).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..model import Location, PortRole
from ..physical import End as RunEnd
from ..physical import Run, Segment, physical_of
from ..physical.faceplate import Faceplate
from ..physical.tables import color_table, media_table
from ..topology import Topology
from .plan import Cable, CablingPlan, Label, SwitchMap


@dataclass(frozen=True)
class SegmentRow:
    """One physical cable of a run, as printed and labelled."""

    id: str
    a: str
    b: str
    a_wwpn: str
    b_wwpn: str
    media: str  #: OM4, or "" when not given
    connector: str
    length: str  #: ``3 m`` or ``measure``
    length_note: str  #: ``given``, ``est. 4.3 m`` or ""
    length_m: float | None
    estimated: bool
    color: str  #: a colour name, or ""
    color_hex: str  #: "" when there is no colour
    a_device: str = ""  #: device, switch or panel name of each end
    b_device: str = ""
    a_where: str = ""  #: ``R01 U10``
    b_where: str = ""

    def flipped(self) -> SegmentRow:
        """The same cable seen from its other end."""
        return replace(
            self,
            a=self.b,
            b=self.a,
            a_wwpn=self.b_wwpn,
            b_wwpn=self.a_wwpn,
            a_device=self.b_device,
            b_device=self.a_device,
            a_where=self.b_where,
            b_where=self.a_where,
        )


@dataclass(frozen=True)
class CableRow:
    """One row of the cable list: a run with both ends, where they are, and its hops."""

    cable: Cable
    a_where: str  #: ``R01 U10`` (or "")
    b_where: str
    hops: list[str]  #: ``pp-r01 port 1``
    segments: list[SegmentRow]
    length: str  #: the run's total, as printed
    length_note: str  #: ``est. 2.4 m``, ``given``, ``3 cables`` or ""
    order: tuple  #: the walk order key (rack by rack, top to bottom)

    @property
    def media(self) -> str:
        return " + ".join(dict.fromkeys(s.media for s in self.segments if s.media)) or ""

    @property
    def colors(self) -> list[tuple[str, str]]:
        """(name, hex) of the segments' colours, each once."""
        seen = dict.fromkeys((s.color, s.color_hex) for s in self.segments if s.color)
        return list(seen)


@dataclass(frozen=True)
class RackItem:
    """A device or panel in a rack elevation."""

    kind: str  #: switch, host, node, array or panel
    name: str
    u: int
    height: int
    side: str  #: front or rear
    full_depth: bool
    subtitle: str  #: model, OS, ports
    fabric: str | None


@dataclass(frozen=True)
class RackCable:
    """Cables leaving a rack from one device (or panel) towards one other rack (or an
    unplaced device): how many, which ports, their IDs and lengths."""

    inside: str  #: device, switch or panel name in this rack
    inside_ports: str  #: ``1-16, 18`` or ``hba0/p0, hba1/p0``
    to: str  #: the far rack (``N01``), or the far device when it has no rack
    far: str  #: the far devices, ``sw-a1, mds-b1``
    ids: list[str]
    lengths: str  #: ``3 m``, ``3-5 m``, with ``measure`` when some are unknown

    @property
    def count(self) -> int:
        return len(self.ids)


@dataclass(frozen=True)
class RackView:
    """One rack: its units, what sits in them, and the cables that leave it."""

    name: str
    height: int
    where: str
    items: list[RackItem]
    cables: list[RackCable]
    rear: bool  #: something is mounted on the rear face


@dataclass(frozen=True)
class PortState:
    """What a front-panel port shows: free, used, ISL or a conflict, with its role and cable."""

    state: str
    role: str
    fabric: str | None
    cable: str
    what: str


@dataclass(frozen=True)
class FaceplateView:
    """A switch's front panel with the state of every port."""

    switch: str
    fabric: str
    faceplate: Faceplate
    ports: dict[str, PortState] = field(default_factory=dict)


@dataclass
class PhysicalPlan:
    """What :func:`build_physical_plan` adds to a cabling plan."""

    rows: list[CableRow]  #: walk order
    by_cable: dict[str, CableRow]
    racks: list[RackView]
    faceplates: list[FaceplateView]

    def labels(self, cables: list[Cable]) -> list[Label]:
        """Two labels per segment, in the plan's cable order."""
        return segment_labels(self.rows, cables)

    @property
    def any_physical(self) -> bool:
        """True when the inventory says anything about racks, panels or cable media."""
        return bool(self.racks) or any(
            r.hops or any(s.media or s.length_m is not None for s in r.segments) for r in self.rows
        )


def _natural(text: str) -> tuple:
    return tuple((0, int(p)) if p.isdecimal() else (1, p) for p in re.split(r"(\d+)", text))


def _where(loc: Location | None, height: int) -> str:
    if loc is None:
        return ""
    if loc.u is not None and loc.height is None and height > 1:
        loc = loc.model_copy(update={"height": height})
    return loc.text


def _length_text(seg: Segment) -> tuple[str, str]:
    """What to order and how it was found: (``5 m``, ``est. 3.2 m``), (``5 m``, ``given``)."""
    if seg.given_length:
        assert seg.cable is not None and seg.cable.length is not None
        return f"{seg.cable.length:g} m", "given"
    if seg.estimate is not None:
        e = seg.estimate
        custom = "" if e.stock else ", custom length"
        return f"{e.order:g} m", f"est. {e.route:.1f} m{custom}"
    return "measure", ""


def _segment_row(seg: Segment, seg_id: str, wwpns: dict[str, str]) -> SegmentRow:
    colors = color_table()
    color = seg.cable.color if seg.cable is not None and seg.cable.color else ""
    if not color and seg.media is not None:
        color = media_table().media[seg.media].color
    hex_ = colors.hex(color) or "" if color else ""
    return SegmentRow(
        seg_id,
        seg.a.text,
        seg.b.text,
        wwpns.get(seg.a.text, ""),
        wwpns.get(seg.b.text, ""),
        seg.media.value if seg.media is not None else "",
        seg.cable.connector.value if seg.cable is not None and seg.cable.connector else "",
        *_length_text(seg),
        seg.length,
        not seg.given_length and seg.estimate is not None,
        color,
        hex_,
        seg.a.device,
        seg.b.device,
        _where(seg.a.location, seg.a.place.height),
        _where(seg.b.location, seg.b.place.height),
    )


def _segment_ids(cable: Cable, run: Run, taken: set[str]) -> list[str]:
    """The cable's ID for the first segment; ``ID.2``, ``ID.3`` for the next (or their own)."""
    ids = [cable.id]
    for seg in run.segments[1:]:
        given = seg.cable.id if seg.cable is not None and seg.cable.id else None
        sid = given or f"{cable.id}.{seg.index + 1}"
        base, n = sid, 2
        while sid in taken:
            sid = f"{base}-{n}"
            n += 1
        taken.add(sid)
        ids.append(sid)
    return ids


def _walk_key(end: RunEnd, racks: dict[str, tuple]) -> tuple:
    """Rack by rack (site, room, row, position), then top to bottom; unplaced ends last."""
    loc = end.location
    if loc is None or not loc.placed or loc.rack not in racks:
        return (1,)
    assert loc.u is not None
    return (0, racks[loc.rack or ""], -(loc.u + end.place.height - 1))


def build_physical_plan(topo: Topology, cables: list[Cable], maps: list[SwitchMap]) -> PhysicalPlan:
    """Cable rows in walk order, rack views and faceplates for the plan's cables."""
    ph = physical_of(topo)
    inv = topo.inventory
    rack_order = {
        r.name: (
            _natural(r.site),
            _natural(r.room),
            _natural(r.row),
            r.position if r.position is not None else 10**6,
            _natural(r.name),
        )
        for r in inv.racks
    }
    runs_by_ends: dict[frozenset[str], list[Run]] = {}
    for run in ph.runs:
        runs_by_ends.setdefault(frozenset((run.a.text, run.b.text)), []).append(run)
    wwpns = {ref.ref: ref.wwpn for ref in topo.ports}
    taken = {c.id for c in cables}
    rows: list[CableRow] = []
    for i, c in enumerate(cables):
        candidates = runs_by_ends.get(frozenset((c.a.text, c.b.text)), [])
        if not candidates:  # not a run of the inventory (cannot happen for a valid topology)
            continue
        run = candidates.pop(0)
        seg_ids = _segment_ids(c, run, taken)
        segments = [
            _segment_row(s, sid, wwpns) for s, sid in zip(run.segments, seg_ids, strict=True)
        ]
        hops = [f"{hop.panel} port {hop.port}" for hop, _p, _path in run.hops]
        flip = run.a.text != c.a.text
        a_end, b_end = (run.b, run.a) if flip else (run.a, run.b)
        if flip:  # a direct link whose hops are listed on its other end: print it from c.a
            segments = [s.flipped() for s in reversed(segments)]
            hops.reverse()
        total = run.length
        if len(segments) == 1:
            length, note = segments[0].length, segments[0].length_note
        else:
            length = "measure" if total is None else f"{total:g} m"
            est = any(s.estimated for s in segments)
            note = f"{len(segments)} cables" + (", estimated" if est and total else "")
        rows.append(
            CableRow(
                c,
                _where(a_end.location, a_end.place.height),
                _where(b_end.location, b_end.place.height),
                hops,
                segments,
                length,
                note,
                (_walk_key(a_end, rack_order), i),
            )
        )
    by_cable = {r.cable.id: r for r in rows}
    rows = sorted(rows, key=lambda r: r.order)
    return PhysicalPlan(
        rows, by_cable, _racks(topo, rows, rack_order), _faceplates(topo, maps, ph.faceplates)
    )


def _racks(topo: Topology, rows: list[CableRow], rack_order: dict[str, tuple]) -> list[RackView]:
    inv = topo.inventory
    ph = physical_of(topo)
    used: dict[str, int] = {}
    for row in rows:
        for seg in row.segments:
            for end in (seg.a_device, seg.b_device):
                used[end] = used.get(end, 0) + 1
    models = {s.name: s.model for s in inv.switches}
    fabrics = {s.name: s.fabric for s in inv.switches}
    subtitles: dict[str, str] = {}
    for kind, name, _i, device, _adapters in inv.devices():
        if kind == "host":
            subtitles[name] = f"host · {device.os.value}"  # type: ignore[attr-defined]
        elif kind == "node":
            subtitles[name] = f"cluster node · {device.role}"  # type: ignore[attr-defined]
        else:
            model = " ".join(x for x in (device.vendor, device.model) if x)  # type: ignore[attr-defined]
            subtitles[name] = f"array · {model}" if model else "array"
    for pp in inv.patch_panels:
        subtitles[pp.name] = f"patch panel · {pp.ports} × {pp.connector.value}"
    by_rack: dict[str, list[RackItem]] = {}
    rack_of: dict[str, str] = {}
    for kind, name, loc, height, _path in ph.placed:
        if not loc.placed or loc.rack not in rack_order:
            continue
        assert loc.u is not None and loc.rack is not None
        rack_of.setdefault(name, loc.rack)
        full = loc.full_depth if loc.full_depth is not None else kind != "panel"
        sub = subtitles.get(name, "")
        if kind == "switch":
            sub = " · ".join(x for x in ("switch", models.get(name, "")) if x)
        n = used.get(name, 0)
        if n and kind != "panel":
            sub += f" · {n} cable{'s' if n != 1 else ''}"
        by_rack.setdefault(loc.rack, []).append(
            RackItem(kind, name, loc.u, height, loc.side.value, full, sub, fabrics.get(name))
        )
    views: list[RackView] = []
    seen: set[str] = set()
    for rack in sorted(inv.racks, key=lambda r: rack_order[r.name]):
        if rack.name in seen:
            continue  # a duplicate name: ZP917
        seen.add(rack.name)
        items = sorted(by_rack.get(rack.name, []), key=lambda it: (-it.u, it.side, it.name))
        groups: dict[tuple[str, str], list[SegmentRow]] = {}
        for row in rows:
            for seg in row.segments:
                here_a = rack_of.get(seg.a_device) == rack.name
                here_b = rack_of.get(seg.b_device) == rack.name
                if here_a == here_b:
                    continue
                s = seg if here_a else seg.flipped()
                to = rack_of.get(s.b_device) or s.b_device
                groups.setdefault((s.a_device, to), []).append(s)
        out = [
            _rack_cable(inside, to, segs)
            for (inside, to), segs in sorted(
                groups.items(), key=lambda kv: (_natural(kv[0][0]), _natural(kv[0][1]))
            )
        ]
        where = " · ".join(
            x
            for x in (
                rack.site,
                f"room {rack.room}" if rack.room else "",
                f"row {rack.row}" if rack.row else "",
                f"position {rack.position}" if rack.position is not None else "",
            )
            if x
        )
        views.append(
            RackView(
                rack.name,
                rack.height,
                where,
                items,
                out,
                any(it.side == "rear" and not it.full_depth for it in items),
            )
        )
    return views


def _port_of(text: str, device: str) -> str:
    """``esx01/hba0/p0`` → ``hba0/p0``; ``sw-a1 port 8`` → ``8``."""
    if text.startswith(f"{device} port "):
        return text[len(device) + 6 :]
    return text[len(device) + 1 :] if text.startswith(f"{device}/") else text


def compress(names: list[str]) -> str:
    """Port names with runs of numbers folded: ``1, 2, 3, 5`` → ``1-3, 5``."""
    out: list[str] = []
    run: list[int] = []

    def flush() -> None:
        if run:
            out.append(str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}")
            run.clear()

    for name in sorted(dict.fromkeys(names), key=_natural):
        if name.isdecimal():
            if run and int(name) != run[-1] + 1:
                flush()
            run.append(int(name))
        else:
            flush()
            out.append(name)
    flush()
    return ", ".join(out)


def _rack_cable(inside: str, to: str, segs: list[SegmentRow]) -> RackCable:
    lengths = sorted({s.length_m for s in segs if s.length_m is not None})
    text = (
        ""
        if not lengths
        else (f"{lengths[0]:g} m" if len(lengths) == 1 else f"{lengths[0]:g}-{lengths[-1]:g} m")
    )
    if any(s.length_m is None for s in segs):
        text = f"{text}, measure" if text else "measure"
    far = ", ".join(sorted(dict.fromkeys(s.b_device for s in segs), key=_natural))
    return RackCable(
        inside,
        compress([_port_of(s.a, inside) for s in segs]),
        to,
        far,
        [s.id for s in segs],
        text,
    )


def _faceplates(
    topo: Topology, maps: list[SwitchMap], faceplates: dict[str, Faceplate]
) -> list[FaceplateView]:
    views: list[FaceplateView] = []
    for m in maps:
        fp = faceplates.get(m.name)
        if fp is None:
            continue
        ports: dict[str, PortState] = {}
        for slot in m.slots:
            for g in slot.groups:
                for cell in g.cells:
                    ports[cell.port] = PortState(
                        cell.state,
                        cell.role,
                        m.fabric,
                        ", ".join(cell.cables),
                        " + ".join(cell.what),
                    )
        views.append(FaceplateView(m.name, m.fabric, fp, ports))
    return views


def add_physical(plan: CablingPlan, topo: Topology) -> CablingPlan:
    """The plan with its physical half (racks, walk-ordered runs, faceplates) filled in."""
    plan.physical = build_physical_plan(topo, plan.cables, plan.switches)
    return plan


def segment_labels(rows: list[CableRow], cables: list[Cable]) -> list[Label]:
    """Two labels per segment, in the cable list's (plan) order; one segment = the old pair."""
    by_id = {r.cable.id: r for r in rows}
    out: list[Label] = []
    for c in cables:
        fabric = c.fabric or "direct"
        row = by_id.get(c.id)
        if row is None or len(row.segments) == 1:
            out.append(Label(c.id, 1, c.a.text, c.a.wwpn, c.b.text, c.b.wwpn, fabric, c.role))
            out.append(Label(c.id, 2, c.b.text, c.b.wwpn, c.a.text, c.a.wwpn, fabric, c.role))
            continue
        segs = row.segments
        for s in segs:
            out.append(Label(s.id, 1, s.a, s.a_wwpn, s.b, s.b_wwpn, fabric, c.role))
            out.append(Label(s.id, 2, s.b, s.b_wwpn, s.a, s.a_wwpn, fabric, c.role))
    return out


__all__ = [
    "add_physical",
    "CableRow",
    "FaceplateView",
    "PhysicalPlan",
    "PortRole",
    "PortState",
    "RackCable",
    "RackItem",
    "RackView",
    "SegmentRow",
    "build_physical_plan",
    "segment_labels",
]
