"""Every URL by every role by own or other team, with the status each must answer.

Team Syd is "own team" for leader, coordinator, caseworker and guest; Team Nord's leader and
caseworker are "the other team"; the department leader leads the organisation of both; an
outsider is signed in but in no team.

The matrix covers every URL by construction: test_every_url_has_a_row walks Django's URL
resolver, so a new page cannot be added without saying here who may reach it. A refused POST
(403 or 404, or anonymous and sent to the login page) must also leave the database as it was.
"""

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import pytest
from django.apps import apps
from django.http import HttpResponse
from django.urls import URLPattern, URLResolver, get_resolver, path, reverse

from tests.conftest import World

WHO = (
    "anonymous",
    "leader",
    "coordinator",
    "caseworker",
    "guest",
    "department_leader",
    "other_leader",
    "other_caseworker",
    "outsider",
)
SIGNED_IN = WHO[1:]


def expect(default: int, *, anonymous: int = 302, **overrides: int) -> dict[str, int]:
    unknown = set(overrides) - set(WHO)
    assert not unknown, f"unknown roles in the matrix: {unknown}"
    return {"anonymous": anonymous, **dict.fromkeys(SIGNED_IN, default), **overrides}


@dataclass(frozen=True)
class Route:
    name: str
    kwargs: Callable[[World], dict] = field(default=lambda world: {})
    method: str = "get"
    data: Callable[[World], dict] = field(default=lambda world: {})


OTHER_TEAM_404 = {"other_leader": 404, "other_caseworker": 404, "outsider": 404}
LEADING_ONLY = {"caseworker": 403, "guest": 403, "department_leader": 403, **OTHER_TEAM_404}


def _syd_meeting(world: World):
    from meetings.models import Meeting
    from tests.factories import make_meeting

    existing = Meeting.objects.filter(team=world.syd, title="Teammøde").first()
    return existing or make_meeting(
        team=world.syd,
        facilitator=world.users["leader"],
        participants=[world.users["leader"], world.users["caseworker"]],
    )


def _meeting_pk(world: World) -> dict:
    return {"pk": _syd_meeting(world).pk}


def _reflecting_meeting_pk(world: World) -> dict:
    """A running Team Syd meeting in the reflection on the caseworker's case: only the case
    owner writes notes now."""
    from meetings import services
    from meetings.models import Meeting
    from tests.factories import make_format, make_meeting

    meeting = Meeting.objects.filter(team=world.syd, title="Refleksion i gang").first()
    if meeting is None:
        meeting = make_meeting(
            team=world.syd,
            facilitator=world.users["leader"],
            participants=[world.users["leader"], world.users["caseworker"]],
            format=make_format(
                key="matrix-reflection", phases=[("Refleksion", "reflection", 10, True)]
            ),
        )
        Meeting.objects.filter(pk=meeting.pk).update(title="Refleksion i gang")
        meeting.agenda_items.update(owner=world.users["caseworker"])
        meeting.refresh_from_db()
        services.meeting_start(meeting_id=meeting.pk, version=meeting.version)
    return {"pk": meeting.pk}


def _observed_meeting_pk(world: World) -> dict:
    """A planned Team Syd meeting whose format has an observer per case."""
    from meetings.models import Meeting
    from tests.factories import make_format, make_meeting

    meeting = Meeting.objects.filter(team=world.syd, title="Med observatør").first()
    if meeting is None:
        meeting = make_meeting(
            team=world.syd,
            facilitator=world.users["leader"],
            participants=[world.users["leader"], world.users["caseworker"]],
            format=make_format(
                key="matrix-observer",
                phases=[("Observatørens feedback", "observation", 3, True)],
            ),
        )
        Meeting.objects.filter(pk=meeting.pk).update(title="Med observatør")
        meeting.agenda_items.update(owner=world.users["caseworker"])
    return {"pk": meeting.pk}


def _grouped_meeting(world: World):
    """A Team Syd meeting in its group work, the leader and the caseworker in its one group."""
    from meetings import services
    from meetings.groups import services as group_services
    from meetings.models import Meeting
    from tests.factories import make_format, make_meeting

    meeting = Meeting.objects.filter(team=world.syd, title="Gruppearbejde").first()
    if meeting is None:
        meeting = make_meeting(
            team=world.syd,
            facilitator=world.users["leader"],
            participants=[world.users["leader"], world.users["caseworker"]],
            cases=0,
            format=make_format(
                key="matrix-groups",
                phases=[("Vidensdeling i grupper", "group_work", 30, False)],
                repeats_per_case=False,
            ),
        )
        Meeting.objects.filter(pk=meeting.pk).update(title="Gruppearbejde")
        group_services.groups_propose(meeting=meeting, groups=1)
        meeting = Meeting.objects.get(pk=meeting.pk)
        meeting = services.meeting_start(meeting_id=meeting.pk, version=meeting.version)
    return meeting


def _grouped_meeting_pk(world: World) -> dict:
    return {"pk": _grouped_meeting(world).pk}


def _breakout_group(world: World):
    from meetings.groups.models import BreakoutGroup

    return BreakoutGroup.objects.get(meeting=_grouped_meeting(world))


def _breakout_group_pk(world: World) -> dict:
    return {"pk": _grouped_meeting(world).pk, "group": _breakout_group(world).pk}


def _start_action(world: World) -> dict:
    return {"action": "start", "version": _syd_meeting(world).version}


def _team_format(world: World):
    """Team Syd's own meeting format, with one phase."""
    from meetings.models import Format, FormatPhase

    format, created = Format.objects.get_or_create(team=world.syd, name="Syds format")
    if created:
        FormatPhase.objects.create(
            format=format, position=0, name="Runde", kind="round", minutes=10
        )
    return format


def _format_pk(world: World) -> dict:
    return {"slug": world.syd.slug, "pk": _team_format(world).pk}


def _syd_case(world: World):
    """A case of the caseworker's for a Team Syd meeting two weeks ahead (before its deadline)."""
    from datetime import timedelta

    from django.utils import timezone

    from cases.models import Case
    from tests.factories import make_case, make_meeting

    existing = Case.objects.filter(team=world.syd, title="Matrixsag").first()
    if existing:
        return existing
    meeting = make_meeting(
        team=world.syd,
        facilitator=world.users["leader"],
        participants=[world.users["leader"], world.users["caseworker"]],
        cases=0,
        starts_at=timezone.now() + timedelta(days=14),
    )
    return make_case(meeting=meeting, user=world.users["caseworker"], title="Matrixsag")


def _case_pk(world: World) -> dict:
    return {"pk": _syd_case(world).pk}


def _case_meeting_pk(world: World) -> dict:
    return {"pk": _syd_case(world).meeting_id}


def _case_form(world: World) -> dict:
    return {
        "meeting": _syd_case(world).meeting_id,
        "title": "Ny sag",
        "sparring_wanted": "Hvad gør vi?",
        "sparring_type": "other",
        "background": "Kort baggrund.",
    }


def _syd_theme(world: World) -> dict:
    """Team Syd's theme "Matrixtema", for deleting it."""
    from learnings.models import Theme

    theme, _created = Theme.objects.get_or_create(team=world.syd, name="Matrixtema")
    return {"slug": world.syd.slug, "pk": theme.pk}


def _other_syd_theme(world: World) -> dict:
    """Team Syd's theme "Andet matrixtema", to merge "Matrixtema" into."""
    from learnings.models import Theme

    theme, _created = Theme.objects.get_or_create(team=world.syd, name="Andet matrixtema")
    return {"into": theme.pk}


def _syd_rollup(world: World):
    """A Team Syd rollup of one learning point, started by its leader."""
    from learnings.models import LearningPoint
    from rollups.models import Rollup
    from rollups.services import rollup_start

    existing = Rollup.objects.filter(team=world.syd).first()
    if existing:
        return existing
    LearningPoint.objects.create(team=world.syd, author=world.users["caseworker"], text="Matrix")
    return rollup_start(team=world.syd, user=world.users["leader"])


def _rollup_pk(world: World) -> dict:
    return {"pk": _syd_rollup(world).pk}


def _rollup_item_pk(world: World) -> dict:
    rollup = _syd_rollup(world)
    return {"pk": rollup.pk, "item_pk": rollup.items.first().pk}


def _rollup_decision(world: World) -> dict:
    prefix = f"item-{_syd_rollup(world).items.first().pk}"
    return {f"{prefix}-decision": "no_change", f"{prefix}-justification": "Matrix."}


def _rollup_period(world: World) -> dict:
    """A period with one new Team Syd learning point in it."""
    from django.utils import timezone

    from learnings.models import LearningPoint

    LearningPoint.objects.create(team=world.syd, author=world.users["caseworker"], text="Ny")
    today = timezone.localdate()
    return {"period_start": today.replace(day=1).isoformat(), "period_end": today.isoformat()}


def _syd_action(world: World):
    """An open Team Syd follow-up action owned by the caseworker."""
    from datetime import date

    from rollups.models import FollowUpAction

    action, _created = FollowUpAction.objects.get_or_create(
        team=world.syd,
        title="Matrixopfølgning",
        defaults={
            "owner": world.users["caseworker"],
            "due_date": date(2030, 1, 1),
            "created_by": world.users["leader"],
        },
    )
    return action


def _action_pk(world: World) -> dict:
    return {"pk": _syd_action(world).pk}


def _action_form(world: World) -> dict:
    return {
        "team": world.syd.pk,
        "title": "Ny opfølgning",
        "owner": world.users["caseworker"].pk,
        "due_date": "2030-01-01",
    }


def _syd_product(world: World):
    """Team Syd's guideline, published as version 1, with a draft change ready to publish."""
    from products import services
    from products.models import Product
    from tests.products.conftest import make_product

    existing = Product.objects.filter(title="Matrixprodukt").first()
    if existing:
        return existing
    product = make_product(world, title="Matrixprodukt")
    return services.product_save_draft(
        product=product,
        user=world.users["coordinator"],
        revision=product.draft_revision,
        title="Matrixprodukt",
        content={**product.draft, "legal_basis": "Ændret lovgrundlag."},
    )


def _syd_visit(world: World, *, checked_in: bool = False, closed: bool = False):
    """A Team Syd learning visit: the caseworker follows the leader."""
    from tests.visits.conftest import syd_visit

    return syd_visit(world, checked_in=checked_in, closed=closed)


def _visit_pk(world: World) -> dict:
    return {"pk": _syd_visit(world).pk}


def _checked_in_visit_pk(world: World) -> dict:
    return {"pk": _syd_visit(world, checked_in=True).pk}


def _closed_visit_pk(world: World) -> dict:
    return {"pk": _syd_visit(world, closed=True).pk}


def _visit_plan_form(world: World) -> dict:
    from datetime import timedelta

    from django.utils import timezone

    return {
        "agent": world.users["caseworker"].pk,
        "colleague": world.users["leader"].pk,
        "date": (timezone.localdate() + timedelta(days=7)).isoformat(),
        "length": "whole",
    }


def _visit_closing_form(world: World) -> dict:
    return {
        "agent_seen": "Samtaler.",
        "agent_worked": "Roen.",
        "agent_differently": "Mere skriftligt.",
        "colleague_experience": "Fint.",
        "colleague_thoughts": "Forberedelse.",
        "point_1": "Et.",
        "point_2": "To.",
        "point_3": "Tre.",
    }


def _later_meeting_form(world: World) -> dict:
    from datetime import timedelta

    from django.utils import timezone

    from tests.factories import make_meeting

    leader = world.users["leader"]
    meeting = make_meeting(
        team=world.syd,
        facilitator=leader,
        participants=[leader],
        starts_at=timezone.now() + timedelta(days=7),
    )
    return {"meeting": meeting.pk}


def _product_pk(world: World) -> dict:
    return {"pk": _syd_product(world).pk}


def _product_version(world: World) -> dict:
    return {"pk": _syd_product(world).pk, "number": 1}


def _product_feedback(world: World) -> dict:
    """Feedback from the caseworker on Team Syd's guideline."""
    from products.feedback.services import feedback_give

    product = _syd_product(world)
    feedback = product.feedback.first() or feedback_give(
        product=product, author=world.users["caseworker"], used="partly", missing="Et eksempel"
    )
    return {"pk": product.pk, "feedback_pk": feedback.pk}


def _unpublished_product_pk(world: World) -> dict:
    from products.models import Product
    from tests.products.conftest import make_product

    existing = Product.objects.filter(title="Matrixkladde").first()
    return {"pk": (existing or make_product(world, title="Matrixkladde", publish=False)).pk}


def _product_draft_form(world: World) -> dict:
    from tests.products.conftest import edit_data

    return edit_data(_syd_product(world), purpose="Nyt formål")


def _product_publish_form(world: World) -> dict:
    return {"revision": _syd_product(world).draft_revision, "change_note": "Version 2"}


# Published products are read by the whole organisation; drafts only by their editors.
PRODUCT_EDITORS_ONLY = {
    "caseworker": 403,
    "guest": 403,
    "department_leader": 403,
    "other_leader": 403,
    "other_caseworker": 403,
    "outsider": 404,
}
PRODUCT_DRAFT_HIDDEN = {who: 404 for who in PRODUCT_EDITORS_ONLY}


def _point_pk(world: World) -> dict:
    from learnings.models import LearningPoint

    point = LearningPoint.objects.filter(team=world.syd, text="Matrixpunkt").first()
    point = point or LearningPoint.objects.create(
        team=world.syd, author=world.users["caseworker"], text="Matrixpunkt"
    )
    return {"pk": point.pk}


CASE_MEMBERS_ONLY = {"department_leader": 404, **OTHER_TEAM_404}


# The team page: its leader, coordinator and the department leader manage it.
TEAM_MANAGERS_ONLY = {"caseworker": 403, "guest": 403, **OTHER_TEAM_404}


def _syd_slug(world: World) -> dict:
    return {"slug": world.syd.slug}


def _new_team_form(world: World) -> dict:
    return {
        "organisation": world.syd.organisation_id,
        "name": "Team Matrix",
        "leader": world.users["caseworker"].pk,
    }


def _member_add_form(world: World) -> dict:
    return {"add-user": world.users["other_caseworker"].pk, "add-role": "caseworker"}


def _member_invite_form(world: World) -> dict:
    return {
        "invite-first_name": "Ny",
        "invite-email": "ny.matrix@example.dk",
        "invite-role": "caseworker",
    }


def _caseworker2_membership(world: World) -> dict:
    membership = world.users["caseworker2"].memberships.get(team=world.syd)
    return {"slug": world.syd.slug, "pk": membership.pk}


def _invited_membership(world: World) -> dict:
    from teams.models import Membership, Role, User

    user = User.objects.filter(username="inviteret@example.dk").first()
    if user is None:
        user = User(username="inviteret@example.dk", email="inviteret@example.dk")
        user.set_unusable_password()
        user.save()
        Membership.objects.create(user=user, team=world.syd, role=Role.CASEWORKER)
    return {"slug": world.syd.slug, "pk": user.memberships.get().pk}


def _team_settings_form(world: World) -> dict:
    return {
        "settings-case_deadline_working_days": "2",
        "settings-case_deadline_time": "10:00",
        "settings-case_retention_days": "30",
    }


def _password_change_form(world: World) -> dict:
    from tests.factories import PASSWORD

    return {
        "old_password": PASSWORD,
        "new_password1": "en-ny-lang-adgangskode-7",
        "new_password2": "en-ny-lang-adgangskode-7",
    }


def _bad_link(world: World) -> dict:
    return {"uidb64": "MQ", "token": "abc-def"}


def _caseworker2_pk(world: World) -> dict:
    return {"pk": world.users["caseworker2"].pk}


def _erase_caseworker2(world: World) -> dict:
    return {"confirm": "caseworker2"}


def _theme_presenter(world: World):
    """A planned Team Syd theme meeting (practitioner examples) at which the caseworker
    presents."""
    from meetings import services
    from meetings.models import Format, Meeting
    from meetings.presenters.models import Presenter

    meeting = Meeting.objects.filter(team=world.syd, title="Temamøde med oplæg").first()
    if meeting is None:
        users = world.users
        meeting = services.meeting_plan(
            team=world.syd,
            format=Format.objects.builtin().get(key="tema-laeringsmoede"),
            title="Temamøde med oplæg",
            starts_at=_in_two_weeks(),
            place="",
            facilitator=users["leader"],
            participants=[users["leader"], users["caseworker"], users["caseworker2"]],
            agenda_titles=[],
        )
        Presenter.objects.create(meeting=meeting, user=users["caseworker"], position=0)
    return Presenter.objects.get(meeting=meeting, user=world.users["caseworker"])


def _in_two_weeks():
    from datetime import timedelta

    from django.utils import timezone

    return timezone.now() + timedelta(weeks=2)


def _presenters_meeting_pk(world: World) -> dict:
    return {"pk": _theme_presenter(world).meeting_id}


def _presenter_pks(world: World) -> dict:
    presenter = _theme_presenter(world)
    return {"pk": presenter.meeting_id, "presenter_pk": presenter.pk}


def _syd_series(world: World):
    """Team Syd's fortnightly series, led by its leader."""
    from meetings.series.models import Series
    from meetings.series.services import series_create

    existing = Series.objects.filter(team=world.syd, title="Matrix-serie").first()
    return existing or series_create(team=world.syd, fields=_series_fields(world))


def _series_fields(world: World):
    from datetime import time

    from django.utils import timezone

    from meetings.models import Format
    from meetings.series.services import SeriesFields

    return SeriesFields(
        format=Format.objects.builtin().get(key="systematisk-laeringsmoede"),
        title="Matrix-serie",
        place="Mødelokale 2",
        rhythm="fortnightly",
        weekday=3,
        at=time(14, 30),
        starts_on=timezone.localdate(),
        facilitator=world.users["leader"],
        stand_in=world.users["coordinator"],
        participants=[world.users["leader"], world.users["caseworker"]],
    )


def _series_pk(world: World) -> dict:
    return {"slug": world.syd.slug, "pk": _syd_series(world).pk}


def _series_form(world: World) -> dict:
    fields = _series_fields(world)
    return {
        "title": "Læringsmøde",
        "format": fields.format.pk,
        "rhythm": "weekly",
        "weekday": "2",
        "at": "09:00",
        "starts_on": fields.starts_on.isoformat(),
        "place": "Mødelokale 3",
        "facilitator": world.users["leader"].pk,
        "stand_in": world.users["coordinator"].pk,
        "participants": [world.users["leader"].pk, world.users["caseworker"].pk],
    }


GUEST_TOKEN = "matrix-guest-link"


def _syd_guest(world: World):
    from meetings.guests.models import MeetingGuest
    from meetings.guests.services import token_hash

    meeting = _syd_meeting(world)
    guest, _created = MeetingGuest.objects.get_or_create(
        meeting=meeting,
        token_hash=token_hash(GUEST_TOKEN),
        defaults={"name": "Karen Holm", "role": "Forsker", "email": "karen@example.dk"},
    )
    return guest


def _guest_pk(world: World) -> dict:
    guest = _syd_guest(world)
    return {"pk": guest.meeting_id, "guest_pk": guest.pk}


def _guest_link(world: World) -> dict:
    return {"pk": _syd_guest(world).meeting_id, "token": GUEST_TOKEN}


def _calendar_feed(world: World) -> dict:
    from meetings.calendar.models import CalendarFeed

    feed, _created = CalendarFeed.objects.get_or_create(
        user=world.users["caseworker"], defaults={"token": "matrix-calendar-feed"}
    )
    return {"token": feed.token}


# Theme learning meetings: Demo organisation's working group is the department leader and the
# coordinator; the theme meeting is led by the coordinator and the caseworker, hosted by Team
# Syd with Team Nord invited, and running at its learning round.


def _organisation(world: World) -> dict:
    return {"org": world.syd.organisation_id}


def _organisation_with_group(world: World) -> dict:
    from tests.thememeetings.conftest import working_group

    working_group(world)
    return _organisation(world)


def _open_theme_pk(world: World) -> dict:
    from tests.thememeetings.conftest import propose, working_group
    from thememeetings.models import Theme

    theme = Theme.objects.filter(title="Matrixtema").first()
    if theme is None:
        working_group(world)
        theme = propose(world, "Matrixtema")
    return {"pk": theme.pk}


def _theme_meeting(world: World):
    from meetings import services
    from tests.thememeetings.conftest import LEARNING_ROUND, decide, propose, working_group
    from thememeetings.models import Theme

    theme = Theme.objects.filter(title="Matrix-temamøde").first()
    if theme is None:
        working_group(world)
        theme = propose(world, "Matrix-temamøde")
        meeting = decide(world, theme)
        meeting = services.meeting_start(meeting_id=meeting.pk, version=meeting.version)
        for _step in range(LEARNING_ROUND):
            meeting = services.meeting_next_phase(meeting_id=meeting.pk, version=meeting.version)
        theme.refresh_from_db()
    return theme


def _chosen_theme_pk(world: World) -> dict:
    return {"pk": _theme_meeting(world).pk}


def _theme_meeting_pk(world: World) -> dict:
    return {"pk": _theme_meeting(world).meeting_id}


def _decision_form(world: World) -> dict:
    from meetings.models import Format

    return {
        "format": Format.objects.builtin().get(key="tema-laeringsmoede").pk,
        "starts_at": "2030-01-08T08:30",
        "place": "Mødelokale 2",
        "host_team": world.syd.pk,
        "invited_teams": [world.nord.pk],
        "guests": "Leif Hansen, forsker",
        "leader_1": world.users["coordinator"].pk,
        "leader_2": world.users["caseworker"].pk,
    }


def _outcome_form(world: World) -> dict:
    return {
        "product_kind": "guideline",
        "responsible": [world.users["caseworker"].pk],
        "follow_up": "none",
    }


WORKING_GROUP_ONLY = {
    "leader": 403,
    "caseworker": 403,
    "guest": 403,
    "other_leader": 403,
    "other_caseworker": 403,
    "outsider": 404,
}
MEETING_LEADERS_ONLY = {
    "leader": 403,
    "guest": 403,
    "department_leader": 403,
    "other_leader": 403,
    "other_caseworker": 403,
    "outsider": 404,
}


MATRIX: list[tuple[str, Route, dict[str, int]]] = [
    ("login page", Route("login"), expect(302, anonymous=200)),
    ("favicon", Route("favicon"), expect(301, anonymous=301)),
    ("start page", Route("dashboard:home"), expect(200)),
    ("account page", Route("teams:account"), expect(200)),
    (
        "choose language",
        Route("teams:account", method="post", data=lambda world: {"language": "en"}),
        expect(302),
    ),
    (
        "own team's page (Team Syd)",
        Route("teams:team_detail", kwargs=lambda world: {"slug": world.syd.slug}),
        expect(200, **OTHER_TEAM_404),
    ),
    (
        "logout",
        Route("logout", method="post"),
        expect(302, anonymous=302),
    ),
    # Single sign-on is off unless configured, as here: its pages do not exist
    # (tests/teams/oidc/ turns it on against a provider).
    ("single sign-on: to the provider", Route("oidc:login"), expect(404, anonymous=404)),
    ("single sign-on: the callback", Route("oidc:callback"), expect(404, anonymous=404)),
    # Running a team without the admin site (teams): the "Team" link, creating a team, its
    # members and settings; the account's password and sessions; the reset flow and invitations.
    ("Team link", Route("teams:my_team"), expect(302, outsider=200)),
    # Moving a team (dashboard.transfer): its data as one file, for the team's leader only.
    (
        "download the team's data",
        Route("dashboard:team_export", kwargs=_syd_slug),
        expect(403, anonymous=302, leader=200, **OTHER_TEAM_404),
    ),
    ("new team", Route("teams:team_create"), expect(403, anonymous=302, department_leader=200)),
    (
        "create a team",
        Route("teams:team_create", method="post", data=_new_team_form),
        expect(403, anonymous=302, department_leader=302),
    ),
    (
        "add a member from the organisation",
        Route("teams:member_add", kwargs=_syd_slug, method="post", data=_member_add_form),
        expect(302, **TEAM_MANAGERS_ONLY),
    ),
    (
        "invite a member",
        Route("teams:member_invite", kwargs=_syd_slug, method="post", data=_member_invite_form),
        expect(302, **TEAM_MANAGERS_ONLY),
    ),
    (
        "change a member's role",
        Route(
            "teams:member_update",
            kwargs=_caseworker2_membership,
            method="post",
            data=lambda world: {"role": "guest", "title": ""},
        ),
        expect(302, **TEAM_MANAGERS_ONLY),
    ),
    (
        "remove a member",
        Route("teams:member_remove", kwargs=_caseworker2_membership, method="post"),
        expect(302, **TEAM_MANAGERS_ONLY),
    ),
    (
        "send an invitation again",
        Route("teams:invitation_resend", kwargs=_invited_membership, method="post"),
        expect(302, **TEAM_MANAGERS_ONLY),
    ),
    (
        "team settings",
        Route("teams:team_settings", kwargs=_syd_slug, method="post", data=_team_settings_form),
        expect(302, **TEAM_MANAGERS_ONLY),
    ),
    (
        "set the team's meeting defaults",
        Route(
            "teams:team_meeting_defaults",
            kwargs=_syd_slug,
            method="post",
            data=lambda world: {
                "meetings-meeting_weekday": "2",
                "meetings-meeting_time": "09:00",
                "meetings-meeting_weeks_between": "1",
                "meetings-meeting_place": "Lokale 4",
            },
        ),
        expect(302, **TEAM_MANAGERS_ONLY),
    ),
    ("change password page", Route("teams:password_change"), expect(200)),
    (
        "change password",
        Route("teams:password_change", method="post", data=_password_change_form),
        expect(302),
    ),
    ("own sessions", Route("teams:account_sessions"), expect(200)),
    ("log out everywhere", Route("teams:account_sessions", method="post"), expect(302)),
    (
        "invitation link (not valid)",
        Route("teams:invitation_accept", kwargs=_bad_link),
        expect(200, anonymous=200),
    ),
    ("forgotten password", Route("password_reset"), expect(200, anonymous=200)),
    (
        "forgotten password, no address given",
        Route("password_reset", method="post"),
        expect(200, anonymous=200),
    ),
    ("reset mail sent", Route("password_reset_done"), expect(200, anonymous=200)),
    (
        "reset link (not valid)",
        Route("password_reset_confirm", kwargs=_bad_link),
        expect(200, anonymous=200),
    ),
    ("reset done", Route("password_reset_complete"), expect(200, anonymous=200)),
    # Data protection: the audit log (site administrator and department leaders), a person's
    # own data, and erasure (the site administrator only: tests/teams/test_erasure.py).
    ("audit log", Route("teams:audit_log"), expect(403, anonymous=302, department_leader=200)),
    (
        "audit log as CSV",
        Route("teams:audit_log_csv"),
        expect(403, anonymous=302, department_leader=200),
    ),
    ("my data", Route("teams:my_data"), expect(200)),
    ("erase a person page", Route("teams:person_erase", kwargs=_caseworker2_pk), expect(403)),
    (
        "erase a person",
        Route(
            "teams:person_erase", kwargs=_caseworker2_pk, method="post", data=_erase_caseworker2
        ),
        expect(403),
    ),
    # Meetings and the runner (Team Syd's meeting, facilitated by its leader).
    ("meetings list", Route("meetings:list"), expect(200)),
    (
        "plan a meeting",
        Route("meetings:plan", kwargs=lambda world: {"slug": world.syd.slug}),
        expect(200, **LEADING_ONLY),
    ),
    ("meeting page", Route("meetings:detail", kwargs=_meeting_pk), expect(200, **OTHER_TEAM_404)),
    ("edit a meeting", Route("meetings:edit", kwargs=_meeting_pk), expect(200, **LEADING_ONLY)),
    (
        "cancel a meeting",
        Route("meetings:cancel", kwargs=_meeting_pk),
        expect(200, **LEADING_ONLY),
    ),
    (
        "cancel a meeting: post",
        Route("meetings:cancel", kwargs=_meeting_pk, method="post"),
        expect(302, **LEADING_ONLY),
    ),
    ("control view", Route("meetings:control", kwargs=_meeting_pk), expect(200, **LEADING_ONLY)),
    (
        "projector view",
        Route("meetings:projector", kwargs=_meeting_pk),
        expect(200, **OTHER_TEAM_404),
    ),
    (
        "participant view",
        Route("meetings:participant", kwargs=_meeting_pk),
        expect(200, **OTHER_TEAM_404),
    ),
    (
        "poll",
        Route("meetings:poll", kwargs=_meeting_pk, data=lambda world: {"v": 0}),
        expect(200, anonymous=401, **OTHER_TEAM_404),
    ),
    (
        "the meeting's stream of changes",
        Route("meetings:stream", kwargs=_meeting_pk),
        expect(200, anonymous=401, **OTHER_TEAM_404),
    ),
    (
        "the room's forms of a screen",
        Route("meetings:work", kwargs=_meeting_pk, data=lambda world: {"mode": "participant"}),
        expect(200, **OTHER_TEAM_404),
    ),
    (
        "runner control action",
        Route("meetings:action", kwargs=_meeting_pk, method="post", data=_start_action),
        expect(302, **LEADING_ONLY),
    ),
    (
        "add a learning point",
        Route("learnings:meeting_point_add", kwargs=_meeting_pk, method="post"),
        expect(302, department_leader=403, **OTHER_TEAM_404),
    ),
    (
        "raise a hand (before the meeting: refused with a message)",
        Route(
            "meetings:hand", kwargs=_meeting_pk, method="post", data=lambda world: {"raised": "1"}
        ),
        expect(302, department_leader=403, **OTHER_TEAM_404),
    ),
    (
        "the observer's feedback (before the meeting: refused with a message)",
        Route(
            "meetings:observer_feedback",
            kwargs=_meeting_pk,
            method="post",
            data=lambda world: {"relevant": "Godt."},
        ),
        expect(302, department_leader=403, **OTHER_TEAM_404),
    ),
    (
        "name the cases' observers",
        Route("meetings:observers", kwargs=_observed_meeting_pk, method="post"),
        expect(302, **LEADING_ONLY),
    ),
    # A meeting's breakout groups (the leader and the caseworker in its one group).
    (
        "breakout groups",
        Route("meetings:groups", kwargs=_grouped_meeting_pk),
        expect(200, **LEADING_ONLY),
    ),
    (
        "propose breakout groups",
        Route(
            "meetings:groups_propose",
            kwargs=_grouped_meeting_pk,
            method="post",
            data=lambda world: {"groups": "1"},
        ),
        expect(302, **LEADING_ONLY),
    ),
    (
        "move a participant to another group",
        Route(
            "meetings:group_move",
            kwargs=_grouped_meeting_pk,
            method="post",
            data=lambda world: {
                "person": world.users["caseworker"].pk,
                "group": _breakout_group(world).pk,
            },
        ),
        expect(302, **LEADING_ONLY),
    ),
    (
        "change a breakout group (form)",
        Route("meetings:group_edit", kwargs=_breakout_group_pk),
        expect(200, **LEADING_ONLY),
    ),
    (
        "change a breakout group",
        Route(
            "meetings:group_edit",
            kwargs=_breakout_group_pk,
            method="post",
            data=lambda world: {"name": "Gruppe A", "room": "Lokale 2", "questions": ""},
        ),
        expect(302, **LEADING_ONLY),
    ),
    (
        "the group's notes (its members, in the group work)",
        Route(
            "meetings:group_notes",
            kwargs=_breakout_group_pk,
            method="post",
            data=lambda world: {"notes": "Vores noter", "revision": "1"},
        ),
        expect(403, leader=302, caseworker=302, **OTHER_TEAM_404),
    ),
    (
        "case owner's notes (before the meeting)",
        Route("meetings:owner_notes", kwargs=_meeting_pk, method="post"),
        expect(302, department_leader=403, **OTHER_TEAM_404),
    ),
    (
        "case owner's notes (the caseworker's case, in the reflection)",
        Route(
            "meetings:owner_notes",
            kwargs=_reflecting_meeting_pk,
            method="post",
            data=lambda world: {"notes": "Mine noter."},
        ),
        expect(403, caseworker=302, **OTHER_TEAM_404),
    ),
    (
        "leader's summary",
        Route("learnings:meeting_summary_add", kwargs=_meeting_pk, method="post"),
        expect(302, **LEADING_ONLY),
    ),
    (
        "agree on a follow-up in the runner",
        Route("rollups:follow_up_add", kwargs=_meeting_pk, method="post"),
        expect(302, **LEADING_ONLY),
    ),
    (
        "move a follow-up on in the review (before the meeting: refused with a message)",
        Route(
            "rollups:review_move_on",
            kwargs=_meeting_pk,
            method="post",
            data=lambda world: {
                "version": _syd_meeting(world).version,
                "follow_up": _syd_action(world).pk,
                "due_date": "2030-01-01",
            },
        ),
        expect(302, **LEADING_ONLY),
    ),
    # Meeting formats (Team Syd's own format).
    (
        "meeting formats",
        Route("meetings:format_list", kwargs=lambda world: {"slug": world.syd.slug}),
        expect(200, **OTHER_TEAM_404),
    ),
    (
        "format page",
        Route("meetings:format_detail", kwargs=_format_pk),
        expect(200, **OTHER_TEAM_404),
    ),
    (
        "copy a format",
        Route("meetings:format_copy", kwargs=_format_pk, method="post"),
        expect(302, **LEADING_ONLY),
    ),
    (
        "edit a format",
        Route("meetings:format_edit", kwargs=_format_pk),
        expect(200, **LEADING_ONLY),
    ),
    # Minutes of a finished Team Syd meeting: the page, the PDF, and mailing it.
    (
        "minutes page",
        Route("meetings:minutes", kwargs=lambda world: _finished_meeting_pk(world)),
        expect(200, **OTHER_TEAM_404),
    ),
    (
        "minutes PDF",
        Route("meetings:minutes_pdf", kwargs=lambda world: _finished_meeting_pk(world)),
        expect(200, **OTHER_TEAM_404),
    ),
    (
        "send the minutes",
        Route(
            "meetings:minutes_email",
            kwargs=lambda world: _finished_meeting_pk(world),
            method="post",
        ),
        expect(302, **LEADING_ONLY),
    ),
    # Cases: Team Nord and the department leader never reach Team Syd's case material.
    ("case list", Route("cases:list"), expect(200)),
    ("submit form", Route("cases:submit"), expect(200)),
    (
        "submit a case",
        Route("cases:submit", method="post", data=_case_form),
        expect(302, department_leader=200, **{who: 200 for who in OTHER_TEAM_404}),
    ),
    ("case page", Route("cases:detail", kwargs=_case_pk), expect(200, **CASE_MEMBERS_ONLY)),
    (
        "edit a case (own, before the deadline)",
        Route("cases:edit", kwargs=_case_pk),
        expect(200, guest=403, **CASE_MEMBERS_ONLY),
    ),
    (
        "withdraw a case",
        Route("cases:withdraw", kwargs=_case_pk, method="post"),
        expect(302, guest=403, **CASE_MEMBERS_ONLY),
    ),
    (
        "select cases for a meeting",
        Route("cases:meeting_cases", kwargs=_case_meeting_pk),
        expect(200, **LEADING_ONLY),
    ),
    (
        "put a case on the agenda",
        Route(
            "cases:meeting_case_action",
            kwargs=_case_meeting_pk,
            method="post",
            data=lambda world: {"action": "select", "case": _syd_case(world).pk},
        ),
        expect(302, **LEADING_ONLY),
    ),
    (
        "rotation",
        Route("cases:rotation", kwargs=lambda world: {"slug": world.syd.slug}),
        expect(200, **LEADING_ONLY),
    ),
    (
        "ask the next in turn",
        Route(
            "cases:rotation_ask",
            kwargs=lambda world: {"slug": world.syd.slug},
            method="post",
            data=lambda world: {"user": world.users["caseworker"].pk},
        ),
        expect(302, **LEADING_ONLY),
    ),
    (
        "learning overview",
        Route("learnings:overview", kwargs=lambda world: {"slug": world.syd.slug}),
        expect(200, **OTHER_TEAM_404),
    ),
    # Rollups (Team Syd's, in progress: not yet shared with Team Nord's leader) and follow-up
    # actions.
    ("rollup list", Route("rollups:rollup_list"), expect(200)),
    (
        "rollup start form",
        Route("rollups:rollup_start", kwargs=lambda world: {"slug": world.syd.slug}),
        expect(200, **LEADING_ONLY),
    ),
    (
        "start a rollup",
        Route(
            "rollups:rollup_start",
            kwargs=lambda world: {"slug": world.syd.slug},
            method="post",
            data=_rollup_period,
        ),
        expect(302, **LEADING_ONLY),
    ),
    (
        "rollup page",
        Route("rollups:rollup_detail", kwargs=_rollup_pk),
        expect(200, **OTHER_TEAM_404),
    ),
    (
        "decide on a rollup item",
        Route(
            "rollups:rollup_decide",
            kwargs=_rollup_item_pk,
            method="post",
            data=_rollup_decision,
        ),
        expect(302, **LEADING_ONLY),
    ),
    (
        "finish a rollup",
        Route("rollups:rollup_finish", kwargs=_rollup_pk, method="post"),
        expect(302, **LEADING_ONLY),
    ),
    (
        "share a rollup before it is finished",
        Route("rollups:rollup_share", kwargs=_rollup_pk, method="post"),
        expect(302, **LEADING_ONLY),
    ),
    (
        "comment on a rollup",
        Route(
            "rollups:rollup_comment",
            kwargs=_rollup_pk,
            method="post",
            data=lambda world: {"text": "Matrixkommentar"},
        ),
        expect(302, caseworker=403, guest=403, **OTHER_TEAM_404),
    ),
    (
        "rollup PDF",
        Route("rollups:rollup_pdf", kwargs=_rollup_pk),
        expect(200, **OTHER_TEAM_404),
    ),
    ("follow-up actions", Route("rollups:action_list"), expect(200)),
    (
        "create a follow-up action",
        Route("rollups:action_create", method="post", data=_action_form),
        expect(302, **LEADING_ONLY),
    ),
    (
        "mark a follow-up action done (the caseworker's)",
        Route("rollups:action_done", kwargs=_action_pk, method="post"),
        expect(302, guest=403, department_leader=403, **OTHER_TEAM_404),
    ),
    (
        "reopen a follow-up action (the caseworker's)",
        Route("rollups:action_reopen", kwargs=_action_pk, method="post"),
        expect(302, guest=403, department_leader=403, **OTHER_TEAM_404),
    ),
    ("learning menu item", Route("learnings:home"), expect(302, outsider=200)),
    (
        "team's learning points",
        Route("learnings:learning_list", kwargs=lambda world: {"slug": world.syd.slug}),
        expect(200, **OTHER_TEAM_404),
    ),
    (
        "edit a learning point (the caseworker's, today)",
        Route("learnings:point_edit", kwargs=_point_pk),
        expect(200, guest=403, department_leader=403, **OTHER_TEAM_404),
    ),
    (
        "team's themes",
        Route("learnings:themes", kwargs=lambda world: {"slug": world.syd.slug}),
        expect(200, **OTHER_TEAM_404),
    ),
    (
        "create a theme",
        Route(
            "learnings:themes",
            kwargs=lambda world: {"slug": world.syd.slug},
            method="post",
            data=lambda world: {"name": "Nyt matrixtema"},
        ),
        expect(302, **LEADING_ONLY),
    ),
    (
        "delete a theme",
        Route("learnings:theme_delete", kwargs=_syd_theme, method="post"),
        expect(302, **LEADING_ONLY),
    ),
    (
        "rename a theme",
        Route(
            "learnings:theme_rename",
            kwargs=_syd_theme,
            method="post",
            data=lambda world: {"name": "Omdøbt matrixtema"},
        ),
        expect(302, **LEADING_ONLY),
    ),
    (
        "merge a theme into another",
        Route("learnings:theme_merge", kwargs=_syd_theme, method="post", data=_other_syd_theme),
        expect(302, **LEADING_ONLY),
    ),
    (
        "retire a theme",
        Route("learnings:theme_retire", kwargs=_syd_theme, method="post"),
        expect(302, **LEADING_ONLY),
    ),
    # Choosing the team: every team's learning points at once for whoever reads several teams'
    # (the others are sent to their team's page), and the rollup list narrowed to one team.
    (
        "every team's learning points",
        Route("learnings:all_teams"),
        expect(302, department_leader=200, outsider=200),
    ),
    (
        "rollup list of one's own team",
        Route("rollups:rollup_list", data=lambda world: {"team": world.syd.slug}),
        expect(200, other_caseworker=404, outsider=404),
    ),
    (
        "rollup list of Team Nord",
        Route("rollups:rollup_list", data=lambda world: {"team": world.nord.slug}),
        expect(200, coordinator=404, caseworker=404, guest=404, outsider=404),
    ),
    (
        "meeting calendar invitation",
        Route("meetings:calendar", kwargs=_meeting_pk),
        expect(200, **OTHER_TEAM_404),
    ),
    # Meeting series of Team Syd: for who plans its meetings; the calendar file for everyone
    # who sees the team.
    (
        "meeting series",
        Route("meetings:series_list", kwargs=lambda world: {"slug": world.syd.slug}),
        expect(200, **LEADING_ONLY),
    ),
    (
        "new meeting series (form)",
        Route("meetings:series_create", kwargs=lambda world: {"slug": world.syd.slug}),
        expect(200, **LEADING_ONLY),
    ),
    (
        "new meeting series",
        Route(
            "meetings:series_create",
            kwargs=lambda world: {"slug": world.syd.slug},
            method="post",
            data=_series_form,
        ),
        expect(302, **LEADING_ONLY),
    ),
    (
        "change a meeting series (form)",
        Route("meetings:series_edit", kwargs=_series_pk),
        expect(200, **LEADING_ONLY),
    ),
    (
        "change a meeting series",
        Route("meetings:series_edit", kwargs=_series_pk, method="post", data=_series_form),
        expect(302, **LEADING_ONLY),
    ),
    (
        "end a meeting series",
        Route("meetings:series_end", kwargs=_series_pk, method="post"),
        expect(302, **LEADING_ONLY),
    ),
    (
        "meeting series calendar file",
        Route("meetings:series_calendar", kwargs=_series_pk),
        expect(200, **OTHER_TEAM_404),
    ),
    # Guests of a Team Syd meeting: who runs it invites and revokes; the guest's link opens
    # that meeting's "Følg møde" to anyone who has it, signed in or not.
    ("meeting guests", Route("meetings:guests", kwargs=_meeting_pk), expect(200, **LEADING_ONLY)),
    (
        "invite a guest",
        Route(
            "meetings:guests",
            kwargs=_meeting_pk,
            method="post",
            data=lambda world: {"name": "Karen Holm", "role": "Forsker", "email": "k@example.dk"},
        ),
        expect(302, **LEADING_ONLY),
    ),
    (
        "revoke a guest's link",
        Route("meetings:guest_revoke", kwargs=_guest_pk, method="post"),
        expect(302, **LEADING_ONLY),
    ),
    (
        "a guest follows the meeting",
        Route("meetings:guest_follow", kwargs=_guest_link),
        expect(200, anonymous=200),
    ),
    (
        "a guest's screen polls",
        Route("meetings:guest_poll", kwargs=_guest_link),
        expect(200, anonymous=200),
    ),
    (
        "a guest's screen fetches its forms",
        Route("meetings:guest_work", kwargs=_guest_link),
        expect(200, anonymous=200),
    ),
    (
        "a guest's learning point (not allowed for this guest)",
        Route(
            "learnings:guest_point_add",
            kwargs=_guest_link,
            method="post",
            data=lambda world: {"text": "Et læringspunkt"},
        ),
        expect(403, anonymous=403),
    ),
    # A person's calendar subscription: their own, and its secret feed read without signing in.
    ("calendar subscription", Route("meetings:calendar_subscription"), expect(200)),
    (
        "make a calendar link",
        Route("meetings:calendar_subscription", method="post"),
        expect(302),
    ),
    (
        "revoke a calendar link",
        Route("meetings:calendar_subscription_revoke", method="post"),
        expect(302),
    ),
    (
        "calendar feed",
        Route("meetings:calendar_feed", kwargs=_calendar_feed),
        expect(200, anonymous=200),
    ),
    # The check-out after a held meeting (leader and caseworker took part), and its results.
    (
        "check-out of a held meeting (form)",
        Route("meetings:check_out", kwargs=lambda world: _finished_meeting_pk(world)),
        expect(200, coordinator=403, guest=403, department_leader=403, **OTHER_TEAM_404),
    ),
    (
        "check-out of a held meeting",
        Route(
            "meetings:check_out",
            kwargs=lambda world: _finished_meeting_pk(world),
            method="post",
            data=lambda world: {"usefulness": "4", "comment": "Godt"},
        ),
        expect(302, coordinator=403, guest=403, department_leader=403, **OTHER_TEAM_404),
    ),
    (
        "evaluation of the team's meetings",
        Route("meetings:evaluation", kwargs=lambda world: {"slug": world.syd.slug}),
        expect(200, **LEADING_ONLY),
    ),
    # The presenters of a theme meeting's practitioner examples, and the presenter's brief.
    (
        "presenters of a theme meeting",
        Route("meetings:presenters", kwargs=_presenters_meeting_pk),
        expect(200, **LEADING_ONLY),
    ),
    (
        "assign a presenter",
        Route(
            "meetings:presenters",
            kwargs=_presenters_meeting_pk,
            method="post",
            data=lambda world: {"user": world.users["caseworker2"].pk},
        ),
        expect(302, **LEADING_ONLY),
    ),
    (
        "a stand-in for a presenter",
        Route(
            "meetings:presenter_stand_in",
            kwargs=_presenter_pks,
            method="post",
            data=lambda world: {"user": world.users["caseworker2"].pk},
        ),
        expect(302, **LEADING_ONLY),
    ),
    (
        "remove a presenter",
        Route("meetings:presenter_remove", kwargs=_presenter_pks, method="post"),
        expect(302, **LEADING_ONLY),
    ),
    (
        "the presenter's brief (form)",
        Route("meetings:brief", kwargs=_presenters_meeting_pk),
        expect(404, caseworker=200),
    ),
    (
        "the presenter's brief",
        Route(
            "meetings:brief",
            kwargs=_presenters_meeting_pk,
            method="post",
            data=lambda world: {
                "revision": "1",
                "what": "Et eksempel.",
                "why": "",
                "justification": "",
            },
        ),
        expect(404, caseworker=302),
    ),
    # Learning visits (the caseworker follows the leader).
    (
        "learning visits",
        Route("visits:list", kwargs=lambda world: {"slug": world.syd.slug}),
        expect(200, **OTHER_TEAM_404),
    ),
    (
        "plan a learning visit (form)",
        Route("visits:plan", kwargs=lambda world: {"slug": world.syd.slug}),
        expect(200, guest=403, department_leader=403, **OTHER_TEAM_404),
    ),
    (
        "plan a learning visit",
        Route(
            "visits:plan",
            kwargs=lambda world: {"slug": world.syd.slug},
            method="post",
            data=_visit_plan_form,
        ),
        expect(302, guest=403, department_leader=403, **OTHER_TEAM_404),
    ),
    (
        "learning visit page",
        Route("visits:detail", kwargs=_visit_pk),
        expect(200, guest=403, department_leader=403, **OTHER_TEAM_404),
    ),
    (
        "learning visit check-in (form)",
        Route("visits:check_in", kwargs=_visit_pk),
        expect(200, guest=403, department_leader=403, **OTHER_TEAM_404),
    ),
    (
        "learning visit check-in",
        Route(
            "visits:check_in",
            kwargs=_visit_pk,
            method="post",
            data=lambda world: {"wants_to_learn": "At observere", "focus": "Åbningen"},
        ),
        expect(302, guest=403, department_leader=403, **OTHER_TEAM_404),
    ),
    (
        "learning visit's learning meeting (form)",
        Route("visits:close", kwargs=_checked_in_visit_pk),
        expect(200, guest=403, department_leader=403, **OTHER_TEAM_404),
    ),
    (
        "learning visit's learning meeting",
        Route(
            "visits:close", kwargs=_checked_in_visit_pk, method="post", data=_visit_closing_form
        ),
        expect(302, guest=403, department_leader=403, **OTHER_TEAM_404),
    ),
    (
        "learning visit's points onto a staff meeting",
        Route("visits:agenda", kwargs=_closed_visit_pk, method="post", data=_later_meeting_form),
        expect(302, **LEADING_ONLY),
    ),
    # Products (Team Syd's guideline; the coordinator is responsible).
    ("products list", Route("products:list"), expect(200)),
    (
        "new product",
        Route("products:create"),
        expect(200, caseworker=403, guest=403, other_caseworker=403, outsider=403),
    ),
    ("product page", Route("products:detail", kwargs=_product_pk), expect(200, outsider=404)),
    (
        "unpublished product page",
        Route("products:detail", kwargs=_unpublished_product_pk),
        expect(200, **PRODUCT_DRAFT_HIDDEN),
    ),
    (
        "product draft",
        Route("products:draft", kwargs=_product_pk),
        expect(200, **PRODUCT_DRAFT_HIDDEN),
    ),
    (
        "edit a product draft",
        Route("products:edit", kwargs=_product_pk),
        expect(200, **PRODUCT_EDITORS_ONLY),
    ),
    (
        "save a product draft",
        Route("products:edit", kwargs=_product_pk, method="post", data=_product_draft_form),
        expect(302, **PRODUCT_EDITORS_ONLY),
    ),
    (
        "publish a product",
        Route("products:publish", kwargs=_product_pk, method="post", data=_product_publish_form),
        expect(302, **PRODUCT_EDITORS_ONLY),
    ),
    (
        "product version page",
        Route("products:version", kwargs=_product_version),
        expect(200, outsider=404),
    ),
    (
        "product version PDF",
        Route("products:version_pdf", kwargs=_product_version),
        expect(200, outsider=404),
    ),
    (
        "product versions diff",
        Route("products:diff", kwargs=_product_pk),
        expect(200, outsider=404),
    ),
    (
        "feedback on a product (form)",
        Route("products:feedback", kwargs=_product_pk),
        expect(200, outsider=404),
    ),
    (
        "feedback on a product",
        Route(
            "products:feedback",
            kwargs=_product_pk,
            method="post",
            data=lambda world: {"used": "yes", "missing": "Et eksempel"},
        ),
        expect(302, outsider=404),
    ),
    (
        "feedback on an unpublished product",
        Route("products:feedback", kwargs=_unpublished_product_pk),
        expect(403, **PRODUCT_DRAFT_HIDDEN),
    ),
    (
        "start a draft from feedback",
        Route("products:feedback_draft", kwargs=_product_feedback, method="post"),
        expect(302, **PRODUCT_EDITORS_ONLY),
    ),
    # Theme learning meetings (the organisation's backlog, working group and theme meeting).
    (
        "theme meetings menu item",
        Route("thememeetings:home"),
        expect(200),
    ),
    (
        "my answers from learning rounds",
        Route("thememeetings:my_answers"),
        expect(200),
    ),
    (
        "theme backlog",
        Route("thememeetings:backlog", kwargs=_organisation),
        expect(200, outsider=404),
    ),
    (
        "propose a theme (form)",
        Route("thememeetings:propose", kwargs=_organisation),
        expect(200, outsider=404),
    ),
    (
        "propose a theme",
        Route(
            "thememeetings:propose",
            kwargs=_organisation,
            method="post",
            data=lambda world: {
                "title": "Et tema",
                "why": "Fordi",
                "knowledge_needed": "Loven",
                "source": "other",
            },
        ),
        expect(302, outsider=404),
    ),
    (
        "prioritise a theme",
        Route(
            "thememeetings:prioritise",
            kwargs=_open_theme_pk,
            method="post",
            data=lambda world: {"flyt": "op"},
        ),
        expect(302, **WORKING_GROUP_ONLY),
    ),
    (
        "choose a theme (form)",
        Route("thememeetings:decide", kwargs=_open_theme_pk),
        expect(200, **WORKING_GROUP_ONLY),
    ),
    (
        "choose a theme and plan its meeting",
        Route("thememeetings:decide", kwargs=_open_theme_pk, method="post", data=_decision_form),
        expect(302, **WORKING_GROUP_ONLY),
    ),
    (
        "theme page",
        Route("thememeetings:detail", kwargs=_chosen_theme_pk),
        expect(200, outsider=404),
    ),
    (
        "record a theme meeting's product and follow-up",
        Route("thememeetings:detail", kwargs=_chosen_theme_pk, method="post", data=_outcome_form),
        expect(302, **MEETING_LEADERS_ONLY),
    ),
    (
        "working group",
        Route("thememeetings:working_group", kwargs=_organisation),
        expect(200, outsider=404),
    ),
    (
        "name the working group",
        Route(
            "thememeetings:working_group_members",
            kwargs=_organisation,
            method="post",
            data=lambda world: {"members": [world.users["coordinator"].pk]},
        ),
        expect(403, department_leader=302, outsider=404),
    ),
    (
        "the working group's own meeting",
        Route(
            "thememeetings:working_group_meeting_add",
            kwargs=_organisation_with_group,
            method="post",
            data=lambda world: {"date": "2030-01-08", "agenda": "Temalisten", "notes": ""},
        ),
        expect(302, **WORKING_GROUP_ONLY),
    ),
    (
        "answers in a theme meeting's learning round",
        Route(
            "thememeetings:round_answer",
            kwargs=_theme_meeting_pk,
            method="post",
            data=lambda world: {"take_away": "Formålet", "into_practice": "Delmål"},
        ),
        expect(302, department_leader=403, outsider=404),
    ),
    # The start page's guided start to Team Syd's first meeting.
    (
        "first meeting guide",
        Route("dashboard:first_meeting", kwargs=lambda world: {"slug": world.syd.slug}),
        expect(200, **LEADING_ONLY),
    ),
    (
        "plan the first meeting",
        Route(
            "dashboard:first_meeting",
            kwargs=lambda world: {"slug": world.syd.slug},
            method="post",
            data=lambda world: _first_meeting_form(world),
        ),
        expect(302, **LEADING_ONLY),
    ),
    (
        "skip the guided start",
        Route(
            "dashboard:first_meeting_skip",
            kwargs=lambda world: {"slug": world.syd.slug},
            method="post",
        ),
        expect(302, **LEADING_ONLY),
    ),
]


def _first_meeting_form(world: World) -> dict:
    """The guided start's answers: a built-in format, planned for a later time."""
    from meetings.models import Format

    format = Format.objects.builtin().get(key="teamsparring")
    return {"format": format.pk, "starts_at": "2030-01-08T13:00", "when": "plan"}


def _finished_meeting(world: World):
    """A finished Team Syd meeting facilitated by its leader, for the minutes' rows."""
    from datetime import timedelta

    from django.utils import timezone

    from meetings.models import Format, Meeting, MeetingStatus, Participation

    format, _created = Format.objects.get_or_create(
        team=None, key="matrix-minutes", defaults={"name": "Matrix"}
    )
    starts_at = timezone.now() - timedelta(days=1)
    meeting, created = Meeting.objects.get_or_create(
        team=world.syd,
        title="Afsluttet teammøde",
        defaults={
            "format": format,
            "starts_at": starts_at,
            "facilitator": world.users["leader"],
            "status": MeetingStatus.FINISHED,
            "started_at": starts_at,
            "ended_at": starts_at + timedelta(hours=1),
        },
    )
    if created:
        for position, who in enumerate(("leader", "caseworker")):
            Participation.objects.create(meeting=meeting, user=world.users[who], position=position)
    return meeting


def _finished_meeting_pk(world: World) -> dict:
    return {"pk": _finished_meeting(world).pk}


CASES = [
    pytest.param(route, who, expected[who], id=f"{label} · {who}")
    for label, route, expected in MATRIX
    for who in WHO
]


# The apps whose tables a refused POST must leave untouched: the project's own, the folders
# beside manage.py (a new one is counted without being named here).
PROJECT_APPS = {
    config.label
    for config in apps.get_app_configs()
    if Path(config.path).parent == Path(__file__).resolve().parent.parent
}


def database_checksum() -> str:
    """Every row of the project's tables (and their many-to-many tables), hashed."""
    digest = hashlib.sha256()
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label in PROJECT_APPS:
            rows = model._default_manager.order_by("pk").values_list()
            digest.update(f"{model._meta.db_table}:{list(rows)!r}".encode())
    return digest.hexdigest()


def is_refusal(who: str, route: Route, expected: int) -> bool:
    signed_out = who == "anonymous" and route.name not in {"login", "logout"}
    return expected in (403, 404) or signed_out


@pytest.mark.parametrize(("route", "who", "expected"), CASES)
def test_authorization_matrix(client, world: World, route: Route, who: str, expected: int):
    user = world.user(who)
    if user is not None:
        client.force_login(user)
    url = reverse(route.name, kwargs=route.kwargs(world))
    data = route.data(world)
    before = database_checksum() if route.method == "post" else ""
    response = getattr(client, route.method)(url, data)
    assert response.status_code == expected
    if who == "anonymous" and expected == 302 and route.name not in {"logout", "login"}:
        assert response["Location"].startswith(reverse("login"))
    if route.method == "post" and is_refusal(who, route, expected):
        assert database_checksum() == before, "a refused POST changed the database"


# Django's own admin is for site administrators and guards itself.
NOT_IN_THE_MATRIX = {"admin"}


def url_names(patterns: list[URLPattern | URLResolver], namespace: str = "") -> Iterator[str]:
    """The name of every URL pattern reachable from `patterns`, with its namespaces."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            if pattern.namespace not in NOT_IN_THE_MATRIX:
                yield from url_names(pattern.url_patterns, inner)
        elif pattern.name:
            yield f"{namespace}{pattern.name}"
        else:
            yield f"{namespace}<unnamed {pattern.pattern}>"


def urls_without_a_row(urlconf: str | ModuleType | None = None) -> set[str]:
    covered = {route.name for _label, route, _expected in MATRIX}
    return set(url_names(get_resolver(urlconf).url_patterns)) - covered


def test_every_url_has_a_row():
    assert urls_without_a_row() == set()


def _throwaway_view(request) -> HttpResponse:
    return HttpResponse("ny side")


def test_a_url_added_without_a_row_is_caught():
    from config import urls

    throwaway = ModuleType("throwaway_urls")
    throwaway.urlpatterns = [
        *urls.urlpatterns,
        path("ny-side/", _throwaway_view, name="new_page"),
    ]
    assert urls_without_a_row(throwaway) == {"new_page"}


def test_a_refused_post_that_changes_a_row_is_caught(world: World):
    before = database_checksum()
    world.syd.name = "Team Syd (ændret)"
    world.syd.save(update_fields=["name"])
    assert database_checksum() != before


def test_matrix_names_every_role_for_every_route():
    for label, _route, expected in MATRIX:
        assert set(expected) == set(WHO), label
