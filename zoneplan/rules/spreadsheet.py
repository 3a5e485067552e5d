"""ZP010-ZP019: reading an inventory workbook (``zoneplan import site.xlsx``).

Catalogue entries; :mod:`zoneplan.spreadsheet` makes the findings, each at its cell
(``site.xlsx:ports!C12``). The values themselves are then checked by the loader's codes
(ZP003 wrong value, ZP004 unknown key, ZP005 missing, ZP008 WWPN, ZP009 name) and by every
inventory rule, all reported at the cell they came from. The examples are the sample's
workbook with cells changed (:class:`~zoneplan.rules.examples.Workbook`).
"""

from __future__ import annotations

from ..findings import Severity
from .base import Rule, RuleScope
from .examples import Workbook


class _Sheet(Rule):
    severity = Severity.FATAL
    scope = RuleScope.LOAD


class UnreadableWorkbook(_Sheet):
    """The file is not a workbook zoneplan can read (.xlsx), or is absurdly large.

    Why:
        A workbook that cannot be read must end in one clear message, never in a traceback,
        a machine out of memory (a zip that unpacks to gigabytes) or an empty inventory.
    Fix:
        Save the workbook as .xlsx (Office Open XML); split a workbook beyond the limits.
    """

    code = "ZP010"
    fails = Workbook(
        file="name,fabric\nsw1,A\n", caption="A CSV file saved under the workbook's name."
    )
    passes = Workbook(caption="The workbook as exported.")
    name = "unreadable-workbook"


class MissingSheetOrColumn(_Sheet):
    """A sheet or a column the inventory needs is missing (or a sheet has no header row).

    Why:
        Without the fabrics sheet, or a name column, rows cannot become an inventory; guessing
        would write an inventory that is not the one in the workbook.
    Fix:
        Start from ``zoneplan export``: it writes every sheet and column, in order.
    """

    code = "ZP011"
    fails = Workbook(remove_sheets=("fabrics",), caption="The fabrics sheet deleted.")
    passes = Workbook(caption="Every sheet the export writes.")
    name = "missing-sheet-or-column"


class UnknownSheet(_Sheet):
    """The workbook has a sheet zoneplan does not read.

    Why:
        Notes on an extra sheet are fine, but a renamed sheet ("Switches (2)") would silently
        not be imported; the warning names it.
    Fix:
        Rename the sheet back, or start its name with "#" to say it is notes.
    """

    code = "ZP012"
    fails = Workbook(
        add_sheets=("Switches (2)",), caption="A copy of a sheet, left in the workbook."
    )
    passes = Workbook(add_sheets=("# notes",), caption="A notes sheet, named with #.")
    name = "unknown-sheet"
    severity = Severity.WARNING


class UnknownColumn(_Sheet):
    """A column header zoneplan does not know, or a header given twice.

    Why:
        The values in an unknown column ("wwnp") would be lost on import; a header given
        twice leaves it open which column is meant.
    Fix:
        Correct the header; notes go in a column whose header starts with "#".
    """

    code = "ZP013"
    fails = Workbook(cells={"ports!I1": "wwnp"}, caption="The wwpn header misspelt.")
    passes = Workbook(
        cells={"ports!I1": "WWPN"}, caption="The header in capitals (case does not matter)."
    )
    name = "unknown-column"


class UnknownRowReference(_Sheet):
    """A row names a device, port or ISL that no other sheet has, or its numbering has a gap.

    Why:
        A ports row for device "esx1" when the devices sheet says "esx01", or a cables row for
        a port that is not on the ports sheet, would silently drop the port or the cable.
    Fix:
        Correct the name; a run's segments are numbered 1, 2, 3 without gaps.
    """

    code = "ZP014"
    fails = Workbook(
        cells={"ports!B24": "esx1"}, caption="A port row for esx1; the devices sheet says esx01."
    )
    passes = Workbook(
        cells={"ports!B24": "esx01"}, caption="The device as the devices sheet names it."
    )
    name = "unknown-row-reference"


class UnreadableCell(_Sheet):
    """A cell cannot be read as what its column holds (a formula, a slot list, a conflict).

    Why:
        zoneplan reads values, not formulas (their result may be stale or missing); a slot
        list must say slot:ports; one adapter's vendor given differently on two rows leaves
        it open which is right.
    Fix:
        Type the value (copy, paste as values); write slots as slot:ports, comma separated.
    """

    code = "ZP015"
    fails = Workbook(cells={"switches!D2": "=D3"}, caption="A model copied by formula.")
    passes = Workbook(cells={"switches!D2": "G620"}, caption="The model typed as a value.")
    name = "unreadable-cell"


class SpreadsheetDate(_Sheet):
    """A cell holds a date where a port, name or number belongs.

    Why:
        Spreadsheets turn 1/2 (a director's slot 1 port 2) or 3-12 into a date as it is
        typed; read back, it is neither the port nor anything else meant.
    Fix:
        Format the column as text and type the value again.
    """

    code = "ZP016"
    fails = Workbook(
        cells={"ports!N25": "date:2026-01-09"},
        caption="A switch port typed where a date was made of it.",
    )
    passes = Workbook(cells={"ports!N25": "fc1/9"}, caption="The port as text.")
    name = "spreadsheet-date"


class WwpnAsNumber(_Sheet):
    """A WWPN is stored as a number.

    Why:
        Spreadsheets keep 15 significant digits: a 16-digit WWPN typed without colons loses
        its last digit, and a different port is zoned.
    Fix:
        Format the column as text and type the WWPN again (with colons), from the HBA.
    """

    code = "ZP017"
    fails = Workbook(cells={"ports!I24": 1000009050000001}, caption="A WWPN stored as a number.")
    passes = Workbook(cells={"ports!I24": "10:00:00:90:fa:c1:00:01"}, caption="The WWPN as text.")
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
