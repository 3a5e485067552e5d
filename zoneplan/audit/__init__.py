"""Audit: the plan (or the policy alone) against the observed state of the switches.

Observed states are grouped into fabrics by :func:`zoneplan.fabrics.group_by_fabric`.
"""

from .compare import AuditResult, audit

__all__ = ["AuditResult", "audit"]
