"""The words and phrases of disclosures, in English, Dutch, Spanish and German.

Every pattern is matched on normalised text (lower case, no accents, ä ö ü as ae oe ue, ß as ss;
see `normalise`), so write them with or without accents: `pattern` folds them the same way, and an
umlaut in a pattern also matches the plain vowel ("ueber" and "uber"). Patterns start at a word
boundary and are stems unless they end in `\\b`.

Four kinds of cue:

- TOPIC: a name for the misconduct ("harassment", "pesten", "acoso", "Mobbing"). It counts unless
  it is negated ("no discrimination that I know of"), wished for or against ("where bullying is not
  tolerated", "zou fijn zijn"), or names a thing ("fraud prevention team", "workshop over
  discriminatie"): leavers use these words as often for what they did not experience.
- ACT: something that happened ("groped me", "werd gepest", "me gritaba", "angebrüllt"): counts
  unless negated.
- WEAK: behaviour that is only misconduct with a second sign ("jokes", "remarks", "excluded",
  "uncomfortable"): counts with a QUALIFIER in the same sentence (sexual, about my body, my accent,
  pregnancy...), with a second weak cue, or when the answer says nobody intervened (BYSTANDER).
- QUALIFIER: what turns behaviour into sexual harassment (about my body, sexist) or
  discrimination (origin, age, pregnancy, religion, headscarf...).
"""

import unicodedata

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_QUOTES = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
    }
)


def normalise(text: str) -> str:
    text = text.lower().translate(_UMLAUTS).translate(_QUOTES)
    text = unicodedata.normalize("NFKD", text)
    return "".join(char for char in text if not unicodedata.combining(char))


def pattern(source: str) -> str:
    """A pattern written with accents and umlauts, folded as `normalise` folds text."""
    source = source.replace("ä", "ae?").replace("ö", "oe?").replace("ü", "ue?")
    source = unicodedata.normalize("NFKD", source.replace("ß", "ss"))
    return "".join(char for char in source if not unicodedata.combining(char))


def _any(*parts: str) -> str:
    return "|".join(parts)


# Small pieces shared by patterns.
ME = r"(?:me|mij|m'n|mijn|mi|mich|mir|meine?[mnrs]?|us|ons|nos|uns|her|haar|la|le|sie|ihr)"
MY = r"(?:my|her|mijn|m'n|haar|mi|mis|su|sus|meine?[mnrs]?|ihre?[mnrs]?)"
ARTICLE = r"(?:(?:the|a|de|het|een|el|la|los|las|un|una|der|die|das|den|dem|ein|eine|einen)\s+)?"
W = r"[\w'-]+"  # a word
GAP = rf"(?:\s+{W}){{0,3}}?\s+"  # up to three words between two parts of a phrase

CATEGORIES = (
    "sexual_harassment",
    "harassment",
    "discrimination",
    "bullying",
    "threats",
    "safety",
    "fraud",
    "integrity",
)

TOPIC: dict[str, tuple[str, ...]] = {
    "sexual_harassment": (
        r"sexual(?:ly)?\s+(?:harass|assault|abuse|misconduct)",
        r"seksuele?\s+(?:intimidatie|misbruik|grensoverschrijd)",
        r"seksueel\s+(?:grensoverschrijd|geintimideerd|lastig\s*gevallen|misbruikt|aangerand)",
        r"(?:acos\w*|abus\w*|agred\w*|toc\w*)\s+sexualmente",
        r"sexuell\s+(?:belästigt|bedrängt|genötigt|missbraucht|angegangen)",
        r"ongewenste\s+intimiteit",
        r"acoso\s+sexual",
        r"abuso\s+sexual",
        r"agresion(?:es)?\s+sexual",
        r"sexuelle?n?\s+(?:belästigung|übergriff|nötigung|gewalt)",
        r"sexism|sexist|seksis|machism|machista|sexismus",
    ),
    "harassment": (
        r"harass",
        r"intimidatie\b|intimidation\b",
        r"ongewenst\w*\s+(?:gedrag|aanraking|avance|berichten|aandacht)",
        r"grensoverschrijd",
        r"unwanted\s+(?:attention|advances|contact|behaviou?r|messages)",
        r"acoso\b(?!\s+laboral)",
        r"hostigamiento",
        r"belästigung",
        r"grenzüberschreit|übergriff",
        r"stalk",
    ),
    "discrimination": (
        r"discriminat|discrimin|diskrimin",
        r"racis|rassis|racial\s+(?:slur|abuse|comment|remark|joke)",
        r"xenophob|xenofob|homophob|homofob|transphob|transfob|antisemit|islamophob|islamofob",
        r"ageis|misogyn|misogin|frauenfeindlich|ausländerfeindlich|fremdenfeindlich",
        r"vreemdelingenhaat",
    ),
    "bullying": (
        r"bullying\b",
        r"pesten\b|pesterij|pestgedrag|pestcultuur",
        r"acoso\s+laboral|mobbing\b",
        r"angstcultuur|culture\s+of\s+fear|cultura\s+del\s+miedo|klima\s+der\s+angst|angstkultur",
        r"treiterij",
        r"verbal\s+abuse|verbaal\s+geweld|abuso\s+verbal|verbale\s+gewalt",
    ),
    "threats": (
        r"violen(?:ce|t)\b|geweld\b|violencia|gewalt\b",
        r"threats?\s+(?:of|from|against|to)\s+(?!(?:a\s+|another\s+|more\s+)?(?:reorg|restruct|layoff|closure|redundanc))",
        r"death\s+threat|doodsbedreiging|amenazas?\s+de\s+muerte|morddrohung",
        r"bedreiging|intimidacion|einschüchterung|bedrohung",
        r"agresion\b|agresiones\b|agressie\b|aggression\b",
        r"retaliat|represali|repressalie|vergeltung|wraakactie",
    ),
    "safety": (
        r"unsafe|onveilig|insalubre|peligros[oa]s?\s+(?:para|de\s+trabajar)",
        r"safety\s+(?:violation|hazard|breach|issue|risk|concern)",
        r"veiligheidsrisico|veiligheidsprobleem|arbo-?overtreding",
        r"sicherheitsmängel|sicherheitsmangel|sicherheitsrisik|sicherheitsverstoss|sicherheitsverstöss",
        r"(?:riesgo|riesgos)\s+(?:para\s+la\s+salud|laborales?\s+(?:graves|ignorad))",
        r"gefährlich\w*\s+(?:arbeits|zustände|situation|bedingungen|maschine)",
        r"dangerous\s+(?:conditions|situations?|machines?|equipment|work)",
        r"gevaarlijk\w*\s+(?:situatie|werk|machine|omstandighe)",
        r"condiciones\s+(?:inseguras|peligrosas)|situacion(?:es)?\s+peligros",
    ),
    "fraud": (
        r"fraud|fraude|betrug\b|betrueger|estafa",
        r"embezzl|verduister|malversacion|unterschlag|veruntreu",
        r"brib|kickback|smeergeld|steekpenning|omkoping|soborno|coima|bestechung|schmiergeld",
        r"corruption|corruptie|corrupcion|korruption",
        r"theft|diefstal|diebstahl|hurto\b|robo\b|robos\b",
    ),
    "integrity": (
        r"misstand\w*|wrongdoing|malpractice|irregularidad\w*|missst(?:ä|a)nd\w*|unregelm(?:ä|a)(?:ss|ß)igkeit\w*|whistle-?\s*blow\w*|klokkenluid\w*",
        r"misconduct|wangedrag|mala\s+praxis",
        r"cover-?up|doofpot|encubrimiento|vertuschung",
        r"conflict\s+of\s+interest|belangenverstrengeling|conflicto\s+de\s+intereses|interessenkonflikt",
        r"illegal|illegaal|ilegal|unlawful|onwettig|gesetzwidrig|rechtswidrig",
        r"abuse\s+of\s+power|machtsmisbruik|abuso\s+de\s+poder|machtmissbrauch",
    ),
}

ACT: dict[str, tuple[str, ...]] = {
    "sexual_harassment": (
        r"grop|fondl|molest(?:ed|ing|ation|er)\b",
        r"touch(?:ed|es|ing)?\s+(?:me|my|her|us|women|the\s+(?:women|girls))\b",
        r"(?:hands?|arm)\s+(?:on|around|op|om)\s+" + MY,
        r"(?:stared?|staring|looked|ogl\w*|leer\w*)\s+(?:at\s+)?(?:my|her|the\s+women'?s|the\s+girls'?)"
        r"\s+(?:chest|breast|body|legs|butt|bum|ass|cleavage)",
        r"(?:about|on)\s+(?:my|her)\s+(?:body|figure|breasts?|chest|legs|butt|bum|ass|boobs|looks|bra)\b",
        r"(?:asked|asking)\s+me\s+out|wouldn'?t\s+take\s+no|(?:sleep|slept)\s+with\s+(?:him|her)",
        r"(?:me\s+)?(?:seguia\s+|volvia\s+a\s+)?invit\w*\s+a\s+salir|(?:me\s+)?tiraba\s+los\s+tejos|mee\s+uit\s+(?:te\s+)?(?:vragen|vroeg)"
        r"|(?:zum|zu\s+einem)\s+(?:essen|date|drink|kaffee)\w*\s+(?:\w+\s+){0,2}(?:eingeladen|einladen|gefragt)|um\s+ein\s+date",
        r"(?:touch|grab|pinch|squeez|slap|pat|fondl|rubb?|aanraak|raakte|greep|pakte|knijp|kneep|kneep|gaf|toc|agarr|pellizc|manos|fass|fasste|gefasst|griff|gegriffen|kniff|gekniffen|klaps|tätschel|tatschel)\w*"
        r"\s+(?:[\w']+\s+){0,4}(?:butt|bum|ass|backside|breasts?|chest|thighs?|knees?|buttocks|billen|kont|bil|borsten|dij(?:en)?|knie|culo|trasero|nalgas|pechos?|tetas|muslos?|rodilla|hintern|po|busen|brust|oberschenkel|knie)\b"
        r"|(?:an\s+(?:den|die|das|meinen|meine|ihren|ihre)|aan\s+(?:mijn|m'n|haar|de))\s+(?:hintern|po|busen|brust|oberschenkel|knie|billen|kont|borsten|dij|knie)\s+(?:\w+\s+){0,1}(?:gefasst|gegriffen|getätschelt|gezeten|gegrepen|fasste|griff|zitten)",
        r"(?:hands?|handen|manos|hände)\s+(?:\w+\s+){0,5}(?:where|waar|donde|wo(?:hin)?)\s+(?:\w+\s+){0,3}(?:not|niet|no|nicht|shouldn'?t)\s+(?:\w+\s+){0,2}(?:belong|hoorden|horen|hoort|deb\w*|gehör\w*|hingehör\w*)",
        r"(?:unsolicited|ongevraagde?|ungefragte?|unaufgeforderte?)\s+(?:\w+\s+){0,2}(?:photos?|pictures?|pics|images|foto'?s|fotos|bilder|nudes|naaktfoto\w*)|porn\w*|pin-?ups?|naaktfoto|nacktfoto|nacktkalender|fotos?\s+(?:de\s+)?desnud",
        r"(?:sleep|slept|sleeping)\s+with\s+(?:the\s+|my\s+|her\s+|his\s+)?(?:boss|manager|director|someone|somebody)|met\s+de\s+baas\s+naar\s+bed|acost\w*\s+con\s+el\s+jefe|mit\s+dem\s+chef\s+geschlafen",
        r"pressur\w*\s+(?:me|her)\s+(?:into|to)\s+(?:a\s+)?(?:date|dating|relationship|go\s+out|meet\s+(?:him|her))|(?:to\s+)?date\s+(?:him|her)\b",
        r"(?:probeerde|wilde|versuchte|wollte|intent\w*|quiso|tried|trying)\s+(?:\w+\s+){0,3}(?:te\s+zoenen|te\s+kussen|zu\s+küssen|besarme|besarla|besarnos|kiss)",
        r"(?:sleep|slept|sleeping)\s+with\s+me|(?:met|bij)\s+(?:mij|me)\s+(?:naar\s+bed|slapen)|acost\w*\s+conmigo|mit\s+mir\s+(?:ins\s+bett|schlafen|geschlafen)",
        r"(?:tried|try|trying)\s+to\s+kiss|kissed\s+me|dick\s+pic|nudes\b",
        r"lewd|innuendo|catcall|sweetheart|sexy\b|sexual\s+(?:comment|remark|joke|advance|innuendo|messages)",
        r"betast|handtastelijk|aangeraakt|aanraakte|aan\s+(?:me|mij|haar|ons)\s+(?:zitten|zat)"
        r"|zat\s+(?:\w+\s+){0,2}aan\s+(?:me|mij|haar|ons)\b|aan\s*(?:te\s+)?zitten|aangezeten",
        r"(?:op|over|aan)\s+(?:mijn|m'n|haar)\s+(?:billen|kont|borsten|been|benen|lichaam|figuur|decollete|uiterlijk|kleding)",
        r"naar\s+(?:het|mijn|haar|de)\s+(?:decollete|borsten|billen|kont)",
        r"(?:seksueel|seksuele)\s+getint|schunnig|dubbelzinnige?\s+(?:grap|opmerking)|vieze\s+(?:grap|mop|opmerking)",
        r"schatje|lekker\s+ding|lekkere\s+meid|nafluit|gefloten\s+naar",
        r"(?:probeerde|wilde)\s+(?:me|mij|haar)\s+te\s+zoenen|zoende\s+(?:me|mij|haar)",
        r"tocamiento|manose|me\s+sobab|sobarme|tocarme|(?:me|le|les)\s+tocaba\s+(?:el|la|los|las)\s+(?:culo|pierna|cintura|espalda|pecho|trasero|muslo|pelo)",
        r"(?:sobre|de)\s+(?:mi|su)\s+(?:cuerpo|fisico|fisico|escote|culo|trasero|pechos|tetas|piernas|figura|ropa)",
        r"(?:miraba|mirar|miradas)\s+(?:al?\s+)?(?:el|los|las|mi)\s+(?:escote|pechos|culo|piernas)",
        r"se\s+(?:me|le|les)\s+insinu|insinuacion|intento\s+besar|me\s+(?:intento\s+)?beso|piropo|chistes?\s+verdes|obscen",
        r"(?:rub|rubbed|rubbing|massag\w*)\s+(?:\w+\s+){0,2}(?:my|her)\s+(?:shoulders|back|neck|legs?)|masseerde|masajeab|massiert|masseert",
        r"(?:me\s+llamaba|llamandome|me\s+decia)\s+(?:\w+\s+){0,3}(?:guapa|guapetona|carino|preciosa|reina|nena|bombon)",
        r"(?:called|calling)\s+(?:me|her)\s+(?:\w+\s+){0,1}(?:babe|honey|sweetie|darling|sexy|doll)|noemde\s+(?:me|mij|haar)\s+(?:\w+\s+){0,1}(?:schat|schatje|lieverd|poppetje)",
        r"begrapsch|grapsch|betatsch|befummel|angefasst|(?:mich|sie|uns)\s+an(?:zu)?fass",
        r"(?:über|ueber)\s+(?:meinen|meine|ihren|ihre)\s+(?:hintern|po|busen|brüste|körper|figur|ausschnitt|beine)",
        r"anzüglich|zweideutig\w*\s+(?:witz|sprüch|bemerk)|schlüpfrig|altherrenwitz|herrenwitz|schätzchen|gemustert",
        r"(?:rücken|bein|po|hintern)\s+gestreichelt|gestreichelt|anmache|angemacht|angebaggert|annäherungsversuch",
    ),
    "harassment": (
        r"harass(?:ed|ing)|intimidat(?:ed|ing)|geintimideerd|intimideerde|intimiderend",
        r"lastiggevallen|lastig\s+gevallen|lastigvallen|lastig\s+viel",
        r"acosad[oa]|acosab|acosando|me\s+acos|hostigad|intimidad[oa]|intimidante",
        r"stalked|achtervolgde\s+(?:me|mij|haar)|(?:me|la)\s+persegu|(?:mich|sie)\s+(?:\w+\s+){0,5}verfolgt|verfolgte\s+(?:mich|sie)",
        r"belästigt|belästigte|eingeschüchtert|einschüchternd|übergriffig|aufgelauert|nachgestellt",
        r"followed\s+(?:me|her|us)\s+(?:\w+\s+){0,2}(?:home|to\s+(?:my|her)|to\s+the)|(?:naar\s+huis|tot\s+(?:bij\s+)?(?:mijn\s+)?(?:huis|thuis))\s+gevolgd"
        r"|(?:me|la|nos)\s+(?:sigui\w*|segui\w*|persegu\w*)\s+(?:\w+\s+){0,2}(?:hasta|a)\s+(?:mi\s+|su\s+)?(?:casa|coche|portal)"
        r"|(?:nach\s+hause|heim|bis\s+zu\s+\w+)\s+(?:\w+\s+){0,1}gefolgt|(?:mir|ihr|uns)\s+(?:\w+\s+){0,4}gefolgt",
        r"waited\s+for\s+(?:me|her)\s+(?:at|by|outside|next\s+to)\s+(?:my|her|the)\s+(?:car|house|home|door)"
        r"|(?:me|la)\s+esperaba\s+(?:junto\s+al|en\s+el|al\s+lado\s+del|fuera|delante)|(?:an|vor|bei)\s+(?:meinem|ihrem)\s+(?:auto|haus|wagen)\s+(?:\w+\s+){0,2}gewartet",
        r"me\s+esperaba\s+en|wachtte\s+me\s+op|(?:bij|voor)\s+mijn\s+(?:huis|auto|deur)",
    ),
    "discrimination": (
        r"discriminated|gediscrimineerd|discrimineerde|discriminab|discriminad|diskriminiert",
        r"too\s+old\s+(?:\w+\s+){0,2}(?:to|for)|te\s+oud\s+(?:\w+\s+){0,2}(?:om|voor)|demasiado\s+mayor|zu\s+alt\s+(?:für|um)",
        r"por\s+ser\s+(?:mujer|madre|extranjer|mayor|negr|gitan|musulman|gay|lesbiana|inmigrante|latin)",
        r"als\s+(?:vrouw|moeder)\s+(?:kreeg|werd|moest)|als\s+(?:frau|mutter)\s+(?:wurde|bekam|musste|angeblich)",
        r"(?:prefer\w*|liever|preferia|lieber)\s+(?:to\s+hire\s+)?\W*(?:young|jonge|joven|jovenes|chavales|junge)",
        r"jonge\s+honden",
        r"(?:belong\w*|hoor\w*|gehör\w*|sitio|lugar|plaats|platz)\s+(?:\w+\s+){0,4}(?:kitchen|keuken|küche|cocina|aanrecht|herd)\b|(?:kitchen|keuken|küche|cocina|aanrecht|herd)\s+(?:\w+\s+){0,2}(?:belong|hoor|gehör)",
    ),
    "bullying": (
        r"bull(?:ied|ies|y\s+(?:me|us|her|him))\b",
        r"gepest|pestte|pestten|pestkop|getreiterd|treiterde|gekleineerd|kleineerde|kleinerend",
        r"vernederd|vernederde|vernederend|uitgescholden|scheldde|schold\s+(?:me|mij|ons)",
        r"belachelijk\s+(?:gemaakt|werd\s+gemaakt|maakte|maken)|voor\s+(?:gek|schut)\s+gezet|uitgelachen|zwartgemaakt",
        r"buitengesloten|buiten\s+gesloten|doodgezwegen",
        r"behind\s+(?:my|your|her|our)\s+back|achter\s+(?:je|mijn|m'n|haar|ons)\s+rug|a\s+(?:mis|tus|sus)\s+espaldas|hinter\s+(?:meinem|deinem|ihrem|dem)\s+rücken",
        r"het\s+(?:\w+\s+){0,3}(?:moeilijk|zuur|onmogelijk|lastig)\s+maakte|(?:het|mijn|m'n)\s+leven\s+(?:zuur|onmogelijk|tot\s+een\s+hel)",
        r"(?:schreeuwde|schreeuwden|geschreeuwd|schreeuwen|snauwde|gesnauwd|blafte|afgeblaft)\w*\s+(?:\w+\s+){0,3}?(?:tegen|naar|op)\s+(?:me|mij|ons|haar|hem|mensen|iedereen|de\s+)",
        r"tegen\s+(?:me|mij|ons)\s+(?:\w+\s+){0,2}(?:schreeuw|te\s+keer|tekeer)|uitgekafferd|afgezeken",
        r"(?:shout|yell|scream|shriek|bark)(?:ed|ing|s)?\s+at\s+(?:me|us|her|him|people|staff|the\s+\w+|everyone)",
        r"humiliat|belittl|ridicul(?:ed|ing|e)\b|mocked|mocking|made\s+fun\s+of|laughed\s+at\s+(?:me|her|us)|demean|degrading",
        r"called\s+(?:me|her|us)\s+(?:useless|stupid|an?\s+idiot|incompetent|names|lazy|\w+\s+in\s+front)",
        r"(?:froze|freeze|frozen)\s+(?:me\s+)?out|silent\s+treatment|ostraci|singled\s+out|picked\s+on|made\s+(?:life|my\s+life)\s+(?:a\s+)?hell",
        r"acoso\s+laboral|humill|ridiculiz|se\s+burl|burlaba|burlas\b|se\s+re[ií]an\s+de\s+(?:mi|ella|nosotr)",
        r"(?:me|le|les|nos)\s+(?:gritab|grit[oó]|chillab|insultab|menospreci|despreciab|ninguneab)|a\s+gritos|gritarme",
        r"(?:hicieron|hacian|hacer)\s+el\s+vacio|vida\s+imposible|me\s+(?:ignoraban|excluian|aislaron|apartaron)",
        r"gemobbt|mobbte|mobbten|angebrüllt|anbrüll|angeschrien|anschrie|schrie\s+(?:mich|uns|sie)|angeschnauzt|anschnauz",
        r"gedemütigt|demütig|blossgestellt|vorgeführt|lächerlich\s+gemacht|ausgelacht|verspottet"
        r"|runtergemacht|fertiggemacht|niedergemacht|herabgewürdigt|schikan",
        r"swore\s+at|swearing\s+at|cursed\s+at|vloekte\s+tegen|tierde\s+tegen|angeflucht|anfluchen|me\s+insult|insultaba",
        r"(?:called|noemde|llamaba|nannte)\s+(?:me|mij|mich)\s+(?:\w+\s+){0,2}(?:waste|loser|idiot|moron|failure|nietsnut|sukkel|idioot|mislukkeling|waardeloos|dom|inutil|tont[oa]|estupid|vag[oa]|versager|trottel|dumm|unfähig|nichtsnutz)",
        r"\w+gepest\b|\w+gemobbt\b|(?:raus|hinaus|weg)geekelt|weggeekeld|(?:schreeuwde|schreeuwden|snauwde|snauwden|blafte|blaften|krijste)\s+(?:me|mij|ons|haar|hem|iedereen)\b|zette\s+(?:me|mij)\s+(?:\w+\s+){0,2}te\s+kijk",
        r"(?:treated|behandeld|behandelt|trataba\w*|tratad[oa])\s+(?:\w+\s+){0,2}(?:like|als|wie|como)\s+(?:a\s+|een\s+|ein\s+|un\s+|una\s+)?(?:idiot|idioot|dog|hond|hund|perro|slave|slaaf|sklave|esclav[oa]|dirt|oud\s+vuil|dreck|basura)"
        r"|(?:as\s+if|like|alsof|als\s+ob|como\s+si)\s+(?:i|ik|fuera|ich)\s+(?:\w+\s+){0,2}(?:stupid|an\s+idiot|dumb|dom|achterlijk|tont[oa]|idiota|estupid[oa]|dumm|blöd|ein\s+idiot)",
        r"made\s+me\s+feel\s+(?:\w+\s+){0,1}(?:worthless|useless|small|stupid|like\s+dirt|like\s+nothing)|(?:liet|deed)\s+me\s+(?:\w+\s+){0,2}(?:waardeloos|nutteloos|klein|dom)\s+voelen"
        r"|me\s+hac\w*\s+sentir\s+(?:\w+\s+){0,1}(?:inutil|nada|tont[oa]|pequen[oa]|basura)|gab\s+mir\s+(?:\w+\s+){0,2}das\s+gefühl,?\s+(?:\w+\s+){0,3}(?:wertlos|nutzlos|dumm|nichts)",
        r"afgebrand|afgekraakt|neergesabeld|publiekelijk\s+(?:\w+\s+){0,2}(?:terechtgewezen|op\s+(?:mijn|m'n)\s+kop)|(?:me\s+)?(?:pon\w*|dej\w*)\s+en\s+evidencia|(?:nasty|insulting|humiliating|abusive)\s+(?:\w+\s+){0,1}(?:e-?mails|messages|notes|texts)",
        r"kleingemacht|klein\s+gemacht|(?:work|werk|trabajo|arbeit)\s+(?:\w+\s+){0,4}(?:garbage|trash|rubbish|crap|shit|basura|mierda|waardeloos|troep|rommel|bagger|müll|mist|schrott|scheisse)\b"
        r"|(?:als|as)\s+(?:müll|mist|schrott|garbage|trash|rubbish)\s+(?:bezeichnet|betitelt|abgetan)",
        r"ausgegrenzt|geschnitten\s+(?:wurde|hat)|links\s+liegen\s+gelassen|das\s+leben\s+(?:zur\s+hölle|schwer)",
        r"(?:beleidigt|beschimpft)\s+(?:wurde|hat|mich|uns)|(?:mich|uns)\s+(?:beleidigt|beschimpft)",
    ),
    "threats": (
        r"threaten|threatening|bedreigd|bedreigde|dreigde\s+(?:me|mij|ons|haar|hem|dat|met|ermee)|gedreigd|dreigement",
        r"amenaz(?:o|aba|aron|aban|ado|ada)\b|me\s+amenaz",
        r"bedroht|bedrohte|(?:hat|hatte)\s+(?:mir|uns|ihr|ihm)\s+gedroht|drohte\s+(?:mir|uns|ihr|ihm|mit)|gedroht",
        r"(?:hit|punched|slapped|kicked|shoved|pushed|grabbed|choked)\s+(?:me|her|him|us)\b|grabbed\s+(?:by|my)",
        r"threw\s+(?:a|an|the|his|her)\s+\w+\s+at|physically\s+(?:attacked|assaulted|threatened)|assault|attacked",
        r"geslagen|sloeg\s+(?:me|mij|haar|hem)|geduwd|duwde\s+(?:me|mij)|geschopt|aangevallen|gooide\s+(?:\w+\s+){1,6}naar|(?:at|naar|a|an)\s+(?:my|mijn|mi|la|meinen|den)\s+(?:head|hoofd|cabeza|kopf)\b",
        r"(?:bij|aan)\s+(?:mijn|de)\s+(?:arm|keel|kraag)\s+(?:gepakt|vastgepakt|gegrepen)",
        r"agred|golpe|me\s+(?:peg[oó]|empuj|agarr|lanz)|empujon|zarande|lanz[oó]\s+(?:una|un|el|la)\s+\w+",
        r"geschlagen|schlug\s+(?:mich|sie)|geschubst|schubste|gestossen|gepackt|angegriffen|handgreiflich|tätlich"
        r"|nach\s+mir\s+geworfen|(?:\w+\s+){1,2}nach\s+mir\s+(?:geworfen|warf)",
        r"(?:fired|sacked|out|finished|gone|dismissed)\s+(?:\w+\s+){0,4}if\s+(?:i|we|you|anyone)",
        r"if\s+(?:i|we|you)\s+(?:\w+\s+){0,3}(?:report|complain|went\s+to|go\s+to|told|talk|spoke)\w*",
        r"never\s+work\s+(?:in|again)|make\s+sure\s+(?:i|you)\s+(?:would\s+)?never|tend\s+to\s+have\s+accidents",
        r"(?:if|als|si|wenn|falls)\s+(?:\w+\s+){0,4}(?:went|go|would\s+go|ever|stappen|naar|iba|fuera|acudia|gehe|ginge|zum|zur)\s+(?:\w+\s+){0,3}"
        r"(?:inspect|union|police|authorit|works\s+council|lawyer|press|inspectie|vakbond|politie|ondernemingsraad|advocaat|\w*inspectie|inspeccion|sindicato|policia|rrhh|abogado|prensa|\w*aufsicht|\w*amt\b|gewerkschaft|betriebsrat|polizei|anwalt|presse)",
        r"(?:make|making)\s+(?:things|it|life)\s+(?:very\s+)?(?:difficult|hard)\s+for|(?:heel\s+)?moeilijk\s+(?:zou\s+)?maken|poner(?:lo)?\s+muy\s+dificil|(?:sehr\s+)?schwer\s+machen",
        r"remember\s+who\s+(?:signs|pays)|you\s+know\s+where\s+the\s+door\s+is",
        r"(?:ontslaan|ontslagen|eruit|vertrekken|wegwezen|opzouten|de\s+laan\s+uit)\w*\s+(?:\w+\s+){0,4}als\s+(?:ik|je|we|jij)"
        r"|als\s+(?:ik|je|we)\s+(?:\w+\s+){0,4}(?:meld|melde|klaag|klaagde|naar\s+de|aan\s+de\s+bel|aangifte)",
        r"(?:ik|je)\s+(?:dan\s+)?(?:direct|meteen|gelijk)\s+(?:kon|kan|mocht)\s+(?:vertrekken|gaan|opstappen)",
        r"nergens\s+(?:\w+\s+){0,3}meer\s+aan\s+de\s+slag|ongelukje|wie\s+(?:jouw|je)\s+contract\s+tekent",
        r"(?:despedir|despido|a\s+la\s+calle|echar)\w*\s+(?:\w+\s+){0,5}si\s+(?:\w+\s+){0,2}(?:denunci|quej|iba|contaba|decia|hablaba|lo\s+contaba)"
        r"|si\s+(?:lo\s+)?(?:denunciaba|iba\s+a\s+la\s+inspeccion|iba\s+a\s+rrhh|me\s+quejaba)",
        r"me\s+iba\s+a\s+la\s+calle|me\s+las\s+(?:iba|ibas|vas)\s+a\s+pagar|no\s+volveria\s+a\s+trabajar|quien\s+firma\s+tu\s+contrato|tenian\s+accidentes",
        r"(?:kündig|rausschmeiss|rausgeworfen|rausfliegen|sachen\s+packen|entlass)\w*\s+(?:\w+\s+){0,5}(?:wenn|falls)\s+(?:ich|du|wir|man)"
        r"|(?:wenn|falls)\s+(?:ich|du|wir|man)\s+(?:\w+\s+){0,4}(?:melde|meldete|beschwer|anzeige|betriebsrat)\w*\s*,?\s*(?:dann|könne|kann|fliege|wäre|sei)",
        r"(?:gleich|sofort)\s+(?:meine|seine|ihre)\s+sachen\s+packen|nie\s+wieder\s+arbeit|wer\s+deinen\s+vertrag|hat\s+manchmal\s+unfälle",
        r"forget\s+(?:about\s+)?(?:my|your|his|her|the|a)\s+(?:bonus|raise|promotion|contract|career|job|reference|future)"
        r"|(?:bonus|opslag|promotie|contract|vaste\s+baan|carriere|loopbaan|verlenging|referentie)\s+(?:\w+\s+){0,2}(?:wel\s+)?(?:kon|kan|mocht|konden)\s+vergeten"
        r"|olvid\w*\s+(?:de\s+|del\s+)(?:la\s+|mi\s+|tu\s+|su\s+)?(?:bonus|bono|ascenso|contrato|renovacion|subida|aumento|plaza|carrera|futuro)"
        r"|(?:bonus|beförderung|vertrag\w*|gehaltserhöhung|festanstellung|karriere|zukunft|verlängerung)\s+(?:\w+\s+){0,2}vergessen",
        r"(?:trouble\w*|complain\w*|speak\w*\s+up|make\s+(?:noise|waves)|rock\s+the\s+boat|lastpak\w*|lastig\w*|klag\w*|zeur\w*|problemas|quej\w*|ruido|ärger|beschwer\w*|stunk|unruhe\w*)\W+(?:\w+\W+){0,5}?"
        r"(?:don'?t|do\s+not|won'?t|never|niet|no|nicht|nie)\s+(?:\w+\s+){0,2}(?:last|lang|dur\w*|lange)\b",
        r"(?:punched|hit|kicked|slammed|smashed|banged)\s+(?:\w+\s+){0,2}(?:wall|door|table|desk)|sloeg\s+(?:\w+\s+){0,3}(?:op|tegen)\s+(?:de\s+)?(?:muur|tafel|deur)"
        r"|golpe\w*\s+(?:\w+\s+){0,2}(?:la\s+)?(?:pared|mesa|puerta)|schlug\s+(?:\w+\s+){0,3}(?:gegen|auf)\s+(?:die|den)\s+(?:wand|tisch|tür)",
        r"(?:knew|know|knows)\s+where\s+(?:i|you|she|we)\s+(?:live|lived)|(?:wist|weet)\s+waar\s+(?:ik|je|jij|ze)\s+woon|sab\w*\s+donde\s+viv\w*|wei(?:ss|ß)\w*,?\s+wo\s+(?:ich|du|sie)\s+wohn\w*",
        r"(?:if|als|si|wenn|falls)\s+(?:\w+\W+){0,6}?(?:out\s+of\s+(?:a\s+)?(?:job|work)|lose\s+(?:my|your|our)\s+(?:job|position)|job\s+(?:was|would\s+be|is)\s+(?:on\s+the\s+line|at\s+risk)|(?:mijn|m'n|je|jouw)\s+(?:baan|job|werk|contract)\s+(?:\w+\s+)?(?:kwijt|verliezen|op\s+het\s+spel)|sin\s+(?:trabajo|empleo|puesto)|perder\w*\s+(?:mi|el|tu)\s+(?:trabajo|puesto|empleo)|(?:meinen|deinen|den)\s+(?:job|arbeitsplatz|posten)\s+(?:los|verlieren|verliere|loswerden)|(?:job|arbeit|stelle)\s+los\s+(?:bin|wäre|sei|sein)|(?:meine|die)\s+stelle\s+(?:los|verlieren))|(?:out\s+of\s+(?:a\s+)?(?:job|work)|lose\s+(?:my|your|our)\s+(?:job|position)|job\s+(?:was|would\s+be|is)\s+(?:on\s+the\s+line|at\s+risk)|(?:mijn|m'n|je|jouw)\s+(?:baan|job|werk|contract)\s+(?:\w+\s+)?(?:kwijt|verliezen|op\s+het\s+spel)|sin\s+(?:trabajo|empleo|puesto)|perder\w*\s+(?:mi|el|tu)\s+(?:trabajo|puesto|empleo)|(?:meinen|deinen|den)\s+(?:job|arbeitsplatz|posten)\s+(?:los|verlieren|verliere|loswerden)|(?:job|arbeit|stelle)\s+los\s+(?:bin|wäre|sei|sein)|(?:meine|die)\s+stelle\s+(?:los|verlieren))\W+(?:\w+\W+){0,6}?(?:if|als|si|wenn|falls)\b",
        r"(?:fist|vuist|puno|faust)\s+(?:\w+\s+){0,3}(?:face|gezicht|cara|gesicht)|partir\w*\s+la\s+(?:cara|boca)|reinhauen|eine\s+(?:runterhauen|knallen|scheuern|reinhauen)|in\s+elkaar\s+(?:te\s+)?(?:slaan|rammen|trappen)"
        r"|beat\s+(?:me|you|her)\s+up|smash\s+(?:my|your|her)\s+face|kick\s+(?:my|your)\s+ass|op\s+(?:mijn|m'n|je)\s+(?:bek|smoel)",
        r"punish\w*\s+for\s+(?:reporting|complaining|speaking)|afgestraft|gestraft\s+omdat|castigad|bestraft\s+(?:weil|für)",
    ),
    "safety": (
        r"(?:no|without|lacking|missing)\s+(?:\w+\s+){0,2}(?:protective|safety|ppe)\s*(?:gear|equipment|clothing|shoes|glasses|goggles)?"
        r"|without\s+(?:\w+\s+){0,2}(?:gloves|masks?|helmets?|harness\w*|goggles|ventilation|guards?)",
        r"nobody\s+wore\s+(?:a\s+)?(?:harness|helmet|mask)|no\s+(?:harness|helmet)",
        r"(?:broken|faulty|rotten|defective|missing)\s+(?:\w+\s+){0,1}(?:brakes|ladders?|scaffold\w*|guards?|railings?|wiring|machines?|equipment|lifts?|forklifts?|alarms?)",
        r"(?:emergency|fire)\s+exits?\s+(?:\w+\s+){0,4}(?:blocked|locked|obstructed)|blocked\s+(?:\w+\s+){0,2}(?:emergency|fire)\s+exits?",
        r"(?:skip|bypass|disable|override|ignore|switch\w*\s+off|turn\w*\s+off|remove|bridge)\w*\s+(?:\w+\s+){0,3}"
        r"(?:safety|lockout|lock-out|sensors?|guards?|interlocks?|checks?|alarms?|protection)",
        r"(?:nearly|almost)\s+(?:lost|cut|crushed|fell|killed|electrocuted|got\s+(?:hurt|crushed|killed))|get\s+(?:someone\s+|somebody\s+)?killed",
        r"(?:guards?|safety\s+\w+|sensors?|interlocks?|alarms?|railings?|emergency\s+stops?)\s+(?:\w+\s+){0,3}(?:removed|disabled|bypassed|switched\s+off|turned\s+off|taped\s+over|overridden|taken\s+off)",
        r"no\s+(?:\w+\s+){0,1}(?:fire\s+extinguishers?|first-?\s*aid\s+kits?)|exposed\s+(?:electrical\s+)?wir\w*|wir\w*\s+(?:\w+\s+){0,2}exposed|geen\s+brandblusser\w*|blote\s+draden|sin\s+extintor\w*|cables\s+pelados|kein\w*\s+feuerlöscher|offene\s+kabel|blanke\s+kabel",
        r"(?:ladders?|brakes|scaffold\w*|forklifts?|harness\w*|leitern?|bremsen|gerüste?|stapler|gabelstapler|remmen|steigers?|heftrucks?|escaleras?|frenos|andamios?|carretillas?)\s+(?:\w+\s+){0,3}"
        r"(?:broken|faulty|defective|unsafe|kapot|defect|gammel|kaputt|defekt|marode|rot[oa]s|estropead\w*|averiad\w*)",
        r"(?:sin|without|zonder|ohne|no)\s+(?:\w+\s+){0,2}(?:linea\s+de\s+vida|lifeline|fall\s+protection|anclaje|anticaidas|sicherungsseil|absturzsicherung|valbeveiliging)",
        r"(?:wankel\w*|wiebel\w*|shaky|wobbly|rickety|wackelig\w*|coja|inestable)\s+(?:\w+\s+){0,1}(?:ladders?|trap|steigers?|scaffold\w*|leitern?|gerüst\w*|escaleras?|andamios?)",
        r"(?:got|was|were|raakte|werd|werden|me|nos|wurde|wurden)\s+(?:\w+\s+){0,1}(?:injured|hurt|gewond|lesion\w*|verletzt)|(?:made|forced|sent|sending|pressured|gedwongen|gestuurd|obligaban|obligaron|mandaban|gezwungen|geschickt)\s+(?:\w+\s+){0,4}(?:dangerous|gevaarlijke?|peligros\w*|gefährlich\w*)\s+(?:\w+\s+){0,2}(?:jobs?|work|tasks?|klussen|werk|taken|trabajos?|tareas|arbeiten|aufgaben)",
        r"(?:gloves|masks|helmets|goggles|ppe|handschoenen|mondkapjes|helmen|guantes|mascarillas|cascos|epis|handschuhe|masken|helme|schutz\w+)\s+(?:\w+\s+){0,2}(?:were|was|waren|war|estaban)\s+(?:\w+\s+){0,1}(?:aus|out|op|alle|vergriffen|agotad\w*)\b|ran\s+out\s+of\s+(?:gloves|masks|ppe)|se\s+acabaron\s+los\s+(?:guantes|epis)",
        r"(?:guards?|covers?|kap|afscherming|beveiliging|protecci\w*|resguardos?|carcasa|abdeckung\w*|schutz\w*|verkleidung)\s+(?:\w+\s+){0,3}(?:removed|eraf\s+gehaald|verwijderd|weggehaald|afgehaald|abmontiert|entfernt|abgebaut|quitad\w*|retirad\w*)"
        r"|(?:quitad\w*|retirad\w*|quitaron|quitar)\s+(?:\w+\s+){0,2}(?:la\s+|las\s+|el\s+|los\s+)?(?:proteccion\w*|resguardo\w*|carcasa\w*|tapa)|(?:not|un)\s*guarded\b",
        r"(?:no|geen|sin|kein\w*|without|zonder|ohne)\s+(?:\w+\s+){0,1}(?:emergency\s+stop|noodstop|parada\s+de\s+emergencia|not-?aus|notaus|nothalt|e-?stop)",
        r"live\s+wires?|working\s+at\s+height\s+without|asbestos|fumes?\s+without|chemicals?\s+without",
        r"(?:geen|zonder)\s+(?:\w+\s+){0,2}(?:beschermings?middelen|pbm|veiligheidsschoenen|veiligheidsbril|helm|handschoenen|mondkap\w*|harnas|valbeveiliging|ventilatie)",
        r"niemand\s+(?:\w+\s+){0,1}(?:droeg|draagt)\s+(?:een\s+)?(?:harnas|helm)",
        r"(?:kapotte?|gammele?|defecte?|rotte?)\s+(?:\w+\s+){0,1}(?:remmen|ladders?|trappen|steigers?|machines?|leuning(?:en)?|bedrading|heftruck\w*)|steigers\s+waren\s+gammel",
        r"nooduitgang\w*\s+(?:\w+\s+){0,5}(?:geblokkeerd|versperd|op\s+slot|vol|dicht)",
        r"(?:vergrendeling|sensor|beveiliging|noodstop|veiligheidscontrole|veiligheidsvoorschrift|lockout)\w*\s+(?:\w+\s+){0,5}"
        r"(?:overbrug|uitzetten|uitgezet|uitschakel|omzeil|overslaan|negeren|genegeerd)",
        r"(?:overbrug|uitzetten|uitschakel|omzeil|overslaan|negeren)\w*\s+(?:\w+\s+){0,3}(?:vergrendeling|sensor|beveiliging|noodstop|veiligheid)",
        r"bijna\s+(?:een\s+|mijn\s+)?(?:vinger|hand|been|arm|oog)|bijna\s+(?:gevallen|verpletterd|geelektrocuteerd|omgekomen)|valt\s+(?:er\s+)?een\s+(?:keer\s+)?(?:een\s+)?dode|onder\s+spanning\s+werken",
        r"(?:sin|no\s+(?:habia|teniamos|nos\s+daban))\s+(?:\w+\s+){0,2}(?:guantes|mascarillas?|casco|arnes|epis?|equipos?\s+de\s+proteccion|proteccion|gafas|ventilacion)",
        r"nadie\s+llevaba\s+(?:arnes|casco)|(?:frenos|escaleras?|andamios?|maquinas?|barandillas?)\s+(?:\w+\s+){0,2}(?:rot[oa]s|estropead|hech[oa]s\s+polvo|en\s+mal\s+estado|defectuos)",
        r"salidas?\s+de\s+emergencia\s+(?:\w+\s+){0,4}(?:bloquead|cerrad|tapad|obstruid)",
        r"(?:quitar|quitaramos|desconectar|desactivar|saltar|anular|puentear)\w*\s+(?:\w+\s+){0,3}(?:proteccion|sensor|seguridad|resguardo|alarma|controles)",
        r"casi\s+(?:pierdo|perdi|me\s+corto|me\s+caigo|me\s+mato|se\s+mata)|va\s+a\s+haber\s+una\s+desgracia|con\s+la\s+corriente\s+puesta",
        r"ohne\s+(?:\w+\s+){0,2}(?:schutzausrüstung|schutzkleidung|handschuhe|masken?|helm|gurt|sicherung|schutzbrille|absaugung|belüftung)",
        r"keiner\s+trug\s+(?:einen\s+)?(?:gurt|helm)|(?:kaputte|defekte|marode)\w*\s+(?:\w+\s+){0,1}(?:bremsen|leitern?|gerüste?|maschinen?|geländer)|gerüste\s+waren\s+marode",
        r"notausg\w*\s+(?:\w+\s+){0,5}(?:zugestellt|versperrt|blockiert|abgeschlossen)",
        r"(?:schutzvorrichtung|sensor|lichtschranke|not-?aus|sicherung|verriegelung)\w*\s+(?:\w+\s+){0,4}(?:überbrück|abklemm|abgeklemmt|abschalt|abgeschaltet|umgangen|umgehen|deaktivier)"
        r"|(?:überbrück|abklemm|abschalt|deaktivier)\w*\s+(?:\w+\s+){0,3}(?:schutzvorrichtung|sensor|sicherung|verriegelung)",
        r"fast\s+(?:einen\s+)?(?:finger|hand|arm)\s+verloren|stirbt\s+irgendwann|unter\s+spannung\s+arbeiten",
    ),
    "fraud": (
        r"falsif|falsear|false\s+(?:invoices|claims|records|figures|numbers)|vervals|faelsch|gefaelscht",
        r"backdat|back-dat|terug\s+te\s+dateren|terugdater|antedat|(?:zurück|rück|vor)(?:zu)?datier|cambiar\s+la\s+fecha",
        r"cook(?:ed|ing)?\s+(?:the\s+)?books|(?:numbers|figures|books|reports?)\s+(?:\w+\s+){0,3}(?:cooked|doctored|fiddled|massaged|manipulated|fudged)",
        r"(?:pad|padded|padding|inflat\w*|fiddl\w*|fudg\w*|doctor\w*|manipulat\w*|fak\w*)\s+(?:\w+\s+){0,2}"
        r"(?:expenses?|expense\s+claims|invoices|timesheets?|hours|figures|numbers|data|results|records|signatures?)",
        r"(?:billed|billing|charged|charging|invoiced)\s+(?:\w+\s+){0,2}(?:for\s+)?(?:hours|work)\s+(?:that\s+)?(?:nobody|no\s+one|we\s+never|never)",
        r"steal|stole\b(?!\s+(?:the|my|our|his|her)\s+(?:show|idea|ideas|thunder|spotlight|credit|heart))|stolen|pilfer|cash\s+in\s+hand|off\s+the\s+books|under\s+the\s+table",
        r"clock\w*\s+in\s+for|inklokken\s+voor|fichar\s+por|(?:einstempeln|stempeln)\s+f(?:ue|u)r|f(?:ue|u)r\s+kollegen\s+(?:ein)?stempeln",
        r"(?:never|nooit|nunca|nie)\s+(?:\w+\s+){0,1}(?:showed\s+up|kwam\s+opdagen|aparecia|aufgetaucht)",
        r"infl\w+\s+(?:\w+\s+){0,2}(?:gastos|facturas|horas|cifras|numeros|precios|presupuestos)|opgeblazen|opgehoogde?\s+(?:declaraties|facturen|uren)|aufgeblasen",
        r"(?:fill\w*|invull\w*|rellen\w*|ausf(?:ue|u)ll\w*),?\s+(?:\w+,?\s+){0,4}(?:as\s+if|alsof|como\s+si|als\s+(?:ob|hätten|hatten))|alsof\s+we\s+(?:\w+\s+){0,2}(?:hadden|waren)",
        r"(?:hours|uren|horas|stunden)\W+(?:\w+\W+){0,6}?(?:that|which|die|que)\s+(?:nobody|no\s+one|we\s+never|never|niemand|nooit|nadie|nunca|keiner|nie|niemand)\s+(?:\w+\s+){0,2}(?:worked|gewerkt|trabaj\w*|gearbeitet)",
        r"(?:priv[\w-]*|personal\w*|own)\s+(?:[\w-]+\s+){0,5}?(?:on|op|a|auf|über|via|met|con|to|onto)\s+(?:the\s+|de\s+|la\s+|die\s+|das\s+)?"
        r"(?:(?:company|corporate|business)\s+(?:credit\s+)?card|(?:zaken|bedrijfs)\w*(?:card|kaart|pas|rekening)|tarjeta\s+de\s+(?:credito\s+de\s+)?la\s+empresa|firmen\w*(?:karte|konto)|geschäfts\w*karte)"
        r"|(?:(?:company|corporate)\s+(?:credit\s+)?card|bedrijfs\w*(?:card|kaart|pas)|tarjeta\s+de\s+la\s+empresa|firmen\w*karte)\s+(?:\w+\s+){0,4}(?:for|voor|para|für)\s+(?:\w+\s+){0,2}(?:priv|personal|own|eigen|persoonlijk|privat)",
        r"pocket(?:ed|ing|s)\s+(?:\w+\s+){0,2}(?:cash|money|the\s+difference|tips)|(?:took|taking|takes|nam|pakte|pikte|cog\w*|sac\w*|nahm|genommen|haalde)\s+(?:\w+\s+){0,3}(?:from\s+the\s+(?:till|register|safe)|uit\s+de\s+(?:kassa|kluis)|de\s+la\s+(?:caja|hucha)|aus\s+der\s+(?:kasse|kaffeekasse))",
        r"pikte\s+(?:\w+\s+){0,2}(?:spullen|geld|materiaal|gereedschap)|(?:spullen|geld|materiaal|gereedschap)\s+(?:\w+\s+){0,3}gepikt",
        r"buddy\s+punch|clock\w*\s+(?:\w+\s+){0,2}in\s+(?:for\s+)?(?:colleagues|others|someone|people)|(?:in|uit)klokken\s+voor|fichar\s+por\s+(?:otros|compañeros)|für\s+(?:andere|kollegen)\s+(?:\w+\s+){0,1}(?:stempeln|einstempeln)",
        r"(?:attendance|presence|aanwezigheid\w*|presentielijst\w*|asistencia|anwesenheit\w*)\s+(?:\w+\s+){0,6}(?:not\s+there|niet\s+aanwezig|no\s+estaban|nicht\s+da|nicht\s+anwesend)",
        r"(?:gerommeld|gesjoemeld|geknoeid|knoeide|knoeiden|rommelde|rommelden)\b|(?:timesheets?|time\s+sheets?|urenregistratie|urenbriefjes|urenstaten|registro\s+de\s+horas|fichajes?|stundenzettel\w*|zeiterfassung)\s+(?:\w+\s+){0,3}"
        r"(?:adjust|chang|alter|edit|aanpas|aangepast|veranderd|gewijzigd|modific|cambi|retoc|änder|anpass|angepasst|geändert|manipul)\w*"
        r"|(?:adjust|chang|alter|edit|aanpass|wijzig|modific|cambi|änder|anpass)\w*\s+(?:\w+\s+){0,3}(?:timesheets?|urenregistratie|urenbriefjes|urenstaten|registro\s+de\s+horas|fichajes|stundenzettel\w*|zeiterfassung)",
        r"(?:spesen|expenses|declaraties|gastos|onkosten|reisekosten)\s+(?:\w+\s+){0,3}(?:for|voor|para|de|für)\s+(?:\w+\s+){0,2}(?:priv\w*|personal\w*|persoonlijk\w*|eigen\w*)"
        r"|(?:private|personal|prive|privat\w*|personales|privados)\s+(?:\w+\s+){0,3}(?:expensed|declared|gedeclareerd|abgerechnet|claimed|als\s+spesen|passed\s+off)|(?:fake|invented|verzonnen|nep)\s+(?:\w+\s+){0,1}(?:expenses|costs|declaraties|kosten)|invent\w*\s+(?:\w+\s+){0,1}gastos|erfundene\s+(?:spesen|kosten)",
        r"(?:(?:test|lab|meet|prüf|mess|pruef)?(?:results?|resultaten|ergebnisse)|resultados|messwerte|meetwaarden|metingen|readings|measurements|mediciones|messungen)\s+(?:\w+\s+){0,3}(?:changed|altered|adjusted|tweaked|aangepast|veranderd|gewijzigd|cambi\w*|modific\w*|manipul\w*|retoc\w*|geändert|angepasst|verändert|geschönt)"
        r"|(?:chang|alter|adjust|tweak|cambi|modific|manipul|retoc|änder|anpass|aanpass|wijzig|veranderd)\w*\s+(?:\w+\s+){0,3}(?:test\w*\s+|lab\s+)?(?:results|resultaten|testresultaten|resultados|ergebnisse|testergebnisse|messwerte|meetwaarden|readings|measurements|mediciones)",
        r"(?:out\s+of\s+date|expired|over\s+de\s+datum|verlopen|caducad\w*|abgelaufen\w*|vencid\w*)\s+(?:\w+\s+){0,6}(?:labels?|etiket\w*|etiquet\w*|etikett\w*|sold\s+anyway|toch\s+verkocht)|relabel\w*|re-label\w*|omgestickerd|reetiquet\w*|umetikett\w*|umgelabelt",
        r"(?:wrote|write|written|writing|booked|boekte|geboekt|afgeboekt|afboeken|contabiliz\w*|ausgebucht|abgeschrieben|abschreiben|boek\w*)\s+(?:\w+\s+){0,3}(?:off\s+)?(?:as|als|como)\s+(?:\w+\s+){0,1}(?:damaged|broken|beschadigd|kapot|defect|danad\w*|rotos?|merma|beschädigt|kaputt|bruch|schwund|waste|derving)",
        r"(?:discounts?|korting\w*|descuentos?|rabatt\w*)\s+(?:\w+\s+){0,2}(?:to|for|aan|a|voor|para|für|an)\s+(?:his|her|their|zijn|haar|sus?|seine?n?|ihre?n?)\s+(?:friends|family|mates|vrienden|familie|maten|amigos|familia|freunde\w*|kumpel\w*|bekannte\w*)",
        r"help\w*\s+(?:him|her|them)sel(?:f|ves)\s+to|bediende\s+zich(?:zelf)?\s+van|se\s+(?:quedaba|quedaban|apropiaba|apropiaban|embolsaba|embolsaban)\b|bereichert\w*|bediente\s+sich|embols\w*|apropi\w*\s+de|verrijkte\s+zich",
        r"(?:materiaal|materials?|tools?|gereedschap|werkzeug\w*|herramientas|stock|goods|products|spullen|voorraad|ware|waren|productos|producten|material)\s+(?:\w+\s+){0,3}(?:mee(?:\s*genomen|\s+naar\s+huis)|mitgenommen|mitgehen|took\s+home|taken\s+home|a\s+(?:su\s+)?casa|nach\s+hause)"
        r"|(?:nam|namen|took|taking|nahm|nehmen|llevaba\w*)\s+(?:\w+\s+){0,3}(?:materiaal|materials|tools|gereedschap|werkzeug|herramientas|stock|goods|spullen|voorraad|ware|productos|producten|material)\s+(?:\w+\s+){0,2}(?:mee\b|home|a\s+casa|mit\b)",
        r"(?:declaraties?|expenses?|claims?|gastos|spesen|(?:über|ueber)stunden|overuren|horas\s+extra|stunden|uren|hours|reizen|trips|viajes|reisen|dienstreisen)\W+(?:\w+\W+){0,6}?(?:die|that|which|que|wo)\s+(?:\w+\s+){0,2}(?:nooit|never|nunca|nie|niet|no|nicht)\s+(?:\w+\s+){0,2}"
        r"(?:gemaakt|plaatsvonden|plaatsgevonden|happened|took\s+place|made|taken|worked|gewerkt|gemacht|stattgefunden|hizo|hicieron|existieron|hecho|gearbeitet|geleistet|trabaj\w*)",
        r"como\s+gastos\s+de\s+(?:la\s+)?empresa\s+(?:\w+\s+){0,3}(?:familiar\w*|personal\w*|privad\w*)|(?:familiar\w*|personal\w*|privad\w*)\s+(?:\w+\s+){0,3}como\s+gastos"
        r"|(?:family|personal|private)\s+(?:\w+\s+){0,3}as\s+(?:business|company|work)\s+expenses?|as\s+(?:business|company|work)\s+expenses?\s+(?:\w+\s+){0,3}(?:family|personal|private)",
        r"move\w*\s+costs?|shift\w*\s+costs?|money\s+(?:went\s+missing|disappeared)",
        r"sjoemel|gesjoemel|frauduleus|bedrog|opgelicht|oplichting|zwart\s+(?:betaald|uitbetaald|geld|gewerkt|werken)",
        r"declaraties?\s+(?:\w+\s+){0,2}(?:op|opgeblazen|opgehoogd|verzonnen|vals|nep)|blies\s+(?:\w+\s+){0,2}declaraties",
        r"cijfers\s+(?:\w+\s+){0,4}(?:mooier|opgepoetst|gemanipuleerd|aangepast|verdraaid|gemasseerd)",
        r"kosten\s+(?:\w+\s+){0,3}(?:naar\s+volgend\s+jaar|doorgeschoven|verschoven|geschoven)",
        r"uren\s+(?:\w+\s+){0,3}(?:die\s+)?(?:niemand|nooit|niet)\s+(?:\w+\s+){0,1}(?:gewerkt|gemaakt)|schreven\s+uren",
        r"gestolen|(?:stal|stalen|steelt|stelen)\b(?!\s+de\s+show)|gejat|jatte|achterover\s*gedrukt|haalde\s+(?:\w+\s+){0,3}uit\s+het\s+magazijn",
        r"fraudulent|inflab\w*\s+(?:los\s+)?gastos|gastos\s+(?:falsos|inflados|inventados)|maquill|trampe|amanad|enchufaban\s+dinero",
        r"cobr\w*\s+(?:a\s+los\s+clientes\s+)?horas\s+que\s+(?:nadie|nunca|no)",
        r"pasa\w*\s+gastos|en\s+negro|dinero\s+negro|en\s+b\b|sin\s+factura",
        r"rob(?:aba|aban|o|aron|ar|ado)\b(?!\s+el\s+protagonismo)|hurtab|se\s+llevaba\s+(?:material|dinero|producto|genero|cosas)|desvi\w+\s+(?:dinero|fondos)",
        r"betrog|betruege|betruegt|betruegen|spesen\w*\s+(?:\w+\s+){0,2}(?:aufgebläht|manipuliert|gefälscht|erfunden|geschönt)|aufgebläht",
        r"zahlen\s+(?:\w+\s+){0,4}(?:geschönt|frisiert|manipuliert|geschoent)|geschönt|frisiert|getrickst|trickserei",
        r"kosten\s+(?:\w+\s+){0,3}(?:ins\s+nächste\s+jahr|verschoben|geschoben)",
        r"stunden\s+(?:berechnet|abgerechnet)\s+,?\s*die\s+(?:keiner|niemand|nie)|schwarz\s+(?:bezahlt|ausgezahlt|gearbeitet)|schwarzgeld",
        r"gestohlen(?!\s+(?:hat|haben))|geklaut|klaute|(?:stahl|stiehlt)\b|mitgehen\s+lassen|unter\s+der\s+hand",
    ),
    "integrity": (
        r"(?:cover|covered|covering|hush|hushed)\s+(?:it\s+|this\s+|that\s+|things\s+)?up|swept\s+(?:\w+\s+){0,2}under\s+the\s+(?:rug|carpet)",
        r"keep\s+(?:it\s+)?(?:quiet|my\s+mouth\s+shut|our\s+mouths\s+shut|it\s+quiet)|keep\s+quiet|mind\s+my\s+own\s+business",
        r"(?:told|asked|instructed|pressured|forced|made)\s+(?:me|us)\s+(?:\w+\s+){0,2}(?:not\s+to|to\s+not|never\s+to)\s+(?:report|tell|mention|say|inform|speak|talk)",
        r"not\s+to\s+(?:report|mention|tell)|promise\s+to\s+keep\s+quiet",
        r"(?:ignore|bypass|skip|bend|break)\w*\s+(?:the\s+)?(?:quality\s+|safety\s+)?(?:rules|procedures|protocols?|regulations|law|controls|checks)",
        r"lie\s+to|lied\s+to|lying\s+to|mislead\w*\s+(?:customers|clients|patients|auditors)|misled",
        r"(?:read|reading|went\s+through)\s+(?:\w+\s+){0,2}(?:private|personal)\s+(?:e-?mails|messages|files)|private\s+e-?mails",
        r"(?:not|never)\s+(?:\w+\s+){0,3}report\s+(?:the|a)\s+(?:\w+\s+)?(?:breach|accident|incident|injury)",
        r"sign\w*\s+(?:\w+\s+){0,4}(?:saying|that)\s+(?:i|we)\s+had\s+(?:done|checked)",
        r"complaints\s+(?:\w+\s+){0,4}(?:disappeared|vanished|buried)",
        r"(?:never|not)\s+(?:\w+\s+){0,2}(?:written\s+down|recorded|documented|logged|reported)\s+(?:\w+\s+){0,6}(?:inspect|auditor|authorit|regulator)",
        r"(?:didn'?t|did\s+not|not)\s+want\s+(?:the\s+)?(?:inspect\w*|auditors?|regulators?|authorities|customer|client)\s+to\s+(?:see|know|find)",
        r"(?:nooit|niet)\s+(?:\w+\s+){0,2}(?:opgeschreven|geregistreerd|gemeld|vastgelegd)\s+(?:\w+\s+){0,6}(?:inspectie|accountant|toezicht)"
        r"|niet\s+wilde\s+dat\s+(?:de\s+)?(?:inspectie|accountant|klant|toezichthouder)",
        r"nunca\s+se\s+(?:apuntaban|registraban|anotaban|documentaban)|no\s+queria\s+que\s+(?:\w+\s+){0,2}(?:viera|supiera)\s+(?:la|el)\s+(?:inspeccion|auditor|cliente)",
        r"onder\s+het\s+tapijt|in\s+de\s+doofpot|(?:mond|mondje)\s+(?:\w+\s+){0,1}(?:houden|dicht)|niks\s+over\s+(?:te\s+)?zeggen|niets\s+over\s+(?:te\s+)?zeggen"
        r"|(?:niks|niets)\s+(?:\w+\s+){0,3}(?:over\s+)?zeggen|niet\s+(?:aan\s+\w+\s+)?(?:mocht|mochten)\s+melden|(?:mocht|mochten)\s+(?:\w+\s+){0,4}niet\s+(?:\w+\s+){0,2}melden",
        r"me\s+met\s+mijn\s+eigen\s+zaken|(?:procedures|regels|voorschriften|controles)\s+(?:\w+\s+){0,2}(?:te\s+)?(?:negeren|omzeilen|overslaan)|aan\s+de\s+laars",
        r"(?:liegen|loog|gelogen)\s+(?:tegen|over)|voorliegen|misleid|prive\s*-?\s*mails?|privemail",
        r"verdwenen\s+gewoon|klachten\s+(?:\w+\s+){0,4}verdwenen|tekenen\s+dat\s+ik|formulier\s+(?:te\s+)?tekenen",
        r"tap(?:ar|aba|aron|o)\b|ocult(?:ar|aba|aron|o)|encubr|callar(?:me|nos|se)?\b|que\s+me\s+callara|no\s+(?:dijeramos|dijera|digas|decir)\s+nada|no\s+abrir\s+la\s+boca",
        r"no\s+(?:me\s+)?metiera|no\s+removerlo|mirar\s+para\s+otro\s+lado|prohibi\w*\s+(?:\w+\s+){0,2}avisar|no\s+lo\s+comentaramos",
        r"(?:saltar|saltaramos|saltarse|ignorar|incumplir)\w*\s+(?:\w+\s+){0,2}(?:controles|normas|procedimientos|protocolos|normativa)",
        r"(?:mentir|mintiera|mintieramos|mentia|enganar|enganaba)\b|correos\s+privados|firmara\s+que\s+habia",
        r"(?:shred|destroy|delet|wip|vernietig|versnipper|wiss|verwijder|destru|borr|tritur|vernicht|schredder|lösch)\w*\s+(?:\w+\s+){0,3}(?:documents?|files|records|e-?mails|evidence|documenten|bestanden|dossiers|documentos|archivos|correos|pruebas|dokumente|unterlagen|akten|beweise)\s+(?:\w+\s+){0,3}(?:before|voor|antes|vor)\s+(?:\w+\s+){0,2}(?:the\s+|de\s+|la\s+|der\s+)?(?:audit|inspect\w*|controle|accountant|auditor\w*|inspeccion|prüfung|prüfer|revision)",
        r"niet\s+te\s+(?:melden|rapporteren|vertellen|zeggen|noemen)|que\s+no\s+(?:lo\s+)?(?:reportara|denunciara|dijera|contara|comunicara|mencionara)",
        r"(?:customers|clients|klanten|clientes|kunden|kunde|patients|patienten|pacientes)\s+(?:\w+\s+){0,8}?(?:not\s+true|wasn'?t\s+true|niet\s+(?:zo|waar)\b|no\s+era\s+(?:verdad|cierto|asi)|nicht\s+stimmt\w*)|(?:terwijl|while)\s+(?:dat|it|that)\s+(?:niet|not|wasn'?t)\s+(?:zo|true|waar)\b",
        r"(?:told|asked|instructed|sollten|mussten|moesten|dijeron|pidieron|hiess\s+es|hieß\s+es|werd\s+gezegd|kreeg\s+te\s+horen)\s+(?:\w+\s+){0,6}?(?:not|nicht|niet|no)\s+(?:to\s+)?(?:\w+\s+){0,2}"
        r"(?:eintragen|einzutragen|dokumentieren|write\s+(?:it\s+)?up|log\b|record\b|report\b|noteren|registreren|vastleggen|opschrijven|apuntar\w*|anotar\w*|registrar\w*|reportar\w*|denunciar\w*)",
        r"(?:hide|hid|hidden|hiding|conceal\w*|ocult\w*|escond\w*|verheimlich\w*|verschweig\w*|verschwieg\w*|verborgen\s+(?:te\s+)?houden|verzwijgen|verzwegen)\s+(?:\w+\s+){0,4}(?:from|for|voor|a|al|vor|de)\s+(?:the\s+|de\s+|la\s+|el\s+|los\s+|las\s+|dem\s+|der\s+|den\s+|our\s+|onze\s+)?"
        r"(?:customers?|clients?|klant(?:en)?|clientes?|kunden?|auditors?|inspect\w*|management|directie|accountant|auditor\w*|prüfer\w*|aufsicht|behörde\w*|board|regulators?|toezicht\w*)"
        r"|(?:customers?|clients?|klant(?:en)?|kunden?|auditors?|inspect\w*|accountant|prüfer\w*|aufsicht|behörde\w*)\s+(?:\w+\s+){0,4}(?:verborgen\s+(?:te\s+)?houden|verzwijgen|verheimlich\w*|verschweig\w*)",
        r"(?:sign|tekenen|ondertekenen|firmar|unterschreiben|unterzeichnen)\w*\s+(?:\w+\s+){0,3}(?:i|ik|que|die)\s+(?:\w+\s+){0,2}(?:had\s+not|hadn'?t|never|niet|nunca|no|nicht|nie)\s+(?:\w+\s+){0,1}(?:read|gelezen|leido|gelesen)"
        r"|not\s+to\s+ask\s+questions|geen\s+vragen\s+(?:te\s+)?(?:stellen|mocht)|sin\s+hacer\s+preguntas|no\s+preguntara|keine\s+fragen\s+(?:zu\s+)?stellen",
        r"(?:raised|voiced|reported|flagged)\s+(?:\w+\s+){0,2}(?:concerns?|issues?|problems?)\W+(?:\w+\W+){0,10}?(?:moved|transferred|sidelined|disappeared|ignored|punished|fired|let\s+go|worse)",
        r"keep\s+(?:it|this|that)\s+between\s+(?:us|ourselves)|(?:onder\s+ons|binnenskamers)\s+(?:\w+\s+){0,1}(?:blijven|houden)|que\s+(?:eso\s+)?no\s+saliera\s+de\s+aqui|no\s+(?:puede|podia)\s+salir\s+de\s+aqui|(?:für|fuer)\s+(?:mich|uns|sich)\s+behalten|unter\s+uns\s+(?:bleiben|bleibt)",
        r"desaparecian|lo\s+tapaba|cerr\w*\s+la\s+boca|(?:punto\s+en\s+)?boca\s+(?:cerrada|callada)",
        r"(?:not|nothing|niets|niks|nada|nichts|geen)\s+(?:to\s+)?(?:\w+\s+){0,3}(?:in\s+writing|op\s+papier|per\s+mail|por\s+escrito|schriftlich)",
        r"vertusch|unter\s+den\s+teppich|mund\s+(?:zu\s+)?halten|nichts\s+(?:\w+\s+){0,2}(?:sagen|erzählen)|nicht\s+(?:zu\s+)?melden",
        r"(?:qualitätsprüfungen|prüfungen|kontrollen|vorschriften|regeln)\s+(?:\w+\s+){0,2}(?:weglassen|ignorieren|umgehen|überspringen)",
        r"nie\s+(?:\w+\s+){0,1}(?:dokumentiert|aufgeschrieben|gemeldet|erfasst)|nicht\s+wollte,?\s+dass\s+(?:die|der|das)\s+\w*(?:aufsicht|prüfer|kunde|behörde|amt)",
        r"anlügen|anzulügen|belügen|angelogen|belogen|täuschen|private\s+mails|verboten,?\s+(?:\w+\s+){0,3}(?:zu\s+)?informieren",
        r"um\s+meinen\s+eigenen\s+kram|auf\s+sich\s+beruhen|(?:beschwerden|klagen)\s+(?:\w+\s+){0,4}verschwunden|unterschreibe,?\s+die",
    ),
}

# Behaviour that is misconduct with a second sign.
WEAK: dict[str, tuple[str, ...]] = {
    "harassment": (
        r"jok(?:e|es|ed|ing)\b|remarks?|comments?|nicknames?|called\s+(?:me|her)|names\b|stared|staring|looks\b",
        r"uncomfortable|inappropriate|creepy|creep\b|messages|texts|kept\s+\w+ing",
        r"grap(?:pen|je|jes)?\b|grapte|moppen|opmerking|commentaar|bijnaam|bijnamen|noemde\s+(?:me|mij|haar)|staarde|keek",
        r"ongemakkelijk|ongepast|ongewenst|appjes|berichtjes|steeds|bleef",
        r"gossip\w*|roddel\w*|geroddeld|cotille\w*|chism\w*|getratscht|tratsch\w*|gelästert|lästern",
        r"chistes?|bromas?|comentarios?|coment(?:aba|aban|o|ar)\b|motes?|indirectas?|me\s+llamaba|miraba|miradas",
        r"incomod|inapropiad|desagradable|mensajes|whatsapps?",
        r"witze?n?\b|sprüche|bemerkung|kommentar|spitznam|nannte\s+(?:mich|sie)|starrte|blicke",
        r"unangenehm|unangemessen|nachrichten|ständig|dauernd",
        r"treated\s+(?:differently|worse)|anders\s+behandeld|trataban\s+(?:distinto|diferente|peor)|anders\s+behandelt",
        r"in\s+front\s+of\s+(?:the\s+whole|everyone|all)|waar\s+(?:het\s+hele\s+team|iedereen)\s+bij"
        r"|delante\s+de\s+todo|vor\s+(?:dem\s+ganzen|allen)",
        r"(?:cried|crying|in\s+tears|huilen|huilend|llorando|lloraba|geweint|weinend)",
        r"followed\s+me|waited\s+for\s+me|showed\s+up\s+at\s+my|hotel\s*room|hotelkamer|habitacion\s+de\s+hotel|hotelzimmer",
        r"too\s+close|way\s+too\s+close|te\s+dicht\s+bij|heel\s+dicht\s+bij|se\s+(?:te|me)\s+pegaba|demasiado\s+cerca|zu\s+nah",
        r"(?:depended|depends|afhing|afhangt|dependia|abhängt|abhaengt|abhing)\w*\s+(?:on|van|de|davon)",
        r"(?:prive|private|personal|privat)\w*\s+(?:nummer|number|movil|handy|phone|telefoon)|(?:movil|telefono|numero)\s+(?:personal|privado)",
        r"(?:did\s+not|didn'?t|never)\s+feel\s+safe|(?:voelde|voel)\s+(?:me|mij)\s+(?:\w+\s+){0,2}niet\s+veilig|no\s+me\s+sent\w+\s+segur|nicht\s+sicher\s+gefühlt|fühlte\s+mich\s+(?:\w+\s+){0,2}nicht\s+sicher",
        r"alone\s+(?:in\s+a\s+room\s+)?with\s+him|alleen\s+met\s+hem|sola\s+con\s+el|allein\s+mit\s+ihm",
        r"said\s+things\s+like|zei\s+(?:dan\s+)?dingen\s+als|me\s+decia\s+cosas|sachen\s+gesagt|ungefragt|ongevraagd|uninvited|sin\s+preguntar",
        r"turned\s+up\s+at|showed\s+up\s+at|stond\s+elke\s+dag|aparecia\s+en|stand\s+jeden\s+tag|(?:dreaded|dread)\s+(?:every|each|going)|zag\s+(?:ik\s+)?tegen\s+elke|temia\s+cada|angst\s+vor\s+jeder",
        r"(?:even\s+)?after\s+i\s+(?:had\s+)?said\s+no|terwijl\s+ik\s+(?:al\s+)?nee|aunque\s+(?:ya\s+)?(?:le\s+)?(?:habia\s+)?dije?\s+que\s+no|obwohl\s+ich\s+(?:\w+\s+){0,2}nein",
        r"too\s+long|te\s+lang|demasiado\s+tiempo|zu\s+lange|(?:would|wouldn'?t|did)\s+not\s+let\s+(?:me\s+)?go|wouldn'?t\s+let\s+(?:me\s+)?go|niet\s+(?:meer\s+)?losliet|no\s+me\s+soltaba|nicht\s+los(?:ließ|liess|lassen)",
        r"like\s+nothing\s+(?:had\s+)?happened|alsof\s+er\s+niets|als\s+of\s+er\s+niks|como\s+si\s+nada|als\s+(?:ob|wäre)\s+nichts|tried\s+to|probeerde|intent\w*|wollte|kept\s+asking|vroeg\s+(?:\w+\s+){0,1}(?:steeds|altijd|telkens)|preguntaba|(?:ständig|immer)\s+(?:\w+\s+){0,3}gefragt",
        r"told\s+(?:me\s+|us\s+|her\s+|them\s+)?to\s+wear|had\s+to\s+wear|(?:moest|moesten)\s+(?:\w+\s+){0,5}dragen|(?:pedian|pedia|obligaban|hacian|decian|exigian)\s+(?:\w+\s+){0,2}llevar|(?:sollten|mussten)\s+(?:\w+\s+){0,5}tragen",
        r"again\s+and\s+again|over\s+and\s+over|kept\s+(?:calling|texting|messaging|asking|sending)|steeds\s+weer|keer\s+op\s+keer|una\s+y\s+otra\s+vez|immer\s+wieder",
    ),
}

QUALIFIER: dict[str, tuple[str, ...]] = {
    "sexual_harassment": (
        r"(?:looked|look|looking|you'?re|you\s+are|so)\s+hot\b|\bgeil|\bscharf\b|lekker\s+(?:ding|wijf)|estas\s+buena|que\s+buena",
        r"\b(?:hug|hugs|hugged|hugging|arms?\s+around|knuffel\w*|omhelsd\w*|omhelsde|arm\s+om|abraz\w*|umarm\w*|kiss\w*|zoen\w*|kus\b|besar\w*|beso|küss\w*|kuss)",
        r"(?:his|her|zijn|haar|su|sein\w*|ihr\w*)\s+(?:hotel\s*)?(?:room|kamer|hotelkamer|habitacion|zimmer|hotelzimmer)\b|(?:love|sex|dating)\s+life|liefdesleven|seksleven|vida\s+(?:sexual|amorosa|privada\s+sexual)|liebesleben|sexleben",
        r"\b(?:boyfriend|girlfriend|vriendje|novio|novia)\b|(?:short|shorter|tight)\s+(?:skirts?|dress\w*)|skirts?\b|(?:korte|kortere|strakke)\s+(?:rok\w*|jurk\w*)|falda\w*|minifalda|kurze[nr]?\s+r(?:o|ö)ck\w*|minirock|low-?cut|decolletes?|ausschnitt",
        r"\b(?:whisper\w*|fluister\w*|susurr\w*|al\s+oido|flüster\w*|ins\s+ohr|in\s+(?:mijn|m'n)\s+oor|in\s+my\s+ear)",
        r"porn|naked|nude|naakt|desnud|nackt|sexual|sexy|sexist|dirty|crude|flirt|body\b|bodies|breasts?|boobs|cleavage|legs\b|butt\b|ass\b|what\s+i\s+(?:wore|was\s+wearing)",
        r"my\s+(?:clothes|outfit|skirt|looks|appearance)|the\s+women|the\s+girls|women'?s",
        r"seksu|seksis|sexis|schunnig|vrouwen|meiden|lichaam|borsten|billen|kont\b|decollete|wat\s+ik\s+aan\s+had|rokje|uiterlijk",
        r"sexual|sexista|machist|cuerpo|escote|culo|pechos|tetas|como\s+iba\s+vestida|vestida|chicas|mujeres|companeras|guapa",
        r"\b(?:babe|honey|sweetie|darling|doll|schat|schatje|lieverd|guapa|guapetona|preciosa|nena|süsse|schätzchen|mausi)\b|smile\s+more|lach\s+eens|sonrie\s+mas|lächel\s+doch",
        r"kleidung|angezogen|minirock|was\s+ich\s+trug|kleding|wat\s+ik\s+droeg|mijn\s+kleren|\bropa\b|como\s+(?:iba|voy|me)\s+vest|clothes|outfit",
        r"sexuell|sexistisch|anzüglich|frauen|kolleginnen|mädels|hintern|busen|brüste|körper|figur|ausschnitt|was\s+sie\s+anhaben|was\s+ich\s+anhatte",
    ),
    "discrimination": (
        r"racis|racial|accent|origin|where\s+i\s+come\s+from|skin|colou?r\b|religio|muslim|islam|jewish|hijab|headscarf|veil\b|ramadan|pray",
        r"black\s+(?:person|man|woman|colleagues?|guys?|employees?|staff)|the\s+only\s+(?:black|woman|muslim|foreigner|immigrant)|de\s+enige\s+(?:zwarte|vrouw|moslim|buitenlander)|la\s+unica\s+mujer|el\s+unico\s+(?:negro|extranjero)|die\s+einzige\s+frau|der\s+einzige\s+(?:ausländer|schwarze)",
        r"orientation|geaardheid|orientacion|orientierung|\b(?:paki|chink|wetback|faggot|fag|retard|dyke|tranny|spic|towelhead|kankermarokkaan|makaak|zwartje|flikker|mongool|poepchinees|moro|sudaca|panchito|negrata|maricon|kanake|kanacke|neger|schwuchtel|spast|fidschi|zigeuner)\b",
        r"als\s+enige\s+vrouw|als\s+einzige\s+frau|siendo\s+la\s+unica\s+mujer|coming-?\s*out|uit\s+de\s+kast|sali\w*\s+del\s+armario|geoutet",
        r"foreign|immigra|migrant|nationality|ethnic|black\s+(?:people|colleagues?|guys?)|gay\b|lesbian|trans\b|disab|wheelchair",
        r"i'?m\s+black|i\s+am\s+black|ik\s+ben\s+zwart|soy\s+negr|ich\s+bin\s+schwarz|white\s+(?:guys|colleagues|people)|witte\s+(?:jongens|collega|mensen)|los\s+blancos|weissen?\s+kolleg",
        r"pregnan|maternity|my\s+age\b|older\s+(?:colleagues|workers|women|staff)|over\s+(?:fifty|50|55|sixty|60)|kids\s+at\s+home|small\s+kids|young\s+ones",
        r"afkomst|waar\s+ik\s+vandaan\s+kom|huidskleur|donkere?\s+huid|geloof|religie|moslim|islam|joods|hoofddoek|keppel|bidden",
        r"buitenlan|allochto|migratieachtergrond|nationaliteit|marokka|turk|surinam|antilliaan|pool\b|polen|oost-?europe|homo|lesbi|handicap|beperking|rolstoel",
        r"zwanger|moederschap|leeftijd|oudere?\s+(?:collega|werknemer|medewerker)|vijftigplus|50-?plus|boven\s+de\s+(?:50|vijftig)|kleine\s+kinderen|jonge\s+(?:gasten|collega|mensen)",
        r"racis|acento|origen|de\s+donde\s+vengo|color\s+de\s+piel|religion|musulman|islam|judi|velo\b|panuelo|hiyab|rezar",
        r"extranjer|inmigrante|latin|sudamerican|marroqui|rumano|gitan|nacionalidad|gay\b|lesbiana|discapacidad|silla\s+de\s+ruedas",
        r"embaraz|maternidad|mi\s+edad|mayores?\s+de|mas\s+de\s+(?:cincuenta|50|55|sesenta)|ninos\s+pequenos|hijos\s+pequenos|los\s+jovenes",
        r"rassis|akzent|herkunft|woher\s+ich\s+komme|hautfarbe|religion|glaube|muslim|islam|jüdisch|kopftuch|beten",
        r"ausländ|migra|osteurop|türk|polnisch|rumän|nationalität|schwul|lesbisch|behindert\w*|behinderung\w*|handicap\w*|rollstuhl",
        r"(?:because|since)\s+(?:i|she|he)\s*(?:am|was|is|'m|'s)\s+(?:a\s+)?(?:woman|female|girl|mother|pregnant|black|muslim|gay|foreign|old)",
        r"omdat\s+(?:ik|ze|zij|hij)\s+(?:een\s+)?(?:vrouw|moeder|zwanger|moslim|buitenlander|homo|zwart)",
        r"weil\s+(?:ich|sie|er)\s+(?:eine?\s+)?(?:frau|mutter|schwanger|ausländer|muslim|schwul|zu\s+alt)",
        r"schwanger|mutterschaft|elternzeit|mein\s+alter|meines\s+alters|ältere|über\s+(?:fünfzig|50|55|sechzig)|kleine\s+kinder|die\s+jungen",
    ),
}

# Behaviour that, with a discrimination qualifier, is unequal treatment.
ADVERSE = (
    r"the\s+only\s+one\s+(?:who|that|to)|de\s+enige\s+die|el\s+unico\s+(?:al\s+)?que|la\s+unica\s+(?:a\s+la\s+)?que|der\s+einzige|die\s+einzige"
    r"|not\s+allowed|weren'?t\s+allowed|(?:mocht|durfde)\s+(?:ik\s+)?niet|no\s+me\s+dejab|durfte\s+(?:ich\s+)?nicht|nicht\s+(?:mehr\s+)?am\s+empfang",
    r"refus\w*|won'?t\s+hire|(?:didn'?t|did\s+not|never|not)\s+(?:\w+\s+){0,1}hired?|weiger\w*|niet\s+aan(?:genomen|nemen)|geen\s+(?:vast\s+)?contract|geen\s+verlenging"
    r"|rechaz\w*|no\s+(?:me\s+)?contrat\w*|sin\s+contrato|nicht\s+eingestellt|abgelehnt|lehnte|kein\w*\s+(?:fest\w*\s+)?vertrag|always\s+(?:given|got|had)\s+(?:the\s+)?(?:worst|dirtiest)",
    r"stopped\s+(?:giving|inviting|including|calling|scheduling)|no\s+(?:more|longer)\s+(?:\w+\s+){0,1}(?:shifts|projects|clients|hours|work)|keine\s+(?:\w+\s+){0,1}(?:projekte|schichten|kunden|aufträge|dienste)\s+mehr"
    r"|me\s+quitaron|quitaron|me\s+apartaron|buiten\s+gehouden|buitenspel|geen\s+(?:\w+\s+){0,1}(?:diensten|projecten|klanten|uren|opdrachten)\s+meer",
    r"passed\s+over|not\s+promoted|never\s+promoted|didn'?t\s+get|gave\s+(?:it|the\s+\w+)\s+to|wasn'?t\s+(?:extended|renewed)|not\s+(?:extended|renewed)"
    r"|fired|let\s+go|first\s+to\s+go|excluded|left\s+out|(?:never|not)\s+invited|paid\s+less|less\s+pay|worst|night\s+shifts|made\s+fun|justify|not\s+worth",
    r"gepasseerd|niet\s+bevorderd|geen\s+promotie|niet\s+verlengd|ontslagen|de\s+klos|als\s+eerste|buitengesloten|(?:nooit|niet)\s+meegevraagd"
    r"|minder\s+(?:betaald|geld|salaris|loon)|slechtste|nachtdiensten|uitleggen|verantwoorden|beter\s+niet|liever\s+niet|niet\s+bij\s+de",
    r"no\s+me\s+(?:dieron|ascendieron|renovaron)|no\s+(?:me\s+)?renovaron|despid|primer[oa]s\s+en\s+salir|dejaron\s+de\s+contar|excluid|nunca\s+me\s+invitaban"
    r"|pagaban\s+menos|cobraban\s+menos|peores|turnos\s+de\s+noche|se\s+re[ií]an|justificar|no\s+de\s+cara\s+al\s+publico|mejor\s+trabajara|no\s+merecia\s+la\s+pena",
    r"nicht\s+befördert|übergangen|nicht\s+verlängert|gekündigt|entlassen|als\s+erste|abgezogen|ausgegrenzt|nie\s+mitgenommen|nicht\s+mitgenommen"
    r"|weniger\s+(?:geld|gehalt|lohn|bezahlt)|schlechtesten|nachtschichten|rechtfertigen|nicht\s+mehr\s+am|lohne\s+sich|nicht\s+gegeben|als\s+erste\s+gehen",
)

# Somebody saw it and did nothing: makes weak behaviour a disclosure.
BYSTANDER = (
    r"(?:nobody|no\s+one|noone|no-one|nobody\s+ever|none\s+of\s+them)\s+(?:\w+\s+){0,2}(?:intervened|stepped\s+in|did\s+(?:anything|a\s+thing)|said\s+(?:anything|a\s+thing)|stopped)",
    r"(?:hr|management|manager|supervisor|boss|lead|they)\s+(?:\w+\s+){0,2}(?:did\s+nothing|did\s+not\s+do\s+anything|didn'?t\s+do\s+anything|laughed\s+it\s+off|looked\s+the\s+other\s+way|turned\s+a\s+blind\s+eye)",
    r"laughed\s+it\s+off|looked\s+the\s+other\s+way|blind\s+eye|(?:too|over)\s*sensitive|exaggerat|overreact|drama\s+queen",
    r"everyone\s+(?:saw|could\s+see)\s+it|iedereen\s+zag\s+het|todo\s+el\s+mundo\s+lo\s+ve\w+|alle\s+haben\s+es\s+gesehen",
    r"(?:just|only)\s+(?:said|told\s+me)\s+(?:\w+\s+){0,3}(?:polite|nice|friendly)|zei\s+alleen\s+dat|solo\s+me\s+dijo|meinte\s+nur",
    r"niet\s+zo\s+(?:moest\s+)?aanstellen|overgevoelig|overdrijven|no\s+exager|exagerad|no\s+era\s+para\s+tanto|nicht\s+so\s+(?:anstellen|haben)|übertreib|empfindlich",
    r"niemand\s+(?:\w+\s+){0,2}(?:greep\s+in|ingreep|deed\s+(?:er\s+)?(?:iets|wat)|zei\s+er\s+(?:ooit\s+)?(?:iets|wat)\s+van)|deed\s+(?:er\s+)?(?:niks|niets)|keek\s+weg|door\s+de\s+vingers",
    r"nadie\s+(?:\w+\s+){0,2}(?:hizo|dijo)\s+(?:nunca\s+)?nada|no\s+hizo\s+nada|miraba\s+para\s+otro\s+lado|hacia\s+como\s+si\s+nada|se\s+tolero",
    r"niemand\s+(?:hat\s+)?(?:\w+\s+){0,2}(?:eingegriffen|etwas\s+(?:gesagt|unternommen|getan))|eingegriffen\s+hat\s+(?:nie\s+)?(?:jemand|keiner)|weggeschaut|nichts\s+unternommen|geduldet",
)
