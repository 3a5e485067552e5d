"""``zoneplan collect`` end to end: inventory and ad-hoc forms, exit codes, no secret leaks."""

from __future__ import annotations

import json
import logging
import os
import stat
from pathlib import Path

import pytest
import yaml
from live_states import PASSWORD, brocade_state, cisco_state
from typer.testing import CliRunner

from tests.support.ssh_switch import (
    EmulatedSwitch,
    EmulatorThread,
    free_tcp_port,
    outputs_from_state,
)
from zoneplan.cli import app
from zoneplan.live.credentials import Credential, CredentialStore, Secret, env_prefix

OTHER_SECRET = "b-side-S3cret!"


def _inventory(tmp_path: Path, ports: dict[str, int]) -> Path:
    inv = {
        "name": "live-test",
        "fabrics": [
            {"name": "A", "vendor": "brocade"},
            {"name": "B", "vendor": "cisco", "vsan": 20},
        ],
        "switches": [
            {
                "name": "swA1",
                "fabric": "A",
                "domain_id": 1,
                "mgmt": f"127.0.0.1:{ports['swA1']}",
                "credentials": "fab-a",
                "ports": 8,
            },
            {
                "name": "swA2",
                "fabric": "A",
                "domain_id": 2,
                "mgmt": f"127.0.0.1:{ports['swA2']}",
                "credentials": "fab-a",
                "ports": 8,
            },
            {
                "name": "mdsB1",
                "fabric": "B",
                "domain_id": 11,
                "mgmt": f"127.0.0.1:{ports['mdsB1']}",
                "credentials": "fab-b",
                "ports": 8,
            },
        ],
    }
    p = tmp_path / "site" / "inv.yaml"
    p.parent.mkdir()
    p.write_text(yaml.safe_dump(inv, sort_keys=False))
    return p


def _all_text(root: Path) -> str:
    return "\n".join(f.read_text(errors="replace") for f in root.rglob("*") if f.is_file())


def test_collect_inventory_no_secret_anywhere(tmp_path, monkeypatch, caplog):
    caplog.set_level(logging.DEBUG)
    bro, cis = brocade_state("swA1"), cisco_state("mdsB1")
    sw_a = EmulatedSwitch("swA1", "brocade", outputs_from_state(bro), password=PASSWORD)
    sw_b = EmulatedSwitch("mdsB1", "cisco", outputs_from_state(cis), password=OTHER_SECRET)
    dead = free_tcp_port()
    creds = tmp_path / "creds.yaml"  # outside the inventory's folder
    creds.write_text(
        yaml.safe_dump({"profiles": {"fab-b": {"user": "admin", "password": OTHER_SECRET}}})
    )
    os.chmod(creds, 0o600)
    monkeypatch.setenv("ZONEPLAN_FAB_A_USER", "admin")
    monkeypatch.setenv("ZONEPLAN_FAB_A_PASSWORD", PASSWORD)
    out = tmp_path / "cap"
    kh = tmp_path / "known_hosts"
    with EmulatorThread([sw_a, sw_b]):
        inv = _inventory(tmp_path, {"swA1": sw_a.port, "swA2": dead, "mdsB1": sw_b.port})
        res = CliRunner().invoke(
            app,
            [
                "collect",
                str(inv),
                "--out",
                str(out),
                "--accept-new-host-key",
                "--known-hosts",
                str(kh),
                "--credentials",
                str(creds),
                "--connect-timeout",
                "2",
                "--retries",
                "0",
                "--format",
                "json",
            ],
        )
    assert res.exit_code == 3, res.output
    doc = json.loads(res.stdout)
    status = {s["name"]: s["status"] for s in doc["switches"]}
    assert status == {"swA1": "ok", "swA2": "failed", "mdsB1": "ok"}
    codes = {f["code"] for f in doc["findings"]}
    assert {"ZP700", "ZP706", "ZP069"} <= codes
    assert (out / "swA1" / "cfgshow.txt").exists()
    assert (out / "mdsB1" / "show_zoneset_active_vsan_20.txt").exists()
    summary = json.loads((out / "zoneplan-collect.json").read_text())
    assert [s["status"] for s in summary["switches"]] == ["ok", "failed", "ok"]
    assert stat.S_IMODE((out / "zoneplan-collect.json").stat().st_mode) == 0o600
    # the known passwords appear nowhere: capture files, summary, known_hosts, output, logs
    everything = _all_text(out) + kh.read_text() + res.output + caplog.text
    everything += getattr(res, "stderr", "") or ""
    for secret in (PASSWORD, OTHER_SECRET):
        assert secret not in everything


def test_collect_fabric_filter_and_unknown_fabric(tmp_path, monkeypatch):
    monkeypatch.setenv("ZONEPLAN_FAB_A_USER", "admin")
    monkeypatch.setenv("ZONEPLAN_FAB_A_PASSWORD", PASSWORD)
    inv = _inventory(tmp_path, {"swA1": free_tcp_port(), "swA2": free_tcp_port(), "mdsB1": 1})
    res = CliRunner().invoke(
        app,
        [
            "collect",
            str(inv),
            "--out",
            str(tmp_path / "o"),
            "--fabric",
            "C",
            "--format",
            "parsable",
        ],
    )
    assert res.exit_code == 2 and "ZP067" in res.output
    res = CliRunner().invoke(
        app,
        [
            "collect",
            str(inv),
            "--out",
            str(tmp_path / "o"),
            "--fabric",
            "A",
            "--retries",
            "0",
            "--format",
            "parsable",
            "--known-hosts",
            str(tmp_path / "kh"),
        ],
    )
    assert res.exit_code == 3
    assert res.output.count("ZP700") == 2 and "mdsB1" not in res.output


def test_collect_missing_credentials_is_coded(tmp_path):
    inv = _inventory(tmp_path, {"swA1": 2201, "swA2": 2202, "mdsB1": 2203})
    res = CliRunner().invoke(
        app, ["collect", str(inv), "--out", str(tmp_path / "o"), "--format", "json"]
    )
    assert res.exit_code == 3
    found = json.loads(res.stdout)["findings"]
    assert [f["code"] for f in found] == ["ZP060"] * 3
    assert any("ZONEPLAN_FAB_A_PASSWORD" in f["hint"] for f in found)


def test_collect_adhoc_ssh_and_snmp(tmp_path, monkeypatch, snmp_agent):
    sw = EmulatedSwitch(
        "adhoc1", "brocade", outputs_from_state(brocade_state("adhoc1")), password=PASSWORD
    )
    monkeypatch.setenv("ZONEPLAN_ADHOC_PASSWORD", PASSWORD)
    with EmulatorThread([sw]):
        res = CliRunner().invoke(
            app,
            [
                "collect",
                "--switch",
                f"127.0.0.1:{sw.port}",
                "--vendor",
                "brocade",
                "--via",
                "ssh",
                "--user",
                "admin",
                "--name",
                "adhoc1",
                "--out",
                str(tmp_path / "ssh"),
                "--accept-new-host-key",
                "--known-hosts",
                str(tmp_path / "kh"),
                "--format",
                "parsable",
            ],
        )
    assert res.exit_code == 0, res.output
    assert (tmp_path / "ssh" / "adhoc1" / "switchshow.txt").exists()
    assert PASSWORD not in _all_text(tmp_path / "ssh") + res.output

    monkeypatch.setenv("ZONEPLAN_ADHOC_COMMUNITY", "gen-mds")
    res = CliRunner().invoke(
        app,
        [
            "collect",
            "--switch",
            f"127.0.0.1:{snmp_agent.port}",
            "--vendor",
            "cisco",
            "--via",
            "snmp",
            "--name",
            "mds",
            "--out",
            str(tmp_path / "snmp"),
            "--format",
            "parsable",
        ],
    )
    assert res.exit_code == 0, res.output
    assert "ZP723" in res.output  # v2c warning
    walk = (tmp_path / "snmp" / "mds" / "snmp_walk.txt").read_text()
    assert walk.startswith("# zoneplan snmp walk 1") and "zs_B" in walk


def test_collect_usage_errors(tmp_path):
    r = CliRunner().invoke(app, ["collect", "--out", str(tmp_path)])
    assert r.exit_code == 2
    r = CliRunner().invoke(
        app,
        [
            "collect",
            "--switch",
            "10.0.0.5:ssh",
            "--vendor",
            "brocade",
            "--out",
            str(tmp_path),
            "--format",
            "parsable",
        ],
    )
    assert r.exit_code == 2 and "ZP066" in r.output
    r = CliRunner().invoke(app, ["collect", "--switch", "127.0.0.1", "--out", str(tmp_path)])
    assert r.exit_code == 2


# ---------------------------------------------------------------------------- credentials


def test_secret_and_credential_never_show_their_value():
    c = Credential("p", user="admin", password=Secret(PASSWORD), community=Secret("c0mmunity"))
    for text in (repr(c), str(c), f"{c}", f"{c.password}", "%s" % c.password, repr([c])):  # noqa: UP031
        assert PASSWORD not in text and "c0mmunity" not in text
    assert c.password.reveal() == PASSWORD
    with pytest.raises(TypeError):
        import pickle

        pickle.dumps(c.password)


def test_store_env_then_file_and_refuses_unsafe_file(tmp_path):
    f = tmp_path / "c.yaml"
    f.write_text("profiles:\n  fab-a: {user: admin, password: from-file}\n")
    os.chmod(f, 0o644)
    store = CredentialStore(path=f, environ={}, interactive=False)
    assert store.get("fab-a") is None
    assert sorted(x.code for x in store.findings) == ["ZP060", "ZP061"]
    os.chmod(f, 0o600)
    store = CredentialStore(
        path=f, environ={f"{env_prefix('fab-a')}PASSWORD": "from-env"}, interactive=False
    )
    got = store.get("fab-a")
    assert got.user == "admin" and got.password.reveal() == "from-env" and not store.findings
    assert env_prefix("fab-a") == "ZONEPLAN_FAB_A_"


def test_store_bad_yaml_does_not_echo_secret_and_warns_in_tree(tmp_path):
    inv = tmp_path / "inv.yaml"
    inv.write_text("name: x\n")
    f = tmp_path / "creds.yaml"
    f.write_text(f"profiles:\n  a: {{password: {PASSWORD}\n")
    os.chmod(f, 0o600)
    store = CredentialStore(path=f, environ={}, interactive=False, inventory_path=inv)
    assert store.get("a") is None
    codes = sorted(x.code for x in store.findings)
    assert codes == ["ZP060", "ZP062", "ZP063"]
    assert all(PASSWORD not in x.message + x.hint for x in store.findings)


def test_store_prompts_only_when_interactive(tmp_path):
    asked = []

    def prompt(text, secret):
        asked.append((text, secret))
        return "admin" if not secret else "typed-secret"

    store = CredentialStore(
        path=tmp_path / "none.yaml", environ={}, interactive=True, prompt=prompt
    )
    c = store.get("fab-x")
    assert c.password.reveal() == "typed-secret" and c.source == "prompt"
    assert [s for _t, s in asked] == [False, True]


def test_collect_then_import_of_a_two_switch_nxos_fabric_drafts_its_isl(tmp_path, monkeypatch):
    """Two MDS switches of VSAN 20 read over SSH: collect saves `show topology`, and the
    import drafts the ISL between them (the peer by its domain or name), so the draft is one
    fabric, not two pieces (ZP203)."""
    from tests.support.ssh_switch import with_login_ports
    from zoneplan.observed import Isl, Login

    b1, b2 = cisco_state("mdsB1"), cisco_state("mdsB2")
    b2.logins.clear()
    b2.add_login(Login("10:00:00:10:9b:00:00:09", port="fc1/1", fcid="0x0c0000", vsan=20))
    b2 = with_login_ports(b2)
    b1.isls.append(Isl("fc1/8", "fc1/8", 12, None, "mdsB2", vsan=20, remote_ip="127.0.0.1"))
    b2.isls.append(Isl("fc1/8", "fc1/8", 11, None, "mdsB1", vsan=20, remote_ip="127.0.0.1"))
    switches = [
        EmulatedSwitch(st.name, "cisco", outputs_from_state(st), password=PASSWORD)
        for st in (b1, b2)
    ]
    monkeypatch.setenv("ZONEPLAN_FAB_B_USER", "admin")
    monkeypatch.setenv("ZONEPLAN_FAB_B_PASSWORD", PASSWORD)
    site = tmp_path / "site"
    site.mkdir()
    inv = site / "inv.yaml"
    out, kh = tmp_path / "cap", tmp_path / "known_hosts"
    run = CliRunner()
    with EmulatorThread(switches):  # each switch's port is known once it listens
        inv.write_text(
            yaml.safe_dump(
                {
                    "name": "live-nxos",
                    "fabrics": [{"name": "B", "vendor": "cisco", "vsan": 20}],
                    "switches": [
                        {
                            "name": sw.name,
                            "fabric": "B",
                            "domain_id": dom,
                            "mgmt": f"127.0.0.1:{sw.port}",
                            "credentials": "fab-b",
                            "ports": 8,
                        }
                        for sw, dom in zip(switches, (11, 12), strict=True)
                    ],
                },
                sort_keys=False,
            )
        )
        res = run.invoke(
            app,
            ["collect", str(inv), "--out", str(out), "--accept-new-host-key"]
            + ["--known-hosts", str(kh), "--connect-timeout", "5", "--retries", "0"],
        )
    assert res.exit_code in (0, 1), res.output
    for name in ("mdsB1", "mdsB2"):
        assert "FC Topology for VSAN 20" in (out / name / "show_topology.txt").read_text()
    draft = tmp_path / "draft.yaml"
    r1 = run.invoke(app, ["import", str(out), "-o", str(draft)])
    assert r1.exit_code == 0, r1.output
    data = yaml.safe_load(draft.read_text())
    assert data["isls"] == [{"a": "mdsB1:fc1/8", "b": "mdsB2:fc1/8"}], data
    assert len(data["fabrics"]) == 1
    r2 = run.invoke(app, ["validate", str(draft), "-f", "json"])
    assert "ZP203" not in {f["code"] for f in json.loads(r2.stdout)["findings"]}, r2.output
