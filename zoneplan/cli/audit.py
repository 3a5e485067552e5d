"""``zoneplan audit``: the plan against what the switches say (saved output, or live)."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table

from ..findings import ExitCode, exit_code_for
from .options import (
    check_format,
    format_option,
    ignore_option,
    min_severity_option,
    parse_filters,
    select_option,
    usage_error,
    verbose_option,
)
from .output import console, err_console, print_findings, safe

STRATEGIES = ("sist", "simt", "peer", "smart")

_VERDICT_STYLE = {"in-sync": "green", "drift": "red", "incomplete": "bold red", "policy": "cyan"}


def audit(
    inventory: Optional[Path] = typer.Argument(
        None,
        metavar="INVENTORY",
        help="Inventory YAML (without it: policy checks on the switches' zoning alone).",
    ),
    capture: Optional[List[Path]] = typer.Option(
        None, "--capture", "-c", metavar="PATH", help="Capture folder or file (repeatable)."
    ),
    fabric: Optional[str] = typer.Option(
        None, "--fabric", metavar="NAME", help="Audit this fabric only; show only its findings."
    ),
    strategy: Optional[str] = typer.Option(
        None,
        "--strategy",
        metavar="STRATEGY",
        help="Zoning the fabric should have: sist, simt, peer or smart "
        "(default: the inventory's policy.strategy).",
    ),
    plan_file: Optional[Path] = typer.Option(
        None,
        "--plan",
        metavar="PLAN_JSON",
        help="Audit against this plan.json from 'zoneplan plan' (its strategy and names).",
    ),
    fmt: str = format_option(),
    select: Optional[List[str]] = select_option(),
    ignore: Optional[List[str]] = ignore_option(),
    min_severity: Optional[str] = min_severity_option(),
    verbose: bool = verbose_option(),
    live: bool = typer.Option(
        False, "--live", help="Read the inventory's switches now (SSH or SNMP)."
    ),
    via: str = typer.Option("ssh", "--via", metavar="ssh|snmp", help="With --live: ssh or snmp."),
    save: Optional[Path] = typer.Option(
        None, "--save", metavar="DIR", help="With --live: keep what was read as a capture folder."
    ),
    concurrency: int = typer.Option(
        8,
        "--concurrency",
        "-j",
        min=1,
        max=256,
        metavar="N",
        help="With --live: switches read at once.",
    ),
    credentials: Optional[Path] = typer.Option(
        None, "--credentials", metavar="FILE", help="With --live: credentials file (mode 0600)."
    ),
    known_hosts: Optional[Path] = typer.Option(
        None, "--known-hosts", metavar="FILE", help="With --live: known_hosts file."
    ),
    accept_new_host_key: bool = typer.Option(
        False, "--accept-new-host-key", help="With --live: trust and record unknown host keys."
    ),
) -> None:
    """Compare switch output (saved, or read live) with the plan: drift, lost access, replaced
    HBAs, unzoned logins, miscabling, open transactions and locks.

    Without an inventory: policy checks on the switches' zoning alone. Exit codes (for
    monitoring): 0 in sync (warnings/info only), 1 error findings (zoning changed under the
    plan, a client lost its paths on a fabric or on all, an HBA replaced, a mirror zone
    impure, an incomplete capture), 2 unusable input or bad usage, 3 a switch could not be read.

    Example: `zoneplan audit site.yaml --capture captures/ --fabric B`
    """
    from ..workflows.audit import audit_captures

    check_format(fmt)
    filters = parse_filters(select, ignore, min_severity)
    if strategy is not None and strategy not in STRATEGIES:
        raise usage_error(f"unknown strategy {strategy!r}; use {', '.join(STRATEGIES)}")
    if plan_file is not None and (inventory is None or strategy is not None):
        raise usage_error("--plan needs an INVENTORY, and replaces --strategy")
    if live:
        if inventory is None or via not in ("ssh", "snmp"):
            raise usage_error(
                "--live needs an INVENTORY (switches, addresses, credential profiles) "
                "and --via ssh|snmp"
            )
        _audit_live(
            inventory,
            fmt,
            via,
            save,
            concurrency,
            credentials,
            known_hosts,
            accept_new_host_key,
            dict(fabric=fabric, strategy=strategy, plan_file=plan_file, filters=filters),
            verbose=verbose,
        )
        return
    if not capture:
        raise usage_error("nothing to audit: give --capture DIR (saved switch output) or --live")
    run = audit_captures(
        capture, inventory, fabric=fabric, strategy=strategy, plan_file=plan_file, filters=filters
    )
    if run.error:
        raise usage_error(run.error)
    _report(run, fmt, verbose=verbose)
    code = exit_code_for(run.findings)
    if not run.usable:
        code = ExitCode.UNUSABLE_INPUT
    raise typer.Exit(code)


def _audit_live(
    inventory,
    fmt,
    via,
    save,
    concurrency,
    credentials,
    known_hosts,
    accept_new_host_key,
    common,
    *,
    verbose: bool = False,
) -> None:  # noqa: ANN001
    """Collect from every switch (one dead switch never stops the others), then audit."""
    from ..workflows.audit import audit_live, live_targets
    from .collect import progress_display

    chosen = live_targets(inventory, via=via, fabric=common["fabric"], credentials=credentials)
    if not chosen.usable:
        print_findings(chosen.load_findings, fmt)
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    from ..outputs import OutputError

    try:
        with progress_display(len(chosen.targets), quiet=fmt != "text") as progress:
            run = audit_live(
                inventory,
                chosen,
                save=save,
                concurrency=concurrency,
                known_hosts=known_hosts,
                accept_new_host_key=accept_new_host_key,
                progress=progress,
                **common,
            )
    except OutputError as exc:  # --save: checked before any switch is read
        err_console.print(f"nothing read, nothing written: {safe(exc)}")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT) from exc
    if run.error:
        raise usage_error(run.error)
    _report(run, fmt, verbose=verbose)
    raise typer.Exit(run.exit_code)


def _report(run, fmt: str, *, verbose: bool = False) -> None:  # noqa: ANN001
    print_findings(
        run.findings,
        fmt,
        verbose=verbose,
        suppressed=run.suppressed,
        extra={"verdicts": run.verdicts, "switches": run.switches, "strategy": run.strategy},
    )
    if fmt == "text" and run.verdicts:
        table = Table(title="fabrics")
        table.add_column("fabric")
        table.add_column("zoning")
        for name, verdict in sorted(run.verdicts.items()):
            table.add_row(safe(name), f"[{_VERDICT_STYLE.get(verdict, '')}]{safe(verdict)}[/]")
        console.print(table)


def register(app: typer.Typer) -> None:
    app.command()(audit)
