"""Host-side rules: ``multipath -ll`` parsing (ZP050-ZP059) and verification (ZP8xx).

Why a catalogue entry per problem: ``zoneplan hosts verify`` compares what a client reports
with the zoning plan; every way the output can be unreadable and every way multipath can be set
up wrong has a code a user can look up (``zoneplan rules ZP805``), select and suppress. The
findings are made by :mod:`zoneplan.hosts.mpll` and :mod:`zoneplan.hosts.verify` through
``make``; none of these rules runs over the inventory.
"""

from __future__ import annotations

from ..findings import Severity
from .base import Rule


class _HostRule(Rule):
    scope = "host"


# -- ZP050-ZP059: reading `multipath -ll` ---------------------------------------------------------


class MpllNoMaps(_HostRule):
    """The ``multipath -ll`` output holds no multipath map at all.

    Why:
        Nothing can be verified from an empty file or from the output of another command;
        reporting "no problems" for it would hide a host that has no multipath at all.
    Fails:
        An empty file; ``multipath -ll`` run while multipathd had built no map (prints
        nothing); the output of ``lsscsi`` saved under the wrong name.
    Passes:
        Output with at least one map header (``3600... dm-0 VENDOR,PRODUCT``).
    Fix:
        Start multipathd (``systemctl enable --now multipathd``), check that the device
        section is loaded (``multipath -t``), then save ``multipath -ll`` again.
    """

    code = "ZP050"
    name = "mpll-no-maps"
    severity = Severity.FATAL


class MpllUnrecognisedLine(_HostRule):
    """A line of the ``multipath -ll`` output fits none of its line formats and was skipped.

    Why:
        A garbled line may be a path whose state is then never checked; the output was
        edited, mixed with other output, or damaged in transfer.
    Fails:
        ``6:0:1:0 sdc`` cut in half and joined with the next line; a shell prompt in the
        middle of the output; a line of another command.
    Passes:
        Map headers, ``size=`` lines, path group lines and path lines, in the modern or the
        RHEL 5 bracket format.
    Fix:
        Save the output of ``multipath -ll`` alone, unedited (``multipath -ll > host.txt``).
    """

    code = "ZP051"
    name = "mpll-unrecognised-line"
    severity = Severity.WARNING


class MpllTruncatedMap(_HostRule):
    """A map in the ``multipath -ll`` output ends before its content does.

    Why:
        A cut-off output looks like a host with fewer paths; the verification would then
        blame the zoning for what is a copy-and-paste problem.
    Fails:
        A map header without its ``size=`` line; a map without path groups; a path group
        without paths; a last path group drawn ``|-+-`` (the tree says another follows) or a
        last path drawn ``|-`` with nothing after it.
    Passes:
        Complete maps, each group's last path drawn with a backquote.
    Fix:
        Save the whole output again (no scrollback limit, no pager).
    """

    code = "ZP052"
    name = "mpll-truncated-map"
    severity = Severity.ERROR


class MpllBadMapAttributes(_HostRule):
    """The attribute line of a map (size, features, hwhandler, write protection) is malformed.

    Why:
        features and hwhandler are what the verification checks (queueing, ALUA); a line
        that cannot be read is a check that cannot be made.
    Fails:
        ``size=500G features='3 queue_if`` (unclosed quote), ``sisze=2.0T ...`` (misspelt
        key), ``wp=r``, a bracket line ``[size=10G][features=0`` without its closing bracket.
    Passes:
        ``size=500G features='0' hwhandler='1 alua' wp=rw`` and
        ``[size=10G][features=1 queue_if_no_path][hwhandler=1 alua][rw]``.
    Fix:
        Save the output again, unedited.
    """

    code = "ZP053"
    name = "mpll-bad-map-attributes"
    severity = Severity.ERROR


class MpllBadPathGroup(_HostRule):
    """A path group line (policy, prio, status) is malformed.

    Why:
        Group priorities and states tell which cluster node multipath uses; a group line
        that cannot be read leaves the failover order unknown.
    Fails:
        ``|-+- policy='round-robin 0' prio=50 status=act`` (cut), ``prio=high``.
    Passes:
        ``|-+- policy='service-time 0' prio=50 status=active`` and
        ``\\_ round-robin 0 [prio=50][active]``.
    Fix:
        Save the output again, unedited.
    """

    code = "ZP054"
    name = "mpll-bad-path-group"
    severity = Severity.ERROR


class MpllBadPath(_HostRule):
    """A path line (H:C:T:L, device, major:minor, states) is malformed.

    Why:
        Every path's states are checked; a path that cannot be read can be neither counted
        nor checked.
    Fails:
        ``|- 6:0:1:0 sdc 8:32 active rea`` (cut), an unknown state word, a missing device.
    Passes:
        ``| `- 6:0:1:0 sdc 8:32 active ready running`` and
        `` \\_ 6:0:1:0 sdc 8:32 [active][ready]``.
    Fix:
        Save the output again, unedited.
    """

    code = "ZP055"
    name = "mpll-bad-path"
    severity = Severity.ERROR


class MpllOrphanLine(_HostRule):
    """A path group or path line comes before any map it could belong to.

    Why:
        The start of the output is missing (the map header was cut off), so its paths cannot
        be assigned to a LUN.
    Fails:
        An output that begins with ``|- 4:0:1:1 sdd 8:48 active ready running``.
    Passes:
        An output that begins with a map header.
    Fix:
        Save the whole output again.
    """

    code = "ZP056"
    name = "mpll-orphan-line"
    severity = Severity.ERROR


class MpllUnreadable(_HostRule):
    """The ``multipath -ll`` file could not be read.

    Why:
        Nothing can be verified from a file that cannot be opened or is not text.
    Fails:
        A path that does not exist, a directory, a binary file.
    Passes:
        A text file with the saved output.
    Fix:
        Check the path; save the output as text (``multipath -ll > host.txt``).
    """

    code = "ZP057"
    name = "mpll-unreadable"
    severity = Severity.FATAL


class MpllCountMismatch(_HostRule):
    """A features or hwhandler value announces a different number of words than it has.

    Why:
        device-mapper prints ``features='N word...'``: a count that disagrees with the words
        means the value was cut or edited, so what it says about queueing is unreliable.
    Fails:
        ``features='3 queue_if_no_path'``, ``hwhandler='1'``.
    Passes:
        ``features='3 queue_if_no_path pg_init_retries 50'``, ``hwhandler='1 alua'``,
        ``features='0'``.
    Fix:
        Save the output again, unedited.
    """

    code = "ZP058"
    name = "mpll-count-mismatch"
    severity = Severity.WARNING


class MpllMessage(_HostRule):
    """multipath printed a message (a warning about its configuration) inside the output.

    Why:
        When stderr was saved too, messages such as ``ignoring deprecated option
        "getuid_callout"`` or ``invalid keyword`` tell that the configuration is not what was
        meant; they are shown so that they are not lost.
    Fails:
        Informational: ``12457.451 | /etc/multipath.conf line 8: ignoring deprecated option``.
    Passes:
        Output without messages.
    Fix:
        Correct what the message says (``zoneplan hosts config`` writes a configuration the
        installed multipath-tools accepts), then save the output again.
    """

    code = "ZP059"
    name = "mpll-message"
    severity = Severity.INFO


# -- ZP8xx: checking the host against the plan -------------------------------------------------


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
    MpllNoMaps,
    MpllUnrecognisedLine,
    MpllTruncatedMap,
    MpllBadMapAttributes,
    MpllBadPathGroup,
    MpllBadPath,
    MpllOrphanLine,
    MpllUnreadable,
    MpllCountMismatch,
    MpllMessage,
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
