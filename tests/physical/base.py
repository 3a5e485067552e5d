"""A small, valid inventory the physical tests and the ZP9xx rule examples start from."""

from __future__ import annotations

import copy
from typing import Any

BASE: dict[str, Any] = {
    "name": "physical-base",
    "fabrics": [
        {"name": "A", "vendor": "brocade"},
        {"name": "B", "vendor": "cisco", "vsan": 20},
    ],
    "switches": [
        {"name": "sw-a1", "fabric": "A", "model": "G620", "domain_id": 1, "ports": 48},
        {"name": "sw-b1", "fabric": "B", "model": "MDS 9148T", "domain_id": 2, "ports": 48},
    ],
    "cluster": {
        "name": "c1",
        "nodes": [
            {
                "name": "san1",
                "role": "active",
                "hbas": [
                    {
                        "name": "hba0",
                        "vendor": "qlogic",
                        "ports": [
                            {
                                "name": "p0",
                                "wwpn": "21:00:00:24:ff:00:00:01",
                                "role": "target",
                                "switch": "sw-a1",
                                "port": 0,
                            },
                            {
                                "name": "p1",
                                "wwpn": "21:00:00:24:ff:00:00:02",
                                "role": "target",
                                "switch": "sw-b1",
                                "port": "fc1/1",
                            },
                        ],
                    },
                    {
                        "name": "hba1",
                        "vendor": "qlogic",
                        "ports": [
                            {
                                "name": "p0",
                                "wwpn": "21:00:00:24:ff:00:01:01",
                                "role": "mirror",
                                "peer": "san2/hba1/p0",
                            },
                        ],
                    },
                ],
            },
            {
                "name": "san2",
                "role": "standby",
                "hbas": [
                    {
                        "name": "hba0",
                        "vendor": "qlogic",
                        "ports": [
                            {
                                "name": "p0",
                                "wwpn": "21:00:00:24:ff:00:00:11",
                                "role": "target",
                                "switch": "sw-a1",
                                "port": 1,
                            },
                            {
                                "name": "p1",
                                "wwpn": "21:00:00:24:ff:00:00:12",
                                "role": "target",
                                "switch": "sw-b1",
                                "port": "fc1/2",
                            },
                        ],
                    },
                    {
                        "name": "hba1",
                        "vendor": "qlogic",
                        "ports": [
                            {
                                "name": "p0",
                                "wwpn": "21:00:00:24:ff:00:01:11",
                                "role": "mirror",
                                "peer": "san1/hba1/p0",
                            },
                        ],
                    },
                ],
            },
        ],
    },
    "hosts": [
        {
            "name": "esx01",
            "os": "vmware",
            "hbas": [
                {
                    "name": "hba0",
                    "ports": [
                        {
                            "name": "p0",
                            "wwpn": "10:00:00:90:fa:00:00:01",
                            "switch": "sw-a1",
                            "port": 8,
                        },
                    ],
                },
                {
                    "name": "hba1",
                    "ports": [
                        {
                            "name": "p0",
                            "wwpn": "10:00:00:90:fa:00:00:02",
                            "switch": "sw-b1",
                            "port": "fc1/8",
                        },
                    ],
                },
            ],
        }
    ],
}


def merged(base: Any, extra: Any) -> Any:
    """``extra`` laid over ``base``: mappings merge key by key, lists of named mappings merge
    by ``name`` (new names are appended), anything else is replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            out[k] = merged(base[k], v) if k in base else copy.deepcopy(v)
        return out
    if (
        isinstance(base, list)
        and isinstance(extra, list)
        and all(isinstance(x, dict) and "name" in x for x in [*base, *extra])
    ):
        out_list = [copy.deepcopy(x) for x in base]
        index = {x["name"]: i for i, x in enumerate(out_list)}
        for x in extra:
            if x["name"] in index:
                out_list[index[x["name"]]] = merged(out_list[index[x["name"]]], x)
            else:
                out_list.append(copy.deepcopy(x))
        return out_list
    return copy.deepcopy(extra)


def inventory(extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """The base inventory with ``extra`` merged over it."""
    return merged(BASE, extra or {})
