"""Personal data in a quote: e-mail addresses, phone numbers and the names of people.

Framework-free. Names are found three ways: names the caller knows (leavers, managers, users of
this organisation), words that follow a cue which introduces a person ("my manager Jan",
"mijn collega Petra", "mi jefe Carlos", "Frau Müller"), and capitalised words in the middle of
a sentence that are no common word (weekday, month, place, team, tool, a theme's word). That
last guess is skipped for German, which capitalises every noun, and for a word after an article
or a team word ("the Board", "Team Noord"). What is found is replaced by a placeholder, so a
reviewer sees the quote without the person; a quote with many people in it is `risky`: with
that much taken out it is still about someone, and it is not quoted at all."""

import re
import unicodedata
from dataclasses import dataclass, field

NAME, EMAIL, PHONE = "[name]", "[e-mail]", "[phone]"
PLACEHOLDER = re.compile(r"\[(?:name|e-mail|phone)\]")

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
    "ceo",
    "cfo",
    "cto",
    "coo",
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


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


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

# Capitalised words that are no person, in the four languages (plain: lower case, no accents):
# days, months, holidays, places, languages, teams and functions, tools, and words that open
# a sentence. A word of a theme (analysis/lexicon.py: "Workload", "Salary") is no person either.
COMMON_WORDS = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday maandag dinsdag woensdag donderdag
    vrijdag zaterdag zondag lunes martes miercoles jueves viernes sabado domingo montag dienstag
    mittwoch donnerstag freitag samstag sonntag
    january february march april may june july august september october november december
    januari februari maart mei juni juli augustus oktober enero febrero marzo abril mayo junio
    julio agosto septiembre setiembre octubre noviembre diciembre januar februar marz maerz mai
    dezember
    christmas easter xmas kerst kerstmis pasen pinksteren navidad semana santa weihnachten ostern
    ramadan covid corona
    english dutch german spanish french italian polish european american british engels duits
    spaans frans nederlands nederlandse hollands espanol ingles aleman frances deutsch englisch
    spanisch europe european europa america amerika netherlands nederland holland germany
    duitsland deutschland alemania spain spanje espana spanien belgium belgie belgica belgien
    france frankrijk francia frankreich england uk usa us eu canada australia australie china
    india japan brazil brasil mexico portugal italy italie italia italien poland polen polonia
    turkey turkije turquia turkei morocco marokko marruecos suriname indonesia indonesie sweden
    zweden switzerland zwitserland schweiz suiza austria oostenrijk osterreich norway noorwegen
    denmark denemarken ireland ierland scotland wales asia azie asien africa afrika latin
    amsterdam rotterdam utrecht eindhoven groningen haag hague leiden delft tilburg breda
    arnhem nijmegen zwolle maastricht almere antwerpen antwerp brussel brussels bruselas berlin
    munchen munich hamburg koln cologne frankfurt stuttgart dusseldorf madrid barcelona valencia
    sevilla bilbao malaga london paris york dublin noord zuid oost west north south east
    randstad
    team teams sales marketing finance financien finanzas finanzen hr ict legal juridische
    support operations ops logistics logistiek logistica logistik procurement purchasing inkoop
    verkoop compras einkauf vertrieb ventas facilitair facilities engineering product products
    research development quality kwaliteit calidad qualitat security beveiliging warehouse
    magazijn almacen lager production productie produccion produktion management directie
    direccion geschaftsfuhrung board raad customer customers service klantenservice
    administratie administration administracion verwaltung accounting boekhouding contabilidad
    buchhaltung controlling planning it helpdesk recruitment recursos humanos personal
    personeelszaken company organisation organization business corporate head office headquarters
    hoofdkantoor sede zentrale department departement afdeling departamento abteilung
    teams slack zoom outlook excel word powerpoint sharepoint google microsoft linkedin jira
    confluence sap workday whatsapp apple android windows ok okay
    ceo cfo cto coo cio vp md hr ceos general generaal
    i'm i've i'd i'll im ive
    """
)
# A capitalised word after one of these names a thing or a team, not a person.
NO_PERSON_AFTER = _words(
    """
    the an this that these those our their your its het een deze dit onze jullie el la los
    las un una este esta estos estas nuestro nuestra der die das ein eine dem den des unser unsere
    team afdeling department dept unit division office site project location locatie vestiging
    equipo departamento proyecto oficina abteilung bereich projekt standort filiale
    """
)
# Words that open a sentence: the first of two capitalised words is no name when it is one.
OPENERS = _words(
    """
    a an the in on at of to for from with by after before when then but and or so if because
    my our his her their this that there here yesterday today also only even however what why
    how who de het een in op bij na voor met mijn onze zijn haar toen maar en ook daarna omdat
    dat dit er hier el la los las un una en mi mis nuestro nuestra su pero y tambien porque
    cuando despues antes con para por der die das ein eine im am mein meine unser aber und auch
    dann weil als nach vor mit bei fur door van aan over uit zonder tegen sinds volgens tot
    thanks ask tell according without since until about sin desde hasta segun gracias sobre
    entre ohne seit laut uber gegen durch dank
    """
)
# Function words found in German only: a text with several is German.
GERMAN_WORDS = _words(
    """
    und ist nicht ich das der zu auf fur eine einen einem mein meine meinem meinen sehr wurde
    wurden haben hatte bei dem im wir auch kein keine keinen immer zum zur gibt gab nur oder
    """
)
# What may stand between a sentence's end and its first word: spaces, quotes, brackets, bullets.
OPENING_MARKS = " \t\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bf\u00a1(*\u2022\u2013\u2014-"
LISTED = re.compile(r",? (?:and|en|y|e|und|&) |, ")  # between names in a list
MAX_ITEMS = 3  # people, addresses and numbers in one quote from which on it stays risky

_WORD = re.compile("[^\\W\\d_][\\w'\u2019-]*", re.UNICODE)


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower().replace("\u2019", "'"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@dataclass
class Redaction:
    text: str
    found: list[str] = field(default_factory=list)  # the kinds found: NAME, EMAIL, PHONE
    items: int = 0  # how many were taken out

    @property
    def changed(self) -> bool:
        return bool(self.found)

    @property
    def risky(self) -> bool:
        """So much about people that the quote is about someone even with them taken out."""
        return self.items >= MAX_ITEMS


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
            if name[0].isupper() and not _no_name(name):
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


def name_candidates(text: str) -> set[str]:
    """The words of a text that could be a name, plain: what a caller checks against the names
    it knows (capitalised, three letters or more, no common word)."""
    return {
        _plain(word)
        for word in _WORD.findall(text or "")
        if _capitalised(word)
        and len(word) > 2
        and not _no_name(word)
        and _plain(word) not in OPENERS
    }


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(
        " \t\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bf\u00a1(*\u2022\u2013\u2014-"
    )
    return not before or before[-1] in ".!?:;\u2026\n\r"


def _no_name(word: str) -> bool:
    from exitlens.analysis.lexicon import named_themes

    plain = _plain(word)
    return (
        plain in COMMON_WORDS
        or plain in NOT_NAMES
        or plain in CUES
        or word.isupper()  # HR, IT, KPI: an acronym
        or bool(named_themes(word))
    )


def looks_german(text: str) -> bool:
    """German, where every noun is capitalised: two German-only function words, or what the
    language detection says."""
    from exitlens.analysis.language import detect_language

    if sum(_plain(word) in GERMAN_WORDS for word in _WORD.findall(text)) >= 2:
        return True
    return detect_language(text) == "de"


def _unknown_capitalised(text: str, words: list[re.Match]) -> list[tuple[int, int]]:
    """Runs of capitalised words ("Jan van Dijk", "Gerrit Pietersen") that hold a word which is
    no common word, unless the run only opens a sentence or follows an article or a team word
    ("the Town Hall", "het Sociaal Plan", "Team Noord")."""
    if looks_german(text):
        return []
    spans = []
    index = 0
    while index < len(words):
        if not _capitalised(words[index].group()):
            index += 1
            continue
        last = index
        while last + 1 < len(words) and _adjacent(text, words[last], words[last + 1]):
            following = words[last + 1].group()
            if not _capitalised(following) and _plain(following) not in PARTICLES:
                break
            last += 1
        run, after_run = words[index : last + 1], index and _plain(words[index - 1].group())
        index = last + 1
        if after_run in NO_PERSON_AFTER or _plain(run[0].group()) in NO_PERSON_AFTER:
            continue  # "the Town Hall", "Het Sociaal Plan": a named thing
        if _starts_sentence(text, run[0].start()) and _plain(run[0].group()) in OPENERS:
            run = run[1:]  # "Yesterday Pietersen shouted"
        while run and (_no_name(run[0].group()) or _plain(run[0].group()) in PARTICLES):
            run = run[1:]
        while run and (_no_name(run[-1].group()) or _plain(run[-1].group()) in PARTICLES):
            run = run[:-1]
        if not run or (len(run) == 1 and _starts_sentence(text, run[0].start())):
            continue
        spans.append((run[0].start(), run[-1].end()))
    return _listed_first(text, words, spans)


def _listed_first(text: str, words: list[re.Match], spans: list[tuple[int, int]]):
    """A name that opens a sentence and is listed with a name found ("Jan, Piet and Klaas")."""
    starts = {start for start, _end in spans}
    for index in range(len(words) - 2, -1, -1):
        word = words[index]
        if not _capitalised(word.group()) or _no_name(word.group()):
            continue
        if _plain(word.group()) in OPENERS:
            continue
        for following in words[index + 1 : index + 3]:
            if following.start() in starts and LISTED.fullmatch(
                text[word.end() : following.start()]
            ):
                spans.append(word.span())
                starts.add(word.start())
                break
    return spans


def _capitalised(word: str) -> bool:
    return len(word) > 1 and word[0].isupper()


def _adjacent(text: str, first: re.Match, second: re.Match) -> bool:
    return text[first.end() : second.start()] == " "


def redact(
    text: str, known_names: frozenset[str] = frozenset(), *, guess: bool = True
) -> Redaction:
    """The text with e-mail addresses, phone numbers and people's names replaced. `guess`:
    also take out unknown capitalised words in the middle of a sentence."""
    spans: list[tuple[int, int, str]] = []
    for match in EMAIL_PATTERN.finditer(text):
        spans.append((*match.span(), EMAIL))
    taken = [(start, end) for start, end, _kind in spans]
    for start, end in _phones(text):
        if not any(start < b and a < end for a, b in taken):
            spans.append((start, end, PHONE))
    words = [word for word in _WORD.finditer(text) if not _inside(word.span(), spans)]
    names = _cued_names(text, words) + _known_names(text, words, known_names)
    if guess:
        names += _unknown_capitalised(text, words)
    for start, end in names:
        spans.append((start, end, NAME))
    already = len(PLACEHOLDER.findall(text))  # redacted before: risk counts them too
    if not spans:
        return Redaction(text, items=already)
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
    kinds = sorted({kind for _s, _e, kind in merged})
    return Redaction("".join(pieces), kinds, len(merged) + already)


def _inside(span: tuple[int, int], spans) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end, _kind in spans)
