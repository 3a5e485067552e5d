"""The SNMP text form (``snmp_walk.txt``) and its decoding into the observed state.

Why a text form: an SNMP read must be saved in a capture folder and audited offline like
saved CLI output, and a person must be able to read and diff it. The form is snmpsim's
``.snmprec`` (``OID|TAG|VALUE``, sorted by OID) with a ``#`` header saying which switch, which
catalogue columns were walked and whether each walk was complete; so a saved walk can also be
served again by snmpsim for a test. ``docs/snmp-text-form.md`` documents it.

The walk's vendor (its header, else its ``sysObjectID`` under a pack's ``enterprise``) picks
the pack; the pack's parser module decodes the columns (``decode_snmp``). Decoders read *value
columns*, not index layouts, because real switches contradict their MIBs there; only where a MIB
has no value column for a key is the index read, at its fixed documented position. This module
holds what every decoder shares: the text form, column access, WWN and FC_ID decoding.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Callable, Iterable

from ..findings import Finding, Location
from ..observed import SwitchIdentity, SwitchState
from ..packs import VendorPack, VendorPackError, all_packs, pack_for, vendors_dir
from ..rules.capture import TruncatedOutput, UnrecognisedLine
from ..rules.transport import PartialRead, SnmpValueUndecodable, SnmpZoningUnavailable
from . import parser_module

__all__ = [
    "Record",
    "WalkStatus",
    "Catalogue",
    "load_catalogue",
    "format_walk",
    "read_walk",
    "parse_snmp_walk",
    "decode_wwn",
    "decode_fcid",
    "Columns",
    "text_value",
    "undecodable",
    "octets",
    "Decoder",
    "MAGIC",
    "FILE_NAME",
    "is_snmp_walk",
    "read_snmp_walks",
]

MAGIC = "# zoneplan snmp walk 1"
FILE_NAME = "snmp_walk.txt"
Oid = tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Record:
    """One varbind: numeric OID, snmprec tag (2 int, 4 octets, 6 OID, 64-70 app types)."""

    oid: Oid
    tag: int
    value: bytes | int | str  #: bytes for tag 4/64/68, int for numbers, dotted str for OIDs


@dataclass(slots=True)
class WalkStatus:
    """How the walk of one column (or GET of a scalar) ended."""

    name: str
    oid: Oid
    status: str = "complete"  #: ``complete``, ``empty``, ``error: …``, ``bounded``
    rows: int = 0


@dataclass(frozen=True)
class Catalogue:
    """A vendor's SNMP catalogue (``vendors/<pack>/snmp.yaml``), OIDs as tuples."""

    vendor: str
    zoning: bool
    enterprise: Oid
    scalars: dict[str, Oid]
    tables: dict[str, dict[str, Oid]]

    def column(self, name: str) -> Oid:
        for cols in self.tables.values():
            if name in cols:
                return cols[name]
        return self.scalars[name]

    def columns(self) -> list[tuple[str, str, Oid]]:
        """(table, column, oid) in catalogue order."""
        return [(t, c, o) for t, cols in self.tables.items() for c, o in cols.items()]


def _oid(s: str) -> Oid:
    parts = str(s).strip().strip(".").split(".")
    if not all(p.isascii() and p.isdigit() for p in parts):  # int() takes '1_0', '-1', ' 1'
        raise ValueError(f"not a numeric OID: {s!r}")
    return tuple(int(x) for x in parts)


def octets(parts: Oid) -> bytes | None:
    """Index sub-identifiers that encode octets (a name, an FC_ID), or None if one is not
    (a saved walk is input: an index byte of 256 must not crash a decoder)."""
    if all(0 <= p <= 255 for p in parts):
        return bytes(parts)
    return None


def load_catalogue(vendor: str) -> Catalogue:
    """The OID catalogue of a vendor's pack (VendorPackError when it has no ``snmp.yaml``)."""
    return _catalogue(pack_for(vendor))


@cache
def _catalogue(pack: VendorPack) -> Catalogue:
    snmp = pack.snmp
    if snmp is None:
        raise VendorPackError(f"vendor pack {pack.id} has no snmp.yaml: it is not read by SNMP")
    return Catalogue(
        vendor=pack.vendor,
        zoning=snmp.zoning,
        enterprise=_oid(snmp.enterprise),
        scalars={k: _oid(v) for k, v in snmp.scalars.items()},
        tables={t: {c: _oid(o) for c, o in cols.items()} for t, cols in snmp.tables.items()},
    )


@cache
def _snmp_packs(root: Path) -> tuple[VendorPack, ...]:
    return tuple(p for p in all_packs() if p.snmp is not None)


def _vendor_of(sys_object_id: str) -> str | None:
    """The vendor whose enterprise number ``sysObjectID`` lies under."""
    oid = _oid(sys_object_id) if sys_object_id.strip(".").replace(".", "").isdigit() else ()
    for pack in _snmp_packs(vendors_dir()):
        prefix = _catalogue(pack).enterprise
        if oid[: len(prefix)] == prefix and len(oid) > len(prefix):
            return pack.vendor
    return None


# ---------------------------------------------------------------------------- decoders


def decode_wwn(raw: bytes) -> str | None:
    """8 octets → ``aa:bb:…``; a 16-octet FcGlobalId with 8 trailing zero octets is accepted.

    Returns None for any other size, and for all-zero WWNs (``FcNameIdOrZero`` "none").
    """
    if len(raw) == 16 and raw[8:] == bytes(8):
        raw = raw[:8]
    if len(raw) != 8 or raw == bytes(8):
        return None
    return ":".join(f"{b:02x}" for b in raw)


def decode_fcid(raw: bytes) -> str | None:
    """3-octet FC_ID (or Brocade's 4-octet ``00``+FC_ID) → ``0x010400``."""
    if len(raw) == 4 and raw[0] == 0:
        raw = raw[1:]
    if len(raw) != 3:
        return None
    return "0x" + raw.hex()


# ---------------------------------------------------------------------------- text form

_PRINTABLE = re.compile(r"^[\x21-\x7b\x7d\x7e](?:[\x20-\x7b\x7d\x7e]*[\x21-\x7b\x7d\x7e])?$")


def _fmt_value(tag: int, value: bytes | int | str) -> str:
    if tag == 4 and isinstance(value, bytes):
        try:
            s = value.decode("ascii")
        except UnicodeDecodeError:
            s = ""
        if s and _PRINTABLE.fullmatch(s) and not re.fullmatch(r"[0-9a-fA-F]+", s):
            return f"4|{s}"
        return f"4x|{value.hex()}"
    if tag in (64, 68) and isinstance(value, bytes):
        return f"{tag}x|{value.hex()}"
    return f"{tag}|{value}"


def format_walk(
    records: Iterable[Record],
    *,
    switch: str,
    vendor: str,
    statuses: Iterable[WalkStatus] = (),
    version: str = "",
    collected: str = "",
) -> str:
    """The ``snmp_walk.txt`` text: header, then records sorted by OID (duplicates dropped)."""
    head = [MAGIC, f"# switch: {switch}", f"# vendor: {vendor}"]
    if version:
        head.append(f"# snmp-version: {version}")
    if collected:
        head.append(f"# collected: {collected}")
    for st in statuses:
        head.append(f"# walk: {'.'.join(map(str, st.oid))} {st.name} rows={st.rows} {st.status}")
    seen: set[Oid] = set()
    body: list[str] = []
    for r in sorted(records, key=lambda r: r.oid):
        if r.oid in seen:
            continue
        seen.add(r.oid)
        body.append(f"{'.'.join(map(str, r.oid))}|{_fmt_value(r.tag, r.value)}")
    return "\n".join(head + body) + "\n"


@dataclass
class Walk:
    """A parsed ``snmp_walk.txt``."""

    switch: str = ""
    vendor: str = ""
    version: str = ""
    statuses: list[WalkStatus] = field(default_factory=list)
    values: dict[Oid, Record] = field(default_factory=dict)


def read_walk(text: str, source: str = FILE_NAME) -> tuple[Walk, list[Finding]]:
    """Parse the text form; bad lines are ZP025 findings naming file and line."""
    walk = Walk()
    findings: list[Finding] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            body = line[1:].strip()
            key, _, val = body.partition(":")
            val = val.strip()
            if key == "switch":
                walk.switch = val
            elif key == "vendor":
                walk.vendor = val
            elif key == "snmp-version":
                walk.version = val
            elif key == "walk":
                parts = val.split(None, 3)
                try:
                    if len(parts) < 4 or not parts[2].startswith("rows="):
                        raise ValueError
                    status = WalkStatus(parts[1], _oid(parts[0]), parts[3], int(parts[2][5:]))
                except ValueError:
                    findings.append(
                        UnrecognisedLine.make(
                            f"not a '# walk: OID NAME rows=N STATUS' line: {line[:80]!r}",
                            Location(source, n),
                        )
                    )
                    # a status that cannot be read is no proof the column is complete
                    walk.statuses.append(WalkStatus("?", (), "unreadable status line"))
                else:
                    walk.statuses.append(status)
            continue
        oid_s, sep, rest = line.partition("|")
        tag_s, sep2, val = rest.partition("|")
        try:
            oid = _oid(oid_s)
            hexed = tag_s.endswith("x")
            tag = int(tag_s.rstrip("xe").split(":")[0])
            value: bytes | int | str
            if tag in (4, 64, 68):
                value = bytes.fromhex(val) if hexed else val.encode("latin-1")
            elif tag == 6:
                value = val
            elif tag in (5, 128, 129, 130):
                value = 0
            else:
                value = int(val)
            if not sep or not sep2:
                raise ValueError
        except ValueError:
            findings.append(
                UnrecognisedLine.make(
                    f"not an OID|TAG|VALUE record: {line[:80]!r}", Location(source, n)
                )
            )
            continue
        walk.values[oid] = Record(oid, tag, value)
    return walk, findings


# ---------------------------------------------------------------------------- decoding


class Columns:
    """Column access on a walk: ``rows(oid)`` → {index suffix: value}."""

    def __init__(self, walk: Walk) -> None:
        self.walk = walk
        self._sorted = sorted(walk.values)
        #: rows whose index does not have the table's shape: (column prefix, index)
        self.bad: list[tuple[Oid, Oid]] = []

    def rows(self, prefix: Oid, width: int | None = None) -> dict[Oid, bytes | int | str]:
        """The column's rows by index suffix. A row without an index, or (``width`` given)
        with another number of sub-identifiers than the table's INDEX has, is left out and
        recorded in :attr:`bad` (a saved walk is input: it may hold anything)."""
        n = len(prefix)
        i = bisect.bisect_left(self._sorted, prefix)
        out: dict[Oid, bytes | int | str] = {}
        while i < len(self._sorted) and self._sorted[i][:n] == prefix:
            oid = self._sorted[i]
            idx = oid[n:]
            if not idx or (width is not None and len(idx) != width):
                self.bad.append((prefix, idx))
            else:
                out[idx] = self.walk.values[oid].value
            i += 1
        return out

    def scalar(self, oid: Oid) -> bytes | int | str | None:
        r = self.walk.values.get(oid)
        return r.value if r is not None else None


def text_value(v: object) -> str | None:
    """An OCTET STRING as text (NULs and blanks trimmed), None when empty or not a string."""
    if isinstance(v, bytes):
        s = v.decode("utf-8", "replace").strip("\x00 ").strip()
        return s or None
    if isinstance(v, str):
        return v or None
    return None


#: a pack's SNMP decoder: fills the state from the walk's columns
Decoder = Callable[[SwitchState, Columns, Catalogue, str, list[Finding]], None]


def undecodable(
    findings: list[Finding],
    source: str,
    what: str,
    idx: Oid,
    raw: object,
    state: SwitchState | None = None,
    feeds: str = "",
) -> None:
    """ZP727: a value that cannot be decoded is skipped, never guessed; what it ``feeds``
    (a ``SwitchState.seen`` input) is then not completely known."""
    if state is not None and feeds:
        state.cut[feeds] = source
    size = len(raw) if isinstance(raw, bytes) else "?"
    findings.append(
        SnmpValueUndecodable.make(
            f"{what} at index {'.'.join(map(str, idx))}: {size} octets, skipped",
            Location(source),
        )
    )


def parse_snmp_walk(
    text: str, source: str = FILE_NAME, *, switch: str | None = None, vendor: str | None = None
) -> tuple[SwitchState, list[Finding]]:
    """Decode a ``snmp_walk.txt`` into an observed :class:`SwitchState` with findings.

    A walk whose header marks a column as not complete makes the affected part incomplete:
    a ZP707 finding is raised and (for zoning) ``ZoneDb.complete`` is False, so an audit never
    reads absence into a cut walk.
    """
    walk, findings = read_walk(text, source)
    snmp_packs = _snmp_packs(vendors_dir())
    known = [p.vendor for p in snmp_packs]
    vendor = vendor or walk.vendor
    if vendor not in known:
        sys_oid = walk.values.get((1, 3, 6, 1, 2, 1, 1, 2, 0))
        vendor = _vendor_of(str(sys_oid.value)) if sys_oid else None
    if vendor not in known:
        findings.append(
            UnrecognisedLine.make(
                f"snmp walk names no vendor (# vendor: {'|'.join(known)})", Location(source, 1)
            )
        )
        vendor = known[0]  # best effort with the first pack's catalogue; the finding says so
    pack = pack_for(vendor)
    cat = _catalogue(pack)
    cols = Columns(walk)
    name = (
        switch
        or walk.switch
        or text_value(cols.scalar(cat.scalars.get("sysName", ())))
        or Path(source).parent.name
    )
    ident = SwitchIdentity(
        name=name, model=text_value(cols.scalar(cat.scalars.get("sysDescr", ())))
    )
    state = SwitchState(identity=ident, vendor=vendor)
    state.seen["identity"] = source
    _decoder(pack)(state, cols, cat, source, findings)
    if not cat.zoning:
        findings.append(
            SnmpZoningUnavailable.make(
                f"{state.name}: {pack.manifest.brand} publishes no zoning over SNMP; zoning was "
                "not read (read it with --via ssh)",
                Location(f"{state.name}:snmp"),
                subject=state.name,
            )
        )
    if cols.bad:
        shown = ", ".join(
            f"{'.'.join(map(str, col))}[{'.'.join(map(str, idx)) or 'no index'}]"
            for col, idx in cols.bad[:3]
        )
        findings.append(
            SnmpValueUndecodable.make(
                f"{name}: {len(cols.bad)} row(s) whose index does not fit the table's INDEX "
                f"skipped ({shown}{' …' if len(cols.bad) > 3 else ''}); the walk is incomplete",
                Location(source),
                subject=name,
            )
        )
    bad = [s for s in walk.statuses if s.status not in ("complete", "empty")]
    if bad or cols.bad:
        # which input a cut column feeds is not tracked: none of the walk is complete
        state.cut.update({k: source for k in state.seen if k != "identity"})
        for z in state.zoning.values():
            for db in (z.defined, z.effective):
                if db is not None:
                    db.complete = False
    if bad:
        findings.append(
            PartialRead.make(
                f"{name}: {len(bad)} SNMP column(s) not completely read: "
                + ", ".join(f"{s.name} ({s.status})" for s in bad[:5]),
                Location(source),
                subject=name,
            )
        )
    if not walk.values:
        findings.append(TruncatedOutput.make("snmp walk holds no records", Location(source)))
    return state, findings


def _decoder(pack: VendorPack) -> Decoder:
    module = parser_module(pack)
    decode = getattr(module, "decode_snmp", None)
    if not callable(decode):
        raise VendorPackError(f"{pack.id}: {module.__name__} has no decode_snmp for snmp.yaml")
    return decode


def is_snmp_walk(path: Path, head: str) -> bool:
    """True for a saved SNMP walk: named ``snmp_walk.txt`` or starting with the magic line.

    ``head`` is the start of the file's text (the capture reader reads each file once, as a
    regular file, never through a link: this function opens nothing)."""
    return path.name == FILE_NAME or head.startswith(MAGIC)


def read_snmp_walks(
    walks: Iterable[tuple[str, str, str]],
) -> list[tuple[SwitchState, list[Finding], str]]:
    """Saved walks ``(source, text, folder name)`` → ``(state, findings, source)`` each.

    The capture reader finds and reads the files; a walk's switch is its header's
    ``# switch:``, else its folder's name.
    """
    out = []
    for source, text, folder in walks:
        walk_switch = next(
            (
                ln.split(":", 1)[1].strip()
                for ln in text.split("\n", 4)[:4]
                if ln.startswith("# switch:")
            ),
            "",
        )
        st, fs = parse_snmp_walk(text, source, switch=walk_switch or folder)
        out.append((st, fs, source))
    return out
