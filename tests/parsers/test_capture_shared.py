"""Every real capture in ../shared/captures parses, with its content checked.

The captures are read where they are (never copied into the repository); the tests skip when
the folder is absent (a checkout without shared/).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.paths import CAPTURES, shared_absent
from zoneplan.parsers import brocade, cisco
from zoneplan.parsers.capture import read_captures

B = CAPTURES / "brocade-fos"
C = CAPTURES / "cisco-mds"

pytestmark = pytest.mark.skipif(not CAPTURES.is_dir(), reason=shared_absent("captures"))


def codes(findings) -> list[str]:
    return sorted(f.code for f in findings)


def read(folder: Path, name: str) -> str:
    return (folder / name).read_text()


# --------------------------------------------------------------------------- Brocade


def test_cfgshow_1_filtered_names_only():
    r, f = brocade.parse_cfgshow(read(B, "cfgshow_1.txt"), "cfgshow_1.txt")
    assert codes(f) == ["ZP030"]  # `| grep`: incomplete by design, said once
    assert list(r.defined.configs) == ["AIS_IDA_SANA"]
    assert r.effective.effective == "AIS_IDA_SANA"
    assert not r.defined.complete and not r.effective.complete
    assert not r.whole


def test_cfgshow_2_tab_wrapping_defined_and_effective():
    r, f = brocade.parse_cfgshow(read(B, "cfgshow_2.txt"), "cfgshow_2.txt")
    assert f == []
    d, e = r.defined, r.effective
    assert d.configs == {"AIS_IDA_SANA": ["zone1", "zone2", "zone3"]}  # `zone2;zone3` unspaced
    assert {n: z.members for n, z in d.zones.items()} == {
        "zone1": ["alias1", "alias2"],
        "zone2": ["alias1", "alias3"],
        "zone3": ["alias3", "alias4"],
        "zone5": ["alias1", "alias4"],
    }
    assert d.aliases == {
        "alias1": ["50:01:43:80:03:bc:68:00"],  # upper case in the capture
        "alias2": ["50:01:43:80:12:0e:2b:60"],
        "alias3": ["50:01:43:80:12:0e:25:18"],
        "alias4": ["50:01:43:80:18:69:33:70"],
    }
    assert e.effective == "AIS_IDA_SANA"
    assert e.configs == {"AIS_IDA_SANA": ["zone1", "zone2", "zone3"]}
    assert e.zones["zone2"].members == ["50:01:43:80:03:bc:68:00", "50:01:43:80:12:0e:25:18"]
    assert d.complete and e.complete
    # effective zones are the defined ones with aliases resolved
    for name, z in e.zones.items():
        want = [w for m in d.zones[name].members for w in d.resolve(m)]
        assert z.members == want


def test_cfgshow_3_filtered_with_member_fragments():
    r, f = brocade.parse_cfgshow(read(B, "cfgshow_3.txt"), "cfgshow_3.txt")
    assert codes(f) == ["ZP030"]  # the trailing ';' is grep's doing, not a cut
    assert list(r.defined.configs) == [
        "atc2b1c",
        "atc2b1c_2014_01_29_1136",
        "atc2b1c_Jan3rd_2014",
        "atc2b1c_Nov6th_2013",
    ]
    assert r.defined.configs["atc2b1c"] == ["AIS_A3parp01_3par01_G8", "AIS_abfmp01_eva01"]
    assert r.effective.effective == "atc2b1c"


def test_cfgshow_4_long_names_four_tab_style_and_cut_effective():
    r, f = brocade.parse_cfgshow(read(B, "cfgshow_4.txt"), "cfgshow_4.txt")
    d, e = r.defined, r.effective
    long_zone = "OneviewZone_agapiphys27bm415838ea__null_VPC_N2__S_Auto_PLNDDCPRI"
    assert d.configs == {"ECS_SAN_A": [long_zone, "zone1"]}
    assert d.zones[long_zone].members == [
        "OneviewAlias_agapiphys27bm415838eaf4cab6ec0f__null_VPC_N2__SAN_F",
        "PLNDDCPRIM1_gv1_n1s3p3",
        "T_PLNDDCPRIM1_2_3_3",
        "PLNDDCPRIM1_gv1_n0s3p3",
        "T_PLNDDCPRIM1_3_3_3",
    ]
    assert d.aliases["T_PLNDDCPRIM1_3_3_3"] == ["23:33:00:02:ac:02:88:b9"]
    assert len(d.aliases) == 5
    # the file stops inside the effective section (no final newline, 1 of 2 zones): flagged
    assert list(e.zones) == ["zone1"]
    assert codes(f) == ["ZP021"]
    assert f[0].location.line == 26
    assert not e.complete


def test_cfgtransshow_three_states():
    t1, f1 = brocade.parse_cfgtransshow(read(B, "cfgtransshow_1.txt"), "1")
    t2, f2 = brocade.parse_cfgtransshow(read(B, "cfgtransshow_2.txt"), "2")
    t3, f3 = brocade.parse_cfgtransshow(read(B, "cfgtransshow_3.txt"), "3")
    assert f1 == f2 == f3 == []
    assert (t1.state, t1.token, t1.abortable) == ("none", None, None)
    assert (t2.state, t2.token, t2.abortable) == ("open", "215468647", True)
    assert (t3.state, t3.token, t3.abortable) == ("open", "0xfffff0", False)


def test_fabricshow_principal_and_names():
    r, f = brocade.parse_fabricshow(read(B, "fabricshow_1.txt"), "fabricshow_1.txt")
    assert f == []
    assert [(m.domain, m.name, m.principal) for m in r.members] == [
        (1, "IDAA1C01", True),
        (2, "IDAA1C02", False),
        (129, "GREA1C01", False),
        (132, "GREA1C02", False),
    ]
    assert r.members[2].wwn == "10:00:00:05:1e:50:ad:00"
    assert r.members[3].ip == "15.187.119.38"
    assert r.fabric_name == "ENV2 VPC Lab - Fab B"


def test_islshow():
    r, f = brocade.parse_islshow(read(B, "islshow_1.txt"), "islshow_1.txt")
    assert f == []
    assert len(r) == 5
    assert (r[0].local_port, r[0].remote_port, r[0].remote_domain) == (0, 0, 1)
    assert r[0].flags == ["TRUNK", "QOS"] and r[0].bandwidth == "64.000G"
    assert (r[4].local_port, r[4].remote_port, r[4].remote_name) == (217, 18, "H2C04R085-U25-I")
    assert r[2].flags == ["CR_RECOV"]


@pytest.mark.parametrize("name", ["ns_1.txt", "ns_2.txt"])
def test_ns_files_through_the_reader(name):
    states, f = read_captures([B / name])
    (st,) = states.values()
    local = [lg for lg in st.logins.values() if not lg.remote]
    remote = [lg for lg in st.logins.values() if lg.remote]
    assert [lg.wwpn for lg in local] == [
        "50:00:1f:e1:50:12:c4:e8",
        "20:13:00:13:21:44:31:7c",
        "20:01:00:13:21:44:3a:d6",
    ]
    assert [lg.fcid for lg in local] == ["0x010000", "0x010100", "0x010200"]
    assert all(lg.device_type == "target" for lg in local)
    assert local[0].port_symbol == "HSV210 - IDAEVA01 - CR1363"
    assert local[0].fabric_port_wwn == "20:00:00:05:1e:4c:24:00"
    assert local[1].fc4 == "FCP [HP      Ultrium 4-SCSI  H6AW]"
    assert [lg.port for lg in local] == ["0", "1", "2"]
    # the captures were trimmed: nsshow lacks its closing line (both files)
    trunc = [x for x in f if x.code == "ZP021"]
    assert len(trunc) == 1 and trunc[0].location.line == 34
    if name == "ns_1.txt":
        assert [(lg.wwpn, lg.switch) for lg in remote] == [
            ("50:00:1f:e1:50:21:cf:d8", "domain 2"),
            ("5b:49:9b:ab:ac:6a:20:00", "domain 2"),
            ("50:00:1f:e1:50:12:9b:cc", "domain 129"),
        ]
        # "Device list: count 370" with 2 listed: the trim is reported, not hidden
        mism = [x for x in f if x.code == "ZP031"]
        assert [x.location.line for x in mism] == [40, 68]
    else:
        assert remote == []
        assert not [x for x in f if x.code == "ZP031"]


def test_switchshow_director_with_slot_column():
    r, f = brocade.parse_switchshow(read(B, "switch_1.txt"), "switch_1.txt")
    assert f == []
    i = r.identity
    assert (i.name, i.domain, i.wwn, i.fid, i.role) == (
        "IDAA1C01",
        1,
        "10:00:00:05:1e:4c:24:00",
        128,
        "Principal",
    )
    assert i.zoning_on is True
    assert [p.name for p in r.ports] == ["1/0", "1/5", "1/6", "1/7", "5/0"]
    p0, p5, p6, p7, p384 = r.ports
    assert p0.type == "F-Port" and p0.wwpns == ["50:00:1f:e1:50:12:c4:e8"] and p0.online
    assert p5.npiv_count == 10 and p5.wwpns == []
    assert p6.state == "No_Sync" and p6.comment == "Disabled (Persistent)" and not p6.online
    assert p7.type == "E-Port" and p7.neighbour_wwn == "10:00:00:05:33:25:16:00"
    assert p7.neighbour_name == "IDAA1C02"
    assert (p384.index, p384.slot, p384.port, p384.address) == (384, 5, 0, "------")


def test_switchshow_fixed_port():
    r, f = brocade.parse_switchshow(read(B, "switch_2.txt"), "switch_2.txt")
    assert f == []
    assert r.identity.name == "H4C11R218-U02-ICB04" and r.identity.domain == 29
    assert [p.name for p in r.ports] == ["0", "1", "17"]
    assert r.ports[0].state == "No_Module" and r.ports[1].speed == "AN"
    assert r.ports[2].neighbour_name == "H4C11R228-U03-B02"
    assert r.ports[2].comment == "(upstream)"


def test_switchshow_access_gateway():
    r, f = brocade.parse_switchshow(read(B, "switch_3.txt"), "switch_3.txt")
    assert f == []
    assert r.identity.mode == "Access Gateway Mode" and r.identity.domain is None
    by = {p.name: p for p in r.ports}
    assert by["1"].type == "F-Port" and by["1"].wwpns == ["50:01:43:80:26:65:92:bc"]
    assert by["17"].type == "N-Port" and by["17"].neighbour_wwn == "10:00:00:05:33:9b:d2:00"
    assert by["0"].comment == "(POD License Not Assigned Yet)"


def test_switchshow_virtual_fabric_via_fosexec():
    states, f = read_captures([B / "vf_switch_1.txt"])
    assert not [x for x in f if x.severity.rank >= 1]
    (st,) = states.values()
    assert st.name == "IDAA1C01"
    assert st.identity.fid == 99  # LS Attributes (and the fosexec --fid), not the banner's 128
    assert len(st.ports) == 5


# --------------------------------------------------------------------------- Cisco


def test_show_zone_plain_and_device_alias():
    r, f = cisco.parse_show_zone(read(C, "shzone_0.txt"), "shzone_0.txt")
    assert f == []
    db = r[923]
    assert db.zones["zoneA"].members == ["11:11:11:11:11:11:11:11", "test123"]
    assert db.zones["zoneB"].members == ["10:11:11:11:11:11:11:11", "62:62:62:62:21:21:21:21"]
    assert db.zones["zoneA"].tags == {}


def test_show_zone_smart_tag_both():
    r, f = cisco.parse_show_zone(read(C, "shzone_1.txt"), "shzone_1.txt")
    assert f == []
    assert r[922].zones["zoneA"].tags == {"test123": "both"}


def test_show_zone_bracket_names_with_dashes():
    r, f = cisco.parse_show_zone(read(C, "shzone_2.txt"), "shzone_2.txt")
    assert f == []
    db = r[221]
    assert len(db.zones["zv221"].members) == 5
    assert db.member_names["50:06:01:6a:47:e4:6e:59"] == "VNX_UNITY_235_SPB-1-2"
    assert db.member_names["21:01:00:1b:32:aa:ff:4a"] == "h189-dell-windows-bottom-p2"


def test_show_zone_bug339_init_after_alias():
    r, f = cisco.parse_show_zone(read(C, "shzone_bug339.txt"), "shzone_bug339.txt")
    assert f == []
    z = r[100].zones["SZ-WLD-IAAS1-HUABVA07"]
    assert len(z.members) == 4
    assert set(z.tags.values()) == {"init"} and len(z.tags) == 4


@pytest.mark.parametrize(
    "name,vsan,zs,zones",
    [
        ("shzoneset_0.txt", 922, "zsetname21", {"zone21A": 2, "zone21B": 3}),
        ("shzoneset_1.txt", 923, "zsetname1", {"zoneA": 2, "zoneB": 2}),
        ("shzoneset_2.txt", 221, "zsv221", {"zv221": 5}),
    ],
)
def test_show_zoneset(name, vsan, zs, zones):
    r, f = cisco.parse_show_zoneset(read(C, name), name)
    assert f == []
    db = r[vsan]
    assert db.configs == {zs: list(zones)}
    assert {n: len(z.members) for n, z in db.zones.items()} == zones
    assert db.effective is None


def test_show_zoneset_smart_tag():
    r, _ = cisco.parse_show_zoneset(read(C, "shzoneset_0.txt"), "x")
    assert r[922].zones["zone21A"].tags == {"11:11:11:11:11:11:11:11": "both"}
    assert r[922].zones["zone21B"].members[-1] == "somedummyname"


def test_show_zoneset_active_logged_in_members():
    r, f = cisco.parse_show_zoneset_active(read(C, "shzonesetactive_0.txt"), "x")
    assert f == []
    db = r[221]
    assert db.effective == "zsv221"
    assert db.configs == {"zsv221": ["zv221"]}
    z = db.zones["zv221"]
    assert len(z.members) == 5
    assert db.fcids == {
        "21:01:00:1b:32:a1:c0:a8": "0x2f0000",
        "10:00:00:90:fa:c7:da:42": "0xa90000",
        "21:01:00:1b:32:aa:50:4b": "0xd50000",
        "50:06:01:6a:47:e4:6e:59": "0xde0000",
    }
    assert "21:01:00:1b:32:aa:ff:4a" not in db.fcids  # offline member, no '*'
    assert db.member_names["21:01:00:1b:32:aa:ff:4a"] == "h189-dell-windows-bottom-p2"


@pytest.mark.parametrize(
    "name,vsan,mode,smart,default,active,zones,status_prefix",
    [
        ("shzonestatus_0.txt", 922, "basic", True, "deny", "zsetname21", 2, "Activation completed"),
        ("shzonestatus_1.txt", 922, "enhanced", False, "deny", "zsetname21", 2, "Set zoning mode"),
        (
            "shzonestatus_2.txt",
            923,
            "enhanced",
            False,
            "permit",
            "zsetname1",
            2,
            "Operation failed",
        ),
        ("shzonestatus_3.txt", 923, "basic", False, "permit", "zsetname1", 2, "Operation failed"),
        ("shzonestatus_4.txt", 221, "enhanced", False, "deny", "zsv221", 1, ""),
    ],
)
def test_show_zone_status(name, vsan, mode, smart, default, active, zones, status_prefix):
    r, f = cisco.parse_show_zone_status(read(C, name), name)
    assert f == []
    st = r[vsan]
    assert (st.mode, st.smart_zoning, st.default_zone) == (mode, smart, default)
    assert st.session == "none" and not st.busy
    assert (st.active_zoneset, st.active_zones, st.full_zones) == (active, zones, zones)
    assert st.db_max_bytes == 2097152
    assert (st.status or "").startswith(status_prefix)


def test_show_zone_status_failed_activation_joins_continuation():
    r, _ = cisco.parse_show_zone_status(read(C, "shzonestatus_2.txt"), "x")
    assert r[923].status.endswith("at 11:06:21 IST Jul  5 2019")
    assert r[923].distribute == "full" and r[923].full_db_bytes == 356


def test_show_zone_status_distribute_active_only():
    r, _ = cisco.parse_show_zone_status(read(C, "shzonestatus_0.txt"), "x")
    assert r[922].distribute == "active only" and r[922].interop == "default"
    assert r[922].active_db_bytes == 125 and r[922].db_used_bytes == 483


def test_show_device_alias_database_without_trailer():
    r, f = cisco.parse_show_device_alias_database(read(C, "shdadatabse.txt"), "x")
    assert r == {
        "test1_add": "56:02:22:11:22:88:11:67",
        "test2_add": "65:22:22:11:22:22:11:0d",
        "tieHost-1": "10:00:00:00:89:a1:01:01",
        "tieHost-2": "10:00:00:00:89:a1:01:02",
    }
    # the fixture lacks "Total number of entries": said, as a warning
    assert [(x.code, x.severity.value) for x in f] == [("ZP021", "warning")]


@pytest.mark.parametrize(
    "name,dist,mode,locked",
    [
        ("shdastatus.txt", True, "enhanced", None),
        ("shdastatus_mansi.txt", False, "basic", None),
        ("shdastatuslock.txt", True, "enhanced", "CLI/SNMPv3:admin"),
    ],
)
def test_show_device_alias_status(name, dist, mode, locked):
    r, f = cisco.parse_show_device_alias_status(read(C, name), name)
    assert f == []
    assert (r.distribution, r.mode, r.count, r.locked_by) == (dist, mode, 3831, locked)
    assert r.checksum == "0xdc7b6c6c124abd8fe28cf6a1ab293c"
    assert r.pending is (locked is not None)
    if locked:
        assert r.locked_swwn == "20:00:54:7f:ee:1b:13:f0"


def test_show_flogi_database_npiv():
    r, f = cisco.parse_show_flogi_database(read(C, "show_flogi_database_npiv.txt"), "x")
    assert f == []
    assert len(r) == 21
    on45 = [lg for lg in r if lg.port == "fc1/45"]
    assert len(on45) == 10
    assert on45[0].npiv is False and all(lg.npiv for lg in on45[1:])
    assert on45[0].alias is None  # the first fc1/45 login has no device-alias line
    assert on45[1].alias == "SERVER_C_PORT_1"
    assert r[0].alias == "SAN_PORT_1" and r[0].vsan == 10
    assert r[-1].wwpn == "aa:bb:cc:dd:ee:ff:02:00" and r[-1].alias == "DEV_SERVER_PORT_1"
    assert sum(1 for lg in r if lg.alias) == 20


def test_show_flogi_through_reader_names_switch_from_prompt():
    states, f = read_captures([C / "show_flogi_database_npiv.txt"])
    assert list(states) == ["SWITCH1"]
    assert len(states["SWITCH1"].logins) == 21
    assert all(lg.switch == "SWITCH1" for lg in states["SWITCH1"].logins.values())


def test_show_vsan():
    r, f = cisco.parse_show_vsan(read(C, "shvsan.txt"), "x")
    assert f == []
    assert sorted(r) == [1, 10, 221, 922, 923, 4079, 4094]
    assert (r[10].name, r[10].state, r[10].oper_state) == ("VsanAll", "suspended", "down")
    assert r[922].name == "vsan-SAN-A"
    assert r[4079].name == "evfp_isolated_vsan"


def test_show_vsan_membership():
    r, f = cisco.parse_show_vsan_membership(read(C, "shvsanmem.txt"), "x")
    assert f == []
    assert len(r[1]) == 35 and r[1][0] == "fc1/4" and r[1][-1] == "fc1/40"
    assert r[922] == ["fc1/1", "fc1/2", "fc1/3", "port-channel55"]
    assert r[10] == [] and r[4094] == ["port-channel145"]


def test_every_shared_capture_reads_without_parser_failure():
    for folder in (B, C):
        for p in sorted(folder.glob("*.txt")):
            states, f = read_captures([p])
            assert states, p
            assert not [x for x in f if x.code in ("ZP039", "ZP026", "ZP020")], (p, f)
