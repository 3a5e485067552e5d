"""Vendor packs: locate, load and validate the declarative data in ``vendors/``.

Why data: what differs between Brocade and Cisco (port naming, name rules, zone DB limits,
templates, command and OID catalogues) is reviewed by people who know the switch, not Python.
The core asks a pack; it never branches on the vendor.

Search order: ``$ZONEPLAN_VENDORS_DIR``, the copy installed inside the wheel
(``zoneplan/_vendors``), then ``vendors/`` of a source checkout.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from .model import SwitchVendor


class _Pack(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PortNaming(_Pack):
    first: int = Field(ge=0)
    format: str
    slot_first: int = Field(ge=0)
    slot_format: str


class NamingRules(_Pack):
    pattern: str
    portable_pattern: str
    max_length: int = Field(ge=1, le=255)
    one_namespace: bool
    reserved_prefixes: list[str] = Field(default_factory=list)


class Limits(_Pack):
    zone_db_bytes: int = Field(ge=1)
    zone_db_bytes_director: int = Field(ge=1)
    zone_db_bytes_legacy: int | None = None
    #: aliases live in the zone database (Brocade) or in a database of their own (Cisco)
    aliases_in_zone_db: bool = True
    max_aliases: int | None = Field(None, ge=1, description="aliases per fabric, when limited")
    #: size model of the estimate: bytes per object (name header) and per member reference
    object_overhead_bytes: int = Field(16, ge=0)
    member_overhead_bytes: int = Field(4, ge=0)


class Capabilities(_Pack):
    aliases: bool
    peer_zones: bool
    smart_zoning: bool
    enhanced_mode: bool
    vsans: bool = False  #: zoning and logins live per VSAN; a fabric is one VSAN
    one_alias_per_wwpn: bool = False  #: a WWPN may have one alias only (device-alias)


class TemplateNames(_Pack):
    """Template file names, the same in every pack; the renderer asks for them by key."""

    aliases: str = "aliases.j2"
    zones: str = "zones.j2"
    config: str = "config.j2"
    activate: str = "activate.j2"
    rollback: str = "rollback.j2"
    script: str = "script.j2"
    #: per-switch port configuration (names/descriptions, VSAN membership) and its rollback
    ports: str = "ports.j2"
    ports_rollback: str = "ports_rollback.j2"


class ScriptSyntax(_Pack):
    """What the renderer's filters need to know of a CLI dialect (the templates know the rest)."""

    comment: str = Field("#", description="comment prefix of a script line")
    quote: str = Field("", description="quote character around names and member lists")
    member_separator: str = Field(";", description="separator inside one member-list operand")
    members_per_command: int = Field(
        40, ge=1, le=1000, description="members per command line; longer lists are split"
    )
    role_tags: dict[str, str] = Field(
        default_factory=dict, description="member role -> smart-zoning keyword"
    )
    port_name_max: int = Field(
        32,
        ge=8,
        le=128,
        description="longest port name (FOS portname) / description (NX-OS) zoneplan writes",
    )
    token_pattern: str = Field(
        r"^[A-Za-z0-9_^:,\-]{1,64}$",
        description="every name or member that reaches a script must match (no quotes, "
        "spaces, ';', '$' where the shell would expand it)",
    )


class Manifest(_Pack):
    """``vendors/<pack>/manifest.yaml``."""

    id: str
    vendor: SwitchVendor
    display_name: str
    ports: PortNaming
    naming: NamingRules
    limits: Limits
    capabilities: Capabilities
    templates: TemplateNames = Field(default_factory=TemplateNames)
    script: ScriptSyntax = Field(default_factory=ScriptSyntax)


# -- faceplates.yaml: front panels for the cabling plan and the physical rules -------------------
class PortBlock(_Pack):
    """Ports drawn together on a front panel (an SFP block, the QSFP cages, one LEM)."""

    first: int | None = Field(None, ge=0, description="first port number (default: the pack's)")
    count: int | None = Field(None, ge=1, le=1024, description="ports (default: all the rest)")
    cage: str = ""
    speed: int | None = Field(None, ge=1, le=256, description="fastest speed, Gb/s")
    rows: int = Field(2, ge=1, le=8)
    columns_per_group: int = Field(4, ge=1, le=64)
    order: Literal["row-major-per-group", "column-major", "cage"] = "row-major-per-group"
    lanes: int = Field(1, ge=1, le=8, description="port numbers per cage (QSFP 4, SFP-DD 2)")
    note: str = ""


class SourceRef(_Pack):
    """Where a fact was read (a key into ``sources``), and whether it was verified there."""

    model_config = ConfigDict(extra="allow")
    key: str | None = None
    verified: bool


class FaceplateModel(_Pack):
    """One switch model (or model family) and its front panel."""

    id: str
    match: list[str] = Field(min_length=1)
    kind: Literal["fixed", "chassis"] = "fixed"
    height: int = Field(ge=1, le=60, description="rack units")
    ports: int | None = Field(None, ge=1, le=1024)
    slots: int | None = Field(None, ge=1, le=32, description="blade slots of a chassis")
    blocks: list[PortBlock] = Field(default_factory=list)
    layout_verified: bool = False
    note: str = ""
    sources: list[SourceRef] = Field(min_length=1)


class FaceplateDefault(_Pack):
    """The drawing for models the pack does not list."""

    height: int = Field(1, ge=1, le=60)
    layout_verified: Literal[False] = False
    blocks: list[PortBlock] = Field(min_length=1)
    blade: list[PortBlock] = Field(min_length=1)


class Faceplates(_Pack):
    """``vendors/<pack>/faceplates.yaml``."""

    schema_: str = Field(alias="schema")
    sources: dict[str, dict[str, Any]]
    default: FaceplateDefault
    models: list[FaceplateModel]
    _by_key: dict[str, FaceplateModel] | None = PrivateAttr(None)

    def lookup(self, model: str) -> FaceplateModel | None:
        """The entry whose ``match`` names ``model`` (case, spaces and dashes ignored)."""
        return self._index().get(model_key(model))

    def _index(self) -> dict[str, FaceplateModel]:
        if self._by_key is None:
            self._by_key = {model_key(m): fp for fp in self.models for m in fp.match}
        return self._by_key


def model_key(model: str) -> str:
    """``DS-C9148S-K9`` → ``dsc9148sk9``: how model names are compared."""
    return re.sub(r"[^a-z0-9]", "", model.lower())


class VendorPackError(Exception):
    """A pack is missing or does not match its schema (a packaging bug, not user input)."""


def vendors_dir() -> Path:
    """The folder holding the vendor packs."""
    env = os.environ.get("ZONEPLAN_VENDORS_DIR")
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve().parent
    candidates += [here / "_vendors", here.parent / "vendors"]
    for c in candidates:
        if (c / "brocade-fos" / "manifest.yaml").is_file():
            return c
    raise VendorPackError(f"no vendor packs found (looked in {', '.join(map(str, candidates))})")


class VendorPack:
    """One loaded pack: its manifest and where its files are."""

    def __init__(self, root: Path, manifest: Manifest) -> None:
        self.root = root
        self.manifest = manifest
        self._name_re = re.compile(manifest.naming.pattern)

    @property
    def id(self) -> str:
        return self.manifest.id

    def port_names(
        self, count: int | None = None, slots: dict[int, int] | None = None
    ) -> list[str]:
        """Switch port names for a port count or a director's slots, in front-panel order."""
        p = self.manifest.ports
        names: list[str] = []
        if slots:
            for slot in sorted(slots):
                names += [
                    p.slot_format.format(slot=slot, port=p.slot_first + i)
                    for i in range(slots[slot])
                ]
        elif count:
            names = [p.format.format(port=p.first + i) for i in range(count)]
        return names

    def name_is_legal(self, name: str) -> bool:
        n = self.manifest.naming
        return bool(self._name_re.match(name)) and not any(
            name.lower().startswith(r) for r in n.reserved_prefixes
        )

    def file(self, relative: str) -> Path:
        return self.root / relative

    @property
    def templates_dir(self) -> Path:
        """Where the pack's jinja2 templates are."""
        return self.root / "templates"

    def faceplates(self) -> Faceplates:
        """The pack's front panels (``faceplates.yaml``), validated once."""
        return _faceplates(self.id)

    def name_pattern(self, portable: bool = True) -> re.Pattern[str]:
        """The compiled name rule: the portable one (old firmware too) or the full one."""
        n = self.manifest.naming
        return _compiled(n.portable_pattern if portable else n.pattern)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@cache
def load_pack(pack_id: str) -> VendorPack:
    """Load and validate one pack by id (``brocade-fos``)."""
    root = vendors_dir() / pack_id
    try:
        data = yaml.safe_load((root / "manifest.yaml").read_text(encoding="utf-8"))
        manifest = Manifest.model_validate(data)
    except (OSError, yaml.YAMLError, ValueError) as exc:
        raise VendorPackError(f"vendor pack {pack_id!r}: {exc}") from exc
    return VendorPack(root, manifest)


@cache
def pack_for(vendor: SwitchVendor) -> VendorPack:
    """The pack that speaks for a switch vendor."""
    for entry in sorted(vendors_dir().iterdir()):
        if (entry / "manifest.yaml").is_file():
            pack = load_pack(entry.name)
            if pack.manifest.vendor is vendor:
                return pack
    raise VendorPackError(f"no vendor pack for {vendor.value}")


@cache
def _faceplates(pack_id: str) -> Faceplates:
    path = load_pack(pack_id).file("faceplates.yaml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Faceplates.model_validate(data)
    except (OSError, yaml.YAMLError, ValueError) as exc:
        raise VendorPackError(f"vendor pack {pack_id!r}: faceplates.yaml: {exc}") from exc
