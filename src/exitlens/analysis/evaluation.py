"""Precision, recall and F1 of theme coding against human labels, and polarity accuracy."""

from dataclasses import dataclass, field

from exitlens.analysis.taxonomy import THEME_IDS


@dataclass
class Scores:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 0.0

    @property
    def recall(self) -> float:
        wanted = self.true_positive + self.false_negative
        return self.true_positive / wanted if wanted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.true_positive + self.false_negative


@dataclass
class Evaluation:
    per_theme: dict[str, Scores] = field(default_factory=lambda: {t: Scores() for t in THEME_IDS})
    overall: Scores = field(default_factory=Scores)
    polarity_right: int = 0
    polarity_total: int = 0
    items: int = 0

    @property
    def polarity_accuracy(self) -> float:
        return self.polarity_right / self.polarity_total if self.polarity_total else 0.0

    def add(self, expected: dict[str, str], predicted: dict[str, str]) -> None:
        """Both map theme -> '+' or '-'. Theme detection ignores polarity; polarity is judged
        on the themes found correctly."""
        self.items += 1
        for theme in THEME_IDS:
            wanted, found = theme in expected, theme in predicted
            scores = self.per_theme[theme]
            if wanted and found:
                scores.true_positive += 1
                self.overall.true_positive += 1
                self.polarity_total += 1
                self.polarity_right += expected[theme] == predicted[theme]
            elif found:
                scores.false_positive += 1
                self.overall.false_positive += 1
            elif wanted:
                scores.false_negative += 1
                self.overall.false_negative += 1

    def table(self) -> str:
        lines = [f"{'theme':<14} {'prec':>6} {'recall':>6} {'F1':>6} {'n':>5}"]
        for theme, scores in self.per_theme.items():
            if scores.support or scores.false_positive:
                lines.append(
                    f"{theme:<14} {scores.precision:6.2f} {scores.recall:6.2f} "
                    f"{scores.f1:6.2f} {scores.support:5d}"
                )
        o = self.overall
        lines.append(f"{'micro':<14} {o.precision:6.2f} {o.recall:6.2f} {o.f1:6.2f} {o.support:5d}")
        lines.append(
            f"polarity accuracy on correctly found themes: {self.polarity_accuracy:.2f} "
            f"({self.polarity_right}/{self.polarity_total}); {self.items} texts"
        )
        return "\n".join(lines)


def signed(tags) -> dict[str, str]:
    """A coding's themes as {theme: '+' or '-'}."""
    return {tag.theme: "+" if tag.polarity == "positive" else "-" for tag in tags}
