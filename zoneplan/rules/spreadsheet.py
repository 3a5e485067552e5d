"""ZP010-ZP019: reading an inventory workbook (``zoneplan import site.xlsx``).

Catalogue entries; :mod:`zoneplan.spreadsheet` makes the findings, each at its cell
(``site.xlsx:ports!C12``). The values themselves are then checked by the loader's codes
(ZP003 wrong value, ZP004 unknown key, ZP005 missing, ZP008 WWPN, ZP009 name) and by every
inventory rule, all reported at the cell they came from. The examples are workbook cells,
exercised by ``tests/spreadsheet``.
"""

from __future__ import annotations

from ..findings import Severity
from .base import Rule, RuleScope


class _Sheet(Rule):
    severity = Severity.FATAL
    scope = RuleScope.LOAD


class UnreadableWorkbook(_Sheet):
    """The file is not a workbook zoneplan can read (.xlsx), or is absurdly large.

    Why:
        A workbook that cannot be read must end in one clear message, never in a traceback,
        a machine out of memory (a zip that unpacks to gigabytes) or an empty inventory.
    Fails:
        zoneplan import site.xls -o inventory.yaml    # the old binary format, or a renamed CSV
    Passes:
        zoneplan import site.xlsx -o inventory.yaml   # saved as "Excel Workbook (.xlsx)"
    Fix:
        Save the workbook as .xlsx (Office Open XML); split a workbook beyond the limits.
    """

    code = "ZP010"
    name = "unreadable-workbook"


class MissingSheetOrColumn(_Sheet):
    """A sheet or a column the inventory needs is missing (or a sheet has no header row).

    Why:
        Without the fabrics sheet, or a name column, rows cannot become an inventory; guessing
        would write an inventory that is not the one in the workbook.
    Fails:
        sheet "switches" with the columns fabric, model (no "name")
    Passes:
        sheet "switches" with the columns name, fabric, model, domain id
    Fix:
        Start from ``zoneplan export``: it writes every sheet and column, in order.
    """

    code = "ZP011"
    name = "missing-sheet-or-column"


class UnknownSheet(_Sheet):
    """The workbook has a sheet zoneplan does not read.

    Why:
        Notes on an extra sheet are fine, but a renamed sheet ("Switches (2)") would silently
        not be imported; the warning names it.
    Fails:
        a sheet named "Switches (2)"
    Passes:
        the sheets written by ``zoneplan export`` (and sheets whose name starts with "#")
    Fix:
        Rename the sheet back, or start its name with "#" to say it is notes.
    """

    code = "ZP012"
    name = "unknown-sheet"
    severity = Severity.WARNING


class UnknownColumn(_Sheet):
    """A column header zoneplan does not know, or a header given twice.

    Why:
        The values in an unknown column ("wwnp") would be lost on import; a header given
        twice leaves it open which column is meant.
    Fails:
        ports!F1 says "wwnp"
    Passes:
        ports!F1 says "wwpn"
    Fix:
        Correct the header; notes go in a column whose header starts with "#".
    """

    code = "ZP013"
    name = "unknown-column"


class UnknownRowReference(_Sheet):
    """A row names a device, port or ISL that no other sheet has, or its numbering has a gap.

    Why:
        A ports row for device "esx1" when the devices sheet says "esx01", or a cables row for
        a port that is not on the ports sheet, would silently drop the port or the cable.
    Fails:
        ports!B7 says device "esx1"; the devices sheet has "esx01"
    Passes:
        ports!B7 says device "esx01"
    Fix:
        Correct the name; a run's segments are numbered 1, 2, 3 without gaps.
    """

    code = "ZP014"
    name = "unknown-row-reference"


class UnreadableCell(_Sheet):
    """A cell cannot be read as what its column holds (a formula, a slot list, a conflict).

    Why:
        zoneplan reads values, not formulas (their result may be stale or missing); a slot
        list must say slot:ports; one adapter's vendor given differently on two rows leaves
        it open which is right.
    Fails:
        switches!J3 says "1-48"; ports!D8 holds =A8
    Passes:
        switches!J3 says "1:48, 2:48"; ports!D8 holds the value
    Fix:
        Type the value (copy, paste as values); write slots as slot:ports, comma separated.
    """

    code = "ZP015"
    name = "unreadable-cell"


class SpreadsheetDate(_Sheet):
    """A cell holds a date where a port, name or number belongs.

    Why:
        Spreadsheets turn 1/2 (a director's slot 1 port 2) or 3-12 into a date as it is
        typed; read back, it is neither the port nor anything else meant.
    Fails:
        ports!N5 shows 02.01.2026 where "1/2" was typed
    Passes:
        ports!N5 holds the text 1/2 (the column is formatted as text, as the export does)
    Fix:
        Format the column as text and type the value again.
    """

    code = "ZP016"
    name = "spreadsheet-date"


class WwpnAsNumber(_Sheet):
    """A WWPN is stored as a number.

    Why:
        Spreadsheets keep 15 significant digits: a 16-digit WWPN typed without colons loses
        its last digit, and a different port is zoned.
    Fails:
        ports!I4 holds the number 2100002432567890
    Passes:
        ports!I4 holds the text 21:00:00:24:32:56:78:90
    Fix:
        Format the column as text and type the WWPN again (with colons), from the HBA.
    """

    code = "ZP017"
    name = "wwpn-as-number"


RULES = (
    UnreadableWorkbook,
    MissingSheetOrColumn,
    UnknownSheet,
    UnknownColumn,
    UnknownRowReference,
    UnreadableCell,
    SpreadsheetDate,
    WwpnAsNumber,
)
