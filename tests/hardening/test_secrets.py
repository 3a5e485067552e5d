"""A full ``zoneplan audit INV --live --save DIR`` never writes or prints the password.

What this proves: with the four switches of the sample emulated (one of them rejecting the
password, so the authentication-failure path runs too, one paging its output), the known
password appears in none of: stdout, stderr, every file of the saved capture folder (command
outputs, ``zoneplan-collect.json``), the known_hosts file, and every log record at DEBUG level
(zoneplan's and asyncssh's). The capture folders are 0700 and every saved file 0600.
"""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import yaml
from typer.testing import CliRunner

from tests.support.planstate import states_from_plan
from tests.support.ssh_switch import EmulatedSwitch, EmulatorThread, outputs_from_state
from zoneplan.cli import app
from zoneplan.loader import load_inventory
from zoneplan.plan.build import build_plan
from zoneplan.topology import build_topology

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "euronas-cluster.yaml"
PASSWORD = "K8s-n0t-a-p4ss!word"


def test_audit_live_save_never_writes_or_logs_the_password(tmp_path, caplog, monkeypatch):
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("ZONEPLAN_CREDENTIALS", str(tmp_path / "no-credentials.yaml"))
    r = load_inventory(SAMPLE)
    topo = build_topology(r.inventory, r.source)
    states = states_from_plan(build_plan(topo), topo)
    switches = []
    for n, st in states.items():
        pw = "the-switch-wants-another" if n == "sw-a2" else PASSWORD
        switches.append(
            EmulatedSwitch(
                n,
                st.vendor,
                outputs_from_state(st),
                password=pw,
                paging="cisco" if n == "mds-b1" else None,
            )
        )
    data = yaml.safe_load(SAMPLE.read_text())
    save = tmp_path / "cap"
    kh = tmp_path / "kh"
    with EmulatorThread(switches):
        ports = {sw.name: sw.port for sw in switches}
        for sw in data["switches"]:
            sw["mgmt"] = f"127.0.0.1:{ports[sw['name']]}"
            sw["credentials"] = "live-lab"
        inv = tmp_path / "inv" / "inventory.yaml"
        inv.parent.mkdir()
        inv.write_text(yaml.safe_dump(data, sort_keys=False))
        env = {"ZONEPLAN_LIVE_LAB_USER": "admin", "ZONEPLAN_LIVE_LAB_PASSWORD": PASSWORD}
        res = CliRunner().invoke(
            app,
            [
                "audit",
                str(inv),
                "--live",
                "--save",
                str(save),
                "--format",
                "json",
                "--known-hosts",
                str(kh),
                "--accept-new-host-key",
            ],
            env=env,
        )
    assert res.exit_code == 3, res.output  # sw-a2 rejected the password
    assert "ZP703" in res.stdout
    files = [p for p in save.rglob("*") if p.is_file()]
    assert any(p.name == "zoneplan-collect.json" for p in files) and len(files) > 5
    everything = res.output + (getattr(res, "stderr", "") or "") + caplog.text + kh.read_text()
    for p in files:
        everything += p.read_text(errors="replace")
        assert stat.S_IMODE(p.stat().st_mode) == 0o600, p
    for d in [save, *[p for p in save.rglob("*") if p.is_dir()]]:
        if d != save:
            assert stat.S_IMODE(d.stat().st_mode) == 0o700, d
    assert PASSWORD not in everything
    assert PASSWORD.encode().hex() not in everything  # nor hex-dumped (asyncssh debug)
