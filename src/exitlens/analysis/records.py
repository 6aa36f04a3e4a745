"""Read answers to code from CSV or JSONL, with a line number for every problem."""

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

MAX_ANSWER_LENGTH = 100_000


@dataclass
class Record:
    line: int
    id: str
    text: str
    extra: dict = field(default_factory=dict)


@dataclass
class Problem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class ReadResult:
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class InputError(Exception):
    """The file as a whole cannot be read (missing column, not CSV or JSONL, bad encoding)."""


def _text_of(value, line: int, problems: list[Problem]) -> str | None:
    if value is None:
        problems.append(Problem(line, "no text"))
        return None
    if not isinstance(value, str):
        problems.append(Problem(line, f"text is a {type(value).__name__}, not a string"))
        return None
    if len(value) > MAX_ANSWER_LENGTH:
        problems.append(Problem(line, f"text longer than {MAX_ANSWER_LENGTH:,} characters"))
        return None
    return value


def read_records(path: Path, text_column: str = "text", id_column: str = "id") -> ReadResult:
    suffix = path.suffix.lower()
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{path} is not UTF-8 text: {error}") from None
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None
    if suffix in (".jsonl", ".ndjson", ".json"):
        return _read_jsonl(raw, text_column, id_column)
    if suffix in (".csv", ".tsv", ".txt"):
        return _read_csv(raw, text_column, id_column, "\t" if suffix == ".tsv" else ",")
    raise InputError(f"{path}: use a .csv, .tsv or .jsonl file")


def _read_csv(raw: str, text_column: str, id_column: str, delimiter: str) -> ReadResult:
    result = ReadResult()
    reader = csv.reader(raw.splitlines(keepends=True), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("the file is empty") from None
    if text_column not in header:
        raise InputError(f"no column {text_column!r}; columns are: {', '.join(header)}")
    text_at = header.index(text_column)
    id_at = header.index(id_column) if id_column in header else None
    number = 1
    try:
        for row in reader:
            number = reader.line_num
            if not row:
                continue
            if len(row) != len(header):
                result.problems.append(
                    Problem(number, f"{len(row)} fields where the header has {len(header)}")
                )
                continue
            text = _text_of(row[text_at], number, result.problems)
            if text is None:
                continue
            record_id = row[id_at] if id_at is not None else str(len(result.records) + 1)
            result.records.append(Record(number, record_id, text))
    except csv.Error as error:
        result.problems.append(Problem(number + 1, f"unreadable CSV: {error}"))
    return result


def _read_jsonl(raw: str, text_column: str, id_column: str) -> ReadResult:
    result = ReadResult()
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            result.problems.append(Problem(number, f"not JSON: {error.msg}"))
            continue
        if not isinstance(item, dict):
            result.problems.append(Problem(number, "not a JSON object"))
            continue
        text = _text_of(item.get(text_column), number, result.problems)
        if text is None:
            continue
        record_id = item.get(id_column, len(result.records) + 1)
        result.records.append(Record(number, record_id, text))
    return result
