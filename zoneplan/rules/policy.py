"""ZP090-ZP099: policy housekeeping (the inventory's ``policy`` section itself).

Made by :mod:`zoneplan.validate`, which sees every raw finding and every suppression.
"""

from __future__ import annotations

from ..findings import Severity
from .base import Rule, RuleScope
from .examples import Inventory


class UnusedSuppression(Rule):
    """A suppression in ``policy.suppress`` matches no finding.

    Why:
        Stale suppressions hide the next real problem of that code; a reason that no longer
        applies is misleading.
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
