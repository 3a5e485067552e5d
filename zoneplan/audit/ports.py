"""Port names and VSAN membership against the plan's port configuration (ZP617, ZP618).

The expected names come from :func:`zoneplan.plan.ports.switch_port_plans`, the same function
that writes ``<switch>.ports.txt``, so the audit and the script never disagree on a name. Only
what was read is compared: a switch without ``portname`` / ``show interface description`` in
its capture gets no name findings, one without ``show vsan membership`` no VSAN findings.
"""

from __future__ import annotations

from typing import Iterable

from ..findings import Finding, Location
from ..observed import SwitchState
from ..plan.ports import switch_port_plans
from ..rules.audit import PortNameDrift, PortVsanDrift
from ..topology import Topology

__all__ = ["port_drift"]


def port_drift(topology: Topology, states: Iterable[SwitchState]) -> list[Finding]:
    """ZP617 for every cabled port whose name differs, ZP618 for every device port outside its
    fabric's VSAN, on the switches whose captures show them."""
    states = list(states)
    by_name = {s.name: s for s in states}
    out: list[Finding] = []
    for sp in switch_port_plans(topology, states):
        state = by_name.get(sp.switch)
        if state is None:
            continue
        names_at = Location(state.seen.get("port_names", sp.switch))
        vsans_at = Location(state.seen.get("vsan_membership", sp.switch))
        for s in sp.settings:
            subject = f"{sp.switch}:{s.port}"
            if sp.names_read and s.old_name != s.name:
                was = f"'{s.old_name}'" if s.old_name else "no name"
                out.append(
                    PortNameDrift.make(
                        f"{sp.switch} port {s.port} ({s.what}) has {was}; the plan names it "
                        f"'{s.name}'",
                        names_at,
                        subject=subject,
                        hint=f"apply {sp.fabric}/{sp.switch}.ports.txt from zoneplan plan",
                    )
                )
            if sp.vsans_read and s.vsan is not None and s.old_vsan != s.vsan:
                where = f"VSAN {s.old_vsan}" if s.old_vsan else "no VSAN listed"
                out.append(
                    PortVsanDrift.make(
                        f"{sp.switch} port {s.port} ({s.what}) is in {where}; fabric "
                        f"{sp.fabric} is VSAN {s.vsan}",
                        vsans_at,
                        subject=subject,
                        hint=f"apply {sp.fabric}/{sp.switch}.ports.txt (the link flaps)",
                    )
                )
    return out
