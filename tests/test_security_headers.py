"""A Content-Security-Policy with no inline script; HTTPS settings `check --deploy` knows."""

import os
import subprocess
import sys

import pytest
from django.urls import reverse

STRONG_KEY = "deploy-test-" + "0123456789abcdefghij" * 3


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


@pytest.mark.parametrize("path", ["/login/", "/i/protection/", "/i/no-such-link/"])
def test_every_page_has_a_policy_without_inline_script(client, db, path):
    response = client.get(path)
    directives = policy(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]


def test_the_api_documentation_has_no_inline_script(client, db):
    response = client.get("/api/v1/docs/")
    assert "<script>" not in response.content.decode().replace(" ", "")
    directives = policy(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]  # Swagger UI's own styles


def _deploy_check(tmp_path, **extra) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EXITLENS_")}
    env.update(
        {
            "EXITLENS_DATA_DIR": str(tmp_path),
            "EXITLENS_SECRET_KEY": STRONG_KEY,
            "EXITLENS_SECURE_COOKIES": "true",
            "EXITLENS_BEHIND_HTTPS_PROXY": "true",
            **extra,
        }
    )
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-m", "exitlens", "check", "--deploy"],
        env=env,
        capture_output=True,
        text=True,
    )
    return result.stdout + result.stderr


def test_check_deploy_knows_the_https_settings(tmp_path):
    before = _deploy_check(tmp_path)
    assert "security.W004" in before and "security.W008" in before
    after = _deploy_check(tmp_path, EXITLENS_SSL_REDIRECT="true", EXITLENS_HSTS_SECONDS="31536000")
    assert "security.W004" not in after
    assert "security.W008" not in after


def test_it_redirects_to_https_and_sends_hsts(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 3600
    response = client.get(reverse("login"))
    assert response.status_code == 301
    assert response.url.startswith("https://")
    secure = client.get(reverse("login"), secure=True)
    assert secure["Strict-Transport-Security"] == "max-age=3600"


SERVE = ["-m", "exitlens", "serve", "--port", "1"]


def _settings_with_key(tmp_path, key: str, command=SERVE) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EXITLENS_")}
    env.update({"EXITLENS_DATA_DIR": str(tmp_path), "EXITLENS_SECRET_KEY": key})
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, *command],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("key", "reason"),
    [
        ("short-secret", "12 characters"),
        ("a" * 60, "fewer than 5 different characters"),
        ("django-insecure-" + "x1y2z3" * 10, "django-insecure"),
    ],
)
def test_serve_refuses_a_weak_secret_key(tmp_path, key, reason):
    result = _settings_with_key(tmp_path, key)
    assert result.returncode != 0
    assert "EXITLENS_SECRET_KEY is too weak for production" in result.stderr
    assert reason in result.stderr
    assert "secrets.token_urlsafe" in result.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["-m", "exitlens", "migrate"],
        ["-m", "exitlens", "send-reminders"],
        ["-c", "import exitlens.wsgi"],  # gunicorn or another WSGI server started by hand
    ],
)
def test_every_command_and_the_wsgi_application_refuse_a_weak_secret_key(tmp_path, command):
    result = _settings_with_key(tmp_path, "short-secret", command)
    assert result.returncode != 0
    assert "EXITLENS_SECRET_KEY is too weak for production" in result.stderr
    assert not (tmp_path / "exitlens.sqlite3").exists()  # refused before touching the database
