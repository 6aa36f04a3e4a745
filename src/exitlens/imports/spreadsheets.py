"""Read a CSV or Excel file row by row, as the person who made it sees it in a spreadsheet.

A sheet is its header (the first row that is not empty) and its data rows, each numbered as in
the file: the header row of a plain file is row 1. Fully empty rows are skipped. Values come as
the file holds them: text from a CSV; text, numbers, booleans and datetimes from a workbook.
"""

import codecs
import csv
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

MAX_FILE_SIZE = 60 * 1024 * 1024
SAMPLE_SIZE = 64 * 1024
DELIMITERS = (",", ";", "\t")
ZIP_MAGIC = b"PK\x03\x04"
OLD_EXCEL_MAGIC = b"\xd0\xcf\x11\xe0"  # Excel 97-2003 (.xls)
CONTROL_CHARACTERS = set(range(32)) - {9, 10, 12, 13}


class SpreadsheetError(Exception):
    """The file as a whole cannot be used: unreadable, not a spreadsheet, or unclear columns."""


@dataclass
class Sheet:
    headers: list[str]
    rows: Iterator[tuple[int, list]]  # (row number in the file, cell values)


@contextmanager
def open_sheet(path: Path) -> Iterator[Sheet]:
    """The first sheet of an .xlsx workbook, or a CSV file; told apart by their content."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            start = handle.read(SAMPLE_SIZE)
    except OSError as error:
        raise SpreadsheetError(
            _("Cannot read %(path)s: %(reason)s") % {"path": path, "reason": error.strerror}
        ) from None
    if size > MAX_FILE_SIZE:
        raise SpreadsheetError(
            _("%(path)s is %(size)s MB; files up to %(limit)s MB can be imported.")
            % {
                "path": path,
                "size": f"{size / 1024 / 1024:.0f}",
                "limit": MAX_FILE_SIZE // 1024 // 1024,
            }
        )
    if start.startswith(OLD_EXCEL_MAGIC):
        raise SpreadsheetError(
            _("%(path)s is an old Excel file (.xls): save it as .xlsx or CSV first.")
            % {"path": path}
        )
    opener = _workbook_rows if start.startswith(ZIP_MAGIC) else _csv_rows
    with opener(path, start) as rows:
        yield _with_header(path, _numbered_non_empty(rows))


def _with_header(path: Path, rows: Iterator[tuple[int, list]]) -> Sheet:
    first = next(rows, None)
    if first is None:
        raise SpreadsheetError(_("%(path)s has no rows.") % {"path": path})
    headers = [_header_text(value) for value in first[1]]
    while headers and not headers[-1]:
        headers.pop()
    return Sheet(headers=headers, rows=rows)


def _header_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _numbered_non_empty(rows: Iterator[list]) -> Iterator[tuple[int, list]]:
    for number, row in enumerate(rows, start=1):
        if any(not _is_empty(value) for value in row):
            yield number, list(row)


def _is_empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@contextmanager
def _workbook_rows(path: Path, start: bytes) -> Iterator[Iterator[list]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    with path.open("rb") as handle:
        try:
            # A file object, so that openpyxl does not judge the file by its name.
            workbook = load_workbook(handle, read_only=True, data_only=True)
            sheet = workbook.active or workbook.worksheets[0]
        except (zipfile.BadZipFile, InvalidFileException, KeyError, IndexError, OSError):
            raise SpreadsheetError(
                _("%(path)s is a ZIP archive but not an Excel workbook (.xlsx).") % {"path": path}
            ) from None
        try:
            # The size a workbook declares is sometimes wrong; read every row there is.
            sheet.reset_dimensions()
            yield _checked_workbook_rows(path, sheet.iter_rows(values_only=True))
        finally:
            workbook.close()


def _checked_workbook_rows(path: Path, rows) -> Iterator[list]:
    try:
        yield from rows
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise SpreadsheetError(
            _("%(path)s is a damaged Excel workbook: %(reason)s") % {"path": path, "reason": error}
        ) from None


@contextmanager
def _csv_rows(path: Path, start: bytes) -> Iterator[Iterator[list]]:
    encoding = _text_encoding(path, start)
    # Windows-1252 leaves five bytes undefined; they become a replacement character.
    errors = "replace" if encoding == "cp1252" else "strict"
    with path.open(encoding=encoding, errors=errors, newline="") as handle:
        sample = handle.read(SAMPLE_SIZE)
        if _looks_binary(sample):
            raise SpreadsheetError(
                _("%(path)s is not a CSV or Excel file: it holds binary data.") % {"path": path}
            )
        handle.seek(0)
        reader = csv.reader(handle, delimiter=_delimiter(sample))
        yield _checked_csv_rows(path, reader)


def _checked_csv_rows(path: Path, reader) -> Iterator[list]:
    rows_read = 0
    try:
        for row in reader:
            rows_read += 1
            yield row
    except (csv.Error, UnicodeDecodeError) as error:
        raise SpreadsheetError(
            _("%(path)s cannot be read as CSV after row %(row)s: %(reason)s")
            % {"path": path, "row": rows_read, "reason": error}
        ) from None


def _text_encoding(path: Path, start: bytes) -> str:
    """UTF-8 (with or without a byte order mark) if every byte fits, else Windows-1252."""
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"  # Excel's "Unicode text"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1024 * 1024):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8-sig"


def _looks_binary(sample: str) -> bool:
    if "\x00" in sample:
        return True
    controls = sum(1 for character in sample if ord(character) in CONTROL_CHARACTERS)
    return controls > len(sample) // 100


def _delimiter(sample: str) -> str:
    """The separator that splits the first line with text into the most columns."""
    lines = [line for line in sample.splitlines(keepends=True)[:50] if line.strip()]
    best, most = ",", 0
    for delimiter in DELIMITERS:
        first = next(csv.reader(lines, delimiter=delimiter), [])
        if len(first) > most:
            best, most = delimiter, len(first)
    return best
