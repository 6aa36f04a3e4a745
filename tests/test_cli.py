import os
import subprocess
import sys


def test_it_accepts_hyphenated_command_names(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "exitlens", "send-reminders", "--help"],
        capture_output=True,
        text=True,
        env={"EXITLENS_DEBUG": "true", "EXITLENS_DATA_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert "reminders" in result.stdout


def test_it_lists_the_project_commands(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "exitlens", "help"],
        capture_output=True,
        text=True,
        env={"EXITLENS_DEBUG": "true", "EXITLENS_DATA_DIR": str(tmp_path)},
    )
    for command in ("seed_demo", "send_reminders", "serve", "demo", "migrate", "createsuperuser"):
        assert command in result.stdout


def test_the_demo_gets_a_secret_key_and_links_to_its_own_port(tmp_path, monkeypatch):
    from exitlens.cli import prepare_demo_environment

    monkeypatch.setenv("EXITLENS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("EXITLENS_SECRET_KEY", raising=False)
    monkeypatch.delenv("EXITLENS_SITE_URL", raising=False)

    prepare_demo_environment(["--departures", "50", "--port", "8123"])

    assert os.environ["EXITLENS_SITE_URL"] == "http://127.0.0.1:8123"
    key = os.environ["EXITLENS_SECRET_KEY"]
    assert len(key) >= 50
    assert (tmp_path / "demo-secret-key").read_text() == key


def test_the_demo_keeps_what_the_environment_gives(tmp_path, monkeypatch):
    from exitlens.cli import prepare_demo_environment

    monkeypatch.setenv("EXITLENS_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("EXITLENS_SECRET_KEY", "k" * 50)
    monkeypatch.setenv("EXITLENS_SITE_URL", "https://exit.example.org")

    prepare_demo_environment([])

    assert os.environ["EXITLENS_SITE_URL"] == "https://exit.example.org"
    assert os.environ["EXITLENS_SECRET_KEY"] == "k" * 50
