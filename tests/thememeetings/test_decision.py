"""The working group picks a theme and decides its meeting: the form, the time and place, the
host team, the invited teams and outside experts, and two meeting leaders. The meeting is
planned through the meetings app with both leaders and the invited teams' members."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Format
from tests.thememeetings.conftest import decide, propose, working_group
from thememeetings import services
from thememeetings.models import Theme, ThemeStatus


def _form(world, **overrides):
    format = Format.objects.builtin().get(key="tema-laeringsmoede")
    return {
        "format": format.pk,
        "starts_at": (timezone.localtime() + timedelta(days=20)).strftime("%Y-%m-%dT08:30"),
        "place": "Mødelokale 2",
        "host_team": world.syd.pk,
        "invited_teams": [world.nord.pk],
        "guests": "Leif Hansen, forsker\nMartin Borch, afdelingsleder i Aarhus",
        "leader_1": world.users["coordinator"].pk,
        "leader_2": world.users["caseworker"].pk,
        **overrides,
    }


def test_deciding_plans_the_meeting_with_two_leaders_and_the_invited_teams(client, world, theme):
    working_group(world)
    client.force_login(world.users["department_leader"])
    url = reverse("thememeetings:decide", args=[theme.pk])
    form = client.get(url).content.decode()
    assert "Læringsmøde om et tema" in form
    response = client.post(url, _form(world))
    theme.refresh_from_db()
    meeting = theme.meeting
    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:detail", args=[meeting.pk])
    assert theme.status == ThemeStatus.CHOSEN
    assert meeting.format.key == "tema-laeringsmoede"
    assert meeting.title == theme.title and meeting.team == world.syd
    assert meeting.facilitator == world.users["coordinator"]
    assert meeting.co_facilitator == world.users["caseworker"]
    participants = set(meeting.participants.values_list("username", flat=True))
    assert {"leader", "caseworker", "other_leader", "other_caseworker"} <= participants
    assert "outsider" not in participants and "department_leader" not in participants
    assert [(g.name, g.role) for g in theme.external_guests.all()] == [
        ("Leif Hansen", "forsker"),
        ("Martin Borch", "afdelingsleder i Aarhus"),
    ]
    page = client.get(response["Location"]).content.decode()
    assert "Leif Hansen" in page and "Produkt og opfølgning" in page


def test_the_invited_team_sees_the_meeting_and_the_proposer_sees_it_chosen(client, world, theme):
    working_group(world)
    meeting = decide(world, theme)
    client.force_login(world.users["other_caseworker"])
    assert client.get(reverse("meetings:detail", args=[meeting.pk])).status_code == 200
    client.force_login(world.users["caseworker"])
    page = client.get(
        reverse("thememeetings:backlog", args=[world.syd.organisation_id])
    ).content.decode()
    assert "Valgt" in page and reverse("meetings:detail", args=[meeting.pk]) in page


def test_two_different_leaders_are_needed(client, world, theme):
    working_group(world)
    client.force_login(world.users["coordinator"])
    leader = world.users["coordinator"].pk
    html = client.post(
        reverse("thememeetings:decide", args=[theme.pk]), _form(world, leader_2=leader)
    ).content.decode()
    assert "Vælg to forskellige mødeledere." in html
    assert Theme.objects.get().status == ThemeStatus.PROPOSED


def test_only_the_working_group_decides(client, world, theme):
    working_group(world)
    url = reverse("thememeetings:decide", args=[theme.pk])
    for who in ("leader", "caseworker", "other_leader"):
        client.force_login(world.users[who])
        assert client.post(url, _form(world)).status_code == 403
    assert Theme.objects.get().meeting is None


def test_a_chosen_theme_cannot_be_chosen_again(world, theme):
    decide(world, theme)
    with pytest.raises(services.ThemeRefused):
        decide(world, theme)


def test_choosing_moves_the_themes_after_it_up(world):
    first, second, third = (propose(world, title) for title in ("Første", "Anden", "Tredje"))
    for position, theme in enumerate((first, second, third), 1):
        services.theme_prioritise(theme=theme, position=position)
    decide(world, first)
    assert list(
        Theme.objects.exclude(status=ThemeStatus.CHOSEN)
        .backlog()
        .values_list("position", flat=True)
    ) == [1, 2]


def test_a_team_of_another_organisation_is_refused(world, theme):
    from tests.factories import OrganisationFactory, TeamFactory

    elsewhere = TeamFactory(organisation=OrganisationFactory(name="Andet sted"), slug="andet")
    with pytest.raises(services.ThemeRefused):
        services.theme_decide(
            theme=theme,
            format=Format.objects.builtin().get(key="tema-laeringsmoede"),
            starts_at=timezone.now() + timedelta(days=3),
            place="",
            host_team=world.syd,
            invited_teams=[elsewhere],
            guests=[],
            leaders=(world.users["coordinator"], world.users["caseworker"]),
        )
