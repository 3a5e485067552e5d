"""Load → graph → rules: the whole ``zoneplan validate`` as one library call."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from .findings import Finding, Severity, sort_findings
from .gcpause import gc_paused
from .loader import LoadResult, load_inventory
from .rules.base import RuleContext
from .rules.registry import apply_policy, run_inventory_rules
from .topology import Topology, build_topology


@dataclass
class Validation:
    """The result of validating one inventory file."""

    load: LoadResult
    topology: Topology | None
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[tuple[Finding, str]] = field(default_factory=list)

    @property
    def usable(self) -> bool:
        """True when the inventory can be planned from (no fatal findings)."""
        return self.topology is not None and not any(
            f.severity is Severity.FATAL for f in self.findings
        )


def validate_inventory(
    path: str | Path,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> Validation:
    """Validate an inventory file: loader findings, reference findings and every rule."""
    with gc_paused(
        freeze=True
    ):  # loading and graph building allocate millions of objects, free none
        load = load_inventory(path)
    return validate_load(load, select=select, ignore=ignore)


def validate_load(
    load: LoadResult,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> Validation:
    """Validate what a loader read (a YAML file, or a workbook: ``load.source`` places every
    finding in it): references, every rule, the inventory's policy."""
    with gc_paused(freeze=True):
        if load.inventory is None:
            return Validation(load, None, sort_findings(load.findings))
        topology = build_topology(load.inventory, load.source)
        raw = list(topology.findings)
        if not raw:
            raw.extend(run_inventory_rules(RuleContext(topology)))
        raw = [*load.findings, *raw]  # a loader's warnings (a workbook's extra sheet) stay
    policy = load.inventory.policy
    kept, silenced = apply_policy(
        raw,
        select=select,
        ignore=ignore,
        severities={k: v.value for k, v in policy.severity.items()},
        suppressions=policy.suppress,
    )
    kept.extend(_unused_suppressions(load, raw, silenced))
    return Validation(load, topology, sort_findings(kept), silenced)


def _unused_suppressions(
    load: LoadResult, raw: list[Finding], silenced: list[tuple[Finding, str]]
) -> list[Finding]:
    from .rules.policy import UnusedSuppression

    used = {r for _, r in silenced}
    out = []
    for i, s in enumerate(load.inventory.policy.suppress):  # type: ignore[union-attr]
        if s.reason not in used:
            out.append(
                UnusedSuppression.make(
                    f"suppression of {s.code} for '{s.subject}' matches no finding; remove it",
                    load.source.locate(("policy", "suppress", i)),
                    subject=f"policy.suppress[{i}]",
                )
            )
    return out
