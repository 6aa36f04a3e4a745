"""`exitlens import departures`: the plan, the dry run and the import itself."""

import csv
import re
import subprocess
import sys
from datetime import date, datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from exitlens.core.models import AuditEntry, Department, Departure, Manager
from exitlens.insights.summaries import version

DUTCH = (
    "Personeelsnummer;Naam;Afdeling;Leidinggevende;Functie;Locatie;Datum in dienst;"
    "Datum uit dienst;Reden vertrek;Spijtig verlies;E-mail;Privé e-mail;Taal;Kostenplaats\n"
    "HR-2001;Jan de Vries;Customer Service;Piet Baas;Teamleider;Utrecht;01-02-2020;"
    "31-05-2026;Ontslag genomen;ja;jan@work.example.org;jan@home.example.org;Engels;K12\n"
    ";Sara Bakker;customer service;;Agent;Zwolle;;30.06.2026;pensioen;nee;;;;K12\n"
)


def run(path, *args) -> str:
    out = StringIO()
    call_command("import", "departures", str(path), *args, stdout=out)
    return out.getvalue()


def write_csv(tmp_path, text: str, encoding: str = "utf-8", name: str = "leavers.csv"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def snapshot() -> tuple[list, ...]:
    return tuple(
        list(model.objects.order_by("pk").values_list())
        for model in (Departure, Department, Manager)
    )


def test_it_imports_a_dutch_csv_exported_from_excel(tmp_path, department):
    path = tmp_path / "leavers.csv"
    path.write_bytes(DUTCH.encode("cp1252"))

    out = run(path, "--ignore-column", "Kostenplaats")

    jan = Departure.objects.get(external_id="HR-2001")
    assert jan.full_name == "Jan de Vries"
    assert jan.department == department
    assert jan.manager.name == "Piet Baas"
    assert (jan.job_title, jan.location) == ("Teamleider", "Utrecht")
    assert (jan.hire_date, jan.leave_date) == (date(2020, 2, 1), date(2026, 5, 31))
    assert jan.departure_type == Departure.Type.RESIGNATION
    assert jan.regrettable is True
    assert (jan.work_email, jan.personal_email) == ("jan@work.example.org", "jan@home.example.org")
    assert jan.language == "en"
    sara = Departure.objects.get(full_name="Sara Bakker")
    assert sara.external_id is None
    assert sara.department == department  # matched without regard to case
    assert sara.manager == department.manager  # none given: the department's
    assert sara.hire_date is None
    assert sara.departure_type == Departure.Type.RETIREMENT
    assert sara.regrettable is False
    assert sara.language == "en"  # the site's language (tests run in English)
    assert "Columns left out: Kostenplaats" in out
    assert "New managers: 1\n  Piet Baas" in out
    assert "Imported: 2 created, 0 updated, 0 rejected." in out


def test_it_imports_an_english_workbook_with_date_cells_and_serial_numbers(tmp_path, department):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Employee ID", "Full name", "Department", "Hire date", "Leave date", "Type"])
    sheet.append([3001, "Ann Smith", "Customer Service", 43831, datetime(2026, 5, 31), "Dismissal"])
    sheet.append([None, None, None, None, None, None])
    sheet.append(
        ["3002", "Bob Jones", "Customer Service", "2021-03-01", 46173.0, "end of contract"]
    )
    path = tmp_path / "leavers.xlsx"
    workbook.save(path)

    out = run(path)

    ann = Departure.objects.get(external_id="3001")
    assert (ann.hire_date, ann.leave_date) == (date(2020, 1, 1), date(2026, 5, 31))
    assert ann.departure_type == Departure.Type.DISMISSAL
    bob = Departure.objects.get(external_id="3002")
    assert (bob.hire_date, bob.leave_date) == (date(2021, 3, 1), date(2026, 5, 31))
    assert bob.departure_type == Departure.Type.END_OF_CONTRACT
    assert "leavers.xlsx: 2 rows." in out


def test_an_unknown_department_is_rejected_unless_asked_to_create_it(tmp_path, department):
    path = write_csv(
        tmp_path,
        "Name,Department,Leave date\nAnn,Research,2026-05-31\nBob,Customer Service,2026-05-31\n",
    )

    with pytest.raises(CommandError) as error:
        run(path)

    assert not Departure.objects.exists()
    assert not Department.objects.filter(name="Research").exists()
    assert "row 2, Department: no department with this name (--create-departments adds it)" in str(
        error.value
    )

    out = run(path, "--create-departments")

    research = Department.objects.get(name="Research")
    assert research.parent is None
    assert Departure.objects.get(full_name="Ann").department == research
    assert "New departments: 1\n  Research" in out
    assert "Imported: 2 created, 0 updated, 0 rejected." in out


def test_rows_with_a_known_id_update_that_departure(tmp_path, departure):
    stamped = departure.updated_at
    path = write_csv(
        tmp_path,
        "HR id,Name,Department,Leave date,Job title,Outcome\n"
        "HR-1001,,,15-11-2026,,retained\n"
        "HR-1002,Nina Nieuw,Customer Service,2026-11-30,,\n",
    )

    out = run(path)

    departure.refresh_from_db()
    assert departure.leave_date == date(2026, 11, 15)
    assert departure.outcome == Departure.Outcome.RETAINED
    assert departure.full_name == "Lotte Leaver"  # an empty cell keeps what is stored
    assert departure.job_title == "Service agent"
    assert departure.updated_at > stamped
    assert Departure.objects.get(external_id="HR-1002").full_name == "Nina Nieuw"
    assert "row 2: Lotte Leaver (HR-1001): leave date, outcome" in out
    assert "Imported: 1 created, 1 updated, 0 rejected." in out

    out = run(path)

    assert Departure.objects.count() == 2
    assert "Unchanged: 2" in out
    assert "Nothing to import." in out


def test_an_update_is_checked_against_the_stored_hire_date(tmp_path, departure):
    path = write_csv(tmp_path, "Employee ID,Leave date\nHR-1001,2020-12-31\n")

    with pytest.raises(CommandError) as error:
        run(path)

    departure.refresh_from_db()
    assert departure.leave_date == date(2026, 10, 31)
    assert "row 2, Leave date: the hire date 2021-03-01 is after the leave date 2020-12-31" in str(
        error.value
    )


def test_a_repeated_id_rejects_the_later_rows(tmp_path, department):
    path = write_csv(
        tmp_path,
        "ID,Name,Department,Leave date\n"
        "7,Ann,Customer Service,2026-05-31\n"
        "7,Ann Again,Customer Service,2026-06-30\n"
        "8,Bob,Customer Service,2026-05-31\n",
    )

    out = run(path, "--skip-bad-rows", "--rejected-rows", str(tmp_path / "rejected.csv"))

    assert Departure.objects.get(external_id="7").full_name == "Ann"
    assert Departure.objects.filter(external_id="8").exists()
    assert "row 3, ID: the same HR system id as row 2" in out


BAD_ROWS = (
    "Naam;Afdeling;Datum in dienst;Datum uit dienst;E-mail;Spijtig verlies;Taal\n"
    "Goed;Customer Service;;31-05-2026;;;\n"
    "Datum fout;Customer Service;;31-02-2026;;;\n"
    ";Customer Service;;31-05-2026;geen-adres;misschien;fr\n"
    "Te vroeg;Customer Service;01-06-2026;31-05-2026;;;\n"
    "Geen datum;Customer Service;;;;;\n"
)


def test_rejected_rows_are_listed_with_row_column_and_reason(tmp_path, department):
    path = write_csv(tmp_path, BAD_ROWS)
    report = tmp_path / "errors.csv"

    out = run(path, "--report", str(report), "--skip-bad-rows")

    assert list(Departure.objects.values_list("full_name", flat=True)) == ["Goed"]
    assert "Imported: 1 created, 0 updated, 4 rejected." in out
    for line in [
        "row 3, Datum uit dienst: 31-02-2026 is not a valid date",
        "row 4, E-mail: geen-adres is not an e-mail address",
        "row 4, Spijtig verlies: misschien is not yes or no",
        "row 4, Taal: fr is not one of: nl, en, es, de",
        "row 4, Naam: required for a new departure",
        "row 5, Datum in dienst: the hire date 2026-06-01 is after the leave date 2026-05-31",
        "row 6, Datum uit dienst: required for a new departure",
    ]:
        assert line in out
    with report.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 7
    assert rows[0] == {
        "row": "3",
        "column": "Datum uit dienst",
        "value": "31-02-2026",
        "error": "31-02-2026 is not a valid date",
    }


def test_strict_mode_imports_nothing_when_a_row_is_rejected(tmp_path, departure):
    before = snapshot()
    versions = version()
    path = write_csv(
        tmp_path,
        "ID;Naam;Afdeling;Leidinggevende;Datum uit dienst\n"
        "HR-1001;Lotte L.;Customer Service;Nieuwe Baas;31-12-2026\n"
        "HR-3;Nieuw;Nieuwe Afdeling;;31-12-2026\n"
        "HR-4;Fout;Customer Service;;31-13-2026\n",
    )

    with pytest.raises(CommandError, match="1 row is rejected, so nothing was imported"):
        run(path, "--strict", "--create-departments")

    assert snapshot() == before
    assert not Manager.objects.filter(name="Nieuwe Baas").exists()
    assert version() == versions
    assert not AuditEntry.objects.filter(action="departures.imported").exists()


def test_a_dry_run_shows_the_plan_and_changes_nothing(tmp_path, departure):
    before = snapshot()
    path = write_csv(
        tmp_path,
        "ID\tName\tDepartment\tManager\tLeave date\n"
        "HR-1001\tLotte Leaver\tCustomer Service\t\t2026-12-31\n"
        "HR-5\tNew Person\tLab\tNew Boss\t2026-12-31\n",
    )

    out = run(path, "--dry-run", "--create-departments")

    assert snapshot() == before
    assert not Manager.objects.filter(name="New Boss").exists()
    assert "New departments: 1\n  Lab" in out
    assert "New managers: 1\n  New Boss" in out
    assert "To create: 1\n  row 3: New Person (HR-5)" in out
    assert "To update: 1\n  row 2: Lotte Leaver (HR-1001): leave date" in out
    assert "Dry run: nothing was changed." in out


def test_the_plan_lists_the_first_rows_and_all_of_them_when_asked(tmp_path, department):
    lines = [f"Person {i},Customer Service,2026-05-31" for i in range(25)]
    path = write_csv(tmp_path, "Name,Department,Leave date\n" + "\n".join(lines) + "\n")

    short = run(path, "--dry-run")
    everything = run(path, "--dry-run", "--list-all")

    assert "Person 9" in short and "Person 10" not in short
    assert "… and 15 more (--list-all lists them all)" in short
    assert "row 26: Person 24" in everything


def test_columns_can_be_mapped_by_hand(tmp_path, department):
    path = write_csv(
        tmp_path, "Collega,Unit,Weg per,E-mail,Werk e-mail\nAnn,Customer Service,31-5-2026,x,\n"
    )
    maps = ["--map", "Collega=full_name", "--map", "unit=department", "--map=Weg per=leave_date"]

    with pytest.raises(CommandError, match='Both "E-mail" and "Werk e-mail"'):
        run(path, *maps)
    out = run(path, *maps, "--map", "E-mail=")

    ann = Departure.objects.get()
    assert (ann.full_name, ann.department, ann.leave_date) == ("Ann", department, date(2026, 5, 31))
    assert "Columns left out: E-mail" in out


def test_the_same_new_manager_is_created_once_and_known_ones_are_found(tmp_path, department):
    path = write_csv(
        tmp_path,
        "Name,Department,Manager,Leave date\n"
        "Ann,Customer Service,Kees Kok,2026-05-31\n"
        "Bob,Customer Service,kees kok,2026-05-31\n"
        "Cor,Customer Service,MILA MANAGER,2026-05-31\n",
    )

    run(path)

    assert Manager.objects.filter(name__iexact="kees kok").count() == 1
    assert Departure.objects.get(full_name="Bob").manager.name == "Kees Kok"
    assert Departure.objects.get(full_name="Cor").manager == department.manager


def test_a_file_that_is_no_spreadsheet_gives_a_clear_error(tmp_path, department):
    path = tmp_path / "photo.xlsx"
    path.write_bytes(bytes.fromhex("ffd8ffe000104a46494600010100000100010000") * 20)
    text = write_csv(tmp_path, "Dear HR,\nplease find attached.\n", name="letter.csv")

    with pytest.raises(CommandError, match=r"photo.xlsx is not a CSV or Excel file"):
        run(path)
    with pytest.raises(CommandError, match=r"letter.csv: No column is recognised"):
        run(text)
    assert not Departure.objects.exists()


def test_an_import_is_audited_and_refreshes_the_insights(
    tmp_path, departure, questionnaire_version
):
    from exitlens.core.models import Interview
    from exitlens.core.services import interviews
    from exitlens.insights.models import Leaver

    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.SELF_SERVICE, confidentiality="confidential"
    )
    interviews.save_answers(interview, {"main_reason": "pay", "recommend": 4})
    interviews.submit_interview(interview)
    versions = version()
    path = write_csv(
        tmp_path, "HR id,Functie,Regrettable,Manager\nHR-1001,Teamleider,no,Nieuwe Baas\n"
    )

    run(path)

    leaver = Leaver.objects.get(interview=interview)
    assert leaver.job_title == "Teamleider"
    assert leaver.regrettable is False
    assert leaver.manager_id == Manager.objects.get(name="Nieuwe Baas").pk
    assert version() != versions
    entry = AuditEntry.objects.get(action="departures.imported")
    assert entry.subject == "leavers.csv"
    assert entry.data["created"] == 0 and entry.data["updated"] == 1


def test_two_thousand_rows_import(tmp_path, department):
    lines = ["Personeelsnummer;Naam;Afdeling;Leidinggevende;Datum in dienst;Datum uit dienst"]
    for i in range(2_000):
        lines.append(
            f"E{i:05d};Persoon {i};Afdeling {i % 40};Baas {i % 150};"
            f"{1 + i % 28:02d}-01-2015;{1 + i % 28:02d}-{1 + i % 12:02d}-2026"
        )
    path = write_csv(tmp_path, "\n".join(lines) + "\n")

    out = run(path, "--create-departments")

    assert "Imported: 2,000 created, 0 updated, 0 rejected." in out
    assert Departure.objects.count() == 2_000
    assert Department.objects.count() == 41
    assert Manager.objects.count() == 151  # with the fixture's
    last = Departure.objects.get(external_id="E01999")
    assert (last.department.name, last.manager.name) == ("Afdeling 39", "Baas 49")
    assert last.leave_date == date(2026, 8, 12)


def test_an_import_announces_the_departures_it_created_and_updated(tmp_path, department):
    from exitlens.core.signals import departures_imported

    heard = []

    def listener(sender, **kwargs):
        heard.append(kwargs)

    departures_imported.connect(listener)
    try:
        path = tmp_path / "leavers.csv"
        path.write_bytes(DUTCH.encode("cp1252"))
        run(path, "--ignore-column", "Kostenplaats")
        after_first = set(Departure.objects.values_list("pk", flat=True))
        updated = DUTCH.replace("Teamleider", "Coördinator")
        path.write_bytes(updated.encode("cp1252"))
        run(path, "--ignore-column", "Kostenplaats")
    finally:
        departures_imported.disconnect(listener)

    first, second = (
        {key: heard[i][key] for key in ("created", "updated", "departure_ids")} for i in (0, 1)
    )
    assert (first["created"], first["updated"]) == (2, 0)
    assert set(first["departure_ids"]) == after_first
    jan = Departure.objects.get(external_id="HR-2001")
    assert (second["created"], second["updated"]) == (1, 1)  # Sara has no id: created again
    assert jan.pk in second["departure_ids"]


# All or nothing, and the rows that cannot be read.

MIXED = (
    "Personeelsnummer;Naam;Afdeling;Datum uit dienst\n"
    "HR-1;Ann;Customer Service;31-05-2026\n"
    "HR-2;Bob;Customer Service;31-02-2026\n"
    "HR-3;Cor;Customer Service;30-06-2026\n"
)


def test_one_bad_row_imports_nothing_and_says_which(tmp_path, department):
    path = write_csv(tmp_path, MIXED)
    before = snapshot()

    with pytest.raises(CommandError) as error:
        run(path)

    message = str(error.value)
    assert message.startswith("1 row is rejected, so nothing was imported.")
    assert "row 3, Datum uit dienst: 31-02-2026 is not a valid date" in message
    assert "--skip-bad-rows" in message
    assert snapshot() == before
    assert not AuditEntry.objects.filter(action="departures.imported").exists()
    assert not (tmp_path / "leavers.rejected.csv").exists()


def test_the_errors_of_a_failed_import_are_capped_with_a_count(tmp_path, department):
    lines = [f"P{i};Person {i};Customer Service;31-13-2026" for i in range(25)]
    path = write_csv(tmp_path, MIXED.splitlines()[0] + "\n" + "\n".join(lines) + "\n")

    with pytest.raises(CommandError) as error:
        run(path)
    with pytest.raises(CommandError) as everything:
        run(path, "--list-all")

    assert "25 rows are rejected" in str(error.value)
    assert "row 11, Datum uit dienst" in str(error.value)
    assert "row 12," not in str(error.value)
    assert "… and 15 more (--list-all lists them all)" in str(error.value)
    assert "row 26, Datum uit dienst" in str(everything.value)


def test_a_dry_run_with_a_bad_row_fails_too(tmp_path, department):
    path = write_csv(tmp_path, MIXED)

    with pytest.raises(CommandError, match="Dry run: 1 row is rejected, so this file would"):
        run(path, "--dry-run")

    assert not Departure.objects.exists()


def test_skip_bad_rows_imports_the_others_and_writes_the_rejected_ones_next_to_the_file(
    tmp_path, department
):
    path = write_csv(tmp_path, MIXED)

    out = run(path, "--skip-bad-rows")

    assert set(Departure.objects.values_list("external_id", flat=True)) == {"HR-1", "HR-3"}
    rejected = tmp_path / "leavers.rejected.csv"
    assert f"1 rejected row written to {rejected} (it holds personal data)." in out
    assert "Imported: 2 created, 0 updated, 1 rejected." in out
    assert "1 row was skipped (--skip-bad-rows)." in out
    assert "row 3, Datum uit dienst: 31-02-2026 is not a valid date" in out
    assert oct(rejected.stat().st_mode & 0o777) == "0o600"
    with rejected.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [
        ["import_errors", "Personeelsnummer", "Naam", "Afdeling", "Datum uit dienst"],
        [
            "row 3, Datum uit dienst: 31-02-2026 is not a valid date",
            "HR-2", "Bob", "Customer Service", "31-02-2026",
        ],
    ]  # fmt: skip
    assert AuditEntry.objects.get(action="departures.imported").data["rejected"] == 1

    # Corrected, the file goes in as it is: its error column is left out by itself.
    rejected.write_text(rejected.read_text("utf-8-sig").replace("31-02-2026", "28-02-2026"))
    out = run(rejected)
    assert Departure.objects.get(external_id="HR-2").leave_date == date(2026, 2, 28)
    assert "Columns left out: import_errors" in out


def test_the_rejected_rows_go_where_asked_even_when_nothing_is_imported(tmp_path, department):
    path = write_csv(tmp_path, MIXED)
    target = tmp_path / "fix-these.csv"

    with pytest.raises(CommandError):
        run(path, "--rejected-rows", str(target))

    assert "HR-2,Bob" in target.read_text("utf-8-sig")
    assert not Departure.objects.exists()


def test_skip_bad_rows_and_strict_exclude_each_other(tmp_path, department):
    path = write_csv(tmp_path, MIXED)
    with pytest.raises(CommandError, match="not allowed with argument"):
        run(path, "--skip-bad-rows", "--strict")


def test_a_file_with_only_a_header_is_an_error(tmp_path, department):
    path = write_csv(tmp_path, "Naam;Afdeling;Datum uit dienst\n\n;;\n")

    with pytest.raises(CommandError, match=r"leavers\.csv has a header row but no data rows"):
        run(path)


def test_a_file_with_only_a_header_exits_with_an_error_code(tmp_path):
    path = write_csv(tmp_path, "Naam;Afdeling;Datum uit dienst\n")
    result = subprocess.run(
        [sys.executable, "-m", "exitlens", "import", "departures", str(path)],
        capture_output=True,
        text=True,
        env={
            "EXITLENS_DEBUG": "true",
            "EXITLENS_DATA_DIR": str(tmp_path),
            "EXITLENS_LANGUAGE": "en",
        },
    )
    assert result.returncode == 1
    assert "has a header row but no data rows" in result.stderr


def test_a_row_with_too_many_or_too_few_columns_is_named_as_such(tmp_path, department):
    path = write_csv(
        tmp_path,
        "Naam;Afdeling;Functie;Datum uit dienst\n"
        "Ann;Customer Service;Agent;31-05-2026\n"
        "Bob;Customer Service;Agent; senior;31-05-2026\n"
        "Cor;Customer Service;31-05-2026\n"
        "Dirk;Customer Service;Agent;31-05-2026;;\n",  # empty cells at the end: fine
    )

    with pytest.raises(CommandError) as error:
        run(path)

    message = str(error.value)
    assert "2 rows are rejected" in message
    assert "row 3 has 5 columns, the header has 4" in message
    assert "row 4 has 3 columns, the header has 4" in message
    assert "not a valid date" not in message and "not a date" not in message
    assert "required" not in message


def test_a_workbook_row_may_end_before_the_last_column(tmp_path, department):
    workbook = Workbook()
    workbook.active.append(["Name", "Department", "Leave date", "Job title"])
    workbook.active.append(["Ann", "Customer Service", datetime(2026, 5, 31)])
    workbook.active.append(["Bob", "Customer Service", datetime(2026, 5, 31), "Agent", "oops"])
    path = tmp_path / "leavers.xlsx"
    workbook.save(path)

    with pytest.raises(CommandError) as error:
        run(path)

    assert "row 3 has 5 columns, the header has 4" in str(error.value)
    assert "row 2" not in str(error.value)


def test_an_unknown_column_is_an_error_unless_mapped_or_left_out(tmp_path, department):
    path = write_csv(
        tmp_path,
        "Naam;Afdeling;Datum uit dienst;Kostenplaats;FTE\nAnn;Customer Service;31-05-2026;K1;0,8\n",
    )

    with pytest.raises(CommandError) as error:
        run(path)
    message = str(error.value)
    assert "Columns not recognised: Kostenplaats, FTE." in message
    assert '--ignore-column "Kostenplaats" --ignore-column "FTE"' in message
    assert '--map "Kostenplaats=FIELD"' in message
    with pytest.raises(CommandError, match="Columns not recognised: FTE"):
        run(path, "--ignore-column", "kostenplaats")
    assert not Departure.objects.exists()

    out = run(path, "--ignore-column", "Kostenplaats", "--map", "FTE=")
    assert "Columns left out: Kostenplaats, FTE" in out
    Departure.objects.all().delete()
    out = run(path, "--ignore-unknown-columns", "--map", "Kostenplaats=location")
    assert Departure.objects.get().location == "K1"
    assert "Columns left out: FTE" in out


def test_ignoring_a_column_the_file_lacks_is_an_error(tmp_path, department):
    path = write_csv(tmp_path, "Naam;Afdeling;Datum uit dienst\nAnn;Customer Service;31-05-2026\n")
    with pytest.raises(CommandError, match="names a column the file does not have"):
        run(path, "--ignore-column", "Kostenplaats")


# Coded values: the built-in words, and the user's own.


def test_an_unknown_value_names_column_value_rows_and_the_mapping_to_add(tmp_path, department):
    path = write_csv(
        tmp_path,
        "Name,Department,Leave date,Termination type\n"
        "Ann,Customer Service,2026-05-31,Mutual agreement\n"
        "Bob,Customer Service,2026-05-31,Voluntary resignation\n"
        "Cor,Customer Service,2026-05-31,mutual  agreement\n",
    )

    with pytest.raises(CommandError) as error:
        run(path)

    message = str(error.value)
    assert "row 2, Termination type: Mutual agreement is not one of: resignation, dismissal" in (
        message
    )
    assert (
        'Termination type: "Mutual agreement" in 2 rows: add --map-values "Termination type:'
        'Mutual agreement=<one of resignation, dismissal, end_of_contract, retirement, other>"'
    ) in message
    assert not Departure.objects.exists()

    run(path, "--map-values", "Termination type:Mutual agreement=dismissal")

    types = dict(Departure.objects.values_list("full_name", "departure_type"))
    assert types == {"Ann": "dismissal", "Bob": "resignation", "Cor": "dismissal"}


def test_values_can_be_mapped_by_field_name_and_for_yes_no_and_language(tmp_path, department):
    path = write_csv(
        tmp_path,
        "Name;Department;Leave date;Spijt;Language;Type\n"
        "Ann;Customer Service;2026-05-31;zeker;Frysk;Overlijden\n",
    )
    maps = [
        "--map", "Spijt=regrettable",
        "--map-values", "regrettable:Zeker=ja",
        "--map-values", "language:frysk=nl",
        "--map-values", "Type:Overlijden=other",
    ]  # fmt: skip

    run(path, *maps)

    ann = Departure.objects.get()
    assert (ann.regrettable, ann.language, ann.departure_type) == (True, "nl", "other")


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ("Type=resignation", 'write it as "Column:Value in the file=code"'),
        ("Type:Weg=", 'write it as "Column:Value in the file=code"'),
        ("Type:Weg=gone", "gone is not one of: resignation, dismissal"),
        ("Department:Sales=resignation", "Department is not a coded column"),
        ("Reden:Weg=resignation", "the file has no column Reden"),
        ("Taal:Weg=nl", "the column Taal is left out"),
    ],
)
def test_a_value_mapping_that_does_not_fit_is_refused(tmp_path, department, mapping, message):
    path = write_csv(
        tmp_path, "Name;Department;Leave date;Type;Taal\nAnn;Customer Service;2026-05-31;Weg;nl\n"
    )
    with pytest.raises(CommandError, match=re.escape(message)):
        run(path, "--map-values", mapping, "--map", "Taal=")
    assert not Departure.objects.exists()


def test_new_departures_without_a_type_are_reported(tmp_path, department):
    path = write_csv(tmp_path, "Name,Department,Leave date\nAnn,Customer Service,2026-05-31\n")
    out = run(path)
    assert "1 new departure has no type of departure: it is stored as a resignation." in out


# Names in parts.


def test_first_and_last_name_columns_make_the_name(tmp_path, department):
    path = write_csv(
        tmp_path,
        "Voornaam;Tussenvoegsel;Achternaam;Afdeling;Datum uit dienst\n"
        "Jan;de;Vries;Customer Service;31-05-2026\n"
        "Sara;;Bakker;Customer Service;31-05-2026\n"
        ";;;Customer Service;31-05-2026\n",
    )

    with pytest.raises(CommandError, match="row 4, Voornaam: required for a new departure"):
        run(path)
    run(path, "--skip-bad-rows", "--rejected-rows", str(tmp_path / "rejected.csv"))

    names = set(Departure.objects.values_list("full_name", flat=True))
    assert names == {"Jan de Vries", "Sara Bakker"}


def test_a_bare_name_beside_a_first_name_is_the_surname(tmp_path, department):
    path = write_csv(
        tmp_path, "Name;Vorname;Abteilung;Austrittsdatum\nMüller;Hans;Customer Service;31.05.2026\n"
    )
    out = run(path)
    assert Departure.objects.get().full_name == "Hans Müller"
    assert "Name -> last_name" in out


def test_skip_bad_rows_fails_when_every_row_is_rejected(tmp_path, department):
    path = write_csv(tmp_path, MIXED.replace("-05-", "-13-").replace("-06-", "-13-"))

    with pytest.raises(CommandError, match="Every row is rejected: nothing was imported"):
        run(path, "--skip-bad-rows")

    assert not Departure.objects.exists()
    assert (tmp_path / "leavers.rejected.csv").exists()
