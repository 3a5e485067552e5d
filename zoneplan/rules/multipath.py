"""ZP050-ZP059: reading a client's ``multipath -ll`` output.

Made by :mod:`zoneplan.hosts.mpll` through ``make``: every line the parser cannot place is a
coded finding with file:line, never a silent skip.
"""

from __future__ import annotations

from ..findings import Severity
from .base import Rule, RuleScope


class _HostRule(Rule):
    scope = RuleScope.HOST


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
