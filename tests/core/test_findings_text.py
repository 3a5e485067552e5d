"""The text report: a code repeated in a file is one line with its count; ``--verbose``, JSON
and the parsable format list every finding."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from zoneplan.cli import app
from zoneplan.cli import output as out
from zoneplan.findings import Finding, Location, Severity
from zoneplan.samplegen import generate_inventory_yaml

runner = CliRunner()
HOSTS = 12  # every generated client has one HBA: one ZP402 per host


@pytest.fixture(scope="module")
def inventory(tmp_path_factory):
    path = tmp_path_factory.mktemp("inv") / "site.yaml"
    path.write_text(generate_inventory_yaml(HOSTS), encoding="utf-8")
    return path


def _lines(text: str, code: str) -> list[str]:
    return [ln for ln in text.splitlines() if re.search(rf"\s{code}\s", ln)]


def test_a_repeated_code_is_one_line_with_its_count_and_first_subjects(inventory):
    r = runner.invoke(app, ["validate", str(inventory)])
    assert r.exit_code == 0, r.output
    (line,) = _lines(r.output, "ZP402")
    assert f"[{HOSTS} in all; also host00002, host00003, host00004 and {HOSTS - 4} more" in line
    assert line.rstrip().endswith("--verbose lists them]")
    assert "host host00001:" in line  # the first finding itself, whole
    assert r.output.count("hint: Add a second HBA") == 1
    # the summary still counts every finding
    doc = json.loads(runner.invoke(app, ["validate", str(inventory), "-f", "json"]).output)
    assert f"{doc['summary']['info']} info" in r.output.splitlines()[-1]


@pytest.mark.parametrize("args", [["--verbose"], ["-v"]])
def test_verbose_lists_every_finding(inventory, args):
    r = runner.invoke(app, ["validate", str(inventory), *args])
    assert r.exit_code == 0, r.output
    lines = _lines(r.output, "ZP402")
    assert len(lines) == HOSTS
    assert not any("in all" in ln for ln in lines)
    assert r.output.count("hint: Add a second HBA") == HOSTS


@pytest.mark.parametrize("fmt", ["json", "parsable"])
def test_machine_formats_list_every_finding(inventory, fmt):
    r = runner.invoke(app, ["validate", str(inventory), "--format", fmt])
    if fmt == "json":
        codes = [f["code"] for f in json.loads(r.output)["findings"]]
        assert codes.count("ZP402") == HOSTS
    else:
        assert len(_lines(r.output, "ZP402")) == HOSTS


def _finding(i: int, code: str = "ZP402", file: str = "a.yaml") -> Finding:
    return Finding(
        code,
        "single-hba-host",
        Severity.INFO,
        f"host h{i:02d}: one HBA",
        Location(file, 10 + i, 7),
        subject=f"h{i:02d}",
        hint="Add a second HBA.",
    )


def test_a_few_repeats_and_other_files_are_not_folded(capsys):
    few = [_finding(i) for i in range(out.FOLD_ABOVE)]
    other = [_finding(i, file="b.yaml") for i in range(3)]
    out.print_findings(few + other)
    text = capsys.readouterr().out
    assert len(_lines(text, "ZP402")) == out.FOLD_ABOVE + 3
    assert "in all" not in text


def test_folding_keeps_each_line_in_file_order(capsys):
    many = [_finding(i) for i in range(9)]
    odd = Finding("ZP301", "x", Severity.ERROR, "one error", Location("a.yaml", 12, 1))
    out.print_findings([*many, odd])
    lines = [ln for ln in capsys.readouterr().out.splitlines() if "ZP" in ln]
    assert [ln.split()[2] for ln in lines] == ["ZP402", "ZP301"]
    assert "[9 in all; also h01, h02, h03 and 5 more" in lines[0]


def test_a_terminal_gets_the_same_report_in_colour(monkeypatch, capsys):
    monkeypatch.setattr(out, "console", out._Console(force_terminal=True, width=200))
    out.print_findings([_finding(i) for i in range(9)])
    raw = capsys.readouterr().out
    assert "\x1b[" in raw  # styled
    plain = re.sub(r"\x1b\[[0-9;]*m", "", raw)
    assert len(_lines(plain, "ZP402")) == 1
    assert "9 in all" in plain


def test_a_subject_with_control_characters_is_escaped_in_a_folded_line(capsys):
    evil = [_finding(i) for i in range(8)]
    evil[1] = Finding(
        "ZP402",
        "single-hba-host",
        Severity.INFO,
        "m",
        Location("a.yaml", 11, 1),
        subject="h\x1b[8m",
    )
    out.print_findings(evil)
    text = capsys.readouterr().out
    assert "\x1b" not in text and "h\\x1b[8m" in text
