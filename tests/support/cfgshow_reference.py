"""The cfgshow reader as it was before its bulk path: one Python step per entry.

Why it is kept: the bulk path of :mod:`zoneplan.parsers.brocade` (issue 13's speed aim) reads
runs of entries with ``map``/``dict.update`` and falls back to the per-entry path on anything
odd; this loop (the per-entry reader it replaced, 2026-12-01) is the oracle the differential
tests hold it to. It shares the line path, the entry bookkeeping, the cleaning before and the
end checks after with the library (``_Cfg``, ``_ZoningRead``): what differs is only how entries
are found and read.
Its member check is its own exact one (every token through ``norm_member``), never the bulk
shortcut.

One change from the old loop: a zone the fast path hands to the line path is listed as a
possible peer zone (``_Cfg.candidates``), as the library now does: the old loop kept a
``Property Member`` line's zone ``normal`` when the zone line itself had been read fast.

A name printed more than once (:class:`_Plain`) is read the plain way, not the library's: each
copy builds a new merged list (the old members, then the new ones they lack) and lists it
again for the member check, which checks every token of every list one by one and reports a
bad token only in the part of a list that the copy added (the agreed behaviour since the
library merges in place: each bad token once, at the line of the copy that printed it).
Quadratic, and obvious: the library's linear merge is held to it.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate, repeat

from zoneplan.findings import Finding
from zoneplan.observed import Zone, ZoneDb
from zoneplan.parsers import brocade
from zoneplan.parsers.common import norm_member

_KIND = {"cfg:": "cfg", "zone:": "zone", "alias:": "alias"}


class _Plain(brocade._Cfg):
    """The library's reader state with the plain merge and the plain member check."""

    __slots__ = ("seen",)

    def __init__(self, *args) -> None:
        super().__init__(*args)
        #: merged lists by id: how many of their tokens an earlier copy printed (checked there)
        self.seen: dict[int, int] = {}

    def entry(self, kind: str, name: str, members: list[str], line: int) -> None:
        db = self.db()
        zone = db.zones.get(name) if kind == "zone" else None
        table: dict = db.configs if kind == "cfg" else db.aliases
        if kind == "cfg" and self.section == "effective":
            db.effective = name
        old = zone.members if zone is not None else None if kind == "zone" else table.get(name)
        if old is None:
            return super().entry(kind, name, members, line)
        self.dups.append((kind, name, (zone.line or 0) if zone else 0, line, len(old)))
        merged = list(old)
        merged += [m for m in dict.fromkeys(members) if m not in set(old)]
        if zone is not None:
            self.candidates.setdefault(id(zone), (db, zone))
            zone.members = merged
        else:
            table[name] = merged
        if not (kind == "cfg" and self.section == "effective"):
            self.lists.append(merged)
            self.starts.append(line)
            self.seen[id(merged)] = len(old)
        self.cur = [kind, name, merged, zone.principals if zone else None, line, db, zone]
        self.target = merged

    def fix_members(self) -> None:
        k = len(self.lists) if self.eff_from is None else self.eff_from
        self.eff_clean = all(
            brocade._WWN_DI_TOKENS.fullmatch(t + "\n") for ms in self.lists[k:] for t in ms
        )
        for i, (ms, line) in enumerate(zip(self.lists, self.starts, strict=True)):
            out = []
            for j, tok in enumerate(ms):
                m = norm_member(tok)
                if m is None:
                    if j >= self.seen.get(id(ms), 0):
                        self.bad.append(((i, 1, 0), tok, line))
                    continue
                out.append(m)
            ms[:] = out


def parse(
    text: str, source: str, command: str = "cfgshow"
) -> tuple[brocade.ZoningShow, list[Finding]]:
    """``command`` is one of cfgshow, zoneshow, cfgactvshow, alishow (as the library's)."""
    full = command in ("cfgshow", "zoneshow")
    default_section = "effective" if command == "cfgactvshow" else "defined"
    read = brocade._ZoningRead(text, source, command, full, default_section)
    shared = read.st  # nothing read yet: the plain state takes its place
    st = read.st = _Plain(shared.source, shared.what, shared.findings, shared.section)
    st.sections.extend(shared.sections)
    body, final = read.body, read.final
    cached = ""
    zdb = ZoneDb()
    zones: dict[str, Zone] = {}
    aliases: dict[str, list[str]] = {}
    in_effect: list[str] | None = None
    last: tuple | None = None
    chunks = body.split("\n ")
    offsets = list(accumulate(map((2).__add__, map(len, chunks)), initial=0))
    slow_at = {bisect_right(offsets, m.start()) - 1 for m in brocade._ODD_LINE.finditer(body)}
    slow_at.update(bisect_right(offsets, m.start()) - 1 for m in brocade._MEMBER.finditer(body))

    def hand_over(last: tuple) -> None:
        st.cur, st.target, st.last_raw = list(last[:7]), last[2], chunks[last[7]]
        if last[6] is not None:
            st.candidates.setdefault(id(last[6]), (last[5], last[6]))

    first = chunks[0]
    for j, raw in enumerate(first.split("\n")):
        if raw:
            st.line(raw, 1 + j, final)
    section = st.section
    lines = list(accumulate(map((1).__add__, map(str.count, chunks, repeat("\n"))), initial=1))
    for k in range(1, len(chunks)):
        parts = chunks[k].replace(";", " ").split()
        line = lines[k]
        if section and k not in slow_at:
            kind = _KIND.get(parts[0]) if parts else None
            if kind is not None and len(parts) >= 2:
                name = parts[1]
                if cached != section:
                    cached = section
                    zdb = st.db()
                    zones, aliases = zdb.zones, zdb.aliases
                    in_effect = zdb.configs.get(zdb.effective) if zdb.effective else None
                if kind == "zone" and name not in zones:
                    ms = parts[2:]
                    z = zones[name] = Zone(name, ms, [], "normal", {}, None, line)
                    if in_effect is not None:
                        in_effect.append(name)
                    if ms and ms[0][:3] == "00:":
                        st.candidates[id(z)] = (zdb, z)
                    st.lists.append(ms)
                    st.starts.append(line)
                    last = ("zone", name, ms, z.principals, line, zdb, z, k)
                    continue
                if kind == "alias" and name not in aliases:
                    ms = aliases[name] = parts[2:]
                    st.lists.append(ms)
                    st.starts.append(line)
                    last = ("alias", name, ms, None, line, zdb, None, k)
                    continue
                last = None
                st.entry(kind, name, parts[2:], line)
                cached = ""
                st.last_raw = chunks[k]
                continue
        if last is not None:
            hand_over(last)
            last = None
        piece = chunks[k].split("\n")
        piece[0] = " " + piece[0]
        for j, raw in enumerate(piece):
            if raw:
                st.line(raw, line + j, final)
        cached = ""
        section = st.section
    if last is not None:
        hand_over(last)
    return read.finish(command == "zoneshow")
