"""A third vendor is a ``vendors/<pack>/`` folder plus one parser module, nothing else.

A made-up vendor, "Acme FC", is installed from a tmp folder (``ZONEPLAN_VENDORS_DIR``) next
to copies of the real packs; its parser module is ``tests/support/acme_parser.py``. No core
module is touched, yet captures of it are dispatched to its parsers (by file name, by prompt
line and by content), its prompt cuts a terminal log, inventories may name it, and plans for
it render through its templates.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zoneplan.cli import app
from zoneplan.packs import VendorPackError, known_vendors, load_pack, vendors_dir
from zoneplan.parsers.capture import read_captures
from zoneplan.samplegen import generate_inventory_yaml

MANIFEST = """\
id: acme-fc
vendor: acme
brand: Acme FC
display_name: Acme FC switches (made up for a test)
parsers: tests.support.acme_parser
ports: {first: 1, format: "p{port}", slot_first: 1, slot_format: "p{slot}/{port}"}
naming:
  pattern: "^[A-Za-z][A-Za-z0-9_]{0,31}$"
  portable_pattern: "^[A-Za-z][A-Za-z0-9_]{0,31}$"
  max_length: 32
  one_namespace: true
limits: {zone_db_bytes: 1048576, zone_db_bytes_director: 1048576}
capabilities: {aliases: true, peer_zones: false, smart_zoning: false, enhanced_mode: false}
script: {comment: "#", quote: '"', member_separator: ";", members_per_command: 40}
"""
COMMANDS = """\
session: {mode: shell, setup: ["pager off"], read_only: '^show\\w+$'}
cli:
  prompt: {host: '[a-z0-9]+', end: '\\$'}
  pagers: [{prompt: '\\[more\\]', marker: '[more]', quit: "q"}]
  rejections: ['acme: no such command.*']
  error_lines: ['acme: ']
  command_words: [showzoning, showname]
commands:
  showzoning:
    parser: showzoning
    feeds: zoning_effective
    collect: true
    sniff: '^zoneset \\S+$'
  showname:
    parser: showname
    feeds: switchname
    collect: true
"""
ZONING = """\
zoneset prod
zone z_host1: 10:00:00:00:c9:00:00:01 50:06:01:60:00:00:00:01
zone z_host2: 10:00:00:00:c9:00:00:02 50:06:01:60:00:00:00:01
"""


@pytest.fixture
def acme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A vendors folder holding the real packs and Acme's, made the active one."""
    root = tmp_path / "vendors"
    shutil.copytree(vendors_dir(), root)
    pack = root / "acme-fc"
    pack.mkdir()
    (pack / "manifest.yaml").write_text(MANIFEST, encoding="utf-8")
    (pack / "commands.yaml").write_text(COMMANDS, encoding="utf-8")
    shutil.copytree(root / "brocade-fos" / "templates", pack / "templates")
    monkeypatch.setenv("ZONEPLAN_VENDORS_DIR", str(root))
    return tmp_path


def test_the_pack_loads_typed_and_its_vendor_is_known(acme):
    pack = load_pack("acme-fc")
    assert pack.snmp is None  # no snmp.yaml: not read over SNMP
    assert pack.commands.commands["showzoning"].feeds.value == "zoning_effective"
    assert "acme" in known_vendors()


def test_captures_are_dispatched_to_its_parsers_by_name_prompt_and_content(acme):
    cap = acme / "cap"
    (cap / "sw-files").mkdir(parents=True)
    (cap / "sw-files" / "showzoning.txt").write_text(ZONING, encoding="utf-8")
    (cap / "sw-files" / "showname.txt").write_text("acme7\n", encoding="utf-8")
    (cap / "log").mkdir()
    (cap / "log" / "session.log").write_text(
        f"acme1$ showname\nacme1\nacme1$ showzoning\n{ZONING}acme1$ exit\n", encoding="utf-8"
    )
    (cap / "sniffed").mkdir()
    (cap / "sniffed" / "notes.txt").write_text(ZONING, encoding="utf-8")

    states, findings = read_captures([cap])

    assert set(states) == {"acme7", "acme1", "sniffed"}, [f.parsable() for f in findings]
    for name in ("acme7", "acme1", "sniffed"):
        st = states[name]
        assert st.vendor == "acme"
        db = st.zoning[0].effective
        assert db is not None and db.effective == "prod", name
        assert db.zones["z_host1"].members == ["10:00:00:00:c9:00:00:01", "50:06:01:60:00:00:00:01"]
    codes = [f.code for f in findings]
    assert "ZP037" in codes  # notes.txt was read as showzoning by its content
    assert not [f for f in findings if f.severity.value in ("error", "fatal")], codes


def test_its_pager_and_error_lines_are_recognised_by_every_parser(acme):
    from zoneplan.parsers.common import is_error_line, prepare

    text = prepare("zoneset prod\n[more]\nzone z: 10:00:00:00:c9:00:00:01\n", "x")
    assert "ZP022" in [f.code for f in text.findings]  # the pager prompt, reported and removed
    assert "[more]" not in text.text
    assert is_error_line("acme: no such command 'foo'")


def test_inventories_may_name_it_and_plans_render_with_its_templates(acme):
    inv = acme / "acme.yaml"
    inv.write_text(generate_inventory_yaml(6, vendor_a="acme", vendor_b="acme"), encoding="utf-8")
    runner = CliRunner()
    r = runner.invoke(app, ["validate", str(inv), "-f", "json"])
    assert r.exit_code == 0, r.output
    out = acme / "plan"
    r = runner.invoke(app, ["plan", str(inv), "--out", str(out), "--greenfield", "-f", "json"])
    assert r.exit_code == 0, r.output
    plan = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    assert {f["pack"] for f in plan["fabrics"]} == {"acme-fc"}
    script = (out / "A" / "A.script.txt").read_text(encoding="utf-8")
    assert "zonecreate" in script and "cfgenable" in script


def test_an_unknown_vendor_lists_the_installed_ones(acme, tmp_path):
    inv = tmp_path / "bad.yaml"
    inv.write_text(
        generate_inventory_yaml(2, vendor_a="acme", vendor_b="acme").replace(
            "vendor: acme", "vendor: initech", 1
        ),
        encoding="utf-8",
    )
    r = CliRunner().invoke(app, ["validate", str(inv)])
    assert r.exit_code == 2
    # the object by its inventory path (issue 15), the installed vendors listed
    assert "fabric A vendor: 'initech'" in r.output and "ZP003" in r.output
    assert "acme, brocade, cisco" in r.output


def test_a_pack_naming_a_missing_parser_is_a_pack_error(acme, monkeypatch):
    root = acme / "vendors"
    bad = root / "acme-fc" / "commands.yaml"
    bad.write_text(COMMANDS.replace("parser: showname", "parser: shownam"), encoding="utf-8")
    from zoneplan.parsers import registry

    with pytest.raises(VendorPackError, match="shownam"):
        registry()


def test_the_ssh_adapter_takes_its_session_commands_and_prompt_from_the_pack(acme):
    from zoneplan.live.ssh import load_commands, load_session

    specs, findings = load_commands("acme")
    assert not findings
    assert [s.command for s in specs] == ["showzoning", "showname"]
    session = load_session("acme")
    assert session.mode == "shell" and session.setup == ("pager off",)
    assert session.prompt is not None
    assert session.prompt.search("showname\nacme7\nacme1$ ")
    assert not session.prompt.search("acme7\nacme1# ")  # another vendor's prompt is not it
