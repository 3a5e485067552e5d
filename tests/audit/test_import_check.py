"""The import's fast check of its draft says what the loader says of the draft's text: the
same verdict, the same inventory, the same findings (at file:line), for valid inventories of
every shape and for ones made invalid on purpose (names, WWPNs, values, types, missing and
unknown keys, sizes over the limits)."""

from __future__ import annotations

import copy
from typing import Any
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.support.inventories import inventory_data
from tests.support.strategies import inventory_params
from zoneplan import limits, yamlsource
from zoneplan.importer import draft_yaml
from zoneplan.loader import LoadResult, parse_inventory
from zoneplan.workflows.importing import check_draft

from .test_import_properties import planned_draft

#: values that are wrong somewhere, or right where a wrong one was
_VALUES = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "no",
            "yes",
            "on",
            "off",
            "true",
            "null",
            "~",
            "0o17",
            "012",
            "1e3",
            "-1",
            "0",
            "4096",
            "100000",
            "a b",
            "-a",
            "x" * 65,
            "21:00:00:24:ff:11:22:33",
            "21-00-00-24-ff-11-22-33",
            "2100002 4ff112233",
            "20:00:00:24:ff:11:22:33 21:00:00:24:ff:11:22:33",
            "00:00:00:00:00:00:00:00",
            "fc1/1",
            "brocade",
            "cisco",
            "linux",
            "windows",
            "A",
            "\x00",
            "\U0001f600",
            "\\ud800",
        ]
    ),
    st.integers(-5, 5000),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=8),
    st.lists(st.sampled_from(["a", "1", 1, True, None, "fc1/1"]), max_size=3),
    st.builds(dict),  # a new one each time: a spoil may add keys to it
    st.builds(list),
)


def _nodes(data: Any, path: tuple = ()) -> list[tuple]:
    """Every path into ``data`` (the root too)."""
    out = [path]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _nodes(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _nodes(v, (*path, i))
    return out


def _at(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


def _set(data: Any, path: tuple, value: Any) -> None:
    _at(data, path[:-1])[path[-1]] = value


def _twins(v: Any) -> list[Any]:
    """Values of other types that read as ``v`` somewhere (YAML 1.1, Python, pydantic)."""
    if isinstance(v, bool):
        return [int(v), float(v), str(v), str(v).lower(), "yes" if v else "no", None]
    if isinstance(v, int):
        return [v == 1, float(v), str(v), f"{v}.0", f"0{v}", None]
    if isinstance(v, float):
        return [int(v), str(v), None]
    if isinstance(v, str) and v.lstrip("-").isdecimal():
        return [int(v), float(v), bool(int(v)), None]
    return [True, False, 0, 1, None, 1.5, f"{v} "]


def _spoil(data: dict[str, Any], draw: Any) -> None:
    """One change at a random place: a value replaced, a key deleted or added, an item
    repeated or removed."""
    path = draw(st.sampled_from(_nodes(data)))
    parent: Any = data
    for part in path[:-1]:
        parent = parent[part]
    node = parent[path[-1]] if path else data
    how = draw(st.sampled_from(["replace", "retype", "delete", "add", "repeat"]))
    if how == "retype":
        # a scalar as another type that some reader might take for the same value (the
        # model accepts True for an integer, the loader's text "true" it does not)
        leaves: dict[type, list[tuple]] = {}
        for q in _nodes(data):
            if q and not isinstance(_at(data, q), (dict, list)):
                leaves.setdefault(type(_at(data, q)), []).append(q)
        if leaves:  # a type first: the few numbers and booleans as often as the names
            kind = draw(st.sampled_from(sorted(leaves, key=lambda t: t.__name__)))
            leaf = draw(st.sampled_from(leaves[kind]))
            _set(data, leaf, draw(st.sampled_from(_twins(_at(data, leaf)))))
    elif how == "replace" and path:
        parent[path[-1]] = draw(_VALUES)
    elif how == "delete" and path:
        del parent[path[-1]]
    elif how == "add" and isinstance(node, dict):
        key = draw(st.sampled_from(["name", "wwpn", "port", "os", "speed", "nmae", "vsan", "x"]))
        node[key] = draw(_VALUES)
    elif how == "repeat" and isinstance(node, list) and node:
        node.append(copy.deepcopy(node[draw(st.integers(0, len(node) - 1))]))


def _agree(data: dict[str, Any]) -> LoadResult:
    text = draft_yaml(data)
    fast = check_draft(data, text, "draft.yaml")
    full = parse_inventory(text, "draft.yaml")
    assert fast.ok == full.ok
    assert fast.inventory == full.inventory
    assert [f.parsable() for f in fast.findings] == [f.parsable() for f in full.findings]
    return fast


@given(inventory_params(max_hosts=5), st.data())
def test_the_fast_check_agrees_with_the_loader_on_valid_and_spoilt_inventories(p, data):
    inv = inventory_data(p)
    assert _agree(copy.deepcopy(inv)).ok
    for _ in range(data.draw(st.integers(1, 4))):
        spoilt = copy.deepcopy(inv)
        for _ in range(data.draw(st.integers(1, 3))):
            _spoil(spoilt, data.draw)
        _agree(spoilt)


@given(inventory_params(max_hosts=4), st.data())
def test_the_fast_check_agrees_with_the_loader_on_spoilt_drafts(p, data):
    draft = planned_draft(p)
    for _ in range(data.draw(st.integers(1, 4))):
        spoilt = copy.deepcopy(draft)
        _spoil(spoilt, data.draw)
        _agree(spoilt)


@given(inventory_params(max_hosts=4), st.integers(0, 6), st.integers(1, 2000))
def test_the_fast_check_keeps_the_loaders_size_limits(p, items, size):
    inv = inventory_data(p)
    tight = {key: items for key in limits.MAX_ITEMS}
    with (
        mock.patch.dict(limits.MAX_ITEMS, tight),
        mock.patch.object(yamlsource, "MAX_FILE_BYTES", size * 4),
    ):
        _agree(inv)


_DRAFT = {
    "name": "imported",
    "fabrics": [{"name": "A", "vendor": "cisco", "vsan": 10}],
    "switches": [{"name": "sw1", "fabric": "A", "domain_id": 1, "ports": ["fc1/1", "fc1/2"]}],
    "hosts": [
        {
            "name": "esx01",
            "hbas": [
                {
                    "name": "hba0",
                    "ports": [
                        {
                            "name": "p0",
                            "wwpn": "21:00:00:24:ff:11:22:33",
                            "switch": "sw1",
                            "port": "fc1/1",
                        },
                        {"name": "p1", "wwpn": "21:00:00:24:ff:11:22:34", "npiv": True},
                    ],
                }
            ],
            "os": "vmware",
        }
    ],
    "existing_zones": [{"name": "z1", "fabric": "A", "members": ["21:00:00:24:ff:11:22:33"]}],
}


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("switches", 0, "domain_id"), True),  # the model takes True for 1, the loader "true" not
        (("switches", 0, "domain_id"), 1.0),
        (("switches", 0, "domain_id"), "01"),
        (("switches", 0, "ports"), 1),
        (("switches", 0, "ports"), True),
        (("fabrics", 0, "vsan"), False),
        (("hosts", 0, "hbas", 0, "ports", 1, "npiv"), 1),
        (("hosts", 0, "hbas", 0, "ports", 1, "npiv"), "yes"),
        (("hosts", 0, "hbas", 0, "ports", 1, "npiv"), None),
        (("hosts", 0, "hbas", 0, "ports", 0, "port"), 1),
        (("hosts", 0, "name"), 1),
        (("hosts", 0, "os"), "Linux"),
        (("existing_zones", 0, "members", 0), 7),
        (("name",), None),
        (("name",), "no"),
    ],
)
def test_a_value_of_another_type_is_judged_as_the_loader_judges_its_text(path, value):
    draft = copy.deepcopy(_DRAFT)
    assert _agree(draft).ok
    _at(draft, path[:-1])[path[-1]] = value
    _agree(draft)


def test_a_valid_draft_is_not_read_back_and_an_invalid_one_is_located_in_the_text():
    draft = copy.deepcopy(_DRAFT)
    text = draft_yaml(draft)
    ok = check_draft(draft, text, "draft.yaml")
    assert ok.ok and ok.source.root is None  # the fast path: the text was not parsed
    draft["hosts"][0]["hbas"][0]["ports"][1]["wwpn"] = "21:00:00:24:ff:11:22"
    text = draft_yaml(draft)
    bad = check_draft(draft, text, "draft.yaml")
    assert not bad.ok
    (finding,) = bad.findings
    line = next(i for i, t in enumerate(text.splitlines(), 1) if '"21:00:00:24:ff:11:22"' in t)
    assert (finding.code, finding.location.line) == ("ZP008", line)
