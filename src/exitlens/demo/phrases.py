"""Phrase banks for demo answers (fictional, written for this project)."""

# PHRASES[language][question_key][theme_id] -> list of at least 4 different phrases.
# Each phrase is about one theme only and ends with a full stop. No phrase starts
# with a proper noun, an acronym or the English "I", so lower-casing its first
# letter after a connector is always safe.
PHRASES: dict[str, dict[str, dict[str, list[str]]]] = {
    "nl": {
        "attraction": {
            "pay": [
                "Het salaris was beter dan bij mijn vorige werkgever.",
                "Eerlijk gezegd vooral het salaris.",
                "Het salarisaanbod lag een flink stuk boven wat ik elders kon krijgen.",
                "De arbeidsvoorwaarden: een dertiende maand en een pensioenregeling "
                "die ruim boven de CAO uitkomt.",
            ],
            "career": [
                "In het sollicitatiegesprek werd verteld dat er volop kansen waren "
                "om door te groeien.",
                "Ik zag hier een duidelijke volgende stap in mijn loopbaan.",
                "Het leek een organisatie waar je snel verder kunt komen.",
                "De mogelijkheid om na een paar jaar door te groeien naar een seniorfunctie.",
            ],
            "learning": [
                "Het opleidingsbudget en de kans om cursussen te volgen.",
                "Ze boden een traineeship met veel trainingen, dat sprak me erg aan.",
                "Ik wilde me verder ontwikkelen en hier kreeg ik de kans om iets nieuws te leren.",
                "De belofte van een goed inwerkprogramma met een vaste mentor.",
            ],
            "manager": [
                "Het klikte meteen met mijn toekomstige leidinggevende.",
                "Mijn teamleider kwam in het gesprek heel betrokken en toegankelijk over.",
                "Ik kende mijn leidinggevende nog van een vorige baan en wilde graag "
                "weer met haar samenwerken.",
                "De manager die me aannam, maakte indruk: rustig, betrokken en "
                "duidelijk geïnteresseerd in mij.",
            ],
            "work_life": [
                "De flexibele werktijden, zodat ik mijn kinderen naar school kon brengen.",
                "Dat ik twee dagen per week thuis kon werken.",
                "Ik kon hier parttime werken, dat was voor mij heel belangrijk.",
                "Hybride werken was hier gewoon normaal, dat vond ik prettig.",
                "Geen avond- en weekenddiensten.",
            ],
            "culture": [
                "De sfeer tijdens mijn kennismaking was open en gezellig.",
                "Een vriendin werkte hier al en vertelde hoe fijn de collega's waren.",
                "Het leek me een hecht team waar mensen elkaar helpen.",
                "De informele, nuchtere cultuur.",
            ],
            "job_content": [
                "De functie zelf: afwisselend werk met veel zelfstandigheid.",
                "Het werk leek me inhoudelijk uitdagend.",
                "Ik wilde werk doen dat ergens aan bijdraagt, en dat zag ik in deze functie.",
                "De vacaturetekst beschreef precies het soort werk dat ik zocht.",
            ],
            "location": [
                "Het kantoor ligt op tien minuten fietsen van mijn huis.",
                "De locatie: ik hoefde niet meer elke dag in de file te staan.",
                "Goed bereikbaar met het openbaar vervoer, het station ligt om de hoek.",
                "De korte reistijd, ik woon vlakbij.",
            ],
            "conditions": [
                "Het mooie, nieuwe kantoor met goede werkplekken.",
                "Je kreeg een goede laptop en alles wat je nodig had om je werk te doen.",
                "De moderne systemen; bij mijn vorige werkgever was alles echt verouderd.",
                "Een veilige en goed verzorgde werkomgeving.",
            ],
            "leadership": [
                "Het bedrijf groeide en had een duidelijke visie op de toekomst.",
                "De directie kwam op mij over als ambitieus en betrouwbaar.",
                "Een stabiele organisatie met een goede naam, dat gaf zekerheid.",
                "De koers van de organisatie: duurzaam en gericht op de lange termijn.",
            ],
            "recognition": [
                "Ik had het gevoel dat ze mijn ervaring echt op waarde schatten.",
                "Mensen die hier werkten, vertelden dat je je hier gewaardeerd voelt.",
                "Er werd gezegd dat goed werk hier gezien wordt.",
                "De waardering die ik tijdens de sollicitatie al voelde.",
            ],
        },
        "reason": {
            "pay": [
                "Ik kon elders een stuk meer verdienen.",
                "Mijn salaris bleef achter bij de markt en een verhoging zat er niet in.",
                "Het salaris. Met de huidige prijzen kon ik er gewoon niet meer van rondkomen.",
                "Ik zat al jaren aan de top van mijn schaal en kon er financieel "
                "niet meer op vooruit.",
                "Overuren werden niet uitbetaald en de arbeidsvoorwaarden waren "
                "minder dan bij vergelijkbare werkgevers.",
            ],
            "career": [
                "Er waren geen doorgroeimogelijkheden meer voor mij.",
                "Ik zat vast in mijn functie; een volgende stap was er gewoon niet.",
                "Twee keer solliciteerde ik intern op een hogere functie en twee "
                "keer ging die naar iemand van buiten.",
                "Promoties gingen naar mensen die goed lagen bij de juiste personen, "
                "niet naar wie het verdiende.",
                "Ik wilde verder groeien, maar er was geen enkel loopbaanpad.",
            ],
            "learning": [
                "Ik leerde niets nieuws meer.",
                "Er was nauwelijks budget voor opleidingen en cursusaanvragen werden "
                "steeds afgewezen.",
                "Het inwerken stelde weinig voor; ik moest alles zelf uitzoeken.",
                "Ik wilde een vakopleiding volgen, maar daar was geen ruimte voor.",
                "Er was geen begeleiding of coaching om me verder te ontwikkelen.",
            ],
            "manager": [
                "De samenwerking met mijn leidinggevende liep niet goed.",
                "Mijn teamleider controleerde alles wat ik deed en gaf me geen enkel vertrouwen.",
                "Ik had een conflict met mijn leidinggevende dat nooit is opgelost.",
                "Mijn manager was nooit bereikbaar en gaf geen feedback.",
                "De manier waarop mijn leidinggevende met mij omging, vond ik respectloos.",
            ],
            "leadership": [
                "De zoveelste reorganisatie, en niemand wist waar we naartoe gingen.",
                "Ik had geen vertrouwen meer in de koers van het hoger management.",
                "Door de reorganisatie werd mijn baan onzeker.",
                "Alles moest langs drie lagen voor goedkeuring; de bureaucratie "
                "maakte me moedeloos.",
                "De directie veranderde steeds van strategie.",
            ],
            "workload": [
                "De werkdruk was te hoog.",
                "We zaten structureel met te weinig mensen en ik draaide steeds extra uren.",
                "Ik liep tegen een burn-out aan.",
                "De deadlines waren niet te halen en de druk werd alleen maar groter.",
                "Door het hoge verzuim in het team kwam al het werk op een paar mensen neer.",
            ],
            "work_life": [
                "Het rooster was niet te combineren met mijn gezin.",
                "Ik wilde minder uren werken, maar parttime was in mijn functie niet mogelijk.",
                "We moesten ineens weer vijf dagen per week op kantoor zijn, terwijl "
                "thuiswerken prima ging.",
                "De onregelmatige diensten en het werken in het weekend pasten niet "
                "meer bij mijn privéleven.",
                "Er was geen enkele flexibiliteit in werktijden.",
            ],
            "communication": [
                "We werden nergens over geïnformeerd; belangrijk nieuws hoorde ik "
                "via de wandelgangen.",
                "Besluiten werden genomen zonder enige uitleg.",
                "Er werd niet eerlijk gecommuniceerd over hoe het met het bedrijf ging.",
                "Over de toekomst van onze afdeling werd maandenlang niets verteld.",
                "Ik had het gevoel dat informatie bewust werd achtergehouden.",
            ],
            "culture": [
                "De sfeer in het team was slecht.",
                "Er werd veel geroddeld en er waren kliekjes.",
                "Er werden regelmatig seksistische grappen gemaakt en niemand greep in.",
                "Ik heb me tussen de collega's nooit echt thuis gevoeld.",
                "Er heerste een cultuur waarin mensen elkaar afvielen.",
            ],
            "recognition": [
                "Ik voelde me niet gewaardeerd.",
                "Wat ik ook deed, er kwam nooit een bedankje.",
                "Anderen kregen de eer voor mijn werk.",
                "Ik had het gevoel dat mijn inzet als vanzelfsprekend werd gezien.",
                "Er was weinig erkenning voor wat we als team allemaal voor elkaar kregen.",
            ],
            "job_content": [
                "Het werk was heel anders dan in de vacature stond.",
                "Het werk was te eentonig; elke dag hetzelfde.",
                "Ik miste uitdaging in mijn werk.",
                "Ik had weinig zelfstandigheid en kon mijn eigen werk niet indelen.",
                "Ik zag de zin niet meer van wat ik deed.",
            ],
            "conditions": [
                "De systemen waar we mee werkten waren verouderd en lagen steeds plat.",
                "Mijn werkplek was slecht: lawaaiig, te warm in de zomer en te weinig daglicht.",
                "We werkten met kapotte apparatuur en het duurde weken voordat er "
                "iets werd vervangen.",
                "De veiligheid in het magazijn liet te wensen over.",
                "Er waren te weinig werkplekken; elke ochtend was het zoeken naar een plek.",
            ],
            "location": [
                "De reistijd werd me te lang.",
                "Ik stond elke dag anderhalf uur in de file.",
                "Door de verhuizing van het kantoor werd mijn reistijd ruim verdubbeld.",
                "Met het openbaar vervoer was ik ruim een uur onderweg, enkele reis.",
                "Ik woon ver weg en de reiskosten werden maar voor een klein deel vergoed.",
            ],
            "personal": [
                "We gaan verhuizen naar het noorden, omdat mijn partner daar werk heeft gevonden.",
                "Ik ga de zorg voor mijn moeder op me nemen.",
                "Ik ga weer studeren.",
                "Vanwege mijn gezondheid stop ik voorlopig met werken.",
                "Ik ga met pensioen.",
                "We emigreren met het hele gezin.",
            ],
        },
        "retention": {
            "pay": [
                "Een eerlijk salaris dat past bij de markt.",
                "Als er een salarisverhoging in had gezeten, was ik waarschijnlijk gebleven.",
                "Een tegenbod had het verschil kunnen maken.",
                "Betere arbeidsvoorwaarden, bijvoorbeeld een goede pensioenregeling of een bonus.",
            ],
            "career": [
                "Een duidelijk loopbaanpad met concreet uitzicht op promotie.",
                "Interne vacatures eerst aan eigen mensen aanbieden.",
                "Als ik had kunnen doorgroeien naar teamleider, was ik gebleven.",
                "Een serieus gesprek over mijn toekomst hier, maar dat is er nooit gekomen.",
            ],
            "learning": [
                "Meer ruimte voor opleidingen en cursussen.",
                "Een persoonlijk opleidingsbudget, en ook de tijd om het te gebruiken.",
                "Een mentor of coach die me had geholpen om me verder te ontwikkelen.",
                "Een beter inwerkprogramma in de eerste maanden.",
            ],
            "manager": [
                "Een andere leidinggevende.",
                "Als mijn leidinggevende me meer had vertrouwd en minder had gecontroleerd.",
                "Regelmatige gesprekken met mijn leidinggevende over hoe het ging.",
                "Leidinggevenden beter trainen in het aansturen van mensen.",
                "Het conflict met mijn teamleider serieus nemen en er iemand "
                "tussen zetten om te bemiddelen.",
            ],
            "leadership": [
                "Een duidelijke koers, in plaats van elk jaar een nieuwe reorganisatie.",
                "Minder bureaucratie en kortere lijnen.",
                "Zekerheid over de toekomst van mijn afdeling.",
                "Veranderingen beter begeleiden en niet alles tegelijk willen.",
            ],
            "workload": [
                "Meer personeel, zodat de werkdruk te doen blijft.",
                "Er serieus naar kijken toen ik aangaf dat de werkdruk te hoog werd.",
                "Vacatures sneller invullen in plaats van het werk over de rest te verdelen.",
                "Realistische deadlines.",
            ],
            "work_life": [
                "Meer flexibiliteit in werktijden.",
                "Als ik één of twee dagen per week thuis had mogen werken.",
                "Als ik minder uren had kunnen werken.",
                "Een rooster dat beter rekening houdt met ouders van jonge kinderen.",
            ],
            "communication": [
                "Meer openheid over wat er speelt in de organisatie.",
                "Eerlijk vertellen hoe het ervoor staat, ook als het nieuws niet goed is.",
                "Uitleggen waarom besluiten worden genomen.",
                "Regelmatige updates over waar de organisatie mee bezig is.",
            ],
            "culture": [
                "Optreden tegen het gedrag van bepaalde collega's.",
                "Investeren in een betere sfeer en samenwerking in het team.",
                "Een veilige werkomgeving waarin pesten niet wordt getolereerd.",
                "Meer aandacht voor teamgeest, bijvoorbeeld met af en toe een teamuitje.",
            ],
            "recognition": [
                "Af en toe een compliment had al veel gescheeld.",
                "Meer waardering voor het werk dat we doen.",
                "Laten zien dat je iemands inzet ziet; dat kost niets.",
                "Erkenning als iemand een project goed afrondt.",
            ],
            "job_content": [
                "Meer afwisseling en uitdaging in mijn takenpakket.",
                "Een eerlijker beeld van de functie tijdens de sollicitatie.",
                "Als ik meer zelf had mogen bepalen hoe ik mijn werk inricht.",
                "Meer tijd voor het inhoudelijke werk waarvoor ik was aangenomen.",
            ],
            "conditions": [
                "Investeren in betere systemen en apparatuur.",
                "Een fatsoenlijke werkplek met een goede stoel en een tweede scherm.",
                "Sneller reageren op meldingen over onveilige situaties.",
                "Genoeg werkplekken op kantoor.",
            ],
            "location": [
                "Een hogere reiskostenvergoeding.",
                "Een werkplek op een vestiging dichter bij huis.",
                "Een ov-abonnement van de zaak.",
                "Het kantoor niet verhuizen naar een plek die voor veel mensen "
                "slecht bereikbaar is.",
            ],
            "personal": [
                "Niets eigenlijk, het was een persoonlijke beslissing.",
                "Daar had de organisatie weinig aan kunnen doen; we gaan verhuizen.",
                "Niets, ik ga met pensioen.",
                "Eerlijk gezegd niets; mijn thuissituatie vraagt nu alle aandacht.",
            ],
        },
        "liked_most": {
            "pay": [
                "Het goede salaris en de eindejaarsuitkering.",
                "De arbeidsvoorwaarden waren echt prima.",
                "De goede pensioenregeling.",
                "Dat overuren netjes werden uitbetaald.",
            ],
            "career": [
                "Dat ik in een paar jaar van medewerker naar teamleider kon doorgroeien.",
                "De kansen om intern een andere functie te krijgen.",
                "Dat doorgroeien hier echt mogelijk is als je ervoor gaat.",
                "De promotie die ik vorig jaar kreeg.",
            ],
            "learning": [
                "De vele trainingen en cursussen.",
                "Ik heb hier ontzettend veel geleerd.",
                "Het opleidingsbudget, waarmee ik mijn certificering heb kunnen halen.",
                "De begeleiding door mijn mentor in het eerste jaar.",
            ],
            "manager": [
                "Mijn leidinggevende, die altijd achter me stond.",
                "De fijne samenwerking met mijn teamleider.",
                "Mijn manager gaf me de ruimte en was er als ik hulp nodig had.",
                "De eerlijke en bruikbare feedback van mijn leidinggevende.",
            ],
            "leadership": [
                "De duidelijke visie van de directie.",
                "Het bedrijf is financieel gezond, dus je hebt baanzekerheid.",
                "Korte lijnen en weinig bureaucratie.",
                "De manier waarop de organisatie geleid wordt: zakelijk maar menselijk.",
            ],
            "work_life": [
                "De flexibiliteit: ik kon mijn werktijden grotendeels zelf bepalen.",
                "Hybride werken.",
                "Er was altijd begrip als er thuis iets was met de kinderen.",
                "Dat parttime werken hier heel normaal is.",
            ],
            "communication": [
                "De open communicatie; je wist altijd waar je aan toe was.",
                "De maandelijkse bijeenkomsten waarin we over alles werden bijgepraat.",
                "Dat besluiten altijd goed werden uitgelegd.",
                "De eerlijkheid, ook als het nieuws minder goed was.",
            ],
            "culture": [
                "Mijn collega's.",
                "De gezellige sfeer en de vrijdagmiddagborrel.",
                "De hulpvaardigheid van collega's; niemand stond er alleen voor.",
                "Het team: we hebben veel met elkaar gelachen.",
            ],
            "recognition": [
                "Dat mijn werk gezien werd.",
                "Ik voelde me echt gewaardeerd.",
                "De complimenten die ik kreeg voor mijn werk.",
                "Dat mijn inbreng serieus werd genomen.",
            ],
            "job_content": [
                "Het werk zelf.",
                "De afwisseling: geen dag was hetzelfde.",
                "Het zelfstandig werken en de vrijheid om dingen op mijn eigen manier te doen.",
                "Dat ik met mijn werk echt iets kon betekenen voor klanten.",
            ],
            "conditions": [
                "De goede werkplek en de moderne apparatuur.",
                "Het nieuwe kantoor met veel licht en goede koffie.",
                "Dat alles technisch goed geregeld was.",
                "De goede voorzieningen, zoals het bedrijfsrestaurant.",
            ],
            "location": [
                "Dat ik op de fiets naar mijn werk kon.",
                "De korte reistijd.",
                "De ligging van het kantoor, vlak bij het station.",
                "Dat ik dicht bij huis werkte.",
            ],
        },
        "liked_least": {
            "pay": [
                "Het salaris, dat was echt aan de lage kant.",
                "Dat er nauwelijks ruimte was voor loonsverhoging.",
                "De arbeidsvoorwaarden: geen bonus, een matige pensioenregeling en "
                "geen dertiende maand.",
                "Dat overwerk niet werd uitbetaald.",
            ],
            "career": [
                "Het gebrek aan doorgroeimogelijkheden.",
                "Dat interne kandidaten bij vacatures steeds werden gepasseerd.",
                "Het gevoel dat ik hier nooit verder zou komen dan deze functie.",
                "Onduidelijkheid over wat je moest doen om promotie te maken.",
            ],
            "learning": [
                "Dat er weinig ruimte was om te leren.",
                "Het inwerkprogramma; dat was er eigenlijk niet.",
                "Opleidingsaanvragen werden altijd uitgesteld.",
                "Er was niemand die me echt begeleidde in mijn ontwikkeling.",
            ],
            "manager": [
                "Het micromanagement van mijn leidinggevende.",
                "Dat mijn leidinggevende me nooit steunde als het moeilijk werd.",
                "Feedback van mijn leidinggevende kwam alleen als er iets misging.",
                "De slechte verstandhouding met mijn teamleider.",
            ],
            "leadership": [
                "De eindeloze reorganisaties.",
                "De bureaucratie: voor alles een formulier en drie handtekeningen.",
                "De politieke spelletjes tussen de afdelingen en het MT.",
                "Dat de directie geen duidelijke koers had.",
            ],
            "workload": [
                "De werkdruk.",
                "Continu onderbezet zijn en toch alles af moeten krijgen.",
                "De stress rond de maandafsluiting, elke maand weer.",
                "Dat je nooit echt bij was met je werk.",
            ],
            "work_life": [
                "De roosters, die vaak pas op het laatste moment bekend waren.",
                "Dat thuiswerken eigenlijk niet werd toegestaan.",
                "Het gebrek aan flexibiliteit in werktijden.",
                "Dat verlof opnemen in de zomer bijna onmogelijk was.",
            ],
            "communication": [
                "De communicatie vanuit het management.",
                "Dat we belangrijke veranderingen pas hoorden als ze al besloten waren.",
                "Het gebrek aan openheid over besluiten.",
                "Dat je nieuws over het bedrijf eerder in de krant las dan dat het "
                "intern werd verteld.",
            ],
            "culture": [
                "De sfeer op de afdeling.",
                "Het roddelen achter elkaars rug.",
                "Sommige collega's konden erg onaardig zijn tegen nieuwe mensen.",
                "De ellebogencultuur.",
            ],
            "recognition": [
                "Het gebrek aan waardering.",
                "Dat goed werk als vanzelfsprekend werd gezien.",
                "Dat niemand ooit zei dat je iets goed had gedaan.",
                "Dat anderen met de eer gingen strijken.",
            ],
            "job_content": [
                "Het eentonige werk.",
                "Dat de functie weinig uitdaging bood.",
                "Het vele administratieve werk dat niets met mijn eigenlijke vak te maken had.",
                "Dat ik vooral taken deed die niet in mijn functieomschrijving stonden.",
            ],
            "conditions": [
                "De trage computersystemen.",
                "De kantoortuin: rumoerig en weinig plek om geconcentreerd te werken.",
                "Oude apparatuur die steeds kapotging.",
                "Dat er vaak geen werkplek vrij was.",
            ],
            "location": [
                "De lange reistijd.",
                "Het parkeren bij het kantoor en de files op de ring.",
                "Dat het kantoor slecht bereikbaar is met het openbaar vervoer.",
                "Het vele heen en weer reizen tussen de verschillende vestigingen.",
            ],
            "personal": [
                "Niets specifieks; mijn vertrek heeft met mijn thuissituatie te maken.",
                "Daar kan ik weinig over zeggen, ik vertrek om een persoonlijke reden.",
                "Niet zozeer iets aan het werk; het past alleen niet meer bij de "
                "zorg voor mijn vader.",
                "Niets in het bijzonder. Ik ga weer studeren en dat is mijn eigen keuze.",
            ],
        },
    },
    "en": {
        "attraction": {
            "pay": [
                "The salary was a clear step up from my previous job.",
                "Mainly the money, to be honest.",
                "Good pay and a generous pension scheme.",
                "The benefits package, including a thirteenth-month payment and a bonus scheme.",
            ],
            "career": [
                "The promise of real career progression.",
                "In the interview they talked a lot about internal promotion, which "
                "appealed to me.",
                "It looked like a place where you could move up quickly.",
                "A clear path towards a senior role within a few years.",
            ],
            "learning": [
                "The training budget and the chance to take courses.",
                "The traineeship, with lots of training in the first year.",
                "The chance to learn a completely new set of skills.",
                "They promised a proper onboarding programme with a mentor.",
            ],
            "manager": [
                "My future manager made a great first impression.",
                "The team lead who hired me seemed approachable and supportive.",
                "The chance to work with my manager again; we got on really well at "
                "a previous job.",
                "The hiring manager was genuinely interested in me as a person.",
            ],
            "work_life": [
                "Flexible hours, so I could do the school run.",
                "Being able to work from home two days a week.",
                "The option to work part-time.",
                "Hybrid working was the norm here, which suited me well.",
                "No evening or weekend shifts.",
            ],
            "culture": [
                "The friendly atmosphere I noticed when I came in for the interview.",
                "A friend worked here and told me how great the colleagues were.",
                "It seemed like a close-knit team where people help each other.",
                "The informal, down-to-earth culture.",
            ],
            "job_content": [
                "The role itself: varied work with a lot of autonomy.",
                "The work sounded genuinely challenging.",
                "Doing meaningful work that makes a difference.",
                "The job description matched exactly what I was looking for.",
            ],
            "location": [
                "The office is a ten-minute bike ride from my home.",
                "The location: no more sitting in traffic jams every day.",
                "Easy to reach by public transport, with the station just around the corner.",
                "The short commute.",
            ],
            "conditions": [
                "The bright new office with good workstations.",
                "Good equipment: a decent laptop and everything you need to do the job.",
                "Modern systems, compared with the outdated ones at my previous employer.",
                "A safe, well-kept workplace.",
            ],
            "leadership": [
                "The company was growing and had a clear vision for the future.",
                "Senior management came across as ambitious and trustworthy.",
                "A stable organisation with a good reputation, which felt secure.",
                "The organisation's long-term, sustainable strategy.",
            ],
            "recognition": [
                "The feeling that they truly valued my experience.",
                "Everyone I spoke to said you feel appreciated here.",
                "People said good work gets noticed here.",
                "The appreciation I already felt during the application process.",
            ],
        },
        "reason": {
            "pay": [
                "Better pay elsewhere.",
                "My salary had fallen behind the market and a raise was not on the table.",
                "The pay. With prices rising, it simply wasn't enough any more.",
                "After years at the top of my pay scale, there was no room for any increase.",
                "Overtime wasn't paid and the benefits were worse than at comparable employers.",
            ],
            "career": [
                "There were no growth opportunities left for me.",
                "My role was a dead end; there was no next step.",
                "Twice I applied internally for a more senior role, and twice it "
                "went to an external candidate.",
                "Promotions went to whoever was friends with the right people, not "
                "to those who deserved them.",
                "No career path at all, and I wanted to progress.",
            ],
            "learning": [
                "Nothing new to learn any more.",
                "There was hardly any training budget, and course requests kept "
                "getting turned down.",
                "Onboarding was minimal; I had to figure everything out myself.",
                "My request to take a professional qualification was refused.",
                "There was no coaching or mentoring to help me develop.",
            ],
            "manager": [
                "The working relationship with my manager broke down.",
                "My team lead checked everything I did and never trusted me.",
                "A conflict with my manager that was never resolved.",
                "My manager was never available and gave no feedback.",
                "The way my supervisor treated me was disrespectful.",
            ],
            "leadership": [
                "Yet another reorganisation, and nobody knew where we were heading.",
                "Losing confidence in the direction senior management was taking.",
                "My job became uncertain because of the restructuring.",
                "Everything needed three layers of approval; the bureaucracy wore me down.",
                "The board kept changing strategy.",
            ],
            "workload": [
                "The workload was too high.",
                "We were permanently understaffed and I kept working extra hours.",
                "Heading for a burnout.",
                "The deadlines were impossible and the pressure kept rising.",
                "With so many people off sick, all the work landed on a few of us.",
            ],
            "work_life": [
                "The shift pattern was impossible to combine with my family.",
                "Working fewer hours was not an option in my role.",
                "Suddenly we had to be in the office five days a week again, even "
                "though working from home had gone fine.",
                "The irregular shifts and weekend work no longer fitted my private life.",
                "No flexibility at all in working hours.",
            ],
            "communication": [
                "We were never told anything; important news came through the grapevine.",
                "Decisions were made without any explanation.",
                "Management wasn't honest about how the company was doing.",
                "For months nobody told us what would happen to our department.",
                "It felt as if information was being deliberately held back.",
            ],
            "culture": [
                "The atmosphere in the team was bad.",
                "Lots of gossip and cliques.",
                "Sexist jokes were made regularly and nobody stepped in.",
                "Never really feeling at home among my colleagues.",
                "A culture where people threw each other under the bus.",
            ],
            "recognition": [
                "Not feeling valued.",
                "Whatever I did, there was never a thank you.",
                "Other people took the credit for my work.",
                "My effort was simply taken for granted.",
                "Very little recognition for everything we achieved as a team.",
            ],
            "job_content": [
                "The job was very different from the vacancy.",
                "The work was monotonous; the same thing every day.",
                "A lack of challenge in my work.",
                "Very little autonomy; no say in how to organise my own work.",
                "My work no longer felt meaningful.",
            ],
            "conditions": [
                "The systems were outdated and kept crashing.",
                "My workstation was poor: noisy, too hot in summer and not enough daylight.",
                "Broken equipment that took weeks to be replaced.",
                "Safety in the warehouse was not taken seriously enough.",
                "Not enough desks; every morning you had to hunt for a place to sit.",
            ],
            "location": [
                "The commute had become too long.",
                "An hour and a half in traffic every day.",
                "When the office moved, my travel time more than doubled.",
                "By public transport it took well over an hour each way.",
                "Travel costs were only partly reimbursed, and I live a long way away.",
            ],
            "personal": [
                "My partner found a job in the north, so we are moving.",
                "Taking on the care of my mother.",
                "Going back to study.",
                "For health reasons, I'm stopping work for the time being.",
                "Retirement.",
                "We are emigrating as a family.",
            ],
        },
        "retention": {
            "pay": [
                "A fair salary in line with the market.",
                "A pay rise would probably have made me stay.",
                "A counter-offer could have made the difference.",
                "Better benefits, such as a good pension or a bonus.",
            ],
            "career": [
                "A clear career path with a real prospect of promotion.",
                "Offering internal vacancies to your own people first.",
                "The chance to grow into a team lead role would have kept me here.",
                "A serious conversation about my future here, which never happened.",
            ],
            "learning": [
                "More room for training and courses.",
                "A personal training budget, plus the time to actually use it.",
                "A mentor or coach to help me develop.",
                "A better onboarding programme in the first months.",
            ],
            "manager": [
                "A different manager.",
                "More trust and less checking from my manager.",
                "Regular one-to-ones with my manager about how things were going.",
                "Training managers in how to lead people.",
                "Taking the conflict with my team lead seriously and bringing in "
                "someone to mediate.",
            ],
            "leadership": [
                "A clear direction instead of a new reorganisation every year.",
                "Less bureaucracy and shorter lines of decision-making.",
                "Certainty about the future of my department.",
                "Managing change better instead of trying to change everything at once.",
            ],
            "workload": [
                "More staff, so the workload stays manageable.",
                "Taking it seriously when I said the workload was getting too much.",
                "Filling vacancies faster instead of spreading the work over everyone else.",
                "Realistic deadlines.",
            ],
            "work_life": [
                "More flexibility in working hours.",
                "Letting me work from home one or two days a week.",
                "The option to work fewer hours.",
                "A roster that takes parents of young children into account.",
            ],
            "communication": [
                "More openness about what is going on in the organisation.",
                "Being honest about how things stand, even when the news isn't good.",
                "Explaining why decisions are made.",
                "Regular updates on what the organisation is working on.",
            ],
            "culture": [
                "Dealing with the behaviour of certain colleagues.",
                "Investing in a better atmosphere and teamwork.",
                "A safe workplace where bullying isn't tolerated.",
                "More attention to team spirit, for example an occasional team outing.",
            ],
            "recognition": [
                "An occasional compliment would have gone a long way.",
                "More appreciation for the work we do.",
                "Showing that you notice people's efforts; it costs nothing.",
                "Recognition when someone brings a project to a successful close.",
            ],
            "job_content": [
                "More variety and challenge in my tasks.",
                "A more honest picture of the role during recruitment.",
                "More freedom to decide how to organise my own work.",
                "More time for the actual work I was hired to do.",
            ],
            "conditions": [
                "Investing in better systems and equipment.",
                "A decent workstation with a proper chair and a second screen.",
                "Responding faster to reports of unsafe situations.",
                "Enough desks in the office.",
            ],
            "location": [
                "A higher travel allowance.",
                "A desk at a site closer to home.",
                "A public transport pass paid for by the company.",
                "Not moving the office to a place so many people find hard to reach.",
            ],
            "personal": [
                "Nothing really, it was a personal decision.",
                "Not much the organisation could have changed; we're moving.",
                "Nothing, I'm retiring.",
                "Honestly nothing; my situation at home needs all my attention now.",
            ],
        },
        "liked_most": {
            "pay": [
                "The good salary and the year-end bonus.",
                "The employment conditions were really good.",
                "The generous pension scheme.",
                "Overtime was always paid properly.",
            ],
            "career": [
                "Growing from an entry-level role to team lead in a few years.",
                "The opportunities to move to another role internally.",
                "Promotion is genuinely possible here if you go for it.",
                "The promotion I got last year.",
            ],
            "learning": [
                "All the training and courses.",
                "How much I learned here.",
                "The training budget, which let me get my certification.",
                "The support from my mentor in my first year.",
            ],
            "manager": [
                "My manager, who always had my back.",
                "Working with my team lead.",
                "My manager gave me room and was there when I needed help.",
                "Honest, useful feedback from my manager.",
            ],
            "leadership": [
                "The clear vision of the board.",
                "The company is financially healthy, so there's job security.",
                "Short lines and little bureaucracy.",
                "The way the organisation is run: businesslike but human.",
            ],
            "work_life": [
                "The flexibility to set most of my own hours.",
                "Hybrid working.",
                "There was always understanding when something came up with the kids.",
                "Part-time work is completely normal here.",
            ],
            "communication": [
                "The open communication; you always knew where you stood.",
                "The monthly meetings where we were updated on everything.",
                "Decisions were always explained well.",
                "The honesty, even when the news was bad.",
            ],
            "culture": [
                "My colleagues.",
                "The friendly atmosphere and the Friday afternoon drinks.",
                "How helpful colleagues were; nobody was left on their own.",
                "The team: we laughed a lot together.",
            ],
            "recognition": [
                "My work was noticed.",
                "Feeling genuinely appreciated.",
                "The compliments I got for my work.",
                "My input was taken seriously.",
            ],
            "job_content": [
                "The work itself.",
                "The variety: no two days were the same.",
                "Working independently, with the freedom to do things my way.",
                "Making a real difference for customers through my work.",
            ],
            "conditions": [
                "The good workstation and modern equipment.",
                "The new office with lots of light and good coffee.",
                "Everything technical was well organised.",
                "The good facilities, such as the staff restaurant.",
            ],
            "location": [
                "Cycling to work.",
                "Having only a short journey to work.",
                "The office being right next to the station.",
                "Working close to home.",
            ],
        },
        "liked_least": {
            "pay": [
                "The salary, which was really on the low side.",
                "Hardly any room for a pay rise.",
                "The benefits: no bonus, a mediocre pension and no thirteenth month.",
                "Overtime not being paid.",
            ],
            "career": [
                "The lack of career prospects.",
                "Internal candidates being passed over for vacancies.",
                "The feeling that this role was as far as I'd ever get here.",
                "Unclear criteria for promotion.",
            ],
            "learning": [
                "So little room to learn.",
                "Onboarding, which was practically non-existent.",
                "Training requests always being postponed.",
                "Nobody really supporting my development.",
            ],
            "manager": [
                "My manager's micromanagement.",
                "My manager never backed me up when things got difficult.",
                "Feedback from my manager only came when something went wrong.",
                "The poor relationship with my team lead.",
            ],
            "leadership": [
                "The endless reorganisations.",
                "The bureaucracy: a form and three signatures for everything.",
                "The politics between departments and senior management.",
                "The lack of a clear direction from the top.",
            ],
            "workload": [
                "The workload.",
                "Being constantly understaffed and still expected to get everything done.",
                "The stress around month-end closing, every single month.",
                "Never being on top of my work.",
            ],
            "work_life": [
                "Rosters that were often published at the last minute.",
                "Working from home being practically forbidden.",
                "No flexibility in working hours.",
                "Taking leave in the summer was nearly impossible.",
            ],
            "communication": [
                "Communication from management.",
                "Hearing about important changes only after they'd been decided.",
                "The lack of openness about decisions.",
                "Reading news about the company in the paper before hearing it internally.",
            ],
            "culture": [
                "The atmosphere in the department.",
                "People gossiping behind each other's backs.",
                "Some colleagues could be quite unkind to newcomers.",
                "The dog-eat-dog culture.",
            ],
            "recognition": [
                "The lack of appreciation.",
                "Good work being taken for granted.",
                "Nobody ever saying you'd done a good job.",
                "Others taking the credit.",
            ],
            "job_content": [
                "The monotonous work.",
                "The role offered little challenge.",
                "All the admin that had nothing to do with my actual job.",
                "Mostly doing tasks that weren't in my job description.",
            ],
            "conditions": [
                "The slow computer systems.",
                "The open-plan office: noisy, with nowhere to concentrate.",
                "Old equipment that kept breaking down.",
                "Often not being able to find a free desk.",
            ],
            "location": [
                "The long commute.",
                "Parking near the office and the traffic on the ring road.",
                "The office being hard to reach by public transport.",
                "All the travelling between the different sites.",
            ],
            "personal": [
                "Nothing in particular; my reasons for leaving are personal.",
                "Hard to say, my leaving is really about my situation at home.",
                "Not so much the work itself; it just no longer fits with caring for my father.",
                "Nothing specific. Going back to study is my own choice.",
            ],
        },
    },
}

# Answers to "Did the job meet your expectations?", by how well they were met.
EXPECTATIONS: dict[str, dict[str, list[str]]] = {
    "nl": {
        "met": [
            "Ja, helemaal.",
            "Ja, het was zoals ik had verwacht.",
            "Grotendeels wel, ik had van tevoren een goed beeld.",
            "Ja, zeker. Wat er in het sollicitatiegesprek werd verteld, klopte.",
            "Ja.",
            "Eigenlijk wel, ja.",
        ],
        "partly": [
            "Deels.",
            "Voor een deel wel, maar niet helemaal.",
            "In het begin wel, later steeds minder.",
            "Ja en nee.",
            "Op sommige punten wel, op andere niet.",
            "Gedeeltelijk; het was net even anders dan ik dacht.",
        ],
        "not_met": [
            "Nee.",
            "Nee, helemaal niet.",
            "Nee, het was heel anders dan het me was voorgesteld.",
            "Niet echt, ik had er meer van verwacht.",
            "Nee, ik was eigenlijk al vrij snel teleurgesteld.",
        ],
    },
    "en": {
        "met": [
            "Yes, completely.",
            "Yes, it was what I expected.",
            "Mostly, I had a good idea of what it would be like.",
            "Definitely. What they told me in the interview was accurate.",
            "Yes.",
            "Pretty much, yes.",
        ],
        "partly": [
            "Partly.",
            "To some extent, but not entirely.",
            "At first it did, less so later on.",
            "Yes and no.",
            "In some ways yes, in others no.",
            "Partly; it was a bit different from what I thought.",
        ],
        "not_met": [
            "No.",
            "No, not at all.",
            "No, it was very different from how it was presented.",
            "Not really, I expected more.",
            "No, I was disappointed quite soon.",
        ],
    },
}

# Short answers without content; they get no theme.
EMPTY_ANSWERS: dict[str, list[str]] = {
    "nl": [
        "Nee.",
        "Geen idee.",
        "n.v.t.",
        "Niets.",
        "Zie hierboven.",
        "-",
        "Geen opmerkingen.",
        "Weet ik niet.",
    ],
    "en": [
        "No.",
        "No idea.",
        "n/a",
        "Nothing.",
        "See above.",
        "-",
        "No comment.",
        "Don't know.",
    ],
}

# Ways to join two phrases: (text placed between them, whether the second phrase
# should start with a lower-case letter). The first phrase ends with a full stop.
CONNECTORS: dict[str, list[tuple[str, bool]]] = {
    "nl": [
        (" ", False),
        (" En ", True),
        (" Wat ook meespeelde: ", True),
        (" Daarnaast: ", True),
        (" Verder: ", True),
    ],
    "en": [
        (" ", False),
        (" Also, ", True),
        (" And ", True),
        (" On top of that, ", True),
        (" Besides that, ", True),
    ],
}
