"""Tables as CSV and XLSX files, safe to open in a spreadsheet.

A spreadsheet runs a cell that starts like a formula, so such text gets an apostrophe: whatever a
leaver or an import file wrote reaches HR's Excel as text.
"""

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SHEET_NAME_LENGTH = 31
SHEET_NAME_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


@dataclass
class Table:
    """A caption (the report's heading, the CSV's "# caption" line, the XLSX sheet's name), a
    header and rows. Rows may be a stream: the files write them as they come."""

    caption: str
    header: list[str]
    rows: Iterable[Iterable]
    notes: list[str] = field(default_factory=list)  # shown under the table in the report


def safe_text(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _csv_cell(value) -> object:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return safe_text(value)
    return value


class _Line:
    """A file-like target for csv.writer that hands back what was written."""

    def write(self, text: str) -> str:
        return text


def csv_lines(header: list[str], rows: Iterable[Iterable]) -> Iterator[str]:
    """One table as CSV lines, for streaming; no byte order mark."""
    writer = csv.writer(_Line())
    yield writer.writerow([_csv_cell(cell) for cell in header])
    for row in rows:
        yield writer.writerow([_csv_cell(cell) for cell in row])


def to_csv(tables: list[Table]) -> str:
    """All tables in one CSV text: a "# name" line before each, a blank line between them.
    It starts with a byte order mark, so Excel reads it as UTF-8."""
    out = io.StringIO()
    out.write(BOM)
    for number, table in enumerate(tables):
        if number:
            out.write("\r\n")
        out.write(f"# {table.caption}\r\n")
        out.writelines(csv_lines(table.header, table.rows))
    return out.getvalue()


def _xlsx_cell(value) -> object:
    if value is None or isinstance(value, (int, float, date)):
        return value
    return safe_text(ILLEGAL_CHARACTERS_RE.sub("", str(value)))


def _sheet_name(name: str, taken: set[str]) -> str:
    base = name.translate(SHEET_NAME_FORBIDDEN).strip().strip("'")[:SHEET_NAME_LENGTH] or "Sheet"
    candidate, number = base, 1
    while candidate.lower() in taken:
        number += 1
        suffix = f" ({number})"
        candidate = base[: SHEET_NAME_LENGTH - len(suffix)] + suffix
    taken.add(candidate.lower())
    return candidate


def to_xlsx(tables: list[Table]) -> bytes:
    """One sheet per table with a bold header row. Rows may be a stream: written as they come."""
    workbook = Workbook(write_only=True)
    taken: set[str] = set()
    bold = Font(bold=True)
    for table in tables:
        sheet = workbook.create_sheet(_sheet_name(table.caption, taken))
        header_cells = []
        for title in table.header:
            cell = WriteOnlyCell(sheet, value=_xlsx_cell(title))
            cell.font = bold
            header_cells.append(cell)
        sheet.append(header_cells)
        sheet.freeze_panes = "A2"
        for row in table.rows:
            sheet.append([_xlsx_cell(value) for value in row])
    if not tables:
        workbook.create_sheet("Sheet")
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
