"""The change record: one folder per ``apply`` run, the backup an admin keeps with a ticket.

``CHANGE_DIR/<fabric>/apply-<UTC time>/``: ``before/`` and ``after/`` (the live reads, as
capture folders), ``script.txt`` (the commands sent), ``rollback.txt`` (when it ran),
``transcript.txt`` (every command and answer, secrets redacted), ``verdict.json`` (verdict,
the state the fabric is in, findings, what is left open and how to finish it, timings).
``verdict.json`` is written first as ``in-progress`` before the first change command, so a run
killed mid-change leaves a record the next run finds.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..outputs import write_outputs

__all__ = ["Record", "earlier_runs"]

VERDICT = "verdict.json"


class Record:
    """The folder of one run (created on first write)."""

    def __init__(self, change_dir: Path, fabric: str, now: datetime | None = None) -> None:
        stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S.%fZ")
        base = change_dir / fabric
        folder = base / f"apply-{stamp}"
        n = 1
        while folder.exists():
            folder = base / f"apply-{stamp}-{n}"
            n += 1
        self.folder = folder

    def create(self) -> None:
        """The folder, private (it will hold switch configuration)."""
        write_outputs(self.folder, {}, private=True)

    def path(self, name: str) -> Path:
        return self.folder / name

    def write(self, name: str, data: str | bytes) -> None:
        """Write one file of the record (private: the record holds switch configuration)."""
        # the run's own files: rewritten in place (verdict.json: in-progress, then final)
        write_outputs(self.folder, {name: data}, force=True, conflict="refuse", private=True)

    def verdict(self, doc: dict[str, Any]) -> None:
        self.write(VERDICT, json.dumps(doc, indent=2, sort_keys=False) + "\n")


def earlier_runs(change_dir: Path, fabric: str) -> list[tuple[Path, dict[str, Any]]]:
    """Earlier records of a fabric, oldest first, with their verdict.json (unreadable ones are
    left out)."""
    out: list[tuple[Path, dict[str, Any]]] = []
    base = change_dir / fabric
    if not base.is_dir():
        return out
    for folder in sorted(base.glob("apply-*")):
        path = folder / VERDICT
        if folder.is_symlink() or not path.is_file() or path.is_symlink():
            continue
        try:
            doc = json.loads(path.read_text(encoding="utf-8")[:1_000_000])
        except (OSError, ValueError):
            continue
        if isinstance(doc, dict):
            out.append((folder, doc))
    return out
