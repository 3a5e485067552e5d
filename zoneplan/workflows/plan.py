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
from ..observed import SwitchState
from ..outputs import write_outputs
from ..plan.against import zoning_by_fabric
from ..plan.build import PlanError, build_plan
from ..plan.checks import check_plan
from ..plan.model import Plan, ZoningState
from ..plan.naming import NamingError
from ..plan.ports import switch_port_plans
from ..render.engine import RenderedFabric, RenderError, render_plan
from ..render.ports import RenderedPorts, render_ports
from ..rules.base import RuleScope
from ..sanitise import json_bytes
from ..topology import Topology
from ..validate import Validation, validate_inventory
from .policy import finish_findings

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
    #: per switch: port names / descriptions and VSAN membership, and their rollback
    ports: list[RenderedPorts] = field(default_factory=list)
    observed: list[SwitchState] = field(default_factory=list)  #: the --against switch states
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
    """Validate, plan, check, read ``against`` captures and render; never raises on bad input.

    The inventory's policy is applied once, at the end, to every finding of every step.
    """
    validation = validate_inventory(inventory, policy=False)
    run = PlanRun(validation, findings=list(validation.findings))
    scopes = set(validation.scopes)
    try:
        _plan_steps(run, strategy, fabric, against, allow_delete, scopes)
    finally:
        run.findings, run.suppressed = finish_findings(
            run.findings, validation.topology, scopes=scopes
        )
    return run


def _plan_steps(
    run: PlanRun,
    strategy: str | None,
    fabric: str | None,
    against: Sequence[str | Path],
    allow_delete: bool,
    scopes: set[RuleScope],
) -> None:
    """Plan, check, read the captures, render: each step adds findings to ``run``."""
    validation = run.validation
    if not validation.usable:
        run.stopped = "inventory"
        return
    topology = validation.topology
    assert topology is not None
    try:
        run.plan = build_plan(topology, strategy, fabric)
    except (PlanError, NamingError) as exc:
        run.stopped, run.error = "plan", str(exc)
        return
    run.findings += check_plan(run.plan, topology)
    scopes.add(RuleScope.PLAN)
    if against:
        run.previous, capture_findings = read_against(
            against, topology, run.plan, keep=run.observed
        )
        run.findings += capture_findings
        scopes.add(RuleScope.CAPTURE)
        if any(f.severity is Severity.FATAL for f in capture_findings):
            run.stopped = "captures"
            return
        run.uncaptured = [fp.name for fp in run.plan.fabrics if fp.name not in run.previous]
    try:
        run.rendered = render_plan(run.plan, run.previous, allow_delete=allow_delete)
        ports = switch_port_plans(topology, run.observed)
        if fabric is not None:
            ports = [sp for sp in ports if sp.fabric == fabric]
        run.ports = render_ports(run.plan, ports)
    except RenderError as exc:
        run.stopped, run.error = "render", str(exc)


def read_against(
    paths: Iterable[str | Path],
    topology: Topology,
    plan: Plan,
    *,
    keep: list[SwitchState] | None = None,
) -> tuple[dict[str, ZoningState], list[Finding]]:
    """Read capture files/folders and return the observed zoning of each planned fabric
    (and, into ``keep``, the switch states read: their port names and VSANs)."""
    from ..parsers.capture import read_captures

    states, findings = read_captures(paths)
    if keep is not None:
        keep.extend(states.values())
    zoning, more = zoning_by_fabric(list(states.values()), topology, plan)
    return zoning, findings + more


def write_plan(run: PlanRun, out: Path, *, force: bool = False) -> dict[str, str]:
    """Write every fabric's script and rollback and ``plan.json``; path → what was done.

    Every target is checked before any is written (:func:`~zoneplan.outputs.write_outputs`):
    a fabric folder name taken by a file, or a link, raises
    :class:`~zoneplan.outputs.OutputError` with nothing written.
    """
    assert run.plan is not None and run.stopped is None
    files: dict[str, str | bytes] = {}
    for r in run.rendered:
        for kind, text in (("script", r.script), ("rollback", r.rollback)):
            files[f"{r.fabric}/{r.fabric}.{kind}.txt"] = text
    for p in run.ports:
        for kind, text in (("ports", p.script), ("ports.rollback", p.rollback)):
            files[f"{p.fabric}/{p.switch}.{kind}.txt"] = text
    files["plan.json"] = plan_json_bytes(run.plan)
    results = write_outputs(out, files, force=force)
    return {str(w.path): w.describe() for w in results}


def plan_json(plan: Plan) -> str:
    """The plan as stable JSON: keys in schema order, lists in plan order, trailing newline."""
    return plan_json_bytes(plan).decode("utf-8")


def plan_json_bytes(plan: Plan) -> bytes:
    """:func:`plan_json` as UTF-8 bytes, without a str copy (plan.json of 50k hosts: 140 MB)."""
    return json_bytes(plan.__pydantic_serializer__.to_json(plan, indent=2)) + b"\n"
