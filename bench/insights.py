"""Benchmark the insights: dashboard, PDF report and the database floor, on SQLite and PostgreSQL.

    python bench/insights.py [--write] [--departures N] [--database sqlite|postgresql|both]

Each database starts empty, as in bench/seed_demo.py: `exitlens migrate`, `seed-demo`, `themes
recode` (timed) and `collectstatic`. A child process with production settings then signs in an
HR user with Django's test client and times the dashboard in three views, the PDF report, each
figure function inside the page, and the bare SQL group-by that "Why people leave" needs,
written by hand: the database floor that the figure and the page are compared with.
"""

import argparse
import json
import os
import platform
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sections import DOCS, write_section

START, END = "<!-- insights:start -->", "<!-- insights:end -->"
TODAY, SEED = "2026-11-26", 1
POSTGRES = "postgres://postgres@127.0.0.1:5432/"
PERIOD = {"start": "2025-12-01", "end": TODAY}  # the default: this month and the eleven before
VIEWS = {  # "department" gets the largest top-level department in the child
    "default view": PERIOD,
    "department": PERIOD,
    "3 years by month": {"start": "2023-12-01", "end": TODAY, "granularity": "month"},
}
REPEATS, PDF_REPEATS, PART_REPEATS = 21, 3, 5
# "Why people leave" by hand: distinct (leaver, theme) pairs from the main and contributing
# reasons and the problems coded in the reason answer (HR's tags once reviewed, else the model's).
REASONS_SQL = """
WITH leavers AS (
    SELECT i.id FROM core_interview i LEFT JOIN core_departure d ON d.id = i.departure_id
    WHERE i.status = 'completed' AND (d.leave_date BETWEEN %s AND %s
        OR (i.departure_id IS NULL AND i.leave_quarter IN ({quarters})))
)
SELECT topic, COUNT(*) FROM (
    SELECT a.interview_id AS leaver, c.value AS topic
    FROM core_answerchoice c JOIN core_answer a ON a.id = c.answer_id
    JOIN core_question q ON q.id = a.question_id
    WHERE q.key IN ('main_reason', 'contributing_reasons') AND c.value IN ({themes})
        AND a.interview_id IN (SELECT id FROM leavers)
    UNION
    SELECT a.interview_id, t.theme
    FROM core_answertheme t JOIN core_answer a ON a.id = t.answer_id
    JOIN core_question q ON q.id = a.question_id
    WHERE q.key = 'reason' AND t.polarity = 'negative'
        AND a.interview_id IN (SELECT id FROM leavers)
        AND ((t.source = 'human' AND a.reviewed_at IS NOT NULL)
            OR (t.source = 'model' AND a.reviewed_at IS NULL))
) pairs GROUP BY topic
"""
# The same from the one-row-per-leaver summaries, when there are (insights.models.Leaver).
SUMMARY_SQL = """
SELECT {sums} FROM insights_leaver
WHERE (departure_id IS NOT NULL AND leave_date BETWEEN %s AND %s)
    OR (departure_id IS NULL AND leave_quarter IN ({quarters}))
"""


def run(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Run a command to completion: its wall seconds and output."""
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
    if done.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return time.perf_counter() - started, done.stdout


def bench(database: str, departures: int) -> dict:
    """Seed a fresh database, code its answers and measure; the database is removed after."""
    data_dir = tempfile.mkdtemp(prefix="exitlens-bench-")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EXITLENS_", "DJANGO_"))}
    env |= {
        "EXITLENS_SECRET_KEY": secrets.token_urlsafe(50),  # throwaway, for this run only
        "EXITLENS_DATA_DIR": data_dir,
        "EXITLENS_ALLOWED_HOSTS": "testserver",  # django.test.Client's host
        "DJANGO_SETTINGS_MODULE": "exitlens.settings",
    }
    name, exitlens = f"exitlens_bench_{os.getpid()}", str(Path(sys.executable).parent / "exitlens")
    if database == "PostgreSQL":
        import psycopg

        with psycopg.connect(POSTGRES + "postgres", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        env["EXITLENS_DATABASE_URL"] = POSTGRES + name
    try:
        run([exitlens, "migrate", "--verbosity", "0"], env)
        print(f"[{database}] seed-demo --departures {departures}", file=sys.stderr, flush=True)
        seed = ["seed-demo", f"--departures={departures}", f"--today={TODAY}", f"--seed={SEED}"]
        run([exitlens, *seed], env)
        print(f"[{database}] themes recode", file=sys.stderr, flush=True)
        seconds, output = run([exitlens, "themes", "recode"], env)
        coded = int(re.search(r"Coded ([\d,]+) answers", output).group(1).replace(",", ""))
        print(f"[{database}] coded {coded:,} in {seconds:.0f} s; measuring", file=sys.stderr)
        run([exitlens, "collectstatic", "--noinput", "--verbosity", "0"], env)
        _, output = run([sys.executable, __file__, "--measure"], env)
        result = json.loads(output.split("BENCH ", 1)[1])
        return result | {"database": database, "coded": coded, "coded_per_s": coded / seconds}
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
        if database == "PostgreSQL":
            with psycopg.connect(POSTGRES + "postgres", autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def timed(call, repeats: int) -> dict:
    """Median and 95th percentile in milliseconds of `repeats` calls."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"median": statistics.median(times), "p95": times[round(0.95 * (len(times) - 1))]}


def measure() -> dict:
    """In the child process: every measurement on the database that the environment names."""
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from exitlens.analysis.taxonomy import THEME_IDS
    from exitlens.core import models
    from exitlens.insights import figures
    from exitlens.insights.report import render_pdf

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # as autovacuum does soon after a bulk load
    tops = models.Department.objects.filter(parent=None)
    largest = max(tops, key=lambda top: filters_for({"department": top.pk}).departures().count())
    views = VIEWS | {"department": PERIOD | {"department": largest.pk}}
    client = Client()
    hr = {"role": "hr", "language": "en"}
    client.force_login(models.User.objects.get_or_create(username="bench-hr", defaults=hr)[0])

    def get(query: dict, cached: bool = False) -> None:
        if not cached:
            cache.clear()  # a figure computed, not read back from the cache
        response = client.get(reverse("insights"), query)
        assert response.status_code == 200, response.status_code
        assert b"Why people leave" in response.content, "the page shows no figures"

    first = timed(lambda: get(PERIOD), 1)["median"]  # loads templates, summarises what is missing
    pages, parts = {}, {}
    for name, query in views.items():
        get(query)
        pages[name] = timed(lambda query=query: get(query), REPEATS)
        parts[name] = parts_of_page(lambda query=query: get(query))
    cached = timed(lambda: get(PERIOD, cached=True), REPEATS)

    filters = filters_for(PERIOD)
    started = time.perf_counter()
    pdf = render_pdf(figures.compute(filters))  # the first build loads WeasyPrint and fonts
    first_pdf = time.perf_counter() - started

    def build_pdf() -> None:
        cache.clear()
        render_pdf(figures.compute(filters))

    pdf_ms = timed(build_pdf, PDF_REPEATS)

    quarters, themes = filters.quarters(), list(THEME_IDS)
    marks = ", ".join(["%s"] * len(quarters))
    by_answers = REASONS_SQL.format(quarters=marks, themes=", ".join(["%s"] * len(themes)))
    floors = {"answers": (by_answers, [filters.start, filters.end, *quarters, *themes])}
    if "insights_leaver" in connection.introspection.table_names():
        sums = ", ".join(f"SUM((reasons >> {bit}) & 1)" for bit in range(len(themes)))
        by_summaries = SUMMARY_SQL.format(sums=sums, quarters=marks)
        floors["summaries"] = (by_summaries, [filters.start, filters.end, *quarters])

    def query(sql: str, params: list) -> dict[str, int]:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if len(rows) == 1 and len(rows[0]) == len(themes):  # the summaries: a sum per theme
            rows = zip(themes, rows[0], strict=True)
        return {theme: count for theme, count in rows if count}

    cache.clear()
    figure = {row.theme: row.leavers for row in figures.compute(filters).reasons}
    counts = [query(sql, params) for sql, params in floors.values()]
    with connection.cursor() as cursor:
        vendor = connection.vendor
        cursor.execute("select sqlite_version()" if vendor == "sqlite" else "show server_version")
        version = cursor.fetchone()[0].split()[0]
    rows = ["Departure", "Interview", "Answer", "AnswerChoice", "AnswerTheme"]
    return {
        "version": version,
        "django": django.get_version(),
        "rows": {name: getattr(models, name).objects.count() for name in rows},
        "leavers": filters.leavers().count(),
        "department": largest.name,
        "first_request": first,
        "pages": pages,
        "cached": cached,
        "pdf_s": pdf_ms["median"] / 1000,
        "first_pdf_s": first_pdf,
        "pdf_pages": pdf_pages(pdf),
        "pdf_kib": len(pdf) / 1024,
        "floors": {
            name: timed(lambda sql=sql, params=params: query(sql, params), REPEATS)
            for name, (sql, params) in floors.items()
        },
        "same_counts": all(found == figure for found in counts),
        "parts": parts,
    }


def filters_for(query: dict):
    from exitlens.insights.filters import InsightFilterForm

    form = InsightFilterForm(PERIOD | query)
    assert form.is_valid(), form.errors
    return form.filters()


def parts_of_page(get) -> dict[str, float]:
    """Milliseconds per request (mean of PART_REPEATS) in the dashboard view's steps, and in each
    function of the figures module that no other one of them called."""
    import inspect

    from exitlens.insights import figures, report
    from exitlens.insights.views import dashboard

    view = [(dashboard, "compute"), (dashboard, "_choices"), (report, "charts_for")]
    view = [(module, name, f"view: {name}") for module, name in view if hasattr(module, name)]
    in_figures = [
        (figures, name, name)
        for name, function in vars(figures).items()
        if name.startswith("_") and name != "_compute" and inspect.isfunction(function)
    ]
    steps = view + in_figures
    spent = {label: 0.0 for *_, label in steps}
    depth = {dashboard: 0, report: 0, figures: 0}

    def timing(module, label, function):
        def timed_function(*args, **kwargs):
            depth[module] += 1
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                depth[module] -= 1
                if not depth[module]:  # a figure function called by another counts in that one
                    spent[label] += time.perf_counter() - started

        return timed_function

    originals = [getattr(module, name) for module, name, _label in steps]
    for (module, name, label), function in zip(steps, originals, strict=True):
        setattr(module, name, timing(module, label, function))
    try:
        started = time.perf_counter()
        for _ in range(PART_REPEATS):
            get()
        spent["whole request"] = time.perf_counter() - started
    finally:
        for (module, name, _label), function in zip(steps, originals, strict=True):
            setattr(module, name, function)
    in_view = sum(spent[label] for *_, label in view)
    spent["rest: template, middleware"] = spent["whole request"] - in_view
    in_figures = sum(spent[label] for *_, label in in_figures)
    spent["compute, besides figure functions"] = spent.get("view: compute", 0) - in_figures
    return {label: seconds * 1000 / PART_REPEATS for label, seconds in spent.items() if seconds}


def pdf_pages(pdf: bytes) -> int | None:
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True)  # noqa: S607
        return int(re.search(rb"Pages:\s+(\d+)", info.stdout).group(1))
    return None


def cells(r: dict) -> dict[str, str]:
    """One database's column of the results table; times are median (x the floor), p95."""
    floors = r["floors"]
    floor = floors.get("summaries", floors["answers"])["median"]

    def ms(t: dict) -> str:
        return f"{t['median']:,.1f} ms ({t['median'] / floor:,.1f}x), p95 {t['p95']:,.1f} ms"

    rows, pages, default = r["rows"], r["pages"], r["parts"]["default view"]
    reasons = default.get("_tally", 0) + default.get("_reasons", 0)
    summaries = ms(floors["summaries"]) if "summaries" in floors else "no summary table"
    return {
        "Dashboard, default view": ms(pages["default view"]),
        f"Dashboard, department {r['department']}": ms(pages["department"]),
        "Dashboard, 3 years by month": ms(pages["3 years by month"]),
        "Dashboard, default view, read from the cache": ms(r["cached"]),
        "… first request (templates, summaries built)": f"{r['first_request']:,.0f} ms",
        "Every leaver figure, default view: `_tally` + `_reasons` (mean)": f"{reasons:,.1f} ms ({reasons / floor:,.1f}x)",
        "… bare SQL on the summary table": summaries,
        "… bare SQL on the answers": ms(floors["answers"]),
        "… figure and SQL count the same": "yes" if r["same_counts"] else "**no**",
        "PDF report, default view (first build)": f"{r['pdf_s']:.1f} s ({r['first_pdf_s']:.1f} s)",
        "… pages, size": f"{r['pdf_pages']}, {r['pdf_kib']:,.0f} KiB",
        "`themes recode`: answers, answers/s": f"{r['coded']:,}, {r['coded_per_s']:,.0f}",
        "Departures, interviews": f"{rows['Departure']:,}, {rows['Interview']:,}",
        "… completed interviews in the default view": f"{r['leavers']:,}",
        "Answers, answer choices": f"{rows['Answer']:,}, {rows['AnswerChoice']:,}",
        "Coded themes (answer themes)": f"{rows['AnswerTheme']:,}",
    }


def markdown(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 1)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def tables(results: list[dict]) -> str:
    """The measurements, the targets, and where a request spends its time."""
    columns = [cells(r) for r in results]
    header = ["Measured"] + [f"{r['database']} {r['version']}" for r in results]
    measured = markdown(header, [[key] + [c[key] for c in columns] for key in columns[0]])
    targets = []
    for r in results:
        limits = [(f"dashboard, {view}", t["median"], "ms", 300) for view, t in r["pages"].items()]
        for name, value, unit, limit in [*limits, ("PDF report", r["pdf_s"], "s", 10)]:
            met = "yes" if value < limit else "**no**"
            shown = f"{value:,.0f} ms" if unit == "ms" else f"{value:.1f} s"
            targets.append([f"{r['database']}: {name}", f"< {limit} {unit}", shown, met])
    views = [(r, view) for r in results for view in r["parts"]]
    parts = markdown(
        ["ms per request"] + [f"{r['database']}, {view}" for r, view in views],
        [
            [f"`{part}`"] + [f"{r['parts'][view].get(part, 0):.0f}" for r, view in views]
            for part in dict.fromkeys(part for r, view in views for part in r["parts"][view])
            if max(r["parts"][view].get(part, 0) for r, view in views) >= 0.5
        ],
    )
    targets = markdown(["Target (median)", "Wanted", "Measured", "Met"], targets)
    return "\n\n".join([measured, targets, parts])


def section(results: list[dict], departures: int, machine: str) -> str:
    return f"""{START}
## Insights

`python bench/insights.py --write`: a fresh database with `exitlens seed-demo --departures
{departures} --today {TODAY} --seed {SEED}`, its answers coded by `exitlens themes recode`. With
production settings and Django's test client, an HR user requests the dashboard {REPEATS} times
per view after one warm-up, the figures' cache emptied before each request: the default period
(the twelve months up to {TODAY}), the same for the largest top-level department, and three
years by month. The PDF report (figures and rendering) is built {PDF_REPEATS} times after a first
build. The floor is the SQL that "Why people leave" needs, written by hand and run {REPEATS}
times on a cursor: on the summary table (one row per leaver) where there is one, and on the
answers, choices and coded themes. "(…x)" divides a median by the floor's. The figures count
every leaver figure (headline, reasons, coded answers, breakdown, trends) in one grouped query,
`_tally`, so that is what is set against the floor of the one figure. On PostgreSQL the tables
are analysed first, as autovacuum does after a bulk load.

{tables(results)}

The last table splits a request, in milliseconds (the mean of {PART_REPEATS} requests): the steps
of the dashboard view, each function of the figures module that no other one called, and the rest
(template, middleware, session).

Measured {date.today().isoformat()} on {machine}.
{END}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--departures", type=int, default=100_000)
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--write", action="store_true", help=f"Rewrite the section in {DOCS}.")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.measure:
        print("BENCH " + json.dumps(measure()))
        return
    chosen = {"sqlite": ["SQLite"], "postgresql": ["PostgreSQL"]}
    databases = chosen.get(options.database, ["SQLite", "PostgreSQL"])
    results = [bench(database, options.departures) for database in databases]
    versions = "".join(f", {r['database']} {r['version']}" for r in results)
    machine = (
        f"{os.cpu_count()} CPUs, {platform.machine()}, Python {platform.python_version()}, "
        f"Django {results[0]['django']}{versions}"
    )
    print(f"{tables(results)}\n\n{machine}")
    print("BENCH " + json.dumps(results), file=sys.stderr)
    if options.write:
        write_section(START, END, section(results, options.departures, machine))
        print(f"Wrote {DOCS}")


if __name__ == "__main__":
    main()
