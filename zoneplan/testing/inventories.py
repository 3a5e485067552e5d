"""Inventory generators for tests and benchmarks.

* :func:`random_inventory` builds a random but *valid* :class:`~zoneplan.model.Inventory` from
  :class:`InventoryParams` (property tests draw the parameters with hypothesis; the details
  come from a seeded ``random.Random``, so every example is reproducible from its parameters).
  It deliberately produces awkward cases: names that sanitise to the same string, names too
  long for a switch, split fabrics, mirror ports through switches, kept zones.
* :func:`generate_inventory_yaml` is the large, clean YAML inventory used by benchmarks and by
  ``zoneplan sample`` (it lives in :mod:`zoneplan.samplegen`; re-exported here).

Why in the package and not in ``tests/``: the benchmarks and the CLI use them too. Nothing here
imports hypothesis.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from ..model import Inventory
from ..samplegen import generate_inventory_yaml as _generate

__all__ = ["InventoryParams", "random_inventory", "inventory_data", "generate_inventory_yaml"]

_OS = ("vmware", "windows", "linux", "citrix-xen", "macos-xsan")


def generate_inventory_yaml(
    hosts: int, vendor_a: str = "brocade", vendor_b: str = "cisco", seed: int = 0
) -> str:
    """A clean dual-fabric inventory with ``hosts`` clients (2 initiators each), as YAML."""
    return _generate(hosts, vendor_a=vendor_a, vendor_b=vendor_b, seed=seed)


@dataclass(frozen=True)
class InventoryParams:
    """The shape of a random inventory; everything else follows from ``seed``."""

    hosts: int = 3
    vendor_a: str = "brocade"
    vendor_b: str = "cisco"
    switches_a: int = 1
    switches_b: int = 1
    isl_a: bool = True  #: with two switches: ISL-connected (False: two segments)
    isl_b: bool = True
    san1_targets: int = 2  #: target ports of the active node per fabric
    san2_targets: int = 1
    mirror_via_switch: bool = False
    backend: bool = True
    directors: bool = False
    odd_names: bool = False  #: host names with '-' and '.', some colliding after sanitising
    long_names: bool = False  #: host and HBA names long enough to need truncation
    existing_zone: bool = False
    strategy: str = "sist"
    seed: int = 0


class _Alloc:
    def __init__(self) -> None:
        self.n = 0

    def wwpn(self, prefix: str) -> str:
        self.n += 1
        t = f"{self.n:06x}"
        return f"{prefix}:{t[0:2]}:{t[2:4]}:{t[4:6]}"


def inventory_data(p: InventoryParams) -> dict[str, Any]:
    """The inventory as plain data (what a YAML file would hold)."""
    rnd = random.Random(p.seed)
    alloc = _Alloc()
    fabrics = {"A": (p.vendor_a, p.switches_a, p.isl_a), "B": (p.vendor_b, p.switches_b, p.isl_b)}
    switches: dict[str, list[str]] = {}
    next_port: dict[str, int] = {}
    size = max(48, 2 * p.hosts + 16)
    data: dict[str, Any] = {
        "name": "random-site",
        "fabrics": [],
        "switches": [],
        "isls": [],
        "policy": {"strategy": p.strategy},
    }
    domain = 1
    for fab, (vendor, count, isl) in fabrics.items():
        entry: dict[str, Any] = {"name": fab, "vendor": vendor}
        if vendor == "cisco":
            entry["vsan"] = 10 if fab == "A" else 20
        data["fabrics"].append(entry)
        names = []
        for i in range(count):
            name = f"{fab.lower()}sw{i + 1}"
            names.append(name)
            data["switches"].append(
                {
                    "name": name,
                    "fabric": fab,
                    "domain_id": domain,
                    "ports": size,
                    "director": p.directors,
                }
            )
            next_port[name] = 0
            domain += 1
        switches[fab] = names
        if count == 2 and isl:
            data["isls"].append(
                {
                    "a": f"{names[0]}:{_pname(vendor, size - 1)}",
                    "b": f"{names[1]}:{_pname(vendor, size - 1)}",
                }
            )

    def cable(fab: str, switch: str | None = None) -> dict[str, str]:
        vendor = fabrics[fab][0]
        sw = switch or rnd.choice(switches[fab])
        port = next_port[sw]
        next_port[sw] += 1
        return {"switch": sw, "port": _pname(vendor, port)}

    nodes = []
    for k, (name, role, targets, array) in enumerate(
        (("san1", "active", p.san1_targets, "raid1"), ("san2", "standby", p.san2_targets, "raid2"))
    ):
        hbas = []
        tports = []
        for fab in fabrics:
            for t in range(targets):
                tports.append(
                    {
                        "name": f"{fab.lower()}{t}",
                        "wwpn": alloc.wwpn("21:00:00:24:ff"),
                        "role": "target",
                        **cable(fab),
                    }
                )
        if tports:
            hbas.append({"name": "hba0", "vendor": "qlogic", "ports": tports})
        other = "san2" if k == 0 else "san1"
        if p.mirror_via_switch:
            mports = [
                {
                    "name": f"p{i}",
                    "wwpn": alloc.wwpn("21:00:00:24:ff"),
                    "role": "mirror",
                    **cable(fab, switches[fab][0]),
                }
                for i, fab in enumerate(fabrics)
            ]
        else:
            mports = [
                {
                    "name": "p0",
                    "wwpn": alloc.wwpn("21:00:00:24:ff"),
                    "role": "mirror",
                    "peer": f"{other}/hba1/p0",
                }
            ]
        hbas.append({"name": "hba1", "vendor": "qlogic", "ports": mports})
        if p.backend:
            hbas.append(
                {
                    "name": "hba2",
                    "vendor": "qlogic",
                    "ports": [
                        {
                            "name": f"p{i}",
                            "wwpn": alloc.wwpn("21:00:00:24:ff"),
                            "role": "backend",
                            **cable(fab, switches[fab][0]),
                        }
                        for i, fab in enumerate(fabrics)
                    ],
                }
            )
        nodes.append(
            {"name": name, "role": role, "array": array if p.backend else None, "hbas": hbas}
        )
    if not p.backend:
        for n in nodes:
            del n["array"]
    data["cluster"] = {"name": "cl1", "nodes": nodes}
    if p.backend:
        data["arrays"] = [
            {
                "name": a,
                "controllers": [
                    {
                        "name": "ctla",
                        "ports": [
                            {
                                "name": f"p{i}",
                                "wwpn": alloc.wwpn("20:00:00:d0:23"),
                                **cable(fab, switches[fab][0]),
                            }
                            for i, fab in enumerate(fabrics)
                        ],
                    }
                ],
            }
            for a in ("raid1", "raid2")
        ]
    hosts = []
    for h in range(p.hosts):
        if p.odd_names:
            name = rnd.choice([f"esx-{h // 2}", f"esx_{h // 2}", f"db.{h // 2}", f"db_{h // 2}"])
        elif p.long_names:
            name = f"host{h:03d}-" + "x" * rnd.randint(20, 40)
        else:
            name = f"host{h:03d}"
        if any(x["name"] == name for x in hosts):
            name = f"{name}x{h}"
        if p.long_names:
            hba = "hba-adapter-" + "y" * 20
        elif p.odd_names:
            hba = "fc-0"
        else:
            hba = rnd.choice(["hba0", "vmhba2", "fc-0"])
        used = rnd.choice([("A", "B"), ("A", "B"), ("A", "B"), ("A",), ("B",)])
        prefix = rnd.choice(["21:00:00:24:ff", "10:00:00:90:fa"])
        ports = [
            {"name": f"p{i}", "wwpn": alloc.wwpn(prefix), **cable(fab)}
            for i, fab in enumerate(used)
        ]
        hosts.append({"name": name, "os": rnd.choice(_OS), "hbas": [{"name": hba, "ports": ports}]})
    data["hosts"] = hosts
    if p.existing_zone and hosts:
        first = hosts[0]["hbas"][0]["ports"][0]
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
                {
                    "name": "legacy_zone",
                    "fabric": fab,
                    "members": [first["wwpn"], target["wwpn"]],
                }
            ]
    return data


def random_inventory(p: InventoryParams) -> Inventory:
    """A valid random inventory (pydantic-validated) for the given parameters."""
    return Inventory.model_validate(inventory_data(p))


def _pname(vendor: str, i: int) -> str:
    return f"fc1/{i + 1}" if vendor == "cisco" else str(i)
