"""The loader: every problem at once, coded, at file:line:col, never a traceback."""

from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from zoneplan.findings import Severity
from zoneplan.loader import load_inventory, parse_inventory

BASE = """\
name: t
fabrics:
  - {name: A, vendor: brocade}
switches:
  - {name: sw1, fabric: A, domain_id: 1, ports: 24}
hosts:
  - name: h1
    os: linux
    hbas:
      - name: hba0
        ports:
          - name: p0
            wwpn: 21:00:00:24:11:22:33:44
            switch: sw1
            port: 3
"""


def codes(result):
    return [f.code for f in result.findings]


def test_clean_inventory_loads_and_keeps_an_unquoted_all_digit_wwpn_as_written():
    r = parse_inventory(BASE, "inv.yaml")
    assert r.ok, r.findings
    # YAML 1.1 would read 21:00:00:24:11:22:33:44 as a base-60 integer: it must stay the WWPN.
    assert r.inventory.hosts[0].hbas[0].ports[0].wwpn == "21:00:00:24:11:22:33:44"
    assert r.inventory.hosts[0].hbas[0].ports[0].port == "3"


def test_duplicate_key_is_found_with_both_lines():
    text = BASE.replace("            port: 3\n", "            port: 3\n            port: 4\n")
    r = parse_inventory(text, "inv.yaml")
    assert codes(r) == ["ZP002"]
    f = r.findings[0]
    assert (f.location.file, f.location.line, f.location.col) == ("inv.yaml", 16, 13)
    assert "first at line 15" in f.message
    assert not r.ok


def test_all_problems_are_reported_at_once_with_positions():
    text = BASE.replace("os: linux", "os: beos").replace(
        "domain_id: 1", "domain_id: 1, colour: red"
    )
    text = text.replace("wwpn: 21:00:00:24:11:22:33:44", "wwpn: 21:00:00:24:11:22:33")
    r = parse_inventory(text, "inv.yaml")
    got = {(f.code, f.location.line) for f in r.findings}
    assert got == {("ZP003", 8), ("ZP004", 5), ("ZP008", 13)}
    assert all(f.severity is Severity.FATAL for f in r.findings)


def test_yaml_syntax_error_points_at_the_line():
    r = parse_inventory(BASE.replace("    os: linux", "   os: linux"), "inv.yaml")
    assert codes(r) == ["ZP001"]
    assert r.findings[0].location.line == 8


def test_injection_in_a_name_is_refused_at_load_time():
    r = parse_inventory(BASE.replace("name: h1", "name: 'x\"; cfgclear; \"'"), "inv.yaml")
    assert codes(r) == ["ZP009"]
    assert r.findings[0].location.line == 7


def test_missing_key_points_at_the_parent():
    r = parse_inventory(BASE.replace("    os: linux\n", ""), "inv.yaml")
    assert codes(r) == ["ZP005"]
    assert r.findings[0].location.line == 7
    assert "'os'" in r.findings[0].message


def test_unreadable_and_non_utf8_files(tmp_path: Path):
    assert codes(load_inventory(tmp_path / "nope.yaml")) == ["ZP007"]
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"name: t\nsite: \xff\xfe\n")
    r = load_inventory(bad)
    assert codes(r) == ["ZP001"] and r.findings[0].location.line == 2


def test_alias_bomb_is_refused_without_expanding_it():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    r = parse_inventory("\n".join(lines) + "\n", "bomb.yaml")
    assert codes(r) == ["ZP006"]


def test_several_documents_are_refused():
    r = parse_inventory(BASE + "---\nname: other\n", "inv.yaml")
    assert codes(r) == ["ZP001"]
    assert r.findings[0].location.line == 17


def test_wwpn_spellings_are_normalised():
    r = parse_inventory(
        BASE.replace("21:00:00:24:11:22:33:44", "'21-00-00-24-FF-0C-58-37'"), "inv.yaml"
    )
    assert r.ok
    assert r.inventory.hosts[0].hbas[0].ports[0].wwpn == "21:00:00:24:ff:0c:58:37"


_yaml_text = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20)),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(max_size=10), children, max_size=4),
    ),
    max_leaves=20,
)


@given(_yaml_text)
def test_random_documents_end_in_a_model_or_coded_findings(data):
    text = yaml.safe_dump(data)
    r = parse_inventory(text, "fuzz.yaml")
    assert r.ok or (r.findings and all(f.code.startswith("ZP0") and f.location for f in r.findings))


@given(st.data())
def test_mutated_sample_lines_never_raise(data):
    sample = (Path(__file__).resolve().parents[2] / "samples" / "euronas-cluster.yaml").read_text()
    lines = sample.splitlines(keepends=True)
    i = data.draw(st.integers(0, len(lines) - 1))
    op = data.draw(st.sampled_from(["drop", "dup", "indent", "dedent", "garble"]))
    if op == "drop":
        del lines[i]
    elif op == "dup":
        lines.insert(i, lines[i])
    elif op == "indent":
        lines[i] = " " + lines[i]
    elif op == "dedent":
        lines[i] = lines[i][1:]
    else:
        lines[i] = data.draw(st.text(max_size=30)) + "\n"
    r = parse_inventory("".join(lines), "mut.yaml")
    assert r.ok or all(f.location is not None and f.location.line for f in r.findings)


def test_yaml_11_booleans_stay_words_where_words_are_meant():
    text = BASE.replace("name: h1", "name: 'no'").replace("port: 24}", "port: 24, director: yes}")
    text = (
        text.replace("ports: 24}", "ports: 24, director: yes}")
        + "policy:\n  severity: {ZP402: off}\n"
    )
    r = parse_inventory(text.replace("name: 'no'", "name: no"), "inv.yaml")
    assert r.ok, r.findings
    assert r.inventory.hosts[0].name == "no"
    assert r.inventory.switches[0].director is True
    assert r.inventory.policy.severity["ZP402"].value == "off"
