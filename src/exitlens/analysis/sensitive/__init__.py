"""Find sensitive disclosures HR must act on, in English, Dutch, Spanish and German: sexual
harassment, harassment, discrimination, bullying, threats and violence, unsafe work, fraud and
integrity breaches (told to ignore rules, keep quiet, lie).

Rules per clause, not a word list: a leaver writes "sexist jokes and nobody stepped in" more
often than "harassment", and "a place where bullying is not tolerated" more often than a
disclosure that uses the word. See `cues` for the four kinds of cue and `guards` for what cancels
one. What the rules do not find, a model on sentence vectors reads as well (`model`): a
disclosure told in words no rule knows. Recall comes first (a missed disclosure costs more than a
false flag HR dismisses); the figures on the project's written set are in docs/benchmarks.md
(bench/disclosures.py).
"""

import re
from dataclasses import dataclass
from functools import cache

from exitlens.analysis.sensitive import guards
from exitlens.analysis.sensitive.cues import (
    ACT,
    ADVERSE,
    BYSTANDER,
    CATEGORIES,
    QUALIFIER,
    TOPIC,
    WEAK,
    normalise,
    pattern,
)
from exitlens.analysis.sensitive.model import model_categories

__all__ = [
    "CATEGORIES",
    "Disclosure",
    "disclosure_category",
    "find_disclosure",
    "find_disclosures",
    "flag_many",
    "mentions_misconduct",
    "rule_disclosures",
]

MAX_TEXT_LENGTH = 5_000  # characters read per answer, as the theme coding reads
# Sentences: not contrasts within one, since "maar", "pero" and "aber" are also mere particles.
_CLAUSE = re.compile(r"[.!?;\n]+(?:\s|$)|\s+-\s+")
_WORD = re.compile(r"[\w']+")


@dataclass(frozen=True)
class Disclosure:
    category: str  # one of CATEGORIES
    evidence: str  # the words that gave it away, as normalised (lower case, no accents)
    strength: str  # "topic", "act" or "weak": a named topic, something that happened, or behaviour
    # with a second sign (sexual, about my origin, nobody intervened); "model": the model's reading


def _compile(parts) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(pattern(part) for part in parts) + ")")


@cache
def _rules() -> tuple[list, list, re.Pattern, list, re.Pattern, re.Pattern]:
    topics = [(category, _compile(TOPIC[category])) for category in CATEGORIES if category in TOPIC]
    acts = [(category, _compile(ACT[category])) for category in CATEGORIES if category in ACT]
    weak = _compile(WEAK["harassment"])
    qualifiers = [(category, _compile(parts)) for category, parts in QUALIFIER.items()]
    return topics, acts, weak, qualifiers, _compile(ADVERSE), _compile(BYSTANDER)


def _negated(clause: str, match: re.Match) -> bool:
    """A negation with nothing but filler words between it and the cue, before it ("never felt
    unsafe") or after it ("harassment was not tolerated", "Mobbing gab es nicht")."""
    before = _WORD.findall(clause[max(0, match.start() - 100) : match.start()])[-8:]
    skip = False
    for word in reversed(before):
        if skip:
            skip = False
        elif word in guards.NEGATORS or word.endswith("n't"):
            return True
        elif word in guards.CONJUNCTIONS:
            skip = True  # the coordinated word before it: "never [bullied] or harassed"
        elif word not in guards.FILLERS:
            break
    rest = clause[match.end() :]
    words = list(_WORD.finditer(rest))[:6]
    for i, word in enumerate(words):
        text = word.group()
        if text in guards.NEGATORS or text.endswith("n't"):
            after = rest[word.end() :]
            return i + 1 == len(words) or bool(guards.AFTER_NEGATION.match(after.strip()))
        if text not in guards.FILLERS:
            break
    return False


def _found(clause_pattern: re.Pattern, clause: str) -> re.Match | None:
    for match in clause_pattern.finditer(clause):
        if not _negated(clause, match):
            return match
    return None


def find_disclosures(text: str) -> list[Disclosure]:
    """Every disclosure the rules find, at most one per category, strongest sign first; when
    they find none, the one the model reads, if any."""
    found = rule_disclosures(text)
    if found or not (text or "").strip():
        return found
    (category,) = model_categories([text[:MAX_TEXT_LENGTH]])
    return [Disclosure(category, "", "model")] if category else []


def flag_many(texts: list[str]) -> list[bool]:
    """Whether each answer discloses misconduct: the rules, then the model for the others in one
    batch (the fast path for many answers)."""
    flags = [bool(rule_disclosures(text)) for text in texts]
    rest = [i for i, flagged in enumerate(flags) if not flagged and (texts[i] or "").strip()]
    categories = model_categories([texts[i][:MAX_TEXT_LENGTH] for i in rest])
    for i, category in zip(rest, categories, strict=True):
        flags[i] = category is not None
    return flags


def rule_disclosures(text: str) -> list[Disclosure]:
    """Every disclosure the rules find, at most one per category, strongest sign first."""
    topics, acts, weak, qualifiers, adverse, bystander = _rules()
    normalised = normalise((text or "")[:MAX_TEXT_LENGTH])
    clauses = [clause.strip() for clause in _CLAUSE.split(normalised) if clause.strip()]
    nobody_intervened = bool(bystander.search(normalised))
    found: dict[str, Disclosure] = {}

    def add(category: str, match: re.Match, strength: str) -> None:
        if category not in found:
            found[category] = Disclosure(category, match.group().strip(), strength)

    for clause in clauses:
        named = guards.NAMED.sub(" ", clause)
        for category, rule in acts:
            if match := _found(rule, named):
                add(category, match, "act")
        topical = not guards.WISH.search(named) and not (
            guards.AS_FAR_AS_I_KNOW.search(named)
            and any(word in guards.NEGATORS for word in _WORD.findall(named))
        )
        if topical:
            for category, rule in topics:
                if match := _found(rule, named):
                    add(category, match, "topic")
        behaviour = _found(weak, clause)
        if behaviour is None:
            continue
        for category, rule in qualifiers:
            match = _found(rule, clause)
            if match and (category == "discrimination" or match.start() != behaviour.start()):
                add(category, behaviour, "weak")
        others = [m for m in weak.finditer(clause) if m.start() > behaviour.start()]
        if nobody_intervened or any(not _negated(clause, m) for m in others):
            add("harassment", behaviour, "weak")
    for clause in clauses:  # unequal treatment without a behaviour word: "passed over for kids"
        if (match := _found(adverse, clause)) and _found(
            dict(qualifiers)["discrimination"], clause
        ):
            add("discrimination", match, "weak")
    if "sexual_harassment" in found:
        found.pop("harassment", None)  # the specific category names it: "sexually harassed"
    order = {"act": 0, "topic": 1, "weak": 2}
    return sorted(found.values(), key=lambda d: (order[d.strength], CATEGORIES.index(d.category)))


def find_disclosure(text: str) -> Disclosure | None:
    """The strongest disclosure in an answer, or None."""
    disclosures = find_disclosures(text)
    return disclosures[0] if disclosures else None


def mentions_misconduct(text: str) -> bool:
    """Whether an answer discloses harassment, discrimination, bullying, threats or violence,
    unsafe work, fraud or an integrity breach (the flag `Answer.sensitive` starts from)."""
    return find_disclosure(text) is not None


def disclosure_category(text: str) -> str | None:
    """The category of the strongest disclosure (one of `CATEGORIES`), or None when the answer
    discloses nothing."""
    disclosure = find_disclosure(text)
    return disclosure.category if disclosure else None
