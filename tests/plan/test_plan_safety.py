"""Nothing unsafe reaches a script: refused at load time, and again by the ``quote`` filter."""

from __future__ import annotations

import pytest
from plan_helpers import FORBIDDEN, PLAN_SAMPLES, REPO, STRATEGIES, rendered_files
from typer.testing import CliRunner

from zoneplan.cli import app
from zoneplan.loader import parse_inventory
from zoneplan.packs import load_pack
from zoneplan.plan import build_plan
from zoneplan.plan.model import PlanAlias
from zoneplan.render import Renderer, UnsafeValue, render_plan

EVIL = 'x"; cfgclear; "'
SAMPLE = (REPO / "samples" / "euronas-cluster.yaml").read_text()


@pytest.mark.parametrize(
    "text",
    [
        SAMPLE.replace("name: esx01", "name: 'x\"; cfgclear; \"'"),
        SAMPLE.replace("- name: vmhba2", '- name: "a;b"', 1),
        SAMPLE.replace(
            '{name: p0, wwpn: "10:00:00:90:fa:c1:00:01"',
            '{name: "p0 $(reboot)", wwpn: "10:00:00:90:fa:c1:00:01"',
        ),
        SAMPLE.replace(
            "policy:\n", "existing_zones:\n  - {name: 'z\"; cfgdisable', fabric: A}\npolicy:\n"
        ),
    ],
)
def test_injection_like_names_are_refused_at_load_time(text):
    res = parse_inventory(text, "inv.yaml")
    assert res.inventory is None
    assert {f.code for f in res.findings} & {"ZP009", "ZP003"}
    assert all(f.severity.value == "fatal" for f in res.findings)


def test_cli_refuses_injection_with_exit_2(tmp_path):
    inv = tmp_path / "inv.yaml"
    inv.write_text(SAMPLE.replace("name: esx01", "name: 'x\"; cfgclear; \"'"))
    r = CliRunner().invoke(app, ["plan", str(inv), "--out", str(tmp_path / "out"), "--greenfield"])
    assert r.exit_code == 2, r.output
    assert "ZP009" in r.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("pack", ["brocade-fos", "cisco-mds"])
@pytest.mark.parametrize(
    "value", [EVIL, "a b", "a;b", "a\nb", "a'b", "`id`", "", "x" * 65, "a|b", "a>b", None, 3]
)
def test_quote_filter_refuses(pack, value):
    with pytest.raises(UnsafeValue):
        Renderer(load_pack(pack)).quote(value)


def test_quote_filter_brocade_refuses_dollar_but_quotes_names():
    r = Renderer(load_pack("brocade-fos"))
    with pytest.raises(UnsafeValue):
        r.quote("a$HOME")
    assert r.quote("z_a__b") == '"z_a__b"'
    assert r.quote(["a", "21:00:00:24:ff:0c:58:37", "1,5"]) == '"a;21:00:00:24:ff:0c:58:37;1,5"'
    assert Renderer(load_pack("cisco-mds")).quote("a$b") == "a$b"


def test_a_bad_name_in_a_plan_is_caught_at_render_time(sample_topologies):
    plan = build_plan(sample_topologies["euronas-cluster"])
    plan.fabrics[0].aliases.append(
        PlanAlias.model_construct(name=EVIL, wwpn="21:00:00:24:ff:00:00:01", ref=None)
    )
    with pytest.raises(UnsafeValue):
        render_plan(plan)


@pytest.mark.parametrize("strategy", STRATEGIES)
@pytest.mark.parametrize("sample", PLAN_SAMPLES)
def test_no_script_clears_or_disables_zoning(sample, strategy, sample_topologies):
    for rel, text in rendered_files(sample_topologies[sample], strategy).items():
        if rel.endswith(".txt"):
            low = text.lower()
            assert not [bad for bad in FORBIDDEN if bad in low], rel


def test_templates_never_mention_forbidden_commands_as_commands():
    for path in (REPO / "vendors").rglob("*.j2"):
        for line in path.read_text().splitlines():
            s = line.strip().lower()
            if s.startswith(("#", "!", "{#")):
                continue
            assert not any(s.startswith(bad) for bad in FORBIDDEN), (path, line)
