"""The cfgshow parser's bulk member check (``_all_canonical``) never lets a bad token through.

The check is a shortcut: it proves the common case (lower-case WWNs, names) in a few C passes
and hands anything else to the exact per-token path. These tests put tokens that look almost
canonical in every place a member can come from (an entry read whole, a wrap read line by line)
in both sections, with blocks of 2 entries so block edges fall everywhere, and assert what the
exact path reports.
"""

from __future__ import annotations

import pytest

from zoneplan.parsers import brocade

WWN = "21:00:00:24:ff:00:00:{:02x}"


def _cfgshow(defined_extra: str, effective_extra: str, wrap: bool) -> str:
    """20 zones; zone z07 gets the extra token, on its entry line or on a space-indented wrap."""
    zones = [f"z{i:02d}" for i in range(20)]
    out = ["Defined configuration:", " cfg:\tc\t" + "; ".join(zones)]
    for i, z in enumerate(zones):
        extra = defined_extra if i == 7 else ""
        line = f" zone:\t{z}\ta{i:02d}; {WWN.format(i + 100)}"
        if extra and not wrap:
            line += f"; {extra}"
        out.append(line)
        if extra and wrap:
            out[-1] += ";"
            out.append(f"  {extra}")
    out += [f" alias:\ta{i:02d}\t{WWN.format(i)}" for i in range(20)]
    out += ["", "Effective configuration:", " cfg:\tc\t"]
    for i, z in enumerate(zones):
        out.append(f" zone:\t{z}\t")
        out.append(f"\t\t{WWN.format(i)}")
        out.append(f"\t\t{WWN.format(i + 100)}")
        if i == 7 and effective_extra:
            out.append(f"  {effective_extra}" if wrap else f"\t\t{effective_extra}")
    return "\n".join(out) + "\n\n"


BAD = [
    "Xab:cd:ef:01:23:45:67:89",  # a WWN shape after a name character
    "ab:cd:ef:01:23:45:67:89x",
    "0000:00:00:00:00:00:00:00",
    "ab:cd:ef:01:23:45:67",  # a cut WWN
    "esx\u00e9_hba0",  # non-ASCII
    "bad!name",
    "00:00:00:00:00:00:00:00:00",
]


@pytest.fixture(params=[1, 200, brocade._BLOCK_CHARS], ids=["block1", "block200", "block-default"])
def block(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(brocade, "_BLOCK_CHARS", request.param)
    return request.param


@pytest.mark.parametrize("wrap", [False, True], ids=["entry", "wrap"])
@pytest.mark.parametrize("section", ["defined", "effective"])
@pytest.mark.parametrize("tok", BAD)
def test_invalid_token_is_reported_and_dropped(block: int, tok: str, section: str, wrap: bool):
    text = _cfgshow(
        tok if section == "defined" else "", tok if section == "effective" else "", wrap
    )
    show, findings = brocade.parse_cfgshow(text, "sw1")
    db = show.defined if section == "defined" else show.effective
    assert tok not in db.zones["z07"].members
    assert any(f.code == "ZP029" and f.subject == tok for f in findings), findings


@pytest.mark.parametrize("wrap", [False, True], ids=["entry", "wrap"])
@pytest.mark.parametrize("section", ["defined", "effective"])
def test_upper_case_wwn_is_respelled(block: int, section: str, wrap: bool):
    tok = "50:06:01:61:9B:91:FF:C9"
    text = _cfgshow(
        tok if section == "defined" else "", tok if section == "effective" else "", wrap
    )
    show, findings = brocade.parse_cfgshow(text, "sw1")
    db = show.defined if section == "defined" else show.effective
    assert db.zones["z07"].members[-1] == tok.lower()
    assert not [f for f in findings if f.code == "ZP029"]


@pytest.mark.parametrize("wrap", [False, True], ids=["entry", "wrap"])
def test_name_in_effective_zone_is_reported(block: int, wrap: bool):
    show, findings = brocade.parse_cfgshow(_cfgshow("", "esx01_hba0", wrap), "sw1")
    assert show.effective.zones["z07"].members[-1] == "esx01_hba0"
    assert [f.subject for f in findings if f.code == "ZP029"] == ["z07"]


@pytest.mark.parametrize("wrap", [False, True], ids=["entry", "wrap"])
def test_clean_output_has_no_member_findings(block: int, wrap: bool):
    for extra in ("", "esx01_hba0", "1,2"):
        show, findings = brocade.parse_cfgshow(_cfgshow(extra, "1,2" if extra else "", wrap), "sw1")
        assert not [f for f in findings if f.code == "ZP029"], (extra, findings)
        assert len(show.defined.zones) == len(show.effective.zones) == 20
