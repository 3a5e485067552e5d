"""The inventory's policy applied to a workflow's findings, in one place."""

from __future__ import annotations

from typing import Iterable, Sequence

from ..findings import Finding
from ..model import Inventory
from ..rules.registry import apply_policy

__all__ = ["apply_inventory_policy"]


def apply_inventory_policy(
    findings: Iterable[Finding],
    inventory: Inventory | None,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> tuple[list[Finding], list[tuple[Finding, str]]]:
    """(kept, suppressed with reasons): ``policy.severity`` re-grades, ``policy.suppress``
    silences, ``select``/``ignore`` filter (fatal findings always stay)."""
    policy = inventory.policy if inventory is not None else None
    return apply_policy(
        findings,
        select=select,
        ignore=ignore,
        severities={k: v.value for k, v in policy.severity.items()} if policy else {},
        suppressions=policy.suppress if policy else (),
    )
