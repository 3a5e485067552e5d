"""Pause Python's cyclic garbage collector around bulk object construction.

Why: loading a large inventory allocates millions of small objects and frees none; each
generation-0 collection then rescans the survivors, which makes the whole load superlinear
(about 70 % of a plain ``yaml.load`` of 10,000 hosts). Reference counting still frees
everything that is dropped; only cycle detection waits until the block ends.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def gc_paused(*, freeze: bool = False) -> Iterator[None]:
    """Disable the cyclic GC inside the block; restore the previous state after (nests).

    ``freeze=True`` moves everything alive at the end of the block into the oldest generation
    without scanning it (:func:`promote_survivors`), so the collections after the block do
    not rescan, generation by generation, the millions of objects just built.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            promote_survivors()
        if was:
            gc.enable()


def promote_survivors() -> None:
    """Every tracked object into the oldest generation, unscanned: ``gc.freeze()`` followed
    at once by ``gc.unfreeze()``.

    Why not ``gc.freeze()`` alone: frozen objects are never examined again, so a reference
    cycle that became garbage inside the block (a module imported lazily by a rule: its
    import's caught exception holds the rule's frame, and so the whole topology) would stay
    in memory for the life of the process, and every later result with it. In the oldest
    generation the next full collection frees such a cycle. Nothing is done when the process
    froze objects of its own (``gc.get_freeze_count()``): unfreezing would undo its choice.
    """
    if gc.get_freeze_count():
        return
    gc.freeze()
    gc.unfreeze()
