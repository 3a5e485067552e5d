"""Read many switches at once (SSH or SNMP) and save what was read as a capture folder.

Why one library function for ``collect`` and ``audit --live``: both need the same guarantees
(bounded concurrency, one switch's failure never stops the others, every failure a coded
finding, a partial read never passing as complete), and what ``collect`` saves must be
exactly what an offline ``audit --capture`` reads. So a live read is always written as a
capture folder first (``<out>/<switch>/<command with spaces as _>.txt`` for CLI output,
``snmp_walk.txt`` for SNMP, modes 0700/0600) and parsed back from there by the capture reader.

Per-switch status: ``ok`` (everything read), ``partial`` (connected, but some catalogued
commands/columns are missing) or ``failed`` (nothing read). Any non-``ok`` switch makes the
run's exit code 3.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from ..findings import ExitCode, Finding, Location, exit_code_for, sort_findings
from ..observed import SwitchState
from ..outputs import check_outputs, remove_outputs, safe_name, write_outputs
from ..parsers.manifest import MANIFEST, command_file, manifest_files, read_manifest
from ..parsers.snmpwalk import FILE_NAME as SNMP_FILE
from ..parsers.snmpwalk import format_walk, parse_snmp_walk
from ..rules.credentials import (
    BadAddress,
    CredentialsMissing,
    NoSwitchSelected,
    SwitchWithoutAddress,
    SwitchWithoutProfile,
)
from ..rules.integrity import DanglingReference
from ..rules.transport import ForeignFilesInCapture, PartialRead, SwitchReadFailed
from .credentials import Credential, CredentialStore, redact
from .snmp import SnmpOptions, read_switch_snmp
from .ssh import SshOptions, expand_commands, load_commands, read_switch_ssh

if TYPE_CHECKING:
    from ..parsers.capture import ParseCache

__all__ = [
    "Target",
    "SwitchResult",
    "parse_address",
    "targets_from_inventory",
    "collect_switches",
    "collect_async",
    "command_file_name",
    "run_exit_code",
]

_HOST_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-]{0,252}$")
ProgressFn = Callable[[str, "Target", "SwitchResult | None"], None]


@dataclass
class Target:
    """One switch to read. ``port`` None means the protocol's default (22 / 161)."""

    name: str
    vendor: str  #: ``brocade`` / ``cisco``
    host: str
    port: int | None = None
    via: str = "ssh"  #: ``ssh`` / ``snmp``
    credential: Credential | None = None
    vsans: list[int] = field(default_factory=list)
    fabric: str | None = None
    snmp_context: str = ""  #: SNMPv3 context name (snmpsim selects its data file by it)

    @property
    def address(self) -> str:
        port = self.port or (22 if self.via == "ssh" else 161)
        return f"[{self.host}]:{port}" if ":" in self.host else f"{self.host}:{port}"

    def __repr__(self) -> str:  # the credential has its own redacting repr
        return (
            f"Target(name={self.name!r}, vendor={self.vendor!r}, address={self.address!r}, "
            f"via={self.via!r}, credential={self.credential!r})"
        )


@dataclass
class SwitchResult:
    """What reading one switch gave. ``outputs`` maps command → text (SSH)."""

    target: Target
    status: str = "failed"  #: ``ok``, ``partial``, ``failed``
    outputs: dict[str, str] = field(default_factory=dict)
    snmp_text: str | None = None
    state: SwitchState | None = None
    findings: list[Finding] = field(default_factory=list)
    folder: Path | None = None
    files: list[str] = field(default_factory=list)  #: file names written in ``folder``
    seconds: float = 0.0
    host_key: str | None = None

    @property
    def name(self) -> str:
        return self.target.name

    @property
    def readable(self) -> bool:
        """True only for a complete read: a partial read never counts as in sync."""
        return self.status == "ok"


def command_file_name(command: str) -> str:
    """``show zoneset active vsan 10`` → ``show_zoneset_active_vsan_10.txt``."""
    return command_file(command)


def parse_address(text: str) -> tuple[str, int | None] | None:
    """``HOST``, ``HOST:PORT``, ``[V6]``, ``[V6]:PORT`` → (host, port); None if malformed."""
    text = text.strip()
    port: str | None = None
    if text.startswith("["):
        host, sep, rest = text[1:].partition("]")
        if not sep or (rest and not rest.startswith(":")):
            return None
        port = rest[1:] if rest else None
        if not re.fullmatch(r"[0-9A-Fa-f:.]+", host):
            return None
    elif text.count(":") == 1:
        host, port = text.split(":")
    elif ":" in text:  # bare IPv6
        host = text
        if not re.fullmatch(r"[0-9A-Fa-f:.]+", host):
            return None
    else:
        host = text
        if not _HOST_RE.fullmatch(host):
            return None
    if ":" not in host and not _HOST_RE.fullmatch(host):
        return None
    if port is None or port == "":
        return (host, None) if port is None else None
    if not port.isdecimal() or not 1 <= int(port) <= 65535:
        return None
    return host, int(port)


def targets_from_inventory(
    inventory: object,
    store: CredentialStore,
    *,
    via: str = "ssh",
    fabric: str | None = None,
    source: str = "inventory",
) -> tuple[list[Target], list[Finding]]:
    """Switches of ``inventory`` (optionally one fabric) as targets with their credentials.

    Switches without ``mgmt`` or without usable credentials become findings (ZP064, ZP060) and
    are not targets; the caller counts them as unread.
    """
    findings: list[Finding] = []
    targets: list[Target] = []
    fabrics = {f.name: f for f in inventory.fabrics}  # type: ignore[attr-defined]
    switches = [s for s in inventory.switches if fabric is None or s.fabric == fabric]  # type: ignore[attr-defined]
    if not switches:
        what = f"fabric {fabric!r}" if fabric else "the inventory"
        findings.append(NoSwitchSelected.make(f"no switch in {what}", Location(source)))
        return targets, findings
    for sw in switches:
        fab = fabrics.get(sw.fabric)
        vendor = sw.vendor or (fab.vendor if fab else None)
        loc = Location(f"{sw.name}:inventory")
        if vendor is None:  # no vendor, and a fabric the inventory does not define
            findings.append(
                DanglingReference.make(
                    f"switch {sw.name}: fabric {sw.fabric!r} is not in the inventory and the "
                    "switch names no vendor; not read",
                    loc,
                    subject=sw.name,
                )
            )
            continue
        if not sw.mgmt:
            findings.append(
                SwitchWithoutAddress.make(
                    f"switch {sw.name} has no mgmt address; not read", loc, subject=sw.name
                )
            )
            continue
        addr = parse_address(sw.mgmt)
        if addr is None:
            findings.append(
                BadAddress.make(
                    f"switch {sw.name}: bad mgmt address {sw.mgmt!r}", loc, subject=sw.name
                )
            )
            continue
        profile = sw.credentials
        if not profile:
            profile = "default"
            findings.append(
                SwitchWithoutProfile.make(
                    f"switch {sw.name} names no credential profile; using 'default'",
                    loc,
                    subject=sw.name,
                )
            )
        cred = store.get(profile, need=via, subject=sw.name)
        if cred is None:
            continue
        vsans = [fab.vsan] if fab is not None and fab.vsan else []
        targets.append(Target(sw.name, vendor, addr[0], addr[1], via, cred, vsans, sw.fabric))
    findings.extend(store.findings)
    store.findings.clear()
    return targets, findings


# ---------------------------------------------------------------------------- writing


def switch_folder(name: str) -> str:
    """The capture folder of a switch: its name, refused (:class:`OutputError`) when it is
    not one plain folder name (``.``, ``..``, separators, control characters)."""
    return safe_name(name, what="switch folder name")


def check_capture_targets(root: Path, targets: Sequence[Target]) -> None:
    """Before any switch is read: every switch folder and the manifest can be written safely.

    Raises :class:`~zoneplan.outputs.OutputError` (exit 2, nothing read, nothing written).
    """
    folders = [switch_folder(t.name) for t in targets]
    check_outputs(root, [MANIFEST], folders=folders)


def _capture_files(result: SwitchResult) -> dict[str, str]:
    files = {command_file_name(cmd): text for cmd, text in result.outputs.items()}
    if result.snmp_text is not None:
        files[SNMP_FILE] = result.snmp_text
    return files


def _write_capture(result: SwitchResult, root: Path, earlier: dict[str, dict]) -> Path:
    """Write one switch's outputs into ``root/<switch>/`` (0700, files 0600).

    Files an earlier run wrote there (its manifest says which) are replaced or removed, so no
    stale output is read as current; anything else in the folder is the user's: kept, and
    reported (it is read with this capture).
    """
    folder = switch_folder(result.name)
    files = _capture_files(result)
    old = earlier.get(folder)
    if old is not None:
        stale = [f"{folder}/{f}" for f in manifest_files(old) if f not in files]
        remove_outputs(root, stale)
    foreign = _foreign_files(root / folder, set(files), old)
    if foreign:
        result.findings.append(
            ForeignFilesInCapture.make(
                f"{result.name}: the folder already holds {len(foreign)} file(s) zoneplan did "
                f"not write ({', '.join(foreign[:4])}{'…' if len(foreign) > 4 else ''}); they "
                "are kept, and read with this capture",
                Location(f"{result.name}:capture"),
                subject=result.name,
            )
        )
    written = write_outputs(
        root, {f"{folder}/{name}": text for name, text in files.items()}, force=True, private=True
    )
    result.files = sorted(files)
    return written[0].path.parent if written else root / folder


def _foreign_files(folder: Path, ours: set[str], old: dict | None) -> list[str]:
    known = ours | set(manifest_files(old) if old else ())
    try:
        names = sorted(e.name for e in os.scandir(folder) if not e.name.startswith("."))
    except OSError:
        return []
    return [n for n in names if n not in known]


def _observe(result: SwitchResult, folder: Path, cache: ParseCache | None = None) -> None:
    """Parse the written capture back into an observed state (the offline path); ``cache``:
    the run's :class:`~zoneplan.parsers.capture.ParseCache` (the fabric's zoning parsed once)."""
    state: SwitchState | None = None
    if result.outputs:
        from ..parsers.capture import read_captures

        files = [folder / command_file_name(c) for c in result.outputs]
        states, pf = read_captures(files, cache=cache)
        result.findings.extend(pf)
        if states:
            state = next(iter(states.values())) if len(states) == 1 else states.get(result.name)
            if state is None:
                state = next(iter(states.values()))
    if result.snmp_text is not None:
        snmp_state, sf = parse_snmp_walk(
            result.snmp_text,
            str(folder / SNMP_FILE),
            switch=result.name,
            vendor=result.target.vendor,
        )
        result.findings.extend(f for f in sf if f.code != PartialRead.code)  # the transport said it
        state = snmp_state if state is None else state
    if state is not None:
        state.identity.name = state.identity.name or result.name
    result.state = state


# ---------------------------------------------------------------------------- reading


async def _read_one(
    t: Target,
    ssh_options: SshOptions,
    snmp_options: SnmpOptions,
    out: Path,
    commands: dict[str, list],
    earlier: dict[str, dict],
    cache: ParseCache | None = None,
) -> SwitchResult:
    res = SwitchResult(t)
    t0 = time.monotonic()
    secrets = t.credential.secrets() if t.credential else []
    try:
        if t.credential is None:
            raise ValueError("no credential")
        if t.via == "ssh":
            specs = expand_commands(commands[t.vendor], t.vsans)
            read = await read_switch_ssh(
                t.name, t.vendor, t.host, t.port or 22, t.credential, specs, ssh_options
            )
            res.findings.extend(read.findings)
            res.host_key = read.host_key
            res.outputs = {c: o.text for c, o in read.outputs.items() if o.ok}
            if not read.connected:
                res.status = "failed"
            elif read.missing:
                res.status = "partial"
                res.findings.append(
                    PartialRead.make(
                        f"{t.name}: {len(read.missing)} of {len(specs)} commands not read "
                        f"({', '.join(read.missing[:4])}{'…' if len(read.missing) > 4 else ''}); "
                        "the switch is partly unknown",
                        Location(f"{t.name}:ssh"),
                        subject=t.name,
                    )
                )
            else:
                res.status = "ok"
        else:
            opts = snmp_options
            if t.snmp_context and not opts.context:
                opts = SnmpOptions(**{**opts.__dict__, "context": t.snmp_context})
            read = await read_switch_snmp(
                t.name, t.vendor, t.host, t.port or 161, t.credential, opts
            )
            res.findings.extend(read.findings)
            if read.connected:
                res.snmp_text = format_walk(
                    read.records,
                    switch=t.name,
                    vendor=t.vendor,
                    statuses=read.statuses,
                    version=read.version,
                    collected=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                )
                res.status = "ok" if read.complete else "partial"
        if res.outputs or res.snmp_text is not None:
            # writing and parsing run in a worker thread: a large (or hostile) output must not
            # block the event loop, or the other switches' timeouts could not fire
            res.folder = await asyncio.to_thread(_write_capture, res, out, earlier)
            await asyncio.to_thread(_observe, res, res.folder, cache)
            if res.state is not None:
                res.state.complete = res.status == "ok"
    except Exception as e:  # one switch's bug never stops the others
        res.status = "failed" if not (res.outputs or res.snmp_text) else "partial"
        res.findings.append(
            SwitchReadFailed.make(
                redact(f"{t.name}: {type(e).__name__}: {e}", secrets),
                Location(f"{t.name}:{t.via}"),
                subject=t.name,
            )
        )
    res.seconds = time.monotonic() - t0
    return res


async def collect_async(
    targets: Sequence[Target],
    *,
    out: Path | None = None,
    concurrency: int = 8,
    ssh_options: SshOptions | None = None,
    snmp_options: SnmpOptions | None = None,
    progress: ProgressFn | None = None,
) -> list[SwitchResult]:
    """Read ``targets`` with at most ``concurrency`` at once; results in target order.

    ``out`` None: the capture is written to a private temporary folder, parsed, and removed
    (``audit --live`` without saving). Command catalogues are loaded once; an invalid one
    fails every switch of that vendor with ZP068.
    """
    ssh_options = ssh_options or SshOptions()
    snmp_options = snmp_options or SnmpOptions()
    commands: dict[str, list] = {}
    cat_findings: dict[str, list[Finding]] = {}
    for vendor in sorted({t.vendor for t in targets if t.via == "ssh"}):
        commands[vendor], cat_findings[vendor] = load_commands(vendor)
    tmp: str | None = None
    previous: dict = {}
    if out is None:
        tmp = tempfile.mkdtemp(prefix="zoneplan-live-")
        root = Path(tmp)
    else:
        root = Path(out)
        check_capture_targets(root, targets)  # OutputError before any switch is read
        previous = read_manifest(root)
        write_outputs(root, {}, private=True)  # the folder itself (0700 when created)
    earlier = {
        e["folder"]: e
        for e in previous.get("switches", [])
        if isinstance(e, dict) and isinstance(e.get("folder"), str)
    }
    sem = asyncio.Semaphore(max(1, concurrency))
    from ..parsers.capture import ParseCache

    cache = ParseCache()  # every switch of a fabric prints its zoning: parsed once

    async def one(t: Target) -> SwitchResult:
        async with sem:
            if progress:
                progress("start", t, None)
            if t.via == "ssh" and not commands.get(t.vendor):
                r = SwitchResult(t, findings=list(cat_findings.get(t.vendor, [])))
            else:
                r = await _read_one(t, ssh_options, snmp_options, root, commands, earlier, cache)
            if progress:
                progress("done", t, r)
            return r

    try:
        results = list(await asyncio.gather(*(one(t) for t in targets)))
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
            for r in results if "results" in locals() else []:
                r.folder = None
    for vendor, found in cat_findings.items():
        # a catalogue entry refused (a write command) while the others were read: said once,
        # with the first switch of that vendor, rather than lost
        first = next((r for r in results if r.target.vendor == vendor), None)
        if found and commands.get(vendor) and first is not None:
            first.findings.extend(found)
    if out is not None:
        write_outputs(root, {MANIFEST: _summary(results, previous)}, force=True, private=True)
    return results


def collect_switches(targets: Sequence[Target], **kwargs: object) -> list[SwitchResult]:
    """Synchronous :func:`collect_async` (runs its own event loop)."""
    return asyncio.run(collect_async(targets, **kwargs))  # type: ignore[arg-type]


def _summary(results: Iterable[SwitchResult], previous: dict | None = None) -> str:
    """The run's log and the folder's manifest: statuses, timings, findings (never secrets:
    findings are redacted) and the files written per switch folder.

    Switches an earlier run saved in the same folder and this run did not read keep their
    entries (their files are still there, and still what that run said)."""
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    entries = [
        {
            "name": r.name,
            "vendor": r.target.vendor,
            "via": r.target.via,
            "address": r.target.address,
            "status": r.status,
            "collected": now,
            "seconds": round(r.seconds, 3),
            "host_key": r.host_key,
            "folder": r.folder.name if r.folder else None,
            "commands": sorted(r.outputs),
            "files": r.files,
            "findings": [f.as_dict() for f in sort_findings(r.findings)],
        }
        for r in results
    ]
    ours = {e["folder"] for e in entries if e["folder"]} | {e["name"] for e in entries}
    for old in (previous or {}).get("switches", []):
        if isinstance(old, dict) and old.get("folder") and old.get("folder") not in ours:
            entries.append(old)
    doc = {"collected": now, "switches": entries}
    return json.dumps(doc, indent=2) + "\n"


def run_exit_code(
    results: Sequence[SwitchResult], findings: Iterable[Finding] = (), *, read: bool = True
) -> ExitCode:
    """0/1/2/3 for a collect run: 3 when any switch was not completely read.

    ``read=False``: ``findings`` already hold what the reads found (with the policy applied).
    """
    allf = list(findings) + ([f for r in results for f in r.findings] if read else [])
    unreachable = any(not r.readable for r in results) or any(
        f.code in (CredentialsMissing.code, SwitchWithoutAddress.code) for f in allf
    )
    return exit_code_for(allf, unreachable=unreachable)
