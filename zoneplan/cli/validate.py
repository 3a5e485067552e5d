"""``zoneplan validate``: an inventory against the loader, the references and every rule."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer
from rich.markup import escape

from ..findings import ExitCode, exit_code_for
from .output import FORMATS, err_console, print_findings


def _split(values: Optional[List[str]]) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out += [p.strip().upper() for p in v.split(",") if p.strip()]
    return out


def validate(
    inventory: Path = typer.Argument(..., help="Inventory YAML file."),
    fmt: str = typer.Option("text", "--format", "-f", help="text, json or parsable."),
    select: Optional[List[str]] = typer.Option(
        None, "--select", help="Only these code prefixes (ZP3, ZP301)."
    ),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Skip these code prefixes."),
) -> None:
    """Check an inventory: syntax, schema, references and every design rule."""
    from ..workflows.validate import validate_inventory

    if fmt not in FORMATS:
        err_console.print(f"unknown format {escape(fmt)!r}; use one of {', '.join(FORMATS)}")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    result = validate_inventory(inventory, select=_split(select), ignore=_split(ignore))
    print_findings(result.findings, fmt, suppressed=result.suppressed)
    raise typer.Exit(exit_code_for(result.findings))


def register(app: typer.Typer) -> None:
    app.command()(validate)
