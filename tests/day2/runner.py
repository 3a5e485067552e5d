"""The judge of one day-2 change: state on the oracle → plan → paste → checks → rollback.

A :class:`Scenario` says where the fabric starts (``empty``; the ``brownfield`` zoning a site
had before zoneplan, ``PROD_A``/``PROD_B`` in effect with foreign zones; or ``applied``:
brownfield plus zoneplan's first change for the inventory, the usual case), what other admins
did (``setup``), how the inventory is edited, and which flags the admin gives to ``zoneplan
plan --against <capture>``. :func:`judge` then checks, per expectation:

* ``Refused(code)``: the coded finding, the documented exit code, no file written;
* ``applied``: each fabric's precheck runs on the oracle (every line accepted, nothing
  changed), its script is pasted (a prompting command takes the next pasted line as its
  answer) without one rejected line, then its verify (accepted, nothing changed); every planned alias and zone is
  there as planned, in the config in effect, tags included; every foreign zone and alias is
  unchanged, defined and in effect; nothing is left open and the configuration is saved; the
  scenario's own check; pasting the same script again is harmless (after the abort its
  comments prescribe); planning again against the new state changes nothing; the rollback
  restores the fabric as ``show`` prints it, byte for byte (``rollback="exact"``), or — where
  zoneplan cannot undo by design (it never disables zoning, never un-publishes a pending
  change) — says so and runs cleanly;
* ``unchanged``: the script changes nothing on the fabric;
* ``Safe(code)``: refused with ``code``, or applied as above (the engine may rename instead).

Used by the catalogue (:mod:`tests.day2.test_catalogue`) and the property tests
(:mod:`tests.day2.test_properties`).
"""

from __future__ import annotations

import copy
import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pytest

from tests.day2 import checks as C
from tests.day2.site import FLAGS, PlanResult, Site, base_inventory
from tests.support.oracle import FosFabric, MdsFabric, run_script
from tests.support.oracle.common import ZoningScriptError

AD = FLAGS["allow_delete"]


@dataclass(frozen=True)
class Refused:
    """The plan must stop: this finding code, this exit code, nothing written."""

    code: str
    exit: int = 2


@dataclass(frozen=True)
class Safe:
    """Either refused with ``code``, or applied without touching what ``check`` guards."""

    code: str


@dataclass
class Ctx:
    """What a scenario's check sees."""

    site: Site
    vendor: str
    strategy: str
    before: dict[str, FosFabric | MdsFabric]
    result: PlanResult
    plan: dict[str, Any]  #: plan.json of the change
    first_plan: dict[str, Any] | None  #: plan.json of the earlier change (start="applied")
    scripts: dict[str, str]

    def fabric_plan(self, f: str) -> dict[str, Any]:
        """The change's plan.json entry for fabric ``f``."""
        return next(x for x in self.plan["fabrics"] if x["name"] == f)

    def earlier_plan(self, f: str) -> dict[str, Any]:
        """The earlier change's entry (what zoneplan created before; the change's own when the
        scenario starts without one)."""
        return next(x for x in (self.first_plan or self.plan)["fabrics"] if x["name"] == f)

    def view(self, f: str, state: dict[str, FosFabric | MdsFabric] | None = None) -> dict:
        fab = (state or self.site.fabrics)[f]
        return C.zone_view(fab, self.site.vsan(f) if self.vendor == "cisco" else None)


@dataclass(frozen=True)
class Scenario:
    """One row of the catalogue."""

    id: str
    title: str
    edit: Callable[[dict[str, Any], str], None] | None = None
    flags: tuple[str, ...] = ()
    start: str = "applied"  #: empty | brownfield | applied
    setup: Callable[[Site], None] | None = None
    expect: Refused | Safe | str = "applied"  #: applied | unchanged | Refused | Safe
    rollback: str = "exact"  #: exact | runs (zoneplan cannot undo it, and says so) | defined
    check: Callable[[Ctx], None] | None = None
    vendors: tuple[str, ...] = ("brocade", "cisco")
    strategies: tuple[str, ...] = ("sist",)
    site: dict[str, Any] = field(default_factory=dict)
    inventory: dict[str, Any] = field(default_factory=dict)
    capture: bool = True
    vsans_read: bool = True  #: False: only the planned VSAN of each fabric is read
    version_read: bool = True
    capture_edit: Callable[[Site, Any], None] | None = None
    config_in_inventory: bool = True  #: fabrics[].zoning.config names PROD_<F>
    #: the engine feature this row waits for (xfail, strict); empty once the engine has it
    pending: str = ""
    #: the cases it applies to (``vendor`` or ``vendor-strategy``); empty: every case
    pending_cases: tuple[str, ...] = ()


def _files(out: Any) -> dict[str, bytes]:
    if not out.exists():
        return {}
    return {str(p): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _inventory(sc: Scenario, vendor: str, strategy: str) -> dict[str, Any]:
    kw = dict(sc.inventory)
    fw = kw.pop("firmware", None)
    inv = base_inventory(
        vendor,
        strategy,
        configs={"A": "PROD_A", "B": "PROD_B"} if sc.config_in_inventory else None,
        firmware=fw or None,
        **kw,
    )
    if fw == "":
        for s in inv["switches"]:
            s.pop("firmware", None)
    return inv


_MUST = re.compile(r"^\s*[#!]\s{2,}must\s+(.*)$")
_MORE = re.compile(r"^\s*[#!]\s{6,}(\S.*)$")


def _norm(text: str) -> str:
    return " ".join(text.split())


def _expect(what: str, output: str) -> str | None:
    """Why ``output`` does not say what the comment ``must <what>`` asks, or None."""
    out = _norm(output)
    what = re.sub(r"\s{2,}\(.*\)$", "", what.strip())  # a trailing "(why)" is commentary
    m = re.match(r"^(?:show|print): (.*)$", what)
    if m:
        return None if _norm(m.group(1)) in out else f"no {m.group(1)!r}"
    if what.startswith("show no ") and '"' in what:
        bad = [q for q in re.findall(r'"([^"]+)"', what) if q in output]
        return f"shows {bad}" if bad else None
    if what == "show no active zoneset":
        return "a zoneset is active" if "zoneset name" in output else None
    if what.startswith("show no configuration in effect"):
        return None if "no configuration in effect" in out else "a configuration is in effect"
    m = re.match(r"^show the config in effect: (.*)$", what)
    if m:
        return None if _norm(m.group(1)) in out else f"{m.group(1)!r} not in effect"
    m = re.match(r"^say that (\S+) (?:is not present|does not exist)$", what)
    if m:
        gone = "not present" in output or "does not exist" in output
        return None if gone else f"{m.group(1)} exists"
    if what == "exist":
        gone = not out or "not present" in output or "does not exist" in output
        return "it does not exist" if gone else None
    m = re.match(r"^list: (.*)$", what)
    if m:
        items = [x.strip() for x in m.group(1).split(";") if x.strip()]
        missing = [x for x in items if not re.search(rf"(?<![\w:]){re.escape(x)}(?![\w:])", output)]
        return f"missing {missing}" if missing else None
    return f"an expectation the judge does not know: must {what}"


def _read_only(site: Site, fabric: str, text: str, kind: str) -> None:
    """A precheck / verify file: every command runs on the switch and changes nothing, and its
    output says what the ``must ...`` comments under it ask."""
    snap = site.snapshot(fabric)
    session = site.fabrics[fabric].session("admin")
    output, last, wants = "", "", []
    lines = text.splitlines() + ["<end>"]
    for n, line in enumerate(lines, 1):
        must, more = _MUST.match(line), _MORE.match(line)
        if must:
            wants.append(must.group(1))
            continue
        if more and wants and wants[-1].startswith("list:"):
            wants[-1] += "; " + more.group(1)
            continue
        if line.strip() and not line.strip().startswith(("#", "!")) or line == "<end>":
            for w in wants:
                why = _expect(w, output)
                assert why is None, f"fabric {fabric} {kind}: {last!r} must {w}: {why}\n{output}"
            wants = []
            if line == "<end>":
                break
            reply = session.send(line)
            assert not reply.error and reply.prompt is None, (
                f"fabric {fabric}: the switch rejects {kind} line {n} {line!r}: {reply.output}"
            )
            output, last = reply.output, line
    assert site.snapshot(fabric) == snap, f"the {kind} of fabric {fabric} changed the fabric"
    assert not C.leftovers(site.fabrics[fabric]), f"the {kind} of fabric {fabric} left a session"


def _plan_json(out: Any) -> dict[str, Any]:
    return json.loads((out / "plan.json").read_text())


def judge(sc: Scenario, vendor: str, strategy: str, tmp_path: Path) -> Ctx | None:  # noqa: C901
    """Run one scenario end to end and judge it (see the module docstring); the context of
    an applied change, None for a refusal."""
    site_kw = dict(sc.site)
    site = (Site.empty if sc.start == "empty" else Site.brownfield)(tmp_path, vendor, **site_kw)
    inv0 = _inventory(sc, vendor, strategy)
    out = tmp_path / "out"
    first_plan = None
    if sc.start == "applied":
        r0 = site.plan(inv0, against=site.capture(), out=out)
        assert r0.exit_code == 0, r0.output
        site.apply_plan(r0)
        first_plan = _plan_json(out)
    if sc.setup is not None:
        sc.setup(site)
    before = site.copy_state()
    snaps = site.snapshots()
    inv1 = copy.deepcopy(inv0)
    if sc.edit is not None:
        sc.edit(inv1, vendor)
    cap = None
    if sc.capture:
        cap = site.capture(
            vsans_read={f: [site.vsan(f)] for f in site.fabrics} if not sc.vsans_read else None,
            version=sc.version_read,
        )
        if sc.capture_edit is not None:
            sc.capture_edit(site, cap)
    written = _files(out)
    r = site.plan(inv1, *sc.flags, against=cap, out=out)

    if isinstance(sc.expect, (Refused, Safe)) and r.exit_code != 0:
        exp = sc.expect
        assert exp.code in r.codes("error", "fatal"), (exp.code, r.codes(), r.output)
        if isinstance(exp, Refused):
            assert r.exit_code == exp.exit, r.output
        if r.exit_code == 2:
            assert _files(out) == written, "a refused plan writes nothing"
        return None
    assert not isinstance(sc.expect, Refused), f"expected {sc.expect}, got exit {r.exit_code}"
    assert r.exit_code == 0, r.output
    plan = _plan_json(out)
    scripts = {f: site.script(out, f) for f in site.fabrics}
    rollbacks = {f: site.script(out, f, "rollback") for f in site.fabrics}
    for f, text in scripts.items():
        _read_only(site, f, site.script(out, f, "precheck"), "precheck")
        try:
            site.apply(f, text)
        except ZoningScriptError as exc:
            pytest.fail(f"fabric {f}: the switch rejects {exc}\n--- script ---\n{text}")
        _read_only(site, f, site.script(out, f, "verify"), "verify")
    ctx = Ctx(site, vendor, strategy, before, r, plan, first_plan, scripts)
    after = site.copy_state()
    after_snaps = site.snapshots()
    for f, fab in site.fabrics.items():
        C.assert_clean_end(fab)
        if sc.expect == "unchanged":
            assert after_snaps[f] == snaps[f], f"fabric {f} changed"
            continue
        fp = ctx.fabric_plan(f)
        keeps = None if AD in sc.flags else before[f]  # no removals without --allow-delete
        C.assert_desired(fab, fp, site.vsan(f) if vendor == "cisco" else None, keeps)
        owned = {
            "zones": fp["zones"] + (ctx.earlier_plan(f)["zones"] if first_plan else []),
            "aliases": fp["aliases"] + (ctx.earlier_plan(f)["aliases"] if first_plan else []),
        }
        C.assert_foreign_kept(ctx.view(f, before), ctx.view(f), owned)
        if sc.start != "empty" and sc.rollback == "exact":
            assert ctx.view(f)["in_effect"] == ctx.view(f, before)["in_effect"]
    if sc.check is not None:
        sc.check(ctx)

    # pasting the same script again is harmless (after the abort its comments prescribe)
    for f, text in scripts.items():
        try:
            site.apply(f, text)
        except ZoningScriptError:
            C.abort_own(site.fabrics[f])
        assert site.snapshot(f) == after_snaps[f], f"re-running the script changed fabric {f}"

    # planning again against the new state changes nothing
    again = site.plan(inv1, *[x for x in sc.flags if x == AD], against=site.capture(), out=out)
    assert again.exit_code == 0, again.output
    for f in site.fabrics:
        run_script(site.fabrics[f].session(), site.script(out, f))
        assert site.snapshot(f) == after_snaps[f], f"a second plan changed fabric {f} again"
        change = again.fabric(f).get("change") or {}
        assert change.get("operations") == 0, change

    # the rollback restores what show printed before, byte for byte
    site.fabrics = copy.deepcopy(after)
    for f, text in rollbacks.items():
        site.apply(f, text)
        C.assert_clean_end(site.fabrics[f])
        if sc.rollback == "exact":
            got = site.snapshot(f)
            if got != snaps[f]:
                diff = "".join(
                    difflib.unified_diff(snaps[f].splitlines(True), got.splitlines(True), n=1)
                )
                pytest.fail(f"rollback of fabric {f} is not exact:\n{diff[:3000]}")
        elif sc.rollback == "defined":
            assert ctx.view(f)["zones"] == ctx.view(f, before)["zones"]
            assert ctx.view(f)["aliases"] == ctx.view(f, before)["aliases"]
        else:
            assert re.search(r"disabl|deactivat", text, re.I), "say why it cannot undo"
    return ctx
