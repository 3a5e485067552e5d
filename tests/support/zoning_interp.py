"""The zoning interpreter of the hardening tests, now a thin view of :mod:`tests.support.oracle`.

Why it stays: the apply → rollback property tests of issue 8 (``tests/hardening``) build a
:class:`ZoningSwitch`, edit its databases directly and run whole scripts on it. It is one zone
server: a Brocade fabric, or one VSAN of a one-switch Cisco fabric (zone mode enhanced,
device-alias mode enhanced with distribution enabled, as the scripts of issue 8 assumed). A
script runs as an admin typing one command at a time who answers every question ``y``
(``paste=False``); the day-2 tests (``tests/day2``) use the oracle directly, with the paste
model and every mode.

Everything the switch does — refusals, messages, transactions, sessions — is the oracle's;
this module only adapts names. A script must leave nothing pending: an open FOS transaction,
an uncommitted zone session or device-alias session at its end is an error.
"""

from __future__ import annotations

from zoneplan.observed import Zone, ZoneDb

from .oracle import CommandRejected, RefusedCommand, ZoningScriptError, run_script
from .oracle.common import MAX_LINES
from .oracle.export import observed_zonedb
from .oracle.fos import FosFabric
from .oracle.nxos import MdsFabric, VsanZoning

__all__ = [
    "ZoningScriptError",
    "CommandRejected",
    "RefusedCommand",
    "ZoningSwitch",
    "FORBIDDEN_COMMANDS",
    "MAX_LINES",
]

#: commands that clear or disable zoning: a zoneplan script must never contain them
FORBIDDEN_COMMANDS = ("cfgclear", "cfgdisable", "clear zone database", "clear zone lock")


#: the one allowance made for the scripts of issue 8: they tag smart-zoning members ``init``
#: (the oracle wants Cisco's proven ``initiator``); remove once the change engine of issue 11
#: emits the full keyword (the day-2 tests run the oracle without it)
_LEGACY_NXOS = {"tag_prefixes": True}


class ZoningSwitch:
    """One zone server and its state (``vendor`` ``brocade`` or ``cisco``)."""

    def __init__(self, vendor: str, vsan: int | None = None, smart_zoning: bool = False) -> None:
        if vendor not in ("brocade", "cisco"):
            raise ValueError(f"unknown vendor {vendor!r}")
        self.vendor = vendor
        self.vsan = vsan
        self.commands: list[str] = []
        if vendor == "brocade":
            self.fabric: FosFabric | MdsFabric = FosFabric()
        else:
            v = vsan or 1
            self.fabric = MdsFabric({v: VsanZoning(v, "enhanced")}, **_LEGACY_NXOS)
            self.fabric.vsans[v].full.smart = smart_zoning

    # -- the databases, as the hardening tests edit them ---------------------------------
    def _vz(self) -> VsanZoning:
        assert isinstance(self.fabric, MdsFabric)
        return self.fabric.vsans[self.vsan or 1]

    @property
    def aliases(self) -> dict[str, list[str]]:
        if isinstance(self.fabric, FosFabric):
            return self.fabric.defined.aliases
        return self._vz().full.fcaliases

    @aliases.setter
    def aliases(self, value: dict[str, list[str]]) -> None:
        if isinstance(self.fabric, FosFabric):
            self.fabric.defined.aliases = value
        else:
            self._vz().full.fcaliases = value

    @property
    def zones(self) -> dict[str, Zone]:
        if isinstance(self.fabric, FosFabric):
            return self.fabric.defined.zones
        return self._vz().full.zones

    @zones.setter
    def zones(self, value: dict[str, Zone]) -> None:
        if isinstance(self.fabric, FosFabric):
            self.fabric.defined.zones = value
        else:
            self._vz().full.zones = value

    @property
    def configs(self) -> dict[str, list[str]]:
        if isinstance(self.fabric, FosFabric):
            return self.fabric.defined.configs
        return self._vz().full.zonesets

    @configs.setter
    def configs(self, value: dict[str, list[str]]) -> None:
        if isinstance(self.fabric, FosFabric):
            self.fabric.defined.configs = value
        else:
            self._vz().full.zonesets = value

    @property
    def effective(self) -> ZoneDb | None:
        return self.fabric.effective if isinstance(self.fabric, FosFabric) else self._vz().active

    @effective.setter
    def effective(self, value: ZoneDb | None) -> None:
        if isinstance(self.fabric, FosFabric):
            self.fabric.effective = value
        else:
            self._vz().active = value

    @property
    def device_aliases(self) -> dict[str, str]:
        if isinstance(self.fabric, FosFabric):
            return {}
        return self.fabric.device_aliases()

    @property
    def smart_zoning(self) -> bool:
        return False if isinstance(self.fabric, FosFabric) else self._vz().full.smart

    @property
    def saved(self) -> bool:
        if isinstance(self.fabric, FosFabric):
            return self.fabric.saved
        return not self.fabric.unsaved

    # -- construction / export -------------------------------------------------------------
    @classmethod
    def from_state(
        cls,
        vendor: str,
        defined: ZoneDb | None,
        effective: ZoneDb | None,
        device_aliases: dict[str, str] | None = None,
        *,
        vsan: int | None = None,
        smart_zoning: bool = False,
    ) -> ZoningSwitch:
        """A switch holding copies of the given databases (the inputs are not modified)."""
        sw = cls(vendor, vsan=vsan, smart_zoning=smart_zoning)
        if vendor == "brocade":
            sw.fabric = FosFabric(defined, effective)
        else:
            v = vsan or 1
            sw.fabric = MdsFabric.from_state(
                {v: (defined, effective)}, device_aliases, smart={v: smart_zoning}, **_LEGACY_NXOS
            )
        return sw

    def defined_db(self) -> ZoneDb:
        """The defined database in listing order (names and members sorted)."""
        if isinstance(self.fabric, FosFabric):
            return self.fabric.defined_zonedb()
        return observed_zonedb(self.fabric, self.vsan or 1)

    def effective_db(self) -> ZoneDb:
        """The effective database (empty, ``effective`` None, when nothing is in effect)."""
        if isinstance(self.fabric, FosFabric):
            return self.fabric.effective_zonedb()
        db = observed_zonedb(self.fabric, self.vsan or 1, active=True)
        das = self.fabric.device_aliases()
        for z in db.zones.values():  # what the zone server enforces: device-aliases followed
            z.members = sorted(das.get(m, m) for m in z.members)
            z.tags = {das.get(m, m): t for m, t in z.tags.items()}
        return db

    def device_alias_db(self) -> dict[str, str]:
        """Device-aliases in listing order."""
        das = self.device_aliases
        return {k: das[k] for k in sorted(das)}

    def _enable(self, cfg: str, n: int, line: str) -> None:
        """Put a defined cfg / zoneset in effect directly (test setup, not a command)."""
        if isinstance(self.fabric, FosFabric):
            got = self.fabric.compile(self.fabric.defined, cfg)
        else:
            got = self.fabric.compile(self._vz().full, cfg)
        if isinstance(got, str):
            raise CommandRejected(n, line, got)
        self.effective = got

    # -- running ------------------------------------------------------------------------------
    def run(self, script: str) -> list[str]:
        """Run a whole script; return the commands run. Raises at the first failing line."""
        session = self.fabric.session("admin")
        run = run_script(session, script, paste=False)
        self.commands += [c.strip() for c in run.commands() if c.strip()]
        last = len(script.splitlines())
        if isinstance(self.fabric, FosFabric):
            if self.fabric.own("admin") is not None:
                raise CommandRejected(last, "", "script ends with an open zoning transaction")
        else:
            if self.fabric.da_session is not None:
                raise CommandRejected(last, "", "script ends with uncommitted device-alias changes")
            if any(vz.session is not None for vz in self.fabric.vsans.values()):
                raise CommandRejected(last, "", "script ends with an uncommitted zone session")
        return list(self.commands)
