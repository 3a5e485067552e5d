"""The draft's YAML emitter: what it writes reads back as the data, by PyYAML (YAML 1.1), by
the loader (text kept as written) and by an independent implementation (ruamel.yaml, pure
Python, YAML 1.2 and 1.1), for any text."""

from __future__ import annotations

import enum
import io

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml import YAML

from zoneplan.yamlemit import as_read, emit_yaml
from zoneplan.yamlsource import load_yaml

#: text YAML resolvers or its syntax take for something else when written plain
_TRICKY = [
    "",
    " ",
    "-",
    "- a",
    "-a",
    "?",
    "? a",
    ":",
    ": a",
    "a:",
    "a: b",
    "a #b",
    "#",
    "'",
    '"',
    "'a'",
    '"a"',
    "\\",
    "\\ud800",
    "&a",
    "*a",
    "!a",
    "!!str",
    "%YAML",
    "@a",
    "`a",
    "|",
    ">",
    "{",
    "}",
    "[",
    "]",
    ",",
    "<<",
    "=",
    "~",
    "null",
    "Null",
    "NULL",
    "no",
    "No",
    "NO",
    "n",
    "N",
    "y",
    "Y",
    "yes",
    "on",
    "On",
    "off",
    "OFF",
    "true",
    "True",
    "false",
    "0o17",
    "012",
    "0x1F",
    "0b101",
    "1_000",
    "1:20",
    "1e3",
    "1E3",
    "1.5",
    ".5",
    ".inf",
    "-.inf",
    ".NaN",
    "+1",
    "-1",
    "2026-12-01",
    "21:00:00:24:ff:11:22:33",
    "a\tb",
    "a\nb",
    "a\r\nb",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\xa0",
    "\u2028",
    "\u2029",
    "\u200e",
    "\ufeff",
    "\ufffe",
    "\U0001f600",
    "\U0010ffff",
    "é",
    "日本",
    "a" * 200,
    "--- ",
    "...",
    "a b",
    " a",
    "a ",
    "_",
    "_a",
    ".a",
    "/a",
]
_CHARS = st.sampled_from(
    list("-?:#'\"!&*|>%@`{}[],~ \t\n\r\\0123456789eEoxXbn.yYNtrufalsT_/+")
    + ["\x00", "\x7f", "\x85", "\u2028", "\ufeff", "é", "\U0001f600"]
)
_TEXT = st.one_of(st.sampled_from(_TRICKY), st.text(_CHARS, max_size=12), st.text(max_size=20))
_SCALARS = st.one_of(_TEXT, st.integers(), st.booleans(), st.none())
#: the draft's keys are its own field names; these are any text YAML can hold as a key
_KEYS = st.one_of(
    st.sampled_from(_TRICKY[:-14]),
    st.text(_CHARS, min_size=1, max_size=12),
    st.text(min_size=1, max_size=150),
)
_LEAF = st.one_of(
    _SCALARS, st.lists(_SCALARS, max_size=4), st.dictionaries(_KEYS, _SCALARS, max_size=4)
)
_DATA = st.dictionaries(
    _KEYS,
    st.recursive(
        _LEAF,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(_KEYS, inner, max_size=4)
        ),
        max_leaves=20,
    ),
    max_size=6,
)


def _ruamel(text: str) -> object:
    return YAML(typ="safe", pure=True).load(io.StringIO(text))


@given(_DATA)
def test_any_plain_data_reads_back_the_same_in_every_yaml_reader(data):
    text = "\n".join(emit_yaml(data)) + "\n"
    expected = data or None
    assert yaml.safe_load(text) == expected  # PyYAML, YAML 1.1 resolvers
    assert _ruamel(text) == expected  # an independent implementation, YAML 1.2
    assert _ruamel("%YAML 1.1\n---\n" + text) == expected  # and its YAML 1.1 resolvers
    read, source = load_yaml(text, "draft.yaml")  # the loader: every scalar as its text
    assert not source.duplicates
    assert read == as_read(expected)


@given(_TEXT)
def test_a_text_value_is_one_line_and_reads_back_as_itself(value):
    lines = emit_yaml({"k": value, "l": [value], "m": [{"a": value, "b": [value]}]})
    assert len(lines) == 5, lines  # control characters and line breaks escaped, never raw
    assert all(line.isascii() and line.isprintable() for line in lines)
    text = "\n".join(lines) + "\n"
    assert yaml.safe_load(text)["k"] == value
    assert _ruamel(text)["m"][0]["b"] == [value]


def test_blocks_and_flows_as_pyyaml_lays_them_out():
    data = {
        "name": "site",
        "empty": [],
        "none": {},
        "fabrics": [{"name": "A", "zoning": {"config": "cfg"}}],
        "hosts": [
            {"name": "h1", "hbas": [{"name": "hba0", "ports": [{"wwpn": "21:00", "npiv": True}]}]}
        ],
        "zones": [["a", ["b"]]],
        "nested": {"deep": {"list": [1, None]}},
    }
    assert "\n".join(emit_yaml(data)) == "\n".join(
        [
            "name: site",
            "empty: []",
            "none: {}",
            "fabrics:",
            "- name: A",
            "  zoning: {config: cfg}",
            "hosts:",
            "- name: h1",
            "  hbas:",
            "  - name: hba0",
            "    ports:",
            '    - {wwpn: "21:00", npiv: true}',
            "zones:",
            "- [a, [b]]",
            "nested:",
            "  deep:",
            "    list: [1, null]",
        ]
    )
    del data["zones"]  # PyYAML writes a list of lists in block style
    assert yaml.safe_dump(data, sort_keys=False, default_flow_style=None, width=10**6) == (
        "\n".join(emit_yaml(data)).replace('"21:00"', "'21:00'") + "\n"
    )


@pytest.mark.parametrize("key", [1, True, None, 1.5, "k" * 2000])
def test_keys_that_may_not_read_back_as_written_are_refused_by_as_read(key):
    with pytest.raises(ValueError):
        as_read({"a": [{key: "v"}]})


def test_a_str_subclass_is_written_and_read_as_its_characters():
    class Mode(str, enum.Enum):  # str() of a member is "Mode.ON"; its characters are "on"
        ON = "on"

    data = {"first": Mode.ON, "then": "on", "list": [Mode.ON]}
    text = "\n".join(emit_yaml(data)) + "\n"
    assert yaml.safe_load(text) == {"first": "on", "then": "on", "list": ["on"]}
    assert load_yaml(text, "f.yaml")[0] == as_read(data) == yaml.safe_load(text)
