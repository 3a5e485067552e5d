"""Crashes and wrong messages of issue 14, each through the CLI: one clear message, a coded
finding or a documented exit code, never a traceback.

(The saved-SNMP-walk decoder, the SNMPv1 end of MIB, known_hosts, CR-only captures, keys with
``[``, WWPNs and ``sample`` domain IDs have their own tests: test_snmp_walk_input,
tests/live/test_snmp_v1, tests/live/test_collect_files, test_linear_inputs, test_sanitise,
test_limits.)
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.support.paths import SAMPLES
from zoneplan.cli import app

runner = CliRunner()
SAMPLE = SAMPLES / "euronas-cluster.yaml"
W1, W2 = "10:00:00:00:00:00:00:01", "10:00:00:00:00:00:00:02"


def _cfgshow(root: Path, body: str) -> Path:
    d = root / "cap" / "sw1"
    d.mkdir(parents=True)
    (d / "cfgshow.txt").write_text(body)
    return root / "cap"


def _ok(r) -> None:  # noqa: ANN001
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert "Traceback" not in r.output


def test_a_lone_semicolon_line_after_a_zone_does_not_drop_the_cfgshow(tmp_path):
    cap = _cfgshow(
        tmp_path,
        "Defined configuration:\n"
        " cfg:\tPROD_A\tz1; z2\n"
        f" zone:\tz1\t{W1}; {W2}\n"
        " ;\n"
        f" zone:\tz2\t{W1}; {W2}\n"
        "\n"
        "Effective configuration:\n"
        " cfg:\tPROD_A\n"
        f" zone:\tz1\t{W1}\n\t\t{W2}\n"
        f" zone:\tz2\t{W1}\n\t\t{W2}\n\n",
    )
    r = runner.invoke(app, ["audit", "--capture", str(cap), "--format", "json"])
    _ok(r)
    doc = json.loads(r.stdout)
    codes = {f["code"] for f in doc["findings"]}
    assert "ZP039" not in codes  # the parser no longer fails and drops the output
    from zoneplan.parsers.capture import read_captures

    states, _ = read_captures([cap])
    assert sorted(states["sw1"].zoning[0].defined.zones) == ["z1", "z2"]


def test_audit_of_an_unknown_fabric_is_a_usage_error(tmp_path):
    cap = _cfgshow(tmp_path, f"Defined configuration:\n zone:\tz1\t{W1}; {W2}\n\n")
    for args in (["audit", str(SAMPLE)], ["audit"]):
        r = runner.invoke(app, [*args, "--capture", str(cap), "--fabric", "C"])
        _ok(r)
        assert r.exit_code == 2 and "no fabric 'C'" in r.output, r.output


def test_import_of_more_switches_than_a_fabric_has_domains(tmp_path):
    cap = tmp_path / "cap"
    effective = f"Effective configuration:\n cfg:\tc\n zone:\tz1\t{W1}\n\t\t{W2}\n\n"
    for k in range(240):  # one fabric: the same effective zoning on every switch
        d = cap / f"sw{k:03d}"
        d.mkdir(parents=True)
        (d / "cfgshow.txt").write_text(
            f"Defined configuration:\n cfg:\tc\tz1\n zone:\tz1\t{W1}; {W2}\n\n" + effective
        )
    out = tmp_path / "draft.yaml"
    r = runner.invoke(app, ["import", str(cap), "-o", str(out)])
    _ok(r)
    assert r.exit_code == 2  # the draft is written but cannot be used as it is
    assert "ZP005" in r.output and "domain_id" in r.output
    assert out.read_text().count("domain_id:") == 239
