"""JSON Schemas generated from the pydantic models (the models are the source of truth).

Why the inventory schema is widened: the loader (:mod:`zoneplan.yamlsource`) keeps every
scalar as the text the admin wrote and pydantic converts it, so ``port: 8``, ``name: 2024``,
``domain_id: "1"`` and ``director: yes`` are all accepted. An editor parses the same YAML
with its own types (``8`` is an integer), so the schema it checks against must accept each
scalar in every form the loader accepts, or it underlines valid files. Enumerated words
(``os``, ``vendor``, ``role``) are not widened: they are words in either reading.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema

from .model import Inventory
from .packs import ChangeCatalogue, CommandCatalogue, Faceplates, Manifest, SnmpCatalogue
from .plan.model import Plan

#: file name → model; other components add theirs here (plan, vendor pack parts).
SCHEMA_MODELS: dict[str, tuple[type[BaseModel], str]] = {
    "inventory.schema.json": (Inventory, "zoneplan inventory"),
    "vendor-pack.schema.json": (Manifest, "zoneplan vendor pack manifest"),
    "vendor-commands.schema.json": (CommandCatalogue, "zoneplan vendor pack command catalogue"),
    "vendor-snmp.schema.json": (SnmpCatalogue, "zoneplan vendor pack SNMP catalogue"),
    "vendor-faceplates.schema.json": (Faceplates, "zoneplan vendor pack front panels"),
    "vendor-apply.schema.json": (ChangeCatalogue, "zoneplan vendor pack change catalogue"),
    "plan.schema.json": (Plan, "zoneplan zoning plan (plan.json)"),
}


#: what pydantic reads as a boolean from text (lower case; it compares case-insensitively)
_BOOL_WORDS = ("0", "off", "f", "false", "n", "no", "1", "on", "t", "true", "y", "yes")
#: other scalars an editor may see where the loader reads text
_SCALARS: dict[str, Any] = {"type": ["integer", "number", "boolean"]}


class AsLoaded(GenerateJsonSchema):
    """A schema that accepts each scalar as an editor parses it when the loader accepts its
    text: text fields also take numbers and booleans (their text), numbers and booleans also
    take their text."""

    def str_schema(self, schema: Any) -> Any:
        return {"anyOf": [super().str_schema(schema), _SCALARS]}

    def int_schema(self, schema: Any) -> Any:
        return {
            "anyOf": [
                super().int_schema(schema),
                {"type": "string", "pattern": r"^\s*[-+]?[0-9]+\s*$"},
            ]
        }

    def float_schema(self, schema: Any) -> Any:
        number = r"^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$"
        return {"anyOf": [super().float_schema(schema), {"type": "string", "pattern": number}]}

    def bool_schema(self, schema: Any) -> Any:
        words = sorted({w for b in _BOOL_WORDS for w in (b, b.upper(), b.capitalize())})
        return {"anyOf": [super().bool_schema(schema), {"enum": words}, {"enum": [0, 1]}]}


#: models read from YAML by the loader (text as written), whose schema is widened
_AS_LOADED = {"inventory.schema.json"}


def generate_schemas() -> dict[str, str]:
    """Schema file name → JSON text, stable (sorted keys, trailing newline)."""
    out = {}
    for name, (model, title) in SCHEMA_MODELS.items():
        generator = AsLoaded if name in _AS_LOADED else GenerateJsonSchema
        schema = model.model_json_schema(mode="validation", schema_generator=generator)
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = title
        out[name] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return out
