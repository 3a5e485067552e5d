"""The catalogue itself: unique codes, full docstrings, and a test for every code."""

from pathlib import Path

from zoneplan.rules.base import SECTIONS
from zoneplan.rules.registry import all_rules, rule_by_code

TESTS = Path(__file__).resolve().parents[1]


def test_every_rule_documents_why_fails_passes_fix():
    for rule in all_rules():
        sections = rule.sections()
        assert rule.summary(), rule.code
        assert set(SECTIONS) <= set(sections), f"{rule.code} lacks {set(SECTIONS) - set(sections)}"
        assert all(sections[s].strip() for s in SECTIONS), rule.code


def test_codes_and_names_are_unique_and_looked_up_both_ways():
    rules = all_rules()
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)
    assert rule_by_code("zp301").name == "cluster-hba-not-qlogic"
    assert rule_by_code("split-fabric").code == "ZP203"


def test_every_code_is_exercised_somewhere_in_the_tests():
    text = "\n".join(p.read_text(encoding="utf-8") for p in TESTS.rglob("*.py"))
    missing = [r.code for r in all_rules() if r.code not in text]
    assert not missing, f"no test mentions {missing}"
