"""Cisco MDS NX-OS show-output parsers: one pass over the lines, one function per command.

Every function takes ``(text, source)`` and returns ``(result, findings)``; nothing raises on
bad input. Formats follow real NX-OS output (sources: ansible-collections/cisco.nxos
unit-test fixtures such as ``shzonesetactive_0.cfg``, Cisco-SAN/mdssdk output templates):
``*`` logged-in members with FCID, device-alias in brackets, smart-zoning tags (``init``/``target``/``both``), fcalias nesting in ``show zone``,
NPIV repeats and device-aliases with ``-`` in ``show flogi database``, both ``show interface
brief`` layouts, the zone and device-alias sections of ``show running-config``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter, ne
from typing import Any, Callable, Mapping

from ..findings import Finding, Location
from ..observed import (
    FABRIC_KEY,
    DeviceAliasStatus,
    Isl,
    Login,
    Port,
    SwitchState,
    Version,
    Vsan,
    Zone,
    ZoneDb,
    ZoneStatus,
)
from ..rules.capture import (
    CountMismatch,
    DuplicateDefinition,
    EmptyOutput,
    InvalidMember,
    NestingLost,
    TruncatedOutput,
    WrappedLineRejoined,
)
from .common import (
    after,
    bulk_wwns,
    fast_wwn,
    gc_paused,
    loc,
    other_line,
    prepare,
    rejoin_wrapped,
    to_int,
    word_after,
    wrap_width,
    wwn_or_none,
)
from .snmpwalk import (
    Catalogue,
    Columns,
    Oid,
    decode_fcid,
    decode_wwn,
    octets,
    text_value,
    undecodable,
)

__all__ = [
    "RunningConfig",
    "parse_show_zoneset_active",
    "parse_show_zoneset",
    "parse_show_zone",
    "parse_show_zone_active",
    "parse_show_fcalias",
    "parse_show_zone_status",
    "parse_show_device_alias_database",
    "parse_show_device_alias_status",
    "parse_show_flogi_database",
    "parse_show_fcns_database",
    "parse_show_interface_brief",
    "parse_show_vsan",
    "parse_show_vsan_membership",
    "parse_show_running_config",
    "parse_show_switchname",
    "parse_show_topology",
]

_TAGS = {"init": "init", "initiator": "init", "target": "target", "both": "both"}
_MEMBER_KW = frozenset(
    (
        "pwwn",
        "device-alias",
        "fcid",
        "fwwn",
        "interface",
        "ip-address",
        "symbolic-nodename",
        "fcalias",
        "domain-id",
    )
)


@dataclass(slots=True)
class RunningConfig:
    """Zone, device-alias and VSAN sections of ``show running-config``."""

    defined: dict[int, ZoneDb] = field(default_factory=dict)
    effective: dict[int, ZoneDb] = field(default_factory=dict)
    device_aliases: dict[str, str] = field(default_factory=dict)
    device_alias_mode: str | None = None
    status: dict[int, ZoneStatus] = field(default_factory=dict)
    vsans: dict[int, Vsan] = field(default_factory=dict)


# --------------------------------------------------------------------------- zoning


@gc_paused
def parse_show_zoneset_active(text: str, source: str) -> tuple[dict[int, ZoneDb], list[Finding]]:
    """``show zoneset active [vsan N]``: the effective zoning per VSAN (aliases resolved)."""
    return _parse_zoning(text, source, "show zoneset active", active=True)


@gc_paused
def parse_show_zone_active(text: str, source: str) -> tuple[dict[int, ZoneDb], list[Finding]]:
    """``show zone active [vsan N]``: the zones in effect without their zoneset line (its
    name comes from ``show zone status`` or ``show zoneset active`` of the same switch)."""
    return _parse_zoning(text, source, "show zone active", active=True)


@gc_paused
def parse_show_zoneset(text: str, source: str) -> tuple[dict[int, ZoneDb], list[Finding]]:
    """``show zoneset [vsan N]``: defined zonesets with their zones and members."""
    return _parse_zoning(text, source, "show zoneset", active=False)


@gc_paused
def parse_show_zone(text: str, source: str) -> tuple[dict[int, ZoneDb], list[Finding]]:
    """``show zone [vsan N]``: defined zones, fcalias members nested inside them."""
    return _parse_zoning(text, source, "show zone", active=False)


@gc_paused
def parse_show_fcalias(text: str, source: str) -> tuple[dict[int, ZoneDb], list[Finding]]:
    """``show fcalias [vsan N]``: fcalias definitions."""
    return _parse_zoning(text, source, "show fcalias", active=False)


def _last_content(lines: list[str]) -> int:
    for k in range(len(lines) - 1, -1, -1):
        if lines[k].strip():
            return k + 1
    return 0


def _parse_zoning(
    text: str, source: str, what: str, *, active: bool
) -> tuple[dict[int, ZoneDb], list[Finding]]:
    t = prepare(text, source)
    findings = t.findings
    lines = t.lines
    # the last line with text is where a cut shows; when the switch's prompt (or the session's
    # end) follows it, it is complete
    last = 0 if t.ended else _last_content(lines)
    no_eol = bool(text) and not text.endswith(("\n", "\r")) and not t.ended
    dup: tuple[Zone, int] | None = None  # a zone printed again: (the first copy, its length)
    seen = _Seen()  # `in` a zone's or fcalias's members without scanning them
    wcache: dict[str, str] = {}  # raw WWN token → canonical, "" when not a WWN
    dbs: dict[int, ZoneDb] = {}
    db: ZoneDb | None = None
    zs: list[str] | None = None  # current zoneset's zone list
    zs_names: set[str] = set()  # the names in zs
    zone: Zone | None = None
    zone_at = 0
    alias: list[str] | None = None  # current fcalias member list
    alias_indent = -1
    alias_name = ""
    top_alias = False
    #: the open fcalias was printed before: this copy's members join the first's (a union)
    alias_again = False
    alias_got = False  #: a member line was read into the open fcalias's copy
    #: the port members and fcalias names of the open zone's copy: a port member in effect is
    #: one `*` line per device logged in there, so a copy lists it once; a zone printed again
    #: (in another zoneset) is compared copy with copy, each with its own members
    zone_here: set[str] = set()
    #: the open fcalias's members are not indented under it (a copy collapsed the blanks):
    #: they run to the next blank line or header
    flat = False
    cut = False

    fcids: dict[str, str] = {}
    names: dict[str, str] = {}

    def get_db(vsan: int) -> ZoneDb:
        d = dbs.get(vsan)
        if d is None:
            d = dbs[vsan] = ZoneDb(source=source)
            if t.filtered:
                d.complete = False
        return d

    for i, raw in enumerate(lines, 1):
        tok = raw.split()
        if not tok:
            if flat:
                alias, flat = None, False
            continue
        head = tok[0]
        if zone is not None and alias is None and i != last:
            # fast path for the two member shapes that fill large outputs:
            # ``* fcid F [pwwn W] [name] [tag]`` and ``pwwn W [name] [tag]``
            n = len(tok)
            if head == "*":
                if n == 6:
                    _, _, fcid, kw, raw_w, shown = tok
                elif n == 7:
                    _, _, fcid, kw, raw_w, shown, smart = tok
                else:
                    kw = ""
                if kw == "[pwwn":
                    w = wcache.get(raw_w)
                    if w is None:
                        w = wcache[raw_w] = (raw_w[-1] == "]" and fast_wwn(raw_w[:-1])) or ""
                    if w and shown[0] == "[" and shown[-1] == "]" and (n == 6 or smart in _TAGS):
                        zone.members.append(w)
                        fcids[w] = fcid.lower()
                        names[w] = shown[1:-1]
                        if n == 7:
                            zone.tags[w] = _TAGS[smart]
                        continue
            elif head == "pwwn" and n <= 4:
                w = wcache.get(tok[1]) if n > 1 else ""
                if w is None:
                    w = wcache[tok[1]] = fast_wwn(tok[1]) or ""
                if w:
                    if n == 2:
                        zone.members.append(w)
                        continue
                    shown = tok[2]
                    if shown[0] == "[" and shown[-1] == "]" and (n == 3 or tok[3] in _TAGS):
                        zone.members.append(w)
                        names[w] = shown[1:-1]
                        if n == 4:
                            zone.tags[w] = _TAGS[tok[3]]
                        continue
                    if n == 3 and shown in _TAGS:
                        zone.members.append(w)
                        zone.tags[w] = _TAGS[shown]
                        continue
        s = raw.lstrip()
        if head == "zone" or head == "zoneset" or head == "fcalias":
            if len(tok) >= 5 and tok[1] == "name" and tok[3] == "vsan" and tok[4].isdecimal():
                vsan = int(tok[4])
                name = tok[2]
                indent = len(raw) - len(s)
                if head == "zone":
                    if dup is not None:
                        _settle(dup, seen, source, findings, what)
                        dup = None
                    db = dbs.get(vsan) or get_db(vsan)
                    fcids, names = db.fcids, db.member_names  # the member fast path's
                    if indent == 0:
                        zs = None
                    zone = db.zones.get(name)
                    if zone is None:
                        # positional, fresh list and dict literals: no default factories
                        zone = db.zones[name] = Zone(name, [], [], "normal", {}, None, i)
                    else:  # printed before (another zoneset's copy, or edited text)
                        dup = (zone, len(zone.members))
                        if indent == 0:  # `show zone` lists each zone once
                            findings.append(
                                DuplicateDefinition.make(
                                    f"zone {name!r} of VSAN {vsan} is printed twice; the "
                                    "members of both are kept",
                                    loc(source, i),
                                    subject=name,
                                )
                            )
                    zone_at = i
                    zone_here = set()
                    if zs is not None:
                        if name in zs_names:  # a set beside the list: linear in the zones
                            findings.append(
                                DuplicateDefinition.make(
                                    f"zone {name!r} is listed twice in zoneset "
                                    f"{_zoneset_of(db, zs)!r} (vsan {vsan}); listed once",
                                    loc(source, i),
                                    subject=name,
                                )
                            )
                        else:
                            zs.append(name)
                            zs_names.add(name)
                    alias = None
                elif head == "zoneset":
                    if dup is not None:
                        _settle(dup, seen, source, findings, what)
                        dup = None
                    zone = None
                    alias = None
                    db = dbs.get(vsan) or get_db(vsan)
                    fcids, names = db.fcids, db.member_names  # the member fast path's
                    zs = db.configs[name] = []
                    zs_names = set()
                    if active:
                        db.effective = name
                else:  # fcalias
                    db = dbs.get(vsan) or get_db(vsan)
                    fcids, names = db.fcids, db.member_names  # the member fast path's
                    top_alias = indent == 0 or zone is None
                    alias = db.aliases.get(name)
                    alias_again = alias is not None
                    if alias is None:
                        alias = db.aliases[name] = []
                    elif top_alias:  # nested, an fcalias is printed in every zone using it
                        findings.append(
                            DuplicateDefinition.make(
                                f"fcalias {name!r} of VSAN {vsan} is printed twice; the "
                                f"members of both are kept ({len(alias)} from the first)",
                                loc(source, i),
                                subject=name,
                            )
                        )
                    alias_got = False
                    alias_name = name
                    alias_indent = indent
                    if top_alias:
                        if dup is not None:
                            _settle(dup, seen, source, findings, what)
                            dup = None
                        zone = None
                        zs = None
                    elif name not in zone_here:
                        zone_here.add(name)
                        zone.members.append(name)  # type: ignore[union-attr]
                flat = False
                continue
            if i == last:
                cut = True
                findings.append(
                    TruncatedOutput.make(f"last line of {what} is cut: {s!r}", loc(source, i))
                )
                continue
        if db is not None and (head == "*" or head in _MEMBER_KW):
            indent = len(raw) - len(s)
            if alias is not None and not top_alias and indent <= alias_indent and not flat:
                if not alias_got and indent == alias_indent:
                    # nothing nested under the fcalias yet, and this member is at its depth:
                    # NX-OS indents an fcalias's members deeper, so the blanks were lost
                    flat = True
                    findings.append(
                        NestingLost.make(
                            f"members after fcalias {alias_name!r} are not indented under it "
                            "(the capture lost its blanks): read as its members up to the "
                            "next blank line",
                            loc(source, i),
                            subject=alias_name,
                        )
                    )
                else:
                    alias = None
            target_alias = alias is not None
            if not target_alias and zone is None:
                other_line(raw, i, source, findings, what)
                continue
            got = _member(tok, i, db, source, findings, i == last)
            if got is None:
                if i == last:
                    cut = True
                continue
            member, tag = got
            if i == last and no_eol:
                findings.append(
                    TruncatedOutput.make(
                        f"the last line has no line end: {s.strip()!r} may be cut",
                        loc(source, i),
                        severity=_warning(),
                    )
                )
                cut = True
            # a port member in effect is one `*` line per device logged in there: one member
            if target_alias:
                into = alias
                alias_got = True
                if (alias_again or " " in member) and seen.has(alias, member):  # type: ignore[arg-type]
                    continue
            else:
                into = zone.members  # type: ignore[union-attr]
                if " " in member:
                    if member in zone_here:
                        continue
                    zone_here.add(member)
            into.append(member)  # type: ignore[union-attr]
            if tag and not target_alias:
                zone.tags[member] = tag  # type: ignore[union-attr]
            continue
        if s.startswith(("Zoneset not present", "Zone not present", "No zoneset", "Fcalias not")):
            continue
        if head == "member" and zs is not None and zone is None and len(tok) == 2:
            zs.append(tok[1])
            zs_names.add(tok[1])
            continue
        if i == last and db is not None and not _is_known_noise(s):
            cut = True
            findings.append(
                TruncatedOutput.make(f"last line of {what} is cut: {s!r}", loc(source, i))
            )
            continue
        other_line(raw, i, source, findings, what)
    _close_zone(zone, zone_at, None, last, db, source, findings, active)
    _settle(dup, seen, source, findings, what)
    if active and db is not None and zs is not None and not zs and zone is None:
        findings.append(
            TruncatedOutput.make(
                f"active zoneset {db.effective!r} lists no zones: output cut off",
                loc(source, last),
            )
        )
        cut = True
    if cut:
        for d in dbs.values():
            d.complete = False
    if not dbs and not t.filtered:
        if last == 0 or not any("not present" in x for x in lines):
            findings.append(EmptyOutput.make(f"{what} output is empty", loc(source, 1)))
    return dbs, findings


def _zoneset_of(db: ZoneDb, zs: list[str]) -> str:
    return next((n for n, z in db.configs.items() if z is zs), "?")


class _Seen:
    """Counts beside member lists, caught up lazily: ``m in list`` in constant time.

    Why: a zone printed 20,000 times (a looping capture), or 20,000 port members in one zone,
    made every ``in`` test and every merge a scan of the list so far, quadratic. The fast
    member path appends without looking here; the counts catch up with what it appended at
    the next question. Counts, not a set, so a repeated copy's members can be taken off again
    (:func:`_settle`).
    """

    __slots__ = ("_by",)

    def __init__(self) -> None:
        #: id of a list -> (the list, its counts, how much of it they cover)
        self._by: dict[int, tuple[list[str], Counter[str], list[int]]] = {}

    def counts(self, ms: list[str]) -> Counter[str]:
        got = self._by.get(id(ms))
        if got is None:
            got = self._by[id(ms)] = (ms, Counter(ms), [len(ms)])
        elif len(ms) > got[2][0]:
            got[1].update(ms[got[2][0] :])
            got[2][0] = len(ms)
        return got[1]

    def has(self, ms: list[str], m: str) -> bool:
        return self.counts(ms)[m] > 0

    def cut(self, ms: list[str], n: int) -> Counter[str]:
        """The counts of ``ms[:n]``; ``ms`` is cut there (the caller appends what it keeps)."""
        counts = self.counts(ms)
        counts.subtract(ms[n:])
        del ms[n:]
        self._by[id(ms)][2][0] = n
        return counts


def _settle(
    dup: tuple[Zone, int] | None,
    seen: _Seen,
    source: str,
    findings: list[Finding],
    what: str,
) -> None:
    """A zone printed a second time: the same members (a zone in two zonesets, as ``show
    zoneset`` prints it) are one zone; different members keep both lists (ZP032).

    In time linear in the second copy: its members were appended after the first's ``n``.
    """
    if dup is None:
        return
    zone, n = dup
    ms = zone.members
    again = ms[n:]
    if len(again) == n and (again == ms[:n] or set(again) == set(ms[:n])):
        seen.cut(ms, n)
        return
    first = seen.cut(ms, n)
    ms.extend(m for m in dict.fromkeys(again) if first[m] <= 0)
    findings.append(
        DuplicateDefinition.make(
            f"zone {zone.name!r} is printed twice in {what} with different members "
            f"({n} and {len(again)}); the members of both are kept",
            loc(source, zone.line),
            subject=zone.name,
        )
    )


def _is_known_noise(s: str) -> bool:
    return s.startswith(("Zoneset not present", "Zone not present"))


def _close_zone(
    zone: Zone | None,
    at: int,
    next_line: int | None,
    last: int,
    db: ZoneDb | None,
    source: str,
    findings: list[Finding],
    active: bool,
) -> None:
    """An empty zone at the very end of an output is a cut, not an empty zone."""
    if zone is None or zone.members or next_line is not None:
        return
    findings.append(
        TruncatedOutput.make(
            f"zone {zone.name!r} has no members and the output ends there",
            loc(source, at),
            subject=zone.name,
        )
    )
    if db is not None:
        db.complete = False


_BRACKET = re.compile(r"\[([^\]]*)\]")


def _member(
    tok: list[str],
    i: int,
    db: ZoneDb,
    source: str,
    findings: list[Finding],
    is_last: bool,
) -> tuple[str, str | None] | None:
    """One member line's tokens → (member, smart-zoning tag).

    Forms (Cisco-SAN/mdssdk ``show_zone_name*.textfsm``, written by Cisco): ``pwwn W
    [name] [init|target|both]``, ``device-alias A``, ``fcalias name X vsan N``, ``fcid 0xX``,
    ``fwwn W``, ``interface fc1/5 swwn W``, ``interface fc1/5 domain-id D``, ``interface
    port-channel 3 domain-id D``, ``domain-id D portnumber P``, ``ip-address A``,
    ``symbolic-nodename S``; in effect each logged-in device is a ``* fcid 0xX [spec]
    [name]`` line (a port member expands to one line per device logged in there), a bare
    ``* fcid 0xX`` or ``* fcid 0xX [name]`` for an fcid member.
    """
    fcid: str | None = None
    shown: str | None = None
    tag: str | None = None
    if tok[0] == "*":
        if len(tok) < 3 or tok[1] != "fcid" or not tok[2].lower().startswith("0x"):
            _bad(tok, i, source, findings, is_last)
            return None
        fcid = tok[2].lower()
        rest = " ".join(tok[3:])
        groups = _BRACKET.findall(rest)
        outside = _BRACKET.sub(" ", rest).split()
        if rest.count("[") != len(groups) or any(x not in _TAGS for x in outside):
            _bad(tok, i, source, findings, is_last)
            return None
        tag = _TAGS[outside[0]] if outside else None
        spec = groups[0].split() if groups else []
        if not spec or spec[0] not in _MEMBER_KW:
            # `* fcid 0xX` or `* fcid 0xX [name]`: an fcid member
            member = "fcid " + fcid
            db.fcids[member] = fcid
            return member, tag
        parts = spec
        shown = groups[1] if len(groups) > 1 else None
    else:
        words = " ".join(tok)
        groups = _BRACKET.findall(words)
        if words.count("[") != len(groups):
            _bad(tok, i, source, findings, is_last)
            return None
        parts = _BRACKET.sub(" ", words).split()
        while parts and parts[-1] in _TAGS and len(parts) > 2:
            tag = _TAGS[parts.pop()]
        shown = groups[0] if groups else None
    if len(parts) < 2:
        _bad(tok, i, source, findings, is_last)
        return None
    kind, value, extra = parts[0], parts[1], parts[2:]
    if kind == "pwwn" and not extra:
        member = fast_wwn(value)  # type: ignore[assignment]
        if member is None:
            _bad(tok, i, source, findings, is_last)
            return None
        if shown is not None:
            db.member_names[member] = shown
    elif (kind == "device-alias" or kind == "fcalias") and not extra:
        member = value
    elif kind == "fcalias" and extra[:1] == ["vsan"]:
        member = value  # `fcalias name X vsan N` written as a member
    elif kind == "fcid" and not extra:
        member = "fcid " + value.lower()
    elif kind == "fwwn" and not extra:
        w = wwn_or_none(value)
        if w is None:
            _bad(tok, i, source, findings, is_last)
            return None
        member = "fwwn " + w
    elif kind == "interface" or kind == "domain-id":
        # interface fc1/1 swwn W | interface fc1/1 domain-id 5 | interface port-channel 3
        # domain-id 5 | domain-id 5 portnumber 3: one member naming a switch port
        if kind == "interface" and value == "port-channel" and extra and extra[0].isdecimal():
            value, extra = value + extra[0], extra[1:]
        norm = [x.lower() if ":" in x else x for x in extra]
        if kind == "interface" and norm and norm[0] == "swwn" and len(norm) > 1:
            w = wwn_or_none(norm[1])
            if w is None:
                _bad(tok, i, source, findings, is_last)
                return None
            norm[1] = w
        member = " ".join([kind, value, *norm])
    elif not extra:
        member = kind + " " + value  # ip-address A, symbolic-nodename S
    else:
        member = " ".join(parts)
    if fcid is not None:
        db.fcids.setdefault(member, fcid)
    return member, tag


def _bad(tok: list[str], i: int, source: str, findings: list[Finding], is_last: bool) -> None:
    line = " ".join(tok)
    if is_last:
        findings.append(TruncatedOutput.make(f"member line is cut: {line!r}", loc(source, i)))
    else:
        findings.append(InvalidMember.make(f"unreadable member line {line!r}", loc(source, i)))


# --------------------------------------------------------------------------- zone status

_VSAN_LINE = re.compile(
    r"VSAN:\s*(\d+)\s+default-zone:\s*(\S+)(?:\s+distribute:\s*(.+?))?(?:\s+Interop:\s*(.+))?$"
)
_NUM_FIELD = re.compile(r"([A-Za-z\-]+):\s*(\d+)")


#: how the lines of `show zone status` start (the VSAN line, its settings, the database
#: sections; NX-OS 5.x-9.x, research/capture-variants.md section 5.1)
_ZONE_STATUS_STARTS = (
    "VSAN:",
    "mode:",
    "session:",
    "single-session:",
    "hard-zoning:",
    "smart-zoning:",
    "rscn-format:",
    "activation overwrite",
    "Default zone:",
    "qos:",
    "broadcast:",
    "Full Zoning",
    "Active Zoning",
    "Pending (Session)",
    "DB size:",
    "DB Size:",
    "Name:",
    "Zonesets:",
    "Database Not Available",
    "Current Total Zone DB Usage:",
    "Status:",
    "at ",
    "Full DB Copy",
    "Active DB Copy",
    "Zoneset not present",
    "Zone not present",
    "SFC",
    "Enhanced",
    "Interop",
    "Zone(set) not present",
)


def _zone_status_line(line: str) -> bool:
    s = line.strip()
    return s.startswith(_ZONE_STATUS_STARTS) or s[:1] == "%"


@gc_paused
def parse_show_zone_status(text: str, source: str) -> tuple[dict[int, ZoneStatus], list[Finding]]:
    """``show zone status [vsan N]``: mode, session/lock, smart zoning, DB sizes per VSAN."""
    t = prepare(text, source)
    rejoin_wrapped(t, source, _zone_status_line, "show zone status")
    findings = t.findings
    out: dict[int, ZoneStatus] = {}
    st: ZoneStatus | None = None
    part = ""
    for i, raw in enumerate(t.lines, 1):
        s = raw.strip()
        if not s:
            continue
        if s.startswith("VSAN:"):
            m = _VSAN_LINE.match(s)
            if m is None:
                other_line(raw, i, source, findings, "show zone status")
                continue
            st = out[int(m.group(1))] = ZoneStatus(int(m.group(1)), default_zone=m.group(2))
            st.distribute = m.group(3)
            st.interop = m.group(4)
            part = ""
            continue
        if st is None:
            other_line(raw, i, source, findings, "show zone status")
            continue
        if s.startswith("mode:"):
            bits = s.split()
            st.mode = bits[1] if len(bits) > 1 else None
            if "merge-control:" in bits:
                k = bits.index("merge-control:")
                st.merge_control = bits[k + 1] if k + 1 < len(bits) else None
        elif s.startswith("session:"):
            val = s.split(":", 1)[1].strip()
            st.session = val.split()[0] if val else "none"
            if "[" in val:
                st.session_user = val[val.index("[") + 1 :].rstrip("]").strip() or None
            elif len(val.split()) > 1:
                st.session_user = val.split()[1]
        elif s.startswith("single-session:"):
            st.single_session = s.split(":", 1)[1].strip()
        elif s.startswith("hard-zoning:"):
            st.hard_zoning = s.split()[1] == "enabled" if len(s.split()) > 1 else None
        elif s.startswith("smart-zoning:"):
            st.smart_zoning = s.split()[1] == "enabled" if len(s.split()) > 1 else None
        elif s.startswith("Full Zoning Database"):
            part = "full"
        elif s.startswith("Active Zoning Database"):
            part = "active"
        elif s.startswith("Pending (Session)"):
            part = "pending"
        elif s.startswith("Default zone:"):
            part = "default"
        elif s.lower().startswith("db size:"):
            n = to_int(s.split(":", 1)[1].split()[0]) if s.split(":", 1)[1].split() else None
            if part == "full":
                st.full_db_bytes = n
            elif part == "active":
                st.active_db_bytes = n
        elif s.startswith("Name:") and part == "active":
            bits = s.split()
            st.active_zoneset = bits[1] if len(bits) > 1 else None
            nums = dict(_NUM_FIELD.findall(s))
            st.active_zonesets = to_int(nums.get("Zonesets"))
            st.active_zones = to_int(nums.get("Zones"))
        elif s.startswith("Zonesets:") and part == "full":
            nums = dict(_NUM_FIELD.findall(s))
            st.full_zonesets = to_int(nums.get("Zonesets"))
            st.full_zones = to_int(nums.get("Zones"))
            st.full_aliases = to_int(nums.get("Aliases"))
        elif s.startswith("Database Not Available"):
            st.active_zoneset = None
        elif s.startswith("Current Total Zone DB Usage:"):
            bits = s.split(":", 1)[1].split()
            if len(bits) >= 3:
                st.db_used_bytes = to_int(bits[0])
                st.db_max_bytes = to_int(bits[2])
        elif s.startswith("Status:"):
            st.status = s.split(":", 1)[1].strip()
        elif s.startswith("at ") and st.status is not None:
            st.status = (st.status + " " + s).strip()
        elif ":" in s:
            # rscn-format, activation overwrite control, qos, Full DB Copy size, SFC size …
            continue
        else:
            other_line(raw, i, source, findings, "show zone status")
    if not out:
        findings.append(EmptyOutput.make("show zone status output is empty", loc(source, 1)))
    return out, findings


# --------------------------------------------------------------------------- device-alias


@gc_paused
def parse_show_device_alias_database(
    text: str, source: str
) -> tuple[dict[str, str], list[Finding]]:
    """``show device-alias database``: name → pwwn (names may contain ``-``, ``$``, ``^``).

    A device-alias names one pWWN, one-to-one (Cisco MDS 9000 / Nexus 5000 SAN switching
    guides, device-alias chapter; the NX-OS ``device-alias name N pwwn W`` command takes one
    pWWN, cisco.nxos ``nxos_devicealias``: ``pwwn``, a string). A name printed twice with
    another pWWN leaves the one in effect unknown: the first is kept and the ambiguity is an
    error (ZP032); the same pWWN again is a warning.
    """
    t = prepare(text, source)
    findings = t.findings
    out: dict[str, str] = {}
    listed = 0  # entry lines read: the trailer counts lines, a name printed twice is ZP032
    total: int | None = None
    total_at = 0
    last = _last_content(t.lines)
    for i, raw in enumerate(t.lines, 1):
        s = raw.strip()
        if not s:
            continue
        if s.startswith("device-alias name"):
            tok = s.split()
            w = wwn_or_none(tok[4]) if len(tok) >= 5 and tok[3] == "pwwn" else None
            if w is None:
                if i == last:
                    findings.append(
                        TruncatedOutput.make(f"last line is cut: {s!r}", loc(source, i))
                    )
                else:
                    findings.append(
                        InvalidMember.make(f"unreadable device-alias line {s!r}", loc(source, i))
                    )
                continue
            listed += 1
            _device_alias(out, tok[2], w, loc(source, i), findings)
            continue
        if s.startswith("Total number of entries"):
            total = to_int(s.rstrip(".").split("=")[-1].strip())
            total_at = i
            continue
        if s.startswith(("There are no", "Device Alias Database is empty")):
            total = total or 0
            continue
        other_line(raw, i, source, findings, "show device-alias database")
    if total is None:
        if out:
            # some captures drop the trailer; a cut is as likely, so say it (as a warning)
            findings.append(
                TruncatedOutput.make(
                    "show device-alias database ends without 'Total number of entries'",
                    loc(source, last),
                    severity=_warning(),
                )
            )
        else:
            findings.append(
                EmptyOutput.make("show device-alias database output is empty", loc(source, 1))
            )
    elif total != listed:
        findings.append(
            CountMismatch.make(
                f"device-alias database says {total} entries, {listed} listed",
                loc(source, total_at),
            )
        )
    return out, findings


def _device_alias(
    out: dict[str, str], name: str, w: str, at: Location, findings: list[Finding]
) -> None:
    """Keep ``name → w``; a name seen before keeps its first pWWN (ZP032, an error when the
    pWWNs differ: which one is in effect is unknown)."""
    first = out.get(name)
    if first is None:
        out[name] = w
    elif first != w:
        findings.append(
            DuplicateDefinition.make(
                f"device-alias {name!r} is printed twice, with pWWN {first} and with {w}; a "
                f"device-alias names one pWWN, which one is in effect is unknown: the first "
                f"({first}) is kept",
                at,
                subject=name,
                severity=_error(),
            )
        )
    else:
        findings.append(
            DuplicateDefinition.make(
                f"device-alias {name!r} is printed twice (pWWN {w} both times); kept once",
                at,
                subject=name,
            )
        )


def _warning():  # noqa: ANN202 - Severity, imported lazily to keep the hot imports small
    from ..findings import Severity

    return Severity.WARNING


def _error():  # noqa: ANN202 - as _warning
    from ..findings import Severity

    return Severity.ERROR


@gc_paused
def parse_show_device_alias_status(
    text: str, source: str
) -> tuple[DeviceAliasStatus, list[Finding]]:
    """``show device-alias status``: distribution, mode, count and the session lock holder."""
    t = prepare(text, source)
    findings = t.findings
    st = DeviceAliasStatus()
    for i, raw in enumerate(t.lines, 1):
        s = raw.strip()
        if not s:
            continue
        if s.startswith("Fabric Distribution"):
            st.distribution = after(s).lower() == "enabled"
        elif s.startswith("Database:-"):
            bits = s.split()
            st.count = to_int(word_after(bits, "Aliases"))
            mode = word_after(bits, "Mode:")
            st.mode = mode.lower() if mode else None
        elif s.startswith("Checksum:"):
            st.checksum = s.split(":", 1)[1].strip()
        elif s.startswith("Locked By"):
            val = after(s, ":-") if ":-" in s else after(s)
            if val.count('"') >= 2:
                st.locked_by = val.split('"')[1]
            else:
                who = val.replace("User", "", 1).split()
                st.locked_by = who[0] if who else None
            swwn = after(val, "SWWN").split()
            if swwn:
                st.locked_swwn = wwn_or_none(swwn[0])
        elif s.startswith("Pending Database"):
            st.pending = True
        elif s.startswith(("Locked By", "Distribution", "Mode:", "Pending")) or ":" in s:
            continue
        else:
            other_line(raw, i, source, findings, "show device-alias status")
    if st.distribution is None and st.count is None:
        findings.append(
            EmptyOutput.make("show device-alias status output is empty", loc(source, 1))
        )
    return st, findings


# --------------------------------------------------------------------------- logins


#: the VSAN of a login when the layout has no VSAN column (MDS 9020 FabricWare: one fabric,
#: logins in the default VSAN 1)
DEFAULT_VSAN = 1
#: interfaces whose logins are the switch's own (one per VSAN), never a device's
_OWN = ("sup-fc",)


_NO_REST: list[str] = []  #: what follows a five-column row's WWNs (read only)


def _flogi_row(tok: list[str]) -> tuple[str, str | None, str, str, str, list[str]] | None:
    """A ``show flogi database`` row in any of its layouts → (interface, VSAN or None, FCID,
    pWWN, nWWN, the rest). ``fc1/22  1  0x693c00  21:..  20:..`` (MDS), ``fc1/3 0x760200
    50:.. 50:..`` (FabricWare: no VSAN column), ``san-port-channel 1  10  0x..`` (a name in
    two words); interfaces are ``fcS/P``, ``vfcN``, ``port-channelN``, ``sup-fc0`` ..."""
    n = len(tok)
    if n >= 5 and tok[2][:2] == "0x":
        return tok[0], tok[1], tok[2], tok[3], tok[4], tok[5:]
    if n >= 4 and tok[1][:2] == "0x":
        return tok[0], None, tok[1], tok[2], tok[3], tok[4:]
    if n >= 6 and tok[3][:2] == "0x" and tok[1].isdecimal():
        return tok[0] + tok[1], tok[2], tok[3], tok[4], tok[5], tok[6:]
    return None


@gc_paused
def parse_show_flogi_database(text: str, source: str) -> tuple[list[Login], list[Finding]]:
    """``show flogi database``: one login per row, device-alias on its own ``[...]`` line.

    Rows are collected first and their WWNs checked in bulk (a few C-level passes), so a clean
    output costs little more than splitting its lines; the first login on an interface is the
    physical N_Port, later ones on the same interface are NPIV. Logins of the switch itself
    (``sup-fc0``) are counted against the trailer but are not devices.
    """
    t = prepare(text, source)
    findings = t.findings
    lines = t.lines
    rows: list[tuple[str, str | None, str, str, str, list[str]]] = []
    aliases: dict[int, str] = {}  # row index → alias
    row_lines: list[int] = []
    total: int | None = None
    total_at = 0
    header = False
    last = _last_content(lines)
    unreadable = 0
    # the row an alias line below belongs to: blank lines may come between (a console message
    # or a pager prompt blanked by the cleaning), any other line ends it
    under = False
    for i, raw in enumerate(lines, 1):
        if raw[-1:] == "]" or raw[-1:] in " \t" and raw.rstrip()[-1:] == "]":
            s = raw.strip()
            if s[0] == "[" and (raw[0] == " " or raw[0] == "\t" or s == raw.rstrip()):
                if under and len(rows) - 1 not in aliases:
                    aliases[len(rows) - 1] = s[1:-1]
                elif under:
                    pass  # a second alias line of the same login: the first is kept
                else:
                    other_line(raw, i, source, findings, "show flogi database")
                continue
        tok = raw.split()
        if len(tok) >= 4:
            # the MDS row of five columns inline (a call per row cost ~5 % of the parse)
            if len(tok) == 5 and tok[2][:2] == "0x":
                rows.append((*tok, _NO_REST))  # type: ignore[arg-type]
                row_lines.append(i)
                under = True
                continue
            row = _flogi_row(tok)
            if row is not None:
                rows.append(row)
                row_lines.append(i)
                under = True
                continue
        if not tok:
            continue
        under = False
        if tok[0][0] == "[" and i == last:
            findings.append(
                TruncatedOutput.make(f"alias line is cut: {raw.strip()!r}", loc(source, i))
            )
            continue
        s = raw.strip()
        c = s[0]
        if c == "-" and s.strip("-") == "":
            continue
        if c == "I" and s.startswith("INTERFACE"):
            header = True
            continue
        if c == "T" and s.startswith("Total number of flogi"):
            total = to_int(s.rstrip(".").split("=")[-1].strip())
            total_at = i
            # MDS NX-OS ends the trailer with '.', FabricWare (no VSAN column) does not
            # (/work/research/capture-variants.md section 3: Cisco MDS 9020 FabricWare 2.x guide)
            if s[-1] != "." and i == last and not t.ended and rows and rows[-1][1] is not None:
                findings.append(
                    TruncatedOutput.make(
                        f"trailer {s!r} lacks its final '.': cut?",
                        loc(source, i),
                        severity=_warning(),
                    )
                )
            continue
        if i == last and (header or rows) and not t.ended:
            findings.append(TruncatedOutput.make(f"last line is cut: {s!r}", loc(source, i)))
            continue
        other_line(raw, i, source, findings, "show flogi database")
    wwns = bulk_wwns([x for row in rows for x in (row[3], row[4])])
    bulk = _flogi_logins(rows, wwns, aliases)
    if bulk is not None:
        return _flogi_total(bulk, len(rows), 0, total, total_at, header, last, source, findings)
    out: list[Login] = []
    append = out.append
    per_port: dict[str, int] = {}
    get_alias = aliases.get
    for k, (port, v, fcid, pw, nw, rest) in enumerate(rows):
        if wwns is not None:
            p, n = wwns[2 * k], wwns[2 * k + 1]
        else:
            p, n = fast_wwn(pw), fast_wwn(nw)  # type: ignore[assignment]
            if p is None or n is None:
                at = row_lines[k]
                unreadable += 1
                if at == last and not t.ended:
                    findings.append(
                        TruncatedOutput.make(f"row is cut: {port} {fcid} {pw}", loc(source, at))
                    )
                else:
                    findings.append(
                        InvalidMember.make(
                            f"flogi row with a bad WWN: {port} {fcid} {pw} {nw}", loc(source, at)
                        )
                    )
                continue
        if v is not None and not v.isdecimal():
            unreadable += 1
            findings.append(
                InvalidMember.make(
                    f"flogi row with a bad VSAN: {port} {v} {fcid}", loc(source, row_lines[k])
                )
            )
            continue
        if port.startswith(_OWN):
            continue
        seen = per_port.get(port, 0)
        per_port[port] = seen + 1
        alias = get_alias(k)
        if alias is None and rest and rest[0][0] == "[" and rest[0][-1] == "]":
            alias = rest[0][1:-1]
        vsan = int(v) if v is not None else DEFAULT_VSAN
        append(Login(p, n, None, port, fcid.lower(), vsan, seen > 0, None, alias))
    return _flogi_total(out, len(rows), unreadable, total, total_at, header, last, source, findings)


def _flogi_logins(
    rows: list[tuple[str, str | None, str, str, str, list[str]]],
    wwns: list[str] | None,
    aliases: dict[int, str],
) -> list[Login] | None:
    """The logins of clean rows made in C-level passes (``map``), the same as the per-row
    loop makes; None when a WWN or VSAN is not clean, a row lacks the VSAN column or has more
    after its WWNs, or is the switch's own: the per-row loop then says which."""
    if wwns is None or any(map(_REST, rows)):
        return None
    vsans = list(map(_VSAN, rows))
    ports = list(map(_PORT, rows))
    if (
        None in vsans
        or not "".join(vsans).isdecimal()
        or any(map(str.startswith, ports, repeat(_OWN)))
    ):
        return None
    n = len(rows)
    first = dict(zip(reversed(ports), range(n - 1, -1, -1), strict=True))  # a port's first row
    return list(
        map(
            Login,
            wwns[0::2],
            wwns[1::2],
            repeat(None),
            ports,
            map(str.lower, map(_FCID, rows)),
            map(int, vsans),
            map(ne, map(first.__getitem__, ports), range(n)),  # NPIV: not the port's first
            repeat(None),
            map(aliases.get, range(n)),
        )
    )


_PORT, _VSAN, _FCID, _REST = itemgetter(0), itemgetter(1), itemgetter(2), itemgetter(5)


def _flogi_total(
    out: list[Login],
    rows: int,
    unreadable: int,
    total: int | None,
    total_at: int,
    header: bool,
    last: int,
    source: str,
    findings: list[Finding],
) -> tuple[list[Login], list[Finding]]:
    """The logins read, held to the trailer's ``Total number of flogi = N.``"""
    if total is None:
        if header or out:
            findings.append(
                TruncatedOutput.make(
                    "show flogi database ends without 'Total number of flogi = N.'",
                    loc(source, last or 1),
                )
            )
        else:
            findings.append(EmptyOutput.make("show flogi database output is empty", loc(source, 1)))
    elif total != rows:
        read = rows - unreadable
        findings.append(
            CountMismatch.make(
                f"'Total number of flogi = {total}': {read} read"
                + (f", {unreadable} unreadable" if unreadable else "")
                + (
                    f", {total - rows} missing"
                    if total > rows
                    else f", {rows - total} more than said"
                ),
                loc(source, total_at),
            )
        )
    return out, findings


def _fc4_role(features: str) -> str | None:
    low = features.lower()
    init = "init" in low
    target = "target" in low
    if "both" in low or (init and target):
        return "both"
    if init:
        return "initiator"
    if target:
        return "target"
    return None


#: detail keys (compared in lower case: MDS 6.x prints ``connected interface``, a Nexus 5020
#: ``Connected Interface``, research/capture-variants.md 4.2) → handler name
_FCNS_KEYS = {
    "port-wwn (vendor)": "pwwn",
    "port-wwn": "pwwn",
    "node-wwn": "nwwn",
    "node-ip-addr": "node_ip",
    "fc4-types:fc4_features": "fc4",
    "symbolic-port-name": "port_symbol",
    "symbolic-node-name": "node_symbol",
    "port-type": "port_type",
    "fabric-port-wwn": "fabric_port",
    "permanent-port-wwn (vendor)": "permanent",
    "connected interface": "interface",
    "switch name (ip address)": "switch",
}


#: the detail keys zoneplan does not read (Cisco MDS 6.x `show fcns database detail`,
#: research/capture-variants.md section 4.2)
_FCNS_OTHER_KEYS = frozenset({"class", "ipa", "port-ip-addr", "hard-addr", "fc4-types"})


def _fcns_own_line(line: str) -> bool:
    """``line`` is a line of its own in either form, not the rest of a wrapped one."""
    s = line.strip()
    c = s[0]
    if c == "[" or s[:2] == "0x" or s.startswith(("VSAN", "FCID", "Total number")):
        return True
    if c == "-" and s.strip("-") == "":
        return True
    key, sep, _ = s.partition(":")
    key = key.strip().lower()
    return bool(sep) and (key in _FCNS_KEYS or key in _FCNS_OTHER_KEYS)


def _fcns_detail(cur: Login, key: str, val: str) -> bool:
    """One ``key :value`` line of a detail block; True when it names the login's WWPN."""
    what = _FCNS_KEYS.get(key.lower())
    if what is None:
        return False  # class, ipa, port-ip-addr, hard-addr ...: not needed
    if what == "pwwn":
        bits = val.split(None, 1)
        w = wwn_or_none(bits[0]) if bits else None
        if w is None:
            return False
        cur.wwpn = w
        if len(bits) > 1 and bits[1].startswith("("):
            cur.vendor = bits[1].strip("() ") or None
        return True
    if what == "nwwn":
        cur.wwnn = wwn_or_none(val.split()[0]) if val.split() else None
    elif what == "node_ip":
        cur.node_ip = val if val and val != "0.0.0.0" else None
    elif what == "fc4":
        cur.fc4 = val or None
        cur.device_type = _fc4_role(val)
    elif what == "port_symbol":
        cur.port_symbol = val or None
    elif what == "node_symbol":
        cur.node_symbol = val or None
    elif what == "port_type":
        cur.port_type = val or None
    elif what == "fabric_port":
        cur.fabric_port_wwn = wwn_or_none(val.split()[0]) if val.split() else None
    elif what == "permanent":
        w = wwn_or_none(val.split()[0]) if val.split() else None
        cur.permanent_wwn = w if w and w != "00:00:00:00:00:00:00:00" else None
    elif what == "interface":
        # `fc1/22`, `vfc9`, `port-channel 3`, the switch's own `vsan1 (sup-fc0)`
        cur.port = val.split("(")[0].strip().replace(" ", "") or None
        if "sup-fc" in val:
            cur.port_type = "own"
    elif what == "switch":
        cur.switch = val.split()[0] if val.split() else None
    return False


@gc_paused
def parse_show_fcns_database(text: str, source: str) -> tuple[list[Login], list[Finding]]:
    """``show fcns database`` in its forms: the table (``… vsan N``, ``… domain N``,
    ``… local``), and the detail blocks (``… detail``, ``… fcid 0xX detail vsan N``).

    Table: ``VSAN 1:`` (``VSAN 1012`` without colon on a Nexus 5K) then rows ``FCID TYPE
    PWWN (VENDOR) FC4-TYPE:FEATURE`` (the vendor column blank for an OUI the switch does not
    know, no features for an entry seen from another switch), a device-alias line under a
    row, and ``Total number of [local] entries = N`` per VSAN. Detail: ``key :value`` blocks
    between 24-dash lines, keys in either case. The switch's own entries (``sup-fc0``) are
    counted, not returned.
    """
    t = prepare(text, source)
    rejoin_wrapped(t, source, _fcns_own_line, "show fcns database")
    findings = t.findings
    out: list[Login] = []
    cur: Login | None = None
    vsan = 0
    counts: list[tuple[int, int, int]] = []  # vsan, expected, line
    got: dict[int, int] = {}
    bad: dict[int, int] = {}
    header = False
    detail = False
    for i, raw in enumerate(t.lines, 1):
        s = raw.strip()
        if not s:
            continue
        c = s[0]
        if c == "0" and s[:2] == "0x" and not detail:
            tok = s.split()
            w = wwn_or_none(tok[2]) if len(tok) >= 3 else None
            if w is None:
                bad[vsan] = bad.get(vsan, 0) + 1
                findings.append(
                    InvalidMember.make(f"unreadable fcns row: {s[:100]!r}", loc(source, i))
                )
                cur = None
                continue
            cur = Login(w, fcid=tok[0].lower(), vsan=vsan, port_type=tok[1])
            rest = tok[3:]
            if rest and rest[0].startswith("("):
                j = 0
                while j < len(rest) and not rest[j].endswith(")"):
                    j += 1
                cur.vendor = " ".join(rest[: j + 1]).strip("()") or None
                rest = rest[j + 1 :]
            if rest and rest[-1].startswith("[") and rest[-1].endswith("]"):
                cur.alias = rest.pop()[1:-1]  # collapsed: the alias on the row
            if rest:
                cur.fc4 = " ".join(rest)
                cur.device_type = _fc4_role(cur.fc4)
            out.append(cur)
            got[vsan] = got.get(vsan, 0) + 1
            continue
        if c == "[":
            if cur is not None and s.endswith("]"):
                cur.alias = s[1:-1]
            continue
        if s.startswith("VSAN"):
            # "VSAN 1:" / "VSAN 1012" (table) or "VSAN:1     FCID:0x2200b5" (detail)
            if "FCID:" in s:
                detail = True
                bits = s.replace(":", " ").split()
                vsan = to_int(bits[1]) or 0
                fcid = word_after(bits, "FCID")
                cur = Login("", fcid=fcid.lower() if fcid else None, vsan=vsan)
            else:
                vsan = to_int(s[4:].strip().rstrip(":")) or 0
                cur = None
            continue
        if c == "-" and s.strip("-") == "":
            continue
        if s.startswith("FCID") and "PWWN" in s:
            header = True
            continue
        if s.startswith("Total number of"):
            counts.append((vsan, to_int(s.split("=")[-1].strip().rstrip(".")) or 0, i))
            continue
        if detail and cur is not None and ":" in s:
            key, _, val = s.partition(":")
            if key.strip() == "fc4-types":  # `fc4-types:fc4_features      :scsi-fcp:init`
                k2, _, val = val.partition(":")
                key = key + ":" + k2
            if _fcns_detail(cur, key.strip(), val.strip()):
                out.append(cur)
                got[vsan] = got.get(vsan, 0) + 1
            continue
        other_line(raw, i, source, findings, "show fcns database")
    own = [x for x in out if x.port_type == "own"]
    out = [x for x in out if x.wwpn and x.port_type != "own"]
    for lg in own:
        got[lg.vsan] = got.get(lg.vsan, 0)  # counted in the trailer as it should be
    for v, n, at in counts:
        read, unread = got.get(v, 0), bad.get(v, 0)
        if read + unread != n:
            findings.append(
                CountMismatch.make(
                    f"fcns database vsan {v}: 'Total number of entries = {n}': {read} read"
                    + (f", {unread} unreadable" if unread else "")
                    + (
                        f", {n - read - unread} missing"
                        if n > read + unread
                        else f", {read + unread - n} more than said"
                    ),
                    loc(source, at),
                )
            )
    if (header or detail) and not counts:
        findings.append(
            TruncatedOutput.make(
                "show fcns database ends without 'Total number of entries'",
                loc(source, len(t.lines)),
            )
        )
    if not out and not header and not counts and not detail:
        findings.append(EmptyOutput.make("show fcns database output is empty", loc(source, 1)))
    return out, findings


# --------------------------------------------------------------------------- ports / vsans

_MODE_TYPE = {
    "F": "F-Port",
    "TF": "F-Port",
    "E": "E-Port",
    "TE": "E-Port",
    "NP": "N-Port",
    "TNP": "N-Port",
    "FL": "FL-Port",
    "SD": "SD-Port",
    "ST": "ST-Port",
}
_OTHER_TABLES = (
    "mgmt",
    "sup-fc",
    "port-channel",
    "san-port-channel",
    "vfc",
    "fcip",
    "iscsi",
    "Ethernet",
    "eth",
    "fv",
    "ipStorage",
    "Vsan",
    "Mode",
    "Trunk",
    "(Gbps)",
    "Port",
)


@gc_paused
def parse_show_interface_brief(text: str, source: str) -> tuple[list[Port], list[Finding]]:
    """``show interface brief``: FC rows, old (9 columns) and new (with Logical Type) layouts."""
    t = prepare(text, source)
    findings = t.findings
    out: list[Port] = []
    for i, raw in enumerate(t.lines, 1):
        s = raw.strip()
        if not s:
            continue
        tok = s.split()
        h = tok[0]
        if h.startswith("fc") and "/" in h and len(tok) >= 9:
            mode = tok[6]
            p = Port(
                h,
                vsan=to_int(tok[1]),
                admin_mode=tok[2],
                state=tok[4],
                media=tok[5],
                type=_MODE_TYPE.get(mode),
                speed=None if tok[7] == "--" else tok[7],
                port_channel=None if tok[8] == "--" else tok[8],
                logical_type=(tok[9] if len(tok) > 9 and tok[9] != "--" else None),
                comment=f"oper mode {mode}" if mode != "--" else None,
            )
            slot, _, num = h[2:].partition("/")
            p.slot = to_int(slot)
            p.port = to_int(num)
            out.append(p)
            continue
        if (s[0] == "-" and s.strip("-") == "") or h.startswith(_OTHER_TABLES) or h == "Interface":
            continue
        other_line(raw, i, source, findings, "show interface brief")
    if not out:
        findings.append(
            EmptyOutput.make("show interface brief lists no FC interface", loc(source, 1))
        )
    return out, findings


@gc_paused
def parse_show_vsan(text: str, source: str) -> tuple[dict[int, Vsan], list[Finding]]:
    """``show vsan``: VSAN blocks with name, state and operational state."""
    t = prepare(text, source)
    findings = t.findings
    out: dict[int, Vsan] = {}
    cur: Vsan | None = None
    for i, raw in enumerate(t.lines, 1):
        s = raw.strip()
        if not s:
            continue
        if s.startswith("vsan "):
            body = s[5:]
            if body.endswith(" information"):
                n = to_int(body.split()[0])
                if n is not None:
                    cur = out[n] = Vsan(n)
                    continue
            num, sep, name = body.partition(":")
            if sep and num.isdecimal():  # vsan 4079:evfp_isolated_vsan
                out[int(num)] = Vsan(int(num), name=name.strip(), state="isolated")
                cur = None
                continue
        if cur is not None:
            if s.startswith("name:"):
                rest = s[5:]
                if "state:" in rest:
                    nm, _, stt = rest.partition("state:")
                    cur.name = nm.strip()
                    cur.state = stt.strip()
                else:
                    cur.name = rest.strip()
                continue
            if s.startswith("interoperability mode:"):
                cur.interop = s.split(":", 1)[1].strip()
                continue
            if s.startswith("loadbalancing:"):
                cur.loadbalancing = s.split(":", 1)[1].strip()
                continue
            if s.startswith("operational state:"):
                cur.oper_state = s.split(":", 1)[1].strip()
                continue
            if ":" in s:
                continue
        other_line(raw, i, source, findings, "show vsan")
    if not out:
        findings.append(EmptyOutput.make("show vsan output is empty", loc(source, 1)))
    return out, findings


@gc_paused
def parse_show_vsan_membership(
    text: str, source: str
) -> tuple[dict[int, list[str]], list[Finding]]:
    """``show vsan membership``: interfaces per VSAN."""
    t = prepare(text, source)
    findings = t.findings
    out: dict[int, list[str]] = {}
    cur: list[str] | None = None
    for i, raw in enumerate(t.lines, 1):
        s = raw.strip()
        if not s:
            continue
        if s.startswith("vsan ") and s.endswith("interfaces:"):
            num = s[5:].split()[0].split("(")[0]
            n = to_int(num)
            if n is not None:
                cur = out[n] = []
                continue
        if cur is not None and raw[0] in " \t":
            cur.extend(s.split())
            continue
        other_line(raw, i, source, findings, "show vsan membership")
    if not out:
        findings.append(EmptyOutput.make("show vsan membership output is empty", loc(source, 1)))
    return out, findings


# --------------------------------------------------------------------------- running-config


@gc_paused
def _new_member(held: set[str] | None, member: str) -> bool:
    """``member`` is not yet in an object printed twice (``held``: what its copies hold so far;
    None for an object printed once, whose members are kept as printed)."""
    if held is None:
        return True
    if member in held:
        return False
    held.add(member)
    return True


def parse_show_running_config(text: str, source: str) -> tuple[RunningConfig, list[Finding]]:
    """Zone, fcalias, zoneset, device-alias and VSAN sections of ``show running-config``.

    ``!Active Zone Database Section for vsan N`` feeds the effective zoning, ``!Full Zone
    Database Section`` (or zones outside any section) the defined one. Other configuration
    lines are skipped silently: a running-config is mostly not about zoning.
    """
    t = prepare(text, source)
    findings = t.findings
    rc = RunningConfig()
    target = rc.defined
    block = ""  # zone | fcalias | zoneset | da | vsandb
    zone: Zone | None = None
    alias: list[str] | None = None
    zs: list[str] | None = None
    db: ZoneDb | None = None
    #: what a zone, fcalias or zoneset printed twice in one section holds (one set each,
    #: made when its second copy starts): the copies' members are joined, each once
    held: dict[int, set[str]] = {}
    here: set[str] | None = None  # the open object's set when it was printed before

    def again(kind: str, name: str, vsan: int, obj: list[str], i: int) -> set[str]:
        findings.append(
            DuplicateDefinition.make(
                f"{kind} {name!r} of VSAN {vsan} is printed twice; the members of both are kept",
                loc(source, i),
                subject=name,
            )
        )
        got = held.get(id(obj))
        if got is None:
            got = held[id(obj)] = set(obj)
        return got

    def get_db(vsan: int) -> ZoneDb:
        d = target.get(vsan)
        if d is None:
            d = target[vsan] = ZoneDb(source=source)
        return d

    def status(vsan: int) -> ZoneStatus:
        st = rc.status.get(vsan)
        if st is None:
            st = rc.status[vsan] = ZoneStatus(vsan, default_zone="deny", mode="basic")
            st.smart_zoning = False
        return st

    for i, raw in enumerate(t.lines, 1):
        s = raw.strip()
        if not s:
            continue
        indented = raw[0] in " \t"
        tok = s.split()
        if s[0] == "!":
            low = s.lower()
            if "active zone database section for vsan" in low:
                target = rc.effective
            elif "full zone database section for vsan" in low:
                target = rc.defined
            block = ""
            continue
        if not indented:
            block = ""
            zone = None
            alias = None
            zs = None
            here = None
            if len(tok) >= 5 and tok[1] == "name" and tok[3] == "vsan" and tok[4].isdecimal():
                vsan = int(tok[4])
                db = get_db(vsan)
                name = tok[2]
                if tok[0] == "zone":
                    zone = db.zones.get(name)
                    if zone is None:
                        zone = db.zones[name] = Zone(name, line=i)
                    else:
                        here = again("zone", name, vsan, zone.members, i)
                    block = "zone"
                elif tok[0] == "fcalias":
                    alias = db.aliases.get(name)
                    if alias is None:
                        alias = db.aliases[name] = []
                    else:
                        here = again("fcalias", name, vsan, alias, i)
                    block = "fcalias"
                elif tok[0] == "zoneset":
                    zs = db.configs.get(name)
                    if zs is None:
                        zs = db.configs[name] = []
                    else:
                        here = again("zoneset", name, vsan, zs, i)
                    if target is rc.effective:
                        db.effective = tok[2]
                    block = "zoneset"
                continue
            if (
                tok[0] == "zoneset"
                and len(tok) >= 6
                and tok[1] == "activate"
                and tok[5].isdecimal()
            ):
                vsan = int(tok[5])
                status(vsan).active_zoneset = tok[3]
                if vsan in rc.effective:
                    rc.effective[vsan].effective = tok[3]
                continue
            if tok[0] == "zone" and "vsan" in tok and tok[-1].isdecimal():
                vsan = int(tok[-1])
                if tok[1] == "smart-zoning":
                    status(vsan).smart_zoning = True
                elif tok[1] == "mode" and len(tok) > 2 and tok[2] == "enhanced":
                    status(vsan).mode = "enhanced"
                elif tok[1] == "default-zone" and len(tok) > 2 and tok[2] == "permit":
                    status(vsan).default_zone = "permit"
                continue
            if s == "device-alias database":
                block = "da"
                continue
            if s.startswith("device-alias mode"):
                rc.device_alias_mode = tok[-1]
                continue
            if s == "vsan database":
                block = "vsandb"
                continue
            if s.startswith("device-alias name") and len(tok) >= 5:
                block = "da"  # unindented in some captures
            else:
                if t.lines and is_error(s):
                    other_line(raw, i, source, findings, "show running-config")
                continue
        if block == "zone" and tok[0] == "member" and len(tok) >= 3 and zone is not None:
            got = _member(tok[1:], i, db, source, findings, False)  # type: ignore[arg-type]
            if got is not None and _new_member(here, got[0]):
                zone.members.append(got[0])
                if got[1]:
                    zone.tags[got[0]] = got[1]
        elif block == "fcalias" and tok[0] == "member" and len(tok) >= 3 and alias is not None:
            got = _member(tok[1:], i, db, source, findings, False)  # type: ignore[arg-type]
            if got is not None and _new_member(here, got[0]):
                alias.append(got[0])
        elif block == "zoneset" and tok[0] == "member" and len(tok) == 2 and zs is not None:
            if _new_member(here, tok[1]):
                zs.append(tok[1])
        elif block == "da" and s.startswith("device-alias name") and len(tok) >= 5:
            w = wwn_or_none(tok[4])
            if w is None:
                findings.append(
                    InvalidMember.make(f"unreadable device-alias line {s!r}", loc(source, i))
                )
            else:
                _device_alias(rc.device_aliases, tok[2], w, loc(source, i), findings)
        elif block == "vsandb" and tok[0] == "vsan" and len(tok) >= 3 and tok[1].isdecimal():
            n = int(tok[1])
            v = rc.vsans.get(n) or rc.vsans.setdefault(n, Vsan(n))
            if tok[2] == "name" and len(tok) >= 4:
                v.name = tok[3].strip('"')
            elif tok[2] == "interface" and len(tok) >= 4:
                v.interfaces.append(tok[3])
        # every other indented line belongs to some other block: skipped on purpose
    return rc, findings


def is_error(s: str) -> bool:
    from .common import is_error_line

    return is_error_line(s)


@gc_paused
def parse_show_switchname(text: str, source: str) -> tuple[str | None, list[Finding]]:
    """``show switchname``: one line, the switch's name."""
    t = prepare(text, source)
    names = [x.strip() for x in t.lines if x.strip()]
    if not names:
        t.findings.append(EmptyOutput.make("show switchname output is empty", loc(source, 1)))
        return None, t.findings
    for k, extra in enumerate(names[1:], 2):
        other_line(extra, k, source, t.findings, "show switchname")
    return names[0].split()[0], t.findings


#: ``show version`` keys naming the running NX-OS / SAN-OS release: ``system:    version
#: 6.2(13)`` (with ``kickstart:``, ansible-collections/cisco.nxos fixture
#: nxos_command/show_version.txt) and ``NXOS: version 9.3(5)`` on single-image releases
_VERSION_KEYS = ("system:", "NXOS:")


@gc_paused
def parse_show_version(text: str, source: str) -> tuple[Version | None, list[Finding]]:
    """``show version``: the release, the chassis (``cisco MDS 9148 (1 Slot) Chassis``) and
    ``Device name:``. The rest (copyright text, uptime, plugins) is free text, not read."""
    t = prepare(text, source)
    out = Version()
    hardware = False
    for raw in t.lines:
        s = raw.strip()
        if not s:
            continue
        head = s.split(None, 1)[0]
        if head in _VERSION_KEYS and "version" in s:
            out.firmware = (
                s.split("version", 1)[1].split()[0] if s.split("version", 1)[1].split() else None
            )
        elif s == "Hardware":
            hardware = True
        elif hardware and head == "cisco" and out.model is None:
            model = s[len("cisco") :].split("(")[0].replace("Chassis", "").strip()
            out.model = model or None
        elif s.startswith("Device name:"):
            out.name = s.split(":", 1)[1].strip() or None
    if out.firmware is None and out.model is None:
        t.findings.append(EmptyOutput.make("show version output names no release", loc(source, 1)))
        return None, t.findings
    return out, t.findings


# ---------------------------------------------------------------------------- SNMP walk


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


def _zone_db(
    cols: Columns,
    vsan: int,
    names: Mapping[Oid, object],
    alias_lists: Mapping[Oid, object],
    alias_names: Mapping[Oid, object],
    fmt: Mapping[Oid, object],
    ids: Mapping[Oid, object],
    attrs: Mapping[Oid, object],
    source: str,
    fnd: list[Finding],
) -> ZoneDb:
    db = ZoneDb(source=source)
    members: dict[tuple[int, int], list[str]] = {}
    tags: dict[tuple[int, int], dict[str, str]] = {}
    for idx in sorted(k for k in fmt if len(k) == 4 and k[0] == vsan):
        _, ptype, parent, _m = idx
        f, raw = fmt.get(idx), ids.get(idx)
        m = decode_member(f, raw) if isinstance(f, int) and isinstance(raw, bytes) else None
        if m is None:
            undecodable(fnd, source, "zoneMemberID", idx, raw)
            db.complete = False
            continue
        members.setdefault((ptype, parent), []).append(m)
        a = attrs.get(idx)
        if isinstance(a, int) and a in (1, 2, 3):
            tags.setdefault((ptype, parent), {})[m] = {1: "init", 2: "target", 3: "both"}[a]
    alias_by_index: dict[int, str] = {}
    for (v, aidx), name in sorted(alias_names.items()):
        if v == vsan and (n := text_value(name)):
            alias_by_index[aidx] = n
            db.aliases[n] = members.get((2, aidx), [])
    for (v, zidx), name in sorted(names.items()):
        n = text_value(name)
        if v != vsan or not n:
            continue
        z = Zone(name=n, members=list(members.get((1, zidx), [])))
        al = alias_lists.get((v, zidx))
        if isinstance(al, bytes):
            z.members.extend(alias_by_index[a] for a in decode_fclist(al) if a in alias_by_index)
        z.tags = tags.get((1, zidx), {})
        db.zones[n] = z
    return db


def decode_snmp(
    state: SwitchState, cols: Columns, cat: Catalogue, source: str, fnd: list[Finding]
) -> None:
    """A saved SNMP walk of an MDS switch (``vendors/cisco-mds/snmp.yaml``): VSANs
    (CISCO-VSAN-MIB), zoning (CISCO-ZS-MIB, full and enforced databases), device-aliases
    (CISCO-FC-DEVICE-ALIAS-MIB), ports (IF-MIB, CISCO-FC-FE-MIB) and logins (CISCO-NS-MIB)."""
    c = cat.column
    # VSANs
    oper_states = cols.rows(c("vsanOperState"), 1)
    for (v,), name in sorted(cols.rows(c("vsanName"), 1).items()):
        oper = oper_states.get((v,))
        state.vsans[v] = Vsan(
            id=v,
            name=text_value(name),
            oper_state={1: "up", 2: "down"}.get(oper) if isinstance(oper, int) else None,
        )
    if state.vsans:
        state.seen["vsans"] = source

    # zone server settings
    dz = cols.rows(c("zoneDefaultZoneBehaviour"), 1)
    prop = cols.rows(c("zoneSetPropagationMode"), 1)
    hard = cols.rows(c("zoneDbHardZoningEnabled"), 1)
    zs_names = cols.rows(c("zoneSetName"), 2)
    zs_lists = cols.rows(c("zoneSetZoneList"), 2)
    z_names = cols.rows(c("zoneName"), 2)
    z_alias = cols.rows(c("zoneAliasList"), 2)
    a_names = cols.rows(c("zoneAliasName"), 2)
    m_fmt = cols.rows(c("zoneMemberFormat"), 4)
    m_id = cols.rows(c("zoneMemberID"), 4)
    m_attr = cols.rows(c("zoneMemberAttr"), 4)
    e_set = cols.rows(c("zoneEnforcedZoneSetName"), 1)
    e_names = cols.rows(c("zoneEnforcedZoneName"), 2)
    e_alias = cols.rows(c("zoneEnforcedZoneAliasList"), 2)
    e_anames = cols.rows(c("zoneEnforcedZoneAliasName"), 2)
    e_fmt = cols.rows(c("zoneEnforcedZoneMemberFormat"), 4)
    e_id = cols.rows(c("zoneEnforcedZoneMemberID"), 4)
    e_attr = cols.rows(c("zoneEnforcedZoneMemberAttr"), 4)
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
            n = text_value(name)
            if vv != v or not n:
                continue
            zl = zs_lists.get((vv, sidx))
            zidx = decode_fclist(zl) if isinstance(zl, bytes) else []
            defined.configs[n] = [
                text_value(z_names[(v, i)]) or "" for i in zidx if (v, i) in z_names
            ]
        effective = _zone_db(cols, v, e_names, e_alias, e_anames, e_fmt, e_id, e_attr, source, fnd)
        active = text_value(e_set.get((v,)))
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
        name_octets = octets(idx[1:])
        if idx[0] != len(idx) - 1 or name_octets is None:
            undecodable(
                fnd, source, "cfdaConfigDeviceAlias index", idx, raw, state, "device_aliases"
            )
            continue
        name = name_octets.decode("ascii", "replace")
        w = decode_wwn(raw) if isinstance(raw, bytes) else None
        if w is None:
            undecodable(fnd, source, "cfdaConfigDeviceId", idx, raw, state, "device_aliases")
            continue
        state.device_aliases[name] = w
    if cols.rows(c("cfdaConfigDeviceId")):
        state.seen["device_aliases"] = source
    wwn_alias = {w: n for n, w in state.device_aliases.items()}

    # interfaces (IF-MIB + CISCO-FC-FE-MIB); fc ports are ifType 56
    if_names = cols.rows(c("ifName"), 1)
    if_type = cols.rows(c("ifType"), 1)
    if_oper = cols.rows(c("ifOperStatus"), 1)
    fc_wwn = cols.rows(c("fcIfWwn"), 1)
    fc_mode = cols.rows(c("fcIfOperMode"), 1)
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
    for (ifx,), name in if_names.items():
        n = text_value(name)
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
        fcid_octets = octets(idx[1:4])
        if w is None or len(idx) != 4 or fcid_octets is None:
            undecodable(fnd, source, "fcNameServerPortName", idx, raw, state, "logins")
            continue
        t = pt.get(idx)
        state.add_login(
            Login(
                wwpn=w,
                wwnn=decode_wwn(nn[idx]) if isinstance(nn.get(idx), bytes) else None,
                vsan=idx[0],
                fcid="0x" + fcid_octets.hex(),
                port_type={2: "N", 3: "NL"}.get(t) if isinstance(t, int) else None,
                fabric_port_wwn=decode_wwn(fp[idx]) if isinstance(fp.get(idx), bytes) else None,
                port_symbol=text_value(sp.get(idx)),
                node_symbol=text_value(sn.get(idx)),
                alias=wwn_alias.get(w),
            )
        )
    fl_pn = cols.rows(c("fcIfNxPortName"))
    fl_nn = cols.rows(c("fcIfNxPortNodeName"))
    fl_ad = cols.rows(c("fcIfNxPortAddress"))
    for idx, raw in sorted(fl_pn.items()):
        w = decode_wwn(raw) if isinstance(raw, bytes) else None
        if w is None or len(idx) != 3:
            undecodable(fnd, source, "fcIfNxPortName", idx, raw, state, "logins")
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


@gc_paused
def parse_show_interface_description(
    text: str, source: str
) -> tuple[dict[str, str], list[Finding]]:
    """``show interface description``: tables under dashed rules, headed ``Interface
    Description`` or ``Port Type Speed Description``; the description starts at the header's
    ``Description`` column, ``--`` is none (NX-OS format, ntc-templates test fixtures
    ``cisco_nxos_show_interface_description*.raw``).
    """
    t = prepare(text, source)
    findings = t.findings
    out: dict[str, str] = {}
    column: int | None = None
    two_columns = False
    for i, raw in enumerate(t.lines, 1):
        s = raw.rstrip()
        if not s.strip() or set(s.strip()) == {"-"}:
            continue
        words = s.split()
        if "Description" in words and words[0] in ("Interface", "Port"):
            column = s.index("Description")
            two_columns = len(words) == 2
            continue
        if column is not None and words:
            name = words[0]
            desc = s[column:].strip() if len(s) > column else ""
            if len(s) > column and s[column - 1 : column] not in (" ", ""):
                desc = " ".join(words[1:])  # a name longer than its column
            elif two_columns and len(words) > 1:
                # the description is all after the name (a copy that collapsed the blanks
                # no longer aligns it under its header)
                desc = s[s.index(words[1], len(name)) :].strip()
            out[name] = "" if desc == "--" else desc
            continue
        other_line(raw, i, source, findings, "show interface description")
    if not out and not findings:
        findings.append(
            EmptyOutput.make("show interface description output is empty", loc(source, 1))
        )
    return out, findings


# --------------------------------------------------------------------------- topology

#: ``FC Topology for VSAN 10 :`` opens each VSAN's table (Cisco-SAN/mdssdk
#: mdssdk/parsers/switch/show_topology.py matches ``^FC Topology for VSAN ([0-9]+) :``)
_TOPOLOGY_VSAN = re.compile(r"FC Topology for VSAN\s+(\d+)\s*:?")
#: the peer domain as NX-OS prints it, hex with the decimal in brackets: ``0xe7(231)``
#: (mdssdk show_topology.py; the MDS NX-API reference's ``show topology`` JSON
#: ``"peer_domain": "0xaa(170)"``, developer.cisco.com/docs/mds-9000-nx-api-reference/topology)
_PEER_DOMAIN = re.compile(r"0x([0-9a-fA-F]{1,2})(?:\((\d{1,3})\))?")
#: an interface name: fc1/7, fc13/19, port-channel47, san-port-channel5, fcip1, vfc3
_INTERFACE = re.compile(r"[A-Za-z][A-Za-z\-]*\d+(?:/\d+){0,2}")
#: ``10.126.94.175(sw175-Luke-18slot)``: the address, then the name in brackets since the
#: column became ``Peer IP Address(Switch Name)``; older releases print the address alone
#: under ``Peer IP Address`` (a public switch-tips page quoting show topology beside the MDS
#: 4.1 configuration guide, code index id 21211721238)
_PEER_ADDRESS = re.compile(r"([0-9A-Fa-f.:]+)(?:\((\S*)\))?")


def _topology_row(s: str, vsan: int) -> Isl | None:
    """One ``Interface  Peer Domain  Peer Interface  Peer IP Address(Switch Name)`` row."""
    words = s.split()
    if len(words) not in (3, 4):
        return None
    iface, dom, peer = words[0], words[1], words[2]
    m = _PEER_DOMAIN.fullmatch(dom)
    if m is None or not _INTERFACE.fullmatch(iface) or not _INTERFACE.fullmatch(peer):
        return None
    domain = int(m.group(1), 16)
    if m.group(2) is not None and int(m.group(2)) != domain:
        return None  # the two spellings of the domain disagree: garbled
    isl = Isl(iface, peer, domain, None, "", vsan=vsan)
    if len(words) == 4:
        a = _PEER_ADDRESS.fullmatch(words[3])
        if a is None:
            return None
        isl.remote_ip = a.group(1)
        isl.remote_name = a.group(2) or ""
    return isl


def _topology_head(s: str) -> bool:
    """A VSAN header, a dashed rule or the column head of a ``show topology`` table."""
    return (
        s.startswith("FC Topology")
        or (s.startswith("Interface") and "Peer" in s)
        or set(s) == {"-"}
    )


def _fragment(s: str, vsan: int) -> bool:
    """A line that can only be the rest of a row the terminal wrapped."""
    return bool(s) and not _topology_head(s) and _topology_row(s, vsan) is None


def _rejoin_row(raw: str, rest: list[str], vsan: int) -> tuple[Isl, int] | None:
    """A row the capturing terminal wrapped, joined back with as many of the following
    fragments ``rest`` as make it whole (the most first): the break falls anywhere, inside a
    word or at a space a saved log may have trimmed, so the pieces join as they are, else
    with a space."""
    w = wrap_width(raw)
    if w:  # the row fills the terminal's width (blanks after it are a log's padding)
        raw = raw[:w]
    for n in range(len(rest), 0, -1):
        got = _topology_row("".join([raw, *rest[:n]]), vsan) or _topology_row(
            " ".join([raw.rstrip(), *(r.strip() for r in rest[:n])]), vsan
        )
        if got is not None:
            return got, n
    return None


@gc_paused
def parse_show_topology(text: str, source: str) -> tuple[list[Isl], list[Finding]]:
    """``show topology [vsan N]``: the ISLs of each VSAN, one table per VSAN under ``FC
    Topology for VSAN N :``, columns Interface / Peer Domain / Peer Interface / Peer IP
    Address(Switch Name); a VSAN without ISLs has its head and no rows; a switch without
    ISLs prints nothing (formats: Cisco-SAN/mdssdk mdssdk/parsers/switch/show_topology.py
    and its sample output, which also shows port-channel rows and several VSANs; the MDS 9000
    NX-API reference ``show topology``; the address-only column of older releases).

    A row the terminal wrapped is joined back (ZP046); a row cut at the end of the output,
    or a VSAN header without its table, is ZP021; a garbled row ZP025.
    """
    t = prepare(text, source)
    findings = t.findings
    out: list[Isl] = []
    lines = t.lines
    vsan = FABRIC_KEY
    if t.command:  # ``show topology vsan 10`` echoed: rows before any header are VSAN 10
        vsan = to_int(word_after(t.command.split(), "vsan")) or FABRIC_KEY
    # where in a VSAN's table: 0 before any header, 1 after ``FC Topology for VSAN N``, 2 in
    # the column head (a narrow terminal wraps it too), 3 under the rule that closes it
    phase = head_at = rows = 0
    named = False  # the column head is ``Peer IP Address(Switch Name)``: rows end in a name
    wrapped = first_wrap = 0
    last = len(lines)
    while last and not lines[last - 1].strip():
        last -= 1
    i = 0
    while i < last:
        raw = lines[i]
        i += 1
        s = raw.strip()
        if not s:
            continue
        m = _TOPOLOGY_VSAN.fullmatch(s)
        if m is not None:
            vsan, phase, head_at, rows = int(m.group(1)), 1, i, 0
            continue
        if set(s) == {"-"}:
            phase = 3 if phase == 2 else phase
            continue
        if s.startswith("Interface") and "Peer" in s:
            phase, named = 2, "Switch Name" in s
            continue
        rest: list[str] = []
        while (
            i + len(rest) < last and len(rest) < 4 and _fragment(lines[i + len(rest)].strip(), vsan)
        ):
            rest.append(lines[i + len(rest)])
        joined = _rejoin_row(raw, rest, vsan) if rest else None
        if joined is not None:
            out.append(joined[0])
            rows += 1
            wrapped += 1
            first_wrap = first_wrap or i
            i += joined[1]
            phase = 3
            continue
        isl = _topology_row(s, vsan)
        words = s.split()
        at_end = i == last and not t.ended  # the last line, no prompt after it: maybe cut
        whole = len(words) == 4 and (not named or words[3].endswith(")"))
        if isl is not None and (whole or not at_end):
            out.append(isl)
            rows += 1
            phase = 3
            continue
        if phase == 2 and isl is None:
            continue  # the rest of a column head the terminal wrapped
        if at_end:
            # a row short of its last column (the name in brackets): its peer port or
            # address may be cut too, so it is not read
            findings.append(
                TruncatedOutput.make(
                    f"show topology output ends inside a row: {s[:80]!r}", loc(source, i)
                )
            )
        else:
            other_line(raw, i, source, findings, "show topology")
    if phase in (1, 2) and not rows and not t.ended:
        # the output stops after a VSAN header, inside its table's head
        findings.append(
            TruncatedOutput.make(
                f"show topology output ends in the head of VSAN {vsan}'s table",
                loc(source, head_at),
            )
        )
    if wrapped:
        findings.append(
            WrappedLineRejoined.make(
                f"{wrapped} row(s) the terminal wrapped joined back to the line before "
                "(a narrow terminal: widen it for the next capture)",
                loc(source, first_wrap),
            )
        )
    return out, findings


#: the lines of a port-channel's block that say nothing about its members
_CHANNEL_FACTS = (
    "administrative channel mode",
    "operational channel mode",
    "last membership update",
    "first operational port",
    "age of the port-channel",
    "time since last",
    "last bundled member",
    "last unbundled member",
    "no ports",
)
_CHANNEL_HEAD = re.compile(r"^((?:san-)?port-channel) ?(\d+)$", re.I)
_CHANNEL_MEMBER = re.compile(r"^(\S+)\s*((?:\[[^\]]*\]\s*)+)\*?$")
_PORTS_TOTAL = re.compile(r"^(\d+) ports? in total, (\d+) ports? up$", re.I)


@gc_paused
def parse_show_port_channel_database(
    text: str, source: str
) -> tuple[dict[str, list[tuple[str, str]]], list[Finding]]:
    """``show port-channel database``: each port-channel's member interfaces and their state.

    Layout (Cisco-SAN/fabriclib ``fabriclib/all_parsers/shportchanneldatase.py``: the block
    head ``port-channel N``, ``First operational port is fcS/P``, member rows ``fcS/P [state]``;
    Cisco MDS 9000 NX-API reference "show port-channel database": members with their state,
    ``total_ports``): a head line ``port-channelN`` (``san-port-channel N`` on NX-OS releases
    that say so), indented facts, ``N ports in total, M ports up``, then ``Ports:   fc1/3
    [up] *`` and one member per continuation line (``*``: the first operational port). A
    block listing fewer members than its total is ZP021.
    """
    t = prepare(text, source)
    findings = t.findings
    out: dict[str, list[tuple[str, str]]] = {}
    members: list[tuple[str, str]] | None = None
    total = head_at = body = 0
    counted_seen = empty = False
    name = ""

    def close(last: bool = False) -> None:
        if members is None:
            return
        why = ""
        if total and len(members) < total:
            why = f"lists {len(members)} of its {total} member(s)"
        elif last and not body:
            why = "has its head only"  # a cut head may even name another channel
        elif last and not counted_seen and not empty and not t.ended:
            why = "ends before its count of ports"
        if why:
            findings.append(
                TruncatedOutput.make(
                    f"show port-channel database: {name} {why}: the output is cut",
                    loc(source, head_at),
                )
            )

    for i, raw in enumerate(t.lines, 1):
        s = raw.strip()
        if not s:
            continue
        head = _CHANNEL_HEAD.match(s)
        if head is not None:
            close()
            name = f"{head.group(1).lower()}{head.group(2)}"
            members = out.setdefault(name, [])
            total, head_at, body = 0, i, 0
            counted_seen = empty = False
            continue
        if members is None:
            other_line(raw, i, source, findings, "show port-channel database")
            continue
        body += 1
        low = s.lower()
        counted = _PORTS_TOTAL.match(s)
        if counted is not None:
            total, counted_seen = int(counted.group(1)), True
            continue
        if low.startswith(_CHANNEL_FACTS):
            empty = empty or low.startswith("no ports")
            continue
        if low.startswith("ports:"):
            s = s[6:].strip()
        row = _CHANNEL_MEMBER.match(s)
        if row is not None:  # the last bracket is the state (NX-OS on Nexus adds the mode)
            members.append((row.group(1), re.findall(r"\[([^\]]*)\]", row.group(2))[-1].strip()))
            continue
        other_line(raw, i, source, findings, "show port-channel database")
    close(last=True)
    return out, findings


#: parser name (as the pack's commands.yaml writes it) → function
PARSERS: dict[str, Callable[[str, str], tuple[Any, list[Finding]]]] = {
    "show_zoneset_active": parse_show_zoneset_active,
    "show_zoneset": parse_show_zoneset,
    "show_zone": parse_show_zone,
    "show_zone_active": parse_show_zone_active,
    "show_fcalias": parse_show_fcalias,
    "show_zone_status": parse_show_zone_status,
    "show_device_alias_database": parse_show_device_alias_database,
    "show_device_alias_status": parse_show_device_alias_status,
    "show_flogi_database": parse_show_flogi_database,
    "show_fcns_database": parse_show_fcns_database,
    "show_interface_brief": parse_show_interface_brief,
    "show_vsan": parse_show_vsan,
    "show_vsan_membership": parse_show_vsan_membership,
    "show_running_config": parse_show_running_config,
    "show_switchname": parse_show_switchname,
    "show_version": parse_show_version,
    "show_interface_description": parse_show_interface_description,
    "show_topology": parse_show_topology,
    "show_port_channel_database": parse_show_port_channel_database,
}
