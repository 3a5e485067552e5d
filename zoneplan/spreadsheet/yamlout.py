"""An inventory as the YAML file people edit: defaults left out, short forms where they exist
(``cable: A-0008``, ``location: R02 U40``), the schema modeline on top."""

from __future__ import annotations

from typing import Any

import yaml

from ..model import Inventory

HEADER = "# yaml-language-server: $schema=../schemas/inventory.schema.json\n"


def _short(value: Any) -> Any:
    if isinstance(value, dict):
        out = {k: _short(v) for k, v in value.items()}
        for key in ("cable",):
            c = out.get(key)
            if isinstance(c, dict) and set(c) == {"id"}:
                out[key] = c["id"]
        loc = out.get("location")
        if isinstance(loc, dict) and set(loc) == {"note"}:
            out["location"] = loc["note"]
        return out
    if isinstance(value, list):
        return [_short(v) for v in value]
    return value


def inventory_yaml(inv: Inventory, *, comment: str = "") -> str:
    """The inventory as YAML text that loads back to an equal inventory."""
    data = _short(inv.model_dump(mode="json", exclude_defaults=True))
    head = HEADER + "".join(f"# {line}\n" for line in comment.splitlines())
    return head + yaml.safe_dump(
        data, sort_keys=False, default_flow_style=None, width=100, allow_unicode=True
    )
