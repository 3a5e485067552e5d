"""Layers depend downward only: every import inside ``zoneplan/`` checked against LAYERS.

Why a small AST check and not import-linter: the contract is one ordered list that
``docs/architecture.md`` draws; an AST walk sees imports inside functions too (lazy imports
are how cycles hid before), needs no configuration language and no extra dependency, and
its failure message names the file and line. Imports under ``if TYPE_CHECKING:`` are not
followed: they never run (a rule's check is handed a Topology; it does not import one).

Two checks:

* a module may import its own package and the layers *below* its own; never a layer above,
  never a sibling package of its own layer (siblings are independent by design);
* no import cycle between modules, anywhere in the package (including inside one package).
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import networkx as nx
import pytest

from tests.support.paths import REPO
from tests.support.sources import package_files, parsed

#: bottom to top; an entry is a top-level module or package of ``zoneplan`` (docs/architecture.md)
LAYERS: list[tuple[str, set[str]]] = [
    ("foundation", {"__init__", "wwn", "findings", "gcpause", "sanitise", "limits", "spelling"}),
    ("safe files", {"outputs"}),
    ("vendor packs", {"packs"}),
    ("data models", {"model", "observed"}),
    ("physical layer", {"physical"}),
    ("rule catalogue", {"rules"}),
    ("YAML source", {"yamlsource", "yamlemit"}),
    ("loader", {"loader"}),
    ("spreadsheet", {"spreadsheet"}),
    ("topology", {"topology"}),
    ("validation", {"validate"}),
    ("fabric grouping, device roles", {"fabrics", "storage", "links"}),
    ("plan", {"plan"}),
    ("render", {"render"}),
    ("parsers", {"parsers"}),
    ("audit, import", {"audit", "importer"}),
    ("live", {"live"}),
    ("apply", {"apply"}),
    ("outputs", {"hosts", "cabling", "samplegen", "schemas", "docs"}),
    ("workflows", {"workflows"}),
    ("cli", {"cli"}),
    ("entry point", {"__main__"}),
]
LAYER_OF = {name: i for i, (_, names) in enumerate(LAYERS) for name in names}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    """ids of the import nodes under ``if TYPE_CHECKING:``."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                skip.update(id(n) for n in ast.walk(inner))
    return skip


@cache
def imports() -> list[tuple[str, str, str]]:
    """(importing module, imported zoneplan module, file:line) for every runtime import."""
    modules = {_module_name(p) for p in package_files()}
    out: list[tuple[str, str, str]] = []
    for path in package_files():
        mod = _module_name(path)
        package = mod if path.name == "__init__.py" else mod.rsplit(".", 1)[0]
        tree = parsed(path)
        skip = _type_checking_nodes(tree)
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    stem = ".".join(base + ([node.module] if node.module else []))
                else:
                    stem = node.module or ""
                # `from pkg import module` imports the module; `from module import name` not
                targets = [
                    f"{stem}.{a.name}" if f"{stem}.{a.name}" in modules else stem
                    for a in node.names
                ]
            where = f"{path.relative_to(REPO)}:{getattr(node, 'lineno', 0)}"
            for t in targets:
                if t == "zoneplan" or t.startswith("zoneplan."):
                    out.append((mod, t, where))
    return out


def _top(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_module_has_a_layer():
    tops = {_top(_module_name(p)) for p in package_files()}
    assert tops - set(LAYER_OF) == set(), "add new top-level modules to LAYERS (and the docs)"


def test_imports_go_downward_only():
    bad = []
    for src, dst, where in imports():
        a, b = _top(src), _top(dst)
        if a == b or b == "__init__" and dst == "zoneplan":
            continue
        if LAYER_OF[b] >= LAYER_OF[a]:
            bad.append(
                f"{where}: {src} ({LAYERS[LAYER_OF[a]][0]}) imports {dst} ({LAYERS[LAYER_OF[b]][0]})"
            )
    assert not bad, "upward or sideways imports:\n" + "\n".join(bad)


def test_no_import_cycles():
    graph = nx.DiGraph()
    for src, dst, _ in imports():
        if src != dst and not src.startswith(dst + "."):  # a package's own __init__ is loaded first
            graph.add_edge(src, dst)
    cycles = [sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1]
    assert not cycles, f"import cycles: {cycles}"


@pytest.mark.parametrize("layer", [name for name, _ in LAYERS])
def test_the_architecture_document_draws_the_enforced_order(layer):
    doc = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    table = doc.split("<!-- layers:begin -->", 1)[1].split("<!-- layers:end -->", 1)[0]
    rows = [r for r in table.splitlines() if r.startswith("| ") and r[2].isdigit()]
    assert [r.split("|")[2].strip() for r in rows] == [name for name, _ in LAYERS]
    i = [name for name, _ in LAYERS].index(layer)
    listed = {m.strip(" `") for m in rows[i].split("|")[3].split(",")}
    assert listed == {f"{n}" for n in LAYERS[i][1]}, rows[i]
