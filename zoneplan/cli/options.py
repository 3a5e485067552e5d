"""What every command shares: ``--format``, the finding filters, ``--force``, help metavars.

Why one module: an admin learns one convention. ``--select``/``--ignore`` take rule codes,
code prefixes (``ZP3``) or rule names and refuse anything that names no rule (exit 2): a typo
must not look like a clean run. ``--min-severity`` hides what is below it (fatal findings are
always shown). ``--force`` means the same everywhere (see :mod:`zoneplan.outputs`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, List, Mapping, Optional

import typer

from ..findings import ExitCode, Severity
from ..rules.policy import Filters
from .output import err_console, safe

if TYPE_CHECKING:
    from ..outputs import WriteResult

SEVERITIES = ("info", "warning", "error")

#: the one help text of ``--force`` (every command that writes files)
FORCE_HELP = (
    "Replace output files that exist with other content, keeping the old content as "
    "NAME.bak. Without it nothing is written when a file would change (exit 2)."
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


def verbose_option() -> bool:
    return typer.Option(
        False,
        "--verbose",
        "-v",
        help="List every finding: text output folds a code repeated in a file into one line.",
    )


def force_option() -> bool:
    return typer.Option(False, "--force", help=FORCE_HELP)


def usage_error(message: str) -> typer.Exit:
    """Print ``message`` on stderr; the caller raises the returned exit (code 2)."""
    err_console.print(safe(message))
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


def write_file(path: Path, data: str | bytes, *, force: bool) -> WriteResult:
    """:func:`zoneplan.outputs.write_output` under the one ``--force`` rule; exit 2 with the
    reason when the file cannot be written (nothing written then)."""
    from ..outputs import OutputError, write_output

    try:
        return write_output(path, data, force=force)
    except OutputError as exc:
        raise usage_error(f"nothing written: {exc}") from exc


def write_files(root: Path, files: Mapping[str, str | bytes], *, force: bool) -> list[WriteResult]:
    """:func:`zoneplan.outputs.write_outputs` under the one ``--force`` rule (exit 2 on a
    conflict or an unusable target, nothing written)."""
    from ..outputs import OutputError, write_outputs

    try:
        return write_outputs(root, files, force=force)
    except OutputError as exc:
        raise usage_error(f"nothing written: {exc}") from exc


def checked_output(path: Path) -> None:
    """Exit 2 before any work when ``-o FILE`` cannot be written (a folder, a link…)."""
    from ..outputs import OutputError, check_output

    try:
        check_output(path)
    except OutputError as exc:
        raise usage_error(f"nothing written: {exc}") from exc


def written_line(result: WriteResult, what: str = "") -> str:
    """``wrote PATH (what)``, ``unchanged PATH``, ``replaced PATH (old content: PATH.bak)``."""
    from ..outputs import Written

    shown = safe(result.path)
    if result.status is Written.UNCHANGED:
        return f"unchanged {shown}"
    extra = f" ({safe(what)})" if what else ""
    if result.backup is not None:
        return f"replaced {shown}{extra}; old content: {safe(result.backup.name)}"
    return f"wrote {shown}{extra}"


# --------------------------------------------------------------------------- help text

try:  # typer's own classes; the help they print shows Python types (<list[Path]>, {name})
    from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption
except ImportError:  # pragma: no cover - typer without its core module
    TyperArgument = TyperCommand = TyperGroup = TyperOption = None  # type: ignore[assignment,misc]


if TyperArgument is not None:

    class _Argument(TyperArgument):
        """An argument shown as ``INVENTORY`` (``[INVENTORY]`` when optional), no type."""

        def display_type_rich(self, ctx):  # noqa: ANN001, ANN201
            return None

        def _usage_display_name(self) -> str:
            name = self.metavar or (self.name or "").upper()
            if self.nargs != 1 and not name.endswith("..."):
                name += "..."
            return name if self.required else f"[{name}]"

    def plain_help(params: list) -> None:
        """Metavars an admin reads (``--out DIR``, ``INVENTORY``) instead of Python types."""
        for p in params:
            if isinstance(p, TyperArgument):
                if p.metavar is None:
                    p.metavar = (p.name or "").upper() + ("..." if p.nargs != 1 else "")
                if type(p) is TyperArgument:
                    p.__class__ = _Argument
            elif isinstance(p, TyperOption):
                if p.is_flag:
                    p.metavar = ""
                elif p.metavar is None:
                    longest = max(p.opts, key=len, default=p.name or "")
                    p.metavar = longest.lstrip("-").replace("-", "_").upper()

    class Command(TyperCommand):
        """A zoneplan command: its help shows metavars, not Python types."""

        def get_params(self, ctx):  # noqa: ANN001, ANN201
            params = super().get_params(ctx)
            plain_help(params)
            return params

    class Group(TyperGroup):
        """The ``zoneplan`` app and its sub-apps, with the same help style."""

        def get_params(self, ctx):  # noqa: ANN001, ANN201
            params = super().get_params(ctx)
            plain_help(params)
            return params

else:  # pragma: no cover
    Command = Group = None  # type: ignore[assignment,misc]


class App(typer.Typer):
    """``typer.Typer`` whose commands and sub-apps use :class:`Command` and :class:`Group`."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("cls", Group)
        # markdown: a docstring's paragraphs are re-flowed to the terminal, not cut at its
        # source line breaks
        kwargs.setdefault("rich_markup_mode", "markdown")
        super().__init__(*args, **kwargs)

    def command(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
        kwargs.setdefault("cls", Command)
        return super().command(*args, **kwargs)
