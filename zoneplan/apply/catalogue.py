"""A vendor pack's change catalogue (``vendors/<pack>/apply.yaml``): what ``apply`` may send.

Why pack data and not code: the core must not know a vendor. The catalogue says how a switch
takes changes (one exec channel per command, or one shell), which change commands a script
may contain (a whitelist: a line outside it stops the run before anything is sent), what a
run opens and how it discards it (FOS transaction, NX-OS sessions), which reply lines mean
success, and which questions are answered with what.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..packs import ChangeCatalogue, ChangeScope, VendorPack, VendorPackError, load_pack

__all__ = ["ApplyCatalogue", "CatalogueError", "Scope", "catalogue_of", "ScriptLine"]

#: what a run opens (the typed pack model)
Scope = ChangeScope


class CatalogueError(Exception):
    """The pack's apply.yaml is missing or invalid (the message names the file)."""


@dataclass(frozen=True)
class ScriptLine:
    """One command of a script: its line number in the file and the text sent."""

    line: int
    command: str


class ApplyCatalogue:
    """The compiled catalogue of one pack."""

    def __init__(self, pack: VendorPack, data: ChangeCatalogue) -> None:
        self.pack = pack
        self.session = data.session
        self.setup = tuple(data.setup)
        self.tokens = dict(data.tokens)
        self._data = data
        self.commands = [self._whole(c) for c in data.change_commands]
        self.ok = [self._whole(p) for p in data.replies.ok]
        self.errors = [self._whole(p) for p in data.replies.errors]
        self.abort_ok = [self._whole(p) for p in data.replies.abort_ok]
        self.prompts = [(re.compile(self._fill(p.question) + r"$"), p.answer) for p in data.prompts]
        self.scopes = list(data.scopes)
        self.leave = tuple(data.leave)
        self.comment = pack.manifest.script.comment

    def _fill(self, pattern: str, **values: str) -> str:
        out = pattern
        for key, val in {**self.tokens, **values}.items():
            out = out.replace("{" + key + "}", f"(?:{val})")
        return out

    def _whole(self, pattern: str, **values: str) -> re.Pattern[str]:
        return re.compile(r"^(?:" + self._fill(pattern, **values) + r")$")

    def allowed(self, command: str) -> bool:
        """True when ``command`` is one of the pack's change commands."""
        return any(c.match(command) for c in self.commands)

    def script_lines(self, text: str) -> tuple[list[ScriptLine], list[ScriptLine]]:
        """(commands to send, lines outside the catalogue) of a script; comments and blank
        lines are not sent."""
        send: list[ScriptLine] = []
        bad: list[ScriptLine] = []
        for n, raw in enumerate(text.splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith(self.comment):
                continue
            cmd = " ".join(line.split())
            (send if self.allowed(cmd) else bad).append(ScriptLine(n, cmd))
        return send, bad

    def scope_applies(self, scope: Scope, facts: dict[str, object]) -> bool:
        """A scope counts only where the fabric's facts say so (``when``)."""
        return all(facts.get(k) == v for k, v in scope.when.items())

    def scope_pattern(self, pattern: str, **values: str) -> re.Pattern[str]:
        return self._whole(pattern, **values)

    def reply_problem(self, text: str, *, abort: bool = False) -> str | None:
        """None when every line of a reply is a known success line; else the first line that
        is not (a known error pattern first)."""
        lines = [ln.rstrip() for ln in text.splitlines() if ln.strip()]
        allowed = self.ok + (self.abort_ok if abort else [])
        unknown = [ln for ln in lines if not any(p.match(ln) for p in allowed)]
        if not unknown:
            return None
        errors = [ln for ln in unknown if any(p.match(ln) for p in self.errors)]
        worded = [ln for ln in errors + unknown if any(c.isalnum() for c in ln)]
        return (worded or errors or unknown)[0].strip()

    def prompt_answer(self, tail: str) -> str | None:
        """The pack's answer when the output ends with one of its questions."""
        t = tail.replace("\r", "")
        for pattern, answer in self.prompts:
            if pattern.search(t):
                return answer
        return None


@cache
def _load(pack: VendorPack) -> ApplyCatalogue:
    if pack.apply is None:
        raise CatalogueError(f"{pack.file('apply.yaml')}: the {pack.id} pack has no apply.yaml")
    try:
        return ApplyCatalogue(pack, pack.apply)
    except re.error as exc:
        raise CatalogueError(f"{pack.file('apply.yaml')}: {exc}") from exc


def catalogue_of(pack_id: str) -> ApplyCatalogue:
    """The change catalogue of a pack (loaded once)."""
    try:
        pack = load_pack(pack_id)
    except VendorPackError as exc:
        raise CatalogueError(str(exc)) from exc
    return _load(pack)
