"""Checking a host's ``multipath -ll`` against the plan: ALUA, path groups, path count, states.

Why these checks: the plan promises every cluster LUN ``N`` paths on the host, ``A`` through
the active node's target ports and ``S`` through the standby node's. With the device section
``zoneplan hosts config`` writes (ALUA hardware handler, ``group_by_prio``, ``prio alua``,
``no_path_retry queue``) multipath shows exactly that: the active node's paths in the first,
higher-priority group doing the I/O, the standby node's in a second group, every path
``active ready running`` and ``queue_if_no_path`` in the features. Anything else is a finding
(ZP801-ZP810) with the position in the saved output.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..findings import Finding, Location, Severity, sort_findings
from ..model import Cluster, Host
from ..rules.hostverify import (
    EqualPathPriorities,
    FailedPath,
    GroupOrderWrong,
    MissingStandbyGroup,
    NoClusterLunFound,
    NoQueueing,
    TooFewPaths,
    TooManyPaths,
    UnexpectedPathGroups,
    WrongHwhandler,
)
from ..topology import Topology
from .mpll import MpllResult, MultipathMap, parse_multipath_ll
from .paths import HostPaths, NoClusterError, expected_paths

ALUA_HANDLER = ("1", "alua")


def is_cluster_map(m: MultipathMap, cluster: Cluster) -> bool:
    """True when a map is a cluster LUN: its vendor starts with ``scsi_vendor`` (and product).

    A prefix match, like the generated ``vendor "^eSSM"`` regular expression: the cluster's
    LUNs report e.g. ``eSSM_BIO`` where the inventory says ``eSSM``.
    """
    if not m.vendor.startswith(cluster.scsi_vendor.strip()):
        return False
    product = cluster.scsi_product.strip()
    return product in ("*", "") or m.product.startswith(product)


@dataclass
class Verification:
    """Everything ``hosts verify`` reports for one host."""

    expected: HostPaths
    parsed: MpllResult
    cluster_maps: list[MultipathMap] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[tuple[Finding, str]] = field(default_factory=list)  #: by the policy

    def as_dict(self) -> dict:
        return {
            "expected": self.expected.as_dict(),
            "cluster_maps": [m.as_dict() for m in self.cluster_maps],
            "other_maps": [
                f"{m.name} {m.vendor},{m.product}"
                for m in self.parsed.maps
                if m not in self.cluster_maps
            ],
        }


def verify_maps(
    expected: HostPaths, cluster: Cluster, maps: list[MultipathMap], file: str
) -> list[Finding]:
    """Findings for the cluster LUNs among ``maps`` (ZP807 when there is none)."""
    host = expected.host.name
    mine = [m for m in maps if is_cluster_map(m, cluster)]
    if not mine:
        seen = "; ".join(sorted({f"{m.vendor},{m.product}" for m in maps})) or "none"
        want = cluster.scsi_vendor + (
            "" if cluster.scsi_product == "*" else f",{cluster.scsi_product}"
        )
        return [
            NoClusterLunFound.make(
                f"host {host}: no map with the cluster's SCSI vendor '{want}' (maps seen: {seen})",
                Location(file),
                subject=host,
                hint="compare cluster.scsi_vendor with /sys/block/sdX/device/vendor",
            )
        ]
    out: list[Finding] = []
    for m in mine:
        out.extend(_check_map(expected, m, file))
    return out


def _check_map(expected: HostPaths, m: MultipathMap, file: str) -> list[Finding]:
    host = expected.host.name
    subject = f"{host}:{m.name}"
    at = Location(file, m.line)
    out: list[Finding] = []

    if m.hwhandler is not None and tuple(m.hwhandler.split()) != ALUA_HANDLER:
        out.append(
            WrongHwhandler.make(
                f"{m.name}: hwhandler='{m.hwhandler}', expected '1 alua'", at, subject=subject
            )
        )
    if m.features is not None and "queue_if_no_path" not in m.feature_words:
        out.append(
            NoQueueing.make(
                f"{m.name}: features='{m.features}' without queue_if_no_path: I/O fails instead "
                "of waiting while the cluster fails over (no_path_retry queue not in effect)",
                at,
                subject=subject,
            )
        )

    groups = m.groups
    total = len(m.paths)
    want_a, want_s, want = expected.active, expected.standby, expected.total
    plan = f"the plan expects {want} ({want_a} active, {want_s} standby)"
    explained_missing = False

    if want_s > 0 and want_a > 0 and len(groups) == 1:
        n = len(groups[0].paths)
        if n == want_a:
            msg = f"{m.name}: one path group of {n}; the standby node's {want_s} paths are missing"
            explained_missing = True
        elif n == want:
            msg = (
                f"{m.name}: all {n} paths in one group: the standby node's paths are not told "
                "apart (path_grouping_policy group_by_prio and prio alua in effect?)"
            )
        else:
            msg = f"{m.name}: one path group of {n} paths; {plan} in two groups"
        out.append(MissingStandbyGroup.make(msg, at, subject=subject))

    wanted_groups = max(1, int(want_a > 0) + int(want_s > 0))
    if len(groups) > wanted_groups:
        out.append(
            UnexpectedPathGroups.make(
                f"{m.name}: {len(groups)} path groups, expected {wanted_groups} (one per node): "
                "path_grouping_policy is not group_by_prio, or one node's ports differ in ALUA state",
                at,
                subject=subject,
            )
        )

    if len(groups) >= 2:
        prios = [g.prio for g in groups]
        equal = len(set(prios)) == 1
        if equal:
            out.append(
                EqualPathPriorities.make(
                    f"{m.name}: every path group has prio={prios[0]}: the ALUA prioritiser is "
                    "not in use, the active node cannot be told from the standby node",
                    at,
                    subject=subject,
                )
            )
        elif any(a < b for a, b in zip(prios, prios[1:], strict=False)):
            out.append(
                GroupOrderWrong.make(
                    f"{m.name}: path groups not in descending priority ({', '.join(map(str, prios))})",
                    Location(file, groups[0].line),
                    subject=subject,
                )
            )
        in_use = [i for i, g in enumerate(groups) if g.status == "active"]
        if in_use and in_use != [0]:
            g = groups[in_use[0]]
            out.append(
                GroupOrderWrong.make(
                    f"{m.name}: I/O goes through path group {in_use[0] + 1} (prio={g.prio}), not "
                    "through the first, highest-priority group (failback not immediate?)",
                    Location(file, g.line),
                    subject=subject,
                )
            )
        if len(groups) == 2 and total == want and not equal:
            sizes = (len(groups[0].paths), len(groups[1].paths))
            if sizes != (want_a, want_s):
                if sizes == (want_s, want_a):
                    out.append(
                        GroupOrderWrong.make(
                            f"{m.name}: the first group has {sizes[0]} paths, the standby node's "
                            f"count: the cluster has failed over to {expected.standby_node}, or "
                            "its ALUA port states are swapped",
                            Location(file, groups[0].line),
                            subject=subject,
                            severity=Severity.WARNING,
                        )
                    )
                else:
                    out.append(
                        GroupOrderWrong.make(
                            f"{m.name}: path groups of {sizes[0]} + {sizes[1]} paths; the plan "
                            f"expects {want_a} active + {want_s} standby",
                            Location(file, groups[0].line),
                            subject=subject,
                        )
                    )

    if total < want and not (explained_missing and total == want_a):
        out.append(TooFewPaths.make(f"{m.name}: {total} paths, {plan}", at, subject=subject))
    elif total > want:
        out.append(
            TooManyPaths.make(
                f"{m.name}: {total} paths, {plan} (zoning wider than planned?)",
                at,
                subject=subject,
            )
        )

    for p in m.paths:
        if not p.healthy:
            out.append(
                FailedPath.make(
                    f"{m.name}: path {p.hctl} {p.dev} is '{p.states}', not 'active ready running'",
                    Location(file, p.line),
                    subject=f"{subject}:{p.dev}",
                )
            )
    return out


def verify_host(topology: Topology, host: Host, text: str, file: str) -> Verification:
    """Parse ``text`` (saved ``multipath -ll``) and check it against the plan for ``host``.

    Raises :class:`~zoneplan.hosts.paths.NoClusterError` when the inventory has no cluster.
    The findings are the parser's (ZP050-ZP059) followed by the checks (ZP8xx), sorted; the
    checks are skipped when the output holds no map at all.
    """
    cluster = topology.inventory.cluster
    if cluster is None:
        raise NoClusterError("the inventory has no cluster: there are no cluster LUNs")
    expected = expected_paths(topology, host)
    parsed = parse_multipath_ll(text, file)
    findings = list(parsed.findings)
    mine: list[MultipathMap] = []
    if parsed.maps:
        mine = [m for m in parsed.maps if is_cluster_map(m, cluster)]
        findings.extend(verify_maps(expected, cluster, parsed.maps, file))
    return Verification(expected, parsed, mine, sort_findings(findings))
