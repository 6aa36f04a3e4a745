"""`exitlens insights export`: the dashboard's figures from the command line."""

import importlib.util
import io
import json
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from exitlens.core.models import AuditEntry, Department
from exitlens.core.spreadsheets import BOM
from exitlens.insights.figures import compute
from exitlens.insights.filters import Filters
from exitlens.insights.serialise import as_dict
from tests import insights_data

YEAR = ["--start", "2026-01-01", "--end", "2026-12-31"]


@pytest.fixture
def people(db):
    return insights_data.build()


def export(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("insights", "export", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_writes_json_to_stdout_equal_to_the_dashboards_figures(people):
    out, _ = export("--format", "json", *YEAR)

    expected = as_dict(compute(Filters(start=date(2026, 1, 1), end=date(2026, 12, 31))))
    assert json.loads(out) == json.loads(json.dumps(expected))
    assert json.loads(out)["headline"]["leavers"] == 11


def test_it_applies_every_filter_given(people):
    operations = Department.objects.get(name="Operations")

    out, _ = export(
        "--format",
        "json",
        *YEAR,
        "--department",
        str(operations.pk),
        "--granularity",
        "month",
        "--by",
        "tenure_band",
    )

    data = json.loads(out)
    assert data["headline"]["departures"] == 5
    assert data["headline"]["leavers"] is None  # four interviews: hidden
    assert data["periods"][:2] == ["2026-01", "2026-02"]
    assert data["filters"]["by"] == "tenure_band"

    out, _ = export("--format", "json", *YEAR, "--regrettable", "yes")
    assert json.loads(out)["headline"]["departures"] is None  # s3 and s4
    assert json.loads(out)["anonymous_left_out"] is None  # one (s7): below the threshold


def test_it_says_on_stderr_when_figures_are_withheld(people):
    out, err = export("--format", "json", *YEAR, "--departure-type", "resignation")

    # All twelve departures minus the eleven resignations would single out o1's dismissal.
    assert json.loads(out)["withheld"] == ["departures", "leavers"]
    assert json.loads(out)["headline"]["departures"] is None
    assert "would differ from a nearby view by fewer than 5 leavers" in err
    assert "fewer than 5 departures" in json.loads(out)["withheld_reason"]


def test_it_writes_csv_to_stdout_without_a_byte_order_mark(people):
    out, _ = export("--format", "csv", *YEAR)

    assert not out.startswith(BOM)
    assert "# Headline\r\n" in out
    assert "Departures,12," in out


def test_it_writes_csv_and_xlsx_to_a_file(people, tmp_path):
    csv_file, xlsx_file = tmp_path / "insights.csv", tmp_path / "insights.xlsx"

    _, err = export("--format", "csv", *YEAR, "--output", str(csv_file))
    export("--format", "xlsx", *YEAR, "--output", str(xlsx_file))

    assert str(csv_file) in err
    assert csv_file.read_text(encoding="utf-8").startswith(BOM)
    workbook = load_workbook(xlsx_file)
    rows = {row[0]: row for row in workbook["Headline"].iter_rows(values_only=True)}
    assert rows["Leavers interviewed"][1] == 11


def test_it_refuses_a_spreadsheet_or_pdf_on_the_terminal(people):
    for format in ("xlsx", "pdf"):
        with pytest.raises(CommandError, match="--output"):
            export("--format", format, *YEAR)
    assert not AuditEntry.objects.filter(action="insights.exported").exists()


def test_it_names_each_bad_filter(people):
    with pytest.raises(CommandError) as raised:
        export(
            "--format",
            "json",
            "--start",
            "2026-12-31",
            "--end",
            "2026-01-01",
            "--department",
            "9999",
            "--location",
            "Atlantis",
            "--tenure-band",
            "forever",
        )

    message = str(raised.value)
    assert "--end: The end of the period lies before its start." in message
    assert "--department: Select a valid choice" in message
    assert "--location: Choose one of the listed values." in message
    assert "--tenure-band: Select a valid choice" in message
    assert "--start" not in message
    assert not AuditEntry.objects.filter(action="insights.exported").exists()


def test_it_rejects_a_date_that_is_no_date(people):
    with pytest.raises(CommandError, match="--start: Enter a valid date"):
        export("--format", "json", "--start", "2026-13-01")


def test_it_writes_an_audit_entry(people):
    export("--format", "json", *YEAR, "--by", "location")

    entry = AuditEntry.objects.get(action="insights.exported")
    assert entry.actor is None
    assert entry.data["via"] == "command line"
    assert entry.data["format"] == "json"
    assert "by=location" in entry.data["query"]


@pytest.mark.skipif(
    importlib.util.find_spec("exitlens.insights.report") is None, reason="no PDF report yet"
)
def test_it_writes_the_pdf_report(people, tmp_path):
    from exitlens.insights import report

    if not hasattr(report, "render_pdf"):
        pytest.skip("the PDF report has no render_pdf yet")
    pdf = tmp_path / "insights.pdf"

    export("--format", "pdf", *YEAR, "--output", str(pdf))

    assert pdf.read_bytes().startswith(b"%PDF")
    assert AuditEntry.objects.get(action="insights.exported").data["format"] == "pdf"
