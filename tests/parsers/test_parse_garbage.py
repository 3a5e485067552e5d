"""Damaged output: truncation, dropped lines, garbage. Never an exception; a cut is always said.

Guarantees tested here:

* every registered parser, on any text, returns ``(result, findings)`` with catalogued codes;
* a Brocade ``cfgshow`` (whose effective section matches its defined cfg, as after
  ``cfgenable``) cut anywhere before its last character yields a truncation-class finding;
* ``show flogi database`` and ``nsshow`` cut anywhere yield one (their trailers say the count);
* a ``show zoneset active`` cut at a line boundary cannot be told from a smaller zoneset by its
  own text: the parse is then a strict prefix of the original (nothing invented or altered), and
  the capture reader's ``show zone status`` cross-check catches missing zones.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support import show_render as R
from zoneplan.findings import Finding
from zoneplan.observed import Login, Zone, ZoneDb
from zoneplan.parsers import PARSERS, brocade, cisco
from zoneplan.parsers.capture import read_capture_text
from zoneplan.rules.capture import RULES

from .test_show_roundtrip import brocade_state, cisco_dbs, isls_st, wwns

SETTINGS = settings()  # the profile of tests/conftest.py
CODES = {r.code for r in RULES}
CUT_CODES = {"ZP021", "ZP024", "ZP029", "ZP031", "ZP035", "ZP036"}

GARBAGE = st.sampled_from(
    [
        "--More--",
        " --More-- \x08\x08\x08\x08\x08\x08\x08\x08\x08\x08",
        "\x1b[7m--More--\x1b[m",
        "Type <CR> to continue, Q<CR> to stop: ",
        "Error: Invalid zone member",
        "% Invalid command at '^' marker.",
        "rbash: cfgshow: command not found",
        "\r",
        "\t\t",
        " zone:",
        " zone:\tx\t00:02:00:00:00:03:00:ff",
        "* fcid",
        "  * fcid 0x01 [pwwn",
        "zone name",
        "zoneset name z vsan",
        "fc1/1 1 0x01 zz:zz",
        "VSAN:",
        "\u00e9\u00e8\u2028\x00",
        "}",
        "{",
    ]
)


def _check(result: object, findings: list[Finding]) -> None:
    assert isinstance(findings, list)
    for f in findings:
        assert isinstance(f, Finding)
        assert f.code in CODES, f
        assert f.location is not None


@given(st.sampled_from(sorted(PARSERS)), st.text(max_size=400))
def test_any_text_any_parser_no_exception(name, text):
    result, findings = PARSERS[name](text, "fuzz")
    _check(result, findings)


@SETTINGS
@given(st.sampled_from(sorted(PARSERS)), st.lists(GARBAGE, max_size=12), st.data())
def test_garbage_lines_in_valid_outputs(name, garbage, data):
    base = {
        "brocade": R.render_cfgshow(
            ZoneDb(aliases={"a": ["21:00:00:24:ff:0c:58:37"]}, zones={"z": Zone("z", ["a"])}),
            None,
        ),
        "cisco": R.render_show_flogi_database(
            [Login("21:00:00:24:ff:0c:58:37", "20:00:00:24:ff:0c:58:37", port="fc1/1")]
        ),
    }[name.split(".")[0]]
    lines = base.split("\n")
    for g in garbage:
        lines.insert(data.draw(st.integers(0, len(lines))), g)
    result, findings = PARSERS[name]("\n".join(lines), "g")
    _check(result, findings)


@SETTINGS
@given(brocade_state(), st.data())
def test_cut_cfgshow_is_always_reported(state, data):
    defined, eff = state
    if eff is None:
        # "no configuration in effect" is a legal end: cut before it
        pass
    text = R.render_cfgshow(defined, eff)
    end = len(text.rstrip())
    cut = data.draw(st.integers(0, end - 1))
    r, f = brocade.parse_cfgshow(text[:cut], "cut")
    _check(r, f)
    got = {x.code for x in f}
    assert got & CUT_CODES, (text[:cut], f)
    dbs = [d for d in (r.defined, r.effective) if d is not None]
    assert r.effective is None or not all(d.complete for d in dbs)


@SETTINGS
@given(brocade_state(), st.data())
def test_dropped_lines_in_cfgshow_never_raise(state, data):
    defined, eff = state
    lines = R.render_cfgshow(defined, eff).split("\n")
    for _ in range(data.draw(st.integers(1, 5))):
        if lines:
            del lines[data.draw(st.integers(0, len(lines) - 1))]
    r, f = brocade.parse_cfgshow("\n".join(lines), "drop")
    _check(r, f)


@SETTINGS
@given(
    st.lists(
        st.tuples(st.integers(1, 9), st.one_of(st.none(), st.just("a-b_c"))),
        min_size=1,
        max_size=20,
    ),
    wwns(40),
    st.data(),
)
def test_cut_flogi_is_always_reported(rows, pool, data):
    logins = [
        Login(pool[2 * k], pool[2 * k + 1], port=f"fc1/{p}", fcid="0x010203", vsan=10, alias=a)
        for k, (p, a) in enumerate(rows)
    ]
    text = R.render_show_flogi_database(logins)
    cut = data.draw(st.integers(0, len(text.rstrip()) - 1))
    r, f = cisco.parse_show_flogi_database(text[:cut], "cut")
    _check(r, f)
    assert {x.code for x in f} & CUT_CODES, text[:cut]


@SETTINGS
@given(st.lists(st.integers(0, 63), min_size=1, max_size=20), wwns(40), st.data())
def test_cut_nsshow_is_always_reported(ports, pool, data):
    logins = [
        Login(pool[2 * k], pool[2 * k + 1], port=str(p), fcid="0x0a0b0c", device_type="target")
        for k, p in enumerate(ports)
    ]
    text = R.render_nsshow(logins)
    cut = data.draw(st.integers(0, len(text.rstrip()) - 1))
    r, f = brocade.parse_nsshow(text[:cut], "cut")
    _check(r, f)
    assert {x.code for x in f} & CUT_CODES, text[:cut]


@SETTINGS
@given(isls_st.filter(bool), st.data())
def test_cut_show_topology_is_reported_or_a_prefix(isls, data):
    """``show topology`` cut anywhere (no prompt after it): the rows read are the first rows
    of the whole output, none altered; a cut inside a row is always said (ZP021)."""
    text = R.render_show_topology(isls)
    full, _ = cisco.parse_show_topology(text, "full")
    k = data.draw(st.integers(0, len(text) - 1))
    got, f = cisco.parse_show_topology(text[:k], "cut")
    assert got == full[: len(got)]
    tail = text[:k].rsplit("\n", 1)[-1]
    whole_line = text[k:].split("\n", 1)[0] == ""
    if tail.strip() and not whole_line and _topology_row_line(tail):
        assert "ZP021" in {x.code for x in f}, (tail, f)


def _topology_row_line(tail: str) -> bool:
    """The cut falls in a row (not in the VSAN header or the table head)."""
    s = tail.strip()
    return not (s.startswith(("FC Topology", "Interface")) or set(s) == {"-"})


def _is_prefix_state(got: dict[int, ZoneDb], want: dict[int, ZoneDb]) -> bool:
    """Each parsed zone exists in the original and its members are a prefix of the original's."""
    for v, db in got.items():
        orig = want.get(v)
        if orig is None:
            return False
        for name, z in db.zones.items():
            o = orig.zones.get(name)
            if o is None or z.members != o.members[: len(z.members)]:
                return False
            if any(orig.zones[name].tags.get(m) != t for m, t in z.tags.items()):
                return False
        for m, fcid in db.fcids.items():
            if orig.fcids.get(m) != fcid:
                return False
    return True


@SETTINGS
@given(cisco_dbs(active=True), st.data())
def test_cut_zoneset_active_is_reported_or_a_strict_prefix(dbs, data):
    text = R.render_show_zoneset_active(dbs)
    cut = data.draw(st.integers(0, len(text.rstrip()) - 1))
    r, f = cisco.parse_show_zoneset_active(text[:cut], "cut")
    _check(r, f)
    if not ({x.code for x in f} & CUT_CODES):
        assert _is_prefix_state(r, dbs), (text[:cut], r)


@SETTINGS
@given(cisco_dbs(active=True), st.data())
def test_missing_zones_caught_by_zone_status(dbs, data):
    """With ``show zone status`` captured too, losing whole zones is a coded finding."""
    vsan = sorted(dbs)[0]
    db = dbs[vsan]
    text = R.render_show_zoneset_active({vsan: db})
    blocks = text.split("\n\n")
    keep = data.draw(st.integers(1, max(1, len(blocks) - 1)))
    cut_text = "\n\n".join(blocks[:keep]) + "\n"
    status = (
        f"VSAN: {vsan} default-zone: deny distribute: full Interop: default\n"
        "    mode: basic merge-control: allow\n    session:  none\n"
        "Active Zoning Database :\n    DB Size: 100 bytes\n"
        f"    Name: {db.effective} Zonesets: 1 Zones: {len(db.zones)}\n"
    )
    log = f"mds1# show zoneset active vsan {vsan}\n{cut_text}mds1# show zone status vsan {vsan}\n"
    log += status
    states, f = read_capture_text(log, "log")
    parsed = states["mds1"].zoning[vsan].effective
    if len(parsed.zones) < len(db.zones):
        assert {x.code for x in f} & CUT_CODES
        assert not parsed.complete


def _samples() -> list[tuple[str, str]]:
    """(parser name, text) for every fixture and shared capture whose command is known."""

    from tests.support.paths import CAPTURES as shared
    from tests.support.paths import FIXTURES
    from zoneplan.packs import load_pack
    from zoneplan.parsers.catalogue import commands, match, sniff

    here = FIXTURES / "captures"
    out: list[tuple[str, str]] = []
    by_folder = {(c.vendor, c.name.replace(" ", "_")): c for c in commands()}
    for p in sorted(here.glob("*/*/*.txt")):  # <pack>/<command>/<case>.txt
        cmd = by_folder[(load_pack(p.parent.parent.name).vendor, p.parent.name)]
        out.append((cmd.parser, p.read_text()))
    for folder in (shared / "brocade-fos", shared / "cisco-mds"):
        for p in sorted(folder.glob("*.txt")) if folder.is_dir() else ():
            text = p.read_text()
            first = text.split("\n", 1)[0]
            m = match(first.split("> ", 1)[-1].split("# ", 1)[-1]) or match(
                p.stem.replace("_", " "), from_filename=True
            )
            cmd = m.command if m else sniff(text)
            if cmd is not None:
                out.append((cmd.parser, text))
    return out


SAMPLES = _samples()


@given(st.sampled_from(SAMPLES), st.data())
def test_every_line_cut_anywhere_never_raises(sample, data):
    """Each line of a real-format output cut at a random point (what a mangled paste gives)."""
    name, text = sample
    lines = text.split("\n")
    out = []
    for line in lines:
        op = data.draw(st.integers(0, 5))
        if op == 0 and line:
            out.append(line[: data.draw(st.integers(0, len(line) - 1))])
        elif op == 1:
            continue
        elif op == 2:
            out.extend([line, line])
        else:
            out.append(line)
    result, findings = PARSERS[name]("\n".join(out), "mut")
    _check(result, findings)


def test_samples_cover_every_parser_family():
    """The project's own fixtures cover the core commands; with ``../shared`` the real
    captures add the rest (switch and fabric listings, VSANs, transactions)."""
    names = {n for n, _ in SAMPLES}
    assert len(names) >= 15, sorted(names)
    from tests.support.paths import shared_absent, shared_dir

    if shared_dir("captures") is None:
        pytest.skip(shared_absent("captures"))
    assert len(names) >= 20, sorted(names)
