"""``zoneplan sample``: write a synthetic inventory of any size."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..findings import ExitCode
from .output import err_console


def sample(
    hosts: int = typer.Option(
        100, "--hosts", min=0, max=200_000, help="Number of dual-fabric clients."
    ),
    out: Optional[Path] = typer.Option(None, "-o", "--out", help="Write here instead of stdout."),
    vendor_a: Optional[str] = typer.Option(
        None, help="Vendor of fabric A: a vendor pack's word (default: the first pack's)."
    ),
    vendor_b: Optional[str] = typer.Option(
        None, help="Vendor of fabric B: a vendor pack's word (default: the second pack's)."
    ),
    seed: int = typer.Option(0, help="Random seed (host operating systems)."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Write a synthetic, valid inventory (benchmarks, trying the tool on a big site)."""
    from ..packs import known_vendors
    from ..samplegen import generate_inventory_yaml

    vendors = known_vendors()
    for v in (vendor_a, vendor_b):
        if v is not None and v not in vendors:
            err_console.print(f"unknown vendor {v!r}: use {' or '.join(vendors)}")
            raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    text = generate_inventory_yaml(hosts, vendor_a=vendor_a, vendor_b=vendor_b, seed=seed)
    if out is None:
        typer.echo(text, nl=False)
        return
    from ..outputs import Written, write_output

    if write_output(out, text, force=force, conflict="refuse").status is Written.KEPT:
        err_console.print(f"{out} exists; pass --force to overwrite it")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    err_console.print(f"wrote {out} ({hosts} hosts)")


def register(app: typer.Typer) -> None:
    app.command()(sample)
