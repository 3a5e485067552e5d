"""``zoneplan plan``: inventory → per-fabric zoning scripts, rollback scripts and plan.json.

The work is :func:`zoneplan.workflows.plan.plan_inventory`; files are written by
:mod:`zoneplan.outputs`: never overwritten silently (a file that would change needs
``--force``, which keeps the old content as ``<name>.bak``), identical files left untouched, so
a rerun of the same inventory changes nothing on disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..findings import ExitCode, exit_code_for
from .options import force_option, format_option, verbose_option
from .output import FORMATS, console, err_console, print_findings, safe

STRATEGIES = ("sist", "simt", "peer", "smart")


def plan(
    inventory: Path = typer.Argument(..., metavar="INVENTORY", help="Inventory YAML file."),
    out: Path = typer.Option(
        ..., "--out", "-o", metavar="DIR", help="Folder for the artefacts and plan.json."
    ),
    fabric: Optional[str] = typer.Option(
        None, "--fabric", metavar="NAME", help="Plan this fabric only."
    ),
    strategy: Optional[str] = typer.Option(
        None,
        "--strategy",
        metavar="STRATEGY",
        help="sist, simt, peer or smart (default: policy.strategy).",
    ),
    fmt: str = format_option(("text", "json")),
    against: Optional[List[Path]] = typer.Option(
        None,
        "--against",
        metavar="CAPTURE",
        help="Capture file or folder of the fabrics as they are (zoneplan collect): the change "
        "is computed against it.",
    ),
    greenfield: bool = typer.Option(
        False,
        "--greenfield",
        help="Fabrics without a capture are new (no zoning): create and enable their config.",
    ),
    allow_delete: bool = typer.Option(
        False,
        "--allow-delete",
        help="Also remove what zoneplan created and the inventory no longer has.",
    ),
    enable_zoning: bool = typer.Option(
        False,
        "--enable-zoning",
        help="A fabric with no config in effect: enable one (changes every device's access).",
    ),
    accept_pending: bool = typer.Option(
        False,
        "--accept-pending",
        help="Enable the config even where its defined content differs from the effective one "
        "(publishes that pending change).",
    ),
    previous: Optional[Path] = typer.Option(
        None,
        "--previous",
        metavar="PLAN_JSON",
        help="The plan.json of the change last applied (what zoneplan created); default: "
        "OUT/plan.json when it exists.",
    ),
    force: bool = force_option(),
    verbose: bool = verbose_option(),
) -> None:
    """Compute each fabric's zoning change and write its precheck, script, rollback and verify.

    The change is computed against the fabric as it is (--against a capture folder from
    `zoneplan collect`): it edits the config in effect, keeps every object zoneplan did not
    create, and removes only with --allow-delete. A fabric without a capture gets a script only
    when declared new (--greenfield or fabrics[].zoning.greenfield). Writes per fabric
    OUT/FABRIC/FABRIC.precheck.txt, .script.txt, .rollback.txt and .verify.txt, and
    OUT/plan.json. Unchanged files are left alone; when a file would change, nothing is written
    without --force (exit 2); with it the old content is kept as NAME.bak. A refused change
    (ZP550–ZP563) writes nothing.

    Exit codes: 0 clean (warnings/info only), 1 error findings, 2 unusable input, usage or a
    refused change.

    Example: `zoneplan plan site.yaml --against captures/ --out plan/`
    """
    from ..outputs import OutputError
    from ..workflows.plan import plan_inventory, write_plan

    if fmt not in ("text", "json") or fmt not in FORMATS:
        err_console.print(f"unknown format {safe(fmt)!r}; use text or json")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    if strategy is not None and strategy not in STRATEGIES:
        err_console.print(f"unknown strategy {safe(strategy)!r}; use {', '.join(STRATEGIES)}")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    if allow_delete and not against:
        err_console.print("--allow-delete needs --against (removals are computed from a capture)")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)

    run = plan_inventory(
        inventory,
        strategy=strategy,
        fabric=fabric,
        against=against or (),
        allow_delete=allow_delete,
        greenfield=greenfield,
        enable_zoning=enable_zoning,
        accept_pending=accept_pending,
        previous=previous,
        out=out,
    )
    findings, suppressed = run.findings, run.suppressed
    if run.stopped in ("inventory", "captures", "change"):
        if run.stopped == "change" and fmt == "text":
            err_console.print(
                "no change written: "
                + (", ".join(safe(b) for b in run.blocked) or "the ownership record")
                + " refused (see the findings)"
            )
        print_findings(findings, fmt, suppressed=suppressed, verbose=verbose)
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    if run.stopped == "plan":
        err_console.print(f"cannot plan: {safe(run.error)}")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    if run.stopped == "render":
        err_console.print(f"refusing to write scripts: {safe(run.error)}")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    the_plan = run.plan
    assert the_plan is not None
    try:
        files = write_plan(run, out, force=force)
    except OutputError as exc:
        err_console.print(f"nothing written: {safe(str(exc))}")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT) from exc

    changes = run.changes
    if fmt == "json":
        summary = [_fabric_summary(fp, changes.get(fp.name)) for fp in the_plan.fabrics]
        print_findings(
            findings,
            "json",
            suppressed=suppressed,
            extra={
                "plan": {
                    "inventory": the_plan.inventory,
                    "hash": the_plan.inventory_hash,
                    "strategy": the_plan.strategy,
                    "fabrics": summary,
                    "notes": the_plan.notes,
                },
                "files": files,
            },
        )
    else:
        _print_summary(the_plan, changes, files)
        print_findings(findings, "text", suppressed=suppressed, verbose=verbose)
    raise typer.Exit(exit_code_for(findings))


def _change_summary(change) -> dict:  # noqa: ANN001
    """What the change does to the fabric, in the words of the console summary."""
    c = change.counts
    added = c.get("create_zone", 0)
    changed = c.get("zone_add_members", 0) + c.get("zone_remove_members", 0)
    return {
        "mode": change.mode,
        "config": change.config,
        "enable": change.enable,
        "save": change.save,
        "operations": len(change.ops),
        "aliases": {
            "added": c.get("create_alias", 0),
            "changed": c.get("alias_add_members", 0) + c.get("repoint_alias", 0),
            "removed": c.get("delete_alias", 0),
        },
        "zones": {"added": added, "changed": changed, "removed": c.get("delete_zone", 0)},
        "config_zones": {
            "added": sum(
                len(o.zones)
                for o in change.ops
                if o.op.value in ("create_config", "config_add_zones")
            ),
            "removed": sum(len(o.zones) for o in change.ops if o.op.value == "config_remove_zones"),
        },
        "foreign_kept": {
            "aliases": len(change.foreign_kept.aliases),
            "zones": len(change.foreign_kept.zones),
            "configs": len(change.foreign_kept.configs),
        },
        "access": {
            "gaining": sum(1 for a in change.access if a.gains),
            "losing": sum(1 for a in change.access if a.loses),
        },
        "fingerprint": change.against.fingerprint if change.against else None,
    }


def _fabric_summary(fp, change) -> dict:  # noqa: ANN001
    kinds: dict[str, int] = {}
    for z in fp.zones:
        kinds[z.kind.value] = kinds.get(z.kind.value, 0) + 1
    size = fp.size
    return {
        "fabric": fp.name,
        "vendor": fp.vendor,
        "vsan": fp.vsan,
        "strategy": fp.strategy,
        "config": change.config if change else fp.config,
        "aliases": len(fp.aliases),
        "zones": kinds,
        "members": sum(len(z.all_members()) for z in fp.zones),
        "zone_db_bytes": size.bytes if size else None,
        "zone_db_limit": size.limit if size else None,
        "change": _change_summary(change) if change else None,
        "notes": fp.notes,
    }


def _print_summary(the_plan, changes, files) -> None:  # noqa: ANN001
    """One block per fabric: what the fabric will look like, readable at any terminal width."""
    console.print(
        f"[bold]zoning plan[/bold] {safe(the_plan.inventory)}  "
        f"[dim](strategy {the_plan.strategy}, inventory hash {the_plan.inventory_hash})[/dim]"
    )
    for note in the_plan.notes:
        console.print(f"  [dim]note:[/dim] {safe(note)}")
    for fp in the_plan.fabrics:
        change = changes.get(fp.name)
        s = _fabric_summary(fp, change)
        vsan = f", VSAN {fp.vsan}" if fp.vsan else ""
        strat = (
            fp.strategy
            if fp.strategy == fp.requested_strategy
            else (f"{fp.strategy} (asked {fp.requested_strategy})")
        )
        console.print(
            f"[bold]fabric {safe(fp.name)}[/bold]  {fp.pack}{vsan}  strategy {strat}  "
            f"config {safe(s['config'])}"
        )
        zones = ", ".join(f"{n} {k}" for k, n in sorted(s["zones"].items())) or "none"
        console.print(
            f"  plan: {s['aliases']} aliases, {len(fp.zones)} zones ({zones}), "
            f"{s['members']} members"
        )
        size = fp.size
        if size is not None:
            pct = size.bytes / size.limit
            style = "red" if pct > 1 else ("yellow" if pct > 0.8 else "green")
            line = (
                f"  zone DB estimate [{style}]{size.bytes:,} of {size.limit:,} bytes "
                f"({pct:.0%})[/{style}], {size.limit_kind} limit"
            )
            if not size.aliases_counted and size.alias_limit:
                line += f"; {size.aliases:,} of {size.alias_limit:,} device-aliases"
            console.print(line)
        if change is not None:
            _print_change(change, s["change"])
        for note in fp.notes:
            console.print(f"  [dim]note:[/dim] {safe(note)}")
    for path, status in files.items():
        console.print(f"  [dim]{status}[/dim] {safe(path)}")


def _print_change(change, c: dict) -> None:  # noqa: ANN001
    against = (
        f"against {safe(change.against.source)}" if change.against else "new fabric (greenfield)"
    )
    if not change.ops:
        console.print(f"  change ({against}): [green]nothing to change[/green]")
    else:
        finish = (
            f"then {safe(change.enable)} is enabled"
            if change.enable
            else ("then the defined database is saved" if change.save else "")
        )
        console.print(f"  change ({against}): {c['operations']} operations, {finish}")
        for what in ("aliases", "zones"):
            n = c[what]
            console.print(
                f"    {what}: {n['added']} added, {n['changed']} changed, {n['removed']} removed"
            )
        cz = c["config_zones"]
        if cz["added"] or cz["removed"]:
            console.print(
                f"    config {safe(change.config)}: {cz['added']} zone(s) added, "
                f"{cz['removed']} removed"
            )
    fk = c["foreign_kept"]
    if any(fk.values()):
        console.print(
            f"    kept as found (not zoneplan's): {fk['aliases']} aliases, {fk['zones']} zones, "
            f"{fk['configs']} other configs"
        )
    for a in change.access[:10]:
        who = safe(a.name or a.wwpn)
        parts = []
        if a.gains:
            parts.append(f"[green]gains {len(a.gains)}[/green] partner(s)")
        if a.loses:
            parts.append(f"[red]loses {len(a.loses)}[/red] partner(s)")
        console.print(f"    access: {who} {', '.join(parts)}")
    if len(change.access) > 10:
        console.print(f"    access: {len(change.access) - 10} more devices (plan.json: access)")
    if change.irreversible:
        console.print(f"    [yellow]rollback:[/yellow] {safe(change.irreversible)}")
    for note in change.notes:
        console.print(f"    [dim]note:[/dim] {safe(note)}")


def register(app: typer.Typer) -> None:
    app.command()(plan)
