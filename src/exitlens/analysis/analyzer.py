"""Code answers: language, themes with polarity and score, and sensitive disclosures."""

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from exitlens.analysis import encoder
from exitlens.analysis.clauses import split_clauses
from exitlens.analysis.language import LANGUAGES, UNDETERMINED, detect_language
from exitlens.analysis.lexicon import named_themes
from exitlens.analysis.model import Example, ThemeModel, shipped_examples
from exitlens.analysis.questions import POLARITY_PRIOR
from exitlens.analysis.sensitive import flag_many
from exitlens.analysis.sentiment import tone
from exitlens.analysis.taxonomy import THEME_IDS

SENSITIVE_SIMILARITY = 0.62  # cosine to the nearest written example of a disclosure
TONE_WEIGHT = 1.5  # log-odds per judging word (great +, terrible -), at most three counted
LEXICON_WEIGHT = 0.7  # a theme's own word in a clause: p = 1 - (1 - p_model) * (1 - weight)


@dataclass(frozen=True)
class ThemeTag:
    theme: str
    polarity: str  # "positive" or "negative"
    score: float


@dataclass
class Coding:
    language: str
    themes: list[ThemeTag] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    sensitive: bool = False

    def as_dict(self) -> dict:
        return {
            "language": self.language,
            "themes": [
                {"theme": tag.theme, "polarity": tag.polarity, "score": round(tag.score, 3)}
                for tag in self.themes
            ],
            "scores": {theme: round(score, 3) for theme, score in self.scores.items()},
            "sensitive": self.sensitive,
        }


def _empty(language: str) -> Coding:
    return Coding(language=language, scores=dict.fromkeys(THEME_IDS, 0.0))


class Analyzer:
    """Holds a trained model; `code_many` is the fast path (one encoder call for all clauses)."""

    def __init__(self, model: ThemeModel):
        self.model = model

    @classmethod
    def load(cls, model_path: Path | None = None, cache_dir: Path | None = None) -> "Analyzer":
        """The learned model at `model_path` if there is one, else the one trained from the
        project's examples (kept in `cache_dir` so a restart does not train again)."""
        if model_path is not None and model_path.exists():
            return cls(ThemeModel.load(model_path))
        return cls(base_model(cache_dir))

    def code(self, text: str, language: str | None = None, question: str | None = None) -> Coding:
        return self.code_many([text], [language], [question])[0]

    def code_many(
        self,
        texts: list[str],
        languages: list[str | None] | None = None,
        questions: list[str | None] | None = None,
    ) -> list[Coding]:
        count = len(texts)
        languages = languages or [None] * count
        questions = questions or [None] * count
        clauses_per_text = [split_clauses(text) for text in texts]
        flat = [clause for clauses in clauses_per_text for clause in clauses]
        # Exit answers repeat themselves ("Nee.", "n.v.t.", "Good pay"): encode each clause once.
        unique = list(dict.fromkeys(flat))
        position = {clause: i for i, clause in enumerate(unique)}
        vectors = encoder.encode(unique)[[position[clause] for clause in flat]]
        probabilities = self.model.theme_probabilities(vectors)
        _add_lexicon(probabilities, flat)
        polarity = self.model.polarity_logits(vectors) + TONE_WEIGHT * np.clip(
            [tone(clause) for clause in flat], -3, 3
        )
        similarity = self.model.sensitive_similarity(vectors)
        disclosing = flag_many(texts)
        codings = []
        start = 0
        for text, clauses, language, question, discloses in zip(
            texts, clauses_per_text, languages, questions, disclosing, strict=True
        ):
            end = start + len(clauses)
            language = language if language in LANGUAGES else detect_language(text)
            if not clauses:
                codings.append(_empty(language))
            else:
                codings.append(
                    self._combine(
                        text,
                        language,
                        POLARITY_PRIOR.get(question or "general", 0.0),
                        probabilities[start:end],
                        polarity[start:end],
                        similarity[start:end],
                        discloses,
                    )
                )
            start = end
        return codings

    def _combine(
        self,
        text: str,
        language: str,
        prior: float,
        probabilities: np.ndarray,
        polarity: np.ndarray,
        similarity: np.ndarray,
        discloses: bool,
    ) -> Coding:
        """An answer raises a theme as strongly as its strongest clause does."""
        best_clause = probabilities.argmax(axis=0)
        best = probabilities.max(axis=0)
        scores = {theme: float(best[i]) for i, theme in enumerate(THEME_IDS)}
        tags = []
        for i, theme in enumerate(THEME_IDS):
            if best[i] >= self.model.threshold:
                positive = polarity[best_clause[i]] + prior > 0
                tags.append(ThemeTag(theme, "positive" if positive else "negative", float(best[i])))
        tags.sort(key=lambda tag: -tag.score)
        sensitive = discloses or bool(similarity.max() >= SENSITIVE_SIMILARITY)
        return Coding(language=language, themes=tags, scores=scores, sensitive=sensitive)


THEME_INDEX = {theme: i for i, theme in enumerate(THEME_IDS)}


def _add_lexicon(probabilities: np.ndarray, clauses: list[str]) -> None:
    for row, clause in enumerate(clauses):
        for theme in named_themes(clause):
            i = THEME_INDEX[theme]
            probabilities[row, i] = 1 - (1 - probabilities[row, i]) * (1 - LEXICON_WEIGHT)


def base_model(cache_dir: Path | None = None, extra: list[Example] | None = None) -> ThemeModel:
    """The model trained from the shipped examples (plus `extra`), cached by content."""
    from exitlens.analysis.model import fingerprint

    examples = shipped_examples() + (extra or [])
    if cache_dir is not None:
        path = cache_dir / f"themes-{fingerprint(examples)}.npz"
        if path.exists():
            return ThemeModel.load(path)
    model = ThemeModel.train(examples)
    if cache_dir is not None:
        model.save(path)
    return model


__all__ = ["UNDETERMINED", "Analyzer", "Coding", "ThemeTag", "base_model"]
