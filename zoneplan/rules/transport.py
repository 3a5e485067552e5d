"""ZP7xx: live transports (SSH, SNMP): every way reading a switch can go wrong.

Why a catalogue entry per way a live read can go wrong: an audit that could not read a switch
must say so with a code a script can act on (retry later for a timeout, call security for a
changed host key), and a switch that was not read must never look like a switch in sync.
These findings are made by :mod:`zoneplan.live` (and the saved SNMP walk reader,
:mod:`zoneplan.parsers.snmpwalk`) through ``make``; their location is ``<switch>:<command>``
(or ``<switch>:snmp``, ``<switch>:ssh``).
"""

from __future__ import annotations

from ..findings import Severity
from .base import Rule, RuleScope
from .credentials import COLLECT
from .examples import Capture, Run

#: SNMP reads of the sample's fabrics: A is Brocade (no zoning over SNMP), B Cisco MDS
SNMP_A = "zoneplan collect inventory.yaml --fabric A --via snmp --out capture"
SNMP_B = "zoneplan collect inventory.yaml --fabric B --via snmp --out capture"
#: the lab's SNMPv3 user (SHA authentication, AES privacy)
_V3 = {
    "ZONEPLAN_SAN_ADMIN_SNMP_USER": "zplab",
    "ZONEPLAN_SAN_ADMIN_AUTH_KEY": "Lab-Auth-Key-zp",
    "ZONEPLAN_SAN_ADMIN_PRIV_KEY": "Lab-Priv-Key-zp",
}


class _LiveRule(Rule):
    scope = RuleScope.LIVE


class SwitchUnreachable(_LiveRule):
    """The switch did not accept a connection (refused, no route, name not resolved).

    Why:
        An unread switch is unknown, not in sync; the run exits 3 so a scheduler notices.
    Fix:
        Check the address, the port, firewalls and that SSH/SNMP is enabled on the switch.
    """

    code = "ZP700"
    name = "switch-unreachable"
    severity = Severity.ERROR
    fails = Run(COLLECT, fault="switch-down", caption="Nothing listens on the switches' SSH port.")
    passes = Run(COLLECT)


class SwitchTimeout(_LiveRule):
    """The switch did not answer in time (connection, login, or the whole-switch limit).

    Why:
        A hung switch must not hold up the audit of the others; it is given up on after the
        per-switch time limit (and a bounded number of retries).
    Fix:
        Check the switch's load and the network; raise the limits if the switch is just slow.
    """

    code = "ZP701"
    name = "switch-timeout"
    severity = Severity.ERROR
    fails = Run(
        COLLECT,
        fault="login-hangs",
        caption="The switches accept TCP and never finish the handshake.",
    )
    passes = Run(COLLECT)


class CommandTimeout(_LiveRule):
    """One command did not finish within the per-command time limit; its output is missing.

    Why:
        A cut output parses as a smaller configuration; it is dropped and the switch is
        reported partially read.
    Fix:
        Raise ``--command-timeout`` for very large zone databases; check the switch's CPU.
    """

    code = "ZP702"
    name = "command-timeout"
    severity = Severity.ERROR
    fails = Run(
        COLLECT,
        fault="hangs:cfgshow",
        caption="``cfgshow`` prints nothing for longer than the limit.",
    )
    passes = Run(COLLECT)


class AuthenticationFailed(_LiveRule):
    """The switch refused the credentials (SSH password/key, SNMPv3 user or keys).

    Why:
        Not retried: repeating a wrong password locks accounts on FOS and NX-OS.
    Fix:
        Check the credential profile's user and secret (``ZONEPLAN_<PROFILE>_PASSWORD``).
    """

    code = "ZP703"
    name = "authentication-failed"
    severity = Severity.ERROR
    fails = Run(
        COLLECT, fault="password-refused", caption="The switches refuse the profile's password."
    )
    passes = Run(COLLECT)


class HostKeyUnknown(_LiveRule):
    """The switch's SSH host key is not in known_hosts; nothing was sent to it.

    Why:
        An unknown key may be a new switch or a man in the middle; the password is only sent
        to a verified host.
    Fix:
        Verify the key's fingerprint on the switch console, then run once with
        ``--accept-new-host-key`` (it is recorded) or add it to known_hosts.
    """

    code = "ZP704"
    name = "host-key-unknown"
    severity = Severity.ERROR
    fails = Run(
        COLLECT,
        fault="host-key-unknown",
        caption="First contact: known_hosts has no key for the switches.",
    )
    passes = Run(COLLECT, caption="Keys in known_hosts.")


class HostKeyChanged(_LiveRule):
    """The switch presented a different SSH host key than the one recorded: hard stop.

    Why:
        A changed key means a replaced switch, a reinstalled firmware, or an attacker in the
        middle. zoneplan never sends the password and never overwrites the recorded key.
    Fix:
        Find out why the key changed (console, change log); only then remove the old line
        from known_hosts (``ssh-keygen -R host``) and record the new one.
    """

    code = "ZP705"
    name = "host-key-changed"
    severity = Severity.ERROR
    fails = Run(
        COLLECT, fault="host-key-changed", caption="known_hosts holds another key for the switches."
    )
    passes = Run(COLLECT, caption="The recorded keys.")


class HostKeyRecorded(_LiveRule):
    """A new SSH host key was accepted and recorded in known_hosts (``--accept-new-host-key``).

    Why:
        Trust on first use must leave a trace: the fingerprint is printed so it can be
        compared with the switch console.
    Fix:
        Compare the fingerprint with ``sshutil showpubkeys`` (FOS) / ``show ssh key`` (NX-OS).
    """

    code = "ZP706"
    name = "host-key-recorded"
    severity = Severity.INFO
    fails = Run(
        COLLECT + " --accept-new-host-key",
        fault="host-key-unknown",
        caption="A first connection with ``--accept-new-host-key``.",
    )
    passes = Run(COLLECT + " --accept-new-host-key", caption="Keys already recorded.")


class PartialRead(_LiveRule):
    """Some of a switch's commands or tables could not be read: the switch is partly unknown.

    Why:
        A partial read never counts as "in sync"; the audit of the missing parts is skipped
        and the run exits 3.
    Fix:
        See the findings for the failed commands; read the switch again.
    """

    code = "ZP707"
    name = "partial-read"
    severity = Severity.ERROR
    fails = Run(
        COLLECT, fault="hangs:nsshow -t", caption="``nsshow -t`` times out; ``cfgshow`` was read."
    )
    passes = Run(COLLECT)


class CommandRejected(_LiveRule):
    """The switch answered a catalogued command with an error (unknown command, no rights).

    Why:
        The account may lack a role (FOS ``user`` cannot run every command) or the firmware
        may not know the command; the output is not parsed as content.
    Fix:
        Give the account a read role with the command (``admin``/``zoneadmin`` on FOS,
        ``network-operator`` on NX-OS), or upgrade the firmware.
    """

    code = "ZP708"
    name = "command-rejected"
    severity = Severity.WARNING
    fails = Run(COLLECT, fault="rejects:cfgsize", caption="The account may not run ``cfgsize``.")
    passes = Run(COLLECT)


class PagingPrompt(_LiveRule):
    """The switch paged a command's output (``--More--``) although paging was turned off.

    Why:
        A pager holds the output until a key is pressed; what was read may be cut. The
        adapter quits the pager and reports the command partial.
    Fix:
        Check the account's CLI settings (NX-OS ``terminal length``); read again.
    """

    code = "ZP709"
    name = "paging-prompt"
    severity = Severity.WARNING
    fails = Run(COLLECT, fault="pager", caption="The switches page every output.")
    passes = Run(COLLECT)


class ConnectionDropped(_LiveRule):
    """The connection closed while a command was running.

    Why:
        The output of that command is incomplete; the read is retried a bounded number of
        times and then reported.
    Fix:
        Check the switch's session limits (FOS ``sshutil``, NX-OS ``line vty``) and stability.
    """

    code = "ZP710"
    name = "connection-dropped"
    severity = Severity.ERROR
    fails = Run(
        COLLECT, fault="drops:cfgshow", caption="The switches close the session during ``cfgshow``."
    )
    passes = Run(COLLECT)


class SshProtocolError(_LiveRule):
    """The SSH session failed for another reason (no common algorithm, channel refused…).

    Why:
        Old FOS releases only speak legacy algorithms; such failures are named, not hidden.
    Fix:
        Upgrade the firmware or enable current algorithms on the switch.
    """

    code = "ZP711"
    name = "ssh-protocol-error"
    severity = Severity.ERROR
    fails = Run(COLLECT, fault="ssh1-only", caption="The switches speak SSH-1 only.")
    passes = Run(COLLECT)


class SnmpTimeout(_LiveRule):
    """The SNMP agent did not answer (wrong community on v1/v2c looks the same).

    Why:
        An SNMP agent silently drops requests with a wrong community; a timeout is all a
        manager sees. The walk stops instead of retrying forever.
    Fix:
        Check address, port, community (or v3 user) and the switch's SNMP access list.
    """

    code = "ZP720"
    name = "snmp-timeout"
    severity = Severity.ERROR
    fails = Run(SNMP_B, fault="snmp-silent", caption="Nothing answers on the SNMP port.")
    passes = Run(SNMP_B, caption="Agents that answer with the profile's community.")


class SnmpErrorStatus(_LiveRule):
    """The SNMP agent answered with an error status (genErr, noAccess, tooBig…).

    Why:
        The rows returned before the error are kept but the table is reported incomplete.
    Fix:
        Check the agent's view (the community or v3 user may not see the MIB).
    """

    code = "ZP721"
    name = "snmp-error-status"
    severity = Severity.ERROR
    fails = Run(SNMP_B, fault="snmp-generr", caption="The agents answer every walk with genErr.")
    passes = Run(SNMP_B)


class SnmpAuthFailed(_LiveRule):
    """SNMPv3 authentication or privacy failed (unknown user, wrong digest, decryption error).

    Why:
        Not retried; a wrong key repeats the same failure and fills the switch's log.
    Fix:
        Check the profile's ``snmp_user``, ``auth_key``, ``priv_key`` and protocols.
    """

    code = "ZP722"
    name = "snmp-auth-failed"
    severity = Severity.ERROR
    fails = Run(
        SNMP_B,
        env={**_V3, "ZONEPLAN_SAN_ADMIN_AUTH_KEY": "not-the-auth-key"},
        caption="An SNMPv3 user with the wrong authentication key.",
    )
    passes = Run(SNMP_B, env=_V3)


class SnmpInsecureVersion(_LiveRule):
    """The switch was read with SNMPv1/v2c: the community travels in clear text.

    Why:
        A sniffed community gives read (often write) access to the switch; SNMPv3 authPriv
        protects it.
    Fix:
        Configure an SNMPv3 user on the switch (``snmpconfig --set snmpv3`` on FOS,
        ``snmp-server user`` on NX-OS) and use it.
    """

    code = "ZP723"
    name = "snmp-insecure-version"
    severity = Severity.WARNING
    fails = Run(SNMP_B, caption="Read with the profile's SNMPv2c community.")
    passes = Run(SNMP_B, env=_V3, caption="Read with an SNMPv3 user, SHA and AES.")


class SnmpZoningUnavailable(_LiveRule):
    """Brocade FOS publishes no zoning over SNMP; zoning is read by SSH.

    Why:
        No FOS MIB has a zone table (FA-MIB 3.0 only, no T11 zone server). An audit must not
        read "no zones" from an SNMP-only read of a Brocade switch.
    Fix:
        Read Brocade zoning with ``--via ssh`` (or the FOS REST API).
    """

    code = "ZP724"
    name = "snmp-zoning-unavailable"
    severity = Severity.INFO
    fails = Run(SNMP_A, caption="Reported: fabric A's Brocade switches read over SNMP.")
    passes = Run(SNMP_B, caption="Cisco MDS switches, whose CISCO-ZS-MIB serves zoning.")


class SnmpWalkBounded(_LiveRule):
    """An SNMP walk hit its row bound before the end of the table.

    Why:
        A walk that never ends (an agent that keeps returning rows) must stop; the rows read
        so far are kept and the table is reported incomplete. (A read that runs out of time
        is ZP701.)
    Fix:
        Raise the bound for very large switches (``zoneplan collect --snmp-max-rows``); check
        the agent.
    """

    code = "ZP725"
    name = "snmp-walk-bounded"
    severity = Severity.ERROR
    fails = Run(
        SNMP_B + " --snmp-max-rows 2", caption="A bound below the size of the switches' tables."
    )
    passes = Run(SNMP_B, caption="The default bound (200,000 rows per table).")


class SnmpTableAbsent(_LiveRule):
    """A catalogued SNMP table returned no rows (not implemented by this agent or firmware).

    Why:
        Real agents implement subsets of their MIBs (the Nexus 5000 recording has the zone
        server settings but no zones); what was not there is named.
    Fix:
        None needed when the switch has nothing to list; otherwise read it by SSH.
    """

    code = "ZP726"
    name = "snmp-table-absent"
    severity = Severity.INFO
    fails = Run(
        SNMP_A,
        fault="snmp-no-logins",
        caption="Reported: the agents' name-server tables have no rows.",
    )
    passes = Run(SNMP_A, caption="Every catalogued table has rows.")


class SnmpValueUndecodable(_LiveRule):
    """An SNMP value has the wrong size or type for its column (a 5-octet WWN…).

    Why:
        Real agents contradict their MIBs; a value that cannot be decoded is skipped and
        named rather than turned into a wrong WWN.
    Fix:
        Report the agent's behaviour so the decoder learns it.
    """

    code = "ZP727"
    name = "snmp-value-undecodable"
    severity = Severity.WARNING
    fails = Capture(
        {
            "sw-a1/snmp_walk.txt": """
            # zoneplan snmp walk 1
            # switch: sw-a1
            # vendor: brocade
            1.3.6.1.3.94.5.2.1.1.2.1.1.1.0|2|1
            1.3.6.1.3.94.5.2.1.1.4.1.1.1.0|4x|10000090fac1
            """
        },
        caption="A saved walk whose connUnitSnsPortName is 6 octets.",
    )
    passes = Capture(
        {
            "sw-a1/snmp_walk.txt": """
            # zoneplan snmp walk 1
            # switch: sw-a1
            # vendor: brocade
            1.3.6.1.3.94.5.2.1.1.2.1.1.1.0|2|1
            1.3.6.1.3.94.5.2.1.1.4.1.1.1.0|4x|10000090fac10001
            """
        },
        caption="8 octets: a WWN.",
    )


class SwitchReadFailed(_LiveRule):
    """Reading a switch failed for an unexpected reason; the other switches are still read.

    Why:
        One switch's bug must not end the audit of the others; the error is named.
    Fix:
        Report the message (it never contains secrets) as a bug.
    """

    code = "ZP730"
    name = "switch-read-failed"
    severity = Severity.ERROR
    fails = Run(COLLECT, fault="read-crash", caption="A bug in zoneplan's SSH adapter (staged).")
    passes = Run(COLLECT)


class ForeignFilesInCapture(_LiveRule):
    """A switch's capture folder already holds files zoneplan did not write; they are kept.

    Why:
        ``collect`` replaces only the files its own manifest (``zoneplan-collect.json``) says
        an earlier run wrote: a file the user put there is never deleted. But the capture
        reader reads every file of the folder, so the user's files are read as part of this
        switch's capture: say so.
    Fix:
        Move the files elsewhere, or collect into a new folder.
    """

    code = "ZP731"
    name = "foreign-files-in-capture"
    severity = Severity.WARNING
    fails = Run(
        COLLECT,
        files={"capture/sw-a1/notes.txt": "cabled by R. on Monday\n"},
        caption="The capture folder of sw-a1 holds the admin's notes.",
    )
    passes = Run(COLLECT, caption="A new capture folder.")


class KnownHostsFileUnusable(_LiveRule):
    """The known_hosts file cannot be read or parsed; no switch is contacted over SSH.

    Why:
        Without the recorded keys no host key can be verified, so no password may be sent.
        The message names the file (and the line that is not UTF-8), so it can be fixed.
    Fix:
        Fix or move the named file, or give another with ``--known-hosts``.
    """

    code = "ZP732"
    name = "known-hosts-file-unusable"
    severity = Severity.ERROR
    fails = Run(
        COLLECT + " --known-hosts hosts",
        files={"hosts/README": "a folder, not a known_hosts file\n"},
        caption="--known-hosts names a folder.",
    )
    passes = Run(COLLECT, caption="The lab's known_hosts file, written by OpenSSH.")


RULES = (
    SwitchUnreachable,
    SwitchTimeout,
    CommandTimeout,
    AuthenticationFailed,
    HostKeyUnknown,
    HostKeyChanged,
    HostKeyRecorded,
    PartialRead,
    CommandRejected,
    PagingPrompt,
    ConnectionDropped,
    SshProtocolError,
    SnmpTimeout,
    SnmpErrorStatus,
    SnmpAuthFailed,
    SnmpInsecureVersion,
    SnmpZoningUnavailable,
    SnmpWalkBounded,
    SnmpTableAbsent,
    SnmpValueUndecodable,
    SwitchReadFailed,
    ForeignFilesInCapture,
    KnownHostsFileUnusable,
)
