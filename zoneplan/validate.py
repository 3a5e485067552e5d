"""Load → graph → rules: the whole ``zoneplan validate`` as one library call."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from .findings import Finding, Severity, sort_findings
from .gcpause import gc_paused
from .loader import LoadResult, load_inventory
from .rules.base import RuleContext, RuleScope
from .rules.policy import Filters, apply_workflow_policy
from .rules.registry import run_inventory_rules
from .topology import Topology, build_topology

#: the rule scopes ``validate`` evaluates (what its unused-suppression check judges)
VALIDATE_SCOPES = frozenset({RuleScope.LOAD, RuleScope.INVENTORY, RuleScope.POLICY})
_LOADED = VALIDATE_SCOPES - {RuleScope.INVENTORY}


@dataclass
class Validation:
    """The result of validating one inventory file."""

    load: LoadResult
    topology: Topology | None
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[tuple[Finding, str]] = field(default_factory=list)
    #: the rule scopes that ran (the inventory rules need a graph without dangling references)
    scopes: frozenset[RuleScope] = VALIDATE_SCOPES

    @property
    def usable(self) -> bool:
        """True when the inventory can be planned from (no fatal findings)."""
        return self.topology is not None and not any(
            f.severity is Severity.FATAL for f in self.findings
        )


def _partial_rules(load: LoadResult) -> list[Finding]:
    """The loader's findings, and what the rules find in the objects that could be read.

    The rules run only when the partial inventory's references all resolve (a left-out
    array named by a cluster node stops them), so nothing is reported about what was left
    out; the message of each rule finding is the same as on a usable file.
    """
    findings = list(load.findings)
    partial = load.partial
    if partial is None:
        return findings
    topology = build_topology(partial.inventory, partial.source)  # type: ignore[arg-type]
    if topology.findings:
        return findings
    findings += [
        f for f in run_inventory_rules(RuleContext(topology)) if f.severity is not Severity.FATAL
    ]
    return findings


def validate_inventory(
    path: str | Path,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    policy: bool = True,
) -> Validation:
    """Validate an inventory file: loader findings, reference findings and every rule.

    With ``policy=False`` the findings are raw (no severity overrides, suppressions or
    selection): a workflow that goes on (plan, audit) applies the policy once to everything
    it found, itself.
    """
    with gc_paused(
        freeze=True
    ):  # loading and graph building allocate millions of objects, free none
        load = load_inventory(path)
    return validate_load(load, select=select, ignore=ignore, policy=policy)


def validate_load(
    load: LoadResult,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    policy: bool = True,
) -> Validation:
    """Validate what a loader read (a YAML file, or a workbook: ``load.source`` places every
    finding in it): references, every rule, the inventory's policy (unless ``policy=False``)."""
    with gc_paused(freeze=True):
        if load.inventory is None:
            return Validation(load, None, sort_findings(_partial_rules(load)), scopes=_LOADED)
        topology = build_topology(load.inventory, load.source)
        raw = list(topology.findings)
        ran = not raw  # the rules need a graph without dangling references
        if ran:
            raw.extend(run_inventory_rules(RuleContext(topology)))
        raw = [*load.findings, *raw]  # a loader's warnings (a workbook's extra sheet) stay
    scopes = VALIDATE_SCOPES if ran else _LOADED
    if not policy:
        return Validation(load, topology, sort_findings(raw), scopes=scopes)
    kept, silenced = apply_workflow_policy(
        raw,
        load.inventory.policy,
        scopes=scopes,
        filters=Filters(select, ignore),
        locate=load.source.locate,
    )
    return Validation(load, topology, sort_findings(kept), silenced, scopes)
