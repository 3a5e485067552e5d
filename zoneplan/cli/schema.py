"""``zoneplan schema``: the JSON Schemas generated from the models, printed or written."""

from __future__ import annotations

from pathlib import Path

import typer

from .options import force_option, write_files, written_line
from .output import console


def schema(
    write: bool = typer.Option(
        False, "--write", help="Write the files into --dir instead of printing."
    ),
    directory: Path = typer.Option(
        Path("schemas"), "--dir", metavar="DIR", help="Where --write puts the schemas."
    ),
    force: bool = force_option(),
) -> None:
    """Print or regenerate the JSON Schemas generated from the models.

    Example: `zoneplan schema --write --dir schemas`
    """
    from ..schemas import generate_schemas

    docs = generate_schemas()
    if not write:
        typer.echo(docs["inventory.schema.json"], nl=False)
        return
    for w in write_files(directory, docs, force=force):
        console.print(written_line(w))


def register(app: typer.Typer) -> None:
    app.command()(schema)
