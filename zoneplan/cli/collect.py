"""``zoneplan collect``: read switches live (SSH or SNMP) and save a capture folder.

Two forms::

    zoneplan collect INVENTORY --out DIR [--fabric A] [--via ssh|snmp] [--concurrency N]
    zoneplan collect --switch HOST[:PORT] --vendor VENDOR --via ssh|snmp \\
        [--user U] [--community C | --v3-user U ...] --out DIR

Secrets come from the environment (``ZONEPLAN_<PROFILE>_PASSWORD``…), the credentials file or a
prompt; the ad-hoc form uses the profile ``adhoc`` (``ZONEPLAN_ADHOC_PASSWORD``,
``ZONEPLAN_ADHOC_COMMUNITY``…) unless given on the command line (discouraged: shell history).
Exit codes: 0 every switch read, 1 error findings in what was read, 2 unusable input or usage,
3 a switch could not be read (completely).
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import List, Optional

import typer
from rich.markup import escape

from ..findings import ExitCode
from .options import verbose_option
from .output import FORMATS, err_console, print_findings, safe


def collect(
    inventory: Optional[Path] = typer.Argument(None, help="Inventory YAML (omit with --switch)."),
    out: Path = typer.Option(..., "--out", "-o", help="Capture folder to write (0700/0600)."),
    fabric: Optional[str] = typer.Option(
        None, "--fabric", help="Only the switches of this fabric."
    ),
    via: str = typer.Option("ssh", "--via", help="ssh or snmp."),
    concurrency: int = typer.Option(
        8, "--concurrency", "-j", min=1, max=256, help="Switches read at once."
    ),
    accept_new_host_key: bool = typer.Option(
        False,
        "--accept-new-host-key",
        help="Trust and record unknown SSH host keys (never changed ones).",
    ),
    known_hosts: Optional[Path] = typer.Option(
        None, "--known-hosts", help="known_hosts file (default ~/.ssh/known_hosts)."
    ),
    credentials: Optional[Path] = typer.Option(
        None,
        "--credentials",
        help="Credentials file (default $ZONEPLAN_CREDENTIALS or "
        "~/.config/zoneplan/credentials.yaml; must be mode 0600).",
    ),
    switch: Optional[str] = typer.Option(
        None, "--switch", help="Ad hoc: HOST[:PORT] of one switch."
    ),
    vendor: Optional[str] = typer.Option(
        None, "--vendor", help="Ad hoc: the switch's vendor (a vendor pack's word)."
    ),
    name: Optional[str] = typer.Option(None, "--name", help="Ad hoc: the switch's name (folder)."),
    user: Optional[str] = typer.Option(None, "--user", help="Ad hoc: SSH user."),
    community: Optional[str] = typer.Option(
        None, "--community", help="Ad hoc: SNMPv2c community (prefer the env)."
    ),
    v3_user: Optional[str] = typer.Option(None, "--v3-user", help="Ad hoc: SNMPv3 user."),
    v3_auth_protocol: str = typer.Option("SHA", "--v3-auth-protocol", help="SHA, SHA256, …"),
    v3_priv_protocol: str = typer.Option("AES", "--v3-priv-protocol", help="AES, AES256, …"),
    snmp_version: str = typer.Option("2c", "--snmp-version", help="1, 2c or 3."),
    snmp_context: str = typer.Option("", "--snmp-context", help="SNMPv3 context name."),
    vsan: Optional[List[int]] = typer.Option(
        None, "--vsan", help="Ad hoc, where zoning is per VSAN: VSANs to read."
    ),
    command_timeout: float = typer.Option(60.0, "--command-timeout", help="Seconds per command."),
    switch_timeout: float = typer.Option(300.0, "--switch-timeout", help="Seconds per switch."),
    connect_timeout: float = typer.Option(10.0, "--connect-timeout", help="Seconds to log in."),
    retries: int = typer.Option(
        1,
        "--retries",
        min=0,
        max=5,
        help="Extra attempts for unreachable/timed-out/dropped switches.",
    ),
    snmp_timeout: float = typer.Option(2.0, "--snmp-timeout", help="Seconds per SNMP request."),
    snmp_max_rows: int = typer.Option(
        200_000, "--snmp-max-rows", min=1, help="Rows per SNMP table before its walk stops (ZP725)."
    ),
    fmt: str = typer.Option("text", "--format", "-f", help="text, json or parsable."),
    verbose: bool = verbose_option(),
) -> None:
    """Read switches live and save what they said as a capture folder (for offline audits).

    Secrets come from the environment (ZONEPLAN_PROFILE_PASSWORD…), the credentials file or
    a prompt, never from the inventory. Exit codes: 0 every switch read, 1 error findings in
    what was read, 2 unusable input or usage, 3 a switch could not be read.

    Example: `zoneplan collect site.yaml --out captures/ --via ssh`
    """
    from ..live.credentials import CredentialStore
    from ..live.snmp import SnmpOptions
    from ..live.ssh import SshOptions
    from ..outputs import OutputError
    from ..packs import known_vendors
    from ..workflows.collect import (
        adhoc_target,
        collect,
        finish_collect,
        insecure_host_key_option,
        inventory_targets,
        run_exit_code,
        unusable,
    )

    if fmt not in FORMATS:
        err_console.print(f"unknown format {escape(fmt)!r}; use one of {', '.join(FORMATS)}")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    if via not in ("ssh", "snmp"):
        err_console.print("--via must be ssh or snmp")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    if (inventory is None) == (switch is None):
        err_console.print("give an INVENTORY or --switch HOST (one of them)")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    store = CredentialStore(path=credentials, inventory_path=inventory)
    if switch is not None:
        vendors = known_vendors()
        if vendor not in vendors:
            err_console.print("--switch needs " + " or ".join(f"--vendor {v}" for v in vendors))
            raise typer.Exit(ExitCode.UNUSABLE_INPUT)
        chosen = adhoc_target(
            switch,
            vendor,
            store,
            via=via,
            name=name,
            user=user,
            community=community,
            v3_user=v3_user,
            v3_auth_protocol=v3_auth_protocol,
            v3_priv_protocol=v3_priv_protocol,
            snmp_context=snmp_context,
            vsans=vsan or (),
        )
    else:
        chosen = inventory_targets(inventory, store, via=via, fabric=fabric)  # type: ignore[arg-type]
    if not chosen.usable:
        print_findings(chosen.all_findings(), fmt)
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    if accept_new_host_key and via == "ssh":
        chosen.findings.append(insecure_host_key_option())
    findings = chosen.all_findings()
    if unusable(chosen):
        print_findings(findings, fmt)
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)

    ssh_opts = SshOptions(
        connect_timeout=connect_timeout,
        command_timeout=command_timeout,
        switch_timeout=switch_timeout,
        retries=retries,
        known_hosts=known_hosts,
        accept_new_host_key=accept_new_host_key,
    )
    snmp_opts = SnmpOptions(
        version=snmp_version,
        timeout=snmp_timeout,
        max_rows=snmp_max_rows,
        retries=retries,
        switch_timeout=switch_timeout,
        context=snmp_context,
    )
    try:
        with progress_display(len(chosen.targets), quiet=fmt != "text") as progress:
            results = collect(
                chosen.targets,
                out,
                concurrency=concurrency,
                ssh_options=ssh_opts,
                snmp_options=snmp_opts,
                progress=progress,
            )
    except OutputError as exc:  # checked before any switch is read
        err_console.print(f"nothing read, nothing written: {safe(exc)}")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT) from exc
    allf, suppressed = finish_collect(chosen, results)
    print_findings(
        allf,
        fmt,
        verbose=verbose,
        suppressed=suppressed,
        extra={
            "switches": [
                {
                    "name": r.name,
                    "status": r.status,
                    "folder": str(r.folder) if r.folder else None,
                    "seconds": round(r.seconds, 3),
                }
                for r in results
            ]
        },
    )
    raise typer.Exit(run_exit_code(results, allf, read=False))


@contextmanager
def progress_display(total: int, *, quiet: bool):  # noqa: ANN201 - Iterator[ProgressFn]
    """A rich progress bar on a TTY, plain lines on stderr otherwise (nothing when quiet)."""
    if sys.stderr.isatty() and not quiet and total:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=err_console,
            transient=False,
        ) as bar:
            task = bar.add_task("reading switches", total=total)

            def progress(event, target, result):  # noqa: ANN001, ANN202
                if event == "done":
                    bar.advance(task)
                    bar.console.print(
                        f"{escape(target.name)}: {result.status} ({result.seconds:.1f}s)"
                    )

            yield progress
        return

    def plain(event, target, result):  # noqa: ANN001, ANN202
        if event == "done":
            sys.stderr.write(f"{target.name}: {result.status} ({result.seconds:.1f}s)\n")
        else:
            sys.stderr.write(f"{target.name}: reading {target.address} via {target.via}\n")
        sys.stderr.flush()

    yield plain


def register(app: typer.Typer) -> None:
    app.command()(collect)
