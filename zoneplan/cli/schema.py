"""``zoneplan schema``: the JSON Schemas generated from the models, printed or written."""

from __future__ import annotations

from pathlib import Path

import typer

from .output import console


def schema(
    write: bool = typer.Option(
        False, "--write", help="Write the files into --dir instead of printing."
    ),
    directory: Path = typer.Option(
        Path("schemas"), "--dir", help="Where --write puts the schemas."
    ),
) -> None:
    """Print or regenerate the JSON Schemas generated from the models."""
    from ..schemas import generate_schemas

    docs = generate_schemas()
    if not write:
        typer.echo(docs["inventory.schema.json"], nl=False)
        return
    from ..outputs import Written, write_output

    for name, text in docs.items():
        target = directory / name
        # generated files: regenerating overwrites them (they are in git, not the user's)
        if write_output(target, text, force=True).status is Written.UNCHANGED:
            console.print(f"unchanged {target}")
            continue
        console.print(f"wrote {target}")


def register(app: typer.Typer) -> None:
    app.command()(schema)
