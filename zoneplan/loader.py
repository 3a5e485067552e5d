"""Inventory file → validated :class:`~zoneplan.model.Inventory`, or coded findings.

Every problem in the file is reported at once, each at its ``file:line:col``: YAML syntax
(ZP001), duplicate keys (ZP002), wrong values (ZP003), unknown keys (ZP004), missing keys
(ZP005), absurd sizes (ZP006), unreadable files (ZP007), bad WWPNs (ZP008), unsafe names (ZP009).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .findings import Finding, Location
from .model import NAME_PATTERN, Inventory
from .rules.base import Rule
from .rules.input import (
    DuplicateKey,
    InvalidName,
    InvalidValue,
    InvalidWwpn,
    MissingKey,
    UnknownKey,
    UnreadableFile,
    YamlSyntax,
)
from .yamlsource import SourceMap, YamlProblem, load_yaml


def loader_finding(
    rule: type[Rule], message: str, location: Location | None, subject: str = ""
) -> Finding:
    """A fatal finding of the loader family (ZP001-ZP009, :mod:`zoneplan.rules.input`)."""
    return rule.make(message, location, subject=subject)


@dataclass
class LoadResult:
    """The outcome of loading one inventory file."""

    file: str
    inventory: Inventory | None
    source: SourceMap
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.inventory is not None


def _path_text(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _data_path(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Pydantic's loc with union branch labels (``int``, ``list[str]``) and validators dropped."""
    return tuple(p for p in loc if isinstance(p, int) or ("[" not in p and p not in _BRANCHES))


_BRANCHES = {
    "int",
    "str",
    "bool",
    "float",
    "list",
    "dict",
    "none",
    "function-after",
    "function-before",
}


def _classify(err: dict[str, Any]) -> tuple[type[Rule], str]:
    kind = err["type"]
    loc = _data_path(err["loc"])
    field_name = loc[-1] if loc else ""
    msg = err["msg"]
    if kind == "extra_forbidden":
        return (
            UnknownKey,
            f"unknown key '{field_name}' in {_path_text(loc[:-1]) or 'the top level'}",
        )
    if kind == "missing":
        return (
            MissingKey,
            f"missing key '{field_name}' in {_path_text(loc[:-1]) or 'the top level'}",
        )
    if field_name in ("wwpn", "wwnn"):
        return InvalidWwpn, f"{_path_text(loc)}: {msg.removeprefix('Value error, ')}"
    if kind == "string_pattern_mismatch" and err.get("ctx", {}).get("pattern") == NAME_PATTERN:
        value = err.get("input")
        return (
            InvalidName,
            f"{_path_text(loc)}: name {value!r} is not allowed: use letters, digits, '_', '-', "
            "'.', starting with a letter or digit, at most 64 characters",
        )
    return InvalidValue, f"{_path_text(loc)}: {msg.removeprefix('Value error, ')}"


def validation_findings(exc: ValidationError, source: SourceMap) -> list[Finding]:
    """Pydantic errors as loader findings, deduplicated (unions repeat themselves)."""
    out: list[Finding] = []
    seen: set[tuple[str, tuple[Any, ...]]] = set()
    for err in exc.errors(include_url=False):
        rule, message = _classify(err)
        path = _data_path(err["loc"])
        if (rule.code, path) in seen:
            continue
        seen.add((rule.code, path))
        where = source.locate(path, key=rule is UnknownKey)
        out.append(loader_finding(rule, message, where, _path_text(path)))
    return out


def parse_inventory(text: str, file: str) -> LoadResult:
    """Validate inventory ``text`` (named ``file`` in messages)."""
    try:
        data, source = load_yaml(text, file)
    except YamlProblem as exc:
        return LoadResult(
            file, None, SourceMap(file, None), [loader_finding(exc.rule, exc.message, exc.location)]
        )
    findings = [
        loader_finding(
            DuplicateKey,
            f"duplicate key '{d.key}' (first at line {d.first.line}); YAML would silently keep "
            "only one of them",
            d.location,
            d.key,
        )
        for d in source.duplicates
    ]
    if not isinstance(data, dict):
        findings.append(
            loader_finding(
                InvalidValue,
                "an inventory is a mapping with at least 'name' and 'fabrics'",
                source.locate(()),
            )
        )
        return LoadResult(file, None, source, findings)
    try:
        inventory = Inventory.model_validate(data)
    except ValidationError as exc:
        findings.extend(validation_findings(exc, source))
        return LoadResult(file, None, source, findings)
    if findings:
        return LoadResult(file, None, source, findings)
    return LoadResult(file, inventory, source, findings)


def load_inventory(path: str | Path) -> LoadResult:
    """Read and validate an inventory file; never raises for bad input."""
    p = Path(path)
    file = str(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        return LoadResult(
            file,
            None,
            SourceMap(file, None),
            [
                loader_finding(
                    UnreadableFile, f"cannot read inventory: {exc.strerror or exc}", Location(file)
                )
            ],
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return LoadResult(
            file,
            None,
            SourceMap(file, None),
            [loader_finding(YamlSyntax, "file is not UTF-8 text", Location(file, line))],
        )
    return parse_inventory(text, file)
