"""Change rules (ZP550–ZP563): a plan against the fabric as it is, before any script is written.

Why a family of its own: these findings are about the *fabric in production* the change is
computed against (a capture, later a live read), not about the design. Each one either stops
the script of a fabric (severity fatal: nothing is written, exit code 2) because pasting it
could cut access, publish someone else's pending change or edit a foreign object, or announces
what the script will do that an admin must know (warnings). The findings are made by the
change engine (:mod:`zoneplan.plan.delta`, :mod:`zoneplan.plan.guards`) and the plan workflow.
"""

from __future__ import annotations

from ..findings import Severity
from .base import Rule, RuleScope
from .examples import Change

# -- saved output the examples plan against (fabric A: sw-a1; fabric B: VSAN 20 of a switch b1,
#    which the capture reader places on fabric B by its VSAN)

_NO_TRANSACTION = "There is no outstanding zoning transaction\n"
_EMPTY_A = {
    "sw-a1/cfgshow.txt": """
        Defined configuration:
         no configuration defined

        Effective configuration:
         no configuration in effect

        """,
    "sw-a1/cfgtransshow.txt": _NO_TRANSACTION,
}


def _cfgshow(defined: str, effective: str) -> dict[str, str]:
    """sw-a1's cfgshow: the defined lines, then the effective ones."""
    return {
        "sw-a1/cfgshow.txt": "Defined configuration:\n"
        + defined
        + "\nEffective configuration:\n"
        + effective
        + "\n",
        "sw-a1/cfgtransshow.txt": _NO_TRANSACTION,
    }


_PROD_DEFINED = """\
 cfg:   PROD_A  ADMIN_zone
 zone:  ADMIN_zone      ADMIN_tape; 21:00:00:24:ff:7a:10:00
 alias: ADMIN_tape      50:06:01:60:00:00:00:01
"""
_PROD_EFFECTIVE = """\
 cfg:   PROD_A
 zone:  ADMIN_zone
                50:06:01:60:00:00:00:01
                21:00:00:24:ff:7a:10:00
"""
#: fabric A in production: config PROD_A in effect, an admin's tape zone in it
_PROD_A = _cfgshow(_PROD_DEFINED, _PROD_EFFECTIVE)
#: the inventory records that PROD_A is the config in effect (zoneplan import writes it)
_IN_EFFECT = """
    fabrics:
      - name: A
        zoning: {config: PROD_A}
    """

_ZONE_B = (
    "zone name ADMIN_zone vsan 20\n  pwwn 50:06:01:60:00:00:00:02\n  pwwn 21:00:00:24:ff:7a:10:02\n"
)


def _zone_status(zones: int, smart: str, active: str) -> str:
    return (
        "VSAN: 20 default-zone: deny distribute: full Interop: default\n"
        "    mode: basic merge-control: allow\n"
        "    session:  none\n"
        "    hard-zoning: enabled broadcast: unsupported\n"
        f"    smart-zoning: {smart}\n"
        "    rscn-format: fabric-address\n"
        "    activation overwrite control: disabled\n"
        "Default zone:\n"
        "    qos: none broadcast: unsupported ronly: unsupported\n"
        "Full Zoning Database :\n"
        "    DB size: 120 bytes\n"
        f"    Zonesets:  {min(zones, 1)} Zones: {zones} Aliases: 0\n"
        "Active Zoning Database :\n" + active
    )


def _fabric_b(smart: str) -> dict[str, str]:
    """the switch b1 with zoneset PROD_B (an admin's zone) active in VSAN 20."""
    return {
        "b1/show_zoneset_vsan_20.txt": "zoneset name PROD_B vsan 20\n"
        + "".join("  " + line + "\n" for line in _ZONE_B.splitlines()),
        "b1/show_zone_vsan_20.txt": _ZONE_B,
        "b1/show_zoneset_active_vsan_20.txt": "zoneset name PROD_B vsan 20\n"
        + "".join("  " + line + "\n" for line in _ZONE_B.splitlines()),
        "b1/show_zone_status_vsan_20.txt": _zone_status(
            1, smart, "    DB Size: 60 bytes\n    Name: PROD_B Zonesets: 1 Zones: 1\n"
        ),
        "b1/show_device-alias_database.txt": "\nTotal number of entries = 0\n",
        "b1/show_device-alias_status.txt": "Fabric Distribution : Enabled\n"
        "Database:- Device Aliases 0  Mode: Enhanced\n",
    }


#: fabric B with nothing zoned, but old01's device-alias still there
_EMPTY_B_WITH_OLD01 = {
    "b1/show_zone_vsan_20.txt": "Zone not present\n",
    "b1/show_zoneset_vsan_20.txt": "Zoneset not present\n",
    "b1/show_zone_status_vsan_20.txt": _zone_status(0, "disabled", "    Database Not Available\n"),
    "b1/show_device-alias_database.txt": "device-alias name old01_hba0_p0 pwwn "
    "10:00:00:90:fa:99:00:01\n\nTotal number of entries = 1\n",
    "b1/show_device-alias_status.txt": "Fabric Distribution : Enabled\n"
    "Database:- Device Aliases 1  Mode: Enhanced\n",
}


class _ChangeRule(Rule):
    scope = RuleScope.PLAN


class NoObservedState(_ChangeRule):
    """A fabric has no observed zoning to compute the change against.

    Why:
        Every fabric in production has zoning. A script computed without reading it would
        create and enable a new configuration, dropping every zone the inventory does not
        know: hosts lose their storage.
    Fix:
        Capture the fabric (``zoneplan collect INV --out cap/``) and rerun with
        ``--against cap/``; only for a fabric without any zoning, declare it new.
    """

    code = "ZP550"
    name = "no-observed-state"
    severity = Severity.FATAL
    fails = Change(caption="Fabric A planned with no capture and not declared new.")
    passes = Change(flags=("--greenfield",), caption="A new fabric, declared so.")


class CaptureLacksZoning(_ChangeRule):
    """The capture of a fabric lacks (part of) its zoning database.

    Why:
        What is not read cannot be kept: a zone created under a name that exists unread is
        merged into it on NX-OS (``zone name X`` enters the existing zone), and a missing
        defined database hides every object the change must not touch.
    Fix:
        Capture the fabric with ``zoneplan collect`` (it runs every command needed) and rerun.
    """

    code = "ZP551"
    name = "capture-lacks-zoning"
    severity = Severity.FATAL
    fails = Change(
        {"sw-a1/switchshow.txt": "switchName:\tsw-a1\nswitchDomain:\t1\n"},
        caption="The capture of sw-a1 holds switchshow only: no zoning database.",
    )
    passes = Change(
        _EMPTY_A,
        flags=("--enable-zoning",),
        caption="cfgshow captured (an empty fabric: zoning enabled with the flag).",
    )


class ZoningBusy(_ChangeRule):
    """The capture shows an open zoning transaction, a held zone session or a lock.

    Why:
        Another admin (or a tool) is changing the zoning: a script pasted now mixes its
        changes with theirs, or enables them half-done, or fails on the lock.
    Fix:
        Find who holds it and let them finish (``cfgtransshow``, ``show zone status``); capture
        again and rerun the plan.
    """

    code = "ZP552"
    name = "zoning-busy"
    severity = Severity.FATAL
    fails = Change(
        {
            **_EMPTY_A,
            "sw-a1/cfgtransshow.txt": "Current transaction token is 271010736\nIt is abortable\n",
        },
        flags=("--enable-zoning",),
        caption="Another admin's zoning transaction is open on fabric A.",
    )
    passes = Change(_EMPTY_A, flags=("--enable-zoning",), caption="No open transaction.")


class ConfigNotInEffect(_ChangeRule):
    """The plan's config exists on the fabric but is not the one in effect.

    Why:
        Enabling it would replace the configuration in effect, with every zone it holds,
        by a stale one. The change must edit the configuration in effect.
    Fix:
        Set ``fabrics[].zoning.config`` to the config in effect (``zoneplan import`` does it),
        or remove the stale config by hand if nobody needs it.
    """

    code = "ZP553"
    name = "config-not-in-effect"
    severity = Severity.FATAL
    fails = Change(
        _cfgshow(_PROD_DEFINED + " cfg:   cfg_euronas_cluster_A   ADMIN_zone\n", _PROD_EFFECTIVE),
        caption="The plan's config cfg_euronas_cluster_A is defined, PROD_A is in effect.",
    )
    passes = Change(
        _PROD_A, _IN_EFFECT, caption="The inventory names PROD_A, the config in effect."
    )


class NoConfigInEffect(_ChangeRule):
    """No config is in effect on the fabric, and the change would enable one.

    Why:
        Without an effective configuration the default zone decides who sees whom (often
        every device sees every other). Enabling a configuration changes access for every
        device on the fabric at once, not only for those the plan names.
    Fix:
        Check that every device that must keep access is in the inventory, then rerun with
        ``--enable-zoning``; the rollback cannot disable zoning again (zoneplan never does).
    """

    code = "ZP554"
    name = "no-config-in-effect"
    severity = Severity.FATAL
    fails = Change(_EMPTY_A, caption="Fabric A has no config in effect; no --enable-zoning.")
    passes = Change(_PROD_A, _IN_EFFECT, caption="PROD_A is in effect: the change edits it.")


class PendingChange(_ChangeRule):
    """The fabric's defined configuration differs from the one in effect.

    Why:
        Enabling the configuration in effect publishes everything defined in it, including
        changes someone saved but never enabled (and a zone printed twice is not settled
        either): the script would enable their change unannounced.
    Fix:
        Ask who changed the defined configuration; enable or undo their change first, capture
        again; or rerun with ``--accept-pending`` to publish it with yours.
    """

    code = "ZP555"
    name = "pending-change"
    severity = Severity.FATAL
    fails = Change(
        _cfgshow(
            _PROD_DEFINED.replace("ADMIN_zone\n", "ADMIN_zone; ADMIN_new\n", 1)
            + " zone:  ADMIN_new       50:06:01:60:00:00:00:02; 50:06:01:60:00:00:00:03\n",
            _PROD_EFFECTIVE,
        ),
        _IN_EFFECT,
        caption="Someone added ADMIN_new to PROD_A and saved without enabling it.",
    )
    passes = Change(_PROD_A, _IN_EFFECT, caption="Defined PROD_A equals the effective one.")


class ForeignObject(_ChangeRule):
    """An object of the plan's name exists on the fabric with other content.

    Why:
        An alias of the plan's name holding another WWPN zones the wrong device; adding a
        host to a zone someone else made gives it access to their devices. Foreign objects
        are never edited.
    Fix:
        If the HBA was replaced and zoneplan created the alias, plan with the previous
        plan.json in ``--out`` (or ``--previous``); otherwise rename the plan's objects
        (``policy.naming``) or the foreign one.
    """

    code = "ZP556"
    name = "foreign-object"
    severity = Severity.FATAL
    fails = Change(
        _cfgshow(
            _PROD_DEFINED + " alias: esx01_vmhba2_p0 50:06:01:60:00:00:00:09\n", _PROD_EFFECTIVE
        ),
        _IN_EFFECT,
        caption="An alias of the plan's name (esx01_vmhba2_p0) holds another WWPN, and "
        "zoneplan did not create it.",
    )
    passes = Change(_PROD_A, _IN_EFFECT, caption="No object of the plan's names on the fabric.")


class CaseOnlyCollision(_ChangeRule):
    """A name the plan creates differs from an existing one only in case.

    Why:
        Both vendors keep names case-sensitive, but whether a switch refuses such a twin is
        not documented, and two names that differ only in case are a trap for the next admin
        (and for tools that compare case-insensitively).
    Fix:
        Use the existing name (set ``policy.naming`` so the plan produces it) or rename one.
    """

    code = "ZP557"
    name = "case-only-collision"
    severity = Severity.FATAL
    fails = Change(
        _cfgshow(
            _PROD_DEFINED + " alias: ESX01_VMHBA2_P0 50:06:01:60:00:00:00:09\n", _PROD_EFFECTIVE
        ),
        _IN_EFFECT,
        caption="ESX01_VMHBA2_P0 exists; the plan would create esx01_vmhba2_p0.",
    )
    passes = Change(_PROD_A, _IN_EFFECT, caption="No name equal to a new one ignoring case.")


class DeleteOnUnreliableCapture(_ChangeRule):
    """``--allow-delete`` on a capture with an error-level finding.

    Why:
        A cut or garbled capture hides objects: what looks unused may be in use, and a
        removal computed from it can unzone a host.
    Fix:
        Capture again (``zoneplan collect``) until it reads cleanly; then rerun.
    """

    code = "ZP558"
    name = "delete-on-unreliable-capture"
    severity = Severity.FATAL
    fails = Change(
        _cfgshow(_PROD_DEFINED + " zone:  z_cut\n", _PROD_EFFECTIVE),
        _IN_EFFECT,
        flags=("--allow-delete",),
        caption="cfgshow ends with a zone without members (cut off, ZP021).",
    )
    passes = Change(_PROD_A, _IN_EFFECT, flags=("--allow-delete",), caption="A clean capture.")


class FirmwareUnknown(_ChangeRule):
    """The firmware of a switch is unknown, and the change uses a feature that needs a version.

    Why:
        Peer zones, smart zoning and the non-interactive save exist only from some firmware
        on; with the version unknown the script may fail half-way on an older switch.
    Fix:
        Add ``firmware`` to the switches in the inventory (or capture ``version``) and rerun.
    """

    code = "ZP559"
    name = "firmware-unknown"
    severity = Severity.WARNING
    fails = Change(
        _PROD_A,
        """
        fabrics:
          - name: A
            zoning: {config: PROD_A}
        switches:
          - {name: sw-a1, firmware: null}
          - {name: sw-a2, firmware: null}
        """,
        strategy="peer",
        caption="Peer zones planned; no firmware in the inventory or the capture.",
    )
    passes = Change(_PROD_A, _IN_EFFECT, strategy="peer", caption="FOS 9.1.1b on both switches.")


class FirmwareTooOld(_ChangeRule):
    """A switch's firmware is older than a feature the change uses.

    Why:
        The switch refuses the commands (peer zones before FOS 7.4, smart zoning before
        NX-OS 5.2): the script fails half-way.
    Fix:
        Upgrade the switch, or plan with a strategy it supports (``--strategy sist``).
    """

    code = "ZP560"
    name = "firmware-too-old"
    severity = Severity.ERROR
    fails = Change(
        _PROD_A,
        """
        fabrics:
          - name: A
            zoning: {config: PROD_A}
        switches:
          - {name: sw-a1, firmware: "7.3.1"}
        """,
        strategy="peer",
        caption="Peer zones planned; sw-a1 runs FOS 7.3.1.",
    )
    passes = Change(_PROD_A, _IN_EFFECT, strategy="peer", caption="FOS 9.1.1b on both switches.")


class SmartZoningEnabled(_ChangeRule):
    """The change enables smart zoning on a VSAN that already has zones.

    Why:
        Smart zoning types every untagged member from the name server (initiator, target):
        two targets in an existing zone stop seeing each other once it is enabled, so zones
        the plan does not touch change behaviour too.
    Fix:
        Check the existing zones (tag members ``both`` where devices must talk both ways);
        or plan with ``--strategy sist``.
    """

    code = "ZP561"
    name = "smart-zoning-enabled"
    severity = Severity.WARNING
    fails = Change(
        _fabric_b("disabled"),
        """
        fabrics:
          - name: B
            zoning: {config: PROD_B}
        """,
        strategy="smart",
        fabric="B",
        caption="Smart zoning planned on VSAN 20, which has smart zoning off and a zone.",
    )
    passes = Change(
        _fabric_b("enabled"),
        """
        fabrics:
          - name: B
            zoning: {config: PROD_B}
        """,
        strategy="smart",
        fabric="B",
        caption="Smart zoning already on in VSAN 20.",
    )


class AliasKept(_ChangeRule):
    """A device-alias or alias the plan no longer needs is kept.

    Why:
        A device-alias is fabric-wide: a zone of another VSAN may use it, and deleting one in
        use cuts that device's traffic (NX-OS accepts the deletion). With other VSANs unread,
        zoneplan cannot know, so it keeps the alias.
    Fix:
        Capture every VSAN (``show zone``, ``show vsan``) and rerun, or delete it by hand.
    """

    code = "ZP562"
    name = "alias-kept"
    severity = Severity.INFO
    fails = Change(
        _EMPTY_B_WITH_OLD01,
        earlier="""
        hosts:
          - name: old01
            os: linux
            hbas:
              - name: hba0
                ports:
                  - {name: p0, wwpn: "10:00:00:90:fa:99:00:01", switch: mds-b1, port: fc1/40}
        """,
        flags=("--allow-delete", "--enable-zoning"),
        fabric="B",
        caption="old01 is no longer in the inventory; the capture does not say which VSANs "
        "the switch has (no show vsan), so its device-alias may be used elsewhere.",
    )
    passes = Change(
        {
            **_EMPTY_B_WITH_OLD01,
            "b1/show_vsan.txt": "vsan 20 information\n         name:VSAN0020  state:active\n"
            "         interoperability mode:default\n"
            "         loadbalancing:src-id/dst-id/oxid\n         operational state:up\n",
        },
        earlier="""
        hosts:
          - name: old01
            os: linux
            hbas:
              - name: hba0
                ports:
                  - {name: p0, wwpn: "10:00:00:90:fa:99:00:01", switch: mds-b1, port: fc1/40}
        """,
        flags=("--allow-delete", "--enable-zoning"),
        fabric="B",
        caption="Every VSAN of the switch read and none uses it: the device-alias is deleted.",
    )


class NoOwnershipRecord(_ChangeRule):
    """``--allow-delete`` without a record of what zoneplan created on the fabric.

    Why:
        zoneplan removes only objects it created; without the previous plan.json it cannot
        tell its objects from foreign ones, so it removes nothing.
    Fix:
        Plan into the same ``--out`` folder as the plan that was applied, or pass
        ``--previous OLD/plan.json``.
    """

    code = "ZP563"
    name = "no-ownership-record"
    severity = Severity.WARNING
    fails = Change(
        _PROD_A, _IN_EFFECT, flags=("--allow-delete",), caption="A new --out folder, no --previous."
    )
    passes = Change(
        _PROD_A,
        _IN_EFFECT,
        flags=("--allow-delete",),
        earlier="",
        caption="The earlier plan's plan.json is in --out.",
    )


RULES = (
    NoObservedState,
    CaptureLacksZoning,
    ZoningBusy,
    ConfigNotInEffect,
    NoConfigInEffect,
    PendingChange,
    ForeignObject,
    CaseOnlyCollision,
    DeleteOnUnreliableCapture,
    FirmwareUnknown,
    FirmwareTooOld,
    SmartZoningEnabled,
    AliasKept,
    NoOwnershipRecord,
)
