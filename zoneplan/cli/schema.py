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
    from ..findings import ExitCode
    from ..outputs import OutputError, Written, write_outputs
    from .output import err_console

    try:
        # generated files: regenerating overwrites them (they are in git, not the user's)
        results = write_outputs(directory, docs, force=True)
    except OutputError as exc:
        err_console.print(f"nothing written: {exc}", markup=False)
        raise typer.Exit(ExitCode.UNUSABLE_INPUT) from exc
    for w in results:
        console.print(f"{'unchanged' if w.status is Written.UNCHANGED else 'wrote'} {w.path}")


def register(app: typer.Typer) -> None:
    app.command()(schema)
