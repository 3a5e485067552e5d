"""ZP8xx: a client's multipath state against its zoned paths (``zoneplan hosts verify``).

Made by :mod:`zoneplan.hosts.verify` through ``make``.
"""

from __future__ import annotations

from ..findings import Severity
from .base import Rule, RuleScope
from .examples import Multipath
from .multipath import MPLL


class _HostRule(Rule):
    scope = RuleScope.HOST


class WrongHwhandler(_HostRule):
    """A cluster LUN's map does not use the ALUA hardware handler (``hwhandler='1 alua'``).

    Why:
        The cluster tells clients through ALUA which node is active; without the alua
        handler the client neither learns the port states nor switches over cleanly when the
        standby node takes over.
    Fix:
        Put ``hardware_handler "1 alua"`` into the device section (``zoneplan hosts config``),
        then ``multipath -r`` (kernels from 4.3 attach the handler themselves when the LUN
        reports ALUA support).
    """

    code = "ZP801"
    name = "wrong-hwhandler"
    severity = Severity.ERROR
    fails = Multipath(
        MPLL.replace("hwhandler='1 alua'", "hwhandler='0'"),
        caption="``hwhandler='0'`` on the cluster LUN.",
    )
    passes = Multipath(MPLL)


class TooFewPaths(_HostRule):
    """A cluster LUN has fewer paths than the zoning plan gives the host.

    Why:
        Every zoning strategy zones each initiator to every target port of both nodes on its
        fabric; a missing path is a missing zone, a cable, a port down or an HBA not logged
        in, and the redundancy the plan promises is not there.
    Fix:
        Compare ``zoneplan plan`` with the switch's active zoning (``zoneplan audit``), check
        the host's HBA links, then rescan (``rescan-scsi-bus.sh`` or
        ``echo "- - -" > /sys/class/scsi_host/hostN/scan``).
    """

    code = "ZP802"
    name = "too-few-paths"
    severity = Severity.ERROR
    fails = Multipath(
        """
        3600140512345678900000000000000a1 dm-3 eSSM_BIO,testdisk_0
        size=500G features='1 queue_if_no_path' hwhandler='1 alua' wp=rw
        |-+- policy='service-time 0' prio=50 status=active
        | |- 1:0:0:0 sdb 8:16  active ready running
        | |- 1:0:1:0 sdc 8:32  active ready running
        | `- 2:0:1:0 sdg 8:96  active ready running
        `-+- policy='service-time 0' prio=1 status=enabled
          |- 1:0:2:0 sdd 8:48  active ready running
          `- 2:0:2:0 sdh 8:112 active ready running
        """,
        caption="Five paths where the plan gives lnx01 six (2 initiators x 3 targets).",
    )
    passes = Multipath(MPLL, caption="Exactly the planned six.")


class TooManyPaths(_HostRule):
    """A cluster LUN has more paths than the zoning plan gives the host.

    Why:
        Extra paths mean zoning wider than planned (an open default zone, a stale zone, a
        port cabled elsewhere than the inventory says); it works until the inventory is used
        for a change.
    Fix:
        Audit the fabrics against the plan (``zoneplan audit``) and correct the inventory or
        the zoning.
    """

    code = "ZP803"
    name = "too-many-paths"
    severity = Severity.ERROR
    fails = Multipath(
        """
        3600140512345678900000000000000a1 dm-3 eSSM_BIO,testdisk_0
        size=500G features='1 queue_if_no_path' hwhandler='1 alua' wp=rw
        |-+- policy='service-time 0' prio=50 status=active
        | |- 1:0:0:0 sdb 8:16  active ready running
        | |- 1:0:1:0 sdc 8:32  active ready running
        | |- 2:0:0:0 sdf 8:80  active ready running
        | |- 2:0:1:0 sdg 8:96  active ready running
        | `- 3:0:1:0 sdk 8:160 active ready running
        `-+- policy='service-time 0' prio=1 status=enabled
          |- 1:0:2:0 sdd 8:48  active ready running
          `- 2:0:2:0 sdh 8:112 active ready running
        """,
        caption="Seven paths where the plan gives six.",
    )
    passes = Multipath(MPLL, caption="Exactly the planned six.")


class FailedPath(_HostRule):
    """A path of a cluster LUN is not ``active ready running``.

    Why:
        A failed, faulty or offline path is redundancy that is gone without anyone noticing
        until the next failure.
    Fix:
        Check the HBA port, cable, switch port and zoning of that path (its H:C:T:L names
        the HBA as ``host H``); then ``multipath -r``.
    """

    code = "ZP804"
    name = "failed-path"
    severity = Severity.ERROR
    fails = Multipath(
        MPLL.replace("sdg 8:96  active ready running", "sdg 8:96  failed faulty running"),
        caption="One path ``failed faulty``.",
    )
    passes = Multipath(MPLL, caption="Every path ``active ready running``.")


class MissingStandbyGroup(_HostRule):
    """A cluster LUN has no path group for the standby node's paths.

    Why:
        With ALUA and ``path_grouping_policy group_by_prio`` the active node's paths form
        the first group and the standby node's paths a second one; without it the client
        either cannot fail over to the standby node or mixes both nodes' paths in one group.
    Fix:
        Use the device section from ``zoneplan hosts config`` (``path_grouping_policy
        group_by_prio``, ``prio alua``), check the standby node's zoning, then ``multipath -r``.
    """

    code = "ZP805"
    name = "missing-standby-group"
    severity = Severity.ERROR
    fails = Multipath(
        """
        3600140512345678900000000000000a1 dm-3 eSSM_BIO,testdisk_0
        size=500G features='1 queue_if_no_path' hwhandler='1 alua' wp=rw
        `-+- policy='service-time 0' prio=50 status=active
          |- 1:0:0:0 sdb 8:16  active ready running
          |- 1:0:1:0 sdc 8:32  active ready running
          |- 2:0:0:0 sdf 8:80  active ready running
          `- 2:0:1:0 sdg 8:96  active ready running
        """,
        caption="Only the active node's group: the standby node's two paths are missing.",
    )
    passes = Multipath(MPLL, caption="The active node's group, then the standby node's.")


class GroupOrderWrong(_HostRule):
    """The path groups are not ordered as ALUA says: the active node's group first and in use.

    Why:
        The highest-priority group must be the one doing I/O (``status=active``) and it must
        hold the active node's ports; otherwise I/O goes through the standby node (slow, or
        refused) or the cluster has failed over without anyone noticing.
    Fix:
        ``failback immediate`` in the device section; after a cluster failover, fail back on
        the cluster; then ``multipath -r``.
    """

    code = "ZP806"
    name = "group-order-wrong"
    severity = Severity.ERROR
    fails = Multipath(
        MPLL.replace("prio=50 status=active", "prio=50 status=enabled").replace(
            "prio=1 status=enabled", "prio=1 status=active"
        ),
        caption="I/O on the standby node's group (``status=active`` on the lower priority).",
    )
    passes = Multipath(MPLL)


class NoClusterLunFound(_HostRule):
    """No map in the ``multipath -ll`` output has the cluster's SCSI vendor (and product).

    Why:
        The host sees no cluster LUN through multipath: it is not zoned, the LUNs are not
        mapped to it, multipath blacklists them, or the inventory's ``scsi_vendor`` does not
        match what the cluster reports.
    Fix:
        Check the vendor the LUNs report (``lsscsi``, ``cat /sys/block/sdX/device/vendor``)
        against the inventory's ``cluster.scsi_vendor``, the LUN mapping on the cluster and
        the host's zoning.
    """

    code = "ZP807"
    name = "no-cluster-lun-found"
    severity = Severity.ERROR
    fails = Multipath(
        MPLL.replace("eSSM_BIO,testdisk_0", "DELL,MD36xxi"),
        caption="Only maps of another vendor's storage.",
    )
    passes = Multipath(MPLL, caption="A map of the cluster's SCSI vendor (``eSSM``).")


class NoQueueing(_HostRule):
    """A cluster LUN's map does not queue I/O when all paths are gone (no ``queue_if_no_path``).

    Why:
        During a cluster failover there is a moment without any usable path; the device
        section sets ``no_path_retry queue`` so that I/O waits for the standby node instead
        of failing (the FAQ warns of data loss otherwise). The kernel shows that as the
        ``queue_if_no_path`` feature.
    Fix:
        ``no_path_retry queue`` in the device section (``zoneplan hosts config``), check with
        ``multipath -t`` that the section is loaded for the vendor, then ``multipath -r``.
    """

    code = "ZP808"
    name = "no-queueing"
    severity = Severity.ERROR
    fails = Multipath(
        MPLL.replace("features='1 queue_if_no_path'", "features='0'"),
        caption="``features='0'`` on the cluster LUN.",
    )
    passes = Multipath(MPLL)


class UnexpectedPathGroups(_HostRule):
    """A cluster LUN has more path groups than the two nodes explain.

    Why:
        ``group_by_prio`` with ALUA gives one group per node; more groups mean another
        grouping policy (``failover``: one path per group, so one path at a time) or ports
        of one node reporting different ALUA states.
    Fix:
        ``path_grouping_policy group_by_prio`` in the device section; check the cluster's
        target port states.
    """

    code = "ZP809"
    name = "unexpected-path-groups"
    severity = Severity.ERROR
    fails = Multipath(
        """
        3600140512345678900000000000000a1 dm-3 eSSM_BIO,testdisk_0
        size=500G features='1 queue_if_no_path' hwhandler='1 alua' wp=rw
        |-+- policy='service-time 0' prio=50 status=active
        | `- 1:0:0:0 sdb 8:16  active ready running
        |-+- policy='service-time 0' prio=50 status=enabled
        | `- 1:0:1:0 sdc 8:32  active ready running
        |-+- policy='service-time 0' prio=50 status=enabled
        | `- 2:0:0:0 sdf 8:80  active ready running
        |-+- policy='service-time 0' prio=50 status=enabled
        | `- 2:0:1:0 sdg 8:96  active ready running
        |-+- policy='service-time 0' prio=1 status=enabled
        | `- 1:0:2:0 sdd 8:48  active ready running
        `-+- policy='service-time 0' prio=1 status=enabled
          `- 2:0:2:0 sdh 8:112 active ready running
        """,
        caption="``path_grouping_policy failover``: six groups of one path.",
    )
    passes = Multipath(MPLL, caption="Two groups, one per node.")


class EqualPathPriorities(_HostRule):
    """All path groups of a cluster LUN have the same priority.

    Why:
        Equal priorities mean the ALUA prioritiser is not in use (``prio const``), so
        multipath cannot tell the active node from the standby node and ``failback
        immediate`` has nothing to go back to.
    Fix:
        ``prio alua`` (or ``detect_prio yes``) in the device section, then ``multipath -r``.
    """

    code = "ZP810"
    name = "equal-path-priorities"
    severity = Severity.ERROR
    fails = Multipath(
        MPLL.replace("prio=50 status=active", "prio=1 status=active"),
        caption="``prio=1`` on both groups.",
    )
    passes = Multipath(MPLL, caption="``prio=50`` on the active node's group, ``prio=1`` below.")


RULES = (
    WrongHwhandler,
    TooFewPaths,
    TooManyPaths,
    FailedPath,
    MissingStandbyGroup,
    GroupOrderWrong,
    NoClusterLunFound,
    NoQueueing,
    UnexpectedPathGroups,
    EqualPathPriorities,
)
