"""Plan test helpers: load a sample into a topology, render a plan into a dict of files."""

from __future__ import annotations

from pathlib import Path

from zoneplan.loader import load_inventory
from zoneplan.plan import build_plan
from zoneplan.render import render_plan
from zoneplan.topology import Topology, build_topology

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
PLAN_SAMPLES = ("euronas-cluster", "brocade-only", "cisco-only", "mirror-via-switch")
STRATEGIES = ("sist", "simt", "peer", "smart")
FORBIDDEN = ("cfgclear", "cfgdisable", "clear zone database", "clear zone lock", "clear zone")


def topology_of(path: Path | str) -> Topology:
    res = load_inventory(path)
    assert res.inventory is not None, [f.parsable() for f in res.findings]
    topo = build_topology(res.inventory, res.source)
    assert not topo.findings, [f.parsable() for f in topo.findings]
    return topo


def rendered_files(topo: Topology, strategy: str | None = None) -> dict[str, str]:
    """{relative path: text} exactly as ``zoneplan plan --greenfield`` writes them."""
    from zoneplan.workflows.plan import ARTEFACTS, greenfield_changes, plan_json

    plan = build_plan(topo, strategy)
    changes = greenfield_changes(plan, topo)
    out = {}
    for r in render_plan(plan, changes):
        texts = r.artefacts()
        for kind in ARTEFACTS:
            rel = f"{r.fabric}/{r.fabric}.{kind}.txt"
            r.change.files[kind] = rel
            out[rel] = texts[kind]
    out["plan.json"] = plan_json(plan)
    return out


def script_lines(text: str, comment: str) -> list[str]:
    """Command lines of a script (comments and blank lines dropped)."""
    return [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith(comment)]


def _swap_port(port: object, to: str, slotted: bool) -> str:
    """A switch port name in the other vendor's spelling (fixed ports or director slots)."""
    text = str(port)
    if to == "cisco":
        if slotted:
            slot, p = text.split("/")
            return f"fc{slot}/{int(p) + 1}"
        return f"fc1/{int(text) + 1}"
    slot, p = text.removeprefix("fc").split("/")
    return f"{slot}/{int(p) - 1}" if slotted else str(int(p) - 1)


def swapped_topology(path: Path | str) -> Topology:
    """The inventory with every fabric in the other vendor's dialect (ports respelled).

    Why: each sample's golden scripts then exist in both dialects, whatever vendors it names.
    """
    import yaml

    from zoneplan.model import Inventory

    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    vendor_of: dict[str, str] = {}
    for i, fab in enumerate(data["fabrics"]):
        new = "cisco" if fab["vendor"] == "brocade" else "brocade"
        fab["vendor"] = new
        if new == "cisco":
            fab["vsan"] = 100 + i
        else:
            fab.pop("vsan", None)
        vendor_of[fab["name"]] = new
    sw_vendor: dict[str, tuple[str, bool]] = {}
    for sw in data.get("switches", []):
        sw_vendor[sw["name"]] = (vendor_of[sw["fabric"]], bool(sw.get("slots")))
        sw.pop("vendor", None)
        if isinstance(sw.get("ports"), list):
            sw["ports"] = [_swap_port(p, *sw_vendor[sw["name"]]) for p in sw["ports"]]
    for isl in data.get("isls", []):
        for side in ("a", "b"):
            sw, port = isl[side].split(":")
            isl[side] = f"{sw}:{_swap_port(port, *sw_vendor[sw])}"

    def ports(hbas: list) -> None:
        for hba in hbas:
            for p in hba["ports"]:
                if "switch" in p:
                    p["port"] = _swap_port(p["port"], *sw_vendor[p["switch"]])

    for node in (data.get("cluster") or {}).get("nodes", []):
        ports(node["hbas"])
    for array in data.get("arrays", []):
        ports(array["controllers"])
    for host in data.get("hosts", []):
        ports(host["hbas"])
    topo = build_topology(Inventory.model_validate(data))
    assert not topo.findings, [f.parsable() for f in topo.findings]
    return topo
