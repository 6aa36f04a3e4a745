"""Two app servers and one worker on one PostgreSQL, as a larger organisation runs Exitlens.

Real processes: two `exitlens serve`, each with a data folder of its own, and one `exitlens
worker` with a third. HR teaches the theme model through the first server; a leaver submits
through the second, and the worker codes the answer with the model learned through the first.
Both servers then give the same insights, the first one's cache having seen the new leaver.
"""

import http.cookiejar
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.processes import clean_environment, free_port, scratch_database

SERVER = os.environ.get("EXITLENS_DATABASE_URL", "")
pytestmark = pytest.mark.skipif(
    not SERVER.startswith("postgres"), reason="several servers share a PostgreSQL database"
)

PASSWORD = "two servers, one database"
COFFEE = [
    "The coffee machine on our floor was broken for months.",
    "Het koffieapparaat was maandenlang kapot.",
    "The coffee machine was always broken.",
    "Nobody fixed the coffee machine.",
    "Broken coffee machine, every week again.",
]
PROBE = "The coffee machine was broken again and nobody cared."

SETUP = f"""
import django, json
django.setup()
from datetime import timedelta
from django.utils import timezone
from exitlens.api.tokens import issue_token
from exitlens.core.models import Answer, Department, Departure, User
from exitlens.core.services import coding, interviews, invitations

hr = User.objects.create_user("hanna", "hanna@example.org", {PASSWORD!r}, role=User.Role.HR)
support = Department.objects.create(name="Support")
left = timezone.localdate() - timedelta(days=40)

def departure(number):
    return Departure.objects.create(
        department=support, full_name=f"Leaver {{number}}", language="en",
        work_email=f"leaver{{number}}@work.example.org",
        hire_date=left - timedelta(days=900), leave_date=left,
    )

for number, text in enumerate({COFFEE!r}):
    interview = interviews.get_or_create_interview(
        departure(number), mode="interviewer", confidentiality="confidential"
    )
    interviews.save_answers(interview, {{"reason": text}})
    interviews.complete_interview(interview, outcome="exit_confirmed", by=hr)
    answer = Answer.objects.get(interview=interview, question__key="reason")
    coding.review_answer(answer, {{"workload": "negative"}}, sensitive=False, by=hr)

invitations.send_invitation(departure(99), by=hr, confidentiality="confidential")
admin = User.objects.create_user("alice", "alice@example.org", {PASSWORD!r}, role=User.Role.ADMIN)
_token, key = issue_token(
    name="both servers", role="hr", scope="read", expires_in_days=None, by=admin
)
print(json.dumps({{"key": key}}))
"""


def _exitlens(*args) -> list[str]:
    return [sys.executable, "-m", "exitlens", *args]


@pytest.fixture
def database():
    import psycopg

    with scratch_database(SERVER, "exitlens_servers") as url:

        def query(sql: str, *params) -> list[tuple]:
            with psycopg.connect(url) as connection:
                return connection.execute(sql, params).fetchall()

        yield url, query


@pytest.fixture
def environment(database, tmp_path):
    """What every process shares (the database, the key) and a data folder for each."""
    url, _query = database
    shared = clean_environment(
        DJANGO_SETTINGS_MODULE="exitlens.settings",
        EXITLENS_DEBUG="true",  # plain HTTP on 127.0.0.1: cookies without the Secure flag
        EXITLENS_SECRET_KEY="two-servers-" + "0123456789abcdef" * 4,
        EXITLENS_DATABASE_URL=url,
        EXITLENS_TASKS="database",
        EXITLENS_SERVE_WORKER="false",
        EXITLENS_LANGUAGE="en",
    )

    def for_process(name: str) -> dict:
        return {**shared, "EXITLENS_DATA_DIR": str(tmp_path / name)}

    return for_process


def _run(env: dict, *args: str) -> str:
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


class Browser:
    """A user agent with its own cookies, speaking HTTP to one server."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str, headers: dict | None = None) -> tuple[str, str]:
        request = urllib.request.Request(self.base + path, headers=headers or {})  # noqa: S310
        with self.opener.open(request, timeout=60) as response:
            return response.geturl(), response.read().decode()

    def post(self, path: str, form: dict, page: str) -> str:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode({**form, "csrfmiddlewaretoken": token}).encode()
        with self.opener.open(self.base + path, data=data, timeout=120) as response:
            return response.read().decode()

    def wait_until_up(self, process: subprocess.Popen) -> None:
        deadline = time.monotonic() + 180  # collectstatic and gunicorn on a loaded machine
        while True:
            try:
                self.get("/login/")
                return
            except urllib.error.HTTPError:
                raise
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail("exitlens serve did not come up")
                time.sleep(0.3)


def _wait_for(condition, what: str, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"waited {seconds} s for {what}"
        time.sleep(0.2)


def _model_tags(query, text: str) -> set[tuple[str, str]] | None:
    """The model's themes of the answer with this text, or None while it is not coded yet."""
    rows = query(
        "SELECT a.id, a.language FROM core_answer a WHERE a.text = %s AND a.language <> ''", text
    )
    if not rows:
        return None
    return set(
        query(
            "SELECT theme, polarity FROM core_answertheme WHERE answer_id = %s AND source = %s",
            rows[0][0],
            "model",
        )
    )


def _insights(browser: Browser, key: str) -> dict:
    _url, body = browser.get("/api/v1/insights/", {"Authorization": f"Bearer {key}"})
    return json.loads(body)


def test_two_servers_code_with_one_learned_model_and_agree_on_the_insights(database, environment):
    _url, query = database
    _run(environment("first"), *_exitlens("migrate", "--skip-checks", "-v0"))
    output = _run(environment("setup"), sys.executable, "-c", SETUP)
    key = json.loads(output.strip().splitlines()[-1])["key"]
    link = re.search(r"/i/([^/\s]+)/", output).group(1)  # the invitation e-mail, on the console

    first, second = free_port(), free_port()
    processes = [
        subprocess.Popen(
            _exitlens("serve", "--port", str(port), "--workers", "1"),
            env=environment(name),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for name, port in (("first", first), ("second", second))
    ]
    processes.append(
        subprocess.Popen(
            _exitlens("worker", "--skip-checks", "--interval", "0.1"),
            env=environment("worker"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    )
    try:
        hr = Browser(f"http://127.0.0.1:{first}")
        leaver = Browser(f"http://127.0.0.1:{second}")
        hr.wait_until_up(processes[0])
        leaver.wait_until_up(processes[1])

        # The worker codes the reviewed answers with the base model: no workload in them.
        _wait_for(lambda: all(_model_tags(query, text) is not None for text in COFFEE), "coding")
        assert not any(("workload", "negative") in _model_tags(query, text) for text in COFFEE)
        before = _insights(hr, key)  # and the first server caches its insights
        assert before["headline"]["leavers"] == len(COFFEE)

        # HR teaches the model through the first server.
        _url, login_page = hr.get("/login/")
        hr.post("/login/", {"username": "hanna", "password": PASSWORD}, login_page)
        _url, queue_page = hr.get("/coding/")
        learned = hr.post("/coding/learn/", {}, queue_page)
        assert "The model learned from 5 reviewed answers." in learned
        assert query("SELECT reviewed_answers FROM core_learnedmodel") == [(5,)]

        # A leaver submits through the second; the worker codes with the learned model.
        page_url, form = leaver.get(f"/i/{link}/")
        path = urllib.parse.urlsplit(page_url).path
        leaver.post(path, {"action": "submit", "promise": "confidential", "reason": PROBE}, form)
        _wait_for(lambda: _model_tags(query, PROBE) is not None, "the submission's coding")
        assert ("workload", "negative") in _model_tags(query, PROBE)

        # Once the worker has summarised the submission, the first server counts the new
        # leaver (its cache did not keep the old figures), and both servers agree.
        _wait_for(
            lambda: _insights(hr, key)["headline"]["leavers"] == len(COFFEE) + 1, "the summary"
        )
        assert _insights(hr, key) == _insights(leaver, key)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
