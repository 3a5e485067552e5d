"""``zoneplan audit`` as library calls: inventory (optional) + captures or a live read →
findings and a verdict per fabric.

The plan audited against is the inventory's (its ``policy.strategy``), the one a
``--strategy`` names, or a ``plan.json`` written by ``zoneplan plan`` (so a fabric zoned with
peer zones is not audited as single-initiator zoning). The inventory's policy (severity
overrides, suppressions) is applied once, at the end, to every finding of every step, and
the findings are described in the inventory's words (:mod:`.policy`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from ..audit.compare import AuditResult, audit
from ..findings import Finding, Severity, sort_findings
from ..gcpause import gc_paused
from ..observed import SwitchState
from ..rules.base import RuleScope
from ..rules.policy import Filters
from .policy import finish_findings

#: the rule scopes an audit evaluates beside the inventory's own
AUDIT_SCOPES = frozenset({RuleScope.CAPTURE, RuleScope.AUDIT})


@dataclass
class AuditRun:
    """Everything ``zoneplan audit`` reports."""

    findings: list[Finding] = field(default_factory=list)
    verdicts: dict[str, str] = field(default_factory=dict)
    switches: list[str] = field(default_factory=list)
    usable: bool = True  #: False when the inventory, the plan or --fabric could not be used
    suppressed: list[tuple[Finding, str]] = field(default_factory=list)
    error: str = ""  #: why the run could not start (no finding says it)
    strategy: str = ""  #: the strategy of the plan audited against


@gc_paused(freeze=True)
def audit_states(
    states: Iterable[SwitchState],
    inventory: str | Path | None = None,
    *,
    fabric: str | None = None,
    strategy: str | None = None,
    plan_file: str | Path | None = None,
    filters: Filters = Filters(),
    extra_findings: Sequence[Finding] = (),
    extra_scopes: Iterable[RuleScope] = (),
) -> AuditRun:
    """Audit observed switch states, against the inventory's plan when one is given.

    The cyclic GC is paused throughout (:mod:`zoneplan.gcpause`): the audit builds hundreds
    of thousands of small objects and frees few; collections rescanning them cost a third
    of the audit of 100,000 zones.
    """
    from ..plan.build import PlanError, build_plan
    from ..plan.naming import NamingError
    from ..validate import validate_inventory

    states = list(states)
    run = AuditRun(switches=sorted(s.name for s in states))
    raw = list(extra_findings)
    scopes = set(AUDIT_SCOPES) | set(extra_scopes)
    plan = topology = None
    if inventory is not None:
        validation = validate_inventory(inventory, policy=False)
        raw += validation.findings
        scopes |= validation.scopes
        topology = validation.topology
        if not validation.usable:
            run.findings, run.suppressed = finish_findings(raw, topology, scopes=scopes)
            run.usable = False
            return run
        assert topology is not None
        known = [f.name for f in topology.inventory.fabrics]
        if fabric is not None and fabric not in known:
            return _unusable(
                run, f"no fabric {fabric!r} in the inventory (fabrics: {', '.join(known)})"
            )
        try:
            if plan_file is not None:
                plan, stale = read_plan(plan_file, topology)
                raw += stale
                if fabric is not None:
                    plan.fabrics = [fp for fp in plan.fabrics if fp.name == fabric]
            else:
                plan = build_plan(topology, strategy, fabric)
        except (PlanError, NamingError, ValueError) as exc:
            return _unusable(run, str(exc))
        run.strategy = plan.strategy
    result: AuditResult = audit(plan, topology, states, fabric=fabric)
    if topology is not None:  # port names and VSANs against the plan's <switch>.ports.txt
        from ..audit.ports import port_drift

        result.findings += port_drift(topology, states)
    if fabric is not None and topology is None and fabric not in result.verdicts:
        seen = ", ".join(sorted(result.verdicts)) or "none"
        return _unusable(run, f"no fabric {fabric!r} in the captures (fabrics: {seen})")
    run.findings, run.suppressed = finish_findings(
        raw + result.findings,
        topology,
        scopes=scopes,
        filters=filters,
        names=switch_names(states),
        fabric=fabric,
    )
    run.verdicts = result.verdicts
    return run


def _unusable(run: AuditRun, why: str) -> AuditRun:
    run.usable, run.error = False, why
    return run


def read_plan(path: str | Path, topology) -> tuple:  # noqa: ANN001 - (Plan, list[Finding])
    """A ``plan.json`` written by ``zoneplan plan``, and a ZP622 when the inventory changed
    since; raises ValueError with a message when the file is not such a plan."""
    from pydantic import ValidationError

    from ..plan.build import inventory_hash
    from ..plan.model import Plan
    from ..rules.audit import PlanOutOfDate

    p = Path(path)
    try:
        plan = Plan.model_validate_json(p.read_bytes())
    except OSError as exc:
        raise ValueError(f"cannot read {p}: {exc.strerror or exc}") from exc
    except ValidationError as exc:
        raise ValueError(
            f"{p} is not a plan.json written by 'zoneplan plan' ({exc.error_count()} problems)"
        ) from exc
    now = inventory_hash(topology)
    stale = []
    if plan.inventory_hash != now:
        stale.append(
            PlanOutOfDate.make(
                f"{p} was planned from another version of the inventory (hash "
                f"{plan.inventory_hash}, now {now}): the audit compares with {p}",
                None,
                subject=str(p),
            )
        )
    return plan, stale


def switch_names(states: Iterable[SwitchState]) -> dict[str, str]:
    """WWPN → the alias or device-alias the switches give it (one-WWPN aliases only)."""
    out: dict[str, str] = {}
    for st in states:
        for name, wwpn in st.device_aliases.items():
            out.setdefault(wwpn, name)
        for z in st.zoning.values():
            db = z.defined or z.effective
            if db is None:
                continue
            for name, members in db.aliases.items():
                if len(members) == 1 and ":" in members[0]:
                    out.setdefault(members[0].lower(), name)
    return out


def audit_captures(
    captures: Sequence[str | Path],
    inventory: str | Path | None = None,
    *,
    fabric: str | None = None,
    strategy: str | None = None,
    plan_file: str | Path | None = None,
    filters: Filters = Filters(),
) -> AuditRun:
    """Read capture folders/files, then :func:`audit_states`."""
    from ..parsers.capture import read_captures

    with gc_paused(freeze=True):
        states, findings = read_captures(captures)
    if any(f.severity is Severity.FATAL for f in findings) and not states:
        return AuditRun(findings=sort_findings(findings), usable=False)
    return audit_states(
        states.values(),
        inventory,
        fabric=fabric,
        strategy=strategy,
        plan_file=plan_file,
        filters=filters,
        extra_findings=findings,
    )


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
        return run_exit_code(self.results, self.findings, read=False)


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
    strategy: str | None = None,
    plan_file: str | Path | None = None,
    filters: Filters = Filters(),
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
        strategy=strategy,
        plan_file=plan_file,
        filters=filters,
        extra_findings=target_findings + read,
        extra_scopes=(RuleScope.LIVE,),
    )
    return LiveAuditRun(**vars(run), results=results, target_findings=target_findings)
