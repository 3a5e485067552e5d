"""The package's source files, each read and parsed once per test process.

Why: several architecture checks (layers, vendor neutrality) walk the AST of every module of
``zoneplan/``; parsing ~150 files is the bulk of their cost, so they share one parse.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from tests.support.paths import REPO

PACKAGE = REPO / "zoneplan"


@cache
def package_files() -> tuple[Path, ...]:
    """Every ``.py`` file of the package, sorted."""
    return tuple(sorted(PACKAGE.rglob("*.py")))


@cache
def parsed(path: Path) -> ast.Module:
    """The AST of one source file (do not mutate it: it is shared)."""
    return ast.parse(path.read_text(encoding="utf-8"), str(path))
