"""`serve` ends a request that runs too long, and PostgreSQL cancels a statement that does."""

import copy
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from django.db import OperationalError, connection, connections
from django.db.backends.postgresql.base import DatabaseWrapper

from exitlens.core.management.commands import serve
from tests.processes import free_port

SLOW_SERVER = """
import sys, time
import django
django.setup()
from exitlens.core.management.commands.serve import ExitlensServer, gunicorn_options

FINISHED = sys.argv[2]

def app(environ, start_response):
    if environ["PATH_INFO"] == "/slow":
        time.sleep(30)
        open(FINISHED, "w").write("the slow request ran to its end")
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]

class SlowServer(ExitlensServer):
    def load(self):
        return app

SlowServer(gunicorn_options("127.0.0.1", int(sys.argv[1]), 1, timeout=2)).run()
"""


def test_it_passes_the_time_limit_to_gunicorn(settings):
    settings.EXITLENS_REQUEST_TIMEOUT = 45
    options = serve.gunicorn_options("127.0.0.1", 8000, 3)
    assert options["timeout"] == 45
    assert options["worker_class"] == "sync"  # a threaded worker would not be ended


def test_it_ends_a_request_that_runs_too_long(tmp_path):
    port, finished = free_port(), tmp_path / "finished"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "HOME": str(tmp_path)}
    env.pop("XDG_RUNTIME_DIR", None)
    server = subprocess.Popen(
        [sys.executable, "-c", SLOW_SERVER, str(port), str(finished)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/fast", timeout=5)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("gunicorn did not come up")
                time.sleep(0.2)
        with pytest.raises((urllib.error.URLError, ConnectionError, OSError)):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/slow", timeout=25)
        assert not finished.exists()
        # A fresh worker took its place.
        urllib.request.urlopen(f"http://127.0.0.1:{port}/fast", timeout=10)
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_it_adds_a_statement_timeout_for_postgresql_only():
    postgres = {"ENGINE": "django.db.backends.postgresql", "OPTIONS": {"options": "-c jit=off"}}
    serve.limit_statement_time(postgres, 60)
    assert postgres["OPTIONS"]["options"] == "-c jit=off -c statement_timeout=60000"
    sqlite = {"ENGINE": "django.db.backends.sqlite3", "OPTIONS": {}}
    serve.limit_statement_time(sqlite, 60)
    assert sqlite["OPTIONS"] == {}


@pytest.mark.django_db
def test_postgresql_cancels_a_statement_that_runs_too_long():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    database = copy.deepcopy(connection.settings_dict)
    serve.limit_statement_time(database, 1)
    limited = DatabaseWrapper(database, alias="limited")
    try:
        with limited.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == "1s"
            with pytest.raises(OperationalError, match="statement timeout"):
                cursor.execute("SELECT pg_sleep(5)")
    finally:
        limited.close()


@pytest.mark.django_db(transaction=True)
def test_each_worker_connects_with_the_statement_timeout(settings):
    """What gunicorn's post_fork hook does in every worker, on the connection it then opens."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    settings.EXITLENS_REQUEST_TIMEOUT = 45
    assert serve.gunicorn_options("127.0.0.1", 8000, 1)["post_fork"] is serve._limit_worker
    database = connections["default"].settings_dict
    before = copy.deepcopy(database["OPTIONS"])
    connection.close()
    try:
        serve._limit_worker(server=None, worker=None)
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == "45s"
    finally:
        connection.close()
        database["OPTIONS"] = before
