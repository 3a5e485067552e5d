"""The lab a :class:`~zoneplan.rules.examples.Run` example runs in, and the faults it stages.

A lab is a folder under the test's tmp folder: ``lab/`` (the working directory, holding
``inventory.yaml`` and the example's files) and ``home/`` (``$HOME``, so ``~/`` paths and
``~/.config/zoneplan/credentials.yaml`` resolve there and never in the real home). The
command line runs through the real CLI (``typer``'s runner, in this process) with
``--format json``; the codes are read from its findings.

Faults are named in examples (``fault="parser-crash"``) and staged here: :data:`FAULTS` maps
each name to a context manager that sets it up for the duration of the example.
"""

from __future__ import annotations

import json
import os
import shlex
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, ContextManager, Iterator

from zoneplan.rules import examples as ex

__all__ = ["FAULTS", "LabError", "run_command", "staged"]


class LabError(AssertionError):
    """An example the lab cannot run as written (an unknown fault, output that is not JSON)."""


@contextmanager
def _parser_crash(tmp: Path) -> Iterator[None]:
    """Every parser of saved switch output raises: what a bug in one would do."""
    from zoneplan import parsers

    saved = dict(parsers.PARSERS)

    def crash(text: str, source: str):  # noqa: ANN202
        raise RuntimeError("staged parser bug")

    try:
        for name in saved:
            parsers.PARSERS[name] = crash
        yield
    finally:
        parsers.PARSERS.clear()
        parsers.PARSERS.update(saved)


def _planner_drops(role: str):  # noqa: ANN202
    """The planner leaves the first client zone without its ``role`` members (a bug the
    independent plan checks must catch; no inventory makes the real planner do it)."""

    @contextmanager
    def stage(tmp: Path) -> Iterator[None]:
        from zoneplan.plan.model import ZoneKind
        from zoneplan.workflows import plan as workflow

        real = workflow.build_plan

        def buggy(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            plan = real(*args, **kwargs)
            zone = next(z for fp in plan.fabrics for z in fp.zones if z.kind is ZoneKind.CLIENT)
            zone.members = [m for m in zone.members if m.role is None or m.role.value != role]
            return plan

        workflow.build_plan = buggy
        try:
            yield
        finally:
            workflow.build_plan = real

    return stage


@contextmanager
def _nothing(tmp: Path) -> Iterator[None]:
    yield


#: fault name → how to stage it (a context manager over the example's tmp folder)
FAULTS: dict[str, Callable[[Path], ContextManager[None]]] = {
    "": _nothing,
    "parser-crash": _parser_crash,
    "planner-drops-initiators": _planner_drops("initiator"),
    "planner-drops-targets": _planner_drops("target"),
}


def staged(fault: str, tmp: Path) -> ContextManager[None]:
    """The fault ``fault`` in place while the example runs (nothing for ``""``)."""
    try:
        return FAULTS[fault](tmp)
    except KeyError:
        raise LabError(f"no such staged fault {fault!r}; known: {sorted(FAULTS)}") from None


@contextmanager
def _cwd(path: Path) -> Iterator[None]:
    old = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def _setup(example: ex.Run, tmp: Path) -> tuple[Path, Path]:
    from .examples import inventory_text

    lab, home = tmp / "lab", tmp / "home"
    lab.mkdir()
    home.mkdir()
    (lab / "inventory.yaml").write_text(
        inventory_text(example.patch, example.base), encoding="utf-8"
    )
    for name, text in example.files.items():
        path = home / name[2:] if name.startswith("~/") else lab / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        os.chmod(path, example.modes.get(name, 0o600))
    return lab, home


def run_command(example: ex.Run, tmp: Path) -> set[tuple[str, str]]:
    """Run the example's ``zoneplan ...`` command line in a lab; (code, severity) of each
    finding it reported."""
    from typer.testing import CliRunner

    from zoneplan.cli import app

    argv = shlex.split(example.command)
    if not argv or argv[0] != "zoneplan":
        raise LabError(f"a Run example is a zoneplan command line, not {example.command!r}")
    args = argv[1:]
    if "--format" not in args and "-f" not in args:
        args += ["--format", "json"]
    lab, home = _setup(example, tmp)
    # nothing of the developer's own configuration: no ZONEPLAN_* variable, another $HOME
    env: dict[str, str | None] = {k: None for k in os.environ if k.startswith("ZONEPLAN_")}
    env.update({"HOME": str(home), "XDG_CONFIG_HOME": None, "NO_COLOR": "1"})
    env.update(example.env)
    with _cwd(lab):
        result = CliRunner().invoke(app, args, env=env, catch_exceptions=False)
    out = result.stdout
    start = out.find("{")
    try:
        doc = json.loads(out[start:]) if start >= 0 else None
    except json.JSONDecodeError:
        doc = None
    if not isinstance(doc, dict) or "findings" not in doc:
        raise LabError(
            f"`{example.command}` printed no JSON findings (exit {result.exit_code}):\n{out}"
        )
    return {(f["code"], f["severity"]) for f in doc["findings"]}
