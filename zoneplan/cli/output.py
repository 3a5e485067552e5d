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


#: a code seen more often than this in one file is folded into one line (``--verbose``: all)
FOLD_ABOVE = 5
#: the subjects a folded line names before "and N more"
FOLD_SHOWN = 3


def print_findings(
    findings: Iterable[Finding],
    fmt: str = "text",
    *,
    suppressed: Sequence[tuple[Finding, str]] = (),
    title: str = "",
    extra: dict | None = None,
    verbose: bool = False,
) -> None:
    """Print findings as text grouped by file, as parsable lines, or as JSON.

    Text folds a code repeated more than :data:`FOLD_ABOVE` times in one file into one line
    (the first finding, the count, the next few subjects) unless ``verbose``; JSON and the
    parsable format always list every finding. The report is built whole and written once:
    one ``rich`` print per finding cost more than validating 10,000 hosts.
    """
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
        sys.stdout.write("".join(escaped(f).parsable() + "\n" for f in items))
        return
    report = _Report()
    if title:
        report.line((escape_text(title), "bold"))
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in items:
        groups[f.location.file if f.location else "(general)"].append(f)
    for file, group in groups.items():
        report.line((escape_text(file), "bold underline"))
        for first, more in _folded(group, verbose):
            _finding_lines(report, escaped(first), more)
    counts = _counts(items)
    summary = ", ".join(f"{n} {k}" for k, n in counts.items() if n) or "no findings"
    if suppressed:
        summary += f"; {len(suppressed)} suppressed"
    report.line((summary, "bold"))
    report.write(console)


def _folded(group: list[Finding], verbose: bool) -> list[tuple[Finding, list[Finding]]]:
    """(finding, the later findings of its code and severity folded into it), in order."""
    if verbose or len(group) <= FOLD_ABOVE:
        return [(f, []) for f in group]
    by_kind: dict[tuple[str, Severity], list[Finding]] = defaultdict(list)
    for f in group:
        by_kind[(f.code, f.severity)].append(f)
    out: list[tuple[Finding, list[Finding]]] = []
    for f in group:
        same = by_kind[(f.code, f.severity)]
        if len(same) <= FOLD_ABOVE:
            out.append((f, []))
        elif same[0] is f:
            out.append((f, same[1:]))
    return out


def _finding_lines(report: _Report, f: Finding, more: list[Finding]) -> None:
    loc = f.location
    pos = f"{loc.line}:{loc.col or 0}" if loc and loc.line is not None else "-"
    segments: list[tuple[str, str]] = [
        ("  ", ""),
        (f"{pos:>8}  ", "dim"),
        (f"{f.severity.value:<8}", _STYLE[f.severity]),
        (f"{f.code}  ", "bold"),
        (f.message, ""),
        (f"  ({f.name})", "dim"),
    ]
    if more:
        names = [escape_text(m.subject or _where(m)) for m in more[:FOLD_SHOWN]]
        rest = len(more) - len(names)
        shown = ", ".join(names) + (f" and {rest:,} more" if rest else "")
        segments.append(
            (f"  [{len(more) + 1:,} in all; also {shown}; --verbose lists them]", "dim")
        )
    report.line(*segments)
    if f.hint:
        report.line(("            ", ""), ("hint:", "dim"), (f" {f.hint}", ""))


def _where(f: Finding) -> str:
    loc = f.location
    return f"line {loc.line}" if loc and loc.line is not None else "?"


class _Report:
    """Lines of styled segments, written at once: plain text to a pipe or a file, one
    ``rich`` render (colours, wrapping at the terminal's width) to a terminal."""

    def __init__(self) -> None:
        self.lines: list[tuple[tuple[str, str], ...]] = []

    def line(self, *segments: tuple[str, str]) -> None:
        self.lines.append(segments)

    def write(self, to: Console) -> None:
        if not to.is_terminal:
            to.file.write("".join("".join(s for s, _ in ln) + "\n" for ln in self.lines))
            to.file.flush()
            return
        text = Text()
        for ln in self.lines:
            for s, style in ln:
                text.append(s, style=style or None)
            text.append("\n")
        to.print(text, end="")


def _counts(items: Sequence[Finding]) -> dict[str, int]:
    out = {s.value: 0 for s in (Severity.FATAL, Severity.ERROR, Severity.WARNING, Severity.INFO)}
    for f in items:
        out[f.severity.value] += 1
    return out
