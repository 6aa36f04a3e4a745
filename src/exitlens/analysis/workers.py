"""Bulk coding in worker processes: one per core, each with single-threaded numpy.

On two cores this codes about half as fast again as one process whose numpy uses both cores
(`bench/themes.py`): numpy's threads only share the matrix products, while separate processes
also share the language detection, clause splitting and word lists. Starting the workers costs
about two seconds, so it pays only for long inputs.
"""

import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import get_context
from pathlib import Path

from exitlens.analysis.analyzer import Analyzer, Coding
from exitlens.analysis.model import ThemeModel

PARALLEL_FROM = 2_000  # answers: fewer are coded sooner than the workers start
CHUNK = 250
_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
_worker_analyzer: Analyzer | None = None


class CodingPool:
    """Codes like `Analyzer.code_many`, spread over worker processes."""

    def __init__(self, executor: ProcessPoolExecutor, model: ThemeModel):
        self.executor = executor
        self.model = model

    def code_many(
        self,
        texts: list[str],
        languages: list[str | None] | None = None,
        questions: list[str | None] | None = None,
    ) -> list[Coding]:
        count = len(texts)
        languages = languages or [None] * count
        questions = questions or [None] * count
        chunks = [
            (texts[i : i + CHUNK], languages[i : i + CHUNK], questions[i : i + CHUNK])
            for i in range(0, count, CHUNK)
        ]
        return [coding for part in self.executor.map(_code_chunk, chunks) for coding in part]


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@contextmanager
def bulk_analyzer(analyzer: Analyzer, count: int, workers: int | None = None):
    """`analyzer` itself for short inputs or one core, else a `CodingPool` with its model."""
    workers = default_workers() if workers is None else workers
    if workers < 2 or count < PARALLEL_FROM:
        yield analyzer
        return
    with tempfile.TemporaryDirectory(prefix="exitlens-coding-") as directory:
        model_path = Path(directory) / "model.npz"
        analyzer.model.save(model_path)
        saved = {name: os.environ.get(name) for name in _THREAD_VARIABLES}
        # Read by each worker's numpy when it starts, and workers start on demand.
        os.environ.update(dict.fromkeys(_THREAD_VARIABLES, "1"))
        try:
            with ProcessPoolExecutor(
                workers,
                mp_context=get_context("spawn"),
                initializer=_start_worker,
                initargs=(str(model_path),),
            ) as executor:
                yield CodingPool(executor, analyzer.model)
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def _start_worker(model_path: str) -> None:
    global _worker_analyzer
    _worker_analyzer = Analyzer(ThemeModel.load(Path(model_path)))


def _code_chunk(chunk: tuple[list[str], list, list]) -> list[Coding]:
    return _worker_analyzer.code_many(*chunk)
