"""Export → import gives the same inventory; the YAML the import writes loads back the same."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests.support.inventories import inventory_data
from tests.support.paths import SAMPLES
from tests.support.strategies import inventory_params
from zoneplan.loader import load_inventory, parse_inventory
from zoneplan.model import Inventory
from zoneplan.spreadsheet import inventory_yaml, read_workbook, write_workbook

from .decorate import decorate


def _round_trip(inv: Inventory) -> Inventory | None:
    with tempfile.TemporaryDirectory(prefix="zoneplan-xlsx-") as tmp:
        path = Path(tmp) / "site.xlsx"
        path.write_bytes(write_workbook(inv))
        result = read_workbook(path)
    assert not [f for f in result.findings if f.severity.value == "fatal"], [
        str(f.location) + " " + f.message for f in result.findings
    ]
    return result.inventory


def test_every_sample_round_trips() -> None:
    for sample in sorted(SAMPLES.glob("*.yaml")):
        inv = load_inventory(sample).inventory
        if inv is None:  # the deliberately broken sample
            continue
        assert _round_trip(inv) == inv, sample.name
        assert parse_inventory(inventory_yaml(inv), "x.yaml").inventory == inv, sample.name


@given(inventory_params(max_hosts=5), st.integers(0, 2**16))
def test_random_inventories_round_trip(params, seed) -> None:  # noqa: ANN001
    inv = Inventory.model_validate(decorate(inventory_data(params), seed))
    assert _round_trip(inv) == inv
    assert parse_inventory(inventory_yaml(inv), "x.yaml").inventory == inv


def test_the_same_inventory_gives_the_same_bytes() -> None:
    inv = load_inventory(SAMPLES / "euronas-cluster.yaml").inventory
    assert inv is not None
    assert write_workbook(inv) == write_workbook(inv)
