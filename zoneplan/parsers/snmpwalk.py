"""The SNMP text form (``snmp_walk.txt``) and its decoding into the observed state.

Why a text form: an SNMP read must be saved in a capture folder and audited offline like
saved CLI output, and a person must be able to read and diff it. The form is snmpsim's
``.snmprec`` (``OID|TAG|VALUE``, sorted by OID) with a ``#`` header saying which switch, which
catalogue columns were walked and whether each walk was complete; so a saved walk can also be
served again by snmpsim for a test. ``docs/snmp-text-form.md`` documents it.

Decoding reads *value columns* (a WWN from ``connUnitSnsPortName``, the port from
``connUnitSnsPortIndex``), not index layouts, because real FOS contradicts its FA-MIB there.
Only where a MIB has no value column for a key (CISCO-NS-MIB's FC_ID, a device-alias name, the
CISCO-ZS-MIB parent zone of a member) is the index read, at its fixed documented position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import yaml

from ..findings import Finding, Location
from ..observed import (
    BROCADE,
    CISCO,
    Login,
    Port,
    SwitchIdentity,
    SwitchState,
    Vsan,
    Zone,
    ZoneDb,
    ZoneStatus,
)
from ..rules.capture import TruncatedOutput, UnrecognisedLine
from ..rules.transport import PartialRead, SnmpValueUndecodable, SnmpZoningUnavailable

__all__ = [
    "Record",
    "WalkStatus",
    "Catalogue",
    "load_catalogue",
    "format_walk",
    "read_walk",
    "parse_snmp_walk",
    "decode_wwn",
    "decode_fcid",
    "decode_member",
    "decode_fclist",
    "MAGIC",
    "FILE_NAME",
]

MAGIC = "# zoneplan snmp walk 1"
FILE_NAME = "snmp_walk.txt"
Oid = tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Record:
    """One varbind: numeric OID, snmprec tag (2 int, 4 octets, 6 OID, 64-70 app types)."""

    oid: Oid
    tag: int
    value: bytes | int | str  #: bytes for tag 4/64/68, int for numbers, dotted str for OIDs


@dataclass(slots=True)
class WalkStatus:
    """How the walk of one column (or GET of a scalar) ended."""

    name: str
    oid: Oid
    status: str = "complete"  #: ``complete``, ``empty``, ``error: …``, ``bounded``
    rows: int = 0


@dataclass(frozen=True)
class Catalogue:
    """A vendor's SNMP catalogue (``vendors/<pack>/snmp.yaml``)."""

    vendor: str
    zoning: bool
    scalars: dict[str, Oid]
    tables: dict[str, dict[str, Oid]]

    def column(self, name: str) -> Oid:
        for cols in self.tables.values():
            if name in cols:
                return cols[name]
        return self.scalars[name]

    def columns(self) -> list[tuple[str, str, Oid]]:
        """(table, column, oid) in catalogue order."""
        return [(t, c, o) for t, cols in self.tables.items() for c, o in cols.items()]


def _oid(s: str) -> Oid:
    return tuple(int(x) for x in str(s).strip(".").split("."))


@lru_cache(maxsize=4)
def load_catalogue(vendor: str) -> Catalogue:
    """The OID catalogue of ``brocade`` or ``cisco`` from its vendor pack."""
    from ..model import SwitchVendor
    from ..packs import pack_for

    path: Path = pack_for(SwitchVendor(vendor)).file("snmp.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Catalogue(
        vendor=data["vendor"],
        zoning=bool(data.get("zoning")),
        scalars={k: _oid(v) for k, v in (data.get("scalars") or {}).items()},
        tables={t: {c: _oid(o) for c, o in cols.items()} for t, cols in data["tables"].items()},
    )


# ---------------------------------------------------------------------------- decoders


def decode_wwn(raw: bytes) -> str | None:
    """8 octets → ``aa:bb:…``; a 16-octet FcGlobalId with 8 trailing zero octets is accepted.

    Returns None for any other size, and for all-zero WWNs (``FcNameIdOrZero`` "none").
    """
    if len(raw) == 16 and raw[8:] == bytes(8):
        raw = raw[:8]
    if len(raw) != 8 or raw == bytes(8):
        return None
    return ":".join(f"{b:02x}" for b in raw)


def decode_fcid(raw: bytes) -> str | None:
    """3-octet FC_ID (or Brocade's 4-octet ``00``+FC_ID) → ``0x010400``."""
    if len(raw) == 4 and raw[0] == 0:
        raw = raw[1:]
    if len(raw) != 3:
        return None
    return "0x" + raw.hex()


def decode_fclist(raw: bytes) -> list[int]:
    """CISCO-ZS-MIB ``FcList`` bitmap → 1-based entity numbers (MSB of octet 1 is 1)."""
    out: list[int] = []
    for i, byte in enumerate(raw):
        for bit in range(8):
            if byte & (0x80 >> bit):
                out.append(i * 8 + bit + 1)
    return out


#: CISCO-ZS-MIB ZoneMemberType
MEMBER_FORMATS = {
    1: "wwn",
    2: "domainPort",
    3: "fcAddr",
    4: "fwwn",
    5: "symNodeName",
    6: "intf",
    7: "domainIntf",
    8: "ipAddr",
    9: "ipAddrv6",
    10: "deviceAlias",
}


def decode_member(fmt: int, raw: bytes) -> str | None:
    """A CISCO-ZS-MIB member (format, ID) in the observed-state spelling; None if malformed.

    wwn → ``aa:…``; deviceAlias → its name; fcAddr → ``fcid 0x010203``; fwwn → ``fwwn aa:…``;
    domainPort → ``domain-id D portnumber P``; symNodeName → ``symbolic-nodename NAME``;
    intf → ``interface ifindex N swwn W``; domainIntf → ``interface ifindex N domain-id D``;
    ipAddr → ``ip-address A.B.C.D``.
    """
    kind = MEMBER_FORMATS.get(fmt)
    if kind == "wwn":
        return decode_wwn(raw)
    if kind == "fwwn":
        w = decode_wwn(raw)
        return f"fwwn {w}" if w else None
    if kind == "fcAddr":
        f = decode_fcid(raw)
        return f"fcid {f}" if f else None
    if kind == "domainPort":
        return f"domain-id {raw[0]} portnumber {raw[1]}" if len(raw) == 2 else None
    if kind in ("deviceAlias", "symNodeName"):
        try:
            text = raw.decode("ascii")
        except UnicodeDecodeError:
            return None
        if not text or not text.isprintable():
            return None
        return text if kind == "deviceAlias" else f"symbolic-nodename {text}"
    if kind == "intf" and len(raw) == 12:
        w = decode_wwn(raw[4:])
        return f"interface ifindex {int.from_bytes(raw[:4], 'big')} swwn {w}"
    if kind == "domainIntf" and len(raw) == 5:
        return f"interface ifindex {int.from_bytes(raw[1:], 'big')} domain-id {raw[0]}"
    if kind == "ipAddr" and len(raw) in (4, 8):
        return "ip-address " + ".".join(str(b) for b in raw[:4])
    if kind == "ipAddrv6" and len(raw) in (16, 20):
        return "ip-address " + ":".join(raw[i : i + 2].hex() for i in range(0, 16, 2))
    return None


# ---------------------------------------------------------------------------- text form

_PRINTABLE = re.compile(r"^[\x21-\x7b\x7d\x7e](?:[\x20-\x7b\x7d\x7e]*[\x21-\x7b\x7d\x7e])?$")


def _fmt_value(tag: int, value: bytes | int | str) -> str:
    if tag == 4 and isinstance(value, bytes):
        try:
            s = value.decode("ascii")
        except UnicodeDecodeError:
            s = ""
        if s and _PRINTABLE.match(s) and not re.fullmatch(r"[0-9a-fA-F]+", s):
            return f"4|{s}"
        return f"4x|{value.hex()}"
    if tag in (64, 68) and isinstance(value, bytes):
        return f"{tag}x|{value.hex()}"
    return f"{tag}|{value}"


def format_walk(
    records: Iterable[Record],
    *,
    switch: str,
    vendor: str,
    statuses: Iterable[WalkStatus] = (),
    version: str = "",
    collected: str = "",
) -> str:
    """The ``snmp_walk.txt`` text: header, then records sorted by OID (duplicates dropped)."""
    head = [MAGIC, f"# switch: {switch}", f"# vendor: {vendor}"]
    if version:
        head.append(f"# snmp-version: {version}")
    if collected:
        head.append(f"# collected: {collected}")
    for st in statuses:
        head.append(f"# walk: {'.'.join(map(str, st.oid))} {st.name} rows={st.rows} {st.status}")
    seen: set[Oid] = set()
    body: list[str] = []
    for r in sorted(records, key=lambda r: r.oid):
        if r.oid in seen:
            continue
        seen.add(r.oid)
        body.append(f"{'.'.join(map(str, r.oid))}|{_fmt_value(r.tag, r.value)}")
    return "\n".join(head + body) + "\n"


@dataclass
class Walk:
    """A parsed ``snmp_walk.txt``."""

    switch: str = ""
    vendor: str = ""
    version: str = ""
    statuses: list[WalkStatus] = field(default_factory=list)
    values: dict[Oid, Record] = field(default_factory=dict)


def read_walk(text: str, source: str = FILE_NAME) -> tuple[Walk, list[Finding]]:
    """Parse the text form; bad lines are ZP025 findings naming file and line."""
    walk = Walk()
    findings: list[Finding] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            body = line[1:].strip()
            key, _, val = body.partition(":")
            val = val.strip()
            if key == "switch":
                walk.switch = val
            elif key == "vendor":
                walk.vendor = val
            elif key == "snmp-version":
                walk.version = val
            elif key == "walk":
                parts = val.split(None, 3)
                if len(parts) >= 4 and parts[2].startswith("rows="):
                    walk.statuses.append(
                        WalkStatus(parts[1], _oid(parts[0]), parts[3], int(parts[2][5:]))
                    )
            continue
        oid_s, sep, rest = line.partition("|")
        tag_s, sep2, val = rest.partition("|")
        try:
            oid = _oid(oid_s)
            hexed = tag_s.endswith("x")
            tag = int(tag_s.rstrip("xe").split(":")[0])
            value: bytes | int | str
            if tag in (4, 64, 68):
                value = bytes.fromhex(val) if hexed else val.encode("latin-1")
            elif tag == 6:
                value = val
            elif tag in (5, 128, 129, 130):
                value = 0
            else:
                value = int(val)
            if not sep or not sep2:
                raise ValueError
        except ValueError:
            findings.append(
                UnrecognisedLine.make(
                    f"not an OID|TAG|VALUE record: {line[:80]!r}", Location(source, n)
                )
            )
            continue
        walk.values[oid] = Record(oid, tag, value)
    return walk, findings


# ---------------------------------------------------------------------------- decoding


class _Cols:
    """Column access on a walk: ``rows(oid)`` → {index suffix: value}."""

    def __init__(self, walk: Walk) -> None:
        self.walk = walk
        self._sorted = sorted(walk.values)

    def rows(self, prefix: Oid) -> dict[Oid, bytes | int | str]:
        import bisect

        n = len(prefix)
        i = bisect.bisect_left(self._sorted, prefix)
        out: dict[Oid, bytes | int | str] = {}
        while i < len(self._sorted) and self._sorted[i][:n] == prefix:
            oid = self._sorted[i]
            out[oid[n:]] = self.walk.values[oid].value
            i += 1
        return out

    def scalar(self, oid: Oid) -> bytes | int | str | None:
        r = self.walk.values.get(oid)
        return r.value if r is not None else None


def _text(v: object) -> str | None:
    if isinstance(v, bytes):
        s = v.decode("utf-8", "replace").strip("\x00 ").strip()
        return s or None
    if isinstance(v, str):
        return v or None
    return None


_PHY = {
    1: "No_Card",
    2: "No_Module",
    3: "Laser_Flt",
    4: "No_Light",
    5: "No_Sync",
    6: "In_Sync",
    7: "Port_Flt",
    8: "Diag_Flt",
    9: "Lock_Ref",
    10: "Mod_Val",
    11: "Mod_Inv",
    14: "No_SigDet",
    255: "Unknown",
}
_BRCD_TYPE = {3: "FL-Port", 4: "F-Port", 5: "E-Port", 6: "G-Port", 7: "EX-Port", 8: "D-Port"}
_FA_TYPE = {5: "N-Port", 6: "NL-Port", 7: "FL-Port", 8: "F-Port", 9: "E-Port", 10: "G-Port"}
_SPEED = {1: "1G", 2: "2G", 3: "N", 4: "4G", 5: "8G", 6: "10G", 8: "16G"}


def _undecodable(findings: list[Finding], source: str, what: str, idx: Oid, raw: object) -> None:
    size = len(raw) if isinstance(raw, bytes) else "?"
    findings.append(
        SnmpValueUndecodable.make(
            f"{what} at index {'.'.join(map(str, idx))}: {size} octets, skipped",
            Location(source),
        )
    )


def _brocade(
    state: SwitchState, cols: _Cols, cat: Catalogue, source: str, fnd: list[Finding]
) -> None:
    c = cat.column
    fw = _text(cols.scalar(c("swFirmwareVersion")))
    dom = cols.scalar(c("swDomainID"))
    state.identity.firmware = fw
    state.identity.domain = dom if isinstance(dom, int) else None
    el = cols.scalar(c("fcFeElementName"))
    state.identity.wwn = decode_wwn(el) if isinstance(el, bytes) else None
    pr = cols.scalar(c("swPrincipalSwitch"))
    if pr in (1, 2):
        state.identity.role = "Principal" if pr == 1 else "Subordinate"

    # ports: SW-MIB swFCPortTable, INDEX swFCPortIndex = port number + 1
    phy = cols.rows(c("swFCPortPhyState"))
    op = cols.rows(c("swFCPortOpStatus"))
    wwn = cols.rows(c("swFCPortWwn"))
    spd = cols.rows(c("swFCPortSpeed"))
    spec = cols.rows(c("swFCPortSpecifier"))
    btype = cols.rows(c("swFCPortBrcdType"))
    pname = cols.rows(c("swFCPortName"))
    by_wwn: dict[str, Port] = {}
    for idx in sorted(set(phy) | set(wwn) | set(op)):
        number = idx[0] - 1
        name = _text(spec.get(idx)) or str(number)
        slot = port = None
        if "/" in name:
            s, _, p = name.partition("/")
            slot, port = (int(s), int(p)) if s.isdecimal() and p.isdecimal() else (None, None)
        ph = phy.get(idx)
        state_s = _PHY.get(ph) if isinstance(ph, int) else None
        if ph == 6:
            state_s = "Online" if op.get(idx) == 1 else "In_Sync"
        p = Port(
            name=name,
            index=number,
            slot=slot,
            port=port if port is not None else (None if slot is not None else number),
            speed=_SPEED.get(spd.get(idx)) if isinstance(spd.get(idx), int) else None,
            state=state_s,
            type=_BRCD_TYPE.get(btype.get(idx)) if state_s == "Online" else None,
            comment=_text(pname.get(idx)),
        )
        w = wwn.get(idx)
        if isinstance(w, bytes):
            pw = decode_wwn(w)
            if pw:
                by_wwn[pw] = p
        state.ports[p.name] = p
    if not state.ports:  # FA-MIB connUnitPortTable when SW-MIB is not exposed
        st = cols.rows(c("connUnitPortState"))
        ty = cols.rows(c("connUnitPortType"))
        pi = cols.rows(c("connUnitPortIndex"))
        for idx, val in sorted(pi.items()):
            if not isinstance(val, int):
                continue
            p = Port(name=str(val - 1), index=val - 1, port=val - 1)
            s = st.get(idx)
            p.state = (
                {2: "Online", 3: "Offline", 5: "Diagnostics"}.get(s) if isinstance(s, int) else None
            )
            t = ty.get(idx)
            p.type = _FA_TYPE.get(t) if isinstance(t, int) and p.state == "Online" else None
            state.ports[p.name] = p
    if state.ports:
        state.seen["ports"] = source

    # logins: FA-MIB connUnitSnsTable value columns (port index, FC_ID, WWPN, WWNN, symbols)
    sport = cols.rows(c("connUnitSnsPortIndex"))
    sfcid = cols.rows(c("connUnitSnsPortIdentifier"))
    swwpn = cols.rows(c("connUnitSnsPortName"))
    swwnn = cols.rows(c("connUnitSnsNodeName"))
    sfab = cols.rows(c("connUnitSnsFabricPortName"))
    ssym = cols.rows(c("connUnitSnsSymbolicPortName"))
    nsym = cols.rows(c("connUnitSnsSymbolicNodeName"))
    for idx, raw in sorted(swwpn.items()):
        w = decode_wwn(raw) if isinstance(raw, bytes) else None
        if w is None:
            _undecodable(fnd, source, "connUnitSnsPortName", idx, raw)
            continue
        pidx = sport.get(idx)
        port_name = str(pidx - 1) if isinstance(pidx, int) else None
        fab = sfab.get(idx)
        fabw = decode_wwn(fab) if isinstance(fab, bytes) else None
        if fabw and fabw in by_wwn:  # the attached switch port by its WWN (a join on values)
            port_name = by_wwn[fabw].name
        elif port_name is not None and isinstance(pidx, int):
            port_name = next(
                (p.name for p in state.ports.values() if p.index == pidx - 1), port_name
            )
        fc = sfcid.get(idx)
        nn = swwnn.get(idx)
        fcid = decode_fcid(fc) if isinstance(fc, bytes) else None
        login = Login(
            wwpn=w,
            wwnn=decode_wwn(nn) if isinstance(nn, bytes) else None,
            switch=state.identity.name,
            port=port_name,
            fcid=fcid,
            npiv=bool(fcid and not fcid.endswith("00")),  # FDISC logins take port bytes > 0
            fabric_port_wwn=fabw,
            port_symbol=_text(ssym.get(idx)),
            node_symbol=_text(nsym.get(idx)),
        )
        login = state.add_login(login)
        p = state.ports.get(port_name or "")
        if p is not None and w not in p.wwpns:
            p.wwpns.append(w)
    for p in state.ports.values():
        p.npiv_count = max(0, len(p.wwpns) - 1)
    if swwpn or sport:
        state.seen["logins"] = source
    fnd.append(
        SnmpZoningUnavailable.make(
            f"{state.name}: Brocade FOS publishes no zoning over SNMP; zoning was not read "
            "(read it with --via ssh)",
            Location(f"{state.name}:snmp"),
            subject=state.name,
        )
    )


def _zone_db(
    cols: _Cols,
    vsan: int,
    names: dict[Oid, object],
    alias_lists: dict[Oid, object],
    alias_names: dict[Oid, object],
    fmt: dict[Oid, object],
    ids: dict[Oid, object],
    attrs: dict[Oid, object],
    source: str,
    fnd: list[Finding],
) -> ZoneDb:
    db = ZoneDb(source=source)
    members: dict[tuple[int, int], list[str]] = {}
    tags: dict[tuple[int, int], dict[str, str]] = {}
    for idx in sorted(k for k in fmt if k[0] == vsan and len(k) == 4):
        _, ptype, parent, _m = idx
        f, raw = fmt.get(idx), ids.get(idx)
        m = decode_member(f, raw) if isinstance(f, int) and isinstance(raw, bytes) else None
        if m is None:
            _undecodable(fnd, source, "zoneMemberID", idx, raw)
            db.complete = False
            continue
        members.setdefault((ptype, parent), []).append(m)
        a = attrs.get(idx)
        if isinstance(a, int) and a in (1, 2, 3):
            tags.setdefault((ptype, parent), {})[m] = {1: "init", 2: "target", 3: "both"}[a]
    alias_by_index: dict[int, str] = {}
    for (v, aidx), name in sorted(alias_names.items()):
        if v == vsan and (n := _text(name)):
            alias_by_index[aidx] = n
            db.aliases[n] = members.get((2, aidx), [])
    for (v, zidx), name in sorted(names.items()):
        n = _text(name)
        if v != vsan or not n:
            continue
        z = Zone(name=n, members=list(members.get((1, zidx), [])))
        al = alias_lists.get((v, zidx))
        if isinstance(al, bytes):
            z.members.extend(alias_by_index[a] for a in decode_fclist(al) if a in alias_by_index)
        z.tags = tags.get((1, zidx), {})
        db.zones[n] = z
    return db


def _cisco(
    state: SwitchState, cols: _Cols, cat: Catalogue, source: str, fnd: list[Finding]
) -> None:
    c = cat.column
    # VSANs
    for (v,), name in sorted((k, x) for k, x in cols.rows(c("vsanName")).items() if len(k) == 1):
        oper = cols.rows(c("vsanOperState")).get((v,))
        state.vsans[v] = Vsan(
            id=v,
            name=_text(name),
            oper_state={1: "up", 2: "down"}.get(oper) if isinstance(oper, int) else None,
        )
    if state.vsans:
        state.seen["vsans"] = source

    # zone server settings
    dz = cols.rows(c("zoneDefaultZoneBehaviour"))
    prop = cols.rows(c("zoneSetPropagationMode"))
    hard = cols.rows(c("zoneDbHardZoningEnabled"))
    zs_names = cols.rows(c("zoneSetName"))
    zs_lists = cols.rows(c("zoneSetZoneList"))
    z_names = cols.rows(c("zoneName"))
    z_alias = cols.rows(c("zoneAliasList"))
    a_names = cols.rows(c("zoneAliasName"))
    m_fmt = cols.rows(c("zoneMemberFormat"))
    m_id = cols.rows(c("zoneMemberID"))
    m_attr = cols.rows(c("zoneMemberAttr"))
    e_set = cols.rows(c("zoneEnforcedZoneSetName"))
    e_names = cols.rows(c("zoneEnforcedZoneName"))
    e_alias = cols.rows(c("zoneEnforcedZoneAliasList"))
    e_anames = cols.rows(c("zoneEnforcedZoneAliasName"))
    e_fmt = cols.rows(c("zoneEnforcedZoneMemberFormat"))
    e_id = cols.rows(c("zoneEnforcedZoneMemberID"))
    e_attr = cols.rows(c("zoneEnforcedZoneMemberAttr"))
    vsans = {k[0] for k in dz} | {k[0] for k in zs_names} | {k[0] for k in z_names}
    vsans |= {k[0] for k in e_set}
    for v in sorted(vsans):
        zon = state.zoning_for(v)
        st = ZoneStatus(vsan=v)
        d = dz.get((v,))
        st.default_zone = {1: "permit", 2: "deny"}.get(d) if isinstance(d, int) else None
        pm = prop.get((v,))
        st.distribute = {1: "full", 2: "active only"}.get(pm) if isinstance(pm, int) else None
        h = hard.get((v,))
        st.hard_zoning = {1: True, 2: False}.get(h) if isinstance(h, int) else None
        defined = _zone_db(cols, v, z_names, z_alias, a_names, m_fmt, m_id, m_attr, source, fnd)
        for (vv, sidx), name in sorted(zs_names.items()):
            n = _text(name)
            if vv != v or not n:
                continue
            zl = zs_lists.get((vv, sidx))
            zidx = decode_fclist(zl) if isinstance(zl, bytes) else []
            defined.configs[n] = [_text(z_names[(v, i)]) or "" for i in zidx if (v, i) in z_names]
        effective = _zone_db(cols, v, e_names, e_alias, e_anames, e_fmt, e_id, e_attr, source, fnd)
        active = _text(e_set.get((v,)))
        if active:
            effective.configs[active] = list(effective.zones)
            effective.effective = active
            defined.effective = active
        st.active_zoneset = active
        st.full_zonesets = len(defined.configs)
        st.full_zones = len(defined.zones)
        st.full_aliases = len(defined.aliases)
        st.active_zones = len(effective.zones)
        zon.defined, zon.effective, zon.status = defined, effective, st
    if vsans:
        state.seen["zoning"] = source
        state.seen["zone_status"] = source

    # device-aliases: INDEX is the name (length-prefixed); the value column is the WWN
    for idx, raw in sorted(cols.rows(c("cfdaConfigDeviceId")).items()):
        if not idx or idx[0] != len(idx) - 1:
            _undecodable(fnd, source, "cfdaConfigDeviceAlias index", idx, raw)
            continue
        name = bytes(idx[1:]).decode("ascii", "replace")
        w = decode_wwn(raw) if isinstance(raw, bytes) else None
        if w is None:
            _undecodable(fnd, source, "cfdaConfigDeviceId", idx, raw)
            continue
        state.device_aliases[name] = w
    if cols.rows(c("cfdaConfigDeviceId")):
        state.seen["device_aliases"] = source
    wwn_alias = {w: n for n, w in state.device_aliases.items()}

    # interfaces (IF-MIB + CISCO-FC-FE-MIB); fc ports are ifType 56
    if_names = cols.rows(c("ifName"))
    if_type = cols.rows(c("ifType"))
    if_oper = cols.rows(c("ifOperStatus"))
    fc_wwn = cols.rows(c("fcIfWwn"))
    fc_mode = cols.rows(c("fcIfOperMode"))
    modes = {
        1: "auto",
        2: "F",
        3: "FL",
        4: "E",
        5: "B",
        6: "Fx",
        7: "SD",
        8: "TL",
        9: "NP",
        10: "TF",
        11: "TNP",
    }
    ifname: dict[int, str] = {}
    for (ifx,), name in ((k, v) for k, v in if_names.items() if len(k) == 1):
        n = _text(name)
        if n:
            ifname[ifx] = n
        if if_type.get((ifx,)) != 56 and (ifx,) not in fc_wwn:
            continue
        o = if_oper.get((ifx,))
        m = fc_mode.get((ifx,))
        state.ports[n or str(ifx)] = Port(
            name=n or str(ifx),
            index=ifx,
            state={1: "up", 2: "down"}.get(o) if isinstance(o, int) else None,
            type=modes.get(m) if isinstance(m, int) else None,
        )
    if any(if_type.get(k) == 56 for k in if_type):
        state.seen["ports"] = source

    # logins: fabric-wide name server, then the local FLOGI table for interfaces
    pn = cols.rows(c("fcNameServerPortName"))
    nn = cols.rows(c("fcNameServerNodeName"))
    pt = cols.rows(c("fcNameServerPortType"))
    fp = cols.rows(c("fcNameServerFabricPortName"))
    sp = cols.rows(c("fcNameServerSymbolicPortName"))
    sn = cols.rows(c("fcNameServerSymbolicNodeName"))
    for idx, raw in sorted(pn.items()):
        w = decode_wwn(raw) if isinstance(raw, bytes) else None
        if w is None or len(idx) != 4:
            _undecodable(fnd, source, "fcNameServerPortName", idx, raw)
            continue
        t = pt.get(idx)
        state.add_login(
            Login(
                wwpn=w,
                wwnn=decode_wwn(nn[idx]) if isinstance(nn.get(idx), bytes) else None,
                vsan=idx[0],
                fcid="0x" + bytes(idx[1:4]).hex(),
                port_type={2: "N", 3: "NL"}.get(t) if isinstance(t, int) else None,
                fabric_port_wwn=decode_wwn(fp[idx]) if isinstance(fp.get(idx), bytes) else None,
                port_symbol=_text(sp.get(idx)),
                node_symbol=_text(sn.get(idx)),
                alias=wwn_alias.get(w),
            )
        )
    fl_pn = cols.rows(c("fcIfNxPortName"))
    fl_nn = cols.rows(c("fcIfNxPortNodeName"))
    fl_ad = cols.rows(c("fcIfNxPortAddress"))
    for idx, raw in sorted(fl_pn.items()):
        w = decode_wwn(raw) if isinstance(raw, bytes) else None
        if w is None or len(idx) != 3:
            _undecodable(fnd, source, "fcIfNxPortName", idx, raw)
            continue
        ifx, vsan, _n = idx
        port = ifname.get(ifx, str(ifx))
        fc = fl_ad.get(idx)
        lg = state.add_login(
            Login(
                wwpn=w,
                wwnn=decode_wwn(fl_nn[idx]) if isinstance(fl_nn.get(idx), bytes) else None,
                switch=state.identity.name,
                port=port,
                vsan=vsan,
                fcid=decode_fcid(fc) if isinstance(fc, bytes) else None,
                alias=wwn_alias.get(w),
            )
        )
        lg.port, lg.switch = port, state.identity.name
        p = state.ports.get(port)
        if p is not None and w not in p.wwpns:
            p.wwpns.append(w)
    if pn or fl_pn:
        state.seen["logins"] = source


def parse_snmp_walk(
    text: str, source: str = FILE_NAME, *, switch: str | None = None, vendor: str | None = None
) -> tuple[SwitchState, list[Finding]]:
    """Decode a ``snmp_walk.txt`` into an observed :class:`SwitchState` with findings.

    A walk whose header marks a column as not complete makes the affected part incomplete:
    a ZP707 finding is raised and (for zoning) ``ZoneDb.complete`` is False, so an audit never
    reads absence into a cut walk.
    """
    walk, findings = read_walk(text, source)
    vendor = vendor or walk.vendor
    if vendor not in (BROCADE, CISCO):
        sys_oid = walk.values.get((1, 3, 6, 1, 2, 1, 1, 2, 0))
        v = str(sys_oid.value) if sys_oid else ""
        vendor = (
            BROCADE
            if v.startswith("1.3.6.1.4.1.1588")
            else CISCO
            if v.startswith("1.3.6.1.4.1.9.")
            else ""
        )
    if vendor not in (BROCADE, CISCO):
        findings.append(
            UnrecognisedLine.make(
                "snmp walk names no vendor (# vendor: brocade|cisco)", Location(source, 1)
            )
        )
        vendor = BROCADE
    cat = load_catalogue(vendor)
    cols = _Cols(walk)
    name = (
        switch
        or walk.switch
        or _text(cols.scalar(cat.scalars.get("sysName", ())))
        or Path(source).parent.name
    )
    ident = SwitchIdentity(name=name, model=_text(cols.scalar(cat.scalars.get("sysDescr", ()))))
    state = SwitchState(identity=ident, vendor=vendor)
    state.seen["identity"] = source
    if vendor == BROCADE:
        _brocade(state, cols, cat, source, findings)
    else:
        _cisco(state, cols, cat, source, findings)
    bad = [s for s in walk.statuses if s.status not in ("complete", "empty")]
    if bad:
        for z in state.zoning.values():
            for db in (z.defined, z.effective):
                if db is not None:
                    db.complete = False
        findings.append(
            PartialRead.make(
                f"{name}: {len(bad)} SNMP column(s) not completely read: "
                + ", ".join(f"{s.name} ({s.status})" for s in bad[:5]),
                Location(source),
                subject=name,
            )
        )
    if not walk.values:
        findings.append(TruncatedOutput.make("snmp walk holds no records", Location(source)))
    return state, findings


def is_snmp_walk(path: Path, head: str | None = None) -> bool:
    """True for a saved SNMP walk: named ``snmp_walk.txt`` or starting with the magic line."""
    if path.name == FILE_NAME:
        return True
    if head is None:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                head = f.readline()
        except OSError:
            return False
    return head.startswith(MAGIC)


def read_snmp_captures(paths: Iterable[str | Path]) -> tuple[dict[str, SwitchState], list[Finding]]:
    """Every ``snmp_walk.txt`` under ``paths`` (files or folders) → ``{switch: state}``.

    The capture reader calls this for the files it must skip (or the caller merges both): a
    walk's switch is its header's ``# switch:``, else its folder's name.
    """
    states: dict[str, SwitchState] = {}
    findings: list[Finding] = []
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(x for x in p.rglob("*.txt") if is_snmp_walk(x))
        elif p.is_file() and is_snmp_walk(p):
            files.append(p)
    for f in files:
        try:
            text = f.read_text(encoding="utf-8", errors="replace")
        except OSError as e:
            from ..rules.capture import UnreadableCapture

            findings.append(UnreadableCapture.make(f"cannot read {f}: {e}", Location(str(f))))
            continue
        walk_switch = next(
            (
                ln.split(":", 1)[1].strip()
                for ln in text.splitlines()[:4]
                if ln.startswith("# switch:")
            ),
            "",
        )
        st, fs = parse_snmp_walk(text, str(f), switch=walk_switch or f.parent.name)
        states[st.name] = st
        findings += fs
    return states, findings
