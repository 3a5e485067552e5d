"""The core never names a vendor: what differs between switch makers is pack data.

The rule (CONTRIBUTING, "Adding a vendor"): outside ``vendors/`` and the modules the packs
name (``parsers:`` in a manifest: the per-vendor parser and SNMP decoder modules), no *code*
names a vendor: no identifier (``_feed_cisco_zones``), no string a program compares, prints or
writes (``vendor == "brocade"``, ``"a Cisco fabric needs its vsan"``). Documentation may:
comments, docstrings (the rule catalogue's Why/Fix, citations of vendor sources), the rule
examples (``fails``/``passes``: switch output quoted as the switch prints it) and the
``description=``/``help=`` texts of model fields and CLI options. A message that must
name the maker takes the pack's ``brand``.

The vendor names checked are the packs' own (vendor word, brand, the words of the pack id) and
their products' names. Documented exceptions (``EXCEPTIONS``) name makers for another reason
than the switch dialect.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.support.paths import REPO
from tests.support.sources import package_files, parsed
from zoneplan.packs import all_packs
from zoneplan.rules import examples as rule_examples

#: product names a pack's data does not spell out as words
PRODUCTS = {"nx-os", "nxos", "fabric os", "fabos", "san-os"}
#: file → why it may name makers in code
EXCEPTIONS = {
    "zoneplan/wwn.py": "IEEE OUI registrants: who made a port (HBA or switch), not a dialect",
    "zoneplan/rules/cluster.py": "HBA makers (ZP3xx same-maker check): Brocade also sold HBAs",
}
#: keyword arguments whose strings are documentation (model fields, CLI options)
DOC_KEYWORDS = {"description", "help", "title", "examples"}
#: a rule's examples (calls of these, and what ``fails``/``passes`` are set to) are documentation
EXAMPLE_KINDS = {n for n in rule_examples.__all__ if n[0].isupper() and n != "SAMPLE"}


def vendor_words() -> set[str]:
    words = set(PRODUCTS)
    for pack in all_packs():
        words.add(pack.vendor.lower())
        words.update(w.lower() for w in pack.manifest.brand.split())
        words.update(pack.id.lower().split("-"))
    return words


def vendor_modules() -> set[Path]:
    """The files of the modules the packs name: where vendor code belongs."""
    return {REPO / (p.manifest.parsers.replace(".", "/") + ".py") for p in all_packs()}


def _documentation(tree: ast.AST) -> set[int]:
    """ids of string nodes that document: docstrings (and attribute docstrings), field and
    option descriptions."""
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            out.add(id(node.value))
        elif isinstance(node, ast.keyword) and node.arg in DOC_KEYWORDS:
            out.update(id(n) for n in ast.walk(node.value))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in EXAMPLE_KINDS
        ) or (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id in ("fails", "passes") for t in node.targets)
        ):
            out.update(id(n) for n in ast.walk(node))
    return out


def _words(identifier: str) -> str:
    """``_feed_ciscoZones`` → ``feed cisco zones`` (identifiers are checked word by word)."""
    return re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", identifier).replace("_", " ").lower()


def hits(path: Path, pattern: re.Pattern[str], root: Path = REPO) -> list[str]:
    tree = parsed(path) if root == REPO else ast.parse(path.read_text(encoding="utf-8"))
    docs = _documentation(tree)
    out: list[str] = []
    for node in ast.walk(tree):
        texts: list[str] = []
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            texts = [node.value]
        elif isinstance(node, ast.Name):
            texts = [_words(node.id)]
        elif isinstance(node, ast.Attribute):
            texts = [_words(node.attr)]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            texts = [_words(node.name)]
        elif isinstance(node, ast.arg):
            texts = [_words(node.arg)]
        elif isinstance(node, ast.alias):
            texts = [_words(node.asname or node.name.rsplit(".", 1)[-1])]
        for text in texts:
            m = pattern.search(text)
            if m:
                line = getattr(node, "lineno", 0)
                out.append(f"{path.relative_to(root)}:{line}: {m.group(0)!r} in {text[:80]!r}")
    return out


def _pattern(words: set[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])", re.IGNORECASE)


def test_the_core_names_no_vendor_in_code():
    pattern = _pattern(vendor_words())
    skip = vendor_modules() | {REPO / f for f in EXCEPTIONS}
    found = [h for p in package_files() if p not in skip for h in hits(p, pattern)]
    assert not found, (
        "vendor names in the core (make it pack data, or take the pack's brand):\n"
        + "\n".join(found)
    )


def test_the_exceptions_still_need_to_be_exceptions():
    pattern = _pattern(vendor_words())
    for name in EXCEPTIONS:
        assert hits(REPO / name, pattern), f"{name} names no vendor any more: drop its exception"


@pytest.mark.parametrize(
    "snippet,found",
    [
        ('if state.vendor == "brocade":\n    pass\n', True),
        ("def _feed_cisco_zones():\n    pass\n", True),
        ("class FosParser:\n    pass\n", True),
        ('msg = f"{name}: NX-OS refused it"\n', True),
        ('"""Brocade prints cfgshow like this (FOS Command Reference)."""\n', False),
        ("x = 1  # Cisco: show zone status\n", False),
        ('f = Field(None, description="a Brocade peer zone")\n', False),
        ('vendor = pack.manifest.brand + " fabric"\n', False),
        ('fails = Capture({"sw1.txt": "sw1:admin> cfgshow"}, caption="Brocade FOS")\n', False),
        ('x = Capture({"mds1.txt": "mds1# show zone"})\n', False),
        ("positions = 3\n", False),
    ],
)
def test_the_check_tells_code_from_documentation(tmp_path, snippet, found):
    path = tmp_path / "probe.py"
    path.write_text(snippet, encoding="utf-8")
    assert bool(hits(path, _pattern({"brocade", "cisco", "fos", "nx-os"}), tmp_path)) is found
