"""``zoneplan sample``: write a synthetic inventory of any size."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .options import force_option, usage_error, write_file, written_line
from .output import err_console


def sample(
    hosts: int = typer.Option(
        100, "--hosts", min=0, max=200_000, metavar="N", help="Number of dual-fabric clients."
    ),
    out: Optional[Path] = typer.Option(
        None, "-o", "--out", metavar="FILE", help="Write here instead of stdout."
    ),
    vendor_a: Optional[str] = typer.Option(
        None,
        metavar="VENDOR",
        help="Vendor of fabric A: a vendor pack's word (default: the first pack's).",
    ),
    vendor_b: Optional[str] = typer.Option(
        None,
        metavar="VENDOR",
        help="Vendor of fabric B: a vendor pack's word (default: the second pack's).",
    ),
    seed: int = typer.Option(0, metavar="N", help="Random seed (host operating systems)."),
    force: bool = force_option(),
) -> None:
    """Write a synthetic, valid inventory (benchmarks, trying the tool on a big site).

    Example: `zoneplan sample --hosts 500 -o big-site.yaml`
    """
    from ..packs import known_vendors
    from ..samplegen import generate_inventory_yaml

    vendors = known_vendors()
    for v in (vendor_a, vendor_b):
        if v is not None and v not in vendors:
            raise usage_error(f"unknown vendor {v!r}: use {' or '.join(vendors)}")
    text = generate_inventory_yaml(hosts, vendor_a=vendor_a, vendor_b=vendor_b, seed=seed)
    if out is None:
        typer.echo(text, nl=False)
        return
    err_console.print(written_line(write_file(out, text, force=force), f"{hosts} hosts"))


def register(app: typer.Typer) -> None:
    app.command()(sample)
