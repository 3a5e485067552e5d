"""``zoneplan plan`` as users run it: files, reruns, backups, formats, exit codes."""

from __future__ import annotations

import json

import pytest
from plan_helpers import REPO, SAMPLES, rendered_files, topology_of
from typer.testing import CliRunner

from zoneplan.cli import app

runner = CliRunner()
SAMPLE = SAMPLES / "euronas-cluster.yaml"


def test_plan_writes_scripts_rollbacks_and_plan_json(tmp_path):
    r = runner.invoke(app, ["plan", str(SAMPLE), "--out", str(tmp_path), "--greenfield"])
    assert r.exit_code == 0, r.output
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert written == [
        "A/A.precheck.txt",
        "A/A.rollback.txt",
        "A/A.script.txt",
        "A/A.verify.txt",
        "A/sw-a1.ports.rollback.txt",  # per switch: port names and their rollback (issue 17)
        "A/sw-a1.ports.txt",
        "A/sw-a2.ports.rollback.txt",
        "A/sw-a2.ports.txt",
        "B/B.precheck.txt",
        "B/B.rollback.txt",
        "B/B.script.txt",
        "B/B.verify.txt",
        "B/mds-b1.ports.rollback.txt",
        "B/mds-b1.ports.txt",
        "B/mds-b2.ports.rollback.txt",
        "B/mds-b2.ports.txt",
        "plan.json",
    ]
    assert "zone DB" in r.output and "1,048,576" in r.output
    doc = json.loads((tmp_path / "plan.json").read_text())
    assert [f["name"] for f in doc["fabrics"]] == ["A", "B"]
    # the files are exactly what the library renders (and the goldens hold)
    expected = rendered_files(topology_of(SAMPLE))
    # plan.json names its inventory for zoneplan apply (relative to OUT when they share a
    # folder below the root, else absolute)
    named = doc["inventory_file"]
    assert (tmp_path / named).resolve() == SAMPLE.resolve()
    expected["plan.json"] = expected["plan.json"].replace(
        '"inventory_file": null', f'"inventory_file": {json.dumps(named)}', 1
    )
    for rel, text in expected.items():
        assert (tmp_path / rel).read_text() == text


def test_rerun_is_byte_identical_and_touches_nothing(tmp_path):
    assert (
        runner.invoke(app, ["plan", str(SAMPLE), "--out", str(tmp_path), "--greenfield"]).exit_code
        == 0
    )
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.rglob("*.*")}
    r = runner.invoke(app, ["plan", str(SAMPLE), "--out", str(tmp_path), "--greenfield"])
    assert r.exit_code == 0 and "unchanged" in r.output
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.rglob("*.*")}
    assert before == after


def test_a_differing_file_stops_the_run_and_force_keeps_a_backup(tmp_path):
    """The one --force rule: nothing written when a file would change; --force replaces it
    and keeps the old content as NAME.bak (then .bak.1)."""
    target = tmp_path / "A" / "A.script.txt"
    target.parent.mkdir(parents=True)
    target.write_text("my own edits\n")
    r = runner.invoke(app, ["plan", str(SAMPLE), "--out", str(tmp_path), "--greenfield"])
    assert r.exit_code == 2 and "--force" in r.output and "A.script.txt" in r.output
    assert target.read_text() == "my own edits\n"
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["A.script.txt"]
    r = runner.invoke(app, ["plan", str(SAMPLE), "--out", str(tmp_path), "--greenfield", "--force"])
    assert r.exit_code == 0
    assert (tmp_path / "A" / "A.script.txt.bak").read_text() == "my own edits\n"
    assert target.read_text().startswith("# zoneplan")
    target.write_text("more edits\n")
    runner.invoke(app, ["plan", str(SAMPLE), "--out", str(tmp_path), "--greenfield", "--force"])
    assert (tmp_path / "A" / "A.script.txt.bak.1").read_text() == "more edits\n"
    assert (tmp_path / "A" / "A.script.txt.bak").read_text() == "my own edits\n"


def test_fabric_and_strategy_options(tmp_path):
    r = runner.invoke(
        app,
        [
            "plan",
            str(SAMPLE),
            "--out",
            str(tmp_path),
            "--greenfield",
            "--fabric",
            "A",
            "--strategy",
            "peer",
            "--format",
            "json",
        ],
    )
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)
    assert [f["fabric"] for f in doc["plan"]["fabrics"]] == ["A"]
    assert doc["plan"]["fabrics"][0]["strategy"] == "peer"
    assert not (tmp_path / "B").exists()
    assert "zonecreate --peerzone" in (tmp_path / "A" / "A.script.txt").read_text()


def test_strategy_fallback_is_a_warning_exit_0(tmp_path):
    r = runner.invoke(
        app,
        [
            "plan",
            str(SAMPLE),
            "--out",
            str(tmp_path),
            "--greenfield",
            "--strategy",
            "smart",
            "-f",
            "json",
        ],
    )
    assert r.exit_code == 0
    assert "ZP510" in {f["code"] for f in json.loads(r.output)["findings"]}


@pytest.mark.parametrize(
    "args",
    [["--strategy", "bogus"], ["--fabric", "Z"], ["--format", "xml"], ["--allow-delete"]],
)
def test_bad_usage_exits_2(tmp_path, args):
    r = runner.invoke(app, ["plan", str(SAMPLE), "--out", str(tmp_path), "--greenfield", *args])
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output


def test_unusable_inventory_exits_2(tmp_path):
    r = runner.invoke(
        app, ["plan", str(REPO / "samples" / "nope.yaml"), "--out", str(tmp_path), "--greenfield"]
    )
    assert r.exit_code == 2


def test_plan_error_findings_exit_1(tmp_path):
    text = SAMPLE.read_text().replace(
        "policy:\n  strategy: sist",
        "policy:\n  strategy: sist\n  naming:\n    alias: 'x'\n",
    )
    inv = tmp_path / "inv.yaml"
    inv.write_text(text)
    r = runner.invoke(
        app, ["plan", str(inv), "--out", str(tmp_path / "o"), "--greenfield", "-f", "json"]
    )
    # every alias wants the name "x": collisions are resolved (warnings), nothing fatal
    doc = json.loads(r.output)
    assert "ZP508" in {f["code"] for f in doc["findings"]}
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("alias: 'x'", "alias: '{nope}'"))
    r = runner.invoke(app, ["plan", str(bad), "--out", str(tmp_path / "o2"), "--greenfield"])
    assert r.exit_code == 2 and "{nope}" in r.output


def test_mixed_strategy_size_error_gives_exit_1(tmp_path, monkeypatch):
    import shutil

    from zoneplan.packs import vendors_dir

    packs = tmp_path / "vendors"
    shutil.copytree(vendors_dir(), packs)
    manifest = packs / "brocade-fos" / "manifest.yaml"
    text = manifest.read_text(encoding="utf-8")
    assert "zone_db_bytes: 1048576" in text
    manifest.write_text(text.replace("zone_db_bytes: 1048576", "zone_db_bytes: 1000"))
    monkeypatch.setenv("ZONEPLAN_VENDORS_DIR", str(packs))
    r = runner.invoke(
        app, ["plan", str(SAMPLE), "--out", str(tmp_path), "--greenfield", "-f", "json"]
    )
    assert r.exit_code == 1
    f = next(f for f in json.loads(r.output)["findings"] if f["code"] == "ZP506")
    assert "peer" in f["hint"]


def test_no_capture_and_not_declared_new_writes_nothing(tmp_path):
    """A fabric in production is never planned without its observed state (ZP550, exit 2)."""
    r = runner.invoke(app, ["plan", str(SAMPLE), "--out", str(tmp_path), "-f", "json"])
    assert r.exit_code == 2, r.output
    doc = json.loads(r.output)
    codes = {f["code"] for f in doc["findings"] if f["severity"] == "fatal"}
    assert codes == {"ZP550"}
    assert "zoneplan collect" in " ".join(f["hint"] for f in doc["findings"])
    assert not list(tmp_path.rglob("*"))


def test_greenfield_from_the_inventory(tmp_path):
    """fabrics[].zoning.greenfield: true is the same declaration as --greenfield."""
    text = SAMPLE.read_text()
    text = text.replace(
        "    vendor: brocade\n", "    vendor: brocade\n    zoning: {greenfield: true}\n", 1
    )
    inv = tmp_path / "inv.yaml"
    inv.write_text(text)
    r = runner.invoke(app, ["plan", str(inv), "--out", str(tmp_path / "o"), "--fabric", "A"])
    assert r.exit_code == 0, r.output
    assert "cfgenable" in (tmp_path / "o" / "A" / "A.script.txt").read_text()


def test_plan_json_names_its_inventory_relative_to_the_change_folder_when_they_share_one():
    from zoneplan.workflows.plan import inventory_file

    assert inventory_file("/srv/san/site.yaml", "/srv/san/chg-42") == "../site.yaml"
    assert inventory_file("/srv/san/site.yaml", "/home/me/chg") == "/srv/san/site.yaml"
    assert inventory_file("/srv/san/site.yaml", None) == "/srv/san/site.yaml"
