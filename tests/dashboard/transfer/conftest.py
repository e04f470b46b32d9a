"""A team with a row in every section of the transfer file, with the texts given."""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.utils import timezone

from teams.models import Role, Team
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    TeamFactory,
    UserFactory,
    make_case,
    make_format,
    make_meeting,
)


@dataclass(frozen=True)
class Texts:
    """Free text, one for each kind of place a team's text is kept."""

    title: str = "Teammøde om praktik"
    name: str = "Åse Ødegård"
    text: str = "Spørg borgeren tidligt om ønsker til praktik."
    theme: str = "virksomhedspraktik"


def _series(team, meeting, leader, caseworker) -> None:
    """A weekly series with a stand-in and participants, the meeting one of its own (made
    directly: planning it ahead would add meetings), and a date cancelled a week later."""
    from datetime import time, timedelta

    from meetings.models import Series, SeriesCancellation, SeriesParticipant

    series = Series.objects.create(
        team=team,
        format=meeting.format,
        title="Læringsmøde",
        place="Mødelokale 2",
        rhythm="weekly",
        weekday=2,
        at=time(9, 0),
        starts_on=timezone.localdate(),
        facilitator=leader,
        stand_in=caseworker,
    )
    for position, person in enumerate([caseworker, leader]):
        SeriesParticipant.objects.create(series=series, user=person, position=position)
    type(meeting).objects.filter(pk=meeting.pk).update(
        series=series, series_date=timezone.localdate()
    )
    SeriesCancellation.objects.create(series=series, day=timezone.localdate() + timedelta(days=7))


def build_team(texts: Texts = Texts(), *, slug: str = "syd") -> Team:
    from cases.models import CaseReminder, MaterialDeletion
    from learnings.models import LearningPoint, Theme
    from meetings.groups.models import BreakoutGroup, GroupMember
    from meetings.models import CheckOut, Format, Hand, Turn
    from meetings.presenters.models import Presenter
    from products.models import Product, ProductFeedback, ProductKind, ProductVersion
    from rollups.models import FollowUpAction, Rollup, RollupComment, RollupItem
    from visits.models import Visit, VisitPoint

    organisation = OrganisationFactory(name="Transferkommune")
    team = TeamFactory(organisation=organisation, name="Team Syd", slug=slug)
    other = TeamFactory(organisation=organisation, name="Team Nord", slug=f"{slug}-nord")
    leader = MembershipFactory(
        team=team, role=Role.LEADER, user__username=f"{slug}-leder", user__first_name=texts.name
    ).user
    caseworker = MembershipFactory(
        team=team, role=Role.CASEWORKER, title=texts.name, user__username=f"{slug}-sb"
    ).user
    other_leader = MembershipFactory(
        team=other, role=Role.LEADER, user__username=f"{slug}-nordleder"
    ).user
    department_leader = UserFactory(username=f"{slug}-afdeling", organisation=organisation)
    organisation.department_leaders.add(department_leader)

    base = make_format(team=team, key="", phases=None)
    Format.objects.filter(pk=base.pk).update(name=texts.title, description=texts.text)
    copy = make_format(team=team)
    Format.objects.filter(pk=copy.pk).update(copied_from=base)
    meeting = make_meeting(
        team=team, facilitator=leader, participants=[leader, caseworker], cases=2, format=base
    )
    type(meeting).objects.filter(pk=meeting.pk).update(title=texts.title, place=texts.name)
    item = meeting.agenda_items.first()
    item.owner = caseworker
    item.observer = leader
    item.observer_relevant = texts.text
    item.owner_notes = "Sagsejers egne noter"
    item.save()
    step = meeting.steps.filter(kind="reflection").first()
    Hand.objects.create(step=step, user=caseworker, raised_at=timezone.now())
    round_step = meeting.steps.filter(kind="round").first()
    Turn.objects.create(
        step=round_step, user=caseworker, position=0, status="done", spoken_seconds=61.25
    )
    case = make_case(meeting=meeting, user=caseworker, title=texts.title, agenda_item=item)
    MaterialDeletion.objects.create(
        case=case, deleted_at=timezone.now(), fields=["background"], meeting_ended_at=None
    )
    CaseReminder.objects.create(meeting=meeting, user=caseworker, sent_at=timezone.now())
    _series(team, meeting, leader, caseworker)

    theme = Theme.objects.create(team=team, name=texts.theme)
    point = LearningPoint.objects.create(
        team=team, meeting=meeting, agenda_item=item, author=caseworker, text=texts.text
    )
    point.themes.add(theme)
    today = timezone.localdate()
    rollup = Rollup.objects.create(
        team=team,
        period_start=today - timedelta(days=60),
        period_end=today,
        created_by=leader,
        meeting=meeting,
        summary=texts.text,
        shared_at=timezone.now(),
    )
    rollup_item = RollupItem.objects.create(
        rollup=rollup, theme=theme, title=texts.title, decision="change", decided_by=leader
    )
    rollup_item.learning_points.add(point)
    RollupComment.objects.create(rollup=rollup, author=other_leader, text=texts.text)
    FollowUpAction.objects.create(
        team=team,
        title=texts.title,
        owner=caseworker,
        due_date=date(2030, 1, 31),
        rollup_item=rollup_item,
        meeting=meeting,
        created_by=leader,
    )
    content = {"title": texts.title, "sections": [{"title": texts.theme, "text": texts.text}]}
    product = Product.objects.create(
        organisation=organisation,
        team=team,
        kind=ProductKind.GUIDELINE,
        title=texts.title,
        responsible=caseworker,
        themes=[texts.theme],
        draft=content,
        created_by=leader,
    )
    product.source_meetings.add(meeting)
    product.source_learning_points.add(point)
    product.source_rollup_items.add(rollup_item)
    version = ProductVersion.objects.create(
        product=product,
        number=1,
        title=texts.title,
        content=content,
        responsible_name=texts.name,
        change_note=texts.text,
        published_at=timezone.now(),
        published_by=leader,
    )
    Product.objects.filter(pk=product.pk).update(latest_version=version)
    ProductFeedback.objects.create(
        product=product, version=version, author=caseworker, used="partly", missing=texts.text
    )
    CheckOut.objects.create(meeting=meeting, user=caseworker, usefulness=4, comment=texts.title)
    group = BreakoutGroup.objects.create(
        meeting=meeting,
        name=texts.title[:80],
        room=texts.title[:120],
        questions=texts.text,
        facilitator=caseworker,
        notes=texts.text,
    )
    GroupMember.objects.create(group=group, meeting=meeting, user=caseworker)
    Presenter.objects.create(
        meeting=meeting,
        user=caseworker,
        stands_in_for=leader,
        what=texts.text,
        why=texts.title,
        justification=texts.text,
    )
    visit = Visit.objects.create(
        team=team,
        agent=caseworker,
        colleague=leader,
        date=today,
        length="half",
        planned_by=leader,
        wants_to_learn=texts.text,
        ground_rules=[texts.theme],
        agent_seen="Det, læringsagenten så hos borgeren",
        staff_meeting=meeting,
    )
    VisitPoint.objects.create(
        visit=visit,
        position=1,
        learning_point=LearningPoint.objects.create(team=team, author=caseworker, text=texts.name),
    )
    return team


@pytest.fixture
def team(db) -> Team:
    return build_team()
