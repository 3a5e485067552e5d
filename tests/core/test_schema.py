"""schemas/ is generated from the models; a drift is a failure, and samples point at it."""

from pathlib import Path

import pytest

from zoneplan.schemas import generate_schemas

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name,text", sorted(generate_schemas().items()))
def test_committed_schema_matches_models(name, text):
    committed = REPO / "schemas" / name
    assert committed.exists(), f"run: zoneplan schema --write ({name} missing)"
    assert committed.read_text(encoding="utf-8") == text, (
        f"run: zoneplan schema --write ({name} drifted)"
    )


def test_every_sample_carries_the_schema_modeline():
    for sample in sorted((REPO / "samples").glob("*.yaml")):
        first = sample.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schemas/inventory.schema.json", sample


def test_rule_catalogue_doc_is_current():
    from zoneplan.docs import rules_markdown

    doc = REPO / "docs" / "rules.md"
    assert doc.exists() and doc.read_text(encoding="utf-8") == rules_markdown(), (
        "run: zoneplan rules --format markdown > docs/rules.md"
    )
