"""Language detection limited to the languages Exitlens speaks."""

import re
from functools import cache

LANGUAGES = ("nl", "en", "es", "de")
UNDETERMINED = "und"
_LETTERS = re.compile(r"[^\W\d_]{2,}")


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def detect_language(text: str, *, minimum_confidence: float = 0.5) -> str:
    """nl, en, es or de; 'und' when the text carries too little language (emoji, 'ok', '-')."""
    if not _LETTERS.search(text or ""):
        return UNDETERMINED
    language, confidence = _identifier().classify(text)
    return language if confidence >= minimum_confidence else UNDETERMINED


def check_language(code: str) -> str:
    """A language code as given by a user: one of LANGUAGES, or 'auto'. Raises ValueError."""
    code = (code or "").strip().lower()
    if code == "auto" or code in LANGUAGES:
        return code
    raise ValueError(f"unknown language {code!r}: use auto, {', '.join(LANGUAGES)}")
