"""What every command shares: ``--format``, the finding filters, ``--force``, help metavars.

Why one module: an admin learns one convention. ``--select``/``--ignore`` take rule codes,
code prefixes (``ZP3``) or rule names and refuse anything that names no rule (exit 2): a typo
must not look like a clean run. ``--min-severity`` hides what is below it (fatal findings are
always shown). ``--force`` means the same everywhere (see :mod:`zoneplan.outputs`).
"""

from __future__ import annotations

from typing import List, Optional

import typer
from rich.markup import escape

from ..findings import ExitCode, Severity
from ..rules.policy import Filters
from .output import err_console

SEVERITIES = ("info", "warning", "error")

#: the one help text of ``--force`` (every command that writes files)
FORCE_HELP = (
    "Replace output files that exist with other content (the old content is kept as "
    "NAME.bak). Without it nothing is written when one would be replaced (exit 2)."
)


def select_option() -> Optional[List[str]]:
    return typer.Option(
        None,
        "--select",
        metavar="CODE",
        help="Only these rules: codes, prefixes (ZP3) or names; repeat or comma-separate.",
    )


def ignore_option() -> Optional[List[str]]:
    return typer.Option(
        None,
        "--ignore",
        metavar="CODE",
        help="Leave out these rules: codes, prefixes (ZP308) or names.",
    )


def min_severity_option() -> Optional[str]:
    return typer.Option(
        None,
        "--min-severity",
        metavar="LEVEL",
        help="Show only findings at least this severe: info, warning or error.",
    )


def format_option(formats: tuple[str, ...] = ("text", "json", "parsable")) -> str:
    return typer.Option("text", "--format", "-f", metavar="FORMAT", help=f"{', '.join(formats)}.")


def force_option() -> bool:
    return typer.Option(False, "--force", help=FORCE_HELP)


def usage_error(message: str) -> typer.Exit:
    """Print ``message`` on stderr; the caller raises the returned exit (code 2)."""
    err_console.print(escape(message))
    return typer.Exit(ExitCode.UNUSABLE_INPUT)


def check_format(fmt: str, formats: tuple[str, ...] = ("text", "json", "parsable")) -> None:
    if fmt not in formats:
        raise usage_error(f"unknown format {fmt!r}; use one of {', '.join(formats)}")


def parse_filters(
    select: Optional[List[str]], ignore: Optional[List[str]], min_severity: Optional[str]
) -> Filters:
    """The finding filters, or exit 2 naming what is unknown."""
    from ..rules.registry import selector_codes

    sel, bad_sel = selector_codes(select or [])
    ign, bad_ign = selector_codes(ignore or [])
    bad = [("--select", v) for v in bad_sel] + [("--ignore", v) for v in bad_ign]
    if bad:
        what = ", ".join(f"{opt} {v!r}" for opt, v in bad)
        raise usage_error(
            f"{what}: no rule has that code, prefix or name; 'zoneplan rules' lists them"
        )
    level = None
    if min_severity is not None:
        if min_severity.lower() not in SEVERITIES:
            raise usage_error(
                f"--min-severity {min_severity!r}: use one of {', '.join(SEVERITIES)}"
            )
        level = Severity(min_severity.lower())
    return Filters(tuple(sel), tuple(ign), level)
