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
from dataclasses import dataclass, field
from typing import Callable, TypeVar

from ..findings import Finding, Location
from ..rules.capture import (
    AnsiEscapeInOutput,
    CrlfLineEndings,
    FilteredOutput,
    PagingPromptInOutput,
    SwitchErrorInOutput,
    TruncatedOutput,
    UnrecognisedLine,
)
from ..wwn import WwnError, normalize_wwn
from .terminal import Terminal, terminal

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


@dataclass(slots=True)
class Text:
    """Cleaned lines of one output and what the cleaning found."""

    lines: list[str]
    findings: list[Finding] = field(default_factory=list)
    command: str | None = None  #: the command of an echoed prompt line, if the text had one
    filtered: bool = False  #: the command was piped through a filter
    paged_at_end: bool = False
    text: str = ""  #: the cleaned text, the same lines joined (prompt line blanked)


def loc(source: str, line: int | None) -> Location:
    return Location(source, line)


def prepare(text: str, source: str) -> Text:
    """Split ``text`` into lines, repairing and reporting terminal damage.

    A leading prompt line (``> cfgshow``) is blanked (kept as an empty line so numbers stay
    file line numbers) and its command remembered, so a filtered command can be reported.
    """
    findings: list[Finding] = []
    if "\r" in text:
        first = text.count("\n", 0, text.index("\r")) + 1
        findings.append(CrlfLineEndings.make("CR/CRLF line endings normalised", loc(source, first)))
        text = text.replace("\r\n", "\n")
        if "\r" in text:  # a bare CR overwrote the start of the line: keep what is visible
            text = "\n".join(_after_cr(x) for x in text.split("\n"))
    if "\x1b" in text or "\x08" in text:
        first_at = min(i for i in (text.find("\x1b"), text.find("\x08")) if i >= 0)
        findings.append(
            AnsiEscapeInOutput.make(
                "terminal escapes/backspaces removed",
                loc(source, text.count("\n", 0, first_at) + 1),
            )
        )
        text = _ANSI.sub("", text)
        if "\x08" in text:
            text = "\n".join(_apply_backspaces(x) for x in text.split("\n"))
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    out = Text(lines, findings, text=text)
    term = terminal()
    # the pagers' literal markers are C-speed substring probes; the regex runs only on a hit
    if any(marker in text for marker in term.pager_markers):
        _strip_pager(out, source, term)
        out.text = "\n".join(lines) + "\n"
    # the echoed prompt line of the command, if any (only at the top)
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        m = term.prompt_line.match(line)
        if m and term.looks_like_command(m.group("command")):
            out.command = m.group("command").strip()
            at = sum(len(x) + 1 for x in lines[:i])
            out.text = out.text[:at] + out.text[at + len(line) :]
            lines[i] = ""
            if "|" in out.command:
                out.filtered = True
                findings.append(
                    FilteredOutput.make(
                        f"output of `{out.command}` is filtered: it is incomplete by design",
                        loc(source, i + 1),
                    )
                )
        break
    return out


def _looks_like_command(cmd: str) -> bool:
    return terminal().looks_like_command(cmd)


def _after_cr(line: str) -> str:
    parts = [p for p in line.split("\r")]
    for p in reversed(parts):
        if p.strip():
            return p
    return ""


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
