"""An interpreter of the zoning commands zoneplan's scripts emit, applied to an observed state.

Why: a generated script is only proven by running it. Real switches are not available in CI,
so this module executes the Brocade FOS and Cisco MDS NX-OS zoning commands that the packs'
templates can emit, with the switch's semantics, against a :class:`ZoningSwitch` (defined and
effective :class:`~zoneplan.observed.ZoneDb`, Cisco device-alias database, smart-zoning flag):

* FOS: one namespace for alias, zone and cfg names (a name is rejected if *any* object holds it,
  compared case-insensitively, as FOS does); unknown names and duplicate members are errors;
  removing the last member of an alias, zone or cfg deletes it (FOS behaviour); an object still
  referenced (an alias in a zone, a zone in a cfg) cannot be deleted; ``cfgenable`` copies the
  cfg into the effective database with aliases resolved to WWPNs.
* NX-OS: modes (exec, ``configure terminal``, ``device-alias database``, ``zone name``,
  ``zoneset name``; an unknown sub-mode line falls back to the configuration mode as NX-OS
  does); a pWWN maps to at most one device-alias; device-alias changes wait for
  ``device-alias commit`` and zone changes for ``zone commit vsan N`` (enhanced mode): a script
  that ends with either pending is an error; smart-zoning tags need smart zoning enabled.

A command the switch would reject raises :class:`CommandRejected` (line number, command, the
switch's message): the scripts tell the admin to stop at the first error, so the interpreter
stops too. Commands that clear or disable zoning (``cfgclear``, ``cfgdisable``,
``clear zone database``, ``clear zone lock``) raise :class:`RefusedCommand`: zoneplan must never
emit them. Any line that is not one of the known command shapes is rejected, so the
interpreter doubles as a whitelist of what a script may contain.

The state is exported (:meth:`ZoningSwitch.defined_db`, :meth:`ZoningSwitch.effective_db`) in
the switch's own listing order (names sorted, members sorted), not in command order: the
database is a set of objects, and equal sets must render to equal bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zoneplan.observed import Zone, ZoneDb
from zoneplan.wwn import is_wwn, normalize_wwn

__all__ = [
    "ZoningScriptError",
    "CommandRejected",
    "RefusedCommand",
    "ZoningSwitch",
    "FORBIDDEN_COMMANDS",
]

#: commands that clear or disable zoning: a zoneplan script must never contain them
FORBIDDEN_COMMANDS = ("cfgclear", "cfgdisable", "clear zone database", "clear zone lock")

#: bound on the lines one script may hold (a runaway template is an error, not a hang)
MAX_LINES = 2_000_000


class ZoningScriptError(Exception):
    """A script line the switch would not run. ``line`` is 1-based."""

    def __init__(self, line: int, command: str, message: str) -> None:
        super().__init__(f"line {line}: {command!r}: {message}")
        self.line = line
        self.command = command
        self.message = message


class CommandRejected(ZoningScriptError):
    """The switch answers with an error (unknown name, duplicate, bad syntax, wrong mode)."""


class RefusedCommand(ZoningScriptError):
    """A command that clears or disables zoning: never acceptable in a zoneplan script."""


_Q = r'"([^"\n]*)"'  # one FOS quoted argument (no quote inside: the pack's token rule)
_FOS = {
    "alicreate": re.compile(rf"^alicreate\s+{_Q}\s*,\s*{_Q}$"),
    "aliadd": re.compile(rf"^aliadd\s+{_Q}\s*,\s*{_Q}$"),
    "aliremove": re.compile(rf"^aliremove\s+{_Q}\s*,\s*{_Q}$"),
    "alidelete": re.compile(rf"^alidelete\s+{_Q}$"),
    "peercreate": re.compile(
        rf"^zonecreate\s+--peerzone\s+{_Q}\s+-principal\s+{_Q}(?:\s+-members\s+{_Q})?$"
    ),
    "peeredit": re.compile(
        rf"^zone(add|remove)\s+--peerzone\s+{_Q}\s+-(principal|members)\s+{_Q}$"
    ),
    "zonecreate": re.compile(rf"^zonecreate\s+{_Q}\s*,\s*{_Q}$"),
    "zoneadd": re.compile(rf"^zoneadd\s+{_Q}\s*,\s*{_Q}$"),
    "zoneremove": re.compile(rf"^zoneremove\s+{_Q}\s*,\s*{_Q}$"),
    "zonedelete": re.compile(rf"^zonedelete\s+{_Q}$"),
    "cfgcreate": re.compile(rf"^cfgcreate\s+{_Q}\s*,\s*{_Q}$"),
    "cfgadd": re.compile(rf"^cfgadd\s+{_Q}\s*,\s*{_Q}$"),
    "cfgremove": re.compile(rf"^cfgremove\s+{_Q}\s*,\s*{_Q}$"),
    "cfgdelete": re.compile(rf"^cfgdelete\s+{_Q}$"),
    "cfgenable": re.compile(rf"^cfgenable\s+{_Q}$"),
    "cfgsave": re.compile(r"^cfgsave$"),
    "cfgtransshow": re.compile(r"^cfgtransshow$"),
}
#: a FOS object name: letters, digits, '_', '-', '^' (what FOS accepts; 64 characters max)
_FOS_NAME = re.compile(r"^[A-Za-z0-9_^-]{1,64}$")
_FOS_DI = re.compile(r"^\d{1,3},\d{1,5}$")

_N = r"(\S+)"
_V = r"(\d{1,4})"
_CISCO_CONFIG = {
    "da_db": re.compile(r"^device-alias database$"),
    "da_commit": re.compile(r"^device-alias commit$"),
    "zone": re.compile(rf"^zone name {_N} vsan {_V}$"),
    "no_zone": re.compile(rf"^no zone name {_N} vsan {_V}$"),
    "zoneset": re.compile(rf"^zoneset name {_N} vsan {_V}$"),
    "no_zoneset": re.compile(rf"^no zoneset name {_N} vsan {_V}$"),
    "activate": re.compile(rf"^zoneset activate name {_N} vsan {_V}$"),
    "commit": re.compile(rf"^zone commit vsan {_V}$"),
    "smart": re.compile(rf"^zone smart-zoning enable vsan {_V}$"),
}
_CISCO_DA = {
    "add": re.compile(rf"^device-alias name {_N} pwwn {_N}$"),
    "del": re.compile(rf"^no device-alias name {_N}$"),
}
_CISCO_MEMBER = re.compile(rf"^(no )?member (device-alias|pwwn) {_N}(?: (init|target|both))?$")
_CISCO_ZS_MEMBER = re.compile(rf"^(no )?member {_N}$")
#: NX-OS names: letters, digits, '_', '-', '$', '^' (device-alias / zone / zoneset), 64 max
_CISCO_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_$^-]{0,63}$")


def _match(table: dict[str, re.Pattern[str]], line: str) -> tuple[str, re.Match[str]] | None:
    """The first command shape of ``table`` that matches the whole line."""
    for kind, rx in table.items():
        m = rx.match(line)
        if m:
            return kind, m
    return None


def _fold(name: str) -> str:
    return name.lower()


@dataclass
class ZoningSwitch:
    """One zone server: a Brocade fabric, or one VSAN of a Cisco fabric, and its state.

    ``vendor`` is ``brocade`` or ``cisco``; ``vsan`` is the Cisco VSAN the state belongs to
    (commands for another VSAN are rejected: the scripts address exactly one).
    """

    vendor: str
    vsan: int | None = None
    aliases: dict[str, list[str]] = field(default_factory=dict)
    zones: dict[str, Zone] = field(default_factory=dict)
    configs: dict[str, list[str]] = field(default_factory=dict)
    effective: ZoneDb | None = None
    device_aliases: dict[str, str] = field(default_factory=dict)
    smart_zoning: bool = False
    commands: list[str] = field(default_factory=list)  #: every command run, in order
    saved: bool = False  #: cfgsave / copy running-config startup-config ran

    # -- construction / export ---------------------------------------------------------
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
        sw = cls(vendor=vendor, vsan=vsan, smart_zoning=smart_zoning)
        if defined is not None:
            sw.aliases = {k: list(v) for k, v in defined.aliases.items()}
            sw.zones = {k: _copy_zone(z) for k, z in defined.zones.items()}
            sw.configs = {k: list(v) for k, v in defined.configs.items()}
        if effective is not None and effective.effective is not None:
            sw.effective = ZoneDb(
                zones={k: _copy_zone(z) for k, z in effective.zones.items()},
                configs={k: list(v) for k, v in effective.configs.items()},
                effective=effective.effective,
            )
        sw.device_aliases = dict(device_aliases or {})
        return sw

    def defined_db(self) -> ZoneDb:
        """The defined database in listing order (names and members sorted)."""
        return ZoneDb(
            aliases={k: sorted(self.aliases[k]) for k in sorted(self.aliases, key=_fold)},
            zones={k: _sorted_zone(self.zones[k]) for k in sorted(self.zones, key=_fold)},
            configs={
                k: sorted(self.configs[k], key=_fold) for k in sorted(self.configs, key=_fold)
            },
            effective=self.effective.effective if self.effective is not None else None,
        )

    def effective_db(self) -> ZoneDb:
        """The effective database (empty, ``effective`` None, when nothing is in effect)."""
        if self.effective is None:
            return ZoneDb()
        e = self.effective
        return ZoneDb(
            zones={k: _sorted_zone(e.zones[k]) for k in sorted(e.zones, key=_fold)},
            configs={k: sorted(v, key=_fold) for k, v in e.configs.items()},
            effective=e.effective,
        )

    def device_alias_db(self) -> dict[str, str]:
        """Device-aliases in listing order."""
        return {k: self.device_aliases[k] for k in sorted(self.device_aliases, key=_fold)}

    # -- running ------------------------------------------------------------------------
    def run(self, script: str) -> list[str]:
        """Run a whole script; return the commands run. Raises at the first failing line."""
        lines = script.splitlines()
        if len(lines) > MAX_LINES:
            raise CommandRejected(MAX_LINES, "", "script too long")
        if self.vendor == "brocade":
            for n, raw in enumerate(lines, 1):
                self._brocade(n, raw)
        elif self.vendor == "cisco":
            self._cisco_script(lines)
        else:
            raise ValueError(f"unknown vendor {self.vendor!r}")
        return list(self.commands)

    # -- shared checks ------------------------------------------------------------------
    @staticmethod
    def _refuse_forbidden(n: int, line: str) -> None:
        low = " ".join(line.lower().split())
        for bad in FORBIDDEN_COMMANDS:
            if low == bad or low.startswith(bad + " "):
                raise RefusedCommand(n, line, f"{bad}: zoneplan must never clear or disable zoning")

    # -- Brocade FOS --------------------------------------------------------------------
    def _owner(self, name: str) -> str | None:
        f = _fold(name)
        for kind, table in (("alias", self.aliases), ("zone", self.zones), ("cfg", self.configs)):
            if any(_fold(k) == f for k in table):
                return kind
        return None

    def _brocade(self, n: int, raw: str) -> None:
        line = raw.strip()
        if not line or line.startswith("#"):
            return
        if any(c in line for c in "\r\0\u2028\u2029\x0b\x0c"):
            raise CommandRejected(n, line, "control character in a command line")
        self._refuse_forbidden(n, line)
        found = _match(_FOS, line)
        if found is None:
            raise CommandRejected(n, line, "not a zoning command zoneplan emits (syntax error)")
        kind, m = found
        self.commands.append(line)
        g = m.groups()
        err = _Fos(self, n, line)
        if kind == "cfgtransshow":
            return
        if kind == "cfgsave":
            self.saved = True
            return
        if kind == "alicreate":
            err.create("alias", g[0])
            members = err.members(g[1], wwn_or_di=True)
            self.aliases[g[0]] = members
        elif kind == "aliadd":
            a = err.get(self.aliases, g[0], "alias")
            for mem in err.members(g[1], wwn_or_di=True):
                err.add_unique(self.aliases[a], mem, g[0])
        elif kind == "aliremove":
            a = err.get(self.aliases, g[0], "alias")
            for mem in err.members(g[1], wwn_or_di=True):
                err.remove(self.aliases[a], mem, g[0])
            if not self.aliases[a]:
                err.check_unreferenced_alias(a)
                del self.aliases[a]
        elif kind == "alidelete":
            a = err.get(self.aliases, g[0], "alias")
            err.check_unreferenced_alias(a)
            del self.aliases[a]
        elif kind == "zonecreate":
            err.create("zone", g[0])
            members = err.members(g[1])
            self.zones[g[0]] = Zone(g[0], members=members)
        elif kind == "peercreate":
            err.create("zone", g[0])
            principals = err.members(g[1])
            members = err.members(g[2]) if g[2] is not None else []
            for mem in members:
                if mem in principals:
                    err.fail(f"{mem} is both principal and member")
            self.zones[g[0]] = Zone(g[0], members=members, principals=principals, kind="peer")
        elif kind in ("zoneadd", "zoneremove"):
            z = self.zones[err.get(self.zones, g[0], "zone")]
            if z.kind == "peer":
                err.fail(f'"{g[0]}" is a peer zone: use --peerzone')
            for mem in err.members(g[1], check=kind == "zoneadd"):
                if kind == "zoneadd":
                    err.add_unique(z.members, mem, g[0])
                else:
                    err.remove(z.members, mem, g[0])
            if not z.members:
                err.check_unreferenced_zone(z.name)
                del self.zones[z.name]
        elif kind == "peeredit":
            op, name, part, body = g
            z = self.zones[err.get(self.zones, name, "zone")]
            if z.kind != "peer":
                err.fail(f'"{name}" is not a peer zone')
            target = z.principals if part == "principal" else z.members
            other = z.members if part == "principal" else z.principals
            for mem in err.members(body, check=op == "add"):
                if op == "add":
                    if mem in other:
                        err.fail(f"{mem} is both principal and member")
                    err.add_unique(target, mem, name)
                else:
                    err.remove(target, mem, name)
            if not z.principals and not z.members:
                err.check_unreferenced_zone(z.name)
                del self.zones[z.name]
            elif not z.principals:
                err.fail(f"peer zone {name} would have no principal member")
        elif kind == "zonedelete":
            zn = err.get(self.zones, g[0], "zone")
            err.check_unreferenced_zone(zn)
            del self.zones[zn]
        elif kind == "cfgcreate":
            err.create("cfg", g[0])
            zones = err.zone_list(g[1])
            self.configs[g[0]] = zones
        elif kind in ("cfgadd", "cfgremove"):
            c = err.get(self.configs, g[0], "cfg")
            for zn in err.zone_list(g[1]) if kind == "cfgadd" else err.split(g[1]):
                if kind == "cfgadd":
                    err.add_unique(self.configs[c], zn, g[0])
                else:
                    err.remove(self.configs[c], zn, g[0])
            if not self.configs[c]:
                del self.configs[c]
        elif kind == "cfgdelete":
            c = err.get(self.configs, g[0], "cfg")
            del self.configs[c]
        elif kind == "cfgenable":
            c = err.get(self.configs, g[0], "cfg")
            self._enable(c, n, line)
            self.saved = True
        else:  # pragma: no cover - a shape in _FOS without a handler is a bug here
            raise AssertionError(kind)

    def _enable(self, cfg: str, n: int, line: str) -> None:
        """Copy a defined cfg/zoneset into the effective database, names resolved to WWPNs."""
        names = self.configs[cfg]
        if not names:
            raise CommandRejected(n, line, f"{cfg} is empty")
        resolve = self._resolver()
        zones: dict[str, Zone] = {}
        for zn in names:
            z = self.zones.get(zn)
            if z is None:
                raise CommandRejected(n, line, f"zone {zn} of {cfg} does not exist")
            zones[zn] = Zone(
                zn,
                members=[w for m in z.members for w in resolve(m)],
                principals=[w for m in z.principals for w in resolve(m)],
                kind=z.kind,
                tags={w: t for m, t in z.tags.items() for w in resolve(m)},
            )
        self.effective = ZoneDb(zones=zones, configs={cfg: list(names)}, effective=cfg)

    def _resolver(self):  # type: ignore[no-untyped-def]
        if self.vendor == "brocade":
            return lambda m: list(self.aliases.get(m, [m]))
        return lambda m: [self.device_aliases.get(m, m)]

    # -- Cisco MDS NX-OS ----------------------------------------------------------------
    def _cisco_script(self, lines: list[str]) -> None:
        st = _CiscoSession(self)
        for n, raw in enumerate(lines, 1):
            st.line(n, raw)
        st.finish(len(lines))


def _copy_zone(z: Zone) -> Zone:
    return Zone(z.name, list(z.members), list(z.principals), z.kind, dict(z.tags))


def _sorted_zone(z: Zone) -> Zone:
    return Zone(
        z.name,
        sorted(z.members),
        sorted(z.principals),
        z.kind,
        {k: z.tags[k] for k in sorted(z.tags)},
    )


class _Fos:
    """FOS checks for one command, raising the switch's error."""

    def __init__(self, sw: ZoningSwitch, n: int, line: str) -> None:
        self.sw, self.n, self.line = sw, n, line

    def fail(self, msg: str) -> None:
        raise CommandRejected(self.n, self.line, f"error: {msg}")

    def create(self, kind: str, name: str) -> None:
        if not _FOS_NAME.match(name):
            self.fail(f'"{name}" is not a valid name')
        owner = self.sw._owner(name)
        if owner is not None:
            self.fail(f'"{name}" already exists (as a {owner})')

    def get(self, table: dict, name: str, kind: str) -> str:
        if name in table:
            return name
        f = _fold(name)
        for k in table:
            if _fold(k) == f:
                return k
        self.fail(f'"{name}" not found: no such {kind}')
        raise AssertionError  # unreachable

    @staticmethod
    def split(body: str) -> list[str]:
        return [p.strip() for p in body.split(";") if p.strip()]

    def members(self, body: str, *, wwn_or_di: bool = False, check: bool = True) -> list[str]:
        out: list[str] = []
        for p in self.split(body):
            if is_wwn(p):
                p = normalize_wwn(p)
            elif _FOS_DI.match(p):
                pass
            elif wwn_or_di:
                self.fail(f'"{p}" is not a WWN or domain,index')
            elif check:
                p = self.get(self.sw.aliases, p, "alias")
            if p in out:
                self.fail(f'"{p}" is listed twice')
            out.append(p)
        if not out:
            self.fail("no members")
        return out

    def zone_list(self, body: str) -> list[str]:
        out = []
        for p in self.split(body):
            out.append(self.get(self.sw.zones, p, "zone"))
        if not out:
            self.fail("no members")
        return out

    def add_unique(self, lst: list[str], item: str, owner: str) -> None:
        if item in lst:
            self.fail(f'"{item}" is already a member of "{owner}"')
        lst.append(item)

    def remove(self, lst: list[str], item: str, owner: str) -> None:
        if item not in lst:
            self.fail(f'"{item}" is not a member of "{owner}"')
        lst.remove(item)

    def check_unreferenced_alias(self, alias: str) -> None:
        for z in self.sw.zones.values():
            if alias in z.members or alias in z.principals:
                self.fail(f'alias "{alias}" is a member of zone "{z.name}"')

    def check_unreferenced_zone(self, zone: str) -> None:
        for c, zs in self.sw.configs.items():
            if zone in zs:
                self.fail(f'zone "{zone}" is a member of cfg "{c}"')


class _CiscoSession:
    """One NX-OS CLI session: modes, pending device-alias and zone changes."""

    def __init__(self, sw: ZoningSwitch) -> None:
        self.sw = sw
        self.mode = "exec"  #: exec, config, da, zone, zoneset
        self.ctx: str | None = None  #: the zone / zoneset being edited
        self.da_pending = False
        self.zone_pending = False
        self.n = 0
        self.text = ""

    def fail(self, msg: str) -> None:
        raise CommandRejected(self.n, self.text, f"% {msg}")

    def line(self, n: int, raw: str) -> None:
        text = raw.strip()
        self.n, self.text = n, text
        if not text or text[0] in "!#":
            return
        if any(c in text for c in "\r\0\u2028\u2029\x0b\x0c\t"):
            self.fail("control character in a command line")
        ZoningSwitch._refuse_forbidden(n, text)
        if text.startswith("show "):
            self.sw.commands.append(text)
            return  # read-only, any mode
        self.sw.commands.append(text)
        if self.mode in ("zone", "zoneset", "da") and self._submode(text):
            return
        if self.mode in ("zone", "zoneset", "da"):
            self.mode = "config"  # NX-OS tries the parent mode for a line the sub-mode lacks
        if self.mode == "exec":
            if text == "configure terminal":
                self.mode = "config"
            elif text == "copy running-config startup-config":
                if self.da_pending or self.zone_pending:
                    self.fail("uncommitted changes are not saved")
                self.sw.saved = True
            elif text == "end":
                pass
            else:
                self.fail("Invalid command in exec mode (configure terminal first)")
            return
        if text == "end":
            self.mode = "exec"
            return
        self._config(text)

    def _vsan(self, v: str) -> int:
        vs = int(v)
        if self.sw.vsan is not None and vs != self.sw.vsan:
            self.fail(f"VSAN {vs} is not the VSAN of this zone server ({self.sw.vsan})")
        return vs

    def _name(self, name: str) -> str:
        if not _CISCO_NAME.match(name):
            self.fail(f"Illegal name {name!r}")
        return name

    def _config(self, text: str) -> None:
        sw = self.sw
        found = _match(_CISCO_CONFIG, text)
        if found is None:
            self.fail("Invalid command (syntax error)")
            return
        kind, m = found
        g = m.groups()
        if kind == "da_db":
            self.mode = "da"
        elif kind == "da_commit":
            self.da_pending = False
            self.mode = "config"
        elif kind == "zone":
            self._vsan(g[1])
            name = self._name(g[0])
            if name not in sw.zones:
                if name in sw.configs:
                    self.fail(f"{name} is a zoneset name")
                sw.zones[name] = Zone(name)
                self.zone_pending = True
            self.mode, self.ctx = "zone", name
        elif kind == "no_zone":
            self._vsan(g[1])
            if g[0] not in sw.zones:
                self.fail(f"Zone {g[0]} not present")
            for zs, names in sw.configs.items():
                if g[0] in names:
                    self.fail(f"Zone {g[0]} is a member of zoneset {zs}")
            del sw.zones[g[0]]
            self.zone_pending = True
        elif kind == "zoneset":
            self._vsan(g[1])
            name = self._name(g[0])
            if name not in sw.configs:
                sw.configs[name] = []
                self.zone_pending = True
            self.mode, self.ctx = "zoneset", name
        elif kind == "no_zoneset":
            self._vsan(g[1])
            if g[0] not in sw.configs:
                self.fail(f"Zoneset {g[0]} not present")
            del sw.configs[g[0]]
            self.zone_pending = True
        elif kind == "activate":
            self._vsan(g[1])
            if g[0] not in sw.configs:
                self.fail(f"Zoneset {g[0]} not present")
            for zn in sw.configs[g[0]]:
                if not sw.zones[zn].all_members():
                    self.fail(f"Zone {zn} has no members")
            sw._enable(g[0], self.n, self.text)
            self.zone_pending = True
        elif kind == "commit":
            self._vsan(g[0])
            if self.mode != "config":
                self.fail("zone commit outside the configuration mode")
            self.zone_pending = False
        elif kind == "smart":
            self._vsan(g[0])
            sw.smart_zoning = True
            self.zone_pending = True

    def _submode(self, text: str) -> bool:
        sw = self.sw
        if self.mode == "da":
            m = _CISCO_DA["add"].match(text)
            if m:
                name, wwpn = self._name(m.group(1)), m.group(2)
                if not is_wwn(wwpn):
                    self.fail(f"Invalid pwwn {wwpn}")
                wwpn = normalize_wwn(wwpn)
                if name in sw.device_aliases:
                    self.fail(f"Device Alias {name} already present")
                for other, w in sw.device_aliases.items():
                    if w == wwpn:
                        self.fail(f"Another device-alias ({other}) already present with {wwpn}")
                sw.device_aliases[name] = wwpn
                self.da_pending = True
                return True
            m = _CISCO_DA["del"].match(text)
            if m:
                name = m.group(1)
                if name not in sw.device_aliases:
                    self.fail(f"Device Alias {name} not present")
                for z in sw.zones.values():
                    if name in z.all_members():
                        self.fail(f"Device Alias {name} is a member of zone {z.name}")
                del sw.device_aliases[name]
                self.da_pending = True
                return True
            return False
        if self.mode == "zone":
            m = _CISCO_MEMBER.match(text)
            if not m:
                return False
            neg, kind, name, tag = m.groups()
            z = sw.zones[self.ctx]  # type: ignore[index]
            if kind == "pwwn":
                if not is_wwn(name):
                    self.fail(f"Invalid pwwn {name}")
                name = normalize_wwn(name)
            elif not neg and name not in sw.device_aliases:
                self.fail(f"Device Alias {name} not present")
            if tag and not sw.smart_zoning:
                self.fail("smart zoning is not enabled in this VSAN")
            if neg:
                if name not in z.members:
                    self.fail(f"Member {name} not present in zone {z.name}")
                if tag and z.tags.get(name) != tag:
                    self.fail(f"Member {name} has device type {z.tags.get(name)}, not {tag}")
                z.members.remove(name)
                z.tags.pop(name, None)
            else:
                if name in z.members:
                    self.fail(f"Duplicate member {name} in zone {z.name}")
                z.members.append(name)
                if tag:
                    z.tags[name] = tag
            self.zone_pending = True
            return True
        if self.mode == "zoneset":
            m = _CISCO_ZS_MEMBER.match(text)
            if not m:
                return False
            neg, name = m.groups()
            members = sw.configs[self.ctx]  # type: ignore[index]
            if neg:
                if name not in members:
                    self.fail(f"Zone {name} not a member of zoneset {self.ctx}")
                members.remove(name)
            else:
                if name not in sw.zones:
                    self.fail(f"Zone {name} not present")
                if name in members:
                    self.fail(f"Duplicate member {name}")
                members.append(name)
            self.zone_pending = True
            return True
        return False

    def finish(self, last: int) -> None:
        if self.da_pending:
            raise CommandRejected(last, "", "script ends with uncommitted device-alias changes")
        if self.zone_pending:
            raise CommandRejected(last, "", "script ends with an uncommitted zone session")
