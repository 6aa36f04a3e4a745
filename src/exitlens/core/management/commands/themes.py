"""`exitlens themes tag|evaluate|recode|learn`: theme coding from the command line."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from exitlens.analysis import QUESTIONS
from exitlens.analysis.evaluation import Evaluation, signed
from exitlens.analysis.language import check_language
from exitlens.analysis.model import parse_labels
from exitlens.analysis.records import InputError, read_records
from exitlens.analysis.workers import PARALLEL_FROM, bulk_analyzer
from exitlens.core.models import Answer
from exitlens.core.services import coding

WORKERS_HELP = (
    f"Processes that code in parallel (default: one per core, from {PARALLEL_FROM:,} answers)"
)
PROGRESS_FROM = 200  # rows: shorter inputs finish before a bar is worth drawing


class Progress:
    """A one-line progress bar on a terminal; silent when output is redirected."""

    def __init__(self, total: int, stream=None):
        stream = stream or sys.stderr  # looked up now: tests and callers may have replaced it
        self.total = total
        self.stream = stream
        self.enabled = total >= PROGRESS_FROM and stream.isatty()

    def __call__(self, done: int, total: int | None = None) -> None:
        if not self.enabled:
            return
        total = total or self.total
        filled = int(30 * done / total) if total else 30
        self.stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done:,}/{total:,}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


class Command(BaseCommand):
    help = "Theme coding: tag a file, evaluate against labels, recode stored answers, learn."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True)
        tag = commands.add_parser("tag", help="Code the answers in a CSV or JSONL file.")
        tag.add_argument("input", type=Path)
        tag.add_argument("--text-column", default="text")
        tag.add_argument("--id-column", default="id")
        tag.add_argument("--language", default="auto", help="auto, nl, en, es or de")
        tag.add_argument("--question", default="general", choices=QUESTIONS)
        tag.add_argument("--output", type=Path, help="JSONL file to write (default: stdout)")
        tag.add_argument("--workers", type=int, help=WORKERS_HELP)
        tag.add_argument(
            "--on-error",
            choices=["skip", "reject"],
            default="skip",
            help="Malformed rows: report and skip them (default), or reject the whole file.",
        )
        evaluate = commands.add_parser(
            "evaluate", help="Precision, recall and F1 against a labelled CSV (text, labels)."
        )
        evaluate.add_argument("labelled", type=Path)
        evaluate.add_argument("--text-column", default="text")
        evaluate.add_argument("--labels-column", default="labels")
        evaluate.add_argument("--question", default="general", choices=QUESTIONS)
        recode = commands.add_parser("recode", help="Code every stored answer again.")
        recode.add_argument("--workers", type=int, help=WORKERS_HELP)
        commands.add_parser("learn", help="Improve the model from the answers HR reviewed.")

    def handle(self, *args, action: str, **options) -> None:
        getattr(self, f"_{action}")(**options)

    def _tag(
        self, input, text_column, id_column, language, question, output, on_error, workers=None, **_
    ):
        # call_command() passes options without argparse's type conversion.
        input, output = Path(input), Path(output) if output else None
        try:
            language = check_language(language)
            result = read_records(input, text_column, id_column)
        except (ValueError, InputError) as error:
            raise CommandError(str(error)) from None
        for problem in result.problems:
            self.stderr.write(f"{input}: {problem}")
        if result.problems and on_error == "reject":
            raise CommandError(f"{len(result.problems)} malformed rows: nothing written")
        _check_workers(workers)
        forced = None if language == "auto" else language
        progress = Progress(len(result.records))
        lines = []
        with bulk_analyzer(coding.analyzer(), len(result.records), workers) as engine:
            for start in range(0, len(result.records), coding.BATCH):
                batch = result.records[start : start + coding.BATCH]
                codings = engine.code_many(
                    [r.text for r in batch], [forced] * len(batch), [question] * len(batch)
                )
                for record, result_coding in zip(batch, codings, strict=True):
                    lines.append(json.dumps({"id": record.id, **result_coding.as_dict()}))
                progress(start + len(batch))
        text = "".join(line + "\n" for line in lines)
        if output:
            output.write_text(text, encoding="utf-8")
            self.stderr.write(f"{len(lines)} rows coded into {output}")
        else:
            self.stdout.write(text, ending="")
        if result.problems:
            self.stderr.write(f"{len(result.problems)} malformed rows skipped (see above)")

    def _evaluate(self, labelled, text_column, labels_column, question, **_):
        labelled = Path(labelled)
        try:
            result = read_records(labelled, text_column)
            rows = _labels(labelled, labels_column)
        except InputError as error:
            raise CommandError(str(error)) from None
        for problem in result.problems:
            self.stderr.write(f"{labelled}: {problem}")
        engine = coding.analyzer()
        evaluation = Evaluation()
        codings = engine.code_many(
            [r.text for r in result.records], questions=[question] * len(result.records)
        )
        for record, found in zip(result.records, codings, strict=True):
            evaluation.add(rows[record.line], signed(found.themes))
        self.stdout.write(evaluation.table())

    def _recode(self, workers=None, **_):
        _check_workers(workers)
        answers = Answer.objects.all()
        progress = Progress(coding.codable(answers).count())
        done = coding.recode(answers, progress=progress, workers=workers)
        self.stdout.write(f"Coded {done:,} answers.")

    def _learn(self, **_):
        learned = coding.learn()
        self.stdout.write(
            f"Learned from {learned:,} reviewed texts; the new model codes from now on. "
            "Run `exitlens themes recode` to code stored answers with it."
        )


def _check_workers(workers: int | None) -> None:
    if workers is not None and not 1 <= workers <= 64:
        raise CommandError(f"--workers must be between 1 and 64, not {workers}")


def _labels(path: Path, column: str) -> dict[int, dict[str, str]]:
    """Labels by line number: `pay-;career-` style, or kununu's `career|learning` (either)."""
    import csv

    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if column not in (reader.fieldnames or []):
            raise InputError(f"no column {column!r}")
        rows = {}
        for row in reader:
            value = row[column] or ""
            try:
                if "|" in value or (value and value[-1] not in "+-"):
                    # kununu: topic ids without polarity; any of them counts as right.
                    rows[reader.line_num] = {value.split("|")[0]: "?"}
                else:
                    rows[reader.line_num] = parse_labels(value)
            except ValueError as error:
                raise InputError(f"line {reader.line_num}: {error}") from None
        return rows
