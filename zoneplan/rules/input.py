"""ZP001-ZP009: the loader's codes. Catalogue entries; the loader makes the findings."""

from __future__ import annotations

from ..findings import Severity
from .base import Rule, RuleScope
from .examples import Inventory, InventoryText, Run


class _Load(Rule):
    severity = Severity.FATAL
    scope = RuleScope.LOAD


class YamlSyntax(_Load):
    """The file is not valid YAML (or holds several documents, or is not UTF-8).

    Why:
        Nothing can be checked in a file that cannot be read; the position says where the
        parser gave up, which is usually just after the real mistake.
    Fix:
        Correct the YAML at (or just before) the position given.
    """

    code = "ZP001"
    name = "yaml-syntax"
    fails = InventoryText(
        """
        name: lab
        fabrics:
          - name: A
            vendor: brocade
           description: fabric A      # indented one space too few
        """,
        caption="A key indented one space too few.",
    )
    passes = InventoryText(
        """
        name: lab
        fabrics:
          - name: A
            vendor: brocade
            description: fabric A
        """
    )


class DuplicateKey(_Load):
    """A mapping has the same key twice.

    Why:
        YAML loaders silently keep one of the two values; the other one, often the edit
        that was meant, disappears without a word.
    Fix:
        Keep the key once, with the value you mean.
    """

    code = "ZP002"
    name = "duplicate-key"
    fails = InventoryText(
        """
        name: lab
        fabrics:
          - {name: A, vendor: brocade}
        switches:
          - {name: sw1, fabric: A, domain_id: 1, domain_id: 2}
        """,
        caption="A switch given two domain IDs on one line (an edit that forgot the old value).",
    )
    passes = InventoryText(
        """
        name: lab
        fabrics:
          - {name: A, vendor: brocade}
        switches:
          - {name: sw1, fabric: A, domain_id: 2}
        """
    )


class InvalidValue(_Load):
    """A value has the wrong type or is out of range.

    Why:
        The model must be complete and typed before any rule can trust it.
    Fix:
        Use a value of the documented type and range (see schemas/inventory.schema.json).
    """

    code = "ZP003"
    name = "invalid-value"
    fails = Inventory(
        """
        switches:
          - {name: sw-a1, domain_id: 400}
        """,
        caption="A domain ID outside 1-239.",
    )
    passes = Inventory(
        """
        switches:
          - {name: sw-a1, domain_id: 4}
        """
    )


class UnknownKey(_Load):
    """A key that the inventory format does not know (usually a typo).

    Why:
        A misspelt key (``wwnp``) would otherwise be ignored and its value lost.
    Fix:
        Correct the spelling; editors complete keys from the schema line at the file's top.
    """

    code = "ZP004"
    name = "unknown-key"
    fails = Inventory(
        """
        hosts:
          - name: esx01
            hbas:
              - name: vmhba2
                ports:
                  - {name: p0, wwnp: "10:00:00:90:fa:c1:00:01"}
        """,
        caption="``wwnp`` for ``wwpn`` on esx01's port p0.",
    )
    passes = Inventory(
        """
        hosts:
          - name: esx01
            hbas:
              - name: vmhba2
                ports:
                  - {name: p0, wwpn: "10:00:00:90:fa:c1:00:01"}
        """
    )


class MissingKey(_Load):
    """A required key is missing.

    Why:
        A host without HBAs or a switch without a domain ID cannot be planned.
    Fix:
        Add the key named in the message. (A switch in Access Gateway / NPV mode has no
        domain ID: say ``mode: access-gateway`` or ``mode: npv`` instead.)
    """

    code = "ZP005"
    name = "missing-key"
    fails = Inventory(
        """
        switches:
          - {name: sw-a3, fabric: A}
        """,
        caption="A new switch without its domain ID.",
    )
    passes = Inventory(
        """
        switches:
          - {name: sw-a3, fabric: A, domain_id: 3}
        """
    )


class InputTooLarge(_Load):
    """The input is absurdly large (file size, an alias bomb, a count no site has).

    Why:
        A runaway file must end in a clear message, not in a machine out of memory. The
        limits (``zoneplan/limits.py``): a file of 128 MiB (refused before it is read), 10
        million nodes once anchors are expanded, 200,000 hosts, 5,000 switches, 4,096 ports
        per switch (and 64 slots of at most 512 ports), 64 HBAs per host and 64 ports per HBA.
    Fix:
        Split the file, or expand anchors that multiply.
    """

    code = "ZP006"
    name = "input-too-large"
    fails = InventoryText(
        """
        a: &a [x, x, x, x, x, x, x, x, x]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
        f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
        g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
        h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
        """,
        caption="An alias bomb: eight lines that expand to 43 million values.",
    )
    passes = InventoryText(
        """
        name: lab
        fabrics:
          - {name: A, vendor: brocade}
        switches:
          - {name: sw1, fabric: A, domain_id: 1, model: &model G620}
          - {name: sw2, fabric: A, domain_id: 2, model: *model}
        isls:
          - {a: "sw1:46", b: "sw2:46"}
        """,
        caption="Anchors used for what they are for: a value written once.",
    )


class UnreadableFile(_Load):
    """The inventory file cannot be opened.

    Why:
        A missing or unreadable file must never look like an empty, clean inventory.
    Fix:
        Check the path and the file's permissions.
    """

    code = "ZP007"
    name = "unreadable-file"
    fails = Run("zoneplan validate does-not-exist.yaml")
    passes = Run("zoneplan validate inventory.yaml")


class InvalidWwpn(_Load):
    """A WWPN or WWNN is not eight bytes of hex, or not a name a port can log in with.

    Why:
        A mistyped WWPN zones nothing: the host never sees its LUNs, or worse, a wrong port
        does. Accepted spellings: ``21:00:00:24:ff:0c:58:37``, ``2100002...``, ``21-00-...``.
        All zeros, all ones, NAA 3 (locally assigned, not globally unique) and the reserved
        NAA values are refused: port names use NAA 1, 2, 5, 6 or C-F (FC-FS-3).
    Fix:
        Copy the WWPN again from the HBA BIOS, ``nsshow`` or ``show flogi database``.
    """

    code = "ZP008"
    name = "invalid-wwpn"
    fails = Inventory(
        """
        hosts:
          - name: esx01
            hbas:
              - name: vmhba2
                ports:
                  - {name: p0, wwpn: "10:00:00:90:fa:c1:00"}
        """,
        caption="A WWPN one byte short.",
    )
    passes = Inventory(
        """
        hosts:
          - name: esx01
            hbas:
              - name: vmhba2
                ports:
                  - {name: p0, wwpn: "10000090fac10001"}
        """,
        caption="Eight bytes, in any accepted spelling.",
    )


class InvalidName(_Load):
    """A name contains characters that cannot be used safely in switch commands.

    Why:
        Names reach generated CLI scripts; a quote or semicolon could end a command and start
        another (``x"; cfgclear; "``). Letters, digits, ``_ - .`` only, letter or digit first.
    Fix:
        Rename the object with the allowed characters.
    """

    code = "ZP009"
    name = "invalid-name"
    fails = Inventory(
        """
        hosts:
          - name: 'esx03"; cfgclear; "'
            os: vmware
            hbas:
              - name: vmhba2
                ports:
                  - {name: p0, wwpn: "10:00:00:90:fa:c3:00:01", switch: sw-a1, port: 20}
        """,
        caption="A host name that would end a command and start ``cfgclear``.",
    )
    passes = Inventory(
        """
        hosts:
          - name: esx03
            os: vmware
            hbas:
              - name: vmhba2
                ports:
                  - {name: p0, wwpn: "10:00:00:90:fa:c3:00:01", switch: sw-a1, port: 20}
        """
    )


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
