"""A switch's front panel: where each port sits, from the vendor pack's ``faceplates.yaml``.

Why computed here and not in the drawing: the rules need the same facts as the picture (the
fastest speed a port takes, the rack units a switch needs), and the picture must show the
ports where the technician finds them. Known models get their blocks (SFP ports, QSFP or
SFP-DD cages, a second LEM); unknown models and director blades get the pack's default, and
:attr:`Faceplate.verified` says whether the arrangement was checked against the vendor's
hardware guide (the drawing is labelled "generic layout" when it was not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Switch
from ..packs import FaceplateModel, PortBlock, VendorPack, VendorPackError, pack_for


@dataclass(frozen=True)
class PortPlace:
    """One port on the panel: its switch port name, the number printed beside it, where."""

    name: str | None  #: switch port name as the inventory uses it; None: not in the inventory
    number: int
    row: int
    col: int  #: column inside its block, counting every column
    group: int  #: visual group (a gap is drawn between groups)
    cage: int | None = None  #: multi-lane cage index (QSFP, SFP-DD), None for single ports
    lane: int = 0


@dataclass(frozen=True)
class Block:
    """A block of ports drawn together."""

    cage: str
    speed: int | None
    rows: int
    cols: int
    groups: int
    lanes: int
    note: str
    places: list[PortPlace]


@dataclass(frozen=True)
class Panel:
    """A fixed switch's front panel, or one director blade (``title`` = ``slot 3``)."""

    title: str
    blocks: list[Block]


@dataclass
class Faceplate:
    """Everything needed to draw a switch and to ask for a port's speed."""

    switch: str
    model: str
    model_id: str | None  #: the pack entry, None for the default drawing
    verified: bool  #: the arrangement was checked against the hardware guide
    height: int  #: rack units
    chassis: bool
    panels: list[Panel]
    extra: list[str] = field(default_factory=list)  #: inventory ports the drawing has no place for
    _speed: dict[str, int | None] = field(default_factory=dict, repr=False)

    def speed(self, port: str) -> int | None:
        """The fastest speed (Gb/s) of the block a port sits in; None when unknown."""
        return self._speed.get(port)


_NUM = re.compile(r"(\d+)$")


def port_number(name: str) -> tuple[int | None, int | None]:
    """``3/12`` → (3, 12), ``fc1/9`` → (1, 9), ``8`` → (None, 8); (None, None) if no number."""
    parts = name.split("/")
    m = _NUM.search(parts[-1])
    if not m:
        return None, None
    slot = None
    if len(parts) > 1:
        s = _NUM.search(parts[0])
        slot = int(s.group(1)) if s else None
    return slot, int(m.group(1))


def _pack(vendor: str | None) -> VendorPack | None:
    """The vendor's pack; None for no vendor or one without a pack (a ZP0xx finding)."""
    if vendor is None:
        return None
    try:
        return pack_for(vendor)
    except VendorPackError:
        return None


def lookup(switch: Switch, vendor: str | None) -> FaceplateModel | None:
    """The pack's entry for a switch's model, None when the model is not listed."""
    if not switch.model:
        return None
    data = _pack(vendor)
    faceplates = data.faceplates if data is not None else None
    return faceplates.lookup(switch.model) if faceplates is not None else None


def switch_height(switch: Switch, vendor: str | None) -> int:
    """Rack units: the inventory's ``location.height``, else the model's, else 1."""
    if switch.location is not None and switch.location.height:
        return switch.location.height
    entry = lookup(switch, vendor)
    return entry.height if entry is not None else 1


def _is_named(pack: VendorPack | None, name: str, number: int, slot: int | None) -> bool:
    """True when ``name`` is what the pack calls port ``number`` (of ``slot``): ``8``,
    ``3/12``, ``fc1/9``; a port-channel or a GE port is not an FC port of the panel."""
    if pack is None:
        return name == (str(number) if slot is None else f"{slot}/{number}")
    p = pack.manifest.ports
    if slot is None:
        return name == p.format.format(port=number)
    return name == p.slot_format.format(slot=slot, port=number)


def _place_block(spec: PortBlock, first: int, count: int, by_number: dict[int, str]) -> Block:
    places: list[PortPlace] = []
    rows = max(1, spec.rows)
    cpg = max(1, spec.columns_per_group)
    if spec.order == "cage":
        lanes = spec.lanes
        cages = -(-count // lanes)
        per_row = -(-cages // rows)
        for i in range(count):
            k, lane = divmod(i, lanes)
            r, c = divmod(k, per_row)
            n = first + i
            places.append(PortPlace(by_number.get(n), n, r, c, c // cpg, k, lane))
        cols = per_row
    elif spec.order == "column-major":
        for i in range(count):
            c, r = divmod(i, rows)
            n = first + i
            places.append(PortPlace(by_number.get(n), n, r, c, c // cpg))
        cols = -(-count // rows)
    else:  # row-major-per-group
        size = rows * cpg
        for i in range(count):
            g, within = divmod(i, size)
            r, c = divmod(within, cpg)
            n = first + i
            places.append(PortPlace(by_number.get(n), n, r, g * cpg + c, g))
        cols = -(-count // size) * cpg if count >= size else min(count, cpg)
    groups = max(p.group for p in places) + 1 if places else 0
    return Block(spec.cage, spec.speed, rows, cols, groups, spec.lanes, spec.note, places)


def build_faceplate(switch: Switch, vendor: str | None, ports: list[str]) -> Faceplate:
    """Lay out ``ports`` (the switch's port names, front-panel order) on the model's panel."""
    entry = lookup(switch, vendor)
    pack = _pack(vendor)
    data = pack.faceplates if pack is not None else None
    height = switch_height(switch, vendor)
    panels: list[Panel] = []
    speed: dict[str, int | None] = {}
    placed: set[str] = set()
    chassis = bool(switch.slots) or (entry is not None and entry.kind == "chassis")

    if switch.slots or chassis:
        blade = data.default.blade if data is not None else [PortBlock()]
        by_slot: dict[int, dict[int, str]] = {}
        for name in ports:
            slot, number = port_number(name)
            if slot is not None and number is not None and _is_named(pack, name, number, slot):
                by_slot.setdefault(slot, {})[number] = name
        first = pack.manifest.ports.slot_first if pack is not None else 0
        for slot in sorted(switch.slots or by_slot):
            numbers = by_slot.get(slot, {})
            count = (switch.slots or {}).get(slot) or (max(numbers) - first + 1 if numbers else 0)
            blocks = _blocks(blade, first, count, numbers)
            panels.append(Panel(f"slot {slot}", blocks))
            placed.update(numbers.values())
    else:
        by_number: dict[int, str] = {}
        for name in ports:
            _slot, number = port_number(name)
            if number is not None and _is_named(pack, name, number, None):
                by_number.setdefault(number, name)
        if entry is not None and entry.blocks:
            specs = entry.blocks
            first = specs[0].first if specs[0].first is not None else 0
            count = entry.ports or len(ports)
        else:
            specs = data.default.blocks if data is not None else [PortBlock()]
            first = pack.manifest.ports.first if pack is not None else 0
            count = max(len(ports), (max(by_number) - first + 1) if by_number else 0)
        blocks = _blocks(specs, first, count, by_number)
        panels.append(Panel("", blocks))
        placed.update(p.name for b in blocks for p in b.places if p.name is not None)
        for b in blocks:
            for p in b.places:
                if p.name is not None:
                    speed[p.name] = b.speed
    if chassis:
        for panel in panels:
            for b in panel.blocks:
                for p in b.places:
                    if p.name is not None:
                        speed[p.name] = b.speed
    extra = [p for p in ports if p not in placed]
    return Faceplate(
        switch.name,
        switch.model,
        entry.id if entry is not None else None,
        bool(entry is not None and entry.layout_verified),
        height,
        chassis,
        panels,
        extra,
        speed,
    )


def _blocks(
    specs: list[PortBlock], first: int, count: int, by_number: dict[int, str]
) -> list[Block]:
    """Cut ``count`` ports from ``first`` on into the blocks ``specs`` describe (a block
    without ``first``/``count`` continues where the last ended and takes the rest).
    """
    out: list[Block] = []
    n, end = first, first + count
    for spec in specs:
        start = spec.first if spec.first is not None else n
        size = spec.count if spec.count is not None else end - start
        if size <= 0:
            continue
        out.append(_place_block(spec, start, size, by_number))
        n = start + size
    return out
