"""``zoneplan plan`` as library calls: inventory → plan, ZP5xx findings, rendered scripts.

:func:`plan_inventory` validates, plans, checks the plan, reads the ``--against`` captures
(the only place the plan workflow touches saved switch output: the plan layer receives
observed states, it never reads files) and renders every fabric's script and rollback.
:func:`write_plan` writes them with :mod:`zoneplan.outputs`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Literal, Sequence

from ..findings import Finding, Severity
from ..outputs import write_output
from ..plan.against import zoning_by_fabric
from ..plan.build import PlanError, build_plan
from ..plan.checks import check_plan
from ..plan.model import Plan, ZoningState
from ..plan.naming import NamingError
from ..render.engine import RenderedFabric, RenderError, render_plan
from ..topology import Topology
from ..validate import Validation, validate_inventory
from .policy import apply_inventory_policy

__all__ = [
    "PlanRun",
    "plan_inventory",
    "plan_json",
    "plan_json_bytes",
    "read_against",
    "write_plan",
]

#: where a plan run stopped: the inventory is unusable, the planner gave up, a capture is
#: unusable, or rendering refused a value (nothing is written in any of these cases)
Stop = Literal["inventory", "plan", "captures", "render"]


@dataclass
class PlanRun:
    """Everything ``zoneplan plan`` reports and writes."""

    validation: Validation
    plan: Plan | None = None
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[tuple[Finding, str]] = field(default_factory=list)
    previous: dict[str, ZoningState] | None = None  #: observed zoning per fabric (--against)
    uncaptured: list[str] = field(default_factory=list)  #: planned fabrics with no capture
    rendered: list[RenderedFabric] = field(default_factory=list)
    stopped: Stop | None = None
    error: str = ""  #: why the planner or the renderer gave up


def plan_inventory(
    inventory: str | Path,
    *,
    strategy: str | None = None,
    fabric: str | None = None,
    against: Sequence[str | Path] = (),
    allow_delete: bool = False,
) -> PlanRun:
    """Validate, plan, check, read ``against`` captures and render; never raises on bad input."""
    validation = validate_inventory(inventory)
    run = PlanRun(validation, findings=list(validation.findings))
    run.suppressed = list(validation.suppressed)
    if not validation.usable:
        run.stopped = "inventory"
        return run
    topology = validation.topology
    assert topology is not None
    try:
        run.plan = build_plan(topology, strategy, fabric)
    except (PlanError, NamingError) as exc:
        run.stopped, run.error = "plan", str(exc)
        return run
    kept, silenced = apply_inventory_policy(check_plan(run.plan, topology), topology.inventory)
    run.findings += kept
    run.suppressed += silenced
    if against:
        run.previous, capture_findings = read_against(against, topology, run.plan)
        run.findings += capture_findings
        if any(f.severity is Severity.FATAL for f in capture_findings):
            run.stopped = "captures"
            return run
        run.uncaptured = [fp.name for fp in run.plan.fabrics if fp.name not in run.previous]
    try:
        run.rendered = render_plan(run.plan, run.previous, allow_delete=allow_delete)
    except RenderError as exc:
        run.stopped, run.error = "render", str(exc)
    return run


def read_against(
    paths: Iterable[str | Path], topology: Topology, plan: Plan
) -> tuple[dict[str, ZoningState], list[Finding]]:
    """Read capture files/folders and return the observed zoning of each planned fabric."""
    from ..parsers.capture import read_captures

    states, findings = read_captures(paths)
    zoning, more = zoning_by_fabric(list(states.values()), topology, plan)
    return zoning, findings + more


def write_plan(run: PlanRun, out: Path, *, force: bool = False) -> dict[str, str]:
    """Write every fabric's script and rollback and ``plan.json``; path → what was done."""
    assert run.plan is not None and run.stopped is None
    files: dict[str, str] = {}
    for r in run.rendered:
        for kind, text in (("script", r.script), ("rollback", r.rollback)):
            path = out / r.fabric / f"{r.fabric}.{kind}.txt"
            files[str(path)] = write_output(path, text, force=force).describe()
    path = out / "plan.json"
    files[str(path)] = write_output(path, plan_json_bytes(run.plan), force=force).describe()
    return files


def plan_json(plan: Plan) -> str:
    """The plan as stable JSON: keys in schema order, lists in plan order, trailing newline."""
    return plan_json_bytes(plan).decode("utf-8")


def plan_json_bytes(plan: Plan) -> bytes:
    """:func:`plan_json` as UTF-8 bytes, without a str copy (plan.json of 50k hosts: 140 MB)."""
    return plan.__pydantic_serializer__.to_json(plan, indent=2) + b"\n"
