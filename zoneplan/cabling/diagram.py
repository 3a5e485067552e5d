"""The topology diagram: an inline SVG with a fixed three-column layout of our own.

Why not Graphviz: a SAN drawing has one shape that the reader expects every time: fabric A's
switches on the left, the devices in the middle, fabric B's switches on the right, the cluster
nodes next to each other with their mirror links between them. With ``dot`` that shape has to
be forced with rank and cluster constraints, and the output still moves between Graphviz
versions; here it is the layout itself, byte-for-byte reproducible, needs no system binary at
render time, and takes milliseconds for 500 hosts. The one thing ``dot`` would add, crossing
minimisation, is done the classic way for a layered graph: devices are ordered by the
barycentre of the switches they are cabled to, and the cable anchors on each box are ordered
by the position of the far end, so edges leave boxes without crossing.

Large sites stay readable because hosts are drawn one box each only up to
:data:`HOST_DETAIL_LIMIT`; beyond that they are grouped by the set of switches they are cabled
to ("63 hosts, esx001 … esx063"), the tables carry the detail. Fabrics are told apart by
colour *and* by line dash and fill pattern, so the drawing survives grey printing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html import escape
from typing import Callable

from .plan import CablingPlan, FabricInfo

#: Up to this many hosts are drawn one box each; more are grouped by the switches they use.
HOST_DETAIL_LIMIT = 24
#: When grouping by switch set still leaves more boxes than this, hosts group by fabric-A switch.
MAX_HOST_GROUPS = 24

SW_W, SW_H, SW_GAP = 184, 46, 22
DEV_W, DEV_H, DEV_GAP = 210, 40, 14
MIRROR_GAP = 58
COL_GAP = 160
MARGIN_X = 64
HEAD_H = 44
FONT = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif"


@dataclass
class _Box:
    key: str
    kind: str  #: switch, node, array, host, hosts
    title: str
    subtitle: str
    x: float = 0.0
    y: float = 0.0
    w: float = DEV_W
    h: float = DEV_H
    fabric: str | None = None
    links: Counter = field(default_factory=Counter)  #: switch → cables


def _fit(text: str, width: float, size: float) -> str:
    """Shorten text to fit ``width`` at font ``size`` (0.6 em per character, conservative)."""
    chars = max(3, int(width / (size * 0.6)))
    return text if len(text) <= chars else text[: chars - 1] + "…"


def _patterns(prefix: str, fabrics: list[FabricInfo], *, opacity: float = 1.0) -> str:
    """One fill pattern per fabric, in the fabric's colour: lines, dots, crosses, grid."""
    out = []
    for f in fabrics:
        c = f.color
        pid = f"{prefix}-pat{f.index}"
        if f.pattern == "hatch":
            body = (
                f'<path d="M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6" stroke="{c}" stroke-width="1.6" '
                f'opacity="{opacity}"/>'
            )
        elif f.pattern == "dots":
            body = f'<circle cx="4" cy="4" r="1.7" fill="{c}" opacity="{opacity}"/>'
        elif f.pattern == "cross":
            body = (
                f'<path d="M0,0 L8,8 M8,0 L0,8" stroke="{c}" stroke-width="1.2" '
                f'opacity="{opacity}"/>'
            )
        else:
            body = (
                f'<path d="M0,4 L8,4 M4,0 L4,8" stroke="{c}" stroke-width="1.2" '
                f'opacity="{opacity}"/>'
            )
        out.append(
            f'<pattern id="{pid}" width="8" height="8" patternUnits="userSpaceOnUse">{body}'
            "</pattern>"
        )
    return "".join(out)


def swatch_svg(fabric: FabricInfo, *, width: int = 72, height: int = 26) -> str:
    """The fabric's colour with its pattern and letter on top: tells fabrics apart in grey."""
    prefix = f"sw{fabric.index}"
    white = FabricInfo(**{**fabric.__dict__, "color": "#ffffff"})
    letter = escape(_fit(fabric.name, width - 8, 14))
    return (
        f'<svg class="swatch" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="fabric {escape(fabric.name)}">'
        f"<defs>{_patterns(prefix, [white], opacity=0.55)}</defs>"
        f'<rect x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" fill="{fabric.color}" '
        f'stroke="#000" stroke-width="1"/>'
        f'<rect x="1" y="1" width="{width - 2}" height="{height - 2}" '
        f'fill="url(#{prefix}-pat{fabric.index})"/>'
        f'<rect x="{width / 2 - 16}" y="4" width="32" height="{height - 8}" fill="#fff" '
        f'stroke="#000" stroke-width="0.8"/>'
        f'<text x="{width / 2}" y="{height / 2 + 5}" text-anchor="middle" font-size="14" '
        f'font-weight="bold" font-family="{FONT}" fill="#000">{letter}</text></svg>'
    )


def line_sample_svg(fabric: FabricInfo | None, *, width: int = 46) -> str:
    """A short line in the style the diagram uses for a fabric (or a mirror link for None)."""
    if fabric is None:
        body = (
            f'<line x1="2" y1="7" x2="{width - 2}" y2="7" stroke="#000" stroke-width="5"/>'
            f'<line x1="2" y1="7" x2="{width - 2}" y2="7" stroke="#fff" stroke-width="2"/>'
        )
    else:
        dash = f' stroke-dasharray="{fabric.dash}"' if fabric.dash else ""
        body = (
            f'<line x1="2" y1="7" x2="{width - 2}" y2="7" stroke="{fabric.color}" '
            f'stroke-width="2.4"{dash}/>'
        )
    return (
        f'<svg class="linesample" viewBox="0 0 {width} 14" width="{width}" height="14">{body}</svg>'
    )


def _device_boxes(plan: CablingPlan) -> tuple[list[_Box], list[tuple[str, str, str]]]:
    """Boxes for the middle column, in drawing order, and the direct links between them."""
    inv = plan.inventory
    links: dict[str, Counter] = defaultdict(Counter)
    ports: Counter = Counter()
    direct: list[tuple[str, str, str]] = []
    for c in plan.cables:
        if c.kind == "fabric":
            links[c.a.device][c.b.device] += 1
            ports[c.a.device] += 1
        elif c.kind == "direct":
            direct.append((c.a.device, c.b.device, c.id))

    cluster: list[_Box] = []
    placed: set[str] = set()
    arrays = {a.name: a for a in inv.arrays}

    def array_box(name: str) -> _Box:
        a = arrays[name]
        placed.add(name)
        sub = " ".join(x for x in (a.vendor, a.model) if x) or "FC array"
        return _Box(name, "array", name, f"array · {sub}", links=links[name])

    if inv.cluster is not None:
        nodes = inv.cluster.nodes
        for i, n in enumerate(nodes):
            box = _Box(n.name, "node", n.name, f"cluster node · {n.role}", h=DEV_H + 6)
            box.links = links[n.name]
            placed.add(n.name)
            if i == 0:
                if n.array in arrays:
                    cluster.append(array_box(n.array))
                cluster.append(box)
            else:
                cluster.append(box)
                if n.array in arrays and n.array not in placed:
                    cluster.append(array_box(n.array))
    rest = [array_box(a) for a in arrays if a not in placed]

    hosts = inv.hosts
    host_boxes: list[_Box] = []
    if len(hosts) <= HOST_DETAIL_LIMIT:
        for h in hosts:
            host_boxes.append(
                _Box(h.name, "host", h.name, f"host · {h.os.value}", links=links[h.name])
            )
    else:
        fabric_of = {m.name: m.fabric for m in plan.switches}
        first = plan.cover.fabrics[0].name if plan.cover.fabrics else ""

        def group(key_of: Callable[[str], tuple[str, ...]]) -> dict[tuple[str, ...], list[str]]:
            groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
            for h in hosts:
                groups[key_of(h.name)].append(h.name)
            return groups

        groups = group(lambda n: tuple(sorted(links[n])))
        if len(groups) > MAX_HOST_GROUPS:
            groups = group(lambda n: tuple(sorted(s for s in links[n] if fabric_of[s] == first)))
        for key, names in groups.items():
            total: Counter = Counter()
            for n in names:  # every switch the group uses, even when grouped by fabric A only
                total.update(links[n])
            n_ports = sum(ports[n] for n in names)
            title = f"{len(names)} hosts" if len(names) > 1 else names[0]
            span = f"{names[0]} … {names[-1]}" if len(names) > 1 else "host"
            host_boxes.append(
                _Box(
                    "hosts:" + ",".join(key),
                    "hosts",
                    title,
                    f"{span} · {n_ports} ports",
                    links=total,
                )
            )
    return cluster + rest + host_boxes, direct


def render_svg(plan: CablingPlan) -> str:
    """The whole diagram as an ``<svg>`` element (no XML prolog, no external references)."""
    fabrics = plan.cover.fabrics
    finfo = {f.name: f for f in fabrics}
    left_fabrics = [f.name for f in fabrics[0::2]]
    right_fabrics = [f.name for f in fabrics[1::2]]

    def column(names: list[str]) -> list[_Box]:
        boxes = []
        for fab in names:
            for m in plan.switches:
                if m.fabric == fab:
                    sub = " · ".join(x for x in (m.model, f"{m.total}p", f"{m.free} free") if x)
                    boxes.append(_Box(m.name, "switch", m.name, sub, w=SW_W, h=SW_H, fabric=fab))
        return boxes

    left, right = column(left_fabrics), column(right_fabrics)
    devices, direct = _device_boxes(plan)

    # barycentre ordering of the non-cluster devices (hosts and groups) by switch position
    pos = {b.key: i / max(1, len(left) - 1) for i, b in enumerate(left)}
    pos.update({b.key: i / max(1, len(right) - 1) for i, b in enumerate(right)})
    fixed = [b for b in devices if b.kind in ("node", "array")]
    movable = [b for b in devices if b.kind not in ("node", "array")]

    def bary(b: _Box) -> float:
        ws = [(pos[s], n) for s, n in b.links.items() if s in pos]
        total = sum(n for _, n in ws)
        return sum(p * n for p, n in ws) / total if total else 2.0

    movable.sort(key=lambda b: (bary(b), b.title))
    devices = fixed + movable

    # vertical placement
    adjacent_direct = set()
    for a, b, _ in direct:
        adjacent_direct.add(frozenset((a, b)))
    y = 0.0
    prev: _Box | None = None
    for b in devices:
        if prev is not None:
            pair = frozenset((prev.key, b.key))
            y += MIRROR_GAP if pair in adjacent_direct else DEV_GAP
        b.y = y
        y += b.h
        prev = b
    dev_h = y
    sw_h = max((len(c) * SW_H + (len(c) - 1) * SW_GAP for c in (left, right) if c), default=0)
    body_h = max(dev_h, sw_h, SW_H)
    top = HEAD_H + 16
    x_left = MARGIN_X
    x_dev = x_left + SW_W + COL_GAP
    x_right = x_dev + DEV_W + COL_GAP
    width = x_right + SW_W + MARGIN_X
    off = top + (body_h - dev_h) / 2
    for b in devices:
        b.x, b.y = x_dev, b.y + off
    for col, x in ((left, x_left), (right, x_right)):
        if not col:
            continue
        n = len(col)
        spread = body_h - SW_H
        step = spread / (n - 1) if n > 1 else 0
        step = min(step, SW_H + 3 * SW_GAP) if n > 1 else 0
        used = step * (n - 1) + SW_H
        start = top + (body_h - used) / 2
        for i, b in enumerate(col):
            b.x, b.y = x, start + i * step

    legend_y = top + body_h + 28
    height = legend_y + 40
    sw_by = {b.key: b for b in left + right}
    out: list[str] = []
    out.append(
        f'<svg class="topology" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'preserveAspectRatio="xMidYMin meet" role="img" aria-label="topology diagram" '
        f'font-family="{FONT}">'
    )
    out.append(f"<defs>{_patterns('tp', fabrics, opacity=0.9)}</defs>")

    # fabric bands and headings
    for names, x in ((left_fabrics, x_left), (right_fabrics, x_right)):
        col = [b for b in left + right if b.fabric in names]
        for fab in names:
            f = finfo[fab]
            members = [b for b in col if b.fabric == fab]
            if members:
                y0 = min(b.y for b in members) - 10
                y1 = max(b.y + b.h for b in members) + 10
            else:
                y0, y1 = top, top + SW_H
            out.append(
                f'<rect x="{x - 14}" y="{y0:.1f}" width="{SW_W + 28}" height="{y1 - y0:.1f}" '
                f'fill="url(#tp-pat{f.index})" opacity="0.22" stroke="none"/>'
            )
        head = " + ".join(names)
        fab0 = finfo[names[0]] if names else None
        if fab0 is not None:
            out.append(
                f'<rect x="{x - 14}" y="6" width="{SW_W + 28}" height="{HEAD_H - 8}" fill="#fff" '
                f'stroke="{fab0.color}" stroke-width="3"/>'
                f'<rect x="{x - 10}" y="10" width="{HEAD_H - 16}" height="{HEAD_H - 16}" '
                f'fill="url(#tp-pat{fab0.index})" stroke="{fab0.color}" stroke-width="1"/>'
                f'<text x="{x + SW_W / 2 + 8}" y="{6 + (HEAD_H - 8) / 2 + 6}" '
                f'text-anchor="middle" font-size="17" font-weight="bold">'
                f"{escape(_fit('FABRIC ' + head, SW_W - 20, 17))}</text>"
            )
    out.append(
        f'<text x="{x_dev + DEV_W / 2}" y="{6 + (HEAD_H - 8) / 2 + 6}" text-anchor="middle" '
        f'font-size="15" font-weight="bold">DEVICES</text>'
    )

    # device ↔ switch edges, anchors spread along each side in far-end order
    dev_side: dict[tuple[str, str], list[tuple[float, str]]] = defaultdict(list)
    sw_side: dict[str, list[tuple[float, str]]] = defaultdict(list)
    edges: list[tuple[_Box, _Box, int]] = []
    for d in devices:
        for s, n in d.links.items():
            sb = sw_by.get(s)
            if sb is None:
                continue
            side = "l" if sb.x < d.x else "r"
            dev_side[(d.key, side)].append((sb.y, s))
            sw_side[s].append((d.y, d.key))
            edges.append((d, sb, n))

    def anchor(items: list[tuple[float, str]], key: str, y0: float, h: float) -> float:
        ordered = sorted(items)
        i = [k for _, k in ordered].index(key)
        return y0 + h * (i + 1) / (len(ordered) + 1)

    for d, sb, n in edges:
        side = "l" if sb.x < d.x else "r"
        dy = anchor(dev_side[(d.key, side)], sb.key, d.y, d.h)
        sy = anchor(sw_side[sb.key], d.key, sb.y, sb.h)
        f = finfo.get(sb.fabric or "")
        color = f.color if f else "#555"
        dash = f' stroke-dasharray="{f.dash}"' if f and f.dash else ""
        width_px = 1.4 + min(2.6, (n - 1) * 0.25)
        if side == "l":
            x1, x2 = sb.x + sb.w, d.x
        else:
            x1, x2 = sb.x, d.x + d.w
        mid = (x1 + x2) / 2
        out.append(
            f'<path class="edge" data-from="{escape(d.key)}" data-to="{escape(sb.key)}" '
            f'd="M{x1:.1f},{sy:.1f} C{mid:.1f},{sy:.1f} {mid:.1f},{dy:.1f} {x2:.1f},{dy:.1f}" '
            f'fill="none" stroke="{color}" stroke-width="{width_px:.1f}"{dash}/>'
        )

    # ISLs: arcs on the outer side of each switch column
    isl_pairs: Counter = Counter()
    for c in plan.cables:
        if c.kind == "isl":
            isl_pairs[tuple(sorted((c.a.device, c.b.device)))] += 1
    for (sa, sb_name), n in sorted(isl_pairs.items()):
        a, b = sw_by.get(sa), sw_by.get(sb_name)
        if a is None or b is None:
            continue
        f = finfo.get(a.fabric or "")
        color = f.color if f else "#555"
        if a.x != b.x:  # an ISL between the two sides: merged fabrics, draw it plainly
            out.append(
                f'<line x1="{a.x + a.w / 2}" y1="{a.y + a.h / 2}" x2="{b.x + b.w / 2}" '
                f'y2="{b.y + b.h / 2}" stroke="#000" stroke-width="2" stroke-dasharray="1 3"/>'
            )
            continue
        outer_left = a.x == x_left
        xe = a.x if outer_left else a.x + a.w
        ya, yb = a.y + a.h / 2, b.y + b.h / 2
        bulge = min(MARGIN_X - 24, 14 + abs(yb - ya) / 12)
        xb = xe - bulge if outer_left else xe + bulge
        out.append(
            f'<path class="isl" d="M{xe},{ya:.1f} C{xb:.1f},{ya:.1f} {xb:.1f},{yb:.1f} {xe},{yb:.1f}" '
            f'fill="none" stroke="{color}" stroke-width="3.2"/>'
            f'<path d="M{xe},{ya:.1f} C{xb:.1f},{ya:.1f} {xb:.1f},{yb:.1f} {xe},{yb:.1f}" '
            f'fill="none" stroke="#fff" stroke-width="1"/>'
        )
        if n > 1:
            tx = xe - bulge * 0.75 - 3 if outer_left else xe + bulge * 0.75 + 3
            out.append(
                f'<text x="{tx:.1f}" y="{(ya + yb) / 2 + 4:.1f}" font-size="11" '
                f'text-anchor="{"end" if outer_left else "start"}">×{n}</text>'
            )

    # direct (mirror) links between devices
    dev_by = {b.key: b for b in devices}
    by_pair: dict[frozenset, list[str]] = defaultdict(list)
    for a, b, cid in direct:
        by_pair[frozenset((a, b))].append(cid)
    for pair, ids in by_pair.items():
        names = sorted(pair, key=lambda k: dev_by[k].y if k in dev_by else 0)
        if len(names) != 2 or names[0] not in dev_by or names[1] not in dev_by:
            continue
        upper, lower = dev_by[names[0]], dev_by[names[1]]
        k = len(ids)
        for i, cid in enumerate(ids):
            x = upper.x + upper.w * (i + 1) / (k + 1)
            y1, y2 = upper.y + upper.h, lower.y
            if lower.y - (upper.y + upper.h) > MIRROR_GAP + 1:  # not adjacent: curve around
                xo = upper.x + upper.w + 24 + 8 * i
                path = f"M{upper.x + upper.w},{upper.y + upper.h / 2} C{xo},{upper.y + upper.h / 2} {xo},{lower.y + lower.h / 2} {lower.x + lower.w},{lower.y + lower.h / 2}"
            else:
                path = f"M{x:.1f},{y1:.1f} L{x:.1f},{y2:.1f}"
            out.append(
                f'<path class="mirror" data-cable="{escape(cid)}" d="{path}" fill="none" '
                f'stroke="#000" stroke-width="5"/>'
                f'<path d="{path}" fill="none" stroke="#fff" stroke-width="2"/>'
            )
            if k <= 3:
                out.append(
                    f'<text x="{x + 6:.1f}" y="{(y1 + y2) / 2 + 4:.1f}" font-size="10">'
                    f"{escape(_fit(cid, upper.w / (k + 1) - 8, 10))}</text>"
                )
        if k > 3:
            out.append(
                f'<text x="{upper.x + upper.w + 6}" y="{upper.y + upper.h + 20}" font-size="10">'
                f"{k} mirror links</text>"
            )

    # boxes on top of the edges
    for b in left + right + devices:
        stroke, sw, fill = "#000", 1.2, "#ffffff"
        if b.kind == "switch":
            f = finfo.get(b.fabric or "")
            stroke, sw = (f.color if f else "#000"), 2.5
        elif b.kind == "node":
            sw, fill = 2.6, "#eef2f7"
        elif b.kind == "array":
            fill = "#f4f4f4"
        rx = 10 if b.kind == "array" else 3
        dash = ' stroke-dasharray="4 2"' if b.kind == "hosts" else ""
        out.append(
            f'<rect class="box {b.kind}" data-name="{escape(b.key)}" data-fabric="{escape(b.fabric or "")}" '
            f'x="{b.x:.1f}" y="{b.y:.1f}" width="{b.w}" height="{b.h}" rx="{rx}" '
            f'fill="{fill}" stroke="{stroke}" stroke-width="{sw}"{dash}/>'
        )
        out.append(
            f'<text x="{b.x + 8:.1f}" y="{b.y + 17:.1f}" font-size="13" font-weight="bold">'
            f"{escape(_fit(b.title, b.w - 14, 13))}</text>"
            f'<text x="{b.x + 8:.1f}" y="{b.y + b.h - 9:.1f}" font-size="10.5" fill="#222">'
            f"{escape(_fit(b.subtitle, b.w - 14, 10.5))}</text>"
        )

    # legend
    lx = x_left
    items: list[str] = []
    for f in fabrics:
        dash = f' stroke-dasharray="{f.dash}"' if f.dash else ""
        items.append(
            f'<line x1="0" y1="0" x2="40" y2="0" stroke="{f.color}" stroke-width="2.4"{dash}/>'
            f'<text x="46" y="4" font-size="11">fabric {escape(f.name)}</text>'
        )
    items.append(
        '<line x1="0" y1="0" x2="40" y2="0" stroke="#000" stroke-width="5"/>'
        '<line x1="0" y1="0" x2="40" y2="0" stroke="#fff" stroke-width="2"/>'
        '<text x="46" y="4" font-size="11">direct mirror link</text>'
    )
    items.append(
        '<path d="M20,-7 C10,-7 10,7 20,7" fill="none" stroke="#000" stroke-width="3.2"/>'
        '<path d="M20,-7 C10,-7 10,7 20,7" fill="none" stroke="#fff" stroke-width="1"/>'
        '<text x="46" y="4" font-size="11">ISL</text>'
    )
    step = (width - 2 * lx) / max(1, len(items))
    for i, item in enumerate(items):
        out.append(f'<g transform="translate({lx + i * step:.1f},{legend_y:.1f})">{item}</g>')
    out.append("</svg>")
    return "".join(out)
