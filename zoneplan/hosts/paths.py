"""Expected paths per client: how many paths each cluster LUN must have on a host, and which.

Why derive it from the topology and not from the zoning plan: every zoning strategy (SIST, SIMT,
peer, smart) zones each client initiator to every client-facing target port of both cluster
nodes that it can reach, so the paths a LUN has are the (initiator, target) pairs on the same
fabric segment (``Topology.same_segment``: same ISL-connected switches). The same number is
what the generated host configuration promises and what ``hosts verify`` checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Host, PortRole
from ..topology import PortRef, Topology


@dataclass(frozen=True)
class InitiatorPaths:
    """One host initiator port and the cluster target ports it reaches."""

    initiator: PortRef
    fabric: str | None
    active: tuple[PortRef, ...] = ()
    standby: tuple[PortRef, ...] = ()

    @property
    def total(self) -> int:
        return len(self.active) + len(self.standby)


@dataclass(frozen=True)
class HostPaths:
    """What multipath on ``host`` should show for every cluster LUN."""

    host: Host
    active_node: str
    standby_node: str
    initiators: tuple[InitiatorPaths, ...] = field(default=())

    @property
    def active(self) -> int:
        """Paths through the active node's target ports (ALUA active/optimized)."""
        return sum(len(i.active) for i in self.initiators)

    @property
    def standby(self) -> int:
        """Paths through the standby node's target ports (ALUA standby)."""
        return sum(len(i.standby) for i in self.initiators)

    @property
    def total(self) -> int:
        """Paths per LUN: the sum over the host's initiators of the targets each reaches."""
        return self.active + self.standby

    def summary(self) -> str:
        """One line for files and reports: ``6 paths per LUN: 4 active (san1), 2 standby (san2)``."""
        return (
            f"{self.total} path{'s' if self.total != 1 else ''} per LUN: "
            f"{self.active} active ({self.active_node}), "
            f"{self.standby} standby ({self.standby_node})"
        )

    def as_dict(self) -> dict:
        return {
            "host": self.host.name,
            "paths_per_lun": self.total,
            "active": self.active,
            "standby": self.standby,
            "active_node": self.active_node,
            "standby_node": self.standby_node,
            "initiators": [
                {
                    "port": i.initiator.ref,
                    "wwpn": i.initiator.wwpn,
                    "fabric": i.fabric,
                    "active_targets": [t.ref for t in i.active],
                    "standby_targets": [t.ref for t in i.standby],
                }
                for i in self.initiators
            ],
        }


class NoClusterError(ValueError):
    """The inventory has no SAN cluster, so there are no cluster LUNs to configure or check."""


def host_by_name(topology: Topology, name: str) -> Host | None:
    """The inventory host called ``name`` (None when there is none)."""
    return next((h for h in topology.inventory.hosts if h.name == name), None)


def expected_paths(topology: Topology, host: Host) -> HostPaths:
    """The paths every cluster LUN should have on ``host``.

    Raises :class:`NoClusterError` when the inventory has no cluster (a usage problem the
    caller reports; the inventory rules say whether that is intended).
    """
    cluster = topology.inventory.cluster
    if cluster is None:
        raise NoClusterError("the inventory has no cluster: there are no cluster LUNs")
    roles = {n.name: n.role for n in cluster.nodes}
    active_node = next(n for n, r in roles.items() if r == "active")
    standby_node = next(n for n, r in roles.items() if r == "standby")
    targets = [t for t in topology.iter_role(PortRole.TARGET, "node") if t.device in roles]
    out: list[InitiatorPaths] = []
    for ini in topology.device_ports("host", host.name):
        if ini.role is not PortRole.INITIATOR:
            continue
        reach = [t for t in targets if topology.same_segment(ini, t)]
        out.append(
            InitiatorPaths(
                initiator=ini,
                fabric=topology.fabric_of(ini),
                active=tuple(t for t in reach if roles[t.device] == "active"),
                standby=tuple(t for t in reach if roles[t.device] == "standby"),
            )
        )
    return HostPaths(host, active_node, standby_node, tuple(out))
