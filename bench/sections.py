"""Rewrite one benchmark's section of docs/benchmarks.md, between its start and end markers."""

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
INTRO = """# Benchmarks

Measured on the machine named in each section, with the script in `bench/` that the section
names; run it again to update the figures. Each section is written by its own script.
"""


def write_section(start: str, end: str, text: str) -> None:
    """Replace the text from `start` to `end` with `text` (which carries both markers), or
    append it when the file has no such section yet."""
    current = DOCS.read_text() if DOCS.exists() else INTRO
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end) + r"\n?", re.DOTALL)
    if pattern.search(current):
        updated = pattern.sub(lambda _match: text, current, count=1)
    else:
        updated = current.rstrip("\n") + "\n\n" + text
    DOCS.parent.mkdir(parents=True, exist_ok=True)
    DOCS.write_text(updated)
