"""Every line of every generated artefact passes the one sanitiser (issue 14, injection).

Reproduced holes, each through the CLI:

* a zoneset name read over SNMP holding a newline (``cfg\\nclear zone database vsan 20\\n!``)
  put a bare ``clear zone database vsan 20`` into a Cisco script and its rollback, exit 0;
* a capture folder named ``x\\ncfgclear\\ncfgsave\\n#`` did the same in a Brocade script
  through the "… is incomplete: nothing is removed" note;
* NUL/ESC/BEL from a config name landed in script headers;
* the inventory *file name* reached the "Verify:" line of the Linux/Xen multipath files
  (``blacklist { devnode ".*" }`` as a line of its own).

And the class: every template of both dialects rendered with hostile values in every field
that can reach it (notes, the configuration in effect before, config, fabric and switch
names, the inventory's name), checked line by line against the dialect's whitelist
(:mod:`tests.hardening.test_injection`): a value either makes rendering refuse it
(``UnsafeValue``) or lands on a comment line, on one line, with no control character.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.hardening.test_injection import LINE_BREAKS, _check_script
from tests.support.paths import SAMPLES
from tests.support.planstate import states_from_plan
from tests.support.snmp_agent import cisco_records
from zoneplan.cli import app
from zoneplan.loader import load_inventory
from zoneplan.parsers.snmpwalk import MAGIC
from zoneplan.plan.build import build_plan
from zoneplan.plan.delta import greenfield_change
from zoneplan.plan.model import ObservedSummary
from zoneplan.render.engine import UnsafeValue, render_fabric
from zoneplan.topology import build_topology

runner = CliRunner()
SAMPLE = SAMPLES / "euronas-cluster.yaml"
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
EVIL = [
    "cfg\nclear zone database vsan 20\n!",
    "x\ncfgclear\ncfgsave\n#",
    "a\rcfgdisable",
    "n\x00u\x1b[2J\x07l",
    "x\u2028zone name evil vsan 1",
    "x\x85cfgclear",
    "x\x0bcfgclear\x0c",
    "\u202ecfgclear",
]
hostile = st.one_of(
    st.sampled_from(EVIL),
    st.text(st.sampled_from(list("ab\n\r\x00\x1b\x07\u2028\x85\x0b;\"'$`#!")), max_size=30),
)


@pytest.fixture(scope="module")
def planned():
    r = load_inventory(SAMPLE)
    topo = build_topology(r.inventory, r.source)
    return build_plan(topo), topo


def _lines_ok(text: str, vendor: str) -> None:
    assert not FORBIDDEN.search(text), repr(FORBIDDEN.search(text).group(0))
    _check_script(text, vendor, None)  # every line: a comment, blank, or a whitelisted command


def _artefacts_ok(rendered, vendor: str) -> None:
    for text in rendered.artefacts().values():  # precheck, script, rollback, verify
        _lines_ok(text, vendor)


@given(
    notes=st.lists(hostile, max_size=3),
    previous=hostile,
    config=hostile,
    name=hostile,
    switch=hostile,
    inventory=hostile,
    strategy=hostile,
)
def test_every_template_field_is_sanitised(
    planned, notes, previous, config, name, switch, inventory, strategy
):
    plan, _ = planned
    evil_plan = plan.model_copy(update={"inventory": inventory})
    for fp in plan.fabrics:
        evil_fp = fp.model_copy(
            update={
                "name": name,
                "switches": [switch, *fp.switches],
                "requested_strategy": strategy,
            }
        )
        clean = greenfield_change(fp).change
        observed = ObservedSummary(
            source=previous, fingerprint=previous, config_in_effect=previous, switches=[switch]
        )
        comment_only = {
            "notes": notes,
            "irreversible": strategy,
            "against": observed,
            "alias_switches": [],
        }
        for change, same_commands in (
            # free text that only comments carry: the commands are exactly the clean ones
            (greenfield_change(evil_fp).change.model_copy(update=comment_only), True),
            # names that reach commands: refused, or on a comment line, one line
            (
                clean.model_copy(
                    update={
                        "config": config,
                        "enable": config,
                        "rollback_enable": previous,
                        "notes": notes,
                        "alias_switches": [switch],
                    }
                ),
                False,
            ),
        ):
            try:
                rendered = render_fabric(evil_plan, evil_fp, change)
            except UnsafeValue:
                continue  # refused before anything is written (a value reached a command)
            _artefacts_ok(rendered, fp.vendor)
            if same_commands:
                base = render_fabric(plan, fp, clean)
                comment = "#" if fp.vendor == "brocade" else "!"
                assert _commands(rendered.script, comment) == _commands(base.script, comment)
                assert _commands(rendered.rollback, comment) == _commands(base.rollback, comment)


def _commands(text: str, comment: str) -> list[str]:
    return [ln for ln in text.split("\n") if ln.strip() and not ln.startswith(comment)]


def test_a_rollback_of_an_inverse_change_is_sanitised_too(planned):
    plan, _ = planned
    for fp in plan.fabrics:
        change = greenfield_change(fp).change.model_copy(
            update={"notes": EVIL, "irreversible": EVIL[0]}
        )
        _artefacts_ok(render_fabric(plan, fp, change), fp.vendor)


# --------------------------------------------------------------------------- through the CLI


def _walk_with_zoneset(planned, zoneset: str) -> str:
    """The walk ``collect --via snmp`` saves of mds-b1 whose active zoneset is ``zoneset``
    (octet strings that are not printable are saved in hex, as format_walk does)."""
    plan, topo = planned
    st_ = states_from_plan(plan, topo)["mds-b1"]
    z = st_.zoning[20]
    old = z.effective.effective
    mark = "ZSNAMEMARK"
    z.effective.configs = {mark: z.effective.configs.pop(old)}
    z.effective.effective = mark
    z.defined.configs = {mark: z.defined.configs.pop(old)}
    z.defined.effective = mark
    body = "\n".join(cisco_records(st_))
    assert f"|4|{mark}" in body
    body = body.replace(f"|4|{mark}", f"|4x|{zoneset.encode().hex()}")
    return f"{MAGIC}\n# switch: mds-b1\n# vendor: cisco\n{body}\n"


def _scripts(out: Path) -> dict[Path, str]:
    """The fabrics' zoning scripts and rollbacks (the port scripts: :func:`_port_scripts`)."""
    if not out.exists():
        return {}
    return {
        p: p.read_text()
        for p in out.rglob("*.txt")
        if p.name in (f"{p.parent.name}.script.txt", f"{p.parent.name}.rollback.txt")
    }


def _port_scripts_ok(out: Path) -> None:
    """Port scripts: no control character, and no zoning-clearing line of its own."""
    for p in out.rglob("*.ports*.txt") if out.exists() else ():
        text = p.read_text()
        assert not FORBIDDEN.search(text), p
        lines = {ln.strip() for ln in text.split("\n")}
        assert not lines & {"cfgclear", "cfgdisable", "clear zone database vsan 20"}, p


def test_a_zoneset_name_read_over_snmp_cannot_add_a_line(planned, tmp_path):
    cap = tmp_path / "cap" / "mds-b1"
    cap.mkdir(parents=True)
    (cap / "snmp_walk.txt").write_text(
        _walk_with_zoneset(planned, "cfg\nclear zone database vsan 20\n!"), encoding="utf-8"
    )
    from zoneplan.parsers.capture import read_captures

    states, _ = read_captures([cap.parent])
    assert states["mds-b1"].zoning[20].effective.effective == "cfg\nclear zone database vsan 20\n!"
    out = tmp_path / "out"
    for delete in ([], ["--allow-delete"]):
        r = runner.invoke(
            app,
            ["plan", str(SAMPLE), "--out", str(out), "--against", str(cap.parent), *delete],
        )
        assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
        assert r.exit_code in (0, 2), r.output
        _port_scripts_ok(out)
        for p, text in _scripts(out).items():
            vendor = "cisco" if "!" in text.split("\n", 1)[0] else "brocade"
            _lines_ok(text, vendor)
            assert "\nclear zone database" not in text, p


def test_a_capture_folder_name_cannot_add_a_line(planned, tmp_path):
    from tests.support.ssh_switch import outputs_from_state

    plan, topo = planned
    evil = "x\ncfgclear\ncfgsave\n#"
    states = states_from_plan(plan, topo)
    d = tmp_path / "cap" / evil / "sw-a1"
    d.mkdir(parents=True)
    text = outputs_from_state(states["sw-a1"])["cfgshow"]
    # the capture's path is named in every artefact's header ("computed against ...")
    (d / "cfgshow.txt").write_text(text)
    out = tmp_path / "out"
    r = runner.invoke(
        app,
        ["plan", str(SAMPLE), "--out", str(out), "--against", str(tmp_path / "cap" / evil)]
        + ["--fabric", "A"],
    )
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    _port_scripts_ok(out)
    scripts = _scripts(out)
    assert scripts, r.output
    for p, text in scripts.items():
        _lines_ok(text, "brocade")
        assert not re.search(r"(?m)^cfg(clear|save)$", text.replace("cfgsave\n", "", 0)) or all(
            line != "cfgclear" for line in text.split("\n")
        ), p
        assert "cfgclear" not in [line.strip() for line in text.split("\n")]
    assert "\x1b" not in r.output


def test_control_characters_in_a_config_name_never_reach_a_header(planned, tmp_path):
    evil = "cfg\x00\x1b]0;pwn\x07\x1b[8m"
    cap = tmp_path / "cap" / "mds-b1"
    cap.mkdir(parents=True)
    (cap / "snmp_walk.txt").write_text(_walk_with_zoneset(planned, evil), encoding="utf-8")
    out = tmp_path / "out"
    r = runner.invoke(
        app,
        ["plan", str(SAMPLE), "--out", str(out), "--against", str(cap.parent), "--fabric", "B"],
    )
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    _port_scripts_ok(out)
    scripts = _scripts(out)
    header = [ln for t in scripts.values() for ln in t.split("\n") if "zoneset: cfg" in ln]
    assert header and all("\\x1b]0;pwn\\x07" in ln for ln in header), header  # visible
    for text in scripts.values():
        _lines_ok(text, "cisco" if text.startswith("!") else "brocade")
    assert "\x1b" not in r.output and "\x07" not in r.output


def test_the_inventory_file_name_cannot_add_a_multipath_line(tmp_path):
    name = 'inv\nblacklist { devnode ".*" }\n#.yaml'
    f = tmp_path / name
    f.write_text(SAMPLE.read_text())
    out = tmp_path / "hosts"
    r = runner.invoke(app, ["hosts", "config", str(f), "--out", str(out)])
    assert r.exit_code == 0, r.output
    files = list(out.iterdir())
    assert files
    for p in files:
        text = p.read_text()
        for bad in LINE_BREAKS:
            assert bad not in text
        assert not FORBIDDEN.search(text)
        for line in text.split("\n"):
            assert not line.lstrip().startswith("blacklist"), (p.name, line)
    doc = json.dumps([p.read_text() for p in files])
    assert "devnode" in doc  # the name is there, visible, on a comment line
