"""``zoneplan cabling`` as a library call: the printable plan or the label CSV, as bytes.

"Unchanged" is decided from the inputs for a PDF: its bytes are not a promise (fonts, the
PDF engine and its version shape them), its inputs are. :meth:`CablingInputs.id` hashes what the
document is made from; WeasyPrint writes it into the PDF's file identifier, and
:func:`recorded_inputs_id` reads it back from an existing file, so a rerun with the same
inventory and options is "unchanged" without rendering anything.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..cabling import CablingPlan, build_plan, render_csv, render_html
from ..cabling.render import html_to_pdf, html_to_pdf_chromium
from ..topology import Topology

__all__ = ["CablingDocument", "CablingInputs", "cabling_document", "recorded_inputs_id"]

_PREFIX = b"zoneplan-inputs-"
_ID = re.compile(rb"/ID\s*\[\s*\((" + re.escape(_PREFIX) + rb"[0-9a-f]{32})\)")


@dataclass(frozen=True)
class CablingInputs:
    """Everything a cabling document is made from (besides zoneplan's own version)."""

    kind: str  #: html, pdf or csv
    paper: str
    generated: date | str
    source: bytes  #: the inventory file's bytes
    source_name: str
    engine: str = "weasyprint"

    def id(self) -> bytes:
        """The inputs hashed, with zoneplan's version: what a PDF's identifier records."""
        from .. import __version__

        h = hashlib.sha256()
        for part in (__version__, self.kind, self.paper, str(self.generated), self.engine):
            h.update(part.encode("utf-8") + b"\0")
        h.update(self.source_name.encode("utf-8") + b"\0")
        h.update(self.source)
        return _PREFIX + h.hexdigest()[:32].encode()

    def unchanged_in(self, path: Path) -> bool:
        """True when ``path`` is a PDF made from these very inputs (nothing to render)."""
        return (
            self.kind == "pdf"
            and self.engine == "weasyprint"
            and (recorded_inputs_id(path) == self.id())
        )


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


def cabling_document(topology: Topology, inputs: CablingInputs) -> CablingDocument:
    """The document ``inputs`` ask for; raises :class:`zoneplan.cabling.PdfUnavailable` for a
    PDF without its engine."""
    plan = build_plan(
        topology,
        generated=inputs.generated,
        source=inputs.source,
        source_name=inputs.source_name,
    )
    if inputs.kind == "csv":
        return CablingDocument(plan, render_csv(plan).encode("utf-8"))
    html = render_html(plan, inputs.paper)
    if inputs.kind == "html":
        return CablingDocument(plan, html.encode("utf-8"))
    if inputs.engine == "chromium":
        return CablingDocument(plan, html_to_pdf_chromium(html))
    return CablingDocument(plan, html_to_pdf(html, identifier=inputs.id()))
