"""The built-in meeting formats (the six of the methods and the three agendas of the Odder
booklet), as plain data, and the function that installs them.

The migrations hold their own frozen copy (meetings/migrations/0002 and 0004); a change here
needs a data migration of its own, and tests/meetings/test_builtin_formats.py says so.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from meetings.models import Format, FormatPhase


def _phase(
    name: str,
    kind: str,
    *,
    minutes: int | None = None,
    minutes_per_person: float | None = None,
    per_case: bool = False,
    instruction: str = "",
    prompts: list[str] | None = None,
    rules: list[str] | None = None,
) -> dict[str, Any]:
    return {
        "name": name,
        "kind": kind,
        "minutes": minutes,
        "minutes_per_person": minutes_per_person,
        "per_case": per_case,
        "instruction": instruction,
        "prompts": list(prompts or []),
        "rules": list(rules or []),
    }


TEAMSPARRING: dict[str, Any] = {
    "key": "teamsparring",
    "purpose": (
        "Teamet giver sparring på en sag, som en sagsbehandler har med, og samler de "
        "generelle læringspunkter op."
    ),
    "source": "Socialstyrelsen: fælles læring på baggrund af teamsparring om enkeltsager",
    "meeting_minutes": 90,
    "name": "Teamsparring om enkeltsager",
    "description": (
        "Efter Socialstyrelsens procesbeskrivelse for fælles læring på baggrund af "
        "teamsparring om enkeltsager. På det faste ugentlige teammøde tager sagsbehandlerne "
        "på skift en sag med, som de vil have teamets sparring til - eller en sag af "
        "principiel karakter, aftalt med teamlederen. Teamlederen leder mødet, vælger sagerne "
        "og samler op. Efter møderne fører lederen notater over de generelle læringspunkter, "
        "samler op på dem mindst hver anden måned og drøfter dem med de øvrige teamledere."
    ),
    "repeats_per_case": True,
    "facilitator_role": "leader",
    "phases": [
        _phase(
            "Sagsejer fortæller, hvad der ønskes sparring til",
            "presentation",
            minutes=5,
            per_case=True,
            instruction=(
                "Sagsejer fortæller kort om sagen og om, hvad teamet skal give sparring til."
            ),
            prompts=["Hvad vil du gerne have teamets hjælp til i denne sag?"],
            rules=["Højst fem minutter", "Teamet lytter"],
        ),
        _phase(
            "Opklarende spørgsmål",
            "questions",
            minutes=5,
            per_case=True,
            instruction=(
                "Teamet stiller uddybende og opklarende spørgsmål, så alle har det samme "
                "billede af sagen."
            ),
            rules=["Kun spørgsmål - ingen forslag endnu", "Sagsejer svarer kort"],
        ),
        _phase(
            "Refleksion",
            "reflection",
            minutes=10,
            per_case=True,
            instruction=(
                "Teamet reflekterer ud fra spørgsmålene og udvikler idéer og mulige handleveje. "
                "Sagsejer lytter og skriver ned."
            ),
            prompts=[
                "Hvilke associationer giver sagen jer?",
                "Hvad har vi fået svar på, og hvad står stadig ubesvaret?",
                "Hvilke styrker og muligheder kan I se?",
                "Hvilke udfordringer kan I se?",
                "Hvilke initiativer kunne komme på tale?",
                "Hvilke idéer og mulige handleveje vil I foreslå?",
            ],
            rules=["Ingen diskussion", "Sagsejer tager noter"],
        ),
        _phase(
            "Sagsejers tilbagemelding",
            "response",
            minutes=5,
            per_case=True,
            instruction=(
                "Sagsejer fortæller, hvad der har inspireret, og hvad der nu skal ske i sagen."
            ),
            prompts=[
                "Hvad har inspireret dig?",
                "Hvilke handlinger vil du tage i sagen fremover?",
            ],
        ),
        _phase(
            "Runde: generelle læringspunkter",
            "round",
            minutes=10,
            per_case=True,
            instruction=(
                "Én ad gangen nævner teamets medlemmer, hvilke generelle læringspunkter sagen "
                "giver - ud over den konkrete sag."
            ),
            prompts=["Hvad kan vi lære af denne sag, som gælder andre sager?"],
            rules=["Ordet går på omgang", "Én taler ad gangen"],
        ),
        _phase(
            "Lederens opsamling",
            "summary",
            minutes=5,
            per_case=True,
            instruction=(
                "Teamlederen samler de generelle læringspunkter op og noterer dem til den "
                "fælles opsamling."
            ),
            prompts=[
                "Hvilke generelle læringspunkter tager vi med fra sagen?",
                "Giver det anledning til ændringer i arbejdsgange?",
            ],
            rules=["Lederen noterer læringspunkterne"],
        ),
    ],
}


FAGLIG_SPARRING: dict[str, Any] = {
    "key": "faglig-sparring",
    "purpose": (
        "Kollegial sparring på en sag med genogram og tidslinje, ledet af den faglige "
        "koordinator, på højst en time."
    ),
    "source": (
        "Proces for teamunderstøttelse af den faglige udvikling (Faglig udvikling: "
        "Hvordan skabes der læring gennem det daglige arbejde?)"
    ),
    "meeting_minutes": 60,
    "name": "Faglig sparring på teammøde",
    "description": (
        "Efter eksemplet på faglig sparring på teammøde i 'Proces for teamunderstøttelse af "
        "den faglige udvikling' (materialet 'Faglig udvikling: Hvordan skabes der læring "
        "gennem det daglige arbejde?'). Hele forløbet for en sag tager højst en time, og "
        "hvert trin har sin tid. Den faglige koordinator leder den kollegiale dialog og "
        "afslutter drøftelsen af sagen. Et genogram og en tidslinje på tavlen giver fælles "
        "overblik. Formatet hviler på en kultur, hvor man må være usikker, og hvor fejl er "
        "et grundlag for læring; temaer fra ledelsestilsynet kan også tages op til fælles "
        "læring."
    ),
    "repeats_per_case": True,
    "facilitator_role": "coordinator",
    "phases": [
        _phase(
            "Sagsejers præsentation med genogram",
            "presentation",
            minutes=10,
            per_case=True,
            instruction=(
                "Sagsejer præsenterer sagen og bruger et genogram til at vise relationerne i "
                "familien. Sagsforløbet skitseres som en tidslinje på tavlen med de vigtigste "
                "hændelser."
            ),
            prompts=[
                "Hvem er familien, og hvordan hænger relationerne sammen?",
                "Hvad er de vigtigste hændelser i sagen indtil nu?",
                "Hvad ønsker du sparring til?",
            ],
            rules=["Genogram over familien", "Tidslinje på tavlen"],
        ),
        _phase(
            "Opklarende spørgsmål",
            "questions",
            minutes=10,
            per_case=True,
            instruction="Teamet spørger ind, så sagen står klart for alle.",
            rules=["Kun spørgsmål", "Hold fast i de vedtagne faglige metoder og lovgivningen"],
        ),
        _phase(
            "Refleksionsrunde",
            "reflection",
            minutes=15,
            per_case=True,
            instruction=(
                "Teamet reflekterer over sagen. Koordinatoren holder teamet i refleksionen, "
                "for det er let at glide over i at finde løsninger for tidligt."
            ),
            prompts=[
                "Hvad lægger du mærke til i sagen?",
                "Hvilke hypoteser kan vi have om, hvad der er på spil?",
                "Hvad siger vores faglige metoder og lovgivningen om en sag som denne?",
            ],
            rules=["Bliv i refleksionen - ikke løsninger endnu", "Sagsejer tager noter"],
        ),
        _phase(
            "Sagsejers tilbagemelding",
            "response",
            minutes=10,
            per_case=True,
            instruction=(
                "Sagsejer fortæller, hvad refleksionerne har givet, og hvad næste skridt er."
            ),
            prompts=[
                "Hvad tager du med fra refleksionen?",
                "Hvad bliver dit næste skridt i sagen?",
            ],
        ),
        _phase(
            "Koordinatoren afslutter sagen",
            "summary",
            minutes=10,
            per_case=True,
            instruction=("Den faglige koordinator samler op og afslutter drøftelsen af sagen."),
            prompts=[
                "Hvad blev vi enige om?",
                "Er der noget i sagen, teamet som helhed kan lære af?",
            ],
            rules=["Koordinatoren afslutter drøftelsen"],
        ),
    ],
}


SYSTEMATISK_LAERINGSMOEDE: dict[str, Any] = {
    "key": "systematisk-laeringsmoede",
    "purpose": (
        "En kort, fast læringsrunde hver anden uge: en kollega fremlægger en sag, de "
        "andre stiller læringsspørgsmål."
    ),
    "source": "Systematiske læringsmøder og læringsbesøg",
    "meeting_minutes": 30,
    "name": "Systematisk læringsmøde",
    "description": (
        "Efter beskrivelsen af systematiske læringsmøder i materialet om systematiske "
        "læringsmøder og læringsbesøg. En halv time hver anden uge, gerne stående, med en "
        "fast facilitator og en dagsorden, alle kan genkende. En kollega fremlægger en sag "
        "eller opgave at lære af, kollegerne stiller læringsspørgsmål, og runden slutter "
        "med en fælles refleksion over organisatoriske tiltag. Lederen bakker op og "
        "prioriterer møderne."
    ),
    "repeats_per_case": True,
    "facilitator_role": "leader",
    "phases": [
        _phase(
            "En kollega fremlægger",
            "presentation",
            minutes=5,
            per_case=True,
            instruction=(
                "En kollega fortæller om en sag eller opgave, hun eller han gerne vil lære af - "
                "fx en svær samtale med en borger eller en pårørende."
            ),
            rules=["Gerne stående", "Kort og konkret"],
        ),
        _phase(
            "Læringsspørgsmål",
            "questions",
            minutes=10,
            per_case=True,
            instruction="Kollegerne stiller læringsspørgsmål. Brug listen som inspiration.",
            prompts=[
                "Hvad var den største udfordring?",
                "Hvad var let eller sjovt?",
                "Hvilken rolle havde du, og hvem havde ellers en rolle?",
                "Hvordan var relationerne?",
                "Hvilken viden eller information manglede du?",
                "Hvem havde beslutningskompetencen?",
                "Hvad ville du gøre anderledes med den viden, du har i dag?",
                "Hvad er din vigtigste læring?",
            ],
        ),
        _phase(
            "Hvad gav spørgsmålene?",
            "response",
            minutes=2,
            per_case=True,
            instruction=(
                "Den, der fremlagde, fortæller kort, hvad spørgsmålene har lært hende eller ham."
            ),
        ),
        _phase(
            "Runde: læring til eget arbejde",
            "round",
            minutes_per_person=1,
            per_case=True,
            instruction=(
                "Ordet går rundt. Hver især reflekterer over, hvad sagen lærer en om ens egen "
                "opgaveløsning."
            ),
            prompts=["Hvad betyder denne sag for den måde, jeg selv løser mine opgaver på?"],
            rules=["Cirka et minut til hver", "Ordet går på omgang"],
        ),
        _phase(
            "Fælles refleksion: organisatoriske tiltag",
            "summary",
            minutes=5,
            per_case=True,
            instruction=(
                "Sammen overvejer I, om sagen giver grund til fælles tiltag i organisationen."
            ),
            prompts=[
                "Giver sagen anledning til nye procedurer eller standarder?",
                "Hvem tager tiltaget videre?",
            ],
        ),
    ],
}


TVAERFAGLIGT_MOEDE: dict[str, Any] = {
    "key": "tvaerfagligt-moede",
    "purpose": (
        "Sparring på tværs af faggrupper om en kompleks sag, der er gået i stå, med en "
        "observatør pr. sag."
    ),
    "source": (
        "Jobcenter Odder: arbejdsgang for faglig sparring på tværfaglige møder (Bilag 4 i"
        " Videndeling som læringsstrategi i socialt arbejde)"
    ),
    "meeting_minutes": 60,
    "name": "Tværfagligt møde",
    "description": (
        "Efter Jobcenter Odders arbejdsgang for faglig sparring på tværfaglige møder "
        "(Bilag 4 i 'Videndeling som læringsstrategi i socialt arbejde'). Til komplekse "
        "sager, der er gået i stå, hvor timingen af en indsats skal afklares, eller hvor de "
        "faglige argumenter for en afgørelse skal skærpes. Sagen skrives på dagsordenen "
        "senest kl. 12 dagen før med en 'varedeklaration': hvilken sparring der ønskes, og "
        "hvad de andre skal vide. Den faglige koordinator leder mødet, fordi det i Odders "
        "arbejdsgang er koordinatoren, der styrer tiden, fastholder sparring på viden og "
        "faglige begrundelser og samler op sammen med sagsejer."
    ),
    "repeats_per_case": True,
    "facilitator_role": "coordinator",
    "phases": [
        _phase(
            "Fremlæggelse med varedeklaration",
            "presentation",
            minutes=2,
            per_case=True,
            instruction=(
                "Sagsejer siger præcist, hvorfor sagen er med, hvilken type sparring der er "
                "brug for, og hvad de andre skal vide. Vælg en observatør til sagen."
            ),
            prompts=[
                "Hvilken sparring har du brug for: er sagen gået i stå, handler det om "
                "timingen af en indsats, eller skal argumenterne for en afgørelse skærpes?",
                "Hvad skal de andre vide for at kunne give dig sparring?",
            ],
            rules=["Højst to minutter", "Sig tydeligt, hvilken sparring du ønsker"],
        ),
        _phase(
            "Spørgsmål",
            "questions",
            minutes=5,
            per_case=True,
            instruction="Deltagerne spørger ind til det, de mangler for at kunne give sparring.",
            rules=["Ræk hånden op og tal efter tur"],
        ),
        _phase(
            "Sparring",
            "reflection",
            minutes=15,
            per_case=True,
            instruction=(
                "Først bidrager de, der kender sagen eller har læst op på den, derefter resten "
                "af teamet ud fra hver deres fagområde. Sagsejer kan sige stop, når det "
                "ønskede udbytte er nået."
            ),
            prompts=[
                "Hvilken viden eller erfaring fra dit fagområde kan hjælpe her?",
                "Hvilke faglige argumenter taler for og imod?",
            ],
            rules=[
                "Viden og erfaring frem for meninger og synsninger",
                "Byd kun ind med det, der ikke allerede er sagt",
                "Vi tør være fagligt uenige",
            ],
        ),
        _phase(
            "Observatørens feedback",
            "observation",
            minutes=3,
            per_case=True,
            instruction=(
                "Observatøren giver tilbagemelding på sagsfremstillingen og drøftelsen. "
                "Bagefter kan alle byde ind med relevant feedback."
            ),
            prompts=[
                "Hvilken viden var relevant for drøftelsen?",
                "Hvor kunne vi stramme op: hvad var vigtig viden, og hvad var ligegyldig "
                "information?",
            ],
        ),
        _phase(
            "Opsamling ved mødeleder og sagsejer",
            "summary",
            minutes=5,
            per_case=True,
            instruction=(
                "Mødelederen og sagsejer samler op sammen, med fokus på argumentationen - "
                "særligt når drøftelsen handler om en afgørelse."
            ),
            prompts=[
                "Hvad er konklusionen, og hvilke faglige argumenter bærer den?",
                "Skal drøftelsen noteres i sagen?",
                "Skal der gives tilbagemelding til fælles læring, og i hvilket forum?",
            ],
            rules=["Sagsbehandler noterer drøftelsen i sagen, når det er relevant"],
        ),
    ],
}


TEMA_LAERINGSMOEDE: dict[str, Any] = {
    "key": "tema-laeringsmoede",
    "purpose": (
        "Et længere læringsmøde om et tema cirka hver tredje måned, der ender i et "
        "produkt, som teamet arbejder efter."
    ),
    "source": (
        "Jobcenter Odder: Videndeling som læringsstrategi i socialt arbejde (læringsmøder"
        " om et tema)"
    ),
    "meeting_minutes": 180,
    "name": "Læringsmøde om et tema",
    "description": (
        "Efter Jobcenter Odders læringsmøder, som beskrevet i 'Videndeling som "
        "læringsstrategi i socialt arbejde' (Stina Kruuse, Jobcenter Odder og Netværket bag "
        "Praksiscenter), med tider fra dagsordenerne i bilagene. Cirka hver tredje måned og "
        "højst tre timer. En arbejdsgruppe vælger temaet og to mødeledere, som planlægger "
        "oplæg og gruppearbejde. Mødet ender i et produkt, fx en handlingsanvisning, som "
        "teamet derefter arbejder efter. Den faglige koordinator er ordstyrer."
    ),
    "repeats_per_case": False,
    "facilitator_role": "coordinator",
    "phases": [
        _phase(
            "Rammesætning: baggrund for temaet",
            "talk",
            minutes=5,
            instruction="Mødelederen fortæller om baggrunden for dagens tema og om formålet.",
        ),
        _phase(
            "Stilhed før tjek-ind (valgfri)",
            "silence",
            minutes=2,
            instruction=(
                "To minutters stilhed, hvor alle gør sig klart, hvad de vil have med fra "
                "mødet. Kan springes over."
            ),
            rules=["Ingen taler"],
        ),
        _phase(
            "Tjek-ind-runde",
            "round",
            minutes=13,
            instruction="Alle fortæller i plenum, hvad de gerne vil have ud af dagen.",
            prompts=["Hvad vil jeg gerne have ud af mødet, og hvad vil jeg have svar på i dag?"],
            rules=["Ordet går på omgang", "Kort, én ad gangen"],
        ),
        _phase(
            "Hvem har ansvaret for produktet?",
            "summary",
            minutes=5,
            instruction=(
                "Aftal, hvem der udarbejder produktet bagefter - ud fra hvem der har den "
                "relevante viden, og hvem der er interesseret i temaet."
            ),
            prompts=["Hvem har viden om temaet?", "Hvem har lyst til at arbejde med det?"],
        ),
        _phase(
            "Oplæg fra ledelsen",
            "talk",
            minutes=15,
            instruction=(
                "Ledelsen fortæller, hvad strategien betyder for temaet lokalt, og hvad der "
                "er på vej, fx nye regler. Mødelederne har på forhånd sat rammen for oplægget."
            ),
            prompts=[
                "Hvad skal ledelsen fortælle for at informere om det strategiske og faglige "
                "indhold?"
            ],
        ),
        _phase(
            "Koordinatoren om lovgivningen",
            "talk",
            minutes=10,
            instruction=(
                "Den faglige koordinator gennemgår lovgivningens indhold og de faglige "
                "pejlemærker på området."
            ),
        ),
        _phase(
            "Eksempler fra praksis",
            "practice_examples",
            minutes=30,
            instruction=(
                "Tre kolleger giver hvert sit eksempel fra praksis inden for temaet. Alle "
                "sagsbehandlere holder på skift et oplæg."
            ),
            prompts=[
                "Hvad gjorde du?",
                "Hvorfor?",
                "Hvad er den faglige begrundelse?",
            ],
            rules=["Cirka ti minutter pr. eksempel"],
        ),
        _phase("Pause", "break", minutes=10, instruction="Ti minutters pause."),
        _phase(
            "Videndeling i grupper",
            "group_work",
            minutes=35,
            instruction=(
                "Deltagerne deles i grupper og arbejder med de spørgsmål, mødelederne har "
                "forberedt. Mødelederne går rundt og holder dialogen i gang. Skriv jeres "
                "pointer ned på en planche."
            ),
            prompts=[
                "Hvilken viden har vi hver især, som de andre har brug for?",
                "Hvilke konkrete eksempler og opmærksomhedspunkter skal med i produktet?",
            ],
            rules=["Skriv pointerne ned"],
        ),
        _phase(
            "Grupperne fremlægger",
            "talk",
            minutes=20,
            instruction=(
                "Grupperne fortæller i plenum, hvad de er kommet frem til, og hvad der skal "
                "bruges i produktet. Læg mærke til forskelle og ligheder."
            ),
        ),
        _phase(
            "Læringsrunde",
            "round",
            minutes=15,
            instruction="Hver deltager fortæller i plenum, hvad dagen har givet.",
            prompts=[
                "Hvad tager jeg med?",
                "Hvad vil jeg omsætte i praksis, og hvordan?",
            ],
            rules=["Ordet går på omgang"],
        ),
        _phase(
            "Aftaler om produkt og opfølgning",
            "summary",
            minutes=10,
            instruction="Aftal, hvordan produktet bliver til, og om og hvornår der følges op.",
            prompts=[
                "Hvordan skal udviklingen af produktet forløbe?",
                "Skal vi følge op på mødet, og i så fald hvordan og hvornår?",
            ],
        ),
    ],
}


_ODDER = "Jobcenter Odder: Videndeling som læringsstrategi i socialt arbejde"

# The three agendas of the Odder booklet's appendices, as they were held: each block's time adds
# up to the agenda's own start and end (tests/meetings/test_builtin_formats.py checks the clock
# times). Where an agenda gives only its start and end (Bilag 2) or a few blocks' times (Bilag 3),
# the rest is shared out so that the whole keeps the agenda's length.
ODDER_VIRKSOMHEDSPRAKTIK: dict[str, Any] = {
    "key": "odder-virksomhedspraktik",
    "purpose": (
        "Odders læringsmøde om virksomhedspraktik (LAB § 42) fra 2015, kl. 9.00-11.30: "
        "lovgivning, strategi, tre praksiseksempler og guidelines."
    ),
    "source": f"{_ODDER}, Bilag 2 (dagsorden 4. marts 2015)",
    "meeting_minutes": 150,
    "name": "Læringsmøde om virksomhedspraktik (Odder, Bilag 2)",
    "description": (
        "Efter dagsordenen til Jobcenter Odders læringsmøde den 4. marts 2015 om anvendelse "
        "af virksomhedspraktik (Bilag 2 i 'Videndeling som læringsstrategi i socialt arbejde'), "
        "kl. 9.00-11.30. Den faglige leder præsenterer lovgivningen, jobcenterchefen "
        "beskæftigelsesstrategiens perspektiv, og tre sagsbehandlere giver praksiseksempler. "
        "Vidensdelingen sker i to grupper med hver sin mødeleder som ordstyrer, og mødelederne "
        "sørger bagefter for aftaler om uklarheder og for at udarbejde guidelines."
    ),
    "repeats_per_case": False,
    "facilitator_role": "coordinator",
    "phases": [
        _phase(
            "Den faglige leder præsenterer lovgivningen (§ 42)",
            "talk",
            minutes=15,
            instruction="Præsentation af de organisatoriske rammer: lovgivningens § 42.",
        ),
        _phase(
            "Jobcenterchefen: beskæftigelsesstrategiens perspektiv",
            "talk",
            minutes=15,
            instruction=(
                "Beskæftigelsesstrategiens perspektiv på anvendelse af virksomhedspraktik."
            ),
        ),
        _phase(
            "Praksiseksempler på anvendelse af virksomhedspraktik",
            "practice_examples",
            minutes=30,
            instruction=(
                "Tre sagsbehandlere giver hvert sit praksiseksempel: praktik som afprøvning af "
                "rådighed, intern praktik mhp. opstart på arbejde, og optræning af arbejdsevnen."
            ),
            prompts=["Hvad gjorde du?", "Hvorfor?", "Hvad er den faglige begrundelse?"],
        ),
        _phase(
            "Vidensdeling i to grupper",
            "group_work",
            minutes=60,
            instruction=(
                "Deltagerne deles i to grupper med hver sin ordstyrer. Først en runde, så "
                "dialog mellem dem, der kan bidrage med viden til hinanden."
            ),
            prompts=[
                "Hvordan anvender du oftest virksomhedspraktikker i praksis?",
                "Hvad vil du gerne have viden om ift. at iværksætte virksomhedspraktikker?",
            ],
        ),
        _phase(
            "Opsamling i plenum",
            "round",
            minutes=25,
            instruction="Hver deltager oplyser i plenum:",
            prompts=[
                "Hvad fik jeg særligt øje på ift. hvordan jeg anvender virksomhedspraktik?",
                "Hvad fik jeg af ny viden?",
                "Hvad er evt. fortsat uklart for mig?",
            ],
            rules=["Ordet går på omgang"],
        ),
        _phase(
            "Aftaler om uklarheder og guidelines",
            "summary",
            minutes=5,
            instruction=(
                "Mødelederne sørger for aftaler om, hvordan der tages hånd om uklarheder, og "
                "for at guidelines bliver udarbejdet."
            ),
        ),
    ],
}


ODDER_SAMARBEJDE: dict[str, Any] = {
    "key": "odder-samarbejde-jobkonsulenter",
    "purpose": (
        "Odders læringsmøde om samarbejdet mellem sagsbehandlere og jobkonsulenter fra 2017, "
        "kl. 8.30-11.30, med fire praksiseksempler."
    ),
    "source": f"{_ODDER}, Bilag 3 (dagsorden 3. maj 2017)",
    "meeting_minutes": 180,
    "name": "Læringsmøde om samarbejde med jobkonsulenter (Odder, Bilag 3)",
    "description": (
        "Efter dagsordenen til Jobcenter Odders læringsmøde den 3. maj 2017 om samarbejdet "
        "mellem sagsbehandlere og jobkonsulenter (Bilag 3 i 'Videndeling som læringsstrategi "
        "i socialt arbejde'), kl. 8.30-11.30. To mødeledere; oplæg om gældende rammer og "
        "aftaler, fire praksiseksempler på samarbejde, der fungerede eller blev udfordret, "
        "45 minutter i to grupper (inkl. pause) og 45 minutters fælles opsamling. Produktet "
        "blev guidelines og en henvisning til jobkonsulent."
    ),
    "repeats_per_case": False,
    "facilitator_role": "coordinator",
    "phases": [
        _phase(
            "Rammesætning",
            "talk",
            minutes=5,
            instruction="Mødelederne fortæller, hvilke forhold temaet peger på at undersøge.",
            prompts=[
                "Har vi en fælles forståelse af sagen?",
                "Har vi samme forventninger til håndtering af sagen?",
                "Hvem har ansvar for progression?",
                "Hvad er vores roller og ansvar i sagen?",
                "Hvordan kommunikerer vi - både måden og retorikken?",
            ],
        ),
        _phase(
            "Runden",
            "round",
            minutes=15,
            instruction="Hver deltager fortæller i plenum, hvad de ønsker viden om.",
            prompts=["Hvad vil jeg gerne have svar på eller gå herfra med efter mødet i dag?"],
            rules=["Ordet går på omgang"],
        ),
        _phase(
            "Oplæg: samspil eller samspilsramt",
            "talk",
            minutes=20,
            instruction="Jobcenterchefen om »samspil eller samspilsramt« og de vigtige overgange.",
        ),
        _phase(
            "Oplæg: henvisningen til jobkonsulenterne",
            "talk",
            minutes=10,
            instruction="Projektlederen giver indblik i, hvordan henvisningen håndteres.",
        ),
        _phase(
            "Praksiseksempler",
            "practice_examples",
            minutes=30,
            instruction=(
                "Fire kolleger præsenterer hvert sit eksempel: to, hvor samarbejdet fungerede "
                "optimalt i forhold til det fælles mål, og to, hvor det blev udfordret."
            ),
            prompts=["Hvad gjorde du?", "Hvorfor?", "Hvad er den faglige begrundelse?"],
        ),
        _phase(
            "Drøftelse i to grupper (inkl. pause)",
            "group_work",
            minutes=45,
            instruction=(
                "Grupperne arbejder med fire cases fra praksis og skriver opmærksomhedspunkter "
                "og ønsker til guidelines ned."
            ),
            prompts=[
                "Hvad er formålet med praktikken, og hvordan skal sagen håndteres i forhold "
                "til det?",
                "Hvordan sikres progression (hvem og hvordan)?",
                "Hvad er vores roller og ansvarsfordeling, og hvilke forventninger har vi til "
                "hinanden?",
                "Hvordan taler vi sammen - retorikken og formen?",
            ],
            rules=["Skriv opmærksomhedspunkterne ned"],
        ),
        _phase(
            "Fælles opsamling",
            "summary",
            minutes=45,
            instruction="Grupperne fremlægger, og I samler op på ønskerne til guidelines.",
        ),
        _phase(
            "Afrunding: individuel opsamling",
            "round",
            minutes=10,
            instruction="Hver deltager fortæller i plenum:",
            prompts=[
                "Hvad tager du med dig fra mødet i dag?",
                "Er der noget, du vil ændre i din praksis, og i så fald hvad og hvordan?",
            ],
            rules=["Ordet går på omgang"],
        ),
    ],
}


ODDER_FAGLIG_SPARRING: dict[str, Any] = {
    "key": "odder-faglig-sparring",
    "purpose": (
        "Odders læringsmøde fra 2019, kl. 12.30-15.30, om en fælles skabelon for faglig "
        "sparring på tværfaglige møder."
    ),
    "source": f"{_ODDER}, Bilag 4 (dagsorden 30. januar 2019)",
    "meeting_minutes": 180,
    "name": "Læringsmøde om faglig sparring (Odder, Bilag 4)",
    "description": (
        "Efter dagsordenen til Jobcenter Odders læringsmøde den 30. januar 2019 om faglig "
        "sparring på tværfaglige møder (Bilag 4 i 'Videndeling som læringsstrategi i socialt "
        "arbejde'), kl. 12.30-15.30: rammesætning med tjek-ind og oplæg ved en forsker "
        "(12.30-13.15), pause, gruppearbejde med syv arbejdsspørgsmål (13.25-14.15), pause, "
        "opsamling og fælles skabelon (14.25-15.20) og afrunding med tjek-ud (15.20-15.30)."
    ),
    "repeats_per_case": False,
    "facilitator_role": "coordinator",
    "phases": [
        _phase(
            "Rammesætning: baggrunden for dagens tema",
            "talk",
            minutes=5,
            instruction="Mødelederen præsenterer baggrunden for dagens tema.",
        ),
        _phase(
            "Tjek-ind: 2 minutters stilhed",
            "silence",
            minutes=2,
            instruction="Alle gør sig klart, hvad de vil have med fra dagens møde.",
            rules=["Ingen taler"],
        ),
        _phase(
            "Runden: hvad vil jeg have med?",
            "round",
            minutes=13,
            instruction="Alle deler, hvad de gerne vil have med fra dagens møde.",
            rules=["Ordet går på omgang"],
        ),
        _phase(
            "Oplæg ved ekstern oplægsholder",
            "talk",
            minutes=25,
            instruction=(
                "Forslag til overvejelser om at give og modtage faglig sparring: forberedelse "
                "og tydelighed om, hvilken sparring der er tale om, hvordan en sag kan "
                "præsenteres, og hvad det kræver af deltagere og af styring på mødet."
            ),
        ),
        _phase("Pause", "break", minutes=10, instruction="Ti minutters pause."),
        _phase(
            "Gruppearbejde",
            "group_work",
            minutes=50,
            instruction="Notér jeres overvejelser om arbejdsspørgsmålene på en planche.",
            prompts=[
                "Hvilke faglige problemstillinger egner sig til tværfaglige møder?",
                "Hvem skal forberede sig til mødet? Hvad skal forberedes og hvordan?",
                "Hvordan styres mødet og tiden?",
                "Hvilken rolle har man som deltager, lægekonsulent, psykolog, faglig "
                "koordinator og leder?",
                "Hvordan fremlægges en sag, og hvilke oplysninger er nødvendige at fremlægge?",
                "Hvordan giver vi faglig sparring til hinanden, og hvordan modtager vi det?",
                "Hvordan sikres og styrkes det faglige udbytte af møderne?",
            ],
            rules=["Skriv på en planche"],
        ),
        _phase("Pause", "break", minutes=10, instruction="Ti minutters pause."),
        _phase(
            "Opsamling",
            "summary",
            minutes=55,
            instruction=(
                "Grupperne fremlægger deres overvejelser og diskussioner; I drøfter forskelle "
                "og ligheder og udarbejder en fælles skabelon og aftaler for fremtiden."
            ),
        ),
        _phase(
            "Tjek-ud: 2 minutters stilhed",
            "silence",
            minutes=2,
            instruction="Hvad tager jeg med mig herfra i dag?",
            rules=["Ingen taler"],
        ),
        _phase(
            "Runden: individuelt udbytte",
            "round",
            minutes=8,
            instruction="Vi deler vores individuelle udbytte fra dagen.",
            rules=["Ordet går på omgang"],
        ),
    ],
}


LAERINGSBESOEG: dict[str, Any] = {
    "key": "laeringsbesoeg",
    "purpose": (
        "Det fælles læringsmøde efter et læringsbesøg, hvor en kollega har fulgt en "
        "anden: det ender i tre læringspointer."
    ),
    "source": "Systematiske læringsmøder og læringsbesøg",
    "meeting_minutes": 30,
    "name": "Læringsbesøg - fælles læringsmøde",
    "description": (
        "Efter beskrivelsen af læringsbesøg i materialet om systematiske læringsmøder og "
        "læringsbesøg. En medarbejder følger som læringsagent en kollega en halv eller en "
        "hel arbejdsdag, efter et fælles tjek-ind om, hvad agenten vil lære, hvad kollegaen "
        "synes agenten skal holde øje med, og spilleregler som fortrolighed. Dette format "
        "er det fælles læringsmøde bagefter, der ender i tre læringspointer."
    ),
    "repeats_per_case": False,
    "facilitator_role": "leader",
    "phases": [
        _phase(
            "Refleksioner fra læringsagenten",
            "reflection",
            minutes=10,
            instruction="Læringsagenten fortæller om sine tanker og refleksioner fra dagen.",
            prompts=[
                "Hvad så og hørte du?",
                "Hvilke oplevelser virkede godt?",
                "Hvad kunne eventuelt gøres anderledes?",
            ],
        ),
        _phase(
            "Refleksioner fra kollegaen",
            "response",
            minutes=10,
            instruction="Kollegaen fortæller, hvordan dagen med en læringsagent har været.",
            prompts=[
                "Hvordan var det at have en læringsagent med på arbejde?",
                "Hvilke tanker og refleksioner har dagen givet dig?",
            ],
        ),
        _phase(
            "Tre fælles læringspointer",
            "summary",
            minutes=10,
            instruction=(
                "I bliver sammen enige om tre læringspointer, som kan fremlægges på et senere "
                "personalemøde."
            ),
            rules=["Tre læringspointer", "Skriv dem ned"],
        ),
    ],
}


BUILTIN_FORMATS: list[dict[str, Any]] = [
    TEAMSPARRING,
    FAGLIG_SPARRING,
    SYSTEMATISK_LAERINGSMOEDE,
    TVAERFAGLIGT_MOEDE,
    TEMA_LAERINGSMOEDE,
    LAERINGSBESOEG,
    ODDER_VIRKSOMHEDSPRAKTIK,
    ODDER_SAMARBEJDE,
    ODDER_FAGLIG_SPARRING,
]


def install_builtin_formats() -> None:
    """Create or refresh the built-in formats (team=None) and their phases. Idempotent: the
    demo loader puts them back after a test run has flushed the tables."""
    for data in BUILTIN_FORMATS:
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
