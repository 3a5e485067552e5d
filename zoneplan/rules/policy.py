"""ZP090-ZP099: policy housekeeping, and the inventory's policy applied to a workflow's findings.

Why here: every workflow (validate, plan, audit, live reads, host checks) applies the same
policy, once, to every finding it made, and only then can it tell which suppressions matched
nothing. A suppression is judged only against the rules the workflow evaluated (their scope
ran and ``--select``/``--ignore`` kept them): ``validate`` never calls a ZP6xx suppression
unused, ``audit`` does when no audit finding matched it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Collection, Iterable, Sequence

from ..findings import Finding, Location, Severity
from .base import Rule, RuleScope
from .examples import Inventory


class UnusedSuppression(Rule):
    """A suppression in ``policy.suppress`` matches no finding.

    Why:
        Stale suppressions hide the next real problem of that code; a reason that no longer
        applies is misleading. A suppression is judged only by a command that ran its check:
        ``validate`` judges ZP0xx-ZP4xx suppressions, ``plan`` also ZP5xx, ``audit`` also
        ZP6xx.
    Fix:
        Remove the suppression.
    """

    code = "ZP090"
    name = "unused-suppression"
    severity = Severity.WARNING
    scope = RuleScope.POLICY
    fails = Inventory(
        """
        policy:
          suppress:
            - {code: ZP201, subject: old-host, reason: decommissioned}
        """,
        caption="No host named old-host has a ZP201 finding.",
    )
    passes = Inventory(
        """
        policy:
          suppress:
            - {code: ZP308, subject: cluster, reason: the standby node has fewer ports by design}
        """,
        caption="A suppression that silences a finding.",
    )


RULES = (UnusedSuppression,)


@dataclass(frozen=True)
class Filters:
    """What the user asked to see: ``--select``, ``--ignore`` (code prefixes), ``--min-severity``."""

    select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    min_severity: Severity | None = None


def apply_workflow_policy(
    raw: Iterable[Finding],
    policy: object | None,
    *,
    scopes: Collection[RuleScope],
    filters: Filters = Filters(),
    locate: Callable[[tuple], Location | None] | None = None,
) -> tuple[list[Finding], list[tuple[Finding, str]]]:
    """(kept, suppressed with reasons) for every finding a workflow made.

    ``policy`` is the inventory's :class:`~zoneplan.model.Policy` (or None: no inventory);
    ``scopes`` the rule scopes the workflow evaluated; ``locate`` finds ``policy.suppress[i]``
    in the inventory file for ZP090. Fatal findings always stay.
    """
    from .registry import all_rules, apply_policy, selected

    severities = {k: v.value for k, v in policy.severity.items()} if policy else {}  # type: ignore[attr-defined]
    suppressions = list(policy.suppress) if policy else []  # type: ignore[attr-defined]
    kept, silenced = apply_policy(
        raw,
        select=filters.select,
        ignore=filters.ignore,
        severities=severities,
        suppressions=suppressions,
    )
    evaluated = [
        r.code
        for r in all_rules()
        if r.scope in scopes and selected(r.code, filters.select, filters.ignore)
    ]
    used = {id(s) for s in _matched(silenced, suppressions)}
    unused = [
        UnusedSuppression.make(
            f"suppression of {s.code} for '{s.subject}' matches no finding; remove it",
            locate(("policy", "suppress", i)) if locate else None,
            subject=f"policy.suppress[{i}]",
        )
        for i, s in enumerate(suppressions)
        if id(s) not in used and any(c.startswith(s.code) for c in evaluated)
    ]
    more, _ = apply_policy(
        unused, select=filters.select, ignore=filters.ignore, severities=severities
    )
    kept += more
    if filters.min_severity is not None:
        floor = filters.min_severity.rank
        kept = [f for f in kept if f.severity.rank >= floor]
    return kept, silenced


def _matched(silenced: list[tuple[Finding, str]], suppressions: list) -> list:  # noqa: ANN001
    """The suppressions that silenced something (the first matching one silences)."""
    from .registry import suppression_for

    out = []
    for f, _ in silenced:
        s = suppression_for(f, suppressions)
        if s is not None:
            out.append(s)
    return out
