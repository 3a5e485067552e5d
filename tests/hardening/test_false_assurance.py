"""Never "in sync" on partial data: every input a verdict needs, captured and complete.

Issue 14 (false assurance), each through ``zoneplan audit --capture``:

* an offline audit of a capture a *partial* ``collect`` wrote (``status: partial`` in
  ``zoneplan-collect.json``) said in-sync, exit 0;
* a cut ``nsshow`` gave ZP021, yet the verdict in-sync and ZP615 "zoning matches";
* a folder with only ``cfgshow`` for two switches (no logins, no ports, no transaction state)
  was in-sync;
* two folders naming the same switch were merged silently (later wins: false drift);
* missing device-alias output was reported as "alias missing" instead of "not captured".

The healthy capture (every command of the emulated switches) is in sync: each case removes
or damages one thing and checks that the verdict is no longer in sync.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.audit.test_roundtrip_audit import write_captures
from tests.support.paths import SAMPLES
from tests.support.planstate import states_from_plan
from zoneplan.cli import app
from zoneplan.loader import load_inventory
from zoneplan.plan.build import build_plan
from zoneplan.topology import build_topology

SAMPLE = SAMPLES / "euronas-cluster.yaml"
runner = CliRunner()


@pytest.fixture(scope="module")
def healthy(tmp_path_factory) -> Path:
    r = load_inventory(SAMPLE)
    topo = build_topology(r.inventory, r.source)
    root = tmp_path_factory.mktemp("healthy") / "cap"
    write_captures(root, states_from_plan(build_plan(topo), topo))
    return root


@pytest.fixture
def cap(healthy, tmp_path) -> Path:
    root = tmp_path / "cap"
    shutil.copytree(healthy, root)
    return root


def audit(*captures: Path) -> tuple[int, dict]:
    args = ["audit", str(SAMPLE), "--format", "json"]
    for c in captures:
        args += ["--capture", str(c)]
    r = runner.invoke(app, args)
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    return r.exit_code, json.loads(r.stdout)


def _codes(doc: dict) -> set[str]:
    return {f["code"] for f in doc["findings"]}


def test_the_healthy_capture_is_in_sync(cap):
    code, doc = audit(cap)
    assert doc["verdicts"] == {"A": "in-sync", "B": "in-sync"}, [
        f["message"] for f in doc["findings"] if f["severity"] != "info"
    ]
    assert code == 0


def test_a_partial_collect_is_never_in_sync(cap):
    (cap / "zoneplan-collect.json").write_text(
        json.dumps(
            {
                "collected": "2026-01-01T00:00:00Z",
                "switches": [
                    {"name": "sw-a1", "folder": "sw-a1", "status": "partial", "via": "ssh"},
                    {"name": "sw-a2", "folder": "sw-a2", "status": "ok", "via": "ssh"},
                ],
            }
        )
    )
    code, doc = audit(cap)
    assert doc["verdicts"]["A"] == "incomplete" and doc["verdicts"]["B"] == "in-sync"
    assert "ZP044" in _codes(doc) and code != 0
    assert not any(f["code"] == "ZP615" and f["subject"] == "A" for f in doc["findings"])


def test_a_cut_nsshow_makes_the_verdict_incomplete(cap):
    ns = cap / "sw-a1" / "nsshow_-t.txt"
    lines = ns.read_text().splitlines(keepends=True)
    ns.write_text("".join(lines[: len(lines) // 2]))  # cut in the middle, no trailer
    code, doc = audit(cap)
    assert "ZP021" in _codes(doc)
    assert doc["verdicts"]["A"] == "incomplete", doc["verdicts"]
    assert not any(f["code"] == "ZP615" and f["subject"] == "A" for f in doc["findings"])
    assert any("sw-a1: logins cut short" in f["message"] for f in doc["findings"])
    assert code != 0


def test_only_cfgshow_for_every_switch_is_not_in_sync(cap):
    for d in cap.iterdir():
        for f in d.iterdir():
            if d.name.startswith("sw-a") and f.name != "cfgshow.txt":
                f.unlink()
    code, doc = audit(cap)
    assert doc["verdicts"]["A"] == "incomplete"
    text = " ".join(f["message"] for f in doc["findings"])
    for what in ("logins", "ports", "zoning transaction state"):
        assert f"sw-a1: {what} not captured" in text, text
    assert code != 0


def test_two_folders_naming_the_same_switch_are_not_merged(cap, tmp_path):
    later = tmp_path / "later"
    shutil.copytree(cap / "sw-a1", later / "sw-a1")
    cfg = later / "sw-a1" / "cfgshow.txt"
    cfg.write_text(cfg.read_text().replace("zone:", "zone:", 1) + "\n")  # another capture
    code, doc = audit(cap, later)
    hits = [f for f in doc["findings"] if f["code"] == "ZP043"]
    assert len(hits) == 1 and hits[0]["subject"]["name"] == "sw-a1"
    assert doc["verdicts"]["A"] == "incomplete" and code != 0


def test_missing_device_alias_output_is_not_captured_not_missing(cap):
    for d in cap.glob("mds-*"):
        (d / "show_device-alias_database.txt").unlink()
    code, doc = audit(cap)
    assert doc["verdicts"]["B"] == "incomplete"
    assert not [f for f in doc["findings"] if f["code"] in ("ZP601", "ZP602", "ZP603", "ZP604")]
    assert any("device-alias database not captured" in f["message"] for f in doc["findings"])
