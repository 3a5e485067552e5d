"""Access Gateway / NPV switches: no domain ID, said by ``mode:``, drafted so by the import.

An AG (Brocade) or NPV (Cisco) switch logs in to its core switch as N_Ports: it has no domain
ID. The inventory says ``mode: access-gateway`` (or ``npv``) and leaves ``domain_id`` out;
every other switch still needs its domain ID (ZP005), existing inventories stay valid.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import yaml
from typer.testing import CliRunner

from tests.support.paths import SAMPLES
from zoneplan.cli import app
from zoneplan.importer import draft_inventory, gateway_mode
from zoneplan.loader import load_inventory, parse_inventory
from zoneplan.observed import Port, SwitchIdentity, SwitchState
from zoneplan.spreadsheet import read_workbook, write_workbook

BASE = """\
name: t
site: lab
fabrics:
  - {name: A, vendor: brocade}
  - {name: B, vendor: cisco, vsan: 20}
switches:
  - {name: sw-a1, fabric: A, domain_id: 1, ports: 24}
  - {name: sw-a2, fabric: A, domain_id: 2, ports: 24}
  - {name: ag-a1, fabric: A, mode: access-gateway, ports: 24}
  - {name: ag-a2, fabric: A, mode: access-gateway, ports: 24}
  - {name: mds-b1, fabric: B, domain_id: 1, ports: 48}
  - {name: npv-b1, fabric: B, mode: npv, ports: 48}
isls:
  - {a: "sw-a1:0", b: "sw-a2:0"}
  - {a: "ag-a1:0", b: "sw-a1:1"}
  - {a: "ag-a2:0", b: "sw-a2:1"}
  - {a: "npv-b1:fc1/1", b: "mds-b1:fc1/1"}
"""


def _codes(text: str) -> list[str]:
    return sorted(f.code for f in parse_inventory(text, "t.yaml").findings if f.code < "ZP2")


def test_gateway_switches_have_no_domain_and_clash_with_nobody():
    r = parse_inventory(BASE, "t.yaml")
    assert r.inventory is not None, [f.message for f in r.findings]
    ags = [s for s in r.inventory.switches if s.gateway]
    assert [(s.name, s.domain_id) for s in ags] == [
        ("ag-a1", None),
        ("ag-a2", None),
        ("npv-b1", None),
    ]
    # two domain-less switches on fabric A are no domain ID clash (ZP104)
    assert "ZP104" not in {f.code for f in r.findings}


def test_a_native_switch_still_needs_its_domain_and_a_gateway_may_not_have_one():
    missing = BASE.replace("{name: sw-a2, fabric: A, domain_id: 2,", "{name: sw-a2, fabric: A,")
    r = parse_inventory(missing, "t.yaml")
    (f,) = [f for f in r.findings if f.code == "ZP005"]
    assert "domain_id" in f.message and "sw-a2" in f.message and f.location.line == 8
    given = BASE.replace("mode: npv,", "mode: npv, domain_id: 9,")
    (f,) = [f for f in parse_inventory(given, "t.yaml").findings if f.code == "ZP003"]
    assert "npv mode has no domain ID" in f.message and f.location.line == 12
    typo = BASE.replace("mode: npv,", "mode: nvp,")
    (f,) = [f for f in parse_inventory(typo, "t.yaml").findings if f.code == "ZP003"]
    assert "did you mean 'npv'" in f.message  # said once: no second error about the domain
    assert _codes(typo) == ["ZP003"]


def test_existing_inventories_stay_valid_and_native():
    for sample in sorted(SAMPLES.glob("*.yaml")):
        inv = load_inventory(sample).inventory
        if inv is None:  # the deliberately broken sample
            continue
        assert all(s.mode.value == "native" and s.domain_id for s in inv.switches), sample


def test_the_spreadsheet_keeps_the_mode_and_the_missing_domain():
    inv = parse_inventory(BASE, "t.yaml").inventory
    assert inv is not None
    with tempfile.TemporaryDirectory(prefix="zoneplan-xlsx-") as tmp:
        path = Path(tmp) / "site.xlsx"
        path.write_bytes(write_workbook(inv))
        back = read_workbook(path)
    assert back.inventory == inv, [f.message for f in back.findings]


def _state(name: str, mode: str | None, *ports: Port) -> SwitchState:
    st = SwitchState(SwitchIdentity(name, mode=mode), "brocade")
    st.ports = {p.name: p for p in ports}
    st.seen["ports"] = name
    return st


def test_gateway_mode_is_read_from_what_the_switch_says():
    assert gateway_mode(_state("ag", "Access Gateway Mode")) == "access-gateway"
    assert gateway_mode(_state("sw", "Native", Port("0", type="E-Port"))) is None
    # NX-OS: no mode line; its NP uplinks (read as N-Ports) make it an NPV switch
    npv = _state("npv", None, Port("fc1/1", type="N-Port"), Port("fc1/2", type="F-Port"))
    assert gateway_mode(npv) == "npv"
    assert gateway_mode(_state("mds", None, Port("fc1/1", type="E-Port"))) is None


def test_the_draft_of_an_ag_has_no_made_up_domain(tmp_path):
    data = draft_inventory(
        [
            _state("ag1", "Access Gateway Mode", Port("17", type="N-Port")),
            _state("ag2", "Access Gateway Mode", Port("17", type="N-Port")),
        ]
    )
    for sw in data["switches"]:
        assert sw["mode"] == "access-gateway" and "domain_id" not in sw, sw


AG_SWITCHSHOW = """\
ag-b1:admin> switchshow
switchName:     ag-b1
switchType:     72.3
switchState:    Online
switchMode:     Access Gateway Mode
switchWwn:      10:00:50:eb:1a:00:00:02
switchBeacon:   OFF

Index Port Address Media Speed       State   Proto
==================================================
   1   1   530100   cu    N8       Online      FC  F-Port  50:01:43:80:26:00:00:01 0x023102
   2   2   530200   cu    N8       Online      FC  F-Port  50:01:43:80:26:00:00:02 0x023103
  17  17   531100   id    N8       Online      FC  N-Port  10:00:00:05:33:00:00:01 0x023100
ag-b1:admin>
"""


def test_import_of_an_ag_capture_drafts_it_without_domain_and_validates(tmp_path):
    cap = tmp_path / "ag-b1.txt"
    cap.write_text(AG_SWITCHSHOW)
    out = tmp_path / "draft.yaml"
    r = CliRunner().invoke(app, ["import", str(cap), "-o", str(out)])
    assert r.exit_code == 0, r.output
    (sw,) = yaml.safe_load(out.read_text())["switches"]
    assert sw["mode"] == "access-gateway" and "domain_id" not in sw
    v = CliRunner().invoke(app, ["validate", str(out)])
    assert v.exit_code == 0, v.output


CORE = """\
core-b1:admin> switchshow
switchName:     core-b1
switchType:     162.0
switchState:    Online
switchMode:     Native
switchRole:     Principal
switchDomain:   2
switchId:       fffc02
switchWwn:      10:00:00:05:33:00:00:01
zoning:         OFF
switchBeacon:   OFF

Index Port Address  Media Speed   State       Proto
==================================================
  48  48   023000   id    N16     Online      FC  F-Port  50:06:01:60:3b:a0:00:01
  49  49   023100   id    N16     Online      FC  F-Port  1 N Port + 2 NPIV public
core-b1:admin> nsshow
{
 Type Pid    COS     PortName                NodeName                 TTL(sec)
 N    023000;      3;50:06:01:60:3b:a0:00:01;50:06:01:60:3b:a0:00:00; na
    FC4s: FCP
    Permanent Port Name: 50:06:01:60:3b:a0:00:01
    Device type: Physical Target
    Port Index: 48
 N    023100;      3;20:11:00:05:33:00:00:02;10:00:50:eb:1a:00:00:02; na
    Permanent Port Name: 20:11:00:05:33:00:00:02
    Port Index: 49
 N    023102;      3;50:01:43:80:26:00:00:01;50:01:43:80:26:00:00:00; na
    FC4s: FCP
    Permanent Port Name: 20:11:00:05:33:00:00:02
    Device type: NPIV Initiator
    Port Index: 49
    Connected through AG: Yes
 N    023103;      3;50:01:43:80:26:00:00:02;50:01:43:80:26:00:00:03; na
    FC4s: FCP
    Permanent Port Name: 20:11:00:05:33:00:00:02
    Device type: NPIV Initiator
    Port Index: 49
    Connected through AG: Yes
The Local Name Server has 4 entries }
core-b1:admin>
"""


def test_import_of_an_ag_and_its_core_cables_the_uplink_and_validates(tmp_path):
    """The AG's N-Port row names the core switch (WWN) and the PID it was given (0x023100):
    the core port whose Address is 0231xx is the other end; the draft is one fabric joined by
    that uplink (no ZP203), its devices on the AG's F-Ports."""
    (tmp_path / "ag-b1.txt").write_text(
        AG_SWITCHSHOW.replace(
            "10:00:00:05:33:00:00:01 0x023100", "10:00:00:05:33:00:00:01 0x023100"
        )
    )
    (tmp_path / "core-b1.txt").write_text(CORE)
    out = tmp_path / "draft.yaml"
    r = CliRunner().invoke(app, ["import", str(tmp_path), "-o", str(out)])
    assert r.exit_code == 0, r.output
    data = yaml.safe_load(out.read_text())
    assert data["isls"] == [{"a": "ag-b1:17", "b": "core-b1:49"}], data.get("isls")
    modes = {s["name"]: (s.get("mode"), s.get("domain_id")) for s in data["switches"]}
    assert modes == {"ag-b1": ("access-gateway", None), "core-b1": (None, 2)}
    v = CliRunner().invoke(app, ["validate", str(out), "-f", "json"])
    assert v.exit_code == 0, v.output
    a = CliRunner().invoke(app, ["audit", str(out), "--capture", str(tmp_path), "-f", "json"])
    codes = {f["code"] for f in json.loads(a.stdout)["findings"]}
    assert not codes & {"ZP625", "ZP626", "ZP627", "ZP628"}, a.stdout
