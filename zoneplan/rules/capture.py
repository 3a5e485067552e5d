"""Capture rules (ZP020-ZP049): problems in saved switch output, found while parsing it.

Why a catalogue entry per problem: a capture that is cut off, paged or garbled must never turn
into a silently smaller fabric; each way it can go wrong has a code a user can look up, select
and explain. The parsers in :mod:`zoneplan.parsers` make these findings through ``make``.
"""

from __future__ import annotations

import textwrap

from ..findings import Severity
from .base import Rule, RuleScope
from .examples import Capture, Run

#: fabric A's zoning as ``cfgshow`` prints it (FOS 9, TAB-separated, as in the real captures
#: jconsoli/brcddb and ttrnecka/brocadesan parse): one client zone of the sample
_CFGSHOW = """
    Defined configuration:
     cfg:	cfg_A	z_esx01__san1
     zone:	z_esx01__san1	esx01_p0; san1_p0
     alias:	esx01_p0	10:00:00:90:fa:c1:00:01
     alias:	san1_p0	21:00:00:24:ff:7a:10:00

    Effective configuration:
     cfg:	cfg_A
     zone:	z_esx01__san1
    		10:00:00:90:fa:c1:00:01
    		21:00:00:24:ff:7a:10:00
    """

#: NX-OS ``show flogi database`` of mds-b1 (layout of the MDS 9000 command reference)
_FLOGI = """
    --------------------------------------------------------------------------------
    INTERFACE        VSAN    FCID           PORT NAME               NODE NAME
    --------------------------------------------------------------------------------
    fc1/1            20    0x0b0000  21:00:00:24:ff:7a:10:02 20:00:00:24:ff:7a:10:02
    fc1/9            20    0x0b0100  10:00:00:90:fa:c1:00:02 20:00:00:90:fa:c1:00:02

    Total number of flogi = 2.
    """


#: a FOS 7 ``switchshow`` whose first port row a terminal 80 columns wide wrapped (the layout
#: of ttrnecka/brocadesan switch_2; the row is 88 characters)
_SWITCHSHOW_WRAPPED = """
    switchName:	sw-a1
    switchType:	109.1
    switchState:	Online
    switchMode:	Native
    switchRole:	Principal
    switchDomain:	1
    switchId:	fffc01
    switchWwn:	10:00:00:05:33:aa:bb:cc
    zoning:		ON (cfg_A)
    switchBeacon:	OFF

    Index Port Address Media Speed       State   Proto
    ==================================================
       0    0   010000   id    N8       Online      FC  F-Port          21:00:00:24:
    ff:0c:58:37
       1    1   010100   id    N8       No_Light    FC
    """


def _prompted(prompt: str, text: str) -> str:
    """A terminal log: the prompt line, then the output."""
    return prompt + "\n" + textwrap.dedent(text).strip("\n") + "\n"


class _CaptureRule(Rule):
    scope = RuleScope.CAPTURE


class UnreadableCapture(_CaptureRule):
    """A capture file or folder could not be read.

    Why:
        Nothing can be said about a switch whose output cannot be opened.
    Fix:
        Check the path; save the output as text (UTF-8 or ASCII).
    """

    code = "ZP020"
    name = "unreadable-capture"
    severity = Severity.FATAL
    fails = Run("zoneplan audit --capture no-such-folder", caption="A path that does not exist.")
    passes = Run(
        "zoneplan audit --capture capture",
        files={"capture/sw-a1/cfgshow.txt": _CFGSHOW},
    )


class TruncatedOutput(_CaptureRule):
    """Command output ends before its content does (a cut-off member list, a short count).

    Why:
        A cut-off capture parses as a smaller configuration; an audit would then report zones
        as missing and an import would drop them.
    Fix:
        Capture again with paging off (``terminal length 0`` / ``sessionshow`` settings) and
        without a size-limited scrollback.
    """

    code = "ZP021"
    name = "truncated-output"
    severity = Severity.ERROR
    fails = Capture(
        {
            "sw-a1.txt": """
            sw-a1:admin> cfgshow
            Defined configuration:
             cfg:	cfg_A	z_esx01__san1; z_esx02__san1
             zone:	z_esx01__san1	esx01_p0; san1_p0
             zone:	z_esx02__san1	esx02_p0;
            """
        },
        caption="A member list ending in ``;`` at the end of the file.",
    )
    passes = Capture(
        {"sw-a1.txt": _prompted("sw-a1:admin> cfgshow", _CFGSHOW)},
        caption="The complete output.",
    )


class PagingPromptInOutput(_CaptureRule):
    """A terminal pager prompt (``--More--``, ``Type <CR> to continue``) is inside the output.

    Why:
        A pager stops output until a key is pressed; the capture may miss what came after,
        and the prompt garbles the line it sits on.
    Fix:
        ``terminal length 0`` on NX-OS; on FOS capture through SSH without a pager
        (or use ``| more`` off); then capture again.
    """

    code = "ZP022"
    name = "paging-prompt-in-output"
    severity = Severity.WARNING
    fails = Capture(
        {
            "sw-a1.txt": """
            sw-a1:admin> cfgshow
            Defined configuration:
             cfg:	cfg_A	z_esx01__san1
             zone:	z_esx01__san1	esx01_p0; san1_p0
            Type <CR> to continue, Q<CR> to stop:
             alias:	esx01_p0	10:00:00:90:fa:c1:00:01
             alias:	san1_p0	21:00:00:24:ff:7a:10:00

            Effective configuration:
             cfg:	cfg_A
             zone:	z_esx01__san1
            		10:00:00:90:fa:c1:00:01
            		21:00:00:24:ff:7a:10:00
            """
        },
        caption="The FOS pager's prompt in the middle of a ``cfgshow``.",
    )
    passes = Capture({"sw-a1.txt": _prompted("sw-a1:admin> cfgshow", _CFGSHOW)})


class SwitchErrorInOutput(_CaptureRule):
    """The switch printed an error instead of (or inside) the output.

    Why:
        An error line means the command did not run as intended; what follows may be partial.
    Fix:
        Run the command again with the right syntax and rights, then capture again.
    """

    code = "ZP023"
    name = "switch-error-in-output"
    severity = Severity.ERROR
    fails = Capture(
        {
            "mds-b1.txt": """
            mds-b1# show zoneset actve vsan 20
                                      ^
            % Invalid command at '^' marker.
            """
        },
        caption="A mistyped command: NX-OS answers with an error, not the zoning.",
    )
    passes = Capture(
        {
            "mds-b1.txt": """
            mds-b1# show zoneset active vsan 20
            zoneset name zs_B vsan 20
              zone name z_esx01__san1 vsan 20
              * fcid 0x0b0100 [pwwn 10:00:00:90:fa:c1:00:02] [esx01_p1]
              * fcid 0x0b0000 [pwwn 21:00:00:24:ff:7a:10:02] [san1_p2]
            """
        }
    )


class MissingEffectiveSection(_CaptureRule):
    """A ``cfgshow``/``zoneshow`` output has no ``Effective configuration:`` section.

    Why:
        FOS always prints it (``no configuration in effect`` when empty); without it the
        output was cut and the effective zoning is unknown, not empty.
    Fix:
        Capture ``cfgshow`` again in full (or add ``cfgactvshow``).
    """

    code = "ZP024"
    name = "missing-effective-section"
    severity = Severity.ERROR
    fails = Capture(
        {
            "sw-a1.txt": """
            sw-a1:admin> cfgshow
            Defined configuration:
             cfg:	cfg_A	z_esx01__san1
             zone:	z_esx01__san1	esx01_p0; san1_p0
             alias:	esx01_p0	10:00:00:90:fa:c1:00:01
             alias:	san1_p0	21:00:00:24:ff:7a:10:00
            """
        },
        caption="``Defined configuration:``, then the end of the file.",
    )
    passes = Capture(
        {
            "sw-a1.txt": """
            sw-a1:admin> cfgshow
            Defined configuration:
             cfg:	cfg_A	z_esx01__san1
             zone:	z_esx01__san1	esx01_p0; san1_p0
             alias:	esx01_p0	10:00:00:90:fa:c1:00:01
             alias:	san1_p0	21:00:00:24:ff:7a:10:00

            Effective configuration:
             no configuration in effect
            """
        },
        caption="Both sections, even when nothing is in effect.",
    )


class UnrecognisedLine(_CaptureRule):
    """A line the parser of this command does not know.

    Why:
        An unknown line may carry content a newer firmware added, or garbage pasted in; it is
        reported rather than silently skipped so nothing is lost unnoticed.
    Fix:
        Check the capture; if the line is a real format, report it so the parser learns it.
    """

    code = "ZP025"
    name = "unrecognised-line"
    severity = Severity.WARNING
    fails = Capture(
        {
            "mds-b1.txt": _prompted(
                "mds-b1# show flogi database",
                _FLOGI.replace("\n    Total", "\n    zone: foo\n    Total"),
            )
        },
        caption="``zone: foo`` pasted into a ``show flogi database``.",
    )
    passes = Capture({"mds-b1.txt": _prompted("mds-b1# show flogi database", _FLOGI)})


class UnknownCommandFile(_CaptureRule):
    """A capture file or prompt names a command zoneplan does not read.

    Why:
        Skipped output must be visible: the user may think it was used.
    Fix:
        Name the file after the command (spaces as ``_``) or keep the prompt line in it.
    """

    code = "ZP026"
    name = "unknown-command-file"
    severity = Severity.WARNING
    fails = Capture(
        {
            "sw-a1.txt": """
            sw-a1:admin> portperfshow
             0      1      2      3      4      5      6      7      8
            =========================================================
             0      0    1.2m   0      0    800k   0      0    2.1m
            """
        },
        caption="A command zoneplan does not read (it is skipped, and said so).",
    )
    passes = Capture({"sw-a1.txt": _prompted("sw-a1:admin> cfgshow", _CFGSHOW)})


class AnsiEscapeInOutput(_CaptureRule):
    """ANSI terminal escapes (colours, cursor moves) or backspaces are in the output.

    Why:
        Escapes glue themselves to names; they are stripped, but the capture came from a
        terminal emulator and may carry other damage.
    Fix:
        Capture with a plain terminal (``TERM=dumb``) or through the SSH adapter.
    """

    code = "ZP027"
    name = "ansi-escape-in-output"
    severity = Severity.INFO
    fails = Capture(
        {
            "sw-a1.txt": _prompted(
                "sw-a1:admin> cfgshow",
                _CFGSHOW.replace("Defined", "\x1b[1mDefined").replace("tion:", "tion:\x1b[0m", 1),
            )
        },
        caption="A heading in bold, as a terminal emulator saved it.",
    )
    passes = Capture({"sw-a1.txt": _prompted("sw-a1:admin> cfgshow", _CFGSHOW)})


class CrlfLineEndings(_CaptureRule):
    """The output uses CR LF line endings (or stray CRs).

    Why:
        Harmless once normalised, but a stray CR in the middle of a line means overwritten
        terminal text; it is normalised and noted.
    Fix:
        None needed; ``dos2unix`` if other tools read the file.
    """

    code = "ZP028"
    name = "crlf-line-endings"
    severity = Severity.INFO
    fails = Capture(
        {"sw-a1.txt": _prompted("sw-a1:admin> cfgshow", _CFGSHOW).replace("\n", "\r\n")},
        caption="Saved on Windows: every line ends in CR LF.",
    )
    passes = Capture({"sw-a1.txt": _prompted("sw-a1:admin> cfgshow", _CFGSHOW)})


class InvalidMember(_CaptureRule):
    """A zone or alias member is neither a WWN, a domain,index pair nor a name.

    Why:
        A half WWN (``50:01:43:80:12``) is a cut or garbled line; keeping it as a name would
        invent a member.
    Fix:
        Capture again; check the switch configuration for the member.
    """

    code = "ZP029"
    name = "invalid-member"
    severity = Severity.ERROR
    fails = Capture(
        {
            "sw-a1.txt": _prompted(
                "sw-a1:admin> cfgshow",
                _CFGSHOW.replace("21:00:00:24:ff:7a:10:00\n", "21:00:00:24:ff\n", 1),
            )
        },
        caption="An alias member cut to five bytes.",
    )
    passes = Capture({"sw-a1.txt": _prompted("sw-a1:admin> cfgshow", _CFGSHOW)})


class FilteredOutput(_CaptureRule):
    """The command was piped through a filter (``| grep``, ``| include``): output is partial.

    Why:
        A filtered ``cfgshow`` lists cfg names without their zones; it must not be read as
        a configuration with empty zones.
    Fix:
        Capture the command without a pipe.
    """

    code = "ZP030"
    name = "filtered-output"
    severity = Severity.WARNING
    fails = Capture(
        {
            "sw-a1.txt": """
            sw-a1:admin> cfgshow | grep -e cfg: -e configuration:
            Defined configuration:
             cfg:	cfg_A	z_esx01__san1
            Effective configuration:
             cfg:	cfg_A
            """
        },
        caption="Only the lines ``grep`` let through.",
    )
    passes = Capture(
        {"sw-a1.txt": _prompted("sw-a1:admin> cfgshow", _CFGSHOW)},
        caption="The command without a pipe.",
    )


class CountMismatch(_CaptureRule):
    """A count the switch printed differs from what the output lists.

    Why:
        ``Total number of flogi = 21.`` with 20 listed, or ``show zone status`` saying 134
        active zones when ``show zoneset active`` lists 130, means something was lost.
    Fix:
        Capture the outputs again, together, with paging off.
    """

    code = "ZP031"
    name = "count-mismatch"
    severity = Severity.ERROR
    fails = Capture(
        {
            "mds-b1.txt": _prompted(
                "mds-b1# show flogi database", _FLOGI.replace("flogi = 2.", "flogi = 3.")
            )
        },
        caption="``Total number of flogi = 3.`` under two logins.",
    )
    passes = Capture({"mds-b1.txt": _prompted("mds-b1# show flogi database", _FLOGI)})


class DuplicateDefinition(_CaptureRule):
    """The same zone, alias or cfg is defined twice in one output.

    Why:
        A switch prints each object once; a second copy means two outputs were pasted
        together, and the later one wins.
    Fix:
        Keep one output per command per file, or separate them with prompt lines.
    """

    code = "ZP032"
    name = "duplicate-definition"
    severity = Severity.WARNING
    fails = Capture(
        {
            "sw-a1.txt": _prompted(
                "sw-a1:admin> cfgshow",
                _CFGSHOW.replace(
                    " alias:", " zone:	z_esx01__san1	esx01_p0; san1_p0\n     alias:", 1
                ),
            )
        },
        caption="Zone z_esx01__san1 twice in the Defined configuration.",
    )
    passes = Capture({"sw-a1.txt": _prompted("sw-a1:admin> cfgshow", _CFGSHOW)})


class DuplicateCommandOutput(_CaptureRule):
    """One switch's capture holds the same command twice; the later output is used.

    Why:
        Two captures of one command may disagree (taken at different times).
    Fix:
        Remove the stale capture.
    """

    code = "ZP033"
    name = "duplicate-command-output"
    severity = Severity.INFO
    fails = Capture(
        {
            "sw-a1/cfgshow.txt": _CFGSHOW,
            "sw-a1/session.log": _prompted("sw-a1:admin> cfgshow", _CFGSHOW),
        },
        caption="``cfgshow.txt`` and a terminal log holding ``cfgshow`` again, in one folder.",
    )
    passes = Capture({"sw-a1/cfgshow.txt": _CFGSHOW})


class SwitchNotIdentified(_CaptureRule):
    """No output in a capture names its switch; it is named after its folder or file.

    Why:
        Audit matches observed switches to the plan by name; a guessed name may not match.
    Fix:
        Add ``switchshow`` (FOS) or ``show switchname`` (NX-OS), or name the folder after the
        switch.
    """

    code = "ZP034"
    name = "switch-not-identified"
    severity = Severity.INFO
    fails = Capture(
        {"cfgshow.txt": _CFGSHOW},
        caption="Zoning output alone: the switch is called ``capture`` after the folder.",
    )
    passes = Capture(
        {"sw-a1.txt": _prompted("sw-a1:admin> cfgshow", _CFGSHOW)},
        caption="A prompt that names the switch (or ``switchshow``, ``show switchname``).",
    )


class EmptyOutput(_CaptureRule):
    """A command's output is empty.

    Why:
        Every catalogued command prints something, even when there is nothing to show; an
        empty output means the capture failed.
    Fix:
        Capture again.
    """

    code = "ZP035"
    name = "empty-output"
    severity = Severity.WARNING
    fails = Capture({"sw-a1/cfgshow.txt": ""}, caption="An empty ``cfgshow.txt``.")
    passes = Capture(
        {
            "sw-a1/cfgshow.txt": """
            Defined configuration:
             no configuration defined

            Effective configuration:
             no configuration in effect
            """
        },
        caption="A switch without zoning still says so.",
    )


class PeerZonePropertyMismatch(_CaptureRule):
    """A peer zone's property member counts more principals than the zone has members.

    Why:
        The last byte of the ``00:02:00:00:00:03:00:NN`` property member counts principals;
        more principals than members means a cut member list or a corrupt zone.
    Fix:
        Capture again; check the zone with ``zoneshow --peerzone``.
    """

    code = "ZP036"
    name = "peer-zone-property-mismatch"
    severity = Severity.ERROR
    fails = Capture(
        {
            "sw-a1.txt": """
            sw-a1:admin> cfgshow
            Defined configuration:
             cfg:	cfg_A	pz_san1_p0
             zone:	pz_san1_p0	00:02:00:00:00:03:00:05; san1_p0; esx01_p0; esx02_p0
             alias:	esx01_p0	10:00:00:90:fa:c1:00:01
             alias:	esx02_p0	10:00:00:90:fa:c2:00:01
             alias:	san1_p0	21:00:00:24:ff:7a:10:00

            Effective configuration:
             no configuration in effect
            """
        },
        caption="The property member counts five principals; three members follow it.",
    )
    passes = Capture(
        {
            "sw-a1.txt": """
            sw-a1:admin> cfgshow
            Defined configuration:
             cfg:	cfg_A	pz_san1_p0
             zone:	pz_san1_p0	00:02:00:00:00:03:00:01; san1_p0; esx01_p0; esx02_p0
             alias:	esx01_p0	10:00:00:90:fa:c1:00:01
             alias:	esx02_p0	10:00:00:90:fa:c2:00:01
             alias:	san1_p0	21:00:00:24:ff:7a:10:00

            Effective configuration:
             no configuration in effect
            """
        },
        caption="One principal (san1_p0), two peers.",
    )


class CommandGuessedFromContent(_CaptureRule):
    """A file's command was recognised from its content, not from its name or a prompt.

    Why:
        Guessing is reliable for the distinct formats, but a wrong guess mixes up defined and
        active zoning; it is noted so a user can rename the file.
    Fix:
        Name the file after the command (spaces as ``_``).
    """

    code = "ZP037"
    name = "command-guessed-from-content"
    severity = Severity.INFO
    fails = Capture(
        {"mds-b1/flogi-0412.txt": _FLOGI},
        caption="A file whose name says no command: it is read by its content.",
    )
    passes = Capture({"mds-b1/show_flogi_database.txt": _FLOGI})


class MixedVendorCapture(_CaptureRule):
    """One switch's capture mixes Brocade and Cisco commands.

    Why:
        A switch speaks one vendor's CLI; two vendors in one folder are two switches whose
        outputs would be merged wrongly.
    Fix:
        Put each switch's outputs in its own folder.
    """

    code = "ZP038"
    name = "mixed-vendor-capture"
    severity = Severity.ERROR
    fails = Capture(
        {"sw-a1/cfgshow.txt": _CFGSHOW, "sw-a1/show_flogi_database.txt": _FLOGI},
        caption="A Brocade and a Cisco output in one switch folder.",
    )
    passes = Capture(
        {"sw-a1/cfgshow.txt": _CFGSHOW, "mds-b1/show_flogi_database.txt": _FLOGI},
        caption="A folder per switch.",
    )


class ParserFailure(_CaptureRule):
    """A parser failed on an output (a zoneplan bug); the other outputs are still read.

    Why:
        One bad output must not stop the reading of a whole fabric, and the failure must be
        visible rather than a silently missing command.
    Fix:
        Report the output that triggered it (anonymised) to the zoneplan project.
    """

    code = "ZP039"
    name = "parser-failure"
    severity = Severity.ERROR
    fails = Capture(
        {"sw-a1.txt": _prompted("sw-a1:admin> cfgshow", _CFGSHOW)},
        fault="parser-crash",
        caption="A parser raises on the output (a zoneplan bug, staged here).",
    )
    passes = Capture({"sw-a1.txt": _prompted("sw-a1:admin> cfgshow", _CFGSHOW)})


class CaptureEntrySkipped(_CaptureRule):
    """An entry of a capture folder that is not a regular file or a folder is not read.

    Why:
        A capture folder is read as data. A symbolic link could point anywhere (a root-only
        file whose lines would be echoed in findings, ``/dev/zero``, a loop of folders); a
        FIFO or a device never ends. Inside a capture folder they are skipped, never followed
        or opened; a path named on the command line is the user's choice and is followed, but
        only a folder or a regular file is read.
    Fix:
        Copy the output into the capture folder as a regular file.
    """

    code = "ZP040"
    name = "capture-entry-skipped"
    severity = Severity.WARNING
    fails = Run(
        "zoneplan audit --capture /dev/null",
        caption="A device given as a capture (links, FIFOs and devices inside a capture "
        "folder are skipped the same way).",
    )
    passes = Run(
        "zoneplan audit --capture capture",
        files={"capture/sw-a1/cfgshow.txt": _CFGSHOW},
        caption="A folder of regular files.",
    )


class CaptureFileTooLarge(_CaptureRule):
    """A capture file is larger than zoneplan reads (``MAX_CAPTURE_FILE_BYTES``, 128 MiB).

    Why:
        A saved output of a switch is a few MB even for the largest zone databases; a file
        far beyond that is not switch output (or would exhaust memory). It is not read, and
        what it would have said is unknown.
    Fix:
        Split a huge session log per command, or remove the file from the capture folder.
    """

    code = "ZP041"
    name = "capture-file-too-large"
    severity = Severity.ERROR
    fails = Capture(
        {"sw-a1/cfgshow.txt": _CFGSHOW},
        fault="capture-limits-tiny",
        caption="A file over the limit (the lab lowers the limit to 64 bytes: a 128 MiB "
        "example would not fit here).",
    )
    passes = Capture({"sw-a1/cfgshow.txt": _CFGSHOW}, caption="The same file, 128 MiB allowed.")


class CaptureTreeTooLarge(_CaptureRule):
    """A capture tree is deeper or holds more files than zoneplan reads; the rest is skipped.

    Why:
        A capture folder holds a folder per switch; nesting beyond ``MAX_CAPTURE_DEPTH`` (16)
        levels or more than ``MAX_CAPTURE_ENTRIES`` (100,000) entries is not a capture (a wrong
        path such as ``/``); reading on would take forever.
    Fix:
        Point ``--capture`` at the capture folder itself.
    """

    code = "ZP042"
    name = "capture-tree-too-large"
    severity = Severity.ERROR
    fails = Capture(
        {"site/room1/sw-a1/cfgshow.txt": _CFGSHOW},
        fault="capture-limits-tiny",
        caption="Folders nested deeper than the limit (the lab lowers it to one level).",
    )
    passes = Capture({"sw-a1/cfgshow.txt": _CFGSHOW}, caption="A folder per switch.")


class SameSwitchTwice(_CaptureRule):
    """Two capture folders (or files) name the same switch; they are not merged.

    Why:
        Two captures of one switch taken at different times, merged, describe a switch that
        never existed: zones of both, the later one winning at random (false drift, or a
        false "in sync"). The first one found is used; the switch counts as incompletely
        known, so no verdict is "in sync".
    Fix:
        Give one capture of each switch (the newest).
    """

    code = "ZP043"
    name = "same-switch-twice"
    severity = Severity.ERROR
    fails = Capture(
        {"monday/sw-a1/cfgshow.txt": _CFGSHOW, "tuesday/sw-a1/cfgshow.txt": _CFGSHOW},
        caption="Two collects of sw-a1 given together.",
    )
    passes = Capture({"tuesday/sw-a1/cfgshow.txt": _CFGSHOW}, caption="The newest one only.")


#: a manifest as ``collect`` writes it (zoneplan-collect.json), with sw-a1's status
def _manifest(status: str) -> str:
    return (
        '{"collected": "2026-12-01T08:00:00Z", "switches": [{"name": "sw-a1", "via": "ssh", '
        f'"status": "{status}", "folder": "sw-a1", "files": ["cfgshow.txt"]}}]}}\n'
    )


class CollectWasPartial(_CaptureRule):
    """The capture's manifest says the switch was only partly (or not) read by ``collect``.

    Why:
        ``zoneplan-collect.json`` records the status of each switch; an offline audit of a
        capture that ``collect`` itself reported incomplete (exit 3) must not say in sync.
    Fix:
        Collect the switch again until it is read completely.
    """

    code = "ZP044"
    name = "collect-was-partial"
    severity = Severity.ERROR
    fails = Capture(
        {"zoneplan-collect.json": _manifest("partial"), "sw-a1/cfgshow.txt": _CFGSHOW},
        caption="collect read sw-a1 only partly (it exited 3).",
    )
    passes = Capture(
        {"zoneplan-collect.json": _manifest("ok"), "sw-a1/cfgshow.txt": _CFGSHOW},
        caption="Every command of sw-a1 was read.",
    )


class ConsoleMessageInOutput(_CaptureRule):
    """A switch log message (RASlog, syslog) was printed into the captured output; skipped.

    Why:
        Switches print log messages into an open session, between rows or glued after a prompt
        (``sw1:admin> 2014/07/29-03:00:53, [SNMP-1008], ...``); read as output, such a line
        would be an unknown row, or worse, end a member list early.
    Fix:
        Nothing to do: the lines are skipped. Check the message itself if it matters; capture
        with terminal logging off (``terminal no monitor`` on NX-OS) next time.
    """

    code = "ZP045"
    name = "console-message-in-output"
    severity = Severity.INFO
    fails = Capture(
        {
            "mds-b1/show_flogi_database.txt": _FLOGI.replace(
                "    Total",
                "    2010 Sep 30 04:09:11 mds-b1 %PORT-5-IF_UP: %$VSAN 20%$ Interface fc1/2 "
                "is up in mode F\n    Total",
            )
        },
        caption="A syslog line between the rows and the trailer of show flogi database.",
    )
    passes = Capture({"mds-b1/show_flogi_database.txt": _FLOGI})


class WrappedLineRejoined(_CaptureRule):
    """A line the capturing terminal had wrapped was joined back to the line it continues.

    Why:
        A terminal 80 columns wide breaks long rows (a director's ``switchshow`` E-Port row is
        over 100 characters) with no marker; read line by line, the device WWPN of the row
        would be lost and the continuation would be an unknown row.
    Fix:
        Nothing to do; widen the terminal (or use ``zoneplan collect``) for the next capture.
    """

    code = "ZP046"
    name = "wrapped-line-rejoined"
    severity = Severity.INFO
    fails = Capture(
        {"sw-a1.txt": _prompted("sw-a1:admin> switchshow", _SWITCHSHOW_WRAPPED)},
        caption="An F-Port row whose WWPN the 80-column terminal broke onto the next line.",
    )
    passes = Capture(
        {
            "sw-a1.txt": _prompted(
                "sw-a1:admin> switchshow",
                _SWITCHSHOW_WRAPPED.replace("21:00:00:24:\n    ff:", "21:00:00:24:ff:"),
            )
        },
        caption="The same row on one line.",
    )


#: ``show zone`` with an fcalias inside a zone (the nesting of NX-OS: zone, fcalias two blanks
#: in, its members four)
_SHOW_ZONE_FCALIAS = """
    zone name z_esx01__san1 vsan 20
      fcalias name esx01_p0 vsan 20
        pwwn 10:00:00:90:fa:c1:00:01
      pwwn 21:00:00:24:ff:7a:10:00

    """


class NestingLost(_CaptureRule):
    """Members under an fcalias inside a zone are not indented deeper than the fcalias line.

    Why:
        ``show zone`` / ``show zoneset`` nest an fcalias's members under it (the zone at the
        margin, the fcalias two blanks in, its members four); a copy from a web page or a
        ticket that collapsed runs of blanks leaves every line at one depth, and whether a
        ``pwwn`` belongs to the fcalias or to the zone can no longer be told. The lines up to
        the next blank line or header are read as the fcalias's members, which may be wrong.
    Fix:
        Capture the output again from the switch (a terminal log or ``zoneplan collect``), not
        from a copy of a page.
    """

    code = "ZP047"
    name = "nesting-lost"
    severity = Severity.WARNING
    fails = Capture(
        {
            "mds-b1/show_zone.txt": "\n".join(
                " " + x.strip() if x.startswith(" ") else x
                for x in textwrap.dedent(_SHOW_ZONE_FCALIAS).split("\n")
            )
        },
        caption="The fcalias and the lines after it at the same depth, blanks collapsed.",
    )
    passes = Capture(
        {"mds-b1/show_zone.txt": textwrap.dedent(_SHOW_ZONE_FCALIAS)},
        caption="The same zone as NX-OS prints it.",
    )


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
    CaptureEntrySkipped,
    CaptureFileTooLarge,
    CaptureTreeTooLarge,
    SameSwitchTwice,
    CollectWasPartial,
    ConsoleMessageInOutput,
    WrappedLineRejoined,
    NestingLost,
)
