"""Vendor packs: locate, load and validate the declarative data in ``vendors/``.

Why data: what differs between switch makers (port naming, name rules, zone DB limits,
templates, the commands to read and how to recognise their output, prompts, pagers, error
lines, SNMP columns) is reviewed by people who know the switch, not Python. The core asks a
pack; it never branches on the vendor. One pack is one folder:

* ``manifest.yaml`` → :class:`Manifest` (naming, limits, capabilities, port naming, templates,
  the parser module that reads the vendor's output);
* ``commands.yaml`` → :class:`CommandCatalogue` (session, CLI patterns, commands);
* ``snmp.yaml`` (optional) → :class:`SnmpCatalogue` (OID columns, the decoder);
* ``faceplates.yaml`` (optional) → :class:`Faceplates` (front panels per model: rack units,
  port blocks and their arrangement, for the cabling plan and the physical rules);
* ``apply.yaml`` (optional) → :class:`ChangeCatalogue` (how ``zoneplan apply`` sends a change:
  session kind, the whitelist of change commands, what a run opens and how it is aborted,
  success replies, questions and their answers);
* ``templates/*.j2``: the zoning scripts.

Every file is validated by one loader (:func:`load_pack`) into one :class:`VendorPack`;
``zoneplan schema --write`` writes their JSON Schemas (``schemas/vendor-*.schema.json``).

A pack names Python modules (its parser and SNMP decoder): a pack folder is code, trusted like
the package itself, never user input.

Search order: ``$ZONEPLAN_VENDORS_DIR``, the copy installed inside the wheel
(``zoneplan/_vendors``), then ``vendors/`` of a source checkout.
"""

from __future__ import annotations

import enum
import os
import re
from functools import cache, cached_property
from pathlib import Path
from typing import Annotated, Any, Callable, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    ValidationError,
    model_validator,
)

__all__ = [
    "Manifest",
    "CommandCatalogue",
    "CatalogueCommand",
    "SnmpCatalogue",
    "Session",
    "Cli",
    "Feed",
    "VendorPack",
    "VendorPackError",
    "vendors_dir",
    "load_pack",
    "pack_for",
    "all_packs",
    "known_vendors",
    "PACK_FILES",
    "Faceplates",
    "ChangeCatalogue",
    "ChangePrompt",
    "ChangeReplies",
    "ChangeScope",
    "FaceplateModel",
    "PortBlock",
    "model_key",
]


#: libyaml's safe loader when PyYAML was built with it (the pure-Python one took half of
#: ``zoneplan validate`` of the sample inventory, reading the vendor packs)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _regex(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"not a regular expression: {exc}") from exc
    return pattern


def _no_groups(pattern: str) -> str:
    if re.compile(pattern).groups:
        raise ValueError("use (?:...) here: the core adds the capturing groups itself")
    return pattern


#: a Python regular expression (validated when the pack loads)
Regex = Annotated[str, AfterValidator(_regex)]
#: a regular expression without capturing groups (it is combined with other packs' patterns)
Fragment = Annotated[str, AfterValidator(_regex), AfterValidator(_no_groups)]
#: a dotted Python module name (``zoneplan.parsers.brocade``)
ModuleName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$")]
#: a numeric OID (``1.3.6.1.2.1.1.2.0``)
OidText = Annotated[str, StringConstraints(pattern=r"^\.?\d+(\.\d+)+$")]
#: the vendor word of inventories (``vendor: brocade``)
VendorWord = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]{1,31}$")]


class _Pack(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --------------------------------------------------------------------------- manifest.yaml


class PortNaming(_Pack):
    first: int = Field(ge=0)
    format: str
    slot_first: int = Field(ge=0)
    slot_format: str


class NamingRules(_Pack):
    pattern: Regex
    portable_pattern: Regex
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
    #: aliases live in the zone database, or in a database of their own (device-aliases)
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
    vsans: bool = Field(
        False, description="zoning and logins live per VSAN; a fabric is one VSAN and needs it"
    )
    one_alias_per_wwpn: bool = Field(False, description="a WWPN may have one alias only")


class TemplateNames(_Pack):
    """Template file names, the same in every pack; the renderer asks for them by key."""

    precheck: str = "precheck.j2"
    script: str = "script.j2"
    rollback: str = "rollback.j2"
    verify: str = "verify.j2"
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
        description="longest port name / port description zoneplan writes into a script",
    )
    token_pattern: Regex = Field(
        r"^[A-Za-z0-9_^:,\-]{1,64}$",
        description="every name or member that reaches a script must match (no quotes, "
        "spaces, ';', '$' where the shell would expand it)",
    )


class AuditNeeds(_Pack):
    """What an "in sync" verdict needs, captured and complete (issue 14: never in sync on
    partial data). Each need names the captured inputs (``SwitchState.seen`` keys) that
    satisfy it; an input whose output was cut short (``SwitchState.cut``) does not."""

    fabric: dict[str, list[str]] = Field(
        default_factory=dict, description="from at least one switch of the fabric"
    )
    switch: dict[str, list[str]] = Field(
        default_factory=dict, description="from every switch of the fabric"
    )


class Manifest(_Pack):
    """``vendors/<pack>/manifest.yaml``."""

    id: str
    vendor: VendorWord = Field(description="the vendor word inventories use (vendor: ...)")
    brand: str = Field(description="the maker's name as admins say it, in messages")
    display_name: str
    parsers: ModuleName = Field(
        description="module that reads the vendor's output: PARSERS (parser name -> "
        "function) and, with snmp.yaml, decode_snmp"
    )
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
    #: ``noninteractive_save``); unknown firmware is a warning, older ``too_old``
    firmware: dict[str, FirmwareMinimum] = Field(default_factory=dict)
    audit: AuditNeeds = Field(default_factory=AuditNeeds)

    @model_validator(mode="after")
    def _one_native_alias(self) -> Manifest:
        if sum(1 for k in self.alias_kinds if k.native) != 1:
            raise ValueError("alias_kinds: exactly one kind must be native")
        return self


# --------------------------------------------------------------------------- commands.yaml


class Feed(str, enum.Enum):
    """Which part of the observed state a command's parsed result feeds (the capture reader
    has one applier per feed; the parser's result has the shape the feed expects)."""

    ZONING = "zoning"  #: one zone database of the whole fabric (defined and/or effective)
    ALIASES = "aliases"  #: aliases only, of the fabric's zone database
    ZONING_EFFECTIVE = "zoning_effective"  #: {VSAN: effective zone database}
    ZONING_DEFINED = "zoning_defined"  #: {VSAN: defined zone database}
    ZONING_ZONES = "zoning_zones"  #: {VSAN: zones (and their aliases) of the defined database}
    ZONE_STATUS = "zone_status"  #: {VSAN: zone server settings and counts}
    LOGINS = "logins"  #: name-server logins
    IDENTITY_PORTS = "identity_ports"  #: the switch's identity and its ports
    PORTS = "ports"  #: ports only
    FABRIC = "fabric"  #: the switches of the fabric
    TRANSACTION = "transaction"  #: an open zoning transaction
    CFGSIZE = "cfgsize"  #: zone database size and limit
    ISLS = "isls"  #: inter-switch links
    DEVICE_ALIASES = "device_aliases"  #: {name: WWPN} of a database of its own
    DEVICE_ALIAS_STATUS = "device_alias_status"  #: that database's distribution and lock
    VSANS = "vsans"  #: {VSAN: name and state}
    VSAN_MEMBERSHIP = "vsan_membership"  #: {VSAN: interfaces}
    RUNNING_CONFIG = "running_config"  #: zoning, device-aliases and VSANs of the saved config
    SWITCHNAME = "switchname"  #: the switch's name
    FIRMWARE = "firmware"  #: the firmware version (and the model, where printed)
    PORT_NAMES = "port_names"  #: {port: name or description} ("" for none)
    PORT_CHANNELS = "port_channels"  #: {port-channel: [(member interface, state)]}


class Session(_Pack):
    """How the SSH adapter talks to the switch.

    ``exec``: one SSH exec channel per command; ``shell``: one interactive shell, after the
    ``setup`` commands (paging off). A collected command must match ``read_only``; anything
    else is never sent.
    """

    mode: Literal["exec", "shell"] = "exec"
    setup: list[str] = Field(default_factory=list)
    read_only: Regex = r"^show\s"


class Prompt(_Pack):
    """A CLI prompt, in three parts: ``host`` (the switch's name), ``qualifiers`` (what may
    follow it: ``:FID128:admin``, ``(config)``) and ``end`` (``>``, ``#``)."""

    host: Fragment = r"[A-Za-z0-9_.\-]+"
    qualifiers: Fragment = ""
    end: Fragment


class Pager(_Pack):
    """A pager prompt the switch prints in long output, and what quits it."""

    prompt: Fragment
    marker: str = Field(
        min_length=1, description="a literal every such prompt contains (a fast pre-check)"
    )
    quit: str = Field(description="sent to quit the pager (a newline included when needed)")


class ConsoleMessage(_Pack):
    """An asynchronous console message (a log line the switch prints into a terminal session,
    between or inside command outputs): skipped by every parser with a note."""

    pattern: Fragment = Field(description="the whole message line, after any prompt")
    marker: str = Field(
        min_length=1, description="a literal every such line contains (a fast pre-check)"
    )


class Cli(_Pack):
    """How the switch's CLI looks in a terminal or a saved log.

    Patterns that recognise text are combined over every pack (a capture's vendor is unknown
    until its command is recognised; a pager is quit whichever switch printed it).
    """

    prompt: Prompt
    pagers: list[Pager] = Field(default_factory=list)
    rejections: list[Fragment] = Field(
        default_factory=list,
        description="whole lines the switch prints instead of the output of a refused command",
    )
    error_lines: list[Fragment] = Field(
        default_factory=list,
        description="an error message line starts so (matched against the stripped, "
        "lower-cased line)",
    )
    command_words: list[str] = Field(
        default_factory=list,
        description="first words of commands (lower case): after a prompt they make a command",
    )
    abbreviations: dict[str, str] = Field(
        default_factory=dict, description="first words typed short (sh -> show)"
    )
    word_prefixes: bool = Field(
        False, description="unambiguous prefixes of the words after the first are accepted"
    )
    harmless_filters: list[str] = Field(
        default_factory=list, description="pipes that do not filter (| no-more)"
    )
    console_messages: list[ConsoleMessage] = Field(
        default_factory=list,
        description="log lines the switch prints into a terminal session (RASlog, syslog)",
    )
    context: Regex | None = Field(
        None,
        description="a wrapper running a command in another logical switch; named groups "
        "'fid' and 'command'",
    )

    @model_validator(mode="after")
    def _context_groups(self) -> Cli:
        if self.context is not None:
            names = set(re.compile(self.context).groupindex)
            if names != {"fid", "command"}:
                raise ValueError("context needs the named groups 'fid' and 'command'")
        return self


class CatalogueCommand(_Pack):
    """One command zoneplan reads."""

    parser: str = Field(description="a key of the pack's parser module's PARSERS")
    feeds: Feed
    run: str | None = Field(None, description="what collect sends (default: the name)")
    collect: bool = Field(False, description="collect runs it")
    operands: bool = Field(False, description="operands narrow the output to a subset")
    args: list[str] = Field(
        default_factory=list, description="keyword arguments that keep the format (vsan 10)"
    )
    flags: list[str] = Field(default_factory=list, description="single extra words allowed")
    sniff: Regex | None = Field(
        None, description="multi-line regex recognising the output by its content"
    )
    per_vsan: bool = Field(False, description="collect runs it once per VSAN (vsan N appended)")
    remote_logins: bool = Field(
        False,
        description="its logins are other switches' (or the whole fabric's): remote unless a "
        "local command names them",
    )
    required: bool = Field(True, description="a rejection makes the read partial")

    @model_validator(mode="after")
    def _per_vsan_takes_vsan(self) -> CatalogueCommand:
        if self.per_vsan and "vsan" not in self.args:
            raise ValueError("per_vsan needs 'vsan' among the args")
        return self


class CommandCatalogue(_Pack):
    """``vendors/<pack>/commands.yaml``: file order is sniffing priority."""

    session: Session = Field(default_factory=Session)
    cli: Cli
    commands: dict[str, CatalogueCommand] = Field(min_length=1)


# --------------------------------------------------------------------------- snmp.yaml


class SnmpCatalogue(_Pack):
    """``vendors/<pack>/snmp.yaml``: numeric OIDs (no MIB files at runtime)."""

    enterprise: OidText = Field(description="sysObjectID prefix that names the maker")
    zoning: bool = Field(description="the switch publishes zoning over SNMP")
    scalars: dict[str, OidText] = Field(default_factory=dict)
    tables: dict[str, dict[str, OidText]]


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


# --------------------------------------------------------------------------- the pack

#: pack file → its model (the schema generator and the loader both use this)
# --------------------------------------------------------------------------- apply.yaml


class ChangeScope(_Pack):
    """Something an apply run opens (a transaction, a session) and how it is discarded."""

    name: str
    opens: str = Field(description="regex (with {tokens}): a command that opens it")
    closes: str = Field(description="regex (with {tokens}): a command that commits it")
    abort: list[str] = Field(description="commands that discard what this run opened")
    finish: str = Field(description="how an admin finishes or discards it by hand")
    when: dict[str, str | bool] = Field(
        default_factory=dict, description="fabric facts it depends on (zone mode, distribution)"
    )


class ChangePrompt(_Pack):
    """A question a change command asks, and the answer apply gives."""

    question: str = Field(description="regex (with {tokens}) the output ends with")
    answer: str


class ChangeReplies(_Pack):
    """Reply lines of a successful command (any other line is an error)."""

    ok: list[str] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list, description="named in the report when seen")
    abort_ok: list[str] = Field(default_factory=list, description="also fine after an abort")


class ChangeCatalogue(_Pack):
    """``apply.yaml``: how ``zoneplan apply`` talks to a switch to change its zoning."""

    session: Literal["exec", "shell"] = Field(
        description="exec: one SSH exec channel per command; shell: one interactive shell"
    )
    setup: list[str] = Field(default_factory=list, description="sent once before the change")
    tokens: dict[str, str] = Field(description="{name} → regex used in the patterns below")
    change_commands: list[str] = Field(
        description="the whitelist: every script line must match one (whole line)"
    )
    scopes: list[ChangeScope] = Field(default_factory=list)
    leave: list[str] = Field(default_factory=list, description="sent once after the change")
    replies: ChangeReplies = Field(default_factory=ChangeReplies)
    prompts: list[ChangePrompt] = Field(default_factory=list)


PACK_FILES: dict[str, type[_Pack]] = {
    "manifest.yaml": Manifest,
    "commands.yaml": CommandCatalogue,
    "snmp.yaml": SnmpCatalogue,
    "faceplates.yaml": Faceplates,
    "apply.yaml": ChangeCatalogue,
}
#: pack files a pack may leave out (no SNMP; no front panels: the default drawing; no
#: apply.yaml: `zoneplan apply` refuses that dialect)
OPTIONAL_FILES = ("snmp.yaml", "faceplates.yaml", "apply.yaml")


class VendorPackError(Exception):
    """A pack is missing or does not match its schema (a packaging bug, not user input)."""


class VendorPack(BaseModel):
    """One loaded pack: its files, typed, and where they are."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    root: Path
    manifest: Manifest
    commands: CommandCatalogue
    snmp: SnmpCatalogue | None = None
    faceplates: Faceplates | None = None  #: front panels per model (faceplates.yaml)
    apply: ChangeCatalogue | None = None  #: how apply sends a change (apply.yaml)

    @classmethod
    def load(cls, root: Path) -> VendorPack:
        """Read and validate the pack in ``root``; VendorPackError names the file and field."""
        parts: dict[str, _Pack | None] = {}
        for name, model in PACK_FILES.items():
            path = root / name
            if name in OPTIONAL_FILES and not path.exists():
                parts[name] = None
                continue
            try:
                data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
                parts[name] = model.model_validate(data)
            except ValidationError as exc:
                raise VendorPackError(f"{path}: {_errors(exc)}") from exc
            except (OSError, yaml.YAMLError, ValueError) as exc:
                raise VendorPackError(f"{path}: {exc}") from exc
        return cls(
            root=root,
            manifest=parts["manifest.yaml"],
            commands=parts["commands.yaml"],
            snmp=parts["snmp.yaml"],
            faceplates=parts["faceplates.yaml"],
            apply=parts["apply.yaml"],
        )

    __hash__ = object.__hash__  # one loaded pack per folder: identity is equality

    def __eq__(self, other: object) -> bool:
        return self is other

    @property
    def id(self) -> str:
        return self.manifest.id

    @property
    def vendor(self) -> str:
        return self.manifest.vendor

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

    @cached_property
    def name_key(self) -> Callable[[str], str]:
        """How the switch compares two names: exactly (``str``, which returns a str as it is)
        or case-folded; a C function, called for every name of a 20,000-zone database."""
        return str if self.manifest.naming.case_sensitive else str.casefold

    def case_twins(self, a: str, b: str) -> bool:
        """True when two different names differ only in case (refused by ``case_collision``)."""
        return a != b and a.casefold() == b.casefold()

    @cached_property
    def native_alias(self) -> AliasKind:
        """The alias kind the planner creates."""
        return next(k for k in self.manifest.alias_kinds if k.native)

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
        return bool(_compiled(n.pattern).fullmatch(name)) and not any(
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

    @cached_property
    def read_only(self) -> re.Pattern[str]:
        """What a command sent to this switch must look like."""
        return re.compile(self.commands.session.read_only)


def _errors(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or '(top)'}: {e['msg']}" for e in exc.errors()
    )


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def vendors_dir() -> Path:
    """The folder holding the vendor packs (the first candidate holding any pack)."""
    return _vendors_dir(os.environ.get("ZONEPLAN_VENDORS_DIR") or None)


@cache
def _vendors_dir(env: str | None) -> Path:
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve().parent
    candidates += [here / "_vendors", here.parent / "vendors"]
    for c in candidates:
        if c.is_dir() and any(c.glob("*/manifest.yaml")):
            return c
    raise VendorPackError(f"no vendor packs found (looked in {', '.join(map(str, candidates))})")


@cache
def _load(root: Path) -> VendorPack:
    return VendorPack.load(root)


def load_pack(pack_id: str) -> VendorPack:
    """Load and validate one pack by id (its folder name)."""
    root = vendors_dir() / pack_id
    if not (root / "manifest.yaml").is_file():
        raise VendorPackError(f"no vendor pack {pack_id!r} in {root.parent}")
    return _load(root)


def all_packs() -> tuple[VendorPack, ...]:
    """Every pack of the vendors folder, in folder-name order (the catalogues' priority)."""
    return _packs_in(vendors_dir())


@cache
def _packs_in(root: Path) -> tuple[VendorPack, ...]:
    packs = tuple(
        _load(entry) for entry in sorted(root.iterdir()) if (entry / "manifest.yaml").is_file()
    )
    seen: dict[str, str] = {}
    for p in packs:
        if p.vendor in seen:
            raise VendorPackError(
                f"vendor {p.vendor!r} has two packs: {seen[p.vendor]} and {p.id} in {root}"
            )
        seen[p.vendor] = p.id
    return packs


def known_vendors() -> tuple[str, ...]:
    """The vendor words inventories may use, one per installed pack."""
    return tuple(p.vendor for p in all_packs())


def pack_for(vendor: str) -> VendorPack:
    """The pack that speaks for a switch vendor (``brocade``)."""
    for pack in all_packs():
        if pack.vendor == vendor:
            return pack
    raise VendorPackError(f"no vendor pack for {vendor}")
