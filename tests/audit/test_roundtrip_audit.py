"""End to end offline: plan → show output in the vendors' formats → parse → audit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support.planstate import states_from_plan
from tests.support.ssh_switch import outputs_from_state
from zoneplan.audit import audit
from zoneplan.cli import app
from zoneplan.live.collect import command_file_name
from zoneplan.loader import load_inventory
from zoneplan.plan.build import build_plan
from zoneplan.topology import build_topology

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "euronas-cluster.yaml"


@pytest.fixture(scope="module")
def planned():
    r = load_inventory(SAMPLE)
    topo = build_topology(r.inventory, r.source)
    return build_plan(topo), topo


#: emulator outputs left out: the VSAN tables the emulator derives from the logins (a dropped
#: login would otherwise read as a port left its VSAN, ZP618), the fabric-wide name server,
#: the size estimates and the ISL listings; none of them is an input an "in sync" verdict needs
_NOT_SAVED = {
    "show vsan membership",
    "show vsan",
    "show fcns database detail",
    "nscamshow -t",
    "fabricshow",
    "cfgsize",
    "islshow",
    # the planned states hold no ISLs (tests/audit/test_isls.py plants them): a listing of
    # none would read as every inventory ISL down (ZP625)
    "show topology",
}


def write_captures(root: Path, states) -> None:
    """One folder per switch, one file per command, as `zoneplan collect` writes them (the
    outputs of the emulated switch: every command an in-sync verdict needs)."""
    for name, st in states.items():
        d = root / name
        d.mkdir(parents=True)
        vsans = sorted(k for k in st.zoning if k) or None
        for cmd, text in outputs_from_state(st, vsans=vsans).items():
            if re.sub(r" vsan \d+$", "", cmd) in _NOT_SAVED:
                continue
            (d / command_file_name(cmd)).write_text(text)


def test_planned_fabric_audits_in_sync(planned, tmp_path):
    plan, topo = planned
    states = states_from_plan(plan, topo)
    assert audit(plan, topo, states.values()).verdicts == {"A": "in-sync", "B": "in-sync"}
    write_captures(tmp_path, states)
    runner = CliRunner()
    r = runner.invoke(
        app,
        [
            "audit",
            str(SAMPLE),
            *sum((["--capture", str(p)] for p in sorted(tmp_path.iterdir())), []),
            "--format",
            "json",
        ],
    )
    import json

    doc = json.loads(r.output)
    assert doc["verdicts"] == {"A": "in-sync", "B": "in-sync"}, [
        f for f in doc["findings"] if f["severity"] != "info"
    ]
    assert r.exit_code == 0


def test_planted_faults_are_found_through_the_parsers(planned, tmp_path):
    plan, topo = planned
    states = states_from_plan(plan, topo)
    # a stale member in a client zone on fabric B, an unknown host logged in on sw-a2
    mds = states["mds-b1"]
    zone = next(iter(mds.zoning[20].effective.zones.values()))
    zone.members.append("21:00:00:24:ff:99:99:99")
    from zoneplan.observed import Login

    states["sw-a2"].add_login(Login("10:00:00:90:fa:77:77:77", switch="sw-a2", port="30"))
    write_captures(tmp_path, states)
    runner = CliRunner()
    args = ["audit", str(SAMPLE), "--format", "json"] + sum(
        (["--capture", str(p)] for p in sorted(tmp_path.iterdir())), []
    )
    import json

    doc = json.loads(runner.invoke(app, args).output)
    codes = {(f["code"], f["subject"]["name"]) for f in doc["findings"]}
    assert ("ZP607", "10:00:00:90:fa:77:77:77") in codes
    assert ("ZP608", "21:00:00:24:ff:99:99:99") in codes
    assert doc["verdicts"]["A"] == "in-sync"
