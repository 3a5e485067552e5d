"""Inventory → workbook (``zoneplan export INV -o site.xlsx``).

Every value lands in the column :mod:`zoneplan.spreadsheet.layout` gives it, as the cell type
the import reads back (text as text, never as a formula: a free-text field that starts with
``=`` stays text), so the import gives the same inventory. Text columns are formatted as text,
so a port typed later as ``1/2`` is not turned into a date. The file is reproducible: the
workbook's dates are fixed and the zip entries carry no time stamp, so exporting the same
inventory twice gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..model import DEVICE_PATHS, Cable, Hba, Inventory, Location, Port
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
    Sheet,
)

#: the workbook's creation date (fixed: the same inventory gives the same file)
EPOCH = datetime(2000, 1, 1)
#: rows the export formats as text and offers drop-downs in, beyond the filled ones
SPARE_ROWS = 200


def _location(loc: Location | None) -> dict[str, Any]:
    if loc is None:
        return {}
    data = loc.model_dump(mode="json", exclude_defaults=True)
    return {f"location.{k}": v for k, v in data.items()}


def _cable(cable: Cable | None) -> dict[str, Any]:
    if cable is None:
        return {}
    return cable.model_dump(mode="json", exclude_none=True)


def flatten(value: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """Nested mappings and lists as (``a.b.0.c``, scalar) pairs, in order."""
    if isinstance(value, dict):
        out: list[tuple[str, Any]] = []
        for k, v in value.items():
            out += flatten(v, f"{prefix}{k}.")
        return out
    if isinstance(value, list):
        out = []
        for i, v in enumerate(value):
            out += flatten(v, f"{prefix}{i}.")
        return out
    return [(prefix[:-1], value)]


def _site_rows(inv: Inventory) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [{"key": "name", "value": inv.name}]
    for key in ("site", "description"):
        if getattr(inv, key):
            rows.append({"key": key, "value": getattr(inv, key)})
    if inv.cluster is not None:
        data = inv.cluster.model_dump(mode="json", exclude_defaults=True, exclude={"nodes"})
        data = {"name": inv.cluster.name, **data}
        rows += [{"key": f"cluster.{k}", "value": v} for k, v in flatten(data)]
    policy = inv.policy.model_dump(mode="json", exclude_defaults=True)
    rows += [{"key": f"policy.{k}", "value": v} for k, v in flatten(policy)]
    return rows


def _plain(model: Any, *, exclude: set[str] = frozenset()) -> dict[str, Any]:  # type: ignore[assignment]
    return model.model_dump(mode="json", exclude_defaults=True, exclude=exclude)


def sheet_rows(inv: Inventory) -> dict[str, list[dict[str, Any]]]:
    """Every sheet's rows, each a mapping of column key → value (absent: empty cell)."""
    rows: dict[str, list[dict[str, Any]]] = {s.name: [] for s in SHEETS}
    rows[SITE.name] = _site_rows(inv)
    rows[FABRICS.name] = [_plain(f) | {"name": f.name} for f in inv.fabrics]
    rows[RACKS.name] = [_plain(r) | {"name": r.name} for r in inv.racks]
    rows[PANELS.name] = [
        _plain(p, exclude={"location"}) | {"name": p.name, "ports": p.ports} | _location(p.location)
        for p in inv.patch_panels
    ]
    for sw in inv.switches:
        row = _plain(sw, exclude={"location", "ports", "slots"}) | {"name": sw.name}
        row |= {"fabric": sw.fabric}
        if sw.domain_id is not None:  # none in Access Gateway / NPV mode
            row["domain_id"] = sw.domain_id
        if isinstance(sw.ports, list):
            # one all-digit name gets a trailing comma: "5" alone would read as a port count
            single = len(sw.ports) == 1 and sw.ports[0].isdecimal()
            row["ports"] = ", ".join(sw.ports) + ("," if single else "")
        elif sw.ports is not None:
            row["ports"] = sw.ports
        if sw.slots is not None:
            row["slots"] = ", ".join(f"{k}:{v}" for k, v in sw.slots.items())
        rows[SWITCHES.name].append(row | _location(sw.location))
    for kind, name, _i, device, adapters in inv.devices():
        row = (
            {"kind": kind}
            | _plain(device, exclude={"location", DEVICE_PATHS[kind][1]})
            | {"name": name}
        )
        if kind == "node":
            row["role"] = device.role  # type: ignore[attr-defined]
        if kind == "host":
            row["os"] = device.os.value  # type: ignore[attr-defined]
        rows[DEVICES.name].append(row | _location(getattr(device, "location", None)))
        for hba in adapters:
            for port in hba.ports:
                rows[PORTS.name].append(_port_row(kind, name, hba, port))
                _cable_rows(rows[CABLES.name], f"{name}/{hba.name}/{port.name}", port)
    for isl in inv.isls:
        rows[ISLS.name].append({"a": isl.a, "b": isl.b})
        _cable_rows(rows[CABLES.name], isl.a, isl)
    rows[ZONES.name] = [
        {
            "name": z.name,
            "fabric": z.fabric,
            "members": "; ".join(z.members),
            "principals": "; ".join(z.principals),
        }
        for z in inv.existing_zones
    ]
    return rows


def _port_row(kind: str, device: str, hba: Hba, port: Port) -> dict[str, Any]:
    row: dict[str, Any] = {"kind": kind, "device": device, "adapter": hba.name}
    for key in ("vendor", "model", "slot", "wwnn"):
        if getattr(hba, key):
            row[f"hba.{key}"] = getattr(hba, key)
    row |= _plain(port, exclude={"cable", "via"}) | {"name": port.name, "wwpn": port.wwpn}
    return row


def _cable_rows(out: list[dict[str, Any]], run: str, owner: Any) -> None:
    if owner.cable is not None:
        out.append({"run": run, "segment": 1} | _cable(owner.cable))
    for i, hop in enumerate(owner.via):
        out.append(
            {"run": run, "segment": i + 2, "panel": hop.panel, "panel_port": hop.port}
            | _cable(hop.cable)
        )


HEAD_FILL = PatternFill("solid", fgColor="DDDDDD")


def _write_sheet(wb: Workbook, sheet: Sheet, rows: list[dict[str, Any]]) -> None:
    ws = wb.create_sheet(sheet.name)
    ws.freeze_panes = "A2"
    for c, col in enumerate(sheet.columns, start=1):
        cell = ws.cell(1, c, col.header)
        cell.font = Font(bold=True)
        cell.fill = HEAD_FILL
        letter = get_column_letter(c)
        ws.column_dimensions[letter].width = col.width
    last = len(rows) + 1 + SPARE_ROWS
    for r, row in enumerate(rows, start=2):
        for c, col in enumerate(sheet.columns, start=1):
            value = row.get(col.key)
            if value is None or value == "":
                continue
            cell = ws.cell(r, c)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # text stays text: never a formula (a value may start with =)
                if "\n" in value:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    for c, col in enumerate(sheet.columns, start=1):
        letter = get_column_letter(c)
        if col.kind in ("text", "wwpn", "port", "ports", "slots", "members"):
            for r in range(2, last + 1):
                ws.cell(r, c).number_format = "@"
        if col.choices:
            dv = DataValidation(
                type="list", formula1='"' + ",".join(col.choices) + '"', allow_blank=True
            )
            dv.error = f"one of: {', '.join(col.choices)}"
            dv.showErrorMessage = True
            ws.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}{last}")


def _reproducible(data: bytes) -> bytes:
    """The zip rewritten with fixed entry times (openpyxl stamps the time of writing)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" on save
                body = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + EPOCH.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>",
                    body,
                )
            dst.writestr(fixed, body)
    return out.getvalue()


def write_workbook(inv: Inventory) -> bytes:
    """The inventory as an .xlsx workbook (bytes): one sheet per part, in the layout's order."""
    wb = Workbook()
    for default in list(wb.worksheets):  # the empty sheet a new workbook starts with
        wb.remove(default)
    wb.properties.creator = "zoneplan"
    wb.properties.created = EPOCH
    wb.properties.modified = EPOCH
    wb.properties.lastModifiedBy = "zoneplan"
    rows = sheet_rows(inv)
    for sheet in SHEETS:
        _write_sheet(wb, sheet, rows[sheet.name])
    buf = io.BytesIO()
    wb.save(buf)
    return _reproducible(buf.getvalue())
