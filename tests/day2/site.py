"""A site for the day-2 scenarios: an inventory, two fabrics held by the oracle, the CLI.

A scenario is what an admin does: the fabric is in some state (built on the oracle, or left by
an earlier change), the inventory is edited, ``zoneplan plan INV --against CAP --out OUT`` is
run, the script of each fabric is pasted into a switch (the oracle, paste model), then the
rollback. This module holds the pieces; :mod:`tests.day2.test_catalogue` the scenarios.

The engine's interface used here, in one place (the engine engineer adjusts it when a name
changes): the inventory field ``fabrics[].zoning.config``, the flags in :data:`FLAGS`, the
finding codes in :data:`CODES`, and the files ``OUT/<fabric>/<fabric>.{precheck,script,
verify,rollback}.txt`` (:meth:`Site.script`).
"""

from __future__ import annotations

import copy
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer
from typer.testing import CliRunner

from tests.support.oracle import FosFabric, MdsFabric, run_script, snapshot, write_capture
from tests.support.oracle.common import ScriptRun
from tests.support.oracle.nxos import VsanZoning
from zoneplan.cli import app
from zoneplan.observed import Zone, ZoneDb

#: finding codes of the change rules (zoneplan/rules/change.py, engine branch)
CODES = {
    "no_observed_state": "ZP550",
    "capture_lacks_zoning": "ZP551",
    "zoning_busy": "ZP552",
    "config_not_in_effect": "ZP553",
    "no_config_in_effect": "ZP554",
    "pending_change": "ZP555",
    "foreign_object": "ZP556",
    "case_only_collision": "ZP557",
    "delete_on_unreliable_capture": "ZP558",
    "firmware_unknown": "ZP559",
    "firmware_too_old": "ZP560",
    "smart_zoning_enabled": "ZP561",
    "alias_kept": "ZP562",
    "no_ownership_record": "ZP563",
}
#: the plan command's flags for what a production fabric needs said explicitly
FLAGS = {
    "greenfield": "--greenfield",
    "enable_zoning": "--enable-zoning",
    "accept_pending": "--accept-pending",
    "allow_delete": "--allow-delete",
}
#: exit codes (docs: 0 clean, 1 error findings, 2 unusable input / refused)
EXIT_REFUSED = 2

runner = CliRunner()
#: the CLI as a click command, built once (typer rebuilds it on every invoke otherwise)
_COMMAND = typer.main.get_command(app)

# --------------------------------------------------------------------------- the inventory

HOSTS = ("esx01", "esx02", "sql01")
#: fixed WWPNs: host h, fabric side s (0 = A, 1 = B)
HOST_WWPN = {h: [f"10:00:00:90:fa:00:{i:02x}:{s:02x}" for s in (0, 1)] for i, h in enumerate(HOSTS)}
NODE_WWPN = {
    n: [f"21:00:00:24:ff:00:{i:02x}:{s:02x}" for s in (0, 1)]
    for i, n in enumerate(("san1", "san2"))
}
MIRROR_WWPN = {"san1": "21:00:00:24:ff:01:00:00", "san2": "21:00:00:24:ff:01:01:00"}
ARRAY_WWPN = ["20:00:00:d0:23:00:00:00", "20:00:00:d0:23:00:00:01"]
BACKEND_WWPN = {
    n: [f"21:00:00:24:ff:02:{i:02x}:{s:02x}" for s in (0, 1)]
    for i, n in enumerate(("san1", "san2"))
}


def switch_names(vendor: str, fabric: str, count: int = 1) -> list[str]:
    base = "f" if vendor == "brocade" else "mds-"
    return [f"{base}{fabric.lower()}{k}" for k in range(1, count + 1)]


def _port(vendor: str, n: int) -> str:
    return str(n) if vendor == "brocade" else f"fc1/{n + 1}"


def base_inventory(
    vendor: str,
    strategy: str = "sist",
    *,
    hosts: tuple[str, ...] = HOSTS[:2],
    switches_per_fabric: int = 1,
    firmware: str | None = None,
    backend: bool = False,
    configs: dict[str, str] | None = None,
    zone_modes: dict[str, str] | None = None,
) -> dict[str, Any]:
    """A small site: fabrics A and B of one vendor, a two-node cluster, ``hosts``.

    ``configs`` names the config in effect per fabric (``fabrics[].zoning.config``): the one
    the plan edits; ``zone_modes`` the Cisco zone mode a new fabric has
    (``fabrics[].zoning.mode``). Written only when the inventory model knows the field.
    """
    cisco = vendor == "cisco"
    fw = firmware or ("9.4(2a)" if cisco else "9.2.0a")
    model = "MDS 9148T" if cisco else "G620"
    fabrics = []
    for k, f in enumerate(("A", "B")):
        fab: dict[str, Any] = {"name": f, "vendor": vendor}
        if cisco:
            fab["vsan"] = 10 * (k + 1)
        if _model_has_zoning():
            zoning = {}
            if configs and f in configs:
                zoning["config"] = configs[f]
            if zone_modes and f in zone_modes:
                zoning["mode"] = zone_modes[f]
            if zoning:
                fab["zoning"] = zoning
        fabrics.append(fab)
    switches = []
    for k, f in enumerate(("A", "B")):
        for n, name in enumerate(switch_names(vendor, f, switches_per_fabric)):
            switches.append(
                {
                    "name": name,
                    "fabric": f,
                    "model": model,
                    "firmware": fw,
                    "domain_id": 10 * (k + 1) + n,
                    "ports": 48,
                }
            )
    isls = []
    for f in ("A", "B"):
        names = switch_names(vendor, f, switches_per_fabric)
        for a, b in zip(names, names[1:], strict=False):
            isls.append({"a": f"{a}:{_port(vendor, 40)}", "b": f"{b}:{_port(vendor, 40)}"})
    sw = {f: switch_names(vendor, f)[0] for f in ("A", "B")}
    nodes = []
    for i, (node, role) in enumerate((("san1", "active"), ("san2", "standby"))):
        other = "san2" if node == "san1" else "san1"
        hbas = [
            {
                "name": "hba0",
                "vendor": "qlogic",
                "ports": [
                    {
                        "name": f"p{s}",
                        "wwpn": NODE_WWPN[node][s],
                        "role": "target",
                        "switch": sw[f],
                        "port": _port(vendor, i),
                    }
                    for s, f in enumerate(("A", "B"))
                ],
            },
            {
                "name": "hba1",
                "vendor": "qlogic",
                "ports": [
                    {
                        "name": "p0",
                        "wwpn": MIRROR_WWPN[node],
                        "role": "mirror",
                        "peer": f"{other}/hba1/p0",
                    }
                ],
            },
        ]
        if backend:
            hbas.append(
                {
                    "name": "hba2",
                    "vendor": "qlogic",
                    "ports": [
                        {
                            "name": f"p{s}",
                            "wwpn": BACKEND_WWPN[node][s],
                            "role": "backend",
                            "switch": sw[f],
                            "port": _port(vendor, 20 + i),
                        }
                        for s, f in enumerate(("A", "B"))
                    ],
                }
            )
        entry: dict[str, Any] = {"name": node, "role": role, "hbas": hbas}
        if backend:
            entry["array"] = "raid1"
        nodes.append(entry)
    inv: dict[str, Any] = {
        "name": "day2",
        "fabrics": fabrics,
        "switches": switches,
        "isls": isls,
        "cluster": {"name": "cl1", "nodes": nodes},
        "hosts": [
            {
                "name": h,
                "os": "vmware",
                "hbas": [
                    {
                        "name": f"hba{s}",
                        "vendor": "emulex",
                        "ports": [
                            {
                                "name": "p0",
                                "wwpn": HOST_WWPN[h][s],
                                "switch": sw[f],
                                "port": _port(vendor, 10 + HOSTS.index(h)),
                            }
                        ],
                    }
                    for s, f in enumerate(("A", "B"))
                ],
            }
            for h in hosts
        ],
        "policy": {"strategy": strategy},
    }
    if backend:
        inv["arrays"] = [
            {
                "name": "raid1",
                "vendor": "Infortrend",
                "model": "GS 3025",
                "controllers": [
                    {
                        "name": "ctla",
                        "ports": [
                            {
                                "name": f"p{s}",
                                "wwpn": ARRAY_WWPN[s],
                                "switch": sw[f],
                                "port": _port(vendor, 30),
                            }
                            for s, f in enumerate(("A", "B"))
                        ],
                    }
                ],
            }
        ]
    return inv


def _model_has_zoning() -> bool:
    from zoneplan.model import Fabric

    return "zoning" in Fabric.model_fields


# --------------------------------------------------------------------------- the fabrics


def legacy_zoning(vendor: str, fabric: str) -> tuple[ZoneDb, dict[str, str]]:
    """The zoning a fabric had before zoneplan: config ``PROD_<F>`` with two foreign zones."""
    w = {
        "legacy_host": "50:00:00:00:00:00:01:01",
        "legacy_tape": "50:00:00:00:00:00:01:02",
        "legacy_array": "50:00:00:00:00:00:01:03",
    }
    zones = {
        "z_legacy_host_array": Zone("z_legacy_host_array", ["legacy_host", "legacy_array"]),
        "z_legacy_host_tape": Zone("z_legacy_host_tape", ["legacy_host", "legacy_tape"]),
    }
    cfg = f"PROD_{fabric}"
    if vendor == "brocade":
        db = ZoneDb(
            aliases={k: [v] for k, v in w.items()}, zones=zones, configs={cfg: sorted(zones)}
        )
        return db, {}
    db = ZoneDb(zones=zones, configs={cfg: sorted(zones)})
    return db, dict(w)


@dataclass
class PlanResult:
    """One ``zoneplan plan`` run: exit code, the JSON document, the output folder."""

    exit_code: int
    doc: dict[str, Any]
    out: Path
    output: str

    def codes(self, *severities: str) -> set[str]:
        return {
            f["code"]
            for f in self.doc.get("findings", [])
            if not severities or f.get("severity") in severities
        }

    def fabric(self, name: str) -> dict[str, Any]:
        return next(f for f in self.doc["plan"]["fabrics"] if f["fabric"] == name)


@dataclass
class Site:
    """Two fabrics (A, B) of one vendor on the oracle, and a folder for inventories, captures
    and the plan output."""

    tmp: Path
    vendor: str
    fabrics: dict[str, FosFabric | MdsFabric] = field(default_factory=dict)
    switches_per_fabric: int = 1
    runs: int = 0

    @classmethod
    def empty(
        cls,
        tmp: Path,
        vendor: str,
        *,
        zone_mode: str = "enhanced",
        da_mode: str = "enhanced",
        da_distribute: bool = True,
        firmware: str | None = None,
        switches_per_fabric: int = 1,
        extra_vsans: tuple[int, ...] = (),
    ) -> Site:
        site = cls(tmp, vendor, switches_per_fabric=switches_per_fabric)
        for k, f in enumerate(("A", "B")):
            names = switch_names(vendor, f, switches_per_fabric)
            if vendor == "brocade":
                site.fabrics[f] = FosFabric(switch=names[0], firmware=firmware or "9.2.0a")
            else:
                vsans = {10 * (k + 1): VsanZoning(10 * (k + 1), zone_mode)}
                for v in extra_vsans:
                    vsans[v + k] = VsanZoning(v + k, zone_mode)
                site.fabrics[f] = MdsFabric(
                    vsans,
                    switches=tuple(names),
                    da_mode=da_mode,
                    da_distribute=da_distribute,
                    firmware=firmware or "9.4(2a)",
                )
        return site

    @classmethod
    def brownfield(cls, tmp: Path, vendor: str, **kw: Any) -> Site:
        """Fabrics with the zoning they had before zoneplan: ``PROD_<F>`` in effect."""
        site = cls.empty(tmp, vendor, **kw)
        for f, _fab in site.fabrics.items():
            db, das = legacy_zoning(vendor, f)
            site.put(f, db, das, enable=f"PROD_{f}")
        return site

    # -- state ------------------------------------------------------------------------------
    def vsan(self, fabric: str) -> int:
        return 10 if fabric == "A" else 20

    def put(
        self,
        fabric: str,
        db: ZoneDb,
        device_aliases: dict[str, str] | None = None,
        *,
        enable: str | None = None,
        vsan: int | None = None,
    ) -> None:
        """Add objects to a fabric's committed zoning directly (what other admins did)."""
        fab = self.fabrics[fabric]
        if isinstance(fab, FosFabric):
            fab.defined.aliases.update({k: list(v) for k, v in db.aliases.items()})
            fab.defined.zones.update({k: copy.deepcopy(z) for k, z in db.zones.items()})
            fab.defined.configs.update({k: list(v) for k, v in db.configs.items()})
            if enable:
                got = fab.compile(fab.defined, enable)
                assert not isinstance(got, str), got
                fab.effective = got
            return
        v = vsan or self.vsan(fabric)
        full = fab.vsans[v].full
        full.fcaliases.update({k: list(x) for k, x in db.aliases.items()})
        for k, z in db.zones.items():
            members = ["fcalias " + m if m in full.fcaliases else m for m in z.members]
            full.zones[k] = Zone(k, members, [], "normal", dict(z.tags))
        full.zonesets.update({k: list(x) for k, x in db.configs.items()})
        for sw in fab.switches:
            fab.da[sw].update(device_aliases or {})
        if enable:
            got = fab.compile(full, enable)
            assert not isinstance(got, str), got
            fab.vsans[v].active = got

    def snapshot(self, fabric: str) -> str:
        return snapshot(self.fabrics[fabric])

    def snapshots(self) -> dict[str, str]:
        return {f: self.snapshot(f) for f in self.fabrics}

    def copy_state(self) -> dict[str, FosFabric | MdsFabric]:
        return copy.deepcopy(self.fabrics)

    # -- capture, plan, apply ------------------------------------------------------------
    def capture(
        self, *, vsans_read: dict[str, list[int]] | None = None, version: bool = True
    ) -> Path:
        """A capture folder of every switch, as ``zoneplan collect`` saves it (``vsans_read``:
        the VSANs whose zoning was read, per fabric; ``version``: the firmware read)."""
        self.runs += 1
        folder = self.tmp / f"cap{self.runs}"
        for f, fab in self.fabrics.items():
            names = switch_names(self.vendor, f, self.switches_per_fabric)
            vs = (vsans_read or {}).get(f)
            write_capture(fab, folder, names, vsans=vs, version=version)
        return folder

    def write_inventory(self, inv: dict[str, Any]) -> Path:
        """The inventory as a YAML file (written as JSON, which is YAML: fast to write)."""
        self.runs += 1
        path = self.tmp / f"inv{self.runs}.yaml"
        path.write_text(json.dumps(inv, indent=1) + "\n")
        return path

    def plan(
        self, inv: dict[str, Any], *flags: str, against: Path | None = None, out: Path | None = None
    ) -> PlanResult:
        """``zoneplan plan INV [--against CAP] --out OUT FLAGS --format json --force`` (each
        change replaces the last one in OUT, whose plan.json is the ownership record)."""
        path = self.write_inventory(inv)
        out = out or self.tmp / "out"
        args = ["plan", str(path), "--out", str(out), "--format", "json", "--force", *flags]
        if against is not None:
            args += ["--against", str(against)]
        with runner.isolation() as streams:
            try:
                _COMMAND.main(args=args, prog_name="zoneplan")
                code = 0
            except SystemExit as exc:  # typer.Exit ends every command this way
                code = exc.code if isinstance(exc.code, int) else 1
            sys.stdout.flush()
            sys.stderr.flush()
            text = streams[0].getvalue().decode()
            output = streams[2].getvalue().decode()
        start = text.find("{")
        doc = json.loads(text[start:]) if start >= 0 else {}
        return PlanResult(code, doc, out, output)

    def script(self, out: Path, fabric: str, kind: str = "script") -> str:
        return (out / fabric / f"{fabric}.{kind}.txt").read_text()

    def apply(self, fabric: str, text: str, *, user: str = "admin") -> ScriptRun:
        """Paste a script into the first switch of a fabric (the oracle's paste model)."""
        return run_script(self.fabrics[fabric].session(user), text)

    def apply_plan(self, result: PlanResult, kind: str = "script") -> None:
        for f in self.fabrics:
            self.apply(f, self.script(result.out, f, kind))
