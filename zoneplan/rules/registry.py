"""The catalogue: every rule class of every ``zoneplan.rules.*`` module's ``RULES`` tuple.

Codes and names are checked for uniqueness and form when the catalogue is first built, so a
clash is a test failure, not a surprise in a report. Selection follows ruff: ``--select ZP3
--ignore ZP308`` match by code prefix.
"""

from __future__ import annotations

import fnmatch
import importlib
import pkgutil
from functools import lru_cache
from typing import Iterable, Sequence

from ..findings import Finding, Severity
from .base import CODE_RE, NAME_RE, Rule, RuleContext, RuleScope


class CatalogueError(Exception):
    """Two rules share a code or name, or one is malformed: a programming error."""


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """Every rule, sorted by code."""
    from .. import rules as pkg

    found: list[type[Rule]] = []
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
        if info.name in ("base", "registry"):
            continue
        module = importlib.import_module(f"{pkg.__name__}.{info.name}")
        found.extend(getattr(module, "RULES", ()))
    codes: dict[str, type[Rule]] = {}
    names: dict[str, type[Rule]] = {}
    for r in found:
        if not CODE_RE.fullmatch(r.code) or not NAME_RE.fullmatch(r.name):
            raise CatalogueError(f"{r.__name__}: bad code or name {r.code} {r.name}")
        if r.code in codes or r.name in names:
            raise CatalogueError(f"{r.__name__}: duplicate code or name {r.code} {r.name}")
        codes[r.code] = r
        names[r.name] = r
    return tuple(sorted(found, key=lambda r: r.code))


def rule_by_code(code: str) -> type[Rule] | None:
    code = code.upper()
    for r in all_rules():
        if r.code == code or r.name == code.lower():
            return r
    return None


def selector_codes(values: Iterable[str]) -> tuple[list[str], list[str]]:
    """``--select``/``--ignore`` values (comma lists allowed) as code prefixes, and the values
    that name no rule: a code or prefix no rule starts with, or an unknown rule name.

    ``ZP3`` and ``zp301`` are prefixes; ``unzoned-login`` is a rule name (its code).
    """
    codes: list[str] = []
    unknown: list[str] = []
    for value in values:
        for part in (p.strip() for p in value.split(",")):
            if not part:
                continue
            upper = part.upper()
            if upper.startswith("ZP") and upper[2:].isdigit() and len(upper) <= 5:
                if any(r.code.startswith(upper) for r in all_rules()):
                    codes.append(upper)
                    continue
            else:
                rule = rule_by_code(part)
                if rule is not None:
                    codes.append(rule.code)
                    continue
            unknown.append(part)
    return codes, unknown


def selected(code: str, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> bool:
    """ruff-style prefix selection: the more specific of --select and --ignore wins."""
    sel = max((len(s) for s in select if code.startswith(s.upper())), default=None)
    if select and sel is None:
        return False
    ign = max((len(s) for s in ignore if code.startswith(s.upper())), default=None)
    return ign is None or (sel or 0) > ign


def apply_policy(
    findings: Iterable[Finding],
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severities: dict[str, str] | None = None,
    suppressions: Sequence[object] = (),
) -> tuple[list[Finding], list[tuple[Finding, str]]]:
    """Filter and re-grade findings; returns (kept, suppressed with their reasons).

    Fatal findings (unusable input) are never filtered: nobody can select their way past a
    file that could not be read.
    """
    severities = severities or {}
    kept: list[Finding] = []
    silenced: list[tuple[Finding, str]] = []
    for f in findings:
        if f.severity is Severity.FATAL:
            kept.append(f)
            continue
        if not selected(f.code, select, ignore):
            continue
        level = _severity_for(f.code, severities)
        if level == "off":
            continue
        if level:
            f = f.with_severity(Severity(level))
        reason = _suppressed(f, suppressions)
        if reason is not None:
            silenced.append((f, reason))
            continue
        kept.append(f)
    return kept, silenced


def _severity_for(code: str, severities: dict[str, str]) -> str | None:
    best = None
    for prefix, level in severities.items():
        if code.startswith(prefix) and (best is None or len(prefix) > len(best[0])):
            best = (prefix, getattr(level, "value", level))
    return best[1] if best else None


def _suppressed(f: Finding, suppressions: Sequence[object]) -> str | None:
    s = suppression_for(f, suppressions)
    return s.reason if s is not None else None  # type: ignore[attr-defined]


def suppression_for(f: Finding, suppressions: Sequence[object]) -> object | None:
    """The first suppression (``code`` prefix, ``subject`` glob) that matches ``f``."""
    for s in suppressions:
        if f.code.startswith(s.code) and fnmatch.fnmatchcase(f.subject, s.subject):  # type: ignore[attr-defined]
            return s
    return None


def run_inventory_rules(ctx: RuleContext) -> list[Finding]:
    """Run every ``inventory``-scope rule (selection and policy are applied by the caller)."""
    out: list[Finding] = []
    for cls in all_rules():
        if cls.scope is RuleScope.INVENTORY:
            out.extend(cls().check(ctx))
    return out
