"""Every parser on its fixtures: ``tests/fixtures/captures/<pack>/<command>/<case>.txt``.

``<command>`` is the catalogue's command name with ``_`` for spaces (``show_zoneset_active``);
``<case>.expected.json`` beside the text holds what the pack's parser returns and the findings
it makes, and the observed state the capture reader builds from it (the pack's feed). One
parametrised test compares them; ``ZONEPLAN_REGEN=1`` writes the expected files instead
(review the diff: it is the behaviour change). A fixture is the vendor's real output format,
written for the project (``../shared`` captures are read where they are, never copied here).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.support.fixture_json import to_json
from tests.support.paths import FIXTURES
from zoneplan.packs import load_pack
from zoneplan.parsers import registry
from zoneplan.parsers.capture import read_capture_text
from zoneplan.parsers.catalogue import Command, commands

ROOT = FIXTURES / "captures"
CASES = sorted(ROOT.glob("*/*/*.txt"))
REGEN = os.environ.get("ZONEPLAN_REGEN") == "1"


def command_of(case: Path) -> Command:
    """The catalogue entry a fixture folder names (a fixture in an unknown folder fails)."""
    vendor = load_pack(case.parent.parent.name).vendor
    folder = case.parent.name
    for cmd in commands():
        if cmd.vendor == vendor and cmd.name.replace(" ", "_") == folder:
            return cmd
    raise LookupError(f"{case}: {folder!r} is no command of pack {case.parent.parent.name}")


def observe(case: Path) -> dict:
    """What the fixture's parser and the capture reader make of it, as JSON data."""
    cmd = command_of(case)
    text = case.read_bytes().decode("utf-8")  # as written: CR, CRLF and mixed line ends kept
    source = case.relative_to(ROOT).as_posix()
    result, findings = registry()[cmd.parser](text, source)
    states, _ = read_capture_text(text, source, switch="sw", command=cmd.name)
    return {
        "command": cmd.name,
        "parser": cmd.parser,
        "result": to_json(result),
        "findings": to_json(findings),
        "state": {name: to_json(st) for name, st in states.items()},
    }


@pytest.mark.parametrize("case", CASES, ids=[c.relative_to(ROOT).as_posix() for c in CASES])
def test_parser_fixture(case: Path):
    got = observe(case)
    expected = case.with_suffix(".expected.json")
    if REGEN:
        expected.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", "utf-8")
        return
    assert expected.is_file(), f"no {expected.name}: run ZONEPLAN_REGEN=1 and review it"
    assert json.loads(expected.read_text(encoding="utf-8")) == got, (
        f"{case.relative_to(ROOT)} parses differently; if intended: ZONEPLAN_REGEN=1, review"
    )


def test_every_parser_has_a_fixture_of_its_own():
    covered = {command_of(c).parser for c in CASES}
    missing = sorted(set(c.parser for c in commands()) - covered)
    assert not missing, f"parsers without a fixture under {ROOT}: {missing}"


def test_every_expected_file_has_its_case():
    orphans = [
        p
        for p in ROOT.glob("*/*/*.expected.json")
        if not p.with_suffix("").with_suffix(".txt").exists()
    ]
    assert not orphans, orphans


def test_the_registry_names_every_fixture_parser():
    assert {command_of(c).parser for c in CASES} <= set(registry())
