"""`zoneplan import`: a draft inventory from captures that validates and keeps every zone."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tests.support.paths import CAPTURES as SHARED
from tests.support.paths import shared_absent
from tests.support.planstate import states_from_plan
from zoneplan.cli import app
from zoneplan.loader import load_inventory
from zoneplan.plan.build import build_plan
from zoneplan.topology import build_topology

from .test_roundtrip_audit import SAMPLE, write_captures


@pytest.fixture(scope="module")
def captured(tmp_path_factory):
    r = load_inventory(SAMPLE)
    topo = build_topology(r.inventory, r.source)
    plan = build_plan(topo)
    root = tmp_path_factory.mktemp("cap")
    write_captures(root, states_from_plan(plan, topo))
    return root, plan


def test_draft_from_a_fabric_validates_and_keeps_every_zone(captured, tmp_path):
    root, plan = captured
    out = tmp_path / "draft.yaml"
    r = CliRunner().invoke(app, ["import", *map(str, sorted(root.iterdir())), "-o", str(out)])
    assert r.exit_code == 0, r.output
    draft = load_inventory(out)
    assert draft.ok, [f.parsable() for f in draft.findings]
    inv = draft.inventory
    assert {s.name for s in inv.switches} == {"sw-a1", "sw-a2", "mds-b1", "mds-b2"}
    assert sorted(f.vendor for f in inv.fabrics) == ["brocade", "cisco"]
    assert next(f for f in inv.fabrics if f.vendor == "cisco").vsan == 20
    # every zone of every fabric is kept as found
    planned = {(fp.vendor, z.name) for fp in plan.fabrics for z in fp.zones}
    vendor_of = {f.name: f.vendor for f in inv.fabrics}
    assert {(vendor_of[z.fabric], z.name) for z in inv.existing_zones} == planned
    # hosts are named from their aliases and cabled where they logged in
    host = next(h for h in inv.hosts if h.name == "esx01")
    cabled = {(p.switch, p.port) for hba in host.hbas for p in hba.ports}
    assert ("sw-a1", "8") in cabled
    # a first plan of the draft keeps the zones it found
    topo = build_topology(inv, draft.source)
    first = build_plan(topo)
    kept = {z.name for fp in first.fabrics for z in fp.zones if z.kind.value == "existing"}
    assert kept == {name for _v, name in planned}


def test_import_refuses_to_overwrite(captured, tmp_path):
    root, _plan = captured
    out = tmp_path / "draft.yaml"
    out.write_text("mine\n")
    r = CliRunner().invoke(app, ["import", str(root), "-o", str(out)])
    assert r.exit_code == 2 and out.read_text() == "mine\n"


@pytest.mark.skipif(not SHARED.is_dir(), reason=shared_absent("captures"))
def test_draft_from_the_real_brocade_captures_is_usable(tmp_path):
    out = tmp_path / "draft.yaml"
    r = CliRunner().invoke(app, ["import", str(SHARED / "brocade-fos"), "-o", str(out)])
    assert r.exit_code == 0, r.output
    draft = load_inventory(out)
    assert draft.ok
    assert len(draft.inventory.switches) >= 2 and draft.inventory.existing_zones
