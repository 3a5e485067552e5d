"""``zoneplan cabling`` as a library call: the printable plan or the label CSV, as bytes.

"Unchanged" is decided from the inputs for a PDF: its bytes are not a promise (fonts, the
PDF engine and its version shape them), its inputs are. :func:`inputs_id` hashes what the
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

__all__ = ["CablingDocument", "cabling_document", "inputs_id", "recorded_inputs_id"]

_PREFIX = b"zoneplan-inputs-"
_ID = re.compile(rb"/ID\s*\[\s*\((" + re.escape(_PREFIX) + rb"[0-9a-f]{32})\)")


def inputs_id(
    kind: str,
    *,
    paper: str,
    generated: date | str,
    source: bytes,
    source_name: str,
    engine: str,
) -> bytes:
    """What a cabling document is made from, hashed: version, options, the inventory's bytes."""
    from .. import __version__

    h = hashlib.sha256()
    for part in (__version__, kind, paper, str(generated), engine, source_name):
        h.update(part.encode("utf-8") + b"\0")
    h.update(source)
    return _PREFIX + h.hexdigest()[:32].encode()


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
    if engine == "chromium":
        return CablingDocument(plan, html_to_pdf_chromium(html))
    made_from = inputs_id(
        kind,
        paper=paper,
        generated=generated,
        source=source,
        source_name=source_name,
        engine=engine,
    )
    return CablingDocument(plan, html_to_pdf(html, identifier=made_from))
