"""The whole offline audit as one call: inventory (optional) + captures → findings and verdicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from ..findings import Finding, Severity, sort_findings
from ..observed import SwitchState
from .compare import AuditResult, audit


@dataclass
class AuditRun:
    """Everything ``zoneplan audit`` reports."""

    findings: list[Finding] = field(default_factory=list)
    verdicts: dict[str, str] = field(default_factory=dict)
    switches: list[str] = field(default_factory=list)
    usable: bool = True  #: False when the inventory could not be used


def audit_states(
    states: Iterable[SwitchState],
    inventory: str | Path | None = None,
    *,
    fabric: str | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    extra_findings: Sequence[Finding] = (),
) -> AuditRun:
    """Audit observed switch states, against the inventory's plan when one is given."""
    states = list(states)
    run = AuditRun(findings=list(extra_findings), switches=sorted(s.name for s in states))
    plan = topology = None
    if inventory is not None:
        from ..plan.build import build_plan
        from ..validate import validate_inventory

        validation = validate_inventory(inventory, select=select, ignore=ignore)
        if not validation.usable:
            run.findings = sort_findings(validation.findings)
            run.usable = False
            return run
        topology = validation.topology
        plan = build_plan(topology, fabric=fabric)
    result: AuditResult = audit(plan, topology, states)
    found = result.findings
    if fabric is not None:
        result.verdicts = {k: v for k, v in result.verdicts.items() if k == fabric}
    run.findings = sort_findings(run.findings + found)
    run.verdicts = result.verdicts
    return run


def audit_captures(
    captures: Sequence[str | Path],
    inventory: str | Path | None = None,
    *,
    fabric: str | None = None,
) -> AuditRun:
    """Read capture folders/files, then :func:`audit_states`."""
    from ..parsers.capture import read_captures

    states, findings = read_captures(captures)
    if any(f.severity is Severity.FATAL for f in findings) and not states:
        return AuditRun(findings=sort_findings(findings), usable=False)
    return audit_states(states.values(), inventory, fabric=fabric, extra_findings=findings)
