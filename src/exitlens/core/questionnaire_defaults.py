"""Default questionnaire: the five questions of the exit-interview method plus structured items."""

# Leavers are addressed informally in Dutch ("je") and Spanish ("tú") and formally
# in German ("Sie"). "purpose" and "hint" are written for HR and the interviewer.
# Choice questions with "options": "themes" get their options from the taxonomy.

QUESTIONS: list[dict] = [
    {
        "key": "attraction",
        "kind": "text",
        "method_number": 1,
        "prompt": {
            "nl": "Wat sprak je aan toen je hier solliciteerde?",
            "en": "When you applied here, what attracted you?",
            "es": "Cuando te presentaste a este puesto, ¿qué te atrajo de nosotros?",
            "de": "Was hat Sie damals angesprochen, als Sie sich bei uns beworben haben?",
        },
        "purpose": {
            "nl": "Zo leer je de sterke punten van de organisatie kennen, zoals "
            "flexibel werken, thuiswerken, het salaris of de afstand tot huis.",
            "en": "It shows the organisation's strengths, such as flexible work, "
            "working from home, salary or being close to home.",
            "es": "Nos muestra los puntos fuertes de la organización, como la "
            "flexibilidad, el teletrabajo, el salario o la cercanía a casa.",
            "de": "Die Frage zeigt die Stärken der Organisation, etwa flexibles "
            "Arbeiten, Homeoffice, das Gehalt oder die Nähe zum Wohnort.",
        },
        "hint": {
            "nl": "Begin met deze vraag: die is positief en helpt het gesprek op gang. "
            "Vraag door naar wat de doorslag gaf.",
            "en": "Start with this question: it is positive and gets the conversation "
            "going. Ask what tipped the balance.",
            "es": "Empieza por esta pregunta: es positiva y ayuda a romper el hielo. "
            "Pregunta qué fue lo decisivo.",
            "de": "Beginnen Sie mit dieser Frage: Sie ist positiv und bringt das "
            "Gespräch in Gang. Fragen Sie nach, was den Ausschlag gab.",
        },
    },
    {
        "key": "expectations",
        "kind": "text",
        "method_number": 2,
        "prompt": {
            "nl": "Heeft de baan aan je verwachtingen voldaan?",
            "en": "Did the job meet your expectations?",
            "es": "¿Ha cumplido el puesto tus expectativas?",
            "de": "Hat die Stelle Ihre Erwartungen erfüllt?",
        },
        "purpose": {
            "nl": "Hiermee breng je het verschil in beeld tussen wat er bij de "
            "werving werd beloofd en hoe het werk in de praktijk was.",
            "en": "It reveals the gap between what was promised during recruitment "
            "and what the job was really like.",
            "es": "Revela la diferencia entre lo que se prometió en la selección y "
            "cómo era el trabajo en realidad.",
            "de": "Sie zeigt die Lücke zwischen dem, was im Bewerbungsprozess "
            "versprochen wurde, und dem tatsächlichen Arbeitsalltag.",
        },
        "hint": {
            "nl": "Vraag bij een 'nee' of 'deels' wat er anders was dan verwacht en "
            "wanneer dat duidelijk werd.",
            "en": "If the answer is 'no' or 'partly', ask what was different and "
            "when that became clear.",
            "es": "Si la respuesta es «no» o «en parte», pregunta qué fue distinto y "
            "cuándo se dio cuenta.",
            "de": "Lautet die Antwort „nein“ oder „teilweise“, fragen Sie, was anders "
            "war und wann das deutlich wurde.",
        },
    },
    {
        "key": "expectations_met",
        "kind": "scale",
        "method_number": 2,
        "min": 1,
        "max": 5,
        "prompt": {
            "nl": "In hoeverre kwam de baan overeen met je verwachtingen?",
            "en": "To what extent did the job match your expectations?",
            "es": "¿En qué medida se correspondió el puesto con tus expectativas?",
            "de": "Inwieweit entsprach die Stelle Ihren Erwartungen?",
        },
        "purpose": {
            "nl": "Een score maakt het verschil tussen verwachting en werkelijkheid "
            "vergelijkbaar tussen afdelingen en door de tijd.",
            "en": "A score makes the gap between expectation and reality comparable "
            "across departments and over time.",
            "es": "Una puntuación permite comparar la distancia entre expectativa y "
            "realidad entre departamentos y a lo largo del tiempo.",
            "de": "Ein Wert macht die Lücke zwischen Erwartung und Wirklichkeit über "
            "Abteilungen und Zeiträume hinweg vergleichbar.",
        },
        "hint": {
            "nl": "Laat de vertrekker eerst zelf vertellen en vraag daarna pas om een cijfer.",
            "en": "Let the leaver tell their story first, and only then ask for a score.",
            "es": "Deja que la persona lo cuente primero con sus palabras y pide la "
            "puntuación después.",
            "de": "Lassen Sie die Person zuerst frei erzählen und bitten Sie erst "
            "danach um eine Bewertung.",
        },
        "min_label": {
            "nl": "Helemaal niet",
            "en": "Not at all",
            "es": "En absoluto",
            "de": "Überhaupt nicht",
        },
        "max_label": {
            "nl": "Helemaal",
            "en": "Completely",
            "es": "Totalmente",
            "de": "Voll und ganz",
        },
    },
    {
        "key": "reason",
        "kind": "text",
        "method_number": 3,
        "prompt": {
            "nl": "Waarom heb je besloten om te vertrekken?",
            "en": "Why did you decide to leave?",
            "es": "¿Por qué decidiste marcharte?",
            "de": "Warum haben Sie sich entschieden, uns zu verlassen?",
        },
        "purpose": {
            "nl": "De kernvraag: gaat het om doorgroeimogelijkheden, de relatie met "
            "de leidinggevende, het salaris, de werkdruk of iets anders?",
            "en": "The core question: was it growth opportunities, the relationship "
            "with the manager, pay, workload or something else?",
            "es": "La pregunta clave: ¿fueron las oportunidades de crecimiento, la "
            "relación con el responsable, el salario, la carga de trabajo u otra cosa?",
            "de": "Die Kernfrage: Ging es um Entwicklungsmöglichkeiten, die Beziehung "
            "zur Führungskraft, das Gehalt, die Arbeitsbelastung oder etwas anderes?",
        },
        "hint": {
            "nl": "Vaak is de eerste reden niet de belangrijkste. Vraag rustig door "
            "('Wat speelde er nog meer?') en vul niets in voor de vertrekker.",
            "en": "The first reason given is often not the main one. Ask calmly "
            "('What else played a part?') and don't fill in the answer for them.",
            "es": "El primer motivo que se menciona no suele ser el principal. "
            "Pregunta con calma («¿Qué más influyó?») y no respondas por la persona.",
            "de": "Der zuerst genannte Grund ist oft nicht der wichtigste. Fragen Sie "
            "ruhig nach („Was hat noch eine Rolle gespielt?“) und geben Sie keine "
            "Antworten vor.",
        },
    },
    {
        "key": "main_reason",
        "kind": "choice",
        "method_number": 3,
        "options": "themes",
        "prompt": {
            "nl": "Wat was de belangrijkste reden voor je vertrek?",
            "en": "What was the main reason you left?",
            "es": "¿Cuál fue el motivo principal de tu marcha?",
            "de": "Was war der wichtigste Grund für Ihren Weggang?",
        },
        "purpose": {
            "nl": "Eén hoofdreden per vertrekker maakt het mogelijk om de redenen "
            "van vertrek te tellen en trends te zien.",
            "en": "One main reason per leaver makes it possible to count reasons for "
            "leaving and spot trends.",
            "es": "Un único motivo principal por persona permite contar los motivos "
            "de salida y detectar tendencias.",
            "de": "Ein Hauptgrund pro Person macht es möglich, Austrittsgründe zu "
            "zählen und Trends zu erkennen.",
        },
        "hint": {
            "nl": "Laat de vertrekker zelf kiezen. Bij twijfel kun je vragen: 'Als "
            "dit er niet was geweest, was je dan gebleven?'",
            "en": "Let the leaver choose. If they hesitate, ask: 'If this had not "
            "been the case, would you have stayed?'",
            "es": "Deja que la persona elija. Si duda, pregunta: «Si esto no hubiera "
            "pasado, ¿te habrías quedado?».",
            "de": "Lassen Sie die Person selbst wählen. Zögert sie, fragen Sie: "
            "„Wären Sie geblieben, wenn das nicht gewesen wäre?“",
        },
    },
    {
        "key": "contributing_reasons",
        "kind": "multichoice",
        "method_number": 3,
        "options": "themes",
        "prompt": {
            "nl": "Welke andere redenen speelden mee?",
            "en": "Which other reasons played a part?",
            "es": "¿Qué otros motivos influyeron?",
            "de": "Welche weiteren Gründe haben eine Rolle gespielt?",
        },
        "purpose": {
            "nl": "Vertrek heeft zelden één oorzaak; bijkomende redenen laten zien "
            "welke problemen elkaar versterken.",
            "en": "People rarely leave for one reason alone; contributing reasons "
            "show which problems reinforce each other.",
            "es": "Casi nunca se deja un trabajo por un solo motivo; los motivos "
            "secundarios muestran qué problemas se refuerzan entre sí.",
            "de": "Selten gibt es nur einen Grund; weitere Gründe zeigen, welche "
            "Probleme sich gegenseitig verstärken.",
        },
        "hint": {
            "nl": "Loop de lijst niet hardop af; vraag wat er nog meer meespeelde en "
            "kies samen de passende punten.",
            "en": "Don't read out the whole list; ask what else mattered and pick the "
            "matching items together.",
            "es": "No leas la lista entera en voz alta; pregunta qué más pesó y "
            "elegid juntos las opciones que encajen.",
            "de": "Lesen Sie nicht die ganze Liste vor; fragen Sie, was sonst noch "
            "wichtig war, und wählen Sie gemeinsam die passenden Punkte aus.",
        },
    },
    {
        "key": "retention",
        "kind": "text",
        "method_number": 4,
        "prompt": {
            "nl": "Wat hadden wij kunnen doen om je te behouden?",
            "en": "What could we have done to keep you?",
            "es": "¿Qué podríamos haber hecho para que te quedaras?",
            "de": "Was hätten wir tun können, damit Sie bleiben?",
        },
        "purpose": {
            "nl": "Dit levert concrete verbeterpunten op, zoals promotiekansen, "
            "balans tussen werk en gezin, transparantie of ruimte om te leren; "
            "salaris is lang niet altijd de hoofdreden.",
            "en": "It yields concrete improvements, such as promotion chances, "
            "work-family balance, transparency or encouraging learning; pay is not "
            "always the main reason.",
            "es": "Aporta mejoras concretas, como oportunidades de ascenso, "
            "conciliación, transparencia o fomento del aprendizaje; el salario no "
            "siempre es el motivo principal.",
            "de": "Die Frage liefert konkrete Verbesserungen, etwa "
            "Aufstiegschancen, Vereinbarkeit von Beruf und Familie, Transparenz oder "
            "Förderung des Lernens; das Gehalt ist nicht immer der Hauptgrund.",
        },
        "hint": {
            "nl": "Vraag naar wat er concreet anders had gekund en op welk moment. "
            "Ga niet onderhandelen en doe geen beloftes.",
            "en": "Ask what concretely could have been different, and at what point. "
            "Don't start negotiating or make promises.",
            "es": "Pregunta qué podría haber sido distinto en concreto y en qué "
            "momento. No negocies ni hagas promesas.",
            "de": "Fragen Sie, was konkret anders hätte laufen können und zu welchem "
            "Zeitpunkt. Verhandeln Sie nicht und machen Sie keine Versprechungen.",
        },
    },
    {
        "key": "liked_most",
        "kind": "text",
        "method_number": 5,
        "prompt": {
            "nl": "Wat vond je het leukst aan je werk hier?",
            "en": "What did you like most about working here?",
            "es": "¿Qué es lo que más te ha gustado de trabajar aquí?",
            "de": "Was hat Ihnen an der Arbeit bei uns am besten gefallen?",
        },
        "purpose": {
            "nl": "Dit laat zien wat de organisatie moet koesteren en kan inzetten bij "
            "het werven en behouden van mensen.",
            "en": "It shows what the organisation should protect and can build on "
            "when recruiting and retaining people.",
            "es": "Muestra lo que la organización debe cuidar y puede aprovechar "
            "para atraer y retener talento.",
            "de": "Die Frage zeigt, was die Organisation bewahren und bei Gewinnung "
            "und Bindung von Mitarbeitenden nutzen kann.",
        },
        "hint": {
            "nl": "Vraag om een concreet voorbeeld of moment waar de vertrekker met "
            "plezier aan terugdenkt.",
            "en": "Ask for a concrete example or a moment the leaver looks back on with pleasure.",
            "es": "Pide un ejemplo concreto o un momento que la persona recuerde con cariño.",
            "de": "Bitten Sie um ein konkretes Beispiel oder einen Moment, an den "
            "die Person gern zurückdenkt.",
        },
    },
    {
        "key": "liked_least",
        "kind": "text",
        "method_number": 5,
        "prompt": {
            "nl": "Wat vond je het minst leuk aan je werk hier?",
            "en": "What did you like least about working here?",
            "es": "¿Qué es lo que menos te ha gustado de trabajar aquí?",
            "de": "Was hat Ihnen an der Arbeit bei uns am wenigsten gefallen?",
        },
        "purpose": {
            "nl": "Dit brengt zwakke punten aan het licht die ook de collega's raken die blijven.",
            "en": "It brings to light weaknesses that may also affect the colleagues who stay.",
            "es": "Saca a la luz puntos débiles que también pueden afectar a quienes se quedan.",
            "de": "Die Frage bringt Schwächen ans Licht, die auch die verbleibenden "
            "Kolleginnen und Kollegen betreffen können.",
        },
        "hint": {
            "nl": "Reageer neutraal en vraag door naar voorbeelden. Benadruk dat "
            "kritiek de organisatie juist verder helpt.",
            "en": "Respond neutrally and ask for examples. Stress that criticism "
            "genuinely helps the organisation improve.",
            "es": "Reacciona con neutralidad y pide ejemplos. Recalca que las "
            "críticas ayudan de verdad a mejorar.",
            "de": "Reagieren Sie neutral und fragen Sie nach Beispielen. Betonen Sie, "
            "dass Kritik der Organisation wirklich weiterhilft.",
        },
    },
    {
        "key": "recommend",
        "kind": "scale",
        "method_number": None,
        "min": 0,
        "max": 10,
        "prompt": {
            "nl": "Hoe waarschijnlijk is het dat je ons als werkgever aanbeveelt aan "
            "een vriend of bekende?",
            "en": "How likely are you to recommend us as an employer to a friend?",
            "es": "¿Qué probabilidad hay de que nos recomiendes como empresa a un "
            "amigo o conocido?",
            "de": "Wie wahrscheinlich ist es, dass Sie uns als Arbeitgeber einem "
            "Freund oder Bekannten empfehlen?",
        },
        "purpose": {
            "nl": "Een eenvoudige maat voor hoe vertrekkers over de organisatie als "
            "werkgever blijven denken.",
            "en": "A simple measure of how leavers continue to see the organisation "
            "as an employer.",
            "es": "Una medida sencilla de cómo siguen viendo a la organización como "
            "empleadora quienes se van.",
            "de": "Ein einfaches Maß dafür, wie ausscheidende Mitarbeitende die "
            "Organisation als Arbeitgeber weiterhin sehen.",
        },
        "hint": {
            "nl": "Vraag bij een lage score kort wat er voor een hoger cijfer nodig was geweest.",
            "en": "For a low score, briefly ask what it would have taken to give a higher one.",
            "es": "Si la puntuación es baja, pregunta brevemente qué haría falta para "
            "que fuera más alta.",
            "de": "Fragen Sie bei einem niedrigen Wert kurz nach, was für eine "
            "höhere Bewertung nötig gewesen wäre.",
        },
        "min_label": {
            "nl": "Zeer onwaarschijnlijk",
            "en": "Not at all likely",
            "es": "Nada probable",
            "de": "Sehr unwahrscheinlich",
        },
        "max_label": {
            "nl": "Zeer waarschijnlijk",
            "en": "Extremely likely",
            "es": "Muy probable",
            "de": "Äußerst wahrscheinlich",
        },
    },
    {
        "key": "come_back",
        "kind": "choice",
        "method_number": None,
        "prompt": {
            "nl": "Zou je in de toekomst overwegen om bij ons terug te komen?",
            "en": "Would you consider coming back to work for us in the future?",
            "es": "¿Te plantearías volver a trabajar con nosotros en el futuro?",
            "de": "Würden Sie in Zukunft eine Rückkehr zu uns in Betracht ziehen?",
        },
        "purpose": {
            "nl": "Laat zien of iemand in goede verhoudingen vertrekt en wie later "
            "misschien als boemerangmedewerker terugkomt.",
            "en": "It shows whether people leave on good terms and who might return "
            "as a boomerang hire.",
            "es": "Indica si la persona se va en buenos términos y quién podría "
            "volver en el futuro.",
            "de": "Die Frage zeigt, ob die Trennung im Guten erfolgt und wer "
            "vielleicht später zurückkehrt.",
        },
        "hint": {
            "nl": "Bij 'ja' of 'misschien': vraag of HR later contact mag opnemen en leg dat vast.",
            "en": "For 'yes' or 'maybe': ask whether HR may get in touch later, and "
            "record the answer.",
            "es": "Si responde «sí» o «quizá», pregunta si RR. HH. puede contactar "
            "más adelante y anótalo.",
            "de": "Bei „ja“ oder „vielleicht“: Fragen Sie, ob HR sich später melden "
            "darf, und halten Sie die Antwort fest.",
        },
        "options": [
            {
                "value": "yes",
                "labels": {"nl": "Ja", "en": "Yes", "es": "Sí", "de": "Ja"},
            },
            {
                "value": "maybe",
                "labels": {
                    "nl": "Misschien",
                    "en": "Maybe",
                    "es": "Quizá",
                    "de": "Vielleicht",
                },
            },
            {
                "value": "no",
                "labels": {"nl": "Nee", "en": "No", "es": "No", "de": "Nein"},
            },
        ],
    },
]

INTERVIEW_TIPS: list[dict[str, str]] = [
    {
        "nl": "Zorg voor een rustige, ontspannen sfeer: een aparte ruimte, genoeg "
        "tijd en geen haast. Begin met een luchtige vraag voordat je de diepte in "
        "gaat.",
        "en": "Create a calm, relaxed atmosphere: a private room, enough time and no "
        "rush. Open with an easy question before going into depth.",
        "es": "Crea un ambiente tranquilo y relajado: una sala aparte, tiempo "
        "suficiente y sin prisas. Empieza con una pregunta sencilla antes de "
        "profundizar.",
        "de": "Sorgen Sie für eine ruhige, entspannte Atmosphäre: ein separater "
        "Raum, genug Zeit und keine Eile. Beginnen Sie mit einer leichten Frage, "
        "bevor Sie in die Tiefe gehen.",
    },
    {
        "nl": "Veel vertrekkers vinden het lastig om kritiek te geven. Maak duidelijk "
        "dat hun antwoorden de organisatie echt helpen en dat kritiek hier als "
        "opbouwend wordt gezien.",
        "en": "Many leavers find it awkward to criticise. Make clear that their "
        "answers genuinely help the organisation and that criticism is seen as "
        "constructive.",
        "es": "A muchas personas les cuesta criticar al marcharse. Deja claro que "
        "sus respuestas ayudan de verdad a la organización y que las críticas se "
        "reciben como algo constructivo.",
        "de": "Vielen fällt es schwer, beim Abschied Kritik zu äußern. Machen Sie "
        "deutlich, dass die Antworten der Organisation wirklich helfen und Kritik "
        "als konstruktiv verstanden wird.",
    },
    {
        "nl": "Luister meer dan je praat. Laat stiltes vallen, vat samen wat je hoort "
        "en vraag door met open vragen.",
        "en": "Listen more than you talk. Allow silences, summarise what you hear "
        "and follow up with open questions.",
        "es": "Escucha más de lo que hablas. Deja espacio a los silencios, resume lo "
        "que oyes y profundiza con preguntas abiertas.",
        "de": "Hören Sie mehr zu, als Sie sprechen. Lassen Sie Pausen zu, fassen Sie "
        "das Gehörte zusammen und fragen Sie mit offenen Fragen nach.",
    },
    {
        "nl": "Ga niet in discussie en verdedig de organisatie of collega's niet. "
        "Ook als je het ergens niet mee eens bent: noteer het en bedank voor de "
        "openheid.",
        "en": "Don't argue or defend the organisation or colleagues. Even if you "
        "disagree, note it down and thank them for being open.",
        "es": "No discutas ni defiendas a la organización o a los compañeros. "
        "Aunque no estés de acuerdo, tómalo en nota y agradece la sinceridad.",
        "de": "Diskutieren Sie nicht und verteidigen Sie weder die Organisation noch "
        "Kolleginnen und Kollegen. Auch wenn Sie anderer Meinung sind: Notieren Sie "
        "es und danken Sie für die Offenheit.",
    },
    {
        "nl": "Leg aan het begin uit wat er met de antwoorden gebeurt: wie ze kan "
        "inzien, dat ze vertrouwelijk worden behandeld en dat rapportages alleen "
        "geanonimiseerd worden gedeeld.",
        "en": "Explain at the start what happens to the answers: who can see them, "
        "that they are treated confidentially and that reports are only shared in "
        "anonymised form.",
        "es": "Explica al principio qué pasará con las respuestas: quién puede "
        "verlas, que se tratan de forma confidencial y que los informes solo se "
        "comparten de forma anónima.",
        "de": "Erklären Sie zu Beginn, was mit den Antworten geschieht: wer sie "
        "einsehen kann, dass sie vertraulich behandelt werden und dass Berichte nur "
        "anonymisiert weitergegeben werden.",
    },
    {
        "nl": "Sluit af met een oprecht bedankje voor de inzet en voor het gesprek, "
        "en wens de vertrekker succes. Zo gaat iemand met een goed gevoel de deur "
        "uit.",
        "en": "Close by sincerely thanking the leaver for their work and for the "
        "conversation, and wish them well. That way they leave with a good feeling.",
        "es": "Termina agradeciendo sinceramente su trabajo y la conversación, y "
        "deséale lo mejor. Así se marchará con buen sabor de boca.",
        "de": "Bedanken Sie sich zum Schluss aufrichtig für den Einsatz und das "
        "Gespräch und wünschen Sie alles Gute. So verabschiedet sich die Person "
        "mit einem guten Gefühl.",
    },
]
