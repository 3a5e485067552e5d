"""Synthetic inventories shaped for cabling plans: many switches, directors and edge switches.

Why not :mod:`zoneplan.samplegen`: that one packs hosts onto as few large switches as
possible (right for zoning benchmarks); a cabling plan has to be checked on the layouts that
make printing hard: 16 switches, director slots next to fixed 8-port groups, core-edge ISLs,
hundreds of hosts in the diagram. Deterministic: the same arguments give the same inventory.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from ..model import SwitchVendor
from ..packs import pack_for

_OS = (("esx", "vmware"), ("win", "windows"), ("lnx", "linux"), ("xen", "citrix-xen"))
_VENDORS = {"A": SwitchVendor.BROCADE, "B": SwitchVendor.CISCO}
_DIRECTOR_SLOTS = {
    SwitchVendor.BROCADE: {3: 48, 4: 48, 9: 48, 10: 48},
    SwitchVendor.CISCO: {1: 48, 2: 48, 3: 48, 4: 48},
}
_MODELS = {
    (SwitchVendor.BROCADE, True): "X6-4",
    (SwitchVendor.BROCADE, False): "G620",
    (SwitchVendor.CISCO, True): "MDS 9706",
    (SwitchVendor.CISCO, False): "MDS 9396T",
}


def _wwpn(prefix: str, n: int, port: int) -> str:
    return f"{prefix}:{(n >> 8) & 0xFF:02x}:{n & 0xFF:02x}:{port:02x}"


def synthetic_inventory(
    hosts: int = 500,
    *,
    switches_per_fabric: int = 8,
    directors: int = 2,
    name: str | None = None,
) -> dict[str, Any]:
    """An inventory as plain data (dump it with ``yaml.safe_dump``).

    Fabric A is Brocade, B is Cisco. The first ``directors`` switches of each fabric are
    directors (four 48-port slots) cabled core-edge to the fixed switches; the cluster and its
    arrays sit on the first two switches, hosts are spread round robin with one port per fabric.
    """
    spf = max(1, switches_per_fabric)
    directors = min(directors, spf) if spf > 1 else 0
    per_switch_hosts = -(-hosts // spf)
    data: dict[str, Any] = {
        "name": name or f"cabling-{2 * spf}sw-{hosts}h",
        "site": "Generated site, hall 2",
        "description": f"{2 * spf} switches, {hosts} hosts, two-node cluster",
        "fabrics": [
            {"name": "A", "vendor": "brocade", "description": "Fabric A", "color": "#1f6feb"},
            {
                "name": "B",
                "vendor": "cisco",
                "vsan": 20,
                "description": "Fabric B",
                "color": "#d1242f",
            },
        ],
        "switches": [],
        "isls": [],
    }
    free: dict[str, list[str]] = {}
    names: dict[str, list[str]] = {}
    for fab, vendor in _VENDORS.items():
        pack = pack_for(vendor)
        names[fab] = []
        for s in range(spf):
            director = s < directors
            sw = f"{fab.lower()}-sw{s + 1:02d}"
            names[fab].append(sw)
            entry: dict[str, Any] = {
                "name": sw,
                "fabric": fab,
                "model": _MODELS[(vendor, director)],
                "domain_id": (1 if fab == "A" else 101) + s,
                "location": f"R{10 + s:02d} U{40 if fab == 'A' else 38}",
            }
            if director:
                base = _DIRECTOR_SLOTS[vendor]
                need = -(-(per_switch_hosts + 16 + 2 * spf) // 48)
                numbers = list(base) + [max(base) + 1 + i for i in range(max(0, need - len(base)))]
                slots = {n: 48 for n in numbers}
                entry["director"] = True
                entry["slots"] = dict(slots)
                ports = pack.port_names(None, slots)
            else:
                need = per_switch_hosts + 8 + 2 * max(1, directors)
                count = max(24, -(-need // 8) * 8)
                entry["ports"] = count
                ports = pack.port_names(count)
            data["switches"].append(entry)
            free[sw] = list(ports)

    def take(sw: str, *, last: bool = False) -> str:
        return free[sw].pop() if last else free[sw].pop(0)

    def isl(a: str, b: str) -> None:
        data["isls"].append({"a": f"{a}:{take(a, last=True)}", "b": f"{b}:{take(b, last=True)}"})

    for fab in _VENDORS:
        sws = names[fab]
        if directors >= 2:
            isl(sws[0], sws[1])
            isl(sws[0], sws[1])
        if directors:
            for edge in sws[directors:]:
                for core in sws[:directors]:
                    isl(edge, core)
        else:
            for a, b in pairwise(sws):
                isl(a, b)

    def sw(fab: str, i: int) -> str:
        return names[fab][i % spf]

    nodes = []
    for n, (node, role, array) in enumerate(
        (("san1", "active", "raid1"), ("san2", "standby", "raid2"))
    ):
        other = "san2" if node == "san1" else "san1"
        ports = [
            {"name": "p0", "role": "target", "switch": sw("A", n), "port": take(sw("A", n))},
            {"name": "p1", "role": "target", "switch": sw("B", n), "port": take(sw("B", n))},
        ]
        for p in ports:
            p["wwpn"] = _wwpn("21:00:00:24:ff", 0x100 + n, int(p["name"][1]))
        nodes.append(
            {
                "name": node,
                "role": role,
                "array": array,
                "hbas": [
                    {"name": "hba0", "vendor": "qlogic", "model": "QLE2692", "ports": ports},
                    {
                        "name": "hba1",
                        "vendor": "qlogic",
                        "model": "QLE2692",
                        "ports": [
                            {
                                "name": f"p{k}",
                                "wwpn": _wwpn("21:00:00:24:ff", 0x110 + n, k),
                                "role": "mirror",
                                "peer": f"{other}/hba1/p{k}",
                                "cable": f"MIR-{k + 1:02d}",
                            }
                            for k in range(2)
                        ],
                    },
                    {
                        "name": "hba2",
                        "vendor": "qlogic",
                        "model": "QLE2692",
                        "ports": [
                            {
                                "name": f"p{k}",
                                "wwpn": _wwpn("21:00:00:24:ff", 0x120 + n, k),
                                "role": "backend",
                                "switch": sw(fab, n),
                                "port": take(sw(fab, n)),
                            }
                            for k, fab in enumerate(_VENDORS)
                        ],
                    },
                ],
            }
        )
    data["cluster"] = {"name": "cluster", "nodes": nodes}
    data["arrays"] = [
        {
            "name": f"raid{n + 1}",
            "vendor": "Infortrend",
            "model": "EonStor GS 3025",
            "controllers": [
                {
                    "name": ctl,
                    "ports": [
                        {
                            "name": f"p{k}",
                            "wwpn": _wwpn("20:00:00:d0:23", 0x200 + 2 * n + c, k),
                            "switch": sw(fab, n),
                            "port": take(sw(fab, n)),
                        }
                        for k, fab in enumerate(_VENDORS)
                    ],
                }
                for c, ctl in enumerate(("ctla", "ctlb"))
            ],
        }
        for n in range(2)
    ]
    data["hosts"] = []
    for i in range(hosts):
        prefix, os_name = _OS[i % len(_OS)]
        data["hosts"].append(
            {
                "name": f"{prefix}{i + 1:03d}",
                "os": os_name,
                "hbas": [
                    {
                        "name": "hba0",
                        "vendor": "emulex",
                        "model": "LPe32002",
                        "ports": [
                            {
                                "name": f"p{k}",
                                "wwpn": _wwpn("10:00:00:90:fa", 0x1000 + i, k),
                                "switch": sw(fab, i),
                                "port": take(sw(fab, i)),
                            }
                            for k, fab in enumerate(_VENDORS)
                        ],
                    }
                ],
            }
        )
    return data
