"""Topology → cabling plan: every physical cable once, with a stable ID and both ends.

Why a separate data layer: the HTML page, the PDF, the label CSV and the tests all read the
same rows, so a cable cannot appear on the page but be missing from the labels. Everything is
derived from the :class:`~zoneplan.topology.Topology` (cables as the admin declared them), and
nothing reads the clock or the file system: the caller passes the date and the inventory bytes.

Cable IDs: the inventory's ``cable:`` when given; otherwise made from where the cable plugs in
(``A-sw-a1-08`` for the HBA cable in port 8 of sw-a1 on fabric A, ``ISL-sw-a1-46`` for an ISL,
``MIR-san1-hba1-p0`` for a direct link). A generated ID depends only on its own cable's
position, so adding a host does not renumber anyone else's labels, and it never takes an ID
that the inventory gives to another cable (it gets a ``-2`` suffix instead).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Callable, Iterable

from ..model import Inventory, PortRole
from ..physical.tables import color_table
from ..topology import PortRef, Topology

if TYPE_CHECKING:
    from .physical import PhysicalPlan

#: Roles a cable can have; ``isl`` for switch-to-switch links.
ROLES = ("initiator", "target", "mirror", "backend", "isl")
#: One-letter marks printed in the port maps (also readable without colour).
ROLE_MARK = {
    "initiator": "I",
    "target": "T",
    "mirror": "M",
    "backend": "B",
    "isl": "ISL",
    "": "?",
}
#: Fallback colours for fabrics without ``color:`` (blue, red, green, ochre).
DEFAULT_COLORS = ("#1f6feb", "#d1242f", "#1a7f37", "#9a6700")
#: Fill patterns and line dashes per fabric index: A and B differ in grey print too.
PATTERNS = ("hatch", "dots", "cross", "grid")
DASHES = ("", "7 4", "2 3", "10 3 2 3")
#: Ports per front-panel group on fixed-port switches.
GROUP_SIZE = 8


@dataclass(frozen=True)
class End:
    """One end of a cable: an HBA/controller port (with WWPN) or a switch port."""

    kind: str  #: host, node, array or switch
    device: str  #: device or switch name
    adapter: str = ""  #: HBA / controller name; empty for a switch
    port: str = ""
    wwpn: str = ""  #: empty for a switch port

    @property
    def text(self) -> str:
        """How the end is written on labels and in tables."""
        if self.kind == "switch":
            return f"{self.device} port {self.port}"
        return f"{self.device}/{self.adapter}/{self.port}"


@dataclass(frozen=True)
class Cable:
    """One physical cable (never one row per end)."""

    id: str
    given: bool  #: True when the ID comes from the inventory's ``cable:``
    role: str  #: one of :data:`ROLES`, or "" when a node port has no role
    fabric: str | None  #: None for direct links between two devices
    a: End  #: the device end (or, for ISLs, the lower switch port)
    b: End  #: the switch end, the peer device port, or the other switch port
    speed: int | None = None

    @property
    def kind(self) -> str:
        """``fabric`` (device↔switch), ``direct`` (device↔device) or ``isl``."""
        if self.role == "isl":
            return "isl"
        return "direct" if self.b.kind != "switch" else "fabric"


@dataclass(frozen=True)
class Label:
    """One printed label: each cable gets two, one for each end, naming the far end."""

    cable: str
    end: int  #: 1 or 2
    here: str
    here_wwpn: str
    there: str
    there_wwpn: str
    fabric: str
    role: str


@dataclass(frozen=True)
class FabricInfo:
    """A fabric as printed: colour plus a pattern, dash and letter so grey print still tells."""

    name: str
    index: int
    vendor: str
    vsan: int | None
    description: str
    color: str
    text_color: str  #: black or white, whichever reads on :attr:`color`
    pattern: str
    dash: str
    switches: int = 0
    cables: int = 0


@dataclass(frozen=True)
class PortRow:
    """One FC port of a device in its port table."""

    adapter: str
    adapter_model: str
    port: str
    wwpn: str
    role: str
    fabric: str | None
    far: End | None  #: None when the port is not cabled
    cable: str | None
    speed: int | None


@dataclass(frozen=True)
class DeviceTable:
    """A host, cluster node or array with its ports."""

    kind: str
    name: str
    summary: str  #: OS and version, node role, or array vendor/model
    rows: list[PortRow]
    adapters: str = ""  #: adapter models, e.g. "hba0 qlogic QLE2692"


@dataclass(frozen=True)
class SwitchPortCell:
    """One port in a switch's front-panel map."""

    port: str
    state: str  #: free, used, isl or conflict
    role: str  #: cable role, or "" for a free port
    what: list[str]  #: what is plugged in (device/adapter/port or ``ISL → sw port``)
    cables: list[str]

    @property
    def mark(self) -> str:
        return "" if self.state == "free" else ROLE_MARK.get(self.role, "?")


@dataclass(frozen=True)
class PortGroup:
    """Ports printed together: a group of 8 on a fixed switch, or part of a director slot."""

    title: str
    cells: list[SwitchPortCell]

    @property
    def all_free(self) -> bool:
        """Printed as one line ("ports 9/0 – 9/7: all 8 free") to save paper."""
        return all(c.state == "free" for c in self.cells)


@dataclass(frozen=True)
class SlotBlock:
    """A director slot (or the whole front panel of a fixed switch, titled "")."""

    title: str
    groups: list[PortGroup]


@dataclass(frozen=True)
class SwitchMap:
    """A switch laid out like its front panel."""

    name: str
    fabric: str
    model: str
    location: str
    domain_id: int | None  #: None in Access Gateway / NPV mode
    mgmt: str
    director: bool
    slots: list[SlotBlock]
    total: int
    used: int
    free: int
    isl: int
    port_count_known: bool


@dataclass(frozen=True)
class Cover:
    """The first page: what this plan is for and which inventory it was made from."""

    name: str
    site: str
    description: str
    date: str
    sha256: str
    source: str
    fabrics: list[FabricInfo]
    counts: list[tuple[str, int]]


@dataclass
class CablingPlan:
    """Everything the printers need, in print order."""

    inventory: Inventory
    cover: Cover
    cables: list[Cable]
    devices: list[DeviceTable]
    switches: list[SwitchMap]
    notes: list[str] = field(default_factory=list)
    #: racks, cable runs in walk order, front panels (:mod:`zoneplan.cabling.physical`)
    physical: PhysicalPlan | None = None

    @property
    def fabrics(self) -> dict[str, FabricInfo]:
        return {f.name: f for f in self.cover.fabrics}

    def labels(self) -> list[Label]:
        """Two labels per cable (per segment of a patched run), in cable-list order."""
        if self.physical is not None:
            return self.physical.labels(self.cables)
        out: list[Label] = []
        for c in self.cables:
            fabric = c.fabric or "direct"
            out.append(Label(c.id, 1, c.a.text, c.a.wwpn, c.b.text, c.b.wwpn, fabric, c.role))
            out.append(Label(c.id, 2, c.b.text, c.b.wwpn, c.a.text, c.a.wwpn, fabric, c.role))
        return out


# -- helpers ----------------------------------------------------------------------------------
def _natural(text: str) -> tuple:
    """Sort key that puts port 9 before port 10."""
    return tuple(int(p) if p.isdecimal() else p for p in re.split(r"(\d+)", text))


def port_slug(port: str) -> str:
    """``8`` → ``08``, ``fc1/9`` → ``fc1-09``, ``3/12`` → ``3-12``: ID-safe and sortable."""
    parts = port.split("/")
    last = parts[-1]
    m = re.match(r"^(.*?)(\d+)$", last)
    if m:
        parts[-1] = f"{m.group(1)}{int(m.group(2)):02d}"
    return "-".join(parts)


def _text_color(hex_color: str) -> str:
    r, g, b = (int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#000000" if luminance > 0.5 else "#ffffff"


def _role(ref: PortRef) -> str:
    return ref.role.value if isinstance(ref.role, PortRole) else ""


def _end(ref: PortRef) -> End:
    return End(ref.kind, ref.device, ref.adapter, ref.port.name, ref.wwpn)


# -- building ---------------------------------------------------------------------------------
@dataclass
class _Draft:
    """A cable before its ID is settled."""

    given: str | None
    base: str
    role: str
    fabric: str | None
    a: End
    b: End
    speed: int | None
    order: tuple


def _drafts(topo: Topology, notes: list[str]) -> list[_Draft]:
    inv = topo.inventory
    fabric_index = {f.name: i for i, f in enumerate(inv.fabrics)}
    switch_index = {name: i for i, name in enumerate(topo.switches)}

    position = {s: {p: i for i, p in enumerate(ps)} for s, ps in topo.switch_ports.items()}

    def port_index(switch: str, port: str) -> tuple:
        """Front-panel position; ports the switch does not list go last, in natural order."""
        known = position.get(switch, {})
        return (known[port],) if port in known else (len(known), _natural(port))

    def fabric_key(fabric: str | None) -> int:
        return fabric_index.get(fabric, len(fabric_index)) if fabric else len(fabric_index) + 1

    drafts: list[_Draft] = []
    for ref in topo.ports:
        sp = topo.cabled_to.get(ref.ref)
        if sp is None or ref.port.npiv:  # an NPIV port rides the cable of its physical port
            continue
        switch, port = sp
        fabric = topo.switch_fabric.get(switch)
        drafts.append(
            _Draft(
                ref.port.cable.id if ref.port.cable else None,
                f"{fabric}-{switch}-{port_slug(port)}",
                _role(ref),
                fabric,
                _end(ref),
                End("switch", switch, "", port),
                ref.port.speed,
                (fabric_key(fabric), 0, switch_index.get(switch, 0), port_index(switch, port)),
            )
        )
    for ii, isl in enumerate(inv.isls):
        ends = []
        for side in (isl.a, isl.b):
            sw, _, port = side.partition(":")
            ends.append((switch_index.get(sw, len(switch_index)), port_index(sw, port), sw, port))
        if not all(e[2] in topo.switches for e in ends):
            continue  # dangling: ZP103 already reported it
        lo, hi = sorted(ends)
        fabric = topo.switch_fabric.get(lo[2])
        drafts.append(
            _Draft(
                isl.cable.id if isl.cable else None,
                f"ISL-{lo[2]}-{port_slug(lo[3])}",
                "isl",
                fabric,
                End("switch", lo[2], "", lo[3]),
                End("switch", hi[2], "", hi[3]),
                None,
                (fabric_key(fabric), 1, lo[0], lo[1], ii),
            )
        )
    seen: set[frozenset[str]] = set()
    for ref_name, peer_name in topo.direct.items():
        pair = frozenset((ref_name, peer_name))
        if pair in seen:
            continue
        seen.add(pair)
        x, y = sorted((topo.by_ref[ref_name], topo.by_ref[peer_name]), key=lambda r: r.ref)
        xid = x.port.cable.id if x.port.cable else None
        yid = y.port.cable.id if y.port.cable else None
        given = xid or yid
        if xid and yid and xid != yid:
            notes.append(
                f"direct link {x.ref} - {y.ref}: the two ends name different cables "
                f"({xid}, {yid}); printed as {xid}"
            )
        role = "mirror" if PortRole.MIRROR in (x.role, y.role) else _role(x)
        drafts.append(
            _Draft(
                given,
                f"MIR-{x.device}-{x.adapter}-{x.port.name}"
                if role == "mirror"
                else f"DIR-{x.device}-{x.adapter}-{x.port.name}",
                role,
                None,
                _end(x),
                _end(y),
                x.port.speed or y.port.speed,
                (fabric_key(None), 2, x.ref),
            )
        )
    drafts.sort(key=lambda d: d.order)
    return drafts


def _assign_ids(drafts: list[_Draft], notes: list[str]) -> list[Cable]:
    """Settle IDs: given ones first (kept unless given twice), then generated ones around them."""
    given_all = {d.given for d in drafts if d.given}
    used: set[str] = set()
    ids: dict[int, str] = {}
    dup = Counter(d.given for d in drafts if d.given)
    for i, d in enumerate(drafts):
        if d.given:
            cid = d.given
            n = 2
            while cid in used:
                cid = f"{d.given}-{n}"
                n += 1
            if cid != d.given:
                notes.append(
                    f"cable ID {d.given} is given to {dup[d.given]} cables in the inventory; "
                    f"{d.a.text} - {d.b.text} is printed as {cid}: give each cable its own ID"
                )
            used.add(cid)
            ids[i] = cid
    for i, d in enumerate(drafts):
        if d.given:
            continue
        cid = d.base
        n = 2
        while cid in used or cid in given_all:
            cid = f"{d.base}-{n}"
            n += 1
        used.add(cid)
        ids[i] = cid
    return [
        Cable(ids[i], bool(d.given), d.role, d.fabric, d.a, d.b, d.speed)
        for i, d in enumerate(drafts)
    ]


def _device_tables(topo: Topology, by_port: dict[str, Cable]) -> list[DeviceTable]:
    inv = topo.inventory
    tables: list[DeviceTable] = []
    ports_of: dict[tuple[str, str], list[PortRef]] = {}
    for ref in topo.ports:  # one pass, not Topology.device_ports() per device
        ports_of.setdefault((ref.kind, ref.device), []).append(ref)
    for kind, name, _i, device, adapters in inv.devices():
        if kind == "host":
            summary = " ".join(x for x in (device.os.value, device.os_version) if x)  # type: ignore[attr-defined]
        elif kind == "node":
            array = f", backend array {device.array}" if device.array else ""  # type: ignore[attr-defined]
            summary = f"cluster node, {device.role}{array}"  # type: ignore[attr-defined]
        else:
            summary = " ".join(x for x in (device.vendor, device.model) if x)  # type: ignore[attr-defined]
        rows: list[PortRow] = []
        for ref in ports_of.get((kind, name), []):
            cable = by_port.get(ref.ref)
            far: End | None = None
            if cable is not None:
                far = cable.b if cable.a.text == ref.ref else cable.a
            rows.append(
                PortRow(
                    ref.adapter,
                    " ".join(x for x in (ref.hba.vendor, ref.hba.model) if x),
                    ref.port.name,
                    ref.wwpn,
                    _role(ref),
                    cable.fabric if cable else None,
                    far,
                    cable.id if cable else None,
                    ref.port.speed,
                )
            )
        models = "; ".join(
            f"{a.name} {' '.join(x for x in (a.vendor, a.model) if x)}"
            for a in adapters
            if a.vendor or a.model
        )
        tables.append(DeviceTable(kind, name, summary, rows, models))
    return tables


def _switch_maps(topo: Topology, cables: list[Cable]) -> list[SwitchMap]:
    at: dict[tuple[str, str], list[tuple[Cable, End]]] = {}
    for c in cables:
        if c.a.kind == "switch":
            at.setdefault((c.a.device, c.a.port), []).append((c, c.b))
        if c.b.kind == "switch":
            at.setdefault((c.b.device, c.b.port), []).append((c, c.a))
    used_by_switch: dict[str, set[str]] = {}
    for s, p in at:
        used_by_switch.setdefault(s, set()).add(p)
    maps: list[SwitchMap] = []
    for name, sw in topo.switches.items():
        known = list(topo.switch_ports.get(name, []))
        known_set = set(known)
        extra = sorted(used_by_switch.get(name, set()) - known_set, key=_natural)
        names = known + extra

        def cell(port: str, switch: str = name) -> SwitchPortCell:
            plugged = at.get((switch, port), [])
            if not plugged:
                return SwitchPortCell(port, "free", "", [], [])
            roles = {c.role for c, _ in plugged}
            what = [
                f"→ {far.device} port {far.port}" if c.role == "isl" else far.text
                for c, far in plugged
            ]
            if len(plugged) > 1:
                state = "conflict"
            else:
                state = "isl" if "isl" in roles else "used"
            role = plugged[0][0].role if len(roles) == 1 else ""
            return SwitchPortCell(port, state, role, what, [c.id for c, _ in plugged])

        slots: list[SlotBlock] = []
        if sw.slots and len(known) == sum(sw.slots.values()):
            start = 0
            for slot in sorted(sw.slots):
                chunk = known[start : start + sw.slots[slot]]
                start += sw.slots[slot]
                slots.append(SlotBlock(f"slot {slot}", _groups(chunk, cell)))
            if extra:
                slots.append(SlotBlock("other ports", _groups(extra, cell)))
        else:
            slots.append(SlotBlock("", _groups(names, cell)))
        cells = [c for s in slots for g in s.groups for c in g.cells]
        maps.append(
            SwitchMap(
                name,
                sw.fabric,
                sw.model,
                sw.location.text if sw.location else "",
                sw.domain_id,
                sw.mgmt or "",
                sw.director or bool(sw.slots),
                slots,
                total=len(cells),
                used=sum(1 for c in cells if c.state in ("used", "conflict")),
                free=sum(1 for c in cells if c.state == "free"),
                isl=sum(1 for c in cells if c.state == "isl"),
                port_count_known=bool(known),
            )
        )
    return maps


def _groups(ports: list[str], cell: Callable[[str], SwitchPortCell]) -> list[PortGroup]:
    groups = []
    for i in range(0, len(ports), GROUP_SIZE):
        chunk = ports[i : i + GROUP_SIZE]
        title = chunk[0] if len(chunk) == 1 else f"{chunk[0]} – {chunk[-1]}"
        groups.append(PortGroup(title, [cell(p) for p in chunk]))
    return groups


def build_plan(
    topology: Topology,
    *,
    generated: date | str,
    source: bytes = b"",
    source_name: str = "",
) -> CablingPlan:
    """Build the plan. ``generated`` is printed as the date; ``source`` (the inventory file's
    bytes) is hashed onto the cover so a printed plan can be matched to the file it came from.
    """
    topo = topology
    inv = topo.inventory
    notes: list[str] = []
    cables = _assign_ids(_drafts(topo, notes), notes)
    by_port: dict[str, Cable] = {}
    for c in cables:
        for end in (c.a, c.b):
            if end.kind != "switch":
                by_port[f"{end.device}/{end.adapter}/{end.port}"] = c

    fabrics: list[FabricInfo] = []
    for i, f in enumerate(inv.fabrics):
        named = color_table().hex(f.color) if f.color else None  # None: unknown name (ZP912)
        color = (named or DEFAULT_COLORS[i % len(DEFAULT_COLORS)]).lower()
        fabrics.append(
            FabricInfo(
                f.name,
                i,
                f.vendor,
                f.vsan,
                f.description,
                color,
                _text_color(color),
                PATTERNS[i % len(PATTERNS)],
                DASHES[i % len(DASHES)],
                switches=sum(1 for s in topo.switch_fabric.values() if s == f.name),
                cables=sum(1 for c in cables if c.fabric == f.name),
            )
        )
    switches = _switch_maps(topo, cables)
    uncabled = sum(1 for p in topo.ports if p.ref not in by_port)
    if uncabled:
        notes.append(
            f"{uncabled} FC port(s) are not cabled in the inventory (marked in the tables)"
        )
    role_counts = Counter(c.role for c in cables)
    counts: list[tuple[str, int]] = [
        ("cluster nodes", len(inv.cluster.nodes) if inv.cluster else 0),
        ("arrays", len(inv.arrays)),
        ("hosts", len(inv.hosts)),
        ("switches", len(topo.switches)),
        ("device FC ports", len(topo.ports)),
        ("cables", len(cables)),
        ("initiator cables", role_counts["initiator"]),
        ("target cables", role_counts["target"]),
        ("backend cables", role_counts["backend"]),
        ("mirror cables", role_counts["mirror"]),
        ("ISLs", role_counts["isl"]),
        ("switch ports", sum(s.total for s in switches)),
        ("free switch ports", sum(s.free for s in switches)),
    ]
    cover = Cover(
        inv.name,
        inv.site,
        inv.description,
        generated.isoformat() if isinstance(generated, date) else str(generated),
        hashlib.sha256(source).hexdigest() if source else "",
        source_name,
        fabrics,
        counts,
    )
    return CablingPlan(inv, cover, cables, _device_tables(topo, by_port), switches, notes)


def cable_ids(cables: Iterable[Cable]) -> list[str]:
    """The IDs, in order (a convenience for tests and scripts)."""
    return [c.id for c in cables]
