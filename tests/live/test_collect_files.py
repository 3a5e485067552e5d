"""``collect`` (and ``audit --live --save``) never lose a file or write outside ``--out``.

Issue 14 (files): ``collect --name ..`` deleted every ``*.txt`` in the parent of ``--out`` and
chmodded it; a symlinked switch folder or ``zoneplan-collect.json`` link redirected deletes
and writes outside; an existing ``<out>/<switch>/`` lost all its ``*.txt``. Every case is run
through the CLI against an emulated switch on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from live_states import PASSWORD, brocade_state
from typer.testing import CliRunner

from tests.support.ssh_switch import EmulatedSwitch, EmulatorThread, outputs_from_state
from zoneplan.cli import app

runner = CliRunner()


@pytest.fixture
def switch(monkeypatch):
    monkeypatch.setenv("ZONEPLAN_ADHOC_USER", "admin")
    monkeypatch.setenv("ZONEPLAN_ADHOC_PASSWORD", PASSWORD)
    sw = EmulatedSwitch(
        "sw1", "brocade", outputs_from_state(brocade_state("sw1")), password=PASSWORD
    )
    with EmulatorThread([sw]):
        yield sw


def _collect(sw: EmulatedSwitch, out: Path, tmp_path: Path, *extra: str):
    return runner.invoke(
        app,
        [
            "collect",
            "--switch",
            f"127.0.0.1:{sw.port}",
            "--vendor",
            "brocade",
            "--out",
            str(out),
            "--accept-new-host-key",
            "--known-hosts",
            str(tmp_path / "known_hosts"),
            "--retries",
            "0",
            "--format",
            "json",
            *extra,
        ],
    )


def _snapshot(root: Path) -> dict[str, tuple[str, int]]:
    out = {}
    for p in sorted(root.rglob("*")):
        st = p.lstat()
        body = p.read_text(errors="replace") if stat.S_ISREG(st.st_mode) else ""
        out[str(p.relative_to(root))] = (body, stat.S_IMODE(st.st_mode))
    return out


@pytest.mark.parametrize("name", ["..", ".", "a/b", "../x", "sw\n1", "sw\x1b[2J"])
def test_switch_names_that_are_not_folder_names_are_refused(switch, tmp_path, name):
    parent = tmp_path / "parent"
    out = parent / "cap"
    out.mkdir(parents=True)
    (parent / "mine.txt").write_text("the user's")
    os.chmod(parent, 0o755)
    before = _snapshot(tmp_path)
    r = _collect(switch, out, tmp_path, "--name", name)
    assert r.exit_code == 2, r.output
    assert "nothing read, nothing written" in r.output
    assert _snapshot(tmp_path) == before  # no delete, no chmod, no file
    assert stat.S_IMODE(parent.stat().st_mode) == 0o755
    assert switch.received == [] and switch.logins == []  # refused before connecting


def test_a_linked_switch_folder_or_manifest_is_refused(switch, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "cfgshow.txt").write_text("not yours")
    out = tmp_path / "cap"
    out.mkdir()
    (out / "sw1").symlink_to(elsewhere, target_is_directory=True)
    r = _collect(switch, out, tmp_path, "--name", "sw1")
    assert r.exit_code == 2 and "symbolic link" in r.output, r.output
    assert (elsewhere / "cfgshow.txt").read_text() == "not yours"
    assert sorted(p.name for p in elsewhere.iterdir()) == ["cfgshow.txt"]
    (out / "sw1").unlink()
    (out / "zoneplan-collect.json").symlink_to(elsewhere / "stolen.json")
    r = _collect(switch, out, tmp_path, "--name", "sw1")
    assert r.exit_code == 2 and "symbolic link" in r.output, r.output
    assert not (elsewhere / "stolen.json").exists()


def test_the_users_files_survive_and_only_zoneplans_own_are_replaced(switch, tmp_path):
    out = tmp_path / "cap"
    (out / "sw1").mkdir(parents=True)
    (out / "sw1" / "notes.txt").write_text("the user's notes")
    r = _collect(switch, out, tmp_path, "--name", "sw1")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert "ZP731" in {f["code"] for f in doc["findings"]}  # the user's file is reported
    assert (out / "sw1" / "notes.txt").read_text() == "the user's notes"
    manifest = json.loads((out / "zoneplan-collect.json").read_text())
    files = manifest["switches"][0]["files"]
    assert "cfgshow.txt" in files and "notes.txt" not in files
    assert stat.S_IMODE((out / "sw1").stat().st_mode) == 0o700
    # a file of an earlier run that this run does not write is removed (no stale output) ...
    some = next(f for f in files if f != "cfgshow.txt")
    (out / "sw1" / some).unlink()
    stale = out / "sw1" / "show_old_command.txt"
    stale.write_text("stale")
    os.chmod(out / "sw1" / "cfgshow.txt", 0o644)
    manifest["switches"][0]["files"].append("show_old_command.txt")
    (out / "zoneplan-collect.json").write_text(json.dumps(manifest))
    r = _collect(switch, out, tmp_path, "--name", "sw1")
    assert r.exit_code == 0, r.output
    assert not stale.exists()
    assert (out / "sw1" / some).exists()
    assert stat.S_IMODE((out / "sw1" / "cfgshow.txt").stat().st_mode) == 0o600
    # ... and the user's file is still there
    assert (out / "sw1" / "notes.txt").read_text() == "the user's notes"


def test_outputs_are_written_and_parsed_off_the_event_loop(switch, tmp_path, monkeypatch):
    """A large output's parse must not block the loop (other switches' timeouts must fire)."""
    import asyncio

    import zoneplan.live.collect as lc

    where: list[bool] = []
    real_observe, real_write = lc._observe, lc._write_capture

    def on_loop() -> bool:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return False
        return True

    def observe(*args):  # noqa: ANN002
        where.append(on_loop())
        return real_observe(*args)

    def write(*args):  # noqa: ANN002
        where.append(on_loop())
        return real_write(*args)

    monkeypatch.setattr(lc, "_observe", observe)
    monkeypatch.setattr(lc, "_write_capture", write)
    r = _collect(switch, tmp_path / "cap", tmp_path, "--name", "sw1")
    assert r.exit_code == 0, r.output
    assert where == [False, False]


@pytest.mark.parametrize(
    ("content", "says"),
    [(b"# mine\n\xff\xfe garbage\n", "line 2 is not UTF-8"), (None, "Is a directory")],
)
def test_a_bad_known_hosts_file_is_named_and_nothing_is_sent(switch, tmp_path, content, says):
    kh = tmp_path / "known_hosts"
    if content is None:
        kh.mkdir()
    else:
        kh.write_bytes(content)
    r = _collect(switch, tmp_path / "cap", tmp_path, "--name", "sw1")
    assert r.exit_code == 3, r.output
    doc = json.loads(r.stdout)
    hits = [f for f in doc["findings"] if f["code"] == "ZP732"]
    assert hits and str(kh) in hits[0]["message"] and says in hits[0]["message"], hits
    assert switch.logins == [] and switch.received == []
    if content is not None:
        assert kh.read_bytes() == content  # never rewritten
