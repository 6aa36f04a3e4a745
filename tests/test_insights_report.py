"""The report "What must change" on the hand-built organisation of tests/insights_data.py."""

import logging
import shutil
import subprocess
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from unittest.mock import patch

import pytest
from django.urls import reverse
from django.utils import timezone

from exitlens.core.models import Answer, AnswerChoice, AuditEntry, Department, Interview
from exitlens.insights import report, summaries
from exitlens.insights.figures import Share, TrendSeries, compute
from exitlens.insights.filters import Filters
from exitlens.insights.labels import retention_measure
from tests import insights_data
from tests import pdf_text as reading
from tests.conftest import login

YEAR = {"start": date(2026, 1, 1), "end": date(2026, 12, 31)}
QUERY = "start=2026-01-01&end=2026-12-31"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
NASTY = "Sales <script>alert(1)</script> & Co"


@pytest.fixture
def people(db):
    return insights_data.build()


def insights(**filters):
    return compute(Filters(**(YEAR | filters)))


def pdf_text(content: bytes, tmp_path: Path) -> str:
    """The text of a PDF by poppler's pdftotext, pages split by form feeds; without poppler,
    by tests/pdf_text.py, which reads what WeasyPrint writes."""
    if shutil.which("pdftotext") is None:
        return reading.pdf_text(content)
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    found = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    return found.stdout


def get_report(client, query=QUERY):
    return client.get(f"{reverse('insights_report')}?{query}")


def get_pdf(client, query=QUERY):
    return client.get(f"{reverse('insights_report_pdf')}?{query}")


# --- What must change first -------------------------------------------------------------------


def test_priorities_count_regrettable_leavers_twice(people):
    found = report.priorities(insights())

    # leavers + regrettable: pay 4 + 2 (s3, s4), workload 5 + 0, career 3 + 1 (s4),
    # learning 1 + 1 (s4 again) and manager 2 + 0; the tie of two goes by theme id.
    assert [(p.theme, p.score) for p in found] == [
        ("pay", 6),
        ("workload", 5),
        ("career", 4),
        ("learning", 2),
        ("manager", 2),
    ]
    assert [p.rank for p in found] == [1, 2, 3, 4, 5]


def test_a_priority_carries_what_the_report_says_about_it(people):
    pay, workload, _career, _learning, manager = report.priorities(insights())

    assert (pay.label, pay.leavers, pay.regrettable) == ("Pay & benefits", 4, 2)
    assert (pay.share.count, pay.share.total) == (4, 11)
    assert pay.sources == {"main": 3, "contributing": 0, "text": 1}
    assert pay.regrettable_share is None  # four leavers raise it: too few for a share
    assert (workload.regrettable_share.count, workload.regrettable_share.total) == (0, 5)
    assert pay.quotes == []  # s4's interview holds a disclosure: never quoted
    insights_data.approve_quotes()
    manager = report.priorities(insights())[-1]
    assert [quote.text for quote in manager.quotes] == [insights_data.QUOTE_MANAGER]
    assert pay.measure == retention_measure("pay")
    assert pay.trend.name == "pay" and pay.direction is None  # one quarter large enough
    assert manager.trend is None  # only the top three reasons are followed over time
    assert pay.kept_by is None and pay.segments == []


def test_segments_that_raise_a_theme_more_are_named(people):
    workload = next(p for p in report.priorities(insights(by="location")) if p.theme == "workload")

    # Tilburg's four and anonymous s7 make up "other": all five gave workload.
    assert workload.segments == ["Other (small groups together)"]


def test_what_could_have_kept_them_is_the_matching_retention_row(people):
    interview = people["s1"].interview
    retention = Answer.objects.create(
        interview=interview,
        question=interview.questionnaire_version.questions.get(key="retention"),
        text="A raise would have kept me.",
    )
    retention.themes.create(theme="pay", polarity="negative", score=0.9)
    summaries.summarise([interview.pk])  # as the coding service does

    pay = report.priorities(insights())[0]

    assert (pay.theme, pay.kept_by.leavers) == ("pay", 1)


def test_personal_circumstances_are_noted_apart(people):
    _add_personal_reason(people["s5"].interview)

    result = insights()

    assert "personal" not in [p.theme for p in report.priorities(result)]
    assert [(label, row.leavers) for label, row in report.not_actionable(result)] == [
        ("Personal circumstances", 1)
    ]


def _add_personal_reason(interview: Interview) -> None:
    answer = Answer.objects.create(
        interview=interview,
        question=interview.questionnaire_version.questions.get(key="contributing_reasons"),
    )
    AnswerChoice.objects.create(answer=answer, value="personal")
    summaries.summarise([interview.pk])  # written past the services: summarised as they would


def test_the_direction_of_a_trend_needs_intervals_apart():
    low, high, overlapping = (
        Share(1, 20, 0.01, 0.24),
        Share(15, 20, 0.53, 0.89),
        Share(5, 20, 0.1, 0.6),
    )

    def series(*points):
        return TrendSeries("pay", [(f"2026-Q{n}", p) for n, p in enumerate(points, start=1)])

    assert report.direction(series(low, None, high)) == "rising"
    assert report.direction(series(high, low)) == "falling"
    assert report.direction(series(low, overlapping)) == "steady"
    assert report.direction(series(low, None)) is None
    assert report.direction(None) is None


# --- Charts -----------------------------------------------------------------------------------


def test_every_chart_is_inline_svg_with_its_data_table(people):
    result = insights(by="location")

    charts = report.charts_for(result)
    tables = report.tables_for(result)

    assert list(charts) == ["reasons", "trends", "heat_map", "strengths"]
    assert list(tables) == list(charts)
    assert all(svg.startswith("<svg") and svg.endswith("</svg>") for svg in charts.values())
    assert "5 (45%)" in charts["reasons"]  # workload: five of eleven
    assert tables["reasons"].rows[0][:4] == ["Workload & stress", "5 (45%)", "21–72%", "0"]
    assert tables["heat_map"].header == ["Reason", "Utrecht", "Other (small groups together)"]
    assert ["Pay & benefits", "4/6", "0/5"] in tables["heat_map"].rows  # other: Tilburg, s7
    assert tables["heat_map"].notes == [
        "Other: groups of fewer than 5 leavers, with the smallest others until they reach 5 "
        "together."
    ]
    # Q3's four leavers hide the reasons of Q2 too (eleven minus Q2's seven would be them).
    assert ["2026-Q2", "—", "—", "—", "100% (7/7)"] in tables["trends"].rows
    # s2 came for a career, s4 too; s1 for the pay; s4's flagged answer counts as liked least.
    assert tables["strengths"].rows == [
        ["Career growth", "2", "0", "0"],
        ["Pay & benefits", "1", "0", "0"],
        ["Relationship with manager", "0", "0", "1"],
    ]


def test_a_suppressed_selection_has_no_charts(people):
    operations = Department.objects.get(name="Operations")

    result = insights(department=operations)

    assert result.suppressed
    assert report.charts_for(result) == {} and report.tables_for(result) == {}
    assert report.report_context(result)["priorities"] == []


# --- The PDF ----------------------------------------------------------------------------------


def test_the_pdf_has_a_cover_page_numbers_and_the_figures(people, tmp_path):
    insights_data.approve_quotes()
    content = report.render_pdf(insights())

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "report.pdf").write_bytes(content)  # for a look by a person
    assert content.startswith(b"%PDF")
    text = pdf_text(content, tmp_path)
    pages = text.rstrip("\f").split("\f")
    assert len(pages) > 1
    assert "What must change" in pages[0]
    assert "Jan. 1, 2026 – Dec. 31, 2026" in pages[0]
    assert "page" not in pages[0]  # the cover has no footer
    assert f"page 2 of {len(pages)}" in pages[1]
    assert f"page {len(pages)} of {len(pages)}" in pages[-1]
    assert "1. Pay & benefits" in text
    assert insights_data.QUOTE_MANAGER in text
    assert "Benjamini–Hochberg" in text


@contextmanager
def _weasyprint_warnings():
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            messages.append(record.getMessage())

    handler = Collect(level=logging.WARNING)
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)


def test_the_pdf_fetches_bundled_static_files_only(settings):
    fetcher = report.static_only_fetcher()
    stylesheet = report.static_base_url() + report.STYLESHEET

    assert report.static_path(stylesheet).name == "report-print.css"
    assert b"@page" in fetcher(stylesheet).read()
    for url in (
        "https://example.org/font.woff",
        "http://localhost/static/insights/report-print.css",
        "file:///etc/passwd",
        report.static_base_url() + "../etc/passwd",
        report.static_base_url() + "insights/missing.css",
    ):
        assert report.static_path(url) is None
        with pytest.raises(ValueError, match="bundled static files only"):
            fetcher(url)


def test_the_pdf_finds_the_collected_copies_that_production_names(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    hashed = tmp_path / "exitlens" / "css" / "exitlens.0123abcd.css"
    hashed.parent.mkdir(parents=True)
    hashed.write_text("body { color: black }")
    (tmp_path.parent / "secret.css").write_text("outside")

    assert report.static_path(report.static_base_url() + "exitlens/css/exitlens.0123abcd.css") == (
        hashed.resolve()
    )
    assert report.static_path(report.static_base_url() + "../secret.css") is None


def test_the_pdf_is_styled_with_production_static_files(settings, tmp_path, people):
    from django.core.management import call_command

    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = settings.STORAGES | {
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    from exitlens.insights.filters import Filters

    with _weasyprint_warnings() as warnings:
        report.render_pdf(compute(Filters(start=date(2026, 1, 1), end=date(2026, 12, 31))))

    assert not [w for w in warnings if "stylesheet" in w.lower()]


# --- The views --------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["viewer", "hr", "admin"])
def test_it_shows_the_report_to_everyone_who_sees_the_insights(client, people, persona, request):
    login(client, request.getfixturevalue(persona))

    response = get_report(client, f"{QUERY}&by=location")  # a breakdown: four tables

    assert response.status_code == 200
    page = response.content.decode()
    assert "What must change" in page
    assert "1. Pay &amp; benefits" in page
    pdf_link = f'href="{reverse("insights_report_pdf")}?start=2026-01-01&amp;end=2026-12-31'
    assert pdf_link in page
    assert page.count("<svg") == 4 and page.count("<table") == 4


def test_it_sends_anonymous_visitors_to_the_login(client, people):
    response = get_report(client)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_hides_the_report_from_an_inactive_account(client, people, outsider):
    client.force_login(outsider)

    assert get_report(client).status_code in (302, 404)
    assert get_pdf(client).status_code in (302, 404)
    assert not AuditEntry.objects.filter(action="insights.report_downloaded").exists()


def test_it_escapes_names_and_answers(client, people, viewer, tmp_path, settings):
    settings.EXITLENS_MIN_QUOTE_GROUP_SIZE = 5
    sales = Department.objects.get(name="Sales")
    sales.name = NASTY
    sales.save()
    Answer.objects.filter(text=insights_data.QUOTE_MANAGER).update(
        text="<b>Pay</b> stayed far below the market & its <i>rates</i>."
    )
    insights_data.approve_quotes("<b>Pay</b> stayed far below the market & its <i>rates</i>.")
    login(client, viewer)

    page = get_report(client, f"{QUERY}&department={sales.pk}").content.decode()
    whole = get_report(client, QUERY).content.decode()  # Sales' leavers alone are withheld

    assert "<script>alert(1)" not in page and "<b>Pay</b>" not in whole
    assert "Sales &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page  # on the cover
    assert "&lt;b&gt;Pay&lt;/b&gt; stayed far below the market &amp; its" in whole
    text = pdf_text(get_pdf(client, f"{QUERY}&department={sales.pk}").content, tmp_path)
    assert NASTY in text  # shown as the name it is, not dropped as markup


def test_it_downloads_the_pdf_and_writes_the_audit_log(client, people, viewer):
    login(client, viewer)

    response = get_pdf(client)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    filename = f"exitlens-what-must-change-{timezone.localdate().isoformat()}.pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert response.content.startswith(b"%PDF")
    entry = AuditEntry.objects.get(action="insights.report_downloaded")
    assert entry.actor == viewer
    assert entry.data == {"query": Filters(**YEAR).query()}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("start=2026-12-31&end=2026-01-01", "The end of the period lies before its start."),
        ("start=yesterday", "Enter a valid date."),
        ("location=Atlantis", "Choose one of the listed values."),
    ],
)
def test_it_explains_invalid_filters(client, people, hr, query, message):
    login(client, hr)

    page = get_report(client, query)
    pdf = get_pdf(client, query)

    assert page.status_code == 400
    assert message in page.content.decode()
    assert pdf.status_code == 400
    assert pdf["Content-Type"].startswith("text/plain")
    assert message in pdf.content.decode()
    assert not AuditEntry.objects.filter(action="insights.report_downloaded").exists()


def test_a_selection_too_small_shows_no_figures(client, people, hr, tmp_path):
    operations = Department.objects.get(name="Operations")  # four interviews
    login(client, hr)

    page = get_report(client, f"{QUERY}&department={operations.pk}").content.decode()

    assert "There are too few leavers in this selection to report on." in page
    assert "<svg" not in page and "At a glance" not in page
    assert "Workload" not in page and "priority" not in page
    text = pdf_text(get_pdf(client, f"{QUERY}&department={operations.pk}").content, tmp_path)
    assert "There are too few leavers in this selection to report on." in text
    assert "Workload" not in text and "Departures" not in text


def test_the_page_notes_personal_circumstances(client, people, hr):
    _add_personal_reason(people["s5"].interview)
    login(client, hr)

    page = get_report(client).content.decode()

    assert "Not in this list: 1 leaver left for “Personal circumstances”" in page


@pytest.mark.parametrize(
    "query",
    ["end=2999-12-31", "start=1990-01-01", "start=1066-01-01&end=2999-12-31"],
)
def test_a_far_off_or_open_ended_period_is_refused_not_computed(client, viewer, query):
    """The reported attack: /insights/report.pdf?end=2999-12-31 once ran five minutes."""
    login(client, viewer)
    with patch("exitlens.insights.views.report.compute") as compute:
        response = get_pdf(client, query)
    assert response.status_code == 400
    assert not compute.called


def test_an_open_start_is_the_year_up_to_the_end(viewer):
    from exitlens.insights.filters import InsightFilterForm

    form = InsightFilterForm({"end": "2024-06-15"})
    assert form.is_valid(), form.errors
    filters = form.filters(today=date(2026, 12, 5))
    assert (filters.start, filters.end) == (date(2023, 7, 1), date(2024, 6, 30))
