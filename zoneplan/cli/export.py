"""``zoneplan export``: the inventory as a workbook (sheets: site, fabrics, racks, patch
panels, switches, devices, ports, isls, cables, zones), for people who keep it in a
spreadsheet. ``zoneplan import site.xlsx -o inventory.yaml`` reads it back."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from ..findings import ExitCode
from .output import console, err_console, print_findings


def export(
    inventory: Path = typer.Argument(..., help="Inventory YAML file."),
    out: Path = typer.Option(..., "--out", "-o", help="The workbook to write (.xlsx)."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing, different file."),
) -> None:
    """Write the inventory as an .xlsx workbook; the import gives the same inventory back."""
    from ..outputs import Written, write_output
    from ..workflows.spreadsheet import export_workbook

    if out.suffix.lower() != ".xlsx":
        err_console.print(f"{escape(str(out))}: the workbook is written as .xlsx; name it so")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    if out.is_dir():
        err_console.print(f"{escape(str(out))} is a folder; give a file name")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    run = export_workbook(inventory)
    if not run.usable:
        print_findings(run.findings)
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    written = write_output(out, run.data, force=force, conflict="refuse")
    if written.status is Written.UNCHANGED:
        console.print(f"unchanged {escape(str(out))}")
    elif written.status is Written.KEPT:
        err_console.print(f"{escape(str(out))} exists and differs; pass --force to overwrite it")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    else:
        console.print(f"wrote {escape(str(out))}")
    raise typer.Exit(ExitCode.OK)


def register(app: typer.Typer) -> None:
    app.command()(export)
