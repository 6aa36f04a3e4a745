import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from exitlens import conf


@pytest.fixture
def env(monkeypatch):
    def set_env(**values):
        for name, value in values.items():
            monkeypatch.setenv(f"EXITLENS_{name}", value)

    return set_env


def test_it_parses_booleans(env):
    env(FLAG="yes", OTHER="0")
    assert conf.env_bool("FLAG") is True
    assert conf.env_bool("OTHER", True) is False
    assert conf.env_bool("MISSING", True) is True


def test_it_fails_loudly_on_a_bad_boolean(env):
    env(FLAG="maybe")
    with pytest.raises(ImproperlyConfigured, match="EXITLENS_FLAG must be true or false"):
        conf.env_bool("FLAG")


def test_it_fails_loudly_on_a_bad_number(env):
    env(DAYS="ten")
    with pytest.raises(ImproperlyConfigured, match="EXITLENS_DAYS must be a whole number"):
        conf.env_int("DAYS", 30)
    env(DAYS="0")
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        conf.env_int("DAYS", 30, minimum=1)


def test_it_fails_loudly_on_an_unknown_choice(env):
    env(LANGUAGE="fr")
    with pytest.raises(ImproperlyConfigured, match="must be one of nl, en"):
        conf.env_choice("LANGUAGE", "nl", ["nl", "en"])


def test_it_splits_lists(env):
    env(HOSTS=" a.example.org, b.example.org ,")
    assert conf.env_list("HOSTS", []) == ["a.example.org", "b.example.org"]


def test_it_keeps_sqlite_in_the_data_folder(tmp_path):
    database = conf.database_from_url("sqlite://", tmp_path)
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(tmp_path / "exitlens.sqlite3")
    assert conf.database_from_url("sqlite:////srv/x.db", tmp_path)["NAME"] == "/srv/x.db"


def test_it_reads_a_postgres_url(tmp_path):
    database = conf.database_from_url(
        "postgres://exit:p%40ss@db.internal:5433/exitlens?sslmode=require", tmp_path
    )
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["NAME"], database["USER"], database["PASSWORD"]) == (
        "exitlens",
        "exit",
        "p@ss",
    )
    assert (database["HOST"], database["PORT"]) == ("db.internal", "5433")
    assert database["OPTIONS"] == {"sslmode": "require", "options": "-c jit=off"}


def test_postgres_options_in_the_url_come_after_the_default_ones(tmp_path):
    database = conf.database_from_url("postgres://db/exitlens?options=-c%20jit%3Don", tmp_path)
    assert database["OPTIONS"] == {"options": "-c jit=off -c jit=on"}


def test_it_rejects_an_unknown_database(tmp_path):
    with pytest.raises(ImproperlyConfigured, match="sqlite:// or postgres://"):
        conf.database_from_url("mysql://localhost/x", tmp_path)


def _import_settings(tmp_path: Path, **extra: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EXITLENS_")}
    env.update({"EXITLENS_DATA_DIR": str(tmp_path), **extra})
    return subprocess.run(
        [sys.executable, "-c", "import exitlens.settings"],
        env=env,
        capture_output=True,
        text=True,
    )


def test_it_refuses_to_start_in_production_without_a_secret_key(tmp_path):
    result = _import_settings(tmp_path)
    assert result.returncode != 0
    assert "EXITLENS_SECRET_KEY is too weak for production: it is not set" in result.stderr


def test_it_starts_in_debug_mode_without_a_secret_key(tmp_path):
    assert _import_settings(tmp_path, EXITLENS_DEBUG="true").returncode == 0


def test_it_is_not_in_debug_mode_unless_asked(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("EXITLENS_")}
    env.update(
        {
            "EXITLENS_DATA_DIR": str(tmp_path),
            "EXITLENS_SECRET_KEY": "test-key-" + "0123456789abcdef" * 4,
        }
    )
    result = subprocess.run(
        [sys.executable, "-c", "from exitlens import settings; print(settings.DEBUG)"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == "False"


def test_every_setting_is_documented_in_env_example():
    root = Path(__file__).resolve().parent.parent
    source = (root / "src" / "exitlens" / "settings.py").read_text()
    example = (root / ".env.example").read_text()
    used = set(re.findall(r'env_\w+\(\s*"([A-Z_]+)"', source))
    documented = set(re.findall(r"^#?\s*EXITLENS_([A-Z_]+)=", example, re.MULTILINE))
    assert used, "the settings read no variables?"
    assert used - documented == set(), f"undocumented: {sorted(used - documented)}"


def test_it_creates_the_data_folder_for_sqlite(tmp_path):
    data_dir = tmp_path / "new" / "folder"
    result = _import_settings(data_dir, EXITLENS_DEBUG="true")
    assert result.returncode == 0, result.stderr
    assert data_dir.is_dir()
