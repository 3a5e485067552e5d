"""Audits a monitoring job can trust, through the CLI: errors for lost access, one finding for
a replaced HBA, findings in the inventory's words, --fabric, --strategy/--plan, filters, policy.

The fabrics are built from the sample's own plan (every planned zone in effect, every cabled
port logged in), written as switch output in the vendors' formats, read back by the parsers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from tests.audit.test_roundtrip_audit import write_captures
from tests.support.planstate import states_from_plan
from zoneplan.cli import app
from zoneplan.loader import load_inventory
from zoneplan.observed import Login
from zoneplan.plan.build import build_plan
from zoneplan.topology import build_topology

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "euronas-cluster.yaml"
runner = CliRunner()

ESX01_B = "10:00:00:90:fa:c1:00:02"  # esx01/vmhba2/p1, cabled to mds-b1 fc1/9
ESX01_A = "10:00:00:90:fa:c1:00:01"  # esx01/vmhba2/p0, cabled to sw-a1 port 8
NEW_B = "10:00:00:90:fa:c1:99:02"


def _topology(path: Path = SAMPLE):
    r = load_inventory(path)
    return build_topology(r.inventory, r.source)


def _states(strategy: str | None = None, path: Path = SAMPLE):
    topo = _topology(path)
    return states_from_plan(build_plan(topo, strategy), topo)


def _drop(states, wwpn: str) -> Login:
    for st in states.values():
        for key, login in list(st.logins.items()):
            if key[1] == wwpn:
                del st.logins[key]
                return login
    raise AssertionError(wwpn)


def _audit(tmp_path: Path, states, *args: str, inventory: Path = SAMPLE):
    root = tmp_path / "captures"
    write_captures(root, states)
    r = runner.invoke(
        app, ["audit", str(inventory), "--capture", str(root), "--format", "json", *args]
    )
    return r, (json.loads(r.output) if r.output.startswith("{") else None)


def _codes(doc) -> list[str]:
    return [f["code"] for f in _problems(doc)]


def _problems(doc) -> list[dict]:
    return [f for f in doc["findings"] if f["severity"] != "info"]


def test_replaced_hba_is_one_error_finding_in_the_inventorys_words(tmp_path):
    states = _states()
    old = _drop(states, ESX01_B)
    states["mds-b1"].add_login(Login(NEW_B, switch="mds-b1", port=old.port, vsan=old.vsan))
    r, doc = _audit(tmp_path, states)
    assert r.exit_code == 1, r.output
    assert _codes(doc) == ["ZP621"], doc["findings"]
    (f,) = _problems(doc)
    assert f["severity"] == "error"
    assert f["message"].startswith("HBA replaced on esx01/vmhba2/p1?")
    assert NEW_B in f["message"] and "mds-b1 port fc1/9" in f["message"]
    assert f["subject"] == {
        "name": "esx01/vmhba2/p1",
        "host": "esx01",
        "hba": "esx01/vmhba2",
        "port": "esx01/vmhba2/p1",
        "wwpn": ESX01_B,
        "switch": "mds-b1",
        "switch_port": "fc1/9",
        "fabric": "B",
    }
    assert NEW_B in f["hint"] and "zoneplan plan" in f["hint"]
    assert f["location"]["file"] == str(SAMPLE) and f["location"]["line"]


def test_a_client_without_paths_on_one_fabric_is_redundancy_lost(tmp_path):
    states = _states()
    _drop(states, ESX01_B)
    r, doc = _audit(tmp_path, states)
    assert r.exit_code == 1
    assert _codes(doc) == ["ZP620"]
    (f,) = _problems(doc)
    assert f["subject"]["host"] == "esx01" and f["subject"]["fabric"] == "B"
    assert "esx01/vmhba2/p1" in f["message"] and "still has A" in f["message"]


def test_a_client_without_paths_on_every_fabric_is_access_lost(tmp_path):
    states = _states()
    _drop(states, ESX01_A)
    _drop(states, ESX01_B)
    r, doc = _audit(tmp_path, states)
    assert r.exit_code == 1
    assert _codes(doc) == ["ZP619"]
    assert "any fabric (A, B)" in _problems(doc)[0]["message"]


def test_a_client_zoned_with_no_logged_in_target_has_lost_its_path(tmp_path):
    """Logged in is not enough: the zone must reach a cluster target that is logged in."""
    states = _states()
    for w in ("21:00:00:24:ff:7a:10:00", "21:00:00:24:ff:7a:10:01", "21:00:00:24:ff:7a:20:00"):
        _drop(states, w)  # every cluster target port on fabric A is gone
    r, doc = _audit(tmp_path, states)
    assert r.exit_code == 1
    lost = [f for f in doc["findings"] if f["code"] == "ZP620"]
    assert {f["subject"]["host"] for f in lost} == {
        "esx01",
        "esx02",
        "win01",
        "xen01",
        "lnx01",
        "xsan01",
    }
    assert all("no effective zone with a logged-in cluster target" in f["message"] for f in lost)


def test_text_output_names_the_port_beside_every_known_wwpn(tmp_path):
    states = _states()
    zone = next(iter(states["mds-b1"].zoning[20].effective.zones.values()))
    zone.members.append(ESX01_A)  # a fabric-A port zoned on fabric B: member drift
    root = tmp_path / "captures"
    write_captures(root, states)
    r = runner.invoke(app, ["audit", str(SAMPLE), "--capture", str(root)])
    lines = [ln for ln in r.output.splitlines() if ESX01_A in ln]
    assert lines and all("esx01/vmhba2/p0" in ln for ln in lines), r.output


def test_fabric_option_shows_that_fabric_only(tmp_path):
    states = _states()
    _drop(states, ESX01_A)  # a problem on A only
    r, doc = _audit(tmp_path, states, "--fabric", "B")
    assert r.exit_code == 0, r.output
    assert doc["verdicts"] == {"B": "in-sync"}
    assert all(f["subject"].get("fabric") in (None, "B") for f in doc["findings"])
    r, doc = _audit(tmp_path / "2", states, "--fabric", "A")
    assert r.exit_code == 1 and doc["verdicts"] == {"A": "in-sync"}
    assert _codes(doc) == ["ZP620"]


def test_unknown_fabric_is_a_usage_error(tmp_path):
    r, _ = _audit(tmp_path, _states(), "--fabric", "C")
    assert r.exit_code == 2
    assert "no fabric 'C'" in r.output and "A, B" in r.output and "Traceback" not in r.output


def test_peer_zoned_fabric_audits_in_sync_with_its_strategy_or_plan(tmp_path):
    states = _states("peer")
    r, doc = _audit(tmp_path / "sist", states)
    assert r.exit_code == 1 and set(doc["verdicts"].values()) == {"drift"}
    r, doc = _audit(tmp_path / "peer", states, "--strategy", "peer")
    assert r.exit_code == 0, doc["findings"]
    assert doc["verdicts"] == {"A": "in-sync", "B": "in-sync"} and doc["strategy"] == "peer"
    out = tmp_path / "plan"
    assert (
        runner.invoke(
            app, ["plan", str(SAMPLE), "--out", str(out), "--strategy", "peer", "--greenfield"]
        ).exit_code
        == 0
    )
    r, doc = _audit(tmp_path / "planjson", states, "--plan", str(out / "plan.json"))
    assert r.exit_code == 0 and doc["verdicts"] == {"A": "in-sync", "B": "in-sync"}
    assert _codes(doc) == []


def test_plan_json_of_another_inventory_version_is_said(tmp_path, sample_data):
    out = tmp_path / "plan"
    assert (
        runner.invoke(app, ["plan", str(SAMPLE), "--out", str(out), "--greenfield"]).exit_code == 0
    )
    sample_data = dict(sample_data, description="changed since the plan")
    inv = tmp_path / "inv.yaml"
    inv.write_text(yaml.safe_dump(sample_data, sort_keys=False))
    r, doc = _audit(tmp_path, _states(), "--plan", str(out / "plan.json"), inventory=inv)
    assert "ZP622" in _codes(doc) and r.exit_code == 0


@pytest.mark.parametrize(
    "args",
    [
        ["--select", "ZP99"],
        ["--ignore", "ZP6x"],
        ["--select", "no-such-rule"],
        ["--min-severity", "loud"],
        ["--strategy", "zigzag"],
    ],
)
def test_unknown_filter_values_are_usage_errors(tmp_path, args):
    r, _ = _audit(tmp_path, _states(), *args)
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert args[1] in r.output


def test_filters_by_code_name_and_severity(tmp_path):
    states = _states()
    _drop(states, ESX01_B)
    r, doc = _audit(tmp_path / "1", states, "--select", "redundancy-lost")
    assert _codes(doc) == ["ZP620"] and r.exit_code == 1
    r, doc = _audit(tmp_path / "2", states, "--ignore", "ZP620")
    assert _codes(doc) == [] and r.exit_code == 0
    r, doc = _audit(tmp_path / "3", states, "--min-severity", "error")
    assert {f["severity"] for f in doc["findings"]} == {"error"}


def test_policy_applies_in_the_audit_and_unused_suppressions_are_judged_there(
    tmp_path, sample_data
):
    data = dict(sample_data)
    data["policy"] = {
        "strategy": "sist",
        "suppress": [
            {"code": "ZP620", "subject": "esx01", "reason": "vmhba2 p1 on order"},
            {"code": "ZP609", "subject": "*", "reason": "nothing miscabled: unused"},
        ],
    }
    inv = tmp_path / "inv.yaml"
    inv.write_text(yaml.safe_dump(data, sort_keys=False))
    # validate evaluates no ZP6xx rule: it must not call these suppressions unused
    r = runner.invoke(app, ["validate", str(inv), "--format", "json"])
    assert "ZP090" not in [f["code"] for f in json.loads(r.output)["findings"]]
    states = _states()
    _drop(states, ESX01_B)
    r, doc = _audit(tmp_path, states, inventory=inv)
    assert r.exit_code == 0, doc
    assert [s["code"] for s in doc["suppressed"]] == ["ZP620"]
    assert doc["suppressed"][0]["reason"] == "vmhba2 p1 on order"
    unused = [f for f in doc["findings"] if f["code"] == "ZP090"]
    assert len(unused) == 1 and "ZP609" in unused[0]["message"]
