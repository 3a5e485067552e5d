"""An SNMP agent in this process: pysnmp's own command responder, serving snmprec records.

Why beside snmpsim (:mod:`tests.support.snmp_agent`): the rule examples read several switches
at once, each on its own UDP port with its own data, many times per test run; a snmpsim
process takes seconds to start. This is the same engine snmpsim is built on (pysnmp's
``cmdrsp`` GET/GETNEXT/GETBULK responders with USM and VACM: SNMPv1, v2c and v3 authPriv),
with the MIB instrumentation replaced by a sorted table of records, so what a manager sees on
the wire (PDUs, error statuses, USM reports for a wrong key) is an agent's.

``fault``: ``""`` serves every record; ``"generr"`` answers GET but every walk with
error-status genErr (an agent's view problem); ``"no-logins"`` serves no name-server rows.
"""

from __future__ import annotations

import bisect
import socket
from typing import Iterable

from pysnmp.carrier.asyncio.dgram import udp
from pysnmp.entity import config, engine
from pysnmp.entity.rfc3413 import cmdrsp, context
from pysnmp.proto.api import v2c
from pysnmp.smi import error as smi_error
from pysnmp.smi import instrum

__all__ = ["SnmpResponder", "value_of"]

#: name-server tables (FA-MIB connUnitSnsTable, FIBRE-CHANNEL-FE-MIB, CISCO-NS-MIB)
_NAME_SERVER = ("1.3.6.1.3.94.5.2.1", "1.3.6.1.2.1.75.1.2.3", "1.3.6.1.4.1.9.9.293")


def value_of(tag: str, text: str) -> object:
    """An snmprec ``tag|value`` as a pysnmp value (``4x``: the value is hex)."""
    hexed = tag.endswith("x")
    kind = int(tag.rstrip("x"))
    raw = bytes.fromhex(text) if hexed else text.encode("latin-1")
    if kind == 4:
        return v2c.OctetString(raw)
    if kind == 6:
        return v2c.ObjectIdentifier(text)
    if kind == 64:
        return v2c.IpAddress(raw if hexed else text)
    number = int(text)
    return {
        2: v2c.Integer32,
        65: v2c.Counter32,
        66: v2c.Gauge32,
        67: v2c.TimeTicks,
        70: v2c.Counter64,
    }[kind](number)


_NAME_SERVER_OIDS = tuple(tuple(int(x) for x in p.split(".")) for p in _NAME_SERVER)


def _hidden(oid: tuple[int, ...], fault: str) -> bool:
    return fault == "no-logins" and any(oid[: len(p)] == p for p in _NAME_SERVER_OIDS)


class _Records(instrum.AbstractMibInstrumController):
    """A MIB of fixed records, in OID order; ``fault`` may change between requests."""

    def __init__(self, records: dict[tuple[int, ...], object], fault: str) -> None:
        self.values = records
        self.oids = sorted(records)
        self.fault = fault

    def read_variables(self, *var_binds, **ctx):  # noqa: ANN002, ANN003, ANN201
        out = []
        for oid, _ in var_binds:
            key = tuple(oid)
            value = self.values.get(key) if not _hidden(key, self.fault) else None
            out.append((oid, value if value is not None else v2c.NoSuchInstance()))
        return out

    def read_next_variables(self, *var_binds, **ctx):  # noqa: ANN002, ANN003, ANN201
        if self.fault == "generr":
            raise smi_error.GenError(idx=0)
        out = []
        for oid, _ in var_binds:
            i = bisect.bisect_right(self.oids, tuple(oid))
            while i < len(self.oids) and _hidden(self.oids[i], self.fault):
                i += 1
            if i < len(self.oids):
                nxt = self.oids[i]
                out.append((v2c.ObjectIdentifier(nxt), self.values[nxt]))
            else:
                out.append((oid, v2c.EndOfMibView()))
        return out


class SnmpResponder:
    """One agent on 127.0.0.1 (start it in a running event loop: ``EmulatorThread`` does)."""

    def __init__(
        self,
        records: Iterable[str],
        *,
        community: str,
        v3: tuple[str, str, str] | None = None,
        fault: str = "",
    ) -> None:
        table: dict[tuple[int, ...], object] = {}
        for line in records:
            oid, tag, text = line.split("|", 2)
            table[tuple(int(x) for x in oid.split("."))] = value_of(tag, text)
        self.records = _Records(table, fault)
        self.community = community
        self.v3 = v3
        self.port = 0
        self.host_key = None  #: not an SSH switch: nothing for known_hosts
        self._engine: engine.SnmpEngine | None = None

    async def start(self) -> int:
        eng = engine.SnmpEngine()
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        config.add_transport(eng, udp.DOMAIN_NAME, udp.UdpTransport().open_server_mode(sock=sock))
        config.add_v1_system(eng, "lab-area", self.community)
        config.add_vacm_user(eng, 1, "lab-area", "noAuthNoPriv", (1, 3, 6), ())
        config.add_vacm_user(eng, 2, "lab-area", "noAuthNoPriv", (1, 3, 6), ())
        if self.v3 is not None:
            user, auth, priv = self.v3
            config.add_v3_user(
                eng,
                user,
                config.USM_AUTH_HMAC96_SHA,
                auth,
                config.USM_PRIV_CFB128_AES,
                priv,
            )
            config.add_vacm_user(eng, 3, user, "authPriv", (1, 3, 6), ())
        snmp_context = context.SnmpContext(eng)
        snmp_context.unregister_context_name(b"")  # the default context: our records instead
        snmp_context.register_context_name(b"", self.records)
        cmdrsp.GetCommandResponder(eng, snmp_context)
        cmdrsp.NextCommandResponder(eng, snmp_context)
        cmdrsp.BulkCommandResponder(eng, snmp_context)
        eng.open_dispatcher()
        self._engine = eng
        return self.port

    @property
    def fault(self) -> str:
        return self.records.fault

    @fault.setter
    def fault(self, value: str) -> None:
        """What the agent does wrong from the next request on (``""``: nothing)."""
        self.records.fault = value

    async def stop(self) -> None:
        if self._engine is not None:
            self._engine.close_dispatcher()
            self._engine = None
