"""The `exitlens` command: Django's management commands plus the project's own."""

import argparse
import os
import secrets
import sys
from pathlib import Path


def _demo_secret_key() -> str:
    """A random key kept in the data folder, so `exitlens demo` runs without configuration."""
    data_dir = Path(os.environ.get("EXITLENS_DATA_DIR") or Path.cwd() / "exitlens-data")
    key_file = data_dir / "demo-secret-key"
    if not key_file.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def prepare_demo_environment(args: list[str]) -> None:
    """Settings `exitlens demo` needs before Django starts, unless the environment gives them."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--port", type=int, default=8000)
    port = parser.parse_known_args(args)[0].port
    if not os.environ.get("EXITLENS_SECRET_KEY"):
        os.environ["EXITLENS_SECRET_KEY"] = _demo_secret_key()
    if not os.environ.get("EXITLENS_SITE_URL"):
        # So that the links in the invitation e-mails it prints lead to this demo.
        os.environ["EXITLENS_SITE_URL"] = f"http://127.0.0.1:{port}"


def main(argv: list[str] | None = None) -> None:
    # Whatever Exitlens creates (the data folder, the database, uploads) is for its user only.
    os.umask(0o077)
    argv = list(sys.argv if argv is None else argv)
    argv[0] = "exitlens"
    if len(argv) > 1 and not argv[1].startswith("-"):
        # Commands are named with hyphens on the command line (seed-demo), underscores in Python.
        argv[1] = argv[1].replace("-", "_")
        if argv[1] == "demo":
            prepare_demo_environment(argv[2:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "exitlens.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
