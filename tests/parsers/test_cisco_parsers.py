"""Cisco MDS parsers on the project's own fixtures: the odd cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from zoneplan.parsers import cisco

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "captures" / "cisco-mds"


def load(name: str) -> str:
    return (FIX / name).read_text()


def codes(findings) -> list[str]:
    return sorted(f.code for f in findings)


def test_zoneset_active_smart_tags_enhanced_device_alias_and_other_kinds():
    r, f = cisco.parse_show_zoneset_active(load("show_zoneset_active/vsan_10.txt"), "a.txt")
    assert f == []
    db = r[10]
    assert db.effective == "zs_fabA"
    assert db.configs == {"zs_fabA": ["z_esx01_unity", "z_smart", "z_enhanced_da"]}
    z1 = db.zones["z_esx01_unity"]
    assert z1.members == [
        "c0:50:76:09:5b:20:00:64",
        "50:06:01:61:47:e4:22:97",
        "50:06:01:69:47:e4:22:97",
    ]
    assert db.member_names["c0:50:76:09:5b:20:00:64"] == "esx01-hba0"
    smart = db.zones["z_smart"]
    assert smart.tags == {
        "20:00:00:25:b5:10:a0:00": "init",
        "50:06:01:61:47:e4:22:97": "target",
        "20:00:00:25:b5:10:a0:01": "init",
    }
    da = db.zones["z_enhanced_da"]
    assert da.members == [
        "esx02-hba0",
        "unity8174-spb0",
        "fcid 0x010203",
        "interface fc1/5 swwn 20:00:54:7f:ee:1b:13:f0",
    ]
    assert db.fcids["esx02-hba0"] == "0x3211cd"
    assert db.fcids["fcid 0x010203"] == "0x010203"
    assert "unity8174-spb0" not in db.fcids


def test_show_zone_fcalias_nesting_and_empty_zone():
    r, f = cisco.parse_show_zone(load("show_zone/fcalias.txt"), "z.txt")
    assert f == []
    db = r[50]
    nested = db.zones["z50_azplcbsx000652_san01-azsncbsx01_0ac"]
    assert nested.members == ["azplcbsx000652_san01", "azsncbsx01_c01_0a"]
    assert db.aliases == {
        "azplcbsx000652_san01": ["21:00:f4:e9:d4:57:6e:66"],
        "azsncbsx01_c01_0a": ["20:12:00:a0:98:fa:42:6e"],
    }
    assert db.zones["z50_empty"].members == []  # empty in the middle: a real empty zone
    assert db.zones["z50_da"].members == ["host-with-dash_01"]
    assert db.zones["z50_da"].tags == {"host-with-dash_01": "target"}


def test_zone_status_session_lock_single_session_no_active_db():
    r, f = cisco.parse_show_zone_status(load("show_zone_status/single_session.txt"), "s")
    assert f == []
    st = r[50]
    assert st.busy and st.session == "cli" and st.session_user == "admin"
    assert st.single_session == "enabled" and st.smart_zoning is True
    assert st.active_zoneset is None
    assert (st.full_zonesets, st.full_zones, st.full_aliases) == (1, 134, 106)
    assert (st.db_used_bytes, st.db_max_bytes) == (42620, 4000000)


def test_flogi_device_alias_with_dashes_and_npiv():
    r, f = cisco.parse_show_flogi_database(load("show_flogi_database/basic.txt"), "fl")
    assert f == []
    assert [lg.alias for lg in r] == [
        "esx01-hba0",
        "unity8174-spa1",
        None,
        "P011W01ILBEX001-H0",
        "a-b-c-d",
    ]
    assert [lg.npiv for lg in r] == [False, False, False, True, True]
    assert r[1].wwpn == "50:06:01:61:47:e4:22:97"  # upper case in the output
    assert r[3].fcid == "0x340001" and r[3].port == "fc1/7" and r[3].vsan == 10


def test_flogi_without_trailer_is_truncated():
    r, f = cisco.parse_show_flogi_database(load("show_flogi_database/cut.txt"), "fl")
    assert codes(f) == ["ZP021"]
    assert f[0].location.line == 7
    assert len(r) == 2


def test_flogi_count_mismatch():
    text = load("show_flogi_database/basic.txt").replace("= 5.", "= 6.")
    _, f = cisco.parse_show_flogi_database(text, "fl")
    assert codes(f) == ["ZP031"]


def test_fcns_database_table():
    r, f = cisco.parse_show_fcns_database(load("show_fcns_database/table.txt"), "ns")
    assert f == []
    assert [lg.device_type for lg in r] == ["initiator", "initiator", "both", "target", None]
    assert [lg.vendor for lg in r] == [None, "Emulex", "EMC", "Clariion", "NetApp"]
    assert r[0].alias == "VMW117174_HBA4" and r[0].fcid == "0x220097" and r[0].vsan == 1
    assert r[2].fc4 == "scsi-fcp:both 253"


def test_fcns_database_detail():
    r, f = cisco.parse_show_fcns_database(load("show_fcns_database/detail.txt"), "ns")
    assert f == []
    (lg,) = r
    assert lg.wwpn == "50:06:01:63:3b:64:04:1e" and lg.vendor == "Clariion"
    assert lg.wwnn == "50:06:01:60:bb:60:04:1e"
    assert lg.device_type == "target" and lg.port == "vfc9"
    assert lg.switch == "SGI17-SW2-34-NEX5020" and lg.fcid == "0x2200b5"
    assert lg.fabric_port_wwn == "20:08:00:0d:ec:cf:98:bf"


def test_interface_brief_new_layout():
    r, f = cisco.parse_show_interface_brief(load("show_interface_brief/new.txt"), "ib")
    assert f == []
    assert [p.name for p in r] == ["fc1/1", "fc1/5", "fc1/9"]
    assert (r[1].vsan, r[1].type, r[1].speed, r[1].logical_type, r[1].online) == (
        102,
        "F-Port",
        "32",
        "edge",
        True,
    )
    assert r[2].type == "E-Port" and r[2].port_channel == "55" and r[2].online
    assert r[0].type is None and not r[0].online


def test_interface_brief_old_layout():
    r, f = cisco.parse_show_interface_brief(load("show_interface_brief/old.txt"), "ib")
    assert f == []
    assert [(p.name, p.state, p.type, p.logical_type) for p in r] == [
        ("fc1/1", "up", "F-Port", None),
        ("fc1/3", "notConnected", None, None),
    ]


def test_running_config_zone_sections():
    r, f = cisco.parse_show_running_config(load("show_running-config/zone_sections.txt"), "rc")
    assert f == []
    assert r.device_aliases == {
        "esx01-hba0": "c0:50:76:09:5b:20:00:64",
        "unity-spa1": "50:06:01:61:47:e4:22:97",
    }
    eff, dfn = r.effective[102], r.defined[102]
    assert eff.effective == "zoneset02" and eff.configs == {"zoneset02": ["z_esx01"]}
    assert eff.zones["z_esx01"].tags == {"esx01-hba0": "init", "unity-spa1": "target"}
    assert dfn.configs == {"zoneset02": ["z_esx01", "z_new"]}
    assert dfn.zones["z_new"].members == ["fa_host", "50:06:01:61:47:e4:22:97"]
    assert dfn.aliases == {"fa_host": ["21:00:00:24:ff:0c:58:37"]}
    st = r.status[102]
    assert st.mode == "enhanced" and st.smart_zoning and st.active_zoneset == "zoneset02"
    assert r.vsans[102].name == "FAB-A" and r.vsans[102].interfaces == ["fc1/5"]


def test_device_alias_database_with_trailer_and_special_chars():
    r, f = cisco.parse_show_device_alias_database(load("show_device-alias_database/basic.txt"), "d")
    assert f == []
    assert r == {
        "esx01-hba0": "c0:50:76:09:5b:20:00:64",
        "unity$spa^1": "50:06:01:61:47:e4:22:97",
    }


@pytest.mark.parametrize(
    "text,code",
    [
        ("zoneset name zs vsan 1\n  zone name z1 vsan 1\n    pwwn 21:00:00:24:ff:0c", "ZP021"),
        ("zoneset name zs vsan 1\n  zone name z1 vsan 1\n", "ZP021"),
        ("zoneset name zs vsan 1\n  zone name z1 vsan 1\n  * fcid 0x01 [pwwn 21:00", "ZP021"),
        (
            "zoneset name zs vsan 1\n  zone name z1 vsan 1\n    pwwn 2:0 [x]\n"
            "  zone name z2 vsan 1\n    pwwn 21:00:00:24:ff:0c:58:37\n",
            "ZP029",
        ),
        ("% Invalid command at '^' marker.\n", "ZP023"),
        ("zoneset name zs vsan 1\n  zone name z1 vsan 1\n--More--\n", "ZP022"),
    ],
)
def test_bad_zoneset_active_outputs(text, code):
    _, f = cisco.parse_show_zoneset_active(text, "x")
    assert code in codes(f)
