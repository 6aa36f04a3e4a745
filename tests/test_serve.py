import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from exitlens.core.management.commands import serve
from tests.processes import free_port


def _exitlens(*args, env):
    return [sys.executable, "-m", "exitlens", *args]


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (local test server)
        return response.status, response.read().decode()


def test_it_serves_pages_and_static_files_with_gunicorn(tmp_path):
    env = {
        **os.environ,
        "EXITLENS_DATA_DIR": str(tmp_path),
        "EXITLENS_SECRET_KEY": "serve-test-key-" + "0123456789abcdef" * 4,
        "EXITLENS_DATABASE_URL": "sqlite://",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    subprocess.run(_exitlens("migrate", env=env), env=env, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        _exitlens("serve", "--port", str(port), "--workers", "1", env=env),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 120  # a loaded two-core machine
        while True:
            try:
                status, page = _get(f"http://127.0.0.1:{port}/login/")
                break
            except urllib.error.HTTPError:
                raise
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("exitlens serve did not come up")
                time.sleep(0.3)
        assert status == 200
        assert 'name="username"' in page
        stylesheet = re.search(r'href="(/static/exitlens/css/exitlens\.[0-9a-f]+\.css)"', page)
        assert stylesheet, "static files are served with hashed names in production"
        css_status, css = _get(f"http://127.0.0.1:{port}{stylesheet.group(1)}")
        assert css_status == 200
        assert "--brand" in css
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert (tmp_path / "static" / "staticfiles.json").exists()


def test_it_builds_the_gunicorn_bind_address():
    assert serve.gunicorn_options("127.0.0.1", 8000, 3)["bind"] == "127.0.0.1:8000"
    assert serve.gunicorn_options("::1", 8000, 3)["bind"] == "[::1]:8000"


def test_it_rejects_a_bad_port(db):
    with pytest.raises(CommandError, match="--port"):
        call_command("serve", port=70000)


def test_it_collects_the_static_files_again_only_when_they_changed(tmp_path, settings, monkeypatch):
    settings.DATA_DIR = tmp_path
    settings.STATIC_ROOT = tmp_path / "static"
    collected = []
    monkeypatch.setattr(
        serve, "call_command", lambda *args, **kwargs: collected.append(args) or None
    )

    serve.collect_static()
    settings.STATIC_ROOT.mkdir()
    serve.collect_static()  # a restart with the same files
    assert collected == [("collectstatic",)]

    monkeypatch.setattr(serve, "static_fingerprint", lambda: "an upgrade changed a file")
    serve.collect_static()
    assert collected == [("collectstatic",), ("collectstatic",)]


def test_the_fingerprint_follows_the_files(tmp_path, settings):
    before = serve.static_fingerprint()
    (tmp_path / "extra.css").write_text("body { color: red }")
    settings.STATICFILES_DIRS = [tmp_path]

    assert serve.static_fingerprint() != before
