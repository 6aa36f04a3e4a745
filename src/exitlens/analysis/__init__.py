"""Theme and sentiment coding of free-text answers, offline and framework-free (no Django)."""

from exitlens.analysis.analyzer import Analyzer, Coding, ThemeTag
from exitlens.analysis.questions import QUESTIONS

__all__ = ["QUESTIONS", "Analyzer", "Coding", "ThemeTag"]
