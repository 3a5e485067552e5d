"""Capture folders are data: nothing in one is followed, opened forever or read without limit.

Issue 14 (files): symlinks in capture folders were followed and the target's lines echoed in
findings (a link to a root-only file leaked it); ``/dev/urandom``, ``/dev/zero``, FIFOs,
1,100-level nesting and symlink loops gave MemoryError, hangs, RecursionError or exponential
walks. Every case runs through ``zoneplan audit --capture`` (and ``import``) under an alarm,
so a hang fails the test instead of stalling the suite.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

import zoneplan.parsers.capture as capture
from tests.support.paths import FIXTURES
from zoneplan.cli import app
from zoneplan.parsers.capture import read_captures

runner = CliRunner()
CFGSHOW = (FIXTURES / "captures" / "brocade-fos" / "cfgshow" / "empty.txt").read_text()
SECRET = "root:$6$SECRETHASH:19000:0:99999:7:::"


pytestmark = pytest.mark.usefixtures("hang_guard")


def _audit(*paths: Path) -> tuple[int, dict, str]:
    args = ["audit", "--format", "json"] + sum((["--capture", str(p)] for p in paths), [])
    r = runner.invoke(app, args)
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    return r.exit_code, json.loads(r.stdout), r.output


def _codes(doc: dict) -> list[str]:
    return [f["code"] for f in doc["findings"]]


def test_a_link_to_a_file_outside_is_skipped_and_never_echoed(tmp_path):
    secret = tmp_path / "shadow"
    secret.write_text(SECRET + "\n" + "cfg:\tleak\tz1\n")
    os.chmod(secret, 0o600)
    sw = tmp_path / "cap" / "sw1"
    sw.mkdir(parents=True)
    (sw / "cfgshow.txt").symlink_to(secret)
    (sw / "nsshow.txt").symlink_to(tmp_path / "dangling")
    code, doc, out = _audit(tmp_path / "cap")
    assert SECRET not in out and "SECRETHASH" not in out and "leak" not in out
    assert _codes(doc).count("ZP040") == 2


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_linked_or_named_are_never_read(tmp_path, device):
    if not Path(device).exists():
        pytest.skip(f"{device} is absent")
    sw = tmp_path / "cap" / "sw1"
    sw.mkdir(parents=True)
    (sw / "cfgshow.txt").symlink_to(device)
    code, doc, _ = _audit(tmp_path / "cap")
    assert "ZP040" in _codes(doc)
    code, doc, _ = _audit(Path(device))  # named on the command line: followed, not read
    assert "ZP040" in _codes(doc)


def test_a_fifo_never_blocks(tmp_path):
    sw = tmp_path / "cap" / "sw1"
    sw.mkdir(parents=True)
    os.mkfifo(sw / "cfgshow.txt")
    (sw / "cfgtransshow.txt").write_text("There is no outstanding zoning transaction\n")
    code, doc, _ = _audit(tmp_path / "cap")
    assert "ZP040" in _codes(doc)
    code, doc, _ = _audit(sw / "cfgshow.txt")
    assert "ZP040" in _codes(doc)


def test_deep_nesting_is_cut_without_recursion(tmp_path):
    # the attack nested 1,100 levels (RecursionError); the walk is iterative and stops at
    # MAX_CAPTURE_DEPTH, so 200 levels prove it (and pytest's own clean-up, which recurses,
    # can still remove the tree: /tmp/pytest-of-<user> is shared by every run)
    d = tmp_path / "cap"
    for _ in range(200):
        d = d / "d"
    d.mkdir(parents=True)
    (d / "cfgshow.txt").write_text(CFGSHOW)
    code, doc, _ = _audit(tmp_path / "cap")
    assert _codes(doc).count("ZP042") == 1


def test_symlink_loops_are_not_walked(tmp_path):
    cap = tmp_path / "cap"
    a = cap / "a"
    a.mkdir(parents=True)
    for k in range(8):  # 8 links to the parent in every folder: 8**depth paths if followed
        (a / f"l{k}").symlink_to(cap, target_is_directory=True)
    (a / "self").symlink_to(a, target_is_directory=True)
    (a / "cfgshow.txt").write_text(CFGSHOW)
    states, findings = read_captures([cap])
    assert [f.code for f in findings].count("ZP040") == 9
    assert list(states) == ["a"]


def test_a_file_over_the_size_cap_is_not_read(tmp_path):
    sw = tmp_path / "cap" / "sw1"
    sw.mkdir(parents=True)
    big = sw / "cfgshow.txt"
    with open(big, "wb") as f:  # sparse: no disk used
        f.truncate(capture.MAX_CAPTURE_FILE_BYTES + 1)
    code, doc, _ = _audit(tmp_path / "cap")
    assert "ZP041" in _codes(doc)


def test_too_many_entries_stop_the_walk(tmp_path, monkeypatch):
    monkeypatch.setattr(capture, "MAX_CAPTURE_ENTRIES", 50)
    cap = tmp_path / "cap"
    for k in range(30):
        d = cap / f"sw{k:02d}"
        d.mkdir(parents=True)
        (d / "cfgtransshow.txt").write_text("There is no outstanding zoning transaction\n")
    states, findings = read_captures([cap])
    assert [f.code for f in findings].count("ZP042") == 1
    assert 0 < len(states) < 30


@pytest.mark.parametrize(
    "name", ["x\ncfgclear\ncfgsave\n#", "sw\x1b]0;pwned\x07", "a\u2028b", "-rf", "$(reboot)"]
)
def test_hostile_folder_names_are_read_and_shown_escaped(tmp_path, name):
    sw = tmp_path / "cap" / name
    sw.mkdir(parents=True)
    (sw / "cfgshow.txt").write_text(CFGSHOW)
    for fmt in ("text", "parsable"):
        r = runner.invoke(app, ["audit", "--capture", str(tmp_path / "cap"), "--format", fmt])
        assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
        assert "\x1b" not in r.output and "\x07" not in r.output and "\u2028" not in r.output
        assert not any(line == "cfgclear" for line in r.output.splitlines())
