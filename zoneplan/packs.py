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
from typing import Callable, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

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
    #: names are compared exactly as written (the vendor's documented rule, cited in the pack)
    case_sensitive: bool = True
    #: a new name that differs from an existing one only in case: ``refuse`` (the planner stops
    #: with a coded error) or ``allow`` (the switch keeps both apart)
    case_collision: Literal["refuse", "allow"] = "refuse"
    case_source: str = Field("", description="where the case rule comes from")


class AliasKind(_Pack):
    """One kind of alias a pack knows (Brocade alias; Cisco device-alias and fcalias).

    The planner creates the ``native`` kind only and never creates or deletes another kind; a
    zone refers to an alias as ``member_keyword`` (empty where the dialect has no keyword).
    """

    name: str
    native: bool = False
    #: lives in the zone database (committed and enabled with the zones) rather than in a
    #: database of its own (Cisco device-aliases: committed on their own, fabric-wide)
    zone_db: bool = True
    #: one pWWN per alias and one alias per pWWN (re-pointing replaces the pWWN)
    single_wwpn: bool = False
    member_keyword: str = ""


class FirmwareMinimum(_Pack):
    """The oldest firmware with a feature zoneplan's scripts use, and where that comes from."""

    version: str
    source: str
    verified: bool = False
    #: a switch known to be older: ``error`` (the minimum is certain enough to refuse) or
    #: ``warning`` (the minimum is a lower bound nobody confirmed)
    too_old: Literal["error", "warning"] = "error"
    note: str = ""


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

    precheck: str = "precheck.j2"
    script: str = "script.j2"
    rollback: str = "rollback.j2"
    verify: str = "verify.j2"


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
    alias_kinds: list[AliasKind] = Field(
        default_factory=lambda: [AliasKind(name="alias", native=True)],
        description="alias kinds of the dialect; exactly one is native",
    )
    #: feature -> oldest firmware that has it (``peer_zones``, ``smart_zoning``,
    #: ``noninteractive_save``); unknown firmware is a warning, older an error
    firmware: dict[str, FirmwareMinimum] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _one_native_alias(self) -> Manifest:
        if sum(1 for k in self.alias_kinds if k.native) != 1:
            raise ValueError("alias_kinds: exactly one kind must be native")
        return self


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
        #: how the switch compares two names: exactly (``str``, which returns a str as it is)
        #: or case-folded; a C function, called for every name of a 20,000-zone database
        self.name_key: Callable[[str], str] = (
            str if manifest.naming.case_sensitive else str.casefold
        )
        self.native_alias: AliasKind = next(k for k in manifest.alias_kinds if k.native)

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

    def case_twins(self, a: str, b: str) -> bool:
        """True when two different names differ only in case (refused by ``case_collision``)."""
        return a != b and a.casefold() == b.casefold()

    def alias_kind(self, name: str | None) -> AliasKind:
        """An alias kind by name (``None``: the native one)."""
        if name is None:
            return self.native_alias
        for k in self.manifest.alias_kinds:
            if k.name == name:
                return k
        raise KeyError(name)

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
