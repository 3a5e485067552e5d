"""HTML (self-contained, print CSS per paper), label CSV (round trip) and the diagram."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.support.inventories import cabling_inventory
from zoneplan.cabling import (
    PAPERS,
    CablingPlan,
    Label,
    read_labels_csv,
    render_csv,
    render_html,
    write_labels_csv,
)
from zoneplan.cabling.diagram import HOST_DETAIL_LIMIT, render_svg

from .conftest import plan_of

URL = re.compile(r"(?i)\b(?:https?|ftp|wss?):|//[a-z0-9.-]+\.[a-z]{2,}")


def _external_refs(html: str) -> list[str]:
    """Anything that would make a browser fetch: URLs, src/href not to '#', url() not to '#'."""
    bad = [m.group(0) for m in URL.finditer(html)]
    bad += re.findall(
        r"""(?i)\b(?:src|srcset|data|poster|action|xlink:href)\s*=\s*["'][^"']*""", html
    )
    bad += [
        h for h in re.findall(r"""(?i)\bhref\s*=\s*["']([^"']*)""", html) if not h.startswith("#")
    ]
    bad += [
        u for u in re.findall(r"(?i)url\(\s*([^)]*)\)", html) if not u.strip("'\" ").startswith("#")
    ]
    bad += re.findall(r"(?i)<(?:script|link|iframe|object|embed|img)\b", html)
    bad += re.findall(r"(?i)@import|@font-face", html)
    return bad


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_html_is_self_contained_with_print_css(sample_plan: CablingPlan, paper: str) -> None:
    html = render_html(sample_plan, paper)
    assert _external_refs(html) == []
    size = {
        "a4-portrait": "A4 portrait",
        "a4-landscape": "A4 landscape",
        "letter-portrait": "letter portrait",
        "letter-landscape": "letter landscape",
    }[paper]
    assert f"size: {size};" in html
    assert "break-inside: avoid" in html and "table-header-group" in html
    assert html.count("<svg") >= 1 + 2 * len(sample_plan.cover.fabrics)


def test_the_checker_finds_external_references() -> None:
    assert _external_refs('<img src="x.png">')
    assert _external_refs("<style>body{background:url(https://x.example/a.png)}</style>")
    assert _external_refs('<a href="http://example.com">x</a>')
    assert _external_refs('<link rel="stylesheet" href="a.css">')
    assert not _external_refs('<a href="#cables">x</a><rect fill="url(#tp-pat0)"/>')


def test_html_has_every_cable_and_both_ends(sample_plan: CablingPlan) -> None:
    html = render_html(sample_plan)
    for c in sample_plan.cables:
        row = re.search(
            rf'<tr><td class="tick">.*?<td class="cid[^"]*">{re.escape(c.id)}</td>.*?</tr>',
            html,
            flags=re.S,
        )
        assert row, c.id
        for text in (c.a.text, c.b.text, c.a.wwpn, c.b.wwpn):
            assert text in row.group(0)


def test_html_escapes_inventory_text(
    sample_data: dict[str, Any], write_data: Callable[..., Path]
) -> None:
    sample_data = {**sample_data, "site": '<script>alert("x")</script> & "R12"'}
    html = render_html(plan_of(write_data(sample_data)))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_unknown_paper(sample_plan: CablingPlan) -> None:
    with pytest.raises(ValueError, match="unknown paper"):
        render_html(sample_plan, "a3-portrait")


# -- CSV --------------------------------------------------------------------------------------
def test_csv_round_trips(sample_plan: CablingPlan) -> None:
    text = render_csv(sample_plan)
    assert text.splitlines()[0] == "cable,end,here,here_wwpn,there,there_wwpn,fabric,role"
    segments = sum(len(r.segments) for r in sample_plan.physical.rows)
    assert segments > len(sample_plan.cables)  # the sample's patched runs: 3 cables each
    assert len(text.splitlines()) == 1 + 2 * segments
    assert read_labels_csv(text) == sample_plan.labels()
    assert read_labels_csv(io.StringIO(text, newline="")) == sample_plan.labels()


def test_csv_file_round_trip(sample_plan: CablingPlan, tmp_path: Path) -> None:
    path = tmp_path / "labels.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        write_labels_csv(sample_plan.labels(), fh)
    with path.open(encoding="utf-8", newline="") as fh:
        assert read_labels_csv(fh) == sample_plan.labels()


#: label text as the inventory allows it: no control characters (refused at load, ZP003)
_text = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Cf")), max_size=30)


@given(
    st.lists(
        st.builds(Label, _text, st.sampled_from([1, 2]), _text, _text, _text, _text, _text, _text),
        max_size=8,
    )
)
def test_csv_round_trips_any_text(labels: list[Label]) -> None:
    buf = io.StringIO(newline="")
    write_labels_csv(labels, buf)
    assert read_labels_csv(buf.getvalue()) == labels


def test_csv_cells_never_run_as_formulas_nor_break_lines() -> None:
    evil = Label('=HYPERLINK("http://x")', 1, "+1", "-2", "@SUM(A1)", "a\r\nb", "\x1b[2J", "'=x")
    buf = io.StringIO(newline="")
    write_labels_csv([evil], buf)
    text = buf.getvalue()
    row = text.split("\r\n")[1]
    assert text.count("\r\n") == 2  # header and one row: no line break from a value
    assert "\x1b" not in text and "\\x1b[2J" in row
    for cell in next(csv.reader([row])):
        assert cell[:1] not in ("=", "+", "-", "@"), cell
    back = read_labels_csv(text)[0]
    assert (back.cable, back.here, back.here_wwpn, back.there, back.role) == (
        evil.cable,
        evil.here,
        evil.here_wwpn,
        evil.there,
        evil.role,
    )
    assert back.there_wwpn == "a\\r\\nb" and back.fabric == "\\x1b[2J"  # visible, one line


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "not a zoneplan label CSV"),
        ("a,b,c\r\n", "not a zoneplan label CSV"),
        ("cable,end,here,here_wwpn,there,there_wwpn,fabric,role\r\nX,1,a\r\n", "line 2: 3 fields"),
        (
            "cable,end,here,here_wwpn,there,there_wwpn,fabric,role\r\nX,one,a,b,c,d,e,f\r\n",
            "end must be",
        ),
    ],
)
def test_csv_reader_rejects(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        read_labels_csv(text)


# -- diagram ----------------------------------------------------------------------------------
def _svg(plan: CablingPlan) -> ET.Element:
    return ET.fromstring(render_svg(plan))


def _boxes(svg: ET.Element) -> dict[str, dict[str, Any]]:
    out = {}
    for r in svg.iter("rect"):
        if "box" in r.get("class", "").split():
            out[r.get("data-name")] = {
                "kind": r.get("class", "").split()[1],
                "fabric": r.get("data-fabric"),
                "x": float(r.get("x")),
                "y": float(r.get("y")),
                "w": float(r.get("width")),
                "h": float(r.get("height")),
            }
    return out


def _check_layout(plan: CablingPlan) -> dict[str, dict[str, Any]]:
    svg = _svg(plan)
    boxes = _boxes(svg)
    width, height = (float(v) for v in svg.get("viewBox").split()[2:])
    a = [b for b in boxes.values() if b["fabric"] == "A"]
    b = [b for b in boxes.values() if b["fabric"] == "B"]
    dev = [x for x in boxes.values() if x["kind"] != "switch"]
    # fabric A left of the devices, fabric B right of them: clearly separated columns
    assert max(x["x"] + x["w"] for x in a) < min(x["x"] for x in dev)
    assert max(x["x"] + x["w"] for x in dev) < min(x["x"] for x in b)
    items = list(boxes.values())
    for i, p in enumerate(items):  # nothing overlaps, everything is inside the drawing
        assert (
            0 <= p["x"] and p["x"] + p["w"] <= width and 0 <= p["y"] and p["y"] + p["h"] <= height
        )
        for q in items[i + 1 :]:
            assert (
                p["x"] + p["w"] <= q["x"]
                or q["x"] + q["w"] <= p["x"]
                or p["y"] + p["h"] <= q["y"]
                or q["y"] + q["h"] <= p["y"]
            ), (p, q)
    return boxes


def test_diagram_two_switches(sample_data: dict[str, Any], write_data: Callable[..., Path]) -> None:
    plan = plan_of(write_data(cabling_inventory(6, switches_per_fabric=1)))
    boxes = _check_layout(plan)
    assert sum(1 for b in boxes.values() if b["kind"] == "switch") == 2
    assert sum(1 for b in boxes.values() if b["kind"] == "host") == 6
    svg = _svg(plan)
    mirrors = [p for p in svg.iter("path") if p.get("class") == "mirror"]
    assert sorted(p.get("data-cable") for p in mirrors) == ["MIR-01", "MIR-02"]
    # the two nodes are next to each other, the mirror links run between them
    assert abs(boxes["san1"]["x"] - boxes["san2"]["x"]) < 1
    edges = [p for p in svg.iter("path") if p.get("class") == "edge"]
    assert {(e.get("data-from"), e.get("data-to")) for e in edges} >= {
        ("san1", "asw1"),
        ("esx001", "bsw1"),
    }


def test_diagram_sample(sample_plan: CablingPlan) -> None:
    boxes = _check_layout(sample_plan)
    assert {k for k, b in boxes.items() if b["kind"] == "host"} == {
        "esx01",
        "esx02",
        "win01",
        "xen01",
        "lnx01",
        "xsan01",
    }
    isls = [p for p in _svg(sample_plan).iter("path") if p.get("class") == "isl"]
    assert len(isls) == 2  # two switch pairs (each with 2 ISLs, drawn once with a count)


def test_diagram_sixteen_switches_groups_hosts(sixteen_switch_plan: CablingPlan) -> None:
    assert len(sixteen_switch_plan.inventory.hosts) > HOST_DETAIL_LIMIT
    boxes = _check_layout(sixteen_switch_plan)
    assert sum(1 for b in boxes.values() if b["kind"] == "switch") == 16
    groups = [b for b in boxes.values() if b["kind"] == "hosts"]
    assert 2 <= len(groups) <= 24
    text = render_svg(sixteen_switch_plan)
    assert "hosts" in text and "esx001" in text


def test_one_fabric_no_cluster_no_port_count(write_data: Callable[..., Path]) -> None:
    data = {
        "name": "tiny",
        "fabrics": [{"name": "SAN1", "vendor": "brocade"}],
        "switches": [{"name": "s1", "fabric": "SAN1", "domain_id": 1}],
        "hosts": [
            {
                "name": "h1",
                "os": "linux",
                "hbas": [
                    {
                        "name": "hba0",
                        "ports": [
                            {
                                "name": "p0",
                                "wwpn": "10:00:00:90:fa:00:00:01",
                                "switch": "s1",
                                "port": 3,
                            },
                            {"name": "p1", "wwpn": "10:00:00:90:fa:00:00:02"},
                        ],
                    }
                ],
            }
        ],
    }
    plan = plan_of(write_data(data))
    assert [c.id for c in plan.cables] == ["SAN1-s1-03"]
    assert plan.switches[0].port_count_known is False and plan.switches[0].total == 1
    assert any("not cabled" in n for n in plan.notes)
    html = render_html(plan)
    assert "only cabled ports are shown" in html and "<i>not cabled</i>" in html
    boxes = _boxes(_svg(plan))
    assert boxes["s1"]["x"] + boxes["s1"]["w"] < boxes["h1"]["x"]
