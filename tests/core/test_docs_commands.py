"""The commands the README and the operations page show exist, with the options they use."""

from __future__ import annotations

import re
import shlex

import pytest
import typer

from tests.support.paths import REPO
from zoneplan.cli import app

DOCS = ("README.md", "docs/operations.md")


def _command_lines() -> list[tuple[str, str]]:
    out = []
    for doc in DOCS:
        text = (REPO / doc).read_text(encoding="utf-8")
        for block in re.findall(r"```sh\n(.*?)```", text, re.S):
            joined = block.replace("\\\n", " ")
            for line in joined.splitlines():
                line = line.split("#", 1)[0].strip()
                if line.startswith("zoneplan "):
                    out.append((doc, line.split(">", 1)[0].strip()))
    return out


def _options(words: list[str]) -> tuple[str, set[str]]:
    """The command named by ``words`` and every option it takes."""
    cmd = typer.main.get_command(app)
    path = []
    for w in words:
        sub = getattr(cmd, "commands", {}).get(w)
        if sub is None:
            break
        cmd, path = sub, [*path, w]
    opts = {o for p in cmd.params for o in (*p.opts, *p.secondary_opts) if o.startswith("-")}
    return " ".join(path), opts | {"--help"}


@pytest.mark.parametrize(("doc", "line"), _command_lines())
def test_documented_command_exists_with_its_options(doc, line):
    words = shlex.split(line)[1:]
    name, opts = _options(words)
    assert name, f"{doc}: {line!r} names no zoneplan command"
    used = {w.split("=", 1)[0] for w in words if w.startswith("-")}
    assert used <= opts, f"{doc}: {line!r} uses {sorted(used - opts)}, not options of {name}"


def test_the_docs_show_commands():
    assert len(_command_lines()) >= 15
