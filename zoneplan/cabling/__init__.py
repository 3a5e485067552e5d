"""Printable cabling plans: what the people at the rack need, worked out in advance.

``build_plan`` turns a :class:`~zoneplan.topology.Topology` into rows (cables with stable IDs,
per-device port tables, per-switch front-panel maps, a cover); ``render_html``, ``render_pdf``
and ``write_labels_csv`` print them. Nothing here prints to a terminal or reads the clock: the
caller passes the date and the inventory's bytes, so the same input gives the same output.
"""

from __future__ import annotations

from datetime import date

from ..topology import Topology
from .physical import CableRow, PhysicalPlan, RackView, add_physical
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
)
from .plan import build_plan as _build_cables
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


def build_plan(
    topology: Topology, *, generated: date | str, source: bytes = b"", source_name: str = ""
) -> CablingPlan:
    """The whole plan: cables with stable IDs, device and switch tables
    (:func:`zoneplan.cabling.plan.build_plan`), then racks, runs in walk order and front
    panels (:func:`zoneplan.cabling.physical.add_physical`)."""
    plan = _build_cables(topology, generated=generated, source=source, source_name=source_name)
    return add_physical(plan, topology)


__all__ = [
    "CableRow",
    "PhysicalPlan",
    "RackView",
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
