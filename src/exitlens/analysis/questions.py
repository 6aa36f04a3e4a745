"""The questions an answer can belong to, and what each says about polarity before any word.

An answer to "what attracted you?" is a strength unless its words say otherwise; an answer to
"why did you decide to leave?" is a problem unless they do. The prior is added to the polarity
model's log-odds (positive = strength).
"""

POLARITY_PRIOR = {
    "attraction": 2.0,
    "liked_most": 2.0,
    "expectations": 0.0,
    "reason": -2.0,
    "retention": -1.5,
    "liked_least": -2.0,
    "general": 0.0,
}
QUESTIONS = tuple(POLARITY_PRIOR)
