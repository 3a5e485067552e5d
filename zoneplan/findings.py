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


#: the fields of a :class:`Subject`, in the order JSON and text show them
SUBJECT_FIELDS = (
    "host",
    "hba",
    "port",
    "wwpn",
    "alias",
    "switch",
    "switch_port",
    "zone",
    "fabric",
)


@dataclass(frozen=True)
class Subject:
    """What a finding is about, in the inventory's words; an empty field is unknown.

    Why structured: a monitoring job or a ticket wants the host, the HBA port, the switch
    port and the fabric as fields, not parsed out of a sentence. ``host`` is the device
    (client host, cluster node or array); ``hba`` and ``port`` are inventory paths
    (``esx04/vmhba2``, ``esx04/vmhba2/p1``); ``switch_port`` is the port on ``switch``.
    """

    host: str = ""
    hba: str = ""
    port: str = ""
    wwpn: str = ""
    alias: str = ""
    switch: str = ""
    switch_port: str = ""
    zone: str = ""
    fabric: str = ""

    def as_dict(self) -> dict[str, str]:
        """The known fields only."""
        return {k: v for k in SUBJECT_FIELDS if (v := getattr(self, k))}

    def merged(self, other: Subject) -> Subject:
        """These fields, with ``other``'s filling the empty ones."""
        return replace(
            self,
            **{k: v for k in SUBJECT_FIELDS if not getattr(self, k) and (v := getattr(other, k))},
        )

    def __bool__(self) -> bool:
        return any(getattr(self, k) for k in SUBJECT_FIELDS)


@dataclass(frozen=True)
class Finding:
    """One coded problem.

    ``subject`` is the name an admin knows (``esx01/hba0/p0``, a zone, a switch): what
    ``policy.suppress`` globs match. ``about`` holds the same object as fields (host, HBA
    port, WWPN, switch port, fabric…), filled in by the workflow that knows the inventory.
    """

    code: str
    name: str
    severity: Severity
    message: str
    location: Location | None = None
    subject: str = ""
    hint: str = ""
    related: tuple[Location, ...] = field(default=())
    about: Subject = field(default=Subject())

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
        """The JSON form: ``location`` and ``subject`` as objects; ``file``/``line``/``col``
        are kept flat too (the first JSON form had only those)."""
        loc = self.location
        where = {
            "file": loc.file if loc else None,
            "line": loc.line if loc else None,
            "col": loc.col if loc else None,
        }
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "location": where if loc else None,
            **where,
            "subject": {"name": self.subject, **self.about.as_dict()},
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
