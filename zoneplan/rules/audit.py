"""ZP6xx: audit — the plan (or the policy) against what the switches say."""

from __future__ import annotations

from ..findings import Severity
from .base import Rule, RuleScope


class _Audit(Rule):
    scope = RuleScope.AUDIT


class ZoneMissing(_Audit):
    """A planned zone is not defined on the fabric.

    Why:
        The hosts of that zone have no path through it: a missing client zone to the standby
        node means no failover for that host.
    Fails:
        plan zone z_esx01_vmhba2_p0__san2_hba0_p0; cfgshow has no such zone.
    Passes:
        Every planned zone is defined (and in the effective config).
    Fix:
        Run ``zoneplan plan INVENTORY --against CAPTURE --out DIR`` and apply the change script.
    """

    code = "ZP601"
    name = "zone-missing"
    severity = Severity.ERROR


class UnexpectedZone(_Audit):
    """The fabric has a zone that the plan does not contain.

    Why:
        An unplanned zone grants access nobody designed (an old host, a test zone); it may
        also be a planned zone under another name.
    Fails:
        cfgshow zone old_backup_zone, not in the plan or ``existing_zones``.
    Passes:
        Every defined zone is planned or listed in ``existing_zones``.
    Fix:
        Add it to ``existing_zones`` to keep it, or remove it with ``--allow-delete``.
    """

    code = "ZP602"
    name = "unexpected-zone"
    severity = Severity.WARNING


class MemberDrift(_Audit):
    """A zone's members on the fabric differ from the plan.

    Why:
        A member too many grants access, a member too few cuts a path; both are invisible
        until a failover or a LUN shows up on the wrong host.
    Fails:
        zone z_esx01 has 10:00:00:90:fa:c1:00:01 and 21:00:00:24:ff:7a:10:00 planned, and on
        the switch also 21:00:00:24:ff:7a:22:00.
    Passes:
        The zone's members, with aliases resolved to WWPNs, equal the plan's.
    Fix:
        Apply the change script of ``zoneplan plan --against``.
    """

    code = "ZP603"
    name = "zone-member-drift"
    severity = Severity.ERROR


class AliasDrift(_Audit):
    """An alias (Brocade alias, Cisco device-alias) is missing or names another WWPN.

    Why:
        Zones name aliases: an alias pointing at an old WWPN (a replaced HBA) zones a port
        that is gone and leaves the new one out.
    Fails:
        alias esx01_vmhba2_p0 = 10:00:00:90:fa:c1:00:09; planned 10:00:00:90:fa:c1:00:01.
    Passes:
        Every planned alias exists with its WWPN.
    Fix:
        Correct the alias (``aliremove``/``aliadd``, ``device-alias name X pwwn Y``) or the inventory.
    """

    code = "ZP604"
    name = "alias-drift"
    severity = Severity.WARNING


class DefinedNotEffective(_Audit):
    """The defined configuration differs from the effective one (changes not enabled).

    Why:
        Zones created but never enabled do nothing; zones removed from the defined config but
        still effective come back at the next ``cfgenable`` of an old config — a trap.
    Fails:
        cfg cfg_A defines 12 zones, the effective configuration holds 10.
    Passes:
        The effective configuration is the defined one.
    Fix:
        Review the difference, then ``cfgenable "CFG"`` / ``zoneset activate name S vsan N``.
    """

    code = "ZP605"
    name = "defined-not-effective"
    severity = Severity.WARNING


class EffectiveNotPlanned(_Audit):
    """The effective configuration is not the planned one.

    Why:
        Another configuration being active means the plan is not what the fabric enforces,
        whatever is defined.
    Fails:
        effective cfg old_cfg; plan cfg_euronas-cluster_A.
    Passes:
        The planned configuration is the effective one.
    Fix:
        Enable the planned configuration once it is complete.
    """

    code = "ZP606"
    name = "effective-not-planned"
    severity = Severity.ERROR


class UnzonedLogin(_Audit):
    """A WWPN is logged in to the fabric but is in no effective zone.

    Why:
        A port that logged in and is zoned nowhere is a host waiting for storage, an HBA that
        was replaced (new WWPN), or a cable in the wrong port.
    Fails:
        nsshow lists 10:00:00:90:fa:c9:00:01; no effective zone contains it.
    Passes:
        Every logged-in end device is zoned (switch and ISL ports excluded).
    Fix:
        Add the device to the inventory and plan, or find out what it is.
    """

    code = "ZP607"
    name = "unzoned-login"
    severity = Severity.WARNING


class ZonedNotLoggedIn(_Audit):
    """A WWPN in an effective zone is not logged in (stale member or absent device).

    Why:
        Stale members from replaced HBAs pile up; an absent device is a host down, a cable
        out, or an HBA with another WWPN than planned.
    Fails:
        zone member 21:00:00:24:ff:7a:20:00 with no FLOGI on any switch of the fabric.
    Passes:
        Every zoned WWPN is logged in.
    Fix:
        Check the device and its cable; remove the member if the device is gone.
    """

    code = "ZP608"
    name = "zoned-not-logged-in"
    severity = Severity.WARNING


class Miscabled(_Audit):
    """A WWPN is logged in on another switch or port than the cabling plan says.

    Why:
        A swapped cable moves a host to another port (harmless for WWPN zoning, fatal for
        port zoning) or to the other fabric (then both its ports sit on one fabric).
    Fails:
        esx01/vmhba2/p0 planned on sw-a1 port 8, logged in on sw-a1 port 9.
    Passes:
        Every logged-in planned WWPN is where the inventory cables it.
    Fix:
        Move the cable, or correct the inventory if the plan was wrong.
    """

    code = "ZP609"
    name = "miscabled"
    severity = Severity.ERROR


class LiveMirrorZoneImpure(_Audit):
    """A live zone puts a cluster mirror port together with other ports.

    Why:
        Mirror ports must sit in a zone of their own (only the two nodes' mirror ports);
        a client seeing a mirror port can disturb replication.
    Fails:
        zone z_mix holds san1/hba1/p0 (mirror) and esx01/vmhba2/p0.
    Passes:
        Mirror ports only in zones of mirror ports.
    Fix:
        Remove the other members from the zone (``zoneremove``).
    """

    code = "ZP610"
    name = "live-mirror-zone-impure"
    severity = Severity.ERROR


class MultiInitiatorZone(_Audit):
    """A live zone holds several initiators (and is not a peer or smart zone).

    Why:
        Initiators in one zone see each other: RSCN storms and, on a bad day, one host's
        driver disturbing another's. Single-initiator zones (or peer/smart zones) are the rule.
    Fails:
        zone z_all with three host HBA ports and two targets.
    Passes:
        One initiator per zone, or a peer zone with the targets as principals.
    Fix:
        Split the zone per initiator, or use ``--strategy peer``/``smart``.
    """

    code = "ZP611"
    name = "multi-initiator-zone"
    severity = Severity.WARNING


class OpenTransaction(_Audit):
    """A zoning transaction is open on the fabric (Brocade ``cfgtransshow``).

    Why:
        Zoning commands pasted now would join (or abort) somebody else's transaction;
        zoneplan never aborts it for you.
    Fails:
        cfgtransshow: Current transaction token is 0x3109, it is abortable.
    Passes:
        There is no outstanding zoning transaction.
    Fix:
        Find who holds it and let them finish; only they (or you, knowingly) run ``cfgtransabort``.
    """

    code = "ZP612"
    name = "open-transaction"
    severity = Severity.ERROR


class ZoneSessionLocked(_Audit):
    """An enhanced-zoning session (fabric lock) is held on the VSAN (Cisco).

    Why:
        While a session is open nobody else can change zoning; the holder's pending changes
        would be committed with yours. zoneplan never clears the lock.
    Fails:
        show zone status vsan 20: session: cli [admin].
    Passes:
        session: none.
    Fix:
        Ask the holder to ``zone commit`` or ``no zone commit``; ``clear zone lock`` only knowingly.
    """

    code = "ZP613"
    name = "zone-session-locked"
    severity = Severity.ERROR


class AuditIncomplete(_Audit):
    """What was captured is not enough to audit a fabric.

    Why:
        A partial read must never be reported as "in sync": a missing or cut-off zoning
        output says nothing about what is absent.
    Fails:
        fabric B planned, but no ``show zoneset active`` for its VSAN in the captures.
    Passes:
        Defined and effective zoning captured completely for every planned fabric.
    Fix:
        Capture again (``zoneplan collect``), with the commands the vendor pack lists.
    """

    code = "ZP614"
    name = "audit-incomplete"
    severity = Severity.ERROR


class InSync(_Audit):
    """A fabric's zoning matches the plan.

    Why:
        Said explicitly, and only when the defined and effective zoning were read completely.
    Fails:
        (informational)
    Passes:
        (informational)
    Fix:
        Nothing to fix.
    """

    code = "ZP615"
    name = "in-sync"
    severity = Severity.INFO


class ZoneTooSmall(_Audit):
    """A live zone has fewer than two members.

    Why:
        A zone of one member gives nobody access to anything: a leftover of a removal.
    Fails:
        zone z_old with one alias.
    Passes:
        Every zone has an initiator and a target.
    Fix:
        Remove the zone or add its missing member.
    """

    code = "ZP616"
    name = "zone-too-small"
    severity = Severity.WARNING


RULES = (
    ZoneMissing,
    UnexpectedZone,
    MemberDrift,
    AliasDrift,
    DefinedNotEffective,
    EffectiveNotPlanned,
    UnzonedLogin,
    ZonedNotLoggedIn,
    Miscabled,
    LiveMirrorZoneImpure,
    MultiInitiatorZone,
    OpenTransaction,
    ZoneSessionLocked,
    AuditIncomplete,
    InSync,
    ZoneTooSmall,
)
