"""Rack elevations and switch front panels as inline SVG (deterministic, no fonts fetched).

Why hand-written SVG: the two drawings are grids (rack units, port cages) whose geometry comes
from data; a few rectangles and text elements are all they need, they render the same in
every browser and in WeasyPrint, and the same plan gives the same bytes. A front panel whose
arrangement was not checked against the vendor's hardware guide says so in its title
("generic layout"): it is a drawing of the port numbers in the pack's default arrangement,
never claimed as the real faceplate.
"""

from __future__ import annotations

from html import escape

from .physical import FaceplateView, PortState, RackView
from .plan import ROLE_MARK, FabricInfo

FONT = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif"

# -- rack elevations ---------------------------------------------------------------------------
UNIT_H = 14
NUM_W = 24
FACE_W = 236
HEAD_H = 20


def _fit(text: str, width: float, size: float) -> str:
    chars = max(3, int(width / (size * 0.6)))
    return text if len(text) <= chars else text[: chars - 1] + "…"


def _n(x: float) -> str:
    """Numbers as SVG writes them: no trailing zeros, at most two decimals."""
    return f"{round(x, 2):g}"


def rack_svg(view: RackView, fabrics: dict[str, FabricInfo]) -> str:
    """A rack's front (and rear, when something is mounted there) with every item at its U."""
    faces = ["front", "rear"] if view.rear else ["front"]
    width = NUM_W + len(faces) * (FACE_W + 8)
    height = HEAD_H + view.height * UNIT_H + 6
    out = [
        f'<svg class="rack" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="rack {escape(view.name)}" font-family="{FONT}">'
    ]
    for fi, face in enumerate(faces):
        x0 = NUM_W + fi * (FACE_W + 8)
        out.append(
            f'<text x="{_n(x0 + FACE_W / 2)}" y="13" text-anchor="middle" font-size="10" '
            f'font-weight="bold">{escape(view.name)} {face}</text>'
            f'<rect x="{x0}" y="{HEAD_H}" width="{FACE_W}" height="{view.height * UNIT_H}" '
            f'fill="#fff" stroke="#000" stroke-width="1.4"/>'
        )
        for u in range(1, view.height + 1):
            y = HEAD_H + (view.height - u) * UNIT_H
            out.append(
                f'<line x1="{x0}" y1="{y}" x2="{x0 + FACE_W}" y2="{y}" stroke="#ddd" '
                f'stroke-width="0.5"/>'
            )
        for it in view.items:
            if not (it.full_depth or it.side == face):
                continue
            top = it.u + it.height - 1
            y = HEAD_H + (view.height - min(top, view.height)) * UNIT_H
            h = max(1, min(top, view.height) - it.u + 1) * UNIT_H
            fab = fabrics.get(it.fabric or "")
            fill = {"panel": "#e6e6e6", "switch": "#ffffff"}.get(it.kind, "#f3f6fb")
            stroke = fab.color if fab is not None else "#000"
            dash = f' stroke-dasharray="{fab.dash}"' if fab is not None and fab.dash else ""
            width_ = 2.4 if fab is not None else 1
            out.append(
                f'<rect x="{x0 + 2}" y="{_n(y + 1)}" width="{FACE_W - 4}" height="{_n(h - 2)}" '
                f'fill="{fill}" stroke="{stroke}" stroke-width="{width_}"{dash}/>'
            )
            label = it.name if fab is None else f"{it.name} [{fab.name}]"
            size = 8 if h < 2 * UNIT_H else 9
            if h < 2 * UNIT_H:
                text = _fit(f"{label} · {it.subtitle}", FACE_W - 10, size)
                out.append(
                    f'<text x="{x0 + 6}" y="{_n(y + h / 2 + 3)}" font-size="{size}">'
                    f"{escape(text)}</text>"
                )
            else:
                out.append(
                    f'<text x="{x0 + 6}" y="{_n(y + 12)}" font-size="{size}" font-weight="bold">'
                    f"{escape(_fit(label, FACE_W - 10, size))}</text>"
                    f'<text x="{x0 + 6}" y="{_n(y + 23)}" font-size="7.5">'
                    f"{escape(_fit(it.subtitle, FACE_W - 10, 7.5))}</text>"
                )
    for u in range(1, view.height + 1):
        y = HEAD_H + (view.height - u) * UNIT_H
        out.append(
            f'<text x="{NUM_W - 4}" y="{_n(y + UNIT_H / 2 + 3)}" text-anchor="end" '
            f'font-size="7">{u}</text>'
        )
    out.append("</svg>")
    return "".join(out)


# -- front panels ------------------------------------------------------------------------------
CELL_W, CELL_H = 20, 22
LANE_W = 15
GROUP_GAP, BLOCK_GAP, PAD = 6, 16, 8
SLOT_TITLE_W = 46


def _port_cell(
    x: float,
    y: float,
    w: float,
    number: int,
    state: PortState | None,
    fab: FabricInfo | None,
) -> str:
    """One port: number on top, role mark below; free white, used filled, ISL thick (no
    dashed strokes: they double the PDF's size)."""
    num = f'<text x="{_n(x + w / 2)}" y="{_n(y + 9)}" text-anchor="middle" font-size="7.5"'
    if state is None:  # on the panel, not in the inventory's port list: grey (no SVG pattern:
        # Chromium prints every pattern instance as its own tile, 70 s for a 16-switch plan)
        return (
            f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w - 2)}" height="{CELL_H - 2}" '
            f'fill="#e4e4e4" stroke="#999" stroke-width="0.6"/>'
            f'{num} fill="#777">{number}</text>'
        )
    if state.state == "free":
        return (
            f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w - 2)}" height="{CELL_H - 2}" '
            f'fill="#fff" stroke="#777" stroke-width="0.6"/>'
            f"{num}>{number}</text>"
        )
    color = fab.color if fab is not None else "#444"
    text = fab.text_color if fab is not None else "#fff"
    stroke, sw = "#000", 0.8
    if state.state == "isl":
        sw = 2.2
    if state.state == "conflict":
        color, text, stroke, sw = "#ffd8d8", "#000", "#c00", 1.6
    mark = ROLE_MARK.get(state.role, "?") if state.state != "conflict" else "!!"
    out = (
        f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w - 2)}" height="{CELL_H - 2}" '
        f'fill="{color}" stroke="{stroke}" stroke-width="{sw}"/>'
    )
    if state.role == "mirror":
        out += (
            f'<rect x="{_n(x + 2)}" y="{_n(y + 2)}" width="{_n(w - 6)}" height="{CELL_H - 6}" '
            f'fill="none" stroke="{text}" stroke-width="0.6"/>'
        )
    return (
        out
        + f'{num} fill="{text}" font-weight="bold">{number}</text>'
        + f'<text x="{_n(x + w / 2)}" y="{_n(y + 18)}" text-anchor="middle" font-size="6.5" '
        f'fill="{text}">{escape(mark)}</text>'
    )


def faceplate_svg(view: FaceplateView, fabrics: dict[str, FabricInfo]) -> str:
    """The switch's front panel (or its blades), every port where the pack puts it."""
    fp = view.faceplate
    fab = fabrics.get(view.fabric)
    body: list[str] = []
    y = PAD
    width = 0.0
    for panel in fp.panels:
        x = PAD + (SLOT_TITLE_W if panel.title else 0)
        rows = max((b.rows for b in panel.blocks), default=1)
        if panel.title:
            body.append(
                f'<text x="{PAD}" y="{_n(y + rows * CELL_H / 2 + 3)}" font-size="8" '
                f'font-weight="bold">{escape(panel.title)}</text>'
            )
        for block in panel.blocks:
            if block.lanes > 1:
                cage_w = block.lanes * LANE_W + 4
                for p in block.places:
                    assert p.cage is not None
                    cx = x + p.col * (cage_w + 4) + p.group * GROUP_GAP
                    cy = y + p.row * CELL_H
                    if p.lane == 0:
                        body.append(
                            f'<rect x="{_n(cx - 1)}" y="{_n(cy - 1)}" width="{_n(cage_w)}" '
                            f'height="{CELL_H}" fill="none" stroke="#000" stroke-width="0.9" '
                            f'rx="2"/>'
                        )
                    state = view.ports.get(p.name) if p.name is not None else None
                    body.append(
                        _port_cell(cx + 1 + p.lane * LANE_W, cy, LANE_W, p.number, state, fab)
                    )
                groups = max((p.group for p in block.places), default=0)
                bw = block.cols * (cage_w + 4) + groups * GROUP_GAP
            else:
                for p in block.places:
                    cx = x + p.col * CELL_W + p.group * GROUP_GAP
                    cy = y + p.row * CELL_H
                    state = view.ports.get(p.name) if p.name is not None else None
                    body.append(_port_cell(cx, cy, CELL_W, p.number, state, fab))
                bw = block.cols * CELL_W + max(0, block.groups - 1) * GROUP_GAP
            if block.cage:
                body.append(
                    f'<text x="{_n(x)}" y="{_n(y + block.rows * CELL_H + 8)}" font-size="6.5" '
                    f'fill="#444">{escape(block.cage)}'
                    f"{' · ' + str(block.speed) + 'G' if block.speed else ''}"
                    f"{' · ' + escape(block.note) if block.note else ''}</text>"
                )
            x += bw + BLOCK_GAP
        width = max(width, x)
        y += rows * CELL_H + 14
    if fp.extra:
        body.append(
            f'<text x="{PAD}" y="{_n(y + 4)}" font-size="7.5">not on the panel drawing: '
            f"{escape(', '.join(fp.extra))}</text>"
        )
        y += 12
    width = max(width, 240.0)
    height = y + PAD - 6
    return (
        f'<svg class="faceplate" viewBox="0 0 {_n(width)} {_n(height)}" width="{_n(width)}" '
        f'height="{_n(height)}" role="img" aria-label="front panel of {escape(view.switch)}" '
        f'font-family="{FONT}">'
        f'<rect x="0.5" y="0.5" width="{_n(width - 1)}" height="{_n(height - 1)}" '
        f'fill="#f7f7f7" stroke="#000" stroke-width="1"/>' + "".join(body) + "</svg>"
    )


def faceplate_title(view: FaceplateView) -> str:
    """What the drawing is: the model's checked layout, or the generic one."""
    fp = view.faceplate
    if fp.model_id is None:
        model = f"model {fp.model!r} not in the pack data" if fp.model else "no model given"
        return f"generic layout ({model}): port numbers in the pack's default arrangement"
    if not fp.verified:
        return (
            f"generic layout for {fp.model_id}: ports and cages from the pack data, the "
            "arrangement not checked against the vendor's hardware guide"
        )
    return f"{fp.model_id}: front panel as in the vendor's hardware guide"
