"""A site for ``zoneplan apply`` tests: two fabrics on the zoning oracle, served over real SSH.

:class:`ApplyLab` builds the day-2 site (:mod:`tests.day2.site`: fabrics A and B of one
vendor, brownfield zoning ``PROD_A``/``PROD_B`` in effect), serves each switch as an
:class:`~tests.support.ssh_switch.EmulatedSwitch` that applies what it receives through the
oracle, writes an inventory whose ``mgmt`` addresses point at them, captures the fabrics,
plans the inventory against the capture, and runs ``zoneplan apply`` (the library call or the
CLI) with the lab's credentials and known_hosts.
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

from tests.day2.site import PlanResult, Site, base_inventory, switch_names
from tests.support.ssh_switch import EmulatedSwitch, EmulatorThread, outputs_from_state
from zoneplan.apply import ApplyOptions, ApplyRun, apply_change
from zoneplan.cli import app
from zoneplan.live.credentials import CredentialStore
from zoneplan.observed import SwitchIdentity, SwitchState

PASSWORD = "lab-pw-7f3a"
PROFILE = "lab"
ENV = {"ZONEPLAN_LAB_USER": "admin", "ZONEPLAN_LAB_PASSWORD": PASSWORD}
_COMMAND = typer.main.get_command(app)


def _outputs(name: str, vendor: str, vsan: int | None) -> dict[str, str]:
    """The non-zoning reads of an empty switch (switchshow, nsshow, flogi...)."""
    st = SwitchState(identity=SwitchIdentity(name=name, domain=1), vendor=vendor)
    return outputs_from_state(st, vsans=[vsan] if vsan else None)


@dataclass
class ApplyLab:
    tmp: Path
    vendor: str
    site_kw: dict[str, Any] = field(default_factory=dict)
    hosts: tuple[str, ...] = ("esx01", "esx02")

    def __post_init__(self) -> None:
        self.site = Site.brownfield(self.tmp, self.vendor, **self.site_kw)
        self.switches: dict[str, EmulatedSwitch] = {}
        for f, fab in self.site.fabrics.items():
            for name in switch_names(self.vendor, f):
                vsan = self.site.vsan(f) if self.vendor == "cisco" else None
                self.switches[f] = EmulatedSwitch(
                    name,
                    self.vendor,
                    _outputs(name, self.vendor, vsan),
                    password=PASSWORD,
                    fabric=fab,
                )
        self.known_hosts = self.tmp / "known_hosts"
        self.inventory: Path | None = None
        self.out = self.tmp / "chg"
        self._thread: EmulatorThread | None = None

    # -- lifecycle --------------------------------------------------------------------------
    def __enter__(self) -> ApplyLab:
        self._thread = EmulatorThread(list(self.switches.values()))
        self._thread.__enter__()
        self.known_hosts.write_text("".join(s.public_key_line for s in self.switches.values()))
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._thread is not None
        self._thread.__exit__(*exc)

    # -- the admin's steps --------------------------------------------------------------------
    def inventory_data(self, **kw: Any) -> dict[str, Any]:
        inv = base_inventory(self.vendor, hosts=self.hosts, **kw)
        by_name = {s.name: s for s in self.switches.values()}
        for sw in inv["switches"]:
            sw["mgmt"] = f"127.0.0.1:{by_name[sw['name']].port}"
            sw["credentials"] = PROFILE
        return inv

    def plan(self, *flags: str, inv: dict[str, Any] | None = None) -> PlanResult:
        """Capture both fabrics, plan the inventory against the capture into ``chg/``."""
        data = inv or self.inventory_data()
        cap = self.site.capture()
        result = self.site.plan(data, *flags, against=cap, out=self.out)
        self.inventory = self.site.tmp / f"inv{self.site.runs}.yaml"
        assert result.exit_code in (0, 1), result.output
        return result

    def options(self, fabric: str = "A", **kw: Any) -> ApplyOptions:
        assert self.inventory is not None
        store = CredentialStore(
            environ=ENV, interactive=False, path=self.tmp / "no-credentials.yaml"
        )
        base: dict[str, Any] = dict(
            change_dir=self.out,
            fabric=fabric,
            inventory=self.inventory,
            known_hosts=self.known_hosts,
            yes=True,
            store=store,
            connect_timeout=5.0,
            command_timeout=20.0,
        )
        base.update(kw)
        return ApplyOptions(**base)

    def apply(self, fabric: str = "A", **kw: Any) -> ApplyRun:
        return apply_change(self.options(fabric, **kw))

    def cli(self, *args: str) -> tuple[int, dict[str, Any], str]:
        """``zoneplan apply chg ARGS --inventory INV --known-hosts KH --format json``."""
        return self.zoneplan("apply", str(self.out), "--inventory", str(self.inventory), *args)

    def zoneplan(self, *args: str) -> tuple[int, dict[str, Any], str]:
        """``zoneplan ARGS --known-hosts KH --format json`` with the lab's credentials."""
        argv = [*args, "--known-hosts", str(self.known_hosts), "--format", "json"]
        runner = CliRunner()
        with runner.isolation(env=ENV) as streams:
            try:
                _COMMAND.main(args=argv, prog_name="zoneplan")
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
            sys.stdout.flush()
            sys.stderr.flush()
            text = streams[0].getvalue().decode()
            err = streams[2].getvalue().decode()
        start = text.find("{")
        doc = json.loads(text[start:]) if start >= 0 else {}
        return code, doc, err

    # -- what the fabric holds ------------------------------------------------------------------
    def snapshot(self, fabric: str) -> str:
        return self.site.snapshot(fabric)

    def copy_state(self) -> dict[str, Any]:
        return copy.deepcopy(self.site.fabrics)


# --------------------------------------------------------------------------- planted faults


def _reads(vendor: str):  # noqa: ANN202
    from tests.support.ssh_switch import _READS

    return _READS[vendor]


def on_change_command(sw: EmulatedSwitch, k: int, act) -> None:  # noqa: ANN001
    """Call ``act(n, command, sw)`` just before the k-th change command (not a read, 1-based)
    the switch receives from now on."""
    reads = _reads(sw.vendor)
    seen = [0]

    def hook(n: int, cmd: str, switch: EmulatedSwitch) -> None:
        if not cmd or cmd.startswith(("#", "!")) or reads.match(cmd):
            return
        seen[0] += 1
        if seen[0] == k:
            act(n, cmd, switch)

    sw.before_command = hook


def fail_at(sw: EmulatedSwitch, k: int, text: str = "") -> None:
    """The k-th change command is refused with ``text`` (the vendor's generic error)."""
    on_change_command(sw, k, lambda n, cmd, s: s.error_at.__setitem__(n, text))  # type: ignore[attr-defined]


def drop_at(sw: EmulatedSwitch, k: int) -> None:
    """The connection is cut right after the k-th change command ran."""
    on_change_command(sw, k, lambda n, cmd, s: setattr(s, "drop_after", n))
