"""The capture rules (ZP020-ZP049) are proper catalogue entries, and the parsers use only them."""

from __future__ import annotations

import re
from pathlib import Path

from zoneplan.findings import Severity
from zoneplan.rules.capture import RULES
from zoneplan.rules.registry import all_rules

SRC = Path(__file__).resolve().parents[2] / "zoneplan" / "parsers"


def test_codes_in_range_and_documented():
    assert len(RULES) >= 15
    for r in RULES:
        assert re.fullmatch(r"ZP0[2-4]\d", r.code), r
        assert r.scope == "capture" and isinstance(r.severity, Severity)
        assert set(r.sections()) == {"Why", "Fails", "Passes", "Fix"}, r
        assert r.summary()


def test_rules_are_in_the_global_catalogue():
    codes = {r.code for r in all_rules()}
    assert {r.code for r in RULES} <= codes


#: the saved SNMP walk reader (parsers/snmpwalk.py) also reports what SNMP itself could not give:
#: a partial walk, an undecodable value, zoning the agent does not serve (ZP7xx, rules.transport)
SNMP_WALK_RULES = {"PartialRead", "SnmpValueUndecodable", "SnmpZoningUnavailable"}


def test_parsers_make_findings_only_through_capture_rules():
    names = {r.__name__ for r in RULES}
    used: set[str] = set()
    for p in SRC.glob("*.py"):
        found = set(re.findall(r"\b([A-Z][A-Za-z]+)\.make\(", p.read_text()))
        used |= found - SNMP_WALK_RULES if p.name == "snmpwalk.py" else found
    assert used and used <= names, used - names
    live = {r.__name__ for r in all_rules() if r.scope == "live"}
    assert SNMP_WALK_RULES <= live
