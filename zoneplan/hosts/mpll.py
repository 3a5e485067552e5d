"""Reading ``multipath -ll`` output: maps, path groups and paths, never an exception.

Two layouts are read, per map:

* modern (multipath-tools >= 0.4.9, RHEL 6 on)::

    mpatha (3600a0980...) dm-2 NETAPP,LUN C-Mode
    size=500G features='3 queue_if_no_path pg_init_retries 50' hwhandler='1 alua' wp=rw
    |-+- policy='service-time 0' prio=50 status=active
    | `- 10:0:0:169 sde 8:64 active ready running
    `-+- policy='service-time 0' prio=10 status=enabled
      `- 9:0:0:169 sdf 8:80 active ready running

* the RHEL 5 bracket layout (``[size=10G][features=0][hwhandler=1 alua][rw]``,
  ``\\_ round-robin 0 [prio=50][active]``, `` \\_ 2:0:0:1 sdb 8:16 [active][ready]``).

Why lenient about the tree drawing and strict about the content: outputs reach zoneplan
through terminals, mail and wiki pages (the cluster FAQ's own sample draws the tree with ``´``
and lost its indentation), so any run of tree characters is accepted; but a state word, a
count or a quote that does not fit is a cut or garbled output and becomes a coded finding
(ZP050-ZP059, ``file:line``), because silently reading fewer paths would blame the zoning. In
the modern layout the tree also tells what must follow: ``|-+-`` announces another path group
and ``|-`` another path, so an output cut at a line end is still detected.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from typing import Iterable, Literal

from ..findings import Finding, Location
from ..rules.multipath import (
    MpllBadMapAttributes,
    MpllBadPath,
    MpllBadPathGroup,
    MpllCountMismatch,
    MpllMessage,
    MpllNoMaps,
    MpllOrphanLine,
    MpllTruncatedMap,
    MpllUnrecognisedLine,
)

Style = Literal["modern", "rhel5"]

#: device-mapper path state (``%t``)
DM_STATES = frozenset({"active", "failed", "undef"})
#: path checker state (``%T``), multipath-tools ``snprint_chk_state``
CHECKER_STATES = frozenset(
    {"ready", "faulty", "shaky", "ghost", "i/o pending", "i/o timeout", "delayed", "undef"}
)
#: device state (``%o``): multipath-tools prints running/offline/unknown; older builds the
#: sysfs state word
ONLINE_STATES = frozenset(
    {
        "running",
        "offline",
        "unknown",
        "blocked",
        "created",
        "quiesce",
        "cancel",
        "deleted",
        "transport-offline",
    }
)
#: path group status
GROUP_STATUSES = frozenset({"active", "enabled", "disabled", "undef"})
WRITE_PROTECT = frozenset({"rw", "ro", "undef"})

#: characters that draw the tree: ASCII, the FAQ's acute accent, typographic quotes, box drawing
_TREE = frozenset(" \t|`´'’‘-+\\_├└│─┬")
_MORE = frozenset("|├")  # connector saying "another one follows"
_HCTL = r"[0-9#]+:[0-9#]+:[0-9#]+:[0-9#]+"
_HEADER = re.compile(
    r"^(?:(?P<action>[a-z]+): )?"
    r"(?:(?P<alias>[^\s()]+) \((?P<wwid>[^\s()]+)\)|(?P<wwid2>[^\s()]+?))"
    r"\s*(?P<dm>dm-[0-9]+|undef)\s+(?P<vendor>[^,]*),(?P<product>.*)$"
)
#: a map of a foreign library (NVMe native multipath): ``uuid.x [nvme]:nvme4n9 NVMe,model,rev``
_FOREIGN = re.compile(r"^\S.*?\s\[(?P<lib>[a-z0-9]+)\]:(?P<dev>\S+)\s+(?P<vp>[^,]*,.*)$")
_MESSAGE = re.compile(
    r"^\s*(?:[0-9]+\.[0-9]+|[A-Z][a-z]{2} +[0-9]+ [0-9]{2}:[0-9]{2}:[0-9]{2}) \| ?(?P<msg>.*)$"
)
_MODERN_GROUP = re.compile(
    r"^policy='(?P<policy>[^']*)' prio=(?P<prio>-?[0-9]+) status=(?P<status>\S+)$"
)
#: the policy runs up to the first '[' (trailing blanks stripped by the caller): a lazy
#: policy followed by ``\s*`` tried every split of a long blank run (quadratic)
_RHEL5_GROUP = re.compile(
    r"^(?P<policy>[^\[\]]*)\[prio=(?P<prio>-?[0-9]+)\]\[(?P<status>[^\[\]]*)\]$"
)
_PATH = re.compile(
    rf"^(?P<hctl>{_HCTL})\s+(?P<dev>\S+)\s+(?P<devt>[0-9#]+:[0-9#]+)(?:\s+(?P<states>.*))?$"
)
_BRACKETS = re.compile(r"\[([^\[\]]*)\]")


@dataclass
class MpPath:
    """One path (one initiator-target pair) of a map."""

    hctl: str  #: SCSI host:channel:target:lun (``#:#:#:#`` when the device is gone)
    dev: str  #: sdX
    devt: str  #: major:minor
    dm_state: str  #: active | failed | undef
    path_state: str  #: checker state: ready | faulty | ghost | ...
    online_state: str | None  #: running | offline | ...; None in the RHEL 5 layout
    line: int = field(default=0, compare=False)

    @property
    def healthy(self) -> bool:
        """``active ready running`` (RHEL 5 prints no device state: active ready suffices)."""
        return (
            self.dm_state == "active"
            and self.path_state == "ready"
            and self.online_state in (None, "running")
        )

    @property
    def states(self) -> str:
        return " ".join(s for s in (self.dm_state, self.path_state, self.online_state) if s)

    def as_dict(self) -> dict:
        return {
            "hctl": self.hctl,
            "dev": self.dev,
            "devt": self.devt,
            "dm_state": self.dm_state,
            "path_state": self.path_state,
            "online_state": self.online_state,
            "line": self.line,
        }


@dataclass
class PathGroup:
    """A priority group: the paths multipath uses together (one per cluster node with ALUA)."""

    policy: str  #: path selector, e.g. ``service-time 0``
    prio: int
    status: str  #: active (in use) | enabled (standby) | disabled | undef
    paths: list[MpPath] = field(default_factory=list)
    line: int = field(default=0, compare=False)

    def as_dict(self) -> dict:
        return {
            "policy": self.policy,
            "prio": self.prio,
            "status": self.status,
            "line": self.line,
            "paths": [p.as_dict() for p in self.paths],
        }


@dataclass
class MultipathMap:
    """One multipath device (one LUN) as ``multipath -ll`` shows it."""

    wwid: str
    dm: str  #: dm-N (``undef`` in dry runs)
    vendor: str
    product: str
    alias: str | None = None
    size: str | None = None  #: None when the attribute line was missing or unreadable
    features: str | None = None  #: ``3 queue_if_no_path pg_init_retries 50``
    hwhandler: str | None = None  #: ``1 alua``, ``0``
    wp: str | None = None  #: rw | ro
    groups: list[PathGroup] = field(default_factory=list)
    line: int = field(default=0, compare=False)
    style: Style = field(default="modern", compare=False)

    @property
    def name(self) -> str:
        """What an admin calls the map: its alias, else its WWID."""
        return self.alias or self.wwid

    @property
    def paths(self) -> list[MpPath]:
        return [p for g in self.groups for p in g.paths]

    @property
    def feature_words(self) -> list[str]:
        """The feature words after the count (``queue_if_no_path``, ``pg_init_retries``, ...)."""
        return (self.features or "").split()[1:]

    def as_dict(self) -> dict:
        return {
            "wwid": self.wwid,
            "alias": self.alias,
            "dm": self.dm,
            "vendor": self.vendor,
            "product": self.product,
            "size": self.size,
            "features": self.features,
            "hwhandler": self.hwhandler,
            "wp": self.wp,
            "line": self.line,
            "groups": [g.as_dict() for g in self.groups],
        }


@dataclass
class MpllResult:
    """Parsed maps plus what was wrong with the output."""

    file: str
    maps: list[MultipathMap] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    #: maps of foreign libraries (``[nvme]:nvme0n1``), skipped: never cluster LUNs over FC
    foreign: list[str] = field(default_factory=list)


def _split_tree(line: str) -> tuple[str, str]:
    """(tree drawing, content) of a group or path line."""
    i = 0
    while i < len(line) and line[i] in _TREE:
        i += 1
    # exact because no content starts with a tree character: H:C:T:L starts with a digit or
    # '#', a group with 'policy=' or (RHEL 5) the path selector's name
    return line[:i], line[i:].strip()


def _connector(prefix: str) -> bool | None:
    """True when the drawing says another sibling follows, False when last, None (RHEL 5)."""
    p = prefix.rstrip()
    if "\\" in p or "_" in p:
        return None
    if "+" in p:  # group line: the first drawn character is the connector
        head = p.lstrip()
        return head[:1] in _MORE if head else None
    p = p.rstrip("-─").rstrip()
    return p[-1:] in _MORE if p else None


class _Parser:
    def __init__(self, file: str) -> None:
        self.result = MpllResult(file)
        self.map: MultipathMap | None = None
        self.map_attrs = False
        self.group: PathGroup | None = None
        self.group_more: bool | None = None
        self.path_more: bool | None = None
        self.skipping_group = False  # paths of an unreadable group line are not counted
        self.paths_list = False  # inside `multipath -v4`'s "paths list" table
        self.foreign = False  # inside a foreign (NVMe native) map

    # -- helpers -----------------------------------------------------------------------------
    def at(self, line: int) -> Location:
        return Location(self.result.file, line)

    def add(self, finding: Finding) -> None:
        self.result.findings.append(finding)

    def subject(self) -> str:
        return self.map.name if self.map else ""

    # -- structure ---------------------------------------------------------------------------
    def close_group(self) -> None:
        g = self.group
        if g is not None and self.map is not None:
            if not g.paths:
                self.add(
                    MpllTruncatedMap.make(
                        f"map {self.map.name}: path group (prio={g.prio}) has no paths",
                        self.at(g.line),
                        subject=self.map.name,
                    )
                )
            elif self.path_more:
                last = g.paths[-1]
                self.add(
                    MpllTruncatedMap.make(
                        f"map {self.map.name}: the tree draws another path after {last.dev} "
                        "but the group ends there (output cut off?)",
                        self.at(last.line),
                        subject=self.map.name,
                    )
                )
        self.group = None
        self.path_more = None
        self.skipping_group = False

    def close_map(self, end_line: int) -> None:
        self.close_group()
        m = self.map
        if m is None:
            return
        if not self.map_attrs:
            self.add(
                MpllTruncatedMap.make(
                    f"map {m.name}: header without its size/features/hwhandler line",
                    self.at(m.line),
                    subject=m.name,
                )
            )
        elif not m.groups:
            self.add(
                MpllTruncatedMap.make(
                    f"map {m.name}: no path groups (no paths, or the output was cut off)",
                    self.at(m.line),
                    subject=m.name,
                )
            )
        elif self.group_more:
            self.add(
                MpllTruncatedMap.make(
                    f"map {m.name}: the tree draws another path group after line "
                    f"{m.groups[-1].line} but the map ends at line {end_line}",
                    self.at(m.groups[-1].line),
                    subject=m.name,
                )
            )
        self.map = None
        self.map_attrs = False
        self.group_more = None

    # -- line kinds --------------------------------------------------------------------------
    def header(self, n: int, m: re.Match[str]) -> None:
        self.close_map(n - 1)
        self.paths_list = False
        self.foreign = False
        self.map = MultipathMap(
            wwid=m["wwid"] or m["wwid2"],
            alias=m["alias"],
            dm=m["dm"],
            vendor=m["vendor"].strip(),
            product=m["product"].strip(),
            line=n,
        )
        self.result.maps.append(self.map)

    def attributes(self, n: int, text: str) -> None:
        m = self.map
        if m is None:
            self.add(
                MpllOrphanLine.make(
                    "attribute line before any map header (start of the output cut off?)",
                    self.at(n),
                )
            )
            return
        if self.map_attrs or m.groups:
            self.add(
                MpllUnrecognisedLine.make(
                    f"map {m.name}: second attribute line, skipped: {text[:60]!r}",
                    self.at(n),
                    subject=m.name,
                )
            )
            return
        self.map_attrs = True
        if text.startswith("["):
            m.style = "rhel5"
            values, problem = self._bracket_attrs(text)
        else:
            m.style = "modern"
            values, problem = self._modern_attrs(text)
        if problem is None:
            missing = [k for k in ("size", "features", "hwhandler") if k not in values]
            if m.style == "modern" and "wp" not in values:
                missing.append("wp")
            if missing:
                problem = f"missing {', '.join(missing)}"
            elif values.get("wp") is not None and values["wp"] not in WRITE_PROTECT:
                problem = f"write protection {values['wp']!r} is not rw or ro"
        if problem is not None:
            self.add(
                MpllBadMapAttributes.make(
                    f"map {m.name}: unreadable attribute line ({problem}): {text[:80]!r}",
                    self.at(n),
                    subject=m.name,
                )
            )
            return
        m.size = values["size"]
        m.features = values["features"]
        m.hwhandler = values["hwhandler"]
        m.wp = values.get("wp")
        for key in ("features", "hwhandler"):
            self._check_count(n, key, values[key])

    def _check_count(self, n: int, key: str, value: str) -> None:
        words = value.split()
        ok = bool(words) and words[0].isdecimal() and int(words[0]) == len(words) - 1
        if not ok:
            self.add(
                MpllCountMismatch.make(
                    f"map {self.subject()}: {key}='{value}' does not have the number of words "
                    "its count says (cut or edited?)",
                    self.at(n),
                    subject=self.subject(),
                )
            )

    @staticmethod
    def _modern_attrs(text: str) -> tuple[dict[str, str], str | None]:
        try:
            tokens = shlex.split(text)
        except ValueError as exc:
            return {}, str(exc).lower()
        values: dict[str, str] = {}
        for tok in tokens:
            key, eq, value = tok.partition("=")
            if not eq or key not in ("size", "features", "hwhandler", "wp"):
                return {}, f"unexpected {tok[:30]!r}"
            values[key] = value.strip()
        return values, None

    @staticmethod
    def _bracket_attrs(text: str) -> tuple[dict[str, str | None], str | None]:
        if _BRACKETS.sub("", text).strip():
            return {}, "unbalanced brackets"
        values: dict[str, str | None] = {}
        for item in _BRACKETS.findall(text):
            key, eq, value = item.partition("=")
            if eq:
                if key.strip() not in ("size", "features", "hwhandler"):
                    return {}, f"unexpected [{item[:30]}]"
                values[key.strip()] = value.strip()
            else:
                values["wp"] = item.strip()
        return values, None

    def group_line(self, n: int, prefix: str, rest: str, rhel5: bool) -> None:
        if self.map is None:
            self.add(
                MpllOrphanLine.make(
                    "path group line before any map header (start of the output cut off?)",
                    self.at(n),
                )
            )
            return
        self.close_group()
        m = (_RHEL5_GROUP if rhel5 else _MODERN_GROUP).match(rest)
        problem = None
        if m is None:
            problem = "not policy, prio and status"
        elif m["status"] not in GROUP_STATUSES:
            problem = f"unknown status {m['status']!r}"
        elif rhel5 and not m["policy"].strip():
            problem = "no path selector"
        self.group_more = _connector(prefix)
        if problem is not None or m is None:
            self.skipping_group = True
            self.add(
                MpllBadPathGroup.make(
                    f"map {self.map.name}: unreadable path group line ({problem}); its paths are "
                    f"not counted: {rest[:80]!r}",
                    self.at(n),
                    subject=self.map.name,
                )
            )
            return
        self.group = PathGroup(m["policy"].strip(), int(m["prio"]), m["status"], line=n)
        self.map.groups.append(self.group)

    def path_line(self, n: int, prefix: str, rest: str) -> None:
        if self.skipping_group:
            return
        if self.group is None:
            self.add(
                MpllOrphanLine.make(
                    "path line outside any path group (start of the output cut off?)",
                    self.at(n),
                    subject=self.subject(),
                )
            )
            return
        parsed, problem = _parse_path(rest)
        if parsed is None:
            self.add(
                MpllBadPath.make(
                    f"map {self.subject()}: unreadable path line ({problem}): {rest[:80]!r}",
                    self.at(n),
                    subject=self.subject(),
                )
            )
            # the line was a path: keep the drawing's promise so truncation is still seen
            self.path_more = _connector(prefix)
            return
        parsed.line = n
        self.group.paths.append(parsed)
        self.path_more = _connector(prefix)

    # -- driver ------------------------------------------------------------------------------
    def feed(self, n: int, raw: str) -> None:
        line = raw.rstrip("\r").rstrip()
        if not line.strip():
            return
        msg = _MESSAGE.match(line)
        if msg:
            self.add(MpllMessage.make(f"multipath message: {msg['msg'][:200]}", self.at(n)))
            return
        if line.strip() == "===== paths list =====":
            self.paths_list = True
            return
        if line[0] not in _TREE:
            head = _HEADER.match(line)
            if head:
                self.header(n, head)
                return
            foreign = _FOREIGN.match(line)
            if foreign:
                self.close_map(n - 1)
                self.paths_list, self.foreign = False, True
                self.result.foreign.append(f"[{foreign['lib']}]:{foreign['dev']}")
                return
        if self.foreign:
            return
        stripped = line.strip()
        if stripped.startswith("[size=") or stripped.startswith("size="):
            self.attributes(n, stripped)
            return
        if self.paths_list:
            return
        prefix, rest = _split_tree(line)
        drawn = prefix.strip()
        if drawn:
            rhel5 = "\\" in drawn or "_" in drawn
            is_path = re.match(r"[0-9#]+:", rest) is not None
            if "+" in drawn or rest.startswith("policy=") or (rhel5 and not is_path):
                self.group_line(n, prefix, rest, rhel5)
                return
            self.path_line(n, prefix, rest)
            return
        if stripped.startswith("policy="):  # drawing lost in copy and paste
            self.group_line(n, "", stripped, False)
            return
        if self.group is not None and _PATH.match(stripped):
            self.path_line(n, "", stripped)
            return
        if self.map is not None and not self.map_attrs and "=" in stripped:
            self.attributes(n, stripped)  # a misspelt attribute line ("sisze=...")
            return
        self.add(
            MpllUnrecognisedLine.make(
                f"unrecognised line, skipped: {stripped[:80]!r}",
                self.at(n),
                subject=self.subject(),
            )
        )


def _parse_path(rest: str) -> tuple[MpPath | None, str]:
    m = _PATH.match(rest)
    if m is None:
        return None, "not H:C:T:L, device, major:minor and states"
    states = (m["states"] or "").strip()
    if not states:
        return None, "no states"
    if states.startswith("["):
        if _BRACKETS.sub("", states).strip():
            return None, "unbalanced brackets"
        words = [w.strip() for w in _BRACKETS.findall(states)]
        if len(words) not in (2, 3):
            return None, f"{len(words)} states, expected dm state, checker state [, device state]"
        dm, chk, online = words[0], words[1], (words[2] if len(words) == 3 else None)
    else:
        dm, _, tail = states.partition(" ")
        tail = tail.strip()
        chk = next((c for c in CHECKER_STATES if tail == c or tail.startswith(c + " ")), "")
        if not chk:
            return None, f"unknown checker state in {tail!r}"
        online = tail[len(chk) :].strip()
        if not online or " " in online:
            return None, "expected dm state, checker state and device state"
    if dm not in DM_STATES:
        return None, f"unknown dm state {dm!r}"
    if chk not in CHECKER_STATES:
        return None, f"unknown checker state {chk!r}"
    if online is not None and online not in ONLINE_STATES:
        return None, f"unknown device state {online!r}"
    return MpPath(m["hctl"], m["dev"], m["devt"], dm, chk, online), ""


def parse_multipath_ll(text: str, file: str = "<multipath -ll>") -> MpllResult:
    """Parse ``multipath -ll`` output (modern or RHEL 5 layout, or a mix of maps of both).

    Never raises on content: every problem is a finding with ``file:line``. An output with no
    map at all gives ZP050 (fatal: nothing to verify).
    """
    parser = _Parser(file)
    lines = text.split("\n")
    for n, raw in enumerate(lines, start=1):
        parser.feed(n, raw)
    parser.close_map(len(lines))
    if not parser.result.maps:
        parser.add(
            MpllNoMaps.make(
                "no multipath map in the output (empty, or not the output of multipath -ll)",
                Location(file, 1 if text.strip() else None),
            )
        )
    return parser.result


# -- rendering (tests, documentation examples) ----------------------------------------------------


def render_multipath_ll(maps: Iterable[MultipathMap], style: Style = "modern") -> str:
    """Write maps the way ``multipath -ll`` prints them (``rhel5``: the bracket layout).

    Why it exists: round-trip tests (render, parse, compare) and readable examples in docs.
    In the RHEL 5 layout a path's device state is not printed.
    """
    out: list[str] = []
    for m in maps:
        name = f"{m.alias} ({m.wwid})" if m.alias else m.wwid
        out.append(f"{name} {m.dm} {m.vendor},{m.product}")
        if style == "rhel5":
            wp = f"[{m.wp}]" if m.wp else ""
            out.append(f"[size={m.size}][features={m.features}][hwhandler={m.hwhandler}]{wp}")
            for g in m.groups:
                out.append(f"\\_ {g.policy} [prio={g.prio}][{g.status}]")
                for p in g.paths:
                    out.append(f" \\_ {p.hctl} {p.dev} {p.devt} [{p.dm_state}][{p.path_state}]")
            continue
        out.append(
            f"size={m.size} features='{m.features}' hwhandler='{m.hwhandler}' wp={m.wp or 'rw'}"
        )
        for gi, g in enumerate(m.groups):
            last_group = gi == len(m.groups) - 1
            out.append(
                f"{'`' if last_group else '|'}-+- policy='{g.policy}' prio={g.prio} "
                f"status={g.status}"
            )
            indent = "  " if last_group else "| "
            for pi, p in enumerate(g.paths):
                conn = "`-" if pi == len(g.paths) - 1 else "|-"
                out.append(f"{indent}{conn} {p.hctl} {p.dev} {p.devt} {p.states}")
    return "\n".join(out) + ("\n" if out else "")
