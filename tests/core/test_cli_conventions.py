"""One CLI convention, through the commands as users run them: no wrapping in pipes, one
``--force`` rule for every command that writes, output folders created, bad output paths exit
2, shell completion, help without Python types and with an example."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from tests.support.paths import FIXTURES, SAMPLES
from zoneplan.cli import app

runner = CliRunner()
SAMPLE = SAMPLES / "euronas-cluster.yaml"
CAPTURES = FIXTURES / "captures" / "brocade-fos"
#: the installed console script (completion is keyed by the program name)
ZONEPLAN = [str(Path(sys.executable).with_name("zoneplan"))]
#: typer's switch for naming the shell instead of detecting the one running the tests
NAMED_SHELL = {"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}


def _zoneplan(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None):
    """The real program in a pipe (stdout is not a terminal)."""
    return subprocess.run(
        [*ZONEPLAN, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        timeout=120,
    )


# -- output width -----------------------------------------------------------------------------


def test_output_to_a_pipe_is_not_wrapped(tmp_path):
    data = yaml.safe_load(SAMPLE.read_text())
    data["switches"][1]["domain_id"] = 1  # ZP104, with a long message and hint
    long_dir = tmp_path / ("a-folder-name-that-makes-every-location-long-" * 3)
    long_dir.mkdir()
    inv = long_dir / "site.yaml"
    inv.write_text(yaml.safe_dump(data, sort_keys=False))
    r = _zoneplan("validate", str(inv), env={"COLUMNS": "80"})
    assert r.returncode == 1, r.stderr
    lines = r.stdout.splitlines()
    assert str(inv) in lines  # the file header on one line
    (clash,) = [ln for ln in lines if "ZP104" in ln]
    assert "already used by sw-a1 on fabric A" in clash and "(domain-id-clash)" in clash
    assert max(len(ln) for ln in lines) > 100


# -- the one --force rule ---------------------------------------------------------------------

#: every command that writes files: (arguments before the output, the output option, the
#: target, a file it writes there)
WRITERS = [
    (["plan", str(SAMPLE), "--greenfield"], "--out", "plan", "plan.json"),
    (["cabling", str(SAMPLE), "--date", "2026-01-01"], "-o", "cabling.html", ""),
    (["hosts", "config", str(SAMPLE)], "--out", "hosts", "lnx01-multipath.conf"),
    (["import", str(CAPTURES)], "-o", "draft.yaml", ""),
    (["sample", "--hosts", "3"], "-o", "site.yaml", ""),
    (["schema", "--write"], "--dir", "schemas", "inventory.schema.json"),
]


@pytest.mark.parametrize(("before", "option", "target", "inside"), WRITERS)
def test_one_force_rule_for_every_command_that_writes(tmp_path, before, option, target, inside):
    out = tmp_path / "new" / "folder" / target  # folders are created as needed
    args = [*before, option, str(out)]
    first = runner.invoke(app, args)
    assert first.exit_code in (0, 1), first.output
    written = out / inside if inside else out
    assert written.is_file()
    again = runner.invoke(app, args)
    assert again.exit_code == first.exit_code and "unchanged" in again.output, again.output
    # somebody's edit: nothing is written without --force, every such file is named
    written.write_text("someone's edit\n")
    stamp = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}
    r = runner.invoke(app, args)
    assert r.exit_code == 2, r.output
    assert written.name in r.output and "--force" in r.output and "Traceback" not in r.output
    assert written.read_text() == "someone's edit\n"
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()} == stamp
    # --force replaces it and keeps the old content as NAME.bak
    r = runner.invoke(app, [*args, "--force"])
    assert r.exit_code == first.exit_code, r.output
    assert written.read_text() != "someone's edit\n"
    assert written.with_name(written.name + ".bak").read_text() == "someone's edit\n"


@pytest.mark.parametrize(("before", "option", "target", "inside"), WRITERS)
def test_an_unusable_output_path_is_exit_2_with_a_message(tmp_path, before, option, target, inside):
    blocker = tmp_path / "a-file"
    blocker.write_text("keep me")
    r = runner.invoke(app, [*before, option, str(blocker / "below" / target)])
    assert r.exit_code == 2, r.output
    assert "a-file" in r.output and "not a folder" in r.output and "Traceback" not in r.output
    assert blocker.read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_a_folder_where_the_file_goes_is_exit_2(tmp_path):
    (tmp_path / "plan.json").mkdir()
    r = runner.invoke(app, ["plan", str(SAMPLE), "--out", str(tmp_path), "--greenfield"])
    assert r.exit_code == 2 and "plan.json" in r.output and "folder" in r.output
    assert not (tmp_path / "A").exists()  # every target is checked before any is written


# -- completion and help ----------------------------------------------------------------------


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_completion_prints_the_script(shell):
    r = _zoneplan("--show-completion", shell, env=NAMED_SHELL)
    assert r.returncode == 0, r.stderr
    assert "_ZONEPLAN_COMPLETE" in r.stdout
    assert {"bash": "complete -o", "zsh": "#compdef zoneplan", "fish": "complete --command"}[
        shell
    ] in r.stdout


def test_completion_completes_commands_and_options():
    r = _zoneplan(
        env={"_ZONEPLAN_COMPLETE": "complete_bash", "COMP_WORDS": "zoneplan va", "COMP_CWORD": "1"}
    )
    assert r.stdout.split() == ["validate"], (r.stdout, r.stderr)
    r = _zoneplan(
        env={
            "_ZONEPLAN_COMPLETE": "complete_bash",
            "COMP_WORDS": "zoneplan audit --fab",
            "COMP_CWORD": "2",
        }
    )
    assert r.stdout.split() == ["--fabric"], (r.stdout, r.stderr)


def test_install_completion_writes_to_the_users_shell_files(tmp_path):
    r = _zoneplan("--install-completion", "bash", env={"HOME": str(tmp_path), **NAMED_SHELL})
    assert r.returncode == 0, r.stderr
    script = tmp_path / ".bash_completions" / "zoneplan.sh"
    assert "_ZONEPLAN_COMPLETE" in script.read_text()
    assert str(script) in (tmp_path / ".bashrc").read_text()


COMMANDS = [
    ["validate"],
    ["plan"],
    ["audit"],
    ["collect"],
    ["import"],
    ["cabling"],
    ["sample"],
    ["schema"],
    ["rules"],
    ["hosts", "config"],
    ["hosts", "verify"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_shows_no_python_types_and_one_example(command):
    r = runner.invoke(app, [*command, "--help"])
    assert r.exit_code == 0
    text = r.output
    for internal in ("<bool>", "<str>", "<path>", "<int>", "<float>", "list[", "{"):
        assert internal not in text, (internal, text)
    assert text.count("Example:") == 1
    assert f"zoneplan {' '.join(command)} " in text.split("Example:", 1)[1]


def test_top_level_help_lists_completion_options():
    r = runner.invoke(app, ["--help"])
    assert "--install-completion" in r.output and "--show-completion" in r.output
    assert "<bool>" not in r.output


# -- policy in the host check -----------------------------------------------------------------


def test_policy_applies_to_hosts_verify(tmp_path):
    from tests.hosts.conftest import TINY
    from tests.hosts.test_hosts_cli import SEED_LIKE_HEALTHY

    mpll = tmp_path / "mpll.txt"
    mpll.write_text(SEED_LIKE_HEALTHY.replace("hwhandler='1 alua'", "hwhandler='0'"))
    inv = tmp_path / "tiny.yaml"
    args = ["hosts", "verify", str(inv), "--host", "xen01", "--multipath-ll", str(mpll)]
    inv.write_text(TINY)
    r = runner.invoke(app, [*args, "--format", "json"])
    assert r.exit_code == 1 and [f["code"] for f in json.loads(r.output)["findings"]] == ["ZP801"]
    inv.write_text(
        TINY
        + "policy:\n  suppress:\n"
        + '    - {code: ZP801, subject: "*", reason: "old XenServer, ALUA handler later"}\n'
        + '    - {code: ZP201, subject: "*", reason: "validate judges this one"}\n'
    )
    r = runner.invoke(app, [*args, "--format", "json"])
    doc = json.loads(r.output)
    assert r.exit_code == 0, doc
    assert [s["code"] for s in doc["suppressed"]] == ["ZP801"]
    # hosts verify runs no inventory rule: the ZP201 suppression is not called unused here
    assert [f["code"] for f in doc["findings"]] == []
    r = runner.invoke(app, [*args, "--select", "ZP8", "--ignore", "nonsense"])
    assert r.exit_code == 2 and "nonsense" in r.output
