"""How switch CLIs look in a terminal: every pack's prompts, pagers, refusals and error lines.

Why one place: the capture reader cuts logs at prompt lines, every parser cleans pager prompts
and reports error lines, and the SSH adapter quits pagers and spots refused commands. They
read the same patterns, written once per vendor in ``vendors/<pack>/commands.yaml`` (``cli:``)
and compiled here. Patterns that recognise text combine every pack's: a saved log names no
vendor until one of its commands is recognised, and a pager is quit whichever switch printed it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..packs import VendorPack, VendorPackError, all_packs, vendors_dir

__all__ = ["Terminal", "terminal", "shell_prompt", "SESSION_END", "LOG_HEADER"]


@dataclass(frozen=True)
class Terminal:
    """The combined CLI patterns of the installed packs."""

    #: a prompt line followed by a command (multi-line mode); groups ``h0``, ``h1``… hold the
    #: switch name of pack 0, 1… and ``command`` the command
    prompt_line: re.Pattern[str]
    #: a pager prompt anywhere in a line, with the blanks around it; group ``p<i>`` per pager
    pager: re.Pattern[str]
    #: a pager prompt at the end of a text (what a live session waits on)
    pager_at_end: re.Pattern[str]
    pager_quits: tuple[str, ...]
    #: a literal every pager prompt contains: a C-speed ``in`` test before the regex
    pager_markers: tuple[str, ...]
    #: one character of each pager marker (a cheaper test before the marker's)
    pager_probes: tuple[str, ...]
    #: a whole line the switch prints instead of a refused command's output (multi-line mode)
    rejection: re.Pattern[str]
    #: matched at the start of a stripped, lower-cased line: a switch's error message
    error_line: re.Pattern[str]
    command_words: tuple[str, ...]
    abbreviations: dict[str, str]
    harmless_filters: frozenset[str]
    #: wrappers that run a command in a logical switch (groups ``fid`` and ``command``)
    contexts: tuple[re.Pattern[str], ...]
    #: a whole line that is only a prompt (``sw1:admin>``, ``MDS-1#``, ``sw(config)# ``)
    bare_prompt: re.Pattern[str]
    #: a console message line (RASlog, syslog), possibly after a prompt (``fullmatch``)
    console_message: re.Pattern[str]
    #: a literal every console message contains: a C-speed ``in`` test before the regex
    console_markers: tuple[str, ...]
    console_probes: tuple[str, ...]

    def host(self, m: re.Match[str]) -> str | None:
        """The switch name a ``prompt_line`` match carries, if any."""
        for name, value in m.groupdict().items():
            if value is not None and name != "command":
                return value
        return None

    def looks_like_command(self, cmd: str) -> bool:
        """True when ``cmd`` starts like a command of some pack (after a prompt)."""
        return cmd.lstrip().lower().startswith(self.command_words)

    def is_error_line(self, line: str) -> bool:
        """True for a switch's error message (an unknown command, a refusal, a shell error)."""
        s = line.strip().lower()
        return bool(s) and self.error_line.match(s) is not None

    def pager_spans(self, line: str) -> list[tuple[int, int]]:
        """Where pager prompts are in ``line``, each with the blanks around it.

        Linear in the line: a pager prompt contains its pack's marker, so the pattern is only
        tried in a window around each marker, never from every position of the line (a
        pattern such as ``-+\\s*More`` tried at each dash of a long run of dashes, or
        ``\\s*`` at each blank of a long run of blanks, is quadratic).
        """
        spans: list[tuple[int, int]] = []
        hits = sorted({i for mk in self.pager_markers for i in _occurrences(line, mk)})
        done = 0
        for pos in hits:
            if pos < done:
                continue
            lo = max(done, pos - _PAGER_WINDOW)
            m = self.pager.search(line, lo, min(len(line), pos + _PAGER_WINDOW))
            if m is None or m.start() > pos:
                continue
            start, end = m.start(), m.end()
            while start > done and line[start - 1].isspace():
                start -= 1
            while end < len(line) and line[end].isspace():
                end += 1
            spans.append((start, end))
            done = end
        return spans

    def strip_pagers(self, line: str, by: str = " ") -> str:
        """``line`` with every pager prompt (and the blanks around it) replaced by ``by``."""
        out, at = [], 0
        for start, end in self.pager_spans(line):
            out += [line[at:start], by]
            at = end
        return "".join(out) + line[at:]

    def strip_pager_at_end(self, text: str) -> str:
        """``text`` without a pager prompt at its end (only the end is searched: a live
        session quits a pager it saw there)."""
        head, tail = text[:-_PAGER_WINDOW], text[-_PAGER_WINDOW:]
        return head + self.pager_at_end.sub("", tail)

    def quit_for(self, m: re.Match[str]) -> str:
        """What quits the pager a ``pager``/``pager_at_end`` match found."""
        name = m.lastgroup or "p0"
        return self.pager_quits[int(name[1:])]


#: lines that end a terminal session, whatever the switch: the shell's ``exit``/``logout``, the
#: ssh and telnet clients' goodbyes (OpenSSH ``Connection to HOST closed.``, telnet
#: ``Connection closed by foreign host.``)
SESSION_END = re.compile(
    r"(?:exit|logout|quit|Connection to \S+ closed(?: by remote host)?\.?|"
    r"Connection closed by foreign host\.?|Script done(?: on .*)?|Session stopped)",
    re.IGNORECASE,
)
#: the header line a terminal program writes at the top of a session log: PuTTY ("Logging"
#: settings, "All session output"): ``=~=~=~=~=~=~=~=~=~=~=~= PuTTY log 2013.04.30 11:21:39
#: =~=~=~=~=~=~=~=~=~=~=~=`` (ttrnecka/brocadesan test/outputs/putty.log); script(1):
#: ``Script started on 2025-07-01 20:07:11-04:00 [TERM="xterm-256color" TTY="/dev/pts/4"
#: COLUMNS="257" LINES="23"]`` (util-linux 2.35+; older and BSD script print the date in the
#: locale's format, ``Script started on Tue 30 Jan 2024 11:21:39 AM UTC``), whose log ends
#: with ``Script done on <date> [COMMAND_EXIT_CODE="0"]`` (:data:`SESSION_END`). SecureCRT
#: writes a header only when one is configured ("Custom log data"), so it has no fixed form.
LOG_HEADER = re.compile(r"=~=~=~.*PuTTY log .*|Script started(?: on .*)?", re.IGNORECASE)


def _probe(marker: str) -> str:
    """The character of a marker least likely in ordinary output (punctuation before letters)."""
    for ch in marker:
        if not ch.isalnum() and not ch.isspace():
            return ch
    return marker[0]


#: characters searched on each side of a pager marker (pager prompts are one short line)
_PAGER_WINDOW = 256


def _occurrences(line: str, marker: str) -> list[int]:
    out, i = [], line.find(marker)
    while i >= 0:
        out.append(i)
        i = line.find(marker, i + 1)
    return out


def _alternation(parts: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in parts) or "(?!)"


def _prompt(pack: VendorPack, host_group: str | None) -> str:
    p = pack.commands.cli.prompt
    host = f"(?P<{host_group}>{p.host})?" if host_group else p.host
    return f"{host}{p.qualifiers}{p.end}"


@cache
def _compile(root: Path) -> Terminal:
    packs = all_packs()
    clis = [p.commands.cli for p in packs]
    prompts = [f"(?:{_prompt(p, f'h{i}')})" for i, p in enumerate(packs)]
    bare = [
        f"(?:(?:{p.commands.cli.prompt.host})?{p.commands.cli.prompt.qualifiers}"
        f"{p.commands.cli.prompt.end})"
        for p in packs
    ]
    pagers = [pg for c in clis for pg in c.pagers]
    pager_alt = "|".join(f"(?P<p{i}>{pg.prompt})" for i, pg in enumerate(pagers)) or "(?!)"
    abbreviations: dict[str, str] = {}
    for pack in packs:
        for short, word in pack.commands.cli.abbreviations.items():
            if abbreviations.setdefault(short, word) != word:
                raise VendorPackError(
                    f"{pack.id}: abbreviation {short!r} means {abbreviations[short]!r} in "
                    f"another pack; a saved log could not be read unambiguously"
                )
    return Terminal(
        prompt_line=re.compile(
            rf"^(?:{'|'.join(prompts) or '(?!)'})[ \t]*(?P<command>\S[^\n]*)$", re.MULTILINE
        ),
        pager=re.compile(rf"\s*(?:{pager_alt})\s*"),
        pager_at_end=re.compile(rf"(?:{pager_alt})\s*$"),
        pager_quits=tuple(pg.quit for pg in pagers),
        pager_markers=tuple(sorted({pg.marker for pg in pagers})),
        pager_probes=tuple(sorted({_probe(pg.marker) for pg in pagers})),
        rejection=re.compile(
            rf"^(?:{_alternation([r for c in clis for r in c.rejections])})$", re.MULTILINE
        ),
        error_line=re.compile(_alternation([e for c in clis for e in c.error_lines])),
        command_words=tuple(sorted({w.lower() for c in clis for w in c.command_words})),
        abbreviations=abbreviations,
        harmless_filters=frozenset(f.lower() for c in clis for f in c.harmless_filters),
        contexts=tuple(re.compile(c.context) for c in clis if c.context),
        bare_prompt=re.compile(rf"(?:{'|'.join(bare) or '(?!)'})[ \t]*"),
        console_message=re.compile(
            rf"(?:(?:{'|'.join(bare) or '(?!)'})[ \t]*)?"
            rf"(?:{_alternation([m.pattern for c in clis for m in c.console_messages])})"
        ),
        console_markers=tuple(sorted({m.marker for c in clis for m in c.console_messages})),
        console_probes=tuple(sorted({_probe(m.marker) for c in clis for m in c.console_messages})),
    )


def terminal() -> Terminal:
    """The patterns of the packs in the current vendors folder (compiled once per folder)."""
    return _compile(vendors_dir())


@cache
def shell_prompt(pack: VendorPack) -> re.Pattern[str]:
    """The prompt closing a shell buffer of one pack's switch (``mds1#``): group 1 is it."""
    return re.compile(rf"(?:^|\n)({_prompt(pack, None)}) ?$")
