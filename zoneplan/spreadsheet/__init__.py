"""The inventory as a workbook and back: ``zoneplan export INV -o site.xlsx`` and
``zoneplan import site.xlsx -o inventory.yaml``.

Why openpyxl: it is the maintained, pure-Python reader and writer of .xlsx (no spreadsheet
program, no C build, wheels everywhere), reads large sheets row by row in read-only mode, keeps
a cell's type (text stays text, a formula is seen as one) and parses the XML through defusedxml
when that is installed. ``layout`` says which sheet and column holds what; ``write`` makes the
workbook, ``read`` turns one back into an inventory with every problem at its cell; ``to_yaml``
writes the inventory file the import produces.
"""

from __future__ import annotations

from .layout import SHEETS, Column, Sheet
from .read import CellMap, read_workbook
from .write import write_workbook
from .yamlout import inventory_yaml

__all__ = [
    "SHEETS",
    "CellMap",
    "Column",
    "Sheet",
    "inventory_yaml",
    "read_workbook",
    "write_workbook",
]
