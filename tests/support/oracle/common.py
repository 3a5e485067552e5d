"""What both dialects share: a switch's reply, the errors a script run raises, the paste model.

A reply is what one command line makes the switch print. ``error`` is set when a careful admin
(or ``zoneplan apply``) must stop there: the switch refused the command, or printed a warning
where success prints nothing (FOS prints nothing at all on success of a zoning command:
cinder ``brcd_fc_zone_client_cli.py`` l.379 "no output expected, so output means there is an
error"; brocadesan ``provisioning.rb`` l.400/511 "empty response is ok"). ``prompt`` is set when
the command asked a question: the next line the switch receives is the answer, exactly as when
a script is pasted into a terminal (the paste model of :func:`run_script`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Protocol

__all__ = [
    "Reply",
    "ZoningScriptError",
    "CommandRejected",
    "RefusedCommand",
    "Session",
    "ScriptRun",
    "run_script",
    "is_wwn",
    "YES",
    "MAX_LINES",
]

#: bound on the lines one script may hold (a runaway template is an error, not a hang)
MAX_LINES = 2_000_000

#: a WWN as both vendors accept it on input (colon form, any case); the oracle's own check,
#: independent of the product's ``zoneplan.wwn``
_WWN = re.compile(r"^[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){7}$")

#: answers that confirm a prompt: FOS "(yes, y, no, n): [no]" (capture, facts §5), NX-OS
#: "(y/n) [n]" (capture index id 65942009299, facts §15)
YES = ("y", "yes")

#: characters no command line may carry (a terminal would act on them, a log would hide them)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")


class NameTable(dict):
    """A table of objects by name that also knows its names case-folded.

    Why: creating a name is refused when another differs from it only in case, and a script
    creating 10,000 objects must not fold every existing name once per create. Every way a
    dict is changed keeps the folded index (``[k] = v``, ``del``, ``pop``, ``update``,
    ``setdefault``, ``clear``); ``copy.deepcopy`` makes another NameTable.
    """

    __slots__ = ("_low",)

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self._low: dict[str, set[str]] = {}
        for k in self:
            self._low.setdefault(k.lower(), set()).add(k)

    def __reduce_ex__(self, protocol: Any) -> tuple:
        return (self.__class__, (dict(self),))

    def _forget(self, k: str) -> None:
        names = self._low.get(k.lower())
        if names is not None:
            names.discard(k)
            if not names:
                del self._low[k.lower()]

    def __setitem__(self, k: str, v: Any) -> None:
        if k not in self:
            self._low.setdefault(k.lower(), set()).add(k)
        super().__setitem__(k, v)

    def __delitem__(self, k: str) -> None:
        super().__delitem__(k)
        self._forget(k)

    def pop(self, k: str, *default: Any) -> Any:
        had = k in self
        v = super().pop(k, *default)
        if had:
            self._forget(k)
        return v

    def popitem(self) -> tuple[str, Any]:
        k, v = super().popitem()
        self._forget(k)
        return k, v

    def update(self, *args: Any, **kw: Any) -> None:  # type: ignore[override]
        for k, v in dict(*args, **kw).items():
            self[k] = v

    def setdefault(self, k: str, default: Any = None) -> Any:
        if k not in self:
            self[k] = default
        return self[k]

    def clear(self) -> None:
        super().clear()
        self._low.clear()

    def twin(self, name: str) -> str | None:
        """A name equal to ``name`` but for case (not ``name`` itself), or None."""
        for k in self._low.get(name.lower(), ()):
            if k != name:
                return k
        return None


class DeviceAliasTable(NameTable):
    """Device-aliases by name that also know which pWWNs are taken (one alias per pWWN)."""

    __slots__ = ("_wwpns",)

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self._wwpns: dict[str, int] = {}
        for v in self.values():
            self._wwpns[v] = self._wwpns.get(v, 0) + 1

    def _drop(self, v: str) -> None:
        n = self._wwpns.get(v, 0) - 1
        if n > 0:
            self._wwpns[v] = n
        else:
            self._wwpns.pop(v, None)

    def __setitem__(self, k: str, v: Any) -> None:
        if k in self:
            self._drop(self[k])
        super().__setitem__(k, v)
        self._wwpns[v] = self._wwpns.get(v, 0) + 1

    def __delitem__(self, k: str) -> None:
        v = self[k]
        super().__delitem__(k)
        self._drop(v)

    def pop(self, k: str, *default: Any) -> Any:
        had = k in self
        v = super().pop(k, *default)
        if had:
            self._drop(v)
        return v

    def popitem(self) -> tuple[str, Any]:
        k, v = super().popitem()
        self._drop(v)
        return k, v

    def clear(self) -> None:
        super().clear()
        self._wwpns.clear()

    def has_wwpn(self, wwpn: str) -> bool:
        return wwpn in self._wwpns


def case_twin(table: dict, name: str) -> str | None:
    """A name of ``table`` equal to ``name`` but for case (a plain dict is scanned)."""
    if isinstance(table, NameTable):
        return table.twin(name)
    low = name.lower()
    return next((k for k in table if k != name and k.lower() == low), None)


def is_wwn(text: str) -> bool:
    """True for ``xx:xx:xx:xx:xx:xx:xx:xx`` (hex, any case)."""
    return bool(_WWN.match(text))


@dataclass
class Reply:
    """What the switch printed for one line, whether that is an error, and a pending question."""

    output: str = ""
    error: bool = False
    prompt: str | None = None


class ZoningScriptError(Exception):
    """A script line the switch (or zoneplan's safety rules) would not run. ``line`` is 1-based."""

    def __init__(self, line: int, command: str, message: str) -> None:
        super().__init__(f"line {line}: {command!r}: {message}")
        self.line = line
        self.command = command
        self.message = message


class CommandRejected(ZoningScriptError):
    """The switch answers with an error (unknown name, duplicate, bad syntax, wrong mode...)."""


class RefusedCommand(ZoningScriptError):
    """A command zoneplan must never send: it clears or disables zoning, or forces a lock."""


class Refused(Exception):
    """Raised inside a dialect for a forbidden command; :func:`run_script` turns it into
    :class:`RefusedCommand` with the line number."""


class Session(Protocol):
    """One admin's CLI session on a switch (FOS or NX-OS)."""

    def send(self, line: str) -> Reply: ...

    @property
    def prompt_pending(self) -> bool: ...


@dataclass
class ScriptRun:
    """The transcript of a script run: every line sent with the switch's reply."""

    lines: list[tuple[int, str, Reply]] = field(default_factory=list)

    def output(self) -> str:
        return "".join(r.output for _, _, r in self.lines)

    def commands(self) -> list[str]:
        return [c for _, c, _ in self.lines]


def run_script(
    session: Session,
    script: str,
    *,
    paste: bool = True,
    end_answer: str = "y",
) -> ScriptRun:
    """Send a script line by line, as a paste does; raise at the first line that fails.

    ``paste=True`` (what an admin pasting the file gets): a command that asks a question takes
    the *next line of the script* as its answer, so a prompting command in the middle of a
    paste block swallows the command after it; if the script ends on a question, the admin
    answers ``end_answer``. ``paste=False`` models an admin who types one command at a time and
    answers every question ``y`` (no line is swallowed).

    Comment lines are sent like any other: the dialect decides what a comment is (FOS: bash,
    ``#``; NX-OS: ``!``). Raises :class:`CommandRejected` at the first reply that is an error,
    :class:`RefusedCommand` for a command zoneplan must never send.
    """
    lines = script.splitlines()
    if len(lines) > MAX_LINES:
        raise CommandRejected(MAX_LINES, "", "script too long")
    run = ScriptRun()
    for n, raw in enumerate(lines, 1):
        try:
            reply = session.send(raw)
        except Refused as exc:
            raise RefusedCommand(n, raw.strip(), str(exc)) from None
        run.lines.append((n, raw, reply))
        if reply.error:
            raise CommandRejected(n, raw.strip(), reply.output.strip() or "error")
        if reply.prompt is not None and not paste:
            answer = session.send("y")
            run.lines.append((n, "y", answer))
            if answer.error:
                raise CommandRejected(n, raw.strip(), answer.output.strip() or "error")
    if session.prompt_pending:
        n = len(lines)
        answer = session.send(end_answer)
        run.lines.append((n, end_answer, answer))
        if answer.error:
            raise CommandRejected(n, lines[-1].strip() if lines else "", answer.output.strip())
    return run
