"""The SSH channel ``apply`` sends change commands on: one command at a time, one answer each.

Why not the read adapter (:mod:`zoneplan.live.ssh`): a read may retry, run commands in any
order and treat a pager as a nuisance; a change must never be re-sent blindly, must know
exactly which command an answer belongs to, answer a switch's question only with what the
pack says, and notice a lost connection as "state unknown". What it shares with the reader is
the host-key policy (:class:`~zoneplan.live.ssh.KnownHosts`: verified before the password is
sent, an unknown or changed key refused).

The pack's catalogue says how: ``exec`` (one exec channel per command, no PTY; FOS) or
``shell`` (one interactive shell, every answer read up to the next prompt of the pack's
prompt pattern, whatever sub-mode the prompt names; NX-OS).
"""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import asyncssh

from ..live.credentials import Credential, redact
from ..live.ssh import KnownHosts
from ..live.ssh import _Client as _HostKeyClient  # the reader's host-key check, shared
from ..parsers.terminal import shell_prompt
from .catalogue import ApplyCatalogue

__all__ = ["ChangeChannel", "ChannelError", "ConnectionLost", "Answer", "HostKeyRefused"]

_MAX_REPLY = 4 * 1024 * 1024  #: bytes of one answer before it counts as runaway


class ChannelError(Exception):
    """The channel could not be opened (unreachable, refused login, host key)."""


class HostKeyRefused(ChannelError):
    pass


class ConnectionLost(Exception):
    """The connection died while a command was in flight: its effect is unknown."""


@dataclass
class Answer:
    """What the switch answered to one command."""

    command: str
    text: str
    seconds: float
    status: int | None = None  #: exec exit status (None in a shell)
    answered: list[str] = field(default_factory=list)  #: answers given to its questions
    timed_out: bool = False


class ChangeChannel:
    """One switch, one login, commands sent in order; every exchange kept for the record."""

    def __init__(
        self,
        switch: str,
        host: str,
        port: int,
        credential: Credential,
        catalogue: ApplyCatalogue,
        *,
        known_hosts: Path | None = None,
        accept_new_host_key: bool = False,
        connect_timeout: float = 10.0,
        command_timeout: float = 120.0,
    ) -> None:
        self.switch = switch
        self.host, self.port = host, port
        self.credential = credential
        self.cat = catalogue
        self.known = KnownHosts(known_hosts, accept_new_host_key)
        self.connect_timeout = connect_timeout
        self.command_timeout = command_timeout
        self.conn: asyncssh.SSHClientConnection | None = None
        self.proc: asyncssh.SSHClientProcess | None = None
        self.prompt_re: re.Pattern[str] = shell_prompt(catalogue.pack)
        self.transcript: list[Answer] = []
        self.host_key: str | None = None

    # ------------------------------------------------------------------ open / close
    async def open(self) -> None:
        client = _HostKeyClient(self.known, self.port)
        cred = self.credential
        try:
            self.conn, _ = await asyncio.wait_for(
                asyncssh.create_connection(
                    lambda: client,
                    self.host,
                    self.port,
                    username=cred.user,
                    password=cred.password.reveal() if cred.password else None,
                    known_hosts=([], [], []),
                    client_keys=None,
                    agent_path=None,
                    preferred_auth=("password", "keyboard-interactive"),
                    config=None,
                    login_timeout=self.connect_timeout,
                    connect_timeout=self.connect_timeout,
                ),
                self.connect_timeout * 2,
            )
        except (asyncssh.HostKeyNotVerifiable, ValueError) as exc:
            if client.verdict in ("unknown", "changed"):
                raise HostKeyRefused(
                    f"{self.switch}: host key {client.fingerprint} is {client.verdict} "
                    f"in {self.known.path}; nothing was sent"
                ) from exc
            raise ChannelError(f"{self.switch}: {self._clean(str(exc))}") from exc
        except asyncssh.PermissionDenied as exc:
            raise ChannelError(f"{self.switch}: login as {cred.user!r} refused") from exc
        except (OSError, asyncssh.Error, TimeoutError) as exc:
            raise ChannelError(f"{self.switch} ({self.host}:{self.port}): {exc}") from exc
        self.host_key = client.fingerprint
        if self.cat.session == "shell":
            assert self.conn is not None
            self.proc = await self.conn.create_process(
                term_type="vt100", term_size=(511, 0), encoding="utf-8", errors="replace"
            )
            await self._read_to_prompt(time.monotonic() + self.command_timeout)
        for cmd in self.cat.setup:
            await self.send(cmd)

    async def close(self) -> None:
        try:
            if self.proc is not None:
                self.proc.stdin.write("exit\n")
                self.proc.close()
            if self.conn is not None:
                self.conn.close()
                await asyncio.wait_for(self.conn.wait_closed(), 5)
        except (OSError, asyncssh.Error, TimeoutError):
            pass
        self.conn = self.proc = None

    def _clean(self, text: str) -> str:
        return redact(text, self.credential.secrets())

    # ------------------------------------------------------------------ commands
    async def send(self, command: str) -> Answer:
        """Send one command and return its answer; :class:`ConnectionLost` when the
        connection died before the answer was complete."""
        if self.conn is None:
            raise ConnectionLost(f"{self.switch}: not connected")
        t0 = time.monotonic()
        try:
            if self.proc is not None:
                ans = await self._shell(command, t0)
            else:
                ans = await self._exec(command, t0)
        except (asyncssh.ConnectionLost, asyncssh.DisconnectError, BrokenPipeError, OSError) as e:
            self.transcript.append(Answer(command, "(connection lost)\n", time.monotonic() - t0))
            raise ConnectionLost(f"{self.switch}: connection lost during {command!r}") from e
        ans.text = self._clean(ans.text)
        self.transcript.append(ans)
        return ans

    async def _exec(self, command: str, t0: float) -> Answer:
        assert self.conn is not None
        proc = await self.conn.create_process(
            command, stderr=asyncssh.STDOUT, encoding="utf-8", errors="replace"
        )
        parts: list[str] = []
        size = 0
        answered: list[str] = []
        try:
            # one deadline for the whole exchange (a wait_for per read costs a task each)
            async with asyncio.timeout(self.command_timeout - (time.monotonic() - t0)):
                while True:
                    chunk = await proc.stdout.read(65536)
                    if not chunk:
                        break
                    parts.append(chunk)
                    size += len(chunk)
                    if size > _MAX_REPLY:
                        return Answer(
                            command, "".join(parts), time.monotonic() - t0, None, answered, True
                        )
                    answer = self.cat.prompt_answer("".join(parts)[-1024:])
                    if answer is not None and len(answered) < 4:
                        answered.append(answer)
                        proc.stdin.write(answer + "\n")
                await proc.wait()
        except TimeoutError:
            return Answer(command, "".join(parts), time.monotonic() - t0, None, answered, True)
        finally:
            proc.close()
        status = proc.exit_status
        if status is None and proc.exit_signal is None:
            # the channel closed without an exit status: the connection went away
            if self.conn is None or self.conn.is_closed():
                raise asyncssh.ConnectionLost("channel closed without an exit status")
        text = "".join(parts).replace("\r\n", "\n")
        return Answer(command, text, time.monotonic() - t0, status, answered)

    async def _shell(self, command: str, t0: float) -> Answer:
        assert self.proc is not None
        self.proc.stdin.write(command + "\n")
        text, answered, timed_out = await self._read_to_prompt(t0 + self.command_timeout)
        lines = text.replace("\r\n", "\n").replace("\r", "").split("\n")
        if lines and lines[0].strip().endswith(command):  # the PTY's echo
            lines = lines[1:]
        if lines and self.prompt_re.search("\n" + lines[-1].rstrip()):
            lines = lines[:-1]
        out = "\n".join(lines)
        if out and not out.endswith("\n"):
            out += "\n"
        return Answer(command, out, time.monotonic() - t0, None, answered, timed_out)

    async def _read_to_prompt(self, deadline: float) -> tuple[str, list[str], bool]:
        assert self.proc is not None
        buf = ""
        answered: list[str] = []
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return buf, answered, True
            try:
                chunk = await asyncio.wait_for(self.proc.stdout.read(65536), remaining)
            except TimeoutError:
                return buf, answered, True
            if not chunk:
                raise asyncssh.ConnectionLost("session closed before the prompt")
            buf += chunk
            if len(buf) > _MAX_REPLY:
                return buf, answered, True
            tail = buf[-1024:].replace("\r\n", "\n").replace("\r", "")
            if self.prompt_re.search(tail.rstrip(" ")):
                return buf, answered, False
            answer = self.cat.prompt_answer(tail)
            if answer is not None and len(answered) < 4:
                answered.append(answer)
                self.proc.stdin.write(answer + "\n")
