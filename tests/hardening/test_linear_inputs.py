"""Hostile input sizes that were quadratic (issue 14) finish, and still mean the same.

Speed is measured in ``bench/bench_hardening.py`` (ratios, docs/benchmarks.md), never asserted
here. These tests feed the inputs that hung before the fixes at sizes where the old code took
minutes to hours (1 MB of blank lines: about 40 minutes with the old prompt regex), under a
60 s alarm that only turns a hang into a failure; and they pin the meaning of each rewritten
pattern so a faster one cannot read something else.
"""

from __future__ import annotations

import pytest

from tests.support.paths import SAMPLES
from zoneplan.hosts.mpll import parse_multipath_ll
from zoneplan.loader import parse_inventory
from zoneplan.parsers.capture import read_capture_text
from zoneplan.parsers.terminal import terminal

pytestmark = pytest.mark.usefixtures("hang_guard")


def test_a_megabyte_of_blank_lines_in_a_capture():
    states, findings = read_capture_text("\n" * 1_000_000, "blank.txt")
    assert states == {}


def test_a_prompt_never_spans_lines():
    # ``\s*`` before ``(config)`` let a prompt start on one line and end on the next
    term = terminal()
    m = term.prompt_line.search("mds1\n(config)# show zoneset active")
    assert m is not None and term.host(m) is None and m.start() == 5  # the second line alone
    m = term.prompt_line.search("mds1 (config)# show zoneset")
    assert m is not None and term.host(m) == "mds1"


def test_a_session_log_with_many_prompts_keeps_its_line_numbers():
    one = "sw1:admin> cfgtransshow\nThere is no outstanding zoning transaction\n"
    states, findings = read_capture_text(one * 20_000, "session.log")
    assert states["sw1"].transaction.state == "none"
    twice = [f.location.line for f in findings if f.code == "ZP033"]  # each repeat, its line
    assert twice == list(range(3, 40_000, 2))


def test_cr_only_captures_are_split_into_lines():
    text = "sw1:admin> cfgtransshow\rThere is no outstanding zoning transaction\r"
    states, _ = read_capture_text(text, "mac.txt")
    assert states["sw1"].transaction.state == "none"


def test_rhel5_group_line_with_a_long_blank_run():
    head = (
        "mpath1 (36006016035303900df9eaf55ec5bec11) dm-0 DGC,VRAID\n"
        "[size=1.0T][features=1 queue_if_no_path][hwhandler=1 emc][rw]\n"
    )
    r = parse_multipath_ll(head + "\\_ round-robin 0" + " " * 1_000_000 + "\n", "x")
    assert "ZP05" in " ".join(f.code for f in r.findings)  # an unreadable group, reported
    r = parse_multipath_ll(
        head + "\\_ round-robin 0   [prio=1][active]\n \\_ 7:0:2:0 sdd 8:48  [active][ready]\n",
        "x",
    )
    assert [(g.policy, g.prio, g.status) for g in r.maps[0].groups] == [
        ("round-robin 0", 1, "active")
    ]


def test_twenty_thousand_unknown_keys_are_each_located():
    text = (SAMPLES / "euronas-cluster.yaml").read_text(encoding="utf-8")
    base = text.count("\n")
    text += "".join(f"unknown_key_{i}: 1\n" for i in range(20_000))
    r = parse_inventory(text, "inv.yaml")
    lines = sorted(f.location.line for f in r.findings if f.code == "ZP004")
    assert lines == list(range(base + 1, base + 20_001))


def test_pager_prompts_next_to_long_runs_of_blanks_or_dashes():
    # `\s*(?:pager)\s*` searched from every blank of a run, or `-+\s*More` from every dash,
    # was quadratic: a line of 20,000 blanks and a marker took 17 s
    term = terminal()
    for line in (" " * 200_000 + "More", "-" * 200_000 + " More", " \t" * 100_000 + "<CR>"):
        assert term.pager_spans(line) == []
    line = "x" * 100_000 + "  --More--  " + "y"
    assert term.strip_pagers(line) == "x" * 100_000 + " y"
    states, findings = read_capture_text(
        "mds1# show flogi database\n" + "-" * 200_000 + " More\n --More-- \n", "paged.log"
    )
    assert "ZP022" in {f.code for f in findings}


def test_a_principal_member_line_repeated_in_one_peer_zone():
    # each ``Principal Member(s):`` line listed the zone's principals again for the member
    # check, which then read n lists of up to n tokens: 16,000 lines took 1.4 s, 120,000 ~80 s
    from zoneplan.parsers.brocade import parse_cfgshow

    n = 60_000
    body = "".join(
        f"\tPrincipal Member(s):\n\t\th{i};\n   Peer Member(s):\n\t\tt{i};\n" for i in range(n)
    )
    text = (
        "Defined configuration:\n zone:\tpz\t\n\tProperty Member: 00:02:00:00:00:03:00:01\n"
        "\tPrincipal Member(s):\n\t\tbad!one;\n" + body + "\nEffective configuration:\n"
        " cfg:\tc\t\n zone:\tpz\t\n\t\t21:00:00:24:ff:00:00:01\n\n"
    )
    show, findings = parse_cfgshow(text, "peer.txt")
    pz = show.defined.zones["pz"]
    assert pz.kind == "peer" and pz.principals[-1] == f"h{n - 1}" and len(pz.principals) == n
    bad = [f for f in findings if f.code == "ZP029" and f.subject == "bad!one"]
    assert [f.location.line for f in bad] == [4]  # the first Principal line of the zone


_EMPTY_EFFECTIVE = "\nEffective configuration:\n no configuration in effect\n\n"


@pytest.mark.parametrize("kind", ["zone", "alias", "cfg"])
@pytest.mark.parametrize("command", ["cfgshow", "zoneshow", "alishow"])
def test_a_brocade_name_printed_many_times_with_different_members(kind: str, command: str):
    # each copy rebuilt the merged list and listed it again for the member check, whose bad
    # tokens were then reported again at every later copy: 20,000 copies took 15 s
    from zoneplan.parsers import brocade

    n = 60_000
    entries = "".join(
        f" {kind}:\tx\tm{i}" + ("; bad!" if i % 20_000 == 7 else "") + "\n" for i in range(n)
    )
    head = "" if command == "alishow" else "Defined configuration:\n"
    text = head + entries + ("\n" if command == "alishow" else _EMPTY_EFFECTIVE)
    show, findings = getattr(brocade, f"parse_{command}")(text, "loop.txt")
    table = {"zone": "zones", "alias": "aliases", "cfg": "configs"}[kind]
    got = getattr(show.defined, table)["x"]
    assert (got.members if kind == "zone" else got) == [f"m{i}" for i in range(n)]
    first = 2 if head else 1
    again = [f.location.line for f in findings if f.code == "ZP032"]
    assert again == list(range(first + 1, first + n))
    # one bad token, printed by three copies: reported once, at the first of them
    bad = [(f.subject, f.location.line) for f in findings if f.code == "ZP029"]
    assert bad == [("bad!", first + 7)]


def test_an_nxos_zone_printed_many_times_with_different_members():
    # each copy sliced and re-set the members so far (and built a set per member): 20,000
    # copies took 13 s
    from zoneplan.parsers import cisco

    n = 60_000
    wwn = [f"21:00:00:24:ff:{i >> 16:02x}:{(i >> 8) & 255:02x}:{i & 255:02x}" for i in range(n)]
    shown = "".join(f"zone name z vsan 1\n  pwwn {w}\n" for w in wwn)
    dbs, findings = cisco.parse_show_zone(shown, "loop.txt")
    assert dbs[1].zones["z"].members == wwn
    assert len([f for f in findings if f.code == "ZP032"]) == 2 * (n - 1)  # as before
    active = "zoneset name zs vsan 1\n" + "".join(
        f"  zone name z vsan 1\n  * fcid 0x{i:06x} [pwwn {w}]\n" for i, w in enumerate(wwn)
    )
    dbs, findings = cisco.parse_show_zoneset_active(active, "loop.txt")
    assert dbs[1].zones["z"].members == wwn and dbs[1].configs["zs"] == ["z"]


def test_many_port_and_fcalias_members_in_one_nxos_zone():
    # each port or fcalias member was looked up in the zone's members so far: 10,000 took
    # 0.6 s, 120,000 about 85 s
    from zoneplan.parsers import cisco

    n = 120_000  # the old code: ~85 s
    ports = "".join(f"  interface fc{i // 48 + 1}/{i % 48 + 1} domain-id 7\n" for i in range(n))
    dbs, _ = cisco.parse_show_zone("zone name z vsan 1\n" + ports + ports[:60], "p.txt")
    members = dbs[1].zones["z"].members
    assert len(members) == n and members[1] == "interface fc1/2 domain-id 7"  # one each
    aliases = "".join(
        f"  fcalias name a{i} vsan 1\n    pwwn 21:00:00:24:ff:00:00:01\n" for i in range(n)
    )
    dbs, _ = cisco.parse_show_zone("zone name z vsan 1\n" + aliases, "a.txt")
    assert dbs[1].zones["z"].members == [f"a{i}" for i in range(n)]


def test_one_wwpn_or_name_repeated_in_logins_and_aliases():
    # already linear (bench/bench_hardening.py): pinned so a rewrite keeps every line read
    from zoneplan.parsers import brocade, cisco

    n = 60_000
    w = "21:00:00:24:ff:00:00:01"
    flogi = (
        "-" * 80
        + "\nINTERFACE        VSAN    FCID           PORT NAME               NODE NAME\n"
        + "-" * 80
        + "\n"
        + "".join(
            f"fc1/5            10    0x{0x010000 + i:06x}  {w} 20:00:00:24:ff:00:00:02\n"
            for i in range(n)
        )
        + f"\nTotal number of flogi = {n}.\n"
    )
    logins, _ = cisco.parse_show_flogi_database(flogi, "f.txt")
    assert len(logins) == n and {x.wwpn for x in logins} == {w}
    ns = (
        "{\n Type Pid    COS     PortName                NodeName                 TTL(sec)\n"
        + "".join(
            f" N    {0x010000 + i:06x};      3;{w};20:00:00:24:ff:00:00:02; na\n    FC4s: FCP\n"
            for i in range(n)
        )
        + f"The Local Name Server has {n} entries }}\n"
    )
    logins, _ = brocade.parse_nsshow(ns, "n.txt")
    assert len(logins) == n and {x.wwpn for x in logins} == {w}
    da = "".join(f"device-alias name a{i} pwwn {w}\n" for i in range(n))
    aliases, _ = cisco.parse_show_device_alias_database(
        da + f"\nTotal number of entries = {n}\n", "d"
    )
    assert len(aliases) == n
    show, _ = brocade.parse_alishow("".join(f" alias:\ta{i}\t{w}\n" for i in range(n)), "a")
    assert len(show.defined.aliases) == n


def test_an_nxos_fcalias_or_port_zone_printed_many_times():
    # issue 13 "no member lost": an fcalias printed again joins its copies (a set per copy, no
    # scan), a zone's port members are compared copy with copy
    from zoneplan.parsers import cisco

    n = 60_000
    wwn = [f"21:00:00:24:ff:{i >> 16:02x}:{(i >> 8) & 255:02x}:{i & 255:02x}" for i in range(n)]
    shown = f"fcalias name a vsan 1\n  pwwn {wwn[0]}\n" + "".join(
        f"fcalias name a vsan 1\n  pwwn {w}\n  pwwn {wwn[0]}\n" for w in wwn[1:]
    )
    dbs, findings = cisco.parse_show_fcalias(shown, "loop.txt")
    assert dbs[1].aliases["a"] == wwn  # the union, in order, each once
    assert len([f for f in findings if f.code == "ZP032"]) == n - 1
    port = "    interface fc1/5 swwn 20:00:00:05:9b:21:4c:80\n"
    sets = "".join(f"zoneset name s{i} vsan 1\n  zone name z vsan 1\n{port}" for i in range(n))
    dbs, findings = cisco.parse_show_zoneset(sets, "sets.txt")
    assert dbs[1].zones["z"].members == [port.strip()] and findings == []
    db = (
        "".join(f"device-alias name d pwwn {w}\n" for w in wwn)
        + f"\nTotal number of entries = {n}\n"
    )
    aliases, findings = cisco.parse_show_device_alias_database(db, "da.txt")
    assert aliases == {"d": wwn[0]} and len(findings) == n - 1
