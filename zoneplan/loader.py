"""Inventory file → validated :class:`~zoneplan.model.Inventory`, or coded findings.

Every problem in the file is reported at once, each at its ``file:line:col``: YAML syntax
(ZP001), duplicate keys (ZP002), wrong values (ZP003), unknown keys (ZP004), missing keys
(ZP005), absurd sizes (ZP006), unreadable files (ZP007), bad WWPNs (ZP008), unsafe names (ZP009).
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from . import limits
from .findings import Finding, Location
from .model import NAME_PATTERN, Inventory
from .rules.base import Rule
from .rules.input import (
    DuplicateKey,
    InputTooLarge,
    InvalidName,
    InvalidValue,
    InvalidWwpn,
    MissingKey,
    UnknownKey,
    UnreadableFile,
    YamlSyntax,
)
from .spelling import did_you_mean, inventory_path
from .wwn import node_port_pair
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
    #: when the file cannot be used: the objects that could be read, for the rules that can
    #: still run (``source`` of a partial inventory locates in the original file)
    partial: Partial | None = None

    @property
    def ok(self) -> bool:
        return self.inventory is not None


@dataclass
class Partial:
    """The inventory without the objects that have schema errors, to run the rules on.

    Why: an admin fixing a file wants every problem at once, the design rules' too; objects
    that cannot be read are left out (whole hosts, arrays, ISLs or kept zones), the rest is
    checked. ``left_out`` names them for the message.
    """

    inventory: Inventory
    source: Renumbered
    left_out: list[str] = field(default_factory=list)


class Renumbered:
    """A :class:`SourceMap` for a partial inventory: list indices mapped back to the file's."""

    def __init__(self, source: SourceMap, kept: dict[str, list[int]]):
        self.source = source
        self.file = source.file
        self.kept = kept

    def locate(self, path: Any, *, key: bool = False) -> Location:
        parts = list(path)
        if len(parts) >= 2 and parts[0] in self.kept and isinstance(parts[1], int):
            order = self.kept[parts[0]]
            if 0 <= parts[1] < len(order):
                parts[1] = order[parts[1]]
        return self.source.locate(parts, key=key)


#: top-level lists whose items can be left out of a partial inventory (nothing else refers to
#: a host, an ISL or a kept zone by position; arrays are referred to by name, and a dangling
#: name stops the rules as it should)
_PRUNABLE = ("hosts", "arrays", "isls", "existing_zones")


def _partial(data: dict, exc: ValidationError, source: SourceMap) -> Partial | None:
    """The inventory without the list items that have errors, when that validates."""
    drop: dict[str, set[int]] = {}
    for err in exc.errors(include_url=False):
        loc = _data_path(err["loc"], data)
        if len(loc) < 2 or loc[0] not in _PRUNABLE or not isinstance(loc[1], int):
            return None  # a switch, a fabric, the cluster or a top-level key: no design to check
        drop.setdefault(loc[0], set()).add(loc[1])
    pruned = dict(data)
    kept: dict[str, list[int]] = {}
    left_out: list[str] = []
    for key, bad in drop.items():
        items = data.get(key)
        if not isinstance(items, list):
            return None
        kept[key] = [i for i in range(len(items)) if i not in bad]
        pruned[key] = [items[i] for i in kept[key]]
        left_out += [inventory_path(data, (key, i)) for i in sorted(bad)]
    try:
        inventory = Inventory.model_validate(pruned)
    except ValidationError:
        return None
    return Partial(inventory, Renumbered(source, kept), left_out)


def _path_text(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _data_path(loc: tuple[Any, ...], data: Any = None) -> tuple[Any, ...]:
    """Pydantic's loc with union branch labels (``int``, ``list[str]``) and validators dropped.

    Walked along the data: a part that *is* a key there is kept whatever it looks like (a key
    ``a[0]`` or ``int`` is the user's), only the others are dropped as branch labels.
    """
    out: list[Any] = []
    node = data
    for p in loc:
        if isinstance(node, dict) and p in node:
            out.append(p)
            node = node[p]
        elif isinstance(node, list) and isinstance(p, int) and 0 <= p < len(node):
            out.append(p)
            node = node[p]
        elif isinstance(p, int) or ("[" not in p and p not in _BRANCHES):
            out.append(p)
            node = None
    return tuple(out)


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


def _classify(err: dict[str, Any], data: Any = None) -> tuple[type[Rule], str]:
    """The rule and the message of one pydantic error, the object named as in the inventory."""
    kind = err["type"]
    loc = _data_path(err["loc"], data)
    field_name = loc[-1] if loc else ""
    msg = err["msg"]
    where = inventory_path(data, loc) if data is not None else _path_text(loc)
    parent = inventory_path(data, loc[:-1]) if data is not None else _path_text(loc[:-1])
    if kind == "extra_forbidden":
        guess = did_you_mean(str(field_name), _fields_at(loc[:-1]))
        meant = f"; did you mean '{guess}'?" if guess else ""
        return (
            UnknownKey,
            f"unknown key '{field_name}' in {parent or 'the top level'}{meant}",
        )
    if kind in ("too_long", "too_large"):
        return InputTooLarge, f"{_path_text(loc)}: {msg}"
    if kind == "missing":
        return (
            MissingKey,
            f"missing key '{field_name}' in {parent or 'the top level'}",
        )
    if field_name in ("wwpn", "wwnn"):
        pair = node_port_pair(err.get("input"))
        if pair is not None:
            wwnn, wwpn = pair
            return (
                InvalidWwpn,
                f"{where}: {err['input']!r} is a node name and a port name pasted together "
                f"(vSphere shows an FC adapter as 'WWNN WWPN'): the WWPN is {wwpn} "
                f'(wwpn: "{wwpn}"; the node name {wwnn} is the HBA\'s wwnn)',
            )
        return InvalidWwpn, f"{where}: {msg.removeprefix('Value error, ')}"
    if kind == "string_pattern_mismatch" and err.get("ctx", {}).get("pattern") == NAME_PATTERN:
        value = err.get("input")
        return (
            InvalidName,
            f"{where}: name {value!r} is not allowed: use letters, digits, '_', '-', "
            "'.', starting with a letter or digit, at most 64 characters",
        )
    if kind in ("enum", "literal_error"):
        choices = re.findall(r"'([^']*)'", str(err.get("ctx", {}).get("expected", "")))
        guess = did_you_mean(str(err.get("input", "")), choices)
        meant = f"; did you mean '{guess}'?" if guess else ""
        return (
            InvalidValue,
            f"{where}: {err.get('input')!r} is not one of {', '.join(choices)}{meant}",
        )
    return InvalidValue, f"{where}: {msg.removeprefix('Value error, ')}"


def _fields_at(loc: tuple[Any, ...]) -> list[str]:
    """The keys the model accepts at ``loc`` (for "did you mean")."""
    model: Any = Inventory
    for part in loc:
        if isinstance(part, int):
            continue
        field_info = model.model_fields.get(part) if _is_model(model) else None
        if field_info is None:
            return []
        model = _inner_model(field_info.annotation)
        if model is None:
            return []
    return list(model.model_fields) if _is_model(model) else []


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _inner_model(annotation: Any) -> Any:
    """The model class inside ``list[Host]``, ``Cluster | None``, ``Annotated[...]``."""
    if _is_model(annotation):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def validation_findings(exc: ValidationError, source: SourceMap, data: Any = None) -> list[Finding]:
    """Pydantic errors as loader findings, deduplicated (unions repeat themselves)."""
    out: list[Finding] = []
    seen: set[tuple[str, tuple[Any, ...]]] = set()
    for err in exc.errors(include_url=False):
        rule, message = _classify(err, data)
        path = _data_path(err["loc"], data)
        if (rule.code, path) in seen:
            continue
        seen.add((rule.code, path))
        where = source.locate(path, key=rule is UnknownKey)
        subject = inventory_path(data, path) if data is not None else _path_text(path)
        out.append(loader_finding(rule, message, where, subject))
    return out


def _too_many(data: dict[str, Any], source: SourceMap) -> list[Finding]:
    """ZP006 for a top-level list longer than :data:`zoneplan.limits.MAX_ITEMS` allows,
    counted before a single entry is validated (10^6 hosts never reach pydantic)."""
    out = []
    for key, top in limits.MAX_ITEMS.items():
        items = data.get(key)
        if isinstance(items, list) and len(items) > top:
            out.append(
                loader_finding(
                    InputTooLarge,
                    f"{key}: {len(items):,} entries; zoneplan reads at most {top:,}",
                    source.locate((key,), key=True),
                    key,
                )
            )
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
    too_many = _too_many(data, source)
    if too_many:
        return LoadResult(file, None, source, findings + too_many)
    try:
        inventory = Inventory.model_validate(data)
    except ValidationError as exc:
        findings.extend(validation_findings(exc, source, data))
        # with a duplicate key it is unknown which value was meant: no rules on a guess
        partial = None if source.duplicates else _partial(data, exc, source)
        return LoadResult(file, None, source, findings, partial)
    if findings:
        return LoadResult(file, None, source, findings)
    return LoadResult(file, inventory, source, findings)


def load_inventory(path: str | Path) -> LoadResult:
    """Read and validate an inventory file; never raises for bad input.

    The file is refused before it is read whole when it is larger than
    :data:`zoneplan.limits.MAX_INVENTORY_BYTES` (ZP006), and when it is not a file at all
    (a folder, a device: ZP007); a pipe (``<(…)``) is read up to the limit.
    """
    file = str(path)
    try:
        raw = _read_capped(Path(path), limits.MAX_INVENTORY_BYTES)
    except _TooLarge as exc:
        return _refused(
            file,
            InputTooLarge,
            f"file is {'' if exc.exact else 'more than '}{exc.size / (1 << 20):,.0f} MiB; "
            "inventories over "
            f"{limits.MAX_INVENTORY_BYTES >> 20} MiB are refused (50,000 hosts: about 20 MB)",
        )
    except OSError as exc:
        return _refused(file, UnreadableFile, f"cannot read inventory: {exc.strerror or exc}")
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


class _TooLarge(Exception):
    def __init__(self, size: int, *, exact: bool) -> None:
        self.size = size
        self.exact = exact


def _refused(file: str, rule: type[Rule], message: str) -> LoadResult:
    return LoadResult(
        file, None, SourceMap(file, None), [loader_finding(rule, message, Location(file))]
    )


def _read_capped(path: Path, cap: int) -> bytes:
    """The bytes of a regular file or a pipe, at most ``cap`` (else :class:`_TooLarge`)."""
    with open(path, "rb") as f:
        st = os.fstat(f.fileno())
        if stat.S_ISREG(st.st_mode):
            if st.st_size > cap:
                raise _TooLarge(st.st_size, exact=True)
        elif not stat.S_ISFIFO(st.st_mode):
            kind = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file"
            raise OSError(0, f"{path} is {kind}")
        raw = f.read(cap + 1)
    if len(raw) > cap:
        raise _TooLarge(cap, exact=False)
    return raw
