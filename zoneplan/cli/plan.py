"""``zoneplan plan``: inventory → per-fabric zoning scripts, rollback scripts and plan.json.

The work is :func:`zoneplan.workflows.plan.plan_inventory`; files are written by
:mod:`zoneplan.outputs`: never overwritten silently (a differing file is first kept as
``<name>.bak``, ``.bak.1``... unless ``--force``), identical files left untouched, so a rerun
of the same inventory changes nothing on disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer
from rich.markup import escape

from ..findings import ExitCode, exit_code_for
from .options import force_option, format_option
from .output import FORMATS, console, err_console, print_findings

STRATEGIES = ("sist", "simt", "peer", "smart")


def plan(
    inventory: Path = typer.Argument(..., metavar="INVENTORY", help="Inventory YAML file."),
    out: Path = typer.Option(
        ..., "--out", "-o", metavar="DIR", help="Folder for scripts and plan.json."
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
    allow_delete: bool = typer.Option(
        False, "--allow-delete", help="With --against: also remove what the plan no longer has."
    ),
    against: Optional[List[Path]] = typer.Option(
        None,
        "--against",
        metavar="CAPTURE",
        help="Capture file or folder of the current zoning: incremental scripts.",
    ),
    force: bool = force_option(),
) -> None:
    """Design the zoning and write per-fabric scripts, rollback scripts and plan.json.

    Writes OUT/FABRIC/FABRIC.script.txt, OUT/FABRIC/FABRIC.rollback.txt and
    OUT/plan.json (folders created as needed). Unchanged files are left alone; when a file
    would change, nothing is written without --force (exit 2); with it the old content is
    kept as NAME.bak. With --against (saved cfgshow / show zoneset output) the scripts are
    incremental; removals need --allow-delete.

    Exit codes: 0 clean (warnings/info only), 1 error findings, 2 unusable input or usage.

    Example: `zoneplan plan site.yaml --against captures/ --out plan/`
    """
    from ..outputs import OutputError
    from ..workflows.plan import plan_inventory, write_plan

    if fmt not in ("text", "json") or fmt not in FORMATS:
        err_console.print(f"unknown format {escape(fmt)!r}; use text or json")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    if strategy is not None and strategy not in STRATEGIES:
        err_console.print(f"unknown strategy {escape(strategy)!r}; use {', '.join(STRATEGIES)}")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    if allow_delete and not against:
        err_console.print("--allow-delete needs --against (removals only in incremental mode)")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)

    run = plan_inventory(
        inventory,
        strategy=strategy,
        fabric=fabric,
        against=against or (),
        allow_delete=allow_delete,
    )
    findings, suppressed = run.findings, run.suppressed
    if run.stopped in ("inventory", "captures"):
        print_findings(findings, fmt, suppressed=suppressed)
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    if run.stopped == "plan":
        err_console.print(f"cannot plan: {escape(run.error)}")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    if run.uncaptured:
        err_console.print(
            f"no zoning captured for fabric(s) {', '.join(run.uncaptured)}: full scripts for them"
        )
    if run.stopped == "render":
        err_console.print(f"refusing to write scripts: {escape(run.error)}")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    the_plan, rendered = run.plan, run.rendered
    assert the_plan is not None
    try:
        files = write_plan(run, out, force=force)
    except OutputError as exc:
        err_console.print(f"nothing written: {escape(str(exc))}")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT) from exc

    changes = {r.fabric: r.change for r in rendered}
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
        print_findings(findings, "text", suppressed=suppressed)
    raise typer.Exit(exit_code_for(findings))


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
        "config": fp.config,
        "aliases": len(fp.aliases),
        "zones": kinds,
        "members": sum(len(z.all_members()) for z in fp.zones),
        "zone_db_bytes": size.bytes if size else None,
        "zone_db_limit": size.limit if size else None,
        "mode": change.mode if change else None,
        "change": change.counts() if change else None,
        "notes": fp.notes,
    }


def _print_summary(the_plan, changes, files) -> None:  # noqa: ANN001
    """One block per fabric: readable at any terminal width."""
    console.print(
        f"[bold]zoning plan[/bold] {escape(the_plan.inventory)}  "
        f"[dim](strategy {the_plan.strategy}, inventory hash {the_plan.inventory_hash})[/dim]"
    )
    for note in the_plan.notes:
        console.print(f"  [dim]note:[/dim] {escape(note)}")
    for fp in the_plan.fabrics:
        s = _fabric_summary(fp, changes.get(fp.name))
        vsan = f", VSAN {fp.vsan}" if fp.vsan else ""
        strat = (
            fp.strategy
            if fp.strategy == fp.requested_strategy
            else (f"{fp.strategy} (asked {fp.requested_strategy})")
        )
        console.print(
            f"[bold]fabric {escape(fp.name)}[/bold]  {fp.pack}{vsan}  strategy {strat}  "
            f"config {escape(fp.config)}"
        )
        zones = ", ".join(f"{n} {k}" for k, n in sorted(s["zones"].items())) or "none"
        console.print(
            f"  {s['aliases']} aliases, {len(fp.zones)} zones ({zones}), {s['members']} members"
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
        change = changes.get(fp.name)
        if change is not None:
            c = change.counts()
            done = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in c.items() if n)
            console.print(f"  {change.mode} change: {done or 'nothing to do'}")
        for note in fp.notes:
            console.print(f"  [dim]note:[/dim] {escape(note)}")
    for path, status in files.items():
        console.print(f"  [dim]{status}[/dim] {escape(path)}")


def register(app: typer.Typer) -> None:
    app.command()(plan)
