"""``zoneplan hosts config`` and ``zoneplan hosts verify``: the client side of the cluster."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, List, Optional

import typer
from rich.markup import escape

from ..findings import ExitCode, Location, exit_code_for
from .options import (
    App,
    check_format,
    force_option,
    format_option,
    ignore_option,
    min_severity_option,
    parse_filters,
    select_option,
    verbose_option,
    write_files,
    written_line,
)
from .output import console, err_console, print_findings

if TYPE_CHECKING:
    from ..model import Host
    from ..validate import Validation

hosts_app = App(
    name="hosts",
    help=(
        "Client multipath: per-OS settings for every host, and checking a host's "
        "'multipath -ll' against the zoning plan."
    ),
    no_args_is_help=True,
)


def _load(inventory: Path, fmt: str = "text") -> Validation:
    """Validate the inventory; exit 2 with its findings when it cannot be used."""
    from ..workflows.validate import validate_inventory

    result = validate_inventory(inventory)
    if not result.usable or result.topology is None:
        print_findings(result.findings, fmt, suppressed=result.suppressed)
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    if result.topology.inventory.cluster is None:
        err_console.print(
            f"{escape(str(inventory))}: the inventory has no cluster, so no cluster LUNs"
        )
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    return result


def _host(result: Validation, name: str) -> Host:
    from ..hosts.paths import host_by_name

    host = host_by_name(result.topology, name)
    if host is None:
        known = ", ".join(h.name for h in result.topology.inventory.hosts) or "none"
        err_console.print(f"no host {escape(name)!r} in the inventory (hosts: {escape(known)})")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    return host


@hosts_app.command("config")
def config(
    inventory: Path = typer.Argument(..., help="Inventory YAML file."),
    out: Optional[Path] = typer.Option(
        None, "--out", "-o", help="Write one file per client into this folder."
    ),
    host: Optional[str] = typer.Option(None, "--host", help="Only this client."),
    legacy: bool = typer.Option(
        False,
        "--legacy",
        help="Linux/Xen: RHEL 5/6 syntax (getuid_callout, rr_min_io) for old multipath-tools.",
    ),
    force: bool = force_option(),
) -> None:
    """Write the multipath settings each client needs (Linux, Xen, Windows, ESXi, Xsan).

    Each file states the expected result from the zoning plan: paths per LUN, how many
    active (active node) and standby (standby node). Without --out the files are printed.

    Example: `zoneplan hosts config site.yaml --out hosts/`
    """
    from ..workflows.hosts import host_configs

    result = _load(inventory)
    client = _host(result, host) if host is not None else None
    files = host_configs(result.topology, client, legacy=legacy, inventory_file=inventory.name)
    errors = [f for f in result.findings if f.severity.rank >= 2]
    if errors:
        err_console.print(
            f"note: the inventory has {len(errors)} error finding(s); see 'zoneplan validate'"
        )
    if out is None:
        for i, f in enumerate(files):
            if len(files) > 1:
                typer.echo(("\n" if i else "") + f"==> {f.filename} <==")
            typer.echo(f.text, nl=False)
        return
    results = write_files(out, {f.filename: f.text for f in files}, force=force)
    for f, written in zip(files, results, strict=True):
        where = f"install as {f.install_path}; " if f.install_path else ""
        console.print(written_line(written, f"{where}{f.paths.summary()}"))


@hosts_app.command("verify")
def verify(
    inventory: Path = typer.Argument(..., help="Inventory YAML file."),
    host: str = typer.Option(..., "--host", help="The client the output comes from."),
    multipath_ll: Path = typer.Option(
        ..., "--multipath-ll", help="Saved output of 'multipath -ll' on that client."
    ),
    fmt: str = format_option(),
    select: Optional[List[str]] = select_option(),
    ignore: Optional[List[str]] = ignore_option(),
    min_severity: Optional[str] = min_severity_option(),
    verbose: bool = verbose_option(),
) -> None:
    """Check a client's 'multipath -ll' against the plan: ALUA, path groups, paths, states.

    Exit 0 when it matches (or only warnings), 1 on error findings, 2 when the inventory or
    the file cannot be used.

    Example: `zoneplan hosts verify site.yaml --host lnx01 --multipath-ll lnx01-mpll.txt`
    """
    from ..model import HostOS
    from ..rules.multipath import MpllUnreadable
    from ..workflows.hosts import read_multipath_ll, verify_multipath_ll

    check_format(fmt)
    filters = parse_filters(select, ignore, min_severity)
    result = _load(inventory, fmt)
    client = _host(result, host)
    if client.os not in (HostOS.LINUX, HostOS.CITRIX_XEN):
        err_console.print(
            f"host {escape(host)} runs {client.os.value}: 'multipath -ll' output comes from "
            "linux and citrix-xen hosts; see 'zoneplan hosts config' for its checks"
        )
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    text, why = read_multipath_ll(multipath_ll)
    if text is None:
        finding = MpllUnreadable.make(
            f"cannot read {multipath_ll}: {why}", Location(str(multipath_ll)), subject=host
        )
        print_findings([finding], fmt)
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    outcome = verify_multipath_ll(result.topology, client, text, str(multipath_ll), filters=filters)
    expected = outcome.expected
    title = (
        f"{host}: expected {expected.summary()}; "
        f"{len(outcome.cluster_maps)} cluster LUN(s) of {len(outcome.parsed.maps)} map(s) read"
    )
    print_findings(
        outcome.findings,
        fmt,
        verbose=verbose,
        title=title,
        suppressed=outcome.suppressed,
        extra={"host": host, **outcome.as_dict()},
    )
    raise typer.Exit(exit_code_for(outcome.findings))


def register(app: typer.Typer) -> None:
    app.add_typer(hosts_app, name="hosts")
