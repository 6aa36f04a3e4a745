"""Disclosure detection: recall and precision on the project's written answers, speed, and how
often real reviews are flagged.

    python bench/disclosures.py [--write]

The set: src/exitlens/analysis/data/disclosures/{en,nl,es,de}.tsv, answers written by the project
the way leavers write (a category or `none`; the near misses share the words: wishes, trainings and
teams named after a topic, "never felt unsafe", jokes that were fine). Each row is `dev` (the rules
were tuned and the model is trained on these) or `test` (held out: read only to report). When
bench/data/disclosures_blind/ exists, its rows (`blind`) were written afterwards by someone who had
not seen the rules or the set, and are reported apart. The same scenarios are dev or test in every
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

from exitlens.analysis.sensitive import (  # noqa: E402
    find_disclosure,
    flag_many,
    mentions_misconduct,
    rule_disclosures,
)

DATA = ROOT / "src" / "exitlens" / "analysis" / "data" / "disclosures"
BLIND = ROOT / "bench" / "data" / "disclosures_blind"
SPLITS = ("dev", "test", "blind")
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
    for folder in (DATA, BLIND):
        for language in LANGUAGES:
            path = folder / f"{language}.tsv"
            if not path.exists():
                continue
            with path.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle, delimiter="\t"):
                    label = row.get("label") or row.get("category")
                    rows.append(Row(language, row["split"], label, row["text"]))
    return rows


def rules_only(text: str) -> bool:
    return bool(rule_disclosures(text))


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


def batch_speed(texts: list[str]) -> float:
    """Milliseconds per answer when many are flagged at once (`flag_many`, as the coding does)."""
    started = time.perf_counter()
    flag_many(texts)
    return (time.perf_counter() - started) * 1000 / len(texts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"update {DOC.name}")
    parser.add_argument("--misses", action="store_true", help="list the rows it gets wrong")
    args = parser.parse_args()
    rows = load()
    mentions_misconduct("warm-up: the model is trained once per process")
    detectors = {
        "exitlens": score(rows, mentions_misconduct),
        "rules": score(rows, rules_only),
        "old": score(rows, old_detector),
    }
    splits = [split for split in SPLITS if ("all", split) in detectors["exitlens"]]
    print(f"{'':8}{'split':6}{'n':>5}  " + "  ".join(f"{name:>20}" for name in detectors))
    for language in (*LANGUAGES, "all"):
        for split in splits:
            cells = [_cell(scores[language, split]) for scores in detectors.values()]
            n = detectors["exitlens"][language, split].n
            print(f"{language:8}{split:6}{n:5}  " + "  ".join(f"{c:>20}" for c in cells))
    right, total = category_accuracy(rows)
    print(f"category right for {right} of {total} disclosures found")
    if args.misses:
        for row in rows:
            if row.split != "dev" and mentions_misconduct(row.text) != (row.label != "none"):
                print(f"  {row.split} {row.language} {row.label:18} {find_disclosure(row.text)}")
                print(f"      {row.text}")

    texts = [row.text for row in rows] * 3
    median_ms, p95_ms = speed(texts)
    many_ms = batch_speed(texts)
    print(
        f"speed: one at a time median {median_ms:.3f} ms, 95th percentile {p95_ms:.3f} ms;"
        f" in a batch {many_ms:.3f} ms per answer"
    )
    cons = glassdoor_cons()
    flagged = {}
    if cons is None:
        print(f"skipped real reviews: {GLASSDOOR} is absent")
    else:
        flagged = {
            "exitlens": sum(flag_many(cons)) / len(cons),
            "rules": sum(rules_only(text) for text in cons) / len(cons),
            "old": sum(old_detector(text) for text in cons) / len(cons),
        }
        print(
            f"glassdoor Cons: {len(cons)} sampled, flagged "
            + ", ".join(f"{name} {share:.1%}" for name, share in flagged.items())
        )
    if args.write:
        _write(detectors, splits, (right, total), (median_ms, p95_ms, many_ms), cons, flagged)
    return 0


def _write(detectors, splits, categories, timing, cons, flagged) -> None:
    lines = [
        START,
        "## Disclosure detection",
        "",
        "`python bench/disclosures.py --write`: what Exitlens flags (`mentions_misconduct` in"
        " src/exitlens/analysis/sensitive/: the rules, and for an answer they find nothing in, a"
        " logistic model on the multilingual sentence vectors), the rules alone, and the old"
        " single-word regex they replace, on the project's own written exit answers in"
        " `src/exitlens/analysis/data/disclosures/` (per language ~70 disclosures over the eight"
        " categories, many indirect and embedded in other complaints, and ~70 near misses that"
        " share the words). The rules were tuned and the model is trained on the `dev` rows only;"
        " `test` rows are held out, and a scenario is dev or test in all four languages."
        " `blind` rows (bench/data/disclosures_blind/, 70 per language) were written afterwards by"
        " someone who had seen neither the rules nor the set, and nothing was tuned on them. A"
        " disclosure counts as found whatever category is given. Recall / precision / F1.",
        "",
        "| Language | Split | Answers | Exitlens | Rules alone | Old detector |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for language in (*LANGUAGES, "all"):
        for split in splits:
            cells = " | ".join(_cell(scores[language, split]) for scores in detectors.values())
            name = f"**{language}**" if language == "all" else language
            n = detectors["exitlens"][language, split].n
            lines.append(f"| {name} | {split} | {n} | {cells} |")
    right, total = categories
    held = [detectors["exitlens"]["all", split] for split in splits if split != "dev"]
    verdicts = ", ".join(
        f"{split} {'met' if s.recall >= 0.95 and s.precision >= 0.70 else '**not met**'}"
        f" (recall {s.recall:.2f}, precision {s.precision:.2f})"
        for split, s in zip([x for x in splits if x != "dev"], held, strict=True)
    )
    lines += [
        "",
        f"Target recall ≥ 0.95 at precision ≥ 0.70: on dev, met by construction; {verdicts}."
        " The model's threshold (`THRESHOLD` in sensitive/model.py) trades a few more cases HR"
        ' closes as "not misconduct" for disclosures told without any word a rule knows.',
        "",
        f"Category: the one written for it in {right} of {total} disclosures found"
        " (`find_disclosure(text).category`).",
        f"Speed: one answer at a time, median {timing[0]:.2f} ms, 95th percentile"
        f" {timing[1]:.2f} ms (the model encodes the answers the rules find nothing in); in a"
        f" batch as the coding flags them, {timing[2]:.2f} ms per answer. Training the model"
        " once per process takes a few seconds.",
    ]
    if flagged:
        shares = ", ".join(f"{name} {share:.1%}" for name, share in flagged.items())
        lines.append(
            f"Real reviews: of {len(cons):,} Glassdoor `Cons` texts sampled (seed 1), flagged:"
            f" {shares}. These are complaints about employers, some of which do disclose"
            " misconduct (abuse from customers, injuries, being berated), so this bounds the"
            " false alarms to expect."
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
    sys.exit(main())
