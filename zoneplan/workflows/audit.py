"""``zoneplan audit`` as library calls: inventory (optional) + captures or a live read →
findings and a verdict per fabric.

The inventory's policy (severity overrides, suppressions) is applied here, once, to what the
audit and the readers found, as ``validate`` and ``plan`` apply it to theirs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from ..audit.compare import AuditResult, audit
from ..findings import Finding, Severity, sort_findings
from ..observed import SwitchState
from .policy import apply_inventory_policy


@dataclass
class AuditRun:
    """Everything ``zoneplan audit`` reports."""

    findings: list[Finding] = field(default_factory=list)
    verdicts: dict[str, str] = field(default_factory=dict)
    switches: list[str] = field(default_factory=list)
    usable: bool = True  #: False when the inventory could not be used
    suppressed: list[tuple[Finding, str]] = field(default_factory=list)


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
    if topology is not None:  # port names and VSANs against the plan's <switch>.ports.txt
        from ..audit.ports import port_drift

        result.findings += port_drift(topology, states)
    found, run.suppressed = apply_inventory_policy(
        run.findings + result.findings,
        topology.inventory if topology is not None else None,
        select=select,
        ignore=ignore,
    )
    if fabric is not None:
        result.verdicts = {k: v for k, v in result.verdicts.items() if k == fabric}
    run.findings = sort_findings(found)
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


@dataclass
class LiveAuditRun(AuditRun):
    """An audit of what the switches say now, with each switch's read."""

    results: list = field(default_factory=list)  #: live.collect.SwitchResult per switch
    target_findings: list[Finding] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """3 when a switch could not be read, 2 unusable input, else 0/1 by the findings."""
        from ..findings import ExitCode
        from ..live.collect import run_exit_code

        if not self.usable:
            return ExitCode.UNUSABLE_INPUT
        return run_exit_code(self.results, self.target_findings + self.findings)


def live_targets(
    inventory: Path, *, via: str = "ssh", fabric: str | None = None, credentials: Path | None = None
):  # noqa: ANN201 - workflows.collect.Targets
    """The inventory's switches to read for a live audit, with their credentials."""
    from ..live.credentials import CredentialStore
    from .collect import inventory_targets

    store = CredentialStore(path=credentials, inventory_path=inventory)
    return inventory_targets(inventory, store, via=via, fabric=fabric)


def audit_live(
    inventory: Path,
    chosen,  # noqa: ANN001 - workflows.collect.Targets from live_targets()
    *,
    fabric: str | None = None,
    save: Path | None = None,
    concurrency: int = 8,
    known_hosts: Path | None = None,
    accept_new_host_key: bool = False,
    progress=None,  # noqa: ANN001 - live.collect.ProgressFn
) -> LiveAuditRun:
    """Read the chosen switches now (keep the capture in ``save``), then audit what they said."""
    from ..live.ssh import SshOptions
    from .collect import collect

    ssh_opts = SshOptions(known_hosts=known_hosts, accept_new_host_key=accept_new_host_key)
    results = collect(
        chosen.targets, save, concurrency=concurrency, ssh_options=ssh_opts, progress=progress
    )
    target_findings = chosen.findings  # the loader's are reported by the validation
    read = [f for r in results for f in r.findings]
    run = audit_states(
        [r.state for r in results if r.state is not None],
        inventory,
        fabric=fabric,
        extra_findings=target_findings + read,
    )
    return LiveAuditRun(**vars(run), results=results, target_findings=target_findings)
