"""Exports of the insights (JSON, CSV, XLSX) and HR's row-level data exports, on the
hand-built organisation of tests/insights_data.py."""

import csv
import io
import json
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from exitlens.core.models import Answer, AnswerTheme, AuditEntry, Department, Interview
from exitlens.core.spreadsheets import BOM, Table, to_csv, to_xlsx
from exitlens.insights.figures import compute
from exitlens.insights.filters import Filters
from exitlens.insights.serialise import as_dict, tables
from tests import insights_data
from tests.conftest import login

YEAR = {"start": date(2026, 1, 1), "end": date(2026, 12, 31)}
QUERY = {"start": "2026-01-01", "end": "2026-12-31"}
S7_TEXT = "Far too much work, every single week, with nobody to share it."


@pytest.fixture
def people(db):
    return insights_data.build()


def insights(**filters):
    return compute(Filters(**(YEAR | filters)))


def csv_sections(text: str) -> dict[str, list[list[str]]]:
    """A multi-table CSV as section name -> rows (header first)."""
    sections, name = {}, None
    for row in csv.reader(io.StringIO(text.removeprefix(BOM))):
        if row and row[0].startswith("# "):
            name = row[0][2:]
            sections[name] = []
        elif row:
            sections[name].append(row)
    return sections


def by_first_cell(rows):
    return {row[0]: list(row) for row in rows}


# The content


def test_the_json_carries_the_hand_worked_figures(people):
    insights_data.approve_quotes()
    data = json.loads(json.dumps(as_dict(insights(by="location"))))  # survives a round trip

    headline = data["headline"]
    assert headline["departures"] == 12
    assert headline["leavers"] == 11
    assert headline["invited"] == 10
    assert headline["voluntary"]["count"] == 11
    assert headline["voluntary"]["total"] == 12
    assert headline["voluntary"]["share"] == pytest.approx(11 / 12, abs=1e-4)
    assert headline["voluntary"]["low"] == pytest.approx(0.6461, abs=1e-3)
    assert headline["voluntary"]["high"] == pytest.approx(0.9851, abs=1e-3)
    assert headline["expectations_met"] == pytest.approx(32 / 11, abs=1e-4)
    assert headline["expectations_scale"] == [1, 5]
    assert headline["recommend_score"] == pytest.approx(-500 / 11, abs=1e-4)
    assert (headline["retained"]["count"], headline["retained"]["total"]) == (1, 11)

    assert [row["theme"] for row in data["reasons"]] == [
        "workload",
        "pay",
        "career",
        "manager",
        "learning",
    ]
    pay = data["reasons"][1]
    assert pay["label"] == "Pay & benefits"
    assert pay["leavers"] == 4
    assert pay["share"]["total"] == 11
    assert pay["sources"] == {"main": 3, "text": 1}
    assert pay["regrettable"] == 2
    assert pay["retention_measure"].startswith("Benchmark salaries")
    assert {row["theme"]: row["leavers"] for row in data["attraction"]} == {"pay": 1, "career": 2}
    assert {row["theme"]: row["leavers"] for row in data["gap"]} == {"pay": 1, "career": 1}

    breakdown = data["breakdown"]
    assert breakdown["dimension"] == "location"
    assert [(s["key"], s["label"], s["leavers"]) for s in breakdown["segments"]] == [
        ("Utrecht", "Utrecht", 6),
        ("other", "Other (small groups together)", 5),  # Tilburg's four and s7
    ]
    assert breakdown["segments"][0]["themes"]["pay"] == 4
    assert breakdown["hidden"] == 0
    # By department Operations' four fold with Sales' seven: no breakdown at all.
    assert as_dict(insights())["breakdown"] is None

    assert data["periods"] == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    assert [point["departures"] for point in data["departures_trend"]] == [None, 7, 5, None]
    assert data["voluntary_trend"][2]["share"]["count"] == 4
    assert [series["theme"] for series in data["theme_trends"]] == ["workload", "pay", "career"]
    # Q3's four leavers are too few, and the eleven minus Q2's seven would show them: both hide.
    assert data["theme_trends"][1]["points"][1] == {"period": "2026-Q2", "share": None}
    assert data["voluntary_trend"][1]["share"]["low"] < 1
    assert data["quotes"] == {"manager": [insights_data.QUOTE_MANAGER]}
    assert data["anonymous_left_out"] == 0
    assert data["thresholds"] == {"min_group": 5, "min_quote_group": 10}
    assert (data["withheld"], data["withheld_reason"]) == ([], None)
    assert data["filters"]["query"] == Filters(**YEAR, by="location").query()
    assert {"label": "Department", "value": "All"} in data["filters"]["description"]
    for method in ("Wilson", "95%", "Fisher", "two-sided", "Benjamini–Hochberg"):
        assert method in data["methods"]


def test_figures_on_too_few_people_are_null(people):
    operations = Department.objects.get(name="Operations")

    data = as_dict(insights(department=operations))  # four leavers, five departures

    assert data["headline"]["departures"] == 5
    assert data["headline"]["leavers"] is None
    assert data["headline"]["expectations_met"] is None
    assert data["headline"]["recommend_score"] is None
    assert data["headline"]["retained"] is None
    assert data["headline"]["responded"] is None  # four invited
    assert data["reasons"] == [] and data["breakdown"] is None and data["quotes"] == {}
    assert data["filters"]["description"][1] == {"label": "Department", "value": "Operations"}


def test_the_csv_carries_the_same_numbers(people):
    insights_data.approve_quotes()
    text = to_csv(tables(insights()))

    assert text.startswith(BOM)
    sections = csv_sections(text)
    assert list(sections)[:3] == ["Filters", "Headline", "Why people leave"]
    headline = by_first_cell(sections["Headline"][1:])
    assert headline["Departures"][1] == "12"
    assert headline["Leavers interviewed"][1] == "11"
    assert headline["Voluntary"][1:4] == ["0.9167", "11", "12"]
    reasons = sections["Why people leave"]
    assert reasons[0][:3] == ["Theme", "Label", "Leavers"]
    assert [row[0] for row in reasons[1:]] == ["workload", "pay", "career", "manager", "learning"]
    assert by_first_cell(reasons[1:])["pay"][2] == "4"
    quotes = [row[2] for row in sections["Quotes"][1:]]
    assert quotes == [insights_data.QUOTE_MANAGER]
    trend = by_first_cell(sections["Departures over time"][1:])
    assert (trend["2026-Q1"][1], trend["2026-Q2"][1]) == ("", "7")  # hidden, shown


def test_the_csv_leaves_hidden_figures_empty(people):
    operations = Department.objects.get(name="Operations")

    sections = csv_sections(to_csv(tables(insights(department=operations))))

    headline = by_first_cell(sections["Headline"][1:])
    assert headline["Departures"][1] == "5"
    assert headline["Leavers interviewed"][1] == ""
    assert headline["Retained"][1:] == ["", "", "", "", ""]
    assert sections["Why people leave"][1:] == []


def test_the_csv_says_why_figures_are_withheld_and_leaves_them_empty(people):
    sections = csv_sections(to_csv(tables(insights(departure_type="resignation"))))

    filters = by_first_cell(sections["Filters"][1:])
    assert filters["Withheld"][1].startswith("This view would differ from a nearby view")
    headline = by_first_cell(sections["Headline"][1:])
    assert headline["Departures"][1] == "" and headline["Leavers interviewed"][1] == ""
    assert headline["Would recommend (eNPS)"][1:] == ["", "", "", "", ""]
    assert sections["Why people leave"][1:] == []
    methods = by_first_cell(sections["Methods"][1:])
    assert methods["Anonymous interviews left out by the filters"][1] == ""  # not one alone


def test_the_xlsx_has_a_sheet_per_section_with_the_same_numbers(people):
    workbook = load_workbook(io.BytesIO(to_xlsx(tables(insights()))))

    assert workbook.sheetnames[:3] == ["Filters", "Headline", "Why people leave"]
    assert all(len(name) <= 31 for name in workbook.sheetnames)
    headline = workbook["Headline"]
    assert headline["A1"].value == "Figure" and headline["A1"].font.b
    rows = {row[0]: row for row in headline.iter_rows(min_row=2, values_only=True)}
    assert rows["Departures"][1] == 12
    assert rows["Voluntary"][1:4] == (0.9167, 11, 12)
    assert rows["Leavers interviewed"][1] == 11
    reasons = list(workbook["Why people leave"].iter_rows(min_row=2, values_only=True))
    assert [(row[0], row[2]) for row in reasons] == [
        ("workload", 5),
        ("pay", 4),
        ("career", 3),
        ("manager", 2),
        ("learning", 1),
    ]


def test_cells_that_start_like_a_formula_are_defused():
    table = Table(
        "Injection",
        ["=HEADER"],
        [['=HYPERLINK("http://evil")'], ["+1"], ["-2"], ["@SUM(A1)"], ["\tx"], ["\rx"], ["ok"]],
    )
    table.rows.append([-3])

    rows = list(csv.reader(io.StringIO(to_csv([table]).removeprefix(BOM))))[1:]
    assert [row[0] for row in rows] == [
        "'=HEADER",
        '\'=HYPERLINK("http://evil")',
        "'+1",
        "'-2",
        "'@SUM(A1)",
        "'\tx",
        "'\rx",
        "ok",
        "-3",  # a number is no formula
    ]
    sheet = load_workbook(io.BytesIO(to_xlsx([table])))["Injection"]
    values = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert values[:5] == ["'=HEADER", '\'=HYPERLINK("http://evil")', "'+1", "'-2", "'@SUM(A1)"]
    assert values[-1] == -3
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_long_and_repeated_sheet_names_are_shortened_and_kept_apart():
    name = "A section with a name far longer than a sheet allows: really"
    workbook = load_workbook(io.BytesIO(to_xlsx([Table(name, ["a"], []), Table(name, ["b"], [])])))

    assert len(workbook.sheetnames) == 2
    assert len(set(workbook.sheetnames)) == 2
    assert all(len(sheet) <= 31 and ":" not in sheet for sheet in workbook.sheetnames)


# The insights download


def export_url(format: str) -> str:
    return reverse("insights_export", args=[format])


def data_url(dataset: str, format: str) -> str:
    return reverse("insights_data_export", args=[dataset, format])


def test_it_sends_an_anonymous_visitor_to_login(client, people):
    assert client.get(export_url("json"), QUERY).status_code == 302
    assert client.get(data_url("answers", "csv"), QUERY).status_code == 302
    assert not AuditEntry.objects.filter(action__endswith=".exported").exists()


def test_a_viewer_downloads_the_insights_as_json(client, viewer, people):
    login(client, viewer)

    response = client.get(export_url("json"), QUERY)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="exitlens-insights-{today}.json"'
    )
    data = json.loads(response.content)
    assert data == json.loads(json.dumps(as_dict(insights())))
    entry = AuditEntry.objects.get(action="insights.exported")
    assert entry.actor == viewer
    assert entry.data["format"] == "json"
    assert entry.data["query"] == Filters(**YEAR).query()


@pytest.mark.parametrize("format", ["csv", "xlsx"])
def test_the_insights_download_as_csv_and_xlsx(client, hr, people, format):
    login(client, hr)

    response = client.get(export_url(format), QUERY | {"by": "location"})

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'.{format}"')
    if format == "csv":
        sections = csv_sections(response.content.decode("utf-8"))
        assert by_first_cell(sections["Headline"][1:])["Departures"][1] == "12"
        assert "Breakdown by Location" in sections
    else:
        workbook = load_workbook(io.BytesIO(response.content))
        rows = {row[0]: row for row in workbook["Headline"].iter_rows(values_only=True)}
        assert rows["Departures"][1] == 12
    entry = AuditEntry.objects.get(action="insights.exported")
    assert (entry.actor, entry.data["format"]) == (hr, format)
    assert "by=location" in entry.data["query"]


def test_the_insights_download_respects_the_threshold(client, viewer, people):
    operations = Department.objects.get(name="Operations")
    login(client, viewer)

    data = client.get(export_url("json"), QUERY | {"department": operations.pk}).json()

    assert data["headline"]["leavers"] is None
    assert data["reasons"] == []


def test_an_unknown_format_is_not_found(client, hr, people):
    login(client, hr)

    assert client.get(export_url("pdf"), QUERY).status_code == 404
    assert client.get(export_url("html"), QUERY).status_code == 404
    assert client.get(data_url("answers", "json"), QUERY).status_code == 404
    assert client.get(data_url("people", "csv"), QUERY).status_code == 404
    assert not AuditEntry.objects.filter(action__endswith=".exported").exists()


def test_invalid_filters_are_explained_in_plain_text(client, viewer, people):
    login(client, viewer)

    response = client.get(
        export_url("csv"), {"start": "2026-12-31", "end": "2026-01-01", "department": "999"}
    )

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "The filters are not valid" in text
    assert "To: The end of the period lies before its start." in text
    assert "Department: Select a valid choice" in text
    assert not AuditEntry.objects.filter(action="insights.exported").exists()


# HR's data exports


def test_a_viewer_gets_no_data_export(client, viewer, people):
    login(client, viewer)

    for dataset in ("departures", "answers", "themes"):
        for format in ("csv", "xlsx"):
            assert client.get(data_url(dataset, format), QUERY).status_code == 404
    assert not AuditEntry.objects.filter(action="data.exported").exists()


def streamed(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def test_hr_exports_the_departures(client, hr, people):
    people["s1"].external_id = "HR-S1"
    people["s1"].save()
    login(client, hr)

    response = client.get(data_url("departures", "csv"), QUERY)

    assert response.status_code == 200
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="exitlens-departures-{today}.csv"'
    )
    text = streamed(response)
    assert text.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(text.removeprefix(BOM))))
    assert len(rows) == 12
    s1 = next(row for row in rows if row["Name"] == "Person s1")
    assert s1["HR system id"] == "HR-S1"
    assert s1["Code"] == str(people["s1"].code)
    assert (s1["Department"], s1["Leave date"], s1["Tenure (years)"]) == (
        "Sales",
        "2026-05-04",
        "2-5",
    )
    assert (s1["Interview"], s1["Confidentiality"]) == ("Completed", "Confidential")
    o1 = next(row for row in rows if row["Name"] == "Person o1")
    assert (o1["Type of departure"], o1["Interview"]) == ("Dismissal", "None")
    entry = AuditEntry.objects.get(action="data.exported")
    assert entry.actor == hr
    assert entry.data == {
        "format": "csv",
        "dataset": "departures",
        "query": Filters(**YEAR).query(),
    }


def test_the_data_export_follows_the_filters(client, admin, people):
    operations = Department.objects.get(name="Operations")
    login(client, admin)

    response = client.get(data_url("departures", "xlsx"), QUERY | {"department": operations.pk})

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    names = sorted(row[2] for row in sheet.iter_rows(min_row=2, values_only=True))
    assert names == ["Person o1", "Person w1", "Person w2", "Person w3", "Person w4"]
    assert sheet["A1"].font.b


def _s7_says_something():
    """Give anonymous s7 a free-text answer with a coded theme."""
    interview = Interview.objects.get(confidentiality=Interview.Confidentiality.ANONYMOUS)
    question = interview.questionnaire_version.questions.get(key="reason")
    answer = Answer.objects.create(id=-42, interview=interview, question=question, text=S7_TEXT)
    AnswerTheme.objects.create(answer=answer, theme="workload", polarity="negative", score=0.8)
    return interview


def test_anonymous_answers_carry_no_identity(client, hr, people):
    people["s7"].external_id = "HR-S7"
    people["s7"].save()
    people["s1"].external_id = "HR-S1"
    people["s1"].save()
    interview = _s7_says_something()
    login(client, hr)

    text = streamed(client.get(data_url("answers", "csv"), QUERY))

    rows = list(csv.DictReader(io.StringIO(text.removeprefix(BOM))))
    assert "Person s7" not in text
    assert "HR-S7" not in text
    assert str(people["s7"].code) not in text
    assert str(interview.pk) not in text
    said = next(row for row in rows if row["Text"] == S7_TEXT)
    assert [said[c] for c in ("Code", "HR system id", "Name", "Interview")] == ["", "", "", ""]
    assert (said["Department"], said["Tenure (years)"], said["Quarter of leaving"]) == (
        "Sales",
        "2-5",
        "2026-Q2",
    )
    assert said["Question text"] == "Why did you decide to leave?"
    anonymous = [row for row in rows if row["Confidentiality"] == "Anonymous"]
    assert len(anonymous) == 4  # main reason, expectations, recommend, and the text
    assert all(row["Name"] == row["Interview"] == "" for row in anonymous)
    named = next(row for row in rows if row["Name"] == "Person s1" and row["Chosen"])
    assert named["HR system id"] == "HR-S1"
    assert named["Interview"] == str(people["s1"].interview.pk)
    # Every answer of the eleven completed interviews: s1-s7 and w1-w4.
    assert len(rows) == Answer.objects.filter(interview__status="completed").count()
    assert len({row["Interview"] for row in rows if row["Interview"]}) == 10


def test_flagged_answers_and_interviewer_notes_are_in_the_answers(client, hr, people):
    answer = Answer.objects.get(interview__departure=people["w1"], question__key="main_reason")
    answer.note = "Said the team had been short-staffed since spring."
    answer.save()
    login(client, hr)

    sheet = load_workbook(
        io.BytesIO(client.get(data_url("answers", "xlsx"), QUERY).content)
    ).worksheets[0]

    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    found = [dict(zip(header, row, strict=True)) for row in rows[1:]]
    noted = next(row for row in found if row["Interviewer note"])
    assert (noted["Name"], noted["Chosen"]) == ("Person w1", "workload")
    flagged = next(row for row in found if row["Text"] == insights_data.SENSITIVE)
    assert flagged["Sensitive"] == "Yes"
    assert AuditEntry.objects.get(action="data.exported").data["format"] == "xlsx"


def test_the_themes_export_keeps_anonymous_tags_anonymous(client, hr, people):
    _s7_says_something()
    login(client, hr)

    text = streamed(client.get(data_url("themes", "csv"), QUERY))

    rows = list(csv.DictReader(io.StringIO(text.removeprefix(BOM))))
    assert "Person s7" not in text
    s7 = next(row for row in rows if row["Text"] == S7_TEXT)
    assert (s7["Name"], s7["Interview"], s7["Theme"], s7["Polarity"]) == (
        "",
        "",
        "workload",
        "Problem",
    )
    s4 = next(row for row in rows if row["Text"] == insights_data.QUOTE_PAY)
    assert (s4["Name"], s4["Theme"], s4["Label"]) == ("Person s4", "pay", "Pay & benefits")
    # Seven tags of the organisation (one on a flagged answer) and s7's.
    assert len(rows) == 8
    assert AuditEntry.objects.get(action="data.exported").data["dataset"] == "themes"


def test_the_themes_export_uses_hrs_tags_once_reviewed(client, hr, people):
    answer = Answer.objects.get(interview__departure=people["s4"], question__key="reason")
    answer.reviewed_at = timezone.now()
    answer.save()
    AnswerTheme.objects.create(
        answer=answer, theme="recognition", polarity="negative", source="human"
    )
    login(client, hr)

    text = streamed(client.get(data_url("themes", "csv"), QUERY))

    rows = [
        r for r in csv.DictReader(io.StringIO(text.removeprefix(BOM))) if r["Name"] == "Person s4"
    ]
    reason = [(row["Theme"], row["Coded by"]) for row in rows if row["Question"] == "reason"]
    assert reason == [("recognition", "Human")]


def test_a_data_export_with_invalid_filters_is_refused(client, hr, people):
    login(client, hr)

    response = client.get(data_url("answers", "csv"), {"location": "Atlantis"})

    assert response.status_code == 400
    assert "Location: Choose one of the listed values." in response.content.decode()
    assert not AuditEntry.objects.filter(action="data.exported").exists()
