"""Metamorphic tests: what an admin's capture path does to an output must not change its reading.

Every parsed fixture (``tests/fixtures/captures``, and ``../shared/captures`` read in place when
present) is read once as written, then again after a transformation a terminal, a log file or a
ticket applies: other line ends, trailing blanks, a terminal program's log header, the command
echoed after a prompt of any style, what follows the output (a bare prompt, ``exit``,
``Connection to x closed.``), a pager prompt erased the way each CLI erases it, blank lines, a
console message, tabs expanded, a hard wrap at 80/132 columns. The zoning, aliases, configs,
logins, ports, ISLs and status read must be the same, and no error-level finding may appear
that the original reading did not have. A wrap that makes a line ambiguous may change what is
read only with a coded finding (warning or worse) that says so, never silently.

Why metamorphic and not more fixtures: the issue is checked with real outputs we do not have;
their shapes are these transformations applied to layouts we do have.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.fixture_json import to_json
from tests.support.paths import CAPTURES, FIXTURES
from zoneplan.findings import Severity
from zoneplan.packs import load_pack
from zoneplan.parsers import registry
from zoneplan.parsers.capture import read_capture_text
from zoneplan.parsers.catalogue import commands
from zoneplan.parsers.common import _apply_backspaces, wrap_width
from zoneplan.parsers.terminal import LOG_HEADER, terminal

ROOT = FIXTURES / "captures"
ERRORS = {Severity.ERROR, Severity.FATAL}


@dataclass(frozen=True)
class Case:
    """One output to transform: its text, the command it is, and its vendor's pack."""

    id: str
    text: str
    command: str
    parser: str | None  #: the parser to call directly (None: the text holds several outputs)
    pack: str


def _fixture_cases() -> list[Case]:
    out = []
    for path in sorted(ROOT.glob("*/*/*.txt")):
        pack = path.parent.parent.name
        vendor = load_pack(pack).vendor
        folder = path.parent.name
        cmd = next(
            c for c in commands() if c.vendor == vendor and c.name.replace(" ", "_") == folder
        )
        text = path.read_bytes().decode("utf-8")
        out.append(Case(path.relative_to(ROOT).as_posix(), text, cmd.name, cmd.parser, pack))
    return out


#: the shared captures' file names → the command each holds (they are named by their owners)
_SHARED = [
    ("brocade-fos", r"cfgshow_\d+", "cfgshow"),
    ("brocade-fos", r"cfgtransshow_\d+", "cfgtransshow"),
    ("brocade-fos", r"fabricshow_\d+", "fabricshow"),
    ("brocade-fos", r"islshow_\d+", "islshow"),
    ("brocade-fos", r"ns_\d+", None),  # nsshow and nscamshow, each after its prompt
    ("brocade-fos", r"(vf_)?switch_\d+", "switchshow"),
    ("cisco-mds", r"shdadatabse", "show device-alias database"),
    ("cisco-mds", r"shdastatus\w*", "show device-alias status"),
    ("cisco-mds", r"show_flogi_database_npiv", "show flogi database"),
    ("cisco-mds", r"shvsan", "show vsan"),
    ("cisco-mds", r"shvsanmem", "show vsan membership"),
    ("cisco-mds", r"shzone_\w+", "show zone"),
    ("cisco-mds", r"shzoneset_\d+", "show zoneset"),
    ("cisco-mds", r"shzonesetactive_\d+", "show zoneset active"),
    ("cisco-mds", r"shzonestatus_\d+", "show zone status"),
]


def _shared_cases() -> list[Case]:
    if not CAPTURES.is_dir():
        return []
    out = []
    by_name = {(c.vendor, c.name): c for c in commands()}
    for pack, pattern, cmd in _SHARED:
        vendor = load_pack(pack).vendor
        for path in sorted((CAPTURES / pack).glob("*.txt")):
            if not re.fullmatch(pattern, path.stem):
                continue
            text = path.read_bytes().decode("utf-8")
            parser = by_name[(vendor, cmd)].parser if cmd else None
            # a text naming its command in its own prompt line is read by that
            name = cmd or "nsshow"
            out.append(Case(f"shared/{pack}/{path.name}", text, name, parser, pack))
    return out


CASES = _fixture_cases() + _shared_cases()
#: the outputs whose lines end in CR alone: a transformation adding LF-ended lines to one
#: would make a mix no terminal writes, so only the line-end transformations apply to them
CR_ONLY = {c.id for c in CASES if "\r" in c.text and "\n" not in c.text}
LF_CASES = [c for c in CASES if c.id not in CR_ONLY]


# --------------------------------------------------------------------------- what is read


def _strip_lines(value: object) -> object:
    """JSON data without line numbers (a transformation may move every line)."""
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != "line"}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def _rename(value: object, names: set[str]) -> object:
    if isinstance(value, dict):
        return {("<sw>" if k in names else k): _rename(v, names) for k, v in value.items()}
    if isinstance(value, list):
        return [_rename(v, names) for v in value]
    if isinstance(value, str) and value in names:
        return "<sw>"
    return value


@dataclass
class Reading:
    data: object
    codes: set[str]
    errors: set[str]
    findings: list


def _hosts(text: str) -> set[str]:
    term = terminal()
    out = {"sw"}
    for m in term.prompt_line.finditer(text.replace("\r\n", "\n").replace("\r", "\n")):
        host = term.host(m)
        if host:
            out.add(host)
    return out


def read(case: Case, text: str, parser: bool = True) -> tuple[dict, list]:
    """What the parser (when the case is one output) and the capture reader make of ``text``."""
    got: dict = {}
    findings: list = []
    if case.parser is not None and parser:
        result, fs = registry()[case.parser](text, case.id)
        got["result"] = _strip_lines(to_json(result))
        findings += fs
    states, fs = read_capture_text(text, case.id, switch="sw", command=case.command)
    got["state"] = _strip_lines([to_json(s) for s in states.values()])
    findings += fs
    return got, findings


def reading(case: Case, text: str, names: set[str], parser: bool = True) -> Reading:
    data, findings = read(case, text, parser)
    return Reading(
        _rename(data, names),
        {f.code for f in findings},
        {f.code for f in findings if f.severity in ERRORS},
        findings,
    )


# --------------------------------------------------------------------------- transformations

Transform = Callable[[Case, str], str]

#: a prompt line at the top of a text, with the command typed after it
_ECHO = re.compile(r"\A(?:[ \t]*\n)*(?P<line>[^\n]*)\n?")


def split_echo(text: str) -> tuple[str | None, str]:
    """``(command echoed on the first line, the rest)``; ``(None, text)`` when none is.
    A terminal log's header line before it is dropped with it."""
    m = _ECHO.match(text)
    line = m.group("line") if m else ""
    if m and LOG_HEADER.fullmatch(line.strip()):
        echo, rest = split_echo(text[m.end() :])
        return (echo, rest) if echo else (None, text)
    pm = terminal().prompt_line.match(line) or re.match(r"^>\s*(?P<command>\S.*)$", line)
    if pm is None or not terminal().looks_like_command(pm.group("command")):
        return None, text
    return pm.group("command").strip(), text[m.end() :]


def lines_of(text: str) -> tuple[list[str], str]:
    """The lines of ``text`` and its final line end ("" when it ends mid-line)."""
    if text.endswith("\n"):
        return text[:-1].split("\n"), "\n"
    return text.split("\n"), ""


def on_lines(fn: Callable[[list[str]], list[str]]) -> Callable[[str], str]:
    def apply(text: str) -> str:
        lines, end = lines_of(text)
        return "\n".join(fn(lines)) + end

    return apply


def body_lines(case: Case, text: str, fn: Callable[[list[str]], list[str]]) -> str:
    """Apply ``fn`` to the output's lines, the echoed prompt line (if any) left alone."""
    echo, body = split_echo(text)
    head = text[: len(text) - len(body)]
    return head + on_lines(fn)(body)


def _ends_cut(case: Case) -> bool:
    """The output stops mid-line or mid-list on purpose (a cut fixture): what follows changes
    its meaning, so the transformations that append are not applied to it."""
    return "cut" in case.id or not case.text.endswith("\n")


def crlf(case: Case, text: str) -> str:
    return text.replace("\n", "\r\n")


def bare_cr(case: Case, text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r")


def mixed_ends(case: Case, text: str) -> str:
    lines, end = lines_of(text)
    out = []
    for i, line in enumerate(lines):
        out.append(line + ("\r\n" if i % 3 == 0 else "\n" if i % 3 == 1 else "\r\r\n"))
    joined = "".join(out)
    return joined if end else joined[:-1] if joined.endswith("\n") else joined


def trailing_blanks(case: Case, text: str) -> str:
    blanks = [" ", "\t", "  \t ", "   "]

    # on lines with text: a whitespace-only last line is what a cut cfgshow leaves too (its
    # members' indentation), so a blank line with blanks stays ambiguous by nature
    def add(line: str, i: int) -> str:
        if not line.strip():
            return line
        cr = "\r" if line.endswith("\r") else ""  # the blanks come before a CRLF's CR
        return line[: len(line) - len(cr)] + blanks[i % 4] + cr

    return body_lines(case, text, lambda ls: [add(x, i) for i, x in enumerate(ls)])


def tabs_expanded(case: Case, text: str) -> str:
    return text.expandtabs(8)


PUTTY = "=~=~=~=~=~=~=~=~=~=~=~= PuTTY log 2024.01.30 11:21:39 =~=~=~=~=~=~=~=~=~=~=~=\n"
#: script(1) of util-linux 2.35+: ``Script started on 2024-01-30 11:21:39+00:00 [TERM=...]``
SCRIPT_HEAD = (
    'Script started on 2024-01-30 11:21:39+00:00 [TERM="xterm-256color" TTY="/dev/pts/1" '
    'COLUMNS="132" LINES="43"]\n'
)
SCRIPT_TAIL = '\nScript done on 2024-01-30 11:25:02+00:00 [COMMAND_EXIT_CODE="0"]\n'
#: script(1) before util-linux 2.35 (and BSD script): the date in the locale's format
SCRIPT_OLD_HEAD = "Script started on Tue 30 Jan 2024 11:21:39 AM UTC\n"
SCRIPT_OLD_TAIL = "\nScript done on Tue 30 Jan 2024 11:25:02 AM UTC\n"


def _ended(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"


def putty_header(case: Case, text: str) -> str:
    return PUTTY + text


def script_log(case: Case, text: str) -> str:
    return text if _ends_cut(case) else SCRIPT_HEAD + text + SCRIPT_TAIL


def script_old_log(case: Case, text: str) -> str:
    return text if _ends_cut(case) else SCRIPT_OLD_HEAD + text + SCRIPT_OLD_TAIL


BROCADE_PROMPTS = ["sw1:admin> ", "sw1:FID128:admin> ", "DS_300B:root> ", "sw1:admin>  "]
CISCO_PROMPTS = ["MDS-1# ", "switch(config)# ", "MDS-1#  ", "UCS-A(nxos)# "]


def prompts(case: Case) -> list[str]:
    return BROCADE_PROMPTS if case.pack == "brocade-fos" else CISCO_PROMPTS


def echoed(k: int) -> Transform:
    def apply(case: Case, text: str) -> str:
        echo, body = split_echo(text)
        if case.parser is None:
            return text  # several outputs: each names its switch in its own prompt
        cmd = echo or case.command
        return prompts(case)[k] + cmd + "\n" + body

    apply.__name__ = f"echoed_{k}"
    return apply


def tail(kind: str) -> Transform:
    def apply(case: Case, text: str) -> str:
        if _ends_cut(case):
            return text
        p = prompts(case)[0]
        after = {
            "bare_prompt": p,
            "bare_prompt_no_space": p.rstrip(),
            "prompt_exit": p + "exit\nlogout\nConnection to 10.1.1.11 closed.\n",
            "exit": "exit\n",
            "logout": "logout\n",
            "closed": "Connection to sw1 closed.\n",
            "closed_remote": "Connection to 10.1.1.11 closed by remote host.\n",
            "telnet": "Connection closed by foreign host.\n",
        }[kind]
        return _ended(text) + after

    apply.__name__ = f"tail_{kind}"
    return apply


def blank_lines(case: Case, text: str) -> str:
    """Blank lines after the echoed command and after the output (between two outputs)."""
    if _ends_cut(case):
        return text
    echo, body = split_echo(text)
    head = text[: len(text) - len(body)]
    return head + "\n\n" + _ended(body) + "\n\n\n" + prompts(case)[0] + "\n"


def twice(case: Case, text: str) -> str:
    """The same output captured twice in one log, blank lines between: the later one is
    used (ZP033), and reads like one."""
    if case.parser is None or _ends_cut(case):
        return text
    one = echoed(0)(case, text)
    return one + "\n\n" + one


#: NX-OS pages with ``--More--`` in reverse video and erases it before the next line, with a
#: carriage return and erase-to-end-of-line, or with backspaces over blanks
NXOS_MORE_ANSI = "\x1b[7m--More--\x1b[m\r\x1b[K"
NXOS_MORE_BS = " --More-- " + "\x08" * 10 + " " * 10 + "\x08" * 10
#: FOS pages with its own prompt and waits for Enter (echoed as a line end)
FOS_CONTINUE = "Type <CR> to continue, Q<CR> to stop: \n"
#: ``more`` (util-linux) as FOS runs it for ``| more``: reverse video, erased with CR + EL
MORE_PERCENT = "\x1b[7m--More--(42%)\x1b[m\r\x1b[K"


def _screen(line: str) -> str:
    """What a terminal shows of ``line``: escape codes and erased text gone, TABs as blanks."""
    line = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", line.rstrip("\r")).split("\r")[-1]
    return _apply_backspaces(line).expandtabs(8)


def pager(style: str, every: int = 23) -> Transform:
    prompt = {
        "nxos_ansi": NXOS_MORE_ANSI,
        "nxos_bs": NXOS_MORE_BS,
        "fos_continue": FOS_CONTINUE,
        "more_percent": MORE_PERCENT,
    }[style]
    term = terminal()

    def pages_before(lines: list[str], i: int, last: int) -> bool:
        """A pager waits before line ``i``: only with more to show, never before a prompt
        (the next command), never inside a line the terminal wrapped (the switch counts its
        own lines)."""
        if not (i and i % every == 0 and i <= last):
            return False
        if term.prompt_line.match(lines[i]) or lines[i].startswith(">"):
            return False
        return not wrap_width(_screen(lines[i - 1]))

    def fn(lines: list[str]) -> list[str]:
        end = next(
            (i for i, x in enumerate(lines) if term.prompt_line.match(x) or x.startswith(">")),
            len(lines),
        )  # the output ends at the next prompt
        last = max((i for i, x in enumerate(lines[:end]) if x.strip()), default=0)
        return [prompt + x if pages_before(lines, i, last) else x for i, x in enumerate(lines)]

    def apply(case: Case, text: str) -> str:
        if style == "fos_continue" and case.pack != "brocade-fos":
            return text  # FOS's own pager prompt, on a line of its own
        return body_lines(case, text, fn)

    apply.__name__ = f"pager_{style}_{every}"
    return apply


RASLOG = (
    "2024/01/30-11:21:53, [SNMP-1008], 327, FID 128, INFO, sw1,  The last device change "
    "happened at : Tue Jan 30 11:21:49 2024"
)
SYSLOG = "2024 Jan 30 11:21:39 MDS-1 %PORT-5-IF_UP: %$VSAN 10%$ Interface fc1/5 is up in mode F"


def console(at: float) -> Transform:
    def fn_for(case: Case) -> Callable[[list[str]], list[str]]:
        msg = RASLOG if case.pack == "brocade-fos" else SYSLOG

        def fn(lines: list[str]) -> list[str]:
            k = min(len(lines), max(1, int(len(lines) * at)))
            if k == len(lines) and _ends_cut(case):
                k -= 1  # after the last line would give that line its missing line end
            while 0 < k < len(lines) and wrap_width(_screen(lines[k - 1])):
                k += 1  # the switch prints between its own lines, not inside a wrapped one
            return lines[:k] + [msg] + lines[k:]

        return fn

    def apply(case: Case, text: str) -> str:
        return body_lines(case, text, fn_for(case))

    apply.__name__ = f"console_{int(at * 100)}"
    return apply


def wrapped(width: int) -> Transform:
    """A hard wrap at ``width`` columns, as copying from a terminal's screen gives: tabs are
    blanks on a screen, and a longer line continues on the next one with no marker."""

    def fn(lines: list[str]) -> list[str]:
        out = []
        for line in lines:
            line = line.expandtabs(8)
            while len(line) > width:
                out.append(line[:width])
                line = line[width:]
            out.append(line)
        return out

    def apply(case: Case, text: str) -> str:
        return body_lines(case, text, fn)

    apply.__name__ = f"wrapped_{width}"
    return apply


#: transformations that must change nothing that is read, and the codes each may add
KEEPING: list[tuple[Transform, set[str]]] = [
    (crlf, {"ZP028"}),
    # with CR alone ending lines, the CR that erases a pager prompt ends a line too: the
    # prompt stands on a line of its own, and is reported as one (ZP022)
    (bare_cr, {"ZP028", "ZP022"}),
    (mixed_ends, {"ZP028"}),
    (trailing_blanks, set()),
    (tabs_expanded, set()),
    (putty_header, set()),
    (script_log, set()),
    (script_old_log, set()),
    *[(echoed(k), set()) for k in range(4)],
    *[
        (tail(k), set())
        for k in (
            "bare_prompt",
            "bare_prompt_no_space",
            "prompt_exit",
            "exit",
            "logout",
            "closed",
            "closed_remote",
            "telnet",
        )
    ],
    (blank_lines, set()),
    (twice, {"ZP033"}),
    *[
        (pager(s, n), {"ZP022", "ZP027", "ZP028"})
        for s in ("nxos_ansi", "nxos_bs", "fos_continue", "more_percent")
        for n in (3, 23)
    ],
    *[(console(at), {"ZP045"}) for at in (0.3, 0.7, 1.0)],
]


def collapsed_blanks(case: Case, text: str) -> str:
    """A web page or a ticket: every run of blanks (TABs too) shown as one space, so columns
    and nesting by indentation are gone."""
    return "\n".join(re.sub(r"[ \t]+", " ", x) for x in text.split("\n"))


#: transformations that may lose information: a different reading needs a finding saying so
LOSSY: list[Transform] = [wrapped(80), wrapped(132), collapsed_blanks]


def check_keeping(case: Case, text: str, allowed: set[str], parser: bool = True) -> str | None:
    """Why ``text`` reads differently from ``case``, or None when it reads the same
    (``parser``: the parser's own result is compared too, when ``text`` is one output)."""
    names = _hosts(case.text) | _hosts(text)
    before = reading(case, case.text, names, parser)
    after = reading(case, text, names, parser)
    if after.data != before.data:
        return "read differently:\n" + _diff(before.data, after.data)
    new_errors = after.errors - before.errors
    if new_errors:
        return f"new error findings {sorted(new_errors)}: {_messages(after, new_errors)}"
    extra = after.codes - before.codes - allowed
    if extra:
        return f"new findings {sorted(extra)}: {_messages(after, extra)}"
    return None


def _squashed(value: object) -> object:
    """JSON data with every run of blanks inside a string made one space (free text such as
    an inquiry string or a status keeps its meaning when a copy collapses its blanks)."""
    if isinstance(value, dict):
        return {k: _squashed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_squashed(v) for v in value]
    if isinstance(value, str) and "  " in value:
        return re.sub(r"\s+", " ", value)
    return value


def check_lossy(case: Case, text: str) -> str | None:
    names = _hosts(case.text) | _hosts(text)
    before = reading(case, case.text, names)
    after = reading(case, text, names)
    before.data, after.data = _squashed(before.data), _squashed(after.data)
    new_errors = after.errors - before.errors
    if after.data == before.data:
        if new_errors:
            return f"read the same but new error findings {sorted(new_errors)}"
        return None
    said = [
        f
        for f in after.findings
        if f.severity not in (Severity.INFO,) and f.code not in before.codes
    ]
    if not said:
        return "read differently without a finding saying so:\n" + _diff(before.data, after.data)
    return None


def _messages(r: Reading, codes: set[str]) -> str:
    return "; ".join(f"{f.code} {f.location} {f.message}" for f in r.findings if f.code in codes)[
        :600
    ]


def _diff(a: object, b: object, path: str = "") -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        for k in list(a) + [k for k in b if k not in a]:
            if a.get(k) != b.get(k):
                return _diff(a.get(k), b.get(k), f"{path}/{k}")
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            if x != y:
                return _diff(x, y, f"{path}[{i}]")
        if len(a) != len(b):
            return f"  at {path}: {len(a)} items, now {len(b)}: {str(a[len(b) :] or b[len(a) :])[:300]}"
    return f"  at {path}: {str(a)[:300]}\n  now {str(b)[:300]}"


# --------------------------------------------------------------------------- the tests


def _ids(items) -> list[str]:
    return [t.__name__ for t in items]


@pytest.mark.parametrize(("transform", "allowed"), KEEPING, ids=_ids([t for t, _ in KEEPING]))
def test_a_capture_path_changes_nothing_read(transform: Transform, allowed: set[str]):
    failures = []
    for case in CASES if transform in (crlf, bare_cr, mixed_ends) else LF_CASES:
        text = transform(case, case.text)
        if text == case.text:
            continue
        why = check_keeping(case, text, allowed, transform is not twice)
        if why:
            failures.append(f"{case.id}: {why}")
    assert not failures, f"{len(failures)} output(s):\n" + "\n".join(failures)


@pytest.mark.parametrize("transform", LOSSY, ids=_ids(LOSSY))
def test_a_terminal_wrap_is_rejoined_or_said(transform: Transform):
    failures = []
    for case in LF_CASES:
        text = transform(case, case.text)
        if text == case.text:
            continue
        why = check_lossy(case, text)
        if why:
            failures.append(f"{case.id}: {why}")
    assert not failures, f"{len(failures)} output(s):\n" + "\n".join(failures)


def test_the_cases_cover_every_parser_and_the_shared_captures_when_present():
    assert {c.parser for c in _fixture_cases()} >= {c.parser for c in commands()}
    if CAPTURES.is_dir():
        assert len(_shared_cases()) >= 30


# --------------------------------------------------------------------------- combined, drawn

_BODY = st.sampled_from(
    [
        (trailing_blanks, set()),
        (tabs_expanded, set()),
        (blank_lines, set()),
        *[
            (pager(s, n), {"ZP022", "ZP027", "ZP028"})
            for s in ("nxos_ansi", "nxos_bs", "fos_continue", "more_percent")
            for n in (2, 5, 11, 24)
        ],
        *[(console(at), {"ZP045"}) for at in (0.1, 0.5, 0.9)],
    ]
)
_ECHO_T = st.sampled_from([None, *[echoed(k) for k in range(4)]])
_TAIL_T = st.sampled_from(
    [None, *[tail(k) for k in ("bare_prompt", "prompt_exit", "closed", "telnet")]]
)
_LOG_T = st.sampled_from([None, putty_header, script_log, script_old_log])
_ENDS_T = st.sampled_from([None, crlf, bare_cr, mixed_ends])


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    case=st.sampled_from(LF_CASES),
    body=st.lists(_BODY, max_size=3, unique_by=lambda t: t[0].__name__.split("_")[0]),
    echo=_ECHO_T,
    after=_TAIL_T,
    log=_LOG_T,
    ends=_ENDS_T,
)
def test_capture_paths_combined_change_nothing_read(case, body, echo, after, log, ends):
    """Several capture-path changes at once (a paged PuTTY log with CRLF, a syslog line and
    the session's end after the output) read like the output alone."""
    text, allowed = case.text, set()
    for fn, codes in body:
        text, allowed = fn(case, text), allowed | codes
    for fn in (echo, after, log):
        if fn is not None:
            text = fn(case, text)
    if ends is not None:
        text, allowed = (
            ends(case, text),
            allowed | {"ZP028"} | ({"ZP022"} if ends is bare_cr else set()),
        )
    if "\x1b" in text or "\x08" in text:
        allowed |= {"ZP027"}
    why = check_keeping(case, text, allowed)
    assert why is None, f"{case.id}: {why}"
