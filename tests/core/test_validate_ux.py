"""``zoneplan validate`` tells what to type: every problem at once, objects by their inventory
path, "did you mean", WWNN+WWPN pairs pasted from vSphere, the wrong port named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zoneplan.cli import app

runner = CliRunner()

HAND_WRITTEN = """\
name: site
fabrics:
  - {name: A, vendor: brocade}
  - {name: B, vendor: cisco, vsan: 20}
switches:
  - {name: sw-a1, fabric: A, domain_id: 1, ports: 24}
  - {name: sw-a2, fabric: A, domain_id: 1, ports: 24}
  - {name: mds-b1, fabric: B, domain_id: 1, ports: 24}
isls:
  - {a: "sw-a1:23", b: "sw-a2:23"}
hosts:
  - name: esx01
    os: esxi
    hbas:
      - name: vmhba2
        ports:
          - {name: p0, wwnp: "10:00:00:90:fa:c1:00:01", switch: sw-a1, port: 3}
          - {name: p1, wwpn: "20:00:00:90:fa:c1:00:02 10:00:00:90:fa:c1:00:02", switch: mds-b1, port: fc1/3}
  - name: esx02
    os: vmware
    hbas:
      - name: vmhba2
        ports:
          - {name: p0, wwpn: "10:00:00:90:fa:c2:00:01", switch: sw-a1, port: 4}
          - {name: p1, wwpn: "10:00:00:90:fa:c2:00:02", switch: mds-b1, port: fc1/4}
  - name: esx03
    os: vmware
    hbas:
      - name: vmhba2
        ports:
          - {name: p0, wwpn: "10:00:00:90:fa:c3:00:01", switch: sw-a1, port: 5}
          - {name: p1, wwpn: "10:00:00:90:fa:c3:00:02", switch: sw-a2, port: 5}
"""


def _validate(tmp_path: Path, text: str, *args: str):
    inv = tmp_path / "site.yaml"
    inv.write_text(text)
    r = runner.invoke(app, ["validate", str(inv), "--format", "json", *args])
    return r, (json.loads(r.output) if r.output.startswith("{") else None)


def _by_code(doc) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for f in doc["findings"]:
        out.setdefault(f["code"], []).append(f)
    return out


def test_schema_errors_and_the_rules_that_can_still_run_in_one_round(tmp_path):
    r, doc = _validate(tmp_path, HAND_WRITTEN)
    assert r.exit_code == 2
    codes = _by_code(doc)
    # the file's own errors ...
    assert {"ZP003", "ZP004", "ZP005", "ZP008"} <= set(codes)
    # ... and the design rules on what could be read: the domain ID clash, esx03 on one fabric
    assert "ZP104" in codes and "ZP201" in codes
    # nothing about esx01, which has errors and was left out of the rules
    assert all(f["subject"]["name"] != "esx01" for f in codes["ZP201"])


def test_objects_are_named_by_their_inventory_path(tmp_path):
    _, doc = _validate(tmp_path, HAND_WRITTEN)
    loader = [f for f in doc["findings"] if f["code"].startswith("ZP00")]
    assert loader and all("hosts[" not in f["message"] for f in loader)
    (unknown,) = _by_code(doc)["ZP004"]
    assert unknown["message"] == "unknown key 'wwnp' in esx01/vmhba2/p0; did you mean 'wwpn'?"
    assert unknown["subject"]["name"] == "esx01/vmhba2/p0 wwnp"
    assert unknown["location"]["line"] == 17


def test_did_you_mean_for_enum_values(tmp_path):
    _, doc = _validate(tmp_path, HAND_WRITTEN)
    (os_value,) = _by_code(doc)["ZP003"]
    assert os_value["message"].startswith("esx01 os: 'esxi' is not one of windows, vmware")
    assert os_value["message"].endswith("did you mean 'vmware'?")


@pytest.mark.parametrize(
    "pasted",
    [
        "20:00:00:90:fa:c1:00:02 10:00:00:90:fa:c1:00:02",  # vSphere client: WWNN WWPN
        "fc.20000090fac10002:10000090fac10002",  # esxcli storage core path list
    ],
)
def test_a_wwnn_wwpn_pair_pasted_from_vsphere_is_explained(tmp_path, pasted):
    text = HAND_WRITTEN.replace("20:00:00:90:fa:c1:00:02 10:00:00:90:fa:c1:00:02", pasted)
    _, doc = _validate(tmp_path, text)
    (pair,) = _by_code(doc)["ZP008"]
    assert "node name and a port name pasted together" in pair["message"]
    assert 'wwpn: "10:00:00:90:fa:c1:00:02"' in pair["message"]
    assert pair["message"].startswith("esx01/vmhba2/p1 wwpn:")


def test_wrong_fabric_error_names_the_port_that_is_cabled_wrong(tmp_path):
    text = HAND_WRITTEN.replace("os: esxi", "os: vmware").replace("wwnp", "wwpn")
    text = text.replace(
        "20:00:00:90:fa:c1:00:02 10:00:00:90:fa:c1:00:02", "10:00:00:90:fa:c1:00:02"
    )
    r, doc = _validate(tmp_path, text, "--select", "ZP201")
    assert r.exit_code == 1
    (f,) = doc["findings"]
    assert "esx03/vmhba2/p1 is probably meant for fabric B" in f["message"]
    assert "sw-a2 port 5" in f["message"]
    lines = text.splitlines()
    assert "10:00:00:90:fa:c3:00:02" in lines[f["location"]["line"] - 1]


def test_findings_json_carries_location_subject_and_a_hint(tmp_path):
    text = HAND_WRITTEN.replace("os: esxi", "os: vmware").replace("wwnp", "wwpn")
    text = text.replace(
        "20:00:00:90:fa:c1:00:02 10:00:00:90:fa:c1:00:02", "10:00:00:90:fa:c1:00:02"
    )
    _, doc = _validate(tmp_path, text)
    assert doc["findings"]
    for f in doc["findings"]:
        assert {"code", "severity", "message", "location", "subject", "hint"} <= set(f)
        assert f["hint"], f
    (clash,) = _by_code(doc)["ZP104"]
    assert clash["subject"]["switch"] == "sw-a2" and clash["subject"]["fabric"] == "A"


def test_select_ignore_and_min_severity(tmp_path):
    r, _ = _validate(tmp_path, HAND_WRITTEN, "--select", "ZP7777")
    assert r.exit_code == 2 and "ZP7777" in r.output
    r = runner.invoke(app, ["validate", "samples/euronas-cluster.yaml", "--ignore", "ZPX"])
    assert r.exit_code == 2 and "'ZPX'" in r.output
    r = runner.invoke(
        app,
        [
            "validate",
            "samples/euronas-cluster.yaml",
            "--format",
            "json",
            "--min-severity",
            "warning",
        ],
    )
    assert r.exit_code == 0 and json.loads(r.output)["findings"] == []
    r = runner.invoke(
        app,
        ["validate", "samples/euronas-cluster.yaml", "--format", "json", "--select", "ZP3,zp402"],
    )
    codes = {f["code"] for f in json.loads(r.output)["findings"]}
    assert codes and all(c.startswith("ZP3") or c == "ZP402" for c in codes)
