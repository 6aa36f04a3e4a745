"""A fast, deterministic stand-in for the theme analyser, installed for every test by
tests/conftest.py. Tests about coding itself opt into the real one with
`@pytest.mark.real_analyser`.

It reads answers the way the real analyser's cheap parts do and skips its sentence vectors:
a theme when a clause names it (the lexicon), polarity from judging words and the question's
prior, a disclosure when the rules find one (never the vector model), the language as detected.
"""

from dataclasses import dataclass

from exitlens.analysis.analyzer import THEME_INDEX, TONE_WEIGHT, Analyzer, Coding, ThemeTag
from exitlens.analysis.clauses import split_clauses
from exitlens.analysis.language import LANGUAGES, detect_language
from exitlens.analysis.lexicon import named_themes
from exitlens.analysis.questions import POLARITY_PRIOR
from exitlens.analysis.sensitive import rule_disclosures
from exitlens.analysis.sentiment import tone

NAMED_SCORE = 0.9  # a theme a clause names; above the threshold, as the real lexicon pushes it


@dataclass(frozen=True)
class FakeModel:
    threshold: float = 0.7
    fingerprint: str = "fake"


class FakeAnalyzer(Analyzer):
    """Codes like `Analyzer.code_many`, without an encoder or a trained model."""

    def __init__(self):
        super().__init__(FakeModel())

    def code_many(
        self,
        texts: list[str],
        languages: list[str | None] | None = None,
        questions: list[str | None] | None = None,
    ) -> list[Coding]:
        count = len(texts)
        languages = languages or [None] * count
        questions = questions or [None] * count
        return [
            self._code_one(text, language, question)
            for text, language, question in zip(texts, languages, questions, strict=True)
        ]

    def _code_one(self, text: str, language: str | None, question: str | None) -> Coding:
        language = language if language in LANGUAGES else detect_language(text)
        scores = dict.fromkeys(THEME_INDEX, 0.0)
        polarity: dict[str, float] = {}
        prior = POLARITY_PRIOR.get(question or "general", 0.0)
        for clause in split_clauses(text):
            for theme in named_themes(clause):
                scores[theme] = NAMED_SCORE
                polarity.setdefault(theme, TONE_WEIGHT * max(-3, min(3, tone(clause))) + prior)
        tags = [
            ThemeTag(theme, "positive" if polarity[theme] > 0 else "negative", NAMED_SCORE)
            for theme in THEME_INDEX
            if theme in polarity
        ]
        return Coding(
            language=language,
            themes=tags,
            scores=scores,
            sensitive=bool(rule_disclosures(text)),
        )


def no_model_categories(texts: list[str], vectors=None) -> list[str | None]:
    """The disclosure model's reading when only the rules run: nothing more."""
    return [None] * len(texts)
