"""Change rules (ZP9xx): a plan against the fabric as it is, before any script is written.

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


class _ChangeRule(Rule):
    scope = RuleScope.PLAN


class NoObservedState(_ChangeRule):
    """A fabric has no observed zoning to compute the change against.

    Why:
        Every fabric in production has zoning. A script computed without reading it would
        create and enable a new configuration, dropping every zone the inventory does not
        know: hosts lose their storage.
    Fails:
        ``zoneplan plan inv.yaml --out chg/`` for a fabric that is not declared new.
    Passes:
        ``zoneplan plan inv.yaml --against cap/ --out chg/`` after ``zoneplan collect inv.yaml
        --out cap/``; or a new fabric declared with ``--greenfield`` or
        ``fabrics[].zoning.greenfield: true``.
    Fix:
        Capture the fabric (``zoneplan collect INV --out cap/``) and rerun with
        ``--against cap/``; only for a fabric without any zoning, declare it new.
    """

    code = "ZP901"
    name = "no-observed-state"
    severity = Severity.FATAL


class CaptureLacksZoning(_ChangeRule):
    """The capture of a fabric lacks (part of) its zoning database.

    Why:
        What is not read cannot be kept: a zone created under a name that exists unread is
        merged into it on NX-OS (``zone name X`` enters the existing zone), and a missing
        defined database hides every object the change must not touch.
    Fails:
        A capture folder with only ``nsshow`` for fabric A; a Cisco capture with ``show
        zoneset`` but no ``show zone`` while the change creates zones.
    Passes:
        ``cfgshow`` (Brocade) or ``show zone``, ``show zoneset``, ``show zoneset active``,
        ``show device-alias database`` (Cisco) captured for the fabric.
    Fix:
        Capture the fabric with ``zoneplan collect`` (it runs every command needed) and rerun.
    """

    code = "ZP902"
    name = "capture-lacks-zoning"
    severity = Severity.FATAL


class ZoningBusy(_ChangeRule):
    """The capture shows an open zoning transaction, a held zone session or a lock.

    Why:
        Another admin (or a tool) is changing the zoning: a script pasted now mixes its
        changes with theirs, or enables them half-done, or fails on the lock.
    Fails:
        ``cfgtransshow`` prints a transaction token; ``show zone status`` shows a session
        that is not ``none``; ``show device-alias status`` shows ``Locked By``.
    Passes:
        ``There is no outstanding zoning transaction``, ``session: none``, no lock.
    Fix:
        Find who holds it and let them finish (``cfgtransshow``, ``show zone status``); capture
        again and rerun the plan.
    """

    code = "ZP903"
    name = "zoning-busy"
    severity = Severity.FATAL


class ConfigNotInEffect(_ChangeRule):
    """The plan's config exists on the fabric but is not the one in effect.

    Why:
        Enabling it would replace the configuration in effect, with every zone it holds,
        by a stale one. The change must edit the configuration in effect.
    Fails:
        The plan edits ``cfg_site_A``, the fabric has it defined but ``PROD_A`` is in effect;
        ``fabrics[].zoning.config`` says ``PROD_A`` and the fabric has ``PROD_A_2020`` in effect.
    Passes:
        The plan's config is the one in effect (``zoneplan import`` writes its name).
    Fix:
        Set ``fabrics[].zoning.config`` to the config in effect (``zoneplan import`` does it),
        or remove the stale config by hand if nobody needs it.
    """

    code = "ZP904"
    name = "config-not-in-effect"
    severity = Severity.FATAL


class NoConfigInEffect(_ChangeRule):
    """No config is in effect on the fabric, and the change would enable one.

    Why:
        Without an effective configuration the default zone decides who sees whom (often
        every device sees every other). Enabling a configuration changes access for every
        device on the fabric at once, not only for those the plan names.
    Fails:
        ``cfgshow`` says ``No Effective configuration`` and the plan has zones to enable.
    Passes:
        A config in effect; or ``--enable-zoning`` given (announced as a warning).
    Fix:
        Check that every device that must keep access is in the inventory, then rerun with
        ``--enable-zoning``; the rollback cannot disable zoning again (zoneplan never does).
    """

    code = "ZP905"
    name = "no-config-in-effect"
    severity = Severity.FATAL


class PendingChange(_ChangeRule):
    """The fabric's defined configuration differs from the one in effect.

    Why:
        Enabling the configuration in effect publishes everything defined in it, including
        changes someone saved but never enabled (and a zone printed twice is not settled
        either): the script would enable their change unannounced.
    Fails:
        ``cfgshow``: a zone in the defined config that is not in the effective one, or with
        other members; a capture without the effective configuration while the change enables
        it; a zone defined twice.
    Passes:
        Defined and effective configurations equal; or ``--accept-pending`` given (the
        differences are listed as a warning).
    Fix:
        Ask who changed the defined configuration; enable or undo their change first, capture
        again; or rerun with ``--accept-pending`` to publish it with yours.
    """

    code = "ZP906"
    name = "pending-change"
    severity = Severity.FATAL


class ForeignObject(_ChangeRule):
    """An object of the plan's name exists on the fabric with other content.

    Why:
        An alias of the plan's name holding another WWPN zones the wrong device; adding a
        host to a zone someone else made gives it access to their devices. Foreign objects
        are never edited.
    Fails:
        Alias ``esx01_hba0_p0`` holds ``10:00:...:01`` on the fabric, the inventory port has
        ``10:00:...:02`` and zoneplan did not create the alias; a zone of the plan's name with
        members the plan does not have; a regular zone where the plan wants a peer zone.
    Passes:
        The object is zoneplan's (recorded in the previous plan.json) or holds what the plan
        wants.
    Fix:
        If the HBA was replaced and zoneplan created the alias, plan with the previous
        plan.json in ``--out`` (or ``--previous``); otherwise rename the plan's objects
        (``policy.naming``) or the foreign one.
    """

    code = "ZP907"
    name = "foreign-object"
    severity = Severity.FATAL


class CaseOnlyCollision(_ChangeRule):
    """A name the plan creates differs from an existing one only in case.

    Why:
        Both vendors keep names case-sensitive, but whether a switch refuses such a twin is
        not documented, and two names that differ only in case are a trap for the next admin
        (and for tools that compare case-insensitively).
    Fails:
        The plan creates alias ``esx01_hba0_p0`` and the fabric has ``ESX01_HBA0_P0``.
    Passes:
        No existing name equal to the new one ignoring case.
    Fix:
        Use the existing name (set ``policy.naming`` so the plan produces it) or rename one.
    """

    code = "ZP908"
    name = "case-only-collision"
    severity = Severity.FATAL


class DeleteOnUnreliableCapture(_ChangeRule):
    """``--allow-delete`` on a capture with an error-level finding.

    Why:
        A cut or garbled capture hides objects: what looks unused may be in use, and a
        removal computed from it can unzone a host.
    Fails:
        ``--allow-delete`` with a capture that has ZP021 (cut output) or ZP029 (garbled member).
    Passes:
        A clean capture, or no ``--allow-delete``.
    Fix:
        Capture again (``zoneplan collect``) until it reads cleanly; then rerun.
    """

    code = "ZP909"
    name = "delete-on-unreliable-capture"
    severity = Severity.FATAL


class FirmwareUnknown(_ChangeRule):
    """The firmware of a switch is unknown, and the change uses a feature that needs a version.

    Why:
        Peer zones, smart zoning and the non-interactive save exist only from some firmware
        on; with the version unknown the script may fail half-way on an older switch.
    Fails:
        A peer-zone change on a fabric whose switches have no ``firmware`` in the inventory
        and none in the capture.
    Passes:
        The firmware known and recent enough.
    Fix:
        Add ``firmware`` to the switches in the inventory (or capture ``version``) and rerun.
    """

    code = "ZP910"
    name = "firmware-unknown"
    severity = Severity.WARNING


class FirmwareTooOld(_ChangeRule):
    """A switch's firmware is older than a feature the change uses.

    Why:
        The switch refuses the commands (peer zones before FOS 7.4, smart zoning before
        NX-OS 5.2): the script fails half-way.
    Fails:
        A peer-zone change on a fabric with a switch at FOS 7.3.1.
    Passes:
        Every switch at or above the pack's minimum (``firmware`` in the vendor pack).
    Fix:
        Upgrade the switch, or plan with a strategy it supports (``--strategy sist``).
    """

    code = "ZP911"
    name = "firmware-too-old"
    severity = Severity.ERROR


class SmartZoningEnabled(_ChangeRule):
    """The change enables smart zoning on a VSAN that already has zones.

    Why:
        Smart zoning types every untagged member from the name server (initiator, target):
        two targets in an existing zone stop seeing each other once it is enabled, so zones
        the plan does not touch change behaviour too.
    Fails:
        A smart-zoning plan on a VSAN with smart zoning disabled and zones in it.
    Passes:
        Smart zoning already enabled, or a VSAN without zones.
    Fix:
        Check the existing zones (tag members ``both`` where devices must talk both ways);
        or plan with ``--strategy sist``.
    """

    code = "ZP912"
    name = "smart-zoning-enabled"
    severity = Severity.WARNING


class AliasKept(_ChangeRule):
    """A device-alias or alias the plan no longer needs is kept.

    Why:
        A device-alias is fabric-wide: a zone of another VSAN may use it, and deleting one in
        use cuts that device's traffic (NX-OS accepts the deletion). With other VSANs unread,
        zoneplan cannot know, so it keeps the alias.
    Fails:
        ``--allow-delete`` for a removed host whose device-alias a zone of VSAN 30 uses, or
        whose switch has VSANs the capture did not read.
    Passes:
        No zone of any VSAN uses it and every VSAN of the fabric's switches was read.
    Fix:
        Capture every VSAN (``show zone``, ``show vsan``) and rerun, or delete it by hand.
    """

    code = "ZP913"
    name = "alias-kept"
    severity = Severity.INFO


class NoOwnershipRecord(_ChangeRule):
    """``--allow-delete`` without a record of what zoneplan created on the fabric.

    Why:
        zoneplan removes only objects it created; without the previous plan.json it cannot
        tell its objects from foreign ones, so it removes nothing.
    Fails:
        ``--allow-delete`` with a new ``--out`` folder and no ``--previous``.
    Passes:
        The previous run's plan.json in ``--out``, or given with ``--previous``.
    Fix:
        Plan into the same ``--out`` folder as the plan that was applied, or pass
        ``--previous OLD/plan.json``.
    """

    code = "ZP914"
    name = "no-ownership-record"
    severity = Severity.WARNING


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
