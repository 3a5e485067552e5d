"""snmpsim on 127.0.0.1 for tests: generated ``.snmprec`` agents and the real recordings.

Why snmpsim and generated data: the SNMP adapter must be tested against a real agent (UDP,
GETBULK, v2c and v3 authPriv, error indications), with contents we choose (Cisco zone sets,
zones, members from an observed state) and with the real device recordings in
``shared/captures/snmp/`` (read from there at test time, copied into a temporary data dir,
never copied into the repository).

``SnmpAgent`` starts ``snmpsim-command-responder`` on a free UDP port of 127.0.0.1 with
``SNMPSIM_ALLOW_ROOT=true`` (needed when running as root), waits until it answers, and stops
exactly the process it started. The community of a data file is its name without
``.snmprec``; for SNMPv3 the same name is the context name.
"""

from __future__ import annotations

import asyncio
import bz2
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterable

from zoneplan.observed import SwitchState
from zoneplan.wwn import normalize_wwn

from .paths import shared_dir

__all__ = [
    "SnmpAgent",
    "free_udp_port",
    "recordings_dir",
    "write_snmprec",
    "brocade_records",
    "cisco_records",
    "generated_brocade",
    "V3_USER",
    "V3_AUTH",
    "V3_PRIV",
]

V3_USER = "zpuser"
V3_AUTH = "zpauthkey123"
V3_PRIV = "zpprivkey123"
_RECORDINGS = ("brocade-ds-5100b.snmprec.bz2", "cisco-n5000.snmprec.bz2")


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def recordings_dir() -> Path | None:
    """``shared/captures/snmp`` (``$ZONEPLAN_SNMP_RECORDINGS`` overrides), if it holds the recordings."""
    env = os.environ.get("ZONEPLAN_SNMP_RECORDINGS")
    d = Path(env) if env else shared_dir("captures", "snmp")
    if d is not None and all((d / r).is_file() for r in _RECORDINGS):
        return d
    return None


def _key(line: str) -> list[int]:
    return [int(x) for x in line.split("|", 1)[0].split(".")]


def write_snmprec(path: Path, lines: Iterable[str]) -> int:
    """Write records sorted by OID (snmpsim binary-searches the file); returns the count."""
    recs = sorted(set(lines), key=_key)
    path.write_text("\n".join(recs) + "\n", encoding="latin-1")
    return len(recs)


def _wwn(w: str) -> str:
    return normalize_wwn(w).replace(":", "")


def _fixed(b: bytes) -> str:
    return ".".join(str(x) for x in b)


def _var(b: bytes) -> str:
    return f"{len(b)}." + _fixed(b)


def brocade_records(state: SwitchState, switch_wwn: str = "10:00:00:05:33:00:00:01") -> list[str]:
    """FOS-like records (SW-MIB ports, FA-MIB ports and name server, FE-MIB logins).

    Ports are ``state.ports`` (Brocade names: port numbers); logins attach by ``Login.port``.
    Index layouts follow real FOS (connUnitSnsTable: unitId . portIndex . FC_ID).
    """
    unit = bytes.fromhex(_wwn(switch_wwn)) + bytes(8)
    uid = _fixed(unit)
    dom = state.identity.domain or 1
    recs = [
        "1.3.6.1.2.1.1.1.0|4|Fibre Channel Switch.",
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.1588.2.1.1.1",
        f"1.3.6.1.2.1.1.5.0|4|{state.name}",
        f"1.3.6.1.2.1.75.1.1.2.0|4x|{_wwn(switch_wwn)}",
        f"1.3.6.1.4.1.1588.2.1.1.1.1.6.0|4|{state.identity.firmware or 'v9.1.1'}",
        f"1.3.6.1.4.1.1588.2.1.1.1.2.1.0|2|{dom}",
        "1.3.6.1.4.1.1588.2.1.1.1.2.2.0|2|1",
    ]
    sw = "1.3.6.1.4.1.1588.2.1.1.1.6.2.1"
    fa = "1.3.6.1.3.94.1.10.1"
    ports = sorted(state.ports.values(), key=lambda p: p.index if p.index is not None else 0)
    port_wwn: dict[str, str] = {}
    for p in ports:
        n = p.index if p.index is not None else int(p.name)
        i = n + 1
        pw = f"20:{n >> 8:02x}:{n & 0xFF:02x}:05:33:00:00:01"
        port_wwn[p.name] = pw
        online = (p.state or "").lower() == "online"
        typ = {"F-Port": 4, "E-Port": 5, "G-Port": 6}.get(p.type or "", 4)
        recs += [
            f"{sw}.3.{i}|2|{6 if online else 4}",
            f"{sw}.4.{i}|2|{1 if online else 2}",
            f"{sw}.5.{i}|2|1",
            f"{sw}.34.{i}|4x|{_wwn(pw)}",
            f"{sw}.35.{i}|2|8",
            f"{sw}.36.{i}|4|port{n}",
            f"{sw}.37.{i}|4|{p.name}",
            f"{sw}.39.{i}|2|{typ}",
            f"{fa}.2.{uid}.{i}|2|{i}",
            f"{fa}.3.{uid}.{i}|2|{ {4: 8, 5: 9, 6: 10}[typ] if online else 3 }",
            f"{fa}.6.{uid}.{i}|2|{2 if online else 3}",
            f"{fa}.10.{uid}.{i}|4x|{_wwn(pw)}",
            f"{fa}.11.{uid}.{i}|4x|{dom:02x}{n & 0xFF:02x}00",
        ]
    sns = "1.3.6.1.3.94.5.2.1.1"
    fe = "1.3.6.1.2.1.75.1.2.3.1"
    per_port: dict[str, int] = {}
    for lg in sorted(state.logins.values(), key=lambda x: (x.port or "", x.wwpn)):
        if lg.port is None or lg.port not in state.ports:
            continue
        n = state.ports[lg.port].index or int(lg.port)
        k = per_port[lg.port] = per_port.get(lg.port, -1) + 1
        fcid = bytes([dom, n & 0xFF, k])
        ix = f"{uid}.{n + 1}.{_fixed(fcid)}"
        recs += [
            f"{sns}.1.{ix}|4x|{unit.hex()}",
            f"{sns}.2.{ix}|2|{n + 1}",
            f"{sns}.3.{ix}|4x|{fcid.hex()}",
            f"{sns}.4.{ix}|4x|{_wwn(lg.wwpn)}",
            f"{sns}.5.{ix}|4x|{_wwn(lg.wwnn) if lg.wwnn else '20' + _wwn(lg.wwpn)[2:]}",
            f"{sns}.10.{ix}|4x|01",
            f"{sns}.12.{ix}|4x|{_wwn(port_wwn[lg.port])}",
            f"{sns}.14.{ix}|4|{lg.port_symbol or 'HBA'}",
            f"{fe}.10.1.{n + 1}.{k + 1}|4x|{_wwn(lg.wwpn)}",
            f"{fe}.11.1.{n + 1}.{k + 1}|4x|{fcid.hex()}",
        ]
    return recs


def cisco_records(state: SwitchState) -> list[str]:
    """NX-OS-like records: CISCO-ZS-MIB zoning (defined + enforced), device-aliases, NS, FLOGI.

    Zone members are written in the formats the observed spelling implies: a WWN → wwn(1),
    ``fcid 0x…`` → fcAddr(3), a name that is a device-alias → deviceAlias(10); a name that is
    an fcalias of the same database → an entry in the zone's alias list.
    """
    recs = [
        "1.3.6.1.2.1.1.1.0|4|Cisco NX-OS(tm) m9100, Software (m9100-s6ek9-mz), Version 9.2(1a)",
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.9.12.3.1.3.1084",
        f"1.3.6.1.2.1.1.5.0|4|{state.name}",
    ]
    zs = "1.3.6.1.4.1.9.9.294.1.1"
    da = "1.3.6.1.4.1.9.9.430.1.1.1.1"
    for name, w in sorted(state.device_aliases.items()):
        b = name.encode()
        recs += [f"{da}.2.{_var(b)}|2|1", f"{da}.3.{_var(b)}|4x|{_wwn(w)}"]

    def member(m: str) -> tuple[int, bytes] | None:
        if len(m) == 23 and m[2] == ":":
            return 1, bytes.fromhex(_wwn(m))
        if m.startswith("fcid "):
            return 3, bytes.fromhex(m.split()[1][2:])
        if " " not in m:
            return 10, m.encode()
        return None

    for vsan, zon in sorted(state.zoning.items()):
        st = zon.status
        recs.append(f"{zs}.1.1.1.{vsan}|2|{1 if st and st.default_zone == 'permit' else 2}")
        recs.append(f"{zs}.2.1.1.{vsan}|2|{1 if st and st.distribute == 'full' else 2}")
        recs.append(f"{zs}.30.1.3.{vsan}|2|{2 if st and st.hard_zoning is False else 1}")
        for db, table, mtable, enforced in (
            (zon.defined, 7, 11, False),
            (zon.effective, 15, 19, True),
        ):
            if db is None:
                continue
            alias_idx = {a: i for i, a in enumerate(sorted(db.aliases), 1)}
            zone_idx = {z: i for i, z in enumerate(db.zones, 1)}
            for a, ai in alias_idx.items():
                col = 17 if enforced else 9
                recs.append(f"{zs}.{col}.1.{1 if enforced else 2}.{vsan}.{ai}|4|{a}")
                for mi, m in enumerate(db.aliases[a], 1):
                    enc = member(m)
                    if enc:
                        fcol, icol = (1, 2) if enforced else (4, 5)
                        recs += [
                            f"{zs}.{mtable}.1.{fcol}.{vsan}.2.{ai}.{mi}|2|{enc[0]}",
                            f"{zs}.{mtable}.1.{icol}.{vsan}.2.{ai}.{mi}|4x|{enc[1].hex()}",
                        ]
            for zname, zi in zone_idx.items():
                z = db.zones[zname]
                recs.append(f"{zs}.{table}.1.{1 if enforced else 2}.{vsan}.{zi}|4|{zname}")
                bits = bytearray(max(1, (len(alias_idx) + 7) // 8))
                mi = 0
                for m in z.all_members():
                    if m in alias_idx:
                        bits[(alias_idx[m] - 1) // 8] |= 0x80 >> ((alias_idx[m] - 1) % 8)
                        continue
                    enc = member(m)
                    if enc is None:
                        continue
                    mi += 1
                    fcol, icol, acol = (1, 2, 4) if enforced else (4, 5, 8)
                    recs += [
                        f"{zs}.{mtable}.1.{fcol}.{vsan}.1.{zi}.{mi}|2|{enc[0]}",
                        f"{zs}.{mtable}.1.{icol}.{vsan}.1.{zi}.{mi}|4x|{enc[1].hex()}",
                    ]
                    tag = z.tags.get(m)
                    if tag:
                        recs.append(
                            f"{zs}.{mtable}.1.{acol}.{vsan}.1.{zi}.{mi}|2|"
                            f"{ {'init': 1, 'target': 2, 'both': 3}[tag] }"
                        )
                if any(bits):
                    recs.append(
                        f"{zs}.{table}.1.{3 if enforced else 4}.{vsan}.{zi}|4x|{bits.hex()}"
                    )
            if not enforced:
                for si, (cname, zones) in enumerate(sorted(db.configs.items()), 1):
                    bits = bytearray(max(1, (len(zone_idx) + 7) // 8))
                    for zn in zones:
                        if zn in zone_idx:
                            bits[(zone_idx[zn] - 1) // 8] |= 0x80 >> ((zone_idx[zn] - 1) % 8)
                    recs += [
                        f"{zs}.4.1.2.{vsan}.{si}|4|{cname}",
                        f"{zs}.4.1.3.{vsan}.{si}|4x|{bits.hex()}",
                    ]
            elif db.effective:
                recs.append(f"{zs}.13.1.1.{vsan}|4|{db.effective}")
    ns = "1.3.6.1.4.1.9.9.293.1.1.4.1"
    fl = "1.3.6.1.4.1.9.9.289.1.1.5.1"
    ifnames = {
        p.name: 16842752 + i * 4096
        for i, p in enumerate(sorted(state.ports.values(), key=lambda p: p.name))
    }
    for pname, ifx in ifnames.items():
        p = state.ports[pname]
        recs += [
            f"1.3.6.1.2.1.2.2.1.3.{ifx}|2|56",
            f"1.3.6.1.2.1.2.2.1.8.{ifx}|2|{1 if (p.state or '') == 'up' else 2}",
            f"1.3.6.1.2.1.31.1.1.1.1.{ifx}|4|{pname}",
        ]
    per_if: dict[int, int] = {}
    for lg in sorted(state.logins.values(), key=lambda x: (x.vsan, x.wwpn)):
        fcid = bytes.fromhex((lg.fcid or "0x010000")[2:])
        v = lg.vsan or 1
        recs += [f"{ns}.2.{v}.{_fixed(fcid)}|4x|{_wwn(lg.wwpn)}", f"{ns}.8.{v}.{_fixed(fcid)}|2|2"]
        if lg.wwnn:
            recs.append(f"{ns}.3.{v}.{_fixed(fcid)}|4x|{_wwn(lg.wwnn)}")
        if lg.port in ifnames:
            ifx = ifnames[lg.port]
            k = per_if[ifx] = per_if.get(ifx, 0) + 1
            recs += [
                f"{fl}.3.{ifx}.{v}.{k}|4x|{_wwn(lg.wwpn)}",
                f"{fl}.4.{ifx}.{v}.{k}|4x|{fcid.hex()}",
            ]
    return recs


def generated_brocade(ports: int, name: str = "bench-sw") -> SwitchState:
    """A Brocade switch state with ``ports`` online F-ports, one login each (benchmarks)."""
    from zoneplan.observed import Login, Port, SwitchIdentity

    st = SwitchState(identity=SwitchIdentity(name=name, domain=1), vendor="brocade")
    for n in range(ports):
        st.ports[str(n)] = Port(name=str(n), index=n, port=n, state="Online", type="F-Port")
        w = f"10:00:00:10:9b:{(n >> 16) & 0xFF:02x}:{(n >> 8) & 0xFF:02x}:{n & 0xFF:02x}"
        st.add_login(Login(wwpn=w, port=str(n), switch=name))
    return st


class SnmpAgent:
    """A snmpsim process serving ``data_dir`` on 127.0.0.1:``port`` (context manager).

    Extra files: ``add_records(name, lines)`` writes ``<name>.snmprec``; ``link_recordings()``
    copies the real recordings into the (temporary) data dir (community = file name without extension).
    Start after adding data: snmpsim indexes the directory at start-up.
    """

    def __init__(self, workdir: Path, port: int | None = None) -> None:
        self.workdir = Path(workdir)
        self.data = self.workdir / "data"
        self.cache = self.workdir / "cache"
        self.data.mkdir(parents=True, exist_ok=True)
        self.cache.mkdir(parents=True, exist_ok=True)
        self.port = port or free_udp_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = self.workdir / "snmpsim.log"

    @staticmethod
    def available() -> bool:
        return _exe() is not None

    def add_records(self, name: str, lines: Iterable[str]) -> int:
        return write_snmprec(self.data / f"{name}.snmprec", lines)

    def link_recordings(self) -> list[str]:
        src = recordings_dir()
        if src is None:
            return []
        out = []
        for r in _RECORDINGS:
            dst = self.data / r.removesuffix(".bz2")
            if not dst.exists():
                # a decompressed copy in the temporary data dir (snmpsim resolves symlinks,
                # which would change the community, and re-reads .bz2 slowly); never into
                # the repository
                dst.write_bytes(bz2.decompress((src / r).read_bytes()))
            out.append(r.split(".")[0])
        return out

    @property
    def address(self) -> tuple[str, int]:
        return ("127.0.0.1", self.port)

    def start(self, wait_community: str | None = None, timeout: float = 60.0) -> SnmpAgent:
        exe = _exe()
        if exe is None:
            raise RuntimeError("snmpsim-command-responder is not installed")
        env = dict(os.environ, SNMPSIM_ALLOW_ROOT="true")
        logf = open(self.log, "wb")
        self.proc = subprocess.Popen(
            [
                exe,
                f"--data-dir={self.data}",
                f"--cache-dir={self.cache}",
                f"--agent-udpv4-endpoint=127.0.0.1:{self.port}",
                f"--v3-user={V3_USER}",
                f"--v3-auth-key={V3_AUTH}",
                "--v3-auth-proto=SHA",
                f"--v3-priv-key={V3_PRIV}",
                "--v3-priv-proto=AES",
                "--max-var-binds=64",
                "--logging-method=null",
            ],
            stdout=logf,
            stderr=subprocess.STDOUT,
            env=env,
        )
        logf.close()
        community = wait_community or next(
            (p.name.split(".")[0] for p in sorted(self.data.iterdir())), "public"
        )
        deadline = time.monotonic() + timeout
        for _ in range(10_000):
            if self.proc.poll() is not None:
                raise RuntimeError(
                    "snmpsim exited: " + self.log.read_text(errors="replace")[-2000:]
                )
            if asyncio.run(_answers(self.port, community)):
                return self
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("snmpsim did not answer in time")
            time.sleep(0.2)
        return self

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.proc = None

    def __enter__(self) -> SnmpAgent:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _exe() -> str | None:
    return shutil.which(
        "snmpsim-command-responder", path=os.path.dirname(sys.executable)
    ) or shutil.which("snmpsim-command-responder")


async def _answers(port: int, community: str) -> bool:
    from pysnmp.hlapi.v3arch.asyncio import (
        CommunityData,
        ContextData,
        ObjectIdentity,
        ObjectType,
        UdpTransportTarget,
        get_cmd,
    )

    from zoneplan.live.snmp import new_engine

    eng = new_engine()
    try:
        tgt = await UdpTransportTarget.create(("127.0.0.1", port), timeout=0.5, retries=0)
        ei, es, _x, _v = await get_cmd(
            eng,
            CommunityData(community),
            tgt,
            ContextData(),
            ObjectType(ObjectIdentity("1.3.6.1.2.1.1.1.0")),
            lookupMib=False,
        )
        return not ei and not es
    finally:
        eng.close_dispatcher()
