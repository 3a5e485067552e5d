"""Every ZP9xx rule's Fails example makes it fire, and its Passes example keeps it quiet.

The examples are inventory fragments in the rules' docstrings, merged over
``tests.physical.base.BASE``; running them here is what keeps the catalogue honest.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from zoneplan.rules import physical
from zoneplan.validate import validate_inventory

from .base import inventory

RULES = physical.RULES


def _codes(tmp_path: Path, section: str, rule) -> list[str]:  # noqa: ANN001
    fragment = yaml.safe_load(rule.sections()[section])
    path = tmp_path / f"{rule.code}-{section}.yaml"
    path.write_text(yaml.safe_dump(inventory(fragment), sort_keys=False), encoding="utf-8")
    result = validate_inventory(path)
    assert result.usable, [str(f) for f in result.findings]
    return [f.code for f in result.findings]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_fails_example_fires(tmp_path, rule):
    assert rule.code in _codes(tmp_path, "Fails", rule)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_passes_example_is_quiet(tmp_path, rule):
    assert rule.code not in _codes(tmp_path, "Passes", rule)


def test_base_inventory_has_no_physical_findings(tmp_path):
    path = tmp_path / "base.yaml"
    path.write_text(yaml.safe_dump(inventory(), sort_keys=False), encoding="utf-8")
    result = validate_inventory(path)
    assert result.usable
    assert not [f for f in result.findings if f.code.startswith("ZP9")]
