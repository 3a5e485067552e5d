"""The change engine driven against a test switch: baseline, change, rendered artefacts.

Why one place: many tests compute "the change of a plan against this switch" (the hardening
interpreter's :class:`~tests.support.zoning_interp.ZoningSwitch`, one zone server in enhanced
zone mode with device-alias distribution on). They build the baseline the way the plan
workflow does from a capture, record what zoneplan owns (what the plan's greenfield script
created: the state after an earlier zoneplan change), and render the four artefacts.
"""

from __future__ import annotations

from zoneplan.packs import load_pack
from zoneplan.plan import Baseline, ChangeOptions, ChangeResult, compute_change, greenfield_change
from zoneplan.plan.model import FabricPlan, Ownership, Plan
from zoneplan.render.engine import RenderedFabric, render_fabric

from .zoning_interp import ZoningSwitch

__all__ = ["baseline_of", "owned_by_plan", "change_against", "render_against"]


def baseline_of(sw: ZoningSwitch, fp: FabricPlan) -> Baseline:
    """What ``plan --against`` would read from this switch."""
    cisco = sw.vendor == "cisco"
    eff = sw.effective_db()
    return Baseline.from_db(
        fp.name,
        load_pack(fp.pack),
        sw.defined_db(),
        eff,
        sw.device_alias_db() if cisco else {},
        source=f"{fp.name}:test-switch",
        zone_mode="enhanced" if cisco else None,
        alias_distribution=True if cisco else None,
        alias_mode="enhanced" if cisco else None,
        smart_zoning=sw.smart_zoning if cisco else None,
    )


def owned_by_plan(fp: FabricPlan) -> Ownership:
    """What zoneplan owns once the fabric's greenfield script ran."""
    return greenfield_change(fp).change.ownership


def change_against(
    fp: FabricPlan,
    sw: ZoningSwitch,
    *,
    allow_delete: bool = False,
    ownership: Ownership | None = None,
    enable_zoning: bool = False,
    accept_pending: bool = False,
) -> ChangeResult:
    """The change of ``fp`` against the switch as it is now."""
    return compute_change(
        fp,
        baseline_of(sw, fp),
        ChangeOptions(
            allow_delete=allow_delete,
            ownership=ownership,
            enable_zoning=enable_zoning,
            accept_pending=accept_pending,
        ),
    )


def render_against(
    plan: Plan, fp: FabricPlan, sw: ZoningSwitch, **options: object
) -> RenderedFabric:
    """The artefacts of the change against the switch; the change must not be refused."""
    result = change_against(fp, sw, **options)  # type: ignore[arg-type]
    assert not result.blocked, [f.message for f in result.findings]
    return render_fabric(plan, fp, result.change)
