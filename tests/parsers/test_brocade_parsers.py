"""Brocade FOS parsers on the project's own fixtures: the odd cases and FOS 8/9 additions."""

from __future__ import annotations

from pathlib import Path

import pytest

from zoneplan.parsers import brocade

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "captures" / "brocade-fos"


def load(name: str) -> str:
    return (FIX / name).read_text()


def codes(findings) -> list[str]:
    return sorted(f.code for f in findings)


def test_fos9_cfgshow_peer_zone_di_mixed_case_and_long_names():
    r, f = brocade.parse_cfgshow(load("cfgshow/fos9_peer.txt"), "fos9.txt")
    assert f == []  # the `sw1:FID128:admin> cfgshow` prompt line is recognised
    d, e = r.defined, r.effective
    assert d.configs["PROD_A"] == [
        "z_esx01_array",
        "z_esx02_array",
        "pz_array_hosts",
        "z_legacy_di",
    ]
    pz = d.zones["pz_array_hosts"]
    assert pz.kind == "peer"
    assert pz.property_member == "00:02:00:00:00:03:00:02"
    assert pz.principals == ["array01_ctA_p0", "array01_ctB_p0"]
    assert pz.members == ["esx01_hba0", "esx02_hba0", "10:00:00:90:fa:c7:da:42"]
    assert d.zones["z_legacy_di"].members == ["1,5", "1,7", "2,12"]
    long = "ZoneWithAVeryLongNameThatFOSPrintsAloneOnItsLine_0001"
    assert d.zones[long].members == ["esx01_hba0", "array01_ctA_p0"]
    assert d.aliases["array01_ctA_p0"] == ["50:06:01:60:3b:a0:11:01"]
    assert d.aliases["esx01_hba0"] == ["21:00:00:24:ff:0c:58:37"]
    epz = e.zones["pz_array_hosts"]
    assert epz.kind == "peer"
    assert epz.principals == ["50:06:01:60:3b:a0:11:01", "50:06:01:68:3b:a0:11:01"]
    assert epz.members[-1] == "10:00:00:90:fa:c7:da:42"
    assert e.zones["z_legacy_di"].members == ["1,5", "1,7", "2,12"]
    assert e.configs["PROD_A"] == list(e.zones)
    assert d.complete and e.complete


def test_zoneshow_peerzone_layout():
    r, f = brocade.parse_zoneshow(load("zoneshow/peerzone.txt"), "zs.txt")
    assert codes(f) == []
    z = r.defined.zones["peer_test"]
    assert z.kind == "peer" and z.property_member == "00:02:00:00:00:03:00:03"
    assert z.principals == [
        "de:ad:be:ef:de:ad:be:ef",
        "de:ad:de:ad:be:ef:be:ef",
        "de:ad:be:ef:00:00:00:01",
    ]
    assert z.members == [
        "de:ad:be:ef:00:00:00:02",
        "de:ad:be:ef:00:00:00:03",
        "de:ad:be:ef:00:00:00:04",
    ]
    assert not r.whole  # `zoneshow --peerzone all` is not the whole database


def test_peer_zone_property_counts_more_principals_than_present():
    text = "Defined configuration:\n zone:\tpz\t00:02:00:00:00:03:00:05; a1; a2\n"
    text += " alias:\ta1\t21:00:00:24:ff:0c:58:37\n alias:\ta2\t21:00:00:24:ff:0c:58:38\n"
    text += "\nEffective configuration:\n no configuration in effect\n\n"
    r, f = brocade.parse_cfgshow(text, "x")
    assert codes(f) == ["ZP036"]
    assert not r.defined.complete


def test_peer_zone_alias_principal_counts_its_wwns():
    text = (
        "Defined configuration:\n"
        " zone:\tpz\t00:02:00:00:00:03:00:02; two_wwns; host1\n"
        " alias:\ttwo_wwns\t50:06:01:60:3b:a0:11:01; 50:06:01:68:3b:a0:11:01\n"
        " alias:\thost1\t21:00:00:24:ff:0c:58:37\n\n"
        "Effective configuration:\n no configuration in effect\n\n"
    )
    r, f = brocade.parse_cfgshow(text, "x")
    assert f == []
    z = r.defined.zones["pz"]
    assert z.principals == ["two_wwns"] and z.members == ["host1"]


def test_cut_member_list_is_truncation_not_a_smaller_zone():
    r, f = brocade.parse_cfgshow(load("cfgshow/cut_member_list.txt"), "cut.txt")
    assert "ZP021" in codes(f) and "ZP024" in codes(f)
    cut = [x for x in f if x.code == "ZP021"][0]
    assert cut.location.file == "cut.txt" and cut.location.line == 5 and cut.subject == "z2"
    assert not r.defined.complete
    assert r.effective is None  # unknown, not empty


def test_missing_effective_section():
    r, f = brocade.parse_cfgshow(load("cfgshow/no_effective.txt"), "ne.txt")
    assert codes(f) == ["ZP024"]
    assert f[0].location.line == 5
    assert r.effective is None and not r.defined.complete
    assert r.defined.zones["z1"].members == ["host1", "array1"]


def test_paging_prompt_is_removed_and_reported():
    r, f = brocade.parse_cfgshow(load("cfgshow/paged.txt"), "paged.txt")
    assert codes(f) == ["ZP022"]
    assert f[0].location.line == 5
    assert list(r.defined.zones) == ["z1", "z2"] and len(r.defined.aliases) == 3
    assert r.effective.configs == {"PROD_A": ["z1", "z2"]}


def test_error_line_and_half_wwn():
    r, f = brocade.parse_cfgshow(load("cfgshow/error_line.txt"), "err.txt")
    assert codes(f) == ["ZP023", "ZP029"]
    lines = {x.code: x.location.line for x in f}
    assert lines == {"ZP023": 5, "ZP029": 4}


def test_empty_configuration_is_complete_and_empty():
    r, f = brocade.parse_cfgshow(load("cfgshow/empty.txt"), "x")
    assert f == []
    assert r.defined.zones == {} and r.effective.effective is None
    assert r.defined.complete and r.effective.complete


def test_cfgactvshow():
    r, f = brocade.parse_cfgactvshow(load("cfgactvshow/openstack.txt"), "x")
    assert f == []
    assert r.defined is None
    assert r.effective.effective == "OpenStack_Cfg"
    z = r.effective.zones["openstack50060b0000c26604201900051ee8e329"]
    assert z.members == ["50:06:0b:00:00:c2:66:04", "20:19:00:05:1e:e8:e3:29"]


def test_alishow_with_continuation():
    r, f = brocade.parse_alishow(load("alishow/continuation.txt"), "x")
    assert f == []
    assert r.defined.aliases == {
        "esx01_hba0": ["21:00:00:24:ff:0c:58:37"],
        "esx01_both": ["21:00:00:24:ff:0c:58:37", "21:00:00:24:ff:0c:58:38"],
    }
    assert r.effective is None and not r.defined.complete  # aliases only, not the whole DB


def test_fos9_nsshow_extra_lines_and_npiv():
    r, f = brocade.parse_nsshow(load("nsshow/fos9.txt"), "ns.txt")
    assert f == []  # LSAN:, Device link speed:, NodeSymb: tolerated
    assert [lg.wwpn for lg in r] == [
        "51:40:2e:c0:01:bc:ea:0c",
        "20:70:00:c0:ff:51:2f:ea",  # upper case in the output
        "c0:50:76:09:5b:20:00:64",
    ]
    assert [lg.device_type for lg in r] == ["initiator", "target", "initiator"]
    assert [lg.npiv for lg in r] == [False, False, True]
    assert r[0].node_symbol == "QLE2692 FW:v8.08.03 DVR:v10.02.00.106-k"
    assert r[1].port_symbol == "HPE MSA 2050 SAN port"
    assert r[2].fcid == "0x0b0201" and r[2].port == "2"


def test_nsshow_r_scr_column_and_both_roles():
    r, f = brocade.parse_nsshow(load("nsshow/r_scr_column.txt"), "x")
    assert f == []
    assert r[0].wwpn == "50:06:01:65:3c:e0:20:1b" and r[0].device_type == "both"
    assert r[0].port == "7"


def test_nsshow_count_mismatch():
    text = load("nsshow/fos9.txt").replace("has 3 entries", "has 4 entries")
    _, f = brocade.parse_nsshow(text, "x")
    assert codes(f) == ["ZP031"]


def test_cfgsize():
    r, f = brocade.parse_cfgsize(load("cfgsize/basic.txt"), "x")
    assert f == []
    assert (r.max_bytes, r.available_bytes, r.committed_bytes, r.transaction_bytes) == (
        1045274,
        1043018,
        2256,
        0,
    )


def test_switchshow_dcx_trunk_lines():
    r, f = brocade.parse_switchshow(load("switchshow/dcx_trunk.txt"), "x")
    assert f == []
    assert r.identity.name == "dcx1" and r.identity.domain == 10 and r.identity.fid == 128
    by = {p.name: p for p in r.ports}
    assert by["3/0"].neighbour_name == "brocade8Gb"
    assert by["3/0"].comment == "(downstream)(Trunk master)"
    assert by["3/1"].type == "E-Port"
    assert by["3/1"].neighbour_wwn == by["3/0"].neighbour_wwn  # a trunk slave: its master's
    assert by["3/2"].wwpns == ["21:00:00:24:ff:0c:58:37"]
    assert by["3/3"].state == "No_Light"
    assert by["3/4"].comment == "Disabled (Persistent)"


@pytest.mark.parametrize(
    "text,code",
    [
        ("Defined configuration:\n cfg:\tc\tz1\n zone:\tz1\t", "ZP021"),  # entry, no members, EOF
        ("Defined configuration:\n zone:\tz1\th1; h2\n zone:\tz2\t50:06:01:60:3b", "ZP029"),
        ("", "ZP035"),
    ],
)
def test_cut_outputs_are_flagged(text, code):
    _, f = brocade.parse_cfgshow(text, "x")
    assert code in codes(f)


def test_crlf_and_ansi_are_repaired_and_noted():
    clean = load("cfgshow/paged.txt").replace("Type <CR> to continue, Q<CR> to stop: \n", "")
    want, f0 = brocade.parse_cfgshow(clean, "x")
    assert f0 == []
    dirty = clean.replace("\n", "\r\n").replace(" zone:", "\x1b[0m zone:", 1)
    got, f = brocade.parse_cfgshow(dirty, "x")
    assert codes(f) == ["ZP027", "ZP028"]
    assert got.defined.zones.keys() == want.defined.zones.keys()
    assert got.effective.configs == want.effective.configs


def test_unrecognised_line_zp025_and_duplicate_zp032():
    text = (
        "Defined configuration:\n"
        " zone:\tz1\th1\n"
        "something the parser does not know\n"
        " zone:\tz1\th2\n"
        " alias:\th1\t21:00:00:24:ff:0c:58:37\n"
        " alias:\th2\t21:00:00:24:ff:0c:58:38\n\n"
        "Effective configuration:\n no configuration in effect\n\n"
    )
    r, f = brocade.parse_cfgshow(text, "x")
    assert codes(f) == ["ZP025", "ZP032"]
    assert {x.code: x.location.line for x in f} == {"ZP025": 3, "ZP032": 4}
    assert r.defined.zones["z1"].members == ["h1", "h2"]  # both copies kept, none lost
