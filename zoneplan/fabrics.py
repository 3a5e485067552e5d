"""Observed switch states grouped into fabrics: what the audit and ``plan --against`` compare.

Why a module below both: the audit compares a plan with each fabric's observed zoning, and the
planner's incremental change starts from the same grouping; neither owns it. Zoning is
fabric-wide (a Brocade fabric, one Cisco VSAN), logins are per switch: :func:`group_by_fabric`
merges the states of every switch into one :class:`FabricObservation` per fabric, naming the
fabric after the inventory when a topology is given (switch name, or the VSAN of a fabric of
that vendor) and after the switch otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from .observed import Login, SwitchState, Transaction, ZoneDb, ZoneStatus
from .packs import AuditNeeds, VendorPackError, pack_for

if TYPE_CHECKING:
    from .topology import Topology

__all__ = ["FabricObservation", "group_by_fabric"]


@dataclass
class FabricObservation:
    """Everything captured about one fabric (a Brocade fabric or one Cisco VSAN)."""

    fabric: str
    vsan: int
    defined: ZoneDb | None = None
    effective: ZoneDb | None = None
    device_aliases: dict[str, str] = field(default_factory=dict)
    logins: dict[str, Login] = field(default_factory=dict)
    switches: list[str] = field(default_factory=list)
    logins_from: set[str] = field(default_factory=set)
    transactions: list[tuple[str, Transaction]] = field(default_factory=list)
    partial: list[str] = field(default_factory=list)  #: switches whose read was cut short
    statuses: list[tuple[str, ZoneStatus]] = field(default_factory=list)
    #: what an "in sync" verdict needs and the capture lacks (the packs' ``audit`` needs):
    #: ``"sw1: logins cut short"``, ``"device-alias database not captured"``
    unmet: list[str] = field(default_factory=list)
    _fabric_needs: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _fabric_met: set[str] = field(default_factory=set, repr=False)

    @property
    def aliases_unknown(self) -> bool:
        """True when a fabric-wide need is unmet (the device-alias database, say): names in
        zones cannot be resolved, so an alias is "not captured", never "missing"."""
        return bool(set(self._fabric_needs) - self._fabric_met)

    def source(self) -> str:
        db = self.defined or self.effective
        return (db.source if db and db.source else ",".join(self.switches)) or self.fabric


def _fabric_of_state(state: SwitchState, key: int, topology: Topology | None) -> str:
    if topology is not None:
        if state.name in topology.switch_fabric:
            return topology.switch_fabric[state.name]
        for f in topology.inventory.fabrics:
            if key and f.vsan == key and f.vendor == state.vendor:
                return f.name
    return f"{state.name}" + (f":vsan{key}" if key else "")


def _need_met(state: SwitchState, inputs: list[str]) -> str:
    """``""`` when one of ``inputs`` was captured completely, else why not."""
    if any(i in state.seen and i not in state.cut for i in inputs):
        return ""
    return "cut short" if any(i in state.cut for i in inputs) else "not captured"


def _needs(state: SwitchState) -> AuditNeeds:
    try:
        return pack_for(state.vendor).manifest.audit
    except (
        ValueError,
        VendorPackError,
    ):  # a vendor no pack speaks for: nothing can be known to be complete
        return AuditNeeds(switch={"a vendor pack": ["-"]})


def group_by_fabric(
    states: Iterable[SwitchState], topology: Topology | None = None
) -> dict[str, FabricObservation]:
    """Merge switch states into fabrics: zoning is fabric-wide, logins are per switch."""
    out: dict[str, FabricObservation] = {}
    for obs in _group(states, topology).values():
        out[obs.fabric] = obs
        for need in sorted(set(obs._fabric_needs) - obs._fabric_met):
            obs.unmet.append(f"{need} not captured")
    return out


def _group(
    states: Iterable[SwitchState], topology: Topology | None
) -> dict[str, FabricObservation]:
    out: dict[str, FabricObservation] = {}
    for state in states:
        needs = _needs(state)
        lacking = [
            f"{state.name}: {need} {why}"
            for need, inputs in needs.switch.items()
            if (why := _need_met(state, inputs))
        ]
        keys = set(state.zoning) | {login.vsan for login in state.logins.values()}
        if not keys:
            keys = {0}
        for key in sorted(keys):
            name = _fabric_of_state(state, key, topology)
            obs = out.setdefault(name, FabricObservation(name, key))
            if state.name not in obs.switches:
                obs.switches.append(state.name)
                if not state.complete:
                    obs.partial.append(state.name)
                obs.unmet.extend(lacking)
            for need, inputs in needs.fabric.items():
                obs._fabric_needs.setdefault(need, inputs)
                if not _need_met(state, inputs):
                    obs._fabric_met.add(need)
            z = state.zoning.get(key)
            if z is not None:
                if z.defined is not None and (obs.defined is None or not obs.defined.complete):
                    obs.defined = z.defined
                if z.effective is not None and (
                    obs.effective is None or not obs.effective.complete
                ):
                    obs.effective = z.effective
                if z.status is not None:
                    obs.statuses.append((state.name, z.status))
            obs.device_aliases.update(state.device_aliases)
            for (vsan, wwpn), login in state.logins.items():
                if vsan == key or (key == 0 and not state.zoning):
                    obs.logins.setdefault(wwpn, login)
            if "logins" in state.seen:
                obs.logins_from.add(state.name)
            if state.transaction is not None:
                obs.transactions.append((state.name, state.transaction))
    return out
