"""Capture rules (ZP020-ZP049): problems in saved switch output, found while parsing it.

Why a catalogue entry per problem: a capture that is cut off, paged or garbled must never turn
into a silently smaller fabric; each way it can go wrong has a code a user can look up, select
and explain. The parsers in :mod:`zoneplan.parsers` make these findings through ``make``.
"""

from __future__ import annotations

from ..findings import Severity
from .base import Rule, RuleScope


class _CaptureRule(Rule):
    scope = RuleScope.CAPTURE


class UnreadableCapture(_CaptureRule):
    """A capture file or folder could not be read.

    Why:
        Nothing can be said about a switch whose output cannot be opened.
    Fails:
        A path that does not exist, a directory without permission, a binary file.
    Passes:
        A readable text file of saved command output.
    Fix:
        Check the path; save the output as text (UTF-8 or ASCII).
    """

    code = "ZP020"
    name = "unreadable-capture"
    severity = Severity.FATAL


class TruncatedOutput(_CaptureRule):
    """Command output ends before its content does (a cut-off member list, a short count).

    Why:
        A cut-off capture parses as a smaller configuration; an audit would then report zones
        as missing and an import would drop them.
    Fails:
        A member list ending in ``;`` with nothing after it, an entry without members at the
        end, a half WWN, a last zone with fewer members than its definition, an output that
        stops before its trailer (``Total number of flogi``).
    Passes:
        The complete output of the command.
    Fix:
        Capture again with paging off (``terminal length 0`` / ``sessionshow`` settings) and
        without a size-limited scrollback.
    """

    code = "ZP021"
    name = "truncated-output"
    severity = Severity.ERROR


class PagingPromptInOutput(_CaptureRule):
    """A terminal pager prompt (``--More--``, ``Type <CR> to continue``) is inside the output.

    Why:
        A pager stops output until a key is pressed; the capture may miss what came after,
        and the prompt garbles the line it sits on.
    Fails:
        ``--More--`` or ``Type <CR> to continue, Q<CR> to stop:`` in a saved output.
    Passes:
        Output captured with paging off.
    Fix:
        ``terminal length 0`` on NX-OS; on FOS capture through SSH without a pager
        (or use ``| more`` off); then capture again.
    """

    code = "ZP022"
    name = "paging-prompt-in-output"
    severity = Severity.WARNING


class SwitchErrorInOutput(_CaptureRule):
    """The switch printed an error instead of (or inside) the output.

    Why:
        An error line means the command did not run as intended; what follows may be partial.
    Fails:
        ``Error: Invalid zone member``, ``% Invalid command at '^' marker.``,
        ``rbash: cfgshow: command not found``.
    Passes:
        Output without error lines.
    Fix:
        Run the command again with the right syntax and rights, then capture again.
    """

    code = "ZP023"
    name = "switch-error-in-output"
    severity = Severity.ERROR


class MissingEffectiveSection(_CaptureRule):
    """A ``cfgshow``/``zoneshow`` output has no ``Effective configuration:`` section.

    Why:
        FOS always prints it (``no configuration in effect`` when empty); without it the
        output was cut and the effective zoning is unknown, not empty.
    Fails:
        ``Defined configuration:`` … end of file.
    Passes:
        Both sections, even when the effective one says ``no configuration in effect``.
    Fix:
        Capture ``cfgshow`` again in full (or add ``cfgactvshow``).
    """

    code = "ZP024"
    name = "missing-effective-section"
    severity = Severity.ERROR


class UnrecognisedLine(_CaptureRule):
    """A line the parser of this command does not know.

    Why:
        An unknown line may carry content a newer firmware added, or garbage pasted in; it is
        reported rather than silently skipped so nothing is lost unnoticed.
    Fails:
        ``zone: foo`` inside a ``show flogi database`` output; a random pasted line.
    Passes:
        Lines of the command's documented format (FOS 8/9 additions included).
    Fix:
        Check the capture; if the line is a real format, report it so the parser learns it.
    """

    code = "ZP025"
    name = "unrecognised-line"
    severity = Severity.WARNING


class UnknownCommandFile(_CaptureRule):
    """A capture file or prompt names a command zoneplan does not read.

    Why:
        Skipped output must be visible: the user may think it was used.
    Fails:
        ``version.txt``, ``sw1:admin> portperfshow``, a file whose content matches no command.
    Passes:
        Files named after catalogued commands (``cfgshow.txt``, ``show_flogi_database.txt``)
        or introduced by a prompt line naming one.
    Fix:
        Name the file after the command (spaces as ``_``) or keep the prompt line in it.
    """

    code = "ZP026"
    name = "unknown-command-file"
    severity = Severity.WARNING


class AnsiEscapeInOutput(_CaptureRule):
    """ANSI terminal escapes (colours, cursor moves) or backspaces are in the output.

    Why:
        Escapes glue themselves to names; they are stripped, but the capture came from a
        terminal emulator and may carry other damage.
    Fails:
        ``\\x1b[7m--More--\\x1b[m``, backspace-erased pager prompts.
    Passes:
        Plain text output.
    Fix:
        Capture with a plain terminal (``TERM=dumb``) or through the SSH adapter.
    """

    code = "ZP027"
    name = "ansi-escape-in-output"
    severity = Severity.INFO


class CrlfLineEndings(_CaptureRule):
    """The output uses CR LF line endings (or stray CRs).

    Why:
        Harmless once normalised, but a stray CR in the middle of a line means overwritten
        terminal text; it is normalised and noted.
    Fails:
        A capture saved on Windows or from a raw SSH channel.
    Passes:
        LF line endings.
    Fix:
        None needed; ``dos2unix`` if other tools read the file.
    """

    code = "ZP028"
    name = "crlf-line-endings"
    severity = Severity.INFO


class InvalidMember(_CaptureRule):
    """A zone or alias member is neither a WWN, a domain,index pair nor a name.

    Why:
        A half WWN (``50:01:43:80:12``) is a cut or garbled line; keeping it as a name would
        invent a member.
    Fails:
        ``50:01:43:80:12:0E``, ``1,``, a name with illegal characters.
    Passes:
        ``50:01:43:80:12:0e:2b:60``, ``1,5``, ``host1_hba0``.
    Fix:
        Capture again; check the switch configuration for the member.
    """

    code = "ZP029"
    name = "invalid-member"
    severity = Severity.ERROR


class FilteredOutput(_CaptureRule):
    """The command was piped through a filter (``| grep``, ``| include``): output is partial.

    Why:
        A filtered ``cfgshow`` lists cfg names without their zones; it must not be read as
        a configuration with empty zones.
    Fails:
        ``> cfgshow | grep -e cfg: -e configuration:``.
    Passes:
        The unfiltered command.
    Fix:
        Capture the command without a pipe.
    """

    code = "ZP030"
    name = "filtered-output"
    severity = Severity.WARNING


class CountMismatch(_CaptureRule):
    """A count the switch printed differs from what the output lists.

    Why:
        ``Total number of flogi = 21.`` with 20 listed, or ``show zone status`` saying 134
        active zones when ``show zoneset active`` lists 130, means something was lost.
    Fails:
        A trailer or status count that does not match the parsed entries.
    Passes:
        Matching counts.
    Fix:
        Capture the outputs again, together, with paging off.
    """

    code = "ZP031"
    name = "count-mismatch"
    severity = Severity.ERROR


class DuplicateDefinition(_CaptureRule):
    """The same zone, alias or cfg is defined twice in one output.

    Why:
        A switch prints each object once; a second copy means two outputs were pasted
        together, and the later one wins.
    Fails:
        Two ``zone: z1`` entries in one Defined configuration.
    Passes:
        Each name once per section.
    Fix:
        Keep one output per command per file, or separate them with prompt lines.
    """

    code = "ZP032"
    name = "duplicate-definition"
    severity = Severity.WARNING


class DuplicateCommandOutput(_CaptureRule):
    """One switch's capture holds the same command twice; the later output is used.

    Why:
        Two captures of one command may disagree (taken at different times).
    Fails:
        ``cfgshow.txt`` and a terminal log containing ``sw1:admin> cfgshow`` in one folder.
    Passes:
        One output per command per switch.
    Fix:
        Remove the stale capture.
    """

    code = "ZP033"
    name = "duplicate-command-output"
    severity = Severity.INFO


class SwitchNotIdentified(_CaptureRule):
    """No output in a capture names its switch; it is named after its folder or file.

    Why:
        Audit matches observed switches to the plan by name; a guessed name may not match.
    Fails:
        A folder of zoning outputs without ``switchshow`` / ``show switchname`` or a named
        prompt.
    Passes:
        A capture with ``switchshow`` or prompts like ``sw1:admin>``.
    Fix:
        Add ``switchshow`` (FOS) or ``show switchname`` (NX-OS), or name the folder after the
        switch.
    """

    code = "ZP034"
    name = "switch-not-identified"
    severity = Severity.INFO


class EmptyOutput(_CaptureRule):
    """A command's output is empty.

    Why:
        Every catalogued command prints something, even when there is nothing to show; an
        empty output means the capture failed.
    Fails:
        An empty ``cfgshow.txt``; a prompt line directly followed by the next prompt.
    Passes:
        ``no configuration defined`` and the like.
    Fix:
        Capture again.
    """

    code = "ZP035"
    name = "empty-output"
    severity = Severity.WARNING


class PeerZonePropertyMismatch(_CaptureRule):
    """A peer zone's property member counts more principals than the zone has members.

    Why:
        The last byte of the ``00:02:00:00:00:03:00:NN`` property member counts principals;
        more principals than members means a cut member list or a corrupt zone.
    Fails:
        ``00:02:00:00:00:03:00:05`` followed by three members.
    Passes:
        A count not larger than the members that follow it.
    Fix:
        Capture again; check the zone with ``zoneshow --peerzone``.
    """

    code = "ZP036"
    name = "peer-zone-property-mismatch"
    severity = Severity.ERROR


class CommandGuessedFromContent(_CaptureRule):
    """A file's command was recognised from its content, not from its name or a prompt.

    Why:
        Guessing is reliable for the distinct formats, but a wrong guess mixes up defined and
        active zoning; it is noted so a user can rename the file.
    Fails:
        ``shzone_0.txt`` holding ``show zone`` output.
    Passes:
        ``show_zone.txt`` or a prompt line ``mds1# show zone``.
    Fix:
        Name the file after the command (spaces as ``_``).
    """

    code = "ZP037"
    name = "command-guessed-from-content"
    severity = Severity.INFO


class MixedVendorCapture(_CaptureRule):
    """One switch's capture mixes Brocade and Cisco commands.

    Why:
        A switch speaks one vendor's CLI; two vendors in one folder are two switches whose
        outputs would be merged wrongly.
    Fails:
        ``cfgshow.txt`` and ``show_flogi_database.txt`` in the same switch folder.
    Passes:
        One folder (or one prompt name) per switch.
    Fix:
        Put each switch's outputs in its own folder.
    """

    code = "ZP038"
    name = "mixed-vendor-capture"
    severity = Severity.ERROR


class ParserFailure(_CaptureRule):
    """A parser failed on an output (a zoneplan bug); the other outputs are still read.

    Why:
        One bad output must not stop the reading of a whole fabric, and the failure must be
        visible rather than a silently missing command.
    Fails:
        Any exception inside a parser.
    Passes:
        Parsers that turn every problem into a finding.
    Fix:
        Report the output that triggered it (anonymised) to the zoneplan project.
    """

    code = "ZP039"
    name = "parser-failure"
    severity = Severity.ERROR


class ConsoleMessageInOutput(_CaptureRule):
    """A switch log message (RASlog, syslog) was printed into the captured output; skipped.

    Why:
        Switches print log messages into an open session, between rows or glued after a prompt
        (``sw1:admin> 2014/07/29-03:00:53, [SNMP-1008], ...``); read as output, such a line
        would be an unknown row, or worse, end a member list early.
    Fails:
        ``2010 Sep 30 04:09:11 SW1 %ZONE-2-ZS_MERGE_FAILED: ...`` between two flogi rows.
    Passes:
        Output captured with terminal logging off (``terminal no monitor``).
    Fix:
        Nothing to do: the lines are skipped. Check the message itself if it matters.
    """

    code = "ZP045"
    name = "console-message-in-output"
    severity = Severity.INFO


class WrappedLineRejoined(_CaptureRule):
    """A line the capturing terminal had wrapped was joined back to the line it continues.

    Why:
        A terminal 80 columns wide breaks long rows (a director's ``switchshow`` E-Port row is
        over 100 characters) with no marker; read line by line, the device WWPN of the row
        would be lost and the continuation would be an unknown row.
    Fails:
        A ``switchshow`` F-Port row whose WWPN ends on the next line.
    Passes:
        Output saved from a wide terminal, or with ``| more`` off, rows on one line each.
    Fix:
        Nothing to do; widen the terminal (or use ``zoneplan collect``) for the next capture.
    """

    code = "ZP046"
    name = "wrapped-line-rejoined"
    severity = Severity.INFO


RULES = (
    UnreadableCapture,
    TruncatedOutput,
    PagingPromptInOutput,
    SwitchErrorInOutput,
    MissingEffectiveSection,
    UnrecognisedLine,
    UnknownCommandFile,
    AnsiEscapeInOutput,
    CrlfLineEndings,
    InvalidMember,
    FilteredOutput,
    CountMismatch,
    DuplicateDefinition,
    DuplicateCommandOutput,
    SwitchNotIdentified,
    EmptyOutput,
    PeerZonePropertyMismatch,
    CommandGuessedFromContent,
    MixedVendorCapture,
    ParserFailure,
    ConsoleMessageInOutput,
    WrappedLineRejoined,
)
