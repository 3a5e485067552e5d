"""Per-switch port configuration: a name on every port the inventory cables, and (where the
pack has VSANs) each of those ports in its fabric's VSAN.

Why from the inventory: the name on a switch port is what an admin reads in ``switchshow`` or
``show interface brief`` when a host goes dark; written from the same cables as the plan and
the labels, it names the device, adapter and port the label names (``esx01_vmhba2_p0``, an
ISL ``ISL_sw-a2_46``). Ports the inventory does not cable are never touched. A name keeps the
pack's script token rule (it is checked again by the renderer) and the pack's length limit
(``script.port_name_max``); a longer one is cut and ends in a short hash of the whole, so two
long names never end up equal.

The old names and VSANs (what the rollback restores) come from captures of the switch
(FOS ``portname``, NX-OS ``show interface description`` and ``show vsan membership``); without
them the rollback says what it cannot restore instead of guessing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Iterable

from ..observed import SwitchState
from ..packs import VendorPackError, pack_for
from ..topology import Topology

__all__ = ["PortSetting", "SwitchPorts", "port_description", "switch_port_plans"]


@dataclass(frozen=True)
class PortSetting:
    """One switch port: the name it gets, what is plugged in, its VSAN, and what it had."""

    port: str  #: as the pack names it: ``8``, ``3/12``, ``fc1/9``
    name: str  #: the new port name / description
    what: str  #: ``esx01/vmhba2/p0`` or ``ISL to sw-a2 port 46``
    vsan: int | None  #: the fabric's VSAN (packs with VSANs; not for ISLs), else None
    old_name: str | None = None  #: observed ("" none); None: not read
    old_vsan: int | None = None  #: observed VSAN; None: not read or in none


@dataclass
class SwitchPorts:
    """The port configuration of one switch."""

    switch: str
    fabric: str
    pack: str
    vsan: int | None
    settings: list[PortSetting] = field(default_factory=list)
    names_read: bool = False  #: the old names were captured (the rollback can restore them)
    vsans_read: bool = False  #: the old VSAN membership was captured
    skipped: list[str] = field(default_factory=list)  #: ports left alone, and why

    @property
    def changes(self) -> list[PortSetting]:
        """Settings that change something (all of them when nothing was read)."""
        return [
            s
            for s in self.settings
            if s.old_name != s.name or (s.vsan is not None and s.old_vsan != s.vsan)
        ]


_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def port_description(text: str, limit: int) -> str:
    """``esx01/vmhba2/p0`` → ``esx01_vmhba2_p0``: letters, digits, ``_`` and ``-`` only, at
    most ``limit`` characters (a longer one ends in ``_`` and 4 hex digits of its hash)."""
    name = _UNSAFE.sub("_", text).strip("_") or "port"
    if len(name) <= limit:
        return name
    digest = hashlib.sha256(name.encode()).hexdigest()[:4]
    return f"{name[: limit - 5].rstrip('_')}_{digest}"


def _observed(states: Iterable[SwitchState]) -> dict[str, SwitchState]:
    return {s.name: s for s in states}


def switch_port_plans(topology: Topology, states: Iterable[SwitchState] = ()) -> list[SwitchPorts]:
    """The port configuration of every switch of the inventory, in inventory order."""
    inv = topology.inventory
    fabrics = {f.name: f for f in inv.fabrics}
    seen = _observed(states)
    out: list[SwitchPorts] = []
    for name, sw in topology.switches.items():
        fabric = fabrics.get(sw.fabric)
        vendor = sw.vendor or (fabric.vendor if fabric is not None else None)
        if vendor is None:
            continue
        try:
            pack = pack_for(vendor)
        except VendorPackError:
            continue
        limit = pack.manifest.script.port_name_max
        vsan = fabric.vsan if pack.manifest.capabilities.vsans and fabric is not None else None
        state = seen.get(name)
        names_read = state is not None and "port_names" in state.seen
        vsans_read = state is not None and "vsan_membership" in state.seen
        member_of: dict[str, int] = {}
        if state is not None:
            for n, v in state.vsans.items():
                for iface in v.interfaces:
                    member_of.setdefault(iface, n)
        plan = SwitchPorts(
            name, sw.fabric, pack.id, vsan, names_read=names_read, vsans_read=vsans_read
        )
        order = {p: i for i, p in enumerate(topology.switch_ports.get(name, []))}
        attached = sorted(
            ((p, what) for (s, p), what in topology.attached.items() if s == name),
            key=lambda pw: (order.get(pw[0], len(order)), pw[0]),
        )
        for port, what in attached:
            if len(what) != 1:
                plan.skipped.append(f"{port}: {len(what)} cables claim it (ZP102); left alone")
                continue
            ref = what[0]
            isl = ":" in ref  # an ISL: the far end as "switch:port" (device refs have no colon)
            if isl:
                other, _, oport = ref.partition(":")
                label, text = f"ISL to {other} port {oport}", f"ISL_{other}_{oport}"
            else:
                label, text = ref, ref
            old_name = state.port_names.get(port, "") if names_read and state else None
            old_vsan = member_of.get(port) if vsans_read else None
            # an ISL's VSANs are its trunk's business (port VSAN, allowed VSANs): not moved here
            plan.settings.append(
                PortSetting(
                    port,
                    port_description(text, limit),
                    label,
                    None if isl else vsan,
                    old_name,
                    None if isl else old_vsan,
                )
            )
        out.append(plan)
    return out
