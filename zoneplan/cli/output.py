"""Printing findings and summaries: the only place (with the commands) that writes output.

Every value a finding carries (message, hint, subject, file) can hold text from an inventory,
a switch or a path. Before it reaches a terminal or a log it passes
:func:`zoneplan.sanitise.escape_text`: control characters and ANSI escapes are shown as
``\x1b``, ``\n``..., so no value can take over a terminal or start a forged ``file:1:1:``
line of the parsable format. JSON output is exact (the JSON writer escapes them). Commands
printing their own text use :func:`safe` (escaped, and rich markup escaped).
"""

from __future__ import annotations

import json
import os
import sys
from collections import defaultdict
from dataclasses import replace
from typing import Iterable, Sequence

from rich.console import Console, ConsoleDimensions
from rich.markup import escape
from rich.text import Text

from ..findings import Finding, Location, Severity, sort_findings


def escape_text(value: object) -> str:
    """:func:`zoneplan.sanitise.escape_text`, imported when first needed: the sanitiser loads
    jinja2, which ``zoneplan rules`` (answering instantly) must not."""
    from ..sanitise import escape_text as escape_it

    return escape_it(value)


#: results on stdout, diagnostics on stderr; colours off when NO_COLOR is set or not a TTY.
#: the width of output that is not a terminal's: nothing is wrapped (CI logs, ``> file``, grep)
UNWRAPPED = 100_000


class _Console(Console):
    """A rich console that wraps at the terminal's width, and not at all for a pipe or a file.

    Why: rich assumes 80 columns (or ``$COLUMNS``, which some runners export) when the
    output is not a terminal, which cuts findings and paths in CI logs and breaks ``grep``.
    """

    @property
    def size(self) -> ConsoleDimensions:
        size = Console.size.fget(self)  # type: ignore[attr-defined]
        if not self.is_terminal:
            return ConsoleDimensions(UNWRAPPED, size.height)
        return size

    @size.setter
    def size(self, value: tuple[int, int]) -> None:
        Console.size.fset(self, value)  # type: ignore[attr-defined]


console = _Console(highlight=False, no_color=bool(os.environ.get("NO_COLOR")))
err_console = _Console(stderr=True, highlight=False, no_color=bool(os.environ.get("NO_COLOR")))

_STYLE = {
    Severity.FATAL: "bold red",
    Severity.ERROR: "red",
    Severity.WARNING: "yellow",
    Severity.INFO: "cyan",
}

FORMATS = ("text", "json", "parsable")


def safe(value: object) -> str:
    """Any value for a rich ``print``: control characters visible, rich markup escaped."""
    return escape(escape_text(value))


def escaped(f: Finding) -> Finding:
    """``f`` with every text field made safe for a terminal (see the module docstring)."""
    loc = f.location
    return replace(
        f,
        message=escape_text(f.message),
        hint=escape_text(f.hint),
        subject=escape_text(f.subject),
        name=escape_text(f.name),
        code=escape_text(f.code),
        location=Location(escape_text(loc.file), loc.line, loc.col) if loc else None,
    )


def print_findings(
    findings: Iterable[Finding],
    fmt: str = "text",
    *,
    suppressed: Sequence[tuple[Finding, str]] = (),
    title: str = "",
    extra: dict | None = None,
) -> None:
    """Print findings as rich text grouped by file, as parsable lines, or as JSON."""
    items = sort_findings(findings)
    if fmt == "json":
        doc = {
            "findings": [f.as_dict() for f in items],
            "suppressed": [dict(f.as_dict(), reason=r) for f, r in suppressed],
            "summary": _counts(items),
        }
        if extra:
            doc.update(extra)
        sys.stdout.write(json.dumps(doc, indent=2, sort_keys=False) + "\n")
        return
    if fmt == "parsable":
        for f in items:
            sys.stdout.write(escaped(f).parsable() + "\n")
        return
    items = [escaped(f) for f in items]
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in items:
        groups[f.location.file if f.location else "(general)"].append(f)
    if title:
        console.print(Text(escape_text(title), style="bold"))
    for file, group in groups.items():
        console.print(Text(file, style="bold underline"))
        for f in group:
            loc = f.location
            pos = f"{loc.line}:{loc.col or 0}" if loc and loc.line is not None else "-"
            line = Text("  ")
            line.append(f"{pos:>8}  ", style="dim")
            line.append(f"{f.severity.value:<8}", style=_STYLE[f.severity])
            line.append(f"{f.code}  ", style="bold")
            line.append(f.message)
            line.append(f"  ({f.name})", style="dim")
            console.print(line)
            if f.hint:
                console.print(f"            [dim]hint:[/dim] {escape(f.hint)}")
    counts = _counts(items)
    summary = ", ".join(f"{n} {k}" for k, n in counts.items() if n) or "no findings"
    if suppressed:
        summary += f"; {len(suppressed)} suppressed"
    console.print(Text(summary, style="bold"))


def _counts(items: Sequence[Finding]) -> dict[str, int]:
    out = {s.value: 0 for s in (Severity.FATAL, Severity.ERROR, Severity.WARNING, Severity.INFO)}
    for f in items:
        out[f.severity.value] += 1
    return out
