"""Read a CSV or Excel file row by row, as the person who made it sees it in a spreadsheet.

A sheet is its header (the first row that is not empty) and its data rows, each numbered as in
the file: the header row of a plain file is row 1. Fully empty rows are skipped. Values come as
the file holds them: text from a CSV; text, numbers, booleans and datetimes from a workbook.

Files come from anyone who can upload, so they are read within limits (limits.py): a file
beyond one is refused with a message naming it, after reading no more than the limit. Both
readers go through a file once to count before they hand out a row, so a caller that keeps
every row never holds more than the limits allow.
"""

import codecs
import csv
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from exitlens.imports.limits import MB, LimitPassed, Limits, Stopwatch
from exitlens.imports.workbooks import ForbiddenXML, NotAWorkbook, open_workbook

MAX_FILE_SIZE = Limits.file_bytes  # the default; the setting is the limit in force
SAMPLE_SIZE = 64 * 1024
DELIMITERS = (",", ";", "\t")
ZIP_MAGIC = b"PK\x03\x04"
OLD_EXCEL_MAGIC = b"\xd0\xcf\x11\xe0"  # Excel 97-2003 (.xls)
CONTROL_CHARACTERS = set(range(32)) - {9, 10, 12, 13}


class SpreadsheetError(Exception):
    """The file as a whole cannot be used: unreadable, not a spreadsheet, or unclear columns."""


class FileRefused(SpreadsheetError):
    """The file itself is refused, whatever its columns: beyond a limit, or no spreadsheet."""


@dataclass
class Sheet:
    headers: list[str]
    rows: Iterator[tuple[int, list]]  # (row number in the file, cell values)


@contextmanager
def open_sheet(path: Path, limits: Limits | None = None) -> Iterator[Sheet]:
    """The first sheet of an .xlsx workbook, or a CSV file; told apart by their content. Raises
    SpreadsheetError when the file cannot be read or passes a limit, also while its rows are
    read. `limits` are those of the settings unless given."""
    path = Path(path)
    limits = limits or Limits.from_settings()
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            start = handle.read(SAMPLE_SIZE)
    except OSError as error:
        raise SpreadsheetError(
            _("Cannot read %(path)s: %(reason)s") % {"path": path, "reason": error.strerror}
        ) from None
    if size > limits.file_bytes:
        raise FileRefused(_refusal(path, LimitPassed("file_bytes", size), limits))
    if start.startswith(OLD_EXCEL_MAGIC):
        raise FileRefused(
            _("%(path)s is an old Excel file (.xls): save it as .xlsx or CSV first.")
            % {"path": path}
        )
    watch = Stopwatch(limits.seconds)
    watch.start()
    with _refused_as_errors(path, limits):
        if start.startswith(ZIP_MAGIC):
            opened = open_workbook(path, limits, watch)
        else:
            opened = _csv_rows(path, start, limits, watch)
        with opened as rows:
            rows = _within_limits(_non_empty(rows), limits)
            sheet = _with_header(path, _timed(path, rows, limits, watch))
            watch.stop()
            yield sheet


@contextmanager
def _refused_as_errors(path: Path, limits: Limits) -> Iterator[None]:
    try:
        yield
    except LimitPassed as error:
        raise FileRefused(_refusal(path, error, limits)) from None
    except ForbiddenXML:
        raise FileRefused(
            _(
                "%(path)s contains XML features that are not allowed (a document type "
                "declaration, entities or external references), so it is not read."
            )
            % {"path": path}
        ) from None
    except NotAWorkbook as error:
        message = _("%(path)s is not a valid Excel workbook (.xlsx).") % {"path": path}
        if str(error):
            message += " " + _("Reason: %(reason)s") % {"reason": error}
        raise FileRefused(message) from None


def _refusal(path: Path, error: LimitPassed, limits: Limits) -> str:
    """What passing a limit means, naming the file, the limit and the file's figure."""
    fields = {"path": path, "value": _number(error.value), "row": _number(error.row or 0)}
    messages = {
        "file_bytes": _("%(path)s is %(size)s MB; files up to %(limit)s MB can be imported."),
        "unzipped_bytes": _(
            "%(path)s unpacks to %(size)s MB; workbooks that unpack to at most %(limit)s MB "
            "can be imported."
        ),
        "compression_ratio": _(
            "%(path)s is packed %(value)s to 1, which only a ZIP bomb needs; more than "
            "%(limit)s to 1 is refused."
        ),
        "rows": _(
            "%(path)s has more than %(limit)s rows of data; up to %(limit)s can be imported "
            "at once. Split the file."
        ),
        "cells": _(
            "%(path)s has more than %(limit)s cells; up to %(limit)s can be imported at once. "
            "Split the file, or leave out columns that are not imported."
        ),
        "shared_strings": _(
            "%(path)s holds more than %(limit)s different texts (shared strings); up to "
            "%(limit)s can be read."
        ),
        "cell_chars": _(
            "%(path)s has a cell of more than %(limit)s characters (row %(row)s); cells up to "
            "%(limit)s characters can be imported."
        ),
        "line_chars": _(
            "%(path)s has a line of more than %(limit)s characters (line %(row)s); lines up "
            "to %(limit)s characters can be imported."
        ),
        "seconds": _(
            "Reading %(path)s took more than %(limit)s seconds, so it was stopped. Split the "
            "file into smaller ones."
        ),
    }
    message = messages[error.limit]
    if error.limit == "cell_chars" and not error.row:  # a shared string has no row
        message = _(
            "%(path)s has a cell of more than %(limit)s characters; cells up to %(limit)s "
            "characters can be imported."
        )
    limit = getattr(limits, error.limit)
    if error.limit.endswith("_bytes"):
        size = round(error.value / MB, 1)
        fields["size"] = _number(size if size % 1 else int(size))
        limit = limit // MB
    return message % {**fields, "limit": _number(limit)}


def _number(value: float) -> str:
    return number_format(value, force_grouping=True)


def _within_limits(rows: Iterator[tuple[int, list]], limits: Limits) -> Iterator[tuple[int, list]]:
    cells = 0
    for count, (number, row) in enumerate(rows, start=1):
        cells += len(row)
        if count > limits.rows + 1:  # the header and the data rows
            raise LimitPassed("rows", limits.rows)
        if cells > limits.cells:
            raise LimitPassed("cells", limits.cells)
        yield number, row


def _timed(
    path: Path, rows: Iterator[tuple[int, list]], limits: Limits, watch: Stopwatch
) -> Iterator[tuple[int, list]]:
    """The rows, with the reader's time counted and its refusals as SpreadsheetError."""
    with _refused_as_errors(path, limits):
        while True:
            watch.start()
            try:
                row = next(rows, None)
            finally:
                watch.stop()
            if row is None:
                return
            yield row


def _with_header(path: Path, rows: Iterator[tuple[int, list]]) -> Sheet:
    first = next(rows, None)
    if first is None:
        raise FileRefused(_("%(path)s has no rows.") % {"path": path})
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


def _non_empty(rows: Iterator[tuple[int, list]]) -> Iterator[tuple[int, list]]:
    for number, row in rows:
        if any(not _is_empty(value) for value in row):
            yield number, list(row)


def _is_empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@contextmanager
def _csv_rows(
    path: Path, start: bytes, limits: Limits, watch: Stopwatch
) -> Iterator[Iterator[tuple[int, list]]]:
    encoding = _text_encoding(path, start, watch)
    # Windows-1252 leaves five bytes undefined; they become a replacement character.
    errors = "replace" if encoding == "cp1252" else "strict"
    with path.open(encoding=encoding, errors=errors, newline="") as handle:
        sample = handle.read(SAMPLE_SIZE)
        if _looks_binary(sample):
            raise FileRefused(
                _("%(path)s is not a CSV or Excel file: it holds binary data.") % {"path": path}
            )
        delimiter = _delimiter(sample)
        # Counted first, so that no row reaches the caller from a file beyond the limits.
        handle.seek(0)
        for _row in _within_limits(
            _non_empty(_records(path, handle, delimiter, limits, watch)), limits
        ):
            pass
        handle.seek(0)
        yield _records(path, handle, delimiter, limits, watch)


def _records(
    path: Path, handle, delimiter: str, limits: Limits, watch: Stopwatch
) -> Iterator[tuple[int, list]]:
    """The file's records, numbered; a quoted field over two lines is one record."""
    if csv.field_size_limit() <= limits.cell_chars:  # csv's own limit, for the whole process
        csv.field_size_limit(limits.cell_chars + 1)
    reader = csv.reader(_lines(handle, limits), delimiter=delimiter)
    number = 0
    try:
        for number, row in enumerate(reader, start=1):
            if number % 1024 == 0:
                watch.check()
            if row and max(map(len, row)) > limits.cell_chars:
                raise LimitPassed("cell_chars", limits.cell_chars, number)
            yield number, row
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise LimitPassed("cell_chars", limits.cell_chars, number + 1) from None
        raise FileRefused(
            _("%(path)s cannot be read as CSV after row %(row)s: %(reason)s")
            % {"path": path, "row": number, "reason": error}
        ) from None
    except UnicodeDecodeError as error:
        raise FileRefused(
            _("%(path)s cannot be read as CSV after row %(row)s: %(reason)s")
            % {"path": path, "row": number, "reason": error}
        ) from None


def _lines(handle, limits: Limits) -> Iterator[str]:
    """The file's lines, none read whole if it is longer than the limit."""
    number = 0
    while line := handle.readline(limits.line_chars + 2):  # room for a line break
        number += 1
        if len(line) > limits.line_chars and len(line.rstrip("\r\n")) > limits.line_chars:
            raise LimitPassed("line_chars", limits.line_chars, number)
        yield line


def _text_encoding(path: Path, start: bytes, watch: Stopwatch) -> str:
    """UTF-8 (with or without a byte order mark) if every byte fits, else Windows-1252."""
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"  # Excel's "Unicode text"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1024 * 1024):
                watch.check()
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
