"""ZP090-ZP099: policy housekeeping (the inventory's ``policy`` section itself).

Made by :mod:`zoneplan.validate`, which sees every raw finding and every suppression.
"""

from __future__ import annotations

from ..findings import Severity
from .base import Rule, RuleScope


class UnusedSuppression(Rule):
    """A suppression in ``policy.suppress`` matches no finding.

    Why:
        Stale suppressions hide the next real problem of that code; a reason that no longer
        applies is misleading.
    Fails:
        policy: {suppress: [{code: ZP201, subject: old-host, reason: "decommissioned"}]}
        and no host named old-host has a ZP201 finding.
    Passes:
        Every suppression silences at least one finding.
    Fix:
        Remove the suppression.
    """

    code = "ZP090"
    name = "unused-suppression"
    severity = Severity.WARNING
    scope = RuleScope.POLICY


RULES = (UnusedSuppression,)
