"""YAML with positions: compose with libyaml, build plain data, keep marks for messages.

Why not ``yaml.safe_load``: it forgets line numbers, silently keeps the last of two duplicate
keys, reads an unquoted all-digit WWPN (``21:00:00:24:11:22:33:44``) as a base-60 integer, and
with the cyclic GC on it is superlinear in file size. Here scalars keep the text as written
(pydantic converts types), duplicate keys are findings, and positions are looked up lazily from
the node tree only when a finding needs one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from . import limits
from .findings import Location
from .gcpause import gc_paused
from .rules.base import Rule
from .rules.input import InputTooLarge, InvalidValue, YamlSyntax

#: Refuse documents whose alias-expanded size exceeds this many nodes (alias bombs).
MAX_EXPANDED_NODES = limits.MAX_EXPANDED_NODES
#: Refuse files larger than this (bytes); an inventory of 50,000 hosts is about 20 MB.
MAX_FILE_BYTES = limits.MAX_INVENTORY_BYTES

_NULL = "tag:yaml.org,2002:null"


class YamlProblem(Exception):
    """A document that cannot be turned into data; carries code, message and position."""

    def __init__(self, rule: type[Rule], message: str, location: Location) -> None:
        super().__init__(message)
        self.rule = rule
        self.code = rule.code
        self.message = message
        self.location = location


@dataclass
class Duplicate:
    key: str
    location: Location
    first: Location


@dataclass
class SourceMap:
    """Maps a data path (``("hosts", 3, "hbas", 0)``) back to ``file:line:col``."""

    file: str
    root: yaml.Node | None
    duplicates: list[Duplicate] = field(default_factory=list)
    _index: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = field(
        default_factory=dict, repr=False
    )

    def _mark(self, node: yaml.Node) -> Location:
        m = node.start_mark
        return Location(self.file, m.line + 1, m.column + 1)

    def locate(self, path: Iterable[Any], *, key: bool = False) -> Location:
        """Position of the value at ``path`` (or of its key with ``key=True``).

        Stops at the deepest node that exists, so a missing field points at its parent. A
        mapping's keys are indexed the first time it is searched (a linear scan per finding
        made 20,000 unknown keys take 17 s).
        """
        node = self.root
        if node is None:
            return Location(self.file, 1, 1)
        last_key: yaml.Node | None = None
        for part in path:
            nxt = None
            if isinstance(node, yaml.MappingNode):
                hit = self._keys(node).get(str(part))
                if hit is not None:
                    last_key, nxt = hit
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if 0 <= part < len(node.value):
                    nxt, last_key = node.value[part], None
            if nxt is None:
                return self._mark(node)
            node = nxt
        if key and last_key is not None:
            return self._mark(last_key)
        return self._mark(node)

    def _keys(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """The mapping's scalar keys → (key node, value node), the first of duplicates."""
        got = self._index.get(id(node))
        if got is None:
            got = {}
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode):
                    got.setdefault(k.value, (k, v))
            self._index[id(node)] = got
        return got


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for kv in node.value for n in kv]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _expanded_size(root: yaml.Node) -> tuple[int, yaml.Node | None]:
    """Node count with aliases expanded, and the first node that contains itself (a recursive
    anchor such as ``&a [*a]`` or a mapping merging itself), or None.

    Iterative and memoised per node: an alias bomb is measured, not built, and neither a
    cycle nor a deep document can exhaust the Python stack.
    """
    memo: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        nid = id(node)
        if done:
            on_path.discard(nid)
            memo[nid] = 1 + sum(memo[id(c)] for c in _children(node))
            continue
        if nid in memo:
            continue
        on_path.add(nid)
        stack.append((node, True))
        for child in _children(node):
            cid = id(child)
            if cid in on_path:
                return 0, child
            if cid not in memo:
                stack.append((child, False))
    return memo[id(root)], None


class _Builder:
    """Turns a composed node tree into dicts, lists and strings (text kept as written)."""

    def __init__(self, source: SourceMap) -> None:
        self.source = source

    def build(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            tag = node.tag
            # booleans stay text too: pydantic reads "yes"/"on" for bool fields, and a host named
            # "no" or a severity "off" stays what it says
            return None if tag == _NULL else node.value
        if isinstance(node, yaml.SequenceNode):
            build = self.build
            return [build(v) for v in node.value]
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            seen: dict[str, yaml.Node] = {}
            build = self.build
            for k, v in node.value:
                if k.tag == "tag:yaml.org,2002:merge":
                    merged = build(v)
                    for part in merged if isinstance(merged, list) else [merged]:
                        if isinstance(part, dict):
                            for mk, mv in part.items():
                                out.setdefault(mk, mv)
                    continue
                key = build(k) if not isinstance(k, yaml.ScalarNode) else k.value
                if not isinstance(key, str):
                    key = str(key)
                first = seen.get(key)
                if first is not None:
                    self.source.duplicates.append(
                        Duplicate(key, self.source._mark(k), self.source._mark(first))
                    )
                    continue  # keep the first: the later one is the mistake a reader misses
                seen[key] = k
                out[key] = build(v)
            return out
        raise YamlProblem(  # pragma: no cover - libyaml only makes the three kinds
            InvalidValue, f"unsupported YAML node {node!r}", self.source._mark(node)
        )


def load_yaml(text: str, file: str) -> tuple[Any, SourceMap]:
    """Parse ``text`` into plain data and a :class:`SourceMap`.

    Raises :class:`YamlProblem` for syntax errors, several documents, and documents too large.
    """
    source = SourceMap(file, None)
    if len(text) > MAX_FILE_BYTES:
        raise YamlProblem(
            InputTooLarge,
            f"file is {len(text) // (1024 * 1024)} MB; the limit is "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB",
            Location(file, 1, 1),
        )
    with gc_paused():
        try:
            nodes = list(yaml.compose_all(text, Loader=_Loader))
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            where = Location(file, mark.line + 1, mark.column + 1) if mark else Location(file)
            what = " ".join(p for p in (exc.context, exc.problem) if p)
            raise YamlProblem(YamlSyntax, f"YAML syntax error: {what}", where) from None
        except yaml.YAMLError as exc:
            raise YamlProblem(YamlSyntax, f"YAML error: {exc}", Location(file, 1, 1)) from None
        if len(nodes) > 1:
            raise YamlProblem(
                YamlSyntax,
                "several YAML documents in one file ('---'); an inventory is one document",
                source._mark(nodes[1]),
            )
        root = nodes[0] if nodes else None
        source.root = root
        if root is None:
            return None, source
        # aliases need a '*' in the text; without one the tree is its own expanded size
        size, recursive = _expanded_size(root) if "*" in text else (0, None)
        if recursive is not None:
            raise YamlProblem(
                YamlSyntax,
                "recursive anchor: a node contains itself through an alias (or merges itself "
                "with '<<'); an inventory is a tree",
                source._mark(recursive),
            )
        if size > MAX_EXPANDED_NODES:
            raise YamlProblem(
                InputTooLarge,
                f"document expands to {size:,} nodes through anchors and aliases "
                f"(limit {MAX_EXPANDED_NODES:,}); refusing an alias bomb",
                source._mark(root),
            )
        data = _Builder(source).build(root)
    return data, source
