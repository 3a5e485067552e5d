"""The capture reader: file layouts, prompt splitting, dispatch through the catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from zoneplan.parsers import PARSERS
from zoneplan.parsers.capture import FEEDS, read_capture_text, read_captures
from zoneplan.parsers.catalogue import commands, for_vendor, match

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "captures"
BF = FIX / "brocade-fos"
CM = FIX / "cisco-mds"


def codes(findings) -> list[str]:
    return sorted(f.code for f in findings)


def test_catalogue_names_only_registered_parsers_and_feeds():
    cmds = commands()
    assert {c.vendor for c in cmds} == {"brocade", "cisco"}
    for c in cmds:
        assert c.parser in PARSERS and c.feeds in FEEDS, c
    assert {c.name for c in for_vendor("brocade") if c.collect} >= {
        "cfgshow",
        "nsshow",
        "switchshow",
        "cfgtransshow",
    }
    assert "show zoneset active" in {c.name for c in for_vendor("cisco") if c.collect}


@pytest.mark.parametrize(
    "line,name,vsan,filtered,partial",
    [
        ("cfgshow", "cfgshow", None, False, False),
        ("cfgshow | grep -e cfg:", "cfgshow", None, True, False),
        ("zoneshow z1", "zoneshow", None, False, True),
        ("nsshow -r", "nsshow", None, False, False),
        ("sh zoneset active vsan 10", "show zoneset active", 10, False, False),
        ("show zoneset vsan 922", "show zoneset", 922, False, False),
        ("show zone vsan 5", "show zone", 5, False, False),
        ("show zone status vsan 5", "show zone status", 5, False, False),
        ("show flogi database | no-more", "show flogi database", None, False, False),
        ("show run", "show running-config", None, False, False),
        ("show fcns database detail", "show fcns database", None, False, False),
        ("fosexec --fid 99 -cmd 'switchshow'", "switchshow", None, False, False),
    ],
)
def test_command_matching(line, name, vsan, filtered, partial):
    m = match(line)
    assert m is not None
    assert (m.command.name, m.vsan, m.filtered, m.partial) == (name, vsan, filtered, partial)


@pytest.mark.parametrize("line", ["portperfshow", "show zoneset brief", "show zoneset actve"])
def test_unknown_commands(line):
    assert match(line) is None


def test_file_names_with_copy_numbers_and_vsan():
    assert match("cfgshow 2", from_filename=True).command.name == "cfgshow"
    m = match("show zoneset active vsan 10", from_filename=True)
    assert m.command.name == "show zoneset active" and m.vsan == 10


def _brocade_folder(root: Path) -> None:
    sw1 = root / "fabA" / "sw1"
    sw1.mkdir(parents=True)
    (sw1 / "cfgshow.txt").write_text((BF / "cfgshow/fos9_peer.txt").read_text())
    # without its prompt line (a prompt naming a host makes its own switch group)
    (sw1 / "nsshow.txt").write_text((BF / "nsshow/fos9.txt").read_text().split("\n", 1)[1])
    (sw1 / "switchshow.txt").write_text(
        "switchName:\tsw1\nswitchDomain:\t11\nswitchWwn:\t10:00:00:05:1e:00:00:01\n\n"
        "Index Port Address Media Speed State     Proto\n"
        "==============================================\n"
        "  0   0   0b0000   id    N16  Online      FC  F-Port  51:40:2e:c0:01:bc:ea:0c\n"
        "  1   1   0b0100   id    N16  Online      FC  F-Port  20:70:00:c0:ff:51:2f:ea\n"
        "  2   2   0b0200   id    N16  Online      FC  F-Port  1 N Port + 1 NPIV public\n"
    )
    (sw1 / "cfgtransshow.txt").write_text(
        "Current transaction token is 0xfffff0\nIt is abortable\n"
    )
    # a terminal log with another switch, plus an unknown command in between
    (root / "fabA" / "session.log").write_text(
        "sw2:FID128:admin> switchshow\n"
        "switchName:\tsw2\nswitchDomain:\t12\n"
        "sw2:FID128:admin> licenseshow\n"
        "Fabric Vision license\n"
        "sw2:FID128:admin> cfgtransshow\n"
        "There is no outstanding zoning transaction\n"
        "sw2:FID128:admin> cfgshow\n"
        "Defined configuration:\n"
        " cfg:\tPROD_A\tz1\n"
        " zone:\tz1\th1; 1,5\n"
        " alias:\th1\t21:00:00:24:ff:0c:58:37\n"
        "\n"
        "Effective configuration:\n"
        " cfg:\tPROD_A\t\n"
        " zone:\tz1\t\n"
        "\t\t21:00:00:24:ff:0c:58:37\n"
        "\t\t1,5\n"
        "\n"
        "sw2:FID128:admin> \n"
    )


def test_brocade_folder_per_switch_and_terminal_log(tmp_path):
    _brocade_folder(tmp_path)
    states, f = read_captures([tmp_path / "fabA"])
    assert sorted(states) == ["sw1", "sw2"]
    sw1, sw2 = states["sw1"], states["sw2"]
    assert sw1.vendor == sw2.vendor == "brocade"
    assert sw1.identity.domain == 11 and sw2.identity.domain == 12
    z = sw1.zoning[0]
    assert z.defined.zones["pz_array_hosts"].kind == "peer"
    assert z.effective.effective == "PROD_A"
    assert sw1.transaction.state == "open" and sw1.transaction.abortable is True
    assert sw2.transaction.state == "none"
    assert sw2.zoning[0].effective.zones["z1"].members == ["21:00:00:24:ff:0c:58:37", "1,5"]
    # logins tied to ports by index, named by the switch
    lg = sw1.logins[(0, "51:40:2e:c0:01:bc:ea:0c")]
    assert (lg.switch, lg.port) == ("sw1", "0")
    assert sw1.ports["2"].wwpns == ["c0:50:76:09:5b:20:00:64"]  # the NPIV login on port 2
    assert sw1.ports["2"].npiv_count == 1
    # the `licenseshow` section is reported, with its file line
    unk = [x for x in f if x.code == "ZP026"]
    assert len(unk) == 1 and unk[0].location.line == 4
    assert unk[0].location.file.endswith("session.log")
    assert {"zoning_defined", "zoning_effective", "logins", "identity", "transaction"} <= set(
        sw1.seen
    )
    assert "logins" not in sw2.seen  # not captured: audit must not call logins missing


def test_finding_lines_are_file_lines_in_a_log(tmp_path):
    log = tmp_path / "mds.log"
    log.write_text(
        "mds1# show switchname\n"
        "mds1\n"
        "mds1# show flogi database\n"
        + (CM / "show_flogi_database/cut.txt").read_text().split("\n", 1)[1]
    )
    states, f = read_captures([log])
    assert list(states) == ["mds1"]
    trunc = [x for x in f if x.code == "ZP021"]
    assert len(trunc) == 1
    assert trunc[0].location.file == str(log) and trunc[0].location.line == 9


def test_cisco_folder_zone_status_cross_check(tmp_path):
    d = tmp_path / "mds1"
    d.mkdir()
    (d / "show_zoneset_active_vsan_10.txt").write_text(
        (CM / "show_zoneset_active/vsan_10.txt").read_text().split("\n", 1)[1]
    )
    (d / "show_zone_status_vsan_10.txt").write_text(
        "VSAN: 10 default-zone: deny distribute: full Interop: default\n"
        "    mode: enhanced merge-control: allow\n"
        "    session:  none\n"
        "Active Zoning Database :\n"
        "    DB Size: 136 bytes\n"
        "    Name: zs_fabA Zonesets: 1 Zones: 4\n"
    )
    (d / "show_flogi_database.txt").write_text((CM / "show_flogi_database/basic.txt").read_text())
    (d / "show_interface_brief.txt").write_text((CM / "show_interface_brief/new.txt").read_text())
    states, f = read_captures([d])
    (st,) = states.values()
    assert st.vendor == "cisco"
    mism = [x for x in f if x.code == "ZP031"]
    assert len(mism) == 1 and "4 active zones" in mism[0].message
    assert not st.zoning[10].effective.complete
    assert st.zoning[10].status.mode == "enhanced"
    # flogi logins on ports from show interface brief
    assert st.logins[(10, "c0:50:76:09:5b:20:00:64")].port == "fc1/5"
    assert st.ports["fc1/5"].wwpns == ["c0:50:76:09:5b:20:00:64"]


def test_mixed_vendors_in_one_switch_folder(tmp_path):
    d = tmp_path / "sw"
    d.mkdir()
    (d / "cfgshow.txt").write_text((BF / "cfgshow/empty.txt").read_text())
    flogi = (CM / "show_flogi_database/basic.txt").read_text().split("\n", 1)[1]
    (d / "show_flogi_database.txt").write_text(flogi)
    _, f = read_captures([d])
    assert "ZP038" in codes(f)


def test_prompt_host_makes_its_own_switch(tmp_path):
    d = tmp_path / "sw"
    d.mkdir()
    (d / "nsshow.txt").write_text((BF / "nsshow/fos9.txt").read_text())
    states, _ = read_captures([d])
    assert list(states) == ["SanASw1"] and len(states["SanASw1"].logins) == 3


def test_duplicate_command_output(tmp_path):
    d = tmp_path / "sw9"
    d.mkdir()
    (d / "cfgtransshow.txt").write_text("There is no outstanding zoning transaction\n")
    (d / "log.txt").write_text("sw9:admin> cfgtransshow\nCurrent transaction token is 7\n")
    states, f = read_captures([d])
    assert "ZP033" in codes(f)
    assert states["sw9"].transaction.token == "7"  # the later one


def test_unknown_and_unreadable_files(tmp_path):
    (tmp_path / "notes.txt").write_text("just some notes\n")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02")
    states, f = read_captures([tmp_path, tmp_path / "missing"])
    assert states == {}
    assert codes(f) == ["ZP020", "ZP020", "ZP026"]


def test_invalid_command_error_is_reported():
    states, f = read_captures([CM / "show_zoneset/invalid_command.txt"])
    assert states == {}
    assert codes(f) == ["ZP023", "ZP026"]


def test_content_sniffing_and_unnamed_switch():
    text = (CM / "show_interface_brief/old.txt").read_text()
    states, f = read_capture_text(text, "paste.txt", switch="mdsX")
    assert list(states) == ["mdsX"] and len(states["mdsX"].ports) == 2
    assert codes(f) == ["ZP034", "ZP037"]


def test_read_capture_text_with_command():
    states, f = read_capture_text(
        "There is no outstanding zoning transaction\n", "x", switch="s", command="cfgtransshow"
    )
    assert states["s"].transaction.state == "none"
    assert codes(f) == ["ZP034"]


def test_filtered_command_from_file_prompt_marks_partial():
    states, f = read_captures([BF / "cfgshow/cut_member_list.txt"])
    assert "ZP021" in codes(f)
    assert not states["sw1"].zoning[0].defined.complete


def test_fcns_logins_are_fabric_wide_unless_flogi_names_them(tmp_path):
    d = tmp_path / "mds1"
    d.mkdir()
    (d / "show_fcns_database.txt").write_text((CM / "show_fcns_database/table.txt").read_text())
    flogi = (
        "INTERFACE        VSAN    FCID           PORT NAME               NODE NAME\n"
        "fc1/3            1     0x220097  10:00:8c:7c:ff:08:4d:00 20:00:8c:7c:ff:08:4d:00\n"
        "\nTotal number of flogi = 1.\n"
    )
    (d / "show_flogi_database.txt").write_text(flogi)
    states, _ = read_captures([d])
    st = states["mds1"]
    local = st.logins[(1, "10:00:8c:7c:ff:08:4d:00")]
    assert (local.remote, local.port, local.device_type, local.alias) == (
        False,
        "fc1/3",
        "initiator",
        "VMW117174_HBA4",
    )
    assert st.logins[(1, "50:06:01:63:3b:64:04:1e")].remote is True
    assert {"logins", "remote_logins"} <= set(st.seen)


def test_parser_failure_zp039_does_not_stop_the_others(tmp_path, monkeypatch):
    from zoneplan.parsers import registry

    def boom(text, source):
        raise RuntimeError("bug")

    monkeypatch.setitem(registry(), "brocade.cfgtransshow", boom)
    d = tmp_path / "sw1"
    d.mkdir()
    (d / "cfgtransshow.txt").write_text("There is no outstanding zoning transaction\n")
    (d / "cfgsize.txt").write_text((BF / "cfgsize/basic.txt").read_text())
    states, f = read_captures([d])
    assert "ZP039" in codes(f)
    assert states["sw1"].cfgsize.max_bytes == 1045274 and states["sw1"].transaction is None
