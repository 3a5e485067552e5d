"""Audit: the plan (or the policy alone) against the observed state of the switches."""

from .compare import AuditResult, FabricObservation, audit, group_by_fabric

__all__ = ["AuditResult", "FabricObservation", "audit", "group_by_fabric"]
