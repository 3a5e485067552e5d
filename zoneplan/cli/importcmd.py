"""``zoneplan import``: bootstrap an inventory from captured switch output."""

from __future__ import annotations

from pathlib import Path
from typing import List

import typer

from ..findings import ExitCode, Severity
from .options import checked_output, force_option, write_file, written_line
from .output import err_console, print_findings, safe


def import_(
    captures: List[Path] = typer.Argument(
        ..., metavar="CAPTURE...", help="Capture folders or files."
    ),
    out: Path = typer.Option(
        ..., "-o", "--out", metavar="FILE", help="Where to write the draft inventory."
    ),
    name: str = typer.Option("imported", metavar="NAME", help="Inventory name."),
    force: bool = force_option(),
) -> None:
    """Draft an inventory (switches, logins as hosts/arrays, existing zones) from captures.

    Example: `zoneplan import captures/ -o site.yaml`
    """
    from ..workflows.importing import import_captures

    checked_output(out)  # before the captures are read: a bad -o is a usage error
    run = import_captures(captures, name=name, out_name=str(out))
    if not run.usable:
        print_findings(run.findings, "text")
        err_console.print("no switch output found in the captures")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    written = write_file(out, run.text, force=force)
    print_findings([f for f in run.findings if f.severity is not Severity.INFO], "text")
    err_console.print(
        f"{written_line(written, f'{run.switches} switch(es)')}; review it, then "
        f"`zoneplan validate {safe(out)}`"
    )
    raise typer.Exit(ExitCode.OK if run.valid else ExitCode.UNUSABLE_INPUT)


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
