"""Render observed state back into the switches' show-output formats.

Why: round-trip property tests (render → parse → equal) prove the parsers on states no capture
holds, and the SSH switch emulator answers ``cfgshow`` or ``show zoneset active`` with these
texts, so they copy the real layouts (those the parsers cite: brocadesan's FOS captures,
cisco.nxos's NX-OS fixtures): FOS's ``" cfg:\\tNAME\\t"``
entries with ``"; "`` wrapping onto ``"\\t\\t"`` lines (or, for long names, the name alone and
members on ``"\\t\\t\\t\\t"`` lines), the blank line that ends cfgshow, NX-OS's ``*`` logged-in
members with ``[pwwn …] [alias]`` and its ``Total number of flogi`` trailer.
"""

from __future__ import annotations

from typing import Iterable

from zoneplan.observed import Isl, Login, Zone, ZoneDb

__all__ = [
    "render_show_topology",
    "render_cfgshow",
    "render_cfgactvshow",
    "render_alishow",
    "render_nsshow",
    "render_show_zoneset_active",
    "render_show_zoneset",
    "render_show_zone",
    "render_show_flogi_database",
    "render_show_device_alias_database",
    "zonedb_signature",
]

#: FOS wraps a member list once a line would pass this many columns (TABs count as 8)
FOS_WRAP = 72
#: names longer than this are printed alone, members below on 4-TAB lines (cfgshow_4 style)
FOS_LONG_NAME = 40


# --------------------------------------------------------------------------- Brocade


def _fos_entry(kw: str, name: str, members: list[str], out: list[str]) -> None:
    """`` zone:\\tNAME\\tm1; m2; `` + ``\\t\\tm3`` continuation lines."""
    if len(name) > FOS_LONG_NAME:
        out.append(f" {kw}: {name}")
        for k, m in enumerate(members):
            out.append("\t\t\t\t" + m + (";" if k < len(members) - 1 else ""))
        return
    line = f" {kw}:\t{name}\t"
    col = 16 + len(name)
    col = (col // 8 + 1) * 8
    first = True
    for k, m in enumerate(members):
        sep = "; " if k < len(members) - 1 else " "
        if not first and col + len(m) > FOS_WRAP:
            out.append(line)
            line = "\t\t"
            col = 16
        line += m + sep
        col += len(m) + len(sep)
        first = False
    out.append(line)


def _peer_members(z: Zone, db: ZoneDb) -> list[str]:
    if z.kind != "peer":
        return list(z.members)
    count = 0
    for p in z.principals:
        count += len(db.aliases.get(p, (p,)))
    prop = z.property_member or "00:02:00:00:00:03:00:00"
    prop = prop[:-2] + f"{min(count, 255):02x}"
    return [prop, *z.principals, *z.members]


def _fos_defined(db: ZoneDb | None, out: list[str]) -> None:
    out.append("Defined configuration:")
    if db is None or not (db.configs or db.zones or db.aliases):
        out.append(" no configuration defined")
        return
    for name, zones in db.configs.items():
        _fos_entry("cfg", name, list(zones), out)
    for name, z in db.zones.items():
        _fos_entry("zone", name, _peer_members(z, db), out)
    for name, members in db.aliases.items():
        _fos_entry("alias", name, list(members), out)


def _fos_effective(db: ZoneDb | None, out: list[str]) -> None:
    out.append("Effective configuration:")
    if db is None or db.effective is None:
        out.append(" no configuration in effect")
        return
    out.append(f" cfg:\t{db.effective}\t")
    for name, z in db.zones.items():
        out.append(f" zone:\t{name}\t")
        for m in _peer_members(z, db):
            out.append("\t\t" + m)


def render_cfgshow(defined: ZoneDb | None, effective: ZoneDb | None) -> str:
    """``cfgshow``: Defined then Effective configuration, ending with a blank line."""
    out: list[str] = []
    _fos_defined(defined, out)
    out.append("")
    _fos_effective(effective, out)
    out.append("")
    return "\n".join(out) + "\n"


def render_cfgactvshow(effective: ZoneDb | None) -> str:
    """``cfgactvshow``: the Effective configuration only."""
    out: list[str] = []
    _fos_effective(effective, out)
    out.append("")
    return "\n".join(out) + "\n"


def render_alishow(db: ZoneDb) -> str:
    """``alishow``: alias entries."""
    out: list[str] = []
    for name, members in db.aliases.items():
        _fos_entry("alias", name, list(members), out)
    return "\n".join(out) + "\n"


_NS_TYPES = {
    "initiator": "Physical Initiator",
    "target": "Physical Target",
    "both": "Physical Initiator+Target",
}


def render_nsshow(logins: Iterable[Login]) -> str:
    """``nsshow -t`` (FOS 8/9 layout, with ``LSAN:`` and ``Device link speed:`` lines)."""
    rows = list(logins)
    out = ["{", " Type Pid    COS     PortName                NodeName                 TTL(sec)"]
    for lg in rows:
        pid = (lg.fcid or "0x000000")[2:]
        out.append(f" {lg.port_type or 'N'}    {pid};      3;{lg.wwpn};{lg.wwnn or lg.wwpn}; na")
        out.append(f"    FC4s: {lg.fc4 or 'FCP'}")
        if lg.port_symbol is not None:
            out.append(f'    PortSymb: [{len(lg.port_symbol)}] "{lg.port_symbol}"')
        if lg.node_symbol is not None:
            out.append(f'    NodeSymb: [{len(lg.node_symbol)}] "{lg.node_symbol}"')
        if lg.fabric_port_wwn:
            out.append(f"    Fabric Port Name: {lg.fabric_port_wwn}")
        out.append(f"    Permanent Port Name: {lg.wwpn}")
        if lg.device_type:
            kind = _NS_TYPES[lg.device_type]
            if lg.npiv:
                kind = kind.replace("Physical", "NPIV")
            out.append(f"    Device type: {kind}")
        out.append(f"    Port Index: {lg.port if lg.port is not None else 0}")
        out.append("    Share Area: No")
        out.append("    Device Shared in Other AD: No")
        out.append("    Redirect: No")
        out.append("    Partial: No")
        out.append("    LSAN: No")
        out.append("    Device link speed: 32G")
    out.append(f"The Local Name Server has {len(rows)} entries }}")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- Cisco


def _cisco_member(m: str, db: ZoneDb, z: Zone, indent: str, active: bool) -> str:
    tag = z.tags.get(m)
    kind = "device-alias" if " " not in m and ":" not in m else None
    if active and m in db.fcids:
        inner = f"[pwwn {m}]" if kind is None and ":" in m else f"[device-alias {m}]"
        if " " in m:
            inner = f"[{m}]"
        line = f"  * fcid {db.fcids[m]} {inner}"
    elif ":" in m and " " not in m:
        line = f"{indent}pwwn {m}"
    elif kind:
        line = f"{indent}device-alias {m}"
    else:
        line = f"{indent}{m}"
    shown = db.member_names.get(m)
    if shown:
        line += f" [{shown}]"
    if tag:
        line += f"  {tag}"
    return line


def _cisco_zone(z: Zone, db: ZoneDb, vsan: int, indent: str, active: bool, out: list[str]) -> None:
    out.append(f"{indent}zone name {z.name} vsan {vsan}")
    inner = indent + "  "
    for m in z.all_members():  # Cisco has no principals: smart-zone targets are members
        if not active and m in db.aliases and " " not in m:
            out.append(f"{inner}fcalias name {m} vsan {vsan}")
            for am in db.aliases[m]:
                out.append(_cisco_member(am, db, z, inner + "  ", False))
            continue
        out.append(_cisco_member(m, db, z, inner, active))
    out.append("")


def render_show_zoneset_active(dbs: dict[int, ZoneDb]) -> str:
    """``show zoneset active``: per VSAN, ``*`` + fcid for logged-in members."""
    out: list[str] = []
    for vsan, db in dbs.items():
        if db.effective is None:
            continue
        out.append(f"zoneset name {db.effective} vsan {vsan}")
        for z in db.zones.values():
            _cisco_zone(z, db, vsan, "  ", True, out)
    return "\n".join(out) + "\n" if out else "Zoneset not present\n"


def render_show_zoneset(dbs: dict[int, ZoneDb]) -> str:
    """``show zoneset``: every zoneset with its zones nested (fcalias nested in zones)."""
    out: list[str] = []
    for vsan, db in dbs.items():
        for zs, names in db.configs.items():
            out.append(f"zoneset name {zs} vsan {vsan}")
            for n in names:
                z = db.zones.get(n)
                if z is not None:
                    _cisco_zone(z, db, vsan, "  ", False, out)
            out.append("")
    return "\n".join(out) + "\n"


def render_show_zone(dbs: dict[int, ZoneDb]) -> str:
    """``show zone``: every zone, fcalias members nested under ``fcalias name … vsan N``."""
    out: list[str] = []
    for vsan, db in dbs.items():
        for z in db.zones.values():
            _cisco_zone(z, db, vsan, "", False, out)
    return "\n".join(out) + "\n"


def render_show_flogi_database(logins: Iterable[Login]) -> str:
    """``show flogi database`` with its header, ``[alias]`` lines and ``Total`` trailer."""
    rows = list(logins)
    rule = "-" * 80
    out = [rule, "INTERFACE        VSAN    FCID           PORT NAME               NODE NAME", rule]
    for lg in rows:
        out.append(
            f"{lg.port or '':<16} {lg.vsan:<5} {lg.fcid or '0x000000':<9} {lg.wwpn} "
            f"{lg.wwnn or lg.wwpn}"
        )
        if lg.alias:
            out.append(f"                           [{lg.alias}]")
    out.append("")
    out.append(f"Total number of flogi = {len(rows)}.")
    return "\n".join(out) + "\n"


def render_show_topology(isls: Iterable[Isl]) -> str:
    """``show topology``: one table per VSAN (``FC Topology for VSAN N :``), the interface
    right-aligned, the peer domain as ``0xNN(DDD)``, ``address(switch name)`` (the layout of
    Cisco-SAN/mdssdk mdssdk/parsers/switch/show_topology.py's sample; nothing for no ISLs)."""
    rule = "-" * 80
    by_vsan: dict[int, list[Isl]] = {}
    for isl in isls:
        by_vsan.setdefault(isl.vsan, []).append(isl)
    out: list[str] = []
    for vsan in sorted(by_vsan):
        out += [
            f"FC Topology for VSAN {vsan} :",
            rule,
            "       Interface  Peer Domain Peer Interface     Peer IP Address(Switch Name)",
            rule,
        ]
        for x in by_vsan[vsan]:
            dom = x.remote_domain or 0
            out.append(
                f"{x.local_port!s:>17} {f'0x{dom:02x}({dom})':>9} {x.remote_port!s:>16}  "
                f"{x.remote_ip or '0.0.0.0'}({x.remote_name})"
            )
        out.append("")
    return "\n".join(out) + ("\n" if out else "")


def render_show_device_alias_database(aliases: dict[str, str]) -> str:
    """``show device-alias database``."""
    out = [f"device-alias name {n} pwwn {w}" for n, w in aliases.items()]
    out.append("")
    out.append(f"Total number of entries = {len(aliases)}")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- comparison


def zonedb_signature(db: ZoneDb | None) -> tuple:
    """What a zoning database says, without where it was read: equal signatures, equal zoning."""
    if db is None:
        return ()
    zones = tuple(
        sorted(
            (
                z.name,
                z.kind,
                tuple(z.principals),
                tuple(z.members),
                tuple(sorted(z.tags.items())),
            )
            for z in db.zones.values()
        )
    )
    return (
        tuple(sorted((k, tuple(v)) for k, v in db.aliases.items())),
        zones,
        tuple(sorted((k, tuple(v)) for k, v in db.configs.items())),
        db.effective,
        tuple(sorted(db.member_names.items())),
        tuple(sorted(db.fcids.items())),
    )
