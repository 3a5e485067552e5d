"""SSH CLI adapter: read a switch's catalogued show commands, safely, with asyncssh.

Why asyncssh (and not netmiko/paramiko): an audit reads tens of switches at once; asyncssh is
native asyncio, so hundreds of sessions run in one thread with per-command and per-switch
timeouts as plain ``asyncio`` timeouts, and no thread pool to size. netmiko is what network
engineers know, but it is synchronous (one thread per switch) and its prompt/paging handling
is what we need to control and test precisely here anyway.

Safety rules this module keeps:

* the commands come from the vendor pack (``vendors/<pack>/commands.yaml``) and must match
  the pack's ``session.read_only`` pattern and never a changing word; nothing else is ever sent
  besides the pack's ``session.setup`` (paging off) and ``exit`` of a shell session;
* host keys are verified against known_hosts *before* the password is sent; an unknown key is
  refused unless ``accept_new_host_key`` (then recorded, reported with its fingerprint); a
  changed key is a hard error naming the switch and is never overwritten;
* a wrong password is not retried (account lockout); transient failures (refused, timeout,
  dropped) are retried a bounded number of times, and only for the commands still missing;
* every failure is a coded finding located at ``<switch>:<command>``; secrets never appear in
  findings (asyncssh messages do not contain them; they are redacted anyway).

The pack's ``session.mode`` says how: ``exec``, one exec channel per command (no PTY, so the
switch does not page); ``shell``, one interactive shell (PTY), the ``setup`` commands, then the
show commands, split at the switch's prompt (the pack's ``cli.prompt``).
"""

from __future__ import annotations

import asyncio
import os
import re
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Iterable

import asyncssh
import yaml
from pydantic import ValidationError

from ..findings import Finding, Location
from ..packs import CommandCatalogue, VendorPack, VendorPackError, pack_for
from ..parsers.terminal import shell_prompt, terminal
from ..rules.credentials import CommandCatalogueInvalid
from ..rules.transport import (
    AuthenticationFailed,
    CommandRejected,
    CommandTimeout,
    ConnectionDropped,
    HostKeyChanged,
    HostKeyRecorded,
    HostKeyUnknown,
    KnownHostsFileUnusable,
    PagingPrompt,
    SshProtocolError,
    SwitchTimeout,
    SwitchUnreachable,
)
from .credentials import Credential, redact

__all__ = [
    "CommandSpec",
    "SshOptions",
    "CommandOutput",
    "SshRead",
    "KnownHosts",
    "load_commands",
    "expand_commands",
    "read_switch_ssh",
]

#: Words that change a switch, and shell metacharacters: never sent, whatever a catalogue says
#: (a safety net under each pack's own ``session.read_only`` pattern).
_NEVER_SENT = re.compile(
    r"(?:^|\s)(?:cfg(?:save|enable|disable|clear|create|add|remove|delete|transabort)"
    r"|zone(?:create|add|remove|delete|objectrename|objectreplace)|ali(?:create|add|remove|delete)"
    r"|defzone|conf|configure|no|clear|copy|write|delete|commit|reload|erase|install|reboot)\b"
    r"|[|;&`$<>]",
    re.IGNORECASE,
)
_MAX_OUTPUT = 64 * 1024 * 1024  #: bytes per command before giving up (a runaway output)


@dataclass(frozen=True)
class Session:
    """How a pack's switches take commands (``session:`` in ``commands.yaml``)."""

    mode: str = "exec"
    setup: tuple[str, ...] = ()
    read_only: re.Pattern[str] = re.compile(r"^show\s")
    prompt: re.Pattern[str] | None = None  #: the prompt closing a shell buffer


@cache
def _session_of(pack: VendorPack) -> Session:
    block = pack.commands.session
    return Session(
        mode=block.mode,
        setup=tuple(block.setup),
        read_only=pack.read_only,
        prompt=shell_prompt(pack),
    )


def load_session(vendor: str) -> Session:
    """The session block of the vendor pack's command catalogue."""
    try:
        return _session_of(pack_for(vendor))
    except VendorPackError:
        return Session()


def is_read_only(command: str, session: Session) -> bool:
    """True when ``command`` may be sent: the pack allows it and it changes nothing."""
    return bool(session.read_only.match(command)) and not _NEVER_SENT.search(command)


@dataclass(frozen=True)
class CommandSpec:
    """One catalogued command. ``per_vsan``: run once per VSAN (``vsan N`` appended)."""

    command: str
    per_vsan: bool = False
    required: bool = True  #: a rejection of an optional command is not a partial read


@dataclass
class SshOptions:
    """Limits and host-key policy of an SSH read (seconds)."""

    connect_timeout: float = 10.0
    command_timeout: float = 60.0
    switch_timeout: float = 300.0
    retries: int = 1  #: extra attempts after the first, for transient failures only
    retry_delay: float = 0.5
    known_hosts: Path | None = None  #: default ``~/.ssh/known_hosts``
    accept_new_host_key: bool = False


@dataclass
class CommandOutput:
    """The text one command printed; ``error`` says why it is not usable content."""

    command: str
    text: str
    error: str | None = None  #: ``timeout``, ``rejected``, ``paged``, ``dropped``
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class SshRead:
    """Result of reading one switch over SSH."""

    outputs: dict[str, CommandOutput] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    connected: bool = False
    missing: list[str] = field(default_factory=list)  #: required commands without output
    host_key: str | None = None  #: SHA256 fingerprint of the verified key


# ---------------------------------------------------------------------------- catalogue


def load_commands(vendor: str, path: Path | None = None) -> tuple[list[CommandSpec], list[Finding]]:
    """The live command list of a vendor pack (``commands.yaml``), checked to be read-only.

    ``path``: another catalogue file for the vendor (its session and commands replace the
    pack's). A command that is not read-only is never sent: ZP068 names it.
    """
    findings: list[Finding] = []
    where = f"{vendor}:commands"
    try:
        pack = pack_for(vendor)
        where = str(path or pack.file("commands.yaml"))
        if path is None:
            catalogue = pack.commands
            session = load_session(vendor)
        else:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            catalogue = CommandCatalogue.model_validate(data)
            session = load_session(vendor)  # the pack's, unless the file has its own
            if isinstance(data, dict) and "session" in data:
                session = Session(
                    mode=catalogue.session.mode,
                    setup=tuple(catalogue.session.setup),
                    read_only=re.compile(catalogue.session.read_only),
                    prompt=shell_prompt(pack),
                )
    except (OSError, ValueError, yaml.YAMLError, VendorPackError, ValidationError) as e:
        return [], [
            CommandCatalogueInvalid.make(
                f"cannot read the {vendor} command catalogue: {e}", Location(where)
            )
        ]
    out: list[CommandSpec] = []
    for name, spec in catalogue.commands.items():
        if not spec.collect:
            continue
        cmd = " ".join((spec.run or name).split())
        if not is_read_only(cmd, session):
            findings.append(
                CommandCatalogueInvalid.make(
                    f"{where}: {cmd!r} is not a read-only show command; it is never sent",
                    Location(where),
                )
            )
            continue
        out.append(CommandSpec(cmd, spec.per_vsan, spec.required))
    if not out:
        findings.append(CommandCatalogueInvalid.make(f"{where}: no live commands", Location(where)))
    return out, findings


def expand_commands(specs: Iterable[CommandSpec], vsans: Iterable[int]) -> list[CommandSpec]:
    """Per-VSAN commands once per VSAN (``show zoneset active vsan {vsan}``).

    Without VSANs (an ad-hoc read) they run once without ``vsan N``: the switch then prints
    every VSAN, in the same format.
    """
    vs = sorted(set(vsans))
    out: list[CommandSpec] = []
    for s in specs:
        if s.per_vsan and not vs:  # VSANs unknown (ad hoc): the command for all VSANs at once
            out.append(
                CommandSpec(
                    s.command.replace(" vsan {vsan}", "").replace("{vsan}", ""), False, s.required
                )
            )
        elif s.per_vsan:
            base = s.command if "{vsan}" in s.command else s.command + " vsan {vsan}"
            out.extend(CommandSpec(base.format(vsan=v), False, s.required) for v in vs)
        else:
            out.append(s)
    return out


# ---------------------------------------------------------------------------- host keys


class KnownHostsUnusable(Exception):
    """The known_hosts file cannot be read or parsed; the message names it."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")


class KnownHosts:
    """known_hosts verification with trust-on-first-use only when asked.

    Why own code around asyncssh's matcher: asyncssh reports unknown and changed keys as the
    same ``HostKeyNotVerifiable``; an admin must be told which, and a changed key must name
    the switch. The file is re-read per check so keys recorded by one concurrent session are
    seen by the next.
    """

    def __init__(self, path: Path | None, accept_new: bool = False) -> None:
        self.path = path or Path("~/.ssh/known_hosts").expanduser()
        self.accept_new = accept_new

    def _entries(self) -> asyncssh.SSHKnownHosts | None:
        """The file's entries (None when there is no file); :class:`KnownHostsUnusable`
        naming the file when it cannot be read or parsed."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise KnownHostsUnusable(self.path, exc.strerror or str(exc)) from exc
        try:
            return asyncssh.import_known_hosts(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise KnownHostsUnusable(self.path, f"line {line} is not UTF-8 text") from exc
        except (ValueError, asyncssh.KeyImportError) as exc:
            raise KnownHostsUnusable(self.path, str(exc)) from exc

    def problem(self) -> str | None:
        """Why the file cannot be used (checked before any connection), or None."""
        try:
            self._entries()
        except KnownHostsUnusable as exc:
            return str(exc)
        return None

    @staticmethod
    def host_pattern(host: str, port: int) -> str:
        return host if port == 22 else f"[{host}]:{port}"

    def check(self, host: str, addr: str, port: int, key: asyncssh.SSHKey) -> str:
        """``known``, ``recorded`` (new, accepted), ``unknown`` or ``changed``."""
        kh = self._entries()
        keys: list[asyncssh.SSHKey] = []
        revoked: list[asyncssh.SSHKey] = []
        if kh is not None:
            got = kh.match(host, addr, port if port != 22 else None)
            keys, revoked = list(got[0]), list(got[2])
        if key in revoked:
            return "changed"
        if key in keys:
            return "known"
        if keys:
            return "changed"
        if not self.accept_new:
            return "unknown"
        line = f"{self.host_pattern(host, port)} {key.export_public_key('openssh').decode().split()[0]} "
        line += key.export_public_key("openssh").decode().split()[1] + "\n"
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as f:
            f.write(line)
        return "recorded"


class _Client(asyncssh.SSHClient):
    def __init__(self, known: KnownHosts, port: int) -> None:
        self.known = known
        self.port = port
        self.verdict: str | None = None
        self.fingerprint: str | None = None

    def validate_host_public_key(
        self, host: str, addr: str, port: int, key: asyncssh.SSHKey
    ) -> bool:
        self.fingerprint = key.get_fingerprint("sha256")
        self.verdict = self.known.check(host, addr, self.port, key)
        return self.verdict in ("known", "recorded")


# ---------------------------------------------------------------------------- reading


class _Dropped(Exception):
    pass


def _rejected(text: str) -> str | None:
    head = "\n".join(text.lstrip().splitlines()[:3])
    m = terminal().rejection.search(head)
    return m.group(0).strip() if m else None


async def _drain(
    stdout: asyncssh.SSHReader, stdin: asyncssh.SSHWriter, deadline: float, *, until=None
) -> tuple[str, str | None]:
    """Read until EOF (or ``until(buffer)``), quitting pagers; returns (text, error)."""
    buf: list[str] = []
    size = 0
    tail = ""
    error: str | None = None
    term = terminal()
    pager = term.pager_at_end
    for _ in range(1_000_000):  # bounded: each turn reads >= 1 byte or returns
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return "".join(buf), "timeout"
        try:
            chunk = await asyncio.wait_for(stdout.read(65536), remaining)
        except TimeoutError:
            return "".join(buf), "timeout"
        except (asyncssh.ConnectionLost, asyncssh.DisconnectError, BrokenPipeError) as e:
            raise _Dropped(str(e)) from e
        if not chunk:
            if until is not None:
                raise _Dropped("session closed before the prompt")
            return "".join(buf), error
        buf.append(chunk)
        size += len(chunk)
        tail = (tail + chunk)[-512:]
        if size > _MAX_OUTPUT:
            return "".join(buf), "timeout"
        paged = pager.search(tail)
        if paged:
            error = "paged"
            stdin.write(term.quit_for(paged))
            tail = ""
            continue
        if until is not None and until(tail):
            return "".join(buf), error
    return "".join(buf), "timeout"  # pragma: no cover - unreachable bound


def _norm(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "")


async def _run_exec(conn: asyncssh.SSHClientConnection, cmd: str, timeout: float) -> CommandOutput:
    t0 = time.monotonic()
    proc = await conn.create_process(
        cmd, stderr=asyncssh.STDOUT, encoding="utf-8", errors="replace"
    )
    try:
        text, error = await _drain(proc.stdout, proc.stdin, t0 + timeout)
    finally:
        proc.close()
    text = _norm(text)
    text = terminal().strip_pager_at_end(text) if error == "paged" else text
    if error is None and _rejected(text):
        error = "rejected"
    return CommandOutput(cmd, text, error, time.monotonic() - t0)


class _Shell:
    """An interactive shell split at the switch's prompt."""

    def __init__(self, proc: asyncssh.SSHClientProcess, prompt_re: re.Pattern[str]) -> None:
        self.proc = proc
        self.prompt_re = prompt_re
        self.prompt: str | None = None

    def _at_prompt(self, tail: str) -> bool:
        t = _norm(tail).rstrip(" ")
        if self.prompt is not None:
            return t.endswith("\n" + self.prompt) or t == self.prompt
        return bool(self.prompt_re.search(t))

    async def start(self, timeout: float) -> None:
        text, err = await _drain(
            self.proc.stdout, self.proc.stdin, time.monotonic() + timeout, until=self._at_prompt
        )
        if err == "timeout":
            raise TimeoutError()
        m = self.prompt_re.search(_norm(text).rstrip(" "))
        self.prompt = m.group(1) if m else None

    async def run(self, cmd: str, timeout: float) -> CommandOutput:
        t0 = time.monotonic()
        self.proc.stdin.write(cmd + "\n")
        text, error = await _drain(
            self.proc.stdout, self.proc.stdin, t0 + timeout, until=self._at_prompt
        )
        lines = _norm(text).split("\n")
        if lines and lines[0].strip().endswith(cmd):  # the echo of a PTY
            lines = lines[1:]
        if lines and self.prompt and lines[-1].rstrip() == self.prompt:
            lines = lines[:-1]
        out = "\n".join(lines)
        if error == "paged":
            out = terminal().strip_pager_at_end(out)
        if error is None and _rejected(out):
            error = "rejected"
        if out and not out.endswith("\n"):
            out += "\n"
        return CommandOutput(cmd, out, error, time.monotonic() - t0)


def _loc(switch: str, what: str) -> Location:
    return Location(file=f"{switch}:{what}")


async def _session(
    switch: str,
    vendor: str,
    host: str,
    port: int,
    cred: Credential,
    todo: list[CommandSpec],
    opts: SshOptions,
    known: KnownHosts,
    result: SshRead,
) -> None:
    """One connection: verify the host key, log in, read the commands not read yet."""
    client = _Client(known, port)
    try:
        conn, _ = await asyncio.wait_for(
            asyncssh.create_connection(
                lambda: client,
                host,
                port,
                username=cred.user,
                password=cred.password.reveal() if cred.password else None,
                known_hosts=([], [], []),  # every key goes through _Client.validate_host_public_key
                server_host_key_algs="default",
                client_keys=None,
                agent_path=None,
                # switches often offer only keyboard-interactive for passwords; asyncssh
                # answers its single password prompt with the password
                preferred_auth=("password", "keyboard-interactive"),
                config=None,
                login_timeout=opts.connect_timeout,
                connect_timeout=opts.connect_timeout,
            ),
            opts.connect_timeout * 2,
        )
    except asyncssh.HostKeyNotVerifiable:
        raise
    except ValueError as e:  # asyncssh wraps host key refusal when raised from our callback
        if client.verdict in ("unknown", "changed"):
            raise asyncssh.HostKeyNotVerifiable(str(e)) from e
        raise
    finally:
        result.host_key = client.fingerprint
    if client.verdict == "recorded":
        result.findings.append(
            HostKeyRecorded.make(
                f"{switch}: new host key {client.fingerprint} recorded in {known.path}",
                _loc(switch, "ssh"),
                subject=switch,
            )
        )
        client.verdict = "known"
    result.connected = True
    async with conn:
        shell: _Shell | None = None
        session = load_session(vendor)
        if session.mode == "shell":
            proc = await conn.create_process(
                term_type="vt100", term_size=(511, 0), encoding="utf-8", errors="replace"
            )
            assert session.prompt is not None  # a shell session is a pack's
            shell = _Shell(proc, session.prompt)
            await shell.start(opts.command_timeout)
            for setup in session.setup:
                done = await shell.run(setup, opts.command_timeout)
                if done.error == "timeout":
                    raise TimeoutError()
        for spec in todo:
            if spec.command in result.outputs and result.outputs[spec.command].error != "dropped":
                continue
            try:
                if shell is not None:
                    out = await shell.run(spec.command, opts.command_timeout)
                else:
                    out = await _run_exec(conn, spec.command, opts.command_timeout)
            except _Dropped:
                result.outputs[spec.command] = CommandOutput(spec.command, "", "dropped")
                raise
            result.outputs[spec.command] = out
            if out.error == "timeout" and shell is not None:
                raise _Dropped("shell out of step after a timed-out command")
        if shell is not None:
            shell.proc.stdin.write("exit\n")
            shell.proc.close()


async def read_switch_ssh(
    switch: str,
    vendor: str,
    host: str,
    port: int,
    credential: Credential,
    commands: list[CommandSpec],
    options: SshOptions | None = None,
) -> SshRead:
    """Read ``commands`` from one switch; never raises for switch or network problems.

    The whole read is bounded by ``options.switch_timeout``; connection problems are retried
    ``options.retries`` times (not authentication or host-key problems).
    """
    opts = options or SshOptions()
    known = KnownHosts(opts.known_hosts, opts.accept_new_host_key)
    result = SshRead()
    secrets = credential.secrets()

    def fail(rule, msg: str, what: str = "ssh", hint: str = "") -> None:
        result.findings.append(
            rule.make(redact(msg, secrets), _loc(switch, what), subject=switch, hint=hint)
        )

    unusable = known.problem()
    if unusable is not None:  # no host key can be verified: nothing is sent to the switch
        fail(
            KnownHostsFileUnusable,
            f"{switch}: known_hosts file {unusable}; nothing was sent",
            hint="fix or move the file, or name another with --known-hosts",
        )
        return result

    last: tuple | None = None
    try:
        async with asyncio.timeout(opts.switch_timeout):
            for attempt in range(opts.retries + 1):
                last = None
                try:
                    await _session(
                        switch, vendor, host, port, credential, commands, opts, known, result
                    )
                    break
                except asyncssh.HostKeyNotVerifiable:
                    last = None
                    addr = KnownHosts.host_pattern(host, port)
                    # the verdict is on the client object; re-derive it from the file
                    if result.host_key and _has_entry(known, host, port):
                        fail(
                            HostKeyChanged,
                            f"{switch} ({addr}) presented host key {result.host_key}, which differs "
                            f"from the key recorded in {known.path}: possible man-in-the-middle; "
                            "nothing was sent",
                            hint=f"verify on the console, then ssh-keygen -R '{addr}' -f {known.path}",
                        )
                    else:
                        fail(
                            HostKeyUnknown,
                            f"{switch} ({addr}) host key {result.host_key} is not in {known.path}; "
                            "nothing was sent",
                            hint="check the fingerprint on the switch, then use --accept-new-host-key",
                        )
                    break
                except asyncssh.PermissionDenied:
                    fail(AuthenticationFailed, f"{switch}: login as {credential.user!r} refused")
                    break
                except TimeoutError:  # before OSError: TimeoutError is an OSError
                    if result.connected:
                        last = (
                            SwitchTimeout,
                            f"{switch}: no prompt within {opts.command_timeout:g}s",
                        )
                    else:
                        last = (
                            SwitchTimeout,
                            f"{switch} ({host}:{port}): no SSH login within "
                            f"{opts.connect_timeout:g}s",
                        )
                except (_Dropped, asyncssh.ConnectionLost, asyncssh.DisconnectError) as e:
                    if isinstance(e, asyncssh.DisconnectError) and not result.connected:
                        last = (SshProtocolError, f"{switch}: {getattr(e, 'reason', e)}")
                        if e.code not in (asyncssh.DISC_CONNECTION_LOST,):
                            break
                    else:
                        during = [c for c, o in result.outputs.items() if o.error == "dropped"]
                        what = f" during {during[-1]!r}" if during else ""
                        last = (
                            ConnectionDropped,
                            f"{switch}: connection dropped{what}",
                            during[-1] if during else "ssh",
                        )
                except OSError as e:
                    if isinstance(e, asyncssh.Error):
                        raise
                    last = (SwitchUnreachable, f"{switch} ({host}:{port}): {e.strerror or e}")
                except asyncssh.Error as e:
                    last = (
                        SshProtocolError,
                        f"{switch}: {e.reason if hasattr(e, 'reason') else e}",
                    )
                    break
                if attempt < opts.retries:
                    await asyncio.sleep(opts.retry_delay)
    except TimeoutError:
        last = (
            SwitchTimeout,
            f"{switch}: not read within the per-switch limit of {opts.switch_timeout:g}s",
        )
    if last is not None:
        fail(*last)
    for spec in commands:
        out = result.outputs.get(spec.command)
        if out is None:
            if result.connected:
                result.missing.append(spec.command)
            continue
        if out.error == "timeout":
            fail(
                CommandTimeout,
                f"{switch}: {spec.command!r} did not finish within {opts.command_timeout:g}s",
                spec.command,
            )
        elif out.error == "rejected":
            fail(
                CommandRejected,
                f"{switch}: {spec.command!r} rejected: {_rejected(out.text)}",
                spec.command,
            )
        elif out.error == "paged":
            fail(
                PagingPrompt,
                f"{switch}: {spec.command!r} output was paged; it may be cut",
                spec.command,
            )
        if out.error is not None and (spec.required or out.error != "rejected"):
            result.missing.append(spec.command)
    return result


def _has_entry(known: KnownHosts, host: str, port: int) -> bool:
    kh = known._entries()
    if kh is None:
        return False
    got = kh.match(host, host, port if port != 22 else None)
    return bool(got[0] or got[2])
