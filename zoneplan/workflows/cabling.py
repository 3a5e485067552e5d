"""``zoneplan cabling`` as a library call: the printable plan, its label CSV or the label
sheets, as bytes.

"Unchanged" is decided from the inputs for a PDF: its bytes are not a promise (fonts, the
PDF engine and its version shape them), its inputs are. :meth:`CablingInputs.id` hashes what
the document is made from; it is written into the PDF's file identifier, and
:func:`recorded_inputs_id` reads it back from an existing file, so a rerun with the same
inventory and options is "unchanged" without rendering anything.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..cabling import CablingPlan, build_plan, render_csv, render_html
from ..cabling.render import html_to_pdf_with, render_labels_pdf
from ..topology import Topology

__all__ = ["KINDS", "CablingDocument", "CablingInputs", "cabling_document", "recorded_inputs_id"]

#: what ``cabling_document`` writes: the plan (html, pdf), the label CSV, the label sheets (PDF)
KINDS = ("html", "pdf", "csv", "labels")
#: the kinds that are PDFs (and so carry their inputs' id)
PDF_KINDS = ("pdf", "labels")

_PREFIX = b"zoneplan-inputs-"
_ID = re.compile(rb"/ID\s*\[\s*\((" + re.escape(_PREFIX) + rb"[0-9a-f]{32})\)")


@dataclass(frozen=True)
class CablingInputs:
    """Everything a cabling document is made from (besides zoneplan's own version)."""

    kind: str  #: html, pdf, csv or labels
    paper: str
    generated: date | str
    source: bytes  #: the inventory file's bytes
    source_name: str
    engine: str = "auto"
    label_stock: str | None = None

    def id(self) -> bytes:
        """The inputs hashed, with zoneplan's version: what a PDF's identifier records."""
        from .. import __version__

        h = hashlib.sha256()
        parts = (__version__, self.kind, self.paper, str(self.generated), self.engine)
        for part in (*parts, self.label_stock or "", self.source_name):
            h.update(part.encode("utf-8") + b"\0")
        h.update(self.source)
        return _PREFIX + h.hexdigest()[:32].encode()

    def unchanged_in(self, path: Path) -> bool:
        """True when ``path`` is a PDF made from these very inputs (nothing to render)."""
        return self.kind in PDF_KINDS and recorded_inputs_id(path) == self.id()


def recorded_inputs_id(path: Path) -> bytes | None:
    """The inputs id written into an existing PDF (its trailer is within the last 4 KiB)."""
    try:
        with open(path, "rb") as f:
            f.seek(0, 2)
            f.seek(max(0, f.tell() - 4096))
            tail = f.read()
    except OSError:
        return None
    m = _ID.search(tail)
    return m.group(1) if m else None


@dataclass
class CablingDocument:
    plan: CablingPlan
    data: bytes
    labels: int = 0  #: labels in the document (csv, labels)
    notes: list[str] = field(default_factory=list)  #: the plan's notes, and label problems


def cabling_document(topology: Topology, inputs: CablingInputs) -> CablingDocument:
    """The document ``inputs`` ask for; raises :class:`zoneplan.cabling.PdfUnavailable` for a
    PDF without its engine and ``ValueError`` for an unknown label stock."""
    generated = inputs.generated
    plan = build_plan(
        topology, generated=generated, source=inputs.source, source_name=inputs.source_name
    )
    notes = list(plan.notes)
    if inputs.kind == "csv":
        labels = plan.labels()
        return CablingDocument(plan, render_csv(plan).encode("utf-8"), len(labels), notes)
    if inputs.kind == "labels":
        pdf, sheets = render_labels_pdf(
            plan, inputs.label_stock, engine=inputs.engine, identifier=inputs.id()
        )
        if sheets.too_long:
            notes.append(
                f"{len(sheets.too_long)} label(s) do not fit a {sheets.stock.name} label even "
                f"in the smallest type ({', '.join(sheets.too_long[:5])}"
                f"{', ...' if len(sheets.too_long) > 5 else ''}); pick a larger stock"
            )
        return CablingDocument(plan, pdf, len(plan.labels()), notes)
    html = render_html(plan, inputs.paper)
    if inputs.kind == "html":
        return CablingDocument(plan, html.encode("utf-8"), 0, notes)
    day = generated if isinstance(generated, date) else date.fromisoformat(str(generated))
    pdf = html_to_pdf_with(html, inputs.engine, stamp=day, identifier=inputs.id())
    return CablingDocument(plan, pdf, 0, notes)
