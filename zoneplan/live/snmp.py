"""SNMP adapter: GETBULK walks of the catalogued value columns with pysnmp 7 (asyncio).

Why this way (the saved form: ``docs/snmp-text-form.md``): numeric OIDs from the vendor pack's
``snmp.yaml`` (no MIB files at runtime, ``lookupMib=False``); our own GETBULK loop rather than
``bulk_walk_cmd``, because that generator retries a timed-out walk forever and may return OIDs
past the requested column; we stop on the first error indication, check every OID against the
column prefix, refuse non-increasing OIDs, and bound rows, requests and time.

SNMPv2c/v1 work but are reported insecure (ZP723, the community travels in clear text);
SNMPv3 authPriv (SHA family + AES) is preferred. The result is a list of
:class:`~zoneplan.parsers.snmpwalk.Record` plus per-column walk status, which
:mod:`zoneplan.parsers.snmpwalk` turns into the saved text form and the observed state.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from pysnmp.hlapi.v3arch.asyncio import (
    USM_AUTH_HMAC96_MD5,
    USM_AUTH_HMAC96_SHA,
    USM_AUTH_HMAC128_SHA224,
    USM_AUTH_HMAC192_SHA256,
    USM_AUTH_HMAC256_SHA384,
    USM_AUTH_HMAC384_SHA512,
    USM_PRIV_CBC56_DES,
    USM_PRIV_CBC168_3DES,
    USM_PRIV_CFB128_AES,
    USM_PRIV_CFB192_AES,
    USM_PRIV_CFB256_AES,
    USM_PRIV_NONE,
    CommunityData,
    ContextData,
    ObjectIdentity,
    ObjectType,
    SnmpEngine,
    UdpTransportTarget,
    UsmUserData,
    bulk_cmd,
    get_cmd,
)
from pysnmp.proto import rfc1902, rfc1905

from ..findings import Finding, Location
from ..parsers.snmpwalk import Catalogue, Oid, Record, WalkStatus, load_catalogue
from ..rules.transport import (
    PartialRead,
    SnmpAuthFailed,
    SnmpErrorStatus,
    SnmpInsecureVersion,
    SnmpTableAbsent,
    SnmpTimeout,
    SnmpWalkBounded,
    SwitchTimeout,
    SwitchUnreachable,
)
from .credentials import Credential, redact
from .snmperrors import SnmpFailure
from .snmpfast import V2cClient

__all__ = ["SnmpOptions", "SnmpRead", "read_switch_snmp", "walk_column", "to_record", "new_engine"]

AUTH_PROTOCOLS = {
    "MD5": USM_AUTH_HMAC96_MD5,
    "SHA": USM_AUTH_HMAC96_SHA,
    "SHA224": USM_AUTH_HMAC128_SHA224,
    "SHA256": USM_AUTH_HMAC192_SHA256,
    "SHA384": USM_AUTH_HMAC256_SHA384,
    "SHA512": USM_AUTH_HMAC384_SHA512,
}
PRIV_PROTOCOLS = {
    "DES": USM_PRIV_CBC56_DES,
    "3DES": USM_PRIV_CBC168_3DES,
    "AES": USM_PRIV_CFB128_AES,
    "AES128": USM_PRIV_CFB128_AES,
    "AES192": USM_PRIV_CFB192_AES,
    "AES256": USM_PRIV_CFB256_AES,
}
_AUTH_ERRORS = (
    "wrong snmp pdu digest",
    "unknown usm user",
    "unknownusername",
    "decryption",
    "unsupported security level",
    "not in time window",
    "authentication",
    "ciphering services not available",
)


@dataclass
class SnmpOptions:
    """Limits of an SNMP read (seconds, rows, PDU sizes)."""

    version: str = "2c"  #: ``1``, ``2c`` or ``3`` (3 when the credential has a v3 user)
    timeout: float = 2.0  #: per request
    retries: int = 1  #: per request (pysnmp's own retransmissions)
    max_repetitions: int = 25
    max_rows: int = 200_000  #: per column
    switch_timeout: float = 300.0
    context: str = ""  #: SNMPv3 context name (snmpsim uses it to pick a data file)
    parallel: int = 4  #: columns walked at once (overlaps our decoding with the agent's work)
    fast_v2c: bool = True  #: v2c walks with :mod:`zoneplan.live.snmpfast` (pysnmp for v3)


@dataclass
class SnmpRead:
    """Result of reading one switch over SNMP."""

    records: list[Record] = field(default_factory=list)
    statuses: list[WalkStatus] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    connected: bool = False
    complete: bool = False
    version: str = ""


def to_record(name: object, value: object) -> Record | None:
    """A pysnmp (ObjectName, value) → :class:`Record` with its snmprec tag."""
    oid = tuple(name)  # type: ignore[arg-type]
    if isinstance(value, (rfc1905.EndOfMibView, rfc1905.NoSuchObject, rfc1905.NoSuchInstance)):
        return None
    if isinstance(value, rfc1902.Counter64):
        return Record(oid, 70, int(value))
    if isinstance(value, rfc1902.Counter32):
        return Record(oid, 65, int(value))
    if isinstance(value, rfc1902.TimeTicks):
        return Record(oid, 67, int(value))
    if isinstance(value, (rfc1902.Gauge32, rfc1902.Unsigned32)):
        return Record(oid, 66, int(value))
    if isinstance(value, rfc1902.IpAddress):
        return Record(oid, 64, bytes(value))
    if isinstance(value, rfc1902.Opaque):
        return Record(oid, 68, bytes(value))
    if isinstance(value, rfc1902.Integer32) or value.__class__.__name__ == "Integer":
        return Record(oid, 2, int(value))  # type: ignore[call-overload]
    if isinstance(value, rfc1902.OctetString):
        return Record(oid, 4, bytes(value))
    if isinstance(value, rfc1902.ObjectIdentifier):
        return Record(oid, 6, ".".join(map(str, tuple(value))))
    return None


def _classify(error_indication: object) -> SnmpFailure:
    text = str(error_indication)
    low = text.lower() + " " + error_indication.__class__.__name__.lower()
    if "timed out" in low or "timeout" in low:
        return SnmpFailure("timeout", text)
    if any(k in low for k in _AUTH_ERRORS):
        return SnmpFailure("auth", text)
    return SnmpFailure("status", text)


#: SNMP error-status noSuchName (RFC 1157)
_NO_SUCH_NAME = 2


async def walk_column(
    engine: SnmpEngine,
    auth: object,
    target: UdpTransportTarget,
    ctx: ContextData,
    column: Oid,
    *,
    max_repetitions: int = 25,
    max_rows: int = 200_000,
) -> list[Record]:
    """Every row of one column, in OID order; raises :class:`SnmpFailure` on any error.

    Bounded: at most ``max_rows`` rows (then ``bounded``); stops at the end of the column,
    at endOfMibView, on an empty response, and on an OID seen before (a loop). Non-increasing
    OIDs are accepted (net-snmp's ``-Cc``): real FOS returns connUnitSnsTable in FC_ID order,
    which is not the lexicographic order of its index.
    """
    n = len(column)
    out: list[Record] = []
    seen: set[Oid] = set()
    cursor = column
    for _ in range(max_rows // max(1, max_repetitions) + 2):
        err_ind, err_stat, err_idx, vbs = await bulk_cmd(
            engine,
            auth,
            target,
            ctx,
            0,
            max_repetitions,
            ObjectType(ObjectIdentity(cursor)),
            lookupMib=False,
        )
        if err_ind:
            raise _classify(err_ind)
        if err_stat and int(err_stat) != 0:
            if int(err_stat) == _NO_SUCH_NAME and getattr(auth, "message_processing_model", 1) == 0:
                # SNMPv1 has no endOfMibView: a GETNEXT past the last object of the agent's
                # MIB view is answered with noSuchName (RFC 1157 4.1.3; RFC 3584 4.2.1 maps
                # endOfMibView to it). The walk is over, not broken.
                return out
            raise SnmpFailure("status", f"{err_stat.prettyPrint()} at index {int(err_idx)}")
        if not vbs:
            return out
        for name, value in vbs:
            oid = tuple(name)
            if oid[:n] != column or isinstance(value, rfc1905.EndOfMibView):
                return out
            if oid in seen or oid == cursor:
                raise SnmpFailure("status", f"agent returned {name} twice (a loop)")
            seen.add(oid)
            rec = to_record(name, value)
            if rec is not None:
                out.append(rec)
            cursor = oid
            if len(out) >= max_rows:
                raise SnmpFailure("bounded", f"more than {max_rows} rows")
    raise SnmpFailure("bounded", "too many requests")


class _NoMibCompiler:
    """Stands in for pysmi's compiler: we never resolve MIB names (numeric OIDs only).

    Why: pysnmp builds a pysmi parser (about a second of CPU) per engine the first time it
    resolves any OID, even numeric ones with ``lookupMib=False``; with one engine per switch
    that would dominate a concurrent read.
    """

    def compile(self, *args: object, **kwargs: object) -> dict:
        return {}


def new_engine() -> SnmpEngine:
    """An SNMP engine that will not load a MIB compiler."""
    engine = SnmpEngine()
    engine.get_mib_builder().set_mib_compiler(_NoMibCompiler(), "/nonexistent/zoneplan-no-mibs")
    return engine


def auth_data(cred: Credential, version: str) -> tuple[object, str]:
    """pysnmp auth data for the credential and the version actually used."""
    if version == "3" or (cred.has_snmp_v3 and version != "1" and not cred.community):
        auth = AUTH_PROTOCOLS.get(cred.auth_protocol.upper(), USM_AUTH_HMAC96_SHA)
        priv = PRIV_PROTOCOLS.get(cred.priv_protocol.upper(), USM_PRIV_CFB128_AES)
        return (
            UsmUserData(
                cred.snmp_user or "",
                authKey=cred.auth_key.reveal() if cred.auth_key else None,
                privKey=cred.priv_key.reveal() if cred.priv_key else None,
                authProtocol=auth,
                privProtocol=priv if cred.priv_key else USM_PRIV_NONE,
            ),
            "3",
        )
    community = cred.community.reveal() if cred.community else "public"
    return CommunityData(community, mpModel=0 if version == "1" else 1), (
        "1" if version == "1" else "2c"
    )


async def read_switch_snmp(
    switch: str,
    vendor: str,
    host: str,
    port: int,
    credential: Credential,
    options: SnmpOptions | None = None,
    catalogue: Catalogue | None = None,
) -> SnmpRead:
    """Walk the vendor's catalogue on one switch; never raises for agent or network problems."""
    opts = options or SnmpOptions()
    cat = catalogue or load_catalogue(vendor)
    res = SnmpRead()
    secrets = credential.secrets()
    loc = Location(f"{switch}:snmp")

    def add(rule, msg: str, where: Location = loc, hint: str = "") -> None:
        res.findings.append(rule.make(redact(msg, secrets), where, subject=switch, hint=hint))

    version = "3" if credential.has_snmp_v3 and opts.version != "1" else opts.version
    if version == "3" and not credential.has_snmp_v3:
        version = "2c"
    auth, res.version = auth_data(credential, version)
    if res.version in ("1", "2c"):
        add(
            SnmpInsecureVersion,
            f"{switch}: read with SNMPv{res.version}; the community travels in clear text",
            hint="use SNMPv3 authPriv (SHA/AES)",
        )
    elif not credential.priv_key:
        add(
            SnmpInsecureVersion,
            f"{switch}: SNMPv3 without privacy (authNoPriv): values travel in clear text",
            hint="add a priv_key (AES)",
        )
    engine = new_engine()
    ctx = ContextData(contextName=opts.context) if opts.context else ContextData()
    try:
        async with asyncio.timeout(opts.switch_timeout):
            try:
                target = await UdpTransportTarget.create(
                    (host, port), timeout=opts.timeout, retries=opts.retries
                )
            except Exception as e:  # name resolution / socket errors (pysnmp wraps them)
                add(SwitchUnreachable, f"{switch} ({host}:{port}): {e}")
                return res
            # scalars first: they also tell whether the agent answers at all
            oids = list(cat.scalars.values())
            err_ind, err_stat, _idx, vbs = await get_cmd(
                engine,
                auth,
                target,
                ctx,
                *[ObjectType(ObjectIdentity(o)) for o in oids],
                lookupMib=False,
            )
            if err_ind:
                f = _classify(err_ind)
                if f.kind == "timeout":
                    add(
                        SnmpTimeout,
                        f"{switch} ({host}:{port}): no SNMP answer within "
                        f"{opts.timeout:g}s x {opts.retries + 1} (wrong community looks the same)",
                    )
                elif f.kind == "auth":
                    add(SnmpAuthFailed, f"{switch}: {f}")
                else:
                    add(SnmpErrorStatus, f"{switch}: {f}")
                return res
            res.connected = True
            for name, value in vbs:
                rec = to_record(name, value)
                if rec is not None:
                    res.records.append(rec)
            failed = 0
            table_rows: dict[str, int] = {}
            sem = asyncio.Semaphore(max(1, opts.parallel))
            gave_up: list[str] = []
            walked: dict[Oid, tuple[WalkStatus, list[Record]]] = {}

            async def walk(col: str, oid: Oid) -> None:
                async with sem:
                    st = WalkStatus(col, oid)
                    if gave_up:  # the agent timed out or refused us: do not hammer it
                        st.status = f"error: skipped after {gave_up[0]}"
                        walked[oid] = (st, [])
                        return
                    try:
                        if fast is not None:
                            rows = await fast.walk(
                                oid, max_repetitions=opts.max_repetitions, max_rows=opts.max_rows
                            )
                        else:
                            rows = await walk_column(
                                engine,
                                auth,
                                target,
                                ctx,
                                oid,
                                max_repetitions=opts.max_repetitions,
                                max_rows=opts.max_rows,
                            )
                    except SnmpFailure as f:
                        st.status = f"error: {f.kind}: {f}" if f.kind != "bounded" else "bounded"
                        walked[oid] = (st, [])
                        where = Location(f"{switch}:snmp {col}")
                        if f.kind == "timeout":
                            gave_up.append(f"a timeout on {col}")
                            add(SnmpTimeout, f"{switch}: walk of {col} timed out", where)
                        elif f.kind == "auth":
                            gave_up.append(f"an authentication failure on {col}")
                            add(SnmpAuthFailed, f"{switch}: walk of {col}: {f}", where)
                        elif f.kind == "bounded":
                            add(SnmpWalkBounded, f"{switch}: walk of {col} stopped: {f}", where)
                        else:
                            add(SnmpErrorStatus, f"{switch}: walk of {col}: {f}", where)
                        return
                    st.rows = len(rows)
                    st.status = "complete" if rows else "empty"
                    walked[oid] = (st, rows)

            # columns are walked a few at a time: while we decode one response, the agent
            # prepares the next; results are kept in catalogue order
            fast: V2cClient | None = None
            if res.version == "2c" and opts.fast_v2c and credential.community:
                fast = V2cClient(
                    host,
                    port,
                    credential.community.reveal(),
                    timeout=opts.timeout,
                    retries=opts.retries,
                )
                await fast.__aenter__()
            try:
                await asyncio.gather(*(walk(col, oid) for _t, col, oid in cat.columns()))
            finally:
                if fast is not None:
                    await fast.__aexit__()
            for table, _col, oid in cat.columns():
                st, rows = walked[oid]
                res.statuses.append(st)
                res.records.extend(rows)
                if st.status not in ("complete", "empty"):
                    failed += 1
                else:
                    table_rows[table] = table_rows.get(table, 0) + len(rows)
            for table, n in table_rows.items():
                if n == 0:
                    add(
                        SnmpTableAbsent,
                        f"{switch}: {table} has no rows on this agent",
                        Location(f"{switch}:snmp {table}"),
                    )
            res.complete = failed == 0
            if not res.complete:
                add(
                    PartialRead,
                    f"{switch}: {failed} of {len(cat.columns())} SNMP "
                    "columns not read; the switch is partly unknown",
                )
    except TimeoutError:
        add(SwitchTimeout, f"{switch}: SNMP read not finished within {opts.switch_timeout:g}s")
        res.complete = False
    finally:
        engine.close_dispatcher()
    return res
