"""Shared pieces of the line parsers: cleaning terminal damage, prompts, member spelling.

Why one cleaning step before every parser: CRLF, ANSI escapes, pager prompts and error lines
look the same in every command's output; cleaning them once (and only when the text contains
them, a C-speed ``in`` test) keeps the per-command loops small and fast, and reports each kind of
damage with the same code.
"""

from __future__ import annotations

import functools
import gc
import re
from typing import Callable, TypeVar

from ..findings import Finding, Location
from ..rules.capture import (
    AnsiEscapeInOutput,
    ConsoleMessageInOutput,
    CrlfLineEndings,
    FilteredOutput,
    PagingPromptInOutput,
    SwitchErrorInOutput,
    TruncatedOutput,
    UnrecognisedLine,
    WrappedLineRejoined,
)
from ..wwn import WwnError, normalize_wwn
from .terminal import LOG_HEADER, SESSION_END, Terminal, terminal

ParseResult = tuple[object, list[Finding]]
_F = TypeVar("_F", bound=Callable)


def gc_paused(fn: _F) -> _F:
    """Run a parser with the cyclic GC off: it builds many small objects and frees none, so
    generation-0 collections would only rescan survivors (~20 % of a 1 MB parse)."""

    @functools.wraps(fn)
    def run(text: str, source: str):  # noqa: ANN202
        if not gc.isenabled():
            return fn(text, source)
        gc.disable()
        try:
            return fn(text, source)
        finally:
            gc.enable()

    return run  # type: ignore[return-value]


_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][A-Za-z0-9]|\x1b[=>78]")
_NAME_OK = re.compile(r"^[A-Za-z0-9_$^\-.]+$")
_DI = re.compile(r"^\d{1,3},\d{1,4}$")


class Text:
    """Cleaned text of one output, its lines, and what the cleaning found.

    ``lines`` is split from ``text`` when first asked for: a parser that reads the text whole
    (cfgshow) never pays for a list of 40,000 lines.
    """

    __slots__ = ("text", "findings", "command", "filtered", "paged_at_end", "ended", "_lines")

    def __init__(self, text: str, findings: list[Finding]) -> None:
        self.text = text  #: the cleaned text (prompt lines blanked, line count kept)
        self.findings = findings
        self.command: str | None = None  #: the command of an echoed prompt line, if any
        self.filtered = False  #: the command was piped through a filter
        self.paged_at_end = False
        #: the output is followed by the switch's prompt (or the session's end): its last
        #: line is complete, whatever it looks like
        self.ended = False
        self._lines: list[str] | None = None

    @property
    def lines(self) -> list[str]:
        got = self._lines
        if got is None:
            got = self._lines = self.text.split("\n")
            if got and got[-1] == "":
                got.pop()
        return got

    def set_lines(self, lines: list[str]) -> None:
        """Replace the lines (same count); the text follows."""
        self._lines = lines
        self.text = "\n".join(lines) + "\n"

    def blank(self, start: int, end: int) -> None:
        """Blank ``text[start:end]`` (one line's content, its line end kept)."""
        self.text = self.text[:start] + self.text[end:]
        self._lines = None


def loc(source: str, line: int | None) -> Location:
    return Location(source, line)


def prepare(text: str, source: str) -> Text:
    """Clean ``text``, repairing and reporting terminal damage; the lines keep their numbers.

    A leading prompt line (``> cfgshow``) is blanked (kept as an empty line so numbers stay
    file line numbers) and its command remembered, so a filtered command can be reported. What
    follows the output in a terminal log is blanked too and marks the output as ended: a bare
    prompt (``sw1:root>``, ``MDS-1#``), the next command typed with nothing after it, ``exit``,
    ``logout``, an ssh/telnet client's goodbye. Console messages (RASlog, syslog) anywhere are
    blanked with a note; so is a PuTTY log header. Every probe is a C-level substring test;
    the line-by-line work runs only where a probe hits.
    """
    findings: list[Finding] = []
    if "\r" in text:
        first = text.count("\n", 0, text.index("\r")) + 1
        findings.append(CrlfLineEndings.make("CR/CRLF line endings normalised", loc(source, first)))
        text = _line_ends(text)
    if "\x1b" in text or "\x08" in text or "\x07" in text:
        first_at = min(i for i in (text.find(c) for c in "\x1b\x08\x07") if i >= 0)
        findings.append(
            AnsiEscapeInOutput.make(
                "terminal escapes/backspaces removed",
                loc(source, text.count("\n", 0, first_at) + 1),
            )
        )
        text = _ANSI.sub("", text).replace("\x07", "")
        if "\x08" in text:
            text = "\n".join(_apply_backspaces(x) for x in text.split("\n"))
    out = Text(text, findings)
    term = terminal()
    if _probe(text, term.pager_probes, term.pager_markers):
        _strip_pager(out, source, term)
    if _probe(text, term.console_probes, term.console_markers):
        _strip_console(out, source, term)
    if "=~=~=" in text[:400] or "cript started" in text[:400]:
        lines = out.lines
        for i, line in enumerate(lines[:3]):
            if LOG_HEADER.fullmatch(line.strip()):
                lines[i] = ""
                out.set_lines(lines)
    _strip_session_end(out, term)
    _echoed_prompt(out, source, term)
    return out


def _probe(text: str, probes: tuple[str, ...], markers: tuple[str, ...]) -> bool:
    """A marker is in ``text``: a one-character probe first (a C scan ~10x cheaper than a
    multi-character search), the marker itself only when the probe hits."""
    return any(p in text for p in probes) and any(m in text for m in markers)


def _echoed_prompt(out: Text, source: str, term: Terminal) -> None:
    """The echoed prompt line of the command, if the first line with text is one."""
    text = out.text
    idx = len(text) - len(text.lstrip())
    if idx >= len(text):
        return
    start = text.rfind("\n", 0, idx) + 1
    end = text.find("\n", idx)
    end = len(text) if end < 0 else end
    line = text[start:end]
    m = term.prompt_line.match(line)
    if not (m and term.looks_like_command(m.group("command"))):
        return
    out.command = m.group("command").strip()
    lineno = text.count("\n", 0, start) + 1
    out.blank(start, end)
    pipe = out.command.partition("|")[2].strip().lower()
    if pipe and pipe not in term.harmless_filters:  # `| more`, `| no-more` filter nothing
        out.filtered = True
        out.findings.append(
            FilteredOutput.make(
                f"output of `{out.command}` is filtered: it is incomplete by design",
                loc(source, lineno),
            )
        )


_CR_RUN = re.compile(r"\r+\n")


def _line_ends(text: str) -> str:
    """CRLF (and CR CR LF) → LF; bare CRs: line ends when the text has no LF at all (classic
    Mac), else a terminal redraw inside a line: each visible piece becomes a line of its own
    (an erased pager prompt or blank overdraw leaves nothing; nothing printed is lost)."""
    text = _CR_RUN.sub("\n", text)
    if "\r" not in text:
        return text
    if "\n" not in text:
        return text.replace("\r", "\n")
    return "\n".join(_after_cr(x) if "\r" in x else x for x in text.split("\n"))


def _after_cr(line: str) -> str:
    term = terminal()
    parts = [p for p in line.split("\r") if _visible(term, p)]
    return "\n".join(parts)


def _visible(term: Terminal, piece: str) -> bool:
    """A piece of a line between carriage returns prints something other than a pager
    prompt (NX-OS erases its reverse-video ``--More--`` with CR + erase-to-end-of-line:
    what is left of the prompt is escape codes only)."""
    if "\x1b" in piece:
        piece = _ANSI.sub("", piece)
    return bool(piece.strip() and term.strip_pagers(piece, "").strip())


def _strip_console(out: Text, source: str, term: Terminal) -> None:
    """Blank console messages (a prompt before one included); one note for all of them."""
    lines = out.lines
    markers = term.console_markers
    first = 0
    count = 0
    for i, line in enumerate(lines):
        if any(m in line for m in markers) and term.console_message.fullmatch(line.strip()):
            lines[i] = ""
            count += 1
            first = first or i + 1
    if count:
        out.findings.append(
            ConsoleMessageInOutput.make(
                f"{count} console message line(s) (switch log) skipped",
                loc(source, first),
            )
        )
        out.set_lines(lines)


def _strip_session_end(out: Text, term: Terminal) -> None:
    """Blank what follows the output at its end (prompts, exit, goodbyes); mark it ended."""
    text = out.text
    end = len(text.rstrip())
    first = len(text) - len(text.lstrip())
    while end > first:
        start = text.rfind("\n", 0, end) + 1
        s = text[start:end].strip()
        if not (term.bare_prompt.fullmatch(s) or SESSION_END.fullmatch(s)):
            m = term.prompt_line.match(text[start:end])
            cmd = m.group("command").strip() if m else ""
            if start <= first or not (term.looks_like_command(cmd) or SESSION_END.fullmatch(cmd)):
                break
        text = text[:start] + text[end:]
        out.ended = True
        end = len(text[:start].rstrip())
    if out.ended:
        out.text = text
        out._lines = None


def _first_content(lines: list[str]) -> int:
    for i, line in enumerate(lines):
        if line.strip():
            return i
    return -1


def _looks_like_command(cmd: str) -> bool:
    return terminal().looks_like_command(cmd)


def _apply_backspaces(line: str) -> str:
    if "\x08" not in line:
        return line
    buf: list[str] = []
    for ch in line:
        if ch == "\x08":
            if buf:
                buf.pop()
        else:
            buf.append(ch)
    return "".join(buf)


def _strip_pager(out: Text, source: str, term: Terminal) -> None:
    lines = out.lines
    markers = term.pager_markers
    last_content = max((i for i, x in enumerate(lines) if x.strip()), default=-1)
    for i, line in enumerate(lines):
        if any(marker in line for marker in markers) and term.pager_spans(line):
            out.findings.append(
                PagingPromptInOutput.make(
                    "pager prompt in output: what followed it may be missing", loc(source, i + 1)
                )
            )
            cleaned = term.strip_pagers(line)
            # keep the line's own indentation when the prompt sat at its start
            lines[i] = cleaned if cleaned.strip() else ""
            if i == last_content and not cleaned.strip():
                out.paged_at_end = True
                out.findings.append(
                    TruncatedOutput.make("output stops at a pager prompt", loc(source, i + 1))
                )
    out.set_lines(lines)


def is_error_line(line: str) -> bool:
    """True for a switch's error message (each pack's ``cli.error_lines``)."""
    return terminal().is_error_line(line)


def other_line(line: str, lineno: int, source: str, findings: list[Finding], what: str) -> None:
    """Report a line the parser did not expect: an error message or an unknown line."""
    if is_error_line(line):
        findings.append(
            SwitchErrorInOutput.make(
                f"switch error in {what} output: {line.strip()[:120]}", loc(source, lineno)
            )
        )
    else:
        findings.append(
            UnrecognisedLine.make(
                f"unrecognised line in {what} output: {line.strip()[:120]!r}", loc(source, lineno)
            )
        )


def norm_member(token: str) -> str | None:
    """A zone/alias member in its canonical spelling, or None when it is not a valid member."""
    if ":" in token:
        return fast_wwn(token)
    if "," in token:
        return token if _DI.fullmatch(token) else None
    if token.isascii() and token.replace("_", "").isalnum():  # the common case, no regex
        return token
    return token if _NAME_OK.fullmatch(token) else None


def after(s: str, sep: str = ":") -> str:
    """What follows the first ``sep`` in ``s``, stripped; "" when there is none (cut lines)."""
    k = s.find(sep)
    return s[k + len(sep) :].strip() if k >= 0 else ""


def word_after(words: list[str], word: str) -> str | None:
    """The word following ``word`` in ``words``, or None when absent or last."""
    try:
        k = words.index(word)
    except ValueError:
        return None
    return words[k + 1] if k + 1 < len(words) else None


def wwn_or_none(token: str) -> str | None:
    try:
        return normalize_wwn(token)
    except WwnError:
        return None


def to_int(token: str | None) -> int | None:
    if token is None:
        return None
    try:
        return int(token)
    except ValueError:
        return None


_COLONS = ":::::::"


def fast_wwn(token: str) -> str | None:
    """``normalize_wwn`` for the colon form switches print, ~5x cheaper; others fall back."""
    if len(token) == 23 and token[2::3] == _COLONS:
        low = token.lower()
        try:
            bytes.fromhex(low.replace(":", ""))
        except ValueError:
            return None
        return low
    return wwn_or_none(token)


def bulk_wwns(tokens: list[str]) -> list[str] | None:
    """Lower-case and check many colon-form WWNs in a few C-level passes.

    Returns None when any token is not a canonical-layout WWN; the caller then checks them one
    by one to say which (the slow path runs only on bad input).
    """
    if not tokens:
        return []
    joined = "\n".join(tokens).lower() + "\n"
    n = len(tokens)
    if len(joined) != 24 * n or joined[2::3] != ":::::::\n" * n:
        return None
    try:
        bytes.fromhex(joined.replace(":", " ").replace("\n", " "))
    except ValueError:
        return None
    out = joined.split("\n")
    out.pop()
    return out


#: the widths terminals wrap at (80 the default of every terminal, 132 the VT100 wide mode
#: PuTTY/SecureCRT/xterm offer); a line filling one exactly was most likely wrapped there
TERMINAL_WIDTHS = (80, 132)


def wrap_width(line: str) -> int:
    """The terminal width ``line`` fills (its text reaches the last column or nearly, blanks
    after it allowed), or 0: a hard wrap continues such a line on the next one."""
    tail = len(line.rstrip())
    for w in TERMINAL_WIDTHS:
        if w - 16 < tail <= w <= len(line):
            return w
    return 0


def _first_columns(line: str, width: int) -> str:
    """The start of ``line`` that fills ``width`` terminal columns (a TAB runs to the next
    multiple of 8)."""
    if "\t" not in line:
        return line[:width]
    col = 0
    for i, ch in enumerate(line):
        if col >= width:
            return line[:i]
        col = (col // 8 + 1) * 8 if ch == "\t" else col + 1
    return line


def rejoin_wrapped(t: Text, source: str, own_line: Callable[[str], bool], what: str) -> None:
    """Join back the lines a terminal hard-wrapped, in place (line numbers kept).

    A line that fills a terminal's width, followed by a line ``own_line`` does not recognise
    as a line of the output (given as it is, blanks included), is one line the terminal split
    at that column: the two are joined (the continuation's line left blank) and one ZP046 note says
    how many. Without a full-width line before it, an unknown line stays what it is (the
    parser reports it). Linear: one length test per line.
    """
    lines = t.lines
    if not any(len(x) >= 64 for x in lines):
        return
    joined = 0
    first = 0
    k = 0
    while k < len(lines) - 1:
        seg = lines[k]  # the last screen line of lines[k]: a long line wraps more than once
        j = k + 1
        while j < len(lines):
            w = wrap_width(seg.expandtabs(8) if "\t" in seg else seg)
            if not (w and lines[j].strip() and not own_line(lines[j])):
                break
            # the screen line was exactly w columns: blanks a log or a copy added after it go
            head = lines[k][: len(lines[k]) - len(seg)] + _first_columns(seg, w)
            seg = lines[j].rstrip()
            lines[k] = head + seg
            lines[j] = ""  # the line count stays: numbers in findings stay file line numbers
            joined += 1
            first = first or j + 1
            j += 1
        k = j
    if joined:
        t.set_lines(lines)
        t.findings.append(
            WrappedLineRejoined.make(
                f"{joined} line(s) of {what} the terminal wrapped joined back to the line "
                "before (a narrow terminal: widen it for the next capture)",
                loc(source, first),
            )
        )
