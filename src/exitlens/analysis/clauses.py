"""Split an answer into clauses: one vector for a whole multi-topic answer codes poorly."""

import re

MAX_TEXT_LENGTH = 5_000  # characters analysed per answer; the rest rarely adds a theme
MAX_CLAUSES = 40
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+|\s+[-–•*]\s+|^\s*[-–•*]\s+|\s*\|\s*")
# Coordinators that usually start a new point in exit answers, in the four languages.
_JOINS = re.compile(
    r",?\s+(?:but|however|and also|also|plus|though|although|"
    r"maar|echter|en ook|ook|"
    r"pero|sin embargo|y también|además|aunque|"
    r"aber|jedoch|und auch|außerdem|allerdings|obwohl)\s+"
    r"|,\s+(?:and|en|y|und)\s+"
    r"|,\s+",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_]+")
MIN_WORDS = 2
SHORT_ENOUGH = 8  # words: a sentence this short is one clause


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def split_clauses(text: str) -> list[str]:
    """The clauses of an answer, in order; a short answer is one clause."""
    text = (text or "")[:MAX_TEXT_LENGTH].strip()
    if not text:
        return []
    clauses: list[str] = []
    for sentence in _SENTENCE.split(text):
        sentence = sentence.strip(" \t-–•*,;")
        if not sentence:
            continue
        if _words(sentence) <= SHORT_ENOUGH:
            clauses.append(sentence)
            continue
        parts = [part.strip() for part in _JOINS.split(sentence) if part and part.strip()]
        merged: list[str] = []
        for part in parts:
            # A fragment of one word ("also", "however") belongs to its neighbour.
            if merged and (_words(part) < MIN_WORDS or _words(merged[-1]) < MIN_WORDS):
                merged[-1] = f"{merged[-1]}, {part}"
            else:
                merged.append(part)
        clauses.extend(merged)
    return [clause for clause in clauses if _WORD.search(clause)][:MAX_CLAUSES]
