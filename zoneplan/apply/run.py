"""``zoneplan apply``: push a reviewed change to one fabric (or each, in order), verified.

The steps for one fabric, each a guard that stops the run with a coded finding:

1. the change folder: plan.json of this inventory (same content hash), the fabric's change,
   and its script and rollback files exactly as plan.json renders them (ZP850); every line of
   both in the pack's change-command catalogue (ZP851);
2. the live read (``before/``): every switch readable (else exit 3, nothing sent); nothing
   open on the fabric — a foreign transaction, session or lock, or one an interrupted earlier
   run left (ZP853); the zoning fingerprint equal to the plan's (ZP852), unless the fabric
   already holds the plan (ZP859, nothing sent);
3. the summary and a confirmation (ZP854); ``--dry-run`` stops here;
4. the script, command by command on one switch, each answer checked against the pack's
   success lines, its questions answered from the pack; on the first error the run discards
   what it opened (ZP855), reads the fabric and says what it holds; a lost connection: what is
   open and how to finish it (ZP856);
5. verification: a new live read (``after/``), audited against the plan (planning again
   against it gives no operation, and no object outside the change differs from before);
   anything else runs the rollback and checks the fabric is back in its state before (ZP857;
   ZP858 when it is not).

Nothing here prints: progress goes to a callback; the CLI shows it.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Callable, Sequence

from pydantic import ValidationError

from ..findings import ExitCode, Finding, Location, Severity
from ..live.collect import Target, targets_from_inventory
from ..live.credentials import CredentialStore, redact
from ..live.ssh import SshOptions
from ..outputs import OutputError
from ..plan.build import inventory_hash
from ..plan.delta import ChangeOptions, compute_change
from ..plan.model import FabricChange, FabricPlan, Plan
from ..render.engine import RenderError, render_fabric
from ..rules.apply import (
    AlreadyApplied,
    ChangeCommandFailed,
    ChangeFolderUnusable,
    CommandOutsideCatalogue,
    ConnectionLostMidChange,
    FabricBusy,
    FabricNotStarted,
    NotConfirmed,
    StateUnknown,
    VerificationFailed,
    ZoningChangedSincePlan,
)
from ..topology import Topology
from .catalogue import ApplyCatalogue, CatalogueError, ScriptLine, catalogue_of
from .channel import Answer, ChangeChannel, ChannelError, ConnectionLost
from .observe import LiveFabric, read_fabric
from .record import Record, earlier_runs

__all__ = ["ApplyOptions", "ApplyRun", "FabricRun", "apply_change", "Verdict"]

ProgressFn = Callable[[str], None]
ConfirmFn = Callable[[str], bool | None]  #: None: no terminal to ask on


class Verdict:
    """What a fabric's run ended with (``verdict.json``), and its exit code."""

    APPLIED = "applied"  #: changed and verified in sync
    ALREADY = "already-applied"  #: the fabric held the plan: nothing sent
    NOTHING = "nothing-to-change"
    DRY_RUN = "dry-run"  #: every check passed; no change command sent
    REFUSED = "refused"  #: a guard stopped the run before anything was sent
    UNREADABLE = "unreadable"  #: a switch could not be read before anything was sent
    ABORTED = "aborted"  #: a command failed; what this run opened was discarded; as before
    ROLLED_BACK = "rolled-back"  #: verification failed; the rollback restored the state before
    INTERRUPTED = "interrupted"  #: the connection was lost mid-change
    UNKNOWN = "state-unknown"  #: neither the state before nor the planned state
    NOT_STARTED = "not-started"  #: --fabric all: an earlier fabric did not end in sync

    EXIT = {
        APPLIED: ExitCode.OK,
        ALREADY: ExitCode.OK,
        NOTHING: ExitCode.OK,
        DRY_RUN: ExitCode.OK,
        REFUSED: ExitCode.UNUSABLE_INPUT,
        UNREADABLE: ExitCode.UNREACHABLE,
        ABORTED: ExitCode.CHANGE_UNDONE,
        ROLLED_BACK: ExitCode.CHANGE_UNDONE,
        INTERRUPTED: ExitCode.STATE_UNKNOWN,
        UNKNOWN: ExitCode.STATE_UNKNOWN,
        NOT_STARTED: ExitCode.OK,
    }
    SUCCESS = frozenset({APPLIED, ALREADY, NOTHING, DRY_RUN})


@dataclass
class ApplyOptions:
    """What the admin asked for (the CLI's options)."""

    change_dir: Path
    fabric: str  #: a fabric name, or ``all``
    inventory: Path | None = None  #: None: where plan.json says (``inventory_file``)
    credentials: Path | None = None
    known_hosts: Path | None = None
    accept_new_host_key: bool = False
    yes: bool = False
    dry_run: bool = False
    confirm: ConfirmFn | None = None  #: asks on a terminal; None: no terminal
    progress: ProgressFn | None = None
    connect_timeout: float = 10.0
    command_timeout: float = 120.0
    store: CredentialStore | None = None  #: credentials (tests, the CLI)


@dataclass
class FabricRun:
    """One fabric's run."""

    fabric: str
    verdict: str = Verdict.REFUSED
    state: str = "not changed: nothing was sent"
    findings: list[Finding] = field(default_factory=list)
    record: Path | None = None
    summary: str = ""
    sent: list[str] = field(default_factory=list)  #: change commands sent
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def exit_code(self) -> ExitCode:
        code = Verdict.EXIT[self.verdict]
        if code == ExitCode.OK and any(f.severity is Severity.ERROR for f in self.findings):
            return ExitCode.FINDINGS
        return code


@dataclass
class ApplyRun:
    """Every fabric's run, in order."""

    fabrics: list[FabricRun] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  #: before any fabric (usage)

    @property
    def exit_code(self) -> ExitCode:
        if any(f.severity is Severity.FATAL for f in self.findings):
            return ExitCode.UNUSABLE_INPUT
        codes = [r.exit_code for r in self.fabrics] or [ExitCode.OK]
        return max(codes)

    def all_findings(self) -> list[Finding]:
        return self.findings + [f for r in self.fabrics for f in r.findings]


# --------------------------------------------------------------------------- the change folder


@dataclass
class _Change:
    plan: Plan
    fp: FabricPlan
    change: FabricChange
    script: list[ScriptLine]
    rollback: list[ScriptLine]
    script_text: str
    rollback_text: str
    cat: ApplyCatalogue


def _unusable(msg: str, where: str, hint: str = "", subject: str = "") -> Finding:
    return ChangeFolderUnusable.make(msg, Location(where), subject=subject, hint=hint)


def load_plan(change_dir: Path) -> tuple[Plan | None, list[Finding]]:
    """plan.json of a change folder."""
    path = change_dir / "plan.json"
    replan = "plan again: zoneplan plan INV --against CAP --out DIR"
    if not path.is_file() or path.is_symlink():
        return None, [
            _unusable(f"{path}: no plan.json (not a zoneplan plan folder)", str(path), replan)
        ]
    try:
        if path.stat().st_size > 512 * 1024 * 1024:
            raise ValueError("absurdly large")
        return Plan.model_validate_json(path.read_bytes()), []
    except (OSError, ValueError, ValidationError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return None, [
            _unusable(f"{path}: not a plan.json zoneplan can read: {first}", str(path), replan)
        ]


def _prepare(plan: Plan, name: str, change_dir: Path) -> tuple[_Change | None, list[Finding]]:
    """The fabric's change, its scripts as reviewed, checked against the pack's catalogue."""
    where = str(change_dir / "plan.json")
    try:
        fp = plan.fabric(name)
    except KeyError:
        known = ", ".join(f.name for f in plan.fabrics) or "none"
        return None, [
            _unusable(f"fabric {name!r} is not in the plan (fabrics: {known})", where, subject=name)
        ]
    change = plan.change(name)
    if change is None:
        return None, [
            _unusable(
                f"fabric {name}: plan.json holds no change for it",
                where,
                "plan it against a capture: zoneplan plan INV --against CAP --out DIR",
                name,
            )
        ]
    if change.alias_switches:
        return None, [
            _unusable(
                f"fabric {name}: the device-alias database is not distributed, so its commands "
                f"must run on each of {', '.join(change.alias_switches)}; apply sends to one "
                "switch only",
                where,
                "paste the script as it says, switch by switch, then zoneplan audit",
                name,
            )
        ]
    try:
        cat = catalogue_of(fp.pack)
        rendered = render_fabric(plan, fp, change)
    except (CatalogueError, RenderError) as exc:
        return None, [_unusable(f"fabric {name}: {exc}", where, subject=name)]
    texts = rendered.artefacts()
    found: list[Finding] = []
    for kind in ("script", "rollback"):
        rel = change.files.get(kind) or f"{name}/{name}.{kind}.txt"
        path = change_dir / rel
        try:
            on_disk = path.read_text(encoding="utf-8") if not path.is_symlink() else None
        except (OSError, UnicodeDecodeError):
            on_disk = None
        if on_disk != texts[kind]:
            found.append(
                _unusable(
                    f"{path}: "
                    + (
                        "missing or unreadable"
                        if on_disk is None
                        else "differs from what plan.json says"
                    )
                    + f": apply sends only the {kind} that was reviewed with its plan",
                    str(path),
                    "plan again into a new folder and review it",
                    name,
                )
            )
    script, bad = cat.script_lines(texts["script"])
    rollback, bad_rb = cat.script_lines(texts["rollback"])
    for kind, lines in (("script", bad), ("rollback", bad_rb)):
        for ln in lines:
            found.append(
                CommandOutsideCatalogue.make(
                    f"{name}.{kind}.txt line {ln.line}: {ln.command!r} is not a change command of "
                    f"the {fp.pack} pack (vendors/{fp.pack}/apply.yaml): nothing is sent",
                    Location(str(change_dir / name / f"{name}.{kind}.txt"), ln.line),
                    subject=name,
                )
            )
    if found:
        return None, found
    return (
        _Change(plan, fp, change, script, rollback, texts["script"], texts["rollback"], cat),
        [],
    )


# --------------------------------------------------------------------------- the summary


def summary(ch: _Change) -> str:
    """What the change does, as the admin confirms it."""
    c = ch.change
    lines = [f"fabric {c.fabric} ({ch.fp.pack}), config {c.config}: {len(c.ops)} operation(s)"]
    if c.counts:
        lines.append(
            "  " + ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in sorted(c.counts.items()))
        )
    if c.enable:
        lines.append(f"  then {c.enable} is enabled / activated: the fabric enforces the change")
    elif c.save:
        lines.append("  then the defined database is saved (what is enforced does not change)")
    for a in c.access[:50]:
        who = a.name or a.wwpn
        if a.gains:
            lines.append(f"  {who} gains access to {', '.join(a.gains)}")
        if a.loses:
            lines.append(f"  {who} LOSES access to {', '.join(a.loses)}")
    if len(c.access) > 50:
        lines.append(f"  ... and {len(c.access) - 50} more devices whose access changes")
    kept = c.foreign_kept
    n_kept = len(kept.aliases) + len(kept.zones) + len(kept.configs)
    if n_kept:
        lines.append(f"  {n_kept} object(s) zoneplan did not create are kept as they are")
    if c.irreversible:
        lines.append(f"  not undone by the rollback: {c.irreversible}")
    lines.append(f"  {len(ch.script)} command(s) sent to one switch of fabric {c.fabric}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- one fabric


class _Runner:
    def __init__(self, opts: ApplyOptions, topology: Topology, ch: _Change, targets: list[Target]):
        self.opts = opts
        self.topology = topology
        self.ch = ch
        self.targets = targets
        self.run = FabricRun(ch.fp.name)
        self.record = Record(opts.change_dir, ch.fp.name)
        self.run.record = self.record.folder
        self.ssh = SshOptions(
            known_hosts=opts.known_hosts,
            accept_new_host_key=opts.accept_new_host_key,
            connect_timeout=opts.connect_timeout,
            command_timeout=opts.command_timeout,
            retries=1,
        )
        self.transcript: list[str] = []
        self.secrets = [s for t in targets if t.credential for s in t.credential.secrets()]
        self.started = datetime.now(UTC)
        self.open_scopes: list[dict[str, str]] = []
        self.user = next((t.credential.user for t in targets if t.credential), None) or "?"
        self.switch = ""

    # -- helpers ----------------------------------------------------------------------------
    def say(self, text: str) -> None:
        if self.opts.progress is not None:
            self.opts.progress(text)

    def find(self, rule: Any, msg: str, hint: str = "", where: str = "") -> None:
        self.run.findings.append(
            rule.make(
                redact(msg, self.secrets),
                Location(where or f"{self.ch.fp.name}:apply"),
                subject=self.ch.fp.name,
                hint=hint,
            )
        )

    async def read(self, label: str) -> LiveFabric:
        self.say(f"{self.ch.fp.name}: reading the fabric ({label})")
        self.record.create()
        live = await read_fabric(
            self.ch.fp, self.targets, self.topology, self.record.path(label), self.ssh
        )
        self.run.timings[f"read {label}"] = round(live.seconds, 3)
        return live

    def facts(self) -> dict[str, object]:
        a = self.ch.change.against
        return {
            "zone_mode": a.zone_mode if a else None,
            "alias_distribution": a.alias_distribution if a else None,
        }

    def fill(self, text: str) -> str:
        return (
            text.replace("{user}", self.user)
            .replace("{switch}", self.switch)
            .replace("{vsan}", str(self.ch.fp.vsan or ""))
        )

    def finish(self) -> FabricRun:
        r = self.run
        doc = {
            "fabric": r.fabric,
            "verdict": r.verdict,
            "state": r.state,
            "exit_code": int(r.exit_code),
            "switch": self.switch,
            "user": self.user,
            "started": self.started.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "finished": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "fingerprint_planned_against": (
                self.ch.change.against.fingerprint if self.ch.change.against else None
            ),
            "commands_sent": len(r.sent),
            "open": self.open_scopes,
            "timings": r.timings,
            "findings": [f.as_dict() for f in r.findings],
        }
        try:
            if self.transcript:
                self.record.write("transcript.txt", "".join(self.transcript))
            self.record.verdict(doc)
        except OutputError as exc:
            r.findings.append(
                ChangeFolderUnusable.make(
                    f"the record of this run could not be written: {exc}",
                    Location(str(self.record.folder)),
                    subject=r.fabric,
                    severity=Severity.ERROR,
                )
            )
        return r

    def log(self, ans: Answer) -> None:
        stamp = datetime.now(UTC).strftime("%H:%M:%S.%f")[:-3]
        reply = ans.text if ans.text.endswith("\n") or not ans.text else ans.text + "\n"
        extra = "".join(f"  (answered {a!r})\n" for a in ans.answered)
        self.transcript.append(
            f"[{stamp}] {self.switch}> {ans.command}\n{redact(reply, self.secrets)}{extra}"
        )

    # -- the guards -------------------------------------------------------------------------
    def interrupted_before(self) -> list[tuple[Path, dict[str, Any]]]:
        return [
            (p, d)
            for p, d in earlier_runs(self.opts.change_dir, self.ch.fp.name)
            if d.get("verdict") in (Verdict.INTERRUPTED, "in-progress", Verdict.UNKNOWN)
            and p != self.record.folder
        ]

    def in_sync(self, live: LiveFabric) -> list[str]:
        """What keeps the fabric from holding the plan (empty: in sync)."""
        assert live.baseline is not None
        c = self.ch.change
        opts = ChangeOptions(
            enable_zoning=True,
            accept_pending=True,
            ownership=c.ownership,
            firmware=dict(c.against.firmware) if c.against else {},
        )
        got = compute_change(self.ch.fp, live.baseline, opts)
        return [f"{op.op.value} {op.name}".strip() for op in got.change.ops]

    def foreign_changed(self, before: LiveFabric, after: LiveFabric) -> list[str]:
        """Objects the change does not name that differ between the two reads."""
        if before.canonical is None or after.canonical is None:
            return ["the fabric could not be compared"]
        touched = {op.name for op in self.ch.change.ops} | {self.ch.change.config}
        out: list[str] = []
        b, a = before.canonical.get("defined") or {}, after.canonical.get("defined") or {}
        for kind in ("aliases", "zones", "configs"):
            for name, val in (b.get(kind) or {}).items():
                if name not in touched and (a.get(kind) or {}).get(name) != val:
                    out.append(f"{kind[:-1]} {name}")
        bd, ad = (
            before.canonical.get("device_aliases") or {},
            after.canonical.get("device_aliases") or {},
        )
        for name, val in bd.items():
            if name not in touched and ad.get(name) != val:
                out.append(f"device-alias {name}")
        return out

    # -- the run ----------------------------------------------------------------------------
    async def go(self) -> FabricRun:
        try:
            self.record.create()
        except OutputError as exc:
            self.find(
                ChangeFolderUnusable,
                f"the record folder cannot be written: {exc}; nothing was sent",
            )
            return self.run
        return await self._go()

    async def _go(self) -> FabricRun:
        ch, run = self.ch, self.run
        name = ch.fp.name
        run.summary = summary(ch)
        t0 = time.monotonic()
        before = await self.read("before")
        if not before.readable:
            run.verdict = Verdict.UNREADABLE
            run.findings += before.findings
            run.state = "not changed: nothing was sent (the fabric could not be read completely)"
            return self.finish()
        if before.busy:
            left = self.interrupted_before()
            if left:
                path, doc = left[-1]
                how = "; ".join(s.get("finish", "") for s in doc.get("open", [])) or (
                    "discard it as the user who opened it"
                )
                self.find(
                    FabricBusy,
                    f"fabric {name}: {'; '.join(before.busy)} — left open by the apply run "
                    f"recorded in {path} ({doc.get('verdict')}); nothing was sent",
                    hint=how,
                )
            else:
                self.find(
                    FabricBusy,
                    f"fabric {name}: {'; '.join(before.busy)}; nothing was sent (apply never "
                    "clears another admin's transaction or lock)",
                    hint="ask its owner to commit or abort it, then apply again",
                )
            run.verdict = Verdict.REFUSED
            return self.finish()
        against = ch.change.against
        if ch.change.empty:
            run.verdict, run.state = Verdict.NOTHING, "unchanged: the change is empty"
            return self.finish()
        same = before.fingerprint == against.fingerprint if against is not None else before.empty()
        if not same:
            missing = self.in_sync(before)
            if not missing:
                self.find(
                    AlreadyApplied,
                    f"fabric {name} already holds what the change wants; nothing was sent",
                )
                run.verdict, run.state = Verdict.ALREADY, "as planned (already applied earlier)"
                return self.finish()
            what = (
                f"its zoning fingerprint is {before.fingerprint[:16]}, the plan was computed "
                f"against {against.fingerprint[:16]} ({against.source})"
                if against is not None and before.fingerprint
                else "the fabric declared new has zoning now"
            )
            self.find(
                ZoningChangedSincePlan,
                f"fabric {name} changed since the plan: {what}; nothing was sent",
                hint="capture it again, plan against the new capture, review, apply",
            )
            run.verdict = Verdict.REFUSED
            return self.finish()
        if self.opts.dry_run or self.opts.yes:
            self.say(run.summary)  # what is (or would be) sent; a terminal prompt shows it too
        if self.opts.dry_run:
            self.record.write("script.txt", ch.script_text)
            run.verdict = Verdict.DRY_RUN
            run.state = "not changed: --dry-run sends no change command"
            run.timings["total"] = round(time.monotonic() - t0, 3)
            return self.finish()
        if not self.opts.yes:
            ok = self.opts.confirm(run.summary) if self.opts.confirm is not None else None
            if not ok:
                self.find(
                    NotConfirmed,
                    f"fabric {name}: "
                    + ("not confirmed" if ok is False else "no --yes and no terminal to ask on")
                    + "; nothing was sent",
                    hint="answer y on a terminal, or pass --yes",
                )
                run.verdict = Verdict.REFUSED
                return self.finish()
        try:
            self.record.write("script.txt", ch.script_text)
            self.record.verdict(
                {
                    "fabric": name,
                    "verdict": "in-progress",
                    "user": self.user,
                    "open": self._scope_docs(ch.cat.scopes),
                }
            )
        except OutputError as exc:
            self.find(
                ChangeFolderUnusable, f"the record cannot be written: {exc}; nothing was sent"
            )
            return self.run
        t1 = time.monotonic()
        outcome = await self.send_all(ch.script, "script")
        run.timings["send"] = round(time.monotonic() - t1, 3)
        if outcome == "lost":
            return await self.after_lost()
        if outcome == "error":
            self.open_scopes = []
            return await self.back_as_before(before, "after", "abort", t0, ok=True)
        after = await self.read("after")
        problems = ["the fabric could not be read completely"] if not after.readable else []
        if not problems:
            problems = [f"still to do: {m}" for m in self.in_sync(after)]
            problems += [
                f"changed outside the plan: {m}" for m in self.foreign_changed(before, after)
            ]
        if not problems:
            run.verdict, run.state = Verdict.APPLIED, "as planned: verified in sync by a new read"
            run.timings["total"] = round(time.monotonic() - t0, 3)
            return self.finish()
        self.find(
            VerificationFailed,
            f"fabric {name}: after the change the fabric is not as planned ({'; '.join(problems[:10])}); "
            "the rollback runs",
        )
        self.record.write("rollback.txt", ch.rollback_text)
        outcome = await self.send_all(ch.rollback, "rollback")
        if outcome == "lost":
            return await self.after_lost()
        return await self.back_as_before(before, "after-rollback", "rollback", t0, outcome == "ok")

    async def back_as_before(
        self, before: LiveFabric, label: str, how: str, t0: float, ok: bool
    ) -> FabricRun:
        """Read the fabric again: as before (aborted / rolled back) or, honestly, not."""
        run = self.run
        now = await self.read(label)
        if ok and now.readable and now.fingerprint == before.fingerprint:
            run.verdict = Verdict.ABORTED if how == "abort" else Verdict.ROLLED_BACK
            what = "the change was discarded" if how == "abort" else "the rollback restored it"
            run.state = f"as before: {what} (verified by reading it again)"
        elif (
            how == "abort"
            and now.readable
            and not now.busy
            and not self.in_sync(now)
            and not self.foreign_changed(before, now)
        ):
            # the command that failed came after the commit (saving the configuration): the
            # change is in place, and the failure stays reported (exit 1)
            run.verdict = Verdict.APPLIED
            run.state = (
                "as planned (verified by reading it again), but a command after the commit "
                "failed: see the finding"
            )
        else:
            run.verdict = Verdict.UNKNOWN
            run.state = self.describe(before, now)
            self.find(StateUnknown, f"fabric {run.fabric}: after the {how}, {run.state}")
        run.timings["total"] = round(time.monotonic() - t0, 3)
        return self.finish()

    def describe(self, before: LiveFabric, now: LiveFabric) -> str:
        if not now.readable:
            return "unknown: the fabric could not be read again"
        parts = _differences(before.canonical or {}, now.canonical or {})
        busy = "; open: " + "; ".join(now.busy) if now.busy else ""
        return (
            "neither as before nor as planned: "
            + (", ".join(parts[:20]) or "the zoning differs")
            + (f" (and {len(parts) - 20} more)" if len(parts) > 20 else "")
            + busy
        )

    def _scope_docs(self, scopes: Sequence[Any]) -> list[dict[str, str]]:
        return [
            {"name": self.fill(s.name), "finish": self.fill(s.finish)}
            for s in scopes
            if self.ch.cat.scope_applies(s, self.facts())
        ]

    async def after_lost(self) -> FabricRun:
        run = self.run
        name = self.ch.fp.name
        self.find(
            ConnectionLostMidChange,
            f"fabric {name}: the connection to {self.switch} was lost after "
            f"{len(run.sent)} change command(s); the last one's effect is unknown",
            hint="; ".join(s["finish"] for s in self.open_scopes) or "read the fabric",
        )
        now = await self.read("after")
        busy = f"; open: {'; '.join(now.busy)}" if now.readable and now.busy else ""
        run.verdict = Verdict.INTERRUPTED
        run.state = (
            "unknown: the change was interrupted"
            + busy
            + (
                f" — to finish: {'; '.join(s['finish'] for s in self.open_scopes)}"
                if self.open_scopes
                else ""
            )
        )
        self.find(StateUnknown, f"fabric {name}: {run.state}")
        return self.finish()

    async def send_all(self, lines: list[ScriptLine], kind: str) -> str:
        """Send ``lines``; ``ok``, ``error`` (aborted what was opened) or ``lost``."""
        cat = self.ch.cat
        target = next((t for t in self.targets if t.name in self.ch.fp.switches), self.targets[0])
        self.switch = target.name
        chan = ChangeChannel(
            target.name,
            target.host,
            target.port or 22,
            target.credential,  # type: ignore[arg-type]
            cat,
            known_hosts=self.opts.known_hosts,
            accept_new_host_key=self.opts.accept_new_host_key,
            connect_timeout=self.opts.connect_timeout,
            command_timeout=self.opts.command_timeout,
        )
        self.say(f"{self.ch.fp.name}: sending the {kind} to {target.name} ({len(lines)} commands)")
        try:
            await chan.open()
        except ChannelError as exc:
            self.find(ChangeCommandFailed, f"{exc}; nothing of the {kind} was sent")
            return "error"
        scopes = [s for s in cat.scopes if cat.scope_applies(s, self.facts())]
        vsan = str(self.ch.fp.vsan or "")
        opens = [(s, cat.scope_pattern(s.opens, vsan=vsan)) for s in scopes]
        closes = [(s, cat.scope_pattern(s.closes, vsan=vsan)) for s in scopes]
        opened: list[Any] = []
        try:
            for ln in lines:
                self.run.sent.append(ln.command)
                grew = False
                for s, pattern in opens:
                    if s not in opened and pattern.match(ln.command):
                        opened.append(s)
                        grew = True
                if grew:
                    self.open_scopes = [
                        {"name": self.fill(s.name), "finish": self.fill(s.finish)} for s in opened
                    ]
                ans = await chan.send(ln.command)
                self.log(ans)
                problem = (
                    "no answer within the time limit"
                    if ans.timed_out
                    else cat.reply_problem(ans.text)
                    or (f"exit status {ans.status}" if ans.status not in (None, 0) else None)
                )
                if problem is not None:
                    self.find(
                        ChangeCommandFailed,
                        f"{self.switch}: {kind} line {ln.line} {ln.command!r} failed: {problem}; "
                        "what this run opened is discarded",
                        where=f"{self.switch}:{ln.command}",
                    )
                    await self.abort(chan, opened, vsan)
                    return "error"
                for s, pattern in closes:
                    if s in opened and pattern.match(ln.command):
                        opened.remove(s)
                        self.open_scopes = [
                            {"name": self.fill(x.name), "finish": self.fill(x.finish)}
                            for x in opened
                        ]
            self.open_scopes = []
            return "ok"
        except ConnectionLost:
            for a in chan.transcript[-1:]:
                if a.text.startswith("(connection lost)"):
                    self.log(a)
            return "lost"
        finally:
            await chan.close()

    async def abort(self, chan: ChangeChannel, opened: list[Any], vsan: str) -> None:
        """Discard what this run opened (last opened first), then leave config mode."""
        cat = self.ch.cat
        for s in reversed(opened):
            for cmd in s.abort:
                cmd = cmd.replace("{vsan}", vsan)
                ans = await chan.send(cmd)
                self.log(ans)
                bad = cat.reply_problem(ans.text, abort=True)
                if bad is not None:
                    self.find(
                        StateUnknown,
                        f"{self.switch}: {cmd!r} (discarding the {self.fill(s.name)}) answered: {bad}",
                        where=f"{self.switch}:{cmd}",
                    )
        for cmd in cat.leave:
            self.log(await chan.send(cmd))


def _differences(before: dict[str, Any], now: dict[str, Any]) -> list[str]:
    """Objects added, removed or changed between two canonical zonings, by name."""
    out: list[str] = []
    pairs = [
        (
            f"{kind[:-1]}",
            ((before.get("defined") or {}).get(kind) or {}),
            ((now.get("defined") or {}).get(kind) or {}),
        )
        for kind in ("aliases", "zones", "configs")
    ]
    pairs.append(
        ("device-alias", before.get("device_aliases") or {}, now.get("device_aliases") or {})
    )
    for kind, b, a in pairs:
        for name in sorted(set(b) | set(a)):
            if name not in b:
                out.append(f"{kind} {name} added")
            elif name not in a:
                out.append(f"{kind} {name} removed")
            elif a[name] != b[name]:
                out.append(f"{kind} {name} changed")
    be, ne = before.get("effective") or {}, now.get("effective") or {}
    if (be or {}).get("in_effect") != (ne or {}).get("in_effect") or be != ne:
        out.append("the configuration in effect changed")
    return out


# --------------------------------------------------------------------------- entry


_NAME_IT = "name the inventory the plan was made from: --inventory INV"


def _inventory_of(plan: Plan, opts: ApplyOptions) -> tuple[Path | None, str]:
    """(the inventory to apply with, or None and why): ``--inventory``, else the file
    plan.json names (relative to the change folder)."""
    if opts.inventory is not None:
        return opts.inventory, ""
    where = opts.change_dir / "plan.json"
    if not plan.inventory_file:
        return None, f"{where} does not say where its inventory is"
    path = Path(plan.inventory_file)
    path = path if path.is_absolute() else opts.change_dir / path
    if not path.is_file():
        return None, f"{where} names the inventory {path}, which is not there"
    return path, ""


def apply_change(opts: ApplyOptions) -> ApplyRun:
    """Run ``zoneplan apply``; never raises for switch or input problems."""
    return asyncio.run(apply_change_async(opts))


async def apply_change_async(opts: ApplyOptions) -> ApplyRun:
    out = ApplyRun()
    plan, found = load_plan(opts.change_dir)
    out.findings += found
    if plan is None:
        return out
    from ..validate import validate_inventory

    inv, problem = _inventory_of(plan, opts)
    if inv is None:
        out.findings.append(_unusable(problem, str(opts.change_dir / "plan.json"), _NAME_IT))
        return out
    opts = dataclasses.replace(opts, inventory=inv)
    validation = validate_inventory(inv)
    if not validation.usable or validation.topology is None:
        out.findings += [f for f in validation.findings if f.severity is Severity.FATAL] or [
            _unusable(f"{inv}: the inventory cannot be used", str(inv))
        ]
        return out
    topology = validation.topology
    if inventory_hash(topology) != plan.inventory_hash:
        out.findings.append(
            _unusable(
                f"{inv}: its content hash {inventory_hash(topology)} is not the one "
                f"the plan was made from ({plan.inventory_hash})",
                str(inv),
                "apply with the inventory the plan was made from, or plan again",
            )
        )
        return out
    names = [f.name for f in plan.fabrics] if opts.fabric == "all" else [opts.fabric]
    prepared: list[_Change] = []
    for name in names:
        ch, found = _prepare(plan, name, opts.change_dir)
        out.findings += found
        if ch is not None:
            prepared.append(ch)
    if any(f.severity is Severity.FATAL for f in out.findings):
        return out
    store = opts.store or CredentialStore(
        path=opts.credentials, inventory_path=opts.inventory, interactive=False
    )
    stop = False
    for ch in prepared:
        if stop:
            out.fabrics.append(
                FabricRun(
                    ch.fp.name,
                    Verdict.NOT_STARTED,
                    "not changed: not started",
                    [
                        FabricNotStarted.make(
                            f"fabric {ch.fp.name} not started: an earlier fabric did not end in sync",
                            Location(f"{ch.fp.name}:apply"),
                            subject=ch.fp.name,
                        )
                    ],
                )
            )
            continue
        targets, tf = targets_from_inventory(
            topology.inventory, store, fabric=ch.fp.name, source=str(opts.inventory)
        )
        missing = [s for s in ch.fp.switches if s not in {t.name for t in targets}]
        if missing or not targets:
            run = FabricRun(ch.fp.name, Verdict.UNREADABLE, "not changed: nothing was sent", tf)
            out.fabrics.append(run)
            stop = True
            continue
        run = await _Runner(opts, topology, ch, targets).go()
        out.fabrics.append(run)
        if run.verdict not in Verdict.SUCCESS:
            stop = True
    return out
