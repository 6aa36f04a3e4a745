"""`exitlens import departures`: the plan, the dry run and the import itself."""

import csv
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

    out = run(path)

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

    out = run(path)

    assert list(Departure.objects.values_list("full_name", flat=True)) == ["Bob"]
    assert not Department.objects.filter(name="Research").exists()
    assert "Rejected: 1" in out
    assert "row 2, Department: no department with this name (--create-departments adds it)" in out

    out = run(path, "--create-departments")

    research = Department.objects.get(name="Research")
    assert research.parent is None
    assert Departure.objects.get(full_name="Ann").department == research
    assert "New departments: 1\n  Research" in out
    assert "Imported: 2 created, 0 updated, 0 rejected." in out  # no id: Bob again


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

    out = run(path)

    departure.refresh_from_db()
    assert departure.leave_date == date(2026, 10, 31)
    assert "row 2, Leave date: the hire date 2021-03-01 is after the leave date 2020-12-31" in out


def test_a_repeated_id_rejects_the_later_rows(tmp_path, department):
    path = write_csv(
        tmp_path,
        "ID,Name,Department,Leave date\n"
        "7,Ann,Customer Service,2026-05-31\n"
        "7,Ann Again,Customer Service,2026-06-30\n"
        "8,Bob,Customer Service,2026-05-31\n",
    )

    out = run(path)

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

    out = run(path, "--report", str(report))

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

    with pytest.raises(CommandError, match="Strict mode: 1 row rejected, so nothing was imported"):
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
        run(path)
        after_first = set(Departure.objects.values_list("pk", flat=True))
        updated = DUTCH.replace("Teamleider", "Coördinator")
        path.write_bytes(updated.encode("cp1252"))
        run(path)
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
