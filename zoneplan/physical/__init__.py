"""The physical layer: racks, patch panels, cables, front panels, and the data behind them.

``tables`` loads the sourced data (media reach, colour names, stock lengths, label sheets);
``faceplate`` lays a switch's ports out as on its front panel (pack data); ``lengths``
estimates a cable from rack positions; ``runs`` turns the inventory's ports, ISLs and
patch-panel hops into runs of segments. The physical rules (ZP9xx) and the cabling plan read
the same :class:`~zoneplan.physical.runs.Physical`, built once per topology by
:func:`physical_of`.
"""

from __future__ import annotations

from typing import Any

from .faceplate import build_faceplate
from .runs import End, Physical, Run, Segment, build_physical

__all__ = ["End", "Physical", "Run", "Segment", "build_physical", "physical_of"]


def physical_of(topology: Any) -> Physical:
    """The runs of a topology's inventory, built on first use and kept on the topology."""
    cached = getattr(topology, "_physical_cache", None)
    if cached is None:
        inv = topology.inventory
        cached = build_physical(inv)
        vendors = {f.name: f.vendor for f in inv.fabrics}
        for name, sw in topology.switches.items():
            vendor = sw.vendor or vendors.get(sw.fabric)
            cached.faceplates[name] = build_faceplate(sw, vendor, topology.switch_ports[name])
        topology._physical_cache = cached
    return cached
