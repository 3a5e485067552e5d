"""End to end live: an emulated dual fabric (Brocade A, Cisco B) with planted faults, read over
SSH by ``collect`` and audited against the sample plan, gives exactly the planted findings."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from live_states import PASSWORD

from tests.support.planstate import plant_isls, states_from_plan
from tests.support.ssh_switch import (
    EmulatedSwitch,
    EmulatorThread,
    _default_wwn,
    free_tcp_port,
    outputs_from_state,
)
from zoneplan.live.collect import collect_switches, run_exit_code, targets_from_inventory
from zoneplan.live.credentials import CredentialStore
from zoneplan.live.ssh import SshOptions
from zoneplan.loader import load_inventory
from zoneplan.observed import Login, Transaction
from zoneplan.plan.build import build_plan
from zoneplan.topology import build_topology
from zoneplan.workflows.audit import audit_states

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "euronas-cluster.yaml"
UNZONED = "10:00:00:00:c9:99:99:01"
STALE = "21:00:00:24:ff:77:77:01"


@pytest.fixture(scope="module")
def planned():
    r = load_inventory(SAMPLE)
    topo = build_topology(r.inventory, r.source)
    return build_plan(topo), topo


def _as_planned(plan, topo):  # noqa: ANN001, ANN202
    """The fabric as planned: zoning, logins, and every inventory ISL listed by its switches
    (islshow / show topology), each switch with a WWN of its own."""
    states = states_from_plan(plan, topo)
    for st in states.values():
        st.identity.wwn = st.identity.wwn or _default_wwn(st.name)
    plant_isls(states, topo)
    return states


def _codes(findings) -> set[str]:
    return {f.code for f in findings if f.severity.value != "info"}


def _run(tmp_path: Path, states, down: set[str]):
    switches = [
        EmulatedSwitch(n, st.vendor, outputs_from_state(st), password=PASSWORD)
        for n, st in states.items()
        if n not in down
    ]
    data = yaml.safe_load(SAMPLE.read_text())
    with EmulatorThread(switches):
        ports = {sw.name: sw.port for sw in switches}
        for sw in data["switches"]:
            sw["mgmt"] = f"127.0.0.1:{ports.get(sw['name'], free_tcp_port())}"
            sw["credentials"] = "live-lab"
        inv = tmp_path / "inv" / "inventory.yaml"
        inv.parent.mkdir(exist_ok=True)
        inv.write_text(yaml.safe_dump(data, sort_keys=False))
        store = CredentialStore(
            environ={"ZONEPLAN_LIVE_LAB_USER": "admin", "ZONEPLAN_LIVE_LAB_PASSWORD": PASSWORD},
            interactive=False,
            path=tmp_path / "none.yaml",
        )
        targets, tf = targets_from_inventory(load_inventory(inv).inventory, store)
        results = collect_switches(
            targets,
            out=tmp_path / "cap",
            concurrency=4,
            ssh_options=SshOptions(
                known_hosts=tmp_path / "kh", accept_new_host_key=True, connect_timeout=3, retries=0
            ),
        )
    live = tf + [f for r in results for f in r.findings]
    run = audit_states([r.state for r in results if r.state is not None], inv, extra_findings=live)
    return results, run


def test_emulated_fabric_as_planned_is_in_sync(planned, tmp_path):
    plan, topo = planned
    results, run = _run(tmp_path, _as_planned(plan, topo), set())
    assert [r.status for r in results] == ["ok"] * 4
    assert run.verdicts == {"A": "in-sync", "B": "in-sync"}, [f.parsable() for f in run.findings]
    assert run_exit_code(results).value == 0


def test_emulated_fabric_with_planted_faults(planned, tmp_path):
    plan, topo = planned
    states = copy.deepcopy(_as_planned(plan, topo))
    a1 = states["sw-a1"]
    # 1. a miscabled host: its fabric-A port logs in on another port of sw-a1
    host_login = next(lg for lg in a1.logins.values() if lg.device_type == "initiator")
    moved = host_login.wwpn
    host_login.port = "40"
    # 2. an unzoned login on sw-a1
    a1.add_login(Login(UNZONED, switch="sw-a1", port="41", device_type="initiator"))
    # 3. a stale member (never logged in) in one zone of fabric A, on both of its switches
    #    (fabric A, because fabric B is partly unread: absence is never concluded there)
    zone_name = next(iter(states["sw-a1"].zoning[0].defined.zones))
    for name in ("sw-a1", "sw-a2"):
        z = states[name].zoning[0]
        z.defined.zones[zone_name].members.append(STALE)
        z.effective.zones[zone_name].members.append(STALE)
    # 4. a foreign open zoning transaction on sw-a2
    states["sw-a2"].transaction = Transaction("open", token="0x5f3a21", abortable=False)
    # 5. one switch down: mds-b2 (its port is closed)
    results, run = _run(tmp_path, states, down={"mds-b2"})
    status = {r.name: r.status for r in results}
    assert status == {"sw-a1": "ok", "sw-a2": "ok", "mds-b1": "ok", "mds-b2": "failed"}
    by_code: dict[str, list] = {}
    for f in run.findings:
        by_code.setdefault(f.code, []).append(f)
    # exactly the planted faults (plus the unread switch), nothing else above info level
    assert "ZP609" in by_code and any(
        moved in f.message or moved in f.subject for f in by_code["ZP609"]
    )  # miscabled
    assert any(UNZONED in f.message or UNZONED in f.subject for f in by_code["ZP607"])  # unzoned
    assert any(STALE in f.message or STALE in f.subject for f in by_code["ZP608"])  # stale
    assert any("0x5f3a21" in f.message for f in by_code["ZP612"])  # foreign transaction
    assert [f.subject for f in by_code["ZP700"]] == ["mds-b2"]  # switch down
    expected = {"ZP603", "ZP607", "ZP608", "ZP609", "ZP612", "ZP700"}
    got = _codes(run.findings) - {"ZP614"}  # audit-incomplete: fabric B is partly unread
    assert got == expected, sorted((f.code, f.message) for f in run.findings)
    assert run_exit_code(results).value == 3


def test_cli_audit_live_reads_audits_and_never_shows_the_password(planned, tmp_path):
    import json

    from typer.testing import CliRunner

    from zoneplan.cli import app

    plan, topo = planned
    states = states_from_plan(plan, topo)
    switches = [
        EmulatedSwitch(n, st.vendor, outputs_from_state(st), password=PASSWORD)
        for n, st in states.items()
        if n != "mds-b2"
    ]
    data = yaml.safe_load(SAMPLE.read_text())
    with EmulatorThread(switches):
        ports = {sw.name: sw.port for sw in switches}
        for sw in data["switches"]:
            sw["mgmt"] = f"127.0.0.1:{ports.get(sw['name'], free_tcp_port())}"
            sw["credentials"] = "live-lab"
        inv = tmp_path / "inv" / "inventory.yaml"
        inv.parent.mkdir()
        inv.write_text(yaml.safe_dump(data, sort_keys=False))
        env = {"ZONEPLAN_LIVE_LAB_USER": "admin", "ZONEPLAN_LIVE_LAB_PASSWORD": PASSWORD}
        args = ["audit", str(inv), "--live", "--save", str(tmp_path / "cap"), "--format", "json"]
        args += ["--known-hosts", str(tmp_path / "kh"), "--accept-new-host-key"]
        r = CliRunner().invoke(app, args, env=env)
    doc = json.loads(r.stdout)
    assert r.exit_code == 3  # mds-b2 is down
    assert doc["verdicts"]["A"] == "in-sync" and doc["verdicts"]["B"] == "incomplete"
    assert any(f["code"] == "ZP700" and f["subject"]["name"] == "mds-b2" for f in doc["findings"])
    saved = [p for p in (tmp_path / "cap").rglob("*") if p.is_file()]
    assert saved, "the capture was saved"
    for p in saved:
        assert PASSWORD not in p.read_text(errors="replace"), p
    assert PASSWORD not in r.output
