"""Brocade FOS show-output parsers: one pass over the lines, one function per command.

Every function takes ``(text, source)`` and returns ``(result, findings)``; nothing raises on
bad input. Formats follow real FOS output (FOS 6.4 to 9.x; sources: the captures of
ttrnecka/brocadesan ``test/outputs/``, jconsoli/brcddb ``_cfgshow_process``): both ``cfgshow`` wrapping
styles, TABs, trailing ``;``, mixed-case WWNs, ``D,I`` members, peer zones with their
``00:02:00:00:00:03:00:NN`` property member, FOS 8/9 extra name-server lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from ..findings import Finding
from ..observed import (
    CfgSize,
    FabricMember,
    Isl,
    Login,
    Port,
    SwitchIdentity,
    SwitchState,
    Transaction,
    Zone,
    ZoneDb,
)
from ..rules.capture import (
    CountMismatch,
    DuplicateDefinition,
    EmptyOutput,
    InvalidMember,
    MissingEffectiveSection,
    PeerZonePropertyMismatch,
    TruncatedOutput,
)
from .common import after, gc_paused, loc, norm_member, other_line, prepare, to_int, wwn_or_none
from .snmpwalk import Catalogue, Columns, decode_fcid, decode_wwn, text_value, undecodable

__all__ = [
    "ZoningShow",
    "SwitchShow",
    "FabricShow",
    "parse_cfgshow",
    "parse_zoneshow",
    "parse_cfgactvshow",
    "parse_alishow",
    "parse_nsshow",
    "parse_nscamshow",
    "parse_switchshow",
    "parse_fabricshow",
    "parse_cfgtransshow",
    "parse_cfgsize",
    "parse_islshow",
]

_ENTRY_KW = {"cfg:": "cfg", "zone:": "zone", "alias:": "alias"}
_ENTRY_START = ("cfg:", "zone:", "alias:")


@dataclass(slots=True)
class ZoningShow:
    """What a cfgshow-family output said: each part is None when the output did not show it."""

    defined: ZoneDb | None = None
    effective: ZoneDb | None = None
    #: the output printed the whole database (not an operand's subset, not filtered)
    whole: bool = True


@dataclass(slots=True)
class SwitchShow:
    identity: SwitchIdentity
    ports: list[Port] = field(default_factory=list)


@dataclass(slots=True)
class FabricShow:
    members: list[FabricMember] = field(default_factory=list)
    fabric_name: str | None = None


# --------------------------------------------------------------------------- zoning


@gc_paused
def parse_cfgshow(text: str, source: str) -> tuple[ZoningShow, list[Finding]]:
    """``cfgshow`` / ``zoneshow``: Defined and Effective configuration."""
    return _parse_zoning(text, source, "cfgshow", full=True)


@gc_paused
def parse_zoneshow(text: str, source: str) -> tuple[ZoningShow, list[Finding]]:
    """``zoneshow`` without operands prints the cfgshow layout."""
    return _parse_zoning(text, source, "zoneshow", full=True)


@gc_paused
def parse_cfgactvshow(text: str, source: str) -> tuple[ZoningShow, list[Finding]]:
    """``cfgactvshow``: the Effective configuration only."""
    return _parse_zoning(text, source, "cfgactvshow", full=False, default_section="effective")


@gc_paused
def parse_alishow(text: str, source: str) -> tuple[ZoningShow, list[Finding]]:
    """``alishow``: alias entries only (they feed the defined database's aliases)."""
    return _parse_zoning(text, source, "alishow", full=False)


_PEER_HEADS = frozenset(("Property", "Principal", "Peer", "Member(s):"))


def _parse_zoning(
    text: str, source: str, what: str, *, full: bool, default_section: str = "defined"
) -> tuple[ZoningShow, list[Finding]]:
    """The cfgshow family in two steps: cut the text into entries, then build the databases.

    Cutting is done on whole entries where it can: the text is split at ``"\\n "`` (entries
    start with a space, continuation lines with a TAB), and an entry whose every line is a TAB
    continuation is tokenised in one C-level call. Any other piece (section headers, blank
    lines, pager or error lines, the ``--peerzone`` layout) goes through the line-by-line path,
    which owns all the diagnostics.
    """
    t = prepare(text, source)
    findings = t.findings
    text = t.text
    filtered = t.filtered
    operand = bool(t.command and len(t.command.split("|")[0].split()) > 1)
    if operand and not filtered:
        full = False
    cache: dict[str, str] = {}
    cget = cache.get
    # entry = [section, kind, name, members, principals, prop, start line, last text]
    entries: list[list] = []
    sections: list[tuple[str, int]] = []  # (section, entry index where it starts)
    bad: list[tuple[str, int]] = []
    empty_said: set[str] = set()  # sections that printed "no configuration ..."
    stripped = text.rstrip()
    final = stripped.count("\n") + 1 if stripped else 0
    cur: list | None = None
    members: list[str] = []
    section = ""

    def member(tok: str, i: int) -> str | None:
        m = norm_member(tok)
        if m is None:
            bad.append((tok, i))
        else:
            cache[tok] = m
        return m

    def run_lines(lines: list[str], base: int) -> None:
        """The line-by-line path for the pieces the entry splitter does not take."""
        nonlocal cur, members, section
        for i, raw in enumerate(lines, base):
            if not raw:
                continue
            c = raw[0]
            if (c == "\t" or c == " ") and cur is not None:
                s = raw.lstrip()
                if not s:
                    continue
                h = s[0]
                if h != "c" and h != "z" and h != "a" or not s.startswith(_ENTRY_START):
                    cur[7] = s
                    parts = s.replace(";", " ").split()
                    if not parts:  # a lone ';' where a wrapped member list broke
                        continue
                    if parts[0] in _PEER_HEADS:
                        if parts[0] == "Property":
                            cur[5] = after(s).lower() or None
                        elif parts[0] == "Principal":
                            members = cur[4]
                        else:
                            members = cur[3]
                        continue
                    for tok in parts:
                        m = cget(tok) or member(tok, i)
                        if m is not None:
                            members.append(m)
                    continue
            s = raw.strip()
            if not s:
                continue
            h = s[0]
            if (h == "c" or h == "z" or h == "a") and s.startswith(_ENTRY_START):
                if not section:
                    section = default_section
                    sections.append((section, len(entries)))
                parts = s.replace(";", " ").split()
                kind = _ENTRY_KW.get(parts[0], "")
                if not kind or len(parts) < 2:
                    cur = None
                    other_line(raw, i, source, findings, what)
                    continue
                members = []
                cur = [section, kind, parts[1], members, [], None, i, s]
                entries.append(cur)
                for tok in parts[2:]:
                    m = cget(tok) or member(tok, i)
                    if m is not None:
                        members.append(m)
                continue
            cur = None
            if h == "D" and s.startswith("Defined configuration"):
                section = "defined"
                sections.append((section, len(entries)))
                continue
            if h == "E" and s.startswith("Effective configuration"):
                section = "effective"
                sections.append((section, len(entries)))
                continue
            if h == "n" and (s == "no configuration in effect" or s == "no configuration defined"):
                empty_said.add(section)
                continue
            if (h == "-" and s.strip("-") == "") or (h == '"' and " on FID " in s):
                continue
            if i == final:
                findings.append(
                    TruncatedOutput.make(f"last line of {what} is cut: {s[:80]!r}", loc(source, i))
                )
                continue
            other_line(raw, i, source, findings, what)

    line = 1
    kw = _ENTRY_KW.get
    for k, ch in enumerate(text.split("\n ")):
        n = ch.count("\n")
        if k and section and n == ch.count("\n\t") and "Member" not in ch:
            parts = ch.replace(";", " ").split()
            kind = kw(parts[0]) if parts else None
            if kind is not None and len(parts) >= 2:
                ms = [cget(tok) or member(tok, line) for tok in parts[2:]]
                if None in ms:
                    ms = [m for m in ms if m is not None]
                members = ms  # type: ignore[assignment]
                cur = [
                    section,
                    kind,
                    parts[1],
                    ms,
                    [],
                    None,
                    line,
                    ch.rstrip() if ";" in ch else "x",
                ]
                entries.append(cur)
                line += n + 1
                continue
        piece = ch.split("\n")
        if k:
            piece[0] = " " + piece[0]
        run_lines(piece, line)
        line += n + 1
    for tok, at in bad:
        findings.append(
            InvalidMember.make(
                f"invalid member {tok!r} (neither WWN, domain,index nor name)"
                + (": the output is cut" if at == final else ""),
                loc(source, at),
                subject=tok,
            )
        )
    return _build_zoning(
        entries,
        sections,
        findings,
        source,
        what,
        full,
        filtered,
        t.text.endswith("\n\n"),
        final,
        empty_said,
    )


def _build_zoning(
    entries: list[list],
    sections: list[tuple[str, int]],
    findings: list[Finding],
    source: str,
    what: str,
    full: bool,
    filtered: bool,
    ended_clean: bool,
    last_content: int,
    empty_said: set[str],
) -> tuple[ZoningShow, list[Finding]]:
    defined: ZoneDb | None = None
    effective: ZoneDb | None = None
    saw_defined = any(s == "defined" for s, _ in sections if s)
    saw_effective = any(s == "effective" for s, _ in sections)
    has_defined_header = False
    peer_zones: list[tuple[ZoneDb, Zone, int]] = []
    partial = filtered or not full

    def new_db() -> ZoneDb:
        d = ZoneDb(source=source)
        if partial:
            d.complete = False
        return d

    for sec, _ in sections:
        if sec == "defined" and defined is None:
            defined = new_db()
        elif sec == "effective" and effective is None:
            effective = new_db()
    n = len(entries)
    for k, (section, kind, name, members, principals, prop, start, last_raw) in enumerate(entries):
        db = effective if section == "effective" else defined
        assert db is not None
        at_end = k == n - 1
        if last_raw[-1] == ";" and not filtered:
            findings.append(
                TruncatedOutput.make(
                    f"member list of {kind} {name!r} ends with ';' but nothing follows",
                    loc(source, start),
                    subject=name,
                )
            )
            db.complete = False
        if kind == "zone":
            if section == "effective":
                for m in members:
                    if len(m) != 23 and "," not in m:
                        findings.append(
                            InvalidMember.make(
                                f"effective zone {name!r} lists {m!r}: effective members are "
                                "WWNs or domain,index" + (" (the output is cut)" if at_end else ""),
                                loc(source, start),
                                subject=name,
                            )
                        )
                        db.complete = False
            if not members and not principals and not filtered:
                _empty_entry(db, kind, name, start, at_end, source, findings)
            if name in db.zones:
                _dup_entry(kind, name, start, source, findings)
            z = Zone(name, members, line=start)
            if prop is not None or principals:
                z.kind = "peer"
                z.property_member = prop
                z.principals = principals
                if prop is not None and not principals and not filtered:
                    peer_zones.append((db, z, start))
            elif members and members[0][:3] == "00:" and len(members[0]) == 23:
                z.kind = "peer"
                z.property_member = members[0]
                z.members = members[1:]
                if not filtered:
                    peer_zones.append((db, z, start))
            db.zones[name] = z
            if section == "effective" and db.effective is not None:
                db.configs[db.effective].append(name)
        elif kind == "cfg":
            if section == "effective":
                db.effective = name
                db.configs[name] = members
                if not members and at_end and not filtered:
                    findings.append(
                        TruncatedOutput.make(
                            f"effective cfg {name!r} lists no zones: the output is cut",
                            loc(source, start),
                            subject=name,
                        )
                    )
                    db.complete = False
            else:
                if not members and not filtered:
                    _empty_entry(db, kind, name, start, at_end, source, findings)
                if name in db.configs:
                    _dup_entry(kind, name, start, source, findings)
                db.configs[name] = members
        else:
            if not members and not filtered:
                _empty_entry(db, kind, name, start, at_end, source, findings)
            if name in db.aliases:
                _dup_entry(kind, name, start, source, findings)
            db.aliases[name] = members
    del has_defined_header

    if full and not filtered:
        if not saw_defined and (saw_effective or entries):
            findings.append(
                TruncatedOutput.make(
                    "no 'Defined configuration:' section: the start of the output is missing",
                    loc(source, 1),
                )
            )
            if defined is not None:
                defined.complete = False
        if not saw_effective:
            findings.append(
                MissingEffectiveSection.make(
                    f"{what} output has no 'Effective configuration:' section; the effective "
                    "zoning is unknown",
                    loc(source, last_content or 1),
                )
            )
            if defined is not None:
                defined.complete = False
        if not saw_defined and not saw_effective and not entries:
            findings.append(EmptyOutput.make(f"{what} output is empty", loc(source, 1)))
    elif not entries and not sections and not filtered:
        findings.append(EmptyOutput.make(f"{what} output is empty", loc(source, 1)))

    for zdb, z, at in peer_zones:
        _split_peer(zdb, z, at, source, findings)
    if saw_effective and effective is not None and not filtered:
        # FOS ends cfgshow with an empty line; a cut leaves a member, or whitespace, last
        said_empty = "effective" in empty_said
        _check_effective_tail(defined, effective, source, findings, ended_clean, said_empty)
    return ZoningShow(defined, effective, whole=full and not filtered), findings


def _empty_entry(
    db: ZoneDb, kind: str, name: str, start: int, at_end: bool, source: str, findings: list[Finding]
) -> None:
    why = "and the output ends there" if at_end else f"(FOS never prints an empty {kind})"
    findings.append(
        TruncatedOutput.make(
            f"{kind} {name!r} has no members {why}", loc(source, start), subject=name
        )
    )
    db.complete = False


def _dup_entry(kind: str, name: str, start: int, source: str, findings: list[Finding]) -> None:
    findings.append(
        DuplicateDefinition.make(
            f"{kind} {name!r} is printed twice; the later one is kept",
            loc(source, start),
            subject=name,
        )
    )


def _split_peer(db: ZoneDb, z: Zone, at: int, source: str, findings: list[Finding]) -> None:
    """Split a peer zone's members at the principal count its property member gives.

    The last byte counts principal WWNs: an alias principal counts as many as it has members
    (brcddb's reading). Aliases are known only after the whole output is read.
    """
    try:
        count = int((z.property_member or "")[-2:], 16)
    except ValueError:
        count = 0
    got = 0
    k = 0
    rest = z.members
    while k < len(rest) and got < count:
        got += len(db.aliases.get(rest[k], (rest[k],))) or 1
        k += 1
    if got < count:
        findings.append(
            PeerZonePropertyMismatch.make(
                f"peer zone {z.name!r}: property member {z.property_member} counts {count} "
                f"principals, only {got} present",
                loc(source, at),
                subject=z.name,
            )
        )
        db.complete = False
    z.principals = rest[:k]
    z.members = rest[k:]


def _check_effective_tail(
    defined: ZoneDb | None,
    eff: ZoneDb,
    source: str,
    findings: list[Finding],
    ended_clean: bool,
    said_empty: bool,
) -> None:
    """Catch an effective section cut at a line boundary.

    FOS ends cfgshow with a blank line; when it is missing and the effective section is a strict
    prefix of the defined cfg of the same name (zones, or the last zone's resolved members), the
    output was most likely cut there.
    """
    if eff.effective is None:
        if not said_empty:
            findings.append(
                TruncatedOutput.make(
                    "Effective configuration section has neither a cfg nor 'no configuration "
                    "in effect': the output is cut",
                    loc(source, None),
                )
            )
            eff.complete = False
        return
    if not eff.zones:
        findings.append(
            TruncatedOutput.make(
                f"effective cfg {eff.effective!r} lists no zones",
                loc(source, None),
                subject=eff.effective,
            )
        )
        eff.complete = False
        return
    if ended_clean or defined is None or eff.effective not in defined.configs:
        return
    dzones = defined.configs[eff.effective]
    ezones = list(eff.zones)
    suspect = ""
    if len(ezones) < len(dzones) and set(ezones) < set(dzones):
        suspect = f"lists {len(ezones)} of the {len(dzones)} zones of the defined cfg"
    else:
        last = eff.zones[ezones[-1]]
        dz = defined.zones.get(last.name)
        if dz is not None:
            want: set[str] = set()
            for m in dz.all_members():
                want.update(defined.resolve(m))
            got = last.all_members()
            have = set(got)
            if have < want or (
                got and got[-1] not in want and set(got[:-1]) <= want and len(got) <= len(want)
            ):
                suspect = (
                    f"last zone {last.name!r} has {len(have & want)} of its {len(want)} members"
                )
    if suspect:
        findings.append(
            TruncatedOutput.make(
                f"effective configuration {suspect} and the output has no final blank line: "
                "probably cut off",
                loc(source, eff.zones[ezones[-1]].line),
                subject=eff.effective,
            )
        )
        eff.complete = False


# --------------------------------------------------------------------------- name server


@gc_paused
def parse_nsshow(text: str, source: str) -> tuple[list[Login], list[Finding]]:
    """``nsshow`` / ``nsshow -r`` / ``nsshow -t``: the local name server."""
    return _parse_ns(text, source, remote=False)


@gc_paused
def parse_nscamshow(text: str, source: str) -> tuple[list[Login], list[Finding]]:
    """``nscamshow`` (``-t``): the cache of remote switches' name servers."""
    return _parse_ns(text, source, remote=True)


_DEVICE_TYPES = {
    "physical initiator": "initiator",
    "npiv initiator": "initiator",
    "physical target": "target",
    "npiv target": "target",
    "physical initiator+target": "both",
    "npiv initiator+target": "both",
}


def _parse_ns(text: str, source: str, *, remote: bool) -> tuple[list[Login], list[Finding]]:
    t = prepare(text, source)
    findings = t.findings
    what = "nscamshow" if remote else "nsshow"
    out: list[Login] = []
    cur: Login | None = None
    trailer: int | None = None
    opened = False
    domain: str | None = None
    expected: int | None = None
    in_switch = 0
    switch_counts: list[tuple[str, int | None, int, int]] = []  # domain, count, got, line
    empty_ok = False
    for i, raw in enumerate(t.lines, 1):
        s = raw.strip()
        if not s:
            continue
        c = s[0]
        if (c == "N" or c == "U") and ";" in s:
            # N    010000;      3;50:00:...;50:00:...; na
            parts = s.split(";")
            head = parts[0].split()
            if len(parts) < 4 or len(head) < 2:
                other_line(raw, i, source, findings, what)
                continue
            wwpn = wwn_or_none(parts[2].strip())
            if wwpn is None:
                other_line(raw, i, source, findings, what)
                continue
            cur = Login(
                wwpn,
                wwnn=wwn_or_none(parts[3].strip()),
                fcid="0x" + head[1].lower(),
                port_type=head[0],
                remote=remote,
                switch=f"domain {domain}" if remote and domain else None,
            )
            out.append(cur)
            if switch_counts:
                d, n, got, at = switch_counts[-1]
                switch_counts[-1] = (d, n, got + 1, at)
            continue
        if cur is not None and ":" in s and raw[0] in " \t":
            key, _, val = s.partition(":")
            val = val.strip()
            if key == "Port Index":
                cur.port = val
            elif key == "Device type":
                low = val.lower()
                cur.device_type = _DEVICE_TYPES.get(low) or _guess_type(low)
                cur.npiv = low.startswith("npiv")
            elif key == "PortSymb":
                cur.port_symbol = _symb(val)
            elif key == "NodeSymb":
                cur.node_symbol = _symb(val)
            elif key == "FC4s":
                cur.fc4 = val
            elif key == "Fabric Port Name":
                cur.fabric_port_wwn = wwn_or_none(val)
            # Permanent Port Name, Share Area, Redirect, Partial, LSAN, Device link speed,
            # Aliases, Device Shared in Other AD, SCR...: tolerated, not needed
            continue
        if c == "{":
            opened = True
            continue
        if c == "T" and s.startswith("Type Pid"):
            continue
        if s.startswith("The Local Name Server has"):
            parts = s.split()
            expected = to_int(parts[5]) if len(parts) > 5 else None
            if expected is not None and s.endswith("}"):
                trailer = i
            continue
        if c == "}":
            trailer = trailer or i
            continue
        if s.startswith("nscam show for remote"):
            opened = True
            continue
        if s.startswith("Switch entry for"):
            domain = s.split()[-1]
            in_switch = i
            cur = None
            continue
        if s.startswith("Device list: count"):
            switch_counts.append((domain or "?", to_int(s.split()[-1]), 0, i))
            continue
        if s.startswith(("state ", "known", "unknown")) and in_switch:
            continue
        if s.startswith("No entry is found"):
            empty_ok = True
            continue
        if s.startswith("There is no entry"):
            empty_ok = True
            continue
        if (c == "-" and s.strip("-") == "") or (c == '"' and " on FID " in s):
            continue
        cur = None
        other_line(raw, i, source, findings, what)
    if not remote:
        if trailer is None and (opened or out):
            findings.append(
                TruncatedOutput.make(
                    "nsshow output ends without 'The Local Name Server has N entries }'",
                    loc(source, len(t.lines) or 1),
                )
            )
        elif expected is not None and expected != len(out):
            findings.append(
                CountMismatch.make(
                    f"nsshow says {expected} entries, {len(out)} listed",
                    loc(source, trailer),
                )
            )
        if not opened and not out and not empty_ok:
            findings.append(EmptyOutput.make("nsshow output is empty", loc(source, 1)))
    else:
        for d, n, got, at in switch_counts:
            if n is not None and n != got:
                findings.append(
                    CountMismatch.make(
                        f"nscamshow: switch entry for domain {d} says count {n}, {got} listed",
                        loc(source, at),
                        subject=f"domain {d}",
                    )
                )
        if not opened and not out:
            findings.append(EmptyOutput.make("nscamshow output is empty", loc(source, 1)))
    return out, findings


def _symb(val: str) -> str:
    # [26] "HSV210 - IDAEVA01 - CR1363"
    q = val.find('"')
    if q >= 0:
        return val[q + 1 : val.rfind('"')] if val.rfind('"') > q else val[q + 1 :]
    return val


def _guess_type(low: str) -> str | None:
    if "initiator" in low and "target" in low:
        return "both"
    if "initiator" in low:
        return "initiator"
    if "target" in low:
        return "target"
    return None


# --------------------------------------------------------------------------- switchshow

_HEADER_KEYS = {
    "switchName": "name",
    "switchType": "model",
    "switchState": "state",
    "switchMode": "mode",
    "switchRole": "role",
    "switchDomain": "domain",
    "switchId": "switch_id",
    "switchWwn": "wwn",
    "zoning": "zoning",
    "LS Attributes": "ls",
    "Fabric Name": "fabric_name",
}
_HEADER_SKIP = (
    "switchBeacon",
    "FC Router",
    "Allow XISL Use",
    "Address Mode",
    "HIF Mode",
    "switchBeacon",
    "FC Router BB Fabric ID",
)


@gc_paused
def parse_switchshow(text: str, source: str) -> tuple[SwitchShow, list[Finding]]:
    """``switchshow``: identity header and the port table (with or without a Slot column)."""
    t = prepare(text, source)
    findings = t.findings
    ident = SwitchIdentity(name="")
    ports: list[Port] = []
    has_slot: bool | None = None
    in_table = False
    for i, raw in enumerate(t.lines, 1):
        s = raw.strip()
        if not s:
            continue
        if not in_table:
            if s.startswith("Index"):
                cols = s.split()
                has_slot = len(cols) > 1 and cols[1] == "Slot"
                continue
            if s[0] == "=" and s.strip("=") == "":
                in_table = has_slot is not None
                continue
            key, sep, val = s.partition(":")
            if sep and key.strip() in _HEADER_KEYS:
                _header(ident, _HEADER_KEYS[key.strip()], val.strip())
                continue
            if sep and (key.strip() in _HEADER_SKIP or key.strip()[:1].islower()):
                continue
            if (s[0] == "-" and s.strip("-") == "") or (s[0] == '"' and " on FID " in s):
                continue
            other_line(raw, i, source, findings, "switchshow")
            continue
        p = _port_row(s, has_slot)
        if p is None:
            other_line(raw, i, source, findings, "switchshow")
            continue
        ports.append(p)
    if not ident.name and not ports:
        findings.append(EmptyOutput.make("switchshow output has no switch header", loc(source, 1)))
    return SwitchShow(ident, ports), findings


def _header(ident: SwitchIdentity, key: str, val: str) -> None:
    if key == "domain":
        ident.domain = to_int(val)
    elif key == "wwn":
        ident.wwn = wwn_or_none(val)
    elif key == "zoning":
        ident.zoning_on = val.upper().startswith("ON")
    elif key == "ls":
        # [FID: 128, Base Switch: No, Default Switch: Yes, Address Mode 0]
        if "FID:" in val:
            ident.fid = to_int(val.split("FID:", 1)[1].split(",", 1)[0].strip())
    else:
        setattr(ident, key, val)


def _port_row(s: str, has_slot: bool | None) -> Port | None:
    parts = s.split()
    n = 8 if has_slot else 7
    if len(parts) < n - 1 or not parts[0].isdecimal():
        return None
    if has_slot:
        idx, slot, port = int(parts[0]), to_int(parts[1]), to_int(parts[2])
        rest = parts[3:]
        name = f"{slot}/{port}"
    else:
        idx, slot, port = int(parts[0]), None, to_int(parts[1])
        rest = parts[2:]
        name = str(idx)
    if len(rest) < 4:
        return None
    p = Port(
        name,
        index=idx,
        slot=slot,
        port=port,
        address=rest[0],
        media=rest[1],
        speed=rest[2],
        state=rest[3],
    )
    tail = rest[4:]
    if tail:
        p.proto = tail[0]
        tail = tail[1:]
    if tail and tail[0].endswith("-Port"):
        p.type = tail[0]
        tail = tail[1:]
        if tail:
            w = wwn_or_none(tail[0])
            if w is not None:
                if p.type == "E-Port" or p.type == "N-Port" or p.type == "EX-Port":
                    p.neighbour_wwn = w
                else:
                    p.wwpns.append(w)
                if len(tail) > 1 and tail[1].startswith('"'):
                    p.neighbour_name = tail[1].strip('"')
                    rest_comment = tail[2:]
                else:
                    rest_comment = tail[1:]
                if rest_comment:
                    p.comment = " ".join(rest_comment)
            elif len(tail) >= 4 and tail[1] == "N" and "NPIV" in tail:
                # 1 N Port + 10 NPIV public
                p.npiv_count = to_int(tail[tail.index("NPIV") - 1]) or 0
                p.comment = " ".join(tail)
            else:
                p.comment = " ".join(tail)
    elif tail:
        # Disabled (Persistent), (POD License Not Assigned Yet) …
        joined = " ".join(tail)
        if p.state == "Online" and tail[0] in ("Disabled", "Persistent"):
            p.state = tail[0]
        p.comment = joined
    return p


# --------------------------------------------------------------------------- fabric


@gc_paused
def parse_fabricshow(text: str, source: str) -> tuple[FabricShow, list[Finding]]:
    """``fabricshow``: the switches of the fabric; ``>`` marks the principal."""
    t = prepare(text, source)
    findings = t.findings
    res = FabricShow()
    expected: int | None = None
    expected_at: int | None = None
    header = False
    for i, raw in enumerate(t.lines, 1):
        s = raw.strip()
        if not s:
            continue
        if s.startswith("Switch ID"):
            header = True
            continue
        if s[0] == "-" and s.strip("-") == "":
            continue
        if s[0] == '"' and " on FID " in s:
            continue
        if s.startswith("The Fabric has"):
            expected = to_int(s.split()[3]) if len(s.split()) > 3 else None
            expected_at = i
            continue
        if s.startswith("Fabric Name:"):
            res.fabric_name = s.split(":", 1)[1].strip()
            continue
        dom, sep, rest = s.partition(":")
        if sep and dom.strip().isdecimal():
            parts = rest.split()
            if len(parts) >= 4:
                wwn = wwn_or_none(parts[1])
                name_part = " ".join(parts[4:]) if len(parts) > 4 else ""
                principal = name_part.startswith(">")
                name = name_part.lstrip(">").strip().strip('"') or None
                if wwn is not None:
                    res.members.append(
                        FabricMember(
                            int(dom),
                            parts[0],
                            wwn,
                            ip=parts[2],
                            fc_ip=parts[3],
                            name=name,
                            principal=principal,
                        )
                    )
                    continue
        other_line(raw, i, source, findings, "fabricshow")
    if expected is None:
        if header or res.members:
            findings.append(
                TruncatedOutput.make(
                    "fabricshow output ends without 'The Fabric has N switches'",
                    loc(source, len(t.lines) or 1),
                )
            )
        else:
            findings.append(EmptyOutput.make("fabricshow output is empty", loc(source, 1)))
    elif expected != len(res.members):
        findings.append(
            CountMismatch.make(
                f"fabricshow says {expected} switches, {len(res.members)} listed",
                loc(source, expected_at),
            )
        )
    return res, findings


@gc_paused
def parse_cfgtransshow(text: str, source: str) -> tuple[Transaction | None, list[Finding]]:
    """``cfgtransshow``: no transaction, or a token and whether it can be aborted."""
    t = prepare(text, source)
    findings = t.findings
    tr: Transaction | None = None
    for i, raw in enumerate(t.lines, 1):
        s = raw.strip()
        if not s or (s[0] == "-" and s.strip("-") == "") or (s[0] == '"' and " on FID " in s):
            continue
        low = s.lower()
        if "no outstanding" in low or low.startswith("there is no"):
            tr = Transaction("none")
        elif low.startswith("current transaction token"):
            tr = Transaction("open", token=s.split()[-1])
        elif low.startswith("it is not abortable") or low == "not abortable":
            tr = tr or Transaction("open")
            tr.abortable = False
        elif low.startswith("it is abortable"):
            tr = tr or Transaction("open")
            tr.abortable = True
        elif low.startswith("transaction token") or low.startswith("token"):
            tr = Transaction("open", token=s.split()[-1])
        else:
            other_line(raw, i, source, findings, "cfgtransshow")
    if tr is None and not findings:
        findings.append(EmptyOutput.make("cfgtransshow output is empty", loc(source, 1)))
    elif tr is None:
        pass
    return tr, findings


@gc_paused
def parse_cfgsize(text: str, source: str) -> tuple[CfgSize | None, list[Finding]]:
    """``cfgsize``: zone database max/available/committed/transaction bytes."""
    t = prepare(text, source)
    findings = t.findings
    cs = CfgSize()
    seen = False
    for i, raw in enumerate(t.lines, 1):
        s = raw.strip()
        if not s or s.startswith(("Configuration Size", "Zone DB")) and ":" in s[-2:]:
            continue
        if s.endswith("bytes") and " - " in s:
            key, _, val = s.rpartition(" - ")
            n = to_int(val.split()[0])
            key = key.strip().lower()
            seen = True
            if "max" in key:
                cs.max_bytes = n
            elif "avail" in key:
                cs.available_bytes = n
            elif "committed" in key:
                cs.committed_bytes = n
            elif "transaction" in key:
                cs.transaction_bytes = n
            continue
        if (s[0] == "-" and s.strip("-") == "") or (s[0] == '"' and " on FID " in s):
            continue
        other_line(raw, i, source, findings, "cfgsize")
    if not seen:
        findings.append(EmptyOutput.make("cfgsize output has no sizes", loc(source, 1)))
        return None, findings
    return cs, findings


@gc_paused
def parse_islshow(text: str, source: str) -> tuple[list[Isl], list[Finding]]:
    """``islshow``: ``  1:  0->  0 10:00:… 1 NAME sp: 8.000G bw: 64.000G TRUNK QOS``."""
    t = prepare(text, source)
    findings = t.findings
    out: list[Isl] = []
    for i, raw in enumerate(t.lines, 1):
        s = raw.strip()
        if not s or (s[0] == "-" and s.strip("-") == "") or (s[0] == '"' and " on FID " in s):
            continue
        num, sep, rest = s.partition(":")
        if sep and num.strip().isdecimal() and "->" in rest:
            left, _, right = rest.partition("->")
            parts = right.split()
            if len(parts) >= 4 and left.strip().isdecimal():
                wwn = wwn_or_none(parts[1])
                if wwn is not None:
                    isl = Isl(
                        int(left),
                        to_int(parts[0]) or 0,
                        to_int(parts[2]) or 0,
                        wwn,
                        parts[3],
                    )
                    tail = parts[4:]
                    j = 0
                    while j < len(tail):
                        if tail[j] == "sp:" and j + 1 < len(tail):
                            isl.speed = tail[j + 1]
                            j += 2
                        elif tail[j] == "bw:" and j + 1 < len(tail):
                            isl.bandwidth = tail[j + 1]
                            j += 2
                        else:
                            isl.flags.append(tail[j])
                            j += 1
                    out.append(isl)
                    continue
        other_line(raw, i, source, findings, "islshow")
    return out, findings


# ---------------------------------------------------------------------------- SNMP walk

#: SW-MIB swFCPortPhyState
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
#: SW-MIB swFCPortBrcdType (an online port's type)
_BRCD_TYPE = {3: "FL-Port", 4: "F-Port", 5: "E-Port", 6: "G-Port", 7: "EX-Port", 8: "D-Port"}
#: FA-MIB connUnitPortType
_FA_TYPE = {5: "N-Port", 6: "NL-Port", 7: "FL-Port", 8: "F-Port", 9: "E-Port", 10: "G-Port"}
#: SW-MIB swFCPortSpeed
_SPEED = {1: "1G", 2: "2G", 3: "N", 4: "4G", 5: "8G", 6: "10G", 8: "16G"}


def decode_snmp(
    state: SwitchState, cols: Columns, cat: Catalogue, source: str, fnd: list[Finding]
) -> None:
    """A saved SNMP walk of a FOS switch (``vendors/brocade-fos/snmp.yaml``): identity (SW-MIB,
    FIBRE-CHANNEL-FE-MIB), ports (SW-MIB swFCPortTable, else FA-MIB connUnitPortTable) and
    name-server logins (FA-MIB connUnitSnsTable). FOS publishes no zoning over SNMP."""
    c = cat.column
    fw = text_value(cols.scalar(c("swFirmwareVersion")))
    dom = cols.scalar(c("swDomainID"))
    state.identity.firmware = fw
    state.identity.domain = dom if isinstance(dom, int) else None
    el = cols.scalar(c("fcFeElementName"))
    state.identity.wwn = decode_wwn(el) if isinstance(el, bytes) else None
    pr = cols.scalar(c("swPrincipalSwitch"))
    if pr in (1, 2):
        state.identity.role = "Principal" if pr == 1 else "Subordinate"

    # ports: SW-MIB swFCPortTable, INDEX swFCPortIndex = port number + 1
    phy = cols.rows(c("swFCPortPhyState"), 1)
    op = cols.rows(c("swFCPortOpStatus"), 1)
    wwn = cols.rows(c("swFCPortWwn"), 1)
    spd = cols.rows(c("swFCPortSpeed"), 1)
    spec = cols.rows(c("swFCPortSpecifier"), 1)
    btype = cols.rows(c("swFCPortBrcdType"), 1)
    pname = cols.rows(c("swFCPortName"), 1)
    by_wwn: dict[str, Port] = {}
    for idx in sorted(set(phy) | set(wwn) | set(op)):
        number = idx[0] - 1
        name = text_value(spec.get(idx)) or str(number)
        slot = port = None
        if "/" in name:
            s_slot, _, s_port = name.partition("/")
            if s_slot.isdecimal() and s_port.isdecimal():
                slot, port = int(s_slot), int(s_port)
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
            comment=text_value(pname.get(idx)),
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
            st_v = st.get(idx)
            p.state = (
                {2: "Online", 3: "Offline", 5: "Diagnostics"}.get(st_v)
                if isinstance(st_v, int)
                else None
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
            undecodable(fnd, source, "connUnitSnsPortName", idx, raw, state, "logins")
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
            port_symbol=text_value(ssym.get(idx)),
            node_symbol=text_value(nsym.get(idx)),
        )
        login = state.add_login(login)
        p = state.ports.get(port_name or "")
        if p is not None and w not in p.wwpns:
            p.wwpns.append(w)
    for p in state.ports.values():
        p.npiv_count = max(0, len(p.wwpns) - 1)
    if swwpn or sport:
        state.seen["logins"] = source


_PORTNAME = re.compile(r"^port\s+(\d+(?:/\d+)?):\s?(.*)$")


@gc_paused
def parse_portname(text: str, source: str) -> tuple[dict[str, str], list[Finding]]:
    """``portname`` (no operands): ``port 0: sw0..0..`` per port, the name after the colon
    (empty when the port has none). Format: Brocade Fabric OS Administration Guide,
    "Configuring the dynamic port name format" (``sw0:root> portname`` / ``port 0: ...``).
    """
    t = prepare(text, source)
    findings = t.findings
    out: dict[str, str] = {}
    for i, raw in enumerate(t.lines, 1):
        s = raw.rstrip()
        if not s.strip():
            continue
        m = _PORTNAME.match(s.strip())
        if m:
            out[m.group(1)] = m.group(2).strip()
            continue
        other_line(raw, i, source, findings, "portname")
    if not out and not findings:
        findings.append(EmptyOutput.make("portname output is empty", loc(source, 1)))
    return out, findings


#: parser name (as the pack's commands.yaml writes it) → function
PARSERS: dict[str, Callable[[str, str], tuple[Any, list[Finding]]]] = {
    "cfgshow": parse_cfgshow,
    "zoneshow": parse_zoneshow,
    "cfgactvshow": parse_cfgactvshow,
    "alishow": parse_alishow,
    "nsshow": parse_nsshow,
    "nscamshow": parse_nscamshow,
    "switchshow": parse_switchshow,
    "fabricshow": parse_fabricshow,
    "cfgtransshow": parse_cfgtransshow,
    "cfgsize": parse_cfgsize,
    "islshow": parse_islshow,
    "portname": parse_portname,
}
