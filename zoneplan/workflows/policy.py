"""The end of every workflow: its findings in the inventory's words, the policy applied once.

Why one function: validate, plan, audit (saved or live), collect and hosts verify each make
findings in several steps (loader, rules, planner, parsers, auditor); the inventory's policy
(severity overrides, suppressions with reasons) and the user's filters (``--select``,
``--ignore``, ``--min-severity``, ``--fabric``) are applied here, after the last step, so an
unused suppression (ZP090) is judged against everything the workflow evaluated.
"""

from __future__ import annotations

from typing import Collection, Iterable, Mapping

from ..findings import Finding, sort_findings
from ..model import Inventory
from ..rules.base import RuleScope
from ..rules.policy import Filters, apply_workflow_policy
from ..rules.registry import apply_policy
from ..topology import Topology
from .subjects import Words

__all__ = ["Filters", "apply_inventory_policy", "finish_findings"]


def finish_findings(
    raw: Iterable[Finding],
    topology: Topology | None,
    *,
    scopes: Collection[RuleScope],
    filters: Filters = Filters(),
    names: Mapping[str, str] | None = None,
    fabric: str | None = None,
) -> tuple[list[Finding], list[tuple[Finding, str]]]:
    """(kept, suppressed with reasons), sorted, each finding described in the inventory's words.

    ``scopes``: the rule scopes the workflow evaluated; ``names``: names the switches give to
    WWPNs the inventory does not know; ``fabric``: keep only findings about that fabric (and
    those about no fabric in particular); unused suppressions are then not judged, since the
    other fabrics' findings were not looked at.
    """
    words = Words(topology, names)
    described = [words.describe(f) for f in raw]
    if fabric is not None:
        described = [f for f in described if f.about.fabric in ("", fabric)]
        scopes = ()
    kept, silenced = apply_workflow_policy(
        described,
        topology.inventory.policy if topology is not None else None,
        scopes=scopes,
        filters=filters,
        locate=topology.locate if topology is not None else None,
    )
    return sort_findings(kept), silenced


def apply_inventory_policy(
    findings: Iterable[Finding],
    inventory: Inventory | None,
    *,
    select: Collection[str] = (),
    ignore: Collection[str] = (),
) -> tuple[list[Finding], list[tuple[Finding, str]]]:
    """(kept, suppressed with reasons): ``policy.severity`` re-grades, ``policy.suppress``
    silences, ``select``/``ignore`` filter (fatal findings always stay); no ZP090 judgement."""
    policy = inventory.policy if inventory is not None else None
    return apply_policy(
        findings,
        select=tuple(select),
        ignore=tuple(ignore),
        severities={k: v.value for k, v in policy.severity.items()} if policy else {},
        suppressions=policy.suppress if policy else (),
    )
