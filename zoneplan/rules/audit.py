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
#: the rest of what an "in sync" verdict needs of sw1 (the pack's audit needs): its ports
#: (``switchshow``, FOS 9 layout of the real captures) and no open zoning transaction
REST = _text("""
    sw1:admin> switchshow
    switchName:	sw1
    switchType:	170.0
    switchState:	Online
    switchMode:	Native
    switchRole:	Principal
    switchDomain:	1
    switchId:	fffc01
    switchWwn:	10:00:c4:f5:7c:00:00:01
    zoning:		ON (cfg_one_switch_A)
    switchBeacon:	OFF

    Index Port Address  Media Speed   State       Proto
    ==================================================
      0   0   010000   id    N16     Online      FC  F-Port  21:00:00:24:ff:7a:10:00
      1   1   010100   id    N16     Online      FC  F-Port  21:00:00:24:ff:7a:20:00
      8   8   010800   id    N16     Online      FC  F-Port  10:00:00:90:fa:c1:00:01
    sw1:admin> cfgtransshow
    There is no outstanding zoning transaction
    """)
#: sw1 read completely and as planned: zoning, logins, ports, transaction state
COMPLETE = PLANNED + LOGGED_IN + REST


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
    subject_kind = "zone"
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
    subject_kind = "zone"
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
    subject_kind = "zone"
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

    An alias that names another WWPN is an error (it changes who reaches the storage); a
    missing alias is a warning (the zones that name it are reported as drift themselves).
    """

    code = "ZP604"
    name = "alias-drift"
    severity = Severity.WARNING
    subject_kind = "alias"
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
    subject_kind = "wwpn"
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
    subject_kind = "wwpn"
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
    subject_kind = "port"
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
    subject_kind = "zone"
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
    subject_kind = "zone"
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
    subject_kind = "switch"
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
    subject_kind = "switch"
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
    subject_kind = "fabric"
    fails = Audit(
        {"sw1.txt": LOGGED_IN},
        base=_BASE,
        caption="Only the name server was captured: the zoning of fabric A is unknown.",
    )
    passes = Audit(
        {"sw1.txt": COMPLETE},
        base=_BASE,
        caption="Defined and effective zoning, logins, ports and the transaction state.",
    )


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
    subject_kind = "fabric"
    fails = Audit(
        {"sw1.txt": COMPLETE},
        base=_BASE,
        caption="Reported: everything the verdict needs read completely, and as planned.",
    )
    passes = (
        Audit(
            {"sw1.txt": COMPLETE.replace("10:00:00:90:fa:c1:00:01", "10:00:00:90:fa:c1:00:09")},
            base=_BASE,
            caption="Not said of a fabric that drifted.",
        ),
        Audit(
            {"sw1.txt": PLANNED},
            base=_BASE,
            caption="Nor of one whose logins, ports and transaction state were not captured.",
        ),
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
    subject_kind = "zone"
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


#: sw2's ``cfgshow`` as the plan of fabric B wants it: sw1's, with fabric B's names and WWPNs
PLANNED_B = PLANNED
for _a, _b in (
    ("sw1:", "sw2:"),
    ("cfg_one_switch_A", "cfg_one_switch_B"),
    ("esx01_vmhba2_p0", "esx01_vmhba2_p1"),
    ("san1_hba0_p0", "san1_hba1_p0"),
    ("san2_hba0_p0", "san2_hba1_p0"),
    ("10:00:00:90:fa:c1:00:01", "10:00:00:90:fa:c1:00:02"),
    ("21:00:00:24:ff:7a:10:00", "21:00:00:24:ff:7a:12:00"),
    ("21:00:00:24:ff:7a:20:00", "21:00:00:24:ff:7a:22:00"),
):
    PLANNED_B = PLANNED_B.replace(_a, _b)
_SAN1_B = _login("020000", "21:00:00:24:ff:7a:12:00", "Target", 0)
_SAN2_B = _login("020100", "21:00:00:24:ff:7a:22:00", "Target", 1)
_ESX01_B = _login("020800", "10:00:00:90:fa:c1:00:02", "Initiator", 8)


def _nsshow_b(*logins: str) -> str:
    return _nsshow(*logins).replace("sw1:admin>", "sw2:admin>")


class AccessLost(_Audit):
    """A client has no path to the cluster on any fabric it is planned on.

    Why:
        Every LUN of the cluster is gone for that host: its VMs or file systems stop. A
        monitoring job must page someone, not count a warning.
    Fix:
        Check the host, its HBAs and cables; if an HBA was replaced, put its new WWPN in the
        inventory and apply the planned change (``zoneplan plan INVENTORY --against CAPTURE``).

    A path is a port of the client that is logged in and in an effective zone with a
    logged-in target port of the cluster. A zone member that is a port (Brocade
    ``domain,index``; NX-OS ``interface fcS/P swwn W`` or ``domain-id D``, ``fcid``) zones
    whatever is logged in on that port, as in every other audit check. A fabric is judged
    only when its effective zoning and the logins of all its switches were read.
    """

    code = "ZP619"
    name = "access-lost"
    severity = Severity.ERROR
    subject_kind = "host"
    fails = Audit(
        {"sw1.txt": PLANNED + _nsshow(_SAN1, _SAN2)},
        base=_BASE,
        caption="esx01's only port is not logged in: no path to the cluster at all.",
    )
    passes = Audit({"sw1.txt": PLANNED + LOGGED_IN}, base=_BASE)


class RedundancyLost(_Audit):
    """A client has lost its paths to the cluster on one fabric (it still has the other).

    Why:
        The host runs on one fabric: the next switch reboot, firmware upgrade or zoning
        mistake on the other fabric cuts it off.
    Fix:
        Check that fabric's HBA port, cable and switch port; then audit again.
    """

    code = "ZP620"
    name = "redundancy-lost"
    severity = Severity.ERROR
    subject_kind = "host"
    fails = Audit(
        {
            "sw1.txt": PLANNED + LOGGED_IN,
            "sw2.txt": PLANNED_B + _nsshow_b(_SAN1_B, _SAN2_B),
        },
        # samples/one-switch.yaml with a second fabric: switch sw2, a target port of each
        # node and esx01's second port on it
        patch="""
            fabrics:
              - {name: B, vendor: brocade}
            switches:
              - {name: sw2, fabric: B, domain_id: 2, ports: 24}
            cluster:
              nodes:
                - name: san1
                  hbas:
                    - name: hba1
                      vendor: qlogic
                      ports:
                        - {name: p0, wwpn: "21:00:00:24:ff:7a:12:00", role: target, switch: sw2, port: 0}
                - name: san2
                  hbas:
                    - name: hba1
                      vendor: qlogic
                      ports:
                        - {name: p0, wwpn: "21:00:00:24:ff:7a:22:00", role: target, switch: sw2, port: 1}
            hosts:
              - name: esx01
                hbas:
                  - name: vmhba2
                    ports:
                      - {name: p1, wwpn: "10:00:00:90:fa:c1:00:02", switch: sw2, port: 8}
            """,
        base=_BASE,
        caption="esx01/vmhba2/p1, its only port on fabric B, is not logged in; fabric A is fine.",
    )
    passes = Audit(
        {
            "sw1.txt": PLANNED + LOGGED_IN,
            "sw2.txt": PLANNED_B + _nsshow_b(_SAN1_B, _SAN2_B, _ESX01_B),
        },
        patch=fails.patch,
        base=_BASE,
        caption="esx01 logged in and zoned on both fabrics.",
    )


class HbaReplaced(_Audit):
    """An unknown WWPN is logged in where the inventory's port is cabled, and that port is absent.

    Why:
        The usual day-2 event: a failed HBA was swapped, its new WWPN logged in on the same
        switch port, and nothing zones it. Said once, with what to do, instead of an unzoned
        login and an absent member about two bare WWPNs.
    Fix:
        Put the new WWPN in the inventory (``wwpn:`` of that port), then
        ``zoneplan plan INVENTORY --against CAPTURE --out DIR``, review and apply the change
        (the alias is re-pointed; zones stay as they are).
    """

    code = "ZP621"
    name = "hba-replaced"
    severity = Severity.ERROR
    subject_kind = "port"
    fails = Audit(
        {
            "sw1.txt": PLANNED
            + _nsshow(_SAN1, _SAN2, _login("010800", "10:00:00:90:fa:c1:99:01", "Initiator", 8))
        },
        base=_BASE,
        caption="On port 8, where esx01/vmhba2/p0 is cabled, another WWPN logged in.",
    )
    passes = Audit({"sw1.txt": PLANNED + LOGGED_IN}, base=_BASE)


class PlanOutOfDate(_Audit):
    """The plan.json audited against was made from another version of the inventory.

    Why:
        ``audit --plan plan.json`` compares the fabric with what was planned (and applied);
        when the inventory changed since, the plan may no longer be what is wanted.
    Fix:
        Plan again (``zoneplan plan INVENTORY --against CAPTURE --out DIR``) and apply the
        change, or audit without ``--plan``.
    """

    code = "ZP622"
    name = "plan-out-of-date"
    severity = Severity.WARNING
    fails = Audit(
        {"sw1.txt": PLANNED + LOGGED_IN},
        base=_BASE,
        plan_from="description: before the last edit",
        caption="plan.json was planned before the inventory's last edit.",
    )
    passes = Audit(
        {"sw1.txt": PLANNED + LOGGED_IN},
        base=_BASE,
        plan_from="",
        caption="plan.json was planned from the inventory as it is.",
    )


#: fabric A of one-switch.yaml with a second switch (sw2)
_TWO_SWITCHES = """
    switches:
      - {name: sw2, fabric: A, domain_id: 2, ports: 24}
"""


class ZoningCopiesDiffer(_Audit):
    """A switch holds another copy of its fabric's zoning than the switch the audit used.

    Why:
        Zoning is fabric-wide: every switch of a fabric enforces the same configuration in
        effect (and, where the full database is distributed, holds the same defined one).
        A switch that disagrees sits in a segmented fabric, its zoning did not merge when an
        ISL came up, or a change reached it only half; hosts on it see other zones than the
        audit compared. zoneplan reads every switch's copy, compares copies of another text
        by content, and never calls such a fabric in sync. Defined databases are compared
        only where the full database is distributed (Brocade; NX-OS with ``zoneset
        distribute full``: by default only the active zone set is distributed, Cisco MDS
        9000 Configuring and Managing Zones, "Zone Set Distribution").
    Fix:
        Look for segmented ISLs (``fabricshow``, ``islshow``; ``show topology``) and zoning
        merge failures on the switch named; once the fabric is whole, capture again.
    """

    code = "ZP623"
    name = "zoning-copies-differ"
    severity = Severity.WARNING
    subject_kind = "switch"
    fails = Audit(
        {
            "sw1.txt": PLANNED + LOGGED_IN,
            "sw2.txt": PLANNED.replace("sw1:admin>", "sw2:admin>").replace(
                "esx01_vmhba2_p0; san2_hba0_p0", "esx01_vmhba2_p0"
            ),
        },
        patch=_TWO_SWITCHES,
        base=_BASE,
        caption="sw2's defined zone lost a member: its zoning is not sw1's.",
    )
    passes = Audit(
        {
            "sw1.txt": PLANNED + LOGGED_IN,
            "sw2.txt": PLANNED.replace("sw1:admin>", "sw2:admin>"),
        },
        patch=_TWO_SWITCHES,
        base=_BASE,
        caption="Both switches print the same zoning.",
    )


class PortNameDrift(_Audit):
    """A switch port's name (FOS ``portname``) or description (NX-OS) differs from the plan's.

    Why:
        The port name is what an admin reads in ``switchshow`` when a host goes dark; a stale
        one (the host moved, the name did not) sends him to the wrong server. The plan's
        ``<switch>.ports.txt`` writes the names the cables say.
    Fix:
        Apply ``<switch>.ports.txt`` from ``zoneplan plan`` (or correct the inventory's cable).
    """

    code = "ZP617"
    fails = Audit(
        files={
            "sw-a1/portname.txt": """
            port 8: old_host_p0
            """
        },
        caption="sw-a1 port 8, where esx01/vmhba2/p0 is cabled, still named for the old host.",
    )
    passes = Audit(
        files={
            "sw-a1/portname.txt": """
            port 0: san1_hba0_p0
            port 2: san1_hba2_p0
            port 4: raid1_ctla_p0
            port 5: raid1_ctlb_p0
            port 8: esx01_vmhba2_p0
            port 9: win01_hba0_p0
            port 10: lnx01_host1_p0
            port 46: ISL_sw-a2_46
            port 47: ISL_sw-a2_47
            """
        },
        caption="Every cabled port of sw-a1 named as the plan's sw-a1.ports.txt names it.",
    )
    name = "port-name-drift"
    severity = Severity.WARNING


class PortVsanDrift(_Audit):
    """A device's switch port is in another VSAN than its fabric's.

    Why:
        A port in the wrong VSAN logs its device into another fabric: zoning in the planned VSAN
        never sees it, and the host loses that path.
    Fix:
        Apply ``<switch>.ports.txt`` (``vsan database`` / ``vsan 20 interface fc1/9``) in a
        maintenance window: the port's link goes down and up.
    """

    code = "ZP618"
    fails = Audit(
        files={
            "mds-b1/show_vsan_membership.txt": """
            vsan 1 interfaces:
                fc1/9

            vsan 20 interfaces:
                fc1/1             fc1/3             fc1/5             fc1/6
                fc1/10            fc1/11
            """
        },
        caption="fc1/9 (esx01/vmhba2/p1) in VSAN 1; fabric B is VSAN 20.",
    )
    passes = Audit(
        files={
            "mds-b1/show_vsan_membership.txt": """
            vsan 20 interfaces:
                fc1/1             fc1/3             fc1/5             fc1/6
                fc1/9             fc1/10            fc1/11
            """
        },
        caption="Every device port of mds-b1 in VSAN 20.",
    )
    name = "port-vsan-drift"
    severity = Severity.ERROR


class DefinedZoningDangling(_Audit):
    """The defined configuration names a zone, or a zone an alias, that does not exist.

    Why:
        ``cfgenable`` (``zoneset activate``) of a config naming a missing zone fails or
        activates less than it says; a zone naming a missing alias zones nobody through that
        alias. Both are left over from a deletion, and the next change that enables the config
        stumbles on them.
    Fix:
        Remove the name from the config or zone (``cfgremove`` / ``zoneremove``; NX-OS ``no
        member``), or create what it names.
    """

    code = "ZP624"
    name = "defined-zoning-dangling"
    severity = Severity.WARNING
    fails = Audit(
        {
            "sw1.txt": PLANNED.replace(f"\t\t{_Z1}; {_Z2}\n", f"\t\t{_Z1}; {_Z2}; z_gone\n", 1)
            + LOGGED_IN
        },
        inventory=False,
        caption="The defined cfg lists z_gone, which no zone: line defines.",
    )
    passes = Audit({"sw1.txt": PLANNED + LOGGED_IN}, inventory=False)


#: fabric A of one-switch.yaml with sw2 and two ISLs sw1:20-sw2:20, sw1:21-sw2:21
_ISLS = """
    switches:
      - {name: sw2, fabric: A, domain_id: 2, ports: 24}
    isls:
      - {a: "sw1:20", b: "sw2:20"}
      - {a: "sw1:21", b: "sw2:21"}
"""
_SW1_WWN, _SW2_WWN = "10:00:c4:f5:7c:00:00:01", "10:00:c4:f5:7c:00:00:02"


def _islshow(switch: str, *rows: tuple[int, int, int, str, str]) -> str:
    """``islshow`` of ``switch`` (FOS layout: ttrnecka/brocadesan test/outputs): rows of
    (local port, remote port, remote domain, remote WWN, remote name)."""
    if not rows:
        return f"{switch}:admin> islshow\nNo ISL found\n"
    return f"{switch}:admin> islshow\n" + "".join(
        f"  {n + 1}: {lp:2d}-> {rp:2d} {wwn} {dom:3d} {name:<15} sp: 16.000G bw: 16.000G\n"
        for n, (lp, rp, dom, wwn, name) in enumerate(rows)
    )


#: both switches list both ISLs, as the inventory has them
_ISLS_UP = {
    "sw1.txt": _islshow("sw1", (20, 20, 2, _SW2_WWN, "sw2"), (21, 21, 2, _SW2_WWN, "sw2")),
    "sw2.txt": _islshow("sw2", (20, 20, 1, _SW1_WWN, "sw1"), (21, 21, 1, _SW1_WWN, "sw1")),
}


class IslMissing(_Audit):
    """An ISL of the inventory is listed by neither of its switches: it is down or miscabled.

    Why:
        A fabric with one ISL of two down runs on half its bandwidth and one cable from a
        split; split, the hosts on one switch lose the targets on the other. Judged only when
        every switch of the fabric had its ISL listing (``islshow``, NX-OS ``show topology``)
        read whole: from a partial capture the fabric's ISLs are "not judged" (ZP629).
    Fix:
        Check both ports (``portshow``, ``sfpshow``; NX-OS ``show interface``) and the cable;
        if the link was moved on purpose, correct the inventory.
    """

    code = "ZP625"
    name = "isl-missing"
    severity = Severity.ERROR
    fails = Audit(
        {
            "sw1.txt": _islshow("sw1", (20, 20, 2, _SW2_WWN, "sw2")),
            "sw2.txt": _islshow("sw2", (20, 20, 1, _SW1_WWN, "sw1")),
        },
        patch=_ISLS,
        base=_BASE,
        caption="sw1:21 - sw2:21 is listed by neither switch.",
    )
    passes = Audit(_ISLS_UP, patch=_ISLS, base=_BASE, caption="Both ISLs up.")


class IslUnexpected(_Audit):
    """A switch lists an ISL the inventory does not have.

    Why:
        An ISL nobody planned is a cable nobody labels or protects: patched in during an
        incident, to a switch added without a record, or a miscabling that happens to work.
        The next change plans around a fabric that is not the real one.
    Fix:
        Add the ISL (and its switch, when the inventory lacks it: ``zoneplan import`` of the
        switch's capture drafts both) to the inventory, or remove the cable.
    """

    code = "ZP626"
    name = "isl-unexpected"
    severity = Severity.WARNING
    fails = Audit(
        {
            "sw1.txt": _islshow(
                "sw1",
                (20, 20, 2, _SW2_WWN, "sw2"),
                (21, 21, 2, _SW2_WWN, "sw2"),
                (22, 22, 2, _SW2_WWN, "sw2"),
            ),
            "sw2.txt": _ISLS_UP["sw2.txt"],
        },
        patch=_ISLS,
        base=_BASE,
        caption="sw1 lists a third ISL, port 22 to sw2 port 22.",
    )
    passes = Audit(_ISLS_UP, patch=_ISLS, base=_BASE)


class IslMiswired(_Audit):
    """An ISL runs between other ports, or to another switch, than the inventory says.

    Why:
        The cable plan is what the next admin trusts: a link in the wrong port is found only
        when someone pulls "the unused" cable. A link to the wrong switch also changes the
        fabric's shape (hop counts, which switch a failure isolates).
    Fix:
        Move the cable to the ports the inventory names, or correct the inventory.
    """

    code = "ZP627"
    name = "isl-miswired"
    severity = Severity.ERROR
    fails = Audit(
        {
            "sw1.txt": _islshow("sw1", (20, 20, 2, _SW2_WWN, "sw2"), (21, 23, 2, _SW2_WWN, "sw2")),
            "sw2.txt": _islshow("sw2", (20, 20, 1, _SW1_WWN, "sw1"), (23, 21, 1, _SW1_WWN, "sw1")),
        },
        patch=_ISLS,
        base=_BASE,
        caption="sw1 port 21 is cabled to sw2 port 23, not 21.",
    )
    passes = Audit(_ISLS_UP, patch=_ISLS, base=_BASE)


class FabricsMerged(_Audit):
    """A switch of one fabric has an ISL to a switch of another fabric.

    Why:
        Two fabrics are the redundancy of every host: merged by an ISL they become one fabric
        (one zoning database, one name server, one failure domain), and the zoning of one
        overwrites or segments the other's. Said as soon as one switch lists the link.
    Fix:
        Disable the port at once (``portdisable``; NX-OS ``shutdown``) and remove the cable;
        then check both fabrics' zoning (``cfgshow`` / ``show zoneset active``).
    """

    code = "ZP628"
    name = "fabrics-merged"
    severity = Severity.ERROR
    fails = Audit(
        {"sw1.txt": _islshow("sw1", (23, 23, 3, "10:00:c4:f5:7c:00:00:03", "sw3"))},
        patch="""
            fabrics:
              - {name: B, vendor: brocade}
            switches:
              - {name: sw3, fabric: B, domain_id: 3, ports: 24}
            """,
        base=_BASE,
        caption="sw1 (fabric A) lists an ISL to sw3, a switch of fabric B.",
    )
    passes = Audit(
        {"sw1.txt": _islshow("sw1")},
        patch=fails.patch,
        base=_BASE,
        caption="sw1 has no ISL: the fabrics stay apart.",
    )


class IslsNotJudged(_Audit):
    """The fabric's ISLs were not judged: not every switch's ISL listing was read.

    Why:
        An ISL is missing only if neither of its switches lists it; with a switch's
        ``islshow`` / ``show topology`` not read (or cut short), the audit cannot tell a down
        link from an unread one, and says so instead of a false "ISL missing". Uplinks of
        Access Gateway / NPV switches are N_Port links no ISL listing shows: not compared.
    Fix:
        Capture ``islshow`` (FOS) or ``show topology`` (NX-OS) on every switch of the fabric
        (``zoneplan collect`` does), then audit again.
    """

    code = "ZP629"
    name = "isls-not-judged"
    severity = Severity.INFO
    fails = Audit(
        {"sw1.txt": _ISLS_UP["sw1.txt"]},
        patch=_ISLS,
        base=_BASE,
        caption="sw2 was not read: its ISLs cannot be judged missing.",
    )
    passes = Audit(_ISLS_UP, patch=_ISLS, base=_BASE)


class IslAsPortChannel(_Audit):
    """An ISL was taken as seen as a member of a trunk or port-channel whose members were not read.

    Why:
        NX-OS ``show topology`` lists a port-channel, not its member links, and FOS
        ``islshow`` one row per trunk: which inventory ISLs are its members is known only from
        ``show port-channel database`` (or ``show interface brief``) and FOS ``switchshow``.
        Without them the ISL is compared as the group, and a member link down goes unseen.
    Fix:
        Capture ``show port-channel database`` / ``show interface brief`` (NX-OS) or
        ``switchshow`` (FOS) on both switches, then audit again.
    """

    code = "ZP630"
    name = "isl-member-unknown"
    severity = Severity.INFO
    fails = Audit(
        {
            "sw1.txt": _islshow("sw1", (20, 20, 2, _SW2_WWN, "sw2")).replace(
                "bw: 16.000G", "bw: 32.000G TRUNK"
            ),
            "sw2.txt": _islshow("sw2", (20, 20, 1, _SW1_WWN, "sw1")).replace(
                "bw: 16.000G", "bw: 32.000G TRUNK"
            ),
        },
        patch=_ISLS,
        base=_BASE,
        caption="Both ISLs are one trunk: islshow lists its master port 20 only, and no "
        "switchshow says which ports are its members.",
    )
    passes = Audit(_ISLS_UP, patch=_ISLS, base=_BASE)


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
    PortNameDrift,
    PortVsanDrift,
    AccessLost,
    RedundancyLost,
    HbaReplaced,
    PlanOutOfDate,
    ZoningCopiesDiffer,
    DefinedZoningDangling,
    IslMissing,
    IslUnexpected,
    IslMiswired,
    FabricsMerged,
    IslsNotJudged,
    IslAsPortChannel,
)
