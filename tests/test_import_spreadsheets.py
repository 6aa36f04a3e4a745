"""Reading spreadsheets, recognising their columns and typing their cells (no database)."""

import codecs
import zipfile
from datetime import date, datetime

import pytest
from openpyxl import Workbook, load_workbook

from exitlens.imports import values, workbooks
from exitlens.imports.limits import MB, Limits
from exitlens.imports.mapping import map_columns, parse_overrides
from exitlens.imports.spreadsheets import SpreadsheetError, open_sheet
from tests.adversary import hostile

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")


def read(path, limits=None):
    with open_sheet(path, limits) as sheet:
        return sheet.headers, list(sheet.rows)


def test_it_reads_utf8_csv_with_a_byte_order_mark(tmp_path):
    path = tmp_path / "leavers.csv"
    path.write_bytes(codecs.BOM_UTF8 + "Naam,Afdeling\nZoë Çelik,Sales\n".encode())

    headers, rows = read(path)

    assert headers == ["Naam", "Afdeling"]
    assert rows == [(2, ["Zoë Çelik", "Sales"])]


def test_it_reads_windows_1252_with_semicolons(tmp_path):
    path = tmp_path / "leavers.csv"
    path.write_bytes(
        "Naam;Privé e-mail;Functie\nRenée Müller;r@example.org;Café, € bar\n".encode("cp1252")
    )

    headers, rows = read(path)

    assert headers == ["Naam", "Privé e-mail", "Functie"]
    assert rows == [(2, ["Renée Müller", "r@example.org", "Café, € bar"])]


def test_it_reads_tabs_and_excels_unicode_text(tmp_path):
    path = tmp_path / "leavers.txt"
    path.write_text("Name\tDepartment\nJan, de Vries\tSales\n", encoding="utf-16")

    headers, rows = read(path)

    assert headers == ["Name", "Department"]
    assert rows == [(2, ["Jan, de Vries", "Sales"])]


def test_a_separator_inside_quotes_does_not_count(tmp_path):
    path = tmp_path / "leavers.csv"
    path.write_text('"Achternaam, voornaam";Afdeling;Functie\n"Vries, Jan de";Sales;Agent\n')

    headers, rows = read(path)

    assert headers == ["Achternaam, voornaam", "Afdeling", "Functie"]
    assert rows[0][1] == ["Vries, Jan de", "Sales", "Agent"]


def test_empty_rows_are_skipped_and_rows_keep_their_number_in_the_file(tmp_path):
    path = tmp_path / "leavers.csv"
    path.write_text('Name,Note\nAnn,"two\nlines"\n,\n\n  ,  \nBob,x\n')

    _, rows = read(path)

    # A quoted field over two lines is one row, as a spreadsheet shows it.
    assert rows == [(2, ["Ann", "two\nlines"]), (6, ["Bob", "x"])]


def test_it_reads_the_first_sheet_of_a_workbook_by_its_content(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Personeelsnummer", "Datum uit dienst", "Datum in dienst"])
    sheet.append([1001, datetime(2026, 5, 31), 44197])
    sheet.append([None, None, None])
    sheet.append(["A-7", "31-05-2026", None])
    path = tmp_path / "export.csv"  # a wrong name does not matter
    workbook.save(path)

    headers, rows = read(path)

    assert headers == ["Personeelsnummer", "Datum uit dienst", "Datum in dienst"]
    assert rows == [(2, [1001, datetime(2026, 5, 31), 44197]), (4, ["A-7", "31-05-2026"])]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (PNG, "not a CSV or Excel file"),
        (bytes(range(256)) * 50, "not a CSV or Excel file"),
        (bytes.fromhex("d0cf11e0a1b11ae1") + bytes(600), r"old Excel file \(.xls\)"),
        (b"", "has no rows"),
    ],
)
def test_a_file_that_is_no_spreadsheet_gives_a_clear_error(tmp_path, content, message):
    path = tmp_path / "photo.csv"
    path.write_bytes(content)

    with pytest.raises(SpreadsheetError, match=message) as raised:
        read(path)

    assert str(path) in str(raised.value)


def test_a_zip_archive_that_is_no_workbook_gives_a_clear_error(tmp_path):
    path = tmp_path / "leavers.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")

    with pytest.raises(SpreadsheetError, match=r"is not a valid Excel workbook \(\.xlsx\)\.$"):
        read(path)


def test_a_missing_file_gives_a_clear_error(tmp_path):
    with pytest.raises(SpreadsheetError, match=r"Cannot read .*missing\.csv: No such file"):
        read(tmp_path / "missing.csv")


def test_a_file_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "huge.csv"
    path.write_text("Name\n" + "Someone\n" * 500_000)

    with pytest.raises(SpreadsheetError, match=r"huge\.csv is 3\.8 MB; files up to 3 MB"):
        read(path, Limits(file_bytes=3 * MB))


def test_the_limit_leaves_room_for_a_file_of_50_mb(settings):
    assert Limits().file_bytes >= 50 * MB
    assert Limits.from_settings() == Limits()  # the settings' defaults are the same


def test_workbook_values_are_read_as_openpyxl_reads_them(tmp_path):
    """Dates by a built-in or own format, times, numbers, booleans, formulas: compared with
    openpyxl reading the same sheet."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Name", "Left", "Hired", "Hours", "Regrettable", "Id", "Score", "Note"])
    sheet.append(["Ann", datetime(2026, 5, 31), date(2019, 1, 2), 7.5, True, 1001, 0.25, "x"])
    sheet.append(["  Bob ", 46173, None, None, False, "A-7", -3, "=1+1"])
    sheet["B3"].number_format = "dd/mm/yyyy"
    sheet["C3"].value = datetime(2026, 1, 1, 12, 30)
    sheet["C3"].number_format = "yyyy-mm-dd hh:mm"
    sheet["G2"].number_format = "0.00%"
    sheet["H4"] = "only the last column"
    plain = tmp_path / "plain.xlsx"
    workbook.save(plain)
    workbook.active = workbook.create_chartsheet("Chart", 0)  # read: the first worksheet
    path = tmp_path / "export.xlsx"
    workbook.save(path)

    _headers, rows = read(path)

    expected = load_workbook(plain, read_only=True, data_only=True).active
    expected = [list(row) for row in expected.iter_rows(min_row=2, values_only=True)]
    assert [row for _number, row in rows] == [
        row[: max(i for i, value in enumerate(row) if value is not None) + 1] for row in expected
    ]
    assert rows[1][1][1] == datetime(2026, 5, 31)  # a serial number with a date format


def test_a_workbook_with_shared_strings_prefixes_and_gaps(tmp_path):
    strings = (
        f'<sst xmlns="{hostile.MAIN}"><si><t>Name</t></si>'
        "<si><r><t>Fen</t></r><r><t>na</t></r><rPh><t>phonetic</t></rPh></si></sst>"
    ).encode()
    sheet = (
        f'<x:worksheet xmlns:x="{hostile.MAIN}"><x:sheetData>'
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="str"><x:v>Note</x:v>'
        '</x:c></x:row><x:row r="5"><x:c t="s"><x:v>1</x:v></x:c><x:c/><x:c t="e">'
        "<x:v>#N/A</x:v></x:c></x:row></x:sheetData></x:worksheet>"
    ).encode()
    path = tmp_path / "leavers.xlsx"
    path.write_bytes(hostile.workbook(sheet, strings))

    assert read(path) == (["Name", "", "Note"], [(5, ["Fenna", None, "#N/A"])])


@pytest.mark.parametrize(
    ("content", "limits", "message"),
    [
        (hostile.workbook(hostile.XXE), Limits(), "contains XML features that are not allowed"),
        (hostile.many_rows(5), Limits(rows=4), "has more than 4 rows of data"),
        (hostile.many_rows(5), Limits(cells=5), "has more than 5 cells"),
        (hostile.many_rows(5), Limits(seconds=0), "took more than 0 seconds, so it was stopped"),
        (hostile.shared_strings_bomb(5), Limits(shared_strings=4), "more than 4 different"),
        (
            hostile.workbook(hostile.sheet(b'<row><c r="XFD1"><v>1</v></c></row>')),
            Limits(cells=16_000),
            "has more than 16,000 cells",
        ),
        (
            hostile.workbook(hostile.sheet(b'<row><c r="XFE1"><v>1</v></c></row>')),
            Limits(),
            "is not a valid Excel workbook .* beyond the last column",
        ),
        (
            hostile.workbook(hostile.sheet(b'<row><c t="s"><v>7</v></c></row>')),
            Limits(),
            "is not a valid Excel workbook .* row 1 holds a value it cannot have",
        ),
        (hostile.NOT_A_ZIP, Limits(), "is not a valid Excel workbook"),
        (hostile.many_rows(5)[:-30], Limits(), "is not a valid Excel workbook"),
        (b"Name\n" + b"x\n" * 5, Limits(rows=4), "has more than 4 rows of data"),
        (b"Name\n" + b"x\n" * 5, Limits(seconds=0), "took more than 0 seconds"),
        (b'Name\n"' + b"x" * 200 + b'"\n', Limits(cell_chars=100), "a cell of more than 100"),
        (b"Name\n" + b"x" * 200 + b"\n", Limits(line_chars=100), "a line of more than 100"),
    ],
)
def test_a_file_beyond_a_limit_or_hostile_is_refused_with_a_clear_message(
    tmp_path, content, limits, message
):
    path = tmp_path / "leavers.xlsx"
    path.write_bytes(content)

    with pytest.raises(SpreadsheetError, match=message):
        read(path, limits)


def test_a_quoted_field_over_many_lines_is_stopped_at_the_cell_limit(tmp_path):
    path = tmp_path / "leavers.csv"
    path.write_bytes(b'Name\n"' + b"x" * 1000 * 200 + b'"\n')  # one field of 200,000

    with pytest.raises(SpreadsheetError, match=r"a cell of more than 32,767 characters \(row 2\)"):
        read(path)


def test_a_workbook_listing_too_many_parts_is_refused_before_they_are_read(tmp_path, monkeypatch):
    monkeypatch.setattr(workbooks, "MAX_MEMBERS", 10)
    path = tmp_path / "leavers.xlsx"
    path.write_bytes(hostile.many_members(20))

    with pytest.raises(SpreadsheetError, match=r"not a valid Excel workbook.*too many parts"):
        read(path)


def test_no_row_reaches_the_caller_from_a_file_beyond_the_limits(tmp_path):
    path = tmp_path / "leavers.csv"
    path.write_bytes(b"Name\n" + b"Someone\n" * 10)
    taken = []

    with (
        pytest.raises(SpreadsheetError, match="more than 9 rows"),
        open_sheet(path, Limits(rows=9)) as sheet,
    ):
        taken.extend(sheet.rows)

    assert taken == []


def test_dutch_headers_are_recognised():
    headers = [
        "Naam", "Personeelsnummer", "Afdeling", "Leidinggevende", "Functie", "Locatie",
        "Datum in dienst", "Laatste werkdag", "Reden vertrek", "Spijtig verlies", "E-mail",
        "Privé e-mail", "Taal", "Leeftijdscategorie", "Kostenplaats",
    ]  # fmt: skip

    mapping = map_columns(headers, ignore_unknown=True)

    assert list(mapping.columns.values()) == [
        "full_name", "external_id", "department", "manager", "job_title", "location",
        "hire_date", "leave_date", "departure_type", "regrettable", "work_email",
        "personal_email", "language", "age_band",
    ]  # fmt: skip
    assert mapping.unmapped == mapping.unknown == ["Kostenplaats"]


def test_english_headers_are_recognised_whatever_their_case_spaces_and_underscores():
    headers = [
        "FULL NAME", "employee_id", "Department", "manager", "Job title", "location",
        "hire_date", "Leave Date", "departure type", "Regrettable", "work_email",
        "Personal E-mail", "LANGUAGE", "HR id",
    ]  # fmt: skip

    mapping = map_columns(headers[:-1])

    assert list(mapping.columns.values()) == [
        "full_name", "external_id", "department", "manager", "job_title", "location",
        "hire_date", "leave_date", "departure_type", "regrettable", "work_email",
        "personal_email", "language",
    ]  # fmt: skip
    assert map_columns(["HR id", "Type", "Name"]).columns == {
        0: "external_id",
        1: "departure_type",
        2: "full_name",
    }


def test_the_user_maps_and_leaves_out_columns():
    headers = ["Medewerker", "Unit", "E-mail", "Werk e-mail"]
    overrides = parse_overrides(["Unit=department", "e-mail="])

    mapping = map_columns(headers, overrides)

    assert mapping.columns == {0: "full_name", 1: "department", 3: "work_email"}
    assert mapping.unmapped == ["E-mail"]


def test_two_columns_for_one_field_are_refused():
    with pytest.raises(SpreadsheetError, match='Both "E-mail" and "Work e-mail"'):
        map_columns(["Name", "E-mail", "Work e-mail"])


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (["Unit"], "Column header=field"),
        (["Unit=afdeling"], "afdeling is not a field"),
        (["Afdeling=department"], "a column the file does not have; its columns are: Name, Unit"),
    ],
)
def test_a_wrong_map_option_is_explained(overrides, message):
    with pytest.raises(SpreadsheetError, match=message):
        map_columns(["Name", "Unit"], parse_overrides(overrides))


def test_a_file_without_a_known_column_is_refused():
    with pytest.raises(SpreadsheetError, match=r"No column is recognised\. The columns are: a, b"):
        map_columns(["a", "b"])


@pytest.mark.parametrize(
    "cell",
    [
        "2026-05-31",
        "31-05-2026",
        "31/05/2026",
        "31.05.2026",
        " 31-5-2026 ",
        "2026-05-31 00:00:00",
        datetime(2026, 5, 31, 14, 0),
        date(2026, 5, 31),
        46173,
        46173.0,
    ],
)
def test_dates_are_read_in_iso_european_and_excel_forms(cell):
    assert values.to_date(cell) == date(2026, 5, 31)


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("31-02-2026", "31-02-2026 is not a valid date"),
        ("05/31/2026", "05/31/2026 is not a valid date"),
        ("31-05-26", "31-05-26 is not a date; write 2026-05-31 or 31-05-2026"),
        ("morgen", "morgen is not a date"),
        ("0026-05-31", "0026-05-31 is not a plausible date"),
        (-3, "-3 is not a date"),
        (True, "True is not a date"),
    ],
)
def test_a_wrong_date_says_why(cell, message):
    with pytest.raises(ValueError, match=message):
        values.to_date(cell)


def test_yes_and_no_in_dutch_english_spanish_and_german():
    for cell in ("ja", "J", "yes", "Y", "true", "TRUE", "1", 1, True, "Sí", "si", "Ja"):
        assert values.to_bool(cell) is True
    for cell in ("nee", "N", "no", "n", "false", "0", 0, False, "Nein", "No"):
        assert values.to_bool(cell) is False
    with pytest.raises(ValueError, match="misschien is not yes or no"):
        values.to_bool("misschien")


def test_departure_types_by_code_and_in_dutch_and_english():
    types = values.DEPARTURE_TYPES
    expected = {
        "Ontslag genomen": "resignation",
        "resignation": "resignation",
        "Ontslag": "dismissal",
        "Dismissal": "dismissal",
        "einde contract": "end_of_contract",
        "End of contract": "end_of_contract",
        "end_of_contract": "end_of_contract",
        "Pensioen": "retirement",
        "retirement": "retirement",
        "anders": "other",
        "Other": "other",
    }
    assert {cell: values.to_choice(cell, types) for cell in expected} == expected
    with pytest.raises(ValueError, match="sabbatical is not one of: resignation, dismissal"):
        values.to_choice("sabbatical", types)


def test_languages_by_code_or_name():
    languages = ["nl", "en", "es", "de"]
    cells = ["NL", "nl-BE", "en_GB", "Engels", "Deutsch", "Español", "spanish"]
    assert [values.to_language(cell, languages) for cell in cells] == [
        "nl", "nl", "en", "en", "de", "es", "es",
    ]  # fmt: skip
    with pytest.raises(ValueError, match="fr is not one of: nl, en, es, de"):
        values.to_language("fr", languages)


def test_numbers_from_a_workbook_read_as_text_without_a_fraction():
    assert values.text(1001.0) == "1001"
    assert values.text(12.5) == "12.5"
    assert values.text("  Jan   de  Vries ") == "Jan de Vries"
    assert values.text(None) == ""
