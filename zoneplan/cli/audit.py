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
    live: bool = typer.Option(
        False, "--live", help="Read the inventory's switches now (SSH or SNMP)."
    ),
    via: str = typer.Option("ssh", "--via", help="With --live: ssh or snmp."),
    save: Optional[Path] = typer.Option(
        None, "--save", help="With --live: keep what was read as a capture folder."
    ),
    concurrency: int = typer.Option(
        8, "--concurrency", "-j", min=1, max=256, help="With --live: switches read at once."
    ),
    credentials: Optional[Path] = typer.Option(
        None, "--credentials", help="With --live: credentials file (mode 0600)."
    ),
    known_hosts: Optional[Path] = typer.Option(
        None, "--known-hosts", help="With --live: known_hosts file."
    ),
    accept_new_host_key: bool = typer.Option(
        False, "--accept-new-host-key", help="With --live: trust and record unknown host keys."
    ),
) -> None:
    """Compare switch output (saved, or read live) with the plan: drift, unzoned logins,
    miscabling, open transactions and locks. Without an inventory: policy checks alone."""
    from ..workflows.audit import audit_captures

    if fmt not in FORMATS:
        err_console.print(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    if live:
        if inventory is None or via not in ("ssh", "snmp"):
            err_console.print(
                "--live needs an INVENTORY (switches, addresses, credential profiles) and --via ssh|snmp"
            )
            raise typer.Exit(ExitCode.UNUSABLE_INPUT)
        _audit_live(
            inventory,
            fabric,
            fmt,
            via,
            save,
            concurrency,
            credentials,
            known_hosts,
            accept_new_host_key,
        )
        return
    if not capture:
        err_console.print("nothing to audit: give --capture DIR (saved switch output) or --live")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    run = audit_captures(capture, inventory, fabric=fabric)
    _report(run, fmt)
    code = exit_code_for(run.findings)
    if not run.usable:
        code = ExitCode.UNUSABLE_INPUT
    raise typer.Exit(code)


def _audit_live(
    inventory, fabric, fmt, via, save, concurrency, credentials, known_hosts, accept_new_host_key
) -> None:  # noqa: ANN001
    """Collect from every switch (one dead switch never stops the others), then audit."""
    from ..workflows.audit import audit_live, live_targets
    from .collect import progress_display

    chosen = live_targets(inventory, via=via, fabric=fabric, credentials=credentials)
    if not chosen.usable:
        print_findings(chosen.load_findings, fmt)
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    with progress_display(len(chosen.targets), quiet=fmt != "text") as progress:
        run = audit_live(
            inventory,
            chosen,
            fabric=fabric,
            save=save,
            concurrency=concurrency,
            known_hosts=known_hosts,
            accept_new_host_key=accept_new_host_key,
            progress=progress,
        )
    _report(run, fmt)
    raise typer.Exit(run.exit_code)


def _report(run, fmt: str) -> None:  # noqa: ANN001
    print_findings(run.findings, fmt, extra={"verdicts": run.verdicts, "switches": run.switches})
    if fmt == "text" and run.verdicts:
        table = Table(title="fabrics")
        table.add_column("fabric")
        table.add_column("verdict")
        for name, verdict in sorted(run.verdicts.items()):
            table.add_row(name, f"[{_VERDICT_STYLE.get(verdict, '')}]{verdict}[/]")
        console.print(table)


def register(app: typer.Typer) -> None:
    app.command()(audit)
