"""Issue 13's variants of real switch output: what each must read as, beyond its fixture.

The fixtures under ``tests/fixtures/captures`` pin every parser's whole result; these tests
state the behaviour each variant is about (a trailing prompt is the end of an output, not a
cut; a ``;`` at the end of a wrapped line is not a cut; ...), on the fixtures and on
variations of them built here, so a regenerated expected file cannot hide a regression.
"""

from __future__ import annotations

import pytest

from tests.support.paths import FIXTURES
from zoneplan.parsers import brocade
from zoneplan.parsers.common import prepare

FIX = FIXTURES / "captures"


def load(rel: str) -> str:
    return (FIX / rel).read_bytes().decode("utf-8")


def codes(findings) -> list[str]:
    return sorted(f.code for f in findings)


# --------------------------------------------------------------------------- terminal around


@pytest.mark.parametrize(
    "tail",
    [
        "sw1:root> \n",
        "sw1:root>",
        "sw1:FID128:admin> \n",
        "sw1:admin> exit\nlogout\nConnection to 10.1.1.11 closed.\n",
        "MDS-1# \n",
        "core-1#  show zone status vsan 1\n",
        "exit\n",
        "Connection closed by foreign host.\n",
    ],
)
def test_what_follows_an_output_ends_it_and_is_no_cut(tail):
    base = load("brocade-fos/cfgshow/trailing_prompt.txt").rsplit("sw1:root>", 1)[0]
    base = base.rstrip("\n") + "\n"  # the last member line, no blank line after it
    r, f = brocade.parse_cfgshow(base + tail, "x")
    assert f == []
    assert r.defined.complete and r.effective.complete
    # without the tail, the same text ends on a member line with no final blank line: the
    # effective section is then only as complete as it looks (no complaint, it matches)
    t = prepare(base + tail, "x")
    assert t.ended and t.text.rstrip().endswith("50:06:01:60:3b:a0:11:01")


def test_a_member_list_cut_at_a_semicolon_stays_a_cut_without_a_prompt():
    text = load("brocade-fos/cfgshow/cut_member_list.txt")
    _, f = brocade.parse_cfgshow(text, "x")
    assert "ZP021" in codes(f)
    _, f = brocade.parse_cfgshow(text + "sw1:admin> \n", "x")
    assert "ZP021" not in codes(f)  # the switch printed its prompt: the list ended there


def test_semicolon_line_ends_crlf_and_mixed_line_ends_are_read_whole():
    r, f = brocade.parse_cfgshow(load("brocade-fos/cfgshow/semicolon_crlf_mixed.txt"), "x")
    assert codes(f) == ["ZP028"]  # line ends noted, nothing else
    d, e = r.defined, r.effective
    assert d.complete and e.complete  # so the audit can see the defined/effective drift
    assert d.configs["PROD_A"] == ["z_esx01_array01", "z_esx02_array01", "z_esx03_array01"]
    assert d.zones["z_esx02_array01"].members == ["esx02_hba0", "array01_ctA_p0", "array01_ctB_p0"]
    assert d.aliases["esx01_hba0"] == ["21:00:00:24:ff:0c:58:37"]  # upper case respelled
    assert e.zones["z_esx03_array01"].members == [
        "21:00:00:24:ff:0c:58:39",
        "50:06:01:60:3b:a0:11:01",
    ]


@pytest.mark.parametrize("sep", ["\r\n", "\r", "\n\r\n"])
def test_line_ends_of_any_kind_give_the_same_zoning(sep):
    clean = load("brocade-fos/cfgshow/trailing_prompt.txt")
    want, _ = brocade.parse_cfgshow(clean, "x")
    got, f = brocade.parse_cfgshow(clean.replace("\n", sep), "x")
    assert "ZP028" in codes(f)
    assert {n: z.members for n, z in got.effective.zones.items()} == {
        n: z.members for n, z in want.effective.zones.items()
    }
    assert got.defined.aliases == want.defined.aliases
    assert got.defined.complete and got.effective.complete


def test_console_messages_and_putty_header_are_skipped_with_one_note():
    r, f = brocade.parse_cfgshow(load("brocade-fos/cfgshow/raslog_putty.txt"), "x")
    assert codes(f) == ["ZP045"]
    assert r.defined.zones["z_esx01_array01"].members == ["esx01_hba0", "array01_ctA_p0"]
    assert r.effective.complete


def test_fos6_space_layout_with_domain_index_members():
    r, f = brocade.parse_cfgshow(load("brocade-fos/cfgshow/spaces_fos6.txt"), "x")
    assert f == []
    d, e = r.defined, r.effective
    assert d.configs["sw300cfg"][-1] == "NGNAPP_tape"
    assert d.aliases["NGNAPP2"] == ["1,3"]
    assert d.zones["NGNAPP_tape"].members == ["NGNAPP2", "1,16", "1,20"]
    assert e.zones["NGNAPP_tape"].members == ["1,3", "1,16", "1,20"]


def test_a_copy_without_indentation_is_still_read():
    r, f = brocade.parse_cfgshow(load("brocade-fos/cfgshow/collapsed_html.txt"), "x")
    assert f == []
    assert r.defined.configs["PROD_A"] == ["z_esx01_array01", "z_esx02_array01", "z_legacy"]
    assert r.defined.zones["z_esx02_array01"].members == ["esx02_hba0", "array01_ctA_p0"]
    assert r.effective.zones["z_legacy"].members == ["1,4", "1,5"]


def test_a_zone_printed_twice_keeps_the_members_of_both():
    r, f = brocade.parse_cfgshow(load("brocade-fos/cfgshow/zone_twice.txt"), "x")
    assert codes(f) == ["ZP032"]
    assert r.defined.zones["z_esx01_array01"].members == [
        "esx01_hba0",
        "array01_ctA_p0",
        "array01_ctB_p0",
    ]
