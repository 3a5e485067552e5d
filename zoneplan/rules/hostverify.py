"""ZP8xx: a client's multipath state against its zoned paths (``zoneplan hosts verify``).

Made by :mod:`zoneplan.hosts.verify` through ``make``.
"""

from __future__ import annotations

from ..findings import Severity
from .base import Rule, RuleScope


class _HostRule(Rule):
    scope = RuleScope.HOST


class WrongHwhandler(_HostRule):
    """A cluster LUN's map does not use the ALUA hardware handler (``hwhandler='1 alua'``).

    Why:
        The cluster tells clients through ALUA which node is active; without the alua
        handler the client neither learns the port states nor switches over cleanly when the
        standby node takes over.
    Fails:
        ``hwhandler='0'`` or ``hwhandler='1 emc'`` on an eSSM LUN.
    Passes:
        ``hwhandler='1 alua'``.
    Fix:
        Put ``hardware_handler "1 alua"`` into the device section (``zoneplan hosts config``),
        then ``multipath -r`` (kernels from 4.3 attach the handler themselves when the LUN
        reports ALUA support).
    """

    code = "ZP801"
    name = "wrong-hwhandler"
    severity = Severity.ERROR


class TooFewPaths(_HostRule):
    """A cluster LUN has fewer paths than the zoning plan gives the host.

    Why:
        Every zoning strategy zones each initiator to every target port of both nodes on its
        fabric; a missing path is a missing zone, a cable, a port down or an HBA not logged
        in, and the redundancy the plan promises is not there.
    Fails:
        3 paths where the plan expects 6 (2 initiators x (2 active + 1 standby) targets).
    Passes:
        Exactly the planned number of paths.
    Fix:
        Compare ``zoneplan plan`` with the switch's active zoning (``zoneplan audit``), check
        the host's HBA links, then rescan (``rescan-scsi-bus.sh`` or
        ``echo "- - -" > /sys/class/scsi_host/hostN/scan``).
    """

    code = "ZP802"
    name = "too-few-paths"
    severity = Severity.ERROR


class TooManyPaths(_HostRule):
    """A cluster LUN has more paths than the zoning plan gives the host.

    Why:
        Extra paths mean zoning wider than planned (an open default zone, a stale zone, a
        port cabled elsewhere than the inventory says); it works until the inventory is used
        for a change.
    Fails:
        8 paths where the plan expects 6.
    Passes:
        Exactly the planned number of paths.
    Fix:
        Audit the fabrics against the plan (``zoneplan audit``) and correct the inventory or
        the zoning.
    """

    code = "ZP803"
    name = "too-many-paths"
    severity = Severity.ERROR


class FailedPath(_HostRule):
    """A path of a cluster LUN is not ``active ready running``.

    Why:
        A failed, faulty or offline path is redundancy that is gone without anyone noticing
        until the next failure.
    Fails:
        ``6:0:0:0 sdb 8:16 failed faulty running``, ``... active ready offline``.
    Passes:
        ``6:0:0:0 sdb 8:16 active ready running`` on every path.
    Fix:
        Check the HBA port, cable, switch port and zoning of that path (its H:C:T:L names
        the HBA as ``host H``); then ``multipath -r``.
    """

    code = "ZP804"
    name = "failed-path"
    severity = Severity.ERROR


class MissingStandbyGroup(_HostRule):
    """A cluster LUN has no path group for the standby node's paths.

    Why:
        With ALUA and ``path_grouping_policy group_by_prio`` the active node's paths form
        the first group and the standby node's paths a second one; without it the client
        either cannot fail over to the standby node or mixes both nodes' paths in one group.
    Fails:
        One group with only the active node's paths; all paths in one group (multibus or no
        ALUA prioritiser).
    Passes:
        Two groups: the active node's paths at the higher priority, the standby node's below.
    Fix:
        Use the device section from ``zoneplan hosts config`` (``path_grouping_policy
        group_by_prio``, ``prio alua``), check the standby node's zoning, then ``multipath -r``.
    """

    code = "ZP805"
    name = "missing-standby-group"
    severity = Severity.ERROR


class GroupOrderWrong(_HostRule):
    """The path groups are not ordered as ALUA says: the active node's group first and in use.

    Why:
        The highest-priority group must be the one doing I/O (``status=active``) and it must
        hold the active node's ports; otherwise I/O goes through the standby node (slow, or
        refused) or the cluster has failed over without anyone noticing.
    Fails:
        A first group of lower priority than the second; the second group ``status=active``;
        the first group holding the standby node's number of paths (a failover).
    Passes:
        ``prio=50 status=active`` with the active node's paths, then ``prio=1 status=enabled``
        with the standby node's.
    Fix:
        ``failback immediate`` in the device section; after a cluster failover, fail back on
        the cluster; then ``multipath -r``.
    """

    code = "ZP806"
    name = "group-order-wrong"
    severity = Severity.ERROR


class NoClusterLunFound(_HostRule):
    """No map in the ``multipath -ll`` output has the cluster's SCSI vendor (and product).

    Why:
        The host sees no cluster LUN through multipath: it is not zoned, the LUNs are not
        mapped to it, multipath blacklists them, or the inventory's ``scsi_vendor`` does not
        match what the cluster reports.
    Fails:
        Only ``DELL,MD36xxi`` maps where the cluster's vendor is ``eSSM``.
    Passes:
        A map such as ``3653... dm-0 eSSM_BIO,testdisk_0``.
    Fix:
        Check the vendor the LUNs report (``lsscsi``, ``cat /sys/block/sdX/device/vendor``)
        against the inventory's ``cluster.scsi_vendor``, the LUN mapping on the cluster and
        the host's zoning.
    """

    code = "ZP807"
    name = "no-cluster-lun-found"
    severity = Severity.ERROR


class NoQueueing(_HostRule):
    """A cluster LUN's map does not queue I/O when all paths are gone (no ``queue_if_no_path``).

    Why:
        During a cluster failover there is a moment without any usable path; the device
        section sets ``no_path_retry queue`` so that I/O waits for the standby node instead
        of failing (the FAQ warns of data loss otherwise). The kernel shows that as the
        ``queue_if_no_path`` feature.
    Fails:
        ``features='0'`` on a cluster LUN.
    Passes:
        ``features='1 queue_if_no_path'`` or ``features='3 queue_if_no_path pg_init_retries 50'``.
    Fix:
        ``no_path_retry queue`` in the device section (``zoneplan hosts config``), check with
        ``multipath -t`` that the section is loaded for the vendor, then ``multipath -r``.
    """

    code = "ZP808"
    name = "no-queueing"
    severity = Severity.ERROR


class UnexpectedPathGroups(_HostRule):
    """A cluster LUN has more path groups than the two nodes explain.

    Why:
        ``group_by_prio`` with ALUA gives one group per node; more groups mean another
        grouping policy (``failover``: one path per group, so one path at a time) or ports
        of one node reporting different ALUA states.
    Fails:
        Six groups of one path each (``path_grouping_policy failover``).
    Passes:
        Two groups (one when the standby node has no port on the host's fabrics).
    Fix:
        ``path_grouping_policy group_by_prio`` in the device section; check the cluster's
        target port states.
    """

    code = "ZP809"
    name = "unexpected-path-groups"
    severity = Severity.ERROR


class EqualPathPriorities(_HostRule):
    """All path groups of a cluster LUN have the same priority.

    Why:
        Equal priorities mean the ALUA prioritiser is not in use (``prio const``), so
        multipath cannot tell the active node from the standby node and ``failback
        immediate`` has nothing to go back to.
    Fails:
        ``prio=1`` on both groups, ``prio=0`` on both groups.
    Passes:
        ``prio=50`` on the active node's group, ``prio=1`` on the standby node's.
    Fix:
        ``prio alua`` (or ``detect_prio yes``) in the device section, then ``multipath -r``.
    """

    code = "ZP810"
    name = "equal-path-priorities"
    severity = Severity.ERROR


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
