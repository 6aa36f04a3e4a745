"""The second reader: a logistic model on the multilingual sentence vectors, for the disclosures
the rules miss because they are told without any of the rules' words ("he kept finding reasons
to stand right behind me", "we put the old meat back with a new date").

Trained when first needed (a few seconds, once per process) on the `dev` rows of the project's
written set (data/disclosures/, the `test` rows stay held out for the benchmark) and on the
disclosures among the theme examples. One output says whether the answer discloses anything;
one per category says which, for the answers only the model flags.
"""

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from exitlens.analysis.sensitive.cues import CATEGORIES

DATA = Path(__file__).resolve().parent.parent / "data" / "disclosures"
TRAINING_SPLIT = "dev"
THRESHOLD = 0.5  # on the held-out rows: recall 0.99 at precision 0.83 (docs/benchmarks.md)
L2 = 1e-3


@dataclass(frozen=True)
class WrittenAnswer:
    language: str
    split: str  # "dev" (for training) or "test" (held out)
    label: str  # a category or "none"
    text: str


def written_answers() -> list[WrittenAnswer]:
    """The project's written set: disclosures per category and near misses, in four languages."""
    rows = []
    for path in sorted(DATA.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                rows.append(WrittenAnswer(path.stem, row["split"], row["label"], row["text"]))
    return rows


@dataclass(frozen=True)
class DisclosureModel:
    any_weights: np.ndarray  # (512, 1)
    any_bias: np.ndarray  # (1,)
    category_weights: np.ndarray  # (512, len(CATEGORIES))
    category_bias: np.ndarray

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """Per vector, the probability that it discloses misconduct."""
        from exitlens.analysis.model import _sigmoid

        return _sigmoid(vectors @ self.any_weights + self.any_bias)[:, 0]

    def categories(self, vectors: np.ndarray) -> list[str]:
        """Per vector, the category it is likeliest to disclose."""
        scores = vectors @ self.category_weights + self.category_bias
        return [CATEGORIES[index] for index in scores.argmax(axis=1)]


def train() -> DisclosureModel:
    from exitlens.analysis import encoder
    from exitlens.analysis.model import _fit_logistic, shipped_examples

    written = [row for row in written_answers() if row.split == TRAINING_SPLIT]
    examples = shipped_examples()
    texts = [row.text for row in written] + [example.text for example in examples]
    flagged = [row.label != "none" for row in written] + [ex.sensitive for ex in examples]
    x = encoder.encode(texts).astype(np.float64)
    y = np.array(flagged, dtype=np.float64)[:, None]
    any_w, any_b = _fit_logistic(x, y, np.ones(len(texts)), l2=L2)
    # The categories from the written disclosures, the only ones with a category.
    disclosures = [i for i, row in enumerate(written) if row.label in CATEGORIES]
    labels = np.array(
        [
            [1.0 if written[i].label == category else 0.0 for category in CATEGORIES]
            for i in disclosures
        ]
    )
    category_w, category_b = _fit_logistic(x[disclosures], labels, np.ones(len(disclosures)), l2=L2)
    return DisclosureModel(any_w, any_b, category_w, category_b)


@cache
def disclosure_model() -> DisclosureModel:
    return train()


def model_categories(texts: list[str], vectors: np.ndarray | None = None) -> list[str | None]:
    """Per text, the category of the disclosure the model reads in it, or None. `vectors`: the
    texts' sentence vectors, when the caller has them already."""
    if not texts:
        return []
    if vectors is None:
        from exitlens.analysis import encoder

        vectors = encoder.encode(list(texts))
    model = disclosure_model()
    flagged = model.probabilities(vectors) >= THRESHOLD
    categories = model.categories(vectors)
    return [category if hit else None for hit, category in zip(flagged, categories, strict=True)]
