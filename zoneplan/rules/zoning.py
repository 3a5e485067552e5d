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


class _PlanRule(Rule):
    scope = RuleScope.PLAN


class MirrorZoneImpure(_PlanRule):
    """A zone mixes the cluster's mirror ports with any other port.

    Why:
        The SAN cluster FAQ: ports used for server mirroring must be in a separate zone. A
        client or backend port in the mirror zone can log in to the replication targets and
        disturb the mirror (or read it).
    Fails:
        A mirror zone with a client initiator in it; a client zone that also holds a mirror
        port.
    Passes:
        A mirror zone holding only the two nodes' mirror ports of one fabric.
    Fix:
        Remove the other ports from the zone (for a kept zone: edit ``existing_zones``); check
        the ``role`` of the ports involved.
    """

    code = "ZP501"
    name = "mirror-zone-impure"
    severity = Severity.ERROR


class ZoneWithoutInitiator(_PlanRule):
    """A client or backend zone has no initiator in it.

    Why:
        Zoning lets initiators reach targets; a zone of targets only lets nobody reach
        anything and only costs database space (and confuses the next admin).
    Fails:
        A zone holding only cluster target ports or only array ports.
    Passes:
        A zone with at least one initiator (client HBA port or node backend port).
    Fix:
        Check the ``role`` of the ports; remove the zone if it is not needed.
    """

    code = "ZP502"
    name = "zone-without-initiator"
    severity = Severity.ERROR


class ZoneWithoutTarget(_PlanRule):
    """A client or backend zone has no target in it.

    Why:
        An initiator zoned with no target sees no LUN; with several initiators in one zone
        they see each other instead, which single-initiator zoning exists to prevent.
    Fails:
        A zone of client initiators only; a backend zone without an array port.
    Passes:
        A zone with at least one target port.
    Fix:
        Cable the target (cluster node or array port) to the fabric, or fix the ``role``.
    """

    code = "ZP503"
    name = "zone-without-target"
    severity = Severity.ERROR


class ZoneSpansFabrics(_PlanRule):
    """A zone holds ports of another fabric, or of another segment of its fabric.

    Why:
        Fabrics A and B are physically separate; a zone can only join ports that can see each
        other through ISLs. A zone that names a port elsewhere never works and hides the fact
        that the port has no path.
    Fails:
        A zone on fabric A with a port cabled to a switch of fabric B; a zone joining two
        switches of one fabric that have no ISL between them.
    Passes:
        Every member on the zone's fabric and in one ISL-connected segment.
    Fix:
        Correct the port's ``switch`` (or the ISLs); zone the port on its own fabric.
    """

    code = "ZP504"
    name = "zone-spans-fabrics"
    severity = Severity.ERROR


class ClientMissingNodeZone(_PlanRule):
    """A client initiator has no zone to one of the two cluster nodes on its fabric.

    Why:
        ALUA: the passive node's ports are standby and take over when the active node fails.
        A client not zoned to both nodes loses its LUNs at the first failover, exactly when
        it needs them.
    Fails:
        A client port on fabric A zoned to san1's targets only, because san2 has no target
        port on A's segment (or its zone was removed).
    Passes:
        Every client port zoned to at least one target port of each node on its fabric.
    Fix:
        Cable a target port of the missing node to this fabric segment; re-plan.
    """

    code = "ZP505"
    name = "client-missing-node-zone"
    severity = Severity.ERROR


class ZoneDbOverLimit(_PlanRule):
    """The estimated zone database of a fabric exceeds the platform's limit.

    Why:
        A switch refuses ``cfgsave`` / zoneset activation when the database is full, in the
        middle of a change window (Brocade: 1 MB, 2 MB in director-only fabrics; Cisco MDS:
        4,000,000 bytes per VSAN, 2,097,152 on older releases; 20,000 device-aliases).
    Fails:
        Thousands of single-initiator single-target zones on a Brocade fabric with fixed-port
        switches.
    Passes:
        An estimate under the limit.
    Fix:
        Use peer zoning (Brocade) or smart zoning (Cisco): one zone per target port instead
        of one per initiator-target pair (``--strategy peer`` / ``smart``); remove stale zones.
    """

    code = "ZP506"
    name = "zone-db-over-limit"
    severity = Severity.ERROR


class IllegalName(_PlanRule):
    """A name in the plan is not accepted by the fabric's switches.

    Why:
        A name the switch refuses stops the script halfway. Generated names are made legal;
        names that come from outside (kept zones) or from a name template may not be.
    Fails:
        A kept zone called ``1zone`` on Cisco (letter first), a name longer than 64
        characters, a name with a reserved prefix (``lsan_``, ``bfa_``).
    Passes:
        Names matching the pack's rule (``vendors/<pack>/manifest.yaml`` naming).
    Fix:
        Rename the object on the switch, or change the name template in ``policy.naming``.
    """

    code = "ZP507"
    name = "illegal-name"
    severity = Severity.ERROR


class NameCollision(_PlanRule):
    """Two objects wanted the same name; one got a numeric suffix (or a name is duplicated).

    Why:
        Brocade has one namespace for zones, aliases and configs, and names are compared
        after sanitising (``esx-01`` and ``esx_01`` become the same). zoneplan renames
        deterministically, but a suffixed name is harder to recognise on the switch.
    Fails:
        Hosts ``esx-01`` and ``esx_01``; a host named like a kept zone.
    Passes:
        Templates and inventory names that give distinct names.
    Fix:
        Rename one of the objects in the inventory, or add ``{fabric}``/``{host}`` to the
        template.
    """

    code = "ZP508"
    name = "name-collision"
    severity = Severity.WARNING


class NameTruncated(_PlanRule):
    """A generated name was longer than the platform allows and was shortened.

    Why:
        Names over 64 characters are refused; zoneplan keeps the start and adds a short hash
        of the full name (still unique, stable), but the end of the name is lost.
    Fails:
        ``z_{initiator}__{target}`` with long host and HBA names.
    Passes:
        Names of at most 64 characters.
    Fix:
        Shorter inventory names, or a shorter template in ``policy.naming``.
    """

    code = "ZP509"
    name = "name-truncated"
    severity = Severity.INFO


class StrategyUnsupported(_PlanRule):
    """The zoning strategy asked for is not available on a fabric's platform.

    Why:
        Peer zones are a Brocade feature, smart zoning a Cisco one. The plan renders the
        same design with the platform's equivalent (or falls back to ``sist``), and says so,
        so that nobody expects peer zones on an MDS.
    Fails:
        ``strategy: peer`` with a Cisco fabric; ``strategy: smart`` with a Brocade fabric.
    Passes:
        ``sist``/``simt`` anywhere; ``peer`` on Brocade; ``smart`` on Cisco.
    Fix:
        Nothing to do if the equivalent is fine; otherwise choose a strategy both platforms
        support, or plan each fabric with ``--fabric`` and its own ``--strategy``.
    """

    code = "ZP510"
    name = "strategy-unsupported"
    severity = Severity.WARNING


class UnzonedClusterPort(_PlanRule):
    """A cluster mirror or backend port on a switch ended up in no zone.

    Why:
        A mirror port through a switch needs a mirror zone with the other node's mirror
        port; a backend port needs its array. Without a zone the replication or the backend
        storage has no path on this fabric.
    Fails:
        A mirror port cabled to fabric A while the other node's mirror ports are direct or on
        fabric B; a backend port whose array has no port on that fabric.
    Passes:
        Every switch-attached mirror and backend port in a zone.
    Fix:
        Cable the partner port to the same fabric segment, or fix the ``role``/``array``.
    """

    code = "ZP511"
    name = "unzoned-cluster-port"
    severity = Severity.WARNING


class ZoneDbNearLimit(_PlanRule):
    """The estimated zone database of a fabric is above 80 % of the platform's limit.

    Why:
        The estimate is an estimate, and every later change adds to it; at 80 % the next
        project may not fit.
    Fails:
        An estimate between 80 % and 100 % of the limit.
    Passes:
        Below 80 %.
    Fix:
        Plan for peer zoning (Brocade) or smart zoning (Cisco); remove stale zones.
    """

    code = "ZP512"
    name = "zone-db-near-limit"
    severity = Severity.WARNING


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
