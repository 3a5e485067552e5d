"""Incremental plans: against an older plan or parsed captures; removals only when allowed."""

from __future__ import annotations

import copy

from plan_helpers import REPO, topology_of
from typer.testing import CliRunner

from tests.support.show_render import render_cfgshow, render_show_zoneset
from zoneplan.cli import app
from zoneplan.observed import Zone, ZoneDb
from zoneplan.plan import ZoningState, build_plan, full_change, incremental_change, inverse
from zoneplan.plan.against import zoning_from_db
from zoneplan.render import render_fabric

SAMPLE = REPO / "samples" / "euronas-cluster.yaml"
runner = CliRunner()


def _without_host(tmp_path, host="xsan01"):
    text = SAMPLE.read_text()
    start = text.index(f"  - name: {host}\n")
    end = text.index("\npolicy:")
    path = tmp_path / "smaller.yaml"
    path.write_text(text[:start] + text[end + 1 :])
    return path


def test_against_itself_is_empty(sample_topologies):
    plan = build_plan(sample_topologies["euronas-cluster"])
    for fp in plan.fabrics:
        cs = incremental_change(fp, ZoningState.from_fabric_plan(fp), allow_delete=True)
        assert cs.empty and cs.activate is None
        assert (
            "Nothing to change"
            in render_fabric(plan, fp, previous=ZoningState.from_fabric_plan(fp)).script
        )


def test_additions_only_without_allow_delete(tmp_path, sample_topologies):
    new = build_plan(sample_topologies["euronas-cluster"]).fabric("A")
    old_plan = build_plan(topology_of(_without_host(tmp_path)))
    cs = incremental_change(new, ZoningState.from_fabric_plan(old_plan.fabric("A")))
    assert [a.name for a in cs.create_aliases] == ["xsan01_atto0_p0"]
    assert len(cs.create_zones) == 3 and not cs.config_create
    assert cs.config_add == [z.name for z in cs.create_zones]
    assert cs.activate == new.config and not cs.delete_zones


def test_removals_need_allow_delete(tmp_path, sample_topologies):
    old = build_plan(sample_topologies["euronas-cluster"]).fabric("A")
    new_plan = build_plan(topology_of(_without_host(tmp_path)))
    new = new_plan.fabric("A")
    kept = incremental_change(new, ZoningState.from_fabric_plan(old))
    assert kept.empty and any("--allow-delete" in n for n in kept.notes)
    cs = incremental_change(new, ZoningState.from_fabric_plan(old), allow_delete=True)
    assert len(cs.config_remove) == 3 and len(cs.delete_zones) == 3
    assert [a.name for a in cs.delete_aliases] == ["xsan01_atto0_p0"]
    r = render_fabric(new_plan, new, previous=ZoningState.from_fabric_plan(old), allow_delete=True)
    lines = r.script.splitlines()
    assert lines.index('cfgenable "cfg_euronas_cluster_A"') < lines.index(
        'zonedelete "z_xsan01_atto0_p0__san1_hba0_p0"'
    )
    # the rollback recreates what was removed, with its members, and re-enables the config
    assert 'alicreate "xsan01_atto0_p0", "21:00:00:10:86:5a:00:01"' in r.rollback
    assert (
        'zonecreate "z_xsan01_atto0_p0__san1_hba0_p0", "xsan01_atto0_p0;san1_hba0_p0"' in r.rollback
    )
    assert 'cfgadd "cfg_euronas_cluster_A"' in r.rollback
    assert 'cfgenable "cfg_euronas_cluster_A"' in r.rollback


def test_incomplete_capture_never_removes(tmp_path, sample_topologies):
    old = build_plan(sample_topologies["euronas-cluster"]).fabric("A")
    new = build_plan(topology_of(_without_host(tmp_path))).fabric("A")
    state = ZoningState.from_fabric_plan(old)
    state.complete = False
    cs = incremental_change(new, state, allow_delete=True)
    assert cs.empty and any("incomplete" in n for n in cs.notes)


def test_zones_go_into_the_effective_config_when_the_plans_does_not_exist(sample_topologies):
    fp = build_plan(sample_topologies["euronas-cluster"]).fabric("A")
    state = ZoningState(configs={"PROD_A": ["old_zone"]}, effective="PROD_A", zones=[], aliases=[])
    cs = incremental_change(fp, state)
    assert cs.config == "PROD_A" and not cs.config_create and cs.activate == "PROD_A"
    back = inverse(cs)
    assert back.activate == "PROD_A" and back.config_remove == list(reversed(cs.config_add))


def test_member_changes_on_existing_zone(sample_topologies):
    fp = build_plan(sample_topologies["brocade-only"]).fabric("A")  # peer zones
    state = ZoningState.from_fabric_plan(fp)
    state = copy.deepcopy(state)
    peer = next(z for z in state.zones if z.peer)
    dropped = peer.members.pop()
    cs = incremental_change(fp, state)
    assert [e.members[0].name for e in cs.add_members] == [dropped.name]
    r = render_fabric(build_plan(sample_topologies["brocade-only"]), fp, previous=state)
    assert f'zoneadd --peerzone "{peer.name}" -members "{dropped.name}"' in r.script
    assert f'zoneremove --peerzone "{peer.name}" -members "{dropped.name}"' in r.rollback


def test_full_rollback_deletes_in_reverse_order(sample_topologies):
    plan = build_plan(sample_topologies["euronas-cluster"])
    fp = plan.fabric("B")
    cs = full_change(fp)
    back = inverse(cs)
    assert [z.name for z in back.delete_zones] == [z.name for z in reversed(cs.create_zones)]
    assert back.config_delete and back.activate is None
    r = render_fabric(plan, fp)
    lines = r.rollback.splitlines()
    assert (
        lines.index("no zoneset name cfg_euronas_cluster_B vsan 20")
        < lines.index("no zone name z_backend_san1_raid1 vsan 20")
        < lines.index("  no device-alias name san1_hba0_p2")
    )


def _db_of(fp, effective: bool = False) -> ZoneDb:
    """The zone database the full plan leaves (effective: members resolved to WWPNs)."""
    db = ZoneDb()
    if not effective:
        db.aliases = {a.name: [a.wwpn] for a in fp.aliases}
    for z in fp.zones:
        spell = (lambda m: m.wwpn) if effective else (lambda m: m.name)
        db.zones[z.name] = Zone(
            z.name,
            [spell(m) for m in z.members],
            [spell(m) for m in z.principals],
            "peer" if z.peer else "normal",
        )
    db.configs = {fp.config: [z.name for z in fp.zones]}
    db.effective = fp.config
    return db


def test_converter_round_trip(sample_topologies):
    fp = build_plan(sample_topologies["euronas-cluster"]).fabric("A")
    state = zoning_from_db(_db_of(fp))
    assert incremental_change(fp, state, allow_delete=True).empty


def test_cli_against_capture_folder(tmp_path, sample_topologies):
    plan = build_plan(sample_topologies["euronas-cluster"])
    fa, fb = plan.fabric("A"), plan.fabric("B")
    caps = tmp_path / "caps"
    (caps / "sw-a1").mkdir(parents=True)
    (caps / "sw-a1" / "cfgshow.txt").write_text(render_cfgshow(_db_of(fa), _db_of(fa, True)))
    (caps / "mds-b1").mkdir()
    db_b = _db_of(fb)
    db_b.aliases = {}
    (caps / "mds-b1" / "show_zoneset_vsan_20.txt").write_text(render_show_zoneset({20: db_b}))
    out = tmp_path / "out"
    smaller = _without_host(tmp_path)
    r = runner.invoke(
        app, ["plan", str(smaller), "--out", str(out), "--against", str(caps), "--allow-delete"]
    )
    assert r.exit_code == 0, r.output
    assert "ZP029" not in r.output
    script = (out / "A" / "A.script.txt").read_text()
    assert "mode: incremental" in script
    assert 'cfgremove "cfg_euronas_cluster_A", "z_xsan01_atto0_p0__san1_hba0_p0;' in script
    assert 'alidelete "xsan01_atto0_p0"' in script
    assert "alicreate" not in script and "zonecreate" not in script
    b = (out / "B" / "B.script.txt").read_text()
    assert "no member z_xsan01_atto0_p1__san1_hba0_p2" in b
    assert "no zone name z_xsan01_atto0_p1__san1_hba0_p2 vsan 20" in b


def test_cli_allow_delete_needs_against(tmp_path):
    r = runner.invoke(app, ["plan", str(SAMPLE), "--out", str(tmp_path), "--allow-delete"])
    assert r.exit_code == 2
