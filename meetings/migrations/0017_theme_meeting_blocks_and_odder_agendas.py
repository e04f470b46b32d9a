"""The theme meeting's blocks become the Odder agendas' blocks, timed to fit its three hours
with the opening review step (at most 10 minutes) included: 170 minutes, where they were 179
(182 with a three-minute review). Its practitioner examples get a phase kind of their own
(0016), which says that the meeting has presenters. The three agendas of the booklet's
appendices (Bilag 2, 3 and 4) become built-in formats, with their times.

The data is frozen here, as 0002 explains: later changes come in their own migrations.
"""

from django.db import migrations

FORMATS = [{'key': 'tema-laeringsmoede',
  'purpose': 'Et længere læringsmøde om et tema cirka hver tredje måned, der ender i et produkt, '
             'som teamet arbejder efter.',
  'source': 'Jobcenter Odder: Videndeling som læringsstrategi i socialt arbejde (læringsmøder om '
            'et tema)',
  'meeting_minutes': 180,
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
  'phases': [{'name': 'Rammesætning: baggrund for temaet',
              'kind': 'talk',
              'minutes': 5,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Mødelederen fortæller om baggrunden for dagens tema og om formålet.',
              'prompts': [],
              'rules': []},
             {'name': 'Stilhed før tjek-ind (valgfri)',
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
              'minutes': 13,
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
             {'name': 'Oplæg fra ledelsen',
              'kind': 'talk',
              'minutes': 15,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Ledelsen fortæller, hvad strategien betyder for temaet lokalt, og '
                             'hvad der er på vej, fx nye regler. Mødelederne har på forhånd sat '
                             'rammen for oplægget.',
              'prompts': ['Hvad skal ledelsen fortælle for at informere om det strategiske og '
                          'faglige indhold?'],
              'rules': []},
             {'name': 'Koordinatoren om lovgivningen',
              'kind': 'talk',
              'minutes': 10,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Den faglige koordinator gennemgår lovgivningens indhold og de '
                             'faglige pejlemærker på området.',
              'prompts': [],
              'rules': []},
             {'name': 'Eksempler fra praksis',
              'kind': 'practice_examples',
              'minutes': 30,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Tre kolleger giver hvert sit eksempel fra praksis inden for temaet. '
                             'Alle sagsbehandlere holder på skift et oplæg.',
              'prompts': ['Hvad gjorde du?', 'Hvorfor?', 'Hvad er den faglige begrundelse?'],
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
              'instruction': 'Deltagerne deles i grupper og arbejder med de spørgsmål, mødelederne '
                             'har forberedt. Mødelederne går rundt og holder dialogen i gang. '
                             'Skriv jeres pointer ned på en planche.',
              'prompts': ['Hvilken viden har vi hver især, som de andre har brug for?',
                          'Hvilke konkrete eksempler og opmærksomhedspunkter skal med i '
                          'produktet?'],
              'rules': ['Skriv pointerne ned']},
             {'name': 'Grupperne fremlægger',
              'kind': 'talk',
              'minutes': 20,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Grupperne fortæller i plenum, hvad de er kommet frem til, og hvad '
                             'der skal bruges i produktet. Læg mærke til forskelle og ligheder.',
              'prompts': [],
              'rules': []},
             {'name': 'Læringsrunde',
              'kind': 'round',
              'minutes': 15,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Hver deltager fortæller i plenum, hvad dagen har givet.',
              'prompts': ['Hvad tager jeg med?', 'Hvad vil jeg omsætte i praksis, og hvordan?'],
              'rules': ['Ordet går på omgang']},
             {'name': 'Aftaler om produkt og opfølgning',
              'kind': 'summary',
              'minutes': 10,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Aftal, hvordan produktet bliver til, og om og hvornår der følges op.',
              'prompts': ['Hvordan skal udviklingen af produktet forløbe?',
                          'Skal vi følge op på mødet, og i så fald hvordan og hvornår?'],
              'rules': []}]},
 {'key': 'odder-virksomhedspraktik',
  'purpose': 'Odders læringsmøde om virksomhedspraktik (LAB § 42) fra 2015, kl. 9.00-11.30: '
             'lovgivning, strategi, tre praksiseksempler og guidelines.',
  'source': 'Jobcenter Odder: Videndeling som læringsstrategi i socialt arbejde, Bilag 2 '
            '(dagsorden 4. marts 2015)',
  'meeting_minutes': 150,
  'name': 'Læringsmøde om virksomhedspraktik (Odder, Bilag 2)',
  'description': 'Efter dagsordenen til Jobcenter Odders læringsmøde den 4. marts 2015 om '
                 "anvendelse af virksomhedspraktik (Bilag 2 i 'Videndeling som læringsstrategi i "
                 "socialt arbejde'), kl. 9.00-11.30. Den faglige leder præsenterer lovgivningen, "
                 'jobcenterchefen beskæftigelsesstrategiens perspektiv, og tre sagsbehandlere '
                 'giver praksiseksempler. Vidensdelingen sker i to grupper med hver sin mødeleder '
                 'som ordstyrer, og mødelederne sørger bagefter for aftaler om uklarheder og for '
                 'at udarbejde guidelines.',
  'repeats_per_case': False,
  'facilitator_role': 'coordinator',
  'phases': [{'name': 'Den faglige leder præsenterer lovgivningen (§ 42)',
              'kind': 'talk',
              'minutes': 15,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Præsentation af de organisatoriske rammer: lovgivningens § 42.',
              'prompts': [],
              'rules': []},
             {'name': 'Jobcenterchefen: beskæftigelsesstrategiens perspektiv',
              'kind': 'talk',
              'minutes': 15,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Beskæftigelsesstrategiens perspektiv på anvendelse af '
                             'virksomhedspraktik.',
              'prompts': [],
              'rules': []},
             {'name': 'Praksiseksempler på anvendelse af virksomhedspraktik',
              'kind': 'practice_examples',
              'minutes': 30,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Tre sagsbehandlere giver hvert sit praksiseksempel: praktik som '
                             'afprøvning af rådighed, intern praktik mhp. opstart på arbejde, og '
                             'optræning af arbejdsevnen.',
              'prompts': ['Hvad gjorde du?', 'Hvorfor?', 'Hvad er den faglige begrundelse?'],
              'rules': []},
             {'name': 'Vidensdeling i to grupper',
              'kind': 'group_work',
              'minutes': 60,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Deltagerne deles i to grupper med hver sin ordstyrer. Først en '
                             'runde, så dialog mellem dem, der kan bidrage med viden til hinanden.',
              'prompts': ['Hvordan anvender du oftest virksomhedspraktikker i praksis?',
                          'Hvad vil du gerne have viden om ift. at iværksætte '
                          'virksomhedspraktikker?'],
              'rules': []},
             {'name': 'Opsamling i plenum',
              'kind': 'round',
              'minutes': 25,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Hver deltager oplyser i plenum:',
              'prompts': ['Hvad fik jeg særligt øje på ift. hvordan jeg anvender '
                          'virksomhedspraktik?',
                          'Hvad fik jeg af ny viden?',
                          'Hvad er evt. fortsat uklart for mig?'],
              'rules': ['Ordet går på omgang']},
             {'name': 'Aftaler om uklarheder og guidelines',
              'kind': 'summary',
              'minutes': 5,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Mødelederne sørger for aftaler om, hvordan der tages hånd om '
                             'uklarheder, og for at guidelines bliver udarbejdet.',
              'prompts': [],
              'rules': []}]},
 {'key': 'odder-samarbejde-jobkonsulenter',
  'purpose': 'Odders læringsmøde om samarbejdet mellem sagsbehandlere og jobkonsulenter fra 2017, '
             'kl. 8.30-11.30, med fire praksiseksempler.',
  'source': 'Jobcenter Odder: Videndeling som læringsstrategi i socialt arbejde, Bilag 3 '
            '(dagsorden 3. maj 2017)',
  'meeting_minutes': 180,
  'name': 'Læringsmøde om samarbejde med jobkonsulenter (Odder, Bilag 3)',
  'description': 'Efter dagsordenen til Jobcenter Odders læringsmøde den 3. maj 2017 om '
                 "samarbejdet mellem sagsbehandlere og jobkonsulenter (Bilag 3 i 'Videndeling som "
                 "læringsstrategi i socialt arbejde'), kl. 8.30-11.30. To mødeledere; oplæg om "
                 'gældende rammer og aftaler, fire praksiseksempler på samarbejde, der fungerede '
                 'eller blev udfordret, 45 minutter i to grupper (inkl. pause) og 45 minutters '
                 'fælles opsamling. Produktet blev guidelines og en henvisning til jobkonsulent.',
  'repeats_per_case': False,
  'facilitator_role': 'coordinator',
  'phases': [{'name': 'Rammesætning',
              'kind': 'talk',
              'minutes': 5,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Mødelederne fortæller, hvilke forhold temaet peger på at undersøge.',
              'prompts': ['Har vi en fælles forståelse af sagen?',
                          'Har vi samme forventninger til håndtering af sagen?',
                          'Hvem har ansvar for progression?',
                          'Hvad er vores roller og ansvar i sagen?',
                          'Hvordan kommunikerer vi - både måden og retorikken?'],
              'rules': []},
             {'name': 'Runden',
              'kind': 'round',
              'minutes': 15,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Hver deltager fortæller i plenum, hvad de ønsker viden om.',
              'prompts': ['Hvad vil jeg gerne have svar på eller gå herfra med efter mødet i dag?'],
              'rules': ['Ordet går på omgang']},
             {'name': 'Oplæg: samspil eller samspilsramt',
              'kind': 'talk',
              'minutes': 20,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Jobcenterchefen om »samspil eller samspilsramt« og de vigtige '
                             'overgange.',
              'prompts': [],
              'rules': []},
             {'name': 'Oplæg: henvisningen til jobkonsulenterne',
              'kind': 'talk',
              'minutes': 10,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Projektlederen giver indblik i, hvordan henvisningen håndteres.',
              'prompts': [],
              'rules': []},
             {'name': 'Praksiseksempler',
              'kind': 'practice_examples',
              'minutes': 30,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Fire kolleger præsenterer hvert sit eksempel: to, hvor samarbejdet '
                             'fungerede optimalt i forhold til det fælles mål, og to, hvor det '
                             'blev udfordret.',
              'prompts': ['Hvad gjorde du?', 'Hvorfor?', 'Hvad er den faglige begrundelse?'],
              'rules': []},
             {'name': 'Drøftelse i to grupper (inkl. pause)',
              'kind': 'group_work',
              'minutes': 45,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Grupperne arbejder med fire cases fra praksis og skriver '
                             'opmærksomhedspunkter og ønsker til guidelines ned.',
              'prompts': ['Hvad er formålet med praktikken, og hvordan skal sagen håndteres i '
                          'forhold til det?',
                          'Hvordan sikres progression (hvem og hvordan)?',
                          'Hvad er vores roller og ansvarsfordeling, og hvilke forventninger har '
                          'vi til hinanden?',
                          'Hvordan taler vi sammen - retorikken og formen?'],
              'rules': ['Skriv opmærksomhedspunkterne ned']},
             {'name': 'Fælles opsamling',
              'kind': 'summary',
              'minutes': 45,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Grupperne fremlægger, og I samler op på ønskerne til guidelines.',
              'prompts': [],
              'rules': []},
             {'name': 'Afrunding: individuel opsamling',
              'kind': 'round',
              'minutes': 10,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Hver deltager fortæller i plenum:',
              'prompts': ['Hvad tager du med dig fra mødet i dag?',
                          'Er der noget, du vil ændre i din praksis, og i så fald hvad og '
                          'hvordan?'],
              'rules': ['Ordet går på omgang']}]},
 {'key': 'odder-faglig-sparring',
  'purpose': 'Odders læringsmøde fra 2019, kl. 12.30-15.30, om en fælles skabelon for faglig '
             'sparring på tværfaglige møder.',
  'source': 'Jobcenter Odder: Videndeling som læringsstrategi i socialt arbejde, Bilag 4 '
            '(dagsorden 30. januar 2019)',
  'meeting_minutes': 180,
  'name': 'Læringsmøde om faglig sparring (Odder, Bilag 4)',
  'description': 'Efter dagsordenen til Jobcenter Odders læringsmøde den 30. januar 2019 om faglig '
                 "sparring på tværfaglige møder (Bilag 4 i 'Videndeling som læringsstrategi i "
                 "socialt arbejde'), kl. 12.30-15.30: rammesætning med tjek-ind og oplæg ved en "
                 'forsker (12.30-13.15), pause, gruppearbejde med syv arbejdsspørgsmål '
                 '(13.25-14.15), pause, opsamling og fælles skabelon (14.25-15.20) og afrunding '
                 'med tjek-ud (15.20-15.30).',
  'repeats_per_case': False,
  'facilitator_role': 'coordinator',
  'phases': [{'name': 'Rammesætning: baggrunden for dagens tema',
              'kind': 'talk',
              'minutes': 5,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Mødelederen præsenterer baggrunden for dagens tema.',
              'prompts': [],
              'rules': []},
             {'name': 'Tjek-ind: 2 minutters stilhed',
              'kind': 'silence',
              'minutes': 2,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Alle gør sig klart, hvad de vil have med fra dagens møde.',
              'prompts': [],
              'rules': ['Ingen taler']},
             {'name': 'Runden: hvad vil jeg have med?',
              'kind': 'round',
              'minutes': 13,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Alle deler, hvad de gerne vil have med fra dagens møde.',
              'prompts': [],
              'rules': ['Ordet går på omgang']},
             {'name': 'Oplæg ved ekstern oplægsholder',
              'kind': 'talk',
              'minutes': 25,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Forslag til overvejelser om at give og modtage faglig sparring: '
                             'forberedelse og tydelighed om, hvilken sparring der er tale om, '
                             'hvordan en sag kan præsenteres, og hvad det kræver af deltagere og '
                             'af styring på mødet.',
              'prompts': [],
              'rules': []},
             {'name': 'Pause',
              'kind': 'break',
              'minutes': 10,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Ti minutters pause.',
              'prompts': [],
              'rules': []},
             {'name': 'Gruppearbejde',
              'kind': 'group_work',
              'minutes': 50,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Notér jeres overvejelser om arbejdsspørgsmålene på en planche.',
              'prompts': ['Hvilke faglige problemstillinger egner sig til tværfaglige møder?',
                          'Hvem skal forberede sig til mødet? Hvad skal forberedes og hvordan?',
                          'Hvordan styres mødet og tiden?',
                          'Hvilken rolle har man som deltager, lægekonsulent, psykolog, faglig '
                          'koordinator og leder?',
                          'Hvordan fremlægges en sag, og hvilke oplysninger er nødvendige at '
                          'fremlægge?',
                          'Hvordan giver vi faglig sparring til hinanden, og hvordan modtager vi '
                          'det?',
                          'Hvordan sikres og styrkes det faglige udbytte af møderne?'],
              'rules': ['Skriv på en planche']},
             {'name': 'Pause',
              'kind': 'break',
              'minutes': 10,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Ti minutters pause.',
              'prompts': [],
              'rules': []},
             {'name': 'Opsamling',
              'kind': 'summary',
              'minutes': 55,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Grupperne fremlægger deres overvejelser og diskussioner; I drøfter '
                             'forskelle og ligheder og udarbejder en fælles skabelon og aftaler '
                             'for fremtiden.',
              'prompts': [],
              'rules': []},
             {'name': 'Tjek-ud: 2 minutters stilhed',
              'kind': 'silence',
              'minutes': 2,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Hvad tager jeg med mig herfra i dag?',
              'prompts': [],
              'rules': ['Ingen taler']},
             {'name': 'Runden: individuelt udbytte',
              'kind': 'round',
              'minutes': 8,
              'minutes_per_person': None,
              'per_case': False,
              'instruction': 'Vi deler vores individuelle udbytte fra dagen.',
              'prompts': [],
              'rules': ['Ordet går på omgang']}]}]


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
                "purpose": data["purpose"],
                "source": data["source"],
                "repeats_per_case": data["repeats_per_case"],
                "facilitator_role": data["facilitator_role"],
                "meeting_minutes": data["meeting_minutes"],
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
                minutes_per_person=None,
                per_case=phase["per_case"],
                instruction=phase["instruction"],
                prompts="\n".join(phase["prompts"]),
                rules="\n".join(phase["rules"]),
            )
            for position, phase in enumerate(data["phases"])
        )


class Migration(migrations.Migration):
    dependencies = [("meetings", "0016_phase_kind_practice_examples_and_presenters")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
