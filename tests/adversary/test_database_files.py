"""What Exitlens leaves on disk: private to its user, and no rows it has deleted.

These run real `exitlens` commands with their own data folder and SQLite file, whatever
database the rest of the suite uses: pytest-django's SQLite test database lives in memory.
"""

import os
import secrets
import stat
import subprocess
import sys
from pathlib import Path

import pytest

EXITLENS = [sys.executable, "-m", "exitlens"]
DEFAULT_UMASK = 0o022  # what most systems give a service: files 0644, folders 0755
DATABASE = "exitlens.sqlite3"


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def env(data_dir) -> dict:
    env = {
        **os.environ,
        "EXITLENS_DATA_DIR": str(data_dir),
        "EXITLENS_DATABASE_URL": "sqlite://",
        "EXITLENS_DEBUG": "true",
        "EXITLENS_SECRET_KEY": "storage-test-key-" + "0123456789abcdef" * 4,
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


def _exitlens(env: dict, *args: str) -> None:
    subprocess.run([*EXITLENS, *args], env=env, umask=DEFAULT_UMASK, check=True, timeout=120)


class Session:
    """`exitlens shell -c CODE`, kept running: at each step CODE prints "step: ..." and waits."""

    def __init__(self, env: dict, code: str):
        self.process = subprocess.Popen(
            [*EXITLENS, "shell", "--no-imports", "-c", code],
            env=env,
            umask=DEFAULT_UMASK,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def step(self) -> str:
        for line in self.process.stdout:
            if line.startswith("step: "):
                return line.removeprefix("step: ").strip()
        self.process.wait(timeout=30)
        pytest.fail(f"exitlens shell stopped ({self.process.returncode})")

    def go_on(self) -> None:
        self.process.stdin.write("\n")
        self.process.stdin.flush()

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _not_private(folder: Path) -> list[str]:
    return [
        f"{path.relative_to(folder)} {_mode(path):o}"
        for path in [folder, *folder.rglob("*")]
        if _mode(path) & 0o077
    ]


@pytest.mark.parametrize("existing", [False, True], ids=["new", "existing 0755"])
def test_it_keeps_the_data_folder_and_database_private(data_dir, env, existing):
    if existing:
        data_dir.mkdir()
        data_dir.chmod(0o755)

    _exitlens(env, "migrate", "--verbosity", "0")

    assert _mode(data_dir) == 0o700
    assert _mode(data_dir / DATABASE) == 0o600
    assert _not_private(data_dir) == []


WRITE_FILES = """
from django.test import Client
from django.urls import reverse
from exitlens.core.models import AuditEntry, User

hr = User.objects.create_user("hanna", "hanna@example.org", role=User.Role.HR)
client = Client(HTTP_HOST="localhost")
client.force_login(hr)
with open(UPLOAD_PATH, "rb") as upload:
    response = client.post(reverse("departure_import"), {"file": upload})
print("step:", response.status_code, flush=True)
input()
"""


def test_it_keeps_what_a_running_exitlens_writes_private(data_dir, env, tmp_path):
    upload = tmp_path / "vertrekkers.csv"
    upload.write_text("Personeelsnummer;Naam\nHR-7001;Fenna Visser\n")
    _exitlens(env, "migrate", "--verbosity", "0")

    session = Session(env, f"UPLOAD_PATH = {str(upload)!r}\n" + WRITE_FILES)
    try:
        assert session.step() == "200"
        written = sorted(str(path.relative_to(data_dir)) for path in data_dir.rglob("*"))
        not_private = _not_private(data_dir)
    finally:
        session.close()

    assert f"{DATABASE}-wal" in written
    assert f"{DATABASE}-shm" in written
    assert any(name.startswith("imports/") for name in written), written
    assert not_private == []


FORGET = """
from django.db import connection
from exitlens.core.models import AuditEntry

with connection.cursor() as cursor:
    cursor.execute("PRAGMA secure_delete")
    print("step: secure_delete", cursor.fetchone()[0], flush=True)
AuditEntry.objects.create(action="test.marker", subject=MARKER, data={"note": MARKER})
AuditEntry.objects.filter(subject=MARKER).delete()
print("step: deleted", flush=True)
input()

from exitlens.core.storage import forget_deleted_rows

print("step: forgotten", forget_deleted_rows(), flush=True)
input()
"""


def _files_holding(folder: Path, text: str) -> list[str]:
    return [
        path.name
        for path in folder.rglob("*")
        if path.is_file() and text.encode() in path.read_bytes()
    ]


def test_it_forgets_deleted_rows_in_the_sqlite_files(data_dir, env):
    marker = f"MARKER-{secrets.token_hex(8)}"
    _exitlens(env, "migrate", "--verbosity", "0")

    session = Session(env, f"MARKER = {marker!r}\n" + FORGET)
    try:
        assert session.step() == "secure_delete 1"
        assert session.step() == "deleted"
        # The control: deleted, but the page images of the insert are still in the -wal file.
        assert f"{DATABASE}-wal" in _files_holding(data_dir, marker)
        session.go_on()
        assert session.step() == "forgotten True"
        assert _files_holding(data_dir, marker) == []
        assert (data_dir / f"{DATABASE}-wal").stat().st_size == 0
        session.go_on()
    finally:
        session.close()
    assert session.process.returncode == 0
