"""Verification of ``multipath -ll`` against the plan: each sample gives exactly its findings."""

from __future__ import annotations

import pytest

from zoneplan.findings import Severity
from zoneplan.hosts.paths import host_by_name
from zoneplan.hosts.verify import verify_host

#: lnx01 in the sample: 2 initiators x (2 active + 1 standby) targets = 6 paths, 4 + 2
HEALTHY = """\
mpatha (3600508b1001c4d5e6f7a8b9c0d1e2f30) dm-0 HP,LOGICAL VOLUME
size=279G features='0' hwhandler='0' wp=rw
`-+- policy='service-time 0' prio=1 status=active
  `- 0:1:0:0 sda 8:0 active ready running
3600140512345678900000000000000a1 dm-3 eSSM_BIO,testdisk_0
size=500G features='1 queue_if_no_path' hwhandler='1 alua' wp=rw
|-+- policy='service-time 0' prio=50 status=active
| |- 1:0:0:0 sdb 8:16  active ready running
| |- 1:0:1:0 sdc 8:32  active ready running
| |- 2:0:0:0 sdf 8:80  active ready running
| `- 2:0:1:0 sdg 8:96  active ready running
`-+- policy='service-time 0' prio=1 status=enabled
  |- 1:0:2:0 sdd 8:48  active ready running
  `- 2:0:2:0 sdh 8:112 active ready running
"""

FAILED_PATH = HEALTHY.replace(
    "2:0:1:0 sdg 8:96  active ready running", "2:0:1:0 sdg 8:96  failed faulty offline"
)

MISSING_STANDBY = (
    HEALTHY.split("`-+- policy='service-time 0' prio=1 status=enabled")[0]
    .replace("|-+- policy='service-time 0' prio=50", "`-+- policy='service-time 0' prio=50")
    .replace("| |- ", "  |- ")
    .replace("| `- ", "  `- ")
)

WRONG_HWHANDLER = HEALTHY.replace("hwhandler='1 alua'", "hwhandler='0'")

TOO_FEW = HEALTHY.replace("| |- 2:0:0:0 sdf 8:80  active ready running\n", "")

RHEL5_HEALTHY = """\
mpath2 (3600140512345678900000000000000a1) dm-3 eSSM_BIO,testdisk_0
[size=500G][features=1 queue_if_no_path][hwhandler=1 alua][rw]
\\_ round-robin 0 [prio=50][active]
 \\_ 1:0:0:0 sdb 8:16  [active][ready]
 \\_ 1:0:1:0 sdc 8:32  [active][ready]
 \\_ 2:0:0:0 sdf 8:80  [active][ready]
 \\_ 2:0:1:0 sdg 8:96  [active][ready]
\\_ round-robin 0 [prio=1][enabled]
 \\_ 1:0:2:0 sdd 8:48  [active][ready]
 \\_ 2:0:2:0 sdh 8:112 [active][ready]
"""


def check(topology, text: str, host: str = "lnx01"):
    return verify_host(topology, host_by_name(topology, host), text, "mpll.txt")


def codes(v) -> list[str]:
    return sorted(f.code for f in v.findings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (HEALTHY, []),
        (RHEL5_HEALTHY, []),
        (FAILED_PATH, ["ZP804"]),
        (MISSING_STANDBY, ["ZP805"]),
        (WRONG_HWHANDLER, ["ZP801"]),
        (TOO_FEW, ["ZP802"]),
        (HEALTHY.replace("features='1 queue_if_no_path'", "features='0'"), ["ZP808"]),
        (
            HEALTHY.replace(
                "| `- 2:0:1:0 sdg 8:96  active ready running",
                "| |- 2:0:1:0 sdg 8:96  active ready running\n| `- 3:0:1:0 sdk 8:160 active ready running",
            ),
            ["ZP803"],
        ),
        (
            HEALTHY.replace("prio=50 status=active", "prio=50 status=enabled").replace(
                "prio=1 status=enabled", "prio=1 status=active"
            ),
            ["ZP806"],
        ),
        (HEALTHY.replace("prio=50 status=active", "prio=1 status=active"), ["ZP810"]),
    ],
    ids=[
        "healthy",
        "rhel5-healthy",
        "failed-path",
        "missing-standby-group",
        "wrong-hwhandler",
        "too-few-paths",
        "no-queueing",
        "too-many-paths",
        "io-on-standby-group",
        "equal-priorities",
    ],
)
def test_samples_give_exactly_their_findings(sample_topology, text, expected):
    v = check(sample_topology, text)
    assert codes(v) == expected, [f.parsable() for f in v.findings]
    assert len(v.cluster_maps) == 1  # the local HP disk is not a cluster LUN


def test_failed_path_points_at_its_line(sample_topology):
    (f,) = check(sample_topology, FAILED_PATH).findings
    assert (f.location.file, f.location.line) == ("mpll.txt", 11)
    assert "sdg" in f.message and "failed faulty offline" in f.message


def test_missing_standby_group_says_how_many_paths_are_missing(sample_topology):
    (f,) = check(sample_topology, MISSING_STANDBY).findings
    assert "2 paths are missing" in f.message


def test_all_paths_in_one_group(sample_topology):
    one = HEALTHY.replace("`-+- policy='service-time 0' prio=1 status=enabled\n", "")
    one = one.replace("| `- 2:0:1:0", "| |- 2:0:1:0").replace("  |- 1:0:2:0", "| |- 1:0:2:0")
    one = one.replace(
        "|-+- policy='service-time 0' prio=50", "`-+- policy='service-time 0' prio=50"
    )
    v = check(sample_topology, one)
    assert codes(v) == ["ZP805"] and "all 6 paths in one group" in v.findings[0].message


def test_failover_policy_gives_unexpected_groups(sample_topology):
    lines = [ln.strip("|` -") for ln in HEALTHY.splitlines() if " sd" in ln and "eSSM" not in ln]
    lines = [ln for ln in lines if not ln.startswith("0:1:0:0")]
    body = "\n".join(
        f"{'`' if i == len(lines) - 1 else '|'}-+- policy='service-time 0' prio={50 if i < 4 else 1} "
        f"status={'active' if i == 0 else 'enabled'}\n{'  ' if i == len(lines) - 1 else '| '}`- {ln}"
        for i, ln in enumerate(lines)
    )
    text = HEALTHY.split("|-+-")[0] + body + "\n"
    v = check(sample_topology, text)
    assert codes(v) == ["ZP809"], [f.parsable() for f in v.findings]


def test_failed_over_cluster_is_a_warning(sample_topology):
    swapped = """\
3600140512345678900000000000000a1 dm-3 eSSM_BIO,testdisk_0
size=500G features='1 queue_if_no_path' hwhandler='1 alua' wp=rw
|-+- policy='service-time 0' prio=50 status=active
| |- 1:0:2:0 sdd 8:48  active ready running
| `- 2:0:2:0 sdh 8:112 active ready running
`-+- policy='service-time 0' prio=1 status=enabled
  |- 1:0:0:0 sdb 8:16  active ready running
  |- 1:0:1:0 sdc 8:32  active ready running
  |- 2:0:0:0 sdf 8:80  active ready running
  `- 2:0:1:0 sdg 8:96  active ready running
"""
    (f,) = check(sample_topology, swapped).findings
    assert (f.code, f.severity) == ("ZP806", Severity.WARNING)
    assert "failed over to san2" in f.message


def test_no_cluster_lun(sample_topology):
    v = check(sample_topology, HEALTHY.replace("eSSM_BIO", "LIO-ORG"))
    assert codes(v) == ["ZP807"]
    assert "LIO-ORG,testdisk_0" in v.findings[0].message


def test_parse_findings_come_with_the_checks(sample_topology):
    v = check(sample_topology, HEALTHY.rsplit("\n", 2)[0] + "\n")  # last path cut off
    assert "ZP052" in codes(v) and "ZP802" in codes(v)


def test_seed_sample_passes_for_a_host_zoned_one_path_per_node(tiny_topology, seed_mpll):
    v = check(tiny_topology, seed_mpll, host="xen01")
    assert (v.expected.total, v.expected.active, v.expected.standby) == (2, 1, 1)
    assert v.findings == [], [f.parsable() for f in v.findings]


def test_seed_sample_is_too_few_for_the_sample_plan(sample_topology, seed_mpll):
    v = check(sample_topology, seed_mpll, host="xen01")
    assert codes(v) == ["ZP802"]
