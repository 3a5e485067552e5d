"""The zoning plan: design (``build``), names, size estimate, change sets (``delta``).

Public API: :func:`build_plan`, :class:`Plan`, :func:`full_change`, :func:`incremental_change`,
:func:`inverse`; the ZP5xx checks are :func:`zoneplan.plan.checks.check_plan` and
scripts come from :mod:`zoneplan.render`.
"""

from .build import PlanError, build_plan, effective_strategy
from .delta import ChangeSet, full_change, incremental_change, inverse
from .model import (
    FabricPlan,
    MemberRole,
    Plan,
    PlanAlias,
    PlanZone,
    SizeEstimate,
    ZoneKind,
    ZoneMember,
    ZoningState,
)
from .naming import NamingError

__all__ = [
    "ChangeSet",
    "FabricPlan",
    "MemberRole",
    "NamingError",
    "Plan",
    "PlanAlias",
    "PlanError",
    "PlanZone",
    "SizeEstimate",
    "ZoneKind",
    "ZoneMember",
    "ZoningState",
    "build_plan",
    "effective_strategy",
    "full_change",
    "incremental_change",
    "inverse",
]
