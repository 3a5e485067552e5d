"""The CLI as users run it: exit codes, formats, messages without tracebacks."""

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from zoneplan.cli import app

runner = CliRunner()
REPO = Path(__file__).resolve().parents[2]


def test_validate_sample_exits_zero():
    r = runner.invoke(app, ["validate", str(REPO / "samples" / "euronas-cluster.yaml")])
    assert r.exit_code == 0, r.output
    assert "ZP308" in r.output


def test_validate_json_for_broken_inventory_exits_2_with_positions(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: t\nfabrics:\n  - {name: A, vendor: brocade, name: B}\n")
    r = runner.invoke(app, ["validate", str(bad), "--format", "json"])
    assert r.exit_code == 2
    doc = json.loads(r.output)
    assert [(f["code"], f["line"]) for f in doc["findings"]] == [("ZP002", 3)]
    assert "Traceback" not in r.output


def test_validate_error_findings_exit_1(tmp_path):
    text = (
        (REPO / "samples" / "euronas-cluster.yaml")
        .read_text()
        .replace("domain_id: 2,", "domain_id: 1,")
    )
    inv = tmp_path / "inv.yaml"
    inv.write_text(text)
    r = runner.invoke(app, ["validate", str(inv), "--format", "parsable"])
    assert r.exit_code == 1
    assert f"{inv}:" in r.output and "ZP104" in r.output


def test_broken_sample_exits_2():
    r = runner.invoke(app, ["validate", str(REPO / "samples" / "broken.yaml"), "--format", "json"])
    assert r.exit_code == 2
    codes = {f["code"] for f in json.loads(r.output)["findings"]}
    assert {"ZP002", "ZP004", "ZP008", "ZP009"} <= codes


def test_missing_file_is_one_line_exit_2():
    r = runner.invoke(app, ["validate", "no/such/file.yaml"])
    assert r.exit_code == 2
    assert "ZP007" in r.output and "Traceback" not in r.output


def test_rules_catalogue_and_one_rule():
    r = runner.invoke(app, ["rules", "--format", "json"])
    assert r.exit_code == 0
    codes = [x["code"] for x in json.loads(r.output)]
    assert codes == sorted(codes) and "ZP301" in codes
    r = runner.invoke(app, ["rules", "ZP301"])
    assert r.exit_code == 0
    for section in ("Why", "Fails", "Passes", "Fix"):
        assert section in r.output
    assert runner.invoke(app, ["rules", "ZP999"]).exit_code == 2


def test_python_dash_m_runs():
    r = subprocess.run(
        [sys.executable, "-m", "zoneplan", "--version"], capture_output=True, text=True
    )
    assert r.returncode == 0 and r.stdout.startswith("zoneplan ")


def test_sample_generator_output_validates(tmp_path):
    out = tmp_path / "big.yaml"
    r = runner.invoke(app, ["sample", "--hosts", "40", "-o", str(out)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["validate", str(out), "--format", "json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)
    assert doc["summary"]["error"] == 0 and doc["summary"]["warning"] == 0
