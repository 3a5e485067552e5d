"""The ``multipath -ll`` parser on real layouts, and every way a saved output goes wrong."""

from __future__ import annotations

import pytest

from zoneplan.hosts.mpll import parse_multipath_ll

MODERN = """\
mpathg (36f01faf000da360b0000033c528fea6d) dm-2 DELL,MD36xxi
size=54T features='3 queue_if_no_path pg_init_retries 50' hwhandler='1 rdac' wp=rw
|-+- policy='round-robin 0' prio=14 status=active
| |- 12:0:0:1 sdc 8:32   active ready running
| `- 17:0:0:1 sdv 65:80  active ready running
`-+- policy='round-robin 0' prio=9 status=enabled
  |- 13:0:0:1 sdf 8:80   active i/o pending running
  `- 18:0:0:1 sdx 65:112 failed faulty offline
36001405b1629f80d52a4c898f8856e43 dm-5 LIO-ORG ,block0_sdb
size=2.0G features='0' hwhandler='0' wp=ro
`-+- policy='service-time 0' prio=1 status=active
  `- #:#:#:# -   #:#    failed faulty running
"""

RHEL5 = """\
mpath1 (36006016035303900df9eaf55ec5bec11) dm-0 DGC,VRAID
[size=1.0T][features=1 queue_if_no_path][hwhandler=1 emc][rw]
\\_ round-robin 0 [prio=1][active]
 \\_ 7:0:2:0 sdd 8:48  [active][ready]
 \\_ 8:0:3:0 sdi 8:128 [active][ready]
\\_ round-robin 0 [prio=0][enabled]
 \\_ 7:0:0:0 sdb 8:16  [failed][faulty]
36000402001f45eb56424ca6800000000dm-1  NEXSAN  ,SATABoy2
[size=466G][features=0       ][hwhandler=0        ]
\\_ round-robin 0 [prio=0][enabled]
 \\_ 5:0:0:0  sdb 8:16  [active][ready]
"""


def codes(result) -> list[str]:
    return [f.code for f in result.findings]


def test_modern_layout_maps_groups_and_paths():
    r = parse_multipath_ll(MODERN, "h.txt")
    assert codes(r) == []
    a, b = r.maps
    assert (a.alias, a.wwid, a.dm, a.vendor, a.product) == (
        "mpathg",
        "36f01faf000da360b0000033c528fea6d",
        "dm-2",
        "DELL",
        "MD36xxi",
    )
    assert (a.size, a.features, a.hwhandler, a.wp) == (
        "54T",
        "3 queue_if_no_path pg_init_retries 50",
        "1 rdac",
        "rw",
    )
    assert a.feature_words == ["queue_if_no_path", "pg_init_retries", "50"]
    assert [(g.policy, g.prio, g.status, len(g.paths)) for g in a.groups] == [
        ("round-robin 0", 14, "active", 2),
        ("round-robin 0", 9, "enabled", 2),
    ]
    first = a.groups[0].paths[0]
    assert (first.hctl, first.dev, first.devt, first.states, first.line) == (
        "12:0:0:1",
        "sdc",
        "8:32",
        "active ready running",
        4,
    )
    assert a.groups[1].paths[0].path_state == "i/o pending"
    assert not a.groups[1].paths[1].healthy
    assert (b.alias, b.vendor, b.product, b.wp) == (None, "LIO-ORG", "block0_sdb", "ro")
    assert b.paths[0].hctl == "#:#:#:#"


def test_rhel5_bracket_layout():
    r = parse_multipath_ll(RHEL5, "old.txt")
    assert codes(r) == []
    a, b = r.maps
    assert (a.alias, a.features, a.hwhandler, a.wp, a.style) == (
        "mpath1",
        "1 queue_if_no_path",
        "1 emc",
        "rw",
        "rhel5",
    )
    assert [(g.policy, g.prio, g.status) for g in a.groups] == [
        ("round-robin 0", 1, "active"),
        ("round-robin 0", 0, "enabled"),
    ]
    assert [p.states for p in a.paths] == ["active ready", "active ready", "failed faulty"]
    assert a.paths[0].healthy and not a.paths[2].healthy
    # header without a blank before dm-N, padded vendor and values, no write protection
    assert (b.wwid, b.dm, b.vendor, b.product, b.features, b.hwhandler, b.wp) == (
        "36000402001f45eb56424ca6800000000",
        "dm-1",
        "NEXSAN",
        "SATABoy2",
        "0",
        "0",
        None,
    )


def test_seed_sample_with_acute_accents_and_lost_indentation(seed_mpll):
    r = parse_multipath_ll(seed_mpll, "seed")
    assert codes(r) == []
    (m,) = r.maps
    assert (m.vendor, m.product, m.hwhandler) == ("eSSM_BIO", "testdisk_0", "1 alua")
    assert [(g.prio, g.status, [p.dev for p in g.paths]) for g in m.groups] == [
        (50, "active", ["sdc"]),
        (1, "enabled", ["sdb"]),
    ]


def test_messages_and_paths_list_of_v4_are_not_paths():
    text = (
        "===== paths list =====\n"
        "uuid hcil    dev dev_t pri dm_st chk_st vend/prod/rev       dev_st\n"
        "     0:0:0:0 sda 8:0   -1  undef ready  VMware,Virtual disk running\n"
        '12457.451170 | /etc/multipath.conf line 8: ignoring deprecated option "getuid_callout"\n'
        "Oct 28 14:02:44 | *word = 0, len = 1\n" + MODERN
    )
    r = parse_multipath_ll(text, "v4.txt")
    assert codes(r) == ["ZP059", "ZP059"]
    assert len(r.maps) == 2 and len(r.maps[0].paths) == 4


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("", "ZP050", None),
        ("lsscsi output\n", "ZP051", 1),
        # cut after the header, after the attributes, after a group line
        ("36001 dm-1 eSSM,x\n", "ZP052", 1),
        ("36001 dm-1 eSSM,x\nsize=1G features='0' hwhandler='1 alua' wp=rw\n", "ZP052", 1),
        (
            "36001 dm-1 eSSM,x\nsize=1G features='0' hwhandler='1 alua' wp=rw\n"
            "`-+- policy='service-time 0' prio=50 status=active\n",
            "ZP052",
            3,
        ),
        # the tree announces another path / another group
        (
            "36001 dm-1 eSSM,x\nsize=1G features='0' hwhandler='1 alua' wp=rw\n"
            "`-+- policy='service-time 0' prio=50 status=active\n"
            "  |- 1:0:0:1 sdb 8:16 active ready running\n",
            "ZP052",
            4,
        ),
        (
            "36001 dm-1 eSSM,x\nsize=1G features='0' hwhandler='1 alua' wp=rw\n"
            "|-+- policy='service-time 0' prio=50 status=active\n"
            "| `- 1:0:0:1 sdb 8:16 active ready running\n",
            "ZP052",
            3,
        ),
        ("36001 dm-1 eSSM,x\nsize=1G features='3 queue_if\n", "ZP053", 2),
        ("36001 dm-1 eSSM,x\nsisze=2.0T features='0' hwhandler='0' wp=rw\n", "ZP053", 2),
        ("36001 dm-1 eSSM,x\nsize=1G features='0' hwhandler='0' wp=r\n", "ZP053", 2),
        ("36001 dm-1 eSSM,x\n[size=1G][features=0][hwhandler=0\n", "ZP053", 2),
        (
            "36001 dm-1 eSSM,x\nsize=1G features='0' hwhandler='1 alua' wp=rw\n"
            "`-+- policy='service-time 0' prio=50 status=act\n"
            "  `- 1:0:0:1 sdb 8:16 active ready running\n",
            "ZP054",
            3,
        ),
        (
            "36001 dm-1 eSSM,x\nsize=1G features='0' hwhandler='1 alua' wp=rw\n"
            "`-+- policy='service-time 0' prio=50 status=active\n"
            "  `- 1:0:0:1 sdb 8:16 active rea\n",
            "ZP055",
            4,
        ),
        (
            "36001 dm-1 eSSM,x\n[size=1G][features=0][hwhandler=0][rw]\n"
            "\\_ round-robin 0 [prio=1][active]\n"
            " \\_ 1:0:0:1 sdb 8:16 [active]\n",
            "ZP055",
            4,
        ),
        ("  |- 4:0:1:1 sdd 8:48  active ready running\n", "ZP056", 1),
        (
            "36001 dm-1 eSSM,x\nsize=1G features='3 queue_if_no_path' hwhandler='1' wp=rw\n",
            "ZP058",
            2,
        ),
    ],
)
def test_garbled_and_truncated_outputs_are_coded_findings(text, code, line):
    r = parse_multipath_ll(text, "bad.txt")
    hits = [f for f in r.findings if f.code == code]
    assert hits, [f.parsable() for f in r.findings]
    assert hits[0].location.file == "bad.txt" and hits[0].location.line == line


def test_an_unreadable_group_does_not_lend_its_paths_to_the_previous_group():
    text = MODERN.replace("prio=9 status=enabled", "prio=nine status=enabled")
    r = parse_multipath_ll(text)
    assert "ZP054" in codes(r)
    assert [len(g.paths) for g in r.maps[0].groups] == [2]


def test_foreign_nvme_maps_are_skipped_not_misread():
    nvme = (
        "uuid.fedcba98-3579-4567-8765-123456789abc [nvme]:nvme4n9 NVMe,Some NVMe controller,FFFF\n"
        "size=167772160 features='n/a' hwhandler='ANA' wp=rw\n"
        "|-+- policy='n/a' prio=50 status=optimized\n"
        "| `- 4:38:1    nvme4c38n1 0:0     n/a   optimized    live\n"
        "`-+- policy='n/a' prio=n/a status=n/a\n"
        "  `- 4:39:1    nvme4c39n1 0:0     n/a   optimized    live\n"
    )
    r = parse_multipath_ll(nvme + MODERN + nvme.replace("nvme4n9", "nvme5n1"))
    assert codes(r) == []
    assert r.foreign == ["[nvme]:nvme4n9", "[nvme]:nvme5n1"]
    assert [m.name for m in r.maps] == ["mpathg", "36001405b1629f80d52a4c898f8856e43"]
    assert len(r.maps[1].paths) == 1
