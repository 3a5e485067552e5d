"""Brocade FOS show-output parsers: one pass over the lines, one function per command.

Every function takes ``(text, source)`` and returns ``(result, findings)``; nothing raises on
bad input. Formats follow real FOS output (FOS 6.4 to 9.x; sources: the captures of
ttrnecka/brocadesan ``test/outputs/``, jconsoli/brcddb ``_cfgshow_process``): both ``cfgshow`` wrapping
styles, TABs, trailing ``;``, mixed-case WWNs, ``D,I`` members, peer zones with their
``00:02:00:00:00:03:00:NN`` property member, FOS 8/9 extra name-server lines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import deque
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate, chain, compress, count, groupby, islice, repeat
from operator import delitem, itemgetter
from typing import Any, Callable, Iterator

import yaml

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
    Version,
    Zone,
    ZoneDb,
)
from ..packs import all_packs
from ..rules.capture import (
    CountMismatch,
    DuplicateDefinition,
    EmptyOutput,
    InvalidMember,
    MissingEffectiveSection,
    PeerZonePropertyMismatch,
    TruncatedOutput,
    WrappedLineRejoined,
)
from .common import (
    Text,
    after,
    gc_paused,
    is_error_line,
    loc,
    norm_member,
    other_line,
    prepare,
    rejoin_wrapped,
    to_int,
    word_after,
    wwn_or_none,
)
from .snmpwalk import Catalogue, Columns, decode_fcid, decode_wwn, text_value, undecodable
from .terminal import terminal

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
    """``zoneshow`` without operands prints the cfgshow layout; ``zoneshow "pattern"`` only the
    matching entries, without section headers (read as a subset, not as a cut output)."""
    return _parse_zoning(text, source, "zoneshow", full=True, headerless_subset=True)


@gc_paused
def parse_cfgactvshow(text: str, source: str) -> tuple[ZoningShow, list[Finding]]:
    """``cfgactvshow``: the Effective configuration only."""
    return _parse_zoning(text, source, "cfgactvshow", full=False, default_section="effective")


@gc_paused
def parse_alishow(text: str, source: str) -> tuple[ZoningShow, list[Finding]]:
    """``alishow``: alias entries only (they feed the defined database's aliases)."""
    return _parse_zoning(text, source, "alishow", full=False)


_PEER_HEADS = frozenset(("Property", "Principal", "Peer", "Member(s):"))
#: member tokens, one per line, each valid in its canonical spelling (a lower-case WWN, a
#: domain,index, a name): one C-level check of every distinct token of an output
_CANON_TOKENS = re.compile(
    r"(?:(?:(?:[0-9a-f]{2}:){7}[0-9a-f]{2}|\d{1,3},\d{1,4}|[A-Za-z0-9_$^\-.]+)\n)*"
)
_WWN_DI_TOKENS = re.compile(r"(?:(?:(?:[0-9a-f]{2}:){7}[0-9a-f]{2}|\d{1,3},\d{1,4})\n)*")
_DI_TOKEN = re.compile(r"\d{1,3},\d{1,4}")
_WWN_OR_DI = re.compile(r"(?:[0-9A-Fa-f]{2}:){7}[0-9A-Fa-f]{2}|\d{1,3},\d{1,4}")
_ODD_LINE = re.compile(r"\n(?![ \t])")
_MEMBER = re.compile("Member")
#: characters of text read per block (cut at an entry's start): it, its tokens and zones stay
#: in the CPU cache while every pass over it runs
_BLOCK_CHARS = 1 << 17
_NL = repeat("\n")
# constant arguments of the bulk path's ``map`` calls (infinite, stateless: safe to share)
_SEMI, _SPACE = repeat(";"), repeat(" ")
_HEAD = repeat(slice(0, 2))
_00 = repeat("00:")
_NORMAL, _NONE = repeat("normal"), repeat(None)
_ONE_MEMBER = repeat(("",))  #: what a member that is not an alias counts as
#: fresh empty lists and dicts, made in C (``list.copy`` of an empty list: cheaper than list())
_NO_PRINCIPALS: list[str] = []
_NO_TAGS: dict[str, str] = {}
_NEW_LISTS: Iterator[list[str]] = iter(_NO_PRINCIPALS.copy, None)
_NEW_DICTS: Iterator[dict[str, str]] = iter(_NO_TAGS.copy, None)
_FIRST, _SECOND = itemgetter(0), itemgetter(1)
_KIND = {"cfg:": "cfg", "zone:": "zone", "alias:": "alias"}
_KINDS = frozenset(_KIND)
#: FOS prints these lines for an empty section (brcddb ``_cfgshow_process``)
_EMPTY_SAID = ("no configuration defined", "no configuration in effect")


_NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_$^-."
#: a token's shape: hex digits -> ``0``, the other name characters (the name alternative of
#: ``_CANON_TOKENS``) -> ``n``, any other ASCII character but ``:`` and newline -> ``!``; no
#: other character becomes ``0``, ``n`` or ``:``, and non-ASCII ones stay non-ASCII
_SHAPE = str.maketrans(
    {chr(c): "!" for c in range(128) if chr(c) not in ":\n"}
    | dict.fromkeys(_NAME_CHARS, "n")
    | dict.fromkeys("0123456789abcdef", "0")
)
_WWN_SHAPE = "00:00:00:00:00:00:00:00"


def _all_canonical(lists: list[list[str]], k: int, lo: int = 0, hi: int | None = None) -> bool:
    """True when every effective token (``lists[k:]``) is a lower-case WWN and every defined one
    (``lists[:k]``) a lower-case WWN or a name, among ``lists[lo:hi]``: the common case, proved
    without a regex or a set.

    Why: the regexes of ``fix_members`` over the sets of distinct tokens cost more than the
    rest of a parse's checks (hashing ~30,000 fresh tokens per MB, then ``sre`` at ~60 MB/s).
    Here the tokens are joined once and reshaped with one ``str.translate`` (a C pass at memory
    speed). Effective: the shapes must read ``00:00:...`` token after token. Defined: each
    token sits between its own two newlines, so counting ``\\n00:...:00\\n`` counts the WWN
    tokens exactly; when they hold every ``:`` of the text and no ``!`` or non-ASCII character
    is left, every other token is made of name characters. The test is sound, never complete:
    False sends the caller to the exact regex path (domain,index members, upper case, invalid
    tokens), which decides.
    """
    hi = len(lists) if hi is None else hi
    k = min(max(k, lo), hi)
    n_eff = sum(map(len, lists[k:hi]))
    if n_eff:
        eff = "\n".join(chain.from_iterable(lists[k:hi])) + "\n"
        if eff.translate(_SHAPE) != (_WWN_SHAPE + "\n") * n_eff:
            return False
    if k > lo:
        shape = ("\n" + "\n\n".join(chain.from_iterable(lists[lo:k])) + "\n").translate(_SHAPE)
        wwns = shape.count(f"\n{_WWN_SHAPE}\n")
        if not shape.isascii() or "!" in shape or shape.count(":") != 7 * wwns:
            return False
    return True


class _Cfg:
    """The cfgshow reader's state: the databases being built and what was seen.

    Why a class with slots and not closures: the slow line path and the fast entry path share
    it, and attribute access on slots is as cheap as a closure cell.
    """

    __slots__ = (
        "source",
        "what",
        "findings",
        "section",
        "dbs",
        "sections",
        "empty_said",
        "cur",
        "target",
        "lists",
        "starts",
        "eff_from",
        "eff_clean",
        "candidates",
        "bad",
        "last_raw",
        "dups",
        "peers",
        "checked",
        "grown",
        "principals_listed",
        "merged",
        "copies",
        "late",
    )

    def __init__(self, source: str, what: str, findings: list[Finding], section: str) -> None:
        self.source = source
        self.what = what
        self.findings = findings
        self.section = section  #: "" until a section header (or the command's default)
        self.dbs: dict[str, ZoneDb] = {}
        self.sections: list[str] = []
        self.empty_said: set[str] = set()
        #: the open entry: [kind, name, members, principals, line, db, zone or None]
        self.cur: list | None = None
        self.target: list[str] | None = None  #: the list continuation members go to
        #: every member list with the line it starts at, checked at the end (``fix_members``)
        self.lists: list[list[str]] = []
        self.starts: list[int] = []  #: the line each of ``lists`` starts at
        #: where the effective section's lists start; from the first when the command prints
        #: only the effective configuration (``cfgactvshow`` may print no header before it)
        self.eff_from: int | None = 0 if section == "effective" else None
        self.eff_clean = True  #: every effective member is a WWN or domain,index
        #: zones that may be peer zones (a 00:... first member, or the line path's open entry,
        #: which a --peerzone layout may extend), by id, in the order first seen
        self.candidates: dict[int, tuple[ZoneDb, Zone]] = {}
        #: invalid tokens: (where the report goes among the others, token, line printed at)
        self.bad: list[tuple[tuple[int, int, int], str, int]] = []
        self.last_raw = ""  #: the open entry's last text (a cut leaves a ';' there)
        self.dups: list[tuple[str, str, int, int, int]] = []
        self.peers: list[tuple[ZoneDb, Zone, int]] = []
        #: ``lists[:checked]`` passed ``_all_canonical`` when they were made (block by block);
        #: -1 when one failed (``fix_members`` then decides on every token)
        self.checked = 0
        #: lists extended by the line path (by id: each is checked once, however many lines
        #: extended it), with whether they may be effective ones
        self.grown: dict[int, tuple[list[str], bool]] = {}
        self.principals_listed: set[int] = set()  #: ids of the principal lists in ``lists``
        #: entries printed more than once, by the id of their one member list: the list, the
        #: set of its members and how much of the list the set covers (``_merge``)
        self.merged: dict[int, tuple[list[str], set[str], list[int]]] = {}
        #: where each later copy of a name starts in its member list, with the line it was
        #: printed at and where its report goes among the others' (the findings' order)
        self.copies: dict[int, list[tuple[int, int, tuple[int, int, int]]]] = {}
        #: lists of names printed again once an effective section had opened: their tokens
        #: count among the effective ones for ``eff_clean`` (as when each copy was listed anew)
        self.late: dict[int, list[str]] = {}

    def db(self) -> ZoneDb:
        if not self.section:
            self.open_section("")
        d = self.dbs.get(self.section)
        if d is None:
            d = self.dbs[self.section] = ZoneDb(source=self.source)
        return d

    def open_section(self, name: str) -> None:
        self.section = name or self.section or "defined"
        self.sections.append(self.section)
        self.cur = self.target = None
        if self.section == "effective" and self.eff_from is None:
            self.eff_from = len(self.lists)

    def fix_members(self) -> None:
        """Check every member token once, in bulk, and respell the few that need it.

        The entry paths keep tokens as printed; here the set of distinct tokens is checked
        with one regex over their join (a C-level pass). Only when that fails are tokens
        checked one by one: upper-case WWNs respelled, invalid ones reported and removed.
        """
        lists = self.lists
        k = len(lists) if self.eff_from is None else self.eff_from
        if self.checked == len(lists) and all(
            _all_canonical([ms], 0 if may_be_eff else 1) for ms, may_be_eff in self.grown.values()
        ):
            self.eff_clean = True
            return
        eff = set(chain.from_iterable(islice(lists, k, None)))
        if self.late:
            eff.update(chain.from_iterable(self.late.values()))
        toks = set(chain.from_iterable(islice(lists, 0, k)))
        self.eff_clean = not eff or bool(_WWN_DI_TOKENS.fullmatch("\n".join(eff) + "\n"))
        if self.eff_clean:
            toks -= eff  # already checked: canonical WWNs and domain,index
        else:
            toks |= eff
        if self.eff_clean and (not toks or _CANON_TOKENS.fullmatch("\n".join(toks) + "\n")):
            return
        fix: dict[str, str | None] = {}
        for tok in toks:
            m = norm_member(tok)
            if m != tok:
                fix[tok] = m
        if not fix:
            return
        keys = set(fix)
        copies = self.copies
        for i, (ms, line) in enumerate(zip(lists, self.starts, strict=True)):
            if keys.isdisjoint(ms):
                continue
            # a name printed again: each token is reported at the copy that printed it
            later = [(0, line, (i, 1, 0)), *copies.get(id(ms), ())]
            cuts = list(map(_FIRST, later))
            out = []
            for j, tok in enumerate(ms):
                if tok in keys:
                    m = fix[tok]
                    if m is None:
                        _, at, order = later[bisect_right(cuts, j) - 1]
                        self.bad.append((order, tok, at))
                        continue
                    tok = m
                out.append(tok)
            ms[:] = out
        if copies:
            self.bad.sort(key=_FIRST)

    def check_block(self) -> None:
        """Check the member lists made since the last call while their tokens are in cache."""
        lists, lo = self.lists, self.checked
        if lo < 0 or lo == len(lists):
            return
        k = len(lists) if self.eff_from is None else self.eff_from
        self.checked = len(lists) if _all_canonical(lists, k, lo) else -1

    def entry(self, kind: str, name: str, members: list[str], line: int) -> None:
        """Open an entry; a name printed twice keeps the members of both (ZP032)."""
        db = self.db()
        zone: Zone | None = None
        old: list[str] | None
        if kind == "zone":
            zone = db.zones.get(name)
            if zone is None:
                old = None
                zone = db.zones[name] = Zone(name, members, line=line)
                if self.section == "effective" and db.effective is not None:
                    db.configs[db.effective].append(name)
                self.candidates[id(zone)] = (db, zone)
            else:
                old = zone.members
                self.dups.append((kind, name, zone.line or 0, line, len(old)))
                self.candidates.setdefault(id(zone), (db, zone))
        else:
            table = db.configs if kind == "cfg" else db.aliases
            if kind == "cfg" and self.section == "effective":
                db.effective = name
            old = table.get(name)
            if old is None:
                table[name] = members
            else:
                self.dups.append((kind, name, 0, line, len(old)))
        listed = not (kind == "cfg" and self.section == "effective")  # zone names, not members
        if old is not None:
            members = self._merge(old, members, line, listed)
        elif listed:
            self.lists.append(members)
            self.starts.append(line)
        principals = zone.principals if zone is not None else None
        self.cur = [kind, name, members, principals, line, db, zone]
        self.target = members

    def _merge(self, old: list[str], new: list[str], line: int, listed: bool) -> list[str]:
        """Append to ``old`` (in place) the members of ``new`` it lacks, in order.

        Why in place, with one set kept per entry: a name printed 20,000 times (a hostile or
        looping capture) rebuilt the merged list and listed it again for the member check at
        every copy, quadratic in time and in findings. Now each copy costs its own members:
        the set catches up with what the line path appended since (wrapped lines), the list is
        checked once (``grown``), and ``copies`` records where this copy starts so a bad token
        is reported once, at the line of the copy that printed it.
        """
        got = self.merged.get(id(old))
        if got is None:
            have = set(old)
            got = self.merged[id(old)] = (old, have, [len(old)])
        else:
            have = got[1]
            if len(old) > got[2][0]:  # wrapped lines appended since (a slice of them only)
                have.update(old[got[2][0] :])
        start = len(old)
        for m in new:
            if m not in have:
                have.add(m)
                old.append(m)
        got[2][0] = len(old)
        if listed:
            seq = len(self.dups)  # one per copy: the copies' order in the text
            self.copies.setdefault(id(old), []).append((start, line, (len(self.lists), 0, seq)))
            if self.eff_from is not None or id(old) not in self.grown:
                self.grown[id(old)] = (old, self.eff_from is not None)
            if self.eff_from is not None:
                self.late[id(old)] = old
        return old

    def line(self, raw: str, i: int, final: int) -> None:
        """The slow path: one line of anything (headers, continuations, peer layout, noise)."""
        s = raw.strip()
        if not s:
            return
        cur = self.cur
        c = raw[0]
        head = s.split(None, 1)[0]
        if head in _KINDS:
            parts = s.replace(";", " ").split()
            if len(parts) < 2:
                self.cur = self.target = None
                other_line(raw, i, self.source, self.findings, self.what)
                return
            self.entry(_KIND[head], parts[1], parts[2:], i)
            self.last_raw = s
            return
        continues = cur is not None and (
            c == "\t"
            or c == " "
            or self.last_raw.endswith(";")
            or head in _PEER_HEADS
            # a copy that lost its indentation (a web page): a line of WWNs or domain,index
            # members can only continue the open entry
            or all(_WWN_OR_DI.fullmatch(x) for x in s.replace(";", " ").split())
        )
        if continues:
            assert cur is not None
            self.last_raw = s
            parts = s.replace(";", " ").split()
            if not parts:  # a lone ';' where a wrapped member list broke
                return
            if parts[0] in _PEER_HEADS:
                if parts[0] == "Property":
                    zone = cur[6]
                    if zone is not None:
                        zone.property_member = after(s).lower() or None
                elif parts[0] == "Principal" and cur[3] is not None:
                    self.target = cur[3]
                    # listed once, at its first line (where fix_members reports its bad
                    # tokens): a Principal line repeated in one entry no longer makes every
                    # check quadratic
                    if id(cur[3]) not in self.principals_listed:
                        self.principals_listed.add(id(cur[3]))
                        self.lists.append(cur[3])
                        self.starts.append(i)
                else:
                    self.target = cur[2]
                return
            if self.target is not None:
                self.target.extend(parts)
                if self.eff_from is not None or id(self.target) not in self.grown:
                    self.grown[id(self.target)] = (self.target, self.eff_from is not None)
            return
        self.cur = self.target = None
        if head == "Defined" and s.startswith("Defined configuration"):
            self.open_section("defined")
            return
        if head == "Effective" and s.startswith("Effective configuration"):
            self.open_section("effective")
            return
        if s in _EMPTY_SAID:
            self.empty_said.add(self.section)
            return
        if (s[0] == "-" and s.strip("-") == "") or (s[0] == '"' and " on FID " in s):
            return
        if i == final:
            self.findings.append(
                TruncatedOutput.make(
                    f"last line of {self.what} is cut: {s[:80]!r}", loc(self.source, i)
                )
            )
            return
        other_line(raw, i, self.source, self.findings, self.what)


def _maybe_wrapped(body: str) -> bool:
    """A line of at least 64 columns is followed by an unindented line with text: what an
    80/132-column terminal's hard wrap leaves (FOS indents every entry and continuation).
    C-level scans; the few unindented lines of a clean output are its section heads."""
    for m in _ODD_LINE.finditer(body):
        at = m.end()
        if at < len(body) and body[at] != "\n" and m.start() - body.rfind("\n", 0, m.start()) > 64:
            return True
    return False


def _cfg_own_line(line: str) -> bool:
    """``line`` stands on its own in a cfgshow-family output: indented (an entry or FOS's own
    wrap), a section head, or a prompt, pager or error line; an unindented line after a
    full-width one is the rest of that line."""
    return (
        line[:1] in (" ", "\t")
        or line.startswith(("Defined configuration", "Effective configuration"))
        or terminal().prompt_line.match(line) is not None
        or is_error_line(line)
    )


#: FOS's answer to a show of a name that matches nothing: `"A_ANSIBLE_TEST_01" does not
#: exist.` (a capture in brocade/ansible#114: `alishow "A_ANSIBLE_TEST_01"`)
_ABSENT = re.compile(r'^[ \t]*"[^"\n]*" does not exist\.[ \t]*$', re.MULTILINE)
_GLUED_KEYWORD = re.compile(r"^([ \t]*(?:cfg|zone|alias):)(?=[^\s])", re.MULTILINE)


def _spaced_keywords(body: str) -> str:
    """``body`` with a blank after each ``cfg:``/``zone:``/``alias:`` glued to its name.

    Newer FOS releases print ``zone:z_name`` with nothing between the keyword and the name
    (jconsoli/brcddb util/parse_cli.py, version 4.0.8, 19 Oct 2025: "newer versions of FOS do
    not have a space between the ':' after a key word and the operand"). A release prints
    every entry one way, so the first entry of each kind decides, in O(1), whether the text
    is rewritten (one C-level regex pass) or returned as it is.
    """
    for key in ("\n zone:", "\n alias:", "\n cfg:"):
        k = 0 if body.startswith(key[1:]) else body.find(key) + 1
        after = body[k + len(key) - 1 : k + len(key)]
        if k > 0 or body.startswith(key[1:]):
            if after and not after.isspace():
                return _GLUED_KEYWORD.sub(r"\1 ", body)
    return body


def _parse_zoning(
    text: str,
    source: str,
    what: str,
    *,
    full: bool,
    default_section: str = "defined",
    headerless_subset: bool = False,
) -> tuple[ZoningShow, list[Finding]]:
    """The cfgshow family in one pass over its entries.

    The text is cut at ``"\\n "`` (FOS starts every entry with one space, its continuation
    lines with TABs): runs of pieces that are each one entry with its TAB wraps are read in
    bulk (:func:`_entries`); anything else (section headers, blank lines, space-indented or
    unindented wraps, pager or error lines, the ``--peerzone`` layout) goes through the line
    path, which owns the diagnostics. A ``;`` ends wrapped lines with or without a space after
    it; only the last entry of an output that stops there is a cut.

    Why it is shaped this way (issue 13, the speed aim is one WWN ``re.finditer`` over the
    text): the text is read a block of ~``_BLOCK_CHARS`` at a time, cut at an entry's start,
    and every pass over a block (``;`` replaced, cut into pieces, lines counted, odd lines
    and ``Member`` words found, tokenised, members checked) runs while the block is in the
    CPU cache: whole-text passes made 5 MB outputs ~20 % dearer per MB than 1 MB ones. Each
    pass is one C call over the block (``str`` methods, ``map``, ``accumulate``, one regex);
    Python runs per run of entries, not per entry.
    """
    z = _ZoningRead(text, source, what, full, default_section)
    st, body, final = z.st, z.body, z.final
    # the fast path's open entry, handed to the line path only when it needs it
    last: tuple | None = None
    end = len(body)
    first = body.find("\n ")
    first = end if first < 0 else first
    for j, raw in enumerate(body[:first].split("\n")):
        if raw:
            st.line(raw, 1 + j, final)
    line = body.count("\n", 0, first) + 2  # the line the next piece starts at
    pos = first + 2
    while pos < end + 2:
        cut = body.find("\n ", pos + _BLOCK_CHARS)
        cut = end if cut < 0 else cut
        blk = _Pieces(body[pos:cut], line)
        slow_at = blk.odd
        stops = sorted(slow_at)
        stops.append(len(blk.words))
        k = 0
        for s in stops:
            while k < s and not st.section:  # until a section opens (a header, an entry)
                _line_pieces(st, blk, k, k + 1, last, final)
                last = None
                k += 1
            if k < s:
                last = _entries(st, blk, k, s, last, final)
            if s in slow_at:
                _line_pieces(st, blk, s, s + 1, last, final)
                last = None
            k = s + 1
        st.check_block()
        line = blk.lines[-1]
        pos = cut + 2
    if last is not None:
        _hand_over(st, last)
    return z.finish(headerless_subset)


class _ZoningRead:
    """What every cfgshow-family read does before and after reading its entries.

    Why a class of its own: the library's bulk reader and the per-entry reader the tests hold
    it to (``tests/support/cfgshow_reference.py``) differ only in how entries are found; the
    cleaning before (terminal wraps, ``zone:name`` glued, an absent object's answer, what an
    operand makes of the output) and the end checks after are this one code.
    """

    def __init__(self, text: str, source: str, what: str, full: bool, default_section: str) -> None:
        t = self.t = prepare(text, source)
        if _maybe_wrapped(t.text):
            rejoin_wrapped(t, source, _cfg_own_line, what)
        body = _spaced_keywords(t.text)
        #: `alishow "NAME"` of no such object: an answer, not a cut line
        self.absent = " does not exist." in body and _ABSENT.search(body) is not None
        if self.absent:
            body = _ABSENT.sub("", body)
        self.body = body
        operand = bool(t.command and len(t.command.split("|")[0].split()) > 1)
        #: an operand (cfgshow NAME) prints a subset
        self.full = full and not (operand and not t.filtered)
        #: cfgactvshow prints the whole effective configuration, a section of its own
        self.whole_effective = default_section == "effective" and not operand
        st = self.st = _Cfg(
            source, what, t.findings, "" if default_section == "defined" else default_section
        )
        if st.section:
            st.sections.append(st.section)
        stripped = body.rstrip()
        self.final = stripped.count("\n") + 1 if stripped else 0

    def finish(self, headerless_subset: bool) -> tuple[ZoningShow, list[Finding]]:
        """The end checks; ``headerless_subset``: entries without section headers are the
        matching ones of ``zoneshow "pattern"``, not a cut output."""
        st, t, full = self.st, self.t, self.full
        if headerless_subset and full and st.dbs and " configuration:" not in self.body:
            full = False  # `zoneshow "z_esx*"`: the matching entries, no section headers
        got = _finish_zoning(st, t, full, t.filtered, self.final, self.whole_effective)
        if self.absent and not st.dbs:
            t.findings[:] = [f for f in t.findings if f.code != EmptyOutput.code]
        return got


class _Pieces:
    """A block of the text cut at ``"\\n "``: each piece's words (``;`` read as a space), the
    line it starts at, its raw text, and which pieces must take the line path.

    The line path takes the pieces holding a line that starts with neither a space nor a TAB
    (headers, blank lines, unindented text) or a ``Member`` word (the --peerzone layout); a
    piece holding none is one entry and its TAB wraps. When no line of the block starts with
    ``;`` (such a line is one of those), replacing ``;`` keeps every ``"\\n "`` where it
    was, so one replace of the block does; raw pieces are sliced from the block only where the
    line path needs one. Every probe is one C call over the block (``"M" in`` is a memchr).
    """

    __slots__ = ("text", "words", "lines", "odd", "_offsets")

    def __init__(self, text: str, line: int) -> None:
        self.text = text
        hits = [m.start() for m in _ODD_LINE.finditer(text)]
        if any(text.startswith(";", h + 1) for h in hits):
            self.words = list(map(str.replace, text.split("\n "), _SEMI, _SPACE))
        else:
            self.words = text.replace(";", " ").split("\n ")
        if "M" in text and _MEMBER.search(text):
            hits += [m.start() for m in _MEMBER.finditer(text)]
        #: the line each piece starts at, and one more: the line after the block
        self.lines = list(
            accumulate(map((1).__add__, map(str.count, self.words, _NL)), initial=line)
        )
        self._offsets: list[int] | None = None
        at = self.offsets() if hits else []
        self.odd = {bisect_right(at, h) - 1 for h in hits}

    def offsets(self) -> list[int]:
        got = self._offsets
        if got is None:
            got = self._offsets = list(
                accumulate(map((2).__add__, map(len, self.words)), initial=0)
            )
        return got

    def raw(self, k: int) -> str:
        at = self.offsets()
        return self.text[at[k] : at[k + 1] - 2]


def _hand_over(st: _Cfg, last: tuple) -> None:
    """Make the fast path's last entry the line path's open entry (wraps may follow).

    A zone not yet listed as a possible peer zone is listed now: the line path may give it a
    property member or principals (the ``--peerzone`` layout indented with spaces).
    """
    st.cur, st.target, st.last_raw = list(last[:7]), last[2], last[7].raw(last[8])
    z = last[6]
    if z is not None:
        st.candidates.setdefault(id(z), (last[5], z))


def _line_pieces(st: _Cfg, blk: _Pieces, a: int, b: int, last: tuple | None, final: int) -> None:
    """Pieces ``a:b`` through the line path, line by line (after the fast path's open entry)."""
    if last is not None:
        _hand_over(st, last)
    slow = st.line
    for k in range(a, b):
        piece = blk.raw(k).split("\n")
        piece[0] = " " + piece[0]
        at = blk.lines[k]
        for j, raw in enumerate(piece):
            if raw:
                slow(raw, at + j, final)


def _entries(
    st: _Cfg, blk: _Pieces, a: int, b: int, last: tuple | None, final: int
) -> tuple | None:
    """Pieces ``a:b`` of a block, each one entry with its TAB wraps, read in bulk.

    ``last`` is the fast path's open entry (kind, name, members, principals, line, db, zone,
    block, piece), None when the line path's is current; the new one is returned (the raw
    text is sliced only when the line path takes the entry over).

    Why in bulk (issue 13): a Python loop over entries cost ~0.75 µs an entry, most of the
    gap to the floor. Here the pieces are tokenised by ``map`` (C); a run of entries of one
    kind is checked for names already seen with one ``set`` and one ``isdisjoint``, stored
    with ``dict.update``, its zones made by ``map(Zone, ...)``, its possible peer zones found
    by ``compress``. A run that fails a check (a name printed twice, a cfg, a piece that is
    not an entry) is read piece by piece (:func:`_one_by_one`), with the same results.
    """
    toks = list(map(str.split, blk.words[a:b]))
    try:
        runs = [(head, len(list(group))) for head, group in groupby(map(_FIRST, toks))]
        every_name = list(map(_SECOND, toks))
    except IndexError:  # a piece of fewer than two words
        return _one_by_one(st, blk, a, toks, last, final)
    if not _KINDS.issuperset([head for head, _ in runs]):
        return _one_by_one(st, blk, a, toks, last, final)
    lists, starts, candidates = st.lists, st.starts, st.candidates
    zdb = st.db()
    in_effect = zdb.configs.get(zdb.effective) if zdb.effective else None
    lo = a
    for head, size in runs:
        hi = lo + size
        sub = toks[lo - a : hi - a]
        kind = _KIND[head]
        names = every_name[lo - a : hi - a]
        table: dict = zdb.zones if kind == "zone" else zdb.aliases
        if kind == "cfg" or len(set(names)) < hi - lo or not table.keys().isdisjoint(names):
            last = _one_by_one(st, blk, lo, sub, last, final)
            zdb = st.db()
            in_effect = zdb.configs.get(zdb.effective) if zdb.effective else None
            lo = hi
            continue
        deque(map(delitem, sub, _HEAD), 0)  # kind and name out: each list is the members
        at = blk.lines[lo:hi]
        if kind == "zone":
            zs = list(map(Zone, names, sub, _NEW_LISTS, _NORMAL, _NEW_DICTS, _NONE, at))
            table.update(zip(names, zs, strict=True))
            if in_effect is not None:
                in_effect.extend(names)
            # a property member is a zone's first member: the zones whose first starts 00:
            try:
                peer = list(compress(count(), map(str.startswith, map(_FIRST, sub), _00)))
            except IndexError:  # a zone without members (a cut)
                peer = [i for i, ms in enumerate(sub) if ms and ms[0][:3] == "00:"]
            pz = list(map(zs.__getitem__, peer))
            candidates.update(zip(map(id, pz), zip(repeat(zdb), pz, strict=False), strict=True))
            z = zs[-1]
            last = ("zone", names[-1], sub[-1], z.principals, at[-1], zdb, z, blk, hi - 1)
        else:
            table.update(zip(names, sub, strict=True))
            last = ("alias", names[-1], sub[-1], None, at[-1], zdb, None, blk, hi - 1)
        lists.extend(sub)
        starts.extend(at)
        lo = hi
    return last


def _one_by_one(
    st: _Cfg, blk: _Pieces, a: int, toks: list[list[str]], last: tuple | None, final: int
) -> tuple | None:
    """The pieces of :func:`_entries` a bulk check turned away, one at a time: entries through
    :meth:`_Cfg.entry`, anything else through the line path."""
    for k, parts in enumerate(toks, a):
        if len(parts) >= 2 and parts[0] in _KINDS:
            last = None
            st.entry(_KIND[parts[0]], parts[1], parts[2:], blk.lines[k])
            st.last_raw = blk.raw(k)
        else:
            _line_pieces(st, blk, k, k + 1, last, final)
            last = None
    return last


def _finish_zoning(
    st: _Cfg, t: Text, full: bool, filtered: bool, final: int, whole_effective: bool = False
) -> tuple[ZoningShow, list[Finding]]:
    source, what, findings = st.source, st.what, st.findings
    st.fix_members()
    defined = st.dbs.get("defined")
    effective = st.dbs.get("effective")
    if "defined" in st.sections and defined is None:
        defined = st.dbs["defined"] = ZoneDb(source=source)
    if "effective" in st.sections and effective is None:
        effective = st.dbs["effective"] = ZoneDb(source=source)
    partial = filtered or not full
    for sec, db in st.dbs.items():
        if partial and not (whole_effective and sec == "effective" and not filtered):
            db.complete = False
    for _, tok, at in st.bad:
        findings.append(
            InvalidMember.make(
                f"invalid member {tok!r} (neither WWN, domain,index nor name)"
                + (": the output is cut" if at == final else ""),
                loc(source, at),
                subject=tok,
            )
        )
    for kind, name, first, at, before in st.dups:
        findings.append(
            DuplicateDefinition.make(
                f"{kind} {name!r} is printed twice"
                + (f" (also at line {first})" if first else "")
                + f"; the members of both are kept ({before} from the first)",
                loc(source, at),
                subject=name,
            )
        )
    ended = t.ended
    last = st.cur
    # a member list that stops at a ';' at the end of the output is cut (inside the output a
    # ';' at the end of a line is only where FOS wrapped it)
    if last is not None and not filtered and not ended and st.last_raw.rstrip().endswith(";"):
        findings.append(
            TruncatedOutput.make(
                f"member list of {last[0]} {last[1]!r} ends with ';' and the output ends there",
                loc(source, last[4]),
                subject=last[1],
            )
        )
        last[5].complete = False
    if not filtered:
        any_empty = [] in st.lists  # a C-level scan: is any member list empty?
        for sec, db in st.dbs.items():
            _check_entries(db, sec, last, ended, source, findings, any_empty)
    if full and not filtered:
        saw_defined = "defined" in st.sections
        saw_effective = "effective" in st.sections
        if not saw_defined and (saw_effective or st.dbs):
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
                    loc(source, final or 1),
                )
            )
            if defined is not None:
                defined.complete = False
        if not saw_defined and not saw_effective and not st.dbs:
            findings.append(EmptyOutput.make(f"{what} output is empty", loc(source, 1)))
    elif not st.dbs and not st.sections and not filtered:
        findings.append(EmptyOutput.make(f"{what} output is empty", loc(source, 1)))
    if effective is not None and not filtered:
        _check_effective_members(effective, st, source, findings)
    _peer_zones(st, filtered)
    for zdb, z, at in st.peers:
        _split_peer(zdb, z, at, source, findings)
    if "effective" in st.sections and effective is not None and not filtered:
        # FOS ends cfgshow with an empty line; a cut leaves a member, or whitespace, last
        said_empty = "effective" in st.empty_said
        clean = t.text.endswith("\n\n") or ended
        _check_effective_tail(defined, effective, source, findings, clean, said_empty)
    return ZoningShow(defined, effective, whole=full and not filtered), findings


def _check_entries(
    db: ZoneDb,
    section: str,
    last: list | None,
    ended: bool,
    source: str,
    findings: list[Finding],
    any_empty: bool,
) -> None:
    """An entry without members: cut when it is the output's last, else impossible in FOS."""
    tables = (("cfg", db.configs), ("zone", db.zones), ("alias", db.aliases))
    for kind, table in tables if any_empty else ():
        for name, got in table.items():
            members = got.all_members() if isinstance(got, Zone) else got
            if members or (kind == "cfg" and section == "effective"):
                continue
            at_end = last is not None and last[1] == name and last[0] == kind
            if at_end and ended:
                continue
            why = "and the output ends there" if at_end else f"(FOS never prints an empty {kind})"
            line = got.line if isinstance(got, Zone) else None
            findings.append(
                TruncatedOutput.make(
                    f"{kind} {name!r} has no members {why}", loc(source, line), subject=name
                )
            )
            db.complete = False
    if section == "effective" and db.effective is not None:
        zones = db.configs.get(db.effective)
        if zones is not None and not zones and last is not None and last[0] == "cfg":
            findings.append(
                TruncatedOutput.make(
                    f"effective cfg {db.effective!r} lists no zones: the output is cut",
                    loc(source, last[4]),
                    subject=db.effective,
                )
            )
            db.complete = False


def _check_effective_members(eff: ZoneDb, st: _Cfg, source: str, findings: list[Finding]) -> None:
    """Effective zones hold WWNs and domain,index only (aliases are resolved by FOS)."""
    if st.eff_clean:
        return
    for name, z in eff.zones.items():
        for m in z.all_members():
            if not (len(m) == 23 and m[2] == ":") and not _DI_TOKEN.fullmatch(m):
                findings.append(
                    InvalidMember.make(
                        f"effective zone {name!r} lists {m!r}: effective members are WWNs or "
                        "domain,index",
                        loc(source, z.line),
                        subject=name,
                    )
                )
                eff.complete = False


def _peer_zones(st: _Cfg, filtered: bool) -> None:
    """Mark the peer zones among the candidates and split the common ones here.

    A zone whose first member is a property member ``00:02:...:NN`` is split at once when its
    next ``NN`` members are WWNs or one-WWN aliases (no finding is possible); every other peer
    zone goes to ``st.peers`` for :func:`_split_peer`, in the same order as before (the
    findings' order). Why: one Python call per peer zone fewer (~10 % of a fabric's zones).
    """
    peers = st.peers
    for db, z in st.candidates.values():
        if z.principals or z.property_member is not None:
            z.kind = "peer"
            if z.property_member is not None and not z.principals and not filtered:
                peers.append((db, z, z.line or 0))
            continue
        ms = z.members
        if not ms or len(ms[0]) != 23 or ms[0][:3] != "00:":
            continue
        z.kind = "peer"
        prop = z.property_member = ms[0]
        try:
            count = int(prop[21:], 16)
        except ValueError:
            count = 0
        if (
            filtered
            or count >= len(ms)
            or (
                db.aliases
                and list(map(len, map(db.aliases.get, ms[1 : count + 1], _ONE_MEMBER))).count(1)
                != count
            )
        ):
            z.members = ms[1:]
            if not filtered:
                peers.append((db, z, z.line or 0))
            continue
        z.principals = ms[1 : count + 1]
        z.members = ms[count + 1 :]


def _split_peer(db: ZoneDb, z: Zone, at: int, source: str, findings: list[Finding]) -> None:
    """Split a peer zone's members at the principal count its property member gives.

    The last byte counts principal WWNs: an alias principal counts as many as it has members
    (brcddb's reading). Aliases are known only after the whole output is read.
    """
    try:
        count = int((z.property_member or "")[-2:], 16)
    except ValueError:
        count = 0
    rest = z.members
    aliases = db.aliases
    if not aliases:  # every member counts one (an effective zone: WWNs only)
        got = k = min(count, len(rest))
    elif list(map(len, map(aliases.get, rest[:count], _ONE_MEMBER))).count(1) == count:
        got = k = count  # the first ``count`` members are WWNs or one-WWN aliases (C-level)
    else:
        got = k = 0
        while k < len(rest) and got < count:
            got += len(aliases.get(rest[k], (rest[k],))) or 1
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


#: the entry being read could not be (its attribute lines are skipped with it)
_UNREADABLE = Login("")
#: name-server entry types (brcddb accepts ``N``, ``NL``, ``U``)
_NS_TYPES = frozenset(("N", "NL", "U"))


def _ns_row(s: str, remote: bool, domain: str | None) -> Login | None:
    """`` N    010000;      3;WWPN;WWNN; na`` (spaces after each ``;`` in some captures)."""
    parts = s.split(";")
    head = parts[0].split()
    if len(parts) < 4 or len(head) < 2 or head[0] not in _NS_TYPES:
        return None
    pid = head[1].lower()
    wwpn = wwn_or_none(parts[2].strip())
    if wwpn is None or len(pid) != 6:
        return None
    return Login(
        wwpn,
        wwnn=wwn_or_none(parts[3].strip()),
        fcid="0x" + pid,
        port_type=head[0],
        remote=remote,
        switch=f"domain {domain}" if remote and domain else None,
    )


def _ns_attribute(cur: Login, key: str, val: str) -> None:
    """One attribute line of a name-server entry (keys compared case-insensitively: FOS
    versions differ, ``Device link speed`` / ``Device Link speed``)."""
    k = key.lower()
    if k == "port index":
        cur.port = val or None
    elif k == "device type":
        low = val.lower()
        cur.device_type = _DEVICE_TYPES.get(low) or _guess_type(low)
        cur.npiv = low.startswith("npiv")
    elif k == "portsymb":
        cur.port_symbol = _symb(val)
    elif k == "nodesymb":
        cur.node_symbol = _symb(val)
    elif k == "fc4s":
        cur.fc4 = val
    elif k == "fabric port name":
        cur.fabric_port_wwn = wwn_or_none(val)
    elif k == "permanent port name":
        cur.permanent_wwn = wwn_or_none(val)
    elif k in ("connected through ag", "real device behind ag"):
        cur.behind_gateway = cur.behind_gateway or val.lower().startswith("yes")
    elif k == "aliases" and val:
        cur.alias = cur.alias or val.split()[0]
    # Share Area, Redirect, Partial, LSAN, Device link speed, Device Shared in Other AD,
    # Slow Drain Device, FCoE, SCR...: tolerated, not needed


def _parse_ns(text: str, source: str, *, remote: bool) -> tuple[list[Login], list[Finding]]:
    """The name server's entries: one row per login, its attributes indented below it.

    A row the terminal wrapped (its WWNs on two lines) is joined back (ZP046); a row that
    cannot be read is counted, so the trailer's count is compared with what was read and
    what was not ("3 entries: 2 read, 1 unreadable").
    """
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
    # per remote switch: [domain, count, read, unreadable, line]
    switch_counts: list[list] = []
    unreadable = 0
    empty_ok = False
    wrapped = 0
    lines = t.lines
    skip = False
    for i, raw in enumerate(lines, 1):
        if skip:
            skip = False
            continue
        s = raw.strip()
        if not s:
            continue
        c = s[0]
        if ";" in s and (c == "N" or c == "U"):
            row = _ns_row(s, remote, domain)
            if row is None and i < len(lines) and ":" not in lines[i].split(";")[0][-3:]:
                nxt = lines[i].strip()
                joined = _ns_row(s + nxt, remote, domain) if nxt and nxt[0] not in "NU{T" else None
                if joined is not None:
                    row, skip, wrapped = joined, True, wrapped + 1
            if row is None:
                unreadable += 1
                if switch_counts:
                    switch_counts[-1][3] += 1
                findings.append(
                    InvalidMember.make(
                        f"unreadable {what} entry: {s[:100]!r}", loc(source, i), subject=s[:40]
                    )
                )
                cur = _UNREADABLE  # its attribute lines belong to it: not reported again
                continue
            cur = row
            out.append(cur)
            if switch_counts:
                switch_counts[-1][2] += 1
            continue
        if cur is not None and ":" in s and raw[0] in " \t":
            if cur is not _UNREADABLE:
                key, _, val = s.partition(":")
                _ns_attribute(cur, key.strip(), val.strip())
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
            switch_counts.append([domain or "?", to_int(s.split()[-1]), 0, 0, i])
            continue
        if s.startswith(("state ", "known", "unknown")) and in_switch:
            continue
        if s.startswith(("No entry is found", "There is no entry")):
            empty_ok = True
            continue
        if (c == "-" and s.strip("-") == "") or (c == '"' and " on FID " in s):
            continue
        if cur is not None and raw[0] in " \t" and (cur.port_symbol or cur.node_symbol):
            continue  # the rest of a wrapped symbolic name
        cur = None
        other_line(raw, i, source, findings, what)
    _mark_npiv(out)
    if wrapped:
        findings.append(
            WrappedLineRejoined.make(
                f"{wrapped} {what} row(s) the terminal wrapped joined back", loc(source, None)
            )
        )
    if not remote:
        if trailer is None and (opened or out):
            findings.append(
                TruncatedOutput.make(
                    "nsshow output ends without 'The Local Name Server has N entries }'",
                    loc(source, len(lines) or 1),
                )
            )
        elif expected is not None and expected != len(out) + unreadable:
            findings.append(
                CountMismatch.make(
                    f"nsshow says {expected} entries: {len(out)} read"
                    + (f", {unreadable} unreadable" if unreadable else "")
                    + f", {expected - len(out) - unreadable} missing"
                    if expected > len(out) + unreadable
                    else f"nsshow says {expected} entries but lists {len(out) + unreadable}",
                    loc(source, trailer),
                )
            )
        if not opened and not out and not empty_ok:
            findings.append(EmptyOutput.make("nsshow output is empty", loc(source, 1)))
    else:
        for d, n, got, bad, at in switch_counts:
            if n is not None and n != got + bad:
                findings.append(
                    CountMismatch.make(
                        f"nscamshow: switch entry for domain {d} says count {n}: {got} read"
                        + (f", {bad} unreadable" if bad else "")
                        + (f", {n - got - bad} missing" if n > got + bad else ""),
                        loc(source, at),
                        subject=f"domain {d}",
                    )
                )
        if not opened and not out and not empty_ok:
            findings.append(EmptyOutput.make("nscamshow output is empty", loc(source, 1)))
    return out, findings


def _mark_npiv(logins: list[Login]) -> None:
    """Several logins on one port: the ones beyond the port's first are NPIV (FDISC), also
    when ``Device type`` was not printed (``nsshow`` without ``-t``): their PID's low byte is
    not the N_Port's (FOS gives the physical login ``..00`` and NPIV ``..01`` upward)."""
    by_port: dict[tuple[str | None, str], list[Login]] = {}
    for lg in logins:
        if lg.port is not None:
            by_port.setdefault((lg.switch, lg.port), []).append(lg)
    for group in by_port.values():
        if len(group) < 2:
            continue
        first = min(group, key=lambda x: x.fcid or "")
        for lg in group:
            if lg is not first and not lg.npiv and lg.device_type is None:
                lg.npiv = True


def _symb(val: str) -> str:
    # [26] "HSV210 - IDAEVA01 - CR1363"
    q = val.find('"')
    if q >= 0:
        return val[q + 1 : val.rfind('"')] if val.rfind('"') > q else val[q + 1 :]
    return val


def _guess_type(low: str) -> str | None:
    if "unknown" in low:  # `Physical Unknown(initiator/target)`: nothing registered
        return None
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
#: the port table's column names (the header line, research/capture-variants.md 1.2): the
#: layout follows the FOS version, so columns are found by name, never by position
_COLUMNS = frozenset(("Index", "Area", "Slot", "Port", "Address", "Media", "Speed", "State"))
_PROTOS = frozenset(("FC", "VE", "FCIP", "FCoE", "VEX"))
#: a terminal this wide wraps a longer row at exactly this column (no marker)
_TERMINAL_WIDTHS = (80, 132)
#: header lines zoneplan does not need (switchBeacon, FC Router, HIF Mode, blade3 Beacon...)
_OTHER_KEY = re.compile(r"[A-Za-z][A-Za-z0-9 ]{0,40}")


@dataclass(frozen=True, slots=True)
class SwitchType:
    """One row of ``vendors/<pack>/switch-types.yaml``: what a FOS switchType code is."""

    model: str
    form: str  #: ``fixed`` or ``director``
    role: str  #: ``switch``, ``access-gateway-only``, ``fc-router-phantom``, ``ethernet``
    ports: int | None = None


@cache
def switch_types() -> dict[int, SwitchType]:
    """The pack's switchType table (code → platform), read once."""
    pack = next((p for p in all_packs() if p.manifest.parsers == __name__), None)
    if pack is None:
        return {}
    path = pack.file("switch-types.yaml")
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: dict[int, SwitchType] = {}
    for code, row in (data.get("types") or {}).items():
        out[int(code)] = SwitchType(
            model=str(row["model"]),
            form=str(row.get("form", "fixed")),
            role=str(row.get("role", "switch")),
            ports=row.get("ports"),
        )
    return out


def switch_type(code: str | None) -> SwitchType | None:
    """The platform of a ``switchType: 162.0`` value (the integer part is the code)."""
    if not code:
        return None
    head = code.strip().split(".", 1)[0]
    return switch_types().get(int(head)) if head.isdecimal() else None


@gc_paused
def parse_switchshow(text: str, source: str) -> tuple[SwitchShow, list[Finding]]:
    """``switchshow``: the identity header and the port table, in every FOS layout.

    The port table's columns are taken from its header line (``Area Port Media Speed State``
    on FOS 5/6, ``Index Port Address ...`` later, ``Index Slot Port Address ...`` on
    directors, with or without ``Proto``), the rest of a row being the port type and its
    comment (a WWPN, a neighbour, a trunk, an NPIV count, a state note). FOS 3/4 rows
    (``port  0: id 2G Online F-Port ...``) have no header. A row the capturing terminal wrapped
    is joined back (ZP046).
    """
    t = prepare(text, source)
    findings = t.findings
    ident = SwitchIdentity(name="")
    ports: list[Port] = []
    cols: list[str] | None = None
    in_table = False
    lines = t.lines
    prev: str | None = None  # the last port row, as read (a wrap continues it)
    prev_port: Port | None = None
    pending: tuple[str, str] | None = None
    wrapped = 0  # rows (and header values) the terminal wrapped, joined back
    first_wrap = 0
    for i, raw in enumerate(lines, 1):
        s = raw.strip()
        if not s:
            prev = prev_port = None
            continue
        if not in_table:
            head = s.split()
            if head[0] in ("Index", "Area") and set(head) <= _COLUMNS | {"Proto"}:
                cols = head
                continue
            if s[0] == "=" and s.strip("=") == "":
                in_table = cols is not None
                continue
            if head[0] == "port" and len(head) > 2 and head[1].rstrip(":").isdecimal():
                p = _old_port_row(head)  # FOS 3.x/4.x: no header
                if p is not None:
                    ports.append(p)
                    prev, prev_port = raw, p
                    continue
            if pending is not None:  # a header value the terminal wrapped: `[FID: 128, ...`
                key, val = pending
                pending = None
                _header(ident, key, val + s)
                wrapped += 1
                first_wrap = first_wrap or i
                continue
            key, sep, val = s.partition(":")
            if sep and key.strip() in _HEADER_KEYS:
                val = val.strip()
                if val.count("[") > val.count("]"):
                    pending = (_HEADER_KEYS[key.strip()], val)
                    continue
                _header(ident, _HEADER_KEYS[key.strip()], val)
                continue
            if sep and _OTHER_KEY.fullmatch(key.strip()):
                continue  # switchBeacon, FC Router, HIF Mode, Allow XISL Use, blade3 Beacon ...
            if (s[0] == "-" and s.strip("-") == "") or (s[0] == '"' and " on FID " in s):
                continue
            if prev is not None and prev_port is not None:
                joined = _rejoin(prev, raw, cols, None)
                if joined is not None:
                    _replace_port(ports, prev_port, joined)
                    wrapped += 1
                    first_wrap = first_wrap or i
                    prev, prev_port = None, None
                    continue
            other_line(raw, i, source, findings, "switchshow")
            continue
        assert cols is not None
        p = _port_row(s, cols)
        if p is None:
            joined = _rejoin(prev, raw, cols, prev_port) if prev is not None else None
            if joined is not None:
                _replace_port(ports, prev_port, joined)  # type: ignore[arg-type]
                wrapped += 1
                first_wrap = first_wrap or i
                prev, prev_port = None, None
                continue
            if s.startswith(("ge", "xge")) and not s[:3].isdecimal():
                continue  # FCIP GbE ports (ge0, xge1): not Fibre Channel ports
            other_line(raw, i, source, findings, "switchshow")
            prev = prev_port = None
            continue
        ports.append(p)
        prev, prev_port = raw, p
    if pending is not None:
        _header(ident, *pending)
    if wrapped:
        findings.append(
            WrappedLineRejoined.make(
                f"{wrapped} line(s) the terminal wrapped joined back to the line before "
                "(a narrow terminal: widen it for the next capture)",
                loc(source, first_wrap or None),
            )
        )
    _inherit_trunk_neighbours(ports)
    if not ident.name and not ports:
        findings.append(EmptyOutput.make("switchshow output has no switch header", loc(source, 1)))
    return SwitchShow(ident, ports), findings


def _replace_port(ports: list[Port], old: Port, new: Port) -> None:
    for k in range(len(ports) - 1, -1, -1):
        if ports[k] is old:
            ports[k] = new
            return


def _rejoin(prev: str, raw: str, cols: list[str] | None, prev_port: Port | None) -> Port | None:
    """The row ``prev`` continued by ``raw`` when the terminal wrapped it, else None.

    A wrap is taken when the previous row is exactly a terminal's width long (80 or 132
    columns), or when the joined text completes what the row alone leaves broken: a WWN, a
    quoted switch name, a parenthesised comment.
    """
    cont = raw.rstrip()
    first = cont.split()[0] if cont.split() else ""
    if first and (first.isdecimal() or first.endswith(":")) and len(first) < 4 and cont[0] == " ":
        return None  # looks like a row or a header line of its own
    tail = prev.rstrip()
    # the row reaches a terminal's width exactly, or reaches it and has only blanks after
    # (a copy that pads lines, a log that keeps trailing blanks)
    width = next((w for w in _TERMINAL_WIDTHS if len(tail) <= w <= len(prev)), 0)
    at_width = bool(width)
    prev = prev[:width] if width else prev
    last = tail.split()[-1] if tail.split() else ""
    cut_wwn = ":" in last and len(last) < 23 and wwn_or_none(last) is None
    broken = cut_wwn or last.count('"') == 1 or last.count("(") > last.count(")")
    if at_width:
        joined = prev + raw  # a hard wrap splits at a column, inside a word or not
    elif broken:
        joined = tail + (cont.lstrip() if cut_wwn else " " + cont.strip())
    else:
        return None
    s = joined.strip()
    if cols is None:
        return _old_port_row(s.split())
    p = _port_row(s, cols)
    if p is None:
        return None
    if prev_port is not None and (
        len(p.wwpns) < len(prev_port.wwpns) or (prev_port.neighbour_wwn and not p.neighbour_wwn)
    ):
        return None
    return p


def _header(ident: SwitchIdentity, key: str, val: str) -> None:
    if key == "domain":
        # `1 (unconfirmed)` when the switch is disabled (brcddb strips the note)
        ident.domain = to_int(val.split()[0]) if val.split() else None
    elif key == "wwn":
        ident.wwn = wwn_or_none(val)
    elif key == "zoning":
        ident.zoning_on = val.upper().startswith("ON")
    elif key == "model":
        ident.model_code = val.split()[0] if val.split() else None
        kind = switch_type(ident.model_code)
        if kind is not None:
            ident.model = kind.model
            ident.director = kind.form == "director"
    elif key == "ls":
        # [FID: 128, Base Switch: No, Default Switch: Yes, Address Mode 0] (FOS 6.2+; the
        # banner's FID is the context the command ran in, this is the switch's own)
        if "FID:" in val:
            ident.fid = to_int(val.split("FID:", 1)[1].split(",", 1)[0].strip().rstrip("]"))
        if "Base Switch:" in val:
            ident.base_switch = val.split("Base Switch:", 1)[1].strip().lower().startswith("yes")
    elif key == "state" or key == "role" or key == "mode":
        setattr(ident, key, val.strip() or None)
    else:
        setattr(ident, key, val)


def _port_row(s: str, cols: list[str]) -> Port | None:
    """One row of the port table, its leading columns taken by the header's names."""
    parts = s.split()
    fixed = len(cols) - (1 if cols[-1] == "Proto" else 0)
    if len(parts) < fixed or not parts[0].isdecimal():
        return None
    val = dict(zip(cols[:fixed], parts[:fixed], strict=True))
    tail = parts[fixed:]
    if not (val.get("Port") or "").isdecimal():
        return None
    number = int(val["Port"])
    index = to_int(val.get("Index") or val.get("Area"))
    slot = to_int(val["Slot"]) if "Slot" in val else None
    if "Slot" in val and slot is None:
        return None
    name = f"{slot}/{number}" if slot is not None else str(number if "Index" not in val else index)
    p = Port(
        name,
        index=index,
        slot=slot,
        port=number,
        address=val.get("Address"),
        media=val.get("Media"),
        speed=val.get("Speed"),
        state=val.get("State"),
    )
    if tail and tail[0] in _PROTOS:
        p.proto = tail[0]
        tail = tail[1:]
    _port_comment(p, tail)
    return p


def _old_port_row(parts: list[str]) -> Port | None:
    """``port  0: id 2G Online  F-Port 50:06:...`` (FOS 3.x/4.x, no header, Net::Brcd)."""
    if len(parts) < 5 or parts[0] != "port":
        return None
    num = parts[1].rstrip(":")
    if not num.isdecimal():
        return None
    p = Port(str(int(num)), index=int(num), port=int(num), media=parts[2], speed=parts[3])
    p.state = parts[4]
    _port_comment(p, parts[5:])
    return p


def _port_comment(p: Port, tail: list[str]) -> None:
    """What follows the state: the port type, then a WWN/neighbour/NPIV count/notes."""
    if tail and tail[0].endswith("-Port"):
        p.type = tail[0]
        tail = tail[1:]
        if not tail:
            return
        w = wwn_or_none(tail[0])
        if w is not None:
            if p.type in ("E-Port", "EX-Port", "N-Port", "VE-Port"):
                p.neighbour_wwn = w
            else:
                p.wwpns.append(w)
            rest = tail[1:]
            if rest and rest[0].startswith('"'):
                # "NAME" (upstream)(Trunk master): a name may hold spaces
                quoted = " ".join(rest)
                end = quoted.find('"', 1)
                p.neighbour_name = quoted[1:end] if end > 0 else quoted[1:]
                rest = quoted[end + 1 :].split() if end > 0 else []
            if rest and rest[0].startswith("0x") and p.type in ("F-Port", "N-Port"):
                p.comment = " ".join(rest)  # Access Gateway: the PID the core fabric gave
                return
            if rest:
                p.comment = " ".join(rest)
            return
        joined = " ".join(tail)
        if "NPIV" in tail:
            # `1 N Port + 10 NPIV public` (FOS 6.4+) or `4 NPIV public` (FOS 6.x)
            k = tail.index("NPIV")
            p.npiv_count = to_int(tail[k - 1]) or 0 if k else 0
        p.comment = joined
        return
    if tail:
        # Disabled (Persistent), (No POD License) Disabled, (POD License Not Assigned Yet) …
        if p.state == "Online" and tail[0] in ("Disabled", "Persistent"):
            p.state = tail[0]
        p.comment = " ".join(tail)


def _inherit_trunk_neighbours(ports: list[Port]) -> None:
    """A trunk slave (``(Trunk port, master is Slot 1 Port 0 )``) links to its master's
    neighbour: the master's WWN and name, so an ISL count per neighbour is right."""
    by_loc = {(p.slot, p.port): p for p in ports}
    for p in ports:
        c = p.comment or ""
        if p.neighbour_wwn or "master is" not in c:
            continue
        words = c.replace("(", " ").replace(")", " ").split()
        slot = to_int(word_after(words, "Slot"))
        port = to_int(word_after(words, "Port") if "Slot" in words else words[-1])
        master = by_loc.get((slot if "Slot" in words else p.slot, port))
        if master is not None and master.neighbour_wwn:
            p.neighbour_wwn = master.neighbour_wwn
            p.neighbour_name = master.neighbour_name


# --------------------------------------------------------------------------- fabric


#: FC-router phantom domains in fabricshow: front (``fcr_fd_160``) and translate
#: (``fcr_xd_3_4``) domains (switchType 40/41 in brcddb's table; vendors/brocade-fos
#: switch-types.yaml role fc-router-phantom)
_PHANTOM = ("fcr_fd_", "fcr_xd_")


@gc_paused
def parse_fabricshow(text: str, source: str) -> tuple[FabricShow, list[Finding]]:
    """``fabricshow``: the switches of the fabric; ``>`` marks the principal.

    Rows ``  1: fffc01 10:00:... 10.1.1.1  0.0.0.0  >"NAME"`` (domain right-aligned to three),
    an IPv6 management address in the IP column or on a line of its own under the row, FC
    router phantom domains flagged; the trailer's count is checked against what was read.
    """
    t = prepare(text, source)
    findings = t.findings
    res = FabricShow()
    expected: int | None = None
    expected_at: int | None = None
    header = False
    unreadable = 0
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
        if s.startswith(("The Fabric has", "Fabric had")):
            expected = to_int(s.split()[3]) if len(s.split()) > 3 else None
            expected_at = i
            continue
        if s.startswith("Fabric Name:"):
            res.fabric_name = s.split(":", 1)[1].strip() or None
            continue
        dom, sep, rest = s.partition(":")
        if sep and dom.strip().isdecimal():
            parts = rest.split()
            wwn = wwn_or_none(parts[1]) if len(parts) >= 2 else None
            if wwn is not None:
                ips = [x for x in parts[2:] if not x.startswith((">", '"'))]
                name_part = " ".join(x for x in parts[2:] if x.startswith((">", '"')))
                principal = name_part.startswith(">")
                name = name_part.lstrip(">").strip().strip('"') or None
                res.members.append(
                    FabricMember(
                        int(dom),
                        parts[0],
                        wwn,
                        ip=ips[0] if ips else None,
                        fc_ip=ips[1] if len(ips) > 1 else None,
                        name=name,
                        principal=principal,
                        phantom=bool(name and name.startswith(_PHANTOM)),
                    )
                )
                continue
            unreadable += 1
            findings.append(
                InvalidMember.make(f"unreadable fabricshow row: {s[:100]!r}", loc(source, i))
            )
            continue
        if res.members and ":" in s and len(s.split()) == 1 and raw[0] in " \t":
            continue  # the IPv6 address of the row above, on a line of its own
        if s.lower().startswith("no fabric"):
            expected = 0
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
    elif expected != len(res.members) + unreadable:
        n = len(res.members)
        findings.append(
            CountMismatch.make(
                f"fabricshow says {expected} switches: {n} read"
                + (f", {unreadable} unreadable" if unreadable else "")
                + (
                    f", {expected - n - unreadable} missing"
                    if expected > n + unreadable
                    else f", {n + unreadable - expected} more than said"
                ),
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
        if s.startswith("No ISL found"):
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


@gc_paused
def parse_version(text: str, source: str) -> tuple[Version | None, list[Finding]]:
    """``version``: ``Fabric OS:  v7.4.2a`` (and the kernel, build date, boot PROM).

    Layout as in openstack/cinder's Brocade zone-driver tests (``'Fabric OS:  v7.0.1'``) and
    dell-asm/dell-brocade's facts fixtures (``TOP_6510:wv> version``)."""
    t = prepare(text, source)
    out: Version | None = None
    for i, raw in enumerate(t.lines, 1):
        s = raw.strip()
        if not s:
            continue
        key, sep, val = s.partition(":")
        if sep and key.strip() == "Fabric OS":
            out = Version(firmware=val.strip() or None)
        elif sep and key.strip() in ("Kernel", "Made on", "Flash", "BootProm", "Control Processor"):
            continue
        else:
            other_line(raw, i, source, t.findings, "version")
    if out is None:
        t.findings.append(EmptyOutput.make("version output names no Fabric OS", loc(source, 1)))
    return out, t.findings


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
    "version": parse_version,
    "portname": parse_portname,
}
