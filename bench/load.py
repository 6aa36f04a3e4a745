"""Load test: leavers answer their exit interview through `exitlens serve` on PostgreSQL.

    python bench/load.py [--write] [--departures 100000] [--concurrency 1,8,32] [--leavers 300]
    python bench/load.py --reuse            # keep the seeded database of an earlier run

Set-up: a database of its own (exitlens_load; dropped and created again unless --reuse finds it
seeded), `exitlens migrate` and `seed-demo`, an HR user and a viewer, and one fresh self-service
invitation per simulated leaver, made by `send_invitation` as HR would (the link is read from the
e-mail, caught in memory). Tasks the set-up left in the queue are worked off with `exitlens
worker --batch`. Then `exitlens serve` runs with its defaults (web workers as it chooses, and the
task worker it starts itself) on a free port, until the script ends, Ctrl-C or not.

Each simulated leaver is a thread with its own HTTP session: it opens its link (the interview
page), fills in the form it finds there (free text of a few sentences in the interview's
language, a choice for every other question), submits and follows to the thank-you page, with no
pause in between. The leavers of a run are worked by N threads at once (the concurrency). While
more than one leaver answers, readers signed in as HR and as viewer request the insights
dashboard without pause. After each run the script waits until the worker has coded every
submitted text answer and reports the lag from submission (Interview.completed_at) to coding
(the last Answer.coded_at of the interview).
"""

import argparse
import contextlib
import html.parser
import os
import platform
import queue
import random
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import psycopg
import requests
from sections import DOCS, write_section

START, END = "<!-- load:start -->", "<!-- load:end -->"
TODAY = "2026-11-26"
POSTGRES = "postgres://postgres@127.0.0.1:5432/"
PASSWORD = "load-bench-" + secrets.token_urlsafe(12)  # throwaway users
WARMUP = 2  # leavers before the runs, while the task worker loads its model
TIMEOUT = 90  # seconds a request may take before it counts as an error
TARGETS = {"throughput_at": 8, "throughput": 20.0, "submit_at": 32, "submit_p95": 1.0, "lag": 10.0}

# A few sentences per language; each text answer joins two or three of them at random.
SENTENCES = {
    "en": [
        "My manager rarely gave feedback and I never knew where I stood.",
        "The pay was below what other companies offered for the same role.",
        "I enjoyed working with my colleagues, they were always willing to help.",
        "There was no clear path to grow into a senior position.",
        "The workload kept increasing after two people left and were not replaced.",
        "I was offered a job closer to home with more flexible hours.",
        "Training was good in the first year but stopped after the reorganisation.",
        "Decisions from top management were poorly explained to the teams.",
        "Working from home two days a week made a big difference for my family.",
        "The atmosphere in the team became tense during the last few months.",
    ],
    "nl": [
        "Mijn leidinggevende gaf zelden feedback en ik wist nooit waar ik stond.",
        "Het salaris lag onder wat andere werkgevers voor dezelfde functie bieden.",
        "Ik werkte graag met mijn collega's, ze hielpen altijd.",
        "Er was geen duidelijk pad om door te groeien naar een senior functie.",
        "De werkdruk bleef stijgen nadat twee collega's vertrokken en niet vervangen werden.",
        "Ik kreeg een baan dichter bij huis aangeboden met flexibelere werktijden.",
        "De opleidingen waren het eerste jaar goed, maar stopten na de reorganisatie.",
        "Besluiten van de directie werden slecht uitgelegd aan de teams.",
        "Twee dagen per week thuiswerken maakte veel verschil voor mijn gezin.",
        "De sfeer in het team werd de laatste maanden gespannen.",
    ],
    "de": [
        "Meine Vorgesetzte gab selten Feedback und ich wusste nie, wo ich stand.",
        "Das Gehalt lag unter dem, was andere Firmen für dieselbe Stelle zahlen.",
        "Mit den Kollegen habe ich gern gearbeitet, sie waren immer hilfsbereit.",
        "Es gab keinen klaren Weg, sich zu einer Senior-Position zu entwickeln.",
        "Die Arbeitslast stieg, nachdem zwei Leute gingen und nicht ersetzt wurden.",
        "Mir wurde eine Stelle näher an meinem Wohnort mit flexibleren Zeiten angeboten.",
        "Die Schulungen waren im ersten Jahr gut, hörten nach der Umstrukturierung aber auf.",
        "Entscheidungen der Geschäftsleitung wurden den Teams schlecht erklärt.",
        "Zwei Tage Homeoffice pro Woche haben meiner Familie sehr geholfen.",
        "Die Stimmung im Team wurde in den letzten Monaten angespannt.",
    ],
    "es": [
        "Mi jefe casi nunca daba feedback y nunca sabía cómo lo estaba haciendo.",
        "El sueldo estaba por debajo de lo que ofrecen otras empresas por el mismo puesto.",
        "Me gustaba trabajar con mis compañeros, siempre estaban dispuestos a ayudar.",
        "No había un camino claro para crecer hacia un puesto sénior.",
        "La carga de trabajo siguió aumentando cuando dos personas se fueron y no las sustituyeron.",
        "Me ofrecieron un trabajo más cerca de casa con un horario más flexible.",
        "La formación fue buena el primer año, pero se acabó tras la reorganización.",
        "La dirección explicaba mal sus decisiones a los equipos.",
        "Teletrabajar dos días por semana marcó una gran diferencia para mi familia.",
        "El ambiente en el equipo se volvió tenso en los últimos meses.",
    ],
}


class ServerGone(Exception):
    pass


# ---------------------------------------------------------------- set-up


def exitlens() -> str:
    return str(Path(sys.executable).with_name("exitlens"))


def run(args: list[str], env: dict[str, str]) -> str:
    """An exitlens command."""
    done = subprocess.run(  # noqa: S603  (our own command)
        [exitlens(), *args], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode:
        sys.exit(f"exitlens {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def admin_connection(server: str) -> psycopg.Connection:
    try:
        return psycopg.connect(server + "postgres", autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        sys.exit(
            f"PostgreSQL is not reachable at {server} ({str(error).strip()}).\n"
            "Start it, or pass --postgres postgres://user@host:port/ (trust or .pgpass auth)."
        )


def seeded_departures(url: str) -> int:
    """How many departures the database holds; 0 if it has no Exitlens tables."""
    try:
        with psycopg.connect(url, connect_timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM core_departure").fetchone()[0]
    except psycopg.Error:
        return 0


def prepare_database(options, env: dict[str, str]) -> str:
    """Migrate and seed a fresh database, or keep the one an earlier run seeded (--reuse)."""
    name = options.database
    url = options.postgres + name
    with admin_connection(options.postgres) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if options.reuse and exists and seeded_departures(url) >= options.departures:
            log(f"reusing {name} ({seeded_departures(url):,} departures)")
            run(["migrate", "--verbosity", "0"], env)
            return "seed-demo, kept from an earlier run of this script (--reuse)"
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    log(f"created {name}; migrate and seed-demo --departures {options.departures}")
    run(["migrate", "--verbosity", "0"], env)
    started = time.perf_counter()
    seed = [f"--departures={options.departures}", f"--seed={options.seed}", f"--today={TODAY}"]
    run(["seed-demo", *seed], env)
    seeded = "seed-demo"
    log(f"seeded in {time.perf_counter() - started:.0f} s")
    return seeded


def setup_django(env: dict[str, str]) -> None:
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "exitlens.settings"
    import django

    django.setup()
    from django.conf import settings

    # The invitations' e-mails stay in memory, where the links are read from.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def make_users() -> None:
    from exitlens.core.models import User

    for username, role in (("load-hr", User.Role.HR), ("load-viewer", User.Role.VIEWER)):
        user, _created = User.objects.get_or_create(username=username, defaults={"role": role})
        user.role = role
        user.is_active = True
        user.set_password(PASSWORD)
        user.save()


def make_invitations(count: int) -> list[tuple[str, int]]:
    """Invite `count` departures that have no interview yet, as HR does on the departure page:
    (link token, departure id) for each."""
    from django.core import mail
    from django.db.models import Q

    from exitlens.core.models import Departure, User
    from exitlens.core.services.invitations import send_invitation

    hr = User.objects.get(username="load-hr")
    candidates = (
        Departure.objects.filter(interview__isnull=True, responded_anonymously=False)
        .filter(~Q(personal_email="") | ~Q(work_email=""))
        .order_by("pk")
    )
    chosen = list(candidates[:count])
    if len(chosen) < count:
        sys.exit(f"Only {len(chosen)} departures without an interview; need {count}.")
    links = []
    for departure in chosen:
        mail.outbox = []
        # Confidential, not anonymous: an anonymous interview is sealed and coded only once its
        # batch is released, so its lag would measure the batch, not the queue.
        send_invitation(departure, by=hr, confidentiality="confidential")
        token = re.search(r"/i/([A-Za-z0-9_-]{43})/", mail.outbox[-1].body).group(1)
        links.append((token, departure.pk))
    return links


def drain_queue(env: dict[str, str]) -> tuple[int, int, float] | None:
    """Work off the tasks left in the queue (seed-demo enqueues the coding of the anonymous
    answers it releases) with `exitlens worker --batch`, so that the runs start with an empty
    queue: (tasks, answers to code, seconds), or None when it was empty. No other worker uses
    this database, so a task left running by an interrupted run is taken up at once."""
    from django.db import connection
    from django_tasks_db.models import DBTaskResult

    pending = DBTaskResult.objects.filter(status__in=["READY", "RUNNING"])
    tasks = pending.count()
    if not tasks:
        return None
    answers = sum(
        len(args_kwargs["args"][0])
        for path, args_kwargs in pending.values_list("task_path", "args_kwargs")
        if path.endswith(".code_answers_task")
    )
    connection.close()
    log(f"the queue holds {tasks} tasks ({answers:,} answers to code); working them off first")
    started = time.perf_counter()
    run(["worker", "--batch"], env | {"EXITLENS_TASK_LEASE_SECONDS": "1"})
    return tasks, answers, time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`exitlens serve` in its own process group (its task worker with it), stopped on exit."""

    def __init__(self, env: dict[str, str], log_path: Path, deploy_checks: bool) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.log = log_path.open("w")
        args = [exitlens(), "serve", "--port", str(self.port)]
        if not deploy_checks:
            args.append("--no-deploy-checks")  # plain HTTP on 127.0.0.1
        self.process = subprocess.Popen(  # noqa: S603
            args,
            env=env | {"EXITLENS_SITE_URL": self.url},
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_until_up(self, seconds: float = 180) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerGone(f"exitlens serve exited:\n{self.log_path.read_text()[-3000:]}")
            try:
                if requests.get(self.url + "/login/", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise ServerGone(f"exitlens serve did not answer within {seconds:.0f} s")

    def processes(self) -> str:
        """The serve process group, as `ps` sees it: the web and task workers that serve made."""
        done = subprocess.run(  # noqa: S603
            ["ps", "-o", "pid,args", "--no-headers", "-g", str(self.process.pid)],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        )
        return done.stdout

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # serve stops gunicorn and its task worker
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=40)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)  # whatever of its group is left
        self.log.close()


# ---------------------------------------------------------------- leavers and readers


class FormReader(html.parser.HTMLParser):
    """The fields of the page's POST form: hidden values, radio and checkbox options, textareas."""

    def __init__(self) -> None:
        super().__init__()
        self.in_form = False
        self.hidden: dict[str, str] = {}
        self.radios: dict[str, list[str]] = {}
        self.checkboxes: dict[str, list[str]] = {}
        self.textareas: list[str] = []
        self.action: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self.in_form = True
            self.action = attrs.get("action")
        elif not self.in_form:
            return
        elif tag == "input" and attrs.get("name"):
            kind, name = attrs.get("type", "text"), attrs["name"]
            if kind == "hidden":
                self.hidden[name] = attrs.get("value", "")
            elif kind == "radio":
                self.radios.setdefault(name, []).append(attrs.get("value", ""))
            elif kind == "checkbox":
                self.checkboxes.setdefault(name, []).append(attrs.get("value", ""))
        elif tag == "textarea" and attrs.get("name"):
            self.textareas.append(attrs["name"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.in_form = False


def answers(form: FormReader, language: str, rng: random.Random) -> dict:
    sentences = SENTENCES.get(language, SENTENCES["en"])
    data: dict[str, object] = dict(form.hidden)
    for name in form.textareas:
        data[name] = " ".join(rng.sample(sentences, rng.randint(2, 3)))
    for name, values in form.radios.items():
        data[name] = rng.choice(values)
    for name, values in form.checkboxes.items():
        data[name] = rng.sample(values, min(len(values), rng.randint(1, 2)))
    data["action"] = "submit"
    return data


@dataclass
class Run:
    concurrency: int
    leavers: int
    departure_ids: list[int] = field(default_factory=list)
    load: list[float] = field(default_factory=list)
    submit: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    insights: list[float] = field(default_factory=list)
    insights_errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    lag: list[float] = field(default_factory=list)
    uncoded: int = 0
    drained_after: float = 0.0
    cpu_busy: float = 0.0  # share of both cores in use during the run, all processes

    @property
    def submitted(self) -> int:
        return len(self.submit)


def leaver(base: str, token: str, run_: Run, lock: threading.Lock) -> None:
    rng = random.Random(token)  # different answers for each leaver, the same on every run
    with requests.Session() as session:
        page = f"{base}/i/{token}/"
        started = time.perf_counter()
        response = session.get(page, timeout=TIMEOUT)
        loaded = time.perf_counter() - started
        if response.status_code != 200:
            raise RuntimeError(f"interview page: HTTP {response.status_code}")
        form = FormReader()
        form.feed(response.text)
        if "csrfmiddlewaretoken" not in form.hidden or not form.textareas:
            raise RuntimeError("interview page: no answer form found")
        language = response.headers.get("Content-Language", "en")
        started = time.perf_counter()
        response = session.post(
            base + (form.action or f"/i/{token}/"),
            data=answers(form, language, rng),
            headers={"Referer": page},
            timeout=TIMEOUT,
        )
        submitted = time.perf_counter() - started
        if response.status_code != 200 or "/thanks/" not in response.url:
            raise RuntimeError(f"submit: HTTP {response.status_code} at {response.url[-40:]}")
    with lock:
        run_.load.append(loaded)
        run_.submit.append(submitted)


def sign_in(base: str, username: str) -> requests.Session:
    session = requests.Session()
    page = session.get(base + "/login/", timeout=TIMEOUT)
    form = FormReader()
    form.feed(page.text)
    data = form.hidden | {"username": username, "password": PASSWORD}
    response = session.post(
        base + "/login/", data=data, headers={"Referer": base + "/login/"}, timeout=TIMEOUT
    )
    if "/login/" in response.url:
        raise RuntimeError(f"{username} could not sign in (HTTP {response.status_code})")
    return session


def reader(
    base: str, username: str, pause: float, run_: Run, stop: threading.Event, lock: threading.Lock
):
    try:
        session = sign_in(base, username)
    except (requests.RequestException, RuntimeError) as error:
        with lock:
            run_.insights_errors.append(f"sign-in: {error}")
        return
    while not stop.is_set():
        started = time.perf_counter()
        try:
            response = session.get(base + "/insights/", timeout=TIMEOUT)
            ok = response.status_code == 200
            error = f"HTTP {response.status_code}"
        except requests.RequestException as exc:
            ok, error = False, type(exc).__name__
        seconds = time.perf_counter() - started
        if ok:
            with lock:
                run_.insights.append(seconds)
        else:
            with lock:
                run_.insights_errors.append(error)
        stop.wait(pause if ok else max(pause, 1))


def cpu_times() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs since boot, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return sum(values) - idle, sum(values)


def busy_share(seconds: float) -> float:
    """Share of the CPUs in use over `seconds`, by anything."""
    busy, total = cpu_times()
    time.sleep(seconds)
    busy2, total2 = cpu_times()
    return (busy2 - busy) / max(1, total2 - total)


def load_run(
    base: str, run_: Run, links: list[tuple[str, int]], readers: int, pause: float = 0
) -> None:
    lock, stop = threading.Lock(), threading.Event()
    work: queue.Queue = queue.Queue()
    for token, departure_id in links:
        work.put(token)
        run_.departure_ids.append(departure_id)

    def worker() -> None:
        while True:
            try:
                token = work.get_nowait()
            except queue.Empty:
                return
            try:
                leaver(base, token, run_, lock)
            except (requests.RequestException, RuntimeError) as error:
                with lock:
                    run_.errors.append(f"{type(error).__name__}: {error}"[:160])

    users = ["load-hr", "load-viewer"] if run_.concurrency > 1 else []
    reading = [
        threading.Thread(
            target=reader, args=(base, users[i % 2], pause, run_, stop, lock), daemon=True
        )
        for i in range(readers if users else 0)
    ]
    for thread in reading:
        thread.start()
    leavers = [threading.Thread(target=worker, daemon=True) for _ in range(run_.concurrency)]
    busy, total = cpu_times()
    started = time.perf_counter()
    for thread in leavers:
        thread.start()
    for thread in leavers:
        thread.join()
    run_.seconds = time.perf_counter() - started
    busy2, total2 = cpu_times()
    run_.cpu_busy = (busy2 - busy) / max(1, total2 - total)
    stop.set()
    for thread in reading:
        thread.join(timeout=TIMEOUT)


def wait_for_coding(run_: Run, timeout: float) -> None:
    """Wait until every text answer of the run's submitted interviews is coded; then the lag
    from each interview's submission to the coding of its last answer."""
    from django.db import close_old_connections
    from django.db.models import Count, Max, Q

    from exitlens.core.models import Interview, Question

    started = time.monotonic()
    while True:
        close_old_connections()
        interviews = Interview.objects.filter(
            departure_id__in=run_.departure_ids, status=Interview.Status.COMPLETED
        ).annotate(
            texts=Count("answers", filter=Q(answers__question__kind=Question.Kind.TEXT)),
            coded=Count(
                "answers",
                filter=Q(
                    answers__question__kind=Question.Kind.TEXT, answers__coded_at__isnull=False
                ),
            ),
            last_coded=Max("answers__coded_at"),
        )
        rows = list(interviews.values_list("completed_at", "texts", "coded", "last_coded"))
        waiting = sum(1 for _done, texts, coded, _last in rows if coded < texts)
        if not waiting or time.monotonic() - started > timeout:
            break
        time.sleep(0.5)
    run_.drained_after = time.monotonic() - started
    run_.uncoded = waiting
    # The answers are saved, and their coding enqueued, just before the submit's transaction:
    # a worker that codes them at once can finish before it commits (a lag of 0).
    run_.lag = [
        max(0.0, (last - done).total_seconds())
        for done, texts, coded, last in rows
        if texts and coded == texts
    ]


def failed_tasks() -> int:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(status="FAILED").count()


# ---------------------------------------------------------------- report


def pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(q * 100) - 1]


def ms(value: float | None) -> str:
    return "–" if value is None else f"{value * 1000:,.0f} ms"


def secs(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f} s"


def table(runs: list[Run]) -> str:
    lines = [
        "| Leavers at once | Leavers | Submissions/s | Load p50 | Load p95 | Submit p50 "
        "| Submit p95 | Errors | Insights p50 | Insights p95 (requests) | Lag p50 | Lag p95 "
        "| CPU busy |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in runs:
        insights = f"{ms(pct(r.insights, 0.95))} ({len(r.insights)})" if r.insights else "–"
        if r.insights_errors:
            insights += f", {len(r.insights_errors)} failed"
        lines.append(
            f"| {r.concurrency} | {r.submitted:,} | {r.submitted / r.seconds:.1f} "
            f"| {ms(pct(r.load, 0.5))} | {ms(pct(r.load, 0.95))} "
            f"| {ms(pct(r.submit, 0.5))} | {ms(pct(r.submit, 0.95))} | {len(r.errors)} "
            f"| {ms(pct(r.insights, 0.5))} | {insights} "
            f"| {secs(pct(r.lag, 0.5))} | {secs(pct(r.lag, 0.95))}"
            f"{f' ({r.uncoded} not coded)' if r.uncoded else ''} | {r.cpu_busy:.0%} |"
        )
    return "\n".join(lines)


def targets(runs: list[Run]) -> str:
    by = {r.concurrency: r for r in runs}
    rows = []

    def row(label: str, wanted: str, value: str | None, met: bool | None) -> None:
        verdict = "not measured" if met is None else ("yes" if met else "**no**")
        rows.append(f"| {label} | {wanted} | {value or '–'} | {verdict} |")

    at, want = TARGETS["throughput_at"], TARGETS["throughput"]
    r = by.get(at)
    rate = r.submitted / r.seconds if r else None
    row(f"Submissions/s at {at}", f"≥ {want:.0f}", r and f"{rate:.1f}", r and rate >= want)
    at, want = TARGETS["submit_at"], TARGETS["submit_p95"]
    r = by.get(at)
    p95 = r and pct(r.submit, 0.95)
    row(
        f"Submit p95 at {at}",
        f"< {want:.0f} s",
        r and ms(p95),
        r and p95 is not None and p95 < want,
    )
    want = TARGETS["lag"]
    r = by.get(TARGETS["submit_at"])
    lag = r and pct(r.lag, 0.95)
    row(
        f"Queue lag p95 at {TARGETS['submit_at']}",
        f"< {want:.0f} s",
        r and secs(lag),
        r and lag is not None and lag < want and not r.uncoded,
    )
    return "\n".join(
        ["| Target (issue 12) | Wanted | Measured | Met |", "|---|---|---:|---|", *rows]
    )


def command(options) -> str:
    """This run's command line, every option spelt out, without --write and --reuse."""
    return (
        f"python bench/load.py --departures {options.departures} --leavers {options.leavers} "
        f"--concurrency {options.concurrency} --readers {options.readers} "
        f"--reader-pause {options.reader_pause:g}"
        + (f" --seed {options.seed}" if options.seed != 1 else "")
    )


def backlog(found: tuple[int, int, float] | None) -> str:
    if not found:
        return "The queue was empty when the server started."
    tasks, answers, seconds = found
    return (
        f"The queue held {tasks} tasks from the set-up (seed-demo and the invitations; "
        f"{answers:,} answers to code), worked off by `exitlens worker --batch` in "
        f"{seconds:.0f} s before the server started."
    )


def machine(facts: dict) -> str:
    return (
        f"{os.cpu_count()} CPUs (nproc), {platform.machine()}, Python "
        f"{platform.python_version()}, Django {facts['django']}, PostgreSQL {facts['postgres']}"
    )


def section(runs: list[Run], facts: dict, options) -> str:
    errors = sum(len(r.errors) for r in runs)
    return f"""{START}
## Leavers under load

`{command(options)}`: PostgreSQL seeded by `exitlens seed-demo` with
{facts["departures"]:,} departures ({facts["interviews"]:,} interviews), then `exitlens serve`
with its defaults ({facts["web_workers"]} web workers, {facts["task_workers"]} task worker started by serve), on
the same machine as the database and the simulated leavers. Each leaver has a fresh confidential
self-service invitation made by `send_invitation`; it opens its link (load: the interview page's
HTML), fills in every question (two or three sentences of free text in the interview's language
per text question, a choice for the others) and submits at once, following to the thank-you page
(submit: the POST and the thank-you page). "Leavers at once" threads each take the next
leaver until all are done; submissions/s is leavers done divided by the run's wall time. While
more than one leaver answers, {options.readers} readers (HR and viewer, signed in) request the
insights dashboard, {f"{options.reader_pause:g} s apart" if options.reader_pause else "without pause"}. Lag: from the interview's submission (`completed_at`) to the
coding of its last text answer (`Answer.coded_at`, written by the task worker). CPU busy is the
share of both cores in use during the run, by anything (the leavers' threads included); before
the server started, {facts["busy_before"]:.0%} of them were in use by other work.

{table(runs)}

{targets(runs)}

{"Every leaver got through." if not errors else f"{errors} leavers failed; see the script's output."}
Tasks failed in the queue: {facts["failed_tasks"]}. `exitlens serve` answered
{facts["start_s"]:.0f} s after it was started (static files, the theme model). The task worker
loads the theme model at its first task, so the first answers after a start waited
{secs(facts["cold_lag"])} for their coding ({WARMUP} leavers before the runs, not counted).
The data: {facts["seeded"]}. {backlog(facts["backlog"])}

Measured {date.today().isoformat()} on {machine(facts)}.
Reproduce with the command above and `--write` (needs PostgreSQL on 127.0.0.1:5432, user postgres;
makes the database `{options.database}` and keeps it for `--reuse`).
{END}
"""


def log(message: str) -> None:
    print(
        f"[load {time.strftime('%H:%M:%S', time.gmtime())} UTC] {message}",
        file=sys.stderr,
        flush=True,
    )


# ---------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--departures", type=int, default=100_000)
    parser.add_argument("--leavers", type=int, default=300, help="Leavers per concurrency.")
    parser.add_argument("--concurrency", default="1,8,32", help="Comma-separated, e.g. 1,8,32.")
    parser.add_argument("--readers", type=int, default=2, help="Insights readers during a run.")
    parser.add_argument("--seed", type=int, default=1, help="seed-demo's random seed.")
    parser.add_argument(
        "--reader-pause", type=float, default=0, help="Seconds a reader waits between requests."
    )
    parser.add_argument("--reuse", action="store_true", help="Keep a database seeded before.")
    parser.add_argument("--database", default="exitlens_load")
    parser.add_argument("--postgres", default=POSTGRES)
    parser.add_argument(
        "--lag-timeout", type=float, default=600, help="Seconds to wait for coding."
    )
    parser.add_argument(
        "--deploy-checks", action="store_true", help="Serve without --no-deploy-checks."
    )
    parser.add_argument("--write", action="store_true", help=f"Rewrite the section in {DOCS}.")
    options = parser.parse_args()
    options.postgres = options.postgres.rstrip("/") + "/"
    try:
        levels = [int(level) for level in options.concurrency.split(",")]
    except ValueError:
        parser.error("--concurrency takes numbers separated by commas, e.g. 1,8,32")
    if any(level < 1 for level in levels) or options.leavers < 1:
        parser.error("--concurrency and --leavers must be at least 1")

    admin_connection(options.postgres).close()  # a clear message if PostgreSQL is down
    data_dir = Path(tempfile.gettempdir()) / f"exitlens-{options.database}"  # kept for --reuse
    data_dir.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EXITLENS_", "DJANGO_"))}
    env |= {
        "EXITLENS_SECRET_KEY": secrets.token_urlsafe(50),  # throwaway, for this run only
        "EXITLENS_DATA_DIR": str(data_dir),
        "EXITLENS_DATABASE_URL": options.postgres + options.database,
    }
    facts = {"seeded": prepare_database(options, env)}
    setup_django(env)
    make_users()
    needed = options.leavers * len(levels) + WARMUP
    log(f"inviting {needed:,} leavers")
    links = make_invitations(needed)

    from django.db import connection

    from exitlens.core.models import Departure, Interview

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        import django

        facts |= {
            "postgres": cursor.fetchone()[0].split()[0],
            "django": django.get_version(),
            "departures": Departure.objects.count(),
            "interviews": Interview.objects.count(),
        }
    failed_before = failed_tasks()
    facts["backlog"] = drain_queue(env)
    if facts["backlog"]:
        log("worked off in {2:.0f} s".format(*facts["backlog"]))
    connection.close()

    facts["busy_before"] = busy_share(5)
    log(
        f"CPU in use before the run, over 5 s: {facts['busy_before']:.0%} of {os.cpu_count()} cores"
    )
    # A `kill` of this script stops the server too (the finally below), as Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    server = Server(env, data_dir / "serve.log", options.deploy_checks)
    runs: list[Run] = []
    try:
        started = time.perf_counter()
        server.wait_until_up()
        facts["start_s"] = time.perf_counter() - started
        processes = server.processes()
        facts["task_workers"] = sum(line.endswith(" worker") for line in processes.splitlines())
        log(f"serving at {server.url} after {facts['start_s']:.0f} s:\n{processes.rstrip()}")
        # The task worker loads the theme model at its first task: the first leavers' coding
        # waits for that once after a start. Measured here, apart from the runs.
        warm = Run(1, WARMUP)
        load_run(server.url, warm, links[:WARMUP], 0)
        wait_for_coding(warm, options.lag_timeout)
        facts["cold_lag"] = max(warm.lag, default=None)
        log(f"warm-up: {warm.submitted} leavers, coded after {secs(facts['cold_lag'])}")
        links = links[WARMUP:]
        for index, level in enumerate(levels):
            batch = links[index * options.leavers : (index + 1) * options.leavers]
            run_ = Run(level, options.leavers)
            log(f"{options.leavers} leavers, {level} at once")
            load_run(server.url, run_, batch, options.readers, options.reader_pause)
            log(f"done in {run_.seconds:.1f} s; waiting for the coding")
            wait_for_coding(run_, options.lag_timeout)
            runs.append(run_)
            log(
                f"{run_.submitted} submitted, {len(run_.errors)} errors, "
                f"coded {run_.drained_after:.1f} s after the last ({run_.uncoded} still uncoded)"
            )
            for error in sorted(set(run_.errors))[:5]:
                log(f"  error: {error}")
            if server.process.poll() is not None:
                raise ServerGone("exitlens serve exited during the run")
    except KeyboardInterrupt:
        log("interrupted")
        sys.exit(130)
    finally:
        server.stop()
        log(f"server stopped; its log: {server.log_path}")
    facts["failed_tasks"] = failed_tasks() - failed_before
    served = server.log_path.read_text(errors="replace")
    failures = served.count("Traceback")
    facts["web_workers"] = served.count("Booting worker with pid")  # gunicorn's, at start

    print(table(runs))
    print()
    print(targets(runs))
    print(f"\nTasks failed: {facts['failed_tasks']}; tracebacks in the server log: {failures}")
    print(backlog(facts["backlog"]))
    print(
        f"Server up after {facts['start_s']:.0f} s; first coding after start {secs(facts['cold_lag'])}"
    )
    print(f"CPU in use by other work before the run: {facts['busy_before']:.0%}")
    print(machine(facts))
    if options.write:
        write_section(START, END, section(runs, facts, options))
        print(f"Wrote {DOCS}")


if __name__ == "__main__":
    main()
