"""Past exit surveys as completed interviews: the DETE, TAFE and generic formats.

The tests on the real Queensland surveys read them from ../shared/data and skip without it; they
check the dashboard's figures against counts made from the CSV files with the csv module alone.
Every other test writes its own small file.
"""

import csv
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from exitlens.core.models import (
    Answer,
    AnswerChoice,
    AuditEntry,
    Department,
    Departure,
    Interview,
)
from exitlens.imports.surveys import SurveyError, import_survey
from exitlens.insights import disclosure
from exitlens.insights.figures import compute
from exitlens.insights.filters import Filters
from exitlens.insights.models import Leaver

SURVEYS = Path(__file__).parents[2] / "shared" / "data" / "exit-surveys"
ALL_YEARS = {"start": date(2000, 1, 1), "end": date(2020, 12, 31)}
GENERIC_HEADER = (
    "External ID,Full name,Leave date,Hire date,Department,Departure type,Job title,Location,"
    "Main reason,Contributing reasons,Expectations met,Recommend,Favourite colour\n"
)


def real_survey(name: str) -> Path:
    path = SURVEYS / name
    if not path.exists():
        pytest.skip(f"{path} is absent: the real exit surveys live outside the repository")
    return path


def read_csv(path: Path) -> list[dict]:
    """The rows of a survey, with their row number in the file (the header is row 1)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{"row": n, **row} for n, row in enumerate(csv.DictReader(handle), start=2)]


def write(tmp_path, text: str, name: str = "survey.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def snapshot() -> tuple[list, ...]:
    models = (Departure, Department, Interview, Answer, AnswerChoice, Leaver, AuditEntry)
    return tuple(list(model.objects.order_by("pk").values_list()) for model in models)


def answers(departure: Departure) -> dict:
    found = {}
    for answer in Answer.objects.filter(interview__departure=departure).select_related("question"):
        chosen = sorted(answer.choices.values_list("value", flat=True))
        found[answer.question.key] = answer.number if answer.number is not None else chosen
    return found


def band(years: int | None) -> str:
    if years is None:
        return "unknown"
    for limit, name in ((1, "<1"), (2, "1-2"), (5, "2-5"), (10, "5-10")):
        if years < limit:
            return name
    return "10+"


def assert_breakdown_matches(breakdown, expected: dict[str, tuple[int, int]], theme: str) -> None:
    """Segments the disclosure rule leaves alone are shown as they are; the others (those under
    five, then the smallest until they hold five together) are folded into "other"."""
    shown = {segment.key: segment for segment in breakdown.segments}
    folded = disclosure.fold({key: size for key, (size, _) in expected.items()}, 5)
    for key, (size, count) in expected.items():
        if key not in folded:
            assert (shown[key].leavers, shown[key].themes.get(theme, 0)) == (size, count), key
    together = sum(expected[key][0] for key in folded)
    if together >= 5:
        assert shown["other"].leavers == together
        assert shown["other"].themes.get(theme, 0) == sum(expected[key][1] for key in folded)
    else:
        assert "other" not in shown
    assert breakdown.hidden == 0


# -- the real surveys ---------------------------------------------------------------------------


def test_it_imports_the_dete_survey(db):
    path = real_survey("dete_survey.csv")
    rows = read_csv(path)

    report = import_survey(path, "dete")

    no_cease_date = [row["row"] for row in rows if row["Cease Date"] in ("", "Not Stated")]
    assert [rejected.row for rejected in report.rejected] == no_cease_date
    assert {rejected.reason for rejected in report.rejected} <= {"no cease date"}
    assert report.applied and report.rows_read == len(rows)
    assert report.created == len(rows) - len(report.rejected) == Departure.objects.count()
    assert Interview.objects.filter(status="completed", confidentiality="confidential").count() == (
        report.created
    )
    assert Leaver.objects.count() == report.created
    assert "Traumatic incident" in report.unthemed_reasons
    assert "Gender" in report.skipped_columns
    respondent = Departure.objects.get(external_id=f"dete:{rows[0]['ID']}")
    assert respondent.full_name == f"DETE respondent {rows[0]['ID']}"


def test_it_imports_the_tafe_survey(db):
    path = real_survey("tafe_survey.csv")
    rows = read_csv(path)

    report = import_survey(path, "tafe")

    unusable = [
        row["row"]
        for row in rows
        if not row["CESSATION YEAR"] or not row["Reason for ceasing employment"]
    ]
    assert [rejected.row for rejected in report.rejected] == unusable
    assert report.created == len(rows) - len(unusable) == Departure.objects.count()
    assert Leaver.objects.count() == report.created
    assert report.unthemed_reasons.keys() <= {"Other", "NONE"}


def dete_resignations() -> list[dict]:
    rows = read_csv(real_survey("dete_survey.csv"))
    return [
        row
        for row in rows
        if row["SeparationType"].startswith("Resignation") and row["Cease Date"] != "Not Stated"
    ]


def test_dete_workload_among_resignations_by_tenure_matches_the_csv(db):
    resignations = dete_resignations()
    import_survey(real_survey("dete_survey.csv"), "dete")
    expected: dict[str, tuple[int, int]] = {}
    for row in resignations:
        start = row["DETE Start Date"]
        years = int(row["Cease Date"][-4:]) - int(start) if start.isdigit() else None
        size, count = expected.get(band(years), (0, 0))
        expected[band(years)] = (size + 1, count + (row["Workload"] == "TRUE"))

    insights = compute(Filters(**ALL_YEARS, departure_type="resignation", by="tenure_band"))

    workload = next(row for row in insights.reasons if row.theme == "workload")
    assert workload.leavers == sum(count for _size, count in expected.values())
    assert workload.share.total == len(resignations)
    assert len([key for key, (size, _c) in expected.items() if size >= 5]) >= 3
    assert_breakdown_matches(insights.breakdown, expected, "workload")


def test_dete_workload_among_resignations_by_region_matches_the_csv(db):
    resignations = dete_resignations()
    import_survey(real_survey("dete_survey.csv"), "dete")
    expected: dict[str, tuple[int, int]] = {}
    for row in resignations:
        region = row["Region"] if row["Region"] not in ("", "Not Stated") else ""
        size, count = expected.get(region, (0, 0))
        expected[region] = (size + 1, count + (row["Workload"] == "TRUE"))
    top = Department.objects.get(name="DETE")
    names = {str(pk): name for pk, name in Department.objects.values_list("pk", "name")}

    insights = compute(
        Filters(**ALL_YEARS, department=top, departure_type="resignation", by="department")
    )

    breakdown = insights.breakdown
    for segment in breakdown.segments:
        if segment.key != "other":
            segment.key = names[segment.key].removeprefix("DETE").removeprefix(" / ")
    assert_breakdown_matches(breakdown, expected, "workload")


def test_dete_workload_among_resignations_by_age_band_matches_the_csv(db):
    resignations = dete_resignations()
    import_survey(real_survey("dete_survey.csv"), "dete")
    written = {"61 or older": "61+", "20 or younger": "<21", "": "unknown"}
    expected: dict[str, tuple[int, int]] = {}
    for row in resignations:
        age = written.get(row["Age"], row["Age"])
        size, count = expected.get(age, (0, 0))
        expected[age] = (size + 1, count + (row["Workload"] == "TRUE"))

    insights = compute(Filters(**ALL_YEARS, departure_type="resignation", by="age_band"))

    assert len([key for key, (size, _c) in expected.items() if size >= 5]) >= 5
    assert_breakdown_matches(insights.breakdown, expected, "workload")
    one_band = compute(Filters(**ALL_YEARS, departure_type="resignation", age_band="56-60"))
    workload = next(row for row in one_band.reasons if row.theme == "workload")
    assert (workload.leavers, workload.share.total) == expected["56-60"][::-1]


def test_survey_age_bands_are_kept_in_one_notation():
    from exitlens.imports.surveys.common import age_band

    assert [age_band(text) for text in ("21  25", "26-30", "61 or older", "20 or younger")] == [
        "21-25",
        "26-30",
        "61+",
        "<21",
    ]
    assert age_band("Not Stated") == age_band("") == ""


def test_tafe_career_moves_among_resignations_match_the_csv(db):
    path = real_survey("tafe_survey.csv")
    rows = read_csv(path)
    resignations = [
        row
        for row in rows
        if row["Reason for ceasing employment"] == "Resignation" and row["CESSATION YEAR"]
    ]
    career = [
        row
        for row in resignations
        if any(
            name.startswith("Contributing Factors. Career Move") and value not in ("", "-")
            for name, value in row.items()
        )
        or row["Main Factor. Which of these was the main factor for leaving?"].startswith(
            "Career Move"
        )
    ]
    import_survey(path, "tafe")

    insights = compute(Filters(**ALL_YEARS, departure_type="resignation"))

    row = next(row for row in insights.reasons if row.theme == "career")
    assert (row.leavers, row.share.total) == (len(career), len(resignations))
    assert insights.headline.leavers == len(resignations)


def test_a_second_import_of_a_real_survey_updates_instead_of_duplicating(db):
    path = real_survey("dete_survey.csv")
    first = import_survey(path, "dete")
    before = [model.objects.count() for model in (Departure, Interview, Answer, AnswerChoice)]

    second = import_survey(path, "dete")

    assert (second.created, second.updated) == (0, first.created)
    assert second.departments_created == []
    after = [model.objects.count() for model in (Departure, Interview, Answer, AnswerChoice)]
    assert after == before
    assert Leaver.objects.count() == first.created


# -- DETE and TAFE conventions, on self-written rows ---------------------------------------------

DETE_HEADER = (
    "ID,SeparationType,Cease Date,DETE Start Date,Position,Region,Business Unit,Workload,"
    "Work life balance,Interpersonal conflicts,Traumatic incident,Gender\n"
)


def test_dete_dates_departments_and_reasons_follow_the_documented_conventions(db, tmp_path):
    path = write(
        tmp_path,
        DETE_HEADER
        + "1,Resignation-Other employer,2012,2007,Teacher,Metropolitan,,TRUE,TRUE,FALSE,FALSE,X\n"
        + "2,Age Retirement,05/2013,Not Stated,Cleaner,Not Stated,,FALSE,FALSE,FALSE,TRUE,X\n"
        + "3,Contract Expired,12/2013,2013,Public Servant,Central Office,Finance,"
        "FALSE,FALSE,TRUE,FALSE,X\n"
        + "4,Termination,2012,2010,Teacher,North Coast,Other,FALSE,FALSE,FALSE,FALSE,X\n"
        + "5,Something new,2012,2010,Teacher,North Coast,,FALSE,FALSE,FALSE,FALSE,X\n"
        + "6,,2012,2010,Teacher,North Coast,,FALSE,FALSE,FALSE,FALSE,X\n"
        + "7,Resignation-Other reasons,Not Stated,2010,Teacher,North Coast,,TRUE,,,,X\n",
    )

    report = import_survey(path, "dete")

    assert [(r.row, r.reason) for r in report.rejected] == [
        (7, "no separation type"),
        (8, "no cease date"),
    ]
    assert report.skipped_columns == ["Gender"]
    assert report.unthemed_reasons == {"Traumatic incident": 1}
    first = Departure.objects.get(external_id="dete:1")
    assert (first.leave_date, first.hire_date, first.tenure_band) == (
        date(2012, 6, 30),
        date(2007, 1, 1),
        "5-10",
    )
    assert (first.departure_type, first.job_title, first.location) == (
        "resignation",
        "Teacher",
        "Metropolitan",
    )
    assert first.department.name == "DETE / Metropolitan"
    assert first.department.parent.name == "DETE"
    assert answers(first) == {"contributing_reasons": ["work_life", "workload"]}
    second = Departure.objects.get(external_id="dete:2")
    assert (second.leave_date, second.hire_date, second.location) == (date(2013, 5, 15), None, "")
    assert (second.departure_type, second.department.name) == ("retirement", "DETE")
    assert answers(second) == {}
    third = Departure.objects.get(external_id="dete:3")
    assert third.department.name == "DETE / Central Office / Finance"
    assert third.department.parent.name == "DETE / Central Office"
    assert (third.departure_type, third.tenure_band) == ("end_of_contract", "<1")
    assert answers(third) == {"contributing_reasons": ["culture"]}
    fourth = Departure.objects.get(external_id="dete:4")
    assert (fourth.departure_type, fourth.department.name) == ("dismissal", "DETE / North Coast")
    assert Departure.objects.get(external_id="dete:5").departure_type == "other"
    interview = first.interview
    assert (interview.status, interview.confidentiality, interview.mode) == (
        "completed",
        "confidential",
        "self_service",
    )
    assert (interview.leave_quarter, interview.tenure_band) == ("2012-Q2", "5-10")
    assert interview.department == first.department


TAFE_HEADER = (
    "Record ID,Institute,WorkArea,CESSATION YEAR,Reason for ceasing employment,"
    "Contributing Factors. Career Move - Private Sector ,Contributing Factors. Study,"
    "Contributing Factors. Other,"
    "Main Factor. Which of these was the main factor for leaving?,"
    "Workplace. Topic:Would you recommend the Institute as an employer to others?,"
    "Classification. Classification,"
    "LengthofServiceOverall. Overall Length of Service at Institute (in years)\n"
)


def test_tafe_ids_dates_and_reasons_follow_the_documented_conventions(db, tmp_path):
    path = write(
        tmp_path,
        TAFE_HEADER + "1.2345E+017,Coast Institute,Delivery (teaching),2011,Resignation,"
        "Career Move - Private Sector,Study,-,Study,Yes,Tutor,3-4\n"
        + "77,Coast Institute,Non-Delivery (corporate),2012,Retrenchment/ Redundancy,,,,,,,\n"
        + "78,Coast Institute,Non-Delivery (corporate),2012,Resignation,-,-,Other,Other,No,,"
        "Less than 1 year\n"
        + "79,Coast Institute,Non-Delivery (corporate),,Resignation,-,-,-,,No,,\n",
    )

    report = import_survey(path, "tafe")

    assert [(r.row, r.reason) for r in report.rejected] == [(5, "no cessation year")]
    assert report.unthemed_reasons == {"Other": 1}
    assert any(column.startswith("Workplace. Topic:Would you") for column in report.skipped_columns)
    first = Departure.objects.get(external_id="tafe:123450000000000000")
    assert first.full_name == "TAFE respondent 123450000000000000"
    assert (first.leave_date, first.departure_type, first.job_title, first.location) == (
        date(2011, 6, 30),
        "resignation",
        "Tutor",
        "Coast Institute",
    )
    assert first.tenure_band == "2-5"
    assert first.department.name == "TAFE / Coast Institute / Delivery (teaching)"
    assert answers(first) == {"main_reason": ["personal"], "contributing_reasons": ["career"]}
    redundancy = Departure.objects.get(external_id="tafe:77")
    assert (redundancy.departure_type, redundancy.hire_date) == ("other", None)
    assert answers(redundancy) == {}
    other = Departure.objects.get(external_id="tafe:78")
    assert other.tenure_band == "<1"
    assert answers(other) == {}


def test_a_file_of_another_format_is_a_clear_error(db, tmp_path):
    path = write(tmp_path, GENERIC_HEADER + "HR-1,,2024-03-31,,Sales,resignation,,,,,,,\n")

    with pytest.raises(SurveyError, match="not a DETE file: it lacks the columns ID, Separation"):
        import_survey(path, "dete")
    with pytest.raises(SurveyError, match="Unknown survey format"):
        import_survey(path, "kununu")
    with pytest.raises(SurveyError, match="Cannot read"):
        import_survey(tmp_path / "missing.csv", "generic")
    assert Departure.objects.count() == 0


# -- the generic layout --------------------------------------------------------------------------


def test_it_imports_a_generic_file(db, tmp_path):
    path = write(
        tmp_path,
        GENERIC_HEADER
        + "HR-1,Ann Example,2024-03-31,2019-09-01,Sales,resignation,Account manager,Leeds,"
        "Pay & benefits,career| Workload ,2,6,blue\n"
        + "HR-2,,31-12-2024,,sales,Einde contract,,,,,,,\n",
    )

    report = import_survey(path, "generic")

    assert report.applied and (report.created, report.updated, report.rejected) == (2, 0, [])
    assert report.skipped_columns == ["Favourite colour"]
    assert report.departments_created == ["Sales"]
    ann = Departure.objects.get(external_id="HR-1")
    assert (ann.full_name, ann.leave_date, ann.hire_date, ann.tenure_band) == (
        "Ann Example",
        date(2024, 3, 31),
        date(2019, 9, 1),
        "2-5",
    )
    assert (ann.job_title, ann.location, ann.department.name) == (
        "Account manager",
        "Leeds",
        "Sales",
    )
    assert answers(ann) == {
        "main_reason": ["pay"],
        "contributing_reasons": ["career", "workload"],
        "expectations_met": 2,
        "recommend": 6,
    }
    other = Departure.objects.get(external_id="HR-2")
    assert other.full_name == "Survey respondent HR-2"
    assert (other.departure_type, other.department) == ("end_of_contract", ann.department)
    leaver = Leaver.objects.get(departure=ann)
    assert (leaver.recommend, leaver.expectations_met) == (6, 2)
    entry = AuditEntry.objects.get(action="surveys.imported")
    assert entry.data["created"] == 2 and entry.subject == "survey.csv"


def test_it_reads_an_excel_workbook(db, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["external_id", "leave_date", "department", "departure_type", "recommend"])
    sheet.append([1001, datetime(2024, 5, 31), "Finance", "retirement", 9])
    path = tmp_path / "survey.xlsx"
    workbook.save(path)

    report = import_survey(path, "generic")

    assert report.created == 1
    departure = Departure.objects.get(external_id="1001")
    assert (departure.leave_date, departure.departure_type) == (date(2024, 5, 31), "retirement")
    assert answers(departure) == {"recommend": 9}


def test_it_rejects_the_rows_it_cannot_use_and_says_why(db, tmp_path):
    path = write(
        tmp_path,
        GENERIC_HEADER
        + ",Nobody,2024-03-31,,Sales,resignation,,,,,,,\n"  # row 2
        + "HR-3,,2024-03-31,,Sales,resignation,,,money,,,,\n"
        + "HR-4,,2024-02-30,,Sales,resignation,,,,,,,\n"
        + "HR-5,,,,Sales,,,,,,,,\n"
        + "HR-6,,2024-03-31,2025-01-01,Sales,resignation,,,,,,,\n"
        + "HR-7,,2024-03-31,,Sales,resignation,,,,,7,,\n"
        + "HR-8,,2024-03-31,,Sales,resignation,,,,,,ten,\n"
        + "HR-9,,2024-03-31,,Sales,resignation,,,pay,,,,\n"
        + "HR-9,,2024-03-31,,Sales,resignation,,,pay,,,,\n",  # row 10
    )

    report = import_survey(path, "generic")

    reasons = {rejected.row: rejected.reason for rejected in report.rejected}
    assert sorted(reasons) == [2, 3, 4, 5, 6, 7, 8, 10]
    assert reasons[2] == "no external_id"
    assert reasons[3].startswith("main_reason: money is not a theme; use one of pay, career")
    assert reasons[4] == "leave_date: 2024-02-30 is not a valid date"
    assert reasons[5] == "required for a new departure: leave_date, departure_type"
    assert reasons[6] == "the hire date 2025-01-01 lies after the leave date 2024-03-31"
    assert reasons[7] == "expectations_met: 7 is not on the scale 1 to 5"
    assert reasons[8] == "recommend: ten is not a whole number"
    assert reasons[10] == "the same external_id as row 9"
    assert report.applied and report.created == 1
    assert list(Departure.objects.values_list("external_id", flat=True)) == ["HR-9"]


def test_strict_mode_with_a_bad_row_changes_nothing(db, tmp_path):
    path = write(
        tmp_path,
        GENERIC_HEADER
        + "HR-1,,2024-03-31,,Sales,resignation,,,pay,,,,\n"
        + "HR-2,,2024-03-31,,Sales,resignation,,,money,,,,\n",
    )
    before = snapshot()

    report = import_survey(path, "generic", strict=True)

    assert not report.applied
    assert (report.created, [r.row for r in report.rejected]) == (1, [3])
    assert snapshot() == before


def test_a_dry_run_changes_nothing(db, tmp_path, departure):
    path = write(
        tmp_path,
        GENERIC_HEADER
        + "HR-1001,,,,,,,,pay,,,,\n"
        + "HR-1,,2024-03-31,,Sales,resignation,,,pay,,,,\n",
    )
    before = snapshot()

    report = import_survey(path, "generic", dry_run=True)

    assert not report.applied
    assert (report.created, report.updated, report.departments_created) == (1, 1, ["Sales"])
    assert snapshot() == before


def test_a_second_import_updates_instead_of_duplicating(db, tmp_path):
    first = write(
        tmp_path,
        GENERIC_HEADER
        + "HR-1,Ann Example,2024-03-31,2019-09-01,Sales,resignation,Account manager,Leeds,"
        "pay,career,2,6,\n",
        name="first.csv",
    )
    second = write(
        tmp_path,
        GENERIC_HEADER + "HR-1,,2024-04-30,,Marketing,,,,workload,,,8,\n",
        name="second.csv",
    )
    import_survey(first, "generic")
    interview = Interview.objects.get()

    report = import_survey(second, "generic")

    assert (report.created, report.updated) == (0, 1)
    ann = Departure.objects.get()
    assert (ann.full_name, ann.job_title, ann.hire_date) == (
        "Ann Example",
        "Account manager",
        date(2019, 9, 1),
    )  # empty cells keep what is stored
    assert (ann.leave_date, ann.department.name) == (date(2024, 4, 30), "Marketing")
    assert Interview.objects.get() == interview
    assert answers(ann) == {"main_reason": ["workload"], "recommend": 8}
    leaver = Leaver.objects.get()
    assert (leaver.leave_date, leaver.recommend, leaver.department_id) == (
        date(2024, 4, 30),
        8,
        ann.department_id,
    )


def test_it_adds_an_interview_to_a_departure_already_stored(db, tmp_path, departure):
    path = write(tmp_path, GENERIC_HEADER + "HR-1001,,,,,,,,manager,,,,\n")

    report = import_survey(path, "generic")

    assert (report.created, report.updated) == (0, 1)
    departure.refresh_from_db()
    assert departure.full_name == "Lotte Leaver"
    assert departure.interview.status == "completed"
    assert answers(departure) == {"main_reason": ["manager"]}
    assert Leaver.objects.get().departure == departure


def test_it_leaves_interviews_of_real_leavers_alone(db, tmp_path, departure, questionnaire_version):
    interview = Interview.objects.create(
        departure=departure,
        questionnaire_version=questionnaire_version,
        mode="self_service",
        confidentiality="confidential",
        status="in_progress",
        language="nl",
    )
    anonymous = Departure.objects.create(
        full_name="Anna Anonymous",
        department=departure.department,
        leave_date=date(2026, 1, 31),
        external_id="HR-1002",
        responded_anonymously=True,
    )
    path = write(tmp_path, GENERIC_HEADER + "HR-1001,,,,,,,,pay,,,,\nHR-1002,,,,,,,,pay,,,,\n")

    report = import_survey(path, "generic")

    assert [(r.row, r.reason) for r in report.rejected] == [
        (2, "this leaver has an interview that is not completed"),
        (3, "this leaver answered an anonymous interview already"),
    ]
    interview.refresh_from_db()
    assert interview.status == "in_progress" and not interview.answers.exists()
    assert not Interview.objects.filter(departure=anonymous).exists()


def test_unthemed_reasons_count_the_rows_that_cite_them(db, tmp_path):
    path = write(
        tmp_path,
        DETE_HEADER
        + "1,Other,2012,2010,Teacher,,,FALSE,FALSE,FALSE,TRUE,X\n"
        + "2,Other,2012,2010,Teacher,,,FALSE,FALSE,FALSE,TRUE,X\n",
    )

    report = import_survey(path, "dete")

    assert report.unthemed_reasons == {"Traumatic incident": 2}
    assert Counter(Departure.objects.values_list("department__name", flat=True)) == {"DETE": 2}


# -- the command -----------------------------------------------------------------------------------


def test_the_import_survey_command_reports_dry_runs_and_strict_mode(db, tmp_path):
    from io import StringIO

    from django.core.management import call_command
    from django.core.management.base import CommandError

    path = write(
        tmp_path,
        GENERIC_HEADER
        + "HR-1,Ann Example,2024-03-31,,Sales,resignation,,,pay,,,,\n"
        + "HR-2,,,,Sales,resignation,,,,,,,\n",  # no leave date: rejected
    )

    def run(*options) -> str:
        out = StringIO()
        call_command("import", "survey", "--format", "generic", str(path), *options, stdout=out)
        return out.getvalue()

    dry = run("--dry-run")
    assert "Would create 1, update 0, reject 1." in dry and "row 3:" in dry
    assert not Departure.objects.exists()
    with pytest.raises(CommandError, match="1 row rejected, so nothing was imported"):
        run("--strict")
    assert not Departure.objects.exists()
    assert "Imported: 1 created, 0 updated, 1 rejected." in run()
    assert Departure.objects.get().external_id == "HR-1"
    with pytest.raises(CommandError):
        call_command("import", "survey", "--format", "generic", str(tmp_path / "nothing.csv"))
