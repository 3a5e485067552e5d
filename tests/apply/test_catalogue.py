"""The packs' change catalogues (``vendors/*/apply.yaml``): the whitelist apply sends from.

A script line outside it is refused (ZP851) before anything is sent; these tests pin what is
in and what never is (clearing, disabling or re-moding zoning, clearing another admin's lock,
shell tricks), and that each vendor's own success lines, errors and prompts are told apart.
"""

from __future__ import annotations

import pytest

from zoneplan.apply.catalogue import catalogue_of

FOS, MDS = "brocade-fos", "cisco-mds"

ALLOWED = {
    FOS: [
        'alicreate "h1", "10:00:00:00:00:00:00:01"',
        'zonecreate "z1", "h1;t1"',
        'zonecreate --peerzone "pz" -principal "t1" -members "h1;h2"',
        'zoneremove "z1", "h1"',
        'cfgadd "PROD_A", "z1;z2"',
        'cfgenable "PROD_A" -f',
        "cfgsave -f",
        'alidelete "old"',
    ],
    MDS: [
        "terminal dont-ask",
        "configure terminal",
        "device-alias database",
        "device-alias name h1 pwwn 10:00:00:00:00:00:00:01",
        "zone name z1 vsan 10",
        "member device-alias h1 initiator",
        "no member pwwn 10:00:00:00:00:00:00:01",
        "zoneset activate name PROD vsan 10",
        "zone commit vsan 10",
        "copy running-config startup-config fabric",
    ],
}
NEVER = {
    FOS: [
        "cfgclear",
        "cfgdisable",
        "defzone --allaccess",
        "cfgtransabort",  # sent only by apply itself, for its own transaction
        'alicreate "h1", "10:00:00:00:00:00:00:01"; cfgclear',
        'alicreate "$(reboot)", "10:00:00:00:00:00:00:01"',
        'zonecreate "z1", "h1;t1" | cat',
        "cfgenable PROD_A",  # unquoted: never rendered so
        "reboot",
    ],
    MDS: [
        "clear zone lock vsan 10",
        "clear device-alias session",
        "no zoneset activate name PROD vsan 10",
        "zone mode basic vsan 10",
        "no zone commit vsan 10",  # sent only by apply itself, for its own session
        "zone name z1 vsan 10 ; clear zone database vsan 10",
        "reload",
        "write erase",
    ],
}


@pytest.mark.parametrize("pack", [FOS, MDS])
def test_the_catalogue_allows_what_the_templates_render_and_nothing_else(pack):
    cat = catalogue_of(pack)
    assert [c for c in ALLOWED[pack] if not cat.allowed(c)] == []
    assert [c for c in NEVER[pack] if cat.allowed(c)] == []


def test_script_lines_skip_comments_and_report_each_line_outside_with_its_number():
    cat = catalogue_of(FOS)
    text = '# comment\n\nalicreate "h1", "10:00:00:00:00:00:00:01"\ncfgclear\ncfgsave -f\n'
    send, bad = cat.script_lines(text)
    assert [(x.line, x.command) for x in send] == [
        (3, 'alicreate "h1", "10:00:00:00:00:00:00:01"'),
        (5, "cfgsave -f"),
    ]
    assert [(x.line, x.command) for x in bad] == [(4, "cfgclear")]  # ZP851 names line 4


@pytest.mark.parametrize(
    ("pack", "reply", "problem"),
    [
        (FOS, "", None),
        (FOS, 'zone config "PROD_A" is in effect\nUpdating flash ...\n', None),
        (FOS, "'h1' duplicate name\n", "'h1' duplicate name"),
        (FOS, "something unexpected\n", "something unexpected"),  # unknown output is an error
        (
            MDS,
            "Enhanced zone session has been created. Please 'commit' the changes when done.\n",
            None,
        ),
        (
            MDS,
            "                ^\n% Invalid command at '^' marker.\n",
            "% Invalid command at '^' marker.",
        ),
        (MDS, "Device Alias already present\n", "Device Alias already present"),
    ],
)
def test_replies_are_success_only_when_every_line_is_a_known_success_line(pack, reply, problem):
    got = catalogue_of(pack).reply_problem(reply)
    assert got == problem


def test_abort_replies_and_prompts_come_from_pack_data():
    fos, mds = catalogue_of(FOS), catalogue_of(MDS)
    assert fos.reply_problem("There is no outstanding transactions\n", abort=True) is None
    assert fos.reply_problem("There is no outstanding transactions\n") is not None
    q = "Do you want to enable 'PROD_A' configuration  (yes, y, no, n): [no] "
    assert fos.prompt_answer("You are about to enable ...\n" + q) == "y"
    assert fos.prompt_answer("Do you want to reboot? (yes, y, no, n): [no] ") is None
    assert mds.prompt_answer("... Do you want to continue? (y/n) [n] ") == "y"
