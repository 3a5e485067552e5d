"""Property: whatever the fabric, its import is a valid inventory that keeps every zone and
every logged-in port (random inventories planned, their switches emulated as captures in the
vendors' formats, read back through the parsers, drafted)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import given, settings

from tests.support.inventories import random_inventory
from tests.support.planstate import states_from_plan
from tests.support.strategies import inventory_params
from zoneplan.importer import draft_inventory, draft_yaml
from zoneplan.loader import parse_inventory
from zoneplan.parsers.capture import read_captures
from zoneplan.plan import build_plan
from zoneplan.topology import build_topology
from zoneplan.workflows.importing import check_draft

from .test_roundtrip_audit import write_captures


def _captured(p):
    """A random inventory planned, its switches emulated, their captures read back."""
    topo = build_topology(random_inventory(p))
    plan = build_plan(topo)
    with tempfile.TemporaryDirectory() as tmp:
        write_captures(Path(tmp), states_from_plan(plan, topo))
        states, _ = read_captures([tmp])
    return plan, states


def planned_draft(p):
    """The import draft (plain data) of a random planned fabric."""
    return draft_inventory(_captured(p)[1].values())


@settings()
@given(inventory_params(max_hosts=6))
def test_the_draft_of_any_planned_fabric_validates_and_keeps_zones_and_logins(p):
    plan, states = _captured(p)
    findings: list = []
    data = draft_inventory(states.values(), findings=findings)
    assert not findings
    text = draft_yaml(data)
    assert yaml.safe_load(text) == data  # the emitter writes what the draft holds
    check = parse_inventory(text, "draft.yaml")
    assert check.ok, [f.parsable() for f in check.findings if f.severity.value != "info"]
    fast = check_draft(data, text, "draft.yaml")  # what import_captures runs
    assert fast.ok and fast.inventory == check.inventory and not fast.findings
    fabric_of = {s["name"]: s["fabric"] for s in data["switches"]}
    drafted = {(z["fabric"], z["name"]) for z in data["existing_zones"]}
    for fp in plan.fabrics:
        fabrics = {fabric_of[s] for s in fp.switches if s in fabric_of}
        if len(fabrics) > 1:
            # the emulated captures link a fabric's switches by its zoning in effect only
            # (no fabricshow/islshow of each other): without zones they cannot be told one
            assert not fp.zones, (fp.name, fabrics)
            continue
        (fab,) = fabrics
        assert {(fab, z.name) for z in fp.zones} <= drafted
        zoning = next(f.get("zoning", {}) for f in data["fabrics"] if f["name"] == fab)
        assert zoning.get("config") == fp.config
    wwpns = {
        port["wwpn"]
        for dev in data["hosts"] + data.get("arrays", [])
        for hba in dev.get("hbas", dev.get("controllers", []))
        for port in hba["ports"]
    }
    logged_in = {w for st in states.values() for (_v, w) in st.logins}
    assert logged_in <= wwpns
