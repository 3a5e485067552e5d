"""``zoneplan cabling`` as a library call: the printable plan, its label CSV or the label
sheets, as bytes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..cabling import CablingPlan, build_plan, render_csv, render_html
from ..cabling.render import html_to_pdf_with, render_labels_pdf
from ..topology import Topology

__all__ = ["KINDS", "CablingDocument", "cabling_document"]

#: what ``cabling_document`` writes: the plan (html, pdf), the label CSV, the label sheets (PDF)
KINDS = ("html", "pdf", "csv", "labels")


@dataclass
class CablingDocument:
    plan: CablingPlan
    data: bytes
    labels: int = 0  #: labels in the document (csv, labels)
    notes: list[str] = field(default_factory=list)  #: the plan's notes, and label problems


def cabling_document(
    topology: Topology,
    kind: str,
    *,
    paper: str = "a4-portrait",
    generated: date | str,
    source: bytes = b"",
    source_name: str = "",
    engine: str = "auto",
    label_stock: str | None = None,
) -> CablingDocument:
    """``kind`` html, pdf, csv or labels (label sheets on ``label_stock``, a PDF); raises
    :class:`zoneplan.cabling.PdfUnavailable` for a PDF without its engine and ``ValueError``
    for an unknown label stock."""
    plan = build_plan(topology, generated=generated, source=source, source_name=source_name)
    notes = list(plan.notes)
    if kind == "csv":
        labels = plan.labels()
        return CablingDocument(plan, render_csv(plan).encode("utf-8"), len(labels), notes)
    if kind == "labels":
        pdf, sheets = render_labels_pdf(plan, label_stock, engine=engine)
        if sheets.too_long:
            notes.append(
                f"{len(sheets.too_long)} label(s) do not fit a {sheets.stock.name} label even "
                f"in the smallest type ({', '.join(sheets.too_long[:5])}"
                f"{', ...' if len(sheets.too_long) > 5 else ''}); pick a larger stock"
            )
        return CablingDocument(plan, pdf, len(plan.labels()), notes)
    html = render_html(plan, paper)
    if kind == "html":
        return CablingDocument(plan, html.encode("utf-8"), 0, notes)
    day = generated if isinstance(generated, date) else date.fromisoformat(str(generated))
    return CablingDocument(plan, html_to_pdf_with(html, engine, stamp=day), 0, notes)
