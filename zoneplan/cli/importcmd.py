"""``zoneplan import``: bootstrap an inventory from captured switch output."""

from __future__ import annotations

from pathlib import Path
from typing import List

import typer

from ..findings import ExitCode, Severity
from .output import err_console, print_findings


def import_(
    captures: List[Path] = typer.Argument(..., help="Capture folders or files."),
    out: Path = typer.Option(..., "-o", "--out", help="Where to write the draft inventory."),
    name: str = typer.Option("imported", help="Inventory name."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Draft an inventory (switches, logins as hosts/arrays, existing zones) from captures."""
    from ..outputs import Written, write_output
    from ..workflows.importing import import_captures

    run = import_captures(captures, name=name, out_name=str(out))
    if not run.usable:
        print_findings(run.findings, "text")
        err_console.print("no switch output found in the captures")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    if write_output(out, run.text, force=force, conflict="refuse").status is Written.KEPT:
        err_console.print(f"{out} exists; pass --force to overwrite it")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    print_findings([f for f in run.findings if f.severity is not Severity.INFO], "text")
    err_console.print(
        f"wrote {out}: {run.switches} switch(es); review it, then `zoneplan validate {out}`"
    )
    raise typer.Exit(ExitCode.OK if run.valid else ExitCode.UNUSABLE_INPUT)


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
