"""``zoneplan validate``: an inventory against the loader, the references and every rule."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..findings import exit_code_for
from .options import (
    check_format,
    format_option,
    ignore_option,
    min_severity_option,
    parse_filters,
    select_option,
    verbose_option,
)
from .output import print_findings


def validate(
    inventory: Path = typer.Argument(..., metavar="INVENTORY", help="Inventory YAML file."),
    fmt: str = format_option(),
    select: Optional[List[str]] = select_option(),
    ignore: Optional[List[str]] = ignore_option(),
    min_severity: Optional[str] = min_severity_option(),
    verbose: bool = verbose_option(),
) -> None:
    """Check an inventory: syntax, schema, references and every design rule.

    Every problem is reported at once, at its file:line:col, with the object's name in the
    inventory. Exit codes: 0 clean (warnings/info only), 1 error findings, 2 unusable
    inventory or bad usage.

    Example: `zoneplan validate site.yaml --min-severity warning`
    """
    from ..workflows.validate import validate_inventory

    check_format(fmt)
    filters = parse_filters(select, ignore, min_severity)
    result = validate_inventory(inventory, filters=filters)
    print_findings(result.findings, fmt, suppressed=result.suppressed, verbose=verbose)
    raise typer.Exit(exit_code_for(result.findings))


def register(app: typer.Typer) -> None:
    app.command()(validate)
