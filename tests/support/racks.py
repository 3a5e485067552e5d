"""Racks, rack positions and patch panels for a generated inventory (the physical layer).

:func:`add_racks` lays a :func:`tests.support.inventories.inventory_data` site out the way a
data hall is built: row A holds a patch rack (one core panel per server rack), the network
racks (switches, directors at their model's height) and a storage rack (cluster nodes,
arrays); row B the server racks, each with a panel at the top through which its hosts reach
the switches (host port -> server-rack panel -> trunk -> core panel -> switch). Every cable
is OM4 by policy; host ports run at 32 Gb/s. Deterministic, and valid: no ZP9xx errors.
"""

from __future__ import annotations

from typing import Any

from zoneplan.packs import pack_for

#: rack units a switch needs: its model's pack data, else 1
_HOSTS_PER_RACK = 16


def _height(sw: dict[str, Any], vendors: dict[str, str]) -> int:
    faceplates = pack_for(sw.get("vendor") or vendors[sw["fabric"]]).faceplates
    entry = faceplates.lookup(sw.get("model", "")) if faceplates is not None else None
    return entry.height if entry is not None else 1


def add_racks(data: dict[str, Any], *, hosts_per_rack: int = _HOSTS_PER_RACK) -> dict[str, Any]:
    """``data`` with racks, locations, patch panels and patched host runs (changed in place)."""
    site, room = "Generated site", "hall 2"
    racks: list[dict[str, Any]] = []
    panels: list[dict[str, Any]] = []

    def rack(name: str, row: str, position: int) -> str:
        racks.append({"name": name, "site": site, "room": room, "row": row, "position": position})
        return name

    hosts = data.get("hosts", [])
    server_racks = -(-len(hosts) // hosts_per_rack) if hosts else 0
    patch = rack("P01", "A", 1)
    vendors = {f["name"]: f["vendor"] for f in data["fabrics"]}
    position, used = 2, 0  # the first switch opens the first network rack
    current = ""
    for sw in data["switches"]:
        h = _height(sw, vendors)
        if used - h < 1:
            current = rack(f"N{position - 1:02d}", "A", position)
            position += 1
            used = 42
        used -= h
        sw["location"] = {"rack": current, "u": used + 1}
    storage = rack("ST1", "A", position)
    u = 40
    for node in (data.get("cluster") or {}).get("nodes", []):
        node["location"] = {"rack": storage, "u": u - 1, "height": 2}
        u -= 3
    for array in data.get("arrays", []):
        array["location"] = {"rack": storage, "u": u - 1, "height": 2}
        u -= 3
    ports_per_panel = 2 * hosts_per_rack
    for r in range(server_racks):
        name = rack(f"S{r + 1:02d}", "B", r + 1)
        panels.append(
            {
                "name": f"pp-s{r + 1:02d}",
                "ports": ports_per_panel,
                "location": {"rack": name, "u": 42},
            }
        )
        panels.append(
            {
                "name": f"pp-core-{r + 1:02d}",
                "ports": ports_per_panel,
                "location": {"rack": patch, "u": 41 - r},
            }
        )
    for i, host in enumerate(hosts):
        r, slot = divmod(i, hosts_per_rack)
        host["location"] = {"rack": f"S{r + 1:02d}", "u": 10 + slot}
        n = 0
        for hba in host["hbas"]:
            for port in hba["ports"]:
                if "switch" not in port:
                    continue
                n += 1
                k = 2 * slot + n
                port["speed"] = 32
                port["via"] = [
                    {"panel": f"pp-s{r + 1:02d}", "port": k, "cable": {"media": "OM4"}},
                    {"panel": f"pp-core-{r + 1:02d}", "port": k},
                ]
    if server_racks > 41:
        raise ValueError("more server racks than core panels fit in the patch rack")
    data["racks"] = racks
    data["patch_panels"] = panels
    data.setdefault("policy", {})["cabling"] = {"media": "OM4"}
    return data
