"""Benchmark reading hostile and legitimate spreadsheets under the import limits.

    python bench/uploads.py [--write] [--rows N] [--no-import] [--only NAME]

In a temporary folder it builds the attack files of the original finding (an .xlsx of 1.5
million rows in 0.8 MB, shared-strings bombs, XXE, billion laughs, ZIP bombs, 55 MB CSV files),
the largest workbook that passes every limit, and legitimate departures files of N rows (100,000
by default) as HR systems export them: a CSV file, an .xlsx as Excel saves it and as openpyxl
saves it, and a 40-column .xlsx. Each file is read in a fresh process with the default limits
through `open_sheet`, the function both `exitlens import departures` and the import page read a
file with, every row taken; the child reports the time spent, its peak memory and whether the
file was refused, with the message. The files within the limits are then imported as HR does
it, each on a throwaway, migrated SQLite database: `exitlens import departures FILE --dry-run`,
and the import page through Django's test client (the upload, which shows the plan, then the
Import button). The script exits with an error if a legitimate file is refused.
"""

import argparse
import json
import os
import platform
import random
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from sections import DOCS, write_section

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the hostile files of the tests, reused and scaled up here

from tests.adversary import hostile  # noqa: E402

START, END = "<!-- uploads:start -->", "<!-- uploads:end -->"
MB = 1024 * 1024
TIMEOUT = 900  # seconds a child may take before the benchmark gives up
REQUEST_TIMEOUT = 60  # EXITLENS_REQUEST_TIMEOUT's default
SECONDS = 30  # EXITLENS_IMPORT_MAX_SECONDS's default

# Each child's code starts with this: the peak resident set size of its process, in KiB. Not getrusage's ru_maxrss: on
# Linux a child started by fork or vfork inherits the parent's figure across exec, so it would
# report the benchmark's own peak where that is higher. VmHWM starts afresh with the new program.
PEAK = """
def peak_kib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
"""

# The child: read the file as the import does, every row, and say what it cost.
READ = """
import json, sys, time
import django
django.setup()
from exitlens.imports.spreadsheets import SpreadsheetError, open_sheet
start_kib = peak_kib()
result = {"rows": 0, "refused": ""}
started = time.perf_counter()
try:
    with open_sheet(sys.argv[1]) as sheet:
        result["rows"] = sum(1 for _row in sheet.rows)
except SpreadsheetError as error:
    result["refused"] = str(error).replace(sys.argv[1], "FILE")
except Exception as error:  # what the finding saw: an unhandled error, a 500 on the page
    result["refused"] = f"UNHANDLED {type(error).__name__}: {error}"[:300]
result["seconds"] = time.perf_counter() - started
result["peak_kib"] = peak_kib()
result["start_kib"] = start_kib
print("BENCH " + json.dumps(result))
"""

# The child: the import page as HR uses it, through Django's test client.
PAGE = """
import json, re, sys, time
from pathlib import Path
import django
django.setup()
from django.conf import settings
settings.STORAGES = {  # the static files are not collected in the throwaway data folder
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from exitlens.core.models import Departure, User
path = Path(sys.argv[1])
hr = User.objects.create_user("hanna", "hanna@example.org", "x" * 20, role=User.Role.HR)
client = Client()
client.force_login(hr, backend="django.contrib.auth.backends.ModelBackend")
content = path.read_bytes()
started = time.perf_counter()
checked = client.post(
    "/departures/import/",
    {"file": SimpleUploadedFile(path.name, content), "create_departments": "on"},
)
report = {"upload_status": checked.status_code, "upload_seconds": time.perf_counter() - started}
report |= {"import_status": None, "import_seconds": None, "upload_error": ""}
html = checked.content.decode()
if 'id="import-check"' in html and 'name="action" value="import"' in html:
    form = html.split('id="import-check"')[1].split("</form>", 1)[1]  # what Import sends
    fields = dict(re.findall(r'type="hidden" name="([^"]+)" value="([^"]*)"', form))
    started = time.perf_counter()
    imported = client.post("/departures/import/", {**fields, "action": "import"})
    report |= {"import_status": imported.status_code}
    report |= {"import_seconds": time.perf_counter() - started}
else:
    errors = re.findall(r'class="errorlist[^"]*"><li>(.*?)</li>', html, re.DOTALL)
    report["upload_error"] = (errors or ["no Import button"])[0][:300]
report |= {"created": Departure.objects.count(), "peak_kib": peak_kib()}
print("BENCH " + json.dumps(report))
"""

# The child: an `exitlens` command, run as the `exitlens` script runs it.
COMMAND = """
import json, sys
from exitlens.cli import main
try:
    main(["exitlens", *sys.argv[1:]])
finally:
    print("BENCH " + json.dumps({"peak_kib": peak_kib()}), file=sys.stderr)
"""


# The files: each built straight to disk, so that the parent never holds a large one.


def _workbook(
    path: Path,
    sheet: Iterable[bytes],
    strings: Iterable[bytes] | None = None,
) -> None:
    """An .xlsx file as hostile.workbook makes it, its sheet and strings written in pieces."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("_rels/.rels", hostile.PACKAGE_RELS)
        archive.writestr("xl/workbook.xml", hostile.WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", hostile.WORKBOOK_RELS)
        parts = {"xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": strings}
        for name, pieces in parts.items():
            if pieces is not None:
                with archive.open(name, "w", force_zip64=True) as out:
                    for piece in pieces:
                        out.write(piece)


def _sheet(rows: Iterable[bytes]) -> Iterable[bytes]:
    yield f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{hostile.MAIN}">'.encode()
    yield b"<sheetData>"
    yield from rows
    yield b"</sheetData></worksheet>"


def _batched(pieces: Iterable[bytes], size: int = 4096) -> Iterable[bytes]:
    batch = []
    for piece in pieces:
        batch.append(piece)
        if len(batch) == size:
            yield b"".join(batch)
            batch = []
    yield b"".join(batch)


def small_rows(path: Path, count: int) -> None:
    """A header and `count` rows of one random digit from 0 to 3: 1.5 million rows in about
    0.8 MB, packed some 50 to 1, so that only the limit on rows stops it."""
    pick = random.Random(1)
    rows = (f"<row><c><v>{pick.randrange(4)}</v></c></row>".encode() for _ in range(count))
    _workbook(path, _sheet(_batched(_chain(hostile.HEADER_ROW, rows))))


def numbered_rows(path: Path, count: int) -> None:
    """A header and `count` rows of one repeated number, as openpyxl writes them (every row
    and cell numbered): 1.5 million rows are 7 MB, packed under 10 to 1."""
    rows = (f'<row r="{n}"><c r="A{n}"><v>1</v></c></row>'.encode() for n in range(2, count + 2))
    _workbook(path, _sheet(_batched(_chain(hostile.HEADER_ROW, rows))))


def _chain(first: bytes, rest: Iterable[bytes]) -> Iterable[bytes]:
    yield first
    yield from rest


def repeated_rows(path: Path, count: int) -> None:
    """hostile.many_rows at this scale: one row repeated, nothing numbered."""
    rows = (hostile.ROW for _ in range(count))
    _workbook(path, _sheet(_batched(_chain(hostile.HEADER_ROW, rows))))


def strings_bomb(path: Path, count: int, distinct: bool) -> None:
    """hostile.shared_strings_bomb at this scale: a sheet of two rows and a table of `count`
    texts nobody refers to; all the same ("x") or each its own."""
    texts = (f"<si><t>{n if distinct else 'x'}</t></si>".encode() for n in range(count))
    head = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{hostile.MAIN}">'.encode()
    _workbook(
        path,
        [hostile.sheet(hostile.HEADER_ROW, hostile.ROW)],
        _chain(head, _batched(_chain_end(texts, b"</sst>"))),
    )


def _chain_end(rest: Iterable[bytes], last: bytes) -> Iterable[bytes]:
    yield from rest
    yield last


def zip_bomb(path: Path, megabytes: int) -> None:
    """hostile.zip_bomb at this scale: spaces between the rows, about 1000 to 1."""
    padding = (b" " * MB for _ in range(megabytes))
    _workbook(path, _sheet(_chain(hostile.HEADER_ROW, _chain_end(padding, hostile.ROW))))


def csv_rows(path: Path, megabytes: int) -> int:
    """Departures, as many as fill `megabytes` MB; returns how many."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(",".join(HEADER) + "\n")
        for row in departures(10**9):
            out.write(",".join(_csv_text(value) for value in row) + "\n")
            count += 1
            if count % 1000 == 0 and out.tell() >= megabytes * MB:
                return count
    return count


def csv_line(path: Path, megabytes: int) -> None:
    """A header and one line of `megabytes` MB."""
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("Name,Note\n")
        for _ in range(megabytes):
            out.write("x," * (MB // 2))
        out.write("\n")


def csv_wide(path: Path, megabytes: int, columns: int) -> int:
    """Rows of `columns` one-letter cells, as many as fill `megabytes` MB; returns how many."""
    line = ",".join(["x"] * columns) + "\n"
    count = (megabytes * MB) // len(line)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(",".join(f"Column {n}" for n in range(columns)) + "\n")
        for _ in range(count // 1000):
            out.write(line * 1000)
    return count // 1000 * 1000


# Legitimate departures, as an HR system exports them.

HEADER = [
    "Employee ID",
    "Name",
    "Work e-mail",
    "Department",
    "Manager",
    "Job title",
    "Location",
    "Hire date",
    "Leave date",
    "Departure type",
    "Regrettable loss",
]
DEPARTMENTS = [f"Department {n}" for n in range(1, 41)]
TITLES = ["Adviser", "Team lead", "Customer service agent", "Engineer", "Analyst", "Planner"]
TYPES = ["Resignation", "Dismissal", "End of contract", "Retirement", "Other"]
FIRST = ["Anna", "Bram", "Chloé", "Daan", "Eva", "Finn", "Julia", "Lars", "Noor", "Sem", "Zoë"]
LAST = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "García", "Müller", "Peeters"]


def departures(count: int, seed: int = 1) -> Iterable[list]:
    """`count` departures of six years, in a 100,000-person organisation's wording."""
    pick = random.Random(seed)
    first = date(2020, 1, 1)
    for n in range(1, count + 1):
        leave = first + timedelta(days=pick.randrange(6 * 365))
        hired = leave - timedelta(days=pick.randrange(30, 9000))
        name = f"{pick.choice(FIRST)} {pick.choice(LAST)}"
        yield [
            f"E{n:06d}",
            name,
            f"employee{n}@work.example.org",
            pick.choice(DEPARTMENTS),
            f"Manager {pick.randrange(400)}",
            pick.choice(TITLES),
            f"Location {pick.randrange(25)}",
            hired,
            leave,
            pick.choice(TYPES),
            pick.choice(["yes", "no"]),
        ]


def _csv_text(value) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def legitimate_csv(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(",".join(HEADER) + "\n")
        for row in departures(rows):
            out.write(",".join(_csv_text(value) for value in row) + "\n")


def legitimate_xlsx(path: Path, rows: int, extra_columns: int = 0) -> None:
    """As Excel saves it: each text once in the shared strings, dates as numbers with a date
    format, every row and cell numbered. `extra_columns`: an export's columns that the import
    leaves out (cost centre, FTE, grade...), each with a text of a few values."""
    header = HEADER + [f"Extra {n}" for n in range(1, extra_columns + 1)]
    strings: dict[str, int] = {}
    names = [_column_name(i) for i in range(len(header))]

    def cell(column: int, number: int, value) -> bytes:
        reference = f"{names[column]}{number}"
        if isinstance(value, date):
            serial = (value - date(1899, 12, 30)).days
            return f'<c r="{reference}" s="1"><v>{serial}</v></c>'.encode()
        index = strings.setdefault(str(value), len(strings))
        return f'<c r="{reference}" t="s"><v>{index}</v></c>'.encode()

    def sheet_rows() -> Iterable[bytes]:
        pick = random.Random(2)
        for number, row in enumerate(_chain(header, departures(rows)), start=1):
            if number > 1:
                row = row + [f"Value {pick.randrange(50)}" for _ in range(extra_columns)]
            cells = b"".join(cell(column, number, value) for column, value in enumerate(row))
            yield f'<row r="{number}">'.encode() + cells + b"</row>"

    def shared_strings() -> Iterable[bytes]:
        yield (
            f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{hostile.MAIN}" '
            f'count="{len(strings)}" uniqueCount="{len(strings)}">'
        ).encode()
        yield from _batched(f"<si><t>{escape(text)}</t></si>".encode() for text in strings)
        yield b"</sst>"

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", hostile.PACKAGE_RELS)
        archive.writestr("xl/workbook.xml", hostile.WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
            for piece in _sheet(_batched(sheet_rows(), 1024)):
                out.write(piece)
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as out:
            for piece in shared_strings():
                out.write(piece)
        archive.writestr("xl/styles.xml", STYLES)


def openpyxl_xlsx(path: Path, rows: int) -> None:
    """As openpyxl (and tools built on it) saves it: texts inline in the cells."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Leavers")
    sheet.append(HEADER)
    for row in departures(rows):
        cells = []
        for value in row:
            if isinstance(value, date):
                cell = WriteOnlyCell(sheet, datetime(value.year, value.month, value.day))
                cell.number_format = "dd-mm-yyyy"
                cells.append(cell)
            else:
                cells.append(value)
        sheet.append(cells)
    book.save(path)


def _column_name(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


WORKBOOK_RELS = hostile.WORKBOOK_RELS.replace(
    "</Relationships>",
    f'<Relationship Id="rId3" Type="{hostile.RELATIONSHIPS}/styles" Target="styles.xml"/>'
    "</Relationships>",
)
STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{hostile.MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\-mm\\-yyyy"/></numFmts>'
    '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>'
    "</styleSheet>"
)
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    "</Types>"
)


# Measuring, each file in a fresh process


@dataclass
class Case:
    name: str
    file: str
    build: Callable[[Path], object]  # makes the file; a CSV builder returns its rows
    rows: int | None = None  # data rows (after the header), where they are known beforehand
    legitimate: bool = False  # must be accepted
    as_hr: bool = False  # also imported with the command (dry run) and the page
    before: str = ""  # the figures of the finding, before the limits


@dataclass
class Measured:
    case: Case
    size: int
    data_rows: str
    seconds: float
    peak_mib: float
    start_mib: float  # the child once Django was loaded, before it read the file
    rows_read: int
    refused: str


def environment(data_dir: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("EXITLENS_") and key != "DJANGO_SETTINGS_MODULE"
    }
    env["EXITLENS_SECRET_KEY"] = secrets.token_urlsafe(50)  # throwaway, for this run only
    env["EXITLENS_DATA_DIR"] = str(data_dir)
    env["EXITLENS_LANGUAGE"] = "en"  # the messages, as an English-speaking admin reads them
    env["EXITLENS_ALLOWED_HOSTS"] = "testserver"  # Django's test client, for the page
    env["DJANGO_SETTINGS_MODULE"] = "exitlens.settings"
    return env


def run(code: str, args: list[str], env: dict[str, str]) -> tuple[float, dict, str]:
    """Wall seconds, the child's report and its output, for Python code in a fresh process."""
    started = time.perf_counter()
    try:
        done = subprocess.run(  # noqa: S603  (this interpreter, our own code)
            [sys.executable, "-c", PEAK + code, *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        sys.exit(f"Stopped after {TIMEOUT} s: {' '.join(args)}")
    seconds = time.perf_counter() - started
    output = done.stdout + done.stderr
    if "BENCH " not in output:
        sys.exit(f"The child reported nothing:\n{output[-3000:]}")
    report = json.loads(output.rsplit("BENCH ", 1)[1].splitlines()[0])
    return seconds, report, done.stdout


def measure(case: Case, path: Path, env: dict[str, str]) -> Measured:
    built = case.build(path)
    data_rows = case.rows if case.rows is not None else built
    _seconds, report, _output = run(READ, [str(path)], env)
    return Measured(
        case,
        path.stat().st_size,
        "–" if data_rows is None else f"{data_rows:,}",
        report["seconds"],
        report["peak_kib"] / 1024,
        report["start_kib"] / 1024,
        report["rows"],
        report["refused"],
    )


def as_hr(path: Path, env: dict[str, str], data_dir: Path) -> list[dict]:
    """The file through the dry run of the command and through the page, each on a database
    of its own, migrated and empty."""
    results = []
    for way in ("command", "page"):
        shutil.rmtree(data_dir, ignore_errors=True)
        data_dir.mkdir()
        run(COMMAND, ["migrate", "--verbosity", "0"], env)
        if way == "command":
            command = ["import", "departures", str(path), "--dry-run", "--create-departments"]
            seconds, report, output = run(COMMAND, [*command, "--ignore-unknown-columns"], env)
            counts = [line for line in output.splitlines() if line.startswith(TOTALS)]
            outcome = "; ".join(counts) or output.strip().splitlines()[-1]
            results.append({"way": way, "seconds": seconds, **report, "outcome": outcome})
        else:
            _seconds, report, _output = run(PAGE, [str(path)], env)
            results.append({"way": way, **report})
        print(f"  {path.name}, {way}: {results[-1]}", file=sys.stderr, flush=True)
    shutil.rmtree(data_dir, ignore_errors=True)
    return results


TOTALS = ("To create:", "Rejected:")
WIDEST_ROWS = 5_000_000 // 25 - 2  # 25 columns: the header and these rows stay within the cells


def cases(rows: int) -> list[Case]:
    million = 1_500_000
    workbook_of = hostile.workbook
    return [
        Case(
            "1.5 million rows of one digit, under the compression limit",
            "rows.xlsx",
            lambda path: small_rows(path, million),
            million,
            before="387 s, 2.2 GB (a 0.8 MB file)",
        ),
        Case(
            "1.5 million rows, numbered as openpyxl writes them",
            "rows-numbered.xlsx",
            lambda path: numbered_rows(path, million),
            million,
        ),
        Case(
            "1.5 million rows, one row repeated (hostile.many_rows)",
            "rows-repeated.xlsx",
            lambda path: repeated_rows(path, million),
            million,
        ),
        Case(
            "Shared-strings bomb, 3 million different texts",
            "strings.xlsx",
            lambda path: strings_bomb(path, 3_000_000, distinct=True),
            1,
            before="247 s",
        ),
        Case(
            "Shared-strings bomb, 3 million times one text (hostile.shared_strings_bomb)",
            "strings-same.xlsx",
            lambda path: strings_bomb(path, 3_000_000, distinct=False),
            1,
        ),
        Case(
            "External entity, XXE (hostile.XXE)",
            "xxe.xlsx",
            lambda path: path.write_bytes(workbook_of(hostile.XXE)),
            0,
            before="ParseError, a 500; upload left in data/imports",
        ),
        Case(
            "Billion laughs (hostile.BILLION_LAUGHS)",
            "laughs.xlsx",
            lambda path: path.write_bytes(
                workbook_of(hostile.sheet(hostile.HEADER_ROW), hostile.BILLION_LAUGHS)
            ),
            0,
            before="ParseError, a 500; upload left in data/imports",
        ),
        Case("ZIP bomb, 1 GB unpacked", "bomb.xlsx", lambda path: zip_bomb(path, 1024), 1),
        Case(
            "ZIP bomb, 200 MB unpacked (under the unpacked limit)",
            "bomb-200.xlsx",
            lambda path: zip_bomb(path, 200),
            1,
        ),
        Case(
            "ZIP bomb that lies about its size (hostile.lying_sizes, 100 MB)",
            "bomb-lying.xlsx",
            lambda path: path.write_bytes(hostile.lying_sizes(100)),
            1,
        ),
        Case(
            "55 MB CSV of departures",
            "departures-55mb.csv",
            lambda path: csv_rows(path, 55),
            before="2.5 GB",
        ),
        Case("55 MB CSV, one line", "line-55mb.csv", lambda path: csv_line(path, 55), 1),
        Case("55 MB CSV, 200 columns", "wide-55mb.csv", lambda path: csv_wide(path, 55, 200)),
        Case(
            "Largest workbook within every limit: departures, 25 columns (14 not imported)",
            "widest.xlsx",
            lambda path: legitimate_xlsx(path, WIDEST_ROWS, extra_columns=14),
            WIDEST_ROWS,
            as_hr=True,
        ),
        Case(
            "Departures, CSV, 11 columns",
            "departures.csv",
            lambda path: legitimate_csv(path, rows),
            rows,
            legitimate=True,
            as_hr=True,
        ),
        Case(
            "Departures, .xlsx as Excel saves it, 11 columns",
            "departures.xlsx",
            lambda path: legitimate_xlsx(path, rows),
            rows,
            legitimate=True,
            as_hr=True,
        ),
        Case(
            "Departures, .xlsx as openpyxl saves it (texts inline), 11 columns",
            "departures-openpyxl.xlsx",
            lambda path: openpyxl_xlsx(path, rows),
            rows,
            legitimate=True,
            as_hr=True,
        ),
        Case(
            "Departures, .xlsx as Excel saves it, 40 columns (29 not imported)",
            "departures-40.xlsx",
            lambda path: legitimate_xlsx(path, rows, extra_columns=29),
            rows,
            legitimate=True,
            as_hr=True,
        ),
    ]


# The section of docs/benchmarks.md


def _size(size: int) -> str:
    return f"{size / MB:.1f} MB" if size >= MB / 10 else f"{size / 1024:.0f} KB"


def table(results: list[Measured]) -> str:
    lines = [
        "| File | Size | Data rows | Time | Peak memory (reading added) | Refused? | Before |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    for r in results:
        verdict = f"refused: {r.refused}" if r.refused else f"accepted: {r.rows_read:,} rows"
        if r.case.legitimate and r.refused:
            verdict = f"**{verdict}**"
        lines.append(
            f"| {r.case.name} | {_size(r.size)} | {r.data_rows} | {r.seconds:.2f} s "
            f"| {r.peak_mib:.0f} MB ({r.peak_mib - r.start_mib:+.0f} MB) | {verdict} "
            f"| {r.case.before or '–'} |"
        )
    return "\n".join(lines)


def _request(seconds: float | None, status: int | None) -> str:
    if seconds is None:
        return "–"
    late = " **over the request timeout**" if seconds > REQUEST_TIMEOUT else ""
    return f"{seconds:.1f} s ({status}){late}"


def hr_table(results: dict[str, list[dict]]) -> str:
    lines = [
        "| File | Dry run, command | Page: upload to plan | Page: Import | Peak memory, "
        "command / page | Outcome |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name, (command, page) in results.items():
        outcome = command["outcome"]
        if page.get("created"):
            outcome += f"; page: {page['created']:,} departures imported"
        elif page.get("upload_error"):
            outcome += f"; page: {page['upload_error']}"
        lines.append(
            f"| {name} | {command['seconds']:.1f} s "
            f"| {_request(page['upload_seconds'], page['upload_status'])} "
            f"| {_request(page['import_seconds'], page['import_status'])} "
            f"| {command['peak_kib'] / 1024:.0f} MB / {page['peak_kib'] / 1024:.0f} MB "
            f"| {outcome} |"
        )
    return "\n".join(lines)


def verdict(results: list[Measured], hr: dict[str, list[dict]]) -> str:
    legitimate = [r for r in results if r.case.legitimate]
    refused = [r.case.name for r in legitimate if r.refused]
    slowest = max((r.seconds for r in legitimate if not r.refused), default=0)
    lines = [
        f"Legitimate files refused under the default limits: {', '.join(refused) or 'none'}; "
        f"the slowest was read in {slowest:.1f} s of the {SECONDS} s allowed "
        f"(`EXITLENS_IMPORT_MAX_SECONDS`)."
    ]
    late = [
        name
        for name, (_command, page) in hr.items()
        if max(page["upload_seconds"] or 0, page["import_seconds"] or 0) > REQUEST_TIMEOUT
    ]
    if late:
        lines.append(
            f"Page requests over the {REQUEST_TIMEOUT} s request timeout: {', '.join(late)}. "
            "Under `exitlens serve` the worker is ended and the import rolled back; such a file "
            "is imported with the command, which has no time limit, or split."
        )
    return "\n\n".join(lines)


def machine() -> str:
    return f"{os.cpu_count()} CPUs, {platform.machine()}, Python {platform.python_version()}"


def section(results: list[Measured], hr: dict[str, list[dict]]) -> str:
    return f"""{START}
## Hostile and large uploads

`python bench/uploads.py --write`: each file is built in a temporary folder and read in a fresh
process with the default limits (`EXITLENS_IMPORT_MAX_*`, see
[configuration](configuration.md#imports)) through `open_sheet`, which both `exitlens import
departures` and the import page read a file with, every row taken. Time is the reading, from
opening the file to its last row or its refusal; peak memory is the process's peak resident set
size (VmHWM), with in brackets what reading added to the process once Django was loaded.
Refusals are the messages HR and the command show, "FILE" standing for the file's name.
"Before" gives the figures of the original finding, measured without the limits.

{table(results)}

The large files within the limits as HR imports them, each on an empty, migrated SQLite
database: the dry run of the command (`exitlens import departures FILE --dry-run
--create-departments --ignore-unknown-columns`, one process, start-up included), and the import
page through Django's test client: the upload request (the file stored, read for its header,
read again and checked into a plan) and the Import request (read twice again, checked, imported
in one transaction). Under `exitlens serve` each request must end within
`EXITLENS_REQUEST_TIMEOUT` ({REQUEST_TIMEOUT} s by default); in brackets the HTTP status.

{hr_table(hr) if hr else "(not run: --no-import)"}

{verdict(results, hr)}

Measured {date.today().isoformat()} on {machine()}.
{END}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="Rows of the legitimate files.")
    parser.add_argument("--no-import", action="store_true", help="Only read the files.")
    parser.add_argument("--only", help="Only the files whose name contains this.")
    parser.add_argument("--write", action="store_true", help=f"Rewrite the section in {DOCS}.")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="exitlens-uploads-"))
    results, hr = [], {}
    try:
        env = environment(folder / "data")
        for case in cases(options.rows):
            if options.only and options.only not in case.file:
                continue
            path = folder / case.file
            results.append(measure(case, path, env))
            r = results[-1]
            print(
                f"{case.file}: {_size(r.size)}, {r.seconds:.2f} s, {r.peak_mib:.0f} MB, "
                f"{r.rows_read:,} rows, {r.refused or 'accepted'}",
                file=sys.stderr,
                flush=True,
            )
            if case.as_hr and not options.no_import and not r.refused:
                hr[case.name] = as_hr(path, env, folder / "data")
            path.unlink()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(table(results))
    if hr:
        print("\n" + hr_table(hr))
    print(f"\n{machine()}")
    refused = [r.case.name for r in results if r.case.legitimate and r.refused]
    if options.write:
        write_section(START, END, section(results, hr))
        print(f"Wrote {DOCS}")
    if refused:
        sys.exit(f"Legitimate files refused under the default limits: {', '.join(refused)}")


if __name__ == "__main__":
    main()
