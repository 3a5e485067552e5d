"""ZP060-ZP069: credentials and the configuration of a live read.

Why a catalogue entry per problem: secrets and addresses come from outside the inventory
(environment, credentials file, prompt, command line); each way they can be missing or unsafe
has a code a script can act on. These findings are made by :mod:`zoneplan.live` and
:mod:`zoneplan.workflows.collect` through ``make``.
"""

from __future__ import annotations

from ..findings import Severity
from .base import Rule, RuleScope


class _LiveRule(Rule):
    scope = RuleScope.LIVE


class CredentialsMissing(_LiveRule):
    """No secret was found for a switch's credential profile.

    Why:
        Secrets never live in the inventory; they come from environment variables, a
        credentials file or a prompt. Without one the switch cannot be read.
    Fails:
        Profile ``fabric-a`` with no ``ZONEPLAN_FABRIC_A_PASSWORD``, no ``fabric-a`` entry in the
        credentials file, and no terminal to prompt on (CI).
    Passes:
        ``ZONEPLAN_FABRIC_A_USER=admin`` and ``ZONEPLAN_FABRIC_A_PASSWORD=...`` exported, or the
        profile in ``~/.config/zoneplan/credentials.yaml`` (mode 0600).
    Fix:
        Export the variables, add the profile to the credentials file, or run interactively.
    """

    code = "ZP060"
    name = "credentials-missing"
    severity = Severity.ERROR


class CredentialsFileUnsafe(_LiveRule):
    """The credentials file can be read or written by the group or by others; it is refused.

    Why:
        A secret readable by other users of the machine is a leaked secret; ssh refuses
        private keys with such modes for the same reason.
    Fails:
        ``credentials.yaml`` with mode 0644 or 0640.
    Passes:
        Mode 0600 (or 0400), owned by the user running zoneplan.
    Fix:
        ``chmod 600 ~/.config/zoneplan/credentials.yaml``.
    """

    code = "ZP061"
    name = "credentials-file-unsafe"
    severity = Severity.FATAL


class CredentialsFileInvalid(_LiveRule):
    """The credentials file is not valid YAML of the documented shape.

    Why:
        A half-read credentials file would send wrong secrets to switches (and lock accounts).
    Fails:
        A YAML syntax error, ``profiles:`` missing, a profile that is not a mapping, an
        unknown key.
    Passes:
        ``profiles: {fabric-a: {user: admin, password: ...}}``.
    Fix:
        Correct the file; ``docs`` show the format (``zoneplan.live.credentials``).
    """

    code = "ZP062"
    name = "credentials-file-invalid"
    severity = Severity.FATAL


class CredentialsFileInTree(_LiveRule):
    """The credentials file lies beside the inventory (in its folder tree).

    Why:
        Inventories are committed to version control; a secrets file next to them is one
        ``git add .`` away from a leak.
    Fails:
        ``site/inventory.yaml`` and ``site/credentials.yaml``.
    Passes:
        ``~/.config/zoneplan/credentials.yaml`` or a path outside the repository.
    Fix:
        Move the file out of the inventory's folder (and check it was never committed).
    """

    code = "ZP063"
    name = "credentials-file-in-tree"
    severity = Severity.WARNING


class SwitchWithoutAddress(_LiveRule):
    """A switch to be read live has no management address (``mgmt``) in the inventory.

    Why:
        zoneplan cannot guess where a switch is; the switch is skipped and reported unread.
    Fails:
        ``switches: [{name: sw1, fabric: A, domain_id: 1}]`` with ``--live``.
    Passes:
        ``mgmt: 10.0.0.5`` (or ``sw1.example.net:2222``).
    Fix:
        Add ``mgmt`` to the switch.
    """

    code = "ZP064"
    name = "switch-without-address"
    severity = Severity.ERROR


class SwitchWithoutProfile(_LiveRule):
    """A switch names no credential profile; the profile ``default`` is used.

    Why:
        Switches of different fabrics usually have different accounts; an implicit default
        may send one fabric's password to another fabric's switch.
    Fails:
        A switch without ``credentials:``.
    Passes:
        ``credentials: fabric-a``.
    Fix:
        Add ``credentials: <profile>`` to the switch.
    """

    code = "ZP065"
    name = "switch-without-profile"
    severity = Severity.INFO


class BadAddress(_LiveRule):
    """A management address (or ``--switch HOST[:PORT]``) cannot be parsed.

    Why:
        A typo in an address would otherwise show up as an unreachable switch.
    Fails:
        ``10.0.0.5:ssh``, ``[::1``, a port outside 1-65535.
    Passes:
        ``10.0.0.5``, ``10.0.0.5:2222``, ``[2001:db8::5]:22``, ``sw1.example.net``.
    Fix:
        Correct the address.
    """

    code = "ZP066"
    name = "bad-address"
    severity = Severity.FATAL


class NoSwitchSelected(_LiveRule):
    """No switch matches what was asked for (``--fabric``, inventory without switches).

    Why:
        A live run that reads nothing must not look like a clean run.
    Fails:
        ``--fabric C`` when the inventory has fabrics A and B.
    Passes:
        A selection with at least one switch.
    Fix:
        Check the fabric name or add switches to the inventory.
    """

    code = "ZP067"
    name = "no-switch-selected"
    severity = Severity.FATAL


class CommandCatalogueInvalid(_LiveRule):
    """The vendor pack's command or OID catalogue is missing or malformed.

    Why:
        The commands zoneplan sends live in the vendor packs; without a valid catalogue it
        cannot know what to read (and it never guesses commands).
    Fails:
        ``vendors/brocade-fos/commands.yaml`` missing, or a command that is not read-only.
    Passes:
        The catalogue shipped with zoneplan.
    Fix:
        Reinstall zoneplan or correct the pack.
    """

    code = "ZP068"
    name = "command-catalogue-invalid"
    severity = Severity.FATAL


class InsecureOption(_LiveRule):
    """A live option lowers security (host keys accepted blindly, secret on the command line).

    Why:
        ``--accept-new-host-key`` trusts whoever answers first; a password given as an option
        lands in shell history and ``ps``.
    Fails:
        ``--accept-new-host-key`` on a run against known switches; ``--community`` in a CI job.
    Passes:
        Host keys recorded once on a trusted network; secrets from the environment or file.
    Fix:
        Record host keys once, then run without the flag; move secrets to the environment.
    """

    code = "ZP069"
    name = "insecure-option"
    severity = Severity.WARNING


RULES = (
    CredentialsMissing,
    CredentialsFileUnsafe,
    CredentialsFileInvalid,
    CredentialsFileInTree,
    SwitchWithoutAddress,
    SwitchWithoutProfile,
    BadAddress,
    NoSwitchSelected,
    CommandCatalogueInvalid,
    InsecureOption,
)
