"""The GC pause must not keep anything alive: a library caller validating twice frees the first."""

from __future__ import annotations

import gc
import subprocess
import sys
import weakref
from pathlib import Path

from zoneplan.gcpause import gc_paused

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "euronas-cluster.yaml"


class _Big:
    """Something a weak reference can watch."""


def test_a_cycle_made_inside_the_pause_is_collected_after_it():
    with gc_paused(freeze=True):
        big = _Big()
        cycle: list = [big]
        cycle.append(cycle)  # garbage once the names below are dropped, but only the GC sees it
    ref = weakref.ref(big)
    del big, cycle
    gc.collect()
    assert ref() is None
    assert gc.isenabled()


def test_the_pause_leaves_objects_frozen_by_the_caller_frozen():
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        with gc_paused(freeze=True):
            kept = [_Big() for _ in range(10)]
        assert gc.get_freeze_count() == before
        assert len(kept) == 10
    finally:
        gc.unfreeze()


_TWICE = """
import gc, sys, weakref
from zoneplan.validate import validate_inventory
first = validate_inventory(sys.argv[1])
refs = [weakref.ref(first.topology), weakref.ref(first.topology.inventory)]
first = validate_inventory(sys.argv[1])  # the first result is dropped here
gc.collect()
print(sum(r() is not None for r in refs))
"""


def test_a_second_validate_frees_the_first_in_a_fresh_process():
    # a fresh interpreter: the first validate imports modules lazily inside the rules (the
    # OUI registry), which is what made a cycle holding the whole topology
    out = subprocess.run(
        [sys.executable, "-c", _TWICE, str(SAMPLE)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert out.stdout.strip() == "0", out.stderr
