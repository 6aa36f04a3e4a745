"""Logistic models on sentence vectors: one output per theme, and one for polarity.

Trained in plain numpy from the project's own examples (analysis/data/examples_*.csv) plus, after
`themes learn`, the corrections HR made. Small enough to train in about a second.
"""

import csv
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from exitlens.analysis import encoder
from exitlens.analysis.taxonomy import THEME_IDS

DATA_DIR = Path(__file__).resolve().parent / "data"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Example:
    """A text with its themes ({theme: "+" or "-"}) and whether it discloses misconduct."""

    text: str
    labels: dict[str, str] = field(default_factory=dict)
    sensitive: bool = False
    weight: float = 1.0


def parse_labels(value: str) -> dict[str, str]:
    """'pay-;career-' -> {'pay': '-', 'career': '-'}. Raises ValueError on anything else."""
    labels: dict[str, str] = {}
    for token in (value or "").replace(",", ";").split(";"):
        token = token.strip()
        if not token:
            continue
        theme, sign = token[:-1], token[-1]
        if sign not in "+-" or theme not in THEME_IDS:
            raise ValueError(f"not a theme label: {token!r} (expected e.g. pay- or culture+)")
        labels[theme] = sign
    return labels


def shipped_examples() -> list[Example]:
    examples = []
    for path in sorted(DATA_DIR.glob("examples_*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                examples.append(
                    Example(
                        text=row["text"],
                        labels=parse_labels(row["labels"]),
                        sensitive=row.get("sensitive", "0").strip() == "1",
                    )
                )
    return examples


def fingerprint(examples: list[Example]) -> str:
    digest = hashlib.sha256(str(FORMAT_VERSION).encode())
    for example in examples:
        labels = ";".join(f"{theme}{sign}" for theme, sign in sorted(example.labels.items()))
        digest.update(f"{example.text}\t{labels}\t{example.sensitive}\t{example.weight}\n".encode())
    return digest.hexdigest()[:16]


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def _fit_logistic(
    x: np.ndarray,
    y: np.ndarray,
    weights: np.ndarray,
    *,
    l2: float,
    positive_weight: float = 1.0,
    epochs: int = 400,
    learning_rate: float = 0.05,
) -> tuple[np.ndarray, np.ndarray]:
    """Weighted (multi-output) logistic regression by full-batch Adam. y: (n, k) of 0/1."""
    d = x.shape[1]
    k = y.shape[1]
    w = np.zeros((d, k), dtype=np.float64)
    b = np.zeros(k, dtype=np.float64)
    sample = weights[:, None] * np.where(y > 0, positive_weight, 1.0)
    total = np.maximum(sample.sum(axis=0), 1e-12)  # no examples of an output: it stays at 0
    m_w, v_w, m_b, v_b = (np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b))
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, epochs + 1):
        error = (_sigmoid(x @ w + b) - y) * sample / total
        grad_w = x.T @ error + l2 * w
        grad_b = error.sum(axis=0)
        m_w = beta1 * m_w + (1 - beta1) * grad_w
        v_w = beta2 * v_w + (1 - beta2) * grad_w**2
        m_b = beta1 * m_b + (1 - beta1) * grad_b
        v_b = beta2 * v_b + (1 - beta2) * grad_b**2
        correction1, correction2 = 1 - beta1**step, 1 - beta2**step
        w -= learning_rate * (m_w / correction1) / (np.sqrt(v_w / correction2) + eps)
        b -= learning_rate * (m_b / correction1) / (np.sqrt(v_b / correction2) + eps)
    return w.astype(np.float32), b.astype(np.float32)


@dataclass
class ThemeModel:
    theme_weights: np.ndarray  # (512, 14)
    theme_bias: np.ndarray  # (14,)
    polarity_weights: np.ndarray  # (512, 1)
    polarity_bias: np.ndarray  # (1,)
    sensitive_vectors: np.ndarray  # (m, 512): the sensitive examples, for nearest-neighbour
    threshold: float
    fingerprint: str

    THEMES = THEME_IDS

    @classmethod
    def train(cls, examples: list[Example], *, threshold: float = 0.7) -> "ThemeModel":
        texts = [example.text for example in examples]
        x = encoder.encode(texts).astype(np.float64)
        weights = np.array([example.weight for example in examples])
        y = np.array(
            [
                [1.0 if theme in example.labels else 0.0 for theme in THEME_IDS]
                for example in examples
            ]
        )
        theme_w, theme_b = _fit_logistic(x, y, weights, l2=1e-4, positive_weight=3.0)
        signed = [
            i
            for i, example in enumerate(examples)
            if example.labels and "?" not in example.labels.values()
        ]
        polarity_y = np.array(
            [[1.0 if "+" in examples[i].labels.values() else 0.0] for i in signed]
        ).reshape(len(signed), 1)
        polarity_w, polarity_b = _fit_logistic(x[signed], polarity_y, weights[signed], l2=1e-4)
        sensitive = [i for i, example in enumerate(examples) if example.sensitive]
        return cls(
            theme_weights=theme_w,
            theme_bias=theme_b,
            polarity_weights=polarity_w,
            polarity_bias=polarity_b,
            sensitive_vectors=x[sensitive].astype(np.float32),
            threshold=threshold,
            fingerprint=fingerprint(examples),
        )

    def theme_probabilities(self, vectors: np.ndarray) -> np.ndarray:
        return _sigmoid(vectors @ self.theme_weights + self.theme_bias)

    def polarity_logits(self, vectors: np.ndarray) -> np.ndarray:
        return (vectors @ self.polarity_weights + self.polarity_bias)[:, 0]

    def sensitive_similarity(self, vectors: np.ndarray) -> np.ndarray:
        if len(self.sensitive_vectors) == 0 or len(vectors) == 0:
            return np.zeros(len(vectors), dtype=np.float32)
        return (vectors @ self.sensitive_vectors.T).max(axis=1)

    def to_bytes(self) -> bytes:
        """The model as a compressed NumPy archive: no pickle, so loading runs no code."""
        out = io.BytesIO()
        np.savez_compressed(
            out,
            format_version=FORMAT_VERSION,
            theme_weights=self.theme_weights,
            theme_bias=self.theme_bias,
            polarity_weights=self.polarity_weights,
            polarity_bias=self.polarity_bias,
            sensitive_vectors=self.sensitive_vectors,
            threshold=self.threshold,
            fingerprint=self.fingerprint,
            themes=np.array(THEME_IDS),
        )
        return out.getvalue()

    @classmethod
    def from_bytes(cls, content: bytes) -> "ThemeModel":
        with np.load(io.BytesIO(content), allow_pickle=False) as data:
            if int(data["format_version"]) != FORMAT_VERSION or tuple(data["themes"]) != THEME_IDS:
                raise ValueError("this theme model was made for another version of Exitlens")
            return cls(
                theme_weights=data["theme_weights"],
                theme_bias=data["theme_bias"],
                polarity_weights=data["polarity_weights"],
                polarity_bias=data["polarity_bias"],
                sensitive_vectors=data["sensitive_vectors"],
                threshold=float(data["threshold"]),
                fingerprint=str(data["fingerprint"]),
            )

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp.npz")
        temporary.write_bytes(self.to_bytes())
        temporary.replace(path)

    @classmethod
    def load(cls, path: Path) -> "ThemeModel":
        try:
            return cls.from_bytes(path.read_bytes())
        except ValueError:
            raise ValueError(f"{path} was made for another version of Exitlens") from None
