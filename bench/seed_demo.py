"""Benchmark `exitlens seed-demo` on SQLite and PostgreSQL.

    python bench/seed_demo.py            # print a Markdown table
    python bench/seed_demo.py --write    # and rewrite the seed-demo section of docs/benchmarks.md

Each database starts empty: SQLite in a fresh temporary data folder, PostgreSQL in a database
created for the run (exitlens_bench_<pid>) and dropped afterwards. Wall time is measured around
the seed-demo process, peak memory is that process's maximum resident set size.
"""

import argparse
import concurrent.futures
import json
import multiprocessing
import os
import platform
import re
import resource
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import psycopg
from sections import DOCS, write_section

START, END = "<!-- seed-demo:start -->", "<!-- seed-demo:end -->"
TODAY = "2026-11-26"
SEED = 1
COUNT_ROWS = """
import json
import django
from django.db import connection
from exitlens.core import models
with connection.cursor() as cursor:
    cursor.execute(
        "select sqlite_version()" if connection.vendor == "sqlite" else "show server_version"
    )
    version = cursor.fetchone()[0].split()[0]
names = ["Manager", "Department", "Departure", "Interview", "Answer", "AnswerChoice",
         "Invitation", "InvitationLink"]
rows = {name: getattr(models, name).objects.count() for name in names}
print("BENCH " + json.dumps({"rows": rows, "version": version, "django": django.__version__}))
"""


@dataclass
class Result:
    database: str
    version: str
    django: str
    seconds: float
    peak_mib: float
    rows: dict[str, int]
    output: str


def exitlens_command() -> list[str]:
    script = Path(sys.executable).with_name("exitlens")
    return [str(script)] if script.exists() else [sys.executable, "-m", "exitlens"]


def run(args: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(  # noqa: S603  (our own command, fixed arguments)
        exitlens_command() + args, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        sys.exit(f"exitlens {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def measure(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds and peak RSS (MiB) of one command; run in a fresh process, so that
    RUSAGE_CHILDREN sees no other child than this one."""
    started = time.perf_counter()
    output = run(args, env)
    seconds = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    return seconds, peak_kib / 1024, output


def bench(database: str, env: dict[str, str], departures: int) -> Result:
    run(["migrate", "--verbosity", "0"], env)
    seed = ["seed-demo", "--departures", str(departures), "--seed", str(SEED), "--today", TODAY]
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=context) as pool:
        seconds, peak_mib, output = pool.submit(measure, seed, env).result()
    counted = run(["shell", "--no-imports", "-c", COUNT_ROWS], env)
    facts = json.loads(counted.split("BENCH ", 1)[1])
    return Result(
        database, facts["version"], facts["django"], seconds, peak_mib, facts["rows"], output
    )


def base_env(data_dir: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("EXITLENS_") and key != "DJANGO_SETTINGS_MODULE"
    }
    env["EXITLENS_SECRET_KEY"] = secrets.token_urlsafe(50)  # throwaway, for this run only
    env["EXITLENS_DATA_DIR"] = data_dir
    return env


def bench_sqlite(departures: int) -> Result:
    data_dir = tempfile.mkdtemp(prefix="exitlens-bench-")
    try:
        return bench("SQLite", base_env(data_dir), departures)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def bench_postgres(server: str, departures: int) -> Result:
    name = f"exitlens_bench_{os.getpid()}"
    admin_url = server.rstrip("/") + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    data_dir = tempfile.mkdtemp(prefix="exitlens-bench-")
    try:
        env = base_env(data_dir)
        env["EXITLENS_DATABASE_URL"] = server.rstrip("/") + "/" + name
        return bench("PostgreSQL", env, departures)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def machine(results: list[Result]) -> str:
    versions = ", ".join(f"{r.database} {r.version}" for r in results)
    django = results[0].django if results else "?"
    return (
        f"{os.cpu_count()} CPUs (nproc), {platform.machine()}, Python {platform.python_version()}, "
        f"Django {django}, {versions}"
    )


def table(results: list[Result], departures: int) -> str:
    lines = [
        "| Database | Departures | Wall time | of which loading | Peak RSS | Interviews | Answers "
        "| Answer choices | Invitations | Links |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        rows = r.rows
        loading = re.search(r" in ([0-9.]+) s\.", r.output)
        lines.append(
            f"| {r.database} {r.version} | {rows['Departure']:,} | {r.seconds:.1f} s "
            f"| {loading.group(1) if loading else '?'} s "
            f"| {r.peak_mib:.0f} MiB | {rows['Interview']:,} | {rows['Answer']:,} "
            f"| {rows['AnswerChoice']:,} | {rows['Invitation']:,} | {rows['InvitationLink']:,} |"
        )
    return "\n".join(lines)


def section(results: list[Result], departures: int) -> str:
    return f"""{START}
## seed-demo

`exitlens seed-demo --departures {departures} --seed {SEED} --today {TODAY}` on an empty,
freshly migrated database: a fictional organisation ({results[0].rows["Department"]} departments
and managers) with {departures:,} departures, their exit interviews, answers and invitations,
in one transaction. Wall time is measured around the whole process (start-up included); "of which
loading" is the time the command reports for its transaction; peak memory is the process's
maximum resident set size. Same data on both databases.

{table(results, departures)}

Measured {date.today().isoformat()} on {machine(results)}.
Reproduce with `python bench/seed_demo.py --write` (needs PostgreSQL on 127.0.0.1:5432, user
postgres; creates and drops a database of its own).
{END}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--departures", type=int, default=100_000)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only.")
    parser.add_argument("--write", action="store_true", help=f"Rewrite the section in {DOCS}.")
    options = parser.parse_args()

    results = [bench_sqlite(options.departures)]
    print(results[-1].output.strip(), file=sys.stderr)
    if not options.no_postgres:
        results.append(bench_postgres(options.postgres, options.departures))
        print(results[-1].output.strip(), file=sys.stderr)
    print(table(results, options.departures))
    print(f"\n{machine(results)}")
    if options.write:
        write_section(START, END, section(results, options.departures))
        print(f"Wrote {DOCS}")


if __name__ == "__main__":
    main()
