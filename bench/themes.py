"""Theme coding quality and speed on real employee comments (../shared/data/comments).

    python bench/themes.py [--write]

Quality: micro-F1 of theme detection per language on the project's development set (English
comments labelled by the project, referenced by row; Dutch and Spanish versions written by the
project) and, on the labelled German kununu comments, how often the best-scoring theme is the
comment's topic. Speed: answers per second in bulk, against the raw encoder on the same texts;
single-answer latency; peak memory. Learning: F1 on half the English set before and after
`learn` from HR-style reviews of the other half. Skips when ../shared/data is absent.
"""

import argparse
import csv
import gc
import os
import platform
import random
import re
import resource
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from exitlens.analysis import Analyzer, encoder, workers  # noqa: E402
from exitlens.analysis.evaluation import Evaluation, signed  # noqa: E402
from exitlens.analysis.model import Example, ThemeModel, parse_labels, shipped_examples  # noqa: E402
from exitlens.analysis.workers import bulk_analyzer  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "comments"
DEV = ROOT / "bench" / "data"
SOURCES = {
    "glassdoor": "glassdoor-us-reviews.csv",
    "indeed": "indeed-canada-city-reviews.csv",
}
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- themes:start -->", "<!-- themes:end -->"
REPEATS = 3  # speed runs; the median is reported, with the range (this machine's speed varies)
QUESTION_FOR_FIELD = {"pros": "liked_most", "Cons": "liked_least", "cons": "liked_least"}


def _rows(name: str) -> list[dict]:
    with (SHARED / SOURCES[name]).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


def english_set() -> list[tuple[str, str, dict]]:
    """(text, question, labels) for every row reference in bench/data/dev_en_*.csv."""
    cache: dict[str, list[dict]] = {}
    items = []
    for path in sorted(DEV.glob("dev_en_*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for ref in csv.DictReader(handle):
                rows = cache.setdefault(ref["source"], _rows(ref["source"]))
                text = _unescape(rows[int(ref["row"])][ref["field"]])
                question = QUESTION_FOR_FIELD.get(ref["field"], "general")
                items.append((text, question, parse_labels(ref["labels"]), ref))
    return items


def translated_set(language: str) -> list[tuple[str, str, dict]]:
    items = []
    for path in sorted(DEV.glob("dev_nl_es_*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                field = row["ref"].split(":")[2]
                question = QUESTION_FOR_FIELD.get(field, "general")
                items.append((row[f"text_{language}"], question, parse_labels(row["labels"]), row))
    return items


def kununu_set() -> list[tuple[str, set[str]]]:
    with (SHARED / "kununu-de-topics-labelled.csv").open(encoding="utf-8", newline="") as handle:
        return [(row["text"], set(row["themes"].split("|"))) for row in csv.DictReader(handle)]


def evaluate(analyzer: Analyzer, items, language: str | None = None) -> Evaluation:
    evaluation = Evaluation()
    codings = analyzer.code_many(
        [text for text, *_ in items],
        [language] * len(items),
        [question for _, question, *_ in items],
    )
    for (_, _, labels, _), coding in zip(items, codings, strict=True):
        evaluation.add(labels, signed(coding.themes))
    return evaluation


def kununu_top(analyzer: Analyzer, items) -> tuple[int, int]:
    codings = analyzer.code_many([text for text, _ in items], ["de"] * len(items))
    hits = 0
    for (_, topics), coding in zip(items, codings, strict=True):
        best = max(coding.scores, key=coding.scores.get)
        hits += best in topics
    return hits, len(items)


def speed(analyzer: Analyzer, texts: list[str]) -> dict:
    """Bulk as `themes tag` and `themes recode` code (a worker process per core), bulk in one
    process, the encoder alone on the same texts (numpy on every core), and one answer at a time."""
    analyzer.code_many(texts[:50])  # warm up
    started = time.perf_counter()
    analyzer.code_many(texts)
    one_process = len(texts) / (time.perf_counter() - started)
    started = time.perf_counter()
    with bulk_analyzer(analyzer, len(texts)) as pool:
        pool.code_many(texts[: 2 * workers.CHUNK])  # the workers start and load the model
        ready = time.perf_counter()
        pool.code_many(texts)
        finished = time.perf_counter()
        bulk = [len(texts) / (finished - ready)]
        with_start = len(texts) / (finished - started)
        for _ in range(REPEATS - 1):
            again = time.perf_counter()
            pool.code_many(texts)
            bulk.append(len(texts) / (time.perf_counter() - again))
    raw = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        encoder.encode(texts)
        raw.append(len(texts) / (time.perf_counter() - started))
    latencies = []
    for text in texts[:300]:
        started = time.perf_counter()
        analyzer.code(text)
        latencies.append((time.perf_counter() - started) * 1000)
    return {
        "bulk": statistics.median(bulk),
        "bulk_range": (min(bulk), max(bulk)),
        "bulk_with_start": with_start,
        "one_process": one_process,
        "workers": workers.default_workers(),
        "raw": statistics.median(raw),
        "raw_range": (min(raw), max(raw)),
        "latency_median": statistics.median(latencies),
        "latency_p95": sorted(latencies)[int(0.95 * len(latencies))],
    }


def learning_effect(english) -> tuple[float, float, int]:
    """Review half the English set (as HR would in the queue), learn, score the other half."""
    shuffled = english[:]
    random.Random(7).shuffle(shuffled)
    half = len(shuffled) // 2
    reviewed, held_out = shuffled[:half], shuffled[half:]
    base = Analyzer(ThemeModel.train(shipped_examples()))
    before = evaluate(base, held_out).overall.f1
    extra = [Example(text, labels, weight=3.0) for text, _, labels, _ in reviewed]
    learned = Analyzer(ThemeModel.train(shipped_examples() + extra))
    after = evaluate(learned, held_out).overall.f1
    return before, after, len(reviewed)


def held_out_tuning(english) -> tuple[float, float, float, float]:
    """The lexicon weight and threshold were chosen on this development set. To show they
    generalise: choose them on the Glassdoor half only, then score the Indeed half."""
    from exitlens.analysis import analyzer as engine

    model = ThemeModel.train(shipped_examples())
    glassdoor = [item for item in english if item[3]["source"] == "glassdoor"]
    indeed = [item for item in english if item[3]["source"] == "indeed"]
    shipped = engine.LEXICON_WEIGHT, model.threshold
    best = (-1.0, 0.0, 0.0)
    for weight in (0.3, 0.45, 0.6, 0.7, 0.8):
        for threshold in (0.5, 0.6, 0.65, 0.7, 0.75, 0.8):
            engine.LEXICON_WEIGHT, model.threshold = weight, threshold
            best = max(best, (evaluate(Analyzer(model), glassdoor).overall.f1, weight, threshold))
    engine.LEXICON_WEIGHT, model.threshold = best[1], best[2]
    tuned = evaluate(Analyzer(model), indeed).overall.f1
    engine.LEXICON_WEIGHT, model.threshold = shipped
    as_shipped = evaluate(Analyzer(model), indeed).overall.f1
    return best[1], best[2], tuned, as_shipped


def kununu_learning(items) -> tuple[tuple[int, int], tuple[int, int], int]:
    """An organisation whose wording the written examples miss: learn from half the German
    comments (topic known, tone not), then score the other half."""
    shuffled = items[:]
    random.Random(5).shuffle(shuffled)
    half = len(shuffled) // 2
    reviewed, held_out = shuffled[:half], shuffled[half:]
    base = Analyzer(ThemeModel.train(shipped_examples()))
    extra = [Example(text, dict.fromkeys(topics, "?")) for text, topics in reviewed]
    learned = Analyzer(ThemeModel.train(shipped_examples() + extra))
    return kununu_top(base, held_out), kununu_top(learned, held_out), len(reviewed)


def kununu_supervised(items) -> tuple[int, int]:
    """A yardstick for the German target: the same pipeline trained on kununu comments alone
    (half of them, topic only), scored on the other half. What the encoder can reach with
    in-domain labels; the shipped model never sees these comments."""
    shuffled = items[:]
    random.Random(5).shuffle(shuffled)
    half = len(shuffled) // 2
    trained, held_out = shuffled[:half], shuffled[half:]
    examples = [Example(text, dict.fromkeys(topics, "?")) for text, topics in trained]
    return kununu_top(Analyzer(ThemeModel.train(examples)), held_out)


def exit_answers(count: int) -> list[str]:
    """Free-text answers of exit-interview length, from the project's own demo generator."""
    from zoneinfo import ZoneInfo

    from exitlens.demo.generator import DemoGenerator

    generator = DemoGenerator(1, date(2026, 11, 26), tz=ZoneInfo("Europe/Amsterdam"))
    texts = []
    for departure in generator.departures(count):
        if departure.interview:
            texts.extend(text for _key, text, *_ in departure.interview.answers if text)
        if len(texts) >= count:
            break
    return texts[:count]


def comment_texts(count: int) -> list[str]:
    texts = []
    for row in _rows("glassdoor"):
        texts.extend(_unescape(row[field]) for field in ("pros", "Cons") if row[field].strip())
    for row in _rows("indeed"):
        texts.extend(row[field] for field in ("text", "pros", "cons") if row[field].strip())
    random.Random(1).shuffle(texts)
    return texts[:count]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"update {DOC.name}")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is absent (the real comments live outside the repository)")
        return 0

    started = time.perf_counter()
    analyzer = Analyzer(ThemeModel.train(shipped_examples()))
    train_seconds = time.perf_counter() - started
    english = english_set()
    results = {"en": evaluate(analyzer, english)}
    for language in ("nl", "es"):
        results[language] = evaluate(analyzer, translated_set(language), language)
    kununu = kununu_set()
    hits, total = kununu_top(analyzer, kununu)
    gc.collect()
    texts = comment_texts(5_000)
    timing = speed(analyzer, texts)
    short = exit_answers(5_000)
    short_timing = speed(analyzer, short)
    print(
        f"speed on exit-interview answers: {short_timing['bulk']:.0f} answers/s in bulk, "
        f"encoder alone {short_timing['raw']:.0f}/s"
    )
    before, after, reviewed = learning_effect(english)
    tuning = held_out_tuning(english)
    german_learning = kununu_learning(kununu)
    supervised = kununu_supervised(kununu)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    timing["worker_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    for language, evaluation in results.items():
        print(f"\n== {language}\n{evaluation.table()}")
    print(f"\nkununu (de): best theme is the topic in {hits}/{total} = {hits / total:.1%}")
    print(
        f"speed: {timing['bulk']:.0f} answers/s in bulk with {timing['workers']} workers "
        f"({timing['bulk_with_start']:.0f}/s counting their start, {timing['one_process']:.0f}/s "
        f"in one process), encoder alone {timing['raw']:.0f}/s; "
        f"single answer median {timing['latency_median']:.1f} ms, "
        f"p95 {timing['latency_p95']:.1f} ms; peak memory {peak_mb:.0f} MB; "
        f"training {train_seconds:.1f} s"
    )
    print(f"learning: held-out English F1 {before:.3f} -> {after:.3f} ({reviewed} reviewed)")
    (base_hits, held), (learned_hits, _), learned_from = german_learning
    print(
        f"learning (de): top theme on held-out kununu {base_hits}/{held} -> "
        f"{learned_hits}/{held} after learning from {learned_from}"
    )
    print(f"kununu yardstick, trained on kununu alone: {supervised[0]}/{supervised[1]}")
    weight, threshold, tuned, shipped = tuning
    print(
        f"tuned on Glassdoor (weight {weight:.2f}, threshold {threshold:.2f}): "
        f"Indeed F1 {tuned:.3f}; as shipped {shipped:.3f}"
    )
    if args.write:
        _write(
            results,
            (hits, total),
            timing,
            peak_mb,
            (before, after, reviewed),
            len(texts),
            tuning,
            german_learning,
            short_timing,
            supervised,
        )
    return 0


def _median_words(count: int) -> int:
    return int(statistics.median(len(text.split()) for text in comment_texts(count)))


def _targets(results, kununu, timing, peak_mb) -> str:
    hits, total = kununu
    found = [ev.polarity_right for ev in results.values()]
    judged = [ev.polarity_total for ev in results.values()]
    rows = [
        ("Micro-F1 English", "≥ 0.70", results["en"].overall.f1, results["en"].overall.f1 >= 0.70),
        ("Micro-F1 Dutch", "≥ 0.65", results["nl"].overall.f1, results["nl"].overall.f1 >= 0.65),
        ("Micro-F1 Spanish", "≥ 0.65", results["es"].overall.f1, results["es"].overall.f1 >= 0.65),
        ("kununu: best theme = topic", "≥ 75%", hits / total, hits / total >= 0.75),
        (
            "Polarity, all languages",
            "≥ 85%",
            sum(found) / sum(judged),
            sum(found) / sum(judged) >= 0.85,
        ),
        ("Answers/s in bulk (real comments)", "≥ 1,000", timing["bulk"], timing["bulk"] >= 1000),
        (
            "… of the raw encoder speed",
            "≥ 50%",
            timing["bulk"] / timing["raw"],
            timing["bulk"] >= timing["raw"] / 2,
        ),
        ("One answer (median)", "< 50 ms", timing["latency_median"], timing["latency_median"] < 50),
        ("Peak memory", "< 600 MB", peak_mb, peak_mb < 600),
    ]
    lines = ["| Target (issue 3) | Wanted | Measured | Met |", "|---|---|---:|---|"]
    for name, wanted, value, met in rows:
        if name.startswith("Micro-F1"):
            shown = f"{value:.2f}"
        elif "%" in wanted:
            shown = f"{value:.1%}"
        else:
            shown = f"{value:,.1f}"
        lines.append(f"| {name} | {wanted} | {shown} | {'yes' if met else '**no**'} |")
    return "\n".join(lines)


def _write(
    results, kununu, timing, peak_mb, learning, speed_texts, tuning, german, short, supervised
) -> None:
    import django

    hits, total = kununu
    before, after, reviewed = learning
    rows = "\n".join(
        f"| {language} | {ev.items} | {ev.overall.precision:.2f} | {ev.overall.recall:.2f} | "
        f"**{ev.overall.f1:.2f}** | {ev.polarity_accuracy:.2f} |"
        for language, ev in results.items()
    )
    section = f"""{START}
## Theme coding

`python bench/themes.py --write` on the real comments in `../shared/data/comments`. English: the
project's development set of {results["en"].items} former employees' Glassdoor and Indeed comments, labelled by the
project (row references and labels in `bench/data/dev_en_*.csv`). Dutch and Spanish: the
project's own versions of {results["nl"].items} of them (`bench/data/dev_nl_es_*.csv`). German: the
{total} labelled kununu comments. The model is trained only on the examples the project wrote
(`src/exitlens/analysis/data/`); none of these comments are in its training data.

| Language | Texts | Precision | Recall | Micro-F1 (themes) | Polarity accuracy (correct themes) |
|---|---:|---:|---:|---:|---:|
{rows}

The decision threshold and the weight of the theme word lists were chosen on this English set.
As a check that they are not fitted to it: chosen on the Glassdoor half alone (weight
{tuning[0]:.2f}, threshold {tuning[1]:.2f}), micro-F1 on the unseen Indeed half is {tuning[2]:.2f}; with the
shipped values, {tuning[3]:.2f}.

German kununu comments: the best-scoring theme is the comment's topic in {hits} of {total}
({hits / total:.1%}). The topic is the heading the reviewer wrote under (kununu's form asks for
one text per heading), and many texts under "Vorgesetztenverhalten" or "Arbeitsatmosphäre" speak
of pressure, pay or top management instead. As a yardstick of what this encoder can reach on
them: the same pipeline trained on half of the kununu comments alone, with their topics,
finds the topic of the other half in {supervised[0]} of {supervised[1]} ({supervised[0] / supervised[1]:.1%}).

Learning from review (`themes learn` retrains with the reviewed answers added to the written
examples): with half of the English set reviewed, micro-F1 on the other half goes from
{before:.2f} to {after:.2f} ({reviewed} reviewed answers): on comments like these the written examples and word
lists already do what 150 reviews can teach. Where an organisation's wording differs from the
written examples, it helps: learning from {german[2]} German kununu comments (topic only) raises the
top-theme hit rate on the other {german[0][1]} from {german[0][0] / german[0][1]:.1%} to {german[1][0] / german[1][1]:.1%}.

Speed on {speed_texts:,} real comments (median {_median_words(speed_texts)} words), two cores:
**{timing["bulk"]:.0f} answers/s** in bulk as `themes tag` and `themes recode` code them (median of
{REPEATS} runs, range {timing["bulk_range"][0]:.0f} to {timing["bulk_range"][1]:.0f}), with
{timing["workers"]} worker processes (language detection, clause splitting, encoding, scoring;
{timing["bulk_with_start"]:.0f}/s counting the two seconds the workers take to start, so a few
thousand answers are coded in one process: {timing["one_process"]:.0f}/s). The encoder alone on the
same texts: {timing["raw"]:.0f} texts/s ({timing["raw_range"][0]:.0f} to {timing["raw_range"][1]:.0f}), with numpy on both
cores: the worker processes share the cores better than numpy's threads do, and a clause that
recurs is encoded once. The speed of this machine varies from run to run, as the ranges show, and
bulk coding is near the 1,000 answers/s target on comments of this length. One answer once loaded: median {timing["latency_median"]:.1f} ms,
95th percentile {timing["latency_p95"]:.1f} ms. Peak memory: {peak_mb:.0f} MB for the benchmark process
(as a web worker holds the model), {timing["worker_peak_mb"]:.0f} MB for each coding worker. On 5,000
answers of exit-interview length (the demo generator's, median a sentence):
{short["bulk"]:.0f} answers/s, encoder alone {short["raw"]:.0f}/s; this flatters, because the demo
answers repeat phrases from a small bank and identical clauses are encoded once.

{_targets(results, kununu, timing, peak_mb)}

Measured {date.today().isoformat()} on {os.cpu_count()} CPUs, {platform.machine()}, Python {platform.python_version()}, Django {django.get_version()}.
{END}"""
    text = DOC.read_text()
    if START in text:
        text = re.sub(re.escape(START) + ".*?" + re.escape(END), section, text, flags=re.S)
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    DOC.write_text(text)
    print(f"wrote {DOC}")


if __name__ == "__main__":
    sys.exit(main())
