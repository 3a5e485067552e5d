"""Fuzzing every reader of outside input: the inventory loader, every switch-output parser,
the capture reader and the ``multipath -ll`` parser.

Each case must end in a parsed result or coded findings that name a file and line: never an
exception, never a hang. The suite runs a short budget; ``make fuzz`` runs the same properties
with the ``fuzz`` profile (ZONEPLAN_HYPOTHESIS_PROFILE=fuzz, 100,000+ cases) and records the result.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.paths import CAPTURES as SHARED
from tests.support.paths import REPO
from zoneplan.findings import Finding
from zoneplan.loader import parse_inventory
from zoneplan.parsers import PARSERS
from zoneplan.parsers.capture import read_capture_text

SEEDS: list[str] = sorted(
    p.read_text(encoding="utf-8", errors="replace")
    for d in (REPO / "tests" / "fixtures" / "captures", SHARED)
    if d.is_dir()
    for p in d.rglob("*.txt")
    if p.is_file()
)
SAMPLES = sorted((REPO / "samples").glob("*.yaml"))

#: Things terminals and switches insert into output.
NOISE = [
    "--More--",
    " --More-- ",
    "Type <CR> to continue, Q<CR> to stop: ",
    "\x1b[7m--More--\x1b[m",
    "\x1b[1;31mERROR\x1b[0m",
    "Error: Invalid zone member",
    "% Invalid command at '^' marker.",
    "rbash: cfgshow: command not found",
    "\r",
    "\x08\x08\x08",
    "",
    "\t\t",
    "zone:",
    " ;",
    "\t;",
    " cfg:\t",
    "Effective configuration:",
    "*",
    "vsan 10",
    "\x00",
    "\ufeff",
]


def _mutate(text: str, rnd: random.Random) -> str:
    lines = text.splitlines(keepends=True) or [""]
    for _ in range(rnd.randint(1, 4)):
        op = rnd.randrange(8)
        i = rnd.randrange(len(lines)) if lines else 0
        if op == 0 and lines:  # truncate mid-line
            cut = rnd.randrange(len(lines[i]) + 1)
            lines = lines[:i] + [lines[i][:cut]]
        elif op == 1 and lines:
            del lines[i]
        elif op == 2:
            lines.insert(i, rnd.choice(NOISE) + "\n")
        elif op == 3:
            lines = [ln.replace("\n", "\r\n") for ln in lines]
        elif op == 4 and lines:
            lines[i] = lines[i].upper()
        elif op == 5 and lines:
            lines.insert(i, lines[i])
        elif op == 6 and lines:
            ln = lines[i]
            j = rnd.randrange(len(ln) + 1)
            lines[i] = ln[:j] + chr(rnd.randrange(0x20, 0x250)) + ln[j:]
        elif op == 7 and lines:
            lines[i] = lines[i].replace(":", "", 1)
        if not lines:
            lines = [""]
    return "".join(lines)


def _check(findings: list[Finding]) -> None:
    for f in findings:
        assert f.code.startswith("ZP"), f
        assert f.location is not None and f.location.file, f


#: cases per property come from the profile (tests/conftest.py): `make fuzz` selects `fuzz`
#: (ZONEPLAN_FUZZ_EXAMPLES=2000: 100,000+ cases in all)
FUZZ = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.parametrize("name", sorted(PARSERS))
@FUZZ
@given(seed=st.integers(0, 2**32 - 1))
def test_parser_survives_mutated_real_format_output(name, seed):
    if not SEEDS:
        pytest.skip("no capture seeds")
    rnd = random.Random(seed)
    text = _mutate(rnd.choice(SEEDS), rnd)
    result, findings = PARSERS[name](text, f"fuzz/{name}.txt")
    _check(findings)


@pytest.mark.parametrize("name", sorted(PARSERS))
@FUZZ
@given(text=st.text(max_size=400))
def test_parser_survives_random_text(name, text):
    _result, findings = PARSERS[name](text, "fuzz.txt")
    _check(findings)


@FUZZ
@given(data=st.binary(max_size=2000), seed=st.integers(0, 2**32 - 1))
def test_capture_reader_survives_bytes_and_logs(data, seed):
    rnd = random.Random(seed)
    text = data.decode("utf-8", errors="replace")
    if SEEDS and rnd.random() < 0.7:
        text = (
            "sw1:admin> cfgshow\n"
            + _mutate(rnd.choice(SEEDS), rnd)
            + "\nmds1# show flogi database\n"
            + text
        )
    _states, findings = read_capture_text(text, "fuzz.log")
    _check(findings)


@FUZZ
@given(seed=st.integers(0, 2**32 - 1))
def test_loader_survives_mutated_samples(seed):
    rnd = random.Random(seed)
    text = _mutate(rnd.choice(SAMPLES).read_text(encoding="utf-8"), rnd)
    result = parse_inventory(text, "fuzz.yaml")
    assert result.ok or result.findings
    _check(result.findings)
    assert all(f.location.line for f in result.findings)


@FUZZ
@given(seed=st.integers(0, 2**32 - 1))
def test_multipath_ll_parser_survives_mutations(seed):
    mpll = pytest.importorskip("zoneplan.hosts.mpll")
    seeds = [
        p.read_text(encoding="utf-8") for p in (REPO / "tests" / "fixtures").rglob("*mpll*")
    ] or [
        "36005 dm-0 eSSM_BIO,disk\nsize=5G features='0' hwhandler='1 alua' wp=rw\n"
        "`-+- policy='round-robin 0' prio=50 status=active\n  `- 6:0:1:0 sdc 8:32 active ready running\n"
    ]
    rnd = random.Random(seed)
    result = mpll.parse_multipath_ll(_mutate(rnd.choice(seeds), rnd), "fuzz-mpll.txt")
    _check(result.findings)


# --------------------------------------------------------------------------- issue 14


def _walks() -> list[str]:
    """Saved walks as ``collect --via snmp`` writes them, from the emulated switches' records."""
    from tests.support.planstate import states_from_plan
    from tests.support.snmp_agent import brocade_records, cisco_records
    from zoneplan.loader import load_inventory
    from zoneplan.parsers.snmpwalk import MAGIC
    from zoneplan.plan.build import build_plan
    from zoneplan.topology import build_topology

    r = load_inventory(REPO / "samples" / "euronas-cluster.yaml")
    topo = build_topology(r.inventory, r.source)
    states = states_from_plan(build_plan(topo), topo)
    out = []
    for name, records, vendor in (
        ("mds-b1", cisco_records(states["mds-b1"]), "cisco"),
        ("sw-a1", brocade_records(states["sw-a1"]), "brocade"),
    ):
        out.append(f"{MAGIC}\n# switch: {name}\n# vendor: {vendor}\n" + "\n".join(records) + "\n")
    return out


WALKS: list[str] = []


def _mutate_walk(text: str, rnd: random.Random) -> str:
    """Damage OIDs and indexes (bytes over 255, missing, short, long, negative), tags, values."""
    lines = text.split("\n")
    for _ in range(rnd.randint(1, 6)):
        i = rnd.randrange(len(lines))
        oid, sep, rest = lines[i].partition("|")
        parts = oid.split(".")
        op = rnd.randrange(8)
        if op == 0 and parts:  # an index sub-identifier out of octet range
            parts[rnd.randrange(len(parts))] = str(rnd.choice([256, 300, 2**32, 10**30]))
        elif op == 1 and len(parts) > 1:  # short index
            parts = parts[: rnd.randrange(1, len(parts))]
        elif op == 2:  # long index
            parts += [str(rnd.randrange(300)) for _ in range(rnd.randint(1, 5))]
        elif op == 3:
            parts[rnd.randrange(len(parts))] = rnd.choice(["-1", "", "x", "1_0", "٣"])
        elif op == 4:
            rest = rnd.choice(["4x|zz", "2|", "4|", "64x|0", "6|", "999|1", "|", "4x|" + "0" * 9])
        elif op == 5:
            lines.insert(i, rnd.choice(["# walk: 1.2.3 x rows=? complete", "#", "|||", "1.3.6"]))
        elif op == 6:
            del lines[i]
            continue
        else:
            lines[i] = lines[i][: rnd.randrange(len(lines[i]) + 1)]
            continue
        lines[i] = ".".join(parts) + sep + rest
    return "\n".join(lines)


@FUZZ
@given(seed=st.integers(0, 2**32 - 1))
def test_saved_snmp_walk_survives_mutations(tmp_path_factory, seed):
    from zoneplan.parsers.capture import read_captures

    if not WALKS:
        WALKS.extend(_walks())
    rnd = random.Random(seed)
    d = tmp_path_factory.mktemp("walk") / "sw"
    d.mkdir()
    (d / "snmp_walk.txt").write_text(_mutate_walk(rnd.choice(WALKS), rnd), encoding="utf-8")
    _states, findings = read_captures([d])
    _check(findings)


#: what a capture tree may hold besides regular files
_ENTRY = st.sampled_from(["file", "dir", "link-out", "link-dangling", "link-loop", "fifo", "dev"])
_NAME = st.text(
    alphabet=st.sampled_from(list("ab.-_ \n\r\t\x1b\u2028$;'\"`|&<>*?[]{}") + ["é", "\x7f"]),
    min_size=1,
    max_size=12,
).filter(lambda s: s not in (".", "..") and "/" not in s)


@FUZZ
@given(
    entries=st.lists(st.tuples(_NAME, _ENTRY, st.integers(0, 3)), max_size=12),
    seed=st.integers(0, 2**32 - 1),
)
def test_capture_tree_survives_links_specials_and_names(tmp_path_factory, entries, seed):
    """Random trees: hostile folder and file names, links out and in loops, FIFOs, devices.
    The reader ends in states and findings (never a hang or a traceback), never echoes a file
    outside the tree, and shows no control character in a finding."""
    import os

    from zoneplan.parsers.capture import read_captures
    from zoneplan.sanitise import escape_text

    rnd = random.Random(seed)
    root = tmp_path_factory.mktemp("tree")
    cap = root / "cap"
    cap.mkdir()
    secret = root / "outside.txt"
    secret.write_text("sw9:admin> cfgshow\nDefined configuration:\n cfg:\tSECRET_CFG\tz1\n")
    folders = [cap]
    for name, kind, depth in entries:
        parent = folders[min(depth, len(folders) - 1)]
        p = parent / name if kind in ("dir", "link-loop") else parent / f"{name}.txt"
        if os.path.lexists(p):
            continue
        if kind == "dir":
            p.mkdir()
            folders.append(p)
        elif kind == "file":
            text = rnd.choice(SEEDS) if SEEDS else "There is no outstanding zoning transaction\n"
            p.write_text(text, encoding="utf-8")
        elif kind == "link-out":
            p.symlink_to(secret)
        elif kind == "link-dangling":
            p.symlink_to(root / "nowhere")
        elif kind == "link-loop":
            p.symlink_to(cap, target_is_directory=True)
        elif kind == "fifo":
            os.mkfifo(p)
        elif kind == "dev" and os.path.exists("/dev/zero"):
            p.symlink_to("/dev/zero")
    states, findings = read_captures([cap])
    _check(findings)
    assert "SECRET_CFG" not in repr(states) + repr(findings)
    for f in findings:  # what the printer shows: nothing a terminal would act on
        shown = escape_text(f"{f.location}: {f.message}")
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in shown), shown
