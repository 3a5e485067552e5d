"""``zoneplan hosts config`` and ``zoneplan hosts verify`` as users run them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from zoneplan.cli import app

runner = CliRunner()
REPO = Path(__file__).resolve().parents[2]
SAMPLE = str(REPO / "samples" / "euronas-cluster.yaml")

SEED_LIKE_HEALTHY = """\
3600140512345678900000000000000b2 dm-1 eSSM_BIO,vol1
size=1.0T features='1 queue_if_no_path' hwhandler='1 alua' wp=rw
|-+- policy='service-time 0' prio=50 status=active
| `- 3:0:0:0 sdb 8:16 active ready running
`-+- policy='service-time 0' prio=1 status=enabled
  `- 3:0:1:0 sdc 8:32 active ready running
"""


def test_config_one_host_to_stdout():
    r = runner.invoke(app, ["hosts", "config", SAMPLE, "--host", "xen01"])
    assert r.exit_code == 0, r.output
    assert r.output.startswith("# Citrix Hypervisor")
    assert "6 paths per LUN: 4 active (san1), 2 standby (san2)" in r.output
    assert "==>" not in r.output


def test_config_all_hosts_to_stdout_with_separators():
    r = runner.invoke(app, ["hosts", "config", SAMPLE])
    assert r.exit_code == 0, r.output
    assert r.output.count("==> ") == 6 and "==> lnx01-multipath.conf <==" in r.output


def test_config_legacy_flag():
    r = runner.invoke(app, ["hosts", "config", SAMPLE, "--host", "lnx01", "--legacy"])
    assert (
        r.exit_code == 0
        and "getuid_callout" in r.output
        and "rr_min_io             100" in r.output
    )


def test_config_out_writes_and_never_overwrites_a_differing_file_silently(tmp_path):
    out = tmp_path / "hosts"
    r = runner.invoke(app, ["hosts", "config", SAMPLE, "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir()) == [
        "esx01-esxcli.sh",
        "esx02-esxcli.sh",
        "lnx01-multipath.conf",
        "win01-mpio.ps1",
        "xen01-custom.conf",
        "xsan01-xsan.txt",
    ]
    edited = out / "lnx01-multipath.conf"
    edited.write_text(edited.read_text() + "# local change\n")
    r = runner.invoke(app, ["hosts", "config", SAMPLE, "--out", str(out)])
    assert r.exit_code == 2
    assert "lnx01-multipath.conf" in r.output and "--force" in r.output
    assert edited.read_text().endswith("# local change\n")
    r = runner.invoke(app, ["hosts", "config", SAMPLE, "--out", str(out), "--force"])
    assert r.exit_code == 0 and not edited.read_text().endswith("# local change\n")
    assert (out / "lnx01-multipath.conf.bak").read_text().endswith("# local change\n")


def test_config_unknown_host_and_broken_inventory_exit_2(tmp_path):
    r = runner.invoke(app, ["hosts", "config", SAMPLE, "--host", "nope"])
    assert r.exit_code == 2 and "lnx01" in r.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: t\nfabrics: [\n")
    r = runner.invoke(app, ["hosts", "config", str(bad)])
    assert r.exit_code == 2 and "ZP001" in r.output


def test_verify_exit_codes(tmp_path, tiny_inventory, seed_mpll):
    seed = tmp_path / "seed.txt"
    seed.write_text(seed_mpll)
    r = runner.invoke(
        app,
        ["hosts", "verify", str(tiny_inventory), "--host", "xen01", "--multipath-ll", str(seed)],
    )
    assert r.exit_code == 0, r.output
    assert "2 paths per LUN: 1 active (n1), 1 standby (n2)" in r.output
    r = runner.invoke(
        app, ["hosts", "verify", SAMPLE, "--host", "xen01", "--multipath-ll", str(seed)]
    )
    assert r.exit_code == 1 and "ZP802" in r.output
    r = runner.invoke(
        app,
        [
            "hosts",
            "verify",
            SAMPLE,
            "--host",
            "xen01",
            "--multipath-ll",
            str(tmp_path / "none.txt"),
        ],
    )
    assert r.exit_code == 2 and "ZP057" in r.output
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    r = runner.invoke(
        app, ["hosts", "verify", SAMPLE, "--host", "xen01", "--multipath-ll", str(empty)]
    )
    assert r.exit_code == 2 and "ZP050" in r.output
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02")
    r = runner.invoke(
        app, ["hosts", "verify", SAMPLE, "--host", "xen01", "--multipath-ll", str(binary)]
    )
    assert r.exit_code == 2 and "ZP057" in r.output


def test_verify_refuses_hosts_without_dm_multipath(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text(SEED_LIKE_HEALTHY)
    r = runner.invoke(app, ["hosts", "verify", SAMPLE, "--host", "win01", "--multipath-ll", str(f)])
    assert r.exit_code == 2 and "windows" in r.output


def test_verify_json(tmp_path, tiny_inventory):
    f = tmp_path / "x.txt"
    f.write_text(SEED_LIKE_HEALTHY.replace("hwhandler='1 alua'", "hwhandler='0'"))
    r = runner.invoke(
        app,
        [
            "hosts",
            "verify",
            str(tiny_inventory),
            "--host",
            "xen01",
            "--multipath-ll",
            str(f),
            "--format",
            "json",
        ],
    )
    assert r.exit_code == 1
    doc = json.loads(r.output)
    assert [(x["code"], x["line"]) for x in doc["findings"]] == [("ZP801", 1)]
    assert doc["host"] == "xen01"
    assert (
        doc["expected"]["paths_per_lun"],
        doc["expected"]["active"],
        doc["expected"]["standby"],
    ) == (2, 1, 1)
    assert doc["cluster_maps"][0]["groups"][0]["paths"][0]["dev"] == "sdb"
