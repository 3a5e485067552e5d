"""``zoneplan import`` as a library call: captures → a draft inventory (YAML text)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from ..findings import Finding
from ..gcpause import gc_paused
from ..importer import draft_inventory, draft_yaml
from ..loader import LoadResult, parse_inventory
from ..parsers.capture import read_captures

__all__ = ["ImportRun", "import_captures"]


@dataclass
class ImportRun:
    """The draft and what reading the captures and checking the draft found."""

    text: str = ""
    switches: int = 0
    findings: list[Finding] = field(default_factory=list)
    check: LoadResult | None = None  #: the draft read back by the loader

    @property
    def usable(self) -> bool:
        return self.switches > 0

    @property
    def valid(self) -> bool:
        return self.check is not None and self.check.ok


def import_captures(
    captures: Sequence[str | Path], *, name: str = "imported", out_name: str = "draft.yaml"
) -> ImportRun:
    """Draft an inventory from capture folders/files and check it with the loader."""
    states, findings = read_captures(captures)
    run = ImportRun(findings=list(findings), switches=len(states))
    if not states:
        return run
    # the draft, its YAML and its check build ~10^5 objects per 1,000 zones and free none:
    # the cyclic GC paused meanwhile (gcpause: its rescans made this superlinear)
    with gc_paused():
        draft_findings: list[Finding] = []
        run.text = draft_yaml(draft_inventory(states.values(), name, draft_findings))
        run.findings += draft_findings
        run.check = parse_inventory(run.text, out_name)
    run.findings += run.check.findings
    return run
