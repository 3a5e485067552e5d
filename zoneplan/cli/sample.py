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
    vendor_a: str = typer.Option(
        "brocade", metavar="VENDOR", help="Vendor of fabric A (brocade or cisco)."
    ),
    vendor_b: str = typer.Option(
        "cisco", metavar="VENDOR", help="Vendor of fabric B (brocade or cisco)."
    ),
    seed: int = typer.Option(0, metavar="N", help="Random seed (host operating systems)."),
    force: bool = force_option(),
) -> None:
    """Write a synthetic, valid inventory (benchmarks, trying the tool on a big site).

    Example: `zoneplan sample --hosts 500 -o big-site.yaml`
    """
    from ..samplegen import generate_inventory_yaml

    for v in (vendor_a, vendor_b):
        if v not in ("brocade", "cisco"):
            raise usage_error(f"unknown vendor {v!r}: use brocade or cisco")
    text = generate_inventory_yaml(hosts, vendor_a=vendor_a, vendor_b=vendor_b, seed=seed)
    if out is None:
        typer.echo(text, nl=False)
        return
    err_console.print(written_line(write_file(out, text, force=force), f"{hosts} hosts"))


def register(app: typer.Typer) -> None:
    app.command()(sample)
