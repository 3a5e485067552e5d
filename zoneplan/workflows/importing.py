"""``zoneplan import`` as a library call: captures → a draft inventory (YAML text)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from pydantic import ValidationError

from .. import limits, yamlsource
from ..findings import Finding
from ..gcpause import gc_paused
from ..importer import draft_inventory, draft_yaml
from ..loader import LoadResult, parse_inventory
from ..model import Inventory
from ..parsers.capture import read_captures
from ..yamlemit import as_read
from ..yamlsource import SourceMap

__all__ = ["ImportRun", "check_draft", "import_captures"]

#: a lone surrogate's escape in a JSON-quoted scalar (YAML refuses it; a pair is written as one
#: ``\U`` escape), or a look-alike (an escaped backslash before "ud8"): the loader decides
_SURROGATE = re.compile(r"\\ud[89a-f]", re.I)


@dataclass
class ImportRun:
    """The draft and what reading the captures and checking the draft found."""

    text: str = ""
    switches: int = 0
    findings: list[Finding] = field(default_factory=list)
    #: the loader's verdict on the draft (:func:`check_draft`: read back only when not valid)
    check: LoadResult | None = None

    @property
    def usable(self) -> bool:
        return self.switches > 0

    @property
    def valid(self) -> bool:
        return self.check is not None and self.check.ok


def import_captures(
    captures: Sequence[str | Path], *, name: str = "imported", out_name: str = "draft.yaml"
) -> ImportRun:
    """Draft an inventory from capture folders/files and check it as the loader would."""
    states, findings = read_captures(captures)
    run = ImportRun(findings=list(findings), switches=len(states))
    if not states:
        return run
    # the draft, its YAML and its check build ~10^5 objects per 1,000 zones and free none:
    # the cyclic GC paused meanwhile (gcpause: its rescans made this superlinear)
    with gc_paused():
        draft_findings: list[Finding] = []
        data = draft_inventory(states.values(), name, draft_findings)
        run.text = draft_yaml(data)
        run.findings += draft_findings
        run.check = check_draft(data, run.text, out_name)
    run.findings += run.check.findings
    return run


def check_draft(data: dict[str, Any], text: str, file: str) -> LoadResult:
    """What the loader says of ``text``, the YAML :func:`draft_yaml` wrote of ``data``.

    Why not the loader alone: reading 5 MB of YAML back with line numbers took 4/5 of a
    15,000-zone import. The data the loader would read from the text is known without reading
    it (:func:`~zoneplan.yamlemit.as_read`; a property test holds them equal), so the fast path
    runs the loader's checks on it: the text's size, each top-level list's length (ZP006), then
    the inventory model (names, WWPNs, values, keys, every size limit of the model). YAML
    syntax errors, duplicate keys and anchors (alias bombs) cannot occur in text written from a
    dict (the same property test reads every emitted text without either); a lone surrogate,
    which YAML refuses, sends the text to the loader. Only when the fast path finds anything is the
    text read by the loader, for its findings at ``file:line``; a property test holds the two
    paths to the same verdict and inventory.
    """
    if (
        len(text) <= yamlsource.MAX_FILE_BYTES
        and not _SURROGATE.search(text)
        and all(
            not isinstance(data.get(key), list) or len(data[key]) <= top
            for key, top in limits.MAX_ITEMS.items()
        )
    ):
        try:
            inventory = Inventory.model_validate(as_read(data))
        except (ValidationError, ValueError):
            pass  # ValueError: keys as_read cannot vouch for
        else:
            return LoadResult(file, inventory, SourceMap(file, None))
    return parse_inventory(text, file)
