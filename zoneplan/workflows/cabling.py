"""``zoneplan cabling`` as a library call: the printable plan or the label CSV, as bytes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..cabling import CablingPlan, build_plan, render_csv, render_html
from ..cabling.render import html_to_pdf, html_to_pdf_chromium
from ..topology import Topology

__all__ = ["CablingDocument", "cabling_document"]


@dataclass
class CablingDocument:
    plan: CablingPlan
    data: bytes


def cabling_document(
    topology: Topology,
    kind: str,
    *,
    paper: str = "a4-portrait",
    generated: date | str,
    source: bytes = b"",
    source_name: str = "",
    engine: str = "weasyprint",
) -> CablingDocument:
    """``kind`` html, pdf or csv; raises :class:`zoneplan.cabling.PdfUnavailable` for a PDF
    without its engine."""
    plan = build_plan(topology, generated=generated, source=source, source_name=source_name)
    if kind == "csv":
        return CablingDocument(plan, render_csv(plan).encode("utf-8"))
    html = render_html(plan, paper)
    if kind == "html":
        return CablingDocument(plan, html.encode("utf-8"))
    pdf = html_to_pdf_chromium(html) if engine == "chromium" else html_to_pdf(html)
    return CablingDocument(plan, pdf)
