"""``zoneplan cabling``: the printable cabling plan (HTML, PDF), the label CSV and the label
sheets (PDF on a label stock).

The inventory is validated first: fatal findings stop here (exit 2); error findings are
printed and the plan is still written (conflicting cables show up in it), exit 1. An existing
output file is never replaced silently: identical content is left alone ("unchanged"; for a
PDF decided from its inputs, recorded in the PDF's file identifier), different content needs
``--force`` (exit 2 without it; the old file is kept as NAME.bak). PDFs come from headless
Chromium where it is installed, else WeasyPrint (``--pdf-engine`` picks one); both give the
same bytes for the same plan. The date printed on the cover (and stamped into the PDF) is
today (UTC), ``$SOURCE_DATE_EPOCH`` when set, or ``--date``, so builds can be reproducible.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from ..findings import ExitCode, Severity, exit_code_for
from .options import checked_output, force_option, write_file, written_line
from .output import console, err_console, print_findings

FORMATS = ("html", "pdf", "csv", "labels")
SUFFIXES = {".html": "html", ".htm": "html", ".pdf": "pdf", ".csv": "csv"}


def _plan_date(value: Optional[str]) -> date:
    if value:
        try:
            return date.fromisoformat(value)
        except ValueError as exc:
            raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from exc
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdecimal():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return datetime.now(tz=UTC).date()


def cabling(
    inventory: Path = typer.Argument(..., metavar="INVENTORY", help="Inventory YAML file."),
    out: Path = typer.Option(
        ..., "--out", "-o", metavar="FILE", help="Output file (.html, .pdf or .csv)."
    ),
    fmt: Optional[str] = typer.Option(
        None,
        "--format",
        "-f",
        help="html, pdf, csv or labels (label sheets, a PDF) (default: from the --out suffix).",
    ),
    paper: str = typer.Option(
        "a4-portrait",
        "--paper",
        help="a4-portrait, a4-landscape, letter-portrait or letter-landscape.",
    ),
    when: Optional[str] = typer.Option(
        None, "--date", help="Date printed on the cover, YYYY-MM-DD (default: today, UTC)."
    ),
    force: bool = force_option(),
    engine: str = typer.Option(
        "auto",
        "--pdf-engine",
        help="auto (chromium where installed, else weasyprint), chromium or weasyprint.",
    ),
    label_stock: Optional[str] = typer.Option(
        None,
        "--label-stock",
        help="label sheet for --format labels: avery-l8658 (default), avery-6570, "
        "cablelabelco-cablebug.",
    ),
) -> None:
    """Write the printable cabling plan: cover, topology, rack elevations, the cable list rack
    by rack, port tables per device, switch front panels; or the label CSV (two labels per
    cable, one for each end); or the label sheets (`--format labels`, a PDF).

    PDF output needs the pdf extra: `pip install -e '.[pdf]'` (or Chromium).

    Example: `zoneplan cabling site.yaml -o cabling.pdf --paper a4-landscape`
    """
    from ..cabling import PAPERS, PdfUnavailable
    from ..cabling.render import PDF_ENGINES
    from ..physical.tables import label_table
    from ..workflows.cabling import CablingInputs, cabling_document
    from ..workflows.validate import validate_inventory

    kind = (fmt or SUFFIXES.get(out.suffix.lower(), "")).lower()
    if kind not in FORMATS:
        err_console.print(
            f"cannot tell the format of {escape(str(out))}; use --format html, pdf, csv or labels"
        )
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    if engine not in PDF_ENGINES:
        err_console.print(
            f"unknown PDF engine {escape(engine)!r}; use one of {', '.join(PDF_ENGINES)}"
        )
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    stocks = label_table().stocks
    if label_stock is not None and label_stock not in stocks:
        err_console.print(
            f"unknown label stock {escape(label_stock)!r}; use one of {', '.join(stocks)}"
        )
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    if paper not in PAPERS:
        err_console.print(f"unknown paper {escape(paper)!r}; use one of {', '.join(PAPERS)}")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    checked_output(out)  # a folder, a link, an unusable parent: before any work
    generated = _plan_date(when)

    result = validate_inventory(inventory)
    serious = [f for f in result.findings if f.severity.rank >= Severity.ERROR.rank]
    if not result.usable or result.topology is None:
        print_findings(serious or result.findings)
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    if serious:
        print_findings(serious, title="the inventory has errors; the plan shows what it says:")

    try:
        source = inventory.read_bytes()
    except OSError as exc:  # validated a moment ago, so only a race gets here
        err_console.print(f"cannot read {escape(str(inventory))}: {escape(str(exc))}")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT) from exc
    inputs = CablingInputs(kind, paper, generated, source, inventory.name, engine, label_stock)
    if inputs.unchanged_in(out):  # same inventory, options and version: nothing to render
        console.print(f"unchanged {escape(str(out))}")
        raise typer.Exit(exit_code_for(result.findings))
    try:
        doc = cabling_document(result.topology, inputs)
    except PdfUnavailable as exc:
        err_console.print(escape(str(exc)))
        raise typer.Exit(ExitCode.UNUSABLE_INPUT) from exc
    plan = doc.plan

    written = write_file(out, doc.data, force=force)
    what = f"{len(plan.cables)} cables"
    if kind in ("csv", "labels"):
        what += f", {doc.labels} labels"
    else:
        what += f", {len(plan.switches)} switches, {PAPERS[paper].label}"
    console.print(written_line(written, what))
    for note in doc.notes:
        err_console.print(f"note: {escape(note)}")
    raise typer.Exit(exit_code_for(result.findings))


def register(app: typer.Typer) -> None:
    app.command()(cabling)
