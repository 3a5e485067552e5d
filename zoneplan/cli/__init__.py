"""The ``zoneplan`` command line: thin wrappers that call the library and print its results.

Each module of this package defines ``register(app)``; the app is assembled from them, so
commands are added without touching a central list. Exit codes (every command):
0 clean, 1 error findings, 2 unusable input or usage, 3 a switch could not be read.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import typer

from .. import __version__
from .options import App

app = App(
    name="zoneplan",
    help=(
        "Fibre Channel SAN zoning planner and validator.\n\n"
        "Exit codes: 0 clean (or warnings/info only), 1 error findings, "
        "2 unusable input or bad usage, 3 a switch could not be read."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
    rich_markup_mode="markdown",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"zoneplan {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version."
    ),
) -> None:
    """Fibre Channel SAN zoning planner and validator."""


def _load_commands() -> None:
    from .. import cli as pkg

    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
        if info.name.startswith("_") or info.name == "output":
            continue
        module = importlib.import_module(f"{pkg.__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)


_load_commands()


def main() -> None:
    """Console-script entry point: usage errors exit 2, never with a traceback."""
    try:
        app(standalone_mode=True)
    except KeyboardInterrupt:  # pragma: no cover - interactive
        sys.stderr.write("interrupted\n")
        sys.exit(130)
