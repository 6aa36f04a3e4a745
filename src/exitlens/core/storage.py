"""What Exitlens leaves on disk: files only its own user can read, and no deleted rows.

The data folder holds the SQLite database, uploads waiting for their import, rejected-rows files
and the base theme model trained from the shipped examples (the learned one is in the database).
Settings make it 0700 and an existing SQLite database 0600 (`keep_private`); the `exitlens`
command and the WSGI application set a 0077 umask, so what they create later (the database,
SQLite's -wal and -shm files, uploads, models) is private too.

SQLite runs in WAL mode with secure_delete on (exitlens.conf): a delete zeroes the row in its
page, but the page images written before still sit in the -wal file until a checkpoint copies
the newest ones into the database and empties it (`forget_deleted_rows`).
"""

import logging
import stat
import time
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, connections

logger = logging.getLogger(__name__)

PRIVATE_UMASK = 0o077
CHECKPOINT_ATTEMPTS = 5
CHECKPOINT_WAIT_MS = 200  # per attempt, instead of the connection's 20 s busy timeout


def keep_private(data_dir: Path, database: dict) -> None:
    """Create the data folder 0700, or make it so, and an existing SQLite database 0600."""
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    paths = [data_dir]
    if database["ENGINE"].endswith("sqlite3"):
        paths += [Path(f"{database['NAME']}{suffix}") for suffix in ("", "-wal", "-shm")]
    for path in paths:
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
            if mode & 0o077:
                path.chmod(mode & 0o700)
        except FileNotFoundError:
            continue
        except PermissionError as error:
            raise ImproperlyConfigured(
                f"{path} must be readable by the user running Exitlens only, and that user "
                f"cannot make it so: {error}"
            ) from None


def forget_deleted_rows(using: str = DEFAULT_DB_ALIAS) -> bool:
    """Empty SQLite's -wal file, so no copy of a deleted or anonymised row stays on disk.

    A TRUNCATE checkpoint copies the newest page images (secure_delete zeroed the deleted rows
    in them) into the database and truncates the -wal file. It waits for readers in other
    processes, briefly, a few times. True when the -wal file is empty or the database keeps
    none (not SQLite, or in memory); False when readers kept it busy (the next checkpoint, or
    the last connection closing, empties it). Inside a transaction it does nothing and returns
    False: uncommitted changes cannot be checkpointed, so callers run it on commit.
    """
    connection = connections[using]
    if connection.vendor != "sqlite":
        return True
    if connection.in_atomic_block:
        return False
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        (busy_timeout,) = cursor.fetchone()
        cursor.execute(f"PRAGMA busy_timeout = {CHECKPOINT_WAIT_MS}")
        try:
            for attempt in range(CHECKPOINT_ATTEMPTS):
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                busy, _log_frames, _checkpointed = cursor.fetchone()
                if not busy:
                    return True
                time.sleep(0.05 * (attempt + 1))
        finally:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout)}")
    logger.warning("SQLite's -wal file may still hold deleted rows: other connections kept it busy")
    return False
