"""The six built-in meeting formats of the methods, installed once.

The data is frozen here as it was when the formats were first installed: a migration must not
read the app's live code, which changes after it has run. Later changes to the built-in formats
come in their own data migrations.
"""

from decimal import Decimal

from django.db import migrations

FORMATS = [{'key': 'teamsparring',
  'name': 'Teamsparring om enkeltsager',
  'description': 'Efter Socialstyrelsens procesbeskrivelse for fælles læring på baggrund af '
                 'teamsparring om enkeltsager. På det faste ugentlige teammøde tager '
                 'sagsbehandlerne på skift en sag med, som de vil have teamets sparring til - '
                 'eller en sag af principiel karakter, aftalt med teamlederen. Teamlederen leder '
                 'mødet, vælger sagerne og samler op. Efter møderne fører lederen notater over de '
                 'generelle læringspunkter, samler op på dem mindst hver anden måned og drøfter '
                 'dem med de øvrige teamledere.',
  'repeats_per_case': True,
  'facilitator_role': 'leader',
  'phases': [{'name': 'Sagsejer fortæller, hvad der ønskes sparring til',
              'kind': 'presentation',
              'minutes': 5,
              'minutes_per_person': None,
              'per_case': True,
              'instruction': 'Sagsejer fortæller kort om sagen og om, hvad teamet skal give '
                             'sparring til.',
              'prompts': ['Hvad vil du gerne have teamets hjælp til i denne sag?'],
              'rules': ['Højst fem minutter', 'Teamet lytter']},
             {'name': 'Opklarende spørgsmål',
              'kind': 'questions',
              'minutes': 5,
              'minutes_per_person': None,
              'per_case': True,
              'instruction': 'Teamet stiller uddybende og opklarende spørgsmål, så alle har det '
                             'samme billede af sagen.',
              'prompts': [],
              'rules': ['Kun spørgsmål - ingen forslag endnu', 'Sagsejer svarer kort']},
             {'name': 'Refleksion',
              'kind': 'reflection',
              'minutes': 10,
              'minutes_per_person': None,
              'per_case': True,
              'instruction': 'Teamet reflekterer ud fra spørgsmålene og udvikler idéer og mulige '
                             'handleveje. Sagsejer lytter og skriver ned.',
              'prompts': ['Hvilke associationer giver sagen jer?',
                          'Hvad har vi fået svar på, og hvad står stadig ubesvaret?',
                          'Hvilke styrker og muligheder kan I se?',
                          'Hvilke udfordringer kan I se?',
                          'Hvilke initiativer kunne komme på tale?',
                          'Hvilke idéer og mulige handleveje vil I foreslå?'],
              'rules': ['Ingen diskussion', 'Sagsejer tager noter']},
             {'name': 'Sagsejers tilbagemelding',
              'kind': 'response',
              'minutes': 5,
              'minutes_per_person': None,
              'per_case': True,
              'instruction': 'Sagsejer fortæller, hvad der har inspireret, og hvad der nu skal '
                             'ske i sagen.',
              'prompts': ['Hvad har inspireret dig?',
                          'Hvilke handlinger vil du tage i sagen fremover?'],
              'rules': []},
             {'name': 'Runde: generelle læringspunkter',
              'kind': 'round',
              'minutes': 10,
              'minutes_per_person': None,
              'per_case': True,
              'instruction': 'Én ad gangen nævner teamets medlemmer, hvilke generelle '
                             'læringspunkter sagen giver - ud over den konkrete sag.',
              'prompts': ['Hvad kan vi lære af denne sag, som gælder andre sager?'],
              'rules': ['Ordet går på omgang', 'Én taler ad gangen']},
             {'name': 'Lederens opsamling',
              'kind': 'summary',
              'minutes': 5,
              'minutes_per_person': None,
              'per_case': True,
              'instruction': 'Teamlederen samler de generelle læringspunkter op og noterer dem '
                             'til den fælles opsamling.',
              'prompts': ['Hvilke generelle læringspunkter tager vi med fra sagen?',
                          'Giver det anledning til ændringer i arbejdsgange?'],
              'rules': ['Lederen noterer læringspunkterne']}]},
 {'key': 'faglig-sparring',
  'name': 'Faglig sparring på teammøde',
  'description': "Efter eksemplet på faglig sparring på teammøde i 'Proces for teamunderstøttelse "
                 "af den faglige udvikling' (materialet 'Faglig udvikling: Hvordan skabes der "
                 "læring gennem det daglige arbejde?'). Hele forløbet for en sag tager højst en "
                 'time, og hvert trin har sin tid. Den faglige koordinator leder den kollegiale '
                 'dialog og afslutter drøftelsen af sagen. Et genogram og en tidslinje på tavlen '
                 'giver fælles overblik. Formatet hviler på en kultur, hvor man må være usikker, '
                 'og hvor fejl er et grundlag for læring; temaer fra ledelsestilsynet kan også '
                 'tages op til fælles læring.',
  'repeats_per_case': True,
  'facilitator_role': 'coordinator',
  'phases': [{'name': 'Sagsejers præsentation med genogram',
              'kind': 'presentation',
              'minutes': 10,
              'minutes_per_person': None,
              'per_case': True,
              'instruction': 'Sagsejer præsenterer sagen og bruger et genogram til at vise '
                             'relationerne i familien. Sagsforløbet skitseres som en tidslinje på '
                             'tavlen med de vigtigste hændelser.',
              'prompts': ['Hvem er familien, og hvordan hænger relationerne sammen?',
                          'Hvad er de vigtigste hændelser i sagen indtil nu?',
                          'Hvad ønsker du sparring til?'],
              'rules': ['Genogram over familien', 'Tidslinje på tavlen']},
             {'name': 'Opklarende spørgsmål',
              'kind': 'questions',
              'minutes': 10,
              'minutes_per_person': None,
              'per_case': True,
              'instruction': 'Teamet spørger ind, så sagen står klart for alle.',
              'prompts': [],
              'rules': ['Kun spørgsmål',
                        'Hold fast i de vedtagne faglige metoder og lovgivningen']},
             {'name': 'Refleksionsrunde',
              'kind': 'reflection',
              'minutes': 15,
              'minutes_per_person': None,
              'per_case': True,
              'instruction': 'Teamet reflekterer over sagen. Koordinatoren holder teamet i '
                             'refleksionen, for det er let at glide over i at finde løsninger for '
                             'tidligt.',
              'prompts': ['Hvad lægger du mærke til i sagen?',
                          'Hvilke hypoteser kan vi have om, hvad der er på spil?',
                          'Hvad siger vores faglige metoder og lovgivningen om en sag som denne?'],
              'rules': ['Bliv i refleksionen - ikke løsninger endnu', 'Sagsejer tager noter']},
             {'name': 'Sagsejers tilbagemelding',
              'kind': 'response',
              'minutes': 10,
              'minutes_per_person': None,
              'per_case': True,
              'instruction': 'Sagsejer fortæller, hvad refleksionerne har givet, og hvad næste '
                             'skridt er.',
              'prompts': ['Hvad tager du med fra refleksionen?',
                          'Hvad bliver dit næste skridt i sagen?'],
              'rules': []},
             {'name': 'Koordinatoren afslutter sagen',
              'kind': 'summary',
              'minutes': 10,
              'minutes_per_person': None,
              'per_case': True,
              'instruction': 'Den faglige koordinator samler op og afslutter drøftelsen af sagen.',
              'prompts': ['Hvad blev vi enige om?',
                          'Er der noget i sagen, teamet som helhed kan lære af?'],
              'rules': ['Koordinatoren afslutter drøftelsen']}]},
 {'key': 'systematisk-laeringsmoede',
  'name': 'Systematisk læringsmøde',
  'description': 'Efter beskrivelsen af systematiske læringsmøder i materialet om systematiske '
                 'læringsmøder og læringsbesøg. En halv time hver anden uge, gerne stående, med '
                 'en fast facilitator og en dagsorden, alle kan genkende. En kollega fremlægger '
                 'en sag eller opgave at lære af, kollegerne stiller læringsspørgsmål, og runden '
                 'slutter med en fælles refleksion over organisatoriske tiltag. Lederen bakker op '
                 'og prioriterer møderne.',
  'repeats_per_case': True,
  'facilitator_role': 'leader',
  'phases': [{'name': 'En kollega fremlægger',
              'kind': 'presentation',
              'minutes': 5,
              'minutes_per_person': None,
              'per_case': True,
              'instruction': 'En kollega fortæller om en sag eller opgave, hun eller han gerne '
                             'vil lære af - fx en svær samtale med en borger eller en pårørende.',
              'prompts': [],
              'rules': ['Gerne stående', 'Kort og konkret']},
             {'name': 'Læringsspørgsmål',
              'kind': 'questions',
              'minutes': 10,
              'minutes_per_person': None,
              'per_case': True,
              'instruction': 'Kollegerne stiller læringsspørgsmål. Brug listen som inspiration.',
              'prompts': ['Hvad var den største udfordring?',
                          'Hvad var let eller sjovt?',
                          'Hvilken rolle havde du, og hvem havde ellers en rolle?',
                          'Hvordan var relationerne?',
                          'Hvilken viden eller information manglede du?',
                          'Hvem havde beslutningskompetencen?',
                          'Hvad ville du gøre anderledes med den viden, du har i dag?',
                          'Hvad er din vigtigste læring?'],
              'rules': []},
             {'name': 'Hvad gav spørgsmålene?',
              'kind': 'response',
              'minutes': 2,
              'minutes_per_person': None,
              'per_case': True,
              'instruction': 'Den, der fremlagde, fortæller kort, hvad spørgsmålene har lært '
                             'hende eller ham.',
              'prompts': [],
              'rules': []},
             {'name': 'Runde: læring til eget arbejde',
              'kind': 'round',
              'minutes': None,
              'minutes_per_person': 1,
              'per_case': True,
              'instruction': 'Ordet går rundt. Hver især reflekterer over, hvad sagen lærer en om '
                             'ens egen opgaveløsning.',
              'prompts': ['Hvad betyder denne sag for den måde, jeg selv løser mine opgaver på?'],
              'rules': ['Cirka et minut til hver', 'Ordet går på omgang']},
             {'name': 'Fælles refleksion: organisatoriske tiltag',
              'kind': 'summary',
              'minutes': 5,
              'minutes_per_person': None,
              'per_case': True,
              'instruction': 'Sammen overvejer I, om sagen giver grund til fælles tiltag i '
                             'organisationen.',
              'prompts': ['Giver sagen anledning til nye procedurer eller standarder?',
                          'Hvem tager tiltaget videre?'],
              'rules': []}]},
 {'key': 'tvaerfagligt-moede',
  'name': 'Tværfagligt møde',
  'description': 'Efter Jobcenter Odders arbejdsgang for faglig sparring på tværfaglige møder '
                 "(Bilag 4 i 'Videndeling som læringsstrategi i socialt arbejde'). Til komplekse "
                 'sager, der er gået i stå, hvor timingen af en indsats skal afklares, eller hvor '
                 'de faglige argumenter for en afgørelse skal skærpes. Sagen skrives på '
                 "dagsordenen senest kl. 12 dagen før med en 'varedeklaration': hvilken sparring "
                 'der ønskes, og hvad de andre skal vide. Den faglige koordinator leder mødet, '
                 'fordi det i Odders arbejdsgang er koordinatoren, der styrer tiden, fastholder '
                 'sparring på viden og faglige begrundelser og samler op sammen med sagsejer.',
  'repeats_per_case': True,
  'facilitator_role': 'coordinator',
  'phases': [{'name': 'Fremlæggelse med varedeklaration',
              'kind': 'presentation',
              'minutes': 2,
              'minutes_per_person': None,
              'per_case': True,
              'instruction': 'Sagsejer siger præcist, hvorfor sagen er med, hvilken type sparring '
                             'der er brug for, og hvad de andre skal vide. Vælg en observatør til '
                             'sagen.',
              'prompts': ['Hvilken sparring har du brug for: er sagen gået i stå, handler det om '
                          'timingen af en indsats, eller skal argumenterne for en afgørelse '
                          'skærpes?',
                          'Hvad skal de andre vide for at kunne give dig sparring?'],
              'rules': ['Højst to minutter', 'Sig tydeligt, hvilken sparring du ønsker']},
             {'name': 'Spørgsmål',
              'kind': 'questions',
              'minutes': 5,
              'minutes_per_person': None,
              'per_case': True,
              'instruction': 'Deltagerne spørger ind til det, de mangler for at kunne give '
                             'sparring.',
              'prompts': [],
              'rules': ['Ræk hånden op og tal efter tur']},
             {'name': 'Sparring',
              'kind': 'reflection',
              'minutes': 15,
              'minutes_per_person': None,
              'per_case': True,
              'instruction': 'Først bidrager de, der kender sagen eller har læst op på den, '
                             'derefter resten af teamet ud fra hver deres fagområde. Sagsejer kan '
                             'sige stop, når det ønskede udbytte er nået.',
              'prompts': ['Hvilken viden eller erfaring fra dit fagområde kan hjælpe her?',
                          'Hvilke faglige argumenter taler for og imod?'],
              'rules': ['Viden og erfaring frem for meninger og synsninger',
                        'Byd kun ind med det, der ikke allerede er sagt',
                        'Vi tør være fagligt uenige']},
             {'name': 'Observatørens feedback',
              'kind': 'talk',
              'minutes': 3,
              'minutes_per_person': None,
              'per_case': True,
              'instruction': 'Observatøren giver tilbagemelding på sagsfremstillingen og '
                             'drøftelsen. Bagefter kan alle byde ind med relevant feedback.',
              'prompts': ['Hvilken viden var relevant for drøftelsen?',
                          'Hvor kunne vi stramme op: hvad var vigtig viden, og hvad var '
                          'ligegyldig information?'],
              'rules': []},
             {'name': 'Opsamling ved mødeleder og sagsejer',
              'kind': 'summary',
              'minutes': 5,
              'minutes_per_person': None,
              'per_case': True,
              'instruction': 'Mødelederen og sagsejer samler op sammen, med fokus på '
                             'argumentationen - særligt når drøftelsen handler om en afgørelse.',
              'prompts': ['Hvad er konklusionen, og hvilke faglige argumenter bærer den?',
                          'Skal drøftelsen noteres i sagen?',
                          'Skal der gives tilbagemelding til fælles læring, og i hvilket forum?'],
              'rules': ['Sagsbehandler noterer drøftelsen i sagen, når det er relevant']}]},
 {'key': 'tema-laeringsmoede',
  'name': 'Læringsmøde om et tema',
  'description': "Efter Jobcenter Odders læringsmøder, som beskrevet i 'Videndeling som "
                 "læringsstrategi i socialt arbejde' (Stina Kruuse, Jobcenter Odder og Netværket "
                 'bag Praksiscenter), med tider fra dagsordenerne i bilagene. Cirka hver tredje '
                 'måned og højst tre timer. En arbejdsgruppe vælger temaet og to mødeledere, som '
                 'planlægger oplæg og gruppearbejde. Mødet ender i et produkt, fx en '
                 'handlingsanvisning, som teamet derefter arbejder efter. Den faglige koordinator '
                 'er ordstyrer.',
  'repeats_per_case': False,
  'facilitator_role': 'coordinator',
  'phases': [{'name': 'Velkomst: baggrund for temaet',
              'kind': 'talk',
              'minutes': 5,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Mødelederen fortæller om baggrunden for dagens tema og om formålet.',
              'prompts': [],
              'rules': []},
             {'name': 'Stilhed før tjek-ind',
              'kind': 'silence',
              'minutes': 2,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'To minutters stilhed, hvor alle gør sig klart, hvad de vil have med '
                             'fra mødet. Kan springes over.',
              'prompts': [],
              'rules': ['Ingen taler']},
             {'name': 'Tjek-ind-runde',
              'kind': 'round',
              'minutes': 15,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Alle fortæller i plenum, hvad de gerne vil have ud af dagen.',
              'prompts': ['Hvad vil jeg gerne have ud af mødet, og hvad vil jeg have svar på i '
                          'dag?'],
              'rules': ['Ordet går på omgang', 'Kort, én ad gangen']},
             {'name': 'Hvem har ansvaret for produktet?',
              'kind': 'summary',
              'minutes': 5,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Aftal, hvem der udarbejder produktet bagefter - ud fra hvem der har '
                             'den relevante viden, og hvem der er interesseret i temaet.',
              'prompts': ['Hvem har viden om temaet?', 'Hvem har lyst til at arbejde med det?'],
              'rules': []},
             {'name': 'Oplæg fra ledelsen: strategien',
              'kind': 'talk',
              'minutes': 15,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Ledelsen fortæller, hvad strategien betyder for temaet lokalt, og '
                             'hvad der er på vej, fx nye regler.',
              'prompts': [],
              'rules': []},
             {'name': 'Oplæg fra koordinatoren: lovgivningen',
              'kind': 'talk',
              'minutes': 15,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Den faglige koordinator gennemgår lovgivningens indhold og de '
                             'faglige pejlemærker på området.',
              'prompts': [],
              'rules': []},
             {'name': 'Tre eksempler fra praksis',
              'kind': 'talk',
              'minutes': 30,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Tre kolleger giver hvert sit eksempel fra praksis inden for temaet. '
                             'Alle sagsbehandlere holder på skift et oplæg.',
              'prompts': ['Hvad gjorde jeg?',
                          'Hvorfor gjorde jeg det?',
                          'Hvad er den faglige begrundelse?'],
              'rules': ['Cirka ti minutter pr. eksempel']},
             {'name': 'Pause',
              'kind': 'break',
              'minutes': 10,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Ti minutters pause.',
              'prompts': [],
              'rules': []},
             {'name': 'Videndeling i grupper',
              'kind': 'group_work',
              'minutes': 35,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Deltagerne deles i grupper og arbejder med de spørgsmål, '
                             'mødelederne har forberedt. Mødelederne går rundt og holder dialogen '
                             'i gang. Skriv jeres pointer ned på en planche.',
              'prompts': ['Hvilken viden har vi hver især, som de andre har brug for?',
                          'Hvilke konkrete eksempler og opmærksomhedspunkter skal med i '
                          'produktet?'],
              'rules': ['Skriv pointerne ned']},
             {'name': 'Opsamling på viden: grupperne fremlægger',
              'kind': 'talk',
              'minutes': 25,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Grupperne fortæller i plenum, hvad de er kommet frem til, og hvad '
                             'der skal bruges i produktet. Læg mærke til forskelle og ligheder.',
              'prompts': [],
              'rules': []},
             {'name': 'Stilhed før læringsrunden',
              'kind': 'silence',
              'minutes': 2,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'To minutters stilhed: hvad tager jeg med herfra i dag? Kan springes '
                             'over.',
              'prompts': [],
              'rules': ['Ingen taler']},
             {'name': 'Læringsrunde',
              'kind': 'round',
              'minutes': 15,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Hver deltager fortæller i plenum, hvad dagen har givet.',
              'prompts': ['Hvad tager jeg med?', 'Hvad vil jeg indføre i min praksis og hvordan?'],
              'rules': ['Ordet går på omgang']},
             {'name': 'Aftaler om produkt og opfølgning',
              'kind': 'summary',
              'minutes': 5,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Aftal, hvordan produktet bliver til, og om og hvornår der følges '
                             'op.',
              'prompts': ['Hvordan skal udviklingen af produktet forløbe?',
                          'Skal vi følge op på mødet, og i så fald hvordan og hvornår?'],
              'rules': []}]},
 {'key': 'laeringsbesoeg',
  'name': 'Læringsbesøg - fælles læringsmøde',
  'description': 'Efter beskrivelsen af læringsbesøg i materialet om systematiske læringsmøder og '
                 'læringsbesøg. En medarbejder følger som læringsagent en kollega en halv eller '
                 'en hel arbejdsdag, efter et fælles tjek-ind om, hvad agenten vil lære, hvad '
                 'kollegaen synes agenten skal holde øje med, og spilleregler som fortrolighed. '
                 'Dette format er det fælles læringsmøde bagefter, der ender i tre '
                 'læringspointer.',
  'repeats_per_case': False,
  'facilitator_role': 'leader',
  'phases': [{'name': 'Refleksioner fra læringsagenten',
              'kind': 'reflection',
              'minutes': 10,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Læringsagenten fortæller om sine tanker og refleksioner fra dagen.',
              'prompts': ['Hvad så og hørte du?',
                          'Hvilke oplevelser virkede godt?',
                          'Hvad kunne eventuelt gøres anderledes?'],
              'rules': []},
             {'name': 'Refleksioner fra kollegaen',
              'kind': 'response',
              'minutes': 10,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Kollegaen fortæller, hvordan dagen med en læringsagent har været.',
              'prompts': ['Hvordan var det at have en læringsagent med på arbejde?',
                          'Hvilke tanker og refleksioner har dagen givet dig?'],
              'rules': []},
             {'name': 'Tre fælles læringspointer',
              'kind': 'summary',
              'minutes': 10,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'I bliver sammen enige om tre læringspointer, som kan fremlægges på '
                             'et senere personalemøde.',
              'prompts': [],
              'rules': ['Tre læringspointer', 'Skriv dem ned']}]}]


def install(apps, schema_editor):
    Format = apps.get_model("meetings", "Format")
    FormatPhase = apps.get_model("meetings", "FormatPhase")
    for data in FORMATS:
        format_, _created = Format.objects.update_or_create(
            team=None,
            key=data["key"],
            defaults={
                "name": data["name"],
                "description": data["description"],
                "repeats_per_case": data["repeats_per_case"],
                "facilitator_role": data["facilitator_role"],
            },
        )
        FormatPhase.objects.filter(format=format_).delete()
        FormatPhase.objects.bulk_create(
            FormatPhase(
                format=format_,
                position=position,
                name=phase["name"],
                kind=phase["kind"],
                minutes=phase["minutes"],
                minutes_per_person=(
                    Decimal(str(phase["minutes_per_person"]))
                    if phase["minutes_per_person"] is not None
                    else None
                ),
                per_case=phase["per_case"],
                instruction=phase["instruction"],
                prompts="\n".join(phase["prompts"]),
                rules="\n".join(phase["rules"]),
            )
            for position, phase in enumerate(data["phases"])
        )


def uninstall(apps, schema_editor):
    apps.get_model("meetings", "Format").objects.filter(team=None).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(install, uninstall),
    ]
