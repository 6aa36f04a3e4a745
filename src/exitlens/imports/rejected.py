"""The rejected rows of a plan as a CSV file the user can correct and import again: the file's
own header and cells, after a first column `import_errors` that says what is wrong (an import
leaves that column out by itself). It holds personal data: written readable by its owner only."""

import csv
import os
from pathlib import Path

from exitlens.core.spreadsheets import safe_text
from exitlens.imports import values
from exitlens.imports.departures import Plan
from exitlens.imports.mapping import ERRORS_HEADER


def write_rejected_rows(plan: Plan, path: Path) -> int:
    """Write the file (replacing one that is there) and return the number of rows in it."""
    messages: dict[int, list[str]] = {}
    for error in plan.errors:
        messages.setdefault(error.row, []).append(error.line())
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([ERRORS_HEADER, *plan.headers])
        for number in plan.rejected:
            cells = [values.text(cell) for cell in plan.rejected_cells.get(number, [])]
            writer.writerow([safe_text(text) for text in ["; ".join(messages[number]), *cells]])
    return len(plan.rejected)
