"""mypy over ``zoneplan/`` against a baseline of known errors that may only shrink.

Why a baseline: the package grew without a type checker; fixing every error at once would be
a large change of its own. ``mypy-baseline.txt`` lists the errors of the day (file, code and
message, without line numbers, so that edits elsewhere in a file do not disturb it). This
script fails when mypy reports an error the baseline does not hold (new code must type-check)
and when the baseline holds an error that is gone (record the shrink, so it cannot come back
unnoticed): ``make typecheck`` checks, ``make typecheck-baseline`` records a shrink and refuses
to record growth.

Why mypy rather than pyright: it installs from PyPI as a Python package (pyright needs a Node
runtime fetched at install time), and its pydantic plugin understands the models' generated
``__init__``; the configuration is ``[tool.mypy]`` in pyproject.toml.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BASELINE = REPO / "mypy-baseline.txt"
_ERROR = re.compile(
    r"^(?P<path>[^:\s]+\.py):(?P<line>\d+): error: (?P<msg>.*?)(?:  \[(?P<code>[a-z-]+)\])?$"
)


def key(path: str, code: str | None, message: str) -> str:
    """An error as the baseline spells it: no line numbers, here or inside the message, and
    the members of every union in a quoted type sorted (mypy prints them in an order that may
    change from one run to the next, e.g. the members of an enum's ``Literal``)."""
    message = re.sub(r"\bline \d+\b", "line #", message)
    message = re.sub(r'"([^"]*)"', lambda m: f'"{_sorted_unions(m[1])}"', message)
    return f"{path}: [{code or 'misc'}] {message}"


def _sorted_unions(text: str) -> str:
    """``B | A`` → ``A | B`` at every bracket depth, and the members of a ``Literal[...]``."""
    try:
        items, rest = _items(text, 0)
    except IndexError:
        return text
    return ", ".join(items) + text[rest:] if rest < len(text) else ", ".join(items)


def _items(text: str, i: int) -> tuple[list[str], int]:
    """Comma-separated unions from ``i`` to the closing bracket (or the end)."""
    items: list[str] = []
    while True:
        union, i = _union(text, i)
        items.append(union)
        if i < len(text) and text[i] == ",":
            i += 1
            while i < len(text) and text[i] == " ":
                i += 1
            continue
        return items, i


def _union(text: str, i: int) -> tuple[str, int]:
    terms: list[str] = []
    while True:
        start = i
        while i < len(text) and text[i] not in "[],|":
            i += 1
        term = text[start:i].strip()
        if i < len(text) and text[i] == "[":
            args, i = _items(text, i + 1)
            i += 1  # the closing bracket
            if term.endswith("Literal"):
                args = sorted(args)
            term += "[" + ", ".join(args) + "]"
        terms.append(term)
        while i < len(text) and text[i] == " ":
            i += 1
        if i < len(text) and text[i] == "|":
            i += 1
            continue
        return " | ".join(sorted(terms) if len(terms) > 1 else terms), i


def parse(output: str) -> tuple[Counter[str], dict[str, list[str]]]:
    """mypy's output → counted baseline keys, and each key's ``file:line`` places."""
    counts: Counter[str] = Counter()
    where: dict[str, list[str]] = {}
    for line in output.splitlines():
        m = _ERROR.match(line)
        if m:
            k = key(m["path"], m["code"], m["msg"])
            counts[k] += 1
            where.setdefault(k, []).append(f"{m['path']}:{m['line']}")
    return counts, where


def read_baseline(path: Path = BASELINE) -> Counter[str]:
    if not path.exists():
        return Counter()
    return Counter(_normal(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip())


def _normal(line: str) -> str:
    """A baseline line in today's spelling (written before unions were sorted, or by hand)."""
    m = re.match(r"^(?P<path>\S+): \[(?P<code>[a-z-]+)\] (?P<msg>.*)$", line)
    return key(m["path"], m["code"], m["msg"]) if m else line


def compare(got: Counter[str], base: Counter[str]) -> tuple[Counter[str], Counter[str]]:
    """(new errors, errors the baseline holds that are gone)."""
    return got - base, base - got


def run_mypy() -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(REPO / "build" / "mypy-cache")],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    if proc.returncode not in (0, 1) or "error: " not in proc.stdout and proc.returncode:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(2)
    return proc.stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    ap.add_argument("--update", action="store_true", help="record a shrink of the baseline")
    args = ap.parse_args(argv)
    got, where = parse(run_mypy())
    base = read_baseline()
    new, gone = compare(got, base)
    if args.update and not BASELINE.exists():
        new = Counter()  # the first baseline: today's errors
    if new:
        print(f"mypy: {sum(new.values())} new type error(s) (the baseline may only shrink):")
        for k in sorted(new):
            print(f"  {', '.join(where[k][-new[k] :])}: {k.split(': ', 1)[1]}")
        return 1
    if gone and not args.update:
        print(
            f"mypy: {sum(gone.values())} baseline error(s) fixed; record it: make typecheck-baseline"
        )
        for k in sorted(gone):
            print(f"  {k}")
        return 1
    if args.update:
        BASELINE.write_text("".join(f"{k}\n" for k in sorted(got.elements())), encoding="utf-8")
        print(f"mypy: baseline now {sum(got.values())} error(s) (was {sum(base.values())})")
        return 0
    print(f"mypy: {sum(got.values())} known error(s), none new")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
