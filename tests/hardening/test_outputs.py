"""The safe writer: nothing the user had is lost, nothing is written outside the output folder.

Issue 14 (files): writes through dangling symlinks (``plan``, ``import -o``, ``hosts config``,
with and without ``--force``); half-written output (a fabric folder name taken by a file:
scripts written, no plan.json, a traceback); bad output paths (an existing folder, a
non-folder parent, a missing parent) gave tracebacks with exit 1. Each is reproduced through
the CLI here, plus the library's own rules (:mod:`zoneplan.outputs`).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support.paths import FIXTURES, SAMPLES
from zoneplan.cli import app
from zoneplan.outputs import (
    OutputError,
    Written,
    check_outputs,
    remove_outputs,
    safe_name,
    write_output,
    write_outputs,
)

runner = CliRunner()
SAMPLE = SAMPLES / "euronas-cluster.yaml"


def _tree(root: Path) -> dict[str, str]:
    """Every entry under ``root`` (links not followed) → what it is, for before/after checks."""
    out = {}
    for dirpath, dirs, files in os.walk(root):
        for name in dirs + files:
            p = Path(dirpath) / name
            st = p.lstat()
            kind = "link" if stat.S_ISLNK(st.st_mode) else "dir" if p.is_dir() else "file"
            out[str(p.relative_to(root))] = kind + (
                ":" + p.read_text(errors="replace") if kind == "file" else ""
            )
    return out


# --------------------------------------------------------------------------- the library


def test_all_targets_are_checked_before_any_is_written(tmp_path):
    (tmp_path / "B").write_text("a file where a folder is needed")
    before = _tree(tmp_path)
    with pytest.raises(OutputError, match="B: is a file, where a folder is needed"):
        write_outputs(tmp_path, {"A/A.txt": "x", "B/B.txt": "y", "plan.json": "{}"})
    assert _tree(tmp_path) == before


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("dangling", [False, True])
def test_a_link_at_a_target_is_never_written_through(tmp_path, force, dangling):
    outside = tmp_path / "outside.txt"
    if not dangling:
        outside.write_text("precious")
    out = tmp_path / "out"
    out.mkdir()
    (out / "plan.json").symlink_to(outside)
    with pytest.raises(OutputError, match="symbolic link"):
        write_outputs(out, {"plan.json": "new"}, force=force)
    with pytest.raises(OutputError, match="symbolic link"):
        write_output(out / "plan.json", "new", force=force)
    assert outside.exists() != dangling
    if not dangling:
        assert outside.read_text() == "precious"


def test_a_linked_sub_folder_is_never_followed(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "A").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(OutputError, match="A: is a symbolic link"):
        write_outputs(out, {"A/A.script.txt": "x"})
    assert list(elsewhere.iterdir()) == []


def test_special_files_and_folders_at_a_target_are_refused(tmp_path):
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "dir").mkdir()
    with pytest.raises(OutputError, match="FIFO"):
        write_outputs(tmp_path, {"fifo": "x"})
    with pytest.raises(OutputError, match="is a folder"):
        write_output(tmp_path / "dir", "x")


def test_a_single_file_gets_its_folders_but_never_under_a_file(tmp_path):
    """Output folders are created as needed (issue 15); a file on the way is refused."""
    assert write_output(tmp_path / "no" / "such" / "x.yaml", "x").status is Written.CREATED
    (tmp_path / "f").write_text("")
    with pytest.raises(OutputError, match="not a folder"):
        write_output(tmp_path / "f" / "x.yaml", "x")
    with pytest.raises(OutputError, match="not a folder"):
        write_output(tmp_path / "f" / "deeper" / "x.yaml", "x")
    assert (tmp_path / "f").read_text() == ""


def test_output_folder_under_a_file_is_refused(tmp_path):
    (tmp_path / "f").write_text("")
    with pytest.raises(OutputError, match="not a folder"):
        write_outputs(tmp_path / "f" / "out", {"x": "y"})


def test_conflicts_unchanged_backup_refuse_force(tmp_path):
    p = tmp_path / "x.txt"
    assert write_output(p, "one").status is Written.CREATED
    os.utime(p, (1, 1))
    assert write_output(p, "one").status is Written.UNCHANGED
    assert p.stat().st_mtime == 1  # an unchanged file is not touched
    r = write_output(p, "two", conflict="backup")
    assert r.status is Written.UPDATED and r.backup == tmp_path / "x.txt.bak"
    assert (tmp_path / "x.txt.bak").read_text() == "one"
    r = write_output(p, "three", conflict="backup")
    assert r.backup == tmp_path / "x.txt.bak.1"
    assert write_output(p, "four", conflict="refuse").status is Written.KEPT
    assert p.read_text() == "three"
    assert write_output(p, "four", conflict="refuse", force=True).status is Written.OVERWRITTEN
    assert p.read_text() == "four"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["x.txt", "x.txt.bak", "x.txt.bak.1"]


def test_private_outputs_are_0700_and_0600_whatever_the_umask(tmp_path):
    old = os.umask(0)
    try:
        write_outputs(tmp_path / "cap", {"sw1/cfgshow.txt": "x"}, private=True)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "cap").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "cap" / "sw1").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "cap" / "sw1" / "cfgshow.txt").stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "name", ["", ".", "..", "a/b", "a\\b", "a\nb", "a\x1b[2J", "a\u2028b", "x\0", "é" * 200]
)
def test_names_that_are_not_one_plain_folder_name_are_refused(name):
    with pytest.raises(OutputError):
        safe_name(name)


def test_names_escaping_the_root_are_refused(tmp_path):
    for name in ("../x", "/etc/x", "a/../../x", "a//b"):
        with pytest.raises(OutputError):
            check_outputs(tmp_path, [name])


def test_remove_outputs_removes_only_regular_files_never_through_links(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "cfgshow.txt").write_text("theirs")
    out = tmp_path / "out"
    (out / "sw1").mkdir(parents=True)
    (out / "sw1" / "cfgshow.txt").write_text("ours")
    (out / "sw1" / "notes.txt").write_text("the user's")
    (out / "sw2").symlink_to(outside, target_is_directory=True)
    (out / "sw1" / "link.txt").symlink_to(outside / "cfgshow.txt")
    gone = remove_outputs(
        out, ["sw1/cfgshow.txt", "sw2/cfgshow.txt", "sw1/link.txt", "../outside/cfgshow.txt"]
    )
    assert gone == ["sw1/cfgshow.txt"]
    assert (outside / "cfgshow.txt").read_text() == "theirs"
    assert (out / "sw1" / "notes.txt").exists() and (out / "sw1" / "link.txt").is_symlink()


# --------------------------------------------------------------------------- through the CLI


def test_plan_with_a_fabric_folder_taken_by_a_file_writes_nothing_and_exits_2(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "B").write_text("not a folder")
    r = runner.invoke(app, ["plan", str(SAMPLE), "--out", str(out), "--greenfield"])
    assert r.exit_code == 2, r.output
    assert "nothing written" in r.output and "B" in r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)
    assert sorted(p.name for p in out.iterdir()) == ["B"]


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_no_command_writes_through_a_dangling_link(tmp_path, force):
    outside = tmp_path / "outside"
    # plan: plan.json is a dangling link
    out = tmp_path / "plan"
    out.mkdir()
    (out / "plan.json").symlink_to(outside / "plan.json")
    r = runner.invoke(app, ["plan", str(SAMPLE), "--out", str(out), "--greenfield", *force])
    assert r.exit_code == 2 and "symbolic link" in r.output, r.output
    # import -o
    link = tmp_path / "draft.yaml"
    link.symlink_to(outside / "draft.yaml")
    cap = FIXTURES / "captures" / "brocade-fos"
    r = runner.invoke(app, ["import", str(cap), "-o", str(link), *force])
    assert r.exit_code == 2 and "symbolic link" in r.output, r.output
    # hosts config --out
    hosts = tmp_path / "hosts"
    hosts.mkdir()
    (hosts / "hh-lnx01-multipath.conf").symlink_to(outside / "mp.conf")
    (hosts / "esx01-esxcli.sh").symlink_to(outside / "esx.sh")
    r = runner.invoke(app, ["hosts", "config", str(SAMPLE), "--out", str(hosts), *force])
    assert r.exit_code == 2, r.output
    # cabling -o
    html = tmp_path / "c.html"
    html.symlink_to(outside / "c.html")
    r = runner.invoke(app, ["cabling", str(SAMPLE), "-o", str(html), *force])
    assert r.exit_code == 2 and "symbolic link" in r.output, r.output
    assert not outside.exists()


@pytest.mark.parametrize(
    ("command", "where"),
    [
        (["sample", "--hosts", "2", "-o"], "folder"),
        (["import", str(FIXTURES / "captures" / "brocade-fos"), "-o"], "folder"),
        (["cabling", str(SAMPLE), "-o"], "folder"),
        (["sample", "--hosts", "2", "-o"], "file/x.yaml"),
        (["import", str(FIXTURES / "captures" / "brocade-fos"), "-o"], "file/x.yaml"),
        (["cabling", str(SAMPLE), "-o"], "file/x.html"),
        # a missing folder is created (issue 15), but never below a file
        (["sample", "--hosts", "2", "-o"], "file/missing/x.yaml"),
        (["import", str(FIXTURES / "captures" / "brocade-fos"), "-o"], "file/missing/x.yaml"),
        (["cabling", str(SAMPLE), "-o"], "file/missing/x.html"),
        (["plan", str(SAMPLE), "--greenfield", "--out"], "file"),
        (["plan", str(SAMPLE), "--greenfield", "--out"], "file/sub"),
        (["hosts", "config", str(SAMPLE), "--out"], "file"),
    ],
)
def test_bad_output_paths_exit_2_with_a_message(tmp_path, command, where):
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("keep me")
    before = _tree(tmp_path)
    r = runner.invoke(app, [*command, str(tmp_path / where)])
    assert r.exit_code == 2, r.output
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert r.output.strip() and "Traceback" not in r.output, r.output
    assert _tree(tmp_path) == before
