"""Read capture folders/files into one observed state per switch.

A capture is saved command output, in any mix of:

* one file per command, named after it with spaces as ``_`` (``cfgshow.txt``,
  ``show_zoneset_active_vsan_10.txt``; a copy number may follow: ``cfgshow_2.txt``);
* any text file holding several commands, each introduced by its prompt line
  (``sw1:admin> cfgshow``, ``mds1# show flogi database``, ``> cfgshow``), as a terminal log or a
  supportshow has them;
* a folder per switch (sub-folders of a capture folder).

Dispatch goes through the command catalogue (``vendors/<pack>/commands.yaml``): command →
parser → feed, never an if-chain. A file with neither a command name nor prompts is recognised
by content when its format is distinct (reported as ZP037). Every problem is a finding naming
the file and line.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from dataclasses import replace as copied
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..findings import Finding, Location, Severity
from ..observed import (
    FABRIC_KEY,
    Login,
    Port,
    SwitchIdentity,
    SwitchState,
    Vsan,
    ZoneDb,
)
from ..outputs import describe_mode, read_capped
from ..rules.capture import (
    CaptureEntrySkipped,
    CaptureFileTooLarge,
    CaptureTreeTooLarge,
    CollectWasPartial,
    CommandGuessedFromContent,
    CountMismatch,
    DuplicateCommandOutput,
    FilteredOutput,
    MixedVendorCapture,
    ParserFailure,
    SameSwitchTwice,
    SwitchErrorInOutput,
    SwitchNotIdentified,
    UnknownCommandFile,
    UnreadableCapture,
)
from . import registry
from .catalogue import Match, match, sniff
from .common import is_error_line
from .manifest import MANIFEST, read_manifest
from .snmpwalk import MAGIC as SNMP_MAGIC
from .snmpwalk import is_snmp_walk, read_snmp_walks
from .terminal import LOG_HEADER, SESSION_END, terminal

__all__ = ["read_captures", "read_capture_text", "FEEDS", "ParseCache", "Section"]

CAPTURE_SUFFIXES = (".txt", ".log", ".out", ".cfg", ".text")


@dataclass(slots=True, eq=False)
class Section:
    """One command's output inside a file."""

    file: str
    offset: int  #: lines before the section's first line in its file
    text: str
    match: Match | None
    group: str  #: the switch it belongs to (prompt host name or folder/file name)
    named: bool  #: the group name came from a prompt, not from a folder or file name
    guessed: bool = False


# --------------------------------------------------------------------------- entry points


def read_captures(
    paths: Iterable[str | Path],
    *,
    cache: ParseCache | None = None,
) -> tuple[dict[str, SwitchState], list[Finding]]:
    """Read capture files and folders; return ``{switch name: SwitchState}`` and findings.

    ``cache``: outputs already parsed by earlier calls (a live read parses each switch's
    capture as it arrives; the fabric's zoning, which every switch prints, is parsed once).

    How a capture tree is read (the limits are findings, never a hang or MemoryError):

    * a path named here is followed (the user chose it); inside a folder nothing is followed:
      symbolic links, FIFOs, devices and sockets are skipped (ZP040), so a capture folder can
      neither leak a file outside it into findings nor hang on ``/dev/zero`` or a FIFO;
    * files are read as regular files only, at most :data:`MAX_CAPTURE_FILE_BYTES` (ZP041);
    * the walk is iterative, at most :data:`MAX_CAPTURE_DEPTH` folders deep and
      :data:`MAX_CAPTURE_ENTRIES` entries (ZP042);
    * ``zoneplan-collect.json`` in a folder is honoured: a switch ``collect`` read only partly
      is read as incomplete (ZP044);
    * two folders (or files) naming the same switch are not merged (ZP043).
    """
    paths = list(paths)
    findings: list[Finding] = []
    sections: list[Section] = []
    walks: list[tuple[str, str, str]] = []
    partial: dict[str, str] = {}  #: switch folder (path) -> status collect gave it
    copies: dict[str, str] = {}  #: each distinct text without prompts, kept once
    for file, group, top in _capture_files(paths, findings, partial):
        text = _read_text(file, findings, follow=top)
        if text is None:
            continue
        if is_snmp_walk(file, text[: len(SNMP_MAGIC)]):
            walks.append((str(file), text, file.parent.name))
            continue
        forced = match(file.stem.replace("_", " "), from_filename=True)
        start = len(sections)
        _split(text, str(file), group, forced, sections, findings, copies)
        del text
        _keep_one_copy(sections, start, copies)
    copies.clear()  # the sections hold what is needed, and drop each text once parsed
    states = _build(sections, findings, cache)
    _merge_snmp(walks, states, findings)
    _honour_manifests(states, partial, findings)
    return states, findings


def _keep_one_copy(sections: list[Section], start: int, copies: dict[str, str]) -> None:
    """Sections from ``start`` on holding the fabric's zoning keep the first copy of their
    text read (found by its hash), so that a copy every switch prints is held once."""
    for sec in sections[start:]:
        if sec.match is not None and sec.match.command.feeds in SHARED_FEEDS:
            sec.text = copies.setdefault(sec.text, sec.text)


#: files larger than this are not read (ZP041): real outputs are a few MB at most
MAX_CAPTURE_FILE_BYTES = 128 * 1024 * 1024
#: folders deeper than this below a capture path are not read (ZP042)
MAX_CAPTURE_DEPTH = 16
#: at most this many folder entries are examined per run (ZP042)
MAX_CAPTURE_ENTRIES = 100_000


def _capture_files(
    paths: list[str | Path], findings: list[Finding], partial: dict[str, str]
) -> Iterator[tuple[Path, str, bool]]:
    """``(file, group, named on the command line)`` for every capture file under ``paths``."""
    budget = [MAX_CAPTURE_ENTRIES]
    for path in paths:
        p = Path(path)
        try:
            st = p.stat()  # a path named by the user is followed
        except OSError as exc:
            why = "does not exist" if isinstance(exc, FileNotFoundError) else exc.strerror
            findings.append(
                UnreadableCapture.make(f"capture path {str(p)!r} {why}", Location(str(p)))
            )
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk_dir(p, findings, partial, budget)
        elif stat.S_ISREG(st.st_mode):
            cm = match(p.stem.replace("_", " "), from_filename=True)
            group = p.parent.name if cm is not None else p.stem
            yield p, group or p.stem, True
        else:
            findings.append(
                CaptureEntrySkipped.make(
                    f"{p.name} is {describe_mode(st.st_mode)}: not read", Location(str(p))
                )
            )


def _walk_dir(
    root: Path, findings: list[Finding], partial: dict[str, str], budget: list[int]
) -> Iterator[tuple[Path, str, bool]]:
    """Depth first, in name order, without recursion and without following anything."""
    stack: list[tuple[Path, int, Iterator[os.DirEntry[str]]]] = []
    cut = False

    def opened(d: Path, depth: int) -> Iterator[os.DirEntry[str]] | None:
        try:
            with os.scandir(d) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            findings.append(
                UnreadableCapture.make(f"cannot list {d}: {exc.strerror}", Location(str(d)))
            )
            return None
        if any(e.name == MANIFEST for e in entries):
            for entry in read_manifest(d).get("switches", []):
                folder, status = entry.get("folder") or entry.get("name"), entry.get("status")
                if isinstance(folder, str) and status != "ok":
                    partial[str(d / folder)] = str(status)
        return iter(entries)

    first = opened(root, 0)
    if first is None:
        return
    stack.append((root, 0, first))
    while stack:
        d, depth, it = stack[-1]
        entry = next(it, None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        budget[0] -= 1
        if budget[0] < 0:
            if budget[0] == -1:
                findings.append(
                    CaptureTreeTooLarge.make(
                        f"more than {MAX_CAPTURE_ENTRIES:,} entries under the capture paths: "
                        "the rest is not read",
                        Location(entry.path),
                    )
                )
            return
        try:
            mode = entry.stat(follow_symlinks=False).st_mode
        except OSError:
            continue
        if stat.S_ISDIR(mode):
            if depth + 1 > MAX_CAPTURE_DEPTH:
                if not cut:
                    findings.append(
                        CaptureTreeTooLarge.make(
                            f"folders nested deeper than {MAX_CAPTURE_DEPTH} levels under "
                            f"{root}: not read",
                            Location(entry.path),
                        )
                    )
                    cut = True
                continue
            sub = opened(Path(entry.path), depth + 1)
            if sub is not None:
                stack.append((Path(entry.path), depth + 1, sub))
            continue
        path = Path(entry.path)
        if not stat.S_ISREG(mode):
            if stat.S_ISLNK(mode) or path.suffix.lower() in CAPTURE_SUFFIXES:
                findings.append(
                    CaptureEntrySkipped.make(
                        f"{entry.name} is {describe_mode(mode)}: not read", Location(entry.path)
                    )
                )
            continue
        if path.suffix.lower() in CAPTURE_SUFFIXES:
            yield path, d.name, False


def _read_text(p: Path, findings: list[Finding], *, follow: bool) -> str | None:
    """A capture file's text: a regular file (never through a link unless ``follow``),
    at most :data:`MAX_CAPTURE_FILE_BYTES`, not binary; else a finding and None."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(p, flags)
    except OSError as exc:
        findings.append(
            UnreadableCapture.make(f"cannot read {p}: {exc.strerror}", Location(str(p)))
        )
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            findings.append(
                CaptureEntrySkipped.make(
                    f"{p.name} is {describe_mode(st.st_mode)}: not read", Location(str(p))
                )
            )
            return None
        if st.st_size > MAX_CAPTURE_FILE_BYTES:
            findings.append(_too_large(p, st.st_size))
            return None
        raw = read_capped(fd, MAX_CAPTURE_FILE_BYTES)
    except OSError as exc:
        findings.append(
            UnreadableCapture.make(f"cannot read {p}: {exc.strerror}", Location(str(p)))
        )
        return None
    finally:
        os.close(fd)
    if len(raw) > MAX_CAPTURE_FILE_BYTES:  # it grew while being read
        findings.append(_too_large(p, len(raw)))
        return None
    if b"\x00" in raw[:4096]:
        findings.append(UnreadableCapture.make(f"{p.name} is binary, not text", Location(str(p))))
        return None
    return raw.decode("utf-8", errors="replace")


def _too_large(p: Path, size: int) -> Finding:
    return CaptureFileTooLarge.make(
        f"{p.name} is {size / (1 << 20):,.0f} MiB; capture files over "
        f"{MAX_CAPTURE_FILE_BYTES >> 20} MiB are not read",
        Location(str(p)),
    )


def _merge_snmp(
    walks: list[tuple[str, str, str]], states: dict[str, SwitchState], findings: list[Finding]
) -> None:
    """Saved SNMP walks (``snmp_walk.txt``, written by ``zoneplan collect --via snmp``)."""
    for st, fs, source in read_snmp_walks(walks):
        findings.extend(fs)
        name = st.name
        if name in states:
            if not _same_folder(states[name], st):
                _twice(states[name], st, findings, source)
                continue
            _merge_into(states[name], st)
            states[name].seen.update(
                {k: v for k, v in st.seen.items() if k not in states[name].seen}
            )
        else:
            states[name] = st


def _folders(state: SwitchState) -> set[str]:
    return {str(Path(src).parent) for src in state.seen.values()}


def _same_folder(a: SwitchState, b: SwitchState) -> bool:
    fa, fb = _folders(a), _folders(b)
    return not fa or not fb or bool(fa & fb)


def _twice(kept: SwitchState, other: SwitchState, findings: list[Finding], source: str) -> None:
    """ZP043: a second capture of a switch is not merged; the switch is incompletely known."""
    kept.complete = False
    first = min(_folders(kept) or {"?"})
    findings.append(
        SameSwitchTwice.make(
            f"switch {kept.name} is captured in {first} and again in "
            f"{min(_folders(other) or {source})}: the second capture is not read, and the switch "
            "counts as incompletely known",
            Location(source),
            subject=kept.name,
        )
    )


def _honour_manifests(
    states: dict[str, SwitchState], partial: dict[str, str], findings: list[Finding]
) -> None:
    """ZP044: a switch whose folder ``collect`` marked partial/failed is incomplete."""
    if not partial:
        return
    for st in states.values():
        hit = sorted(f for f in _folders(st) if f in partial)
        if hit:
            st.complete = False
            findings.append(
                CollectWasPartial.make(
                    f"switch {st.name}: {MANIFEST} says collect read it {partial[hit[0]]!r}: "
                    "what is absent from its capture is unknown",
                    Location(hit[0]),
                    subject=st.name,
                )
            )


def read_capture_text(
    text: str, source: str, *, switch: str = "switch", command: str | None = None
) -> tuple[dict[str, SwitchState], list[Finding]]:
    """Read one text (a terminal log, or one command's output when ``command`` is given)."""
    findings: list[Finding] = []
    sections: list[Section] = []
    forced = match(command) if command else None
    _split(text, source, switch, forced, sections, findings)
    return _build(sections, findings), findings


# --------------------------------------------------------------------------- files → sections


def _split(
    text: str,
    source: str,
    group: str,
    forced: Match | None,
    sections: list[Section],
    findings: list[Finding],
    plain: dict[str, str] | None = None,
) -> None:
    """Cut a file at its prompt lines; text before the first prompt uses the file's name.

    ``plain``: texts read before that hold no prompt, by their hash. A copy of one is not
    searched again (every switch of a fabric prints the same zoning: searching 44 copies of
    6 MB for prompts took longer than parsing one), and its sections use the first copy.

    One pass: line numbers are counted from one prompt to the next (a count from the start of
    the text per prompt made session logs quadratic in their number of prompts).
    """
    if "\r" in text and "\n" not in text:  # classic Mac line ends: CR alone ends a line
        text = text.replace("\r", "\n")
    prompts: list[tuple[int, int, str | None, str]] = []  # char pos, line no, host, command
    pos, lineno = 0, 0
    term = terminal()
    known_plain = plain is not None and text in plain
    if known_plain:  # a copy of a text read before, which holds no prompt: that copy
        text = plain[text]  # type: ignore[index]
    for m in () if known_plain else term.prompt_line.finditer(text):
        cmd = m.group("command").strip()
        host = term.host(m)
        known = term.looks_like_command(cmd)
        if not known and host is None:
            continue
        if not known and match(cmd) is None:
            # ``name# something`` where something is not a command we know: only a prompt
            # when it has a host part and looks like a CLI word
            if not re.match(r"^[a-z][\w\-]*( |$)", cmd):
                continue
        lineno += text.count("\n", pos, m.start())
        pos = m.start()
        prompts.append((pos, lineno, host, cmd))
    if plain is not None and not prompts:
        plain.setdefault(text, text)
    # text before the first prompt
    first = prompts[0][0] if prompts else len(text)
    head = text[:first]
    if prompts and _only_log_noise(head):
        head = ""  # a terminal program's log header before the first prompt: no output
    if head.strip() or (forced is not None and not prompts):
        # a file named after a command is that command's output even when it is empty: its
        # parser says so (ZP035) rather than the file vanishing without a word
        _add(head, source, 0, group, False, forced, sections, findings, None)
    for k, (pos, lineno, host, cmd) in enumerate(prompts):
        end = prompts[k + 1][0] if k + 1 < len(prompts) else len(text)
        body = text[pos:end]
        if SESSION_END.fullmatch(cmd):
            continue  # ``sw1:admin> exit``: the session ends, nothing after it is output
        m = match(cmd)
        if m is None:
            findings.append(
                UnknownCommandFile.make(
                    f"command {cmd!r} is not in the catalogue; its output is skipped",
                    Location(source, lineno + 1),
                )
            )
            for k2, line in enumerate(body.split("\n")[1:], lineno + 2):
                if is_error_line(line):
                    findings.append(
                        SwitchErrorInOutput.make(
                            f"switch error after `{cmd}`: {line.strip()[:120]}",
                            Location(source, k2),
                        )
                    )
                    break
            continue
        g = host or group
        if m.fid is not None:
            g = f"{g}@fid{m.fid}"
        _add(body, source, lineno, g, host is not None, m, sections, findings, cmd)


def _only_log_noise(head: str) -> bool:
    """True when ``head`` holds nothing but blank lines and terminal log headers."""
    return all(not x.strip() or LOG_HEADER.fullmatch(x.strip()) for x in head.split("\n"))


def _add(
    body: str,
    source: str,
    offset: int,
    group: str,
    named: bool,
    m: Match | None,
    sections: list[Section],
    findings: list[Finding],
    cmd: str | None,
) -> None:
    guessed = False
    if m is None:
        c = sniff(body)
        if c is None:
            findings.append(
                UnknownCommandFile.make(
                    "neither the file name nor a prompt line names a catalogued command, and "
                    "the content matches none; skipped",
                    Location(source, offset + 1),
                )
            )
            return
        m = Match(c, c.name)
        guessed = True
        findings.append(
            CommandGuessedFromContent.make(
                f"read as `{c.name}` output (recognised by its content)",
                Location(source, offset + 1),
            )
        )
    sections.append(Section(source, offset, body, m, group, named, guessed))


# --------------------------------------------------------------------------- sections → states


class _Recorder(dict):
    """``SwitchState.seen`` while one output is fed: which inputs it provided."""

    def __init__(self, seen: dict[str, str]) -> None:
        super().__init__(seen)
        self.touched: set[str] = set()

    def __setitem__(self, key: str, value: str) -> None:
        self.touched.add(key)
        super().__setitem__(key, value)

    def update(self, *args: Any, **kwargs: Any) -> None:
        for k, v in dict(*args, **kwargs).items():
            self[k] = v


#: the feeds of the fabric's zoning database (and device-alias database): every switch of a
#: fabric prints the same copy, so an output is parsed once per distinct text and its result
#: shared, read-only, by every switch that printed that text (a 10,000-host fabric of 44
#: switches parsed 44 copies of 20,000 zones: time and memory grew as switches × zones)
SHARED_FEEDS = frozenset(
    {"zoning", "aliases", "zoning_effective", "zoning_defined", "zoning_zones", "device_aliases"}
)


@dataclass(slots=True)
class ParseCache:
    """The outputs parsed in one read, by their text, and the zoning databases merged from
    them: feeds never change a parsed result or a database in place, they build a new one
    (once per distinct pair of inputs), so that sharing them between switches is safe."""

    parsed: dict[tuple, tuple[Any, list[Finding], str]] = field(default_factory=dict)
    merged: dict[tuple, tuple[ZoneDb, tuple]] = field(default_factory=dict)

    def merge(self, key: tuple, make: Callable[[], ZoneDb]) -> ZoneDb:
        """``make()`` once per ``key`` (of objects ids, kept alive with the result)."""
        got = self.merged.get(tuple(id(k) for k in key))
        if got is None:
            got = self.merged[tuple(id(k) for k in key)] = (make(), key)
        return got[0]


@dataclass(slots=True)
class _Ctx:
    match: Match
    source: str
    findings: list[Finding]
    shared: ParseCache = field(default_factory=ParseCache)


def _parse(sec: Section, shared: ParseCache) -> tuple[Any, list[Finding]]:
    """The section's parsed output and findings (located in its file); an output of the
    fabric's zoning already parsed from another file (same command, same text) is reused."""
    assert sec.match is not None
    cmd = sec.match.command
    parser = registry()[cmd.parser]
    if cmd.feeds not in SHARED_FEEDS:
        return parser(sec.text, sec.file)
    key = (cmd.parser, sec.match.filtered, sec.match.partial, sec.text)
    hit = shared.parsed.get(key)
    if hit is None:
        result, got = parser(sec.text, sec.file)
        shared.parsed[key] = (result, got, sec.file)
        return result, got
    result, got, first = hit
    return result, [_moved(f, first, sec.file) for f in got]


def _moved(f: Finding, old: str, new: str) -> Finding:
    loc = f.location
    if loc is None or loc.file != old:
        return f
    return f.with_location(Location(new, loc.line, loc.col))


def _build(
    sections: list[Section], findings: list[Finding], cache: ParseCache | None = None
) -> dict[str, SwitchState]:
    # a group is a switch name *in one folder*: two folders naming the same switch are two
    # captures of it, never merged (ZP043)
    groups: dict[tuple[str, str], list[tuple[Section, Any]]] = {}  # (switch, folder) -> outputs
    damaged: set[Section] = set()
    named: dict[tuple[str, str], bool] = {}
    shared = cache if cache is not None else ParseCache()
    for sec in sections:
        assert sec.match is not None
        try:
            result, got = _parse(sec, shared)
        except Exception as exc:  # noqa: BLE001 - a parser bug must not lose the others
            findings.append(
                ParserFailure.make(
                    f"parser {sec.match.command.parser} failed: {type(exc).__name__}: {exc}",
                    Location(sec.file, sec.offset + 1),
                )
            )
            continue
        sec.text = ""  # parsed: the text is no longer needed (a shared one is kept once)
        if sec.offset:
            got = [_shift(f, sec.offset) for f in got]
        findings.extend(got)
        if any(f.severity.rank >= Severity.ERROR.rank for f in got):
            damaged.add(sec)  # cut short or garbled: what it feeds is not completely known
        if sec.match.filtered and not any(f.code == FilteredOutput.code for f in got):
            findings.append(
                FilteredOutput.make(
                    f"output of `{sec.match.line}` is filtered: it is incomplete by design",
                    Location(sec.file, sec.offset + 1),
                )
            )
        gk = (sec.group, str(Path(sec.file).parent))
        groups.setdefault(gk, []).append((sec, result))
        named[gk] = named.get(gk, False) or sec.named

    states: dict[str, SwitchState] = {}
    for gkey, items in groups.items():
        group = gkey[0]
        vendors = {s.match.command.vendor for s, _ in items}  # type: ignore[union-attr]
        vendor = items[0][0].match.command.vendor  # type: ignore[union-attr]
        if len(vendors) > 1:
            findings.append(
                MixedVendorCapture.make(
                    f"capture {group!r} mixes {' and '.join(sorted(vendors))} commands",
                    Location(items[0][0].file),
                    subject=group,
                )
            )
        state = SwitchState(SwitchIdentity(name=group), vendor=vendor)
        seen_cmds: dict[tuple, str] = {}
        for sec, result in items:
            m = sec.match
            assert m is not None
            key = (m.command.name, m.vsan, m.extra)
            if key in seen_cmds:
                findings.append(
                    DuplicateCommandOutput.make(
                        f"`{m.command.name}` captured twice for {group!r} (also in "
                        f"{seen_cmds[key]}); the later one is used",
                        Location(sec.file, sec.offset + 1),
                        subject=group,
                    )
                )
            seen_cmds[key] = f"{sec.file}:{sec.offset + 1}"
            fed = _Recorder(state.seen)
            state.seen = fed
            try:
                FEEDS[m.command.feeds](state, result, _Ctx(m, sec.file, findings, shared))
            finally:
                state.seen = dict(fed)
            for name in sorted(
                fed.touched
            ):  # a later complete output of the same input replaces it
                if sec in damaged:
                    state.cut[name] = sec.file
                else:
                    state.cut.pop(name, None)
        name = state.identity.name or group
        state.identity.name = name
        if name == group and not named[gkey] and "identity" not in state.seen:
            findings.append(
                SwitchNotIdentified.make(
                    f"no output names this switch; it is called {group!r} after its folder or file",
                    Location(items[0][0].file),
                    subject=group,
                )
            )
        _finish(state, findings, items[0][0].file)
        if name not in states:
            states[name] = state
        elif _same_folder(states[name], state):
            _merge_into(states[name], state)
        else:
            _twice(states[name], state, findings, items[0][0].file)
    return states


def _shift(f: Finding, offset: int) -> Finding:
    loc = f.location
    if loc is None or loc.line is None:
        return f
    return f.with_location(Location(loc.file, loc.line + offset, loc.col))


def _merge_into(dst: SwitchState, src: SwitchState) -> None:
    """Two groups turned out to be the same switch (folder name and switchshow name)."""
    for v, z in src.zoning.items():
        mine = dst.zoning_for(v)
        mine.defined = z.defined or mine.defined
        mine.effective = z.effective or mine.effective
        mine.status = z.status or mine.status
    dst.device_aliases.update(src.device_aliases)
    for login in src.logins.values():
        dst.add_login(login)
    dst.ports.update(src.ports)
    dst.fabric = src.fabric or dst.fabric
    dst.isls = src.isls or dst.isls
    dst.transaction = src.transaction or dst.transaction
    dst.cfgsize = src.cfgsize or dst.cfgsize
    dst.device_alias_status = src.device_alias_status or dst.device_alias_status
    dst.vsans.update(src.vsans)
    dst.seen.update(src.seen)
    dst.cut.update(src.cut)
    dst.complete = dst.complete and src.complete


def _finish(state: SwitchState, findings: list[Finding], file: str) -> None:
    """Cross-checks between outputs, and logins tied to ports and the switch's name."""
    # a login may name its port by the port's index (a name server's "Port Index")
    by_index = {str(p.index): p for p in state.ports.values() if p.index is not None}
    for login in state.logins.values():
        if login.remote:
            continue
        if login.switch is None:
            login.switch = state.name
        if login.port is not None:
            port = state.ports.get(login.port) or by_index.get(login.port)
            if port is not None:
                login.port = port.name
                if login.wwpn not in port.wwpns:
                    port.wwpns.append(login.wwpn)
    # the zone server's counts (per VSAN) vs the zoning listed
    for vsan, z in state.zoning.items():
        st = z.status
        eff = z.effective
        if eff is not None and eff.effective is None and eff.zones:
            # zones in effect read without their zoneset's name (show zone active): the
            # zone status names it; without it the configuration in effect is not known
            name = st.active_zoneset if st is not None else None
            if name:
                eff.effective = name
                eff.configs[name] = list(eff.zones)
            else:
                eff.complete = False
        if st is None:
            continue
        if (
            z.effective is not None
            and st.active_zones is not None
            and z.effective.effective == st.active_zoneset
            and len(z.effective.zones) != st.active_zones
        ):
            findings.append(
                CountMismatch.make(
                    f"vsan {vsan}: the zone status counts {st.active_zones} active zones, "
                    f"the active zone set lists {len(z.effective.zones)}",
                    Location(z.effective.source or file),
                    subject=f"vsan {vsan}",
                )
            )
            z.effective = copied(z.effective, complete=False)  # it may be shared
        if (
            z.defined is not None
            and st.full_zones is not None
            and f"zones:{vsan}" in state.seen
            and len(z.defined.zones) != st.full_zones
        ):
            findings.append(
                CountMismatch.make(
                    f"vsan {vsan}: the zone status counts {st.full_zones} zones, "
                    f"the zone list has {len(z.defined.zones)}",
                    Location(z.defined.source or file),
                    subject=f"vsan {vsan}",
                )
            )
            z.defined = copied(z.defined, complete=False)


# --------------------------------------------------------------------------- feeds


def _merge_db(old: ZoneDb | None, new: ZoneDb, replace: bool, ctx: _Ctx) -> ZoneDb:
    """``new`` (``replace``), or ``old`` with ``new``'s entries added: a new database, built
    once per pair (both may be shared by several switches, see :data:`SHARED_FEEDS`)."""
    if old is None or replace:
        return new

    def merged() -> ZoneDb:
        return ZoneDb(
            aliases={**old.aliases, **new.aliases},
            zones={**old.zones, **new.zones},
            configs={**old.configs, **new.configs},
            effective=new.effective or old.effective,
            member_names={**old.member_names, **new.member_names},
            fcids={**old.fcids, **new.fcids},
            complete=old.complete and new.complete,
            source=old.source,
        )

    return ctx.shared.merge(("merge", old, new), merged)


def _incomplete(db: ZoneDb, ctx: _Ctx) -> ZoneDb:
    """``db`` marked incomplete (a copy: ``db`` may be shared)."""
    if not db.complete:
        return db
    return ctx.shared.merge(("incomplete", db), lambda: copied(db, complete=False))


def _feed_zoning(state: SwitchState, res: Any, ctx: _Ctx) -> None:
    z = state.zoning_for(FABRIC_KEY)
    whole = res.whole and not ctx.match.partial and not ctx.match.filtered
    if res.defined is not None:
        defined = res.defined if whole else _incomplete(res.defined, ctx)
        z.defined = _merge_db(z.defined, defined, whole, ctx)
        state.seen["zoning_defined"] = ctx.source
    if res.effective is not None:
        effective = _incomplete(res.effective, ctx) if ctx.match.filtered else res.effective
        z.effective = _merge_db(z.effective, effective, not ctx.match.filtered, ctx)
        state.seen["zoning_effective"] = ctx.source


def _feed_aliases(state: SwitchState, res: Any, ctx: _Ctx) -> None:
    z = state.zoning_for(FABRIC_KEY)
    if res.defined is None:
        return
    if z.defined is None:
        z.defined = ZoneDb(source=ctx.source, complete=False)
    old = z.defined
    z.defined = ctx.shared.merge(
        ("aliases", old, res.defined),
        lambda: copied(old, aliases={**old.aliases, **res.defined.aliases}),
    )
    state.seen["aliases"] = ctx.source


def _feed_logins(state: SwitchState, res: list[Login], ctx: _Ctx) -> None:
    """Merge logins. A command with ``remote_logins`` (a fabric-wide name server) makes its
    logins remote unless a command of this switch's own logins names them too."""
    remote = ctx.match.command.remote_logins
    for login in res:
        if remote:
            login.remote = True
        got = state.add_login(login)
        if not login.remote:
            got.remote = False
    state.seen["remote_logins" if remote else "logins"] = ctx.source


def _feed_identity_ports(state: SwitchState, res: Any, ctx: _Ctx) -> None:
    _merge_identity(state.identity, res.identity)
    for p in res.ports:
        state.ports[p.name] = p
    if res.identity.name:
        state.seen["identity"] = ctx.source
    state.seen["ports"] = ctx.source
    if ctx.match.fid is not None and state.identity.fid is None:
        state.identity.fid = ctx.match.fid


def _merge_identity(dst: SwitchIdentity, src: SwitchIdentity) -> None:
    for name in SwitchIdentity.__slots__:
        v = getattr(src, name)
        if v not in (None, ""):
            setattr(dst, name, v)


def _feed_fabric(state: SwitchState, res: Any, ctx: _Ctx) -> None:
    state.fabric = res.members
    if res.fabric_name:
        state.identity.fabric_name = res.fabric_name
    state.seen["fabric"] = ctx.source


def _feed_transaction(state: SwitchState, res: Any, ctx: _Ctx) -> None:
    if res is not None:
        state.transaction = res
        state.seen["transaction"] = ctx.source


def _feed_cfgsize(state: SwitchState, res: Any, ctx: _Ctx) -> None:
    if res is not None:
        state.cfgsize = res
        state.seen["cfgsize"] = ctx.source


def _feed_isls(state: SwitchState, res: Any, ctx: _Ctx) -> None:
    # one output per VSAN (`show topology vsan 10`, then `vsan 20`) adds to the others; an
    # output listing a VSAN already read replaces that VSAN's ISLs
    listed = {isl.vsan for isl in res}
    state.isls = [isl for isl in state.isls if listed and isl.vsan not in listed] + list(res)
    state.seen["isls"] = ctx.source


def _feed_vsan_effective(state: SwitchState, res: dict[int, ZoneDb], ctx: _Ctx) -> None:
    for vsan, db in res.items():
        z = state.zoning_for(vsan)
        z.effective = _merge_db(z.effective, db, not ctx.match.filtered, ctx)
        state.seen[f"zoning_effective:{vsan}"] = ctx.source
    state.seen["zoning_effective"] = ctx.source


def _feed_vsan_defined(state: SwitchState, res: dict[int, ZoneDb], ctx: _Ctx) -> None:
    for vsan, db in res.items():
        z = state.zoning_for(vsan)
        z.defined = _merge_db(z.defined, db, False, ctx)
        state.seen[f"zoning_defined:{vsan}"] = ctx.source
    state.seen["zoning_defined"] = ctx.source


def _feed_vsan_zones(state: SwitchState, res: dict[int, ZoneDb], ctx: _Ctx) -> None:
    _feed_vsan_defined(state, res, ctx)
    for vsan in res:
        state.seen[f"zones:{vsan}"] = ctx.source


def _feed_zone_status(state: SwitchState, res: dict, ctx: _Ctx) -> None:
    for vsan, st in res.items():
        state.zoning_for(vsan).status = st
    state.seen["zone_status"] = ctx.source


def _feed_device_aliases(state: SwitchState, res: dict[str, str], ctx: _Ctx) -> None:
    state.device_aliases.update(res)
    state.seen["device_aliases"] = ctx.source


def _feed_device_alias_status(state: SwitchState, res: Any, ctx: _Ctx) -> None:
    state.device_alias_status = res
    state.seen["device_alias_status"] = ctx.source


def _feed_ports(state: SwitchState, res: list[Port], ctx: _Ctx) -> None:
    for p in res:
        state.ports[p.name] = p
    state.seen["ports"] = ctx.source


def _feed_port_channels(
    state: SwitchState, res: dict[str, list[tuple[str, str]]], ctx: _Ctx
) -> None:
    """Each member port learns its port-channel (the Port Channel column of ``show interface
    brief`` says the same); a member the port table did not list is added with its state.
    Not the port table itself: ``seen["ports"]`` stays as it was."""
    for channel, members in res.items():
        number = channel.rpartition("channel")[2]
        for name, status in members:
            port = state.ports.get(name)
            if port is None:
                port = state.ports[name] = Port(name, state=status)
            port.port_channel = number
    state.seen["port_channels"] = ctx.source


def _feed_vsans(state: SwitchState, res: dict[int, Vsan], ctx: _Ctx) -> None:
    for n, v in res.items():
        old = state.vsans.get(n)
        if old is not None and not v.interfaces:
            v.interfaces = old.interfaces
        state.vsans[n] = v
    state.seen["vsans"] = ctx.source


def _feed_vsan_membership(state: SwitchState, res: dict[int, list[str]], ctx: _Ctx) -> None:
    for n, ifaces in res.items():
        state.vsans.setdefault(n, Vsan(n)).interfaces = ifaces
    state.seen["vsan_membership"] = ctx.source


def _feed_running_config(state: SwitchState, res: Any, ctx: _Ctx) -> None:
    for vsan, db in res.defined.items():
        z = state.zoning_for(vsan)
        z.defined = _merge_db(z.defined, db, not ctx.match.filtered, ctx)
    for vsan, db in res.effective.items():
        z = state.zoning_for(vsan)
        z.effective = _merge_db(z.effective, db, not ctx.match.filtered, ctx)
    for vsan, st in res.status.items():
        z = state.zoning_for(vsan)
        if z.status is None:
            z.status = st
        else:
            z.status.smart_zoning = st.smart_zoning
    state.device_aliases.update(res.device_aliases)
    for n, v in res.vsans.items():
        state.vsans.setdefault(n, v)
    state.seen["running_config"] = ctx.source


def _feed_port_names(state: SwitchState, res: dict[str, str], ctx: _Ctx) -> None:
    state.port_names.update(res)
    state.seen["port_names"] = ctx.source


def _feed_switchname(state: SwitchState, res: str | None, ctx: _Ctx) -> None:
    if res:
        state.identity.name = res
        state.seen["identity"] = ctx.source


def _feed_firmware(state: SwitchState, res: Any, ctx: _Ctx) -> None:
    if res is None:
        return
    if res.firmware:
        state.identity.firmware = res.firmware
    if res.model and not state.identity.model:
        state.identity.model = res.model
    if res.name and "identity" not in state.seen:
        state.identity.name = res.name
    state.seen["firmware"] = ctx.source


#: feed (:class:`zoneplan.packs.Feed`, as commands.yaml writes it) → applier
#: ``(state, result, ctx)``
FEEDS: dict[str, Callable[[SwitchState, Any, _Ctx], None]] = {
    "zoning": _feed_zoning,
    "aliases": _feed_aliases,
    "logins": _feed_logins,
    "identity_ports": _feed_identity_ports,
    "fabric": _feed_fabric,
    "transaction": _feed_transaction,
    "cfgsize": _feed_cfgsize,
    "isls": _feed_isls,
    "zoning_effective": _feed_vsan_effective,
    "zoning_defined": _feed_vsan_defined,
    "zoning_zones": _feed_vsan_zones,
    "zone_status": _feed_zone_status,
    "device_aliases": _feed_device_aliases,
    "device_alias_status": _feed_device_alias_status,
    "ports": _feed_ports,
    "vsans": _feed_vsans,
    "vsan_membership": _feed_vsan_membership,
    "running_config": _feed_running_config,
    "switchname": _feed_switchname,
    "firmware": _feed_firmware,
    "port_names": _feed_port_names,
    "port_channels": _feed_port_channels,
}
