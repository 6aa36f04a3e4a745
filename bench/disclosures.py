"""Disclosure detection: recall and precision on the project's written answers, speed, and how
often real reviews are flagged.

    python bench/disclosures.py [--write]

The set: bench/data/disclosures/{en,nl,es,de}.tsv, answers written by the project the way leavers
write (a category or `none`; the near misses share the words: wishes, trainings and teams named
after a topic, "never felt unsafe", jokes that were fine). Each row is `dev` (the rules were tuned
on these) or `test` (held out: read only to report). The same scenarios are dev or test in every
language, so a test answer's story was not seen in any language while tuning. The old detector (a
regex of single-word stems, kept below) is measured on the same rows. When
../shared/data/comments/glassdoor-us-reviews.csv exists, the share of 2,000 real `Cons` texts
flagged shows the false alarms to expect; most reviews disclose nothing, some do.
"""

import argparse
import csv
import os
import platform
import random
import re
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from exitlens.analysis.sensitive import find_disclosure, mentions_misconduct  # noqa: E402

DATA = ROOT / "bench" / "data" / "disclosures"
LANGUAGES = ("en", "nl", "es", "de")
GLASSDOOR = ROOT.parent / "shared" / "data" / "comments" / "glassdoor-us-reviews.csv"
SAMPLE = 2_000
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- disclosures:start -->", "<!-- disclosures:end -->"

# The detector before December 2026 (src/exitlens/analysis/sensitive.py at 2178f88), for the
# before/after line: one regex of single-word stems.
_OLD_STEMS = (
    r"harass|discriminat|bull(?:y|ied|ies|ying)|racis|sexis|sexual(?:ly)? (?:assault|advance|comment|harass)"
    r"|assault|groped?|threat(?:en)?|intimidat|violen|retaliat|unsafe|safety (?:violation|hazard|issue)|fraud"
    r"|embezzl|brib|kickback|stole|stealing|theft|falsif|cover(?:ed)? up|misconduct|abus(?:e|ive)"
    r"|intimidatie|ongewenst gedrag|discrimin|gepest|pesten|pestgedrag|seksue(?:el|le) (?:intimidatie|opmerking|grensoverschrijd)"
    r"|grensoverschrijd|bedreig|geweld|onveilig|fraude|diefstal|gestolen|omkop|vervals|misbruik|wraak"
    r"|acos|machis|amenaz|intimid|agresi[oó]n|insegur|robo|robaba|robaron|soborn|falsific|malversaci|abuso|represalia"
    r"|bel[äa]stig|diskrimin|mobbing|gemobbt|mobbt|rassis|bedroh|einsch[üu]chter|gewalt|[üu]bergriff"
    r"|unsicher(?:e|en)? arbeits|sicherheitsm[äa]ngel|betrug|betr[üo]g|diebstahl|gestohlen|bestech|f[äa]lsch|missbrauch"
)
OLD = re.compile(r"(?<![^\W\d_])(?:" + _OLD_STEMS + r")", re.IGNORECASE)


def old_detector(text: str) -> bool:
    return bool(OLD.search(text))


@dataclass(frozen=True)
class Row:
    language: str
    split: str
    label: str
    text: str


def load() -> list[Row]:
    rows = []
    for language in LANGUAGES:
        with (DATA / f"{language}.tsv").open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                rows.append(Row(language, row["split"], row["label"], row["text"]))
    return rows


@dataclass
class Score:
    n: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, truth: bool, flagged: bool) -> None:
        self.n += 1
        self.tp += truth and flagged
        self.fp += flagged and not truth
        self.fn += truth and not flagged

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def f1(self) -> float:
        total = self.recall + self.precision
        return 2 * self.recall * self.precision / total if total else 0.0


def score(rows: list[Row], detector) -> dict[tuple[str, str], Score]:
    """Scores by (language or "all", split or "all")."""
    scores: dict[tuple[str, str], Score] = {}
    for row in rows:
        flagged = detector(row.text)
        for key in (
            (row.language, row.split),
            ("all", row.split),
            (row.language, "all"),
            ("all", "all"),
        ):
            scores.setdefault(key, Score()).add(row.label != "none", flagged)
    return scores


def category_accuracy(rows: list[Row]) -> tuple[int, int]:
    """Of the disclosures found, how many get the category they were written for."""
    right = total = 0
    for row in rows:
        if row.label == "none":
            continue
        found = find_disclosure(row.text)
        if found is not None:
            total += 1
            right += found.category == row.label
    return right, total


def speed(texts: list[str]) -> tuple[float, float]:
    """Median and 95th percentile milliseconds per answer, answers detected one at a time."""
    for text in texts[:50]:
        mentions_misconduct(text)
    times = []
    for text in texts:
        started = time.perf_counter()
        mentions_misconduct(text)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * len(times))]


def glassdoor_cons() -> list[str] | None:
    if not GLASSDOOR.exists():
        return None
    with GLASSDOOR.open(encoding="utf-8", newline="") as handle:
        texts = [row["Cons"] for row in csv.DictReader(handle) if (row.get("Cons") or "").strip()]
    return random.Random(1).sample(texts, min(SAMPLE, len(texts)))


def _cell(score: Score) -> str:
    return f"{score.recall:.2f} / {score.precision:.2f} / {score.f1:.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"update {DOC.name}")
    parser.add_argument("--misses", action="store_true", help="list the dev rows it gets wrong")
    args = parser.parse_args()
    rows = load()
    new, old = score(rows, mentions_misconduct), score(rows, old_detector)
    print(f"{'':8}{'split':6}{'n':>5}  recall  precision   F1    | old: recall precision F1")
    for language in (*LANGUAGES, "all"):
        for split in ("dev", "test", "all"):
            s, o = new[language, split], old[language, split]
            print(
                f"{language:8}{split:6}{s.n:5}  {s.recall:6.2f}  {s.precision:9.2f}  {s.f1:5.2f}"
                f"  |      {o.recall:6.2f} {o.precision:9.2f} {o.f1:5.2f}"
            )
    right, total = category_accuracy(rows)
    print(f"category right for {right} of {total} disclosures found")
    if args.misses:
        for row in rows:
            if row.split == "dev" and mentions_misconduct(row.text) != (row.label != "none"):
                found = find_disclosure(row.text)
                print(f"  {row.language} {row.label:18} {found}  {row.text}")

    texts = [row.text for row in rows] * 5
    median_ms, p95_ms = speed(texts)
    print(f"speed: median {median_ms:.3f} ms per answer, 95th percentile {p95_ms:.3f} ms")
    cons = glassdoor_cons()
    flagged_new = flagged_old = None
    if cons is None:
        print(f"skipped real reviews: {GLASSDOOR} is absent")
    else:
        flagged_new = sum(mentions_misconduct(text) for text in cons) / len(cons)
        flagged_old = sum(old_detector(text) for text in cons) / len(cons)
        cons_ms, _ = speed(cons)
        print(
            f"glassdoor Cons: {len(cons)} sampled, flagged {flagged_new:.1%} (old {flagged_old:.1%}),"
            f" median {cons_ms:.3f} ms"
        )
    if args.write:
        _write(
            new, old, (right, total), (median_ms, p95_ms), len(cons or ()), flagged_new, flagged_old
        )
    return 0


def _write(new, old, categories, timing, sampled, flagged_new, flagged_old) -> None:
    lines = [
        START,
        "## Disclosure detection",
        "",
        "`python bench/disclosures.py --write`: `mentions_misconduct` (src/exitlens/analysis/sensitive/)"
        " on the project's own written exit answers in `bench/data/disclosures/` (per language ~55"
        " disclosures over the eight categories, many indirect, and ~44 near misses that share the"
        " words). Rules were tuned on the `dev` rows only; `test` rows are held out, and a scenario"
        " is dev or test in all four languages. A disclosure counts as found whatever category is"
        " given. Recall / precision / F1; the old detector is the single-word regex it replaces.",
        "",
        "| Language | Split | Answers | New: recall / precision / F1 | Old: recall / precision / F1 |",
        "|---|---|---:|---:|---:|",
    ]
    for language in (*LANGUAGES, "all"):
        for split in ("dev", "test"):
            s, o = new[language, split], old[language, split]
            name = f"**{language}**" if language == "all" else language
            lines.append(f"| {name} | {split} | {s.n} | {_cell(s)} | {_cell(o)} |")
    right, total = categories
    test = new["all", "test"]
    met = "met" if test.recall >= 0.95 and test.precision >= 0.70 else "**not met**"
    lines += [
        "",
        f"Target recall ≥ 0.95 at precision ≥ 0.70: on dev, met by construction; held out, {met}"
        f" (recall {test.recall:.2f}). The misses held out are scenarios told in words no rule"
        " has (a mistake put on the big screen with my name, a less experienced man got the role,"
        " a partner at the hotel room door), so expect recall on other people's answers nearer the"
        " held-out figure than the dev one. The analyzer's own encoder check (`SENSITIVE_SIMILARITY`,"
        " on top of these rules) adds almost nothing on this set.",
        "",
        f"Category: the one written for it in {right} of {total} disclosures found"
        " (`find_disclosure(text).category`).",
        f"Speed: median {timing[0]:.2f} ms per answer, 95th percentile {timing[1]:.2f} ms (rules"
        " only, one answer at a time).",
    ]
    if flagged_new is not None:
        lines.append(
            f"Real reviews: of {sampled:,} Glassdoor `Cons` texts sampled (seed 1), {flagged_new:.1%}"
            f" are flagged ({flagged_old:.1%} by the old detector); these are complaints about"
            " employers, some of which do disclose misconduct, so this bounds the false alarms."
        )
    lines += [
        "",
        f"Measured {date.today().isoformat()} on {os.cpu_count()} CPUs, {platform.machine()},"
        f" Python {platform.python_version()}.",
        END,
    ]
    text = DOC.read_text(encoding="utf-8")
    block = "\n".join(lines)
    if START in text:
        text = text[: text.index(START)] + block + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC}")


if __name__ == "__main__":
    raise SystemExit(main())
