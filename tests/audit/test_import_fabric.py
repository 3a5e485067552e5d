"""`zoneplan import` drafts the fabric as it is, and the audit reads real fabrics without an
inventory (issue 13): arrays from the name server, the OUI table and symbolic names; NPIV;
the config in effect; switches of one fabric grouped; port members matched to logins; the
defined configuration checked. Captures are written here in the switches' formats."""

from __future__ import annotations

import json

import pytest
import yaml
from typer.testing import CliRunner

from tests.support.paths import CAPTURES as SHARED
from tests.support.paths import shared_absent
from zoneplan.cli import app
from zoneplan.fabrics import fabric_groups
from zoneplan.importer import draft_inventory
from zoneplan.loader import load_inventory
from zoneplan.observed import (
    FabricMember,
    Login,
    Port,
    SwitchIdentity,
    SwitchState,
    Zone,
    ZoneDb,
)
from zoneplan.parsers.capture import read_captures
from zoneplan.storage import login_role, recognise

#: NX-OS ``show flogi database`` of a switch with an array (NetApp OUI 00-A0-98 in a NAA 5
#: WWPN, no FC-4 word in flogi), a QLogic host and two NPIV logins on one port (ESXi VMs)
FLOGI = """\
mds-a# show flogi database
--------------------------------------------------------------------------------
INTERFACE        VSAN    FCID           PORT NAME               NODE NAME
--------------------------------------------------------------------------------
fc1/1            10    0x0a0000  50:0a:09:81:80:b4:5d:65 50:0a:09:80:80:b4:5d:65
fc1/5            10    0x0a0100  21:00:00:24:ff:0c:58:37 20:00:00:24:ff:0c:58:37
                           [esx01_hba0]
fc1/5            10    0x0a0101  28:f1:00:0c:29:00:00:01 28:f1:00:0c:29:00:00:00
fc1/5            10    0x0a0102  28:f1:00:0c:29:00:00:02 28:f1:00:0c:29:00:00:00

Total number of flogi = 4.

mds-a# show zoneset active vsan 10
zoneset name zs_prod_a vsan 10
  zone name z_esx01__netapp vsan 10
  * fcid 0x0a0100 [pwwn 21:00:00:24:ff:0c:58:37] [esx01_hba0]
  * fcid 0x0a0000 [pwwn 50:0a:09:81:80:b4:5d:65]

mds-a# show zone status vsan 10
VSAN: 10 default-zone: deny distribute: full Interop: default
    mode: enhanced merge-control: allow
    session: none
    hard-zoning: enabled broadcast: unsupported
    smart-zoning: disabled
    rscn-format: fabric-address
    activation overwrite control: disabled
Default zone:
    qos: none broadcast: unsupported ronly: unsupported
Full Zoning Database :
    DB size: 300 bytes
    Zonesets:1  Zones:1 Aliases: 0 Attribute-groups: 1
Active Zoning Database :
    DB size: 108 bytes
    Name: zs_prod_a  Zonesets:1  Zones:1
Current Total Zone DB Usage: 408 / 2097152 bytes (0 % used)
Pending (Session) DB size:
    Full DB Copy size: 0 bytes
    Active DB Copy size: 0 bytes
SFC size: 0 / 2097152 bytes (0 % used)
Status: Activation completed at 11:15:10 UTC Oct  5 2020
"""


def test_arrays_from_the_oui_table_and_the_name_server_word_wins():
    netapp = Login("50:0a:09:81:80:b4:5d:65")
    assert recognise(netapp.wwpn).kind == "storage"
    assert login_role(netapp) == "target"
    assert login_role(Login("21:00:00:24:ff:0c:58:37")) == "initiator"  # QLogic HBA
    # the name server's word first: a NetApp OUI logged in as an initiator stays one
    assert login_role(Login(netapp.wwpn, device_type="initiator")) == "initiator"
    # a symbolic name naming a storage product (an EMC CLARiiON's inquiry 'DGC')
    assert login_role(Login("10:00:00:00:c9:11:22:33", port_symbol='"DGC     VRAID"')) == "target"
    # IBM's OUI is storage or host by its prefix (DS8000 vs a PowerVM NPIV client)
    assert login_role(Login("50:05:07:63:09:13:c2:a5")) == "target"
    assert login_role(Login("c0:50:76:09:5b:20:00:64")) == "initiator"


def test_draft_of_an_nxos_switch_validates_with_npiv_arrays_and_the_zoneset(tmp_path):
    (tmp_path / "mds-a.txt").write_text(FLOGI)
    out = tmp_path / "draft.yaml"
    r = CliRunner().invoke(app, ["import", str(tmp_path / "mds-a.txt"), "-o", str(out)])
    assert r.exit_code == 0, r.output
    draft = load_inventory(out)
    assert draft.ok, [f.parsable() for f in draft.findings]
    data = yaml.safe_load(out.read_text())
    assert [a["name"] for a in data.get("arrays", [])] == ["array-b45d65"]
    hosts = {h["name"]: h for h in data["hosts"]}
    assert "esx01" in hosts and all("OS not known" in h["description"] for h in hosts.values())
    ports = [p for h in hosts.values() for hba in h["hbas"] for p in hba["ports"]]
    on_fc15 = [p for p in ports if p.get("port") == "fc1/5"]
    assert len(on_fc15) == 3 and sum(bool(p.get("npiv")) for p in on_fc15) == 2
    # the cabling plan of the draft: one cable into fc1/5, the NPIV ports ride it
    from zoneplan.cabling.plan import build_plan as build_cabling
    from zoneplan.topology import build_topology

    cables = build_cabling(build_topology(draft.inventory), generated="2026-12-01").cables
    assert sum(1 for c in cables if c.b.port == "fc1/5" or c.a.port == "fc1/5") == 1
    fabric = data["fabrics"][0]
    assert fabric["zoning"] == {"config": "zs_prod_a", "mode": "enhanced"}
    assert [z["name"] for z in data["existing_zones"]] == ["z_esx01__netapp"]
    # plan --against the same capture: nothing to change
    p = CliRunner().invoke(
        app,
        ["plan", str(out), "--against", str(tmp_path / "mds-a.txt"), "--out", str(tmp_path / "p")],
    )
    assert p.exit_code == 0, p.output
    assert "nothing to change" in p.output, p.output


def test_a_login_an_inventory_cannot_hold_is_left_out_with_a_finding():
    text = FLOGI.replace("28:f1:00:0c:29:00:00:02", "aa:bb:cc:dd:ee:ff:00:02")
    states, _ = read_captures_text({"mds-a.txt": text})
    findings: list = []
    data = draft_inventory(states.values(), findings=findings)
    wwpns = {p["wwpn"] for h in data["hosts"] for hba in h["hbas"] for p in hba["ports"]}
    assert "aa:bb:cc:dd:ee:ff:00:02" not in wwpns
    assert [f.code for f in findings] == ["ZP029"]


def read_captures_text(files: dict[str, str], tmp=None):  # noqa: ANN001, ANN201
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as d:
        for name, text in files.items():
            (Path(d) / name).write_text(text)
        return read_captures([d])


def _brocade(name: str, domain: int, wwn: str, cfg: str, nsshow_rows: str) -> str:
    """A FOS switch's switchshow, fabricshow, cfgshow and nsshow in one terminal log."""
    return f"""\
{name}:admin> switchshow
switchName:	{name}
switchType:	109.1
switchState:	Online
switchMode:	Native
switchRole:	{"Principal" if domain == 1 else "Subordinate"}
switchDomain:	{domain}
switchId:	fffc0{domain}
switchWwn:	{wwn}
zoning:		ON (cfg_a)
switchBeacon:	OFF

Index Port Address Media Speed State     Proto
==================================================
   0   0   0{domain}0000   id    N8   Online      FC  E-Port  10:00:00:05:33:00:00:0{3 - domain} "peer" (Trunk master)
   8   8   0{domain}0800   id    N8   Online      FC  F-Port  10:00:00:90:fa:c1:00:0{domain}
{name}:admin> fabricshow
Switch ID   Worldwide Name           Enet IP Addr    FC IP Addr      Name
-------------------------------------------------------------------------
  1: fffc01 10:00:00:05:33:00:00:01 10.0.0.1        0.0.0.0        >"sw1"
  2: fffc02 10:00:00:05:33:00:00:02 10.0.0.2        0.0.0.0         "sw2"

The Fabric has 2 switches

{name}:admin> cfgshow
{cfg}
{name}:admin> nsshow
{{
 Type Pid    COS     PortName                NodeName                 TTL(sec)
{nsshow_rows}
The Local Name Server has 1 entry }}
{name}:admin> cfgtransshow
There is no outstanding zoning transaction
"""


CFG = """\
Defined configuration:
 cfg:	cfg_a	z_host1; z_host2; z_gone
 zone:	z_host1	1,8; 21:00:00:24:ff:7a:10:00
 zone:	z_host2	2,8; host2_alias; missing_alias
 zone:	z_old	10:00:00:90:fa:c1:99:99; 21:00:00:24:ff:7a:10:00
 alias:	host2_alias	10:00:00:90:fa:c1:00:02

Effective configuration:
 cfg:	cfg_a
 zone:	z_host1	1,8
		21:00:00:24:ff:7a:10:00
 zone:	z_host2	2,8
		10:00:00:90:fa:c1:00:02
"""


def _ns(domain: int) -> str:
    return (
        f" N    0{domain}0800;      3;10:00:00:90:fa:c1:00:0{domain};"
        f"20:00:00:90:fa:c1:00:0{domain}; na\n"
        "    FC4s: FCP\n"
        f"    Fabric Port Name: 20:08:00:05:33:00:00:0{domain}\n"
        "    Permanent Port Name: 10:00:00:90:fa:c1:00:0{domain}\n"
        "    Port Index: 8\n"
        "    Device type: Physical Initiator"
    ).replace("{domain}", str(domain))


def test_audit_without_inventory_groups_one_fabric_and_checks_the_defined_config(tmp_path):
    cap = tmp_path / "cap"
    cap.mkdir()
    (cap / "sw1.txt").write_text(_brocade("sw1", 1, "10:00:00:05:33:00:00:01", CFG, _ns(1)))
    (cap / "sw2.txt").write_text(_brocade("sw2", 2, "10:00:00:05:33:00:00:02", CFG, _ns(2)))
    r = CliRunner().invoke(app, ["audit", "--capture", str(cap), "--format", "json"])
    data = json.loads(r.stdout)
    findings = data["findings"] if isinstance(data, dict) else data
    codes = [f["code"] for f in findings]
    # one fabric: sw2's host is not "not logged in" on a fabric of sw1 alone
    assert not any(
        f["code"] == "ZP608" and "10:00:00:90:fa:c1:00:02" in f["message"] for f in findings
    ), findings
    # port members (1,8 and 2,8) zone the hosts logged in there: no unzoned login
    assert "ZP607" not in codes, findings
    # the defined config: a zone it names is missing, a zone names a missing alias
    dangling = [f["message"] for f in findings if f["code"] == "ZP624"]
    assert any("z_gone" in m for m in dangling) and any("missing_alias" in m for m in dangling)
    # a member of a defined zone not in effect, not logged in: said, at info
    stale = [f for f in findings if "10:00:00:90:fa:c1:99:99" in f["message"]]
    assert [(f["code"], f["severity"]) for f in stale] == [("ZP608", "info")]


SHARED_FILES = (
    sorted(f for d in ("brocade-fos", "cisco-mds") for f in (SHARED / d).glob("*.txt"))
    if SHARED.is_dir()
    else []
)
#: findings an audit of a draft against its own capture may never make: drift between the
#: two would be the importer misreading the fabric
DRIFT = {"ZP603", "ZP604", "ZP606", "ZP609"}


@pytest.mark.skipif(not SHARED.is_dir(), reason=shared_absent("captures"))
@pytest.mark.parametrize("capture", SHARED_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_round_trip_on_every_shared_capture(capture, tmp_path):
    """import → validate clean; audit of the draft against the capture without drift; plan
    --against it an empty change. A single-command capture cannot be "in sync" (ZP614 says
    what it lacks), and a capture read as cut (ZP021) stays an error."""
    out = tmp_path / "draft.yaml"
    r = CliRunner().invoke(app, ["import", str(capture), "-o", str(out)])
    assert r.exit_code == 0, r.output
    v = CliRunner().invoke(app, ["validate", str(out), "--format", "json"])
    assert v.exit_code == 0, v.output
    a = CliRunner().invoke(app, ["audit", str(out), "--capture", str(capture), "-f", "json"])
    found = json.loads(a.stdout)
    findings = found["findings"] if isinstance(found, dict) else found
    codes = {f["code"] for f in findings}
    assert not codes & DRIFT, findings
    states, _ = read_captures([capture])
    effective = any(
        z.effective is not None and z.effective.effective
        for st in states.values()
        for z in st.zoning.values()
    )
    p = CliRunner().invoke(
        app, ["plan", str(out), "--against", str(capture), "--out", str(tmp_path / "plan")]
    )
    if not effective:  # without the zoning in effect a change is refused (ZP551), not guessed
        assert p.exit_code == 0 or "ZP551" in p.output, p.output
        return
    assert p.exit_code in (0, 1), p.output
    if effective:
        assert "ZP601" not in codes, findings
        assert "nothing to change" in p.output or "nothing to do" in p.output, p.output


def _state(name: str, vendor: str, key: int, eff: ZoneDb | None, wwn: str | None = None):  # noqa: ANN202
    st = SwitchState(SwitchIdentity(name, wwn=wwn), vendor)
    st.zoning_for(key).effective = eff
    return st


def _eff(cfg: str, *zones: str, complete: bool = True) -> ZoneDb:
    db = ZoneDb(effective=cfg, complete=complete)
    for z in zones:
        db.zones[z] = Zone(z, ["10:00:00:90:fa:c1:00:01", "50:06:01:60:3b:a0:11:01"])
    db.configs[cfg] = list(zones)
    return db


def test_fabric_groups_by_zoning_in_effect_fabricshow_and_vsan():
    # Brocade: the same zoning in effect is one fabric; another zoning another fabric
    a1 = _state("a1", "brocade", 0, _eff("cfg_A", "z1", "z2"))
    a2 = _state("a2", "brocade", 0, _eff("cfg_A", "z1", "z2"))
    b1 = _state("b1", "brocade", 0, _eff("cfg_B", "z3"))
    # fabricshow: b2 lists b1's WWN (no zoning captured on b2)
    b1.identity.wwn = "10:00:00:05:33:00:00:0b"
    b2 = _state("b2", "brocade", 0, None)
    b2.fabric.append(FabricMember(1, "fffc01", "10:00:00:05:33:00:00:0b"))
    # Cisco: VSAN 10 in two physically separate fabrics (different zonesets), a third switch
    # without a zoneset joins neither when it cannot tell
    m1 = _state("m1", "cisco", 10, _eff("zs_x", "z1"))
    m2 = _state("m2", "cisco", 10, _eff("zs_y", "z9"))
    m3 = _state("m3", "cisco", 20, _eff("zs_20", "z1"))
    m4 = _state("m4", "cisco", 20, None)
    # an Access Gateway: no domain, no fabricshow, no zoning; its N-Port uplink names a1
    a1.identity.wwn = "10:00:00:05:33:00:00:a1"
    ag = SwitchState(SwitchIdentity("ag1", mode="Access Gateway Mode"), "brocade")
    ag.ports["17"] = Port("17", type="N-Port", neighbour_wwn="10:00:00:05:33:00:00:a1")
    groups = fabric_groups([a1, a2, b1, b2, m1, m2, m3, m4, ag])
    got = sorted(sorted(s.name for s in g.states) for g in groups)
    assert got == [["a1", "a2", "ag1"], ["b1", "b2"], ["m1"], ["m2"], ["m3", "m4"]]


def test_show_topology_links_vsan_switches_and_drafts_isls_by_domain_or_name():
    """Two MDS switches in VSAN 10 whose zonesets in effect differ (one capture lags) are one
    fabric when show topology lists an ISL between them in that VSAN; its VSAN 30 row links
    nothing in VSAN 10. The peer is found by its domain in the VSAN (the address-only layout
    of older releases names no switch) or by the name in brackets."""
    from zoneplan.parsers.cisco import parse_show_topology

    rule = "-" * 80
    head = f"{rule}\n       Interface  Peer Domain Peer Interface     Peer IP Address\n{rule}\n"
    m1 = _state("m1", "cisco", 10, _eff("zs_x", "z1"))
    m2 = _state("m2", "cisco", 10, _eff("zs_y", "z9"))
    m3 = _state("m3", "cisco", 10, _eff("zs_z", "z7"))
    m2.add_login(Login("10:00:00:90:fa:c1:00:02", port="fc1/2", fcid="0x160100", vsan=10))
    m1.isls, f1 = parse_show_topology(
        "FC Topology for VSAN 10 :\n"
        + head
        + "            fc1/7  0x16(22)            fc1/8  10.0.0.2\n"
        + "FC Topology for VSAN 30 :\n"
        + head
        + "            fc1/9  0x05(5)             fc1/9  10.0.0.3(m3)\n",
        "m1/show_topology.txt",
    )
    assert f1 == [] and len(m1.isls) == 2
    assert sorted(sorted(s.name for s in g.states) for g in fabric_groups([m1, m2, m3])) == [
        ["m1", "m2"],
        ["m3"],
    ]
    inv = draft_inventory([m1, m2, m3])
    assert inv["isls"] == [{"a": "m1:fc1/7", "b": "m2:fc1/8"}]
    # by name: the domain unknown (no logins), the name in brackets
    m2.logins.clear()
    m1.isls[0].remote_name = "m2"
    groups = fabric_groups([m1, m2, m3])
    assert sorted(sorted(s.name for s in g.states) for g in groups) == [["m1", "m2"], ["m3"]]
    assert draft_inventory([m1, m2, m3])["isls"] == [{"a": "m1:fc1/7", "b": "m2:fc1/8"}]
    # neither domain nor name: no link, no ISL drafted (two fabrics, as before)
    m1.isls[0].remote_name, m1.isls[0].remote_domain = "", None
    assert "isls" not in draft_inventory([m1, m2, m3])
    assert len(fabric_groups([m1, m2, m3])) == 3


def test_each_zone_in_effect_from_whichever_switch_holds_it():
    # sw1's effective listing was cut after z1; sw2 holds the whole configuration in effect
    cut = _eff("cfg_A", "z1", complete=False)
    cut.configs["cfg_A"] = ["z1", "z2", "z3"]
    whole = _eff("cfg_A", "z1", "z2", "z3")
    whole.zones["z2"].members.append("21:00:00:24:ff:0c:58:37")
    sw1, sw2 = _state("sw1", "brocade", 0, cut), _state("sw2", "brocade", 0, whole)
    for st in (sw1, sw2):  # one fabric by fabricshow (a cut listing has no zoning signature)
        st.fabric.append(FabricMember(1, "fffc01", "10:00:00:05:33:00:00:01"))
    data = draft_inventory([sw1, sw2])
    assert len(data["fabrics"]) == 1 and data["fabrics"][0]["zoning"] == {"config": "cfg_A"}
    zones = {z["name"]: z["members"] for z in data["existing_zones"]}
    assert sorted(zones) == ["z1", "z2", "z3"]
    assert "21:00:00:24:ff:0c:58:37" in zones["z2"]  # the complete copy


SWITCHSHOW_ONLY = """\
sw9:admin> switchshow
switchName:	sw9
switchType:	109.1
switchState:	Online
switchMode:	Native
switchRole:	Principal
switchDomain:	9
switchId:	fffc09
switchWwn:	10:00:00:05:33:00:00:09
zoning:		OFF
switchBeacon:	OFF

Index Port Address Media Speed State     Proto
==================================================
   0   0   090000   id    N8   Online      FC  F-Port  50:06:01:60:3b:a0:11:01
   1   1   090100   id    N8   Online      FC  F-Port  1 N Port + 2 NPIV public
   2   2   090200   id    N8   No_Light    FC
"""


def test_without_a_name_server_read_the_f_port_devices_of_switchshow_are_drafted(tmp_path):
    (tmp_path / "sw9.txt").write_text(SWITCHSHOW_ONLY)
    states, _ = read_captures([tmp_path / "sw9.txt"])
    data = draft_inventory(states.values())
    assert [a["name"] for a in data["arrays"]] == ["array-a01101"]  # EMC OUI 00-60-16
    port = data["arrays"][0]["controllers"][0]["ports"][0]
    assert (port["switch"], port["port"]) == ("sw9", "0")
    assert data["switches"][0]["domain_id"] == 9


def test_an_npv_switch_uplink_login_is_no_device_and_its_servers_are_npiv(tmp_path):
    # fc1/9: the NPV switch's own login (Cisco OUI 00-0D-EC), then two servers behind it
    text = FLOGI.replace(
        "\nTotal number of flogi = 4.",
        "fc1/9            10    0x0a0200  20:41:00:0d:ec:aa:bb:01 20:01:00:0d:ec:aa:bb:00\n"
        "fc1/9            10    0x0a0201  21:00:00:24:ff:0c:60:01 20:00:00:24:ff:0c:60:01\n"
        "fc1/9            10    0x0a0202  21:00:00:24:ff:0c:60:02 20:00:00:24:ff:0c:60:02\n"
        "\nTotal number of flogi = 7.",
    )
    (tmp_path / "mds-a.txt").write_text(text)
    out = tmp_path / "draft.yaml"
    r = CliRunner().invoke(app, ["import", str(tmp_path / "mds-a.txt"), "-o", str(out)])
    assert r.exit_code == 0, r.output
    data = yaml.safe_load(out.read_text())
    ports = [p for h in data["hosts"] for hba in h["hbas"] for p in hba["ports"]]
    assert "20:41:00:0d:ec:aa:bb:01" not in {p["wwpn"] for p in ports}
    on_fc19 = [p for p in ports if p.get("port") == "fc1/9"]
    assert len(on_fc19) == 2 and sum(bool(p.get("npiv")) for p in on_fc19) == 1


def _round_trip_of_a_collected_site(sample: str, tmp_path) -> None:  # noqa: ANN001
    """import → validate clean → audit in sync (exit 0) → plan --against: nothing to change on
    every fabric of ``sample``, each switch saved as `zoneplan collect` saves it (every output
    the emulator serves, its ISL listing naming the neighbours)."""
    from tests.support.paths import SAMPLES
    from tests.support.planstate import plant_isls, states_from_plan
    from tests.support.ssh_switch import _default_wwn, outputs_from_state
    from zoneplan.live.collect import command_file_name
    from zoneplan.plan.build import build_plan
    from zoneplan.topology import build_topology

    r = load_inventory(SAMPLES / sample)
    topo = build_topology(r.inventory, r.source)
    states = states_from_plan(build_plan(topo), topo)
    for st in states.values():
        st.identity.wwn = _default_wwn(st.name)
    plant_isls(states, topo)
    cap = tmp_path / "cap"
    for name, st in states.items():  # every output of the switch, its ISL listing too
        (cap / name).mkdir(parents=True)
        for cmd, text in outputs_from_state(st).items():
            (cap / name / command_file_name(cmd)).write_text(text)
    out = tmp_path / "draft.yaml"
    run = CliRunner()
    r1 = run.invoke(app, ["import", str(cap), "-o", str(out)])
    assert r1.exit_code == 0, r1.output
    drafted = yaml.safe_load(out.read_text())
    want = {frozenset((i.a, i.b)) for i in r.inventory.isls}
    assert {frozenset((i["a"], i["b"])) for i in drafted.get("isls", [])} == want, drafted
    r2 = run.invoke(app, ["validate", str(out), "-f", "json"])
    codes = {f["code"] for f in json.loads(r2.stdout)["findings"]}
    # the ISLs hold each fabric together, NPIV and cabling are consistent; (the emulated
    # director's nsshow prints slot/port where FOS prints the port index, so its devices stay
    # uncabled in the draft: ZP201/ZP202/ZP504 from the emulator, not from the import)
    assert not codes & {"ZP102", "ZP103", "ZP203", "ZP204"}, r2.output
    r3 = run.invoke(app, ["audit", str(out), "--capture", str(cap), "-f", "json"])
    report = json.loads(r3.stdout)
    assert set(report["verdicts"].values()) == {"in-sync"}, r3.output
    drift = [
        f for f in report["findings"] if f["code"].startswith("ZP6") and f["severity"] != "info"
    ]
    assert not drift, drift
    r4 = run.invoke(app, ["plan", str(out), "--against", str(cap), "--out", str(tmp_path / "p")])
    fabrics = len(r.inventory.fabrics)
    assert r4.output.count("nothing to change") == fabrics, r4.output


def test_round_trip_of_a_whole_collected_brocade_site(tmp_path):
    """Both Brocade fabrics: islshow names the neighbours by WWN and domain."""
    _round_trip_of_a_collected_site("brocade-only.yaml", tmp_path)


def test_round_trip_of_a_site_with_a_two_switch_nxos_fabric(tmp_path):
    """Fabric B is two MDS switches in VSAN 20 joined by two ISLs: show topology drafts them
    (the peer by its domain in the VSAN, or its name), so the draft is one fabric, not two
    pieces (ZP203), and audits in sync beside the Brocade fabric A."""
    _round_trip_of_a_collected_site("euronas-cluster.yaml", tmp_path)
