"""Benchmark `exitlens import departures` with 100,000 rows on SQLite and PostgreSQL.

    python bench/imports.py [--write] [--rows N] [--database sqlite|postgresql|both]

Each database starts empty and migrated. A generated CSV file of N departures, as an HR system
exports it (Dutch headers, semicolons, day-first dates, Windows-1252), is imported three times,
each a fresh `exitlens` process timed from start to end: a dry run, the import that creates
every departure (and the departments and managers it names), and an import of the same file
with every leave date and job title changed, which updates every departure by its HR id.
"""

import argparse
import os
import platform
import random
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sections import DOCS, write_section

START, END = "<!-- imports:start -->", "<!-- imports:end -->"
POSTGRES = "postgres://postgres@127.0.0.1:5432/"
HEADER = (
    "Personeelsnummer;Naam;Afdeling;Leidinggevende;Functie;Locatie;Datum in dienst;"
    "Datum uit dienst;Reden vertrek;Spijtig verlies;E-mail\n"
)
DEPARTMENTS = [f"Afdeling {n}" for n in range(1, 41)]
TITLES = ["Adviseur", "Teamleider", "Medewerker klantenservice", "Monteur", "Analist", "Planner"]
TYPES = ["Ontslag genomen", "Ontslag", "Einde contract", "Pensioen", "Anders"]


def write_file(path: Path, rows: int, shift_days: int, seed: int = 1) -> None:
    """N departures with ids HR-1.. (the same ids in every file: a second file updates)."""
    pick = random.Random(seed)
    first = date(2024, 1, 1)
    with path.open("w", encoding="cp1252", newline="") as out:
        out.write(HEADER)
        for n in range(1, rows + 1):
            leave = first + timedelta(days=pick.randrange(1000) + shift_days)
            hired = leave - timedelta(days=pick.randrange(30, 9000))
            title = pick.choice(TITLES) + (" senior" if shift_days else "")
            out.write(
                f"HR-{n};Medewerker {n};{pick.choice(DEPARTMENTS)};Leidinggevende "
                f"{pick.randrange(200)};{title};Locatie {pick.randrange(12)};"
                f"{hired:%d-%m-%Y};{leave:%d-%m-%Y};{pick.choice(TYPES)};"
                f"{pick.choice(['ja', 'nee'])};medewerker{n}@werk.example.org\n"
            )


def timed(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    exitlens = str(Path(sys.executable).parent / "exitlens")
    started = time.perf_counter()
    done = subprocess.run([exitlens, *args], env=env, capture_output=True, text=True)  # noqa: S603
    seconds = time.perf_counter() - started
    if done.returncode:
        sys.exit(f"exitlens {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return seconds, done.stdout


def bench(database: str, rows: int, folder: Path) -> dict:
    data_dir = tempfile.mkdtemp(prefix="exitlens-bench-")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EXITLENS_", "DJANGO_"))}
    env |= {"EXITLENS_SECRET_KEY": secrets.token_urlsafe(50), "EXITLENS_DATA_DIR": data_dir}
    env["EXITLENS_LANGUAGE"] = "en"  # the counts are read from the command's English output
    name = f"exitlens_bench_{os.getpid()}"
    if database == "PostgreSQL":
        import psycopg

        with psycopg.connect(POSTGRES + "postgres", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        env["EXITLENS_DATABASE_URL"] = POSTGRES + name
    try:
        timed(["migrate", "--verbosity", "0"], env)
        new, changed = folder / "leavers.csv", folder / "leavers-changed.csv"
        command = ["import", "departures", "--create-departments"]
        dry, _ = timed([*command, str(new), "--dry-run"], env)
        print(f"[{database}] dry run {dry:.1f} s", file=sys.stderr, flush=True)
        create, created = timed([*command, str(new)], env)
        print(f"[{database}] create {create:.1f} s", file=sys.stderr, flush=True)
        update, updated = timed([*command, str(changed)], env)
        print(f"[{database}] update {update:.1f} s", file=sys.stderr, flush=True)
        return {
            "database": database,
            "dry_run": dry,
            "create": create,
            "update": update,
            "created": _count(created, "created"),
            "updated": _count(updated, "updated"),
        }
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
        if database == "PostgreSQL":
            with psycopg.connect(POSTGRES + "postgres", autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _count(output: str, word: str) -> int:
    found = re.search(rf"([\d,]+) {word}", output)
    if not found:
        sys.exit(f"No count of rows {word} in the import's output:\n{output}")
    return int(found.group(1).replace(",", ""))


def table(results: list[dict], rows: int) -> str:
    lines = [
        "| Database | Dry run | Import: create | Import: update | Created, updated | Target |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for r in results:
        met = "met" if max(r["create"], r["update"]) < 60 else "**not met**"
        lines.append(
            f"| {r['database']} | {r['dry_run']:.1f} s | {r['create']:.1f} s | {r['update']:.1f} s"
            f" | {r['created']:,}, {r['updated']:,} | < 60 s: {met} |"
        )
    return "\n".join(lines)


def section(results: list[dict], rows: int, machine: str) -> str:
    return f"""{START}
## Departure import

`python bench/imports.py --write`: a generated CSV file of {rows:,} departures as an HR system
exports it (Dutch headers, semicolons, day-first dates, Windows-1252; {len(DEPARTMENTS)}
departments, 200 managers) imported into an empty, migrated database with `exitlens import
departures FILE --create-departments`. Each time is one `exitlens` process from start to end:
the dry run (read, check, plan), the import that creates every departure, and the import of the
same departures with a changed leave date and job title, which updates every one by its HR id.

{table(results, rows)}

Measured {date.today().isoformat()} on {machine}.
{END}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--write", action="store_true", help=f"Rewrite the section in {DOCS}.")
    options = parser.parse_args()
    databases = {"sqlite": ["SQLite"], "postgresql": ["PostgreSQL"]}.get(
        options.database, ["SQLite", "PostgreSQL"]
    )
    folder = Path(tempfile.mkdtemp(prefix="exitlens-import-"))
    try:
        write_file(folder / "leavers.csv", options.rows, shift_days=0)
        write_file(folder / "leavers-changed.csv", options.rows, shift_days=14)
        results = [bench(database, options.rows, folder) for database in databases]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    machine = f"{os.cpu_count()} CPUs, {platform.machine()}, Python {platform.python_version()}"
    print(f"{table(results, options.rows)}\n\n{machine}")
    if options.write:
        write_section(START, END, section(results, options.rows, machine))
        print(f"Wrote {DOCS}")


if __name__ == "__main__":
    main()
