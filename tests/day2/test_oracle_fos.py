"""The FOS oracle refuses what the switch refuses and says it with the switch's words.

Why these tests: the day-2 scenarios and property tests prove zoneplan's scripts by running
them on the oracle; an oracle that accepted everything would prove nothing. Each test pins one
documented behaviour (sources in tests/support/oracle/fos.py).
"""

from __future__ import annotations

import pytest

from tests.support.oracle import CommandRejected, FosFabric, RefusedCommand, run_script
from tests.support.oracle import fos as F
from zoneplan.observed import Zone, ZoneDb

W1, W2, W3 = "10:00:00:00:00:00:00:01", "20:00:00:00:00:00:00:01", "10:00:00:00:00:00:00:02"


def _fabric(**kw) -> FosFabric:
    """Aliases h1 (W1), t1 (W2); zone z1 = h1; t1; cfg c1 = z1, in effect."""
    db = ZoneDb(
        aliases={"h1": [W1], "t1": [W2]},
        zones={"z1": Zone("z1", ["h1", "t1"])},
        configs={"c1": ["z1"]},
    )
    f = FosFabric(db, **kw)
    f.effective = f.compile(f.defined, "c1")  # type: ignore[assignment]
    return f


def _send(session, *lines):
    return [session.send(x) for x in lines]


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    "line",
    [
        f'alicreate "h1", "{W3}"',
        f'alicreate "z1", "{W3}"',  # a zone's name: one namespace
        'zonecreate "c1", "h1"',  # a cfg's name
        'cfgcreate "t1", "z1"',  # an alias's name
    ],
)
def test_a_name_in_use_by_any_object_is_a_duplicate(line):
    r = _fabric().session().send(line)
    assert r.error and r.output.strip().endswith("duplicate name")


def test_names_are_case_sensitive_and_a_case_twin_is_refused_by_default():
    f = _fabric()
    s = f.session()
    r = s.send(f'alicreate "H1", "{W3}"')
    assert r.error and "'H1' duplicate name" in r.output
    assert s.send('alidelete "H1"').output.strip() == '"H1" not found'  # exact-case lookup
    g = _fabric(case_collision="allow")
    assert not g.session().send(f'alicreate "H1", "{W3}"').error
    g.session().send("cfgsave -f")
    assert g.defined.aliases["H1"] == [W3] and g.defined.aliases["h1"] == [W1]


def test_name_rules_follow_the_firmware():
    new = _fabric().session()
    assert not new.send(f'alicreate "a-b^c", "{W3}"').error  # FOS 8.1.0 or later
    old = _fabric(firmware="8.0.1b").session()
    assert old.send(f'alicreate "a-b", "{W3}"').output.strip() == "Invalid name"
    assert old.send(f'alicreate "1ab", "{W3}"').output.strip() == "Invalid name"
    assert new.send(f'alicreate "d__efault__x", "{W3}"').output.strip() == "Invalid name"


def test_members_are_checked_and_wwns_stored_lower_case():
    s = _fabric().session()
    assert s.send('zonecreate "z2", "nosuch; t1"').output.strip() == '"nosuch" not found'
    assert s.send('alicreate "a2", "50:00; 50:02"').output.strip() == "Invalid alias"
    assert not s.send('alicreate "a2", "AA:BB:CC:DD:EE:FF:00:11"').error
    assert s.fabric.view("admin").aliases["a2"] == ["aa:bb:cc:dd:ee:ff:00:11"]
    assert s.send('zonecreate "z3", "t1; t1"').error  # listed twice


# --------------------------------------------------------------------------- peer zones


def test_peer_and_regular_zone_commands_do_not_mix():
    s = _fabric().session()
    assert not s.send('zonecreate --peerzone "pz" -principal "t1" -members "h1"').error
    r = s.send(f'zoneadd "pz", "{W3}"')
    assert r.error and "peer zone" in r.output
    r = s.send(f'zoneadd --peerzone "z1" -members "{W3}"')
    assert r.error and "not a peer zone" in r.output
    assert s.send('zoneadd --peerzone "pz" -m "h1"').output.strip() == (
        F.PEER_DUP_LIST.format(name="pz")
    )
    assert s.send('zoneadd --peerzone "pz" -p "h1"').output.strip() == F.PEER_DUP_ACROSS
    assert s.send(
        'zonecreate --peerzone "p2" -principal "00:02:00:00:00:03:00:01"'
    ).output.strip() == (F.PEER_INVALID_MEMBER)


def test_peer_zones_need_fos_7_4():
    s = _fabric(firmware="7.3.1").session()
    assert s.send('zonecreate --peerzone "pz" -principal "t1"').output.startswith("Usage:")


# --------------------------------------------------------------------------- deletes, last member


def test_deleting_an_alias_in_use_is_accepted_and_cfgenable_then_fails():
    s = _fabric().session()
    assert not s.send('alidelete "h1"').error
    r = _send(s, 'cfgenable "c1"', "y")[1]
    assert r.error and r.output.strip() == '"h1" not found'
    assert s.fabric.effective.zones["z1"].members == [W1, W2]  # nothing changed in effect


def test_deleting_a_zone_in_a_cfg_is_accepted_and_cfgenable_then_fails():
    s = _fabric().session()
    assert not s.send('zonedelete "z1"').error
    r = s.send('cfgenable "c1" -f')
    assert r.error and r.output.strip() == '"z1" not found'


def test_deleting_the_cfg_in_effect_makes_cfgsave_fail():
    s = _fabric().session()
    assert not s.send('cfgdelete "c1"').error
    r = s.send("cfgsave -f")
    assert r.error and r.output.strip() == '"c1" not found'


@pytest.mark.parametrize(
    "line",
    [f'aliremove "h1", "{W1}"', 'zoneremove "z1", "h1; t1"', 'cfgremove "c1", "z1"'],
)
def test_removing_the_last_member_is_refused(line):
    r = _fabric().session().send(line)
    assert r.error and "last member" in r.output


def test_cfgenable_of_an_empty_cfg_is_refused():
    f = _fabric()
    f.defined.configs["empty"] = []
    r = f.session().send('cfgenable "empty" -f')
    assert r.error and "no members" in r.output


def test_an_alias_is_repointed_with_aliadd_then_aliremove_and_reaches_the_fabric_by_cfgenable():
    f = _fabric()
    run_script(f.session(), f'aliadd "h1", "{W3}"\naliremove "h1", "{W1}"\ncfgsave -f\n')
    assert f.defined.aliases["h1"] == [W3]
    assert W1 in f.effective.zones["z1"].members  # the effective config holds WWNs
    run_script(f.session(), 'cfgenable "c1" -f\n')
    assert sorted(f.effective.zones["z1"].members) == sorted([W3, W2])


# --------------------------------------------------------------------------- transactions


def test_a_transaction_opens_with_the_first_change_and_only_its_owner_sees_it():
    f = _fabric()
    me, other = f.session("admin"), f.session("bob")
    assert me.send("cfgtransshow").output == "There is no outstanding zoning transaction\n"
    me.send(f'alicreate "new", "{W3}"')
    show = me.send("cfgtransshow").output.splitlines()
    assert show[0].startswith("Current transaction token is ") and show[1] == "It is abortable"
    assert "new" in me.send("cfgshow").output and "new" not in other.send("cfgshow").output
    # the transaction outlives the session: the same admin logs in again and finds it
    assert "new" in f.session("admin").send("cfgshow").output
    assert me.send("cfgtransabort").output == ""
    assert "new" not in f.session("admin").send("cfgshow").output
    assert me.send("cfgtransabort").output.strip() == F.NO_TRANSACTION_ABORT


def test_cfgsave_and_cfgenable_close_the_transaction():
    f = _fabric()
    s = f.session()
    s.send(f'alicreate "new", "{W3}"')
    r = _send(s, "cfgsave", "y")
    assert r[0].prompt and r[1].output == "Updating flash ...\n"
    assert "new" in f.defined.aliases and not f.transactions
    s.send('zonecreate "z2", "new; t1"')
    s.send('cfgadd "c1", "z2"')
    r = s.send('cfgenable "c1" -f')
    assert r.output == 'zone config "c1" is in effect\nUpdating flash ...\n'
    assert set(f.effective.zones) == {"z1", "z2"} and not f.transactions


def test_another_admins_transaction_cannot_be_aborted_and_a_change_beside_it_warns():
    f = _fabric()
    f.open_foreign_transaction("bob", change=lambda db: db.aliases.update(bobs=[W3]))
    s = f.session("admin")
    assert "It is abortable" in s.send("cfgtransshow").output  # opened on this switch
    r = s.send("cfgtransabort")
    assert r.error and r.output.strip() == F.NOT_OWNER
    r = s.send(f'alicreate "mine", "{"10:00:00:00:00:00:00:09"}"')
    assert r.error and r.output.startswith("WARNING!!\nMultiple open transactions")
    assert len(f.transactions) == 2  # the change is made, in a second transaction
    s.send("cfgsave -f")  # whoever commits first prevails: the other one is aborted
    assert "mine" in f.defined.aliases and "bobs" not in f.defined.aliases
    assert not f.transactions


def test_a_remote_switchs_transaction_is_not_abortable_here():
    f = _fabric()
    f.open_foreign_transaction("bob", switch="sw2")
    assert f.session().send("cfgtransshow").output.endswith("It is not abortable\n")


# --------------------------------------------------------------------------- prompts


def test_a_pasted_cfgsave_swallows_the_next_line_as_its_answer():
    f = _fabric()
    script = f'alicreate "new", "{W3}"\ncfgsave\ncfgenable "c1"\n'
    with pytest.raises(CommandRejected) as exc:
        run_script(f.session(), script)
    assert exc.value.line == 3 and "Operation cancelled" in exc.value.message
    assert "new" not in f.defined.aliases  # nothing was saved


def test_a_prompt_at_the_end_of_a_paste_is_answered_by_the_admin():
    f = _fabric()
    run_script(f.session(), f'alicreate "new", "{W3}"\ncfgsave\n')
    assert "new" in f.defined.aliases


def test_the_non_interactive_forms():
    f = _fabric()
    s = f.session()
    s.send(f'alicreate "new", "{W3}"')
    assert s.send("cfgsave -force").output == "Updating flash ...\n"
    assert s.send('cfgenable "c1" -force').prompt is None
    old = _fabric(firmware="7.4.1").session()
    assert old.send("cfgsave -f").output.startswith("Usage:")
    assert old.send('cfgenable -f "c1"').error  # the operand goes first (jconsoli, brcddb)


def test_cfgsave_asks_the_warning_question_when_defined_and_effective_differ():
    f = _fabric()
    s = f.session()
    s.send(f'aliadd "h1", "{W3}"')  # changes what c1 would put in effect
    assert s.send("cfgsave").output.startswith("WARNING!!!\nThe changes you are attempting")
    assert s.send("n").error
    g = _fabric()
    t = g.session()
    t.send(f'alicreate "x", "{W3}"')
    assert t.send("cfgsave").output.startswith("You are about to save the Defined")
    assert t.send("no").output == "Operation cancelled...\n"


def test_cfgsave_with_nothing_to_save():
    s = _fabric().session()
    assert s.send("cfgsave -f").output == "Nothing changed: nothing to save, returning ...\n"


# --------------------------------------------------------------------------- whitelist


@pytest.mark.parametrize("line", ["cfgclear", "cfgdisable", "defzone --allaccess", "CFGCLEAR"])
def test_clearing_or_disabling_zoning_is_refused(line):
    with pytest.raises(RefusedCommand):
        run_script(_fabric().session(), line + "\n")


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("reboot now", "rbash: reboot: command not found"),
        ('cfgenable "c1"; cfgclear', "';' outside quotes"),
        ('alicreate "a`id`", "x"', "inside double quotes"),
        ('alicreate "a", "b', "unclosed double quote"),
        ("zoneshow *", "pathname or brace expansion"),
        ("cfgtransabort 12345", "Usage:"),
    ],
)
def test_lines_the_switch_or_its_shell_would_not_run(line, text):
    r = _fabric().session().send(line)
    assert r.error and text in r.output


def test_comments_and_blank_lines_are_ignored_by_the_shell():
    f = _fabric()
    run_script(f.session(), "# a comment\n\n   # indented\n")
    assert not f.transactions


def test_show_commands_answer_from_the_state():
    s = _fabric().session()
    assert s.send('alishow "nosuch"').output == '"nosuch" does not exist.\n'
    assert " alias:\th1\t10:00:00:00:00:00:00:01 " in s.send('alishow "h1"').output
    assert "Fabric OS:  v9.2.0a" in s.send("version").output
    assert s.send("cfgactvshow").output.startswith("Effective configuration:\n cfg:\tc1")
