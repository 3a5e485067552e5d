"""Random physical details and awkward text on a generated inventory (for the round trips)."""

from __future__ import annotations

import random
from typing import Any

from zoneplan.model import DEVICE_PATHS, Connector, Media

#: free text a spreadsheet is tempted to misread: formulas, dates, numbers, line breaks
AWKWARD = (
    "=SUM(A1:A3)",
    "+49 69 1234",
    "@import",
    "-1",
    "1/2",
    "2024-01-02",
    "0042",
    "9.10",
    "line one\nline two",
    "tab\there",
    "Müller · Zürich ✓",
    "  padded  ",
    "TRUE",
    "quote \"double\" and 'single'",
)
COLORS = ("aqua", "erika-violet", "yellow", "orange", "lime", "blue")


def decorate(data: dict[str, Any], seed: int) -> dict[str, Any]:
    """``data`` (from tests.support.inventories) with racks, panels, locations, cable specs,
    hops, HBA slots, a cabling policy and awkward free text, all drawn from ``seed``."""
    rnd = random.Random(seed)
    text = lambda: rnd.choice(AWKWARD)  # noqa: E731
    racks = [
        {"name": f"R{i:02d}", "row": rnd.choice(["C", "D"]), "position": i, "height": 42}
        for i in range(1, rnd.randint(2, 4))
    ]
    if rnd.random() < 0.5:
        racks[0]["description"] = text()
        racks[0]["site"] = "DC 1"
    data["racks"] = racks
    panels = [
        {
            "name": f"pp{i}",
            "ports": 24,
            "location": {"rack": racks[i % len(racks)]["name"], "u": 42 - i, "side": "rear"},
        }
        for i in range(2)
    ]
    if rnd.random() < 0.5:
        panels[1]["fabric"] = "A"
        panels[1]["connector"] = "MPO-12"
    data["patch_panels"] = panels
    data["description"] = text()
    data.setdefault("fabrics", [])[0]["description"] = text()

    def location() -> dict[str, Any] | str:
        if rnd.random() < 0.2:
            return text().strip() or "note"  # the short form: a note
        loc: dict[str, Any] = {"rack": rnd.choice(racks)["name"], "u": rnd.randint(1, 40)}
        if rnd.random() < 0.3:
            loc["height"] = rnd.randint(1, 2)
        if rnd.random() < 0.3:
            loc["full_depth"] = rnd.random() < 0.5
        if rnd.random() < 0.3:
            loc["note"] = text()
        return loc

    for sw in data.get("switches", []):
        if rnd.random() < 0.7:
            sw["location"] = location()
        if rnd.random() < 0.3:
            sw["firmware"] = rnd.choice(["9.1", "8.2.3c", "9.3(2)", "0042"])
    used_panel_ports: set[tuple[str, int]] = set()

    def cable() -> dict[str, Any] | str:
        if rnd.random() < 0.2:
            return f"C-{rnd.randint(0, 99999):05d}"
        spec: dict[str, Any] = {}
        if rnd.random() < 0.6:
            spec["media"] = rnd.choice(list(Media)).value
        if rnd.random() < 0.4:
            spec["connector"] = rnd.choice(list(Connector)).value
        if rnd.random() < 0.5:
            spec["length"] = rnd.choice([0.5, 1, 2.5, 3.0, 7.5, 12.25, 100])
        if rnd.random() < 0.3:
            spec["color"] = rnd.choice(COLORS)
        if rnd.random() < 0.3:
            spec["id"] = f"X{rnd.randint(0, 9999)}"
        return spec

    def via() -> list[dict[str, Any]]:
        hops = []
        for _ in range(rnd.randint(1, 2)):
            panel = rnd.choice(panels)["name"]
            port = rnd.randint(1, 24)
            if (panel, port) in used_panel_ports:
                continue
            used_panel_ports.add((panel, port))
            hop: dict[str, Any] = {"panel": panel, "port": port}
            if rnd.random() < 0.5:
                hop["cable"] = cable()
            hops.append(hop)
        return hops

    devices = []
    if data.get("cluster"):
        devices += [("node", n) for n in data["cluster"]["nodes"]]
    devices += [("array", a) for a in data.get("arrays", [])]
    devices += [("host", h) for h in data.get("hosts", [])]
    for kind, dev in devices:
        if rnd.random() < 0.7:
            dev["location"] = location()
        if kind == "host" and rnd.random() < 0.3:
            dev["description"] = text()
        for hba in dev[DEVICE_PATHS[kind][1]]:
            if rnd.random() < 0.4:
                hba["slot"] = rnd.choice(["PCIe 3", "mezz 1", "1", "slot/2"])
            if rnd.random() < 0.3:
                hba["model"] = text().replace("\n", " ").replace("\t", " ")
            for port in hba["ports"]:
                if rnd.random() < 0.5:
                    port["cable"] = cable()
                if rnd.random() < 0.3:
                    port["via"] = via()
                if rnd.random() < 0.3:
                    port["speed"] = rnd.choice([8, 16, 32, 64])
    for isl in data.get("isls", []):
        if rnd.random() < 0.5:
            isl["cable"] = cable()
        if rnd.random() < 0.3:
            isl["via"] = via()
    policy = data.setdefault("policy", {})
    if rnd.random() < 0.5:
        policy["cabling"] = {
            "slack": rnd.choice([0, 0.25, 1]),
            "lengths": sorted(rnd.sample([0.5, 1, 2, 3, 5, 10, 20], 3)),
            "media": "OM4",
        }
    if rnd.random() < 0.5:
        policy["severity"] = {"ZP402": "off", "ZP9": "warning"}
        policy["suppress"] = [{"code": "ZP201", "subject": "host*", "reason": text() + " ok"}]
        policy["naming"] = {"zone": "z_{initiator}_{target}"}
    return data
