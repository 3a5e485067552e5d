"""Workbook → inventory (``zoneplan import site.xlsx -o inventory.yaml``), every problem at its
cell.

Why a cell map: the rows become the same plain data a YAML file holds, and every value keeps
the cell it came from, so the loader's checks (ZP003-ZP009) and every inventory rule report
``site.xlsx:ports!I12`` exactly as they report ``inv.yaml:42:7`` for YAML. What only a
spreadsheet gets wrong has codes of its own (ZP010-ZP017): dates where ``1/2`` was typed,
WWPNs stored as 15-digit numbers, formulas, sheets and columns that are not there.

The file is checked before openpyxl parses it: its size, the zip's entries and how far they
unpack (a zip bomb stops here), and openpyxl reads the XML through defusedxml when it is
installed (a dependency of zoneplan). Nothing is ever silently dropped: a
value the import cannot place is a finding, and no inventory is written with fatal ones.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Iterable

from pydantic import ValidationError

from ..findings import Finding, Location
from ..loader import LoadResult, validation_findings
from ..model import DEVICE_PATHS, Inventory
from ..rules.spreadsheet import (
    MissingSheetOrColumn,
    SpreadsheetDate,
    UnknownColumn,
    UnknownRowReference,
    UnknownSheet,
    UnreadableCell,
    UnreadableWorkbook,
    WwpnAsNumber,
)
from .layout import (
    CABLES,
    DEVICES,
    FABRICS,
    ISLS,
    PANELS,
    PORTS,
    RACKS,
    SHEETS,
    SITE,
    SWITCHES,
    ZONES,
    Column,
    Sheet,
)

#: limits of what is read: the file, the zip's unpacked size, entries, rows and columns
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_RATIO = 200
MAX_ENTRIES = 2000
MAX_ROWS = 200_000
MAX_COLUMNS = 128


@dataclass
class CellMap:
    """Where each value of the inventory data came from: data path → (sheet, cell)."""

    file: str
    cells: dict[tuple[Any, ...], tuple[str, str]] = field(default_factory=dict)

    def add(self, path: tuple[Any, ...], sheet: str, ref: str) -> None:
        self.cells.setdefault(path, (sheet, ref))

    def locate(self, path: Iterable[Any], *, key: bool = False) -> Location:
        """The cell of ``path``, else of its nearest parent, else the workbook."""
        p = tuple(path)
        while p:
            if p in self.cells:
                sheet, ref = self.cells[p]
                return at(self.file, sheet, ref)
            p = p[:-1]
        return Location(self.file)


def at(file: str, sheet: str, ref: str) -> Location:
    """``site.xlsx:ports!C12``: a finding's place in a workbook."""
    return Location(f"{file}:{sheet}!{ref}")


@dataclass
class _Cell:
    value: Any
    ref: str
    formula: bool


def _letter(col: int) -> str:
    out = ""
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def _norm(header: Any) -> str:
    return re.sub(r"[\s_]+", " ", str(header).strip().lower())


class _Reader:
    def __init__(self, file: str) -> None:
        self.file = file
        self.findings: list[Finding] = []
        self.cells = CellMap(file)

    def bad(self, rule: type, message: str, sheet: str = "", ref: str = "", subject: str = ""):  # noqa: ANN201
        where = at(self.file, sheet, ref) if sheet else Location(self.file)
        self.findings.append(rule.make(message, where, subject=subject or ref))  # type: ignore[attr-defined]

    # -- cells to values -----------------------------------------------------------------------
    def value(self, cell: _Cell, col: Column, sheet: str) -> tuple[bool, Any]:
        """(ok, value) of a cell for its column; a problem is recorded and ok is False."""
        v = cell.value
        if cell.formula:
            self.bad(
                UnreadableCell,
                f"{col.header}: the cell holds a formula ({str(v)[:40]}); type the value",
                sheet,
                cell.ref,
            )
            return False, None
        if isinstance(v, (datetime, date, time, timedelta)):
            self.bad(
                SpreadsheetDate,
                f"{col.header}: the cell holds a date or time ({v}); the spreadsheet turned "
                "what was typed into one: format the column as text and type it again",
                sheet,
                cell.ref,
            )
            return False, None
        if isinstance(v, str):
            v = v.strip()
            if v == "":
                return True, None
        kind = col.kind
        if kind == "wwpn":
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                self.bad(
                    WwpnAsNumber,
                    f"{col.header}: {v!r} is stored as a number (15 significant digits: the "
                    "WWPN may have lost digits); format the column as text and type it again",
                    sheet,
                    cell.ref,
                )
                return False, None
            return True, v
        if kind in ("text", "port"):
            if isinstance(v, bool):
                return True, str(v).lower()
            if isinstance(v, float) and v.is_integer():
                return True, str(int(v))
            return True, v if isinstance(v, str) else str(v)
        if kind == "ports":
            if isinstance(v, float) and v.is_integer():
                return True, int(v)
            if isinstance(v, str):
                if v.isdecimal():
                    return True, int(v)
                return True, [p.strip() for p in v.split(",") if p.strip()]
            return True, v
        if kind == "slots":
            text = str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)
            slots: dict[int, int] = {}
            for part in filter(None, (x.strip() for x in text.split(","))):
                m = re.fullmatch(r"(\d+)\s*:\s*(\d+)", part)
                if not m:
                    self.bad(
                        UnreadableCell,
                        f"{col.header}: {part!r} is not slot:ports (e.g. 1:48, 2:48)",
                        sheet,
                        cell.ref,
                    )
                    return False, None
                slots[int(m.group(1))] = int(m.group(2))
            return True, slots
        if kind == "members":
            return True, [m.strip() for m in re.split(r"[;\n]", str(v)) if m.strip()]
        return True, v  # int, float, bool: the model checks them

    # -- sheets --------------------------------------------------------------------------------
    def rows(self, ws: Any, sheet: Sheet) -> list[dict[str, _Cell]]:
        """The sheet's data rows as column key → cell (empty cells left out)."""
        out: list[dict[str, _Cell]] = []
        columns: dict[int, Column | None] = {}
        by_name = {_norm(col.key): col for col in sheet.columns}
        by_name |= {_norm(col.header): col for col in sheet.columns}  # headers win over keys
        seen: set[str] = set()
        it = ws.iter_rows()
        header = next(it, None)
        if header is None:
            self.bad(MissingSheetOrColumn, f"sheet {sheet.name!r} has no header row", sheet.name)
            return out
        for c, cell in enumerate(header[:MAX_COLUMNS], start=1):
            value = getattr(cell, "value", None)
            ref = f"{_letter(c)}1"
            if value is None or str(value).strip() == "":
                continue
            text = _norm(value)
            if text.startswith("#"):
                columns[c] = None
                continue
            col = by_name.get(text)
            if col is None:
                self.bad(
                    UnknownColumn,
                    f"column {str(value)!r} is not one zoneplan reads; its values would be "
                    f"lost (columns: {', '.join(x.header for x in sheet.columns)})",
                    sheet.name,
                    ref,
                )
                continue
            if col.key in seen:
                self.bad(UnknownColumn, f"column {col.header!r} is given twice", sheet.name, ref)
                continue
            seen.add(col.key)
            columns[c] = col
        for col in sheet.columns:
            if col.required and col.key not in seen:
                self.bad(
                    MissingSheetOrColumn,
                    f"sheet {sheet.name!r} has no column {col.header!r}",
                    sheet.name,
                    "A1",
                )
        for r, row in enumerate(it, start=2):
            if r > MAX_ROWS:
                self.bad(
                    UnreadableWorkbook,
                    f"sheet {sheet.name!r} has more than {MAX_ROWS} rows",
                    sheet.name,
                )
                break
            cells: dict[str, _Cell] = {}
            for c, cell in enumerate(row, start=1):
                value = getattr(cell, "value", None)
                if value is None or (isinstance(value, str) and not value.strip()):
                    continue
                ref = f"{_letter(c)}{r}"
                if c > MAX_COLUMNS or c not in columns:
                    self.bad(
                        UnknownColumn,
                        "a value in a column without a header (it would be lost)",
                        sheet.name,
                        ref,
                    )
                    continue
                col = columns[c]
                if col is None:  # a notes column
                    continue
                cells[col.key] = _Cell(value, ref, getattr(cell, "data_type", None) == "f")
            if cells:
                out.append(cells)
        return out

    def record(
        self, sheet: Sheet, row: dict[str, _Cell], path: tuple[Any, ...], skip: Iterable[str] = ()
    ) -> dict[str, Any]:
        """A row as the object at ``path`` (``location.*`` nested), each value's cell mapped."""
        cols = {c.key: c for c in sheet.columns}
        first = row.get("name") or min(row.values(), key=lambda c: (len(c.ref), c.ref))
        self.cells.add(path, sheet.name, first.ref)
        obj: dict[str, Any] = {}
        for key, cell in row.items():
            if key in skip:
                continue
            ok, value = self.value(cell, cols[key], sheet.name)
            if not ok or value is None:
                continue
            parts = key.split(".")
            target = obj
            for part in parts[:-1]:
                target = target.setdefault(part, {})
                self.cells.add((*path, *parts[: parts.index(part) + 1]), sheet.name, cell.ref)
            target[parts[-1]] = value
            self.cells.add((*path, *parts), sheet.name, cell.ref)
        return obj


def _lists(value: Any) -> Any:
    """Mappings whose keys are 0..n-1 (from ``a.0.b``) become lists."""
    if isinstance(value, dict):
        value = {k: _lists(v) for k, v in value.items()}
        keys = list(value)
        if keys and all(isinstance(k, str) and k.isdecimal() for k in keys):
            if sorted(int(k) for k in keys) == list(range(len(keys))):
                return [value[str(i)] for i in range(len(keys))]
    return value


def _check_zip(path: Path, reader: _Reader) -> bool:
    try:
        size = path.stat().st_size
    except OSError as exc:
        reader.bad(UnreadableWorkbook, f"cannot read the workbook: {exc.strerror or exc}")
        return False
    if size > MAX_FILE_BYTES:
        reader.bad(
            UnreadableWorkbook, f"the workbook is {size} bytes; the limit is {MAX_FILE_BYTES}"
        )
        return False
    if not zipfile.is_zipfile(path):
        reader.bad(
            UnreadableWorkbook,
            "not an .xlsx workbook (Office Open XML); save it as 'Excel Workbook (.xlsx)'",
        )
        return False
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        reader.bad(UnreadableWorkbook, f"the workbook's zip is damaged: {exc}")
        return False
    unpacked = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if len(infos) > MAX_ENTRIES or unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_RATIO:
        reader.bad(
            UnreadableWorkbook,
            f"the workbook unpacks to {unpacked} bytes in {len(infos)} parts (ratio "
            f"{unpacked // packed}); refusing it as a possible zip bomb",
        )
        return False
    if "xl/workbook.xml" not in {i.filename for i in infos}:
        reader.bad(UnreadableWorkbook, "a zip file, but not an .xlsx workbook (no xl/workbook.xml)")
        return False
    return True


def read_workbook(path: str | Path, *, display: str | None = None) -> LoadResult:
    """Read a workbook into a validated inventory, or findings at their cells.

    ``display`` names the file in messages (default: the path as given). Never raises for bad
    input: every problem is a finding (ZP010 when the file cannot be read at all).
    """
    p = Path(path)
    file = display or str(path)
    reader = _Reader(file)
    if not _check_zip(p, reader):
        return LoadResult(file, None, reader.cells, reader.findings)  # type: ignore[arg-type]
    try:
        from openpyxl import load_workbook  # noqa: PLC0415 - the xlsx extra, imported on use
    except ImportError:
        reader.bad(UnreadableWorkbook, "reading workbooks needs openpyxl: pip install openpyxl")
        return LoadResult(file, None, reader.cells, reader.findings)  # type: ignore[arg-type]
    try:
        wb = load_workbook(p, read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for broken files
        reader.bad(UnreadableWorkbook, f"the workbook cannot be read: {type(exc).__name__}: {exc}")
        return LoadResult(file, None, reader.cells, reader.findings)  # type: ignore[arg-type]
    try:
        data = _build(wb, reader)
    finally:
        wb.close()
    if data is None or any(f.severity.rank >= 3 for f in reader.findings):
        return LoadResult(file, None, reader.cells, reader.findings)  # type: ignore[arg-type]
    try:
        inventory = Inventory.model_validate(data)
    except ValidationError as exc:
        reader.findings += validation_findings(exc, reader.cells)  # type: ignore[arg-type]
        return LoadResult(file, None, reader.cells, reader.findings)  # type: ignore[arg-type]
    return LoadResult(file, inventory, reader.cells, reader.findings)  # type: ignore[arg-type]


def _build(wb: Any, reader: _Reader) -> dict[str, Any] | None:
    by_name = {}
    for ws_name in wb.sheetnames:
        norm = _norm(ws_name)
        if norm.startswith("#"):
            continue
        sheet = next((s for s in SHEETS if s.name == norm), None)
        if sheet is None:
            reader.bad(
                UnknownSheet,
                f"sheet {ws_name!r} is not one zoneplan reads (it is ignored); sheets: "
                f"{', '.join(s.name for s in SHEETS)}",
                str(ws_name),
                "A1",
            )
            continue
        by_name[sheet.name] = wb[ws_name]
    for sheet in SHEETS:
        if sheet.required and sheet.name not in by_name:
            reader.bad(MissingSheetOrColumn, f"the workbook has no sheet {sheet.name!r}")
    if any(f.severity.rank >= 3 for f in reader.findings):
        return None
    rows = {s.name: reader.rows(by_name[s.name], s) if s.name in by_name else [] for s in SHEETS}
    data: dict[str, Any] = {}
    _site(reader, rows[SITE.name], data)
    for sheet, key in (
        (FABRICS, "fabrics"),
        (RACKS, "racks"),
        (PANELS, "patch_panels"),
        (SWITCHES, "switches"),
        (ISLS, "isls"),
        (ZONES, "existing_zones"),
    ):
        items = [reader.record(sheet, row, (key, i)) for i, row in enumerate(rows[sheet.name])]
        if items or sheet.required:
            data[key] = items
    owners = _devices(reader, rows[DEVICES.name], rows[PORTS.name], data)
    _cables(reader, rows[CABLES.name], data, owners)
    return data


def _site(reader: _Reader, rows: list[dict[str, _Cell]], data: dict[str, Any]) -> None:
    flat: dict[str, Any] = {}
    key_col = SITE.columns[0]
    value_col = SITE.columns[1]
    for row in rows:
        if "key" not in row:
            cell = next(iter(row.values()))
            reader.bad(UnreadableCell, "a value without a key", SITE.name, cell.ref)
            continue
        kcell = row["key"]
        ok, key = reader.value(kcell, key_col, SITE.name)
        if not ok or not key:
            continue
        vcell = row.get("value")
        value = None
        if vcell is not None:
            ok, value = reader.value(vcell, _raw(value_col), SITE.name)
            if not ok:
                continue
        if key in flat:
            reader.bad(UnreadableCell, f"key {key!r} is given twice", SITE.name, kcell.ref)
            continue
        flat[key] = value
        parts = tuple(int(x) if x.isdecimal() else x for x in key.split("."))
        reader.cells.add(parts, SITE.name, (vcell or kcell).ref)
        for n in range(1, len(parts)):
            reader.cells.add(parts[:n], SITE.name, kcell.ref)
    nested: dict[str, Any] = {}
    for key, value in flat.items():
        if value is None:
            continue
        target = nested
        names = key.split(".")
        for part in names[:-1]:
            nxt = target.setdefault(part, {})
            if not isinstance(nxt, dict):
                break
            target = nxt
        else:
            target[names[-1]] = value
    data.update(_lists(nested))


def _raw(col: Column) -> Column:
    """The site sheet's values keep their cell type (a number stays a number)."""
    return Column(col.header, col.key, "int")


def _devices(
    reader: _Reader,
    devices: list[dict[str, _Cell]],
    ports: list[dict[str, _Cell]],
    data: dict[str, Any],
) -> dict[str, tuple[tuple[Any, ...], dict[str, Any]]]:
    """Devices and their adapters and ports into ``data``; returns port ref → (path, port)."""
    places = {"node": ("cluster", "nodes"), "array": ("arrays",), "host": ("hosts",)}
    found: dict[tuple[str, str], tuple[tuple[Any, ...], dict[str, Any]]] = {}
    lists: dict[str, list[dict[str, Any]]] = {"node": [], "array": [], "host": []}
    for row in devices:
        kind_cell = row.get("kind")
        ok, kind = (
            reader.value(kind_cell, DEVICES.columns[0], DEVICES.name)
            if kind_cell
            else (False, None)
        )
        if kind not in places:
            cell = kind_cell or next(iter(row.values()))
            reader.bad(
                UnreadableCell,
                f"kind must be node, array or host, not {kind!r}",
                DEVICES.name,
                cell.ref,
            )
            continue
        index = len(lists[kind])
        path = (*places[kind], index)
        obj = reader.record(DEVICES, row, path, skip=("kind",))
        obj[DEVICE_PATHS[kind][1]] = []
        lists[kind].append(obj)
        name = obj.get("name")
        if isinstance(name, str):
            found.setdefault((kind, name), (path, obj))
    if lists["node"]:
        data.setdefault("cluster", {})["nodes"] = lists["node"]
    if lists["array"]:
        data["arrays"] = lists["array"]
    if lists["host"]:
        data["hosts"] = lists["host"]
    owners: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {}
    adapter_cols = {c.key: c for c in PORTS.columns}
    for row in ports:
        kcell, dcell, acell = row.get("kind"), row.get("device"), row.get("adapter")
        if kcell is None or dcell is None or acell is None:
            cell = next(iter(row.values()))
            reader.bad(
                MissingSheetOrColumn,
                "a port row needs kind, device and adapter",
                PORTS.name,
                cell.ref,
            )
            continue
        _ok, kind = reader.value(kcell, adapter_cols["kind"], PORTS.name)
        _ok, device = reader.value(dcell, adapter_cols["device"], PORTS.name)
        _ok, adapter = reader.value(acell, adapter_cols["adapter"], PORTS.name)
        owner = found.get((kind, device))
        if owner is None:
            reader.bad(
                UnknownRowReference,
                f"{kind} {device!r} is not on the devices sheet",
                PORTS.name,
                dcell.ref,
            )
            continue
        dpath, dev = owner
        akey = DEVICE_PATHS[kind][1]
        hbas = dev[akey]
        ai = next((i for i, h in enumerate(hbas) if h["name"] == adapter), None)
        if ai is None:
            ai = len(hbas)
            hbas.append({"name": adapter, "ports": []})
            reader.cells.add((*dpath, akey, ai), PORTS.name, acell.ref)
            reader.cells.add((*dpath, akey, ai, "name"), PORTS.name, acell.ref)
        hba = hbas[ai]
        for key in ("hba.vendor", "hba.model", "hba.slot", "hba.wwnn"):
            acell_ = row.get(key)
            if acell_ is None:
                continue
            cell = acell_
            ok, value = reader.value(cell, adapter_cols[key], PORTS.name)
            if not ok or value is None:
                continue
            field_ = key.split(".")[1]
            if field_ in hba and hba[field_] != value:
                reader.bad(
                    UnreadableCell,
                    f"adapter {device}/{adapter}: {field_} {value!r} here, {hba[field_]!r} on an "
                    "earlier row; give one value",
                    PORTS.name,
                    cell.ref,
                )
                continue
            hba[field_] = value
            reader.cells.add((*dpath, akey, ai, field_), PORTS.name, cell.ref)
        pi = len(hba["ports"])
        ppath = (*dpath, akey, ai, "ports", pi)
        port = reader.record(
            PORTS,
            row,
            ppath,
            skip=("kind", "device", "adapter", *(k for k in adapter_cols if k.startswith("hba."))),
        )
        hba["ports"].append(port)
        ref = f"{device}/{adapter}/{port.get('name')}"
        owners.setdefault(ref, (ppath, port))
    return owners


def _cables(
    reader: _Reader,
    rows: list[dict[str, _Cell]],
    data: dict[str, Any],
    owners: dict[str, tuple[tuple[Any, ...], dict[str, Any]]],
) -> None:
    isls: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {}
    twice: set[str] = set()
    for i, isl in enumerate(data.get("isls", [])):
        a = isl.get("a")
        if isinstance(a, str):
            if a in isls:
                twice.add(a)
            isls.setdefault(a, (("isls", i), isl))
    cols = {c.key: c for c in CABLES.columns}
    segments: dict[str, dict[int, tuple[dict[str, _Cell], dict[str, Any]]]] = {}
    targets: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {}
    for row in rows:
        rcell, scell = row.get("run"), row.get("segment")
        if rcell is None or scell is None:
            cell = next(iter(row.values()))
            reader.bad(
                MissingSheetOrColumn, "a cable row needs its run and segment", CABLES.name, cell.ref
            )
            continue
        ok1, run = reader.value(rcell, cols["run"], CABLES.name)
        ok2, seg = reader.value(scell, cols["segment"], CABLES.name)
        if not (ok1 and ok2):
            continue
        if not isinstance(seg, int) or isinstance(seg, bool) or seg < 1:
            try:
                seg = int(str(seg))
            except ValueError:
                seg = 0
            if seg < 1:
                reader.bad(UnreadableCell, "segment is a number from 1 on", CABLES.name, scell.ref)
                continue
        if ":" in str(run):
            if run in twice:
                reader.bad(
                    UnknownRowReference,
                    f"two ISLs start at {run}; a cable cannot tell which one it belongs to",
                    CABLES.name,
                    rcell.ref,
                )
                continue
            target = isls.get(run)
            what = "ISL (a end) on the isls sheet"
        else:
            target = owners.get(run)
            what = "port (device/adapter/port) on the ports sheet"
        if target is None:
            reader.bad(UnknownRowReference, f"run {run!r} is no {what}", CABLES.name, rcell.ref)
            continue
        targets[run] = target
        per = segments.setdefault(run, {})
        if seg in per:
            reader.bad(
                UnreadableCell, f"segment {seg} of {run} is given twice", CABLES.name, scell.ref
            )
            continue
        per[seg] = (row, {})
    for run, per in segments.items():
        path, owner = targets[run]
        hops = sorted(s for s in per if s > 1)
        if hops != list(range(2, 2 + len(hops))):
            missing = sorted(set(range(2, max(hops) + 1)) - set(hops))
            row = per[hops[-1]][0]
            reader.bad(
                UnknownRowReference,
                f"run {run}: segment(s) {', '.join(map(str, missing))} missing; segments are "
                "numbered 1, 2, 3 from the device (or the ISL's a end)",
                CABLES.name,
                row["segment"].ref,
            )
            continue
        if 1 in per:
            spec = reader.record(
                CABLES, per[1][0], (*path, "cable"), skip=("run", "segment", "panel", "panel_port")
            )
            if "panel" in per[1][0] or "panel_port" in per[1][0]:
                cell = per[1][0].get("panel") or per[1][0]["panel_port"]
                reader.bad(
                    UnreadableCell,
                    "segment 1 is the cable plugged into the port itself: it has no panel",
                    CABLES.name,
                    cell.ref,
                )
            owner["cable"] = spec
        via = []
        for k, s in enumerate(hops):
            row = per[s][0]
            hpath = (*path, "via", k)
            hop: dict[str, Any] = {}
            for key, field_ in (("panel", "panel"), ("panel_port", "port")):
                hcell = row.get(key)
                if hcell is None:
                    reader.bad(
                        MissingSheetOrColumn,
                        f"run {run} segment {s} leaves a patch panel: give its {cols[key].header}",
                        CABLES.name,
                        row["segment"].ref,
                    )
                    continue
                ok, value = reader.value(hcell, cols[key], CABLES.name)
                if ok and value is not None:
                    hop[field_] = value
                    reader.cells.add((*hpath, field_), CABLES.name, hcell.ref)
            reader.cells.add(hpath, CABLES.name, row["segment"].ref)
            spec = reader.record(
                CABLES, row, (*hpath, "cable"), skip=("run", "segment", "panel", "panel_port")
            )
            if spec:
                hop["cable"] = spec
            via.append(hop)
        if via:
            owner["via"] = via
