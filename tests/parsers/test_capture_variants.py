"""Issue 13's variants of real switch output: what each must read as, beyond its fixture.

The fixtures under ``tests/fixtures/captures`` pin every parser's whole result; these tests
state the behaviour each variant is about (a trailing prompt is the end of an output, not a
cut; a ``;`` at the end of a wrapped line is not a cut; ...), on the fixtures and on
variations of them built here, so a regenerated expected file cannot hide a regression.
"""

from __future__ import annotations

import pytest

from tests.support.paths import FIXTURES
from zoneplan.parsers import brocade
from zoneplan.parsers.common import prepare

FIX = FIXTURES / "captures"


def load(rel: str) -> str:
    return (FIX / rel).read_bytes().decode("utf-8")


def codes(findings) -> list[str]:
    return sorted(f.code for f in findings)


# --------------------------------------------------------------------------- terminal around


@pytest.mark.parametrize(
    "tail",
    [
        "sw1:root> \n",
        "sw1:root>",
        "sw1:FID128:admin> \n",
        "sw1:admin> exit\nlogout\nConnection to 10.1.1.11 closed.\n",
        "MDS-1# \n",
        "core-1#  show zone status vsan 1\n",
        "exit\n",
        "Connection closed by foreign host.\n",
    ],
)
def test_what_follows_an_output_ends_it_and_is_no_cut(tail):
    base = load("brocade-fos/cfgshow/trailing_prompt.txt").rsplit("sw1:root>", 1)[0]
    base = base.rstrip("\n") + "\n"  # the last member line, no blank line after it
    r, f = brocade.parse_cfgshow(base + tail, "x")
    assert f == []
    assert r.defined.complete and r.effective.complete
    # without the tail, the same text ends on a member line with no final blank line: the
    # effective section is then only as complete as it looks (no complaint, it matches)
    t = prepare(base + tail, "x")
    assert t.ended and t.text.rstrip().endswith("50:06:01:60:3b:a0:11:01")


def test_a_member_list_cut_at_a_semicolon_stays_a_cut_without_a_prompt():
    text = load("brocade-fos/cfgshow/cut_member_list.txt")
    _, f = brocade.parse_cfgshow(text, "x")
    assert "ZP021" in codes(f)
    _, f = brocade.parse_cfgshow(text + "sw1:admin> \n", "x")
    assert "ZP021" not in codes(f)  # the switch printed its prompt: the list ended there


def test_semicolon_line_ends_crlf_and_mixed_line_ends_are_read_whole():
    r, f = brocade.parse_cfgshow(load("brocade-fos/cfgshow/semicolon_crlf_mixed.txt"), "x")
    assert codes(f) == ["ZP028"]  # line ends noted, nothing else
    d, e = r.defined, r.effective
    assert d.complete and e.complete  # so the audit can see the defined/effective drift
    assert d.configs["PROD_A"] == ["z_esx01_array01", "z_esx02_array01", "z_esx03_array01"]
    assert d.zones["z_esx02_array01"].members == ["esx02_hba0", "array01_ctA_p0", "array01_ctB_p0"]
    assert d.aliases["esx01_hba0"] == ["21:00:00:24:ff:0c:58:37"]  # upper case respelled
    assert e.zones["z_esx03_array01"].members == [
        "21:00:00:24:ff:0c:58:39",
        "50:06:01:60:3b:a0:11:01",
    ]


@pytest.mark.parametrize("sep", ["\r\n", "\r", "\n\r\n"])
def test_line_ends_of_any_kind_give_the_same_zoning(sep):
    clean = load("brocade-fos/cfgshow/trailing_prompt.txt")
    want, _ = brocade.parse_cfgshow(clean, "x")
    got, f = brocade.parse_cfgshow(clean.replace("\n", sep), "x")
    assert "ZP028" in codes(f)
    assert {n: z.members for n, z in got.effective.zones.items()} == {
        n: z.members for n, z in want.effective.zones.items()
    }
    assert got.defined.aliases == want.defined.aliases
    assert got.defined.complete and got.effective.complete


def test_console_messages_and_putty_header_are_skipped_with_one_note():
    r, f = brocade.parse_cfgshow(load("brocade-fos/cfgshow/raslog_putty.txt"), "x")
    assert codes(f) == ["ZP045"]
    assert r.defined.zones["z_esx01_array01"].members == ["esx01_hba0", "array01_ctA_p0"]
    assert r.effective.complete


def test_fos6_space_layout_with_domain_index_members():
    r, f = brocade.parse_cfgshow(load("brocade-fos/cfgshow/spaces_fos6.txt"), "x")
    assert f == []
    d, e = r.defined, r.effective
    assert d.configs["sw300cfg"][-1] == "NGNAPP_tape"
    assert d.aliases["NGNAPP2"] == ["1,3"]
    assert d.zones["NGNAPP_tape"].members == ["NGNAPP2", "1,16", "1,20"]
    assert e.zones["NGNAPP_tape"].members == ["1,3", "1,16", "1,20"]


def test_a_copy_without_indentation_is_still_read():
    r, f = brocade.parse_cfgshow(load("brocade-fos/cfgshow/collapsed_html.txt"), "x")
    assert f == []
    assert r.defined.configs["PROD_A"] == ["z_esx01_array01", "z_esx02_array01", "z_legacy"]
    assert r.defined.zones["z_esx02_array01"].members == ["esx02_hba0", "array01_ctA_p0"]
    assert r.effective.zones["z_legacy"].members == ["1,4", "1,5"]


def test_a_zone_printed_twice_keeps_the_members_of_both():
    r, f = brocade.parse_cfgshow(load("brocade-fos/cfgshow/zone_twice.txt"), "x")
    assert codes(f) == ["ZP032"]
    assert r.defined.zones["z_esx01_array01"].members == [
        "esx01_hba0",
        "array01_ctA_p0",
        "array01_ctB_p0",
    ]


# --------------------------------------------------------------------------- switchshow


def ports_of(rel: str) -> tuple:
    r, f = brocade.parse_switchshow(load(rel), "x")
    return r, {p.name: p for p in r.ports}, codes(f)


def test_fos5_area_layout_without_proto_reads_media_speed_and_wwpn():
    r, by, found = ports_of("brocade-fos/switchshow/area_fos5.txt")
    assert found == []
    assert r.identity.model == "200E" and r.identity.model_code == "34.0"
    assert by["0"].media == "id" and by["0"].speed == "N2" and by["0"].address is None
    assert by["0"].wwpns == ["20:24:00:a0:b8:26:11:a6"]
    assert by["3"].neighbour_name == "BRCD200E_B" and by["2"].state == "No_Light"


def test_fos6_blank_proto_npiv_count_and_segmented_isl():
    r, by, found = ports_of("brocade-fos/switchshow/area_blank_proto_fos6.txt")
    assert found == ["ZP045"]  # the RASlog line glued after the prompt
    assert r.identity.model == "300"
    assert by["0"].proto is None and by["0"].type == "F-Port"
    assert by["2"].npiv_count == 4 and by["2"].wwpns == []
    assert by["4"].type == "E-Port" and by["4"].neighbour_wwn is None
    assert "segmented" in by["4"].comment


def test_directors_name_ports_slot_port_and_trunk_slaves_inherit_their_master():
    r, by, found = ports_of("brocade-fos/switchshow/director_dcx4s_fos7.txt")
    assert found == []
    assert r.identity.director and r.identity.model == "DCX-4S"
    assert by["2/0"].index == 64 and by["2/0"].address == "5eefc0"
    assert by["2/1"].neighbour_wwn == "10:00:00:05:1e:b2:be:f6"
    assert by["2/3"].npiv_count == 2
    assert by["5/0"].address == "------" and by["5/0"].state == "No_Sync"
    r, by, found = ports_of("brocade-fos/switchshow/director_blank_proto_fos5.txt")
    assert found == [] and r.identity.model == "48000"
    assert by["1/13"].wwpns == ["10:00:00:00:c9:2b:4c:01"] and by["1/13"].proto is None
    assert by["2/1"].neighbour_name == "edge01"


def test_rows_wrapped_at_80_columns_keep_their_wwpn():
    r, by, found = ports_of("brocade-fos/switchshow/wrapped_80.txt")
    assert found == ["ZP046"]
    assert by["0"].wwpns == ["21:00:00:24:ff:0c:58:37"]
    assert by["4"].wwpns == ["50:0a:09:83:80:b4:5d:65"]
    assert by["2"].neighbour_name == "core-switch-A1"
    assert by["1"].npiv_count == 3
    assert r.identity.fid == 128 and r.identity.base_switch is False
    assert len(by) == 6


def test_access_gateway_and_fos3_rows():
    r, by, found = ports_of("brocade-fos/switchshow/ag_mode_fos7.txt")
    assert found == []
    assert r.identity.mode == "Access Gateway Mode" and r.identity.domain is None
    assert by["1"].wwpns == ["50:01:43:80:26:65:92:bc"] and by["1"].comment == "0x023102"
    assert by["17"].type == "N-Port" and by["17"].neighbour_wwn == "10:00:00:05:33:9b:d2:00"
    r, by, found = ports_of("brocade-fos/switchshow/fos3_no_header.txt")
    assert found == [] and r.identity.model == "3800"
    assert by["0"].wwpns == ["50:06:01:60:10:60:0a:73"] and by["3"].neighbour_name == "sw3800b"


def test_a_disabled_switch_keeps_its_domain_and_tab_after_speed():
    r, by, found = ports_of("brocade-fos/switchshow/disabled_unconfirmed.txt")
    assert found == []
    assert r.identity.domain == 1 and r.identity.model == "G620"
    assert by["0"].state == "No_Light" and by["0"].speed == "N32"


def test_every_switch_type_code_names_a_model_with_its_source():
    import yaml

    from zoneplan.packs import load_pack

    data = yaml.safe_load(load_pack("brocade-fos").file("switch-types.yaml").read_text())
    assert len(data["types"]) > 80
    for code, row in data["types"].items():
        assert row["model"] and row["source"], code
        assert brocade.switch_type(f"{code}.0").model == str(row["model"])
    assert brocade.switch_type("162.0").model == "G620"
    assert brocade.switch_type("garbage") is None and brocade.switch_type("9999.1") is None


# --------------------------------------------------------------------------- name server, fabric


def test_nsshow_plain_layout_spaces_after_semicolons_and_npiv_by_port():
    r, f = brocade.parse_nsshow(load("brocade-fos/nsshow/plain_spaces_npiv.txt"), "x")
    assert f == []
    assert [lg.wwpn for lg in r][:2] == ["10:00:00:00:c9:2b:4c:01", "c0:50:76:05:ab:cd:00:10"]
    assert [lg.npiv for lg in r] == [False, True, False, False]  # same Port Index, PID ..01
    assert r[2].port_type == "NL" and r[2].fc4.startswith("FCP [HP      Ultrium")
    assert "HN:esx01.example.com" in r[0].node_symbol


def test_nsshow_logins_behind_an_access_gateway():
    r, f = brocade.parse_nsshow(load("brocade-fos/nsshow/behind_gateway_fos8.txt"), "x")
    assert f == []
    gw, a, b = r
    assert gw.device_type is None  # Physical Unknown(initiator/target): nothing registered
    assert a.behind_gateway and b.behind_gateway and not gw.behind_gateway
    assert a.permanent_wwn == gw.wwpn and a.npiv and a.port == "49"


def test_counts_that_add_up():
    _, f = brocade.parse_nsshow(load("brocade-fos/nsshow/count_unreadable.txt"), "x")
    assert codes(f) == ["ZP029", "ZP031"]
    assert [x.message for x in f if x.code == "ZP031"] == [
        "nsshow says 3 entries: 1 read, 1 unreadable, 1 missing"
    ]
    _, f = brocade.parse_nscamshow(load("brocade-fos/nscamshow/count_short.txt"), "x")
    assert [x.message for x in f] == [
        "nscamshow: switch entry for domain 2 says count 3: 2 read, 1 missing"
    ]


def test_fabricshow_phantom_domains_ipv6_lines_and_islshow_variants():
    r, f = brocade.parse_fabricshow(load("brocade-fos/fabricshow/phantom_ipv6_fos8.txt"), "x")
    assert f == []
    assert [(m.domain, m.phantom, m.principal) for m in r.members] == [
        (1, False, True),
        (2, False, False),
        (160, True, False),
        (200, True, False),
    ]
    assert r.fabric_name == "PROD_FAB_A"
    isl, f = brocade.parse_islshow(load("brocade-fos/islshow/none.txt"), "x")
    assert isl == [] and f == []
    isl, f = brocade.parse_islshow(load("brocade-fos/islshow/fos8_wide_names.txt"), "x")
    assert f == [] and [(x.local_port, x.remote_port) for x in isl] == [(32, 0), (48, 4), (217, 18)]
    assert isl[0].flags == ["TRUNK", "QOS", "CR_RECOV", "FEC"]


# --------------------------------------------------------------------------- NX-OS


def test_flogi_layouts_fabricware_vfc_port_channel_collapsed_npiv():
    from zoneplan.parsers import cisco

    r, f = cisco.parse_show_flogi_database(
        load("cisco-mds/show_flogi_database/fabricware_no_vsan.txt"), "x"
    )
    assert f == []  # no VSAN column, `Total number of flogi = 3` without a period
    assert [(lg.port, lg.vsan) for lg in r] == [("fc1/3", 1), ("fc1/4", 1), ("fc1/7", 1)]
    r, f = cisco.parse_show_flogi_database(
        load("cisco-mds/show_flogi_database/nexus_vfc_port_channel.txt"), "x"
    )
    assert codes(f) == ["ZP045"]
    assert [lg.port for lg in r] == ["vfc1000", "port-channel1", "port-channel1", "fc2/1"]
    assert r[0].vsan == 1012 and r[1].alias == "ucs-esx01-vhba0"
    r, f = cisco.parse_show_flogi_database(
        load("cisco-mds/show_flogi_database/collapsed_spacing.txt"), "x"
    )
    assert f == [] and [lg.alias for lg in r] == ["vm1_P1", "vm2_P1", "msa_ctl_A1"]
    r, f = cisco.parse_show_flogi_database(
        load("cisco-mds/show_flogi_database/npiv_lif_sup.txt"), "x"
    )
    assert f == []  # 4 rows counted, the switch's own sup-fc0 login not returned
    assert [(lg.port, lg.npiv) for lg in r] == [
        ("fc1/21", False),
        ("fc1/21", True),
        ("fc1/22", False),
    ]
    assert r[2].alias == "esx-01$a^b"


def test_fcns_forms_domain_detail_fcid_local():
    from zoneplan.parsers import cisco

    r, f = cisco.parse_show_fcns_database(
        load("cisco-mds/show_fcns_database/domain_no_colon.txt"), "x"
    )
    assert f == [] and {lg.vsan for lg in r} == {1012}
    assert r[0].device_type == "initiator" and r[0].alias == "SRV_POD12"
    assert r[1].vendor is None and r[1].device_type == "target"  # blank VENDOR column
    assert r[3].vendor == "Interphase" and r[3].fc4 is None
    r, f = cisco.parse_show_fcns_database(
        load("cisco-mds/show_fcns_database/detail_lowercase_npv.txt"), "x"
    )
    assert f == []  # 4 entries: 3 devices and the switch's own (sup-fc0), not returned
    assert [lg.port for lg in r] == ["fc1/22", "fc1/24", "fc1/24"]
    assert r[1].node_ip == "10.9.8.21" and r[1].node_symbol == "npv-edge-1"
    assert r[2].alias == "esx-07_hba1" and r[2].permanent_wwn == "20:05:00:0d:ec:b1:22:40"
    assert {lg.switch for lg in r} == {"MDS-CORE"}
    r, f = cisco.parse_show_fcns_database(
        load("cisco-mds/show_fcns_database/fcid_detail_vsan.txt"), "x"
    )
    assert f == [] and len(r) == 1 and r[0].fcid == "0x693c00"
    r, f = cisco.parse_show_fcns_database(load("cisco-mds/show_fcns_database/local.txt"), "x")
    assert f == [] and len(r) == 2


def test_zone_members_that_are_ports_are_kept_as_ports():
    from zoneplan.parsers import cisco

    r, f = cisco.parse_show_zone(load("cisco-mds/show_zone/port_members.txt"), "x")
    assert f == []
    db = r[1]
    assert db.aliases["C1_1_P1"] == ["interface fc1/1 swwn 20:00:00:3a:9c:c9:1b:c0"]
    assert db.aliases["ARRAY_SPA0"] == ["interface fc1/9 swwn 20:00:00:3a:9c:c9:1b:c0"]
    assert db.zones["Z_HOST2_ARRAY"].members[:3] == [
        "interface fc1/2 domain-id 34",
        "interface port-channel3 domain-id 34",
        "fcid 0x220300",
    ]
    r, f = cisco.parse_show_zoneset_active(
        load("cisco-mds/show_zoneset_active/port_members.txt"), "x"
    )
    assert f == []
    z = r[1].zones["Z_HOST1_ARRAY"]
    assert z.members == [
        "interface fc1/1 swwn 20:00:00:3a:9c:c9:1b:c0",  # two devices there: one member
        "interface fc1/9 swwn 20:00:00:3a:9c:c9:1b:c0",
    ]


def test_a_zone_twice_in_a_zoneset_loses_no_member():
    from zoneplan.parsers import cisco

    r, f = cisco.parse_show_zoneset(load("cisco-mds/show_zoneset/zone_twice.txt"), "x")
    assert codes(f) == ["ZP032", "ZP032"]
    db = r[20]
    assert db.configs == {"zs_fabB": ["z_esx01_array"], "zs_old": ["z_esx01_array"]}
    assert db.zones["z_esx01_array"].members == [
        "21:00:00:24:ff:0c:58:38",
        "50:06:01:68:3b:a0:11:01",
        "50:06:01:60:3b:a0:11:01",
    ]


def test_zone_active_takes_its_name_from_the_zone_status(tmp_path):
    from zoneplan.parsers.capture import read_captures

    log = tmp_path / "n5k.log"
    log.write_text(
        load("cisco-mds/show_zone_active/vsan_1012.txt")
        + "N5K-12# show zone status vsan 1012\n"
        + "VSAN: 1012 default-zone: deny distribute: active only Interop: default\n"
        + "    mode: basic merge-control: allow\n    session: none\n"
        + "Active Zoning Database :\n    Name: DCFNDU  Zonesets:1 Zones:2\n"
    )
    states, f = read_captures([log])
    eff = states["N5K-12"].zoning[1012].effective
    assert eff.effective == "DCFNDU" and eff.configs["DCFNDU"] == list(eff.zones)
    assert eff.complete and "ZP031" not in codes(f)
    alone = tmp_path / "alone.log"
    alone.write_text(load("cisco-mds/show_zone_active/vsan_1012.txt"))
    states, _ = read_captures([alone])
    assert not states["N5K-12"].zoning[1012].effective.complete  # which zoneset: unknown


def test_zone_status_variants():
    from zoneplan.parsers import cisco

    r, f = cisco.parse_show_zone_status(
        load("cisco-mds/show_zone_status/n5k_basic_no_active.txt"), "x"
    )
    assert f == [] and r[1012].active_zoneset is None and r[1012].distribute == "active only"
    r, f = cisco.parse_show_zone_status(
        load("cisco-mds/show_zone_status/multi_vsan_failed.txt"), "x"
    )
    assert f == [] and sorted(r) == [1, 20]
    assert r[1].full_zones == 0 and r[1].active_zones == 2  # full DB smaller than the active
    assert r[20].interop == "100" and r[20].status.startswith("Operation failed")


# --------------------------------------------------------------------------- capture paths
# (variants found by tests/parsers/test_capture_shapes.py; each has its fixture)


def test_flogi_alias_survives_a_syslog_line_a_pager_and_trailing_blanks():
    from zoneplan.parsers import cisco

    r, f = cisco.parse_show_flogi_database(
        load("cisco-mds/show_flogi_database/syslog_pager_blanks.txt"), "x"
    )
    assert codes(f) == ["ZP027", "ZP028", "ZP045"]  # notes only: nothing lost
    assert [(lg.port, lg.alias) for lg in r] == [
        ("fc1/3", "ora-db1-hba0"),  # the syslog line came between the row and its alias
        ("fc1/4", "ora-db1-hba1"),  # --More-- erased by CR + erase-line before the alias
        ("fc1/9", None),
    ]


def test_lines_an_80_column_terminal_wrapped_are_joined_back_on_nxos():
    from zoneplan.parsers import cisco

    r, f = cisco.parse_show_fcns_database(
        load("cisco-mds/show_fcns_database/detail_wrapped_80.txt"), "x"
    )
    assert codes(f) == ["ZP046"]
    assert r[0].node_symbol.endswith("HN:ora-db1.example.com OS:Linux")
    assert r[0].port_symbol.endswith("on ora-db1.example.com") and r[0].port == "fc1/3"
    r, f = cisco.parse_show_zone_status(
        load("cisco-mds/show_zone_status/status_wrapped_80.txt"), "x"
    )
    assert codes(f) == ["ZP046"]
    assert r[20].status == (
        "Operation failed: [Error: WARNING: Specified zoneset already active and unchanged]:"
        " at 09:20:41 UTC Dec  1 2026"
    )


def test_carriage_returns_alone_end_lines_and_the_output_is_whole():
    from zoneplan.parsers import cisco

    r, f = cisco.parse_show_zoneset_active(load("cisco-mds/show_zoneset_active/bare_cr.txt"), "x")
    assert codes(f) == ["ZP028"]
    assert r[20].complete and list(r[20].zones) == ["z_ora_db1_pure", "z_ora_db1_pure_b"]


def test_a_script_log_paged_by_more_and_ended_by_exit_reads_whole(tmp_path):
    from zoneplan.parsers.capture import read_captures

    text = load("brocade-fos/cfgshow/script_log_more_exit.txt")
    r, f = brocade.parse_cfgshow(text, "x")
    assert codes(f) == ["ZP027", "ZP028"]  # `| more` filters nothing: not ZP030
    assert r.whole and r.defined.complete and r.effective.complete
    assert r.defined.aliases["ora_db1_hba1"] == ["21:00:00:24:ff:7a:31:03"]  # after the pager
    log = tmp_path / "fab-a-sw1.log"
    log.write_bytes(text.encode())
    states, f = read_captures([log])
    assert list(states) == ["fab-a-sw1"]  # the script(1) header is no switch of its own
    assert not {"ZP026", "ZP034", "ZP035"} & set(codes(f))  # `exit` is no unknown command


def test_a_peer_zone_copied_with_spaces_for_tabs_keeps_its_principals():
    r, f = brocade.parse_cfgshow(load("brocade-fos/cfgshow/peer_spaces.txt"), "x")
    assert f == []
    z = r.effective.zones["pz_pure_hosts"]
    assert z.kind == "peer" and z.property_member == "00:02:00:00:00:03:00:01"
    assert z.principals == ["52:4a:93:7e:47:1d:ce:02"]
    assert z.members == ["21:00:00:24:ff:7a:40:21", "21:00:00:24:ff:7a:40:22"]


# --------------------------------------------------------------------------- FOS zoning shapes


def test_a_show_of_a_name_that_matches_nothing_is_an_answer_not_a_cut():
    # `"NAME" does not exist.`: brocade/ansible#114 (`alishow "A_ANSIBLE_TEST_01"`)
    r, f = brocade.parse_alishow(load("brocade-fos/alishow/absent_name.txt"), "x")
    assert f == [] and not r.whole and r.defined is None


def test_zoneshow_with_a_pattern_is_a_subset_not_a_cut_output():
    text = load("brocade-fos/zoneshow/pattern_no_headers.txt")
    for t in (text, text.split("\n", 1)[1]):  # with and without the echoed command
        r, f = brocade.parse_zoneshow(t, "x")
        assert f == [] and not r.whole and not r.defined.complete
        assert r.defined.zones["z_ora_db1_pure_b"].members == ["ora_db1_hba1", "pure_ct1_fc0"]


def test_cfgactvshow_is_the_whole_effective_configuration_even_when_none_is_in_effect():
    r, f = brocade.parse_cfgactvshow(load("brocade-fos/cfgactvshow/none_in_effect.txt"), "x")
    assert f == [] and r.effective.effective is None and r.effective.complete
    r, f = brocade.parse_cfgactvshow(load("brocade-fos/cfgactvshow/openstack.txt"), "x")
    assert f == [] and r.effective.complete and not r.whole  # no defined database in it


def test_newer_fos_glues_the_name_to_its_keyword():
    # `zone:z_name` (jconsoli/brcddb util/parse_cli.py 4.0.8: "newer versions of FOS do not
    # have a space between the ':' after a key word and the operand")
    r, f = brocade.parse_cfgshow(load("brocade-fos/cfgshow/fos9_glued_keywords.txt"), "x")
    assert f == [] and r.whole
    assert r.defined.configs["FAB_B"] == ["z_ora_db2_pure", "z_ora_db2_tape"]
    assert r.effective.zones["z_ora_db2_tape"].members == ["21:00:f4:e9:d4:57:6e:10", "2,17"]


def test_a_cfg_member_line_an_80_column_terminal_wrapped_is_joined_back():
    r, f = brocade.parse_cfgshow(load("brocade-fos/cfgshow/wrapped_80_members.txt"), "x")
    assert codes(f) == ["ZP046"]
    assert r.defined.configs["FAB_A_PROD"] == [
        "z_oracle_rac_node01_hba0__pure_x70_ct0_fc0",
        "z_oracle_rac_node02_hba0__pure_x70_ct0_fc0",  # split at column 80 in the capture
    ]
    assert r.whole and r.effective.complete


def test_a_copy_that_collapsed_the_blanks_is_read_with_what_it_lost_said():
    from zoneplan.parsers import cisco

    r, f = cisco.parse_show_zone(load("cisco-mds/show_zone/fcalias_collapsed.txt"), "x")
    assert codes(f) == ["ZP047"]  # the fcalias's nesting is gone: said, not guessed silently
    db = r[20]
    assert db.aliases["ora_db1_hba0"] == ["21:00:00:24:ff:7a:31:02"]  # up to the blank line
    assert db.zones["z_ora_db1_pure"].members == ["ora_db1_hba0", "52:4a:93:7e:47:1d:ce:01"]
    assert db.zones["z_ora_db1_tape"].members[1] == "interface fc1/12 swwn 20:00:00:de:fb:a1:02:00"
    r, f = cisco.parse_show_interface_description(
        load("cisco-mds/show_interface_description/collapsed.txt"), "x"
    )
    assert f == [] and r == {"fc1/1": "ora-db1 hba0 port 1", "fc1/2": "", "fc1/12": "LTO8 drive 3"}


# --------------------------------------------------------------------------- printed twice
# issue 13: "A zone listed twice in a zoneset, or defined twice: both kept and a finding
# raised, no member lost"


def test_an_nxos_fcalias_printed_twice_keeps_both_copies_members():
    from zoneplan.parsers import cisco

    dbs, f = cisco.parse_show_fcalias(load("cisco-mds/show_fcalias/alias_twice.txt"), "x")
    # the union in order: the first copy's, then what the second adds
    assert dbs[50].aliases["host1_p0"] == ["21:00:f4:e9:d4:57:6e:66", "21:00:f4:e9:d4:57:6e:67"]
    assert dbs[50].aliases["array_spa"][1] == "interface fc1/7 swwn 20:00:00:05:9b:21:4c:80"
    assert dbs[60].aliases["host1_p0"] == ["21:00:f4:e9:d4:57:6e:68"]  # another VSAN's own
    assert [(x.code, x.subject, x.location.line) for x in f] == [("ZP032", "host1_p0", 9)]


def test_an_nxos_fcalias_used_in_two_zones_is_one_fcalias_without_a_finding():
    from zoneplan.parsers import cisco

    one = "  zone name {z} vsan 5\n    fcalias name a vsan 5\n      pwwn {w}\n"
    text = "zoneset name s vsan 5\n" + one.format(z="z1", w="21:00:00:24:ff:0c:58:37")
    text += one.format(z="z2", w="21:00:00:24:ff:0c:58:38")  # an edited copy: a member added
    dbs, f = cisco.parse_show_zoneset(text, "x")
    assert dbs[5].aliases["a"] == ["21:00:00:24:ff:0c:58:37", "21:00:00:24:ff:0c:58:38"]
    assert f == []  # nested, an fcalias is printed in every zone using it


def test_an_nxos_device_alias_printed_twice_names_both_pwwns_and_keeps_the_first():
    from zoneplan.findings import Severity
    from zoneplan.parsers import cisco

    text = load("cisco-mds/show_device-alias_database/name_twice.txt")
    got, f = cisco.parse_show_device_alias_database(text, "x")
    assert got == {
        "esx01-hba0": "c0:50:76:09:5b:20:00:64",
        "unity$spa^1": "50:06:01:61:47:e4:22:97",
    }
    assert codes(f) == ["ZP032", "ZP032"]  # four lines, four entries: no count mismatch
    clash = f[0]
    assert clash.severity is Severity.ERROR and clash.subject == "esx01-hba0"
    assert "c0:50:76:09:5b:20:00:64" in clash.message and "c0:50:76:09:5b:20:00:66" in clash.message
    assert "first" in clash.message and clash.location.line == 4
    assert f[1].severity is Severity.WARNING and f[1].subject == "unity$spa^1"


@pytest.mark.parametrize(
    "second, finding",
    [
        ("", False),  # the same port members: one zone in two zonesets
        ("    interface fc1/9 swwn 20:00:00:05:9b:21:4c:80\n", True),  # truly different
    ],
)
def test_an_nxos_port_zone_in_two_zonesets_is_compared_copy_with_copy(second, finding):
    from zoneplan.parsers import cisco

    text = load("cisco-mds/show_zoneset/port_zone_twice.txt").replace(
        "mds1# \n", second + "mds1# \n"
    )
    dbs, f = cisco.parse_show_zoneset(text, "x")
    members = dbs[20].zones["z_esx01_ports"].members
    assert members[:3] == [
        "interface fc1/5 swwn 20:00:00:05:9b:21:4c:80",
        "interface fc1/6 swwn 20:00:00:05:9b:21:4c:80",
        "array_spa",
    ]
    assert members[3:] == ([second.strip()] if second else [])  # no member lost
    assert codes(f) == (["ZP032"] if finding else [])
    assert dbs[20].configs == {"zs_fabB": ["z_esx01_ports"], "zs_old": ["z_esx01_ports"]}


@pytest.mark.parametrize("header", ["", "Effective configuration:\n"])
def test_cfgactvshow_checks_effective_members_with_or_without_its_header(header):
    text = header + load("brocade-fos/cfgactvshow/no_header.txt")
    r, f = brocade.parse_cfgactvshow(text, "x")
    bad = [x for x in f if x.code == "ZP029"]
    assert [x.subject or x.message for x in bad] and "esx01_hba0" in bad[0].message
    assert codes(f) == ["ZP029"]
    z = r.effective.zones["z_esx01_array01"]
    assert z.members[-1] == "50:06:01:60:3b:a0:11:01"  # upper case respelled, as cfgshow's
    assert r.effective.configs == {"PROD_A": ["z_esx01_array01", "z_esx02_array01"]}


def test_a_device_alias_twice_in_running_config_keeps_the_first_and_says_so():
    from zoneplan.findings import Severity
    from zoneplan.parsers import cisco

    text = (
        "device-alias database\n"
        "  device-alias name esx01-hba0 pwwn c0:50:76:09:5b:20:00:64\n"
        "  device-alias name esx01-hba0 pwwn c0:50:76:09:5b:20:00:66\n"
        "\ndevice-alias commit\n"
    )
    rc, f = cisco.parse_show_running_config(text, "x")
    assert rc.device_aliases == {"esx01-hba0": "c0:50:76:09:5b:20:00:64"}
    dup = [x for x in f if x.code == "ZP032"]
    assert len(dup) == 1 and dup[0].severity is Severity.ERROR
    assert "c0:50:76:09:5b:20:00:66" in dup[0].message and dup[0].location.line == 3


def test_a_zone_fcalias_and_zoneset_twice_in_running_config_keep_every_member():
    from zoneplan.parsers import cisco

    a, b, c = "21:00:00:24:ff:0c:58:37", "50:06:01:60:3e:a0:11:22", "21:00:00:24:ff:0c:58:38"
    text = (
        "!Full Zone Database Section for vsan 10\n"
        f"fcalias name fa1 vsan 10\n  member pwwn {a}\n"
        f"zone name z1 vsan 10\n  member pwwn {a}\n  member pwwn {b}\n"
        "zoneset name zs1 vsan 10\n  member z1\n"
        f"fcalias name fa1 vsan 10\n  member pwwn {a}\n  member pwwn {c}\n"
        f"zone name z1 vsan 10\n  member pwwn {b}\n  member pwwn {c}\n"
        "zoneset name zs1 vsan 10\n  member z1\n  member z2\n"
    )
    rc, f = cisco.parse_show_running_config(text, "x")
    db = rc.defined[10]
    assert db.aliases["fa1"] == [a, c]
    assert db.zones["z1"].members == [a, b, c]
    assert db.configs["zs1"] == ["z1", "z2"]
    dup = [x for x in f if x.code == "ZP032"]
    assert [x.location.line for x in dup] == [9, 12, 15]
    assert all("members of both are kept" in x.message for x in dup)
