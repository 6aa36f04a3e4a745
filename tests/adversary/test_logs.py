"""A leaver's personal link opens their interview: its token must never reach a log line.

Only a SHA-256 of each token is stored (exitlens.core.tokens), so logs are where a link could leak:
Django's "Not Found" and "Internal Server Error" lines, the error reports mailed to admins,
runserver's request lines and gunicorn's access and error logs.
"""

import io
import logging
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.servers.basehttp import WSGIRequestHandler
from django.test import Client
from django.utils.log import configure_logging
from gunicorn.config import Config

from exitlens.core.management.commands import serve
from exitlens.leaver import urls as leaver_urls
from tests.processes import free_port

# Looks like a real link token (exitlens.core.tokens) but belongs to no invitation.
UNKNOWN_TOKEN = "Qm9ndXMtdG9rZW4tZm9yLWxvZy10ZXN0cy0wMTIzNDU"
ANSWER = "ANSWER-ONLY-THE-LEAVER-MAY-READ"
ADMINS = [("Operations", "ops@example.org")]


def _all_handlers() -> list[logging.Handler]:
    loggers = [logging.getLogger()] + [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    return [handler for logger in loggers for handler in logger.handlers]


@pytest.fixture(params=[False, True], ids=["production", "debug"])
def log_output(request, settings):
    """All that the handlers of settings.LOGGING write, configured as Django configures them
    (its DEFAULT_LOGGING first, then ours), in production and in debug mode."""
    settings.DEBUG = request.param
    configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
    output = io.StringIO()
    for handler in _all_handlers():
        if isinstance(handler, logging.StreamHandler):
            handler.setStream(output)
    yield output
    configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)


def _admin_mails(mailoutbox, since: int) -> str:
    return "\n".join(
        f"{mail.subject}\n{mail.body}\n{mail.alternatives}" for mail in mailoutbox[since:]
    )


def test_it_logs_not_found_personal_links_without_their_token(client, leaver_token, log_output):
    assert client.get(f"/i/{UNKNOWN_TOKEN}/").status_code == 404
    assert client.get(f"/i/{UNKNOWN_TOKEN}/thanks/?lang=nl").status_code == 404
    assert client.get(f"/i/{leaver_token}x/").status_code == 404
    assert client.get(f"/i/{leaver_token[:30]}/").status_code == 404
    assert client.get("/i/nothing-secret/").status_code == 404

    logged = log_output.getvalue()
    assert "Not Found: /i/[personal link]/" in logged
    assert "Not Found: /i/[personal link]/thanks/" in logged
    assert "Not Found: /i/nothing-secret/" in logged
    assert UNKNOWN_TOKEN not in logged
    assert leaver_token[:30] not in logged


def test_it_logs_refused_posts_to_a_personal_link_without_its_token(leaver_token, log_output):
    client = Client(enforce_csrf_checks=True)
    assert client.post(f"/i/{leaver_token}/", {"action": "save"}).status_code == 403

    logged = log_output.getvalue()
    assert "Forbidden (CSRF cookie not set.): /i/[personal link]/" in logged
    assert leaver_token not in logged


def test_it_reports_a_server_error_on_a_personal_link_without_its_token_or_answers(
    client, leaver_token, log_output, settings, mailoutbox, monkeypatch
):
    def broken(request, token):
        raise RuntimeError("database is locked")

    for pattern in leaver_urls.urlpatterns:
        if pattern.name in ("interview", "thanks"):
            monkeypatch.setattr(pattern, "callback", broken)
    settings.ADMINS = ADMINS
    client.raise_request_exception = False
    sent_before = len(mailoutbox)
    link = f"/i/{leaver_token}/"

    response = client.get(f"{link}?lang=nl", HTTP_REFERER=f"http://testserver{link}")
    assert response.status_code == 500
    response = client.post(link, {"action": "save", "q_1": ANSWER})
    assert response.status_code == 500

    logged = log_output.getvalue()
    assert "Internal Server Error: /i/[personal link]/" in logged
    assert "database is locked" in logged
    assert leaver_token not in logged
    assert ANSWER not in logged
    reports = _admin_mails(mailoutbox, sent_before)
    if settings.DEBUG:
        assert reports == ""
    else:
        assert "Internal Server Error: /i/[personal link]/" in reports
        assert "database is locked" in reports
        assert leaver_token not in reports
        assert ANSWER not in reports


def test_it_reports_a_bad_host_on_a_personal_link_without_its_token(
    client, leaver_token, log_output, settings, mailoutbox
):
    settings.ADMINS = ADMINS
    sent_before = len(mailoutbox)

    response = client.get(f"/i/{leaver_token}/", HTTP_HOST="attacker.example")

    assert response.status_code == 400
    logged = log_output.getvalue()
    assert "Invalid HTTP_HOST header" in logged
    assert leaver_token not in logged
    reports = _admin_mails(mailoutbox, sent_before)
    assert ("Invalid HTTP_HOST header" in reports) is not settings.DEBUG
    assert leaver_token not in reports


def test_it_logs_runserver_requests_without_the_token(log_output):
    handler = SimpleNamespace(request=None, log_date_time_string=lambda: "05/Dec/2026 10:00:00")

    WSGIRequestHandler.log_message(
        handler, '"%s" %s %s', f"GET /i/{UNKNOWN_TOKEN}/?lang=nl HTTP/1.1", "404", "179"
    )

    logged = log_output.getvalue()
    assert '"GET /i/[personal link]/?lang=nl HTTP/1.1" 404 179' in logged
    assert UNKNOWN_TOKEN not in logged


def test_it_hides_tokens_in_encoded_links_and_on_their_own(log_output):
    logger = logging.getLogger("exitlens.test")
    logger.warning("Next: %s", f"/login/?next=%2Fi%2F{UNKNOWN_TOKEN}%2F")
    logger.warning("Token %s in a sentence", UNKNOWN_TOKEN)

    logged = log_output.getvalue()
    assert UNKNOWN_TOKEN not in logged
    assert "Token [personal link] in a sentence" in logged


# gunicorn, as `exitlens serve` configures it.


def _gunicorn_logger(**options):
    config = Config()
    for key, value in {**serve.gunicorn_options("127.0.0.1", 8000, 1), **options}.items():
        config.set(key, value)
    return config.logger_class(config)


def _access(logger, token: str) -> None:
    link = f"/i/{token}/"
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"{link}?lang=nl",
        "PATH_INFO": link,
        "QUERY_STRING": "lang=nl",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_REFERER": f"http://x{link}",
        "HTTP_USER_AGENT": "Mozilla/5.0",
    }
    request = SimpleNamespace(
        headers=[("HOST", "x"), ("REFERER", f"http://x{link}"), ("USER-AGENT", "Mozilla/5.0")]
    )
    response = SimpleNamespace(
        status="302 Found", sent=0, headers=[("Location", f"{link}thanks/?lang=nl")]
    )
    logger.access(response, request, environ, timedelta(milliseconds=12))


def test_it_writes_gunicorn_access_lines_without_the_token(capsys):
    logger = _gunicorn_logger()

    _access(logger, UNKNOWN_TOKEN)

    line = capsys.readouterr().out
    assert '"GET /i/[personal link]/?lang=nl HTTP/1.1" 302' in line
    assert '"http://x/i/[personal link]/"' in line
    assert UNKNOWN_TOKEN not in line


def test_it_hides_the_token_from_every_gunicorn_access_atom(capsys):
    everything = (
        "%(r)s|%(U)s|%(q)s|%(f)s|%({referer}i)s|%({location}o)s|%({raw_uri}e)s|%({path_info}e)s"
    )
    logger = _gunicorn_logger(access_log_format=everything)

    _access(logger, UNKNOWN_TOKEN)

    line = capsys.readouterr().out
    assert "/i/[personal link]/thanks/?lang=nl" in line
    assert UNKNOWN_TOKEN not in line


def test_it_writes_gunicorn_errors_without_the_token(capsys):
    logger = _gunicorn_logger()

    try:
        raise ConnectionResetError(f"peer went away reading /i/{UNKNOWN_TOKEN}/")
    except ConnectionResetError:
        logger.exception("Error handling request %s", f"/i/{UNKNOWN_TOKEN}/")

    logged = capsys.readouterr().err
    assert "Error handling request /i/[personal link]/" in logged
    assert UNKNOWN_TOKEN not in logged


SERVE = """
import sys
import django

django.setup()
from exitlens.core.management.commands.serve import run_server

run_server("127.0.0.1", int(sys.argv[1]), 1)
"""


def test_it_serves_personal_links_with_gunicorn_without_logging_the_token(tmp_path):
    """gunicorn as `exitlens serve` runs it (its options, Django's logging), without the
    collectstatic and theme model `serve` also prepares."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "exitlens.settings",
        "EXITLENS_DATA_DIR": str(tmp_path / "data"),
        "EXITLENS_DATABASE_URL": "sqlite://",
        "EXITLENS_SECRET_KEY": "log-test-key-" + "0123456789abcdef" * 4,
        "EXITLENS_DEBUG": "false",
        "HOME": str(tmp_path),  # gunicorn's control socket
    }
    env.pop("XDG_RUNTIME_DIR", None)
    exitlens = [sys.executable, "-m", "exitlens"]
    subprocess.run([*exitlens, "migrate"], env=env, check=True, capture_output=True)
    port = free_port()
    log = tmp_path / "server.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-c", SERVE, str(port)], env=env, stdout=out, stderr=out
        )
    link = f"http://127.0.0.1:{port}/i/{UNKNOWN_TOKEN}/"
    request = urllib.request.Request(f"{link}?lang=nl", headers={"Referer": link})  # noqa: S310
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(request, timeout=10)  # noqa: S310 (local test server)
            except urllib.error.HTTPError as error:
                assert error.code == 404
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("gunicorn did not come up:\n" + log.read_text())
                time.sleep(0.2)
        time.sleep(0.5)  # the access line is written after the response
    finally:
        server.terminate()
        server.wait(timeout=20)

    logged = log.read_text()
    assert "Not Found: /i/[personal link]/" in logged
    assert '"GET /i/[personal link]/?lang=nl HTTP/1.1" 404' in logged
    assert UNKNOWN_TOKEN not in logged
