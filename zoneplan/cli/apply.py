"""``zoneplan apply``: push a reviewed change to live switches, one fabric at a time."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from ..findings import ExitCode
from .options import check_format, format_option, usage_error
from .output import console, err_console, print_findings, safe

_STYLE = {
    "applied": "green",
    "already-applied": "green",
    "nothing-to-change": "green",
    "dry-run": "cyan",
    "refused": "yellow",
    "unreadable": "yellow",
    "aborted": "red",
    "rolled-back": "red",
    "interrupted": "bold red",
    "state-unknown": "bold red",
    "not-started": "yellow",
}


def apply(
    change_dir: Path = typer.Argument(
        ...,
        metavar="CHANGE_DIR",
        help="The folder 'zoneplan plan --out' wrote (plan.json, scripts).",
    ),
    fabric: str = typer.Option(
        ...,
        "--fabric",
        metavar="NAME",
        help="The fabric to change, or 'all' (one after the other).",
    ),
    inventory: Optional[Path] = typer.Option(
        None,
        "--inventory",
        "-i",
        metavar="INVENTORY",
        help="The inventory the plan was made from (switch addresses, credential profiles); "
        "default: the file plan.json names.",
    ),
    yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation (automation)."),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Every check and read; no change command is sent."
    ),
    fmt: str = format_option(),
    credentials: Optional[Path] = typer.Option(
        None, "--credentials", metavar="FILE", help="Credentials file (mode 0600)."
    ),
    known_hosts: Optional[Path] = typer.Option(
        None, "--known-hosts", metavar="FILE", help="known_hosts file."
    ),
    accept_new_host_key: bool = typer.Option(
        False, "--accept-new-host-key", help="Trust and record unknown host keys."
    ),
    command_timeout: float = typer.Option(
        120.0, "--command-timeout", min=1.0, metavar="SECONDS", help="Per change command."
    ),
) -> None:
    """Apply a reviewed change to live switches: re-read the fabric, refuse if it changed since
    the plan or someone holds a transaction or lock, show the change and ask, send it command
    by command (aborting what this run opened on the first error), verify by reading again,
    roll back when not in sync. A record folder per run is kept in CHANGE_DIR/FABRIC/.

    Exit codes: 0 applied and verified (or already applied, or --dry-run passed),
    2 refused before anything was sent (or bad usage), 3 a switch could not be read (nothing
    sent), 4 the change did not stay and the fabric is verified as before (aborted or rolled
    back), 5 the fabric is in an unknown or partial state (see the record).

    Example: `zoneplan apply chg/ --fabric A`
    """
    from ..apply import ApplyOptions, apply_change

    check_format(fmt)
    if fabric != "all" and not fabric.strip():
        raise usage_error("--fabric needs a fabric name or 'all'")
    quiet = fmt != "text"

    def progress(text: str) -> None:
        if not quiet:
            for line in text.splitlines():
                err_console.print(safe(line))

    def confirm(summary: str) -> bool | None:
        if not (sys.stdin.isatty() and sys.stderr.isatty()):
            return None
        for line in summary.splitlines():
            err_console.print(safe(line))
        return typer.confirm("Apply this change to the fabric now?", default=False, err=True)

    run = apply_change(
        ApplyOptions(
            change_dir=change_dir,
            fabric=fabric,
            inventory=inventory,
            credentials=credentials,
            known_hosts=known_hosts,
            accept_new_host_key=accept_new_host_key,
            yes=yes,
            dry_run=dry_run,
            confirm=confirm,
            progress=progress,
            command_timeout=command_timeout,
        )
    )
    fabrics = [
        {
            "fabric": r.fabric,
            "verdict": r.verdict,
            "state": r.state,
            "exit_code": int(r.exit_code),
            "record": str(r.record) if r.record else None,
            "commands_sent": len(r.sent),
            "summary": r.summary,
            "timings": r.timings,
        }
        for r in run.fabrics
    ]
    print_findings(run.all_findings(), fmt, extra={"fabrics": fabrics})
    if fmt == "text":
        for r in run.fabrics:
            style = _STYLE.get(r.verdict, "")
            console.print(
                f"fabric {safe(r.fabric)}: [{style}]{safe(r.verdict)}[/] - {safe(r.state)}"
                + (f"\n  record: {safe(r.record)}" if r.record else "")
            )
    raise typer.Exit(run.exit_code if run.fabrics or run.findings else ExitCode.OK)


def register(app: typer.Typer) -> None:
    app.command()(apply)
