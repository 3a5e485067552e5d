"""A small production site for the change engine's own day-2 tests (``test_engine_*``).

The sample inventory ``samples/euronas-cluster.yaml``: fabric A is Brocade (switches sw-a1,
sw-a2), fabric B is Cisco VSAN 20 (mds-b1, mds-b2), so one scenario runs in both dialects. The
fabrics are held by the oracle (``tests.support.oracle``); ``zoneplan plan`` runs through the
CLI exactly as an admin runs it, its scripts are pasted into the oracle (the paste model), and
``snapshot`` compares states byte for byte as ``show`` prints them.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from tests.support.oracle import FosFabric, MdsFabric, run_script, snapshot, write_capture
from tests.support.oracle.nxos import VsanZoning
from tests.support.paths import SAMPLES
from zoneplan.cli import app

SAMPLE = yaml.safe_load((SAMPLES / "euronas-cluster.yaml").read_text(encoding="utf-8"))
FOS_SWITCHES = ["sw-a1", "sw-a2"]
MDS_SWITCHES = ("mds-b1", "mds-b2")
VSAN = 20
runner = CliRunner()


def inventory(**edits: Any) -> dict[str, Any]:
    """The sample as data, with top-level keys replaced."""
    data = copy.deepcopy(SAMPLE)
    data.update(edits)
    return data


def without_host(data: dict[str, Any], host: str) -> dict[str, Any]:
    out = copy.deepcopy(data)
    out["hosts"] = [h for h in out["hosts"] if h["name"] != host]
    return out


def host_port(data: dict[str, Any], host: str, fabric: str) -> dict[str, Any]:
    """The first port of ``host`` cabled to a switch of ``fabric`` (edit it in place)."""
    switches = {s["name"]: s["fabric"] for s in data["switches"]}
    for h in data["hosts"]:
        if h["name"] != host:
            continue
        for hba in h["hbas"]:
            for p in hba["ports"]:
                if switches.get(p.get("switch")) == fabric:
                    return p
    raise KeyError((host, fabric))


@dataclass
class Run:
    """One ``zoneplan plan`` run: exit code, the JSON report, the folder written."""

    exit_code: int
    report: dict[str, Any]
    out: Path
    output: str

    def codes(self, severity: str | None = None) -> set[str]:
        return {
            f["code"]
            for f in self.report.get("findings", [])
            if severity is None or f["severity"] == severity
        }

    def text(self, fabric: str, kind: str = "script") -> str:
        return (self.out / fabric / f"{fabric}.{kind}.txt").read_text(encoding="utf-8")

    def plan(self) -> dict[str, Any]:
        return json.loads((self.out / "plan.json").read_text(encoding="utf-8"))

    def change(self, fabric: str) -> dict[str, Any]:
        return next(c for c in self.plan()["changes"] if c["fabric"] == fabric)


@dataclass
class Site:
    """Both fabrics on the oracle, and a work folder for inventories, captures and plans."""

    root: Path
    fos: FosFabric = field(default_factory=lambda: FosFabric(switch=FOS_SWITCHES[0]))
    mds: MdsFabric = field(
        default_factory=lambda: MdsFabric({VSAN: VsanZoning(VSAN, "basic")}, switches=MDS_SWITCHES)
    )
    n: int = 0
    show_vsan: bool = True  #: capture ``show vsan`` (every VSAN of the switches read)
    version: bool = True  #: capture ``version`` / ``show version`` (the firmware read)

    def __post_init__(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)

    def fabric(self, name: str) -> FosFabric | MdsFabric:
        return self.fos if name == "A" else self.mds

    def capture(self) -> Path:
        """The fabrics as ``zoneplan collect`` saves them."""
        self.n += 1
        cap = self.root / f"cap{self.n}"
        write_capture(self.fos, cap, FOS_SWITCHES, version=self.version)
        write_capture(
            self.mds, cap, list(MDS_SWITCHES), show_vsan=self.show_vsan, version=self.version
        )
        if self.show_vsan:
            for sw in MDS_SWITCHES:
                (cap / sw / "show_vsan.txt").write_text(
                    "".join(
                        f"vsan {v} information\n         name:VSAN{v:04d}  state:active\n"
                        "         interoperability mode:default\n"
                        "         loadbalancing:src-id/dst-id/oxid\n"
                        "         operational state:up\n\n"
                        for v in sorted(self.mds.vsans)
                    )
                )
        return cap

    def plan(
        self,
        data: dict[str, Any],
        *flags: str,
        against: bool = True,
        out: str = "out",
    ) -> Run:
        """``zoneplan plan INV [--against CAP] --out OUT FLAGS -f json --force``: each change
        replaces the last one in OUT (whose plan.json is the ownership record), as an admin
        replanning into one change folder does."""
        self.n += 1
        inv = self.root / f"inv{self.n}.yaml"
        inv.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        args = ["plan", str(inv), "--out", str(self.root / out), "-f", "json", "--force", *flags]
        if against:
            args += ["--against", str(self.capture())]
        r = runner.invoke(app, args)
        try:
            report = json.loads(r.output)
        except ValueError:
            report = {}
        return Run(r.exit_code, report, self.root / out, r.output)

    def paste(self, fabric: str, text: str) -> None:
        """Paste a file into one switch of the fabric, as an admin does."""
        f = self.fabric(fabric)
        run_script(f.session("admin"), text)

    def state(self, fabric: str) -> str:
        return snapshot(self.fabric(fabric))

    def greenfield(self, data: dict[str, Any] | None = None, *flags: str) -> Run:
        """Plan both fabrics as new and apply the scripts: zoneplan's own zoning in production."""
        run = self.plan(data or inventory(), "--greenfield", *flags, against=False)
        assert run.exit_code == 0, run.output
        for f in ("A", "B"):
            self.paste(f, run.text(f))
        return run
