"""Plan rules (ZP5xx): problems in a zoning plan, found before any script is written.

Why on the plan and not on the inventory: these are properties of the zones zoneplan is about
to create (or keep): what they contain, what they are called, how big the database gets. The
planner never designs a bad zone on purpose; these rules are the independent check that it
did not, and they catch what comes from outside (kept zones, name templates, strategies a
platform lacks, databases that grow over the platform's limit). The entries here are the
catalogue (code, name, Why/Fails/Passes/Fix); the checks that make their findings are in
:mod:`zoneplan.plan.checks` (the plan layer sits above the catalogue), and policy (severity,
suppressions) is applied by the caller as for every rule.
"""

from __future__ import annotations

from ..findings import Severity
from .base import Rule, RuleScope
from .examples import Plan


class _PlanRule(Rule):
    scope = RuleScope.PLAN


class MirrorZoneImpure(_PlanRule):
    """A zone mixes the cluster's mirror ports with any other port.

    Why:
        The SAN cluster FAQ: ports used for server mirroring must be in a separate zone. A
        client or backend port in the mirror zone can log in to the replication targets and
        disturb the mirror (or read it).
    Fix:
        Remove the other ports from the zone (for a kept zone: edit ``existing_zones``); check
        the ``role`` of the ports involved.
    """

    code = "ZP501"
    name = "mirror-zone-impure"
    severity = Severity.ERROR
    fails = Plan(
        """
        existing_zones:
          - name: z_old_mirror
            fabric: A
            members: ["21:00:00:24:ff:6c:11:00", "21:00:00:24:ff:6c:21:00", "10:00:00:90:fa:f1:00:01"]
        """,
        base="mirror-via-switch",
        caption="A kept zone holding both nodes' fabric A mirror ports and the client mu-esx01.",
    )
    passes = Plan(
        """
        existing_zones:
          - name: z_old_mirror
            fabric: A
            members: ["21:00:00:24:ff:6c:11:00", "21:00:00:24:ff:6c:21:00"]
        """,
        base="mirror-via-switch",
        caption="Mirror ports only with mirror ports.",
    )


class ZoneWithoutInitiator(_PlanRule):
    """A client or backend zone has no initiator in it.

    Why:
        Zoning lets initiators reach targets; a zone of targets only lets nobody reach
        anything and only costs database space (and confuses the next admin).
    Fix:
        Check the ``role`` of the ports; remove the zone if it is not needed.
    """

    code = "ZP502"
    name = "zone-without-initiator"
    severity = Severity.ERROR
    fails = Plan(
        fault="planner-drops-initiators",
        caption="A client zone left with the cluster's target only (a planner bug, staged: "
        "no inventory makes the planner design one).",
    )
    passes = Plan(caption="Every zone the planner designs has its initiator.")


class ZoneWithoutTarget(_PlanRule):
    """A client or backend zone has no target in it.

    Why:
        An initiator zoned with no target sees no LUN; with several initiators in one zone
        they see each other instead, which single-initiator zoning exists to prevent.
    Fix:
        Cable the target (cluster node or array port) to the fabric, or fix the ``role``.
    """

    code = "ZP503"
    name = "zone-without-target"
    severity = Severity.ERROR
    fails = Plan(
        fault="planner-drops-targets",
        caption="A client zone left with the client's initiator only (a planner bug, staged: "
        "no inventory makes the planner design one).",
    )
    passes = Plan(caption="Every zone the planner designs has its target.")


class ZoneSpansFabrics(_PlanRule):
    """A zone holds ports of another fabric, or of another segment of its fabric.

    Why:
        Fabrics A and B are physically separate; a zone can only join ports that can see each
        other through ISLs. A zone that names a port elsewhere never works and hides the fact
        that the port has no path.
    Fix:
        Correct the port's ``switch`` (or the ISLs); zone the port on its own fabric.
    """

    code = "ZP504"
    name = "zone-spans-fabrics"
    severity = Severity.ERROR
    fails = Plan(
        """
        existing_zones:
          - name: z_old_esx01
            fabric: A
            members: ["10:00:00:90:fa:c1:00:01", "21:00:00:24:ff:7a:10:02"]
        """,
        caption="A kept zone on fabric A naming san1/hba0/p2, which is cabled to fabric B.",
    )
    passes = Plan(
        """
        existing_zones:
          - name: z_old_esx01
            fabric: A
            members: ["10:00:00:90:fa:c1:00:01", "21:00:00:24:ff:7a:10:00"]
        """,
        caption="Both members on fabric A.",
    )


class ClientMissingNodeZone(_PlanRule):
    """A client initiator has no zone to one of the two cluster nodes on its fabric.

    Why:
        ALUA: the passive node's ports are standby and take over when the active node fails.
        A client not zoned to both nodes loses its LUNs at the first failover, exactly when
        it needs them.
    Fix:
        Cable a target port of the missing node to this fabric segment; re-plan.
    """

    code = "ZP505"
    name = "client-missing-node-zone"
    severity = Severity.ERROR
    fails = Plan(
        """
        cluster:
          nodes:
            - name: san2
              hbas:
                - name: hba0
                  ports:
                    - {name: p0, switch: null, port: null}
        """,
        caption="san2's only fabric A target port unplugged: fabric A clients get zones to san1 "
        "only.",
    )
    passes = Plan(caption="Both nodes have target ports on each fabric.")


class ZoneDbOverLimit(_PlanRule):
    """The estimated zone database of a fabric exceeds the platform's limit.

    Why:
        A switch refuses ``cfgsave`` / zoneset activation when the database is full, in the
        middle of a change window (Brocade: 1 MB, 2 MB in director-only fabrics; Cisco MDS:
        4,000,000 bytes per VSAN, 2,097,152 on older releases; 20,000 device-aliases).
    Fix:
        Use peer zoning (Brocade) or smart zoning (Cisco): one zone per target port instead
        of one per initiator-target pair (``--strategy peer`` / ``smart``); remove stale zones.
    """

    code = "ZP506"
    name = "zone-db-over-limit"
    severity = Severity.ERROR
    fails = Plan(
        sample_hosts=3500,
        strategy="sist",
        fabric="A",
        caption="3,500 dual-fabric clients, one zone per initiator and target, on Brocade "
        "fabric A (fixed-port switches: a 1 MB database).",
    )
    passes = Plan(
        sample_hosts=3500,
        strategy="peer",
        fabric="A",
        caption="The same clients with peer zoning: one zone per target port.",
    )


class IllegalName(_PlanRule):
    """A name in the plan is not accepted by the fabric's switches.

    Why:
        A name the switch refuses stops the script halfway. Generated names are made legal;
        names that come from outside (kept zones) or from a name template may not be.
    Fix:
        Rename the object on the switch, or change the name template in ``policy.naming``.
    """

    code = "ZP507"
    name = "illegal-name"
    severity = Severity.ERROR
    fails = Plan(
        """
        existing_zones:
          - name: 1legacy
            fabric: B
            members: ["10:00:00:90:fa:c1:00:02", "21:00:00:24:ff:7a:10:02"]
        """,
        caption="A kept zone whose name starts with a digit, on Cisco fabric B.",
    )
    passes = Plan(
        """
        existing_zones:
          - name: legacy1
            fabric: B
            members: ["10:00:00:90:fa:c1:00:02", "21:00:00:24:ff:7a:10:02"]
        """
    )


class NameCollision(_PlanRule):
    """Two objects wanted the same name; one got a numeric suffix (or a name is duplicated).

    Why:
        Brocade has one namespace for zones, aliases and configs, and names are compared
        after sanitising (``esx-01`` and ``esx_01`` become the same). zoneplan renames
        deterministically, but a suffixed name is harder to recognise on the switch.
    Fix:
        Rename one of the objects in the inventory, or add ``{fabric}``/``{host}`` to the
        template.
    """

    code = "ZP508"
    name = "name-collision"
    severity = Severity.WARNING
    fails = Plan(
        """
        existing_zones:
          - name: esx01_vmhba2_p0
            fabric: A
            members: ["10:00:00:90:fa:c1:00:01", "21:00:00:24:ff:7a:10:00"]
        """,
        caption="A kept zone with the name of esx01's alias (Brocade: one namespace).",
    )
    passes = Plan(
        """
        existing_zones:
          - name: z_legacy_esx01
            fabric: A
            members: ["10:00:00:90:fa:c1:00:01", "21:00:00:24:ff:7a:10:00"]
        """
    )


class NameTruncated(_PlanRule):
    """A generated name was longer than the platform allows and was shortened.

    Why:
        Names over 64 characters are refused; zoneplan keeps the start and adds a short hash
        of the full name (still unique, stable), but the end of the name is lost.
    Fix:
        Shorter inventory names, or a shorter template in ``policy.naming``.
    """

    code = "ZP509"
    name = "name-truncated"
    severity = Severity.INFO
    fails = Plan(
        """
        hosts:
          - name: esx-frankfurt-dc2-room104-rack12-blade07
            os: vmware
            hbas:
              - name: vmhba2
                ports:
                  - {name: p0, wwpn: "10:00:00:90:fa:c3:00:01", switch: sw-a1, port: 20}
                  - {name: p1, wwpn: "10:00:00:90:fa:c3:00:02", switch: mds-b1, port: fc1/20}
        """,
        caption="A long host name: its zones' names would be over 64 characters.",
    )
    passes = Plan(
        """
        hosts:
          - name: esx03
            os: vmware
            hbas:
              - name: vmhba2
                ports:
                  - {name: p0, wwpn: "10:00:00:90:fa:c3:00:01", switch: sw-a1, port: 20}
                  - {name: p1, wwpn: "10:00:00:90:fa:c3:00:02", switch: mds-b1, port: fc1/20}
        """
    )


class StrategyUnsupported(_PlanRule):
    """The zoning strategy asked for is not available on a fabric's platform.

    Why:
        Peer zones are a Brocade feature, smart zoning a Cisco one. The plan renders the
        same design with the platform's equivalent (or falls back to ``sist``), and says so,
        so that nobody expects peer zones on an MDS.
    Fix:
        Nothing to do if the equivalent is fine; otherwise choose a strategy both platforms
        support, or plan each fabric with ``--fabric`` and its own ``--strategy``.
    """

    code = "ZP510"
    name = "strategy-unsupported"
    severity = Severity.WARNING
    fails = Plan(strategy="peer", caption="Peer zoning asked for; fabric B is a Cisco MDS.")
    passes = Plan(strategy="sist")


class UnzonedClusterPort(_PlanRule):
    """A cluster mirror or backend port on a switch ended up in no zone.

    Why:
        A mirror port through a switch needs a mirror zone with the other node's mirror
        port; a backend port needs its array. Without a zone the replication or the backend
        storage has no path on this fabric.
    Fix:
        Cable the partner port to the same fabric segment, or fix the ``role``/``array``.
    """

    code = "ZP511"
    name = "unzoned-cluster-port"
    severity = Severity.WARNING
    fails = Plan(
        """
        cluster:
          nodes:
            - name: muc-san2
              hbas:
                - name: hba1
                  ports:
                    - !delete {name: p1}
        """,
        base="mirror-via-switch",
        caption="muc-san1's mirror port on fabric B has no partner there.",
    )
    passes = Plan(
        base="mirror-via-switch",
        caption="Each node's mirror ports on both fabrics: a mirror zone per fabric.",
    )


class ZoneDbNearLimit(_PlanRule):
    """The estimated zone database of a fabric is above 80 % of the platform's limit.

    Why:
        The estimate is an estimate, and every later change adds to it; at 80 % the next
        project may not fit.
    Fix:
        Plan for peer zoning (Brocade) or smart zoning (Cisco); remove stale zones.
    """

    code = "ZP512"
    name = "zone-db-near-limit"
    severity = Severity.WARNING
    fails = Plan(
        sample_hosts=3000,
        strategy="sist",
        fabric="A",
        caption="3,000 clients with one zone per initiator and target: 88 % of fabric A's 1 MB.",
    )
    passes = Plan(
        sample_hosts=3000,
        strategy="peer",
        fabric="A",
        caption="The same clients with peer zoning.",
    )


RULES = (
    MirrorZoneImpure,
    ZoneWithoutInitiator,
    ZoneWithoutTarget,
    ZoneSpansFabrics,
    ClientMissingNodeZone,
    ZoneDbOverLimit,
    IllegalName,
    NameCollision,
    NameTruncated,
    StrategyUnsupported,
    UnzonedClusterPort,
    ZoneDbNearLimit,
)
