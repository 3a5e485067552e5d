"""``zoneplan plan`` as library calls: inventory → plan → the change per fabric → artefacts.

:func:`plan_inventory` validates, plans, checks the plan, reads the ``--against`` captures
(the only place the plan workflow touches saved switch output: the plan layer receives
observed states, it never reads files), reads the previous plan.json for what zoneplan owns,
computes each fabric's change against its observed state and renders its four artefacts
(precheck, script, rollback, verify). A fabric with no observed state gets a script only when
it is declared new (``greenfield``); any fatal change finding (ZP550–ZP563) stops the run before
anything is written. :func:`write_plan` writes the artefacts with :mod:`zoneplan.outputs`.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Literal, Sequence

from ..findings import Finding, Location, Severity
from ..gcpause import gc_paused
from ..observed import SwitchState
from ..outputs import write_outputs
from ..plan.against import baselines_by_fabric
from ..plan.baseline import Baseline
from ..plan.build import PlanError, build_plan
from ..plan.checks import check_plan
from ..plan.delta import ChangeOptions, compute_change, greenfield_change
from ..plan.model import FabricChange, FabricPlan, Ownership, Plan
from ..plan.naming import NamingError
from ..plan.ports import switch_port_plans
from ..render.engine import RenderedFabric, RenderError, render_plan
from ..render.ports import RenderedPorts, render_ports
from ..rules.base import RuleScope
from ..rules.change import CaptureLacksZoning, NoObservedState, NoOwnershipRecord
from ..sanitise import json_bytes
from ..topology import Topology
from ..validate import Validation, validate_inventory
from .policy import finish_findings

__all__ = [
    "ARTEFACTS",
    "PlanRun",
    "greenfield_changes",
    "plan_inventory",
    "plan_json",
    "plan_json_bytes",
    "read_against",
    "read_ownership",
    "write_plan",
]

#: where a plan run stopped: the inventory is unusable, the planner gave up, a capture is
#: unusable, a fabric's change is refused (ZP550–ZP563), or rendering refused a value (nothing is
#: written in any of these cases)
Stop = Literal["inventory", "plan", "captures", "change", "render"]

#: the files of one fabric, in the order an admin uses them
ARTEFACTS = ("precheck", "script", "rollback", "verify")


@dataclass
class PlanRun:
    """Everything ``zoneplan plan`` reports and writes."""

    validation: Validation
    plan: Plan | None = None
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[tuple[Finding, str]] = field(default_factory=list)
    baselines: dict[str, Baseline] | None = None  #: observed state per fabric (--against)
    changes: dict[str, FabricChange] = field(default_factory=dict)
    blocked: list[str] = field(default_factory=list)  #: fabrics whose change is refused
    rendered: list[RenderedFabric] = field(default_factory=list)
    ownership_from: str | None = None  #: the plan.json ownership was read from
    #: per switch: port names / descriptions and VSAN membership, and their rollback
    ports: list[RenderedPorts] = field(default_factory=list)
    observed: list[SwitchState] = field(default_factory=list)  #: the --against switch states
    stopped: Stop | None = None
    error: str = ""  #: why the planner or the renderer gave up


@gc_paused(freeze=True)  # the plan and its change: many small objects, few garbage
def plan_inventory(
    inventory: str | Path,
    *,
    strategy: str | None = None,
    fabric: str | None = None,
    against: Sequence[str | Path] = (),
    allow_delete: bool = False,
    greenfield: bool = False,
    enable_zoning: bool = False,
    accept_pending: bool = False,
    previous: str | Path | None = None,
    out: str | Path | None = None,
) -> PlanRun:
    """Validate, plan, check, read captures and ownership, compute and render every change.

    Never raises on bad input. ``previous`` is a plan.json whose ownership record says what
    zoneplan created; without it, ``out``/plan.json is used when it exists. The inventory's
    policy is applied once, at the end, to every finding of every step.
    """
    validation = validate_inventory(inventory, policy=False)
    run = PlanRun(validation, findings=list(validation.findings))
    scopes = set(validation.scopes)
    try:
        _plan_steps(
            run,
            _Request(
                strategy,
                fabric,
                against,
                allow_delete,
                greenfield,
                enable_zoning,
                accept_pending,
                previous,
                out,
            ),
            scopes,
        )
    finally:
        run.findings, run.suppressed = finish_findings(
            run.findings, validation.topology, scopes=scopes
        )
    if run.plan is not None:
        run.plan.inventory_file = inventory_file(inventory, out)
    return run


@dataclass(frozen=True)
class _Request:
    """The options of one ``zoneplan plan`` run."""

    strategy: str | None
    fabric: str | None
    against: Sequence[str | Path]
    allow_delete: bool
    greenfield: bool
    enable_zoning: bool
    accept_pending: bool
    previous: str | Path | None
    out: str | Path | None


def _plan_steps(run: PlanRun, req: _Request, scopes: set[RuleScope]) -> None:
    """Plan, check, read the captures and ownership, compute the changes, render: each step
    adds findings to ``run``; a step that cannot go on sets ``run.stopped``."""
    validation = run.validation
    if not validation.usable:
        run.stopped = "inventory"
        return
    topology = validation.topology
    assert topology is not None
    try:
        run.plan = build_plan(topology, req.strategy, req.fabric)
    except (PlanError, NamingError) as exc:
        run.stopped, run.error = "plan", str(exc)
        return
    run.findings += check_plan(run.plan, topology)
    scopes.add(RuleScope.PLAN)
    if req.against:
        run.baselines, capture_findings = read_against(
            req.against, topology, run.plan, keep=run.observed
        )
        run.findings += capture_findings
        scopes.add(RuleScope.CAPTURE)
        if any(f.severity is Severity.FATAL for f in capture_findings):
            run.stopped = "captures"
            return
    ownership, own_findings, run.ownership_from = read_ownership(
        req.previous, req.out, topology.inventory.name
    )
    run.findings += own_findings
    if req.previous is not None and run.ownership_from is None:
        run.stopped = "change"
        return
    _compute_changes(run, req, topology, ownership)
    if run.blocked:
        run.stopped = "change"
        return
    try:
        run.rendered = render_plan(run.plan, run.changes)
        ports = switch_port_plans(topology, run.observed)
        if req.fabric is not None:
            ports = [sp for sp in ports if sp.fabric == req.fabric]
        run.ports = render_ports(run.plan, ports)
    except RenderError as exc:
        run.stopped, run.error = "render", str(exc)


def _compute_changes(
    run: PlanRun,
    req: _Request,
    topology: Topology,
    ownership: dict[str, Ownership] | None,
) -> None:
    """Each planned fabric's change against its observed state (or as a new fabric)."""
    assert run.plan is not None
    firmware = {s.name: s.firmware for s in topology.inventory.switches if s.firmware}
    for fp in run.plan.fabrics:
        base = run.baselines.get(fp.name) if run.baselines is not None else None
        opts = ChangeOptions(
            allow_delete=req.allow_delete,
            # a fabric declared new may have zoning enabled for the first time
            enable_zoning=req.enable_zoning or req.greenfield or fp.greenfield,
            accept_pending=req.accept_pending,
            ownership=ownership.get(fp.name) if ownership is not None else None,
            firmware=firmware,
            names=_names(fp, topology, base),
        )
        if base is None:
            if req.greenfield or fp.greenfield:
                result = greenfield_change(fp, opts)
            else:
                run.findings.append(_no_state(fp, bool(req.against)))
                run.blocked.append(fp.name)
                continue
        else:
            result = compute_change(fp, base, opts)
        run.findings += result.findings
        if result.blocked:
            run.blocked.append(fp.name)
        run.changes[fp.name] = result.change
    run.plan.changes = [run.changes[fp.name] for fp in run.plan.fabrics if fp.name in run.changes]


def inventory_file(inventory: str | Path | None, out: str | Path | None) -> str | None:
    """Where plan.json says its inventory is: relative to the plan's folder when both lie on
    one tree (the change folder and the inventory move together), else absolute."""
    if inventory is None:
        return None
    path = Path(inventory).resolve()
    if out is None:
        return str(path)
    folder = Path(out).resolve()
    try:
        common = Path(os.path.commonpath([path, folder]))
    except ValueError:  # another drive (Windows)
        return str(path)
    if common == Path(common.anchor):  # nothing in common but the root
        return str(path)
    return os.path.relpath(path, folder)


def greenfield_changes(plan: Plan, topology: Topology) -> dict[str, FabricChange]:
    """Every fabric of a plan as a new fabric (what ``plan --greenfield`` computes), set on
    the plan as its changes."""
    firmware = {s.name: s.firmware for s in topology.inventory.switches if s.firmware}
    changes = {
        fp.name: greenfield_change(
            fp, ChangeOptions(firmware=firmware, names=_names(fp, topology, None))
        ).change
        for fp in plan.fabrics
    }
    plan.changes = list(changes.values())
    return changes


def _no_state(fp: FabricPlan, captured: bool) -> Finding:
    if captured:
        return CaptureLacksZoning.make(
            f"fabric {fp.name}: the captures hold no zoning of this fabric",
            subject=fp.name,
            hint="capture it (zoneplan collect INV --out cap/) and rerun with --against cap/; "
            "a fabric without any zoning: --greenfield",
        )
    return NoObservedState.make(
        f"fabric {fp.name}: no observed zoning to compute the change against",
        subject=fp.name,
        hint="capture the fabric (zoneplan collect INV --out cap/) and rerun with --against "
        "cap/; only a new fabric without zoning may be planned with --greenfield "
        "(or fabrics[].zoning.greenfield: true)",
    )


def _names(fp: FabricPlan, topology: Topology, base: Baseline | None) -> dict[str, str]:
    """WWPN → how the access summary names the device: inventory port, else the fabric's alias."""
    names: dict[str, str] = {}
    if base is not None:
        for seen in base.aliases:
            if seen.wwpn is not None:
                names.setdefault(seen.wwpn, seen.name)
    for a in fp.aliases:
        names[a.wwpn] = a.ref or a.name
    return names


def read_against(
    paths: Iterable[str | Path],
    topology: Topology,
    plan: Plan,
    *,
    keep: list[SwitchState] | None = None,
) -> tuple[dict[str, Baseline], list[Finding]]:
    """Read capture files/folders and return the observed baseline of each planned fabric
    (and, into ``keep``, the switch states read: their port names and VSANs)."""
    from ..parsers.capture import read_captures

    states, findings = read_captures(paths)
    if keep is not None:
        keep.extend(states.values())
    baselines, more = baselines_by_fabric(list(states.values()), topology, plan, findings)
    return baselines, findings + more


def read_ownership(
    previous: str | Path | None, out: str | Path | None, inventory: str
) -> tuple[dict[str, Ownership] | None, list[Finding], str | None]:
    """What zoneplan created per fabric, from a previous plan.json (``previous`` or OUT's).

    (ownership per fabric or None, findings, the file read). An explicit ``previous`` that
    cannot be read is fatal; OUT/plan.json that cannot be read, or that another inventory
    wrote, is ignored with a warning.
    """
    explicit = previous is not None
    if previous is not None:
        path: Path | None = Path(previous)
    else:
        path = Path(out) / "plan.json" if out is not None else None
    if path is None or (not explicit and not path.is_file()):
        return None, [], None
    severity = Severity.FATAL if explicit else Severity.WARNING
    try:
        data = json.loads(path.read_bytes())
        if not isinstance(data, dict):
            raise ValueError("not a plan.json object")
        if data.get("inventory") != inventory:
            raise ValueError(f"written for inventory {data.get('inventory')!r}, not {inventory!r}")
        out_map: dict[str, Ownership] = {}
        for c in data.get("changes") or []:
            if isinstance(c, dict) and isinstance(c.get("fabric"), str):
                out_map[c["fabric"]] = Ownership.model_validate(c.get("ownership") or {})
    except (OSError, ValueError) as exc:
        return (
            None,
            [
                NoOwnershipRecord.make(
                    f"the previous plan {path} cannot be used as an ownership record: "
                    f"{str(exc).splitlines()[0]}",
                    Location(str(path)),
                    severity=severity,
                )
            ],
            None,
        )
    return out_map, [], str(path)


def write_plan(run: PlanRun, out: Path, *, force: bool = False) -> dict[str, str]:
    """Write every fabric's artefacts, the port scripts and ``plan.json``; path → what was done.

    Every target is checked before any is written (:func:`~zoneplan.outputs.write_outputs`):
    a fabric folder name taken by a file, or a link, raises
    :class:`~zoneplan.outputs.OutputError` with nothing written.
    """
    assert run.plan is not None and run.stopped is None
    files: dict[str, str | bytes] = {}
    for r in run.rendered:
        texts = r.artefacts()
        for kind in ARTEFACTS:
            rel = f"{r.fabric}/{r.fabric}.{kind}.txt"
            r.change.files[kind] = rel
            files[rel] = texts[kind]
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
