"""ZP001-ZP009: the loader's codes. Catalogue entries; the loader makes the findings."""

from __future__ import annotations

from ..findings import Severity
from .base import Rule, RuleScope


class _Load(Rule):
    severity = Severity.FATAL
    scope = RuleScope.LOAD


class YamlSyntax(_Load):
    """The file is not valid YAML (or holds several documents, or is not UTF-8).

    Why:
        Nothing can be checked in a file that cannot be read; the position says where the
        parser gave up, which is usually just after the real mistake.
    Fails:
        hosts:
          - name: esx01
           os: vmware        # indentation off by one
    Passes:
        hosts:
          - name: esx01
            os: vmware
    Fix:
        Correct the YAML at (or just before) the position given.
    """

    code = "ZP001"
    name = "yaml-syntax"


class DuplicateKey(_Load):
    """A mapping has the same key twice.

    Why:
        YAML loaders silently keep one of the two values; the other one, often the edit
        that was meant, disappears without a word.
    Fails:
        - {name: p0, wwpn: "21:00:00:24:ff:0c:58:37", wwpn: "21:00:00:24:ff:0c:58:38"}
    Passes:
        - {name: p0, wwpn: "21:00:00:24:ff:0c:58:37"}
    Fix:
        Keep the key once, with the value you mean.
    """

    code = "ZP002"
    name = "duplicate-key"


class InvalidValue(_Load):
    """A value has the wrong type or is out of range.

    Why:
        The model must be complete and typed before any rule can trust it.
    Fails:
        switches:
          - {name: sw1, fabric: A, domain_id: 400}
    Passes:
        switches:
          - {name: sw1, fabric: A, domain_id: 4}
    Fix:
        Use a value of the documented type and range (see schemas/inventory.schema.json).
    """

    code = "ZP003"
    name = "invalid-value"


class UnknownKey(_Load):
    """A key that the inventory format does not know (usually a typo).

    Why:
        A misspelt key (``wwnp``) would otherwise be ignored and its value lost.
    Fails:
        - {name: p0, wwnp: "21:00:00:24:ff:0c:58:37"}
    Passes:
        - {name: p0, wwpn: "21:00:00:24:ff:0c:58:37"}
    Fix:
        Correct the spelling; editors complete keys from the schema line at the file's top.
    """

    code = "ZP004"
    name = "unknown-key"


class MissingKey(_Load):
    """A required key is missing.

    Why:
        A host without HBAs or a switch without a domain ID cannot be planned.
    Fails:
        switches:
          - {name: sw1, fabric: A}
    Passes:
        switches:
          - {name: sw1, fabric: A, domain_id: 1}
    Fix:
        Add the key named in the message.
    """

    code = "ZP005"
    name = "missing-key"


class InputTooLarge(_Load):
    """The input is absurdly large (file size, or an alias bomb of anchors).

    Why:
        A runaway file must end in a clear message, not in a machine out of memory.
    Fails:
        a: &a [x, x, x, x, x, x, x, x, x]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]   # ... nine levels deep
    Passes:
        An inventory of 50,000 hosts (about 20 MB).
    Fix:
        Split the file, or expand anchors that multiply.
    """

    code = "ZP006"
    name = "input-too-large"


class UnreadableFile(_Load):
    """The inventory file cannot be opened.

    Why:
        A missing or unreadable file must never look like an empty, clean inventory.
    Fails:
        zoneplan validate does-not-exist.yaml
    Passes:
        zoneplan validate samples/euronas-cluster.yaml
    Fix:
        Check the path and the file's permissions.
    """

    code = "ZP007"
    name = "unreadable-file"


class InvalidWwpn(_Load):
    """A WWPN or WWNN is not eight bytes of hex.

    Why:
        A mistyped WWPN zones nothing: the host never sees its LUNs, or worse, a wrong port
        does. Accepted spellings: ``21:00:00:24:ff:0c:58:37``, ``2100002...``, ``21-00-...``.
    Fails:
        wwpn: "21:00:00:24:ff:0c:58"
    Passes:
        wwpn: "21:00:00:24:ff:0c:58:37"
    Fix:
        Copy the WWPN again from the HBA BIOS, ``nsshow`` or ``show flogi database``.
    """

    code = "ZP008"
    name = "invalid-wwpn"


class InvalidName(_Load):
    """A name contains characters that cannot be used safely in switch commands.

    Why:
        Names reach generated CLI scripts; a quote or semicolon could end a command and start
        another (``x"; cfgclear; "``). Letters, digits, ``_ - .`` only, letter or digit first.
    Fails:
        - name: 'esx01"; cfgclear; "'
    Passes:
        - name: esx01
    Fix:
        Rename the object with the allowed characters.
    """

    code = "ZP009"
    name = "invalid-name"


RULES = (
    YamlSyntax,
    DuplicateKey,
    InvalidValue,
    UnknownKey,
    MissingKey,
    InputTooLarge,
    UnreadableFile,
    InvalidWwpn,
    InvalidName,
)
