"""``zoneplan import``: an inventory from a workbook (``site.xlsx``), or a draft one from
captured switch output (capture folders or files)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import List

import typer
from rich.markup import escape
from rich.text import Text

from ..findings import ExitCode, Finding, Severity, exit_code_for
from .options import checked_output, force_option, write_file, written_line
from .output import _STYLE, console, err_console, print_findings, safe


def import_(
    sources: List[Path] = typer.Argument(
        ..., help="A workbook (.xlsx), or capture folders or files.", metavar="SOURCES..."
    ),
    out: Path = typer.Option(
        ..., "-o", "--out", metavar="FILE", help="The inventory file to write."
    ),
    name: str = typer.Option("imported", metavar="NAME", help="Inventory name (captures only)."),
    force: bool = force_option(),
) -> None:
    """Read an inventory workbook (every cell error as site.xlsx:Sheet!C12), or draft an
    inventory (switches, logins as hosts/arrays, existing zones) from captures.

    Example: `zoneplan import captures/ -o site.yaml`
    """
    from ..workflows.spreadsheet import is_workbook

    checked_output(out)  # before anything is read: a bad -o is a usage error

    workbooks = [s for s in sources if is_workbook(s)]
    if workbooks and len(sources) > 1:
        err_console.print(
            "give one workbook, or capture folders and files, not both: "
            + ", ".join(escape(str(s)) for s in sources)
        )
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    if workbooks:
        _from_workbook(workbooks[0], out, force)
    _from_captures(sources, out, name, force)


def _cell_order(f: Finding) -> tuple:
    """Sheets in the workbook's order, then row, then column (A10 after A9)."""
    from ..spreadsheet import SHEETS

    where = str(f.location or "")
    m = re.search(r":([^:!]+)!([A-Z]+)(\d+)$", where)
    if not m:
        return (where, -1, 0, "")
    sheet, col, row = m.groups()
    order = next((i for i, s in enumerate(SHEETS) if s.name == sheet), len(SHEETS))
    return (where[: m.start()], order, int(row), col.rjust(3))


def _print_cells(findings: list[Finding]) -> None:
    """``site.xlsx:ports!C12: ZP016 message``, one line each, in the order of the cells;
    info findings are counted (``zoneplan validate`` on the written file lists them)."""
    shown = [f for f in findings if f.severity is not Severity.INFO]
    for f in sorted(shown, key=_cell_order):
        line = Text(f"{f.location}: " if f.location else "")
        line.append(f"{f.code} ", style=_STYLE[f.severity])
        line.append(f.message)
        console.print(line, soft_wrap=True)  # one line per finding, however long
    info = len(findings) - len(shown)
    if info:
        err_console.print(
            f"{info} info finding(s): `zoneplan validate` on the written file lists them"
        )


def _from_workbook(book: Path, out: Path, force: bool) -> None:
    from ..workflows.spreadsheet import import_workbook

    run = import_workbook(book)
    _print_cells(run.findings)
    if not run.usable:
        err_console.print(f"{escape(str(book))}: no inventory written ({out} is untouched)")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    written = write_file(out, run.text, force=force)
    err_console.print(f"{written_line(written)} from {safe(book)}")
    raise typer.Exit(exit_code_for(run.findings))


def _from_captures(captures: List[Path], out: Path, name: str, force: bool) -> None:
    from ..workflows.importing import import_captures

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
