"""The one sanitiser (:mod:`zoneplan.sanitise`) and the findings printer that uses it.

Issue 14: control characters and ANSI escapes from inventory values (an HBA ``vendor`` with
``\\e]0;…\\a\\e[8m``), unknown keys, suppress subjects and capture names were echoed into
text/parsable/JSON output (terminal takeover, forged ``file:1:1:`` lines).
"""

from __future__ import annotations

import json
import re

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.support.paths import SAMPLES
from zoneplan.cli import app
from zoneplan.findings import Finding, Location, Severity
from zoneplan.render.engine import UnsafeValue, renderer_for
from zoneplan.sanitise import (
    UnsafeArtefact,
    artefact_environment,
    check_artefact,
    csv_cell,
    escape_text,
    json_bytes,
    one_line,
)

#: what a terminal, a switch CLI or a log reader may take for a line end or a command
FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
HOSTILE = "a\nb\rc\x00d\x1b]0;pwned\x07\x1b[8m\u2028e\u2029f\x85g\x0bh\x0ci\u202ej\tk"
runner = CliRunner()


@given(st.text())
def test_one_line_never_holds_a_line_break_or_a_control_character(text):
    out = one_line(text)
    assert not FORBIDDEN.search(out)
    if not FORBIDDEN.search(text):
        assert out == text  # clean text is left exactly as it is
    assert one_line(out) == out


@given(st.text())
def test_escape_text_never_holds_a_control_character(text):
    assert not FORBIDDEN.search(escape_text(text))


def test_escapes_are_visible():
    assert one_line(HOSTILE) == (
        "a\\nb\\rc\\0d\\x1b]0;pwned\\x07\\x1b[8m\\u2028e\\u2029f\\x85g\\x0bh\\x0ci\\u202ej k"
    )


def test_check_artefact_refuses_what_no_artefact_may_hold():
    assert check_artefact("ok\tline\n# comment\n") == "ok\tline\n# comment\n"
    for bad in ("\r", "\x00", "\x1b", "\u2028", "\x85", "\u202e"):
        with pytest.raises(UnsafeArtefact, match="line 2"):
            check_artefact(f"one\ntwo{bad}\n")
    assert check_artefact("a,b\r\nc,d\r\n", crlf=True)


def test_csv_cells():
    assert csv_cell("=1+1") == "'=1+1" and csv_cell("-x") == "'-x" and csv_cell("@a") == "'@a"
    assert csv_cell("a\nb") == "a\\nb" and csv_cell("plain") == "plain"


def test_json_bytes_escapes_raw_separators_exactly():
    raw = json.dumps({"a": "x\u2028\x85\x7f\u202e é"}, ensure_ascii=False).encode()
    safe = json_bytes(raw)
    assert json.loads(safe) == json.loads(raw)
    assert not FORBIDDEN.search(safe.decode())


def test_artefact_environment_sanitises_every_value_and_keeps_template_text():
    env = artefact_environment(
        jinja2.DictLoader(
            {
                "t": "{% macro m(x) -%}\nfirst {{ x }}\nsecond <&>\n{%- endmacro %}"
                '{% set block %}b1\nb2 "q"{% endset %}'
                "# {{ v }} | {{ '<a & \"b\">' }} | {{ m(v) }} | {{ block }} | {{ l | join(', ') }}"
            }
        )
    )
    out = env.get_template("t").render(v="x\ncfgclear", l=["a<", "b\nc"])
    assert out.split("\n") == [
        '# x\\ncfgclear | <a & "b"> | first x\\ncfgclear',  # a constant is not HTML-escaped
        "second <&> | b1",
        'b2 "q" | a<, b\\nc',
    ]


@pytest.mark.parametrize("pack", ["brocade-fos", "cisco-mds"])
@pytest.mark.parametrize("value", ["zone1\n", "zone1\ncfgclear", "a\r", "x\u2028y"])
def test_quote_anchors_the_whole_value(pack, value):
    r = renderer_for(pack)
    with pytest.raises(UnsafeValue):
        r.quote(value)
    with pytest.raises(UnsafeValue):
        r.quote(["ok", value])


# --------------------------------------------------------------------------- findings output

EVIL_FINDING = Finding(
    "ZP002",
    "unknown-key",
    Severity.ERROR,
    "unknown key 'x\ninv.yaml:1:1: [fatal] ZP000 forged (forged)'",
    Location("inv\x1b]0;title\x07.yaml", 3, 1),
    subject="vendor\x1b[8m",
    hint="hint\x1b[2J",
)


def _print(fmt: str, capsys) -> str:  # noqa: ANN001
    from zoneplan.cli.output import print_findings

    print_findings([EVIL_FINDING], fmt)
    return capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["text", "parsable"])
def test_findings_text_and_parsable_escape_control_characters(fmt, capsys):
    out = _print(fmt, capsys)
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b]0;title\\x07" in out
    lines = [ln for ln in out.splitlines() if ln.strip()]
    if fmt == "parsable":
        assert len(lines) == 1  # a value cannot start a forged file:line: finding
        assert lines[0].startswith("inv\\x1b]0;title\\x07.yaml:3:1: [error] ZP002")
    assert not any(ln.lstrip().startswith("inv.yaml:1:1:") for ln in lines)


def test_findings_json_is_exact_and_ascii(capsys):
    out = _print("json", capsys)
    assert not FORBIDDEN.search(out.replace("\n", ""))
    doc = json.loads(out)
    assert doc["findings"][0]["message"] == EVIL_FINDING.message
    assert doc["findings"][0]["file"] == EVIL_FINDING.location.file


def test_hostile_inventory_values_never_reach_the_terminal(tmp_path):
    """An unknown key holding ANSI escapes and a forged finding line, through ``validate``."""
    text = (SAMPLES / "euronas-cluster.yaml").read_text(encoding="utf-8")
    key = '"k\\e]0;pwned\\a\\e[8m\\ninv.yaml:1:1: [fatal] ZP999 forged"'
    text = text.replace("\nfabrics:", f"\n{key}: 1\nfabrics:", 1)
    line = text.splitlines().index(f"{key}: 1") + 1
    inv = tmp_path / "inv.yaml"
    inv.write_text(text, encoding="utf-8")
    for fmt in ("text", "parsable", "json"):
        r = runner.invoke(app, ["validate", str(inv), "--format", fmt])
        assert r.exit_code == 2, r.output
        assert "\x1b" not in r.output and "\x07" not in r.output, (fmt, r.output)
        assert not re.search(r"^inv.yaml:1:1:", r.output, re.M), r.output
        if fmt == "parsable":  # the key (with its '[') is found and pointed at
            assert f"inv.yaml:{line}:1: [fatal] ZP004 unknown key 'k\\x1b]0;pwned" in r.output
