"""The cfgshow bulk path reads exactly what the per-entry reader read, on damaged outputs too.

The library reads runs of entries in bulk and falls back to one entry at a time, or to the
line path, on anything odd (issue 13's speed aim). These tests hold it to the per-entry
reader it replaced (:mod:`tests.support.cfgshow_reference`): same databases (every field,
line numbers included), same findings in the same order, on the fixtures, the shared captures,
generated fabrics, and all of them damaged the ways capture files are damaged (space-indented
or unindented wraps, ``;`` with and without a space, lines starting with ``;``, names printed
twice, peer-zone layout lines, CR/LF, cuts, noise), with blocks of 1 character (every entry
its own block) to the default size. ``ZONEPLAN_CFGSHOW_DIFF_CASES`` runs more random cases.
"""

from __future__ import annotations

import os
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.parsers.test_show_roundtrip import brocade_state
from tests.support import cfgshow_reference
from tests.support import show_render as R
from tests.support.paths import CAPTURES, REPO
from zoneplan.observed import Zone, ZoneDb
from zoneplan.parsers import brocade

COMMANDS = ("cfgshow", "zoneshow", "cfgactvshow", "alishow")
BLOCKS = (1, 7, 64, 500, brocade._BLOCK_CHARS)
CASES = int(os.environ.get("ZONEPLAN_CFGSHOW_DIFF_CASES", "240"))


def _seeds() -> list[str]:
    found = []
    for root in (REPO / "tests" / "fixtures" / "captures" / "brocade-fos", CAPTURES):
        if root.is_dir():
            for p in sorted(root.rglob("*.txt")):
                text = p.read_text(encoding="utf-8", errors="replace")
                if "zone:" in text or "alias:" in text or "configuration" in text:
                    found.append(text)
    return found + [_fabric(random.Random(s), 8 + 20 * s) for s in range(4)]


def _wwn(rng: random.Random, upper: bool = False) -> str:
    w = ":".join(f"{rng.randrange(1, 256) if i == 0 else rng.randrange(256):02x}" for i in range(8))
    return w.upper() if upper else w


def _fabric(rng: random.Random, n: int) -> str:
    """A fabric of ``n`` host zones: aliases, peer zones, D,I members, long names (printed
    alone on their line), in FOS's layout (:mod:`tests.support.show_render`)."""
    defined, eff = ZoneDb(), ZoneDb(effective="cfg_A")
    arrays = [f"array{k}_p{k % 4}" for k in range(6)]
    for a in arrays:
        defined.aliases[a] = [_wwn(rng)]
    for i in range(n):
        host = f"host{i:03d}_hba{i % 2}" + ("_" + "x" * 40 if rng.random() < 0.1 else "")
        defined.aliases[host] = [_wwn(rng, upper=rng.random() < 0.05)]
        picks = rng.sample(arrays, rng.randint(1, 3))
        extra = [f"{rng.randrange(1, 240)},{rng.randrange(64)}"] if rng.random() < 0.1 else []
        name = f"z_{host}"
        resolved = [w for m in [host, *picks] for w in defined.resolve(m)] + extra
        if rng.random() < 0.2:
            defined.zones[name] = Zone(name, [host, *extra], principals=picks, kind="peer")
            eff.zones[name] = Zone(
                name, resolved[: len(defined.aliases[host])] + extra, resolved[1:], "peer"
            )
        else:
            defined.zones[name] = Zone(name, [host, *picks, *extra])
            eff.zones[name] = Zone(name, resolved)
    defined.configs["cfg_A"] = list(defined.zones)
    eff.configs["cfg_A"] = list(eff.zones)
    return R.render_cfgshow(defined, eff)


_NOISE = [
    "",
    ";",
    " ;",
    "\t;",
    "zone:",
    " zone:\tz_new\t21:00:00:24:ff:00:00:01",
    " alias:\thost000_hba0\t21:00:00:24:ff:00:00:02",
    "\tProperty Member: 00:02:00:00:00:03:00:02",
    "        Property Member: 00:02:00:00:00:03:00:01",
    "\tPrincipal Member(s):",
    "   Peer Member(s):",
    "        Member(s):",
    "Effective configuration:",
    "Defined configuration:",
    "--More--",
    "sw1:admin> ",
    "rbash: cfgshow: command not found",
]


def _damage(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    for _ in range(rng.randint(1, 6)):
        if not lines:
            break
        i = rng.randrange(len(lines))
        line = lines[i]
        op = rng.randrange(16)
        if op == 0:
            lines[i] = line.replace("\t", "  ")  # space-indented (FOS 6, a web page)
        elif op == 1:
            lines[i] = line.replace("; ", ";")  # ';' with no space after it
        elif op == 2:
            lines[i] = line.lstrip()  # lost its indentation
        elif op == 3:
            lines.insert(i, line)  # printed twice
        elif op == 4:
            lines[i] = line.rstrip() + rng.choice([";", "; ", " ;"])
        elif op == 5:
            lines.insert(i, rng.choice(_NOISE))
        elif op == 6:
            lines[i] = line.replace("\t\t", "\t\t00:02:00:00:00:03:00:01; ", 1)
        elif op == 7:
            lines[i] = line.upper()
        elif op == 8:
            lines = lines[: i + 1]
            lines[i] = line[: rng.randrange(len(line) + 1)]  # cut mid-line
        elif op == 9:
            lines[i] = line.replace("zone:", "alias:", 1)
        elif op == 10:
            lines[i] = line.replace(":", "", 1)
        elif op == 11:
            lines[i] = line + "\r"
        elif op == 12:
            at = rng.randrange(len(line) + 1)
            lines[i] = line[:at] + chr(rng.randrange(0x20, 0x250)) + line[at:]
        elif op == 13:
            del lines[i]
        elif op == 14:  # a zone's member lines lost (an empty zone amid others)
            j = i + 1
            while j < len(lines) and lines[j].startswith("\t"):
                del lines[j]
        else:
            lines.insert(i, " zone:\t" + (line.split() or ["z"])[-1] + "\t" + line.strip())
    return "\n".join(lines)


def _read(show: brocade.ZoningShow, findings: list) -> tuple:
    return repr(show), [
        (f.code, f.message, str(f.location), f.subject, str(f.severity)) for f in findings
    ]


def _same(text: str, command: str, block: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(brocade, "_BLOCK_CHARS", block)
    got = _read(*getattr(brocade, f"parse_{command}")(text, "sw1"))
    want = _read(*cfgshow_reference.parse(text, "sw1", command))
    assert got == want, text


SEEDS = _seeds()


@pytest.mark.parametrize("i", range(len(SEEDS)))
@pytest.mark.parametrize("block", BLOCKS)
def test_undamaged_outputs_read_the_same(i: int, block: int, monkeypatch: pytest.MonkeyPatch):
    for command in COMMANDS:
        _same(SEEDS[i], command, block, monkeypatch)


@pytest.mark.parametrize("case", range(CASES))
def test_damaged_outputs_read_the_same(case: int, monkeypatch: pytest.MonkeyPatch):
    rng = random.Random(case)
    text = rng.choice(SEEDS)
    if len(text) > 20_000:
        at = rng.randrange(len(text) - 15_000)
        text = text[at : at + 15_000]
    text = _damage(text, rng)
    _same(text, rng.choice(COMMANDS), rng.choice(BLOCKS), monkeypatch)


@settings()  # the profile of tests/conftest.py
@given(
    brocade_state(),
    st.randoms(use_true_random=False),
    st.sampled_from(COMMANDS),
    st.sampled_from(BLOCKS),
)
def test_generated_damaged_databases_read_the_same(state, rng, command, block):
    defined, eff = state
    text = _damage(R.render_cfgshow(defined, eff), rng)
    with pytest.MonkeyPatch.context() as mp:
        _same(text, command, block, mp)


def test_an_empty_zone_amid_peer_zones_read_in_bulk():
    # a run of zones holding one without members: its peer zones are still found
    text = "Effective configuration:\n cfg:\tc\t\n" + "".join(
        f" zone:\tz{i}\t\n"
        + ("" if i == 3 else "\t\t00:02:00:00:00:03:00:01\n" if i % 2 else "")
        + ("" if i == 3 else f"\t\t21:00:00:24:ff:00:00:{i:02x}\n\t\t50:06:01:60:3b:a0:11:01\n")
        for i in range(8)
    )
    show, findings = brocade.parse_cfgactvshow(text + "\n", "sw1")
    zones = show.effective.zones
    assert [z.kind for z in zones.values()] == ["normal", "peer", "normal", "normal"] + [
        "normal",
        "peer",
        "normal",
        "peer",
    ]
    assert zones["z5"].principals == ["21:00:00:24:ff:00:00:05"]
    assert [f.subject for f in findings if f.code == "ZP021"] == ["z3"]


def test_a_fast_zone_extended_by_a_peer_zone_layout_is_a_peer_zone():
    # the zone line reads as a whole entry; the space-indented property and principal lines
    # that follow take the line path (zoneshow --peerzone indented with spaces)
    text = (
        "Defined configuration:\n cfg:\tc\tpz\n zone:\tpz\t\n"
        "        Property Member: 00:02:00:00:00:03:00:01\n"
        "        Principal Member(s):\n\t\th1\n"
        "        Member(s):\n\t\tt1\n"
        " alias:\th1\t21:00:00:24:ff:00:00:01\n alias:\tt1\t50:06:01:60:3b:a0:11:01\n\n"
        "Effective configuration:\n cfg:\tc\t\n zone:\tpz\t\n\t\t00:02:00:00:00:03:00:01\n"
        "\t\t21:00:00:24:ff:00:00:01\n\t\t50:06:01:60:3b:a0:11:01\n\n"
    )
    for block in BLOCKS:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(brocade, "_BLOCK_CHARS", block)
            show, findings = brocade.parse_cfgshow(text, "sw1")
        for db in (show.defined, show.effective):
            pz = db.zones["pz"]
            assert pz.kind == "peer" and pz.property_member == "00:02:00:00:00:03:00:01"
        assert show.defined.zones["pz"].principals == ["h1"]
        assert show.defined.zones["pz"].members == ["t1"]
        assert show.effective.zones["pz"].principals == ["21:00:00:24:ff:00:00:01"]
        assert not [f for f in findings if f.severity.rank >= 2], findings


def test_a_zone_printed_twice_then_given_a_property_member_is_a_peer_zone():
    text = (
        "Defined configuration:\n cfg:\tc\tz2\n zone:\tz2\th2; t2\n zone:\tz2\th2; t2\n"
        "\tProperty Member: 00:02:00:00:00:03:00:01\n\n"
    )
    show, findings = brocade.parse_zoneshow(text, "sw1")
    z2 = show.defined.zones["z2"]
    assert (z2.kind, z2.principals, z2.members) == ("peer", ["h2"], ["t2"])
    assert [f.code for f in findings if f.subject == "z2"] == ["ZP032"]
