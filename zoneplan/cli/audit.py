"""``zoneplan audit``: the plan against what the switches say (saved output, or live)."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table

from ..findings import ExitCode, exit_code_for
from .output import FORMATS, console, err_console, print_findings

_VERDICT_STYLE = {"in-sync": "green", "drift": "red", "incomplete": "bold red", "policy": "cyan"}


def audit(
    inventory: Optional[Path] = typer.Argument(
        None, help="Inventory YAML (without it: policy checks on the live config alone)."
    ),
    capture: Optional[List[Path]] = typer.Option(
        None, "--capture", "-c", help="Capture folder or file (repeatable)."
    ),
    fabric: Optional[str] = typer.Option(None, "--fabric", help="Audit one fabric only."),
    fmt: str = typer.Option("text", "--format", "-f", help="text, json or parsable."),
) -> None:
    """Compare saved switch output with the plan: drift, unzoned logins, miscabling, locks."""
    from ..audit.run import audit_captures

    if fmt not in FORMATS:
        err_console.print(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    if not capture:
        err_console.print("nothing to audit: give --capture DIR (saved switch output)")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    run = audit_captures(capture, inventory, fabric=fabric)
    print_findings(run.findings, fmt, extra={"verdicts": run.verdicts, "switches": run.switches})
    if fmt == "text" and run.verdicts:
        table = Table(title="fabrics")
        table.add_column("fabric")
        table.add_column("verdict")
        for name, verdict in sorted(run.verdicts.items()):
            table.add_row(name, f"[{_VERDICT_STYLE.get(verdict, '')}]{verdict}[/]")
        console.print(table)
    code = exit_code_for(run.findings)
    if not run.usable:
        code = ExitCode.UNUSABLE_INPUT
    raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    app.command()(audit)
