"""For tests that run Exitlens in real processes: a free port, an environment without the test
session's settings, and a PostgreSQL database of their own."""

import contextlib
import os
import socket
import uuid
from collections.abc import Iterator


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def clean_environment(**settings: str) -> dict[str, str]:
    """This process's environment without the test session's Exitlens, Django and pytest
    variables, plus `settings`."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("EXITLENS_", "DJANGO_", "PYTEST_"))
    }
    return environment | settings


@contextlib.contextmanager
def scratch_database(server: str, prefix: str) -> Iterator[str]:
    """The URL of a new database on the PostgreSQL `server` (a URL), dropped afterwards."""
    import psycopg

    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
