"""The command catalogues (``vendors/<pack>/commands.yaml``) and command-line matching.

Why data: what to run on a switch and how to read it is vendor knowledge reviewed by people who
know the CLI; the capture reader and the SSH adapter share it, so adding a command is one YAML
entry and one parser function.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..packs import all_packs, vendors_dir
from . import registry
from .terminal import terminal


@dataclass(frozen=True, slots=True)
class Command:
    """One catalogue entry (``vendors/<pack>/commands.yaml``), as the readers use it."""

    name: str  #: ``cfgshow``, ``show zoneset active``
    vendor: str  #: the pack's vendor word
    parser: str  #: ``vendor.parser``, a key of :func:`zoneplan.parsers.registry`
    feeds: str  #: a :class:`zoneplan.packs.Feed` value
    run: str
    collect: bool = False
    operands: bool = False
    args: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    sniff: re.Pattern[str] | None = None
    per_vsan: bool = False
    remote_logins: bool = False
    required: bool = True
    word_prefixes: bool = False  #: the pack accepts unambiguous prefixes of later words

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.name.split())


@dataclass(frozen=True, slots=True)
class Match:
    """A command line resolved against the catalogue."""

    command: Command
    line: str  #: the command as written
    filtered: bool = False  #: piped through ``| grep`` / ``| include`` …
    partial: bool = False  #: operands narrowed the output to a subset
    vsan: int | None = None
    fid: int | None = None
    extra: tuple[str, ...] = field(default=())


def commands() -> tuple[Command, ...]:
    """Every catalogued command of every pack, in pack then file order (sniffing priority)."""
    return _commands(vendors_dir())


@cache
def _commands(root: Path) -> tuple[Command, ...]:
    registry()  # every parser a catalogue names exists (VendorPackError otherwise)
    out: list[Command] = []
    for pack in all_packs():
        prefixes = pack.commands.cli.word_prefixes
        for name, spec in pack.commands.commands.items():
            out.append(
                Command(
                    name=name,
                    vendor=pack.vendor,
                    parser=f"{pack.vendor}.{spec.parser}",
                    feeds=spec.feeds.value,
                    run=spec.run or name,
                    collect=spec.collect,
                    operands=spec.operands,
                    args=tuple(spec.args),
                    flags=tuple(spec.flags),
                    sniff=re.compile(spec.sniff, re.M) if spec.sniff else None,
                    per_vsan=spec.per_vsan,
                    remote_logins=spec.remote_logins,
                    required=spec.required,
                    word_prefixes=prefixes,
                )
            )
    return tuple(out)


def for_vendor(vendor: str) -> tuple[Command, ...]:
    """The commands of one vendor: what the SSH adapter collects."""
    return tuple(c for c in commands() if c.vendor == vendor)


def _in_context(line: str) -> tuple[str, int | None]:
    """A command wrapped to run in a logical switch: the command and the fabric ID."""
    for context in terminal().contexts:
        m = context.search(line)
        if m:
            return m.group("command"), int(m.group("fid"))
    return line, None


def match(line: str, *, from_filename: bool = False) -> Match | None:
    """Resolve a command line (``sh zoneset active vsan 10 | no-more``) to its catalogue entry.

    Abbreviations (``sh``, ``show run``) are accepted when unambiguous; leftover words must be
    the entry's ``args`` pairs (``vsan 10``), ``flags``, or (``operands: true``) names that
    make the output partial. A file name may end in a copy number (``cfgshow_2``).
    """
    line, fid = _in_context(line)
    main, bar, _ = line.partition("|")
    filtered = bool(bar) and not _harmless_pipe(line)
    words = main.split()
    if not words:
        return None
    words[0] = terminal().abbreviations.get(words[0].lower(), words[0])
    best: tuple[int, int, Command] | None = None
    for cmd in commands():
        cw = cmd.words
        if len(cw) > len(words):
            continue
        if all(_word_ok(cw[k], words[k], k, cmd.word_prefixes) for k in range(len(cw))):
            exact = sum(1 for k in range(len(cw)) if cw[k] == words[k].lower())
            if best is None or (len(cw), exact) > best[:2]:
                best = (len(cw), exact, cmd)
    if best is None:
        return None
    n, _, cmd = best
    rest = words[n:]
    if from_filename and rest and rest[-1].isdecimal() and not _arg_pair_ok(cmd, rest):
        rest = rest[:-1]  # copy number: cfgshow_2.txt
    vsan: int | None = None
    partial = False
    extra: list[str] = []
    k = 0
    while k < len(rest):
        w = rest[k]
        if w in cmd.args and k + 1 < len(rest):
            if w == "vsan":
                vsan = int(rest[k + 1]) if rest[k + 1].isdecimal() else None
            k += 2
            continue
        if w in cmd.flags:
            extra.append(w)
            k += 1
            continue
        if cmd.operands:
            partial = True
            extra.append(w)
            k += 1
            continue
        return None
    return Match(
        cmd, line, filtered=filtered, partial=partial, vsan=vsan, fid=fid, extra=tuple(extra)
    )


def _word_ok(want: str, got: str, k: int, prefixes: bool) -> bool:
    got = got.lower()
    if got == want:
        return True
    # some CLIs accept unambiguous prefixes after the verb (``show run``): the pack says so
    return prefixes and k > 0 and len(got) >= 3 and want.startswith(got)


def _arg_pair_ok(cmd: Command, rest: list[str]) -> bool:
    return len(rest) >= 2 and rest[-2] in cmd.args


def _harmless_pipe(line: str) -> bool:
    """``| no-more`` / ``| more`` do not filter (each pack's ``cli.harmless_filters``)."""
    tail = line.split("|", 1)[1].strip().lower()
    return tail in terminal().harmless_filters


def sniff(text: str) -> Command | None:
    """Recognise an output by its content (first catalogue match in file order)."""
    head = text[:8192]
    for cmd in commands():
        if cmd.sniff is not None and cmd.sniff.search(head):
            return cmd
    return None
