"""Findings: every problem zoneplan reports, as a value.

Why: loader errors, rule violations, parse problems, audit drift and unreachable switches all
end up in one list, sorted and rendered the same way, so CI and people read one format:
``file:line:col: ZP301 message``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import Iterable


class Severity(str, enum.Enum):
    """How bad a finding is. ``fatal`` means the input could not be used at all."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"
    FATAL = "fatal"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2, Severity.FATAL: 3}


class ExitCode(enum.IntEnum):
    """Documented process exit codes (shared by every command)."""

    OK = 0  #: clean, or warnings/info only
    FINDINGS = 1  #: at least one error-level finding
    UNUSABLE_INPUT = 2  #: input could not be used (syntax, schema, references, bad usage)
    UNREACHABLE = 3  #: one or more switches could not be read
    CHANGE_UNDONE = 4  #: apply: the change did not stay; the fabric is verified as before
    STATE_UNKNOWN = 5  #: apply: the fabric is neither as before nor as planned (or unknown)


@dataclass(frozen=True)
class Location:
    """Where a finding points: a file (or ``switch:command``) and an optional line/column."""

    file: str
    line: int | None = None
    col: int | None = None

    def __str__(self) -> str:
        out = self.file
        if self.line is not None:
            out += f":{self.line}"
            if self.col is not None:
                out += f":{self.col}"
        return out


@dataclass(frozen=True)
class Finding:
    """One coded problem. ``subject`` names the object an admin knows (``esx01/hba0/p0``)."""

    code: str
    name: str
    severity: Severity
    message: str
    location: Location | None = None
    subject: str = ""
    hint: str = ""
    related: tuple[Location, ...] = field(default=())

    def sort_key(self) -> tuple:
        loc = self.location
        return (
            loc.file if loc else "",
            loc.line if loc and loc.line is not None else 0,
            loc.col if loc and loc.col is not None else 0,
            self.code,
            self.subject,
            self.message,
        )

    def with_severity(self, severity: Severity) -> Finding:
        return replace(self, severity=severity)

    def with_location(self, location: Location | None) -> Finding:
        return replace(self, location=location)

    def as_dict(self) -> dict:
        loc = self.location
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "file": loc.file if loc else None,
            "line": loc.line if loc else None,
            "col": loc.col if loc else None,
            "subject": self.subject,
            "hint": self.hint,
        }

    def parsable(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}[{self.severity.value}] {self.code} {self.message} ({self.name})"


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in file, line, column, code order (yamllint's order)."""
    return sorted(findings, key=Finding.sort_key)


def exit_code_for(findings: Iterable[Finding], *, unreachable: bool = False) -> ExitCode:
    """The process exit code for a run that produced ``findings``."""
    worst = max((f.severity.rank for f in findings), default=-1)
    if worst >= Severity.FATAL.rank:
        return ExitCode.UNUSABLE_INPUT
    if unreachable:
        return ExitCode.UNREACHABLE
    if worst >= Severity.ERROR.rank:
        return ExitCode.FINDINGS
    return ExitCode.OK
