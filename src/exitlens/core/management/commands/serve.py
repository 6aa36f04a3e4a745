import hashlib
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from gunicorn import util
from gunicorn.app.base import BaseApplication

from exitlens.core import queue
from exitlens.core.services import coding

# drf-spectacular-sidecar ships ReDoc too; the API's pages use Swagger UI only.
IGNORED_STATIC = ["redoc"]


class ExitlensServer(BaseApplication):
    """Gunicorn, configured from code rather than from its own command line."""

    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return util.import_app("exitlens.wsgi:application")  # the project's, as `gunicorn` names it


def limit_statement_time(database: dict, seconds: int) -> None:
    """PostgreSQL cancels any statement of this connection that runs longer than a request may."""
    if database["ENGINE"].endswith("postgresql"):
        options = database.setdefault("OPTIONS", {})
        limit = f"-c statement_timeout={seconds * 1000}"
        options["options"] = " ".join(filter(None, (options.get("options"), limit)))


def _limit_worker(server, worker) -> None:
    """In each worker, after the fork and before its first query."""
    limit_statement_time(connections["default"].settings_dict, settings.EXITLENS_REQUEST_TIMEOUT)


def gunicorn_options(host: str, port: int, workers: int, timeout: int | None = None) -> dict:
    """Synchronous workers: gunicorn's `timeout` then ends any request that runs longer (with
    threads, a busy request would not stop the worker's heartbeat, and could run for ever)."""
    timeout = timeout or settings.EXITLENS_REQUEST_TIMEOUT
    return {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        "worker_class": "sync",
        "timeout": timeout,
        "graceful_timeout": 20,
        "post_fork": _limit_worker,
        "accesslog": "-",
        "errorlog": "-",
        "logger_class": "exitlens.core.logs.GunicornLogger",  # no personal links in the logs
        "forwarded_allow_ips": "127.0.0.1,::1",
    }


def static_fingerprint() -> str:
    """What collecting the static files would produce from: every file the finders list, with
    its content, and the storage that writes them."""
    digest = hashlib.sha256(settings.STORAGES["staticfiles"]["BACKEND"].encode())
    found = {}
    for finder in finders.get_finders():
        for path, storage in finder.list(IGNORED_STATIC):
            found.setdefault(path, storage)
    for path in sorted(found):
        with found[path].open(path) as content:
            digest.update(path.encode() + b"\0" + content.read())
    return digest.hexdigest()


def collect_static() -> None:
    """Collect the static files into the data folder, unless what is there came from the same
    files: collecting compresses each of them, seconds of both cores at every start."""
    stamp = Path(settings.DATA_DIR) / "static.collected"
    fingerprint = static_fingerprint()
    collected = Path(settings.STATIC_ROOT)
    if stamp.is_file() and stamp.read_text() == fingerprint and collected.is_dir():
        return
    call_command("collectstatic", interactive=False, verbosity=0, ignore_patterns=IGNORED_STATIC)
    stamp.write_text(fingerprint)


def run_server(host: str, port: int, workers: int) -> None:
    # No connection opened before the fork may reach a worker: it would lack the statement
    # timeout, and two processes would share its socket.
    connections.close_all()
    ExitlensServer(gunicorn_options(host, port, workers)).run()


def start_task_worker() -> subprocess.Popen | None:
    """One `exitlens worker` beside the web server, unless the tasks run inline or workers run
    elsewhere (EXITLENS_SERVE_WORKER=false)."""
    if not settings.EXITLENS_SERVE_WORKER or settings.EXITLENS_TASKS != "database":
        return None
    return subprocess.Popen([sys.executable, "-m", "exitlens", "worker"])


def stop_task_worker(worker: subprocess.Popen | None) -> None:
    """Let the worker finish its task (it stops at SIGTERM once the task is done)."""
    if worker is None or worker.poll() is not None:
        return
    worker.terminate()
    try:
        worker.wait(timeout=30)
    except subprocess.TimeoutExpired:
        worker.kill()  # the task is run again by the next worker (core/queue.py)
        worker.wait()


class Command(BaseCommand):
    help = (
        "Run Exitlens with the gunicorn web server. Static files are collected into the data "
        "folder and served by Exitlens itself. Put a TLS-terminating proxy in front for production."
    )
    requires_system_checks = ["staticfiles"]

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on.")
        parser.add_argument("--port", type=int, default=8000, help="Port to listen on.")
        parser.add_argument(
            "--workers",
            type=int,
            default=settings.EXITLENS_WEB_WORKERS,
            help="Worker processes (EXITLENS_WEB_WORKERS).",
        )
        parser.add_argument(
            "--no-deploy-checks",
            action="store_true",
            help="Skip the production checks (HTTPS, e-mail); for a local demo only.",
        )

    def handle(self, *args, host: str, port: int, workers: int, no_deploy_checks: bool, **options):
        if not 1 <= port <= 65535:
            raise CommandError(f"--port must be between 1 and 65535, not {port}")
        if not 1 <= workers <= 64:
            raise CommandError(f"--workers must be between 1 and 64, not {workers}")
        deploy = not (settings.DEBUG or no_deploy_checks)
        call_command("check", deploy=deploy, fail_level="ERROR", verbosity=0)
        collect_static()
        if queue.runs_inline():
            # Load (or train once) the theme model before the workers fork, so no leaver waits
            # for it. On the task queue the workers code, and the web processes never need it.
            coding.analyzer()
        task_worker = start_task_worker()
        self.stdout.write(f"Exitlens is listening on http://{host}:{port}/")
        try:
            run_server(host, port, workers)
        finally:
            stop_task_worker(task_worker)
