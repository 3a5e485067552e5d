"""``zoneplan validate`` as a library call: load, graph, every inventory rule, the policy.

:func:`zoneplan.validate.validate_inventory` does the work (the policy is applied there, once,
with the unused-suppression check that needs the raw findings); this module is its place in
the workflow layer, next to the other commands.
"""

from __future__ import annotations

from ..validate import Validation, validate_inventory

__all__ = ["Validation", "validate_inventory"]
