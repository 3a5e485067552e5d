"""ZP050-ZP059: reading a client's ``multipath -ll`` output.

Made by :mod:`zoneplan.hosts.mpll` through ``make``: every line the parser cannot place is a
coded finding with file:line, never a silent skip.
"""

from __future__ import annotations

from ..findings import Severity
from .base import Rule, RuleScope
from .examples import Multipath, Run

#: ``multipath -ll`` on lnx01 (the sample's Linux client) as the plan wants it: one cluster LUN,
#: 2 initiators x (2 active + 1 standby) targets = 6 paths, the active node's 4 first
#: (multipath-tools 0.8 layout, ``print_multipath_topology``)
MPLL = """
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


class _HostRule(Rule):
    scope = RuleScope.HOST


class MpllNoMaps(_HostRule):
    """The ``multipath -ll`` output holds no multipath map at all.

    Why:
        Nothing can be verified from an empty file or from the output of another command;
        reporting "no problems" for it would hide a host that has no multipath at all.
    Fix:
        Start multipathd (``systemctl enable --now multipathd``), check that the device
        section is loaded (``multipath -t``), then save ``multipath -ll`` again.
    """

    code = "ZP050"
    name = "mpll-no-maps"
    severity = Severity.FATAL
    fails = Multipath(
        """
        [0:0:0:0]    disk    HP       LOGICAL VOLUME   1.34  /dev/sda
        [1:0:0:0]    disk    eSSM_BIO testdisk_0       0001  /dev/sdb
        """,
        caption="The output of ``lsscsi`` saved as the ``multipath -ll`` file.",
    )
    passes = Multipath(MPLL)


class MpllUnrecognisedLine(_HostRule):
    """A line of the ``multipath -ll`` output fits none of its line formats and was skipped.

    Why:
        A garbled line may be a path whose state is then never checked; the output was
        edited, mixed with other output, or damaged in transfer.
    Fix:
        Save the output of ``multipath -ll`` alone, unedited (``multipath -ll > host.txt``).
    """

    code = "ZP051"
    name = "mpll-unrecognised-line"
    severity = Severity.WARNING
    fails = Multipath(
        MPLL.replace("    `-+- policy", "    [root@lnx01 ~]# \n    `-+- policy"),
        caption="A shell prompt in the middle of the output.",
    )
    passes = Multipath(MPLL)


class MpllTruncatedMap(_HostRule):
    """A map in the ``multipath -ll`` output ends before its content does.

    Why:
        A cut-off output looks like a host with fewer paths; the verification would then
        blame the zoning for what is a copy-and-paste problem.
    Fix:
        Save the whole output again (no scrollback limit, no pager).
    """

    code = "ZP052"
    name = "mpll-truncated-map"
    severity = Severity.ERROR
    fails = Multipath(
        """
        3600140512345678900000000000000a1 dm-3 eSSM_BIO,testdisk_0
        size=500G features='1 queue_if_no_path' hwhandler='1 alua' wp=rw
        |-+- policy='service-time 0' prio=50 status=active
        | |- 1:0:0:0 sdb 8:16  active ready running
        | |- 1:0:1:0 sdc 8:32  active ready running
        """,
        caption="Cut after a path drawn ``|-``: the tree says another one follows.",
    )
    passes = Multipath(MPLL, caption="Each group's last path drawn with a backquote.")


class MpllBadMapAttributes(_HostRule):
    """The attribute line of a map (size, features, hwhandler, write protection) is malformed.

    Why:
        features and hwhandler are what the verification checks (queueing, ALUA); a line
        that cannot be read is a check that cannot be made.
    Fix:
        Save the output again, unedited.
    """

    code = "ZP053"
    name = "mpll-bad-map-attributes"
    severity = Severity.ERROR
    fails = Multipath(
        MPLL.replace("features='1 queue_if_no_path'", "features='1 queue_if_no_path"),
        caption="``features=`` with its closing quote lost.",
    )
    passes = Multipath(MPLL)


class MpllBadPathGroup(_HostRule):
    """A path group line (policy, prio, status) is malformed.

    Why:
        Group priorities and states tell which cluster node multipath uses; a group line
        that cannot be read leaves the failover order unknown.
    Fix:
        Save the output again, unedited.
    """

    code = "ZP054"
    name = "mpll-bad-path-group"
    severity = Severity.ERROR
    fails = Multipath(
        MPLL.replace("prio=50 status=active", "prio=high status=active"),
        caption="``prio=high``: a priority is a number.",
    )
    passes = Multipath(MPLL)


class MpllBadPath(_HostRule):
    """A path line (H:C:T:L, device, major:minor, states) is malformed.

    Why:
        Every path's states are checked; a path that cannot be read can be neither counted
        nor checked.
    Fix:
        Save the output again, unedited.
    """

    code = "ZP055"
    name = "mpll-bad-path"
    severity = Severity.ERROR
    fails = Multipath(
        MPLL.replace("sdc 8:32  active ready running", "sdc 8:32  active rea"),
        caption="A path line cut in the middle of its states.",
    )
    passes = Multipath(MPLL)


class MpllOrphanLine(_HostRule):
    """A path group or path line comes before any map it could belong to.

    Why:
        The start of the output is missing (the map header was cut off), so its paths cannot
        be assigned to a LUN.
    Fix:
        Save the whole output again.
    """

    code = "ZP056"
    name = "mpll-orphan-line"
    severity = Severity.ERROR
    fails = Multipath(
        """
        | |- 1:0:1:0 sdc 8:32  active ready running
        | |- 2:0:0:0 sdf 8:80  active ready running
        | `- 2:0:1:0 sdg 8:96  active ready running
        `-+- policy='service-time 0' prio=1 status=enabled
          |- 1:0:2:0 sdd 8:48  active ready running
          `- 2:0:2:0 sdh 8:112 active ready running
        """,
        caption="The top of the output lost: it starts with paths.",
    )
    passes = Multipath(MPLL, caption="The output starts with a map header.")


class MpllUnreadable(_HostRule):
    """The ``multipath -ll`` file could not be read.

    Why:
        Nothing can be verified from a file that cannot be opened or is not text.
    Fix:
        Check the path; save the output as text (``multipath -ll > host.txt``).
    """

    code = "ZP057"
    name = "mpll-unreadable"
    severity = Severity.FATAL
    fails = Run(
        "zoneplan hosts verify inventory.yaml --host lnx01 --multipath-ll no-such-file.txt",
        caption="A path that does not exist.",
    )
    passes = Run(
        "zoneplan hosts verify inventory.yaml --host lnx01 --multipath-ll lnx01-mpll.txt",
        files={"lnx01-mpll.txt": MPLL},
    )


class MpllCountMismatch(_HostRule):
    """A features or hwhandler value announces a different number of words than it has.

    Why:
        device-mapper prints ``features='N word...'``: a count that disagrees with the words
        means the value was cut or edited, so what it says about queueing is unreliable.
    Fix:
        Save the output again, unedited.
    """

    code = "ZP058"
    name = "mpll-count-mismatch"
    severity = Severity.WARNING
    fails = Multipath(
        MPLL.replace("features='1 queue_if_no_path'", "features='3 queue_if_no_path'"),
        caption="``features='3 …'`` followed by one word.",
    )
    passes = Multipath(
        MPLL.replace(
            "features='1 queue_if_no_path'", "features='3 queue_if_no_path pg_init_retries 50'"
        )
    )


class MpllMessage(_HostRule):
    """multipath printed a message (a warning about its configuration) inside the output.

    Why:
        When stderr was saved too, messages such as ``ignoring deprecated option
        "getuid_callout"`` or ``invalid keyword`` tell that the configuration is not what was
        meant; they are shown so that they are not lost.
    Fix:
        Correct what the message says (``zoneplan hosts config`` writes a configuration the
        installed multipath-tools accepts), then save the output again.
    """

    code = "ZP059"
    name = "mpll-message"
    severity = Severity.INFO
    fails = Multipath(
        '12457.451 | /etc/multipath.conf line 8: ignoring deprecated option "getuid_callout"\n'
        + MPLL,
        caption="Reported: stderr saved with the output.",
    )
    passes = Multipath(MPLL)


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
)
