"""An SSH switch emulator: asyncssh servers on 127.0.0.1 that answer — and apply — like FOS
and NX-OS.

Why a real SSH server and not a mocked transport: host-key checks, password refusal, exec
channels versus PTY shells, prompts, pagers, slow answers and dropped connections are exactly
what the SSH adapter and ``zoneplan apply`` must get right, and they only exist on the wire.

Each :class:`EmulatedSwitch` listens on its own free port with its own host key. Reads come
from ``outputs`` (command → text in the vendor's real format; build them from an observed
state with :func:`outputs_from_state`, which uses :mod:`tests.support.show_render`).

**Applying changes.** Give a switch a ``fabric`` (:class:`tests.support.oracle.FosFabric` or
:class:`~tests.support.oracle.MdsFabric`; several switches of one fabric share it) and every
command goes to the zoning oracle first: zoning reads (``cfgshow``, ``cfgtransshow``, ``show
zoneset``, ``show zone status``, ``show device-alias status``...) answer from the live oracle
state, changes are applied with the switch's semantics — FOS transactions owned by the login
user (they survive the connection), NX-OS enhanced-mode sessions and device-alias sessions
that lock out other users, basic mode applying at once — and every refusal carries the
switch's message (sources in the oracle). A command the oracle does not know is answered from
``outputs`` (``switchshow``, ``nsshow``, ``show flogi database``...), else with the vendor's
unknown-command text. Prompting commands ask their question (``cfgsave``, ``cfgenable``
without ``-f``; NX-OS activation, device-alias commit... without ``terminal dont-ask``): in a
shell the next line is the answer; on an exec channel (FOS, cinder style) one line of stdin
is. NX-OS exec commands may join several commands with `` ; `` (cinder, MDSLib). Exec exit
status: 0, 1 after an error reply, 127 for an unknown command (FOS's status is UNVERIFIED,
facts §7). A forbidden command (``cfgclear``, ``clear zone lock``...) is not run: it is
answered with an error and recorded in ``forbidden``.

**Hooks** a test plants (all optional; ``N`` counts every command the switch received, 1-based,
exec and shell alike, in ``received``):

* ``error_at = {N: text}``: the N-th command is not run; the switch answers ``text`` (``""``:
  the vendor's generic error line) and, on exec, exit status 1;
* ``drop_after = N``: the N-th command is run, then the connection is cut before its answer
  (the client cannot know whether it took effect);
* ``plant_before = {N: fn}``: ``fn(fabric)`` runs just before the N-th command — another
  admin's transaction or lock appearing (:func:`plant_foreign_transaction`,
  :func:`plant_zone_lock`, :func:`plant_device_alias_lock`), the zoning changed since the plan
  (:func:`plant_zoning_change`);
* ``before_command = fn(n, command, switch)``: called before every command (for anything
  else);
* ``received``: every command, in order (whitespace collapsed); :meth:`EmulatedSwitch.changes`
  lists those that are not reads — the proof that ``--dry-run`` sent no change;
  ``transcript``: (command, reply) pairs; ``forbidden``: forbidden commands received.

Older faults stay: ``password`` (anything else is refused), ``slow`` (command → seconds before
answering), ``drop_on`` (commands that close the connection), ``paging`` (``cisco``: pages
unless ``terminal length 0``; ``always``: pages regardless), ``hang_login`` (accepts TCP, never
finishes the handshake), ``error_on`` (command → error text).

Use :class:`EmulatorThread` from synchronous code (CLI tests, benchmarks): it runs the servers
in a private event loop on a background thread.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import socket
import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

import asyncssh

__all__ = [
    "EmulatedSwitch",
    "EmulatorThread",
    "outputs_from_state",
    "free_tcp_port",
    "plant_foreign_transaction",
    "plant_zone_lock",
    "plant_device_alias_lock",
    "plant_zoning_change",
    "with_login_ports",
]

_BROCADE_NOT_FOUND = "rbash: {cmd}: command not found\n"
_CISCO_INVALID = "                ^\n% Invalid command at '^' marker.\n"
_PAGE_LINES = 24
#: what a read looks like, per vendor (everything else counts as a change in ``changes()``)
_READS = {
    "brocade": re.compile(r"^(\w*show\b.*|cfgsize|version)$"),
    "cisco": re.compile(r"^(show\b.*|terminal length \d+|terminal width \d+|exit|end)$"),
}
#: the generic error line an ``error_at`` hook answers with (a FOS-style bare message, an
#: NX-OS ``%`` line)
_PLANTED_ERROR = {"brocade": "Error: operation failed", "cisco": "% Operation failed"}


# --------------------------------------------------------------------------- planted faults


def plant_foreign_transaction(fabric: Any, user: str = "otheradmin") -> None:
    """Another admin opens a zoning transaction (FOS) / a zone session on every VSAN (NX-OS)."""
    from .oracle import FosFabric

    if isinstance(fabric, FosFabric):
        fabric.open_foreign_transaction(user)
    else:
        for v in fabric.vsans:
            fabric.lock_zone(v, user)


def plant_zone_lock(fabric: Any, vsan: int | None = None, user: str = "otheradmin") -> None:
    """Another admin holds the enhanced-mode zone session of a VSAN (NX-OS)."""
    fabric.lock_zone(vsan if vsan is not None else min(fabric.vsans), user)


def plant_device_alias_lock(fabric: Any, user: str = "otheradmin") -> None:
    """Another admin holds the device-alias session (NX-OS)."""
    fabric.lock_device_alias(user)


def plant_zoning_change(fabric: Any) -> None:
    """Someone changed the zoning since the plan: a zone added to the config in effect and
    enabled (committed, as another admin's finished change would be)."""
    from zoneplan.observed import Zone

    from .oracle import FosFabric

    members = ["50:00:00:00:00:0c:00:01", "50:00:00:00:00:0c:00:02"]
    if isinstance(fabric, FosFabric):
        fabric.defined.zones["z_changed_meanwhile"] = Zone("z_changed_meanwhile", members)
        cfg = fabric.effective.effective if fabric.effective else "cfg_changed_meanwhile"
        fabric.defined.configs.setdefault(cfg, []).append("z_changed_meanwhile")
        fabric.effective = fabric.compile(fabric.defined, cfg)
        return
    for vz in fabric.vsans.values():
        vz.full.zones["z_changed_meanwhile"] = Zone("z_changed_meanwhile", list(members))
        cfg = vz.active.effective if vz.active else "zs_changed_meanwhile"
        vz.full.zonesets.setdefault(cfg, []).append("z_changed_meanwhile")
        vz.active = fabric.compile(vz.full, cfg)


def free_tcp_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on (closed again at once)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def with_login_ports(state: Any, vendor: str | None = None) -> Any:
    """``state`` itself, or for a state built from logins only (no ports, as
    :func:`tests.support.planstate.states_from_plan` makes them) a copy in which every login's
    port is an online port."""
    import copy

    from zoneplan.observed import Port

    vendor = vendor or state.vendor
    if state.ports:
        return state
    state = copy.deepcopy(state)
    for lg in state.logins.values():
        if lg.port and lg.port not in state.ports and not lg.remote:
            num = lg.port.rsplit("/", 1)[-1]
            state.ports[lg.port] = Port(
                name=lg.port,
                index=int(num) if num.isdecimal() and vendor == "brocade" else None,
                state="Online" if vendor == "brocade" else "up",
                type="F-Port" if vendor == "brocade" else "F",
                vsan=lg.vsan or None,
            )
    return state


def outputs_from_state(
    state: Any, vendor: str | None = None, vsans: list[int] | None = None
) -> dict[str, str]:
    """Command → output for an observed :class:`~zoneplan.observed.SwitchState`.

    Zoning, name server, flogi and device-alias outputs come from the parsers' renderers
    (:mod:`tests.support.show_render`, the real layouts); the status-style commands
    (switchshow, cfgtransshow, cfgsize, show zone status, …) are rendered here in the layouts
    of the captures in ``shared/captures``. Keys are the commands as the catalogue runs them.
    """
    from . import show_render as sr

    vendor = vendor or state.vendor
    state = with_login_ports(state, vendor)
    out: dict[str, str] = {}
    if vendor == "brocade":
        z = state.zoning.get(0)
        out["cfgshow"] = sr.render_cfgshow(z.defined if z else None, z.effective if z else None)
        out["nsshow -t"] = sr.render_nsshow([lg for lg in state.logins.values() if not lg.remote])
        out["nscamshow -t"] = _nscamshow(state)
        out["switchshow"] = _switchshow(state)
        out["fabricshow"] = _fabricshow(state)
        out["cfgtransshow"] = _cfgtransshow(state)
        out["cfgsize"] = _cfgsize(state)
        # version: the layout of openstack/cinder's Brocade zone-driver tests
        out["version"] = (
            "Kernel:     2.6.34.6\n"
            f"Fabric OS:  {state.identity.firmware or 'v8.2.1c'}\n"
            "Made on:    Thu Mar 28 21:33:12 2019\nFlash:      Mon Jun 3 10:12:44 2019\n"
            "BootProm:   1.0.11\n"
        )
        out["islshow"] = "".join(
            f"  {i}: {x.local_port:2d}->{x.remote_port:2d} {x.remote_wwn}   {x.remote_domain} "
            f"{x.remote_name} sp:  8.000G bw:  8.000G\n"
            for i, x in enumerate(state.isls, 1)
        )
        return out
    vs = sorted(vsans if vsans is not None else (state.zoning or {1: None}))
    for v in vs:
        z = state.zoning.get(v)
        out[f"show zoneset active vsan {v}"] = sr.render_show_zoneset_active(
            {v: z.effective} if z and z.effective else {}
        )
        out[f"show zoneset vsan {v}"] = sr.render_show_zoneset(
            {v: z.defined} if z and z.defined else {}
        )
        out[f"show zone vsan {v}"] = sr.render_show_zone({v: z.defined} if z and z.defined else {})
        out[f"show zone status vsan {v}"] = _zone_status(state, v)
    eff = {v: z.effective for v, z in state.zoning.items() if z.effective is not None}
    dfn = {v: z.defined for v, z in state.zoning.items() if z.defined is not None}
    out["show zoneset active"] = sr.render_show_zoneset_active(eff)  # every VSAN at once
    out["show zoneset"] = sr.render_show_zoneset(dfn)
    out["show zone"] = sr.render_show_zone(dfn)
    out["show zone status"] = "".join(_zone_status(state, v) for v in vs)
    out["show device-alias database"] = sr.render_show_device_alias_database(state.device_aliases)
    out["show device-alias status"] = (
        "Fabric Distribution : Enabled\n"
        f"Database:- Device Aliases {len(state.device_aliases)}  Mode: Basic\n"
        "           Checksum: 0x6fe7cf4d54eb9df2d6ff8e3ca8ff4e1\n"
    )
    out["show flogi database"] = sr.render_show_flogi_database(state.logins.values())
    out["show fcns database detail"] = _fcns_detail(state)
    out["show interface brief"] = _interface_brief(state)
    out["show vsan membership"] = "".join(
        f"vsan {v} interfaces:\n    "
        + "  ".join(p.name for p in state.ports.values() if (p.vsan or vs[0]) == v)
        + "\n\n"
        for v in vs
    )
    out["show vsan"] = "".join(
        f"vsan {v} information\n         name:VSAN{v:04d}  state:active\n"
        "         interoperability mode:default\n"
        "         loadbalancing:src-id/dst-id/oxid\n         operational state:up\n\n"
        for v in vs
    )
    out["show topology"] = sr.render_show_topology(state.isls)
    out["show switchname"] = f"{state.name}\n"
    # show version: the layout of ansible-collections/cisco.nxos nxos_command/show_version.txt
    out["show version"] = (
        "Cisco Nexus Operating System (NX-OS) Software\nTAC support: http://www.cisco.com/tac\n\n"
        "Software\n  BIOS:      version 2.1.17\n  kickstart: version 8.4(2c)\n"
        f"  system:    version {state.identity.firmware or '8.4(2c)'}\n\nHardware\n"
        '  cisco MDS 9148S 16G 48 FC (1 Slot) Chassis ("2/4/8/10/16 Gbps FC/Supervisor")\n\n'
        f"  Device name: {state.name}\n"
    )
    return out


def _default_wwn(name: str) -> str:
    """A switch WWN (Brocade OUI 00-05-33) of its own for each emulated switch that has none:
    two switches never share one (the capture reader takes that for one switch read twice)."""
    h = hashlib.sha1(name.encode("utf-8")).hexdigest()[:6]
    return f"10:00:00:05:33:{h[0:2]}:{h[2:4]}:{h[4:6]}"


def _switchshow(st: Any) -> str:
    ident = st.identity
    dom = ident.domain or 1
    wwn = ident.wwn or _default_wwn(st.name)
    z = st.zoning.get(0)
    eff = z.effective.effective if z and z.effective else None
    lines = [
        f"switchName:\t{st.name}",
        "switchType:\t109.1",
        "switchState:\tOnline",
        "switchMode:\tNative",
        "switchRole:\tPrincipal",
        f"switchDomain:\t{dom}",
        f"switchId:\tfffc{dom:02x}",
        f"switchWwn:\t{wwn}",
        f"zoning:\t\t{'ON (' + eff + ')' if eff else 'OFF'}",
        "switchBeacon:\tOFF",
        "",
        "Index Port Address  Media Speed   State       Proto",
        "==================================================",
    ]
    by_port: dict[str, list[str]] = {}
    for lg in st.logins.values():
        if lg.port is not None and not lg.remote:
            by_port.setdefault(str(lg.port), []).append(lg.wwpn)
    for p in sorted(st.ports.values(), key=lambda p: p.index if p.index is not None else 0):
        n = p.index if p.index is not None else int(p.name)
        state = p.state or "No_Light"
        tail = ""
        w = by_port.get(p.name, [])
        if state == "Online":
            if len(w) > 1:
                tail = f"  F-Port  1 N Port + {len(w) - 1} NPIV public"
            elif w:
                tail = f"  F-Port  {w[0]}"
            else:
                tail = f"  {p.type or 'F-Port'}"
        lines.append(f"{n:5d} {n:4d}   {dom:02x}{n:02x}00   id    N16     {state:<11s} FC{tail}")
    return "\n".join(lines) + "\n"


def _fabricshow(st: Any) -> str:
    dom = st.identity.domain or 1
    wwn = st.identity.wwn or _default_wwn(st.name)
    members = st.fabric or []
    lines = [
        "Switch ID   Worldwide Name           Enet IP Addr    FC IP Addr      Name",
        "-------------------------------------------------------------------------",
    ]
    if not members:
        lines.append(f'  {dom}: fffc{dom:02x} {wwn} 127.0.0.1       0.0.0.0        >"{st.name}"')
    for m in members:
        mark = ">" if m.principal else " "
        lines.append(
            f"  {m.domain}: {m.switch_id} {m.wwn} {m.ip or '127.0.0.1':<15s} 0.0.0.0        "
            f'{mark}"{m.name or ""}"'
        )
    n = len(members) or 1
    lines += ["", f"The Fabric has {n} switch{'es' if n != 1 else ''}", ""]
    return "\n".join(lines)


def _cfgtransshow(st: Any) -> str:
    tr = st.transaction
    if tr is None or tr.state == "none":
        return "There is no outstanding zoning transaction\n"
    ab = "It is abortable" if tr.abortable is not False else "It is not abortable"
    return f"Current transaction token is {tr.token or '0x1234'}\n{ab}\n"


def _cfgsize(st: Any) -> str:
    cs = st.cfgsize
    mx = cs.max_bytes if cs and cs.max_bytes else 1045274
    av = cs.available_bytes if cs and cs.available_bytes else mx - 4096
    cm = cs.committed_bytes if cs and cs.committed_bytes is not None else 4096
    tr = cs.transaction_bytes if cs and cs.transaction_bytes is not None else 0
    return (
        f"Zone DB max size - {mx} bytes\nAvailable Zone DB size - {av} bytes\n"
        f"committed - {cm} bytes\ntransaction - {tr} bytes\n"
    )


def _nscamshow(st: Any) -> str:
    return "nscam show for remote switches:\n"


def _zone_status(st: Any, v: int) -> str:
    z = st.zoning.get(v)
    s = z.status if z else None
    eff = z.effective if z else None
    full = z.defined if z else None
    sess = s.session if s else "none"
    return (
        f"VSAN: {v} default-zone: {(s.default_zone if s and s.default_zone else 'deny')} "
        "distribute: full Interop: default\n"
        f"    mode: {(s.mode if s and s.mode else 'basic')} merge-control: allow\n"
        f"    session: {sess}\n"
        "    hard-zoning: enabled broadcast: unsupported\n"
        "    smart-zoning: disabled\n"
        "    rscn-format: fabric-address\n"
        "    activation overwrite control: disabled\n"
        "Default zone:\n"
        "    qos: none broadcast: unsupported ronly: unsupported\n"
        "Full Zoning Database :\n"
        "    DB size: 358 bytes\n"
        f"    Zonesets:  {len(full.configs) if full else 0} Zones: {len(full.zones) if full else 0} "
        f"Aliases: {len(full.aliases) if full else 0}\n"
        "Active Zoning Database :\n"
        "    DB Size: 125 bytes\n"
        f"    Name: {(eff.effective if eff and eff.effective else 'none')} Zonesets: "
        f"{1 if eff and eff.effective else 0} Zones: {len(eff.zones) if eff else 0}\n"
        "Current Total Zone DB Usage: 483 / 4000000 bytes (0 % used)\n"
        "Pending (Session) DB size:\n"
        "    Full DB Copy size: n/a\n"
        "    Active DB Copy size: n/a\n"
        "SFC size: 483 / 4000000 bytes (0 % used)\n"
        "Status: Activation completed at 23:50:35 UTC Jul  3 2026\n"
    )


def _fcns_detail(st: Any) -> str:
    out = []
    for lg in sorted(st.logins.values(), key=lambda x: (x.vsan, x.fcid or "")):
        out += [
            "------------------------",
            f"VSAN:{lg.vsan}     FCID:{lg.fcid or '0x010000'}",
            "------------------------",
            f"port-wwn (vendor)           :{lg.wwpn}",
            f"node-wwn                    :{lg.wwnn or lg.wwpn}",
            "class                       :3",
            "node-ip-addr                :0.0.0.0",
            "ipa                         :ff ff ff ff ff ff ff ff",
            "fc4-types:fc4_features      :scsi-fcp:"
            + {"target": "target", "both": "both"}.get(lg.device_type or "", "init"),
            "symbolic-port-name          :",
            "symbolic-node-name          :",
            "port-type                   :N ",
            "port-ip-addr                :0.0.0.0",
            "fabric-port-wwn             :20:01:00:0d:ec:00:00:01",
            "hard-addr                   :0x000000",
            "permanent-port-wwn (vendor) :" + lg.wwpn,
            f"connected interface         :{lg.port or 'fc1/1'}",
            f"switch name (IP address)    :{st.name} (127.0.0.1)",
            "",
        ]
    out.append(f"Total number of entries = {len(st.logins)}")
    return "\n".join(out) + "\n"


def _interface_brief(st: Any) -> str:
    lines = [
        "-------------------------------------------------------------------------------",
        "Interface  Vsan   Admin  Admin   Status          SFP    Oper  Oper   Port",
        "                  Mode   Trunk                          Mode  Speed  Channel",
        "                         Mode                                 (Gbps)",
        "-------------------------------------------------------------------------------",
    ]
    for p in sorted(st.ports.values(), key=lambda p: [int(x) for x in p.name[2:].split("/")]):
        up = (p.state or "") == "up"
        lines.append(
            f"{p.name:<10s} {p.vsan or 1:<6d} auto   on      {('up' if up else 'notConnected'):<15s} "
            f"swl    {(p.type or 'F') if up else '--':<5s} {'16' if up else '--':<6s} --"
        )
    return "\n".join(lines) + "\n"


@dataclass
class EmulatedSwitch:
    """One emulated switch. ``port`` is set when it is started."""

    name: str
    vendor: str  #: ``brocade`` or ``cisco``
    outputs: Mapping[str, str] = field(default_factory=dict)
    user: str = "admin"
    password: str = "password"
    slow: Mapping[str, float] = field(default_factory=dict)
    drop_on: frozenset[str] | set[str] = frozenset()
    error_on: Mapping[str, str] = field(default_factory=dict)
    paging: str | None = None  #: None, ``cisco`` (until terminal length 0) or ``always``
    hang_login: bool = False
    kbdint_only: bool = False  #: offer keyboard-interactive, not password auth (as FOS does)
    banner: str = ""
    host_key: asyncssh.SSHKey | None = None
    port: int = 0
    received: list[str] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)
    #: the zoning oracle that answers and applies zoning commands (None: outputs only)
    fabric: Any = None
    error_at: Mapping[int, str] = field(default_factory=dict)
    drop_after: int | None = None
    plant_before: Mapping[int, Callable[[Any], None]] = field(default_factory=dict)
    before_command: Callable[[int, str, EmulatedSwitch], None] | None = None
    transcript: list[tuple[str, str]] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)
    _server: Any = None
    _hang: Any = None

    # ------------------------------------------------------------------ lifecycle
    async def start(self) -> int:
        """Listen on 127.0.0.1 (a free port unless ``port`` is set); returns the port."""
        if self.host_key is None:
            self.host_key = asyncssh.generate_private_key("ssh-ed25519")
        if self.hang_login:
            self._hang = await asyncio.start_server(self._hang_conn, "127.0.0.1", self.port)
            self.port = self._hang.sockets[0].getsockname()[1]
            return self.port
        sw = self

        class _Server(asyncssh.SSHServer):
            def begin_auth(self, username: str) -> bool:
                return True

            def password_auth_supported(self) -> bool:
                return not sw.kbdint_only

            def kbdint_auth_supported(self) -> bool:
                return sw.kbdint_only

            def get_kbdint_challenge(self, username: str, lang: str, submethods: str):  # noqa: ANN202
                return "", "", "", [("Password: ", False)]

            def validate_kbdint_response(self, username: str, responses: list) -> bool:
                sw.logins.append(username)
                return username == sw.user and list(responses) == [sw.password]

            def validate_password(self, username: str, password: str) -> bool:
                sw.logins.append(username)
                return username == sw.user and password == sw.password

        self._server = await asyncssh.create_server(
            _Server,
            "127.0.0.1",
            self.port,
            server_host_keys=[self.host_key],
            process_factory=self._process,
            encoding="utf-8",
            line_editor=True,
            keepalive_interval=0,
        )
        self.port = self._server.sockets[0].getsockname()[1]
        return self.port

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        if self._hang is not None:
            self._hang.close()
            self._hang = None

    async def _hang_conn(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await reader.read()  # until the client gives up and closes
        except (asyncio.CancelledError, ConnectionError):
            pass
        finally:
            writer.close()

    @property
    def public_key_line(self) -> str:
        """The known_hosts line for this switch."""
        assert self.host_key is not None
        pub = self.host_key.export_public_key("openssh").decode().split()
        return f"[127.0.0.1]:{self.port} {pub[0]} {pub[1]}\n"

    # ------------------------------------------------------------------ answers
    @property
    def prompt(self) -> str:
        return f"{self.name}:admin> " if self.vendor == "brocade" else f"{self.name}# "

    def changes(self) -> list[str]:
        """Every command received that is not a read (nor a blank or comment line)."""
        reads = _READS[self.vendor]
        return [
            c for c in self.received if c and not c.startswith(("#", "!")) and not reads.match(c)
        ]

    def _answer(self, cmd: str) -> str:
        cmd = " ".join(cmd.split())
        if cmd in self.error_on:
            return self.error_on[cmd]
        if cmd in self.outputs:
            return self.outputs[cmd]
        if self.vendor == "brocade":
            return _BROCADE_NOT_FOUND.format(cmd=cmd.split()[0] if cmd else cmd)
        return _CISCO_INVALID

    def _session(self, process: asyncssh.SSHServerProcess) -> Any:
        if self.fabric is None:
            return None
        user = process.get_extra_info("username") or self.user
        return self.fabric.session(user, self.name)

    def _tick(self, cmd: str) -> int:
        """Record a received command, run the hooks planted for it; its number."""
        self.received.append(cmd)
        n = len(self.received)
        if self.before_command is not None:
            self.before_command(n, cmd, self)
        plant = self.plant_before.get(n)
        if plant is not None:
            plant(self.fabric)
        return n

    def _run(self, raw: str, session: Any) -> tuple[str, int, bool]:
        """One command through the oracle (or the outputs): (text, exit status, prompting)."""
        cmd = " ".join(raw.split())
        if cmd in self.error_on:
            return self.error_on[cmd], 1, False
        if session is None:
            text = self._answer(cmd)
            return text, 127 if text.startswith("rbash:") else 0, False
        from .oracle.common import Refused

        try:
            reply = session.send(raw)
        except Refused as exc:
            self.forbidden.append(cmd)
            text = f"{_PLANTED_ERROR[self.vendor]}: {exc} (the emulator does not run it)\n"
            return text, 1, False
        text = reply.output
        unknown = reply.error and (
            text.startswith("rbash:") or text.lstrip(" ^\n").startswith("% Invalid command")
        )
        if unknown and cmd in self.outputs:
            return self.outputs[cmd], 0, False
        if unknown and self.vendor == "brocade":
            return text, 127, False
        return text, 1 if reply.error else 0, reply.prompt is not None

    async def _process(self, process: asyncssh.SSHServerProcess) -> None:
        try:
            if process.command is not None:
                await self._exec(process)
            else:
                await self._shell(process)
        except (asyncssh.BreakReceived, asyncssh.TerminalSizeChanged, ConnectionError):
            pass
        except asyncssh.Error:
            pass
        finally:
            if not process.is_closing():
                process.exit(0)

    async def _delay(self, cmd: str) -> None:
        d = self.slow.get(cmd)
        if d:
            await asyncio.sleep(d)

    def _planted(self, n: int) -> str | None:
        if n in self.error_at:
            text = self.error_at[n] or _PLANTED_ERROR[self.vendor]
            return text if text.endswith("\n") else text + "\n"
        return None

    async def _exec(self, process: asyncssh.SSHServerProcess) -> None:
        session = self._session(process)
        parts = [process.command]
        if self.vendor == "cisco" and session is not None:
            parts = [p for p in re.split(r"\s+;\s+", process.command) if p.strip()]
        status = 0
        for raw in parts:
            cmd = " ".join(raw.split())
            n = self._tick(cmd)
            await self._delay(cmd)
            if cmd in self.drop_on:
                process.channel.get_connection().abort()
                return
            planted = self._planted(n)
            if planted is not None:
                process.stdout.write(planted)
                self.transcript.append((cmd, planted))
                process.exit(1)
                return
            text, status, prompting = self._run(raw, session)
            if self.drop_after == n:
                process.channel.get_connection().abort()
                return
            if prompting:  # the question is answered by one line of stdin (cinder)
                process.stdout.write(text)
                answer = await process.stdin.readline()
                more, status, _ = self._run(answer.rstrip("\r\n"), session)
                process.stdout.write(more)
                text += answer if answer.endswith("\n") else answer + "\n"
                text += more
            elif self.paging == "always":
                await self._paged(process, text, "Type <CR> to continue, Q<CR> to stop: ")
            else:
                process.stdout.write(text)
            self.transcript.append((cmd, text))
            if status != 0:
                break
        process.exit(status)

    async def _paged(self, process: asyncssh.SSHServerProcess, text: str, prompt: str) -> None:
        lines = text.splitlines(keepends=True)
        for i in range(0, max(len(lines), 1), _PAGE_LINES):
            process.stdout.write("".join(lines[i : i + _PAGE_LINES]))
            if i + _PAGE_LINES >= len(lines):
                return
            process.stdout.write(prompt)
            chan = process.channel
            if process.get_terminal_type() is not None:
                chan.set_line_mode(False)  # a pager reads single keys, not lines
                chan.set_echo(False)
            try:
                key = await process.stdin.read(1)
            finally:
                if process.get_terminal_type() is not None:
                    chan.set_line_mode(True)
                    chan.set_echo(True)
            if not key or key.lower() == "q":
                process.stdout.write("\n")
                return

    async def _shell(self, process: asyncssh.SSHServerProcess) -> None:
        paging = self.paging in ("cisco", "always")
        session = self._session(process)

        def prompt() -> str:
            return session.prompt if session is not None else self.prompt

        if self.banner:
            process.stdout.write(self.banner)
        process.stdout.write(prompt())
        limit = 10_000 if session is None else 10_000_000  # a bounded session
        for _ in range(limit):
            line = await process.stdin.readline()
            if not line:
                return
            raw = line.rstrip("\r\n")
            cmd = " ".join(raw.split())
            if not cmd:
                process.stdout.write(prompt())
                continue
            n = self._tick(cmd)
            if cmd in ("exit", "logout") and (
                session is None or getattr(session, "mode", "exec") == "exec"
            ):
                return
            if cmd == "terminal length 0":
                if self.paging != "always":
                    paging = False
                process.stdout.write(prompt())
                continue
            await self._delay(cmd)
            if cmd in self.drop_on:
                process.channel.get_connection().abort()
                return
            planted = self._planted(n)
            if planted is not None:
                text, prompting = planted, False
            else:
                text, _, prompting = self._run(raw, session)
            if self.drop_after == n:
                process.channel.get_connection().abort()
                return
            self.transcript.append((cmd, text))
            if prompting:  # the question waits for the next line
                process.stdout.write(text)
                continue
            if paging:
                await self._paged(process, text, " --More-- ")
            else:
                process.stdout.write(text)
            if text and not text.endswith("\n"):
                process.stdout.write("\n")
            process.stdout.write(prompt())


class EmulatorThread:
    """Runs emulated switches in a private event loop on a daemon thread.

    ``with EmulatorThread([sw1, sw2]) as emu:`` starts them (ports are then set on each
    switch) and stops them on exit, so synchronous code (typer's CliRunner, benchmarks) can
    talk to them with its own ``asyncio.run``.
    """

    def __init__(self, switches: list[EmulatedSwitch]) -> None:
        self.switches = switches
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True, name="ssh-emu")

    def __enter__(self) -> EmulatorThread:
        self.thread.start()
        fut = asyncio.run_coroutine_threadsafe(self._start(), self.loop)
        fut.result(timeout=30)
        return self

    async def _start(self) -> None:
        for sw in self.switches:
            await sw.start()

    async def _stop(self) -> None:
        for sw in self.switches:
            await sw.stop()

    def __exit__(self, *exc: object) -> None:
        try:
            asyncio.run_coroutine_threadsafe(self._stop(), self.loop).result(timeout=30)
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(timeout=10)
            if not self.thread.is_alive():
                self.loop.close()


def _serve_main(argv: list[str] | None = None) -> None:
    """``python -m tests.support.ssh_switch --count N``: emulated switches in this process.

    Why a separate process: a benchmark of concurrent reads must not let the emulated
    switches share the client's interpreter (and GIL), as real switches do not. Prints one
    JSON line ``{name: {"port": P, "known_hosts": LINE}}`` and serves until stdin closes.
    """
    import argparse
    import json
    import sys

    from zoneplan.observed import Login, Port, SwitchIdentity, SwitchState

    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=1)
    ap.add_argument("--ports", type=int, default=48)
    ap.add_argument("--delay", type=float, default=0.0, help="seconds per command")
    ap.add_argument("--slowest", type=float, default=None, help="per-command delay of sw0")
    ap.add_argument("--password", default="password")
    args = ap.parse_args(argv)

    def state(name: str) -> SwitchState:
        st = SwitchState(identity=SwitchIdentity(name=name, domain=1), vendor="brocade")
        for n in range(args.ports):
            st.ports[str(n)] = Port(name=str(n), index=n, state="Online", type="F-Port")
            st.add_login(
                Login(
                    wwpn=f"10:00:00:10:9b:00:{n >> 8:02x}:{n & 0xFF:02x}",
                    port=str(n),
                    fcid=f"0x01{n:02x}00",
                    switch=name,
                )
            )
        return st

    async def main() -> None:
        switches = []
        for i in range(args.count):
            name = f"sw{i}"
            outs = outputs_from_state(state(name), "brocade")
            d = args.slowest if (i == 0 and args.slowest is not None) else args.delay
            sw = EmulatedSwitch(
                name,
                "brocade",
                outs,
                password=args.password,
                slow={c: d for c in outs} if d else {},
            )
            await sw.start()
            switches.append(sw)
        sys.stdout.write(
            json.dumps(
                {s.name: {"port": s.port, "known_hosts": s.public_key_line} for s in switches}
            )
            + "\n"
        )
        sys.stdout.flush()
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, sys.stdin.read)
        for s in switches:
            await s.stop()

    asyncio.run(main())


if __name__ == "__main__":
    _serve_main()
