"""Shared test helpers: repository paths, the shared captures folder, inventory mutation."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml

from tests.support.paths import CAPTURES, REPO, SAMPLES, shared_root

SHARED = shared_root()
__all__ = ["CAPTURES", "REPO", "SAMPLES", "SHARED"]


@pytest.fixture(scope="session")
def sample_data() -> dict[str, Any]:
    """The main sample inventory as plain data (quoted WWPNs make safe_load exact)."""
    return yaml.safe_load((SAMPLES / "euronas-cluster.yaml").read_text())


@pytest.fixture
def write_inventory(tmp_path: Path, sample_data: dict[str, Any]) -> Callable[..., Path]:
    """Write the sample, mutated by ``change(data)``, to a temporary file and return its path."""

    def make(change: Callable[[dict[str, Any]], Any] | None = None, name: str = "inv.yaml") -> Path:
        data = copy.deepcopy(sample_data)
        if change is not None:
            change(data)
        path = tmp_path / name
        path.write_text(yaml.safe_dump(data, sort_keys=False))
        return path

    return make
