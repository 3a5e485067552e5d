"""The zoning plan: design (``build``), names, size estimate, and the change against a fabric.

Public API: :func:`build_plan`, :class:`Plan`; the change engine :func:`compute_change` (plan
against a :class:`Baseline`, the fabric as observed) and :func:`greenfield_change` (a new
fabric); :func:`inverse` of an operation list (the rollback); the ZP5xx checks are
:func:`zoneplan.plan.checks.check_plan` and scripts come from :mod:`zoneplan.render`.
"""

from .baseline import Baseline, ObservedAlias
from .build import PlanError, build_plan, effective_strategy
from .delta import ChangeOptions, ChangeResult, compute_change, greenfield_change
from .fingerprint import observation_fingerprint, zoning_fingerprint
from .model import (
    FabricChange,
    FabricPlan,
    MemberRole,
    Op,
    OpKind,
    Ownership,
    Plan,
    PlanAlias,
    PlanZone,
    SizeEstimate,
    ZoneKind,
    ZoneMember,
)
from .naming import NamingError
from .ops import inverse

__all__ = [
    "Baseline",
    "ChangeOptions",
    "ChangeResult",
    "FabricChange",
    "FabricPlan",
    "MemberRole",
    "NamingError",
    "ObservedAlias",
    "Op",
    "OpKind",
    "Ownership",
    "Plan",
    "PlanAlias",
    "PlanError",
    "PlanZone",
    "SizeEstimate",
    "ZoneKind",
    "ZoneMember",
    "build_plan",
    "compute_change",
    "effective_strategy",
    "greenfield_change",
    "inverse",
    "observation_fingerprint",
    "zoning_fingerprint",
]
