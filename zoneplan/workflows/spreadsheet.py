"""``zoneplan export`` and ``zoneplan import site.xlsx`` as library calls."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from ..findings import Finding, Severity
from ..loader import load_inventory
from ..spreadsheet import inventory_yaml, read_workbook, write_workbook
from ..validate import Validation, validate_load

__all__ = ["ExportRun", "WorkbookImport", "export_workbook", "import_workbook", "is_workbook"]


def is_workbook(path: str | Path) -> bool:
    """True for a file named .xlsx/.xlsm, or any file that starts as a zip (``PK``)."""
    p = Path(path)
    if p.suffix.lower() in (".xlsx", ".xlsm"):
        return True
    if not p.is_file():
        return False
    try:
        with p.open("rb") as fh:
            return fh.read(2) == b"PK"
    except OSError:
        return False


@dataclass
class ExportRun:
    data: bytes = b""
    findings: list[Finding] = field(default_factory=list)

    @property
    def usable(self) -> bool:
        return bool(self.data)


def export_workbook(inventory: str | Path) -> ExportRun:
    """The inventory file as workbook bytes; a file that cannot be loaded gives findings only
    (the rules are not run: the workbook carries the inventory as it is, errors included)."""
    load = load_inventory(inventory)
    if load.inventory is None:
        return ExportRun(b"", list(load.findings))
    return ExportRun(write_workbook(load.inventory), [])


@dataclass
class WorkbookImport:
    """The inventory YAML a workbook gives, and every finding at its cell."""

    text: str = ""
    validation: Validation | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def usable(self) -> bool:
        """True when an inventory file can be written (no fatal finding)."""
        return bool(self.text) and not any(f.severity is Severity.FATAL for f in self.findings)


def import_workbook(
    path: str | Path,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> WorkbookImport:
    """Read a workbook, validate the inventory it holds (every rule, findings at cells) and
    return its YAML text (empty when the workbook cannot be turned into an inventory)."""
    load = read_workbook(path)
    validation = validate_load(load, select=select, ignore=ignore)
    run = WorkbookImport(validation=validation, findings=list(validation.findings))
    if load.inventory is not None and validation.usable:
        run.text = inventory_yaml(
            load.inventory, comment=f"Imported by `zoneplan import` from {Path(path).name}."
        )
    return run
