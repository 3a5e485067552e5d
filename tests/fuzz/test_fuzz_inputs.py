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
