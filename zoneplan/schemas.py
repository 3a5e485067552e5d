"""JSON Schemas generated from the pydantic models (the models are the source of truth)."""

from __future__ import annotations

import json

from pydantic import BaseModel

from .model import Inventory
from .packs import CommandCatalogue, Manifest, SnmpCatalogue
from .plan.model import Plan

#: file name → model; other components add theirs here (plan, vendor pack parts).
SCHEMA_MODELS: dict[str, tuple[type[BaseModel], str]] = {
    "inventory.schema.json": (Inventory, "zoneplan inventory"),
    "vendor-pack.schema.json": (Manifest, "zoneplan vendor pack manifest"),
    "vendor-commands.schema.json": (CommandCatalogue, "zoneplan vendor pack command catalogue"),
    "vendor-snmp.schema.json": (SnmpCatalogue, "zoneplan vendor pack SNMP catalogue"),
    "plan.schema.json": (Plan, "zoneplan zoning plan (plan.json)"),
}


def generate_schemas() -> dict[str, str]:
    """Schema file name → JSON text, stable (sorted keys, trailing newline)."""
    out = {}
    for name, (model, title) in SCHEMA_MODELS.items():
        schema = model.model_json_schema(mode="validation")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = title
        out[name] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return out
