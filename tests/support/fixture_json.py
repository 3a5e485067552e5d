"""Parser results, observed states and findings as plain JSON (the parser fixtures' form).

Why a generic walk and not ``asdict``: results hold slotted dataclasses, dicts keyed by VSAN
numbers and ``(vsan, wwpn)`` tuples, sets and enums; JSON wants string keys and lists. The
walk keeps insertion order (zone order, member order are what the parsers promise).
"""

from __future__ import annotations

import dataclasses
import enum
from typing import Any

from zoneplan.findings import Finding


def to_json(value: Any) -> Any:
    """``value`` as JSON-ready data: dataclasses → objects, keys → strings, sets → sorted."""
    if isinstance(value, Finding):
        d = value.as_dict()
        return {k: d[k] for k in ("code", "severity", "line", "subject", "message")}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return {_key(k): to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(to_json(v) for v in value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"no JSON form for {type(value).__name__}")


def _key(key: Any) -> str:
    if isinstance(key, tuple):
        return "|".join(str(k) for k in key)
    return str(key.value if isinstance(key, enum.Enum) else key)
