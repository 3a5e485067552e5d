"""Label sheets: every cable label laid out on a sheet of die-cut labels, as HTML for the PDF.

Why HTML positioned in millimetres: the page, the label grid and each label's printable box
come from the stock's data (``zoneplan/physical/data/labels.yaml``, gLabels geometry), and both
PDF engines place absolutely positioned boxes to the tenth of a millimetre, so the print lands
on the die-cut labels. Each label carries the cable ID, the fabric letter (and a bar in the
fabric's colour), this end and the far end (TIA-606: "Labels should include the rack or
cabinet identifier, equipment or patch panel identifier, and port number"), in a font size
fitted to the label; a flag stock (folded round the cord) gets the text on both halves.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..physical.tables import LabelStock, label_table
from .plan import FabricInfo, Label

#: widest average glyph width of DejaVu Sans in em (the first line is bold), points per mm
GLYPH_EM = 0.68
PT_PER_MM = 72 / 25.4
MAX_PT, MIN_PT = 8.0, 3.5


def stock(key: str | None = None) -> LabelStock:
    """A label stock by key (``avery-l8658``), the default one without a key."""
    table = label_table()
    name = key or table.default
    if name not in table.stocks:
        raise ValueError(f"unknown label stock {name!r}; use one of {', '.join(table.stocks)}")
    return table.stocks[name]


def _fit(lines: list[str], width_mm: float, height_mm: float) -> tuple[float, bool]:
    """The largest font size (pt) at which every line fits the width and all lines the
    height, and whether they fit at all (False: even the smallest size needs wrapping beyond
    the label's height)."""
    longest = max((len(x) for x in lines), default=1) or 1
    by_width = width_mm * PT_PER_MM / (longest * GLYPH_EM)
    by_height = height_mm * PT_PER_MM / (len(lines) * LINE)
    size = round(max(MIN_PT, min(MAX_PT, by_width, by_height)), 2)
    if by_width >= MIN_PT and by_height >= MIN_PT:
        return size, True
    per_line = max(1, int(width_mm * PT_PER_MM / (MIN_PT * GLYPH_EM)))
    wrapped = sum(-(-len(x) // per_line) for x in lines)
    return MIN_PT, wrapped * MIN_PT * LINE <= height_mm * PT_PER_MM


LINE = 1.18  #: line height in em
#: flag labels: the strip in the middle that wraps round the cord, kept free of text
FOLD_MM = 6.0


def _label_lines(label: Label) -> list[str]:
    return [f"{label.cable} · {label.fabric}", label.here, f"→ {label.there}"]


@dataclass
class LabelSheets:
    """The sheets as HTML, and the labels whose text does not fit the stock's labels."""

    html: str
    stock: LabelStock
    sheets: int
    too_long: list[str]  #: cable IDs (with the end) that need a larger label stock


def render_label_sheets(
    labels: list[Label],
    fabrics: dict[str, FabricInfo],
    stock_key: str | None = None,
    *,
    title: str = "zoneplan cable labels",
    outline: bool = False,
) -> LabelSheets:
    """Self-contained HTML: one page per sheet, each label at its place on the stock.

    Text that does not fit even at the smallest size wraps (never cut); those labels are
    listed in :attr:`LabelSheets.too_long` so the caller can say to use a larger stock.
    """
    s = stock(stock_key)
    g, lab = s.grid, s.label
    per_sheet = g.cols * g.rows
    halves = 2 if s.flag else 1
    fold = FOLD_MM if s.flag else 0.0
    inner_w = (lab.w - 2 * lab.margin - fold) / halves
    inner_h = lab.h - 2 * lab.margin
    sheets: list[str] = []
    too_long: list[str] = []
    for start in range(0, len(labels), per_sheet):
        cells: list[str] = []
        for i, label in enumerate(labels[start : start + per_sheet]):
            row, col = divmod(i, g.cols)
            x, y = g.x0 + col * g.dx, g.y0 + row * g.dy
            lines = _label_lines(label)
            size, fits = _fit(lines, inner_w - 1.2, inner_h)
            wrap = size <= MIN_PT and not all(
                len(x) * MIN_PT * GLYPH_EM <= (inner_w - 1.2) * PT_PER_MM for x in lines
            )
            if not fits:
                too_long.append(f"{label.cable} end {label.end}")
            fab = fabrics.get(label.fabric)
            bar = fab.color if fab is not None else "#000000"
            text = "".join(f"<div>{escape(line)}</div>" for line in lines)
            body = "".join(
                f'<div class="half" style="width:{inner_w:.2f}mm">{text}</div>'
                for _ in range(halves)
            )
            cells.append(
                f'<div class="label{" wrap" if wrap else ""}" '
                f'style="left:{x:.2f}mm;top:{y:.2f}mm;width:{lab.w:.2f}mm;'
                f"height:{lab.h:.2f}mm;padding:{lab.margin:.2f}mm;border-radius:{lab.round:.2f}mm;"
                f'font-size:{size}pt">'
                f'<span class="bar" style="background:{bar}"></span>{body}</div>'
            )
        sheets.append(f'<section class="sheet">{"".join(cells)}</section>')
    if not sheets:
        sheets.append('<section class="sheet"><p class="none">No cables: no labels.</p></section>')
    border = "0.1mm solid #999" if outline else "none"
    html = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="generator" content="zoneplan"><title>{escape(title)}</title><style>'
        f"@page {{ size: {s.page.w}mm {s.page.h}mm; margin: 0; }}"
        "* { box-sizing: border-box; }"
        "html { -webkit-print-color-adjust: exact; }"
        'body { margin: 0; font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }'
        f".sheet {{ position: relative; width: {s.page.w}mm; height: {s.page.h}mm; "
        "overflow: hidden; break-after: page; page-break-after: always; }"
        ".sheet:last-child { break-after: auto; page-break-after: auto; }"
        f".label {{ position: absolute; overflow: hidden; border: {border}; display: flex; "
        f"gap: {FOLD_MM if s.flag else 0}mm; line-height: 1.12; }}"
        ".label .half { overflow: hidden; padding-left: 1.2mm; }"
        ".label .half div { white-space: nowrap; overflow: hidden; }"
        ".label .half div:first-child { font-weight: bold; }"
        ".label.wrap .half div { white-space: normal; overflow-wrap: anywhere; }"
        ".label .bar { position: absolute; left: 0; top: 0; bottom: 0; width: 0.9mm; }"
        "@media screen { html { background: #ddd; } .sheet { background: #fff; margin: 4mm auto; }"
        " .label { border: 0.1mm dashed #aaa; } }"
        f"</style></head><body>{''.join(sheets)}</body></html>\n"
    )
    return LabelSheets(html, s, len(sheets), too_long)
