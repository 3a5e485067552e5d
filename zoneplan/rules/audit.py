"""ZP6xx: audit — the plan (or the policy) against what the switches say."""

from __future__ import annotations

import textwrap

from ..findings import Severity
from .base import Rule, RuleScope
from .examples import Audit

#: the audit examples' inventory: one Brocade switch sw1, the two nodes, one client
_BASE = "one-switch"
_Z1, _Z2 = "z_esx01_vmhba2_p0__san1_hba0_p0", "z_esx01_vmhba2_p0__san2_hba0_p0"

#: sw1's ``cfgshow`` exactly as the plan of samples/one-switch.yaml wants it (the FOS layout of
#: the real captures: name, then members on TAB-indented continuation lines)
PLANNED = textwrap.dedent(f"""
    sw1:admin> cfgshow
    Defined configuration:
     cfg:	cfg_one_switch_A
    		{_Z1}; {_Z2}
     zone:	{_Z1}
    		esx01_vmhba2_p0; san1_hba0_p0
     zone:	{_Z2}
    		esx01_vmhba2_p0; san2_hba0_p0
     alias:	esx01_vmhba2_p0
    		10:00:00:90:fa:c1:00:01
     alias:	san1_hba0_p0
    		21:00:00:24:ff:7a:10:00
     alias:	san2_hba0_p0
    		21:00:00:24:ff:7a:20:00

    Effective configuration:
     cfg:	cfg_one_switch_A
     zone:	{_Z1}
    		10:00:00:90:fa:c1:00:01
    		21:00:00:24:ff:7a:10:00
     zone:	{_Z2}
    		10:00:00:90:fa:c1:00:01
    		21:00:00:24:ff:7a:20:00

    """).lstrip("\n")


def _text(block: str) -> str:
    """A triple-quoted block of output, dedented (so that outputs can be joined)."""
    return textwrap.dedent(block).lstrip("\n")


def _login(pid: str, wwpn: str, kind: str, index: int) -> str:
    """One ``nsshow`` entry in the FOS 7 layout (ttrnecka/brocadesan test/outputs)."""
    return (
        f" N    {pid};      3;{wwpn};20{wwpn[2:]}; na\n"
        "    FC4s: FCP\n"
        f"    Permanent Port Name: {wwpn}\n"
        f"    Device type: Physical {kind}\n"
        f"    Port Index: {index}\n"
        "    Share Area: No\n"
        "    Device Shared in Other AD: No\n"
        "    Redirect: No\n"
        "    Partial: No\n"
    )


def _nsshow(*logins: str) -> str:
    """sw1's ``nsshow`` with these entries."""
    return (
        "sw1:admin> nsshow\n{\n"
        " Type Pid    COS     PortName                NodeName                 TTL(sec)\n"
        + "".join(logins)
        + f"The Local Name Server has {len(logins)} entries }}\n"
    )


_SAN1 = _login("010000", "21:00:00:24:ff:7a:10:00", "Target", 0)
_SAN2 = _login("010100", "21:00:00:24:ff:7a:20:00", "Target", 1)
_ESX01 = _login("010800", "10:00:00:90:fa:c1:00:01", "Initiator", 8)
#: everything the plan zones, logged in where the inventory cables it
LOGGED_IN = _nsshow(_SAN1, _SAN2, _ESX01)


class _Audit(Rule):
    scope = RuleScope.AUDIT


class ZoneMissing(_Audit):
    """A planned zone is not defined on the fabric.

    Why:
        The hosts of that zone have no path through it: a missing client zone to the standby
        node means no failover for that host.
    Fix:
        Run ``zoneplan plan INVENTORY --against CAPTURE --out DIR`` and apply the change script.
    """

    code = "ZP601"
    name = "zone-missing"
    severity = Severity.ERROR
    fails = Audit(
        {
            "sw1.txt": PLANNED.replace(f"; {_Z2}", "")
            .replace(f" zone:\t{_Z2}\n\t\tesx01_vmhba2_p0; san2_hba0_p0\n", "")
            .replace(
                f" zone:\t{_Z2}\n\t\t10:00:00:90:fa:c1:00:01\n\t\t21:00:00:24:ff:7a:20:00\n", ""
            )
        },
        base=_BASE,
        caption="The plan's zone from esx01 to the standby node san2 is not on the fabric.",
    )
    passes = Audit({"sw1.txt": PLANNED}, base=_BASE, caption="Every planned zone, in effect.")


class UnexpectedZone(_Audit):
    """The fabric has a zone that the plan does not contain.

    Why:
        An unplanned zone grants access nobody designed (an old host, a test zone); it may
        also be a planned zone under another name.
    Fix:
        Add it to ``existing_zones`` to keep it, or remove it with ``--allow-delete``.
    """

    code = "ZP602"
    name = "unexpected-zone"
    severity = Severity.WARNING
    fails = Audit(
        {
            "sw1.txt": PLANNED.replace(f"; {_Z2}\n", f"; {_Z2}; old_backup_zone\n")
            .replace(
                " alias:\tesx01",
                " zone:\told_backup_zone\n\t\tesx01_vmhba2_p0; 50:01:43:80:12:0e:2b:60\n alias:\tesx01",
            )
            .rstrip("\n")
            + "\n zone:\told_backup_zone\n\t\t10:00:00:90:fa:c1:00:01\n\t\t50:01:43:80:12:0e:2b:60\n\n"
        },
        base=_BASE,
        caption="A zone from esx01 to a tape library that the plan does not have.",
    )
    passes = Audit(
        fails.files,
        """
        existing_zones:
          - name: old_backup_zone
            fabric: A
            members: ["10:00:00:90:fa:c1:00:01", "50:01:43:80:12:0e:2b:60"]
        """,
        base=_BASE,
        caption="The same zone, kept on purpose in ``existing_zones``.",
    )


class MemberDrift(_Audit):
    """A zone's members on the fabric differ from the plan.

    Why:
        A member too many grants access, a member too few cuts a path; both are invisible
        until a failover or a LUN shows up on the wrong host.
    Fix:
        Apply the change script of ``zoneplan plan --against``.
    """

    code = "ZP603"
    name = "zone-member-drift"
    severity = Severity.ERROR
    fails = Audit(
        {
            "sw1.txt": PLANNED.replace(
                "esx01_vmhba2_p0; san1_hba0_p0", "esx01_vmhba2_p0; san1_hba0_p0; san2_hba0_p0"
            ).replace(
                "\t\t21:00:00:24:ff:7a:10:00\n zone:",
                "\t\t21:00:00:24:ff:7a:10:00\n\t\t21:00:00:24:ff:7a:20:00\n zone:",
            )
        },
        base=_BASE,
        caption="The zone to san1 also holds san2's port.",
    )
    passes = Audit({"sw1.txt": PLANNED}, base=_BASE)


class AliasDrift(_Audit):
    """An alias (Brocade alias, Cisco device-alias) is missing or names another WWPN.

    Why:
        Zones name aliases: an alias pointing at an old WWPN (a replaced HBA) zones a port
        that is gone and leaves the new one out.
    Fix:
        Correct the alias (``aliremove``/``aliadd``, ``device-alias name X pwwn Y``) or the inventory.
    """

    code = "ZP604"
    name = "alias-drift"
    severity = Severity.WARNING
    fails = Audit(
        {"sw1.txt": PLANNED.replace("10:00:00:90:fa:c1:00:01", "10:00:00:90:fa:c1:00:09")},
        base=_BASE,
        caption="esx01's alias still names the WWPN of the HBA it replaced.",
    )
    passes = Audit({"sw1.txt": PLANNED}, base=_BASE)


class DefinedNotEffective(_Audit):
    """The defined configuration differs from the effective one (changes not enabled).

    Why:
        Zones created but never enabled do nothing; zones removed from the defined config but
        still effective come back at the next ``cfgenable`` of an old config — a trap.
    Fix:
        Review the difference, then ``cfgenable "CFG"`` / ``zoneset activate name S vsan N``.
    """

    code = "ZP605"
    name = "defined-not-effective"
    severity = Severity.WARNING
    fails = Audit(
        {
            "sw1.txt": PLANNED.replace(
                f" zone:\t{_Z2}\n\t\t10:00:00:90:fa:c1:00:01\n\t\t21:00:00:24:ff:7a:20:00\n", ""
            )
        },
        base=_BASE,
        caption="The zone to san2 was added to the configuration but never enabled.",
    )
    passes = Audit({"sw1.txt": PLANNED}, base=_BASE, caption="Defined and effective alike.")


class EffectiveNotPlanned(_Audit):
    """The effective configuration is not the planned one.

    Why:
        Another configuration being active means the plan is not what the fabric enforces,
        whatever is defined.
    Fix:
        Enable the planned configuration once it is complete.
    """

    code = "ZP606"
    name = "effective-not-planned"
    severity = Severity.ERROR
    fails = (
        Audit(
            {
                "sw1.txt": PLANNED.replace(
                    " zone:", f" cfg:\told_cfg\n\t\t{_Z1}; {_Z2}\n zone:", 1
                ).replace(" cfg:\tcfg_one_switch_A\n zone:", " cfg:\told_cfg\n zone:")
            },
            base=_BASE,
            caption="The same zones in effect, but through an old configuration, old_cfg.",
        ),
        Audit(
            {
                "sw1.txt": PLANNED.rstrip("\n")
                + "\n zone:\tz_old_test\n\t\t10:00:00:90:fa:c1:00:01\n\t\t21:00:00:24:ff:7a:10:00\n\n"
            },
            base=_BASE,
            caption="A test zone deleted from the defined configuration, which was never "
            "enabled since: the zone is still in effect.",
        ),
    )
    passes = Audit({"sw1.txt": PLANNED}, base=_BASE)


class UnzonedLogin(_Audit):
    """A WWPN is logged in to the fabric but is in no effective zone.

    Why:
        A port that logged in and is zoned nowhere is a host waiting for storage, an HBA that
        was replaced (new WWPN), or a cable in the wrong port.
    Fix:
        Add the device to the inventory and plan, or find out what it is.
    """

    code = "ZP607"
    name = "unzoned-login"
    severity = Severity.WARNING
    fails = Audit(
        {
            "sw1.txt": PLANNED
            + _nsshow(
                _SAN1, _SAN2, _ESX01, _login("010900", "10:00:00:90:fa:c9:00:01", "Initiator", 9)
            )
        },
        base=_BASE,
        caption="A host on port 9 logged in, and in no zone.",
    )
    passes = Audit({"sw1.txt": PLANNED + LOGGED_IN}, base=_BASE)


class ZonedNotLoggedIn(_Audit):
    """A WWPN in an effective zone is not logged in (stale member or absent device).

    Why:
        Stale members from replaced HBAs pile up; an absent device is a host down, a cable
        out, or an HBA with another WWPN than planned.
    Fix:
        Check the device and its cable; remove the member if the device is gone.
    """

    code = "ZP608"
    name = "zoned-not-logged-in"
    severity = Severity.WARNING
    fails = Audit(
        {"sw1.txt": PLANNED + _nsshow(_SAN1, _ESX01)},
        base=_BASE,
        caption="san2's target port is zoned, but not logged in.",
    )
    passes = Audit({"sw1.txt": PLANNED + LOGGED_IN}, base=_BASE)


class Miscabled(_Audit):
    """A WWPN is logged in on another switch or port than the cabling plan says.

    Why:
        A swapped cable moves a host to another port (harmless for WWPN zoning, fatal for
        port zoning) or to the other fabric (then both its ports sit on one fabric).
    Fix:
        Move the cable, or correct the inventory if the plan was wrong.
    """

    code = "ZP609"
    name = "miscabled"
    severity = Severity.ERROR
    fails = Audit(
        {"sw1.txt": PLANNED + LOGGED_IN.replace("Port Index: 8", "Port Index: 9")},
        base=_BASE,
        caption="esx01, cabled to port 8 in the inventory, logged in on port 9.",
    )
    passes = Audit({"sw1.txt": PLANNED + LOGGED_IN}, base=_BASE)


class LiveMirrorZoneImpure(_Audit):
    """A live zone puts a cluster mirror port together with other ports.

    Why:
        Mirror ports must sit in a zone of their own (only the two nodes' mirror ports);
        a client seeing a mirror port can disturb replication.
    Fix:
        Remove the other members from the zone (``zoneremove``).
    """

    code = "ZP610"
    name = "live-mirror-zone-impure"
    severity = Severity.ERROR
    fails = Audit(
        {
            "sw1.txt": PLANNED.replace(f"; {_Z2}\n", f"; {_Z2}; z_mix\n")
            .replace(
                " alias:\tesx01",
                " zone:\tz_mix\n\t\tesx01_vmhba2_p0; 21:00:00:24:ff:7a:11:00\n alias:\tesx01",
            )
            .rstrip("\n")
            + "\n zone:\tz_mix\n\t\t10:00:00:90:fa:c1:00:01\n\t\t21:00:00:24:ff:7a:11:00\n\n"
        },
        base=_BASE,
        caption="A zone joining esx01 and san1's mirror port, defined and in effect.",
    )
    passes = Audit({"sw1.txt": PLANNED}, base=_BASE)


class MultiInitiatorZone(_Audit):
    """A live zone holds several initiators (and is not a peer or smart zone).

    Why:
        Initiators in one zone see each other: RSCN storms and, on a bad day, one host's
        driver disturbing another's. Single-initiator zones (or peer/smart zones) are the rule.
    Fix:
        Split the zone per initiator, or use ``--strategy peer``/``smart``.
    """

    code = "ZP611"
    name = "multi-initiator-zone"
    severity = Severity.WARNING
    fails = Audit(
        {
            "sw1.txt": _text(
                """
            sw1:admin> cfgshow
            Defined configuration:
             cfg:\tcfg_lab
            \t\tz_all
             zone:\tz_all
            \t\t10:00:00:90:fa:c1:00:01; 10:00:00:90:fa:c2:00:01; 21:00:00:24:ff:7a:10:00

            Effective configuration:
             cfg:\tcfg_lab
             zone:\tz_all
            \t\t10:00:00:90:fa:c1:00:01
            \t\t10:00:00:90:fa:c2:00:01
            \t\t21:00:00:24:ff:7a:10:00
            """
            )
            + _nsshow(_SAN1, _ESX01, _login("010900", "10:00:00:90:fa:c2:00:01", "Initiator", 9))
        },
        inventory=False,
        caption="Two hosts' initiators in one zone (the name server says they are initiators).",
    )
    passes = Audit(
        {
            "sw1.txt": _text(
                """
            sw1:admin> cfgshow
            Defined configuration:
             cfg:\tcfg_lab
            \t\tz_esx01; z_esx02
             zone:\tz_esx01
            \t\t10:00:00:90:fa:c1:00:01; 21:00:00:24:ff:7a:10:00
             zone:\tz_esx02
            \t\t10:00:00:90:fa:c2:00:01; 21:00:00:24:ff:7a:10:00

            Effective configuration:
             cfg:\tcfg_lab
             zone:\tz_esx01
            \t\t10:00:00:90:fa:c1:00:01
            \t\t21:00:00:24:ff:7a:10:00
             zone:\tz_esx02
            \t\t10:00:00:90:fa:c2:00:01
            \t\t21:00:00:24:ff:7a:10:00
            """
            )
            + _nsshow(_SAN1, _ESX01, _login("010900", "10:00:00:90:fa:c2:00:01", "Initiator", 9))
        },
        inventory=False,
        caption="One initiator per zone.",
    )


class OpenTransaction(_Audit):
    """A zoning transaction is open on the fabric (Brocade ``cfgtransshow``).

    Why:
        Zoning commands pasted now would join (or abort) somebody else's transaction;
        zoneplan never aborts it for you.
    Fix:
        Find who holds it and let them finish; only they (or you, knowingly) run ``cfgtransabort``.
    """

    code = "ZP612"
    name = "open-transaction"
    severity = Severity.ERROR
    fails = Audit(
        {
            "sw1.txt": PLANNED
            + "sw1:admin> cfgtransshow\nCurrent transaction token is 0x3109\nIt is abortable\n"
        },
        base=_BASE,
        caption="Somebody's zoning transaction is open.",
    )
    passes = Audit(
        {
            "sw1.txt": PLANNED
            + "sw1:admin> cfgtransshow\nThere is no outstanding zoning transaction\n"
        },
        base=_BASE,
    )


class ZoneSessionLocked(_Audit):
    """An enhanced-zoning session (fabric lock) is held on the VSAN (Cisco).

    Why:
        While a session is open nobody else can change zoning; the holder's pending changes
        would be committed with yours. zoneplan never clears the lock.
    Fix:
        Ask the holder to ``zone commit`` or ``no zone commit``; ``clear zone lock`` only knowingly.
    """

    code = "ZP613"
    name = "zone-session-locked"
    severity = Severity.ERROR
    fails = Audit(
        {
            "mds1.txt": """
            mds1# show zone status vsan 20
            VSAN: 20 default-zone: deny distribute: full Interop: default
                mode: enhanced merge-control: allow
                session: cli [admin]
                hard-zoning: enabled broadcast: unsupported
                smart-zoning: disabled
                rscn-format: fabric-address
                activation overwrite control: disabled
            """
        },
        inventory=False,
        caption="An enhanced-zoning session held by admin on VSAN 20.",
    )
    passes = Audit(
        {
            "mds1.txt": """
            mds1# show zone status vsan 20
            VSAN: 20 default-zone: deny distribute: full Interop: default
                mode: enhanced merge-control: allow
                session: none
                hard-zoning: enabled broadcast: unsupported
                smart-zoning: disabled
                rscn-format: fabric-address
                activation overwrite control: disabled
            """
        },
        inventory=False,
    )


class AuditIncomplete(_Audit):
    """What was captured is not enough to audit a fabric.

    Why:
        A partial read must never be reported as "in sync": a missing or cut-off zoning
        output says nothing about what is absent.
    Fix:
        Capture again (``zoneplan collect``), with the commands the vendor pack lists.
    """

    code = "ZP614"
    name = "audit-incomplete"
    severity = Severity.ERROR
    fails = Audit(
        {"sw1.txt": LOGGED_IN},
        base=_BASE,
        caption="Only the name server was captured: the zoning of fabric A is unknown.",
    )
    passes = Audit({"sw1.txt": PLANNED}, base=_BASE, caption="Defined and effective zoning.")


class InSync(_Audit):
    """A fabric's zoning matches the plan.

    Why:
        Said explicitly, and only when the defined and effective zoning were read completely.
    Fix:
        Nothing to fix.
    """

    code = "ZP615"
    name = "in-sync"
    severity = Severity.INFO
    fails = Audit(
        {"sw1.txt": PLANNED},
        base=_BASE,
        caption="Reported: the zoning read completely, and as planned.",
    )
    passes = Audit(
        {"sw1.txt": PLANNED.replace("10:00:00:90:fa:c1:00:01", "10:00:00:90:fa:c1:00:09")},
        base=_BASE,
        caption="Not said of a fabric that drifted.",
    )


class ZoneTooSmall(_Audit):
    """A live zone has fewer than two members.

    Why:
        A zone of one member gives nobody access to anything: a leftover of a removal.
    Fix:
        Remove the zone or add its missing member.
    """

    code = "ZP616"
    name = "zone-too-small"
    severity = Severity.WARNING
    fails = Audit(
        {
            "sw1.txt": PLANNED.replace(f"; {_Z2}\n", f"; {_Z2}; z_old\n")
            .replace(" alias:\tesx01", " zone:\tz_old\n\t\tesx01_vmhba2_p0\n alias:\tesx01")
            .rstrip("\n")
            + "\n zone:\tz_old\n\t\t10:00:00:90:fa:c1:00:01\n\n"
        },
        base=_BASE,
        caption="A zone holding esx01's port alone, left over from a removal.",
    )
    passes = Audit({"sw1.txt": PLANNED}, base=_BASE)


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
