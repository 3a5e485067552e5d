"""Every rule's Fails and Passes examples run: Fails makes the rule's code, Passes does not.

The examples are data (:mod:`zoneplan.rules.examples`): each kind is handed to the component
that reads that input (:mod:`tests.support.examples`: the loader, the plan workflow, the
capture reader, the audit workflow, ``hosts verify``, or the CLI itself in a lab with emulated
switches, :mod:`tests.support.lab`), so nothing here guesses what an example means. A Passes
example must also make no fatal finding: input nothing could read would "pass" every rule
and prove nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.examples import findings_of
from tests.support.lab import FAULTS, SWITCH_FAULTS
from zoneplan.rules.registry import all_rules

SECTIONS = ("Fails", "Passes")
CASES = [
    pytest.param(rule.code, section, example, id=f"{rule.code}-{section}-{i}")
    for rule in all_rules()
    for section in SECTIONS
    for i, example in enumerate(rule.examples(section))
]

#: (code, section) → why its examples cannot run; it may only shrink, and is empty today
NOT_EXECUTABLE_BASELINE: dict[tuple[str, str], str] = {}


@pytest.mark.parametrize(("code", "section", "example"), CASES)
def test_rule_example(code: str, section: str, example, tmp_path: Path) -> None:
    found = findings_of(example, tmp_path)
    codes = {c for c, _ in found}
    if section == "Fails":
        assert code in codes, f"{code}'s Fails example makes {sorted(found)}, not {code}"
    else:
        assert code not in codes, f"{code}'s Passes example makes {code}"
        fatal = sorted(c for c, severity in found if severity == "fatal")
        assert not fatal, f"{code}'s Passes example cannot be read: {fatal}"


def test_every_rule_has_fails_and_passes_examples() -> None:
    missing = [
        (r.code, s)
        for r in all_rules()
        for s in SECTIONS
        if not r.examples(s) and (r.code, s) not in NOT_EXECUTABLE_BASELINE
    ]
    assert not missing, (
        f"give these rules `fails` and `passes` examples (CONTRIBUTING.md, 'Adding a rule'): "
        f"{missing}"
    )
    stale = [k for k in NOT_EXECUTABLE_BASELINE if _has(k)]
    assert not stale, f"these run now: remove them from NOT_EXECUTABLE_BASELINE {stale}"


def _has(key: tuple[str, str]) -> bool:
    code, section = key
    return any(r.code == code and r.examples(section) for r in all_rules())


def test_examples_render_as_the_sections_of_the_catalogue() -> None:
    for rule in all_rules():
        for section in SECTIONS:
            for example in rule.examples(section):
                assert example.render().strip() in rule.sections()[section], rule.code


def test_every_staged_fault_is_known_to_the_lab() -> None:
    known = set(FAULTS) | set(SWITCH_FAULTS)
    named = {
        (r.code, e.fault.partition(":")[0])
        for r in all_rules()
        for s in SECTIONS
        for e in r.examples(s)
        if e.fault
    }
    unknown = sorted((code, f) for code, f in named if f not in known)
    assert not unknown, f"faults the lab cannot stage: {unknown}"
