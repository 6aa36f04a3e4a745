"""Personal data in a quote: e-mail addresses, phone numbers and the names of people.

Framework-free. Names are found two ways: names the caller knows (leavers, managers, users of
this organisation) and words that follow a cue which introduces a person ("my manager Jan",
"mijn collega Petra", "mi jefe Carlos", "Frau Müller"). A capitalised word in the middle of a
sentence is not enough on its own: German capitalises every noun, and teams, places and products
are capitalised too. What is found is replaced by a placeholder, so a reviewer sees the quote
without the person."""

import re
import unicodedata
from dataclasses import dataclass, field

NAME, EMAIL, PHONE = "[name]", "[e-mail]", "[phone]"

EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Runs of digits with the separators phone numbers are written with, 8 digits or more in all
# (06-12345678, +31 6 1234 5678, 020-1234567, (555) 123-4567, +49 30 1234567).
PHONE_PATTERN = re.compile(r"(?<![\w/])(?:\+|00)?\(?\d[\d\s().\-/]{6,}\d(?![\w/])")
MIN_PHONE_DIGITS = 8

# Words after which a person's name follows, in the four languages (lower case, no accents).
_CUES = (
    # English
    "manager",
    "boss",
    "supervisor",
    "colleague",
    "coworker",
    "co-worker",
    "director",
    "team lead",
    "teamlead",
    "lead",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "miss",
    "dr",
    "dr.",
    "named",
    "called",
    # Dutch
    "leidinggevende",
    "manager",
    "baas",
    "chef",
    "collega",
    "teamleider",
    "directeur",
    "meneer",
    "mevrouw",
    "mevr",
    "mevr.",
    "dhr",
    "dhr.",
    "heer",
    "genaamd",
    "ene",
    # Spanish
    "jefe",
    "jefa",
    "companero",
    "companera",
    "compañero",
    "compañera",
    "supervisor",
    "supervisora",
    "director",
    "directora",
    "sr",
    "sr.",
    "sra",
    "sra.",
    "senor",
    "senora",
    "don",
    "dona",
    "llamado",
    "llamada",
    # German
    "chef",
    "chefin",
    "vorgesetzter",
    "vorgesetzte",
    "kollege",
    "kollegin",
    "teamleiter",
    "teamleiterin",
    "abteilungsleiter",
    "abteilungsleiterin",
    "herr",
    "herrn",
    "frau",
    "namens",
)
CUES = frozenset(_CUES)
# Name particles that may stand between a first name and a surname.
PARTICLES = frozenset(("van", "de", "der", "den", "ter", "ten", "von", "zu", "del", "la", "di"))
# Capitalised words that follow a cue but are no name.
NOT_NAMES = frozenset(
    (
        "i",
        "ik",
        "yo",
        "ich",
        "he",
        "she",
        "they",
        "hij",
        "zij",
        "ze",
        "el",
        "ella",
        "er",
        "sie",
        "the",
        "de",
        "het",
        "een",
        "der",
        "die",
        "das",
        "ein",
        "eine",
        "el",
        "la",
        "los",
        "las",
        "un",
        "una",
        "hr",
        "it",
        "ceo",
        "cfo",
        "cto",
        "and",
        "en",
        "und",
        "y",
    )
)

_WORD = re.compile("[^\\W\\d_][\\w'\u2019-]*", re.UNICODE)


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@dataclass
class Redaction:
    text: str
    found: list[str] = field(default_factory=list)  # the kinds found: NAME, EMAIL, PHONE

    @property
    def changed(self) -> bool:
        return bool(self.found)


def _phones(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in PHONE_PATTERN.finditer(text):
        digits = sum(char.isdigit() for char in match.group())
        looks_like_date_or_amount = re.fullmatch(r"\d{1,4}([./-])\d{1,2}\1\d{1,4}", match.group())
        if digits >= MIN_PHONE_DIGITS and not looks_like_date_or_amount:
            spans.append(match.span())
    return spans


def _cued_names(text: str, words: list[re.Match]) -> list[tuple[int, int]]:
    spans = []
    for index, word in enumerate(words[:-1]):
        cue = _plain(word.group())
        if index + 1 < len(words) and f"{cue} {_plain(words[index + 1].group())}" in CUES:
            continue  # the first word of a two-word cue ("team lead")
        if cue not in CUES:
            continue
        start = end = None
        reached = word.end()
        for following in words[index + 1 : index + 5]:
            name = following.group()
            if not re.fullmatch(r"[\s.]*", text[reached : following.start()]):
                break
            reached = following.end()
            if name[0].isupper() and _plain(name) not in NOT_NAMES and _plain(name) not in CUES:
                start = following.start() if start is None else start
                end = following.end()
            elif start is None or _plain(name) not in PARTICLES:
                break
        if start is not None:
            spans.append((start, end))
    return spans


def _known_names(text: str, words: list[re.Match], known: frozenset[str]) -> list[tuple[int, int]]:
    return [
        word.span() for word in words if word.group()[0].isupper() and _plain(word.group()) in known
    ]


def name_words(full_names) -> frozenset[str]:
    """The words of people's names worth looking for (plain, no particles, no initials)."""
    found = set()
    for full_name in full_names:
        for word in _WORD.findall(full_name or ""):
            plain = _plain(word)
            if len(plain) > 2 and plain not in PARTICLES and plain not in NOT_NAMES:
                found.add(plain)
    return frozenset(found)


def capitalised_words(text: str) -> set[str]:
    """The capitalised words of a text, plain: what a caller checks against known names."""
    return {_plain(word) for word in _WORD.findall(text or "") if word[0].isupper()}


def redact(text: str, known_names: frozenset[str] = frozenset()) -> Redaction:
    """The text with e-mail addresses, phone numbers and people's names replaced."""
    spans: list[tuple[int, int, str]] = []
    for match in EMAIL_PATTERN.finditer(text):
        spans.append((*match.span(), EMAIL))
    taken = [(start, end) for start, end, _kind in spans]
    for start, end in _phones(text):
        if not any(start < b and a < end for a, b in taken):
            spans.append((start, end, PHONE))
    words = [word for word in _WORD.finditer(text) if not _inside(word.span(), spans)]
    for start, end in _cued_names(text, words) + _known_names(text, words, known_names):
        spans.append((start, end, NAME))
    if not spans:
        return Redaction(text)
    merged: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(spans):
        if merged and start <= merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2])
        else:
            merged.append((start, end, kind))
    pieces, position = [], 0
    for start, end, kind in merged:
        pieces.append(text[position:start] + kind)
        position = end
    pieces.append(text[position:])
    return Redaction("".join(pieces), sorted({kind for _s, _e, kind in merged}))


def _inside(span: tuple[int, int], spans) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end, _kind in spans)


def has_contact_details(text: str) -> bool:
    """An e-mail address or phone number is in the text (a cheap check at display time)."""
    return bool(EMAIL_PATTERN.search(text) or _phones(text))
