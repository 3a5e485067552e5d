"""Printable cabling plans: what the people at the rack need, worked out in advance.

``build_plan`` turns a :class:`~zoneplan.topology.Topology` into rows (cables with stable IDs,
per-device port tables, per-switch front-panel maps, a cover); ``render_html``, ``render_pdf``
and ``write_labels_csv`` print them. Nothing here prints to a terminal or reads the clock: the
caller passes the date and the inventory's bytes, so the same input gives the same output.
"""

from __future__ import annotations

from .plan import (
    Cable,
    CablingPlan,
    Cover,
    DeviceTable,
    End,
    FabricInfo,
    Label,
    PortGroup,
    PortRow,
    SlotBlock,
    SwitchMap,
    SwitchPortCell,
    build_plan,
)
from .render import (
    PAPERS,
    PDF_ENGINES,
    PdfUnavailable,
    html_to_pdf,
    html_to_pdf_chromium,
    read_labels_csv,
    render_csv,
    render_html,
    render_pdf,
    write_labels_csv,
)

__all__ = [
    "PAPERS",
    "PDF_ENGINES",
    "html_to_pdf",
    "html_to_pdf_chromium",
    "Cable",
    "CablingPlan",
    "Cover",
    "DeviceTable",
    "End",
    "FabricInfo",
    "Label",
    "PdfUnavailable",
    "PortGroup",
    "PortRow",
    "SlotBlock",
    "SwitchMap",
    "SwitchPortCell",
    "build_plan",
    "read_labels_csv",
    "render_csv",
    "render_html",
    "render_pdf",
    "write_labels_csv",
]
