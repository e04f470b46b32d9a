"""Demo people and teams for `make run`. Every name here is invented."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from teams.models import Membership, Organisation, Role, Team, User

DEMO_PASSWORD = "demo1234"


@dataclass(frozen=True)
class DemoPerson:
    username: str
    first_name: str
    last_name: str
    team: str | None
    role: Role | None
    title: str = ""


DEMO_PEOPLE = [
    DemoPerson("leder", "Hanne", "Kjærsgaard", "Team Syd", Role.LEADER),
    DemoPerson("koordinator", "Jonas", "Bech", "Team Syd", Role.COORDINATOR),
    DemoPerson("sagsbehandler1", "Amalie", "Thrane", "Team Syd", Role.CASEWORKER),
    DemoPerson("sagsbehandler2", "Bo", "Sønderby", "Team Syd", Role.CASEWORKER),
    DemoPerson("sagsbehandler3", "Camilla", "Østergård", "Team Syd", Role.CASEWORKER),
    DemoPerson("sagsbehandler4", "Dennis", "Ahlgreen", "Team Syd", Role.CASEWORKER),
    DemoPerson("jobkonsulent", "Eva", "Mølgaard", "Team Syd", Role.GUEST, "Jobkonsulent"),
    DemoPerson("leder.nord", "Frederik", "Husum", "Team Nord", Role.LEADER),
    DemoPerson("sagsbehandler.nord", "Gitte", "Krogh", "Team Nord", Role.CASEWORKER),
    DemoPerson("afdelingsleder", "Henrik", "Vestergaard", None, None),
]


@dataclass(frozen=True)
class DemoTeams:
    organisation: Organisation
    syd: Team
    nord: Team
    users: dict[str, User]


def _person(username: str, first_name: str, last_name: str, *, superuser: bool = False) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "email": f"{username}@demo-kommune.example",
            "is_staff": superuser,
            "is_superuser": superuser,
        },
    )
    if created or not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def load_teams() -> DemoTeams:
    organisation, _ = Organisation.objects.get_or_create(name="Demo Kommune")
    syd, _ = Team.objects.get_or_create(
        slug="team-syd", defaults={"name": "Team Syd", "organisation": organisation}
    )
    nord, _ = Team.objects.get_or_create(
        slug="team-nord", defaults={"name": "Team Nord", "organisation": organisation}
    )
    teams = {"Team Syd": syd, "Team Nord": nord}
    users: dict[str, User] = {}
    for person in DEMO_PEOPLE:
        user = _person(person.username, person.first_name, person.last_name)
        users[person.username] = user
        if person.team is not None and person.role is not None:
            Membership.objects.get_or_create(
                user=user,
                team=teams[person.team],
                defaults={"role": person.role, "title": person.title},
            )
    organisation.department_leaders.add(users["afdelingsleder"])
    users["admin"] = _person("admin", "Ida", "Administrator", superuser=True)
    return DemoTeams(organisation=organisation, syd=syd, nord=nord, users=users)
