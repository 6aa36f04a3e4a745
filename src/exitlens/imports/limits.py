"""How much of a spreadsheet Exitlens will read: the limits that keep a hostile or runaway file
from taking the server's memory or time (docs/configuration.md, "Imports").

The readers check every limit while they stream through a file and stop at the first one
passed, so a file is refused after reading at most a limit's worth of it.
"""

import time
from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    file_bytes: int = 60 * MB  # the file as uploaded or named on the command line
    unzipped_bytes: int = 250 * MB  # a workbook's ZIP members together, unpacked
    compression_ratio: int = 100  # unpacked size over packed size of one large ZIP member
    rows: int = 200_000  # data rows: rows with a value, after the header
    cells: int = 5_000_000  # values in the header and the data rows together
    shared_strings: int = 1_000_000  # a workbook's table of texts that cells refer to
    cell_chars: int = 32_767  # one cell or CSV field (Excel's own limit)
    line_chars: int = 1_000_000  # one line of a CSV file
    seconds: float = 30  # time spent reading, not counting what the caller does with rows

    @classmethod
    def from_settings(cls) -> "Limits":
        from django.conf import settings

        return cls(
            file_bytes=settings.EXITLENS_IMPORT_MAX_FILE_MB * MB,
            unzipped_bytes=settings.EXITLENS_IMPORT_MAX_UNZIPPED_MB * MB,
            compression_ratio=settings.EXITLENS_IMPORT_MAX_COMPRESSION_RATIO,
            rows=settings.EXITLENS_IMPORT_MAX_ROWS,
            cells=settings.EXITLENS_IMPORT_MAX_CELLS,
            shared_strings=settings.EXITLENS_IMPORT_MAX_SHARED_STRINGS,
            cell_chars=settings.EXITLENS_IMPORT_MAX_CELL_CHARS,
            line_chars=settings.EXITLENS_IMPORT_MAX_LINE_CHARS,
            seconds=settings.EXITLENS_IMPORT_MAX_SECONDS,
        )


class LimitPassed(Exception):
    """A file goes beyond one of the limits: `limit` names the field of Limits, `value` is the
    file's figure where it is known (its size, say) or else the limit, and `row` is where in
    the file, for a limit on one cell or line."""

    def __init__(self, limit: str, value: float, row: int | None = None):
        super().__init__(limit, value, row)
        self.limit, self.value, self.row = limit, value, row


class Stopwatch:
    """The time spent reading one file, added up over the stretches the reader works: time a
    caller spends between two rows is not the file's doing and is not counted."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.spent = 0.0
        self._started: float | None = None

    def start(self) -> None:
        self._started = time.monotonic()

    def stop(self) -> None:
        if self._started is not None:
            self.spent += time.monotonic() - self._started
            self._started = None

    def check(self) -> None:
        """Refuse the file once the time spent, this stretch included, passes the limit."""
        running = time.monotonic() - self._started if self._started is not None else 0.0
        if self.spent + running > self.seconds:
            raise LimitPassed("seconds", self.seconds)
