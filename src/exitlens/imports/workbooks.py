"""The first worksheet of an .xlsx workbook as a stream of rows, read with hostile files in mind.

An .xlsx file is a ZIP archive of XML parts. Before anything is unpacked the archive's
directory is checked: how many members it lists, how large they say they are unpacked and how
much each is compressed (a ZIP bomb is a small file that unpacks to gigabytes; Python's zipfile
never hands out more bytes than a member declares, so the declared sizes hold). Every part is
parsed as a stream by expat under defusedxml's rules, with document type declarations
forbidden as well: no entity can be declared, so none can expand ("billion laughs") or fetch a
file (XXE). The sheet is read twice: once to count its rows and cells, so that a file beyond
the limits is refused before a single row reaches the caller, and once for the values.

Values are those openpyxl gives for a workbook's saved results (`data_only`): text, int or
float, bool, a datetime for a number with a date format, and an error such as "#N/A" as text.
This module uses no Django; spreadsheets.py turns its exceptions into messages.
"""

import lzma
import posixpath
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

from defusedxml.common import DefusedXmlException
from defusedxml.expatreader import DefusedExpatParser
from openpyxl.styles.numbers import builtin_format_code, is_date_format, is_timedelta_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, WINDOWS_EPOCH, from_excel, from_ISO8601

from exitlens.imports.limits import LimitPassed, Limits, Stopwatch

MAX_MEMBERS = 10_000  # parts in the archive; Excel writes a few dozen
MAX_DIRECTORY_BYTES = 2 * 1024 * 1024  # the archive's list of members, read whole by zipfile
MAX_LISTED = 100_000  # sheets, relationships, formats and styles a part may list
MAX_COLUMN = 16_384  # Excel's last column, XFD
RATIO_CHECKED_FROM = 1024 * 1024  # members smaller than this unpacked cannot hurt
CHUNK = 64 * 1024
DOCUMENT = "officeDocument"


# What zipfile raises for a damaged, encrypted or oddly compressed member.
UNPACKING_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    OSError,
    NotImplementedError,
    RuntimeError,
    ValueError,
)


class NotAWorkbook(Exception):
    """The file is a ZIP archive but no readable workbook; the argument says why, if known."""


class ForbiddenXML(Exception):
    """A part declares a document type, entities or external references."""


@contextmanager
def open_workbook(
    path: Path, limits: Limits, watch: Stopwatch
) -> Iterator[Iterator[tuple[int, list]]]:
    """The rows of the workbook's active worksheet (or its first), numbered as in the sheet,
    each up to its last value; rows without a value are left out. The rows and cells have been
    counted against the limits before this hands them out."""
    with path.open("rb") as handle:
        _check_directory(handle)
        try:
            archive = zipfile.ZipFile(handle)
        except UNPACKING_ERRORS as error:
            raise NotAWorkbook(str(error)) from None
        with archive:
            _check_sizes(archive, limits)
            book = _Book(archive, limits, watch)
            book.count_sheet()
            book.read_styles_and_strings()
            yield book.rows()


def _check_directory(handle: BinaryIO) -> None:
    """Refuse an archive whose list of members is too long before zipfile reads it whole."""
    handle.seek(0, 2)
    size = handle.tell()
    handle.seek(max(0, size - 22 - 65_535))  # the end record, after at most a 64 KB comment
    tail = handle.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return  # zipfile says what is wrong
    members, directory_bytes = struct.unpack_from("<HI", tail, at + 10)
    if members > MAX_MEMBERS or directory_bytes > MAX_DIRECTORY_BYTES:
        raise NotAWorkbook("it lists too many parts")


def _check_sizes(archive: zipfile.ZipFile, limits: Limits) -> None:
    unzipped = 0
    for member in archive.infolist():
        unzipped += member.file_size
        if unzipped > limits.unzipped_bytes:
            raise LimitPassed("unzipped_bytes", sum(m.file_size for m in archive.infolist()))
        if member.file_size > RATIO_CHECKED_FROM:
            ratio = member.file_size / max(member.compress_size, 1)
            if ratio > limits.compression_ratio:
                raise LimitPassed("compression_ratio", round(ratio))


def _forbid(parser: expat.XMLParserType) -> None:
    """defusedxml's guards, with document types forbidden too (a workbook never has one)."""
    guard = DefusedExpatParser(forbid_dtd=True)
    parser.StartDoctypeDeclHandler = guard.defused_start_doctype_decl
    parser.EntityDeclHandler = guard.defused_entity_decl
    parser.UnparsedEntityDeclHandler = guard.defused_unparsed_entity_decl
    parser.ExternalEntityRefHandler = guard.defused_external_entity_ref_handler
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)


_LOCAL: dict[str, str] = {}


def _local(name: str) -> str:
    """An element's name without its namespace: "row" whether it is <row> or <x:row>."""
    local = _LOCAL.get(name)
    if local is None:
        local = _LOCAL[name] = name.rpartition("}")[2]
    return local


class _Book:
    def __init__(self, archive: zipfile.ZipFile, limits: Limits, watch: Stopwatch):
        self.archive = archive
        self.names = set(archive.namelist())
        self.limits = limits
        self.watch = watch
        self.strings: list[str] = []
        self.date_styles: set[int] = set()
        self.timedelta_styles: set[int] = set()
        self.epoch = WINDOWS_EPOCH
        self._find_parts()

    # The parts: package relationships -> workbook -> its relationships -> sheet, strings, styles

    def _find_parts(self) -> None:
        rels, _by_id = self._relationships("_rels/.rels", "")
        workbook = rels.get(DOCUMENT, ["xl/workbook.xml"])[0]
        if workbook not in self.names:
            raise NotAWorkbook("")
        folder = posixpath.dirname(workbook)
        rels, by_id = self._relationships(
            f"{folder}/_rels/{posixpath.basename(workbook)}.rels", folder
        )
        active, sheets = 0, []
        for name, attrs in self._listed(workbook, {"workbookPr", "workbookView", "sheet"}):
            if name == "workbookPr" and attrs.get("date1904", "").lower() in ("1", "true"):
                self.epoch = CALENDAR_MAC_1904
            elif name == "workbookView":
                active = _whole(attrs.get("activeTab", "0"))
            elif name == "sheet":
                sheets.append(by_id.get(_attribute(attrs, "id"), ""))
        worksheets = set(rels.get("worksheet", []))
        if 0 <= active < len(sheets) and sheets[active] in worksheets:
            self.sheet = sheets[active]
        else:  # the active sheet is a chart: the first worksheet
            self.sheet = next((sheet for sheet in sheets if sheet in worksheets), "")
        if self.sheet not in self.names:
            raise NotAWorkbook("it has no worksheet")
        self.strings_part = self._part(rels, "sharedStrings", f"{folder}/sharedStrings.xml")
        self.styles_part = self._part(rels, "styles", f"{folder}/styles.xml")

    def _part(self, rels: dict, kind: str, usual: str) -> str | None:
        for name in [*rels.get(kind, []), usual]:
            if name in self.names:
                return name
        return None

    def _relationships(self, part: str, folder: str) -> tuple[dict, dict]:
        """The targets of a part's relationships: lists by the last word of their type
        ("worksheet"), and each by its id."""
        by_type: dict[str, list[str]] = {}
        by_id: dict[str, str] = {}
        if part not in self.names:
            return by_type, by_id
        for _name, attrs in self._listed(part, {"Relationship"}):
            if attrs.get("TargetMode") == "External":
                continue
            target = attrs.get("Target", "")
            target = posixpath.normpath(
                target[1:] if target.startswith("/") else posixpath.join(folder, target)
            )
            by_type.setdefault(attrs.get("Type", "").rpartition("/")[2], []).append(target)
            by_id[attrs.get("Id", "")] = target
        return by_type, by_id

    def _listed(self, part: str, wanted: set[str]) -> list[tuple[str, dict]]:
        """The elements of a small part with these names, with their attributes."""
        found = []

        def start(name, attrs):
            name = _local(name)
            if name in wanted:
                if len(found) == MAX_LISTED:
                    raise NotAWorkbook(f"{part} lists too much")
                found.append((name, attrs))

        self._parse(part, start=start)
        return found

    # Parsing

    def _parse(
        self,
        part: str,
        start: Callable | None = None,
        end: Callable | None = None,
        data: Callable | None = None,
    ) -> None:
        """Parse a part with these handlers, all of it; see _chunks for a part in steps."""
        for _ in self._chunks(part, start, end, data):
            pass

    def _chunks(self, part, start=None, end=None, data=None) -> Iterator[None]:
        """Parse a part in steps of CHUNK bytes, yielding after each; time is checked at each."""
        parser = expat.ParserCreate(namespace_separator="}")
        _forbid(parser)
        parser.buffer_text = True
        if start:
            parser.StartElementHandler = start
        if end:
            parser.EndElementHandler = end
        if data:
            parser.CharacterDataHandler = data
        try:
            with self.archive.open(part) as stream:
                while chunk := stream.read(CHUNK):
                    self.watch.check()
                    parser.Parse(chunk, False)
                    yield
                parser.Parse(b"", True)
        except DefusedXmlException:  # before ValueError, which it is
            raise ForbiddenXML from None
        except expat.ExpatError as error:
            raise NotAWorkbook(f"{part}: {expat.ErrorString(error.code)}") from None
        except UNPACKING_ERRORS as error:
            raise NotAWorkbook(f"{part}: {error}") from None

    # The first pass: rows and cells counted, nothing kept

    def count_sheet(self) -> None:
        """Rows that have a cell with a value, and such cells, against the limits (a row may
        count that holds only empty text; the limits are not that tight)."""
        limits = self.limits
        rows = cells = 0
        row_has_value = False

        def start(name, attrs):
            nonlocal rows, cells, row_has_value
            name = _local(name)
            if name == "v" or name == "is":
                cells += 1
                if cells > limits.cells:
                    raise LimitPassed("cells", limits.cells)
                if not row_has_value:
                    row_has_value = True
                    rows += 1
                    if rows > limits.rows + 1:  # the header and the data rows
                        raise LimitPassed("rows", limits.rows)
            elif name == "row":
                row_has_value = False

        self._parse(self.sheet, start=start)

    # What the values need: the texts cells refer to, and which styles are dates

    def read_styles_and_strings(self) -> None:
        if self.styles_part:
            self._read_styles()
        if self.strings_part:
            self._read_strings()

    def _read_styles(self) -> None:
        custom: dict[int, str] = {}
        formats: list[int] = []  # the number format of each cell style, by its index
        in_cell_styles = False

        def start(name, attrs):
            nonlocal in_cell_styles
            name = _local(name)
            if name == "cellXfs":
                in_cell_styles = True
            elif name == "xf" and in_cell_styles:
                formats.append(_whole(attrs.get("numFmtId", "0")))
            elif name == "numFmt":
                custom[_whole(attrs.get("numFmtId", "0"))] = attrs.get("formatCode", "")
            if len(formats) + len(custom) > MAX_LISTED:
                raise NotAWorkbook("it has too many styles")

        def end(name):
            nonlocal in_cell_styles
            if _local(name) == "cellXfs":
                in_cell_styles = False

        self._parse(self.styles_part, start=start, end=end)
        for index, number in enumerate(formats):
            code = custom.get(number) or builtin_format_code(number)
            if code and is_date_format(code):
                self.date_styles.add(index)
            if code and is_timedelta_format(code):
                self.timedelta_styles.add(index)

    def _read_strings(self) -> None:
        """The shared strings, as openpyxl reads them: the text of a string and its formatted
        runs, without the phonetic guide (rPh)."""
        strings, limits = self.strings, self.limits
        pieces: list[str] = []
        text: list[str] | None = None
        length = phonetic = 0

        def start(name, attrs):
            nonlocal text, length, phonetic
            name = _local(name)
            if name == "t" and not phonetic:
                text = []
            elif name == "si":
                pieces.clear()
                length = 0
            elif name == "rPh":
                phonetic += 1

        def data(characters):
            nonlocal length
            if text is not None:
                text.append(characters)
                length += len(characters)
                if length > limits.cell_chars:
                    raise LimitPassed("cell_chars", limits.cell_chars)

        def end(name):
            nonlocal text, phonetic
            name = _local(name)
            if name == "t" and text is not None:
                pieces.append("".join(text))
                text = None
            elif name == "si":
                if len(strings) == limits.shared_strings:
                    raise LimitPassed("shared_strings", limits.shared_strings)
                strings.append("".join(pieces).replace("x005F_", ""))
            elif name == "rPh":
                phonetic -= 1

        self._parse(self.strings_part, start=start, end=end, data=data)

    # The second pass: the rows

    def rows(self) -> Iterator[tuple[int, list]]:
        reader = _SheetReader(self)
        for _ in self._chunks(self.sheet, reader.start, reader.end, reader.data):
            done, reader.done = reader.done, []
            yield from done


class _SheetReader:
    """Handlers for expat that turn a sheet's XML into rows, a row at a time."""

    def __init__(self, book: _Book):
        self.book = book
        self.cell_chars = book.limits.cell_chars
        self.done: list[tuple[int, list]] = []
        self.number = 0  # of the row being read
        self.cells = 0  # in the rows read so far
        self.values: list = []
        self.column = 0  # of the cell being read, from 1
        self.kind = "n"
        self.style: str | None = None
        self.value: str | None = None
        self.inline: list[str] | None = None  # the text of an inline string, in pieces
        self.text: list[str] | None = None  # characters being collected, if any
        self.length = 0
        self.phonetic = 0

    def start(self, name: str, attrs: dict) -> None:
        name = _local(name)
        if name == "c":
            reference = attrs.get("r")
            self.column = _column(reference) if reference else self.column + 1
            if not 0 < self.column <= MAX_COLUMN:
                raise NotAWorkbook(f"cell {reference} is beyond the last column")
            self.kind = attrs.get("t", "n")
            self.style = attrs.get("s")
            self.value = self.inline = None
            self.length = 0
        elif name == "v":
            self.text = []
        elif name == "t":
            if self.inline is not None and not self.phonetic:
                self.text = []
        elif name == "row":
            number = attrs.get("r")
            self.number = _whole(number) if number else self.number + 1
            self.values = []
            self.column = 0
        elif name == "is":
            self.inline = []
        elif name == "rPh":
            self.phonetic += 1

    def data(self, characters: str) -> None:
        if self.text is not None:
            self.text.append(characters)
            self.length += len(characters)
            if self.length > self.cell_chars:
                raise LimitPassed("cell_chars", self.cell_chars, self.number)

    def end(self, name: str) -> None:
        name = _local(name)
        if name == "c":
            value = self._cell_value()
            if value is not None:
                values = self.values
                if len(values) < self.column - 1:
                    values.extend([None] * (self.column - 1 - len(values)))
                if len(values) == self.column - 1:
                    values.append(value)
                else:  # a cell named twice, or out of order: the last one counts
                    values[self.column - 1] = value
        elif name == "row":
            if self.values:
                self.cells += len(self.values)  # empty cells before a value count too
                if self.cells > self.book.limits.cells:
                    raise LimitPassed("cells", self.book.limits.cells)
                self.done.append((self.number, self.values))
                self.values = []
        elif name == "v":
            self.value = "".join(self.text or ())
            self.text = None
        elif name == "t":
            if self.text is not None and self.inline is not None:
                self.inline.append("".join(self.text))
            self.text = None
        elif name == "rPh":
            self.phonetic -= 1

    def _cell_value(self):
        kind, value = self.kind, self.value
        if kind == "inlineStr":
            return None if self.inline is None else "".join(self.inline)
        if not value:
            return None
        try:
            if kind == "n":
                number = float(value) if "." in value or "e" in value.lower() else int(value)
                style = _whole(self.style) if self.style else 0
                if style in self.book.date_styles:
                    try:
                        return from_excel(
                            number, self.book.epoch, timedelta=style in self.book.timedelta_styles
                        )
                    except (OverflowError, ValueError):
                        return "#VALUE!"  # as openpyxl: a date before 1900 or after 9999
                return number
            if kind == "s":
                return self.book.strings[_whole(value)]
            if kind == "b":
                return bool(int(value))
            if kind == "d":
                return from_ISO8601(value)
        except (ValueError, IndexError):
            raise NotAWorkbook(f"row {self.number} holds a value it cannot have") from None
        return value  # "str" (a formula's text) and "e" (an error such as #N/A)


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise NotAWorkbook(f"{text[:20]!r} is not a number") from None


def _column(reference: str) -> int:
    """The column of a cell reference such as "AB12", from 1."""
    column = 0
    for character in reference:
        if "A" <= character <= "Z":
            column = column * 26 + ord(character) - 64
        elif "a" <= character <= "z":
            column = column * 26 + ord(character) - 96
        else:
            break
        if column > MAX_COLUMN:
            break
    return column


def _attribute(attrs: dict, local: str) -> str:
    """An attribute by its name without namespace, such as r:id."""
    for name, value in attrs.items():
        if _local(name) == local:
            return value
    return ""
