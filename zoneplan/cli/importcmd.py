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
    from ..importer import draft_inventory, draft_yaml
    from ..loader import parse_inventory
    from ..parsers.capture import read_captures

    if out.exists() and not force:
        err_console.print(f"{out} exists; pass --force to overwrite it")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    states, findings = read_captures(captures)
    if not states:
        print_findings(findings, "text")
        err_console.print("no switch output found in the captures")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    text = draft_yaml(draft_inventory(states.values(), name))
    check = parse_inventory(text, str(out))
    findings += check.findings
    out.write_text(text, encoding="utf-8")
    print_findings([f for f in findings if f.severity is not Severity.INFO], "text")
    err_console.print(
        f"wrote {out}: {len(states)} switch(es); review it, then `zoneplan validate {out}`"
    )
    raise typer.Exit(ExitCode.UNUSABLE_INPUT if not check.ok else ExitCode.OK)


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
