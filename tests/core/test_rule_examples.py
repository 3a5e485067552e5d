"""Every rule's Fails and Passes examples run: Fails makes the rule's code, Passes does not.

The examples are data (:mod:`zoneplan.rules.examples`): each kind is handed to the component
that reads that input (:mod:`tests.support.examples`), so nothing here guesses what an example
means. A Passes example must also make no fatal finding: an input nothing could read would
"pass" every rule and prove nothing.

Rules not converted yet keep their examples in the docstring; those that are inventory
snippets still run through the old heuristic reading (``_legacy_document``), the others are
listed in NOT_EXECUTABLE_BASELINE, which may only shrink (a test fails when an entry there
gets examples or starts to run).
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support.examples import findings_of
from tests.support.paths import SAMPLES
from zoneplan.loader import parse_inventory
from zoneplan.model import Inventory
from zoneplan.rules.base import RuleScope
from zoneplan.rules.input import DuplicateKey
from zoneplan.rules.registry import all_rules
from zoneplan.validate import validate_inventory

SECTIONS = ("Fails", "Passes")
CASES = [
    pytest.param(rule.code, section, example, id=f"{rule.code}-{section}-{i}")
    for rule in all_rules()
    for section in SECTIONS
    for i, example in enumerate(rule.examples(section))
]


@pytest.mark.parametrize(("code", "section", "example"), CASES)
def test_rule_example(code: str, section: str, example, tmp_path: Path) -> None:
    found = findings_of(example, tmp_path)
    codes = {c for c, _ in found}
    if section == "Fails":
        assert code in codes, f"{code}'s Fails example makes {sorted(found)}, not {code}"
    else:
        assert code not in codes, f"{code}'s Passes example makes {code}"
        fatal = sorted(c for c, severity in found if severity == "fatal")
        assert not fatal, f"{code}'s Passes example cannot be read: {fatal}"


def test_examples_render_as_the_sections_of_the_catalogue() -> None:
    for rule in all_rules():
        for section in SECTIONS:
            for example in rule.examples(section):
                assert example.render().strip() in rule.sections()[section], rule.code


# --------------------------------------------------------------------------- not converted yet

SAMPLE = yaml.safe_load((SAMPLES / "euronas-cluster.yaml").read_text(encoding="utf-8"))
INVENTORY_KEYS = set(Inventory.model_fields)
PORT_KEYS = {"name", "wwpn", "wwnn", "role", "switch", "port", "peer", "cable"}
RUNNABLE_SCOPES = {RuleScope.LOAD, RuleScope.INVENTORY, RuleScope.POLICY}


def _device_hba(data: dict[str, Any], device: str) -> dict[str, Any]:
    devices = data["hosts"] + data["cluster"]["nodes"]
    return next(d for d in devices if d["name"] == device)["hbas"][0]


def _place_ports(data: dict[str, Any], snippet: str) -> None:
    for line in snippet.splitlines():
        if not line.lstrip().startswith("- "):
            continue
        item_text, _, comment = line.partition("#")
        (item,) = yaml.safe_load(item_text)
        m = re.match(r"\s*on (\S+)", comment)
        hba = _device_hba(data, m.group(1) if m else "esx01")
        ports = [p for p in hba["ports"] if p["name"] != item["name"]]
        hba["ports"] = [*ports, item]


def document(snippet: str) -> str | None:
    """The inventory text an example stands for, or None when it is not an inventory snippet."""
    if not re.match(r"\s*(?:- |[a-z_]+:)", snippet):
        return None  # prose
    try:
        loaded = yaml.safe_load(snippet)
    except yaml.YAMLError:
        return snippet  # a syntax error is the example: the file as written
    if any(f.code == DuplicateKey.code for f in parse_inventory(snippet, "example.yaml").findings):
        return snippet  # a repeated key only exists in the text
    data = copy.deepcopy(SAMPLE)
    if isinstance(loaded, dict) and loaded and set(loaded) <= INVENTORY_KEYS:
        data.update(loaded)
    elif isinstance(loaded, dict) and loaded and set(loaded) <= PORT_KEYS:
        data["hosts"][0]["hbas"][0]["ports"][0].update(loaded)
    elif isinstance(loaded, list) and loaded and all(isinstance(i, dict) for i in loaded):
        keys = set().union(*loaded)
        if keys == {"name"}:
            data["hosts"] = loaded
        elif "name" in keys and keys & {"wwpn", "wwnp", "role", "switch", "peer"}:
            _place_ports(data, snippet)
        else:
            return None
    else:
        return None
    return yaml.safe_dump(data, sort_keys=False)


def codes_of(text: str, tmp_path: Path) -> set[str]:
    path = tmp_path / "example.yaml"
    path.write_text(text, encoding="utf-8")
    return {f.code for f in validate_inventory(path).findings}


def _legacy_cases() -> list[tuple[str, str, str]]:
    return [
        (rule.code, section, rule.sections().get(section, ""))
        for rule in all_rules()
        for section in SECTIONS
        if not rule.examples(section)
    ]


LEGACY = _legacy_cases()


def _runnable(code: str, section: str, text: str) -> str | None:
    rule = next(r for r in all_rules() if r.code == code)
    if rule.scope not in RUNNABLE_SCOPES:
        return None
    return document(text)


@pytest.mark.parametrize(
    ("code", "section", "text"), LEGACY, ids=[f"{c}-{s}-legacy" for c, s, _ in LEGACY]
)
def test_legacy_rule_example(code: str, section: str, text: str, tmp_path: Path) -> None:
    doc = _runnable(code, section, text)
    if (code, section) in NOT_EXECUTABLE_BASELINE:
        found = codes_of(doc, tmp_path) if doc is not None else None
        works = found is not None and ((code in found) == (section == "Fails"))
        assert not works, f"{code} {section} now runs: remove it from NOT_EXECUTABLE_BASELINE"
        return
    assert doc is not None, f"{code} {section} is not an inventory snippet:\n{text}"
    found = codes_of(doc, tmp_path)
    if section == "Fails":
        assert code in found, f"{code}'s Fails example does not produce {code}: {sorted(found)}"
    else:
        assert code not in found, f"{code}'s Passes example produces {code}"


def test_baseline_only_lists_examples_that_are_not_data_yet() -> None:
    converted = {(r.code, s) for r in all_rules() for s in SECTIONS if r.examples(s)}
    stale = sorted(NOT_EXECUTABLE_BASELINE & converted)
    assert not stale, f"these have examples now: remove them from NOT_EXECUTABLE_BASELINE {stale}"


#: the examples that do not run today (prose, or switch output, plans, live reads, hosts);
#: it may only shrink: make an example runnable, then remove it here
_FAILS_NOT_RUN = """
    ZP060 ZP061 ZP062 ZP063 ZP064 ZP065 ZP066 ZP067 ZP068 ZP069 ZP700 ZP701 ZP702 ZP703 ZP704
    ZP705 ZP706 ZP707 ZP708 ZP709 ZP710 ZP711 ZP720 ZP721 ZP722 ZP723 ZP724 ZP725 ZP726 ZP727
    ZP730
"""
_PASSES_NOT_RUN = """
    ZP060 ZP061 ZP062 ZP063 ZP064 ZP065 ZP066 ZP067 ZP068 ZP069 ZP700 ZP701 ZP702 ZP703 ZP704
    ZP705 ZP706 ZP707 ZP708 ZP709 ZP710 ZP711 ZP720 ZP721 ZP722 ZP723 ZP724 ZP725 ZP726 ZP727
    ZP730
"""
NOT_EXECUTABLE_BASELINE: set[tuple[str, str]] = {(c, "Fails") for c in _FAILS_NOT_RUN.split()} | {
    (c, "Passes") for c in _PASSES_NOT_RUN.split()
}
