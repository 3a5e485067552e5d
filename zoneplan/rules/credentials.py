"""ZP060-ZP069: credentials and the configuration of a live read.

Why a catalogue entry per problem: secrets and addresses come from outside the inventory
(environment, credentials file, prompt, command line); each way they can be missing or unsafe
has a code a script can act on. These findings are made by :mod:`zoneplan.live` and
:mod:`zoneplan.workflows.collect` through ``make``.
"""

from __future__ import annotations

from ..findings import Severity
from .base import Rule, RuleScope
from .examples import Run

#: the live examples read fabric A of the sample (sw-a1 and sw-a2)
COLLECT = "zoneplan collect inventory.yaml --fabric A --out capture"
_FILE = "~/.config/zoneplan/credentials.yaml"
_PROFILES = """
    profiles:
      san-admin: {user: admin, password: Lab-Passw0rd-zp}
    """
#: no secret in the environment: the file is the only source
_NO_ENV = {"ZONEPLAN_SAN_ADMIN_USER": None, "ZONEPLAN_SAN_ADMIN_PASSWORD": None}


class _LiveRule(Rule):
    scope = RuleScope.LIVE


class CredentialsMissing(_LiveRule):
    """No secret was found for a switch's credential profile.

    Why:
        Secrets never live in the inventory; they come from environment variables, a
        credentials file or a prompt. Without one the switch cannot be read.
    Fix:
        Export the variables, add the profile to the credentials file, or run interactively.
    """

    code = "ZP060"
    name = "credentials-missing"
    severity = Severity.ERROR
    fails = Run(
        COLLECT,
        env={"ZONEPLAN_SAN_ADMIN_PASSWORD": None},
        caption="No password for profile san-admin: no variable, no credentials file, and no "
        "terminal to ask on.",
    )
    passes = Run(
        COLLECT,
        env={"ZONEPLAN_SAN_ADMIN_USER": "admin", "ZONEPLAN_SAN_ADMIN_PASSWORD": "Lab-Passw0rd-zp"},
    )


class CredentialsFileUnsafe(_LiveRule):
    """The credentials file can be read or written by the group or by others; it is refused.

    Why:
        A secret readable by other users of the machine is a leaked secret; ssh refuses
        private keys with such modes for the same reason.
    Fix:
        ``chmod 600 ~/.config/zoneplan/credentials.yaml``.
    """

    code = "ZP061"
    name = "credentials-file-unsafe"
    severity = Severity.FATAL
    fails = Run(COLLECT, files={_FILE: _PROFILES}, modes={_FILE: 0o644}, env=_NO_ENV)
    passes = Run(COLLECT, files={_FILE: _PROFILES}, modes={_FILE: 0o600}, env=_NO_ENV)


class CredentialsFileInvalid(_LiveRule):
    """The credentials file is not valid YAML of the documented shape.

    Why:
        A half-read credentials file would send wrong secrets to switches (and lock accounts).
    Fix:
        Correct the file; ``docs`` show the format (``zoneplan.live.credentials``).
    """

    code = "ZP062"
    name = "credentials-file-invalid"
    severity = Severity.FATAL
    fails = Run(
        COLLECT,
        files={_FILE: "san-admin: {user: admin, password: Lab-Passw0rd-zp}\n"},
        env=_NO_ENV,
        caption="The profile without the ``profiles:`` mapping around it.",
    )
    passes = Run(COLLECT, files={_FILE: _PROFILES}, env=_NO_ENV)


class CredentialsFileInTree(_LiveRule):
    """The credentials file lies beside the inventory (in its folder tree).

    Why:
        Inventories are committed to version control; a secrets file next to them is one
        ``git add .`` away from a leak.
    Fix:
        Move the file out of the inventory's folder (and check it was never committed).
    """

    code = "ZP063"
    name = "credentials-file-in-tree"
    severity = Severity.WARNING
    fails = Run(
        COLLECT + " --credentials credentials.yaml",
        files={"credentials.yaml": _PROFILES},
        env=_NO_ENV,
        caption="The credentials file in the inventory's folder.",
    )
    passes = Run(COLLECT, files={_FILE: _PROFILES}, env=_NO_ENV, caption="In the home folder.")


class SwitchWithoutAddress(_LiveRule):
    """A switch to be read live has no management address (``mgmt``) in the inventory.

    Why:
        zoneplan cannot guess where a switch is; the switch is skipped and reported unread.
    Fix:
        Add ``mgmt`` to the switch.
    """

    code = "ZP064"
    name = "switch-without-address"
    severity = Severity.ERROR
    fails = Run(
        COLLECT,
        """
        switches:
          - {name: sw-a1, mgmt: null}
        """,
        caption="sw-a1 without ``mgmt``.",
    )
    passes = Run(
        COLLECT,
        """
        switches:
          - {name: sw-a1, mgmt: 10.20.0.11}
        """,
    )


class SwitchWithoutProfile(_LiveRule):
    """A switch names no credential profile; the profile ``default`` is used.

    Why:
        Switches of different fabrics usually have different accounts; an implicit default
        may send one fabric's password to another fabric's switch.
    Fix:
        Add ``credentials: <profile>`` to the switch.
    """

    code = "ZP065"
    name = "switch-without-profile"
    severity = Severity.INFO
    fails = Run(
        COLLECT,
        """
        switches:
          - {name: sw-a1, credentials: null}
        """,
        caption="sw-a1 without ``credentials``.",
    )
    passes = Run(
        COLLECT,
        """
        switches:
          - {name: sw-a1, credentials: san-admin}
        """,
    )


class BadAddress(_LiveRule):
    """A management address (or ``--switch HOST[:PORT]``) cannot be parsed.

    Why:
        A typo in an address would otherwise show up as an unreachable switch.
    Fix:
        Correct the address.
    """

    code = "ZP066"
    name = "bad-address"
    severity = Severity.FATAL
    fails = Run(
        COLLECT,
        """
        switches:
          - {name: sw-a1, mgmt: "10.20.0.11:ssh"}
        """,
        caption="A service name where the port number goes.",
    )
    passes = Run(
        COLLECT,
        """
        switches:
          - {name: sw-a1, mgmt: "10.20.0.11:22"}
        """,
    )


class NoSwitchSelected(_LiveRule):
    """No switch matches what was asked for (``--fabric``, inventory without switches).

    Why:
        A live run that reads nothing must not look like a clean run.
    Fix:
        Check the fabric name or add switches to the inventory.
    """

    code = "ZP067"
    name = "no-switch-selected"
    severity = Severity.FATAL
    fails = Run(
        "zoneplan collect inventory.yaml --fabric C --out capture",
        caption="A fabric the inventory does not have.",
    )
    passes = Run(COLLECT)


class CommandCatalogueInvalid(_LiveRule):
    """The vendor pack's command or OID catalogue is missing or malformed.

    Why:
        The commands zoneplan sends live in the vendor packs; without a valid catalogue it
        cannot know what to read (and it never guesses commands).
    Fix:
        Reinstall zoneplan or correct the pack.
    """

    code = "ZP068"
    name = "command-catalogue-invalid"
    severity = Severity.FATAL
    fails = Run(
        COLLECT,
        fault="catalogue-with-write-command",
        caption="A pack whose command catalogue lists ``cfgsave`` (it is never sent).",
    )
    passes = Run(COLLECT, caption="The catalogue shipped with zoneplan.")


class InsecureOption(_LiveRule):
    """A live option lowers security (host keys accepted blindly, secret on the command line).

    Why:
        ``--accept-new-host-key`` trusts whoever answers first; a password given as an option
        lands in shell history and ``ps``.
    Fix:
        Record host keys once, then run without the flag; move secrets to the environment.
    """

    code = "ZP069"
    name = "insecure-option"
    severity = Severity.WARNING
    fails = Run(COLLECT + " --accept-new-host-key")
    passes = Run(COLLECT, caption="Host keys recorded once, on a trusted network.")


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
