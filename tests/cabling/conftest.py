"""Fixtures for the cabling tests: plans of the sample and of generated inventories."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml

from tests.support.inventories import cabling_inventory
from zoneplan.cabling import CablingPlan, build_plan
from zoneplan.validate import validate_inventory

from .browser import chromium_binary

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "euronas-cluster.yaml"
DATE = "2026-11-26"

needs_chromium = pytest.mark.skipif(
    chromium_binary() is None, reason="chromium not installed (CI installs Debian's chromium)"
)
needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext not installed (Debian poppler-utils)"
)


def plan_of(path: Path) -> CablingPlan:
    """Validate an inventory file and build its plan (fails the test on fatal findings)."""
    result = validate_inventory(path)
    assert result.usable, [f.message for f in result.findings]
    assert result.topology is not None
    return build_plan(
        result.topology, generated=DATE, source=path.read_bytes(), source_name=path.name
    )


@pytest.fixture(scope="session")
def sample_plan() -> CablingPlan:
    return plan_of(SAMPLE)


@pytest.fixture
def write_data(tmp_path: Path) -> Callable[..., Path]:
    """Write inventory data to a YAML file in the test's folder."""

    def write(data: dict[str, Any], name: str = "inv.yaml") -> Path:
        path = tmp_path / name
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def sixteen_switch_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """16 switches (two directors per fabric), 60 hosts: big layout, quick to render."""
    path = tmp_path_factory.mktemp("inv") / "sixteen.yaml"
    path.write_text(yaml.safe_dump(cabling_inventory(60), sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def sixteen_switch_plan(sixteen_switch_path: Path) -> CablingPlan:
    return plan_of(sixteen_switch_path)
