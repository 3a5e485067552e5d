"""The one random-inventory generator of the tests and benchmarks.

:func:`inventory_data` builds a valid inventory (plain data, what a YAML file would hold) from
:class:`InventoryParams`. Property tests draw the parameters with hypothesis
(:mod:`tests.support.strategies`); the details come from a seeded ``random.Random``, so every
example is reproducible from its parameters. It deliberately produces awkward cases: names that
sanitise to the same string, names too long for a switch, split fabrics, mirror ports through
switches, kept zones.

The same builder makes the layouts a printed cabling plan has to cope with
(:func:`cabling_inventory`): many switches per fabric, chassis directors with 48-port blades
cabled core-edge, devices spread round robin, every host on both fabrics, cable labels, models
and locations.

``zoneplan sample`` (:mod:`zoneplan.samplegen`) is the product's generator of large, clean
inventories; the benchmarks use it directly.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from zoneplan.model import Inventory
from zoneplan.packs import pack_for

__all__ = ["InventoryParams", "cabling_inventory", "inventory_data", "random_inventory"]

_OS = ("vmware", "windows", "linux", "citrix-xen", "macos-xsan")
#: host name prefix and OS of the hosts of a described (cabling) inventory, in turn
_OS_NAMED = (("esx", "vmware"), ("win", "windows"), ("lnx", "linux"), ("xen", "citrix-xen"))
#: blade slots of a chassis director as each vendor numbers them (X6-4: 3, 4, 9, 10 beside the
#: core blades; MDS 9706: line cards 1-4)
_DIRECTOR_SLOTS = {"brocade": (3, 4, 9, 10), "cisco": (1, 2, 3, 4)}
_MODELS = {
    ("brocade", True): "X6-4",
    ("brocade", False): "G620",
    ("cisco", True): "MDS 9706",
    ("cisco", False): "MDS 9396T",
}
_COLOURS = {"A": "#1f6feb", "B": "#d1242f"}
_CONTROLLERS = ("ctla", "ctlb", "ctlc", "ctld")


@dataclass(frozen=True)
class InventoryParams:
    """The shape of a random inventory; everything else follows from ``seed``."""

    hosts: int = 3
    vendor_a: str = "brocade"
    vendor_b: str = "cisco"
    switches_a: int = 1
    switches_b: int = 1
    isl_a: bool = True  #: with several switches: ISL-connected (False: separate segments)
    isl_b: bool = True
    san1_targets: int = 2  #: target ports of the active node per fabric
    san2_targets: int = 1
    mirror_via_switch: bool = False
    backend: bool = True
    directors: bool = False  #: every fixed switch flagged a director
    odd_names: bool = False  #: host names with '-' and '.', some colliding after sanitising
    long_names: bool = False  #: host and HBA names long enough to need truncation
    existing_zone: bool = False
    strategy: str = "sist"
    seed: int = 0
    # the layouts of a printed cabling plan (the defaults give the small random sites above)
    chassis: int = 0  #: the first N switches of a fabric are bladed directors, cabled core-edge
    round_robin: bool = False  #: devices go to the switches in turn, hosts on both fabrics
    mirror_links: int = 1  #: direct mirror links between the nodes
    controllers: int = 1  #: controllers per array
    described: bool = False  #: site text, models, locations, colours, cable labels, OS-named hosts


class _Alloc:
    def __init__(self) -> None:
        self.n = 0

    def wwpn(self, prefix: str) -> str:
        self.n += 1
        t = f"{self.n:06x}"
        return f"{prefix}:{t[0:2]}:{t[2:4]}:{t[4:6]}"


def _switches(
    p: InventoryParams, data: dict[str, Any], free: dict[str, list[str]]
) -> dict[str, list[str]]:
    """Fabrics, switches and ISLs into ``data``; the free port names of each switch into ``free``."""
    fabrics = {"A": (p.vendor_a, p.switches_a, p.isl_a), "B": (p.vendor_b, p.switches_b, p.isl_b)}
    names: dict[str, list[str]] = {}
    domain = 1
    for fab, (vendor, count, isl) in fabrics.items():
        entry: dict[str, Any] = {"name": fab, "vendor": vendor}
        if vendor == "cisco":
            entry["vsan"] = 10 if fab == "A" else 20
        if p.described:
            entry.update(description=f"Fabric {fab}", color=_COLOURS[fab])
        data["fabrics"].append(entry)
        pack = pack_for(vendor)
        chassis = min(p.chassis, count) if count > 1 else 0
        per_switch = -(-p.hosts // count)
        names[fab] = []
        for i in range(count):
            name = f"{fab.lower()}sw{i + 1}"
            names[fab].append(name)
            sw: dict[str, Any] = {"name": name, "fabric": fab, "domain_id": domain}
            domain += 1
            if i < chassis:
                base = _DIRECTOR_SLOTS[vendor]
                need = -(-(per_switch + 16 + 2 * count) // 48)
                extra = [max(base) + 1 + k for k in range(max(0, need - len(base)))]
                slots = {n: 48 for n in (*base, *extra)}
                sw.update(director=True, slots=slots)
                free[name] = pack.port_names(None, slots)
            else:
                if p.round_robin:
                    size = max(24, -(-(per_switch + 8 + 2 * max(1, chassis)) // 8) * 8)
                else:
                    size = max(48, 2 * p.hosts + 16)
                sw.update(ports=size, director=p.directors)
                free[name] = pack.port_names(size)
            if p.described:
                sw["model"] = _MODELS[(vendor, i < chassis)]
                sw["location"] = f"R{10 + i:02d} U{40 if fab == 'A' else 38}"
            data["switches"].append(sw)

        def link(a: str, b: str) -> None:
            data["isls"].append({"a": f"{a}:{free[a].pop()}", "b": f"{b}:{free[b].pop()}"})

        sws = names[fab]
        if chassis:
            if chassis >= 2:
                link(sws[0], sws[1])
                link(sws[0], sws[1])
            for edge in sws[chassis:]:
                for core in sws[:chassis]:
                    link(edge, core)
        elif isl:
            for a, b in pairwise(sws):
                link(a, b)
    return names


def inventory_data(p: InventoryParams) -> dict[str, Any]:
    """The inventory as plain data (dump it with ``yaml.safe_dump``)."""
    rnd = random.Random(p.seed)
    alloc = _Alloc()
    data: dict[str, Any] = {
        "name": "random-site",
        "fabrics": [],
        "switches": [],
        "isls": [],
        "policy": {"strategy": p.strategy},
    }
    if p.described:
        total = p.switches_a + p.switches_b
        data.update(
            name=f"cabling-{total}sw-{p.hosts}h",
            site="Generated site, hall 2",
            description=f"{total} switches, {p.hosts} hosts, two-node cluster",
        )
    free: dict[str, list[str]] = {}
    switches = _switches(p, data, free)
    fabrics = tuple(switches)

    def cable(fab: str, i: int | None = None, *, first: bool = False) -> dict[str, str]:
        """The next free port of a switch: the first one, the ``i``-th in turn, or at random."""
        if first:
            sw = switches[fab][0]
        elif i is None:
            sw = rnd.choice(switches[fab])
        else:
            sw = switches[fab][i % len(switches[fab])]
        return {"switch": sw, "port": free[sw].pop(0)}

    def turn(i: int) -> int | None:
        return i if p.round_robin else None

    hba_model = {"model": "QLE2692"} if p.described else {}
    nodes = []
    for k, (name, role, targets, array) in enumerate(
        (("san1", "active", p.san1_targets, "raid1"), ("san2", "standby", p.san2_targets, "raid2"))
    ):
        hbas = []
        tports = [
            {
                "name": f"{fab.lower()}{t}",
                "wwpn": alloc.wwpn("21:00:00:24:ff"),
                "role": "target",
                **cable(fab, turn(k)),
            }
            for fab in fabrics
            for t in range(targets)
        ]
        if tports:
            hbas.append({"name": "hba0", "vendor": "qlogic", **hba_model, "ports": tports})
        other = "san2" if k == 0 else "san1"
        if p.mirror_via_switch:
            mports = [
                {
                    "name": f"p{i}",
                    "wwpn": alloc.wwpn("21:00:00:24:ff"),
                    "role": "mirror",
                    **cable(fab, first=True),
                }
                for i, fab in enumerate(fabrics)
            ]
        else:
            mports = [
                {
                    "name": f"p{i}",
                    "wwpn": alloc.wwpn("21:00:00:24:ff"),
                    "role": "mirror",
                    "peer": f"{other}/hba1/p{i}",
                    **({"cable": f"MIR-{i + 1:02d}"} if p.described else {}),
                }
                for i in range(p.mirror_links)
            ]
        hbas.append({"name": "hba1", "vendor": "qlogic", **hba_model, "ports": mports})
        if p.backend:
            hbas.append(
                {
                    "name": "hba2",
                    "vendor": "qlogic",
                    **hba_model,
                    "ports": [
                        {
                            "name": f"p{i}",
                            "wwpn": alloc.wwpn("21:00:00:24:ff"),
                            "role": "backend",
                            **cable(fab, k, first=not p.round_robin),
                        }
                        for i, fab in enumerate(fabrics)
                    ],
                }
            )
        node: dict[str, Any] = {"name": name, "role": role, "hbas": hbas}
        if p.backend:
            node = {"name": name, "role": role, "array": array, "hbas": hbas}
        nodes.append(node)
    data["cluster"] = {"name": "cl1", "nodes": nodes}
    if p.backend:
        data["arrays"] = [
            {
                "name": a,
                **({"vendor": "Infortrend", "model": "EonStor GS 3025"} if p.described else {}),
                "controllers": [
                    {
                        "name": ctl,
                        "ports": [
                            {
                                "name": f"p{i}",
                                "wwpn": alloc.wwpn("20:00:00:d0:23"),
                                **cable(fab, n, first=not p.round_robin),
                            }
                            for i, fab in enumerate(fabrics)
                        ],
                    }
                    for ctl in _CONTROLLERS[: p.controllers]
                ],
            }
            for n, a in enumerate(("raid1", "raid2"))
        ]
    data["hosts"] = [_host(p, h, rnd, alloc, cable, turn) for h in range(p.hosts)]
    _dedupe_names(data["hosts"])
    if p.existing_zone and data["hosts"]:
        _existing_zone(data, nodes)
    return data


def _host(p: InventoryParams, h: int, rnd: random.Random, alloc: _Alloc, cable, turn) -> dict:  # noqa: ANN001
    if p.described:
        prefix, os_name = _OS_NAMED[h % len(_OS_NAMED)]
        ports = [
            {"name": f"p{i}", "wwpn": alloc.wwpn("10:00:00:90:fa"), **cable(fab, turn(h))}
            for i, fab in enumerate(("A", "B"))
        ]
        hba = {"name": "hba0", "vendor": "emulex", "model": "LPe32002", "ports": ports}
        return {"name": f"{prefix}{h + 1:03d}", "os": os_name, "hbas": [hba]}
    if p.odd_names:
        name = rnd.choice([f"esx-{h // 2}", f"esx_{h // 2}", f"db.{h // 2}", f"db_{h // 2}"])
    elif p.long_names:
        name = f"host{h:03d}-" + "x" * rnd.randint(20, 40)
    else:
        name = f"host{h:03d}"
    if p.long_names:
        hba_name = "hba-adapter-" + "y" * 20
    elif p.odd_names:
        hba_name = "fc-0"
    else:
        hba_name = rnd.choice(["hba0", "vmhba2", "fc-0"])
    used = rnd.choice([("A", "B"), ("A", "B"), ("A", "B"), ("A",), ("B",)])
    if p.round_robin:
        used = ("A", "B")
    prefix = rnd.choice(["21:00:00:24:ff", "10:00:00:90:fa"])
    ports = [
        {"name": f"p{i}", "wwpn": alloc.wwpn(prefix), **cable(fab, turn(h))}
        for i, fab in enumerate(used)
    ]
    return {"name": name, "os": rnd.choice(_OS), "hbas": [{"name": hba_name, "ports": ports}]}


def _dedupe_names(hosts: list[dict[str, Any]]) -> None:
    """A drawn name that an earlier host already has gets ``x<index>`` appended."""
    seen: set[str] = set()
    for h, host in enumerate(hosts):
        if host["name"] in seen:
            host["name"] = f"{host['name']}x{h}"
        seen.add(host["name"])


def _existing_zone(data: dict[str, Any], nodes: list[dict[str, Any]]) -> None:
    """A kept zone of the first host's first port and a target of the active node."""
    first = data["hosts"][0]["hbas"][0]["ports"][0]
    fab = "A" if first["switch"].startswith("a") else "B"
    target = next(
        (
            t
            for hba in nodes[0]["hbas"]
            for t in hba["ports"]
            if t.get("role") == "target" and t.get("switch", "").startswith(fab.lower())
        ),
        None,
    )
    if target is not None:
        data["existing_zones"] = [
            {"name": "legacy_zone", "fabric": fab, "members": [first["wwpn"], target["wwpn"]]}
        ]


def random_inventory(p: InventoryParams) -> Inventory:
    """A valid random inventory (pydantic-validated) for the given parameters."""
    return Inventory.model_validate(inventory_data(p))


def cabling_inventory(
    hosts: int = 500, *, switches_per_fabric: int = 8, directors: int = 2, racks: bool = False
) -> dict[str, Any]:
    """The layout that makes printing a cabling plan hard, as plain data.

    Fabric A is Brocade, B is Cisco. The first ``directors`` switches of each fabric are
    chassis directors (48-port blades) cabled core-edge to the fixed switches; the cluster and
    its arrays sit on the first two switches, hosts are spread round robin with one port per
    fabric. With ``racks``, everything has its rack and unit and the hosts reach the switches
    through patch panels (:func:`tests.support.racks.add_racks`). Deterministic: the same
    arguments give the same inventory.
    """
    spf = max(1, switches_per_fabric)
    data = inventory_data(
        InventoryParams(
            hosts=hosts,
            switches_a=spf,
            switches_b=spf,
            san1_targets=1,
            san2_targets=1,
            chassis=directors,
            round_robin=True,
            mirror_links=2,
            controllers=2,
            described=True,
        )
    )
    if racks:
        from .racks import add_racks

        add_racks(data)
    return data
