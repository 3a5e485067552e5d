"""Where the repository and the shared reference material are.

``shared/`` (the product document, real switch captures, SNMP recordings) sits beside the
repository (``../shared``) and is read where it is, never copied in; every test and helper
that reads it goes through :func:`shared_dir`, which returns ``None`` when it is absent so the
caller can skip. ``$ZONEPLAN_SHARED`` points elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
FIXTURES = REPO / "tests" / "fixtures"


def shared_root() -> Path:
    """``$ZONEPLAN_SHARED`` or ``../shared`` beside the repository (it may not exist)."""
    env = os.environ.get("ZONEPLAN_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def shared_dir(*parts: str) -> Path | None:
    """``shared/<parts>`` when that folder exists, else ``None``."""
    d = shared_root().joinpath(*parts)
    return d if d.is_dir() else None


#: ``shared/captures`` (may not exist: test with ``.is_dir()`` or use :func:`shared_dir`)
CAPTURES = shared_root() / "captures"


#: the start of every skip reason of a test that needs ``../shared``; the summary counts them
SHARED_ABSENT = "../shared is absent"


def shared_absent(what: str = "") -> str:
    """The skip reason of a test that needs ``shared/<what>``."""
    where = shared_root() / what if what else shared_root()
    return f"{SHARED_ABSENT} (no {where}; set ZONEPLAN_SHARED to its path)"
