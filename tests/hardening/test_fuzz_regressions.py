"""Crashes found by the long fuzz run (``make fuzz``), kept as regression tests.

Each input is the minimal example hypothesis printed; the property is the fuzz suite's: the
parser ends in a result plus coded findings, never an exception.
"""

from __future__ import annotations

import pytest

from zoneplan.parsers.cisco import parse_show_device_alias_status


def test_device_alias_status_line_without_colon():
    # fuzz run 2026-11-26 (ZONEPLAN_FUZZ_EXAMPLES=2000, seed 223 of the mutation property):
    # "Fabric Distribution" with its value but no ':' raised IndexError (fixed in the parser)
    text = "Fabric Distribution  Disabled\nDatabase:- Device Aliases 3831  Mode: Basic\n"
    status, findings = parse_show_device_alias_status(text, "fuzz/show_device_alias_status.txt")
    assert status.count == 3831 and status.mode == "basic"
    assert all(f.code.startswith("ZP") for f in findings)


#: fuzz run 2026-11-26, ZONEPLAN_FUZZ_EXAMPLES=10000, --hypothesis-seed=1 (mutation property,
#: seed=14109028): a VSAN number with a superscript digit. ``str.isdigit()`` is True for '¹'
#: but ``int()`` refuses it; the parsers now test ``isdecimal()`` (exactly what ``int()`` takes).
SUPERSCRIPT_VSAN = "zone name SZ vsan 1\u00b900\n  pwwn 20:00:00:25:b5:10:a0:02 [X]  init\n"


@pytest.mark.parametrize(
    ("parser", "text"),
    [
        ("cisco.show_zone", SUPERSCRIPT_VSAN),
        ("cisco.show_zoneset", SUPERSCRIPT_VSAN),
        ("cisco.show_zoneset_active", SUPERSCRIPT_VSAN),
        ("cisco.show_fcalias", SUPERSCRIPT_VSAN),
        ("cisco.show_running_config", SUPERSCRIPT_VSAN),
        # found by probing the same class over the fixture captures (every digit → '¹')
        (
            "cisco.show_flogi_database",
            "fc\u00b9/5            \u00b90    0x32\u00b9\u00b9cb  c0:50:76:09:5b:20:00:64 "
            "c0:50:76:09:5b:20:00:65\n",
        ),
        (
            "brocade.switchshow",
            "Index Slot Port Address Media Speed State     Proto\n"
            "===================================================\n"
            " \u00b996    3    4   0ac400   --    N\u00b96  No_Module   FC  Disabled\n",
        ),
    ],
)
def test_a_unicode_digit_is_a_finding_not_a_crash(parser, text):
    from zoneplan.parsers import PARSERS

    result, findings = PARSERS[parser](text, "fuzz/x.txt")
    assert result is not None
