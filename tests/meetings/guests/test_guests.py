"""Guests from outside the team: invited by name, role and e-mail to one meeting, they follow
it through a link valid for that meeting only, until some hours after it ends, and revocable;
nothing else of the team opens to it."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.guests.models import LINK_HOURS_AFTER, MeetingGuest
from meetings.guests.services import guest_invite, guest_revoke
from meetings.models import Meeting, MeetingStatus
from meetings.services import ActionRefused
from tests.factories import make_meeting


@pytest.fixture
def meeting(world):
    return make_meeting(
        team=world.syd,
        facilitator=world.users["leader"],
        participants=[world.users["leader"], world.users["caseworker"]],
        starts_at=timezone.now() + timedelta(hours=1),
    )


def invite(meeting, world, mailoutbox, capture, **changes) -> str:
    """Invite a guest and return the path of the link in their e-mail."""
    values = {
        "name": "Karen Holm",
        "role": "Jobkonsulent, Ydelsescenteret",
        "email": "karen@example.dk",
        "may_write_points": False,
        "invited_by": world.users["leader"],
    }
    values.update(changes)
    with capture(execute=True):
        guest_invite(meeting=meeting, **values)
    body = mailoutbox[-1].body
    return re.search(r"https?://[^/\s]+(/moeder/\S+)", body).group(1)


def test_the_invitation_mails_a_link_for_that_meeting(
    world, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    path = invite(meeting, world, mailoutbox, django_capture_on_commit_callbacks)
    assert mailoutbox[-1].to == ["karen@example.dk"]
    assert path.startswith(f"/moeder/{meeting.pk}/gaest/")
    assert mailoutbox[-1].attachments[0][2] == "text/calendar"
    # Only the link's hash is kept.
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert not MeetingGuest.objects.filter(token_hash=token).exists()


def test_the_guest_follows_the_meeting_without_an_account(
    client, world, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    path = invite(meeting, world, mailoutbox, django_capture_on_commit_callbacks)
    response = client.get(path)
    assert response.status_code == 200
    page = response.content.decode()
    assert meeting.title in page
    assert "Aktuel fase" in page
    assert "Du følger mødet som gæst" in page
    # Read-only: no controls, no links into the team's pages.
    assert "Start møde" not in page
    assert f'href="{reverse("meetings:detail", args=[meeting.pk])}"' not in page
    assert 'data-stream-url=""' in page
    assert f"{path}tilstand/" in page


def test_the_guest_poll_answers_204_until_the_meeting_changes(
    client, world, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    path = invite(meeting, world, mailoutbox, django_capture_on_commit_callbacks)
    poll = f"{path}tilstand/"
    assert client.get(poll, {"v": meeting.version}).status_code == 204
    changed = client.get(poll, {"v": meeting.version - 1}, headers={"HX-Request": "true"})
    assert changed.status_code == 200
    assert "runner-state" in changed.content.decode()
    assert client.get(f"{path}felter/").status_code == 200


def test_a_link_opens_no_other_meeting(
    client, world, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    path = invite(meeting, world, mailoutbox, django_capture_on_commit_callbacks)
    other = make_meeting(
        team=world.nord,
        facilitator=world.users["other_leader"],
        participants=[world.users["other_leader"]],
    )
    same_team = make_meeting(
        team=world.syd, facilitator=world.users["leader"], participants=[world.users["leader"]]
    )
    for target in (other, same_team):
        foreign = path.replace(f"/moeder/{meeting.pk}/", f"/moeder/{target.pk}/")
        assert client.get(foreign).status_code == 404
        assert client.get(f"{foreign}tilstand/").status_code == 404
    # And the link signs nobody in: the team's pages stay closed.
    client.get(path)
    assert client.get(reverse("meetings:detail", args=[meeting.pk])).status_code == 302
    assert client.get(reverse("meetings:minutes", args=[meeting.pk])).status_code == 302


def test_a_made_up_link_is_404(client, meeting):
    assert (
        client.get(reverse("meetings:guest_follow", args=[meeting.pk, "gaet"])).status_code == 404
    )


def test_the_link_expires_hours_after_the_meeting_ends(
    client, world, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    path = invite(meeting, world, mailoutbox, django_capture_on_commit_callbacks)
    ended = timezone.now() - timedelta(hours=LINK_HOURS_AFTER - 1)
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.FINISHED, ended_at=ended)
    assert client.get(path).status_code == 200
    Meeting.objects.filter(pk=meeting.pk).update(
        ended_at=timezone.now() - timedelta(hours=LINK_HOURS_AFTER, minutes=1)
    )
    assert client.get(path).status_code == 404
    assert client.get(f"{path}tilstand/").status_code == 404


def test_a_running_meeting_keeps_the_link_open_past_its_planned_end(world, meeting):
    guest = MeetingGuest.objects.create(
        meeting=meeting, name="A", role="B", email="a@example.dk", token_hash="x" * 64
    )
    Meeting.objects.filter(pk=meeting.pk).update(
        status=MeetingStatus.RUNNING, starts_at=timezone.now() - timedelta(days=1)
    )
    guest.refresh_from_db()
    assert guest.is_valid(timezone.now())


def test_a_revoked_link_is_404(
    client, world, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    path = invite(meeting, world, mailoutbox, django_capture_on_commit_callbacks)
    guest_revoke(guest=MeetingGuest.objects.get())
    assert client.get(path).status_code == 404


def test_the_leader_invites_and_revokes_on_the_guests_page(
    client, world, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(world.users["leader"])
    url = reverse("meetings:guests", args=[meeting.pk])
    page = client.get(url).content.decode()
    assert "Inviter gæst" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"name": "Karen Holm", "role": "Forsker", "email": "karen@example.dk"}
        )
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    guest = MeetingGuest.objects.get()
    page = client.get(url).content.decode()
    assert "Karen Holm" in page and "Tilbagekald" in page
    client.post(reverse("meetings:guest_revoke", args=[meeting.pk, guest.pk]))
    guest.refresh_from_db()
    assert guest.revoked_at is not None


def test_bad_input_is_told_next_to_the_field_and_kept(client, world, meeting):
    client.force_login(world.users["leader"])
    response = client.post(
        reverse("meetings:guests", args=[meeting.pk]),
        {"name": "Karen 010190-1234", "role": "Forsker", "email": "ikke en adresse"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "CPR-nummer" in page
    assert "ikke en adresse" in page
    assert not MeetingGuest.objects.exists()


def test_a_held_meeting_takes_no_new_guests(world, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.FINISHED)
    meeting.refresh_from_db()
    with pytest.raises(ActionRefused):
        guest_invite(
            meeting=meeting,
            name="A",
            role="B",
            email="a@example.dk",
            may_write_points=False,
            invited_by=world.users["leader"],
        )


@pytest.mark.parametrize(("who", "status"), [("caseworker", 403), ("other_leader", 404)])
def test_only_who_runs_the_meeting_invites(client, world, meeting, who, status):
    client.force_login(world.users[who])
    assert client.get(reverse("meetings:guests", args=[meeting.pk])).status_code == status
