import factory
from factory.django import DjangoModelFactory

from teams.models import Membership, Organisation, Role, Team, User

PASSWORD = "test-adgangskode-1"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    first_name = factory.Faker("first_name", locale="da_DK")
    last_name = factory.Faker("last_name", locale="da_DK")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.dk")
    password = factory.django.Password(PASSWORD)


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Kommune {n}")


class TeamFactory(DjangoModelFactory):
    class Meta:
        model = Team

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Team {n}")
    slug = factory.Sequence(lambda n: f"team-{n}")


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    team = factory.SubFactory(TeamFactory)
    role = Role.CASEWORKER


def make_format(*, team=None, key: str = "", phases=None, repeats_per_case: bool = True):
    """A format with phases given as (name, kind, minutes, per_case) or with per-person rounds
    as (name, "round", None, per_case, minutes_per_person)."""
    from meetings.models import Format, FormatPhase

    format = Format.objects.create(
        team=team, key=key, name=key or "Testformat", repeats_per_case=repeats_per_case
    )
    for position, phase in enumerate(
        phases
        or [
            ("Præsentation", "presentation", 5, True),
            ("Refleksion", "reflection", 10, True),
            ("Runde", "round", 10, True),
            ("Opsamling", "summary", 5, True),
        ]
    ):
        name, kind, minutes, per_case, *per_person = phase
        FormatPhase.objects.create(
            format=format,
            position=position,
            name=name,
            kind=kind,
            minutes=minutes,
            minutes_per_person=per_person[0] if per_person else None,
            per_case=per_case,
            prompts="Hvilke styrker ser I?\nHvilke udfordringer ser I?",
            rules="Ingen diskussion",
        )
    return format


def make_meeting(*, team, facilitator, participants, cases: int = 1, format=None, starts_at=None):
    from django.utils import timezone

    from meetings import services

    meeting = services.meeting_plan(
        team=team,
        format=format or make_format(key=f"fmt-{team.pk}-{cases}-{timezone.now().timestamp()}"),
        title="Teammøde",
        starts_at=starts_at or timezone.now(),
        place="Mødelokale 1",
        facilitator=facilitator,
        participants=participants,
        agenda_titles=[f"Sag {number}" for number in range(1, cases + 1)],
    )
    return meeting


def make_case(*, meeting, user, title: str = "Mor med to børn", **fields):
    from cases.models import Case

    defaults = {
        "sparring_wanted": "Hvordan kommer vi videre?",
        "sparring_type": "stalled",
        "background": "Familien har haft kontakt til kommunen i to år.",
        "timeline": [{"date": "2025-03-04", "event": "Underretning fra skolen"}],
        "genogram": [{"a": "mor", "relation": "forælder til", "b": "barn 1"}],
    }
    return Case.objects.create(
        team=meeting.team, meeting=meeting, submitted_by=user, title=title, **defaults | fields
    )


def make_visit(*, team, agent, colleague, day=None, checked_in=False, closed=False):
    """A learning visit (visits), planned by the agent; checked in and closed when asked."""
    from datetime import timedelta

    from django.utils import timezone

    from visits import services

    visit = services.visit_plan(
        team=team,
        agent=agent,
        colleague=colleague,
        date=day or timezone.localdate() - timedelta(days=1),
        length="whole",
        planned_by=agent,
    )
    if checked_in or closed:
        visit = services.visit_check_in(
            visit=visit,
            wants_to_learn="Blive bedre til svære samtaler.",
            focus="Hvordan jeg indleder samtalen.",
            ground_rules=["Vi holder pauserne for os selv."],
        )
    if closed:
        visit = services.visit_close(
            visit=visit,
            agent_seen="En samtale med en borger om praktik.",
            agent_worked="Den rolige start.",
            agent_differently="Aftal næste skridt skriftligt.",
            colleague_experience="Godt, lidt usædvanligt.",
            colleague_thoughts="Jeg vil forberede mig mere.",
            points=["Første punkt.", "Andet punkt.", "Tredje punkt."],
        )
    return visit
