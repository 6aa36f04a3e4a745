"""`exitlens worker` and the worker `exitlens serve` starts beside gunicorn."""

import subprocess
import sys

from exitlens.core.management.commands import serve


class _Started:
    def __init__(self, args):
        self.args = args


def test_serve_starts_one_worker_with_the_database_queue(settings, monkeypatch):
    settings.EXITLENS_TASKS = "database"
    settings.EXITLENS_SERVE_WORKER = True
    monkeypatch.setattr(subprocess, "Popen", _Started)

    started = serve.start_task_worker()

    assert started.args == [sys.executable, "-m", "exitlens", "worker"]


def test_serve_starts_no_worker_when_workers_run_elsewhere(settings, monkeypatch):
    settings.EXITLENS_TASKS = "database"
    settings.EXITLENS_SERVE_WORKER = False
    monkeypatch.setattr(subprocess, "Popen", _Started)

    assert serve.start_task_worker() is None


def test_serve_starts_no_worker_when_tasks_run_inline(settings, monkeypatch):
    settings.EXITLENS_TASKS = "immediate"
    monkeypatch.setattr(subprocess, "Popen", _Started)

    assert serve.start_task_worker() is None


def test_serve_stops_its_worker_when_it_stops():
    worker = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])

    serve.stop_task_worker(worker)

    assert worker.poll() is not None
