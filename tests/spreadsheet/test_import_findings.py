"""A workbook's problems, each reported at its cell with its code; nothing written for fatal ones."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Callable

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.support.paths import SAMPLES
from zoneplan.cli import app
from zoneplan.loader import load_inventory
from zoneplan.spreadsheet import read_workbook, write_workbook
from zoneplan.workflows.spreadsheet import import_workbook

SAMPLE = SAMPLES / "euronas-cluster.yaml"


@pytest.fixture(scope="module")
def exported() -> bytes:
    inv = load_inventory(SAMPLE).inventory
    assert inv is not None
    return write_workbook(inv)


@pytest.fixture
def edited(tmp_path: Path, exported: bytes) -> Callable[..., Path]:
    """The sample's workbook changed by ``edit(workbook)``, saved as site.xlsx."""

    def make(edit: Callable) -> Path:  # type: ignore[type-arg]
        wb = load_workbook(io.BytesIO(exported))
        edit(wb)
        path = tmp_path / "site.xlsx"
        wb.save(path)
        return path

    return make


def _cell(ws, header: str, name: str | None = None, *, row: int | None = None):  # noqa: ANN001, ANN202
    """The cell of column ``header`` in the row whose first cells hold ``name``."""
    col = next(c.column for c in ws[1] if c.value == header)
    if row is None:
        row = next(r[0].row for r in ws.iter_rows(min_row=2) if name in [c.value for c in r[:3]])
    return ws.cell(row, col)


def _found(path: Path) -> list[tuple[str, str]]:
    return [(f.code, str(f.location)) for f in read_workbook(path, display="site.xlsx").findings]


def test_a_date_where_a_port_was_typed(edited) -> None:  # noqa: ANN001
    def edit(wb):  # noqa: ANN001, ANN202
        cell = _cell(wb["ports"], "switch port", "esx01")
        cell.value = dt.datetime(2026, 1, 2)
        edit.ref = cell.coordinate

    path = edited(edit)
    assert ("ZP016", f"site.xlsx:ports!{edit.ref}") in _found(path)


def test_a_wwpn_stored_as_a_number(edited) -> None:  # noqa: ANN001
    def edit(wb):  # noqa: ANN001, ANN202
        cell = _cell(wb["ports"], "wwpn", "esx01")
        cell.value = 1000009050000001
        edit.ref = cell.coordinate

    found = _found(edited(edit))
    assert ("ZP017", f"site.xlsx:ports!{edit.ref}") in found


def test_a_formula_is_not_read(edited) -> None:  # noqa: ANN001
    def edit(wb):  # noqa: ANN001, ANN202
        cell = _cell(wb["switches"], "model", "sw-a1")
        cell.value = "=B2"
        edit.ref = cell.coordinate

    found = _found(edited(edit))
    assert ("ZP015", f"site.xlsx:switches!{edit.ref}") in found


def test_unreadable_slots_and_adapter_conflicts(edited) -> None:  # noqa: ANN001
    def edit(wb):  # noqa: ANN001, ANN202
        cell = _cell(wb["switches"], "slots", "sw-a1")
        cell.value = "1-48"
        edit.slots = cell.coordinate
        ws = wb["ports"]
        rows = [r for r in ws.iter_rows(min_row=2) if r[1].value == "san1" and r[2].value == "hba0"]
        second = _cell(ws, "adapter model", row=rows[1][0].row)
        second.value = "QLE2772"
        edit.model = second.coordinate

    found = _found(edited(edit))
    assert ("ZP015", f"site.xlsx:switches!{edit.slots}") in found
    assert ("ZP015", f"site.xlsx:ports!{edit.model}") in found


def test_unknown_sheet_is_a_warning_and_notes_are_ignored(edited) -> None:  # noqa: ANN001
    def edit(wb):  # noqa: ANN001, ANN202
        wb.create_sheet("Switches (2)")["A1"] = "name"
        wb.create_sheet("# notes")["A1"] = "anything"
        wb["switches"].cell(1, 40, "# my notes")
        wb["switches"].cell(2, 40, "remember the rails")

    path = edited(edit)
    result = read_workbook(path, display="site.xlsx")
    assert [(f.code, f.severity.value) for f in result.findings] == [("ZP012", "warning")]
    assert result.inventory == load_inventory(SAMPLE).inventory
    run = import_workbook(path)
    assert run.usable and any(f.code == "ZP012" for f in run.findings)


def test_unknown_and_missing_columns(edited) -> None:  # noqa: ANN001
    def edit(wb):  # noqa: ANN001, ANN202
        _cell(wb["ports"], "wwpn", row=1).value = "wwnp"
        wb["switches"].cell(3, 45, "stray")
        _cell(wb["racks"], "name", row=1).value = "rack name"

    found = _found(edited(edit))
    codes = {c for c, _ in found}
    assert {"ZP013", "ZP011"} <= codes
    assert ("ZP013", "site.xlsx:switches!AS3") in found
    assert ("ZP011", "site.xlsx:racks!A1") in found


def test_rows_that_name_what_is_not_there(edited) -> None:  # noqa: ANN001
    def edit(wb):  # noqa: ANN001, ANN202
        cell = _cell(wb["ports"], "device", "esx02")
        cell.value = "esx2"
        edit.dev = cell.coordinate
        cables = wb["cables"]
        run_cell = _cell(cables, "run", "san1/hba1/p0")
        run_cell.value = "san1/hba9/p0"
        edit.run = run_cell.coordinate
        seg = next(
            c
            for c in cables["B"]
            if c.value == 3 and cables.cell(c.row, 1).value == "lnx01/host1/p1"
        )
        seg.value = 4
        edit.gap = seg.coordinate

    found = _found(edited(edit))
    assert ("ZP014", f"site.xlsx:ports!{edit.dev}") in found
    assert ("ZP014", f"site.xlsx:cables!{edit.run}") in found
    assert ("ZP014", f"site.xlsx:cables!{edit.gap}") in found


def test_model_errors_are_reported_at_their_cells(edited) -> None:  # noqa: ANN001
    def edit(wb):  # noqa: ANN001, ANN202
        cell = _cell(wb["switches"], "domain id", "mds-b2")
        cell.value = 400
        edit.domain = cell.coordinate
        name = _cell(wb["ports"], "port", "win01")
        name.value = "p 0"
        edit.name = name.coordinate
        site = wb["site"]
        site.append(["policy.strategi", "peer"])
        edit.key = f"B{site.max_row}"

    found = _found(edited(edit))
    assert ("ZP003", f"site.xlsx:switches!{edit.domain}") in found
    assert ("ZP009", f"site.xlsx:ports!{edit.name}") in found
    assert ("ZP004", f"site.xlsx:site!{edit.key}") in found


def test_rule_findings_point_at_cells(edited) -> None:  # noqa: ANN001
    def edit(wb):  # noqa: ANN001, ANN202
        esx02 = _cell(wb["ports"], "wwpn", "esx02")
        esx02.value = _cell(wb["ports"], "wwpn", "esx01").value  # a copied WWPN
        edit.wwpn = esx02.coordinate
        u = _cell(wb["devices"], "u", "win01")
        u.value = 30  # where san1 already is
        edit.u = u.coordinate

    run = import_workbook(edited(edit))
    where = {(f.code, str(f.location).rsplit(":", 1)[-1]) for f in run.findings}
    assert ("ZP101", f"ports!{edit.wwpn}") in where
    assert ("ZP901", f"devices!{edit.u}") in where
    assert run.usable  # errors, not fatal: the inventory is written, with its errors


def test_files_that_are_not_workbooks(tmp_path: Path) -> None:
    csv = tmp_path / "site.xlsx"
    csv.write_text("name,fabric\nsw1,A\n")
    assert [c for c, _ in _found(csv)] == ["ZP010"]
    other = tmp_path / "other.xlsx"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    assert [c for c, _ in _found(other)] == ["ZP010"]
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", b"\0" * (64 * 1024 * 1024))
    result = read_workbook(bomb)
    assert [f.code for f in result.findings] == ["ZP010"] and "zip bomb" in result.findings[
        0
    ].message
    assert [c for c, _ in _found(tmp_path / "missing.xlsx")] == ["ZP010"]


def test_missing_sheet(edited) -> None:  # noqa: ANN001
    path = edited(lambda wb: wb.remove(wb["fabrics"]))
    assert ("ZP011", "site.xlsx") in _found(path)


# -- the command -------------------------------------------------------------------------------
def test_cli_round_trip_and_cell_messages(tmp_path: Path, edited) -> None:  # noqa: ANN001
    runner = CliRunner()
    book, inv = tmp_path / "site.xlsx", tmp_path / "inventory.yaml"
    r = runner.invoke(app, ["export", str(SAMPLE), "-o", str(book)])
    assert r.exit_code == 0, r.output
    again = runner.invoke(app, ["export", str(SAMPLE), "-o", str(book)])
    assert again.exit_code == 0 and "unchanged" in again.output
    r = runner.invoke(app, ["import", str(book), "-o", str(inv)])
    assert r.exit_code == 0, r.output
    assert load_inventory(inv).inventory == load_inventory(SAMPLE).inventory

    def edit(wb):  # noqa: ANN001, ANN202
        cell = _cell(wb["ports"], "switch port", "esx01")
        cell.value = dt.datetime(2026, 1, 2)
        edit.ref = cell.coordinate

    bad = edited(edit)
    out = tmp_path / "never.yaml"
    r = runner.invoke(app, ["import", str(bad), "-o", str(out)])
    assert r.exit_code == 2 and not out.exists()
    assert f"site.xlsx:ports!{edit.ref}: ZP016" in " ".join(r.output.split())


def test_cli_usage(tmp_path: Path) -> None:
    runner = CliRunner()
    book = tmp_path / "site.xlsx"
    runner.invoke(app, ["export", str(SAMPLE), "-o", str(book)])
    r = runner.invoke(app, ["import", str(book), str(tmp_path), "-o", str(tmp_path / "x.yaml")])
    assert r.exit_code == 2 and "not both" in r.output
    r = runner.invoke(app, ["export", str(SAMPLE), "-o", str(tmp_path / "site.csv")])
    assert r.exit_code == 2
    r = runner.invoke(app, ["export", str(SAMPLES / "broken.yaml"), "-o", str(book), "--force"])
    assert r.exit_code == 2
