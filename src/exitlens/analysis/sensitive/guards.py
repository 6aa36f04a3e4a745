"""What cancels a cue: negation, wishes and hypotheticals, and names of things (teams, trainings,
policies) that carry a misconduct word. All patterns work on `cues.normalise`d text."""

import re

from exitlens.analysis.sensitive.cues import pattern


def _words(text: str) -> list[str]:
    return text.split()


# A negation cancels a cue when only these words stand between them: "never experienced any form
# of discrimination", "nooit onveilig gevoeld", "nunca sufrí acoso", "nie gemobbt".
# "never bullied or harassed": a negation reaches over a coordinated cue.
CONJUNCTIONS = frozenset(_words("or nor and of en ni o y oder noch und"))
NEGATORS = frozenset(
    _words(
        """no not never nothing none nobody zero without n't cannot
    geen nooit niet niemand niets niks nimmer zonder
    nunca jamas nadie ningun ninguna ninguno ni sin nada
    kein keine keinen keiner keinem keines nie niemals nicht niemand nichts ohne"""
    )
)
FILLERS = frozenset(
    _words(
        """a an the any form forms kind sort type of sign case single real really ever at all
    felt feel feeling been was were be is are have has had did do does i me we us they my our
    experienced experience saw seen witnessed heard noticed encountered personally myself there
    such thing things much serious major big direct actual obvious that ive i've it its it's
    also even yet or and else anything something suffered from faced one
    ik me mij we wij heb hebben had hadden ben was werd word worden gevoeld voelde voel
    meegemaakt gezien ervaren gemerkt enige enkele vorm van sprake er daar ooit echt zelf
    persoonlijk last een de het soort ook nog bijzonder is zijn waren hier gehad van iets wat
    yo he ha hay hubo habia sufri senti sentia vi visto vivido sufrido tipo de forma caso un una
    el la los las lo realmente personalmente siquiera se tuve tenido nunca
    ich mich mir wir uns habe hatte hat bin war wurde wurden gefuehlt erlebt gesehen bemerkt je
    jemals irgendeine irgendwelche form art von eine einen ein der die das es gab gibt dort da
    persoenlich selbst auch so etwas wirklich bei meines wissens hier"""
    )
)
# After a cue, a negation cancels it only with a word of seeing, meeting or allowing, or at the end
# of the clause: "discriminatie heb ik nooit meegemaakt", "where bullying is not tolerated".
AFTER_NEGATION = re.compile(
    r"(?:seen|saw|experienced|witnessed|noticed|tolerated|accepted|allowed|happen|exist|an\s+issue"
    r"|a\s+problem|a\s+thing|around|present|meegemaakt|gezien|ervaren|gemerkt|getolereerd|geaccepteerd"
    r"|voor\b|aan\s+de\s+orde|toegestaan|visto|vivido|sufrido|tolera|permit|acept|existe|hubo|habia"
    r"|erlebt|gesehen|bemerkt|toleriert|geduldet|akzeptiert|vorgekommen|gegeben|erfahren)"
)

# "no discrimination that I know of": with a negation anywhere in the clause, a topic is cancelled.
AS_FAR_AS_I_KNOW = re.compile(
    r"that\s+i\s+(?:know|knew|saw|am\s+aware)\s+of|as\s+far\s+as\s+i\s+(?:know|can\s+tell)|not\s+that\s+i"
    r"|voor\s+zover\s+ik\s+(?:weet|heb\s+gezien)|niet\s+dat\s+ik|que\s+yo\s+sepa|que\s+yo\s+haya\s+visto"
    r"|meines\s+wissens|soweit\s+ich\s+(?:weiss|weiß)|nicht\s+dass\s+ich"
)

# A wish, a suggestion or a hypothetical: the topic is asked for or against, not reported.
WISH = re.compile(
    pattern(
        r"\b(?:i'?d\s+(?:love|like|prefer)|would\s+(?:be|love|like|help|welcome|have\s+been)|i\s+wish|wish\s+(?:there|they|the)"
        r"|i\s+hope|hopefully|should|needs?\s+to|need\s+more|please|more\s+attention|recommend|suggest"
        r"|it'?d\s+be|zero[- ]tolerance|in\s+case\s+of|if\s+there\s+(?:is|are|were)"
        r"|zou(?:den)?\s+(?:\w+\s+){0,3}(?:fijn|goed|mooi|prettig|handig|beter|wenselijk|fijner)|zou(?:den)?\s+moeten|moeten\s+meer"
        r"|meer\s+aandacht|ik\s+hoop|hopelijk|ik\s+zou\s+graag|zou\s+graag|wens|aanrader|nultolerantie|in\s+geval\s+van|graag\s+(?:meer|een)"
        r"|ojala|seria\s+(?:\w+\s+)?(?:bueno|bonito|ideal|genial|util|conveniente|mejor)|deberia|me\s+gustaria|espero\s+que|mas\s+atencion"
        r"|recomiendo|sugiero|estaria\s+bien|haria\s+falta|tolerancia\s+cero|en\s+caso\s+de|ojala"
        r"|wäre\s+(?:\w+\s+)?(?:schön|gut|toll|wünschenswert|hilfreich|sinnvoll|besser)|wünsche|wünschen|hoffe|hoffentlich|sollte"
        r"|mehr\s+aufmerksamkeit|empfehle|null-?\s*toleranz|im\s+falle?|würde\s+mir)"
    )
)

# A thing named after a topic: "fraud prevention team", "veiligheidstraining", "taller sobre
# discriminación", "Schulung gegen Mobbing", "anti-harassment policy". The topic word is blanked.
_THINGS = pattern(
    r"teams?|department|dept|unit|trainings?|workshops?|course|courses|modules?|e-?learning|webinars?|sessions?"
    r"|polic(?:y|ies)|procedures?|protocols?|officer|advis[eo]r|committee|hotline|helpline|campaign|posters?"
    r"|awareness|prevention|detection|analysts?|specialists?|tool|tooling|software|system|programm?e?"
    r"|projects?|rules|guidelines|code|regulations|compliance|lectures?|presentation|training"
    r"|afdeling|cursus|beleid|commissie|functionaris|coordinator|meldpunt|campagne|preventie|detectie"
    r"|bestrijding|opsporing|systeem|programma|regels|richtlijnen|instructie|voorlichting|toolbox|dag"
    r"|bijeenkomst|sessie|presentatie|vertrouwenspersoon|protocol|aanpak"
    r"|equipo|departamento|formacion|curso|taller|charla|jornada|modulo|politica|procedimiento"
    r"|comite|responsable|campana|prevencion|deteccion|herramienta|sistema|programa|proyecto|normas"
    r"|normativa|codigo|protocolo"
    r"|abteilung|schulung|unterweisung|kurs|seminar|modul|richtlinie|leitfaden|verfahren|ausschuss"
    r"|beauftragte[rn]?|kampagne|prävention|erkennung|programm|projekt|regeln|vorschriften|kodex|stelle\b"
    r"|vortrag|regel|schutz|bekämpfung|controles?|kontrolle\w*|prüfung\w*|onderzoek\w*"
)
_TOPICS = pattern(
    r"(?:sexual\s+|seksuele\s+|sexuelle[rn]?\s+)?(?:harassment|bullying|discrimination|racism|sexism|fraud|bribery|corruption"
    r"|safety|violence|intimidation|integrity|misconduct|theft|abuse|aggression"
    r"|intimidatie|pesten|discriminatie|racisme|seksisme|fraude|omkoping|corruptie|veiligheid|geweld"
    r"|integriteit|ongewenst\s+gedrag|grensoverschrijdend\s+gedrag|agressie|diefstal"
    r"|acoso(?:\s+sexual|\s+laboral)?|discriminacion|racismo|machismo|sobornos?|corrupcion|seguridad"
    r"|violencia|integridad|robo|agresiones"
    r"|belästigung|mobbing|diskriminierung|rassismus|sexismus|betrug|bestechung|korruption|sicherheit"
    r"|gewalt|integrität|diebstahl)"
)
_ABOUT = (
    r"on|about|against|around|regarding|for|over|tegen|rond|omtrent|rondom"
    r"|voor|sobre|contra|de|del|para|zu|zum|zur|gegen|über|für|thema"
)
_STOP = (
    r"(?:to|the|a|at|in|by|from|and|was|were|is|with|of|for|on"
    r"|my|our|me|i|we|they|he|she|it|not|no)"
)
NAMED = re.compile(
    pattern(
        # topic + at most one word + thing: "fraud prevention team" (only the topic is blanked)
        rf"\b{_TOPICS}(?=(?:\s+(?!{_STOP}\b)[\w-]+)?\s+(?:{_THINGS})\b)"
        # thing + preposition + up to four words + topic: "workshop on discrimination"
        rf"|\b(?:{_THINGS})(?:\s+[\w-]+)?\s+(?:{_ABOUT})\b(?:\s+[\w-]+){{0,4}}?\s+{_TOPICS}\b"
        # ... and the topics listed with it: "a workshop on harassment and discrimination"
        rf"(?:\s*(?:,|and|or|en|of|y|e|o|und|oder)\s+(?:[\w-]+\s+)?{_TOPICS}\b)*"
        # left out of decisions (not of people): "buitengesloten bij beslissingen"
        r"|\b(?:excluded|left\s+out|buitengesloten|buiten\s+gesloten|excluid[oa]s?|fuera|ausgeschlossen|außen\s+vor)"
        r"\s+(?:\w+\s+){0,2}(?:from|of|bij|van|de|bei|von)\s+(?:\w+\s+){0,2}(?:decisions?|beslissingen|besluit\w*|decisiones|entscheidung\w*)\b"
        r"|\b(?:bij|bei|in|van)\s+(?:\w+\s+){0,1}(?:beslissingen|besluiten|entscheidungen|decisions)\s+(?:\w+\s+){0,5}?(?:außen\s+vor|ausgeschlossen|buitengesloten|buiten\s+spel)"
        # anti-harassment, antidiscriminatiebeleid; zero tolerance for, Null-Toleranz gegen
        r"|\banti-?\s*\w+"
        r"|(?:zero[- ]tolerance|nultolerantie\w*|tolerancia\s+cero|null-?\s*toleranz\w*)"
        r"(?:\s+[\w-]+){0,3}"
        # credit taken, not goods: "stole the show", "robó el protagonismo", "die Show gestohlen"
        r"|\b(?:stole|steal\w*|stolen|stal|stalen|steelt|gestolen|rob\w*|gestohlen|stahl|klaut\w*|geklaut)"
        r"(?:\s+[\w-]+){0,3}?\s+(?:show|spotlight|limelight|credit|thunder|ideas?|protagonismo|merito|ideas|idee\w*|lorbeeren)\b"
        r"|\b(?:show|spotlight|credit|ideas?|idee\w*|ideen|lorbeeren|eer)(?:\s+[\w-]+){0,2}?\s+(?:gestolen|gestohlen|geklaut|stolen)\b"
        # compounds: fraudeteam, veiligheidstraining, Betrugsprävention, pestprotocol
        rf"|\b\w*(?:fraude|fraud|betrugs?|pest|veiligheids?|sicherheits?|mobbing|discriminatie"
        rf"|diskriminierungs?|intimidatie|geweld|gewalt|integriteits?|belästigungs?)(?:{_THINGS})\w*"
    )
)
