"""Demo products for `make run`: the three kinds, written freely after the appendices of the
Odder seed (a guideline for company internships, the referral form to the job consultant, and
the work procedure for interdisciplinary sparring meetings). Names and numbers are invented.

Each is published as version 1 by the coordinator; the work procedure also has a draft with
changes that are not published yet.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from learnings.models import LearningPoint
from products import services
from products.feedback.services import feedback_give
from products.models import Product, ProductKind, ProductUse
from rollups.models import RollupItem
from teams.demo import DemoTeams

GUIDELINE_TITLE = "Virksomhedspraktik efter LAB § 42"
REFERRAL_TITLE = "Henvisning til jobkonsulent"
PROCEDURE_TITLE = "Arbejdsgang ved tværfaglige sparringsmøder"

GUIDELINE: dict[str, Any] = {
    "purpose": (
        "Et fælles grundlag for, hvornår og hvordan vi bruger virksomhedspraktik til "
        "sygemeldte borgere, så borgeren møder den samme faglige praksis, uanset hvem der "
        "har sagen.\n\n"
        "- Hvornår kan praktik sættes i gang efter loven?\n"
        "- Hvilke krav stiller vi i jobcentret, før praktikken starter?\n"
        "- Hvordan bruger vi den viden, vi allerede har i teamet og hos jobkonsulenterne?"
    ),
    "legal_basis": (
        "Lov om en aktiv beskæftigelsesindsats (LAB) § 42 om virksomhedspraktik. "
        "Helbredsoplysninger indgår efter reglerne om sygedagpenge og jobafklaring."
    ),
    "sections": [
        {
            "title": "Hvornår og hvordan vi bruger virksomhedspraktik",
            "kind": "table",
            "columns": [
                "Anvendes til",
                "Mål for indsatsen",
                "Forsørgelse",
                "Administrative krav",
            ],
            "rows": [
                [
                    "**Afklaring.** Når borgeren ikke kan vende tilbage til sit hidtidige "
                    "arbejde. Behandlingsmulighederne skal være udtømte, og det skal være "
                    "undersøgt, om hjælpemidler kan fastholde borgeren i jobbet. Der skal "
                    "foreligge lægelig dokumentation for symptomer og skånehensyn.",
                    "Afklaring af arbejdsevnen, af fagområdet eller af andre funktioner på "
                    "den nuværende arbejdsplads.",
                    "Sygedagpenge eller ressourceforløbsydelse under jobafklaring.",
                    "Plan for indsatsen.",
                ],
                [
                    "**Optræning.** Når borgeren skal starte på nedsat tid og trappe "
                    "gradvist op, eller skifte jobområde og lære nye arbejdsfunktioner. "
                    "Hjælpemidler kan afprøves som en del af praktikken.",
                    "Opkvalificering af arbejdsevnen, herunder afklaring af arbejdstiden, "
                    "når ordinær beskæftigelse er realistisk.",
                    "Revalideringsydelse. Løntilskud kun for borgere uden arbejdsgiver.",
                    "Rehabiliteringsplanens forberedende del og lægeattest.",
                ],
                [
                    "**Rådighed.** Når borgeren med et kortere forløb skal vise, at "
                    "vedkommende kan stå til rådighed for arbejdsmarkedet, fx over for "
                    "a-kassen.",
                    "Et kort forløb med optrapning af arbejdstiden, så rådigheden kan "
                    "dokumenteres.",
                    "Sygedagpenge eller ressourceforløbsydelse under jobafklaring.",
                    "Plan for indsatsen. Eventuelt en samarbejdsaftale med a-kassen.",
                ],
            ],
        },
        {
            "title": "Faglige pejlemærker",
            "kind": "text",
            "text": (
                "- Vurderingen bygger altid på en helhedsvurdering af borgerens situation: "
                "personlige, sociale og faglige ressourcer.\n"
                "- Borgerens egne mål står i planen, før vi vælger praktikstedet.\n"
                "- Praktikken har et klart formål, som virksomheden kender fra første dag.\n"
                "- Aftal med jobkonsulenten, hvem der tager den første kontakt til "
                "virksomheden.\n"
                "- Sæt en dato for den første opfølgning, når praktikken starter, og følg op "
                "mindst hver fjerde uge."
            ),
        },
    ],
    "tools": [
        {"number": "DOK-2024-11", "title": "Vejledning til borgeren om virksomhedspraktik"},
        {"number": "DOK-2024-12", "title": "Henvisning til jobkonsulent"},
        {"number": "DOK-2024-13", "title": "Skema til opfølgning hos virksomheden"},
        {"number": "DOK-2024-14", "title": "Plan for optrapning af arbejdstid"},
        {"number": "DOK-2024-19", "title": "Rehabiliteringsplanens forberedende del"},
    ],
    "references": [
        {
            "kind": "letter",
            "title": "Retsinformation: lov om en aktiv beskæftigelsesindsats",
            "url": "https://www.retsinformation.dk/",
        },
        {"kind": "law_guide", "title": "Tilbud om virksomhedspraktik", "url": ""},
        {"kind": "law_guide", "title": "Revalidering i virksomhedspraktik", "url": ""},
        {"kind": "guidance", "title": "Ingen særskilt vejledning; brug lovguiden", "url": ""},
        {"kind": "principle_decision", "title": "Ingen relevante på området", "url": ""},
    ],
}

REFERRAL: dict[str, Any] = {
    "purpose": (
        "Bruges, når sagsbehandleren beder jobkonsulenten om at finde og følge en "
        "virksomhedspraktik. Skriv kort og konkret: jobkonsulenten skal kunne gå i gang "
        "uden at ringe og spørge. Spørgsmålene under hvert felt er en hjælp, ikke et krav."
    ),
    "fields": [
        {"label": "Dato", "guidance": []},
        {"label": "Sagsbehandler", "guidance": []},
        {"label": "Borgerens navn og CPR-nummer", "guidance": []},
        {
            "label": "Kontaktoplysninger (telefon og mail)",
            "guidance": ["Kan borgeren kun kontaktes på én måde, fx mail? Skriv det her."],
        },
        {
            "label": "Den aktuelle sygemelding",
            "guidance": [
                "Hvornår var første sygedag, og hvornår skal sagen revurderes?",
                "Hvad er borgeren sygemeldt med, og hvad førte til sygemeldingen?",
                "Er der tidligere sygemeldinger, der har betydning nu?",
                "Er der behandling i gang eller på vej, og på hvilke faste dage og tidspunkter?",
                "Er der andre belastninger, fx økonomi, familie eller skilsmisse, som påvirker "
                "situationen?",
                "Er der andre indsatser i gang, fx mentor eller et tilbud?",
            ],
        },
        {
            "label": "Skånehensyn",
            "guidance": ["Fx nedsat tid, behov for pauser eller følsomhed over for støj."],
        },
        {
            "label": "Formålet med praktikken",
            "guidance": [
                "Hvilken retning sigter vi mod: eget fag, et andet fag eller andre opgaver?",
                "Hvad skal praktikken bruges til, og hvad skal den vise?",
                "Hvilket omfang af beskæftigelse forventer vi bagefter: fuld tid, deltid, "
                "med hjælpemidler eller personlig assistance?",
            ],
        },
        {
            "label": "Delmål",
            "guidance": ["Hvilke udfordringer skal praktikken tage fat på først?"],
        },
        {
            "label": "Handicapkompenserende ordninger",
            "guidance": ["Er der brug for hjælpemidler eller personlig assistance?"],
        },
        {
            "label": "Plan og rammer for praktikken",
            "guidance": [
                "Hvor mange timer om ugen starter borgeren med, og hvorfor netop det?",
                "Hvilke dage arbejder borgeren?",
                "Hvordan og hvornår forventer vi, at timetallet kan øges?",
                "Hvor længe skal praktikken vare, og hvorfor?",
                "Rammerne aftales endeligt med arbejdsgiveren.",
            ],
        },
        {
            "label": "Bilag",
            "guidance": [
                "CV skal altid med.",
                "Andet relevant materiale, fx rehabiliteringsplan eller lægeudtalelser.",
            ],
        },
    ],
}

PROCEDURE_SECTIONS = [
    (
        "Tid, sted og deltagere",
        "Vi mødes hver torsdag kl. 12.45-14.30 i mødelokale 3.\n\n"
        "Med er sagsbehandlerne fra én af teamets to grupper (grupperne skifter hver uge), "
        "jobkonsulenten, lægekonsulenten, psykologen (sidste torsdag i ulige uger), "
        "afdelingslederen og den faglige koordinator. Sagsbehandleren kan invitere andre, "
        "når sagen kræver det.",
    ),
    (
        "Formål og indhold",
        "Vi tager komplekse sager op, hvor tværfaglig sparring gør en forskel:\n\n"
        "- sager, der er gået i stå\n"
        "- sager, hvor timingen af en indsats skal afklares\n"
        "- sager, hvor de faglige argumenter for en afgørelse skal skærpes",
    ),
    (
        "Forberedelse",
        "Sæt sagen på dagsordenen senest dagen før kl. 12. Skriv, hvad du ønsker sparring "
        "på, og hvad de andre skal vide for at kunne give den. Alle læser dagsordenen før "
        "mødet. Lægelige akter afleveres til lægekonsulenten samme morgen.\n\n"
        "Jobkonsulenter kan også sætte en sag på, efter aftale med sagsbehandleren; så er "
        "det jobkonsulenten, der fremlægger, fordi det giver et andet perspektiv. Sager uden "
        "for dagsordenen tages til sidst, hvis der er tid.",
    ),
    (
        "Styring",
        "Den faglige koordinator er ordstyrer, holder tiden og fastholder, at vi sparrer ud "
        "fra viden og faglige begrundelser. Koordinatoren og sagens ansvarlige samler op "
        "sammen til sidst.\n\n"
        "For hver sag vælges en observatør, som bagefter siger, hvad der var relevant viden, "
        "og hvor vi kan stramme op.",
    ),
    (
        "Deltagernes roller",
        "- **Den, der har sagen med:** er præcis om, hvorfor sagen bringes frem, og hvilken "
        "viden de andre har brug for.\n"
        "- **Det øvrige team:** bidrager med relevant viden og erfaring fra eget fagområde, "
        "som ikke allerede er sagt.\n"
        "- **Lægekonsulenten:** bidrager med viden om diagnoser, sygdomme og symptomer som "
        "en del af den samlede socialfaglige drøftelse.\n"
        "- **Koordinatoren:** styrer tiden, faciliterer sparringen og samler op.\n"
        "- **Afdelingslederen:** holder sig orienteret og er med til at fastlægge niveauet "
        "for bevillinger, nye tiltag og afgørelser.\n"
        "- **Observatøren:** giver efter hver sag feedback på fremlæggelsen og drøftelsen.",
    ),
    (
        "Fremlæggelse",
        "Højst to minutter. Sig tydeligt på dagsordenen og på mødet, hvilken slags sparring "
        "du ønsker (»varedeklarationen«). Koordinatoren afslutter drøftelsen, når vi har "
        "været det nødvendige igennem; den ansvarlige kan også selv sige stop, når "
        "udbyttet er nået.",
    ),
    (
        "Sparringskultur",
        "Viden og erfaring frem for meninger og synsninger. Vi er nysgerrige på hinanden, "
        "tør udfordre og være fagligt uenige.\n\n"
        "Den ansvarlige fremlægger; derefter bidrager de, der kender sagen, og til sidst "
        "resten af teamet, ved håndsoprækning og efter tur.",
    ),
    (
        "Kvalitetssikring",
        "Observatøren giver feedback efter hver sag. Hvert kvartal ser koordinatoren på, om "
        "møderne giver det faglige udbytte, vi ønsker, og tager det op på teammødet.",
    ),
]

PROCEDURE: dict[str, Any] = {
    "to": "Team Syd, jobkonsulenter og lægekonsulent",
    "purpose": "Fælles praksis for, hvordan vi forbereder og holder de ugentlige tværfaglige "
    "sparringsmøder.",
    "sections": [
        {"title": title, "kind": "text", "text": text} for title, text in PROCEDURE_SECTIONS
    ],
}

# The draft after version 1: a new room and time, and psychologists every week.
PROCEDURE_DRAFT_FIRST_SECTION = (
    "Vi mødes hver torsdag kl. 13.00-14.30 i mødelokale 5.\n\n"
    "Med er sagsbehandlerne fra én af teamets to grupper (grupperne skifter hver uge), "
    "jobkonsulenten, lægekonsulenten, psykologen (hver torsdag), afdelingslederen og den "
    "faglige koordinator. Sagsbehandleren kan invitere andre, når sagen kræver det."
)


def _procedure_draft() -> dict[str, Any]:
    sections = [dict(section) for section in PROCEDURE["sections"]]
    sections[0]["text"] = PROCEDURE_DRAFT_FIRST_SECTION
    return {**PROCEDURE, "sections": sections}


@transaction.atomic
def load_products(teams: DemoTeams) -> list[Product]:
    """Create the three demo products unless a product with the title exists already."""
    coordinator = teams.users["koordinator"]
    created = []
    points = LearningPoint.objects.filter(team=teams.syd)
    practice_points = list(points.filter(text__icontains="praktik")[:3])
    consultant_points = list(points.filter(text__icontains="jobkonsulent")[:3])
    consultant_items = list(
        RollupItem.objects.filter(
            rollup__team=teams.syd, title__icontains="jobkonsulent"
        ).order_by("id")[:2]
    )
    meetings = {point.meeting for point in consultant_points if point.meeting}
    # Title, kind, content, themes, and what the product came from (product_create's source_*).
    demo: list[tuple[str, ProductKind, dict[str, Any], list[str], dict[str, list[Any]]]] = [
        (
            GUIDELINE_TITLE,
            ProductKind.GUIDELINE,
            GUIDELINE,
            ["Virksomhedspraktik", "Sygedagpenge"],
            {"source_learning_points": practice_points},
        ),
        (
            REFERRAL_TITLE,
            ProductKind.REFERRAL_FORM,
            REFERRAL,
            ["Samarbejde med jobkonsulenter", "Virksomhedspraktik"],
            {
                "source_learning_points": consultant_points,
                "source_meetings": list(meetings),
                "source_rollup_items": consultant_items,
            },
        ),
        (
            PROCEDURE_TITLE,
            ProductKind.WORK_PROCEDURE,
            PROCEDURE,
            ["Tværfaglige møder", "Sparring"],
            {},
        ),
    ]
    for title, kind, content, themes, sources in demo:
        if Product.objects.filter(organisation=teams.organisation, title=title).exists():
            continue
        product = services.product_create(
            organisation=teams.organisation,
            team=teams.syd,
            kind=kind,
            title=title,
            responsible=coordinator,
            created_by=coordinator,
            themes=themes,
            content=content,
            **sources,
        )
        services.product_publish(
            product=product,
            user=coordinator,
            revision=product.draft_revision,
            change_note="Første version, skrevet efter læringsmødet.",
        )
        if kind == ProductKind.WORK_PROCEDURE:
            product.refresh_from_db()
            services.product_save_draft(
                product=product,
                user=coordinator,
                revision=product.draft_revision,
                title=title,
                content=_procedure_draft(),
            )
        created.append(product)
    _feedback(teams)
    return created


FEEDBACK = [
    ("sagsbehandler1", ProductUse.YES, "Et eksempel på en praktikaftale med en lille virksomhed."),
    (
        "sagsbehandler3",
        ProductUse.PARTLY,
        "Hvornår jobkonsulenten skal med ind over; det står ikke.",
    ),
    ("sagsbehandler4", ProductUse.NO, ""),
]


def _feedback(teams: DemoTeams) -> None:
    """Feedback from the caseworkers on the published guideline."""
    guideline = Product.objects.filter(
        organisation=teams.organisation, title=GUIDELINE_TITLE, latest_version__isnull=False
    ).first()
    if guideline is None or guideline.feedback.exists():
        return
    for username, used, missing in FEEDBACK:
        feedback_give(product=guideline, author=teams.users[username], used=used, missing=missing)
