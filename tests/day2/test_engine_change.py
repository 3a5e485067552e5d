"""The change engine on a fabric in production, both dialects, proved on the oracle.

Each test is what an admin does: the fabric holds zoning (zoneplan's, from an earlier change,
and foreign objects), the inventory is edited, ``zoneplan plan --against`` runs, the script is
pasted into a switch, then the rollback; the end states are compared as ``show`` prints them.
"""

from __future__ import annotations

import copy
import json

import pytest
import yaml

from tests.day2.engine_helpers import (
    MDS_SWITCHES,
    VSAN,
    Site,
    host_port,
    inventory,
    runner,
    without_host,
)
from tests.support.oracle import MdsFabric, run_script
from tests.support.oracle.nxos import VsanZoning
from zoneplan.cli import app
from zoneplan.fabrics import group_by_fabric
from zoneplan.loader import load_inventory
from zoneplan.observed import Zone
from zoneplan.parsers.capture import read_captures
from zoneplan.plan import observation_fingerprint
from zoneplan.topology import build_topology

BOTH = pytest.mark.parametrize("fabric", ["A", "B"])


@pytest.fixture
def site(tmp_path) -> Site:
    return Site(tmp_path)


def _foreign(site: Site) -> None:
    """An admin's own zone and alias, in the config in effect (zoneplan must keep them)."""
    w = "50:06:01:60:00:00:00:01"
    db = site.fos.defined
    db.aliases["ADMIN_tape"] = [w]
    db.zones["ADMIN_tape_zone"] = Zone(
        "ADMIN_tape_zone", members=["ADMIN_tape", "21:00:00:24:ff:7a:10:00"]
    )
    db.configs["cfg_euronas_cluster_A"].append("ADMIN_tape_zone")
    site.fos.effective = site.fos.compile(db, "cfg_euronas_cluster_A")
    vz = site.mds.vsans[VSAN]
    vz.full.zones["ADMIN_tape_zone"] = Zone(
        "ADMIN_tape_zone", members=[w, "21:00:00:24:ff:7a:10:02"]
    )
    vz.full.zonesets["cfg_euronas_cluster_B"].append("ADMIN_tape_zone")
    vz.active = site.mds.compile(vz.full, "cfg_euronas_cluster_B")


# ------------------------------------------------------------------------------ greenfield


def test_greenfield_creates_and_enables_then_the_same_plan_is_empty(site):
    run = site.greenfield()
    assert 'cfgenable "cfg_euronas_cluster_A" -f' in run.text("A")
    assert "zoneset activate name cfg_euronas_cluster_B vsan 20" in run.text("B")
    assert "\nzone commit" not in run.text("B")  # basic zone mode: no session to commit
    assert (
        site.fos.effective is not None and site.fos.effective.effective == "cfg_euronas_cluster_A"
    )
    # ownership: every object the script created
    own = run.change("A")["ownership"]
    assert "cfg_euronas_cluster_A" in own["configs"] and own["zones"] and own["aliases"]
    # the same inventory against the fabric it produced: nothing to do
    again = site.plan(inventory())
    assert again.exit_code == 0, again.output
    for f in ("A", "B"):
        assert again.change(f)["ops"] == []
        assert "Nothing to change" in again.text(f)


def test_greenfield_rollback_never_disables_zoning(site):
    run = site.greenfield()
    for f in ("A", "B"):
        before = site.state(f)
        site.paste(f, run.text(f, "rollback"))
        assert site.state(f) == before
        assert "never disables zoning" in run.text(f, "rollback")


def test_without_capture_a_fabric_in_production_is_refused(site):
    run = site.plan(inventory(), against=False)
    assert run.exit_code == 2
    assert run.codes("fatal") == {"ZP550"}
    assert not (site.root / "out").exists()


# ------------------------------------------------------------------------------ day 2


@BOTH
def test_host_added_keeps_foreign_zones_and_rolls_back_byte_for_byte(site, fabric):
    data = inventory()
    site.greenfield(without_host(data, "xsan01"))
    _foreign(site)
    before = site.state(fabric)
    run = site.plan(data)
    assert run.exit_code == 0, run.output
    ch = run.change(fabric)
    kinds = {op["op"] for op in ch["ops"]}
    assert kinds == {"create_alias", "create_zone", "config_add_zones"}
    assert "ADMIN_tape_zone" in ch["foreign_kept"]["zones"]
    gaining = {a["name"] for a in ch["access"] if a["gains"]}
    assert any(n.startswith("xsan01") for n in gaining)
    site.paste(fabric, run.text(fabric))
    after = site.state(fabric)
    assert "ADMIN_tape_zone" in after and "xsan01" in after
    # re-planned against the result: nothing left to do
    assert site.plan(data, out="check").change(fabric)["ops"] == []
    site.paste(fabric, run.text(fabric, "rollback"))
    assert site.state(fabric) == before


@BOTH
def test_host_removed_is_kept_without_allow_delete_and_removed_with_it(site, fabric):
    data = inventory()
    site.greenfield(data)
    _foreign(site)
    smaller = without_host(data, "xsan01")
    kept = site.plan(smaller)
    assert kept.exit_code == 0, kept.output
    assert kept.change(fabric)["ops"] == []
    assert any("--allow-delete" in n for n in kept.change(fabric)["notes"])

    before = site.state(fabric)
    run = site.plan(smaller, "--allow-delete")
    assert run.exit_code == 0, run.output
    ops = run.change(fabric)["ops"]
    assert {op["op"] for op in ops} >= {"config_remove_zones", "delete_zone"}
    assert all("xsan01" in op["name"] or op["op"] == "config_remove_zones" for op in ops)
    assert not any("ADMIN" in op["name"] for op in ops)
    losing = {a["name"] for a in run.change(fabric)["access"] if a["loses"]}
    assert any(n.startswith("xsan01") for n in losing)
    site.paste(fabric, run.text(fabric))
    after = site.state(fabric)
    assert "z_xsan01" not in after and "ADMIN_tape_zone" in after
    site.paste(fabric, run.text(fabric, "rollback"))
    assert site.state(fabric) == before


def test_device_alias_of_a_removed_host_goes_only_when_every_vsan_was_read(site):
    data = inventory()
    site.greenfield(data)
    smaller = without_host(data, "xsan01")
    site.show_vsan = False
    run = site.plan(smaller, "--allow-delete")
    assert run.exit_code == 0, run.output
    assert "ZP562" in run.codes()
    assert not [op for op in run.change("B")["ops"] if op["op"] == "delete_alias"]
    site.show_vsan = True
    run = site.plan(smaller, "--allow-delete")
    assert [op["name"] for op in run.change("B")["ops"] if op["op"] == "delete_alias"] == [
        "xsan01_atto0_p1"
    ]
    before = site.state("B")
    site.paste("B", run.text("B"))
    assert "xsan01_atto0_p1" not in site.state("B")
    site.paste("B", run.text("B", "rollback"))
    assert site.state("B") == before


def test_allow_delete_without_ownership_record_removes_nothing(site):
    data = inventory()
    site.greenfield(data)
    (site.root / "out" / "plan.json").unlink()
    run = site.plan(without_host(data, "xsan01"), "--allow-delete")
    assert run.exit_code == 0, run.output
    assert "ZP563" in run.codes("warning")
    assert run.change("A")["ops"] == []


@BOTH
def test_hba_replaced_repoints_the_alias_and_leaves_zones_alone(site, fabric):
    data = inventory()
    site.greenfield(data)
    before = site.state(fabric)
    new = copy_with_new_wwpn(data, "esx01", fabric, "10:00:00:90:fa:c1:99:99")
    run = site.plan(new)
    assert run.exit_code == 0, run.output
    ops = run.change(fabric)["ops"]
    if fabric == "A":
        assert [op["op"] for op in ops] == ["alias_add_members", "alias_remove_members"]
        assert 'aliadd "esx01_vmhba2_p0", "10:00:00:90:fa:c1:99:99"' in run.text("A")
        assert 'aliremove "esx01_vmhba2_p0", "10:00:00:90:fa:c1:00:01"' in run.text("A")
        assert 'cfgenable "cfg_euronas_cluster_A" -f' in run.text("A")
    else:  # enhanced device-alias mode: zones keep the name, the new pWWN is zoned at once
        assert [op["op"] for op in ops] == ["repoint_alias"]
        script = run.text("B")
        assert (
            "  no device-alias name esx01_vmhba2_p1\n  device-alias name esx01_vmhba2_p1 pwwn 10:00:00:90:fa:c1:99:99"
            in script
        )
        assert "zone name" not in script and "zoneset activate" not in script
    site.paste(fabric, run.text(fabric))
    after = site.state(fabric)
    assert "10:00:00:90:fa:c1:99:99" in after
    assert site.plan(new, out="check").change(fabric)["ops"] == []
    site.paste(fabric, run.text(fabric, "rollback"))
    assert site.state(fabric) == before


def test_hba_replaced_in_device_alias_basic_mode_edits_the_zones(tmp_path):
    site = Site(tmp_path)
    site.mds = MdsFabric(
        {VSAN: VsanZoning(VSAN, "enhanced")}, switches=("mds-b1", "mds-b2"), da_mode="basic"
    )
    data = inventory()
    data["fabrics"][1]["zoning"] = {"mode": "enhanced"}
    site.greenfield(data)
    before = site.state("B")
    new = copy_with_new_wwpn(data, "esx01", "B", "10:00:00:90:fa:c1:99:98")
    run = site.plan(new)
    assert run.exit_code == 0, run.output
    kinds = [op["op"] for op in run.change("B")["ops"]]
    assert kinds[0] == "repoint_alias" and "zone_add_members" in kinds
    assert "zone_remove_members" in kinds  # the old pWWN, held by the zones in basic mode
    script = run.text("B")
    assert "zoneset activate name cfg_euronas_cluster_B vsan 20" in script
    assert script.index("device-alias commit") < script.index("zone name")
    assert "zone commit vsan 20" in script
    site.paste("B", script)
    assert site.plan(new, out="check").change("B")["ops"] == []
    site.paste("B", run.text("B", "rollback"))
    assert site.state("B") == before


def copy_with_new_wwpn(data, host: str, fabric: str, wwpn: str):
    new = copy.deepcopy(data)
    host_port(new, host, fabric)["wwpn"] = wwpn
    return new


@BOTH
def test_foreign_alias_of_the_plans_name_is_never_repointed(site, fabric):
    data = inventory()
    first = site.greenfield(data).text(fabric)
    (site.root / "out" / "plan.json").unlink()  # zoneplan's record is gone: nothing is ours
    new = copy_with_new_wwpn(data, "esx01", fabric, "10:00:00:90:fa:c1:99:97")
    run = site.plan(new)
    assert run.exit_code == 2
    f = next(f for f in run.report["findings"] if f["code"] == "ZP556")
    assert "esx01_vmhba2" in f["message"] and f["subject"]["name"] == fabric
    assert run.text(fabric) == first  # nothing written


def test_names_differing_only_in_case_are_refused(site):
    data = inventory()
    site.greenfield(without_host(data, "xsan01"))
    site.fos.defined.aliases["XSAN01_ATTO0_P0"] = ["50:00:00:00:00:00:00:07"]
    site.mds.da = {
        sw: {**das, "XSAN01_ATTO0_P1": "50:00:00:00:00:00:00:08"} for sw, das in site.mds.da.items()
    }
    run = site.plan(data)
    assert run.exit_code == 2
    fatal = [f for f in run.report["findings"] if f["code"] == "ZP557"]
    assert {f["subject"]["name"] for f in fatal} == {"A", "B"}


# ------------------------------------------------------------------------------ the config


@BOTH
def test_a_stale_config_of_the_plans_name_is_never_enabled(site, fabric):
    data = inventory()
    site.greenfield(data)
    other = "PROD_" + fabric
    if fabric == "A":
        db = site.fos.defined
        db.configs[other] = list(db.configs["cfg_euronas_cluster_A"])
        site.fos.effective = site.fos.compile(db, other)
    else:
        vz = site.mds.vsans[VSAN]
        vz.full.zonesets[other] = list(vz.full.zonesets["cfg_euronas_cluster_B"])
        vz.active = site.mds.compile(vz.full, other)
    run = site.plan(data)
    assert run.exit_code == 2
    f = next(f for f in run.report["findings"] if f["code"] == "ZP553")
    assert other in f["message"] and f"cfg_euronas_cluster_{fabric}" in f["message"]


def test_the_config_in_effect_from_the_inventory_is_edited(site):
    data = inventory()
    data["fabrics"][0]["zoning"] = {"config": "PROD_A"}
    db = site.fos.defined
    db.aliases["ADMIN_tape"] = ["50:06:01:60:00:00:00:01"]
    db.zones["ADMIN_zone"] = Zone("ADMIN_zone", members=["ADMIN_tape", "21:00:00:24:ff:7a:10:00"])
    db.configs["PROD_A"] = ["ADMIN_zone"]
    site.fos.effective = site.fos.compile(db, "PROD_A")
    run = site.plan(data, "--fabric", "A")
    assert run.exit_code == 0, run.output
    script = run.text("A")
    assert 'cfgadd "PROD_A"' in script and 'cfgenable "PROD_A" -f' in script
    assert "cfgcreate" not in script
    before = site.state("A")
    site.paste("A", script)
    assert site.fos.effective.effective == "PROD_A" and "ADMIN_zone" in site.fos.effective.zones
    site.paste("A", run.text("A", "rollback"))
    assert site.state("A") == before


@BOTH
def test_no_config_in_effect_needs_enable_zoning(site, fabric):
    data = inventory()
    run = site.plan(data, "--fabric", fabric)
    assert run.exit_code == 2 and "ZP554" in run.codes("fatal")
    run = site.plan(data, "--fabric", fabric, "--enable-zoning")
    assert run.exit_code == 0, run.output
    assert "ZP554" in run.codes("warning")
    assert run.change(fabric)["irreversible"]
    site.paste(fabric, run.text(fabric))
    assert site.plan(data, "--fabric", fabric, out="check").change(fabric)["ops"] == []


@BOTH
def test_a_pending_change_is_not_published_unannounced(site, fabric):
    data = inventory()
    site.greenfield(without_host(data, "xsan01"))
    # someone saved a zone into the defined config but never enabled it
    if fabric == "A":
        db = site.fos.defined
        db.zones["ADMIN_new"] = Zone(
            "ADMIN_new", members=["50:00:00:00:00:00:00:01", "50:00:00:00:00:00:00:02"]
        )
        db.configs["cfg_euronas_cluster_A"].append("ADMIN_new")
    else:
        vz = site.mds.vsans[VSAN]
        vz.full.zones["ADMIN_new"] = Zone(
            "ADMIN_new", members=["50:00:00:00:00:00:00:01", "50:00:00:00:00:00:00:02"]
        )
        vz.full.zonesets["cfg_euronas_cluster_B"].append("ADMIN_new")
    run = site.plan(data, "--fabric", fabric)
    assert run.exit_code == 2 and "ZP555" in run.codes("fatal")
    assert "ADMIN_new" in next(f["message"] for f in run.report["findings"] if f["code"] == "ZP555")
    run = site.plan(data, "--fabric", fabric, "--accept-pending")
    assert run.exit_code == 0, run.output
    assert "ZP555" in run.codes("warning")


@BOTH
def test_an_open_transaction_or_lock_refuses_the_change(site, fabric):
    data = inventory()
    site.greenfield(without_host(data, "xsan01"))
    if fabric == "A":
        site.fos.open_foreign_transaction()
    else:
        site.mds.lock_device_alias()
    run = site.plan(data, "--fabric", fabric)
    assert run.exit_code == 2 and run.codes("fatal") == {"ZP552"}


def test_a_zone_session_held_in_enhanced_mode_refuses_the_change(tmp_path):
    site = Site(tmp_path)
    site.mds = MdsFabric({VSAN: VsanZoning(VSAN, "enhanced")}, switches=("mds-b1", "mds-b2"))
    site.mds.lock_zone(VSAN)
    run = site.plan(inventory(), "--fabric", "B", "--enable-zoning")
    assert run.exit_code == 2 and run.codes("fatal") == {"ZP552"}


# ------------------------------------------------------------------------------ modes, firmware


def test_enhanced_zone_mode_commits_and_basic_does_not(tmp_path):
    for mode in ("basic", "enhanced"):
        site = Site(tmp_path / mode)
        site.mds = MdsFabric({VSAN: VsanZoning(VSAN, mode)}, switches=("mds-b1", "mds-b2"))
        run = site.plan(inventory(), "--fabric", "B", "--enable-zoning")
        assert run.exit_code == 0, run.output
        script = run.text("B")
        assert ("zone commit vsan 20" in script) == (mode == "enhanced")
        assert f"mode: {mode}" in run.text("B", "precheck")
        site.paste("B", script)
        assert site.mds.vsans[VSAN].session is None and site.mds.vsans[VSAN].active is not None


def test_device_alias_distribution_off_has_no_commit_and_names_the_switches(tmp_path):
    site = Site(tmp_path)
    site.mds = MdsFabric(
        {VSAN: VsanZoning(VSAN, "basic")}, switches=("mds-b1", "mds-b2"), da_distribute=False
    )
    run = site.plan(inventory(), "--fabric", "B", "--enable-zoning")
    assert run.exit_code == 0, run.output
    script = run.text("B")
    assert "\ndevice-alias commit" not in script
    assert "run the device-alias block on EACH of these switches" in script
    assert "mds-b1, mds-b2" in script
    assert run.change("B")["alias_switches"] == ["mds-b1", "mds-b2"]
    # the whole script on one switch; the device-alias block on the other one too
    run_script(site.mds.session("admin", "mds-b1"), script)
    lines = script.splitlines()
    at = lines.index("device-alias database")
    block = [lines[at]] + [ln for ln in lines[at + 1 :] if ln.startswith("  ")][
        : len([ln for ln in lines[at + 1 :] if ln.startswith("  device-alias")])
    ]
    run_script(
        site.mds.session("admin", "mds-b2"), "\n".join(["configure terminal", *block, "end"])
    )
    assert site.mds.device_aliases("mds-b1") == site.mds.device_aliases("mds-b2")


def test_firmware_too_old_for_peer_zones_is_an_error_and_unknown_a_warning(site):
    data = inventory()
    for s in data["switches"]:
        if s["fabric"] == "A":
            s["firmware"] = "7.3.1"
    site.fos.firmware = "7.3.1"  # what `version` prints: the capture's word wins
    run = site.plan(data, "--fabric", "A", "--strategy", "peer", "--enable-zoning")
    assert run.exit_code == 1, run.output
    assert "ZP560" in run.codes("error")
    assert 'cfgenable "cfg_euronas_cluster_A"\n' in run.text("A")  # older than -f: asks y/n
    for s in data["switches"]:
        s.pop("firmware", None)
    site.version = False  # neither the inventory nor the capture says the firmware
    run = site.plan(data, "--fabric", "A", "--strategy", "peer", "--enable-zoning")
    assert run.exit_code == 0, run.output
    assert "ZP559" in run.codes("warning")


def test_smart_zoning_on_a_vsan_with_zones_is_announced(site):
    data = inventory()
    vz = site.mds.vsans[VSAN]
    vz.full.zones["ADMIN_zone"] = Zone(
        "ADMIN_zone", members=["50:00:00:00:00:00:00:01", "50:00:00:00:00:00:00:02"]
    )
    vz.full.zonesets["ADMIN_zs"] = ["ADMIN_zone"]
    vz.active = site.mds.compile(vz.full, "ADMIN_zs")
    data["fabrics"][1]["zoning"] = {"config": "ADMIN_zs"}
    run = site.plan(data, "--fabric", "B", "--strategy", "smart")
    assert run.exit_code == 0, run.output
    assert "ZP561" in run.codes("warning")
    script = run.text("B")
    assert "zone smart-zoning enable vsan 20" in script
    assert "  member device-alias san1_hba2_p1 initiator" in script
    assert " init\n" not in script
    before = site.state("B")
    site.paste("B", script)
    rollback = run.text("B", "rollback")
    # seen off before the change: the rollback switches it off again, after the tagged zones
    assert rollback.index("no zone name") < rollback.index("no zone smart-zoning enable vsan 20")
    site.paste("B", rollback)
    assert site.state("B") == before


def test_allow_delete_on_a_cut_capture_is_refused(site):
    data = inventory()
    site.greenfield(data)
    cap = site.capture()
    cfg = cap / "sw-a1" / "cfgshow.txt"
    text = cfg.read_text()
    cfg.write_text(text[: len(text) // 2].rsplit("\n", 1)[0] + "\n zone:\tz_cut")
    (cap / "sw-a2" / "cfgshow.txt").unlink()
    inv = site.root / "inv.yaml"
    inv.write_text(yaml.safe_dump(without_host(data, "xsan01")))
    r = runner.invoke(
        app,
        [
            "plan",
            str(inv),
            "--against",
            str(cap),
            "--out",
            str(site.root / "out"),
            "--fabric",
            "A",
            "--allow-delete",
            "-f",
            "json",
        ],
    )
    assert r.exit_code == 2
    codes = {f["code"] for f in json.loads(r.output)["findings"]}
    assert "ZP558" in codes


def test_capture_without_zoning_is_refused(site):
    data = inventory()
    cap = site.root / "nozoning" / "sw-a1"
    cap.mkdir(parents=True)
    (cap / "switchshow.txt").write_text("switchName:\tsw-a1\nswitchDomain:\t1\n")
    inv = site.root / "inv.yaml"
    inv.write_text(yaml.safe_dump(data))
    r = runner.invoke(
        app,
        [
            "plan",
            str(inv),
            "--against",
            str(cap.parent),
            "--out",
            str(site.root / "out"),
            "--fabric",
            "A",
            "-f",
            "json",
        ],
    )
    assert r.exit_code == 2, r.output
    assert {f["code"] for f in json.loads(r.output)["findings"] if f["severity"] == "fatal"} == {
        "ZP551"
    }


def test_fingerprint_in_plan_json_is_the_observed_zoning(site):
    data = inventory()
    site.greenfield(data)
    run = site.plan(data)
    cap = site.root / f"cap{site.n}"
    states, _ = read_captures([cap])
    inv = load_inventory(site.root / f"inv{site.n - 1}.yaml")
    groups = group_by_fabric(states.values(), build_topology(inv.inventory, inv.source))
    for f in ("A", "B"):
        assert run.change(f)["against"]["fingerprint"] == observation_fingerprint(groups[f])


def test_import_records_the_config_in_effect_and_the_zone_mode(tmp_path):
    site = Site(tmp_path)
    site.mds = MdsFabric({VSAN: VsanZoning(VSAN, "enhanced")}, switches=("mds-b1", "mds-b2"))
    data = inventory()
    data["fabrics"][1]["zoning"] = {"mode": "enhanced"}
    site.greenfield(data)
    draft = tmp_path / "draft.yaml"
    r = runner.invoke(app, ["import", str(site.capture()), "-o", str(draft)])
    assert r.exit_code == 0, r.output
    fabrics = yaml.safe_load(draft.read_text())["fabrics"]
    zonings = sorted(json.dumps(f.get("zoning"), sort_keys=True) for f in fabrics)
    assert zonings == [
        '{"config": "cfg_euronas_cluster_A"}',
        '{"config": "cfg_euronas_cluster_B", "mode": "enhanced"}',
    ]
    # and a plan of the draft against the same capture changes nothing
    run = runner.invoke(
        app,
        [
            "plan",
            str(draft),
            "--against",
            str(tmp_path / f"cap{site.n}"),
            "--out",
            str(tmp_path / "o"),
            "-f",
            "json",
        ],
    )
    assert run.exit_code in (0, 1), run.output  # 1: the draft's switches have no ISLs (ZP203)
    plan = json.loads((tmp_path / "o" / "plan.json").read_text())
    assert len(plan["changes"]) == 2 and all(c["ops"] == [] for c in plan["changes"])


# ------------------------------------------------------------------------------ more scenarios


@pytest.mark.parametrize(("fabric", "old", "new"), [("A", "sist", "peer"), ("B", "simt", "smart")])
def test_strategy_change_creates_new_zones_and_removes_old_only_when_allowed(
    site, fabric, old, new
):
    data = inventory()
    data["policy"] = {**data.get("policy", {}), "strategy": old}
    site.greenfield(data)
    before = site.state(fabric)
    switched = copy.deepcopy(data)
    switched["policy"]["strategy"] = new
    run = site.plan(switched, "--fabric", fabric)
    assert run.exit_code == 0, run.output
    ops = run.change(fabric)["ops"]
    created = [op for op in ops if op["op"] == "create_zone"]
    assert created and all(op["name"].startswith("pz_") for op in created)
    assert all(op["peer"] == (new == "peer") and op["smart"] == (new == "smart") for op in created)
    # never a member added to a zone of the other kind, nothing removed without --allow-delete
    assert not [op for op in ops if op["op"] in ("zone_add_members", "delete_zone")]
    assert "zoneadd --peerzone" not in run.text(fabric)
    site.paste(fabric, run.text(fabric))
    site.paste(fabric, run.text(fabric, "rollback"))
    assert site.state(fabric) == before

    run = site.plan(switched, "--fabric", fabric, "--allow-delete")
    assert run.exit_code == 0, run.output
    deleted = {op["name"] for op in run.change(fabric)["ops"] if op["op"] == "delete_zone"}
    assert deleted and all(n.startswith("z_") and "backend" not in n for n in deleted)
    site.paste(fabric, run.text(fabric))
    assert site.plan(switched, "--fabric", fabric, out="check").change(fabric)["ops"] == []


@BOTH
def test_host_port_moved_to_another_switch_changes_nothing(site, fabric):
    data = inventory()
    site.greenfield(data)
    moved = copy.deepcopy(data)
    port = host_port(moved, "esx01", fabric)
    other = [
        s["name"]
        for s in moved["switches"]
        if s["fabric"] == fabric and s["name"] != port["switch"]
    ][0]
    port["switch"] = other
    port["port"] = "40" if fabric == "A" else "fc1/40"
    run = site.plan(moved)
    assert run.exit_code == 0, run.output
    assert run.change(fabric)["ops"] == []


@BOTH
def test_pasting_an_applied_script_again_is_harmless(site, fabric):
    data = inventory()
    site.greenfield(without_host(data, "xsan01"))
    run = site.plan(data)
    assert "applied already" in run.text(fabric, "precheck")
    site.paste(fabric, run.text(fabric))
    applied = site.state(fabric)
    with pytest.raises(Exception, match="duplicate name|already present"):
        site.paste(fabric, run.text(fabric))
    # the admin stops at the error and discards what the paste opened, as the script says
    f = site.fabric(fabric)
    if fabric == "A":
        run_script(f.session("admin"), "cfgtransabort\n")
    else:
        run_script(f.session("admin"), "configure terminal\ndevice-alias abort\nend\n")
    assert site.state(fabric) == applied
    # and the next plan against the fabric has nothing to do
    assert site.plan(data, out="check").change(fabric)["ops"] == []


def test_fcalias_of_the_plans_name_is_used_and_never_deleted_or_duplicated(site):
    data = inventory()
    wwpn = host_port(data, "esx01", "B")["wwpn"]
    vz = site.mds.vsans[VSAN]
    vz.full.fcaliases["esx01_vmhba2_p1"] = [wwpn]
    run = site.plan(data, "--fabric", "B", "--enable-zoning")
    assert run.exit_code == 0, run.output
    script = run.text("B")
    assert "device-alias name esx01_vmhba2_p1 " not in script
    assert "  member fcalias esx01_vmhba2_p1" in script
    assert "fcalias name" not in script  # the fcalias itself is left as it is
    site.paste("B", script)
    assert site.mds.vsans[VSAN].full.fcaliases["esx01_vmhba2_p1"] == [wwpn]
    # the host removed: its zones go (zoneplan's), the fcalias stays (not zoneplan's kind)
    run = site.plan(without_host(data, "esx01"), "--fabric", "B", "--allow-delete")
    assert run.exit_code == 0, run.output
    ops = run.change("B")["ops"]
    assert [op for op in ops if op["op"] == "delete_zone"]
    assert not [op for op in ops if op["op"] == "delete_alias"]


def test_mirror_and_backend_zones_are_tagged_in_a_smart_zoning_vsan():
    from tests.plan.plan_helpers import topology_of
    from tests.support.paths import SAMPLES as S
    from zoneplan.plan import build_plan
    from zoneplan.render import render_plan

    plan = build_plan(topology_of(S / "mirror-via-switch.yaml"), "smart")
    script = next(r.script for r in render_plan(plan) if r.fabric == "B")
    block = script[script.index("zone name z_mirror_") :].split("zone name")[1]
    assert block.count(" both\n") == 2  # both mirror ports talk both ways
    backend = script[script.index("zone name z_backend_") :].split("zone name")[1]
    assert " initiator\n" in backend and " target\n" in backend


def test_smart_zoning_on_an_old_nxos_is_a_warning_peer_zones_on_old_fos_an_error(site):
    data = inventory()
    for s in data["switches"]:
        s["firmware"] = "5.0(1a)" if s["fabric"] == "B" else "7.3.1"
    site.mds.firmware, site.fos.firmware = "5.0(1a)", "7.3.1"  # what `show version` prints
    run = site.plan(data, "--fabric", "B", "--strategy", "smart", "--enable-zoning")
    assert run.exit_code == 0, run.output
    assert [f["severity"] for f in run.report["findings"] if f["code"] == "ZP560"] == [
        "warning",
        "warning",
    ]
    run = site.plan(data, "--fabric", "A", "--strategy", "peer", "--enable-zoning")
    assert run.exit_code == 1 and "ZP560" in run.codes("error")


def test_ownership_from_previous_and_a_foreign_plan_json_ignored(site):
    data = inventory()
    first = site.greenfield(data)
    record = site.root / "applied-plan.json"
    record.write_bytes((first.out / "plan.json").read_bytes())
    smaller = without_host(data, "xsan01")
    # a new --out folder: the record comes from --previous
    run = site.plan(smaller, "--allow-delete", "--previous", str(record), out="fresh")
    assert run.exit_code == 0, run.output
    assert [op for op in run.change("A")["ops"] if op["op"] == "delete_zone"]
    # an unreadable --previous is fatal, nothing written
    run = site.plan(smaller, "--allow-delete", "--previous", str(site.root / "nope.json"), out="x")
    assert run.exit_code == 2 and run.codes("fatal") == {"ZP563"}
    assert not (site.root / "x").exists()
    # OUT/plan.json written for another inventory is no record: a warning, nothing removed
    other = json.loads(record.read_text())
    other["inventory"] = "another-site"
    (site.root / "other").mkdir()
    (site.root / "other" / "plan.json").write_text(json.dumps(other))
    run = site.plan(smaller, "--allow-delete", out="other")
    assert run.exit_code == 0, run.output
    assert "ZP563" in run.codes("warning")
    assert not [op for op in run.change("A")["ops"] if op["op"] == "delete_zone"]


def test_a_capture_that_does_not_say_which_zoneset_is_active_stops_the_change(site):
    """Without `show zoneset active` the zone status still names the active zoneset (its
    content unknown: publishing needs --accept-pending); without either the change cannot know
    which zoneset to edit: ZP551, nothing written."""
    data = inventory()
    site.greenfield(without_host(data, "xsan01"))
    cap = site.capture()
    for sw in MDS_SWITCHES:
        (cap / sw / "show_zoneset_active_vsan_20.txt").unlink()
    inv = site.root / "inv-added.yaml"
    inv.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")

    def plan(out: str, *flags: str):
        args = ["plan", str(inv), "--against", str(cap), "--fabric", "B", *flags, "--out"]
        r = runner.invoke(app, [*args, str(site.root / out), "-f", "json"])
        report = json.loads(r.output)
        return r, report, [f for f in report["findings"] if f["severity"] == "fatal"]

    r, _, fatal = plan("status")  # the zone status names it; what it enforces is unknown
    assert r.exit_code == 2 and [f["code"] for f in fatal] == ["ZP555"], r.output
    r, report, _ = plan("status-accepted", "--accept-pending")
    assert r.exit_code == 0, r.output
    change = report["plan"]["fabrics"][0]["change"]
    assert change["config"] == "cfg_euronas_cluster_B" and change["operations"] > 0
    for sw in MDS_SWITCHES:
        (cap / sw / "show_zone_status_vsan_20.txt").unlink()
    r, _, fatal = plan("without", "--accept-pending")
    assert r.exit_code == 2
    assert [f["code"] for f in fatal] == ["ZP551"], fatal
    assert "which config is in effect" in fatal[0]["message"]
    assert not (site.root / "without").exists()
