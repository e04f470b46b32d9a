from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from teams.models import Role, Team, User
from teams.oidc import provider as oidc_provider_module
from tests.factories import MembershipFactory, OrganisationFactory, TeamFactory, UserFactory
from tests.oidc_provider import LocalProvider


@dataclass
class World:
    """Two teams of one organisation, with a person in every role, for permission tests."""

    syd: Team
    nord: Team
    users: dict[str, User]

    def user(self, who: str) -> User | None:
        return self.users.get(who)


ROLES_IN_SYD = {
    "leader": Role.LEADER,
    "coordinator": Role.COORDINATOR,
    "caseworker": Role.CASEWORKER,
    "guest": Role.GUEST,
}


@pytest.fixture
def world(db) -> World:
    return make_world()


def make_world() -> World:
    organisation = OrganisationFactory(name="Testkommune")
    syd = TeamFactory(organisation=organisation, name="Team Syd", slug="syd")
    nord = TeamFactory(organisation=organisation, name="Team Nord", slug="nord")
    users: dict[str, User] = {}
    for who, role in ROLES_IN_SYD.items():
        users[who] = MembershipFactory(team=syd, role=role, user__username=who).user
    users["caseworker2"] = MembershipFactory(
        team=syd, role=Role.CASEWORKER, user__username="caseworker2"
    ).user
    users["other_leader"] = MembershipFactory(
        team=nord, role=Role.LEADER, user__username="other_leader"
    ).user
    users["other_caseworker"] = MembershipFactory(
        team=nord, role=Role.CASEWORKER, user__username="other_caseworker"
    ).user
    department_leader = UserFactory(username="department_leader")
    organisation.department_leaders.add(department_leader)
    users["department_leader"] = department_leader
    users["outsider"] = UserFactory(username="outsider")
    return World(syd=syd, nord=nord, users=users)


@pytest.fixture
def oidc_provider(settings) -> Iterator[LocalProvider]:
    """A real OpenID Connect provider on this machine, and single sign-on on against it."""
    provider = LocalProvider().start()
    # A provider of an earlier test may have had the same address: its document is forgotten.
    oidc_provider_module._documents.clear()
    settings.TEAMLAERING_OIDC_ISSUER = provider.issuer
    settings.OIDC_RP_CLIENT_ID = provider.client_id
    settings.OIDC_RP_CLIENT_SECRET = provider.client_secret
    yield provider
    provider.stop()
