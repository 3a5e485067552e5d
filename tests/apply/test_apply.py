"""``zoneplan apply`` over real SSH on 127.0.0.1 against the emulated switches (zoning oracle).

Each test plants what an admin meets in production — an error half-way, another admin's
transaction, a fabric changed since the plan, a verification that fails, a connection that
drops — and checks what apply promises: nothing sent when a guard refuses (the emulator's
log proves it), nothing of this run left open after an error, the fabric verified back in its
state before after a rollback, an honest verdict and exit code, a record folder.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from tests.apply.lab import PASSWORD, ApplyLab, drop_at, fail_at, on_change_command
from tests.support.oracle import FosFabric
from tests.support.ssh_switch import _READS, plant_foreign_transaction, plant_zoning_change

VENDORS = ("brocade", "cisco")


def _codes(run) -> set[str]:  # noqa: ANN001
    return {f.code for f in run.all_findings()}


def _record(run, i: int = 0) -> Path:  # noqa: ANN001
    rec = run.fabrics[i].record
    assert rec is not None and rec.is_dir()
    return rec


def _verdict(run, i: int = 0) -> dict:  # noqa: ANN001
    return json.loads((_record(run, i) / "verdict.json").read_text())


@pytest.mark.parametrize("vendor", VENDORS)
def test_clean_apply_is_verified_recorded_and_harmless_to_repeat(vendor, tmp_path):
    with ApplyLab(tmp_path, vendor) as lab:
        lab.plan()
        before = lab.snapshot("A"), lab.snapshot("B")
        run = lab.apply("A")
        assert run.exit_code == 0, [f.parsable() for f in run.all_findings()]
        assert [r.verdict for r in run.fabrics] == ["applied"]
        assert lab.snapshot("A") != before[0] and lab.snapshot("B") == before[1]
        rec = _record(run)
        assert {p.name for p in rec.iterdir()} >= {
            "before",
            "after",
            "script.txt",
            "transcript.txt",
            "verdict.json",
        }
        assert _verdict(run)["verdict"] == "applied" and _verdict(run)["open"] == []
        transcript = (rec / "transcript.txt").read_text()
        assert PASSWORD not in transcript and PASSWORD not in json.dumps(_verdict(run))
        sent = lab.switches["A"].changes()
        logged = re.findall(r"^\[[^\]]+\] [^>]+> (.*)$", transcript, re.M)
        assert sent and [c for c in logged if c in sent] == sent  # every change, in order
        assert not lab.switches["B"].changes()  # one fabric per run
        # the fabric holds what the plan wants: nothing is left open
        fab = lab.site.fabrics["A"]
        if isinstance(fab, FosFabric):
            assert not fab.transactions
        else:
            assert all(v.session is None for v in fab.vsans.values()) and fab.da_session is None
        # again: nothing is sent, and it says so
        n = len(lab.switches["A"].changes())
        again = lab.apply("A")
        assert [r.verdict for r in again.fabrics] == ["already-applied"]
        assert again.exit_code == 0 and "ZP859" in _codes(again)
        assert len(lab.switches["A"].changes()) == n


@pytest.mark.parametrize("vendor", VENDORS)
def test_dry_run_sends_no_change_command(vendor, tmp_path):
    with ApplyLab(tmp_path, vendor) as lab:
        lab.plan()
        before = lab.snapshot("A")
        run = lab.apply("A", dry_run=True)
        assert [r.verdict for r in run.fabrics] == ["dry-run"] and run.exit_code == 0
        assert lab.switches["A"].received  # it did read the fabric
        assert lab.switches["A"].changes() == []  # the emulator's log: no change command
        assert lab.snapshot("A") == before


@pytest.mark.parametrize("vendor", VENDORS)
def test_an_error_half_way_leaves_nothing_changed(vendor, tmp_path):
    with ApplyLab(tmp_path, vendor) as lab:
        lab.plan()
        before = lab.snapshot("A")
        # FOS: the 4th change command (inside the transaction); NX-OS: the 5th (inside the
        # device-alias session: terminal dont-ask, configure terminal, device-alias database...)
        fail_at(lab.switches["A"], 4 if vendor == "brocade" else 5)
        run = lab.apply("A")
        assert [r.verdict for r in run.fabrics] == ["aborted"], [
            f.parsable() for f in run.all_findings()
        ]
        assert run.exit_code == 4 and "ZP855" in _codes(run)
        assert lab.snapshot("A") == before  # nothing left changed
        sent = lab.switches["A"].changes()
        abort = "cfgtransabort" if vendor == "brocade" else "device-alias abort"
        assert abort in sent
        assert not lab.switches["A"].forbidden  # never a lock-clearing command
        fab = lab.site.fabrics["A"]
        if isinstance(fab, FosFabric):
            assert not fab.transactions
        else:
            assert fab.da_session is None
        assert "as before" in run.fabrics[0].state


def test_nxos_error_in_the_zone_session_discards_it(tmp_path):
    with ApplyLab(tmp_path, "cisco") as lab:
        lab.plan()
        before = lab.snapshot("A")
        script = (lab.out / "A" / "A.script.txt").read_text().splitlines()
        sent = [ln.strip() for ln in script if ln.strip() and not ln.startswith("!")]
        k = next(i for i, c in enumerate(sent, 1) if c.startswith("member device-alias"))
        fail_at(lab.switches["A"], k + 1)  # the second member of the first zone
        run = lab.apply("A")
        assert "no zone commit vsan 10" in lab.switches["A"].changes()
        fab = lab.site.fabrics["A"]
        assert all(v.session is None for v in fab.vsans.values())
        # the device-aliases were committed before the zones: the zone session is discarded,
        # the device-aliases stay, and the verdict says so by name (never "as before")
        assert lab.snapshot("A") != before
        assert run.fabrics[0].verdict == "state-unknown" and run.exit_code == 5
        assert "device-alias san1_hba0_p0 added" in run.fabrics[0].state
        assert "ZP858" in _codes(run)


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_foreign_transaction_or_lock_appearing_after_the_plan_is_refused(vendor, tmp_path):
    with ApplyLab(tmp_path, vendor) as lab:
        lab.plan()
        plant_foreign_transaction(lab.site.fabrics["A"])
        before = lab.snapshot("A")
        run = lab.apply("A")
        assert [r.verdict for r in run.fabrics] == ["refused"] and run.exit_code == 2
        assert "ZP853" in _codes(run)
        assert lab.switches["A"].changes() == [] and lab.snapshot("A") == before


def test_a_foreign_device_alias_lock_is_refused(tmp_path):
    from tests.support.ssh_switch import plant_device_alias_lock

    with ApplyLab(tmp_path, "cisco") as lab:
        lab.plan()
        plant_device_alias_lock(lab.site.fabrics["A"])
        run = lab.apply("A")
        assert "ZP853" in _codes(run) and lab.switches["A"].changes() == []


@pytest.mark.parametrize("vendor", VENDORS)
def test_zoning_changed_since_the_plan_is_refused(vendor, tmp_path):
    with ApplyLab(tmp_path, vendor) as lab:
        lab.plan()
        plant_zoning_change(lab.site.fabrics["A"])
        run = lab.apply("A")
        assert [r.verdict for r in run.fabrics] == ["refused"] and run.exit_code == 2
        assert "ZP852" in _codes(run) and lab.switches["A"].changes() == []


def _lose_a_member_after_commit(lab: ApplyLab) -> None:
    """After the commit, one of the change's new zones loses a member (as if the fabric had
    not taken it): verification must see it."""
    fab = lab.site.fabrics["A"]
    assert isinstance(fab, FosFabric)
    state = {"enabled": False, "done": False}
    sw = lab.switches["A"]

    def hook(n: int, cmd: str, s) -> None:  # noqa: ANN001
        if cmd.startswith("cfgenable"):
            state["enabled"] = True
        elif state["enabled"] and not state["done"] and cmd == "cfgshow":
            state["done"] = True
            zone = next(z for z in fab.defined.zones if z.startswith("z_esx01"))
            fab.defined.zones[zone].members.pop()
            fab.effective = fab.compile(fab.defined, fab.effective.effective)

    sw.before_command = hook


def test_verification_failing_runs_the_rollback_back_to_the_state_before(tmp_path):
    with ApplyLab(tmp_path, "brocade") as lab:
        lab.plan()
        before = lab.snapshot("A")
        _lose_a_member_after_commit(lab)
        run = lab.apply("A")
        assert [r.verdict for r in run.fabrics] == ["rolled-back"], [
            f.parsable() for f in run.all_findings()
        ]
        assert run.exit_code == 4 and "ZP857" in _codes(run)
        assert lab.snapshot("A") == before  # back to the state before, byte for byte
        rec = _record(run)
        assert (rec / "rollback.txt").is_file() and (rec / "after-rollback").is_dir()


def _nxos_lose_a_member_after_commit(lab: ApplyLab) -> None:
    """NX-OS: after the zone commit, one of the change's new zones loses a member."""
    fab = lab.site.fabrics["A"]
    state = {"committed": False, "done": False}

    def hook(n: int, cmd: str, s) -> None:  # noqa: ANN001
        if cmd.startswith("zone commit"):
            state["committed"] = True
        elif state["committed"] and not state["done"] and cmd.startswith("show zone"):
            state["done"] = True
            vz = fab.vsans[10]
            zone = next(z for n_, z in vz.full.zones.items() if n_.startswith("z_esx01"))
            zone.members.pop()
            vz.active = fab.compile(vz.full, vz.active.effective)

    lab.switches["A"].before_command = hook


def test_nxos_verification_failing_runs_the_rollback_back_to_the_state_before(tmp_path):
    with ApplyLab(tmp_path, "cisco") as lab:
        lab.plan()
        before = lab.snapshot("A")
        _nxos_lose_a_member_after_commit(lab)
        run = lab.apply("A")
        assert [r.verdict for r in run.fabrics] == ["rolled-back"], [
            f.parsable() for f in run.all_findings()
        ]
        assert run.exit_code == 4 and "ZP857" in _codes(run)
        assert lab.snapshot("A") == before


@pytest.mark.parametrize("vendor", VENDORS)
def test_connection_dropping_mid_change_is_honest_and_the_next_run_finds_it(vendor, tmp_path):
    with ApplyLab(tmp_path, vendor) as lab:
        lab.plan()
        drop_at(lab.switches["A"], 4 if vendor == "brocade" else 5)
        run = lab.apply("A")
        assert [r.verdict for r in run.fabrics] == ["interrupted"] and run.exit_code == 5
        assert {"ZP856", "ZP858"} <= _codes(run)
        doc = _verdict(run)
        assert doc["verdict"] == "interrupted" and doc["open"]
        assert "open:" in run.fabrics[0].state  # the re-read saw what is open
        n = len(lab.switches["A"].changes())
        lab.switches["A"].drop_after = None
        lab.switches["A"].before_command = None
        again = lab.apply("A")
        assert [r.verdict for r in again.fabrics] == ["refused"] and again.exit_code == 2
        busy = [f for f in again.all_findings() if f.code == "ZP853"]
        assert busy and str(run.fabrics[0].record) in busy[0].message
        assert ("cfgtransabort" if vendor == "brocade" else "device-alias abort") in busy[0].hint
        assert len(lab.switches["A"].changes()) == n  # nothing sent, nothing cleared


@pytest.mark.parametrize(("vendor", "code"), [("brocade", "ZP612"), ("cisco", "ZP613")])
def test_after_a_lost_connection_a_live_audit_finds_what_is_left_open(vendor, code, tmp_path):
    with ApplyLab(tmp_path, vendor) as lab:
        lab.plan()
        script = (lab.out / "A" / "A.script.txt").read_text().splitlines()
        sent = [
            ln.strip() for ln in script if ln.strip() and not ln.lstrip().startswith(("!", "#"))
        ]
        # FOS: inside the transaction; NX-OS: inside the zone session (the first zone command)
        k = (
            3
            if vendor == "brocade"
            else next(i for i, c in enumerate(sent, 1) if c.startswith("zone name"))
        )
        drop_at(lab.switches["A"], k)
        run = lab.apply("A")
        assert [r.verdict for r in run.fabrics] == ["interrupted"]
        lab.switches["A"].drop_after = None
        lab.switches["A"].before_command = None
        exit_code, doc, _ = lab.zoneplan("audit", str(lab.inventory), "--live", "--fabric", "A")
        found = [f for f in doc["findings"] if f["code"] == code]
        assert exit_code == 1 and found, doc["findings"]
        assert ("cfgtransabort" if vendor == "brocade" else "no zone commit") in json.dumps(
            found[0]
        )


def test_both_fabrics_in_order(tmp_path):
    with ApplyLab(tmp_path, "brocade") as lab:
        lab.plan()
        order: list[str] = []
        for f, sw in lab.switches.items():
            on_change_command(sw, 1, lambda n, cmd, s, f=f: order.append(f))
        run = lab.apply("all")
        assert [(r.fabric, r.verdict) for r in run.fabrics] == [("A", "applied"), ("B", "applied")]
        assert order == ["A", "B"] and run.exit_code == 0
        a, b = _verdict(run, 0), _verdict(run, 1)
        assert a["finished"] <= b["started"]  # B started only after A was verified


def test_the_second_fabric_is_not_started_when_the_first_fails(tmp_path):
    with ApplyLab(tmp_path, "brocade") as lab:
        lab.plan()
        before_b = lab.snapshot("B")
        fail_at(lab.switches["A"], 2)
        run = lab.apply("all")
        assert [(r.fabric, r.verdict) for r in run.fabrics] == [
            ("A", "aborted"),
            ("B", "not-started"),
        ]
        assert "ZP860" in _codes(run) and run.exit_code == 4
        assert lab.switches["B"].received == [] and lab.snapshot("B") == before_b


def test_no_confirmation_sends_nothing(tmp_path):
    with ApplyLab(tmp_path, "brocade") as lab:
        lab.plan()
        run = lab.apply("A", yes=False)  # no terminal
        assert "ZP854" in _codes(run) and run.exit_code == 2
        asked: list[str] = []
        run = lab.apply("A", yes=False, confirm=lambda s: asked.append(s) or False)
        assert "ZP854" in _codes(run) and lab.switches["A"].changes() == []
        assert asked and "gains access" in asked[0] and "operation" in asked[0]
        run = lab.apply("A", yes=False, confirm=lambda s: True)
        assert [r.verdict for r in run.fabrics] == ["applied"]


def test_a_script_edited_after_the_plan_is_refused(tmp_path):
    with ApplyLab(tmp_path, "brocade") as lab:
        lab.plan()
        path = lab.out / "A" / "A.script.txt"
        path.write_text(path.read_text() + 'zonedelete "ADMIN_zone"\n')
        run = lab.apply("A")
        assert "ZP850" in _codes(run) and run.exit_code == 2
        assert lab.switches["A"].received == []  # not even read


def test_an_inventory_changed_since_the_plan_is_refused(tmp_path):
    with ApplyLab(tmp_path, "brocade") as lab:
        lab.plan()
        assert lab.inventory is not None
        data = json.loads(lab.inventory.read_text())
        data["switches"][0]["firmware"] = "9.2.1"
        lab.inventory.write_text(json.dumps(data))
        run = lab.apply("A")
        assert "ZP850" in _codes(run) and run.exit_code == 2


def test_the_cli_reports_verdicts_and_exit_codes(tmp_path):
    with ApplyLab(tmp_path, "cisco") as lab:
        lab.plan()
        code, doc, _ = lab.cli("--fabric", "A", "--dry-run")
        assert code == 0 and doc["fabrics"][0]["verdict"] == "dry-run"
        code, doc, _ = lab.cli("--fabric", "A")  # no --yes, no terminal
        assert code == 2 and any(f["code"] == "ZP854" for f in doc["findings"])
        code, doc, _ = lab.cli("--fabric", "A", "--yes")
        assert code == 0 and doc["fabrics"][0]["verdict"] == "applied"
        code, doc, _ = lab.cli("--fabric", "C", "--yes")
        assert code == 2 and any(f["code"] == "ZP850" for f in doc["findings"])
        assert lab.switches["B"].changes() == []


@pytest.mark.parametrize("vendor", VENDORS)
def test_property_an_error_at_any_command_never_leaves_this_runs_transaction_open(vendor, tmp_path):
    """Whatever command fails, the run ends aborted with the fabric as before, or (NX-OS,
    after the device-alias commit) says by name what differs; nothing of it stays open and it
    never claims success."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    with ApplyLab(tmp_path, vendor) as lab:
        lab.plan()
        before = lab.snapshot("A")
        script = (lab.out / "A" / "A.script.txt").read_text().splitlines()
        reads = _READS[vendor]  # what the emulator counts as a read (NX-OS `end`)
        n = len(
            [
                ln
                for ln in script
                if ln.strip()
                and not ln.lstrip().startswith(("!", "#"))
                and not reads.match(" ".join(ln.split()))
            ]
        )
        fab = lab.site.fabrics["A"]

        @settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
        @given(st.integers(min_value=1, max_value=n))
        def check(k: int) -> None:
            sw = lab.switches["A"]
            fail_at(sw, k)
            run = lab.apply("A")
            sw.before_command = None
            verdict = run.fabrics[0].verdict
            assert verdict in ("aborted", "state-unknown", "applied"), (k, verdict)
            assert "ZP855" in _codes(run)  # the failure is reported whatever the verdict
            if isinstance(fab, FosFabric):
                assert verdict == "aborted" and not fab.transactions
            else:
                assert all(v.session is None for v in fab.vsans.values())
                assert fab.da_session is None
            if verdict == "aborted":
                assert lab.snapshot("A") == before and run.exit_code == 4
            elif verdict == "applied":  # only when what failed came after the commit
                assert run.exit_code == 1 and "after the commit" in run.fabrics[0].state
            else:
                assert run.exit_code == 5 and "neither as before" in run.fabrics[0].state
            if lab.snapshot("A") != before:
                _restore(lab, before_state)  # the next case starts from the state before

        before_state = lab.copy_state()["A"]
        check()


def _restore(lab: ApplyLab, state) -> None:  # noqa: ANN001
    """Put fabric A back as it was (the oracle object the switch serves is kept)."""
    fab = lab.site.fabrics["A"]
    fab.__dict__.update(copy.deepcopy(state).__dict__)


def test_a_fos_without_the_force_option_is_asked_and_answered_from_pack_data(tmp_path):
    """FOS older than `cfgenable -f` (7.4.2c, facts section 5): the script ends with the
    prompting `cfgenable "CFG"`; apply answers the question with the pack's answer (y, on the
    exec channel's stdin, as Brocade's cinder driver does) and nothing else."""
    with ApplyLab(tmp_path, "brocade", site_kw={"firmware": "7.4.1"}) as lab:
        lab.plan(inv=lab.inventory_data(firmware="7.4.1"))
        script = (lab.out / "A" / "A.script.txt").read_text()
        assert 'cfgenable "PROD_A"\n' in script  # the interactive form
        run = lab.apply("A")
        assert [r.verdict for r in run.fabrics] == ["applied"], [
            f.parsable() for f in run.all_findings()
        ]
        transcript = (_record(run) / "transcript.txt").read_text()
        assert "Do you want to enable 'PROD_A' configuration" in transcript
        assert "(answered 'y')" in transcript


def test_an_unknown_host_key_sends_nothing(tmp_path):
    with ApplyLab(tmp_path, "cisco") as lab:
        lab.plan()
        lab.known_hosts.write_text("")
        run = lab.apply("A")
        assert [r.verdict for r in run.fabrics] == ["unreadable"] and run.exit_code == 3
        assert lab.switches["A"].received == []  # the password was never sent either
        assert "ZP704" in _codes(run)  # host key unknown


def test_a_run_killed_mid_change_is_named_by_the_next_run(tmp_path):
    """A run killed between commands leaves verdict.json `in-progress` (written before the
    first change command) and its transaction open: the next run refuses and names it."""
    with ApplyLab(tmp_path, "brocade") as lab:
        lab.plan()
        fab = lab.site.fabrics["A"]
        assert isinstance(fab, FosFabric)
        killed = lab.out / "A" / "apply-20260101T000000.000000Z"
        killed.mkdir(parents=True)
        (killed / "verdict.json").write_text(
            json.dumps(
                {
                    "fabric": "A",
                    "verdict": "in-progress",
                    "user": "admin",
                    "open": [
                        {"name": "zoning transaction", "finish": "run cfgtransabort as admin"}
                    ],
                }
            )
        )
        from tests.support.oracle import run_script

        run_script(fab.session("admin"), 'alicreate "half", "10:00:00:00:00:00:99:01"\n')
        run = lab.apply("A")
        busy = [f for f in run.all_findings() if f.code == "ZP853"]
        assert busy and str(killed) in busy[0].message and "in-progress" in busy[0].message
        assert busy[0].hint == "run cfgtransabort as admin"
        assert lab.switches["A"].changes() == []


def test_the_inventory_is_found_where_plan_json_says_even_after_the_folders_moved(tmp_path):
    """`zoneplan apply chg/ --fabric A`: plan.json names its inventory relative to the change
    folder; moving both together keeps them paired, and the content hash still guards it."""
    with ApplyLab(tmp_path, "cisco") as lab:
        lab.plan()
        assert lab.inventory is not None
        plan = json.loads((lab.out / "plan.json").read_text())
        assert not Path(plan["inventory_file"]).is_absolute()
        assert (lab.out / plan["inventory_file"]).resolve() == lab.inventory.resolve()
        code, doc, _ = lab.zoneplan("apply", str(lab.out), "--fabric", "A", "--dry-run")
        assert code == 0 and doc["fabrics"][0]["verdict"] == "dry-run", doc
        # without the file plan.json names: a coded refusal naming the flag, nothing sent
        lab.inventory.rename(lab.inventory.with_suffix(".moved"))
        code, doc, _ = lab.zoneplan("apply", str(lab.out), "--fabric", "A", "--yes")
        refused = [f for f in doc["findings"] if f["code"] == "ZP850"]
        assert code == 2 and refused and "--inventory" in refused[0]["hint"], doc
        assert lab.switches["A"].changes() == []
