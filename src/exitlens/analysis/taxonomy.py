"""The default theme taxonomy (see docs); ids are stable."""

from dataclasses import dataclass

LANGUAGES = ("nl", "en", "es", "de")
FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class Theme:
    id: str
    labels: dict[str, str]  # language -> short label, all four languages
    scope: dict[str, str]  # "what belongs here", all four languages
    retention_measure: dict[str, str]  # typical retention measure, all four languages
    actionable: bool = True  # False only for `personal`

    def label(self, language: str) -> str:
        """The short label in `language`, or in English if we have no such language."""
        return self.labels.get(language, self.labels[FALLBACK_LANGUAGE])

    def retention(self, language: str) -> str:
        """The typical retention measure in `language`, falling back to English."""
        return self.retention_measure.get(language, self.retention_measure[FALLBACK_LANGUAGE])


THEMES: tuple[Theme, ...] = (
    Theme(
        id="pay",
        labels={
            "nl": "Salaris & arbeidsvoorwaarden",
            "en": "Pay & benefits",
            "es": "Salario y beneficios",
            "de": "Vergütung & Zusatzleistungen",
        },
        scope={
            "nl": "Salaris, loonsverhoging, bonus, pensioen, secundaire arbeidsvoorwaarden, "
            "vergoeding van overuren en het salaris vergeleken met de markt.",
            "en": "Salary, raises, bonus, pension, benefits, overtime pay and pay "
            "compared with the market.",
            "es": "Salario, subidas salariales, bonus, plan de pensiones, beneficios "
            "sociales, pago de horas extra y el salario en comparación con el mercado.",
            "de": "Gehalt, Gehaltserhöhungen, Bonus, Altersvorsorge, Zusatzleistungen, "
            "Vergütung von Überstunden und das Gehalt im Marktvergleich.",
        },
        retention_measure={
            "nl": "Vergelijk de salarissen regelmatig met de markt en maak de "
            "salarisschalen en de regels voor verhogingen voor iedereen inzichtelijk.",
            "en": "Benchmark salaries against the market regularly and make pay "
            "scales and the rules for raises clear to everyone.",
            "es": "Compara los salarios con el mercado de forma periódica y haz que "
            "las bandas salariales y los criterios de subida sean claros para todos.",
            "de": "Vergleichen Sie die Gehälter regelmäßig mit dem Markt und machen "
            "Sie Gehaltsbänder und Kriterien für Erhöhungen für alle transparent.",
        },
    ),
    Theme(
        id="career",
        labels={
            "nl": "Doorgroeimogelijkheden",
            "en": "Career growth",
            "es": "Carrera profesional",
            "de": "Karriere & Aufstieg",
        },
        scope={
            "nl": "Promotie, doorgroeien, loopbaanpad, interne mobiliteit, het gevoel "
            "vast te zitten en voortrekken bij promoties.",
            "en": "Promotion, advancement, career path, internal mobility, feeling "
            "stuck in a dead end and favouritism in promotions.",
            "es": "Ascensos, promoción, plan de carrera, movilidad interna, la "
            "sensación de estar estancado y favoritismo en los ascensos.",
            "de": "Beförderung, Aufstieg, Karrierepfad, interne Mobilität, das Gefühl "
            "in einer Sackgasse zu stecken und Günstlingswirtschaft bei Beförderungen.",
        },
        retention_measure={
            "nl": "Maak loopbaanpaden en promotiecriteria concreet en zet interne "
            "vacatures eerst open voor eigen medewerkers.",
            "en": "Spell out career paths and promotion criteria, and offer vacancies "
            "to internal candidates first.",
            "es": "Define planes de carrera y criterios de ascenso concretos y ofrece "
            "primero las vacantes a la plantilla interna.",
            "de": "Legen Sie Karrierepfade und Beförderungskriterien konkret fest und "
            "schreiben Sie offene Stellen zuerst intern aus.",
        },
    ),
    Theme(
        id="learning",
        labels={
            "nl": "Leren & ontwikkeling",
            "en": "Learning & development",
            "es": "Formación y desarrollo",
            "de": "Weiterbildung & Entwicklung",
        },
        scope={
            "nl": "Opleidingen, cursussen, coaching en mentorschap, nieuwe vaardigheden "
            "leren en de kwaliteit van het inwerken.",
            "en": "Training, courses, mentoring, learning new skills and the quality "
            "of onboarding.",
            "es": "Formación, cursos, mentoría, aprender nuevas competencias y la "
            "calidad de la acogida e incorporación.",
            "de": "Schulungen, Kurse, Mentoring, neue Fähigkeiten erlernen und die "
            "Qualität der Einarbeitung.",
        },
        retention_measure={
            "nl": "Geef iedere medewerker een eigen opleidingsbudget, koppel nieuwe "
            "collega's aan een mentor en moedig leren actief aan.",
            "en": "Give every employee a personal learning budget, pair newcomers "
            "with a mentor and actively encourage learning.",
            "es": "Asigna a cada persona un presupuesto de formación propio, asigna un "
            "mentor a quienes se incorporan y fomenta el aprendizaje de forma activa.",
            "de": "Geben Sie allen Mitarbeitenden ein eigenes Weiterbildungsbudget, "
            "stellen Sie neuen Kolleginnen und Kollegen einen Mentor zur Seite und "
            "fördern Sie das Lernen aktiv.",
        },
    ),
    Theme(
        id="manager",
        labels={
            "nl": "Relatie met leidinggevende",
            "en": "Relationship with manager",
            "es": "Relación con el responsable",
            "de": "Beziehung zur Führungskraft",
        },
        scope={
            "nl": "De directe leidinggevende: steun, respect, micromanagement, "
            "feedback en conflicten met de baas.",
            "en": "The direct supervisor: support, respect, micromanagement, feedback "
            "and conflicts with the boss.",
            "es": "El responsable directo: apoyo, respeto, microgestión, feedback y "
            "conflictos con el jefe.",
            "de": "Die direkte Führungskraft: Unterstützung, Respekt, Mikromanagement, "
            "Feedback und Konflikte mit dem Vorgesetzten.",
        },
        retention_measure={
            "nl": "Investeer in de vaardigheden van leidinggevenden en laat "
            "medewerkers regelmatig feedback geven op hun eigen leidinggevende.",
            "en": "Train managers in people leadership and let employees give "
            "regular feedback on their own manager.",
            "es": "Forma a los responsables en gestión de personas y permite que los "
            "equipos valoren periódicamente a su propio responsable.",
            "de": "Schulen Sie Führungskräfte in Mitarbeiterführung und ermöglichen "
            "Sie regelmäßiges Feedback der Mitarbeitenden an ihre Führungskraft.",
        },
    ),
    Theme(
        id="leadership",
        labels={
            "nl": "Leiding & organisatie",
            "en": "Leadership & organisation",
            "es": "Dirección y organización",
            "de": "Unternehmensführung & Organisation",
        },
        scope={
            "nl": "Het hoger management, strategie en koers, reorganisaties, "
            "bureaucratie, politiek, baanzekerheid en hoe de organisatie wordt "
            "bestuurd.",
            "en": "Senior management, strategy and direction, reorganisations, "
            "bureaucracy, politics, job security and how the organisation is run.",
            "es": "La alta dirección, la estrategia y el rumbo, las "
            "reorganizaciones, la burocracia, las luchas internas, la estabilidad "
            "laboral y la forma de gestionar la organización.",
            "de": "Die Geschäftsleitung, Strategie und Richtung, Umstrukturierungen, "
            "Bürokratie, interne Politik, Arbeitsplatzsicherheit und die Art, wie das "
            "Unternehmen geführt wird.",
        },
        retention_measure={
            "nl": "Geef een heldere koers aan en begeleid veranderingen zorgvuldig, "
            "met aandacht voor wat ze voor medewerkers betekenen.",
            "en": "Set a clear direction and manage change carefully, paying "
            "attention to what it means for employees.",
            "es": "Marca un rumbo claro y gestiona los cambios con cuidado, teniendo "
            "en cuenta lo que suponen para la plantilla.",
            "de": "Geben Sie eine klare Richtung vor und begleiten Sie Veränderungen "
            "sorgfältig, mit Blick darauf, was sie für die Mitarbeitenden bedeuten.",
        },
    ),
    Theme(
        id="workload",
        labels={
            "nl": "Werkdruk & stress",
            "en": "Workload & stress",
            "es": "Carga de trabajo y estrés",
            "de": "Arbeitsbelastung & Stress",
        },
        scope={
            "nl": "Te veel werk, onderbezetting, druk, deadlines, burn-out en lange "
            "werkdagen als belasting.",
            "en": "Too much work, understaffing, pressure, deadlines, burnout and "
            "long hours as a burden.",
            "es": "Exceso de trabajo, falta de personal, presión, plazos, burnout y "
            "jornadas largas como carga.",
            "de": "Zu viel Arbeit, Unterbesetzung, Druck, Deadlines, Burn-out und "
            "lange Arbeitstage als Belastung.",
        },
        retention_measure={
            "nl": "Zorg voor voldoende bezetting en bespreek de werkdruk per team "
            "regelmatig, zodat knelpunten op tijd worden opgelost.",
            "en": "Keep teams properly staffed and review workload with each team "
            "regularly, so bottlenecks are solved in time.",
            "es": "Asegura una plantilla suficiente y revisa con cada equipo la carga "
            "de trabajo de forma periódica para resolver los cuellos de botella a "
            "tiempo.",
            "de": "Sorgen Sie für ausreichende Besetzung und besprechen Sie die "
            "Arbeitsbelastung regelmäßig mit jedem Team, damit Engpässe rechtzeitig "
            "gelöst werden.",
        },
    ),
    Theme(
        id="work_life",
        labels={
            "nl": "Balans werk-privé & flexibiliteit",
            "en": "Work-life balance & flexibility",
            "es": "Conciliación y flexibilidad",
            "de": "Work-Life-Balance & Flexibilität",
        },
        scope={
            "nl": "Roosters, diensten, flexibele werktijden, thuiswerken, parttime "
            "werken, verlof en werk combineren met een gezin.",
            "en": "Schedules, shifts, flexible hours, working from home, part-time "
            "work, leave and combining work with family.",
            "es": "Horarios, turnos, flexibilidad horaria, teletrabajo, jornada "
            "parcial, permisos y conciliación con la vida familiar.",
            "de": "Dienstpläne, Schichten, flexible Arbeitszeiten, Homeoffice, "
            "Teilzeit, Urlaub und die Vereinbarkeit von Beruf und Familie.",
        },
        retention_measure={
            "nl": "Bied waar het kan flexibele werktijden en hybride werken aan en "
            "maak afspraken die werk en gezin beter combineerbaar maken.",
            "en": "Offer flexible hours and hybrid working wherever possible, and "
            "make arrangements that help people combine work and family.",
            "es": "Ofrece flexibilidad horaria y trabajo híbrido siempre que sea "
            "posible, y medidas que faciliten la conciliación familiar.",
            "de": "Bieten Sie, wo immer möglich, flexible Arbeitszeiten und hybrides "
            "Arbeiten an und treffen Sie Regelungen, die Beruf und Familie besser "
            "vereinbar machen.",
        },
    ),
    Theme(
        id="communication",
        labels={
            "nl": "Transparantie & communicatie",
            "en": "Transparency & communication",
            "es": "Transparencia y comunicación",
            "de": "Transparenz & Kommunikation",
        },
        scope={
            "nl": "Openheid, op de hoogte gehouden worden, eerlijkheid van het "
            "management, duidelijkheid over besluiten en luisteren naar medewerkers.",
            "en": "Openness, being kept informed, honesty of management, clarity "
            "about decisions and listening to staff.",
            "es": "Apertura, estar informado, honestidad de la dirección, claridad "
            "en las decisiones y escuchar a la plantilla.",
            "de": "Offenheit, informiert werden, Ehrlichkeit der Leitung, Klarheit "
            "über Entscheidungen und das Zuhören gegenüber den Mitarbeitenden.",
        },
        retention_measure={
            "nl": "Informeer medewerkers vaker en eerlijker, leg uit waarom besluiten "
            "worden genomen en geef ze ruimte om vragen te stellen.",
            "en": "Inform employees more often and more honestly, explain why "
            "decisions are made and give them room to ask questions.",
            "es": "Informa a la plantilla con más frecuencia y sinceridad, explica el "
            "porqué de las decisiones y deja espacio para preguntas.",
            "de": "Informieren Sie die Mitarbeitenden häufiger und offener, erklären "
            "Sie, warum Entscheidungen getroffen werden, und lassen Sie Raum für "
            "Fragen.",
        },
    ),
    Theme(
        id="culture",
        labels={
            "nl": "Cultuur & collega's",
            "en": "Culture & colleagues",
            "es": "Cultura y compañeros",
            "de": "Kultur & Kollegium",
        },
        scope={
            "nl": "Sfeer, teamgeest, collega's, respect, inclusie, discriminatie, "
            "intimidatie en grensoverschrijdend gedrag.",
            "en": "Atmosphere, team spirit, colleagues, respect, inclusion, "
            "discrimination, harassment and toxic behaviour.",
            "es": "Ambiente, espíritu de equipo, compañeros, respeto, inclusión, "
            "discriminación, acoso y comportamientos tóxicos.",
            "de": "Atmosphäre, Teamgeist, Kolleginnen und Kollegen, Respekt, "
            "Inklusion, Diskriminierung, Belästigung und toxisches Verhalten.",
        },
        retention_measure={
            "nl": "Investeer in teamgeest en een veilige werksfeer en treed "
            "consequent op tegen ongewenst gedrag.",
            "en": "Invest in team spirit and a safe working atmosphere, and act "
            "consistently against unacceptable behaviour.",
            "es": "Invierte en el espíritu de equipo y en un ambiente seguro, y actúa "
            "siempre con tolerancia cero ante los comportamientos inaceptables.",
            "de": "Investieren Sie in Teamgeist und ein sicheres Arbeitsklima und "
            "gehen Sie konsequent gegen inakzeptables Verhalten vor.",
        },
    ),
    Theme(
        id="recognition",
        labels={
            "nl": "Waardering & erkenning",
            "en": "Recognition & appreciation",
            "es": "Reconocimiento y valoración",
            "de": "Wertschätzung & Anerkennung",
        },
        scope={
            "nl": "Je gewaardeerd voelen, waardering krijgen, gehoord worden en "
            "erkenning voor je werk.",
            "en": "Feeling valued, appreciation, being heard and getting credit for your work.",
            "es": "Sentirse valorado, el reconocimiento, ser escuchado y que se "
            "reconozca el propio trabajo.",
            "de": "Sich wertgeschätzt fühlen, Anerkennung, gehört werden und "
            "Anerkennung für die eigene Arbeit.",
        },
        retention_measure={
            "nl": "Maak waardering een vast onderdeel van het werk, bijvoorbeeld met "
            "een erkenningsprogramma en door goed werk zichtbaar te benoemen.",
            "en": "Make appreciation a regular part of work, for example with a "
            "recognition programme and by naming good work openly.",
            "es": "Haz del reconocimiento algo habitual, por ejemplo con un programa "
            "de reconocimiento y destacando en público el buen trabajo.",
            "de": "Machen Sie Wertschätzung zu einem festen Bestandteil der Arbeit, "
            "etwa mit einem Anerkennungsprogramm und indem Sie gute Arbeit sichtbar "
            "würdigen.",
        },
    ),
    Theme(
        id="job_content",
        labels={
            "nl": "Werkinhoud & verwachtingen",
            "en": "Job content & expectations",
            "es": "Contenido del puesto y expectativas",
            "de": "Arbeitsinhalt & Erwartungen",
        },
        scope={
            "nl": "Het werk zelf, uitdaging, afwisseling, zelfstandigheid, "
            "zingeving en een functie die anders is dan beschreven of verwacht.",
            "en": "The work itself, challenge, variety, autonomy, meaning and a job "
            "that is not as described or expected.",
            "es": "El trabajo en sí, el reto, la variedad, la autonomía, el sentido "
            "del trabajo y un puesto distinto de lo descrito o esperado.",
            "de": "Die Arbeit selbst, Herausforderung, Abwechslung, Selbstständigkeit, "
            "Sinn und eine Stelle, die anders ist als beschrieben oder erwartet.",
        },
        retention_measure={
            "nl": "Geef in de werving een realistisch beeld van de functie en geef "
            "medewerkers ruimte om hun werk naar eigen inzicht vorm te geven.",
            "en": "Give a realistic picture of the job during recruitment and give "
            "employees room to shape their own work.",
            "es": "Ofrece una imagen realista del puesto durante la selección y da "
            "margen a cada persona para dar forma a su propio trabajo.",
            "de": "Vermitteln Sie im Bewerbungsprozess ein realistisches Bild der "
            "Stelle und geben Sie den Mitarbeitenden Spielraum, ihre Arbeit selbst zu "
            "gestalten.",
        },
    ),
    Theme(
        id="conditions",
        labels={
            "nl": "Werkomstandigheden & middelen",
            "en": "Working conditions & tools",
            "es": "Condiciones y medios de trabajo",
            "de": "Arbeitsbedingungen & Arbeitsmittel",
        },
        scope={
            "nl": "Werkplek, apparatuur, ICT-systemen, veiligheid, de fysieke "
            "werkomgeving en voorzieningen.",
            "en": "Workplace, equipment, IT systems, safety, the physical environment "
            "and facilities.",
            "es": "Puesto de trabajo, equipos, sistemas informáticos, seguridad, el "
            "entorno físico e instalaciones.",
            "de": "Arbeitsplatz, Ausstattung, IT-Systeme, Sicherheit, die räumliche "
            "Umgebung und Einrichtungen.",
        },
        retention_measure={
            "nl": "Investeer in goede werkplekken, betrouwbare systemen en "
            "apparatuur, zodat mensen hun werk zonder gedoe kunnen doen.",
            "en": "Invest in good workplaces, reliable systems and equipment, so "
            "people can do their work without hassle.",
            "es": "Invierte en buenos puestos de trabajo, sistemas fiables y equipos "
            "adecuados para que la gente pueda trabajar sin complicaciones.",
            "de": "Investieren Sie in gute Arbeitsplätze, zuverlässige Systeme und "
            "Ausstattung, damit die Mitarbeitenden ihre Arbeit ohne Reibungsverluste "
            "erledigen können.",
        },
    ),
    Theme(
        id="location",
        labels={
            "nl": "Locatie & reistijd",
            "en": "Location & commute",
            "es": "Ubicación y desplazamiento",
            "de": "Standort & Arbeitsweg",
        },
        scope={
            "nl": "Afstand tot huis, woon-werkverkeer, verhuizing van het kantoor "
            "en reizen voor het werk.",
            "en": "Distance from home, the commute, relocation of the office and travel for work.",
            "es": "Distancia desde casa, el trayecto al trabajo, el traslado de la "
            "oficina y los viajes de trabajo.",
            "de": "Entfernung vom Wohnort, Arbeitsweg, Verlegung des Standorts und Dienstreisen.",
        },
        retention_measure={
            "nl": "Beperk de reistijd met thuiswerkmogelijkheden of een werkplek "
            "dichter bij huis en bied een goede reiskostenvergoeding.",
            "en": "Cut travel time with remote options or a workplace closer to home, "
            "and offer a fair travel allowance.",
            "es": "Reduce el tiempo de desplazamiento con teletrabajo o un centro más "
            "cercano a casa, y ofrece una ayuda de transporte justa.",
            "de": "Verkürzen Sie die Fahrzeit durch Homeoffice oder einen "
            "Arbeitsplatz näher am Wohnort und bieten Sie einen fairen "
            "Fahrtkostenzuschuss.",
        },
    ),
    Theme(
        id="personal",
        labels={
            "nl": "Persoonlijke omstandigheden",
            "en": "Personal circumstances",
            "es": "Circunstancias personales",
            "de": "Persönliche Umstände",
        },
        scope={
            "nl": "Verhuizing, partner, mantelzorg, gezondheid, studie of pensioen: "
            "redenen waar de werkgever niets aan kon veranderen.",
            "en": "Moving house, a partner, family care, health, study or retirement: "
            "reasons the employer could not change.",
            "es": "Mudanza, pareja, cuidado de familiares, salud, estudios o "
            "jubilación: motivos que la empresa no podía cambiar.",
            "de": "Umzug, Partnerschaft, Pflege von Angehörigen, Gesundheit, Studium "
            "oder Ruhestand: Gründe, auf die der Arbeitgeber keinen Einfluss hatte.",
        },
        retention_measure={
            "nl": "Niet beïnvloedbaar: persoonlijke omstandigheden liggen buiten de "
            "invloed van de organisatie en worden apart bijgehouden.",
            "en": "Not actionable: personal circumstances are outside the "
            "organisation's control and are tracked separately.",
            "es": "No accionable: las circunstancias personales escapan al control de "
            "la organización y se registran por separado.",
            "de": "Nicht beeinflussbar: Persönliche Umstände liegen außerhalb des "
            "Einflusses der Organisation und werden gesondert erfasst.",
        },
        actionable=False,
    ),
)

THEME_IDS: tuple[str, ...] = tuple(theme.id for theme in THEMES)

_THEMES_BY_ID: dict[str, Theme] = {theme.id: theme for theme in THEMES}


def get_theme(theme_id: str) -> Theme:
    """The default theme with this id; raises KeyError for an unknown id."""
    try:
        return _THEMES_BY_ID[theme_id]
    except KeyError:
        raise KeyError(f"unknown theme: {theme_id}") from None


def theme_label(theme_id: str, language: str) -> str:
    """The theme's short label in `language`; an id the taxonomy does not know (an old import,
    a theme retired) is shown as it is."""
    theme = _THEMES_BY_ID.get(theme_id)
    return theme.label(language) if theme else theme_id


def retention_measure(theme_id: str, language: str) -> str:
    """The theme's typical retention measure in `language`; none for an unknown id."""
    theme = _THEMES_BY_ID.get(theme_id)
    return theme.retention(language) if theme else ""
