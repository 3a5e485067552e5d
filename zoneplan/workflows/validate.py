"""``zoneplan validate`` as a library call: load, graph, every inventory rule, the policy.

:func:`zoneplan.validate.validate_inventory` does the checking; here its raw findings get the
inventory's policy and the user's filters, once, and are described in the inventory's words
(:mod:`.policy`).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..rules.policy import Filters
from ..validate import Validation
from ..validate import validate_inventory as check_inventory
from .policy import finish_findings

__all__ = ["Validation", "validate_inventory"]


def validate_inventory(path: str | Path, *, filters: Filters = Filters()) -> Validation:
    """Validate an inventory file; findings filtered, policy applied, in the inventory's words."""
    checked = check_inventory(path, policy=False)
    kept, silenced = finish_findings(
        checked.findings, checked.topology, scopes=checked.scopes, filters=filters
    )
    return replace(checked, findings=kept, suppressed=silenced)
