"""A worker killed with SIGKILL in the middle of coding an interview: the next worker codes it,
and the interview ends with one set of themes.

Real processes on a real database, so nothing here uses the test database of pytest-django: each
test makes its own (an SQLite file in a temporary data folder; on PostgreSQL a database of its
own next to the test one, when EXITLENS_DATABASE_URL names a server).
"""

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.processes import clean_environment, scratch_database

SETUP = """
import django
django.setup()
from datetime import date
from exitlens.core.models import Department, Departure
from exitlens.core.services import interviews
departure = Departure.objects.create(
    department=Department.objects.create(name="Support"),
    full_name="Kim Killed", work_email="kim@work.example.org", language="en",
    hire_date=date(2020, 1, 1), leave_date=date(2026, 10, 31),
)
interview = interviews.get_or_create_interview(
    departure, mode="self_service", confidentiality="confidential"
)
interviews.save_answers(interview, {
    "reason": "My salary was far too low and my manager never listened to me.",
    "attraction": "The team was great and the training budget generous.",
})
print(interview.pk)
"""

THEMES = """
import django, json
django.setup()
from exitlens.core.models import Answer, AnswerTheme
answers = Answer.objects.filter(question__kind="text").exclude(text="")
print(json.dumps({
    "answers": answers.count(),
    "coded": answers.exclude(language="").count(),
    "tags": AnswerTheme.objects.count(),
    "distinct": AnswerTheme.objects.values("answer", "theme").distinct().count(),
}))
"""

CODING_TASKS = (
    "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult"
    " WHERE task_path = 'exitlens.core.services.coding.code_answers_task' ORDER BY enqueued_at"
)


def _databases():
    yield "sqlite"
    if os.environ.get("EXITLENS_DATABASE_URL", "").startswith("postgres"):
        yield "postgresql"


@pytest.fixture(params=list(_databases()))
def world(request, tmp_path):
    """The environment of every process of one test, and a way to read its task table."""
    env = clean_environment(
        DJANGO_SETTINGS_MODULE="exitlens.settings",
        EXITLENS_DEBUG="true",
        EXITLENS_DATA_DIR=str(tmp_path),
        EXITLENS_TASKS="database",
        EXITLENS_TASK_LEASE_SECONDS="2",
        EXITLENS_LANGUAGE="en",
    )
    with contextlib.ExitStack() as stack:
        if request.param == "postgresql":
            import psycopg

            env["EXITLENS_DATABASE_URL"] = stack.enter_context(
                scratch_database(os.environ["EXITLENS_DATABASE_URL"], "exitlens_worker")
            )

            def query(sql):
                with psycopg.connect(env["EXITLENS_DATABASE_URL"]) as connection:
                    return connection.execute(sql).fetchall()
        else:
            database = Path(tmp_path) / "exitlens.sqlite3"

            def query(sql):
                connection = sqlite3.connect(database, timeout=10)
                try:
                    return connection.execute(sql).fetchall()
                finally:
                    connection.close()

        run(env, "migrate", "--skip-checks", "-v0")
        yield env, query


def run(env, *args, timeout=300):
    command = [sys.executable, "-m", "exitlens", *args]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def python(env, code):
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.strip().splitlines()[-1]


def statuses(query):
    """The states of the coding tasks (the worker also enqueues its periodic jobs)."""
    return [row[0] for row in query(CODING_TASKS)]


def test_a_task_killed_midway_is_run_again_by_the_next_worker_and_codes_once(world):
    env, query = world
    python(env, SETUP)
    assert statuses(query) == ["READY"]  # the save enqueued the coding, and coded nothing
    assert json.loads(python(env, THEMES))["coded"] == 0

    first = subprocess.Popen(
        [sys.executable, "-m", "exitlens", "worker", "--skip-checks", "--interval", "0.05"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while statuses(query) != ["RUNNING"]:
            assert time.monotonic() < deadline, "the first worker never took the task"
            assert first.poll() is None, "the first worker ended"
            time.sleep(0.01)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()

    # Killed mid-task: still marked running, nothing of its coding stored.
    assert statuses(query) == ["RUNNING"]
    killed = json.loads(python(env, THEMES))
    assert killed["coded"] == 0 and killed["tags"] == 0

    time.sleep(2.5)  # past EXITLENS_TASK_LEASE_SECONDS: the task counts as lost
    run(env, "worker", "--skip-checks", "--batch")

    assert statuses(query) == ["SUCCESSFUL"]
    workers = query(CODING_TASKS)[0][1]
    assert len(json.loads(workers) if isinstance(workers, str) else workers) == 2
    coded = json.loads(python(env, THEMES))
    assert coded["coded"] == coded["answers"] == 2
    assert coded["tags"] > 0
    assert coded["tags"] == coded["distinct"]  # one set of themes, nothing doubled

    # And a second coding of the same answers (a retry, a duplicate) changes nothing.
    python(
        env,
        "import django; django.setup()\n"
        "from exitlens.core.services import coding\n"
        "from exitlens.core.models import Answer\n"
        "coding.code_answers_task.enqueue(list(Answer.objects.values_list('pk', flat=True)))\n"
        "print('ok')",
    )
    run(env, "worker", "--skip-checks", "--batch")
    assert statuses(query) == ["SUCCESSFUL", "SUCCESSFUL"]
    assert json.loads(python(env, THEMES)) == coded
