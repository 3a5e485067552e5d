"""Every rule's Fails/Passes examples run: Fails makes the rule's code, Passes does not.

An example runs when it is an inventory snippet (the catalogue's examples are written against
``samples/euronas-cluster.yaml``):

* a snippet that is not YAML, or repeats a key, is read as the whole file (ZP001, ZP002);
* a mapping of inventory keys (``switches: [...]``, ``isls: [...]``) replaces those keys of the
  sample; a mapping of port keys (``wwpn: ...``) goes into esx01's first port;
* a list of ports (``- {name: p0, wwpn: ...}   # on san1``) replaces, by name, the ports of
  the first HBA of the device the line's ``# on DEVICE`` comment names (esx01 without one);
  a list of names only (``- name: ...``) replaces the hosts.

The sample so changed is validated (loader, topology, every inventory rule). Examples in
prose, or about switch output, plans, live reads and hosts (their components make those
findings from other input), are listed in NOT_EXECUTABLE_BASELINE: the list may only shrink (a test
fails when an example there starts to run), so a new rule's examples must run or be added
here on purpose.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support.paths import SAMPLES
from zoneplan.loader import parse_inventory
from zoneplan.model import Inventory
from zoneplan.rules.base import RuleScope
from zoneplan.rules.input import DuplicateKey
from zoneplan.rules.registry import all_rules
from zoneplan.validate import validate_inventory

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


def _examples() -> list[tuple[str, str, str]]:
    out = []
    for rule in all_rules():
        for section in ("Fails", "Passes"):
            out.append((rule.code, section, rule.sections().get(section, "")))
    return out


EXAMPLES = _examples()


def _runnable(code: str, section: str, text: str) -> str | None:
    rule = next(r for r in all_rules() if r.code == code)
    if rule.scope not in RUNNABLE_SCOPES:
        return None
    return document(text)


@pytest.mark.parametrize(
    ("code", "section", "text"), EXAMPLES, ids=[f"{c}-{s}" for c, s, _ in EXAMPLES]
)
def test_rule_example(code: str, section: str, text: str, tmp_path: Path) -> None:
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


#: the examples that do not run today (prose, or switch output, plans, live reads, hosts);
#: it may only shrink: make an example runnable, then remove it here
_FAILS_NOT_RUN = """
    ZP006 ZP007 ZP020 ZP021 ZP022 ZP023 ZP024 ZP025 ZP026 ZP027 ZP028 ZP029 ZP030 ZP031
    ZP032 ZP033 ZP034 ZP035 ZP036 ZP037 ZP038 ZP039 ZP045 ZP046 ZP050 ZP051 ZP052 ZP053 ZP054 ZP055
    ZP056 ZP057 ZP058 ZP059 ZP060 ZP061 ZP062 ZP063 ZP064 ZP065 ZP066 ZP067 ZP068 ZP069
    ZP090 ZP102 ZP104 ZP105 ZP106 ZP107 ZP108 ZP201 ZP203 ZP205 ZP301 ZP302 ZP303 ZP304
    ZP305 ZP306 ZP307 ZP308 ZP309 ZP310 ZP311 ZP401 ZP402 ZP501 ZP502 ZP503 ZP504 ZP505
    ZP506 ZP507 ZP508 ZP509 ZP510 ZP511 ZP512 ZP601 ZP602 ZP603 ZP604 ZP605 ZP606 ZP607
    ZP608 ZP609 ZP610 ZP611 ZP612 ZP613 ZP614 ZP615 ZP616 ZP700 ZP701 ZP702 ZP703 ZP704
    ZP705 ZP706 ZP707 ZP708 ZP709 ZP710 ZP711 ZP720 ZP721 ZP722 ZP723 ZP724 ZP725 ZP726
    ZP727 ZP730 ZP801 ZP802 ZP803 ZP804 ZP805 ZP806 ZP807 ZP808 ZP809 ZP810
"""
_PASSES_NOT_RUN = """
    ZP006 ZP007 ZP020 ZP021 ZP022 ZP023 ZP024 ZP025 ZP026 ZP027 ZP028 ZP029 ZP030 ZP031
    ZP032 ZP033 ZP034 ZP035 ZP036 ZP037 ZP038 ZP039 ZP045 ZP046 ZP050 ZP051 ZP052 ZP053 ZP054 ZP055
    ZP056 ZP057 ZP058 ZP059 ZP060 ZP061 ZP062 ZP063 ZP064 ZP065 ZP066 ZP067 ZP068 ZP069
    ZP090 ZP101 ZP102 ZP104 ZP105 ZP106 ZP107 ZP108 ZP201 ZP203 ZP204 ZP205 ZP301 ZP302
    ZP303 ZP304 ZP305 ZP306 ZP307 ZP308 ZP309 ZP310 ZP311 ZP401 ZP402 ZP501 ZP502 ZP503
    ZP504 ZP505 ZP506 ZP507 ZP508 ZP509 ZP510 ZP511 ZP512 ZP601 ZP602 ZP603 ZP604 ZP605
    ZP606 ZP607 ZP608 ZP609 ZP610 ZP611 ZP612 ZP613 ZP614 ZP615 ZP616 ZP700 ZP701 ZP702
    ZP703 ZP704 ZP705 ZP706 ZP707 ZP708 ZP709 ZP710 ZP711 ZP720 ZP721 ZP722 ZP723 ZP724
    ZP725 ZP726 ZP727 ZP730 ZP801 ZP802 ZP803 ZP804 ZP805 ZP806 ZP807 ZP808 ZP809 ZP810
"""
NOT_EXECUTABLE_BASELINE: set[tuple[str, str]] = {(c, "Fails") for c in _FAILS_NOT_RUN.split()} | {
    (c, "Passes") for c in _PASSES_NOT_RUN.split()
}
