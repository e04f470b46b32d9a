"""Learning visits: planning, the check-in with confidentiality, the learning meeting's exactly
three points, the staff meeting they go to, and the person who leaves or is erased."""

from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from learnings.models import LearningPoint
from meetings.models import Meeting, MeetingStatus
from teams.models import FORMER_EMPLOYEE_USERNAME
from teams.personal_data.services import person_erase
from teams.services import member_remove
from tests.conftest import World
from tests.factories import make_meeting, make_visit
from tests.visits.conftest import syd_visit
from visits import services
from visits.models import CONFIDENTIALITY, Visit
from visits.personal_data import personal_data
from visits.services import VisitRefused


def plan(world: World, **overrides):
    fields = {
        "team": world.syd,
        "agent": world.users["caseworker"],
        "colleague": world.users["caseworker2"],
        "date": timezone.localdate() + timedelta(days=3),
        "length": "half",
        "planned_by": world.users["caseworker"],
    }
    return services.visit_plan(**fields | overrides)


def close(visit, points=("Et.", "To.", "Tre.")):
    return services.visit_close(
        visit=visit,
        agent_seen="Samtaler.",
        agent_worked="Roen.",
        agent_differently="Mere skriftligt.",
        colleague_experience="Fint.",
        colleague_thoughts="Forberedelse.",
        points=list(points),
    )


def test_a_visit_is_planned_with_agent_colleague_day_and_length(world):
    visit = plan(world)
    assert (visit.agent, visit.colleague, visit.length) == (
        world.users["caseworker"],
        world.users["caseworker2"],
        "half",
    )
    assert not visit.is_checked_in and not visit.is_closed


@pytest.mark.parametrize(
    ("agent", "colleague"),
    [("caseworker", "caseworker"), ("caseworker", "guest"), ("caseworker", "other_caseworker")],
)
def test_a_visit_needs_two_people_of_the_team_who_are_not_guests(world, agent, colleague):
    with pytest.raises(VisitRefused):
        plan(world, agent=world.users[agent], colleague=world.users[colleague])
    assert not Visit.objects.exists()


def test_confidentiality_is_always_a_ground_rule(world):
    visit = services.visit_check_in(
        visit=plan(world), wants_to_learn="Observere.", focus="Åbningen.", ground_rules=[]
    )
    assert visit.rules == [str(CONFIDENTIALITY)]
    visit = services.visit_check_in(
        visit=visit, wants_to_learn="Observere.", focus="Åbningen.", ground_rules=[" Ingen mobil "]
    )
    assert visit.rules == [str(CONFIDENTIALITY), "Ingen mobil"]
    assert visit.is_checked_in


def test_the_learning_meeting_waits_for_the_check_in(world):
    visit = plan(world)
    with pytest.raises(VisitRefused):
        close(visit)
    assert not LearningPoint.objects.exists()


def test_closing_makes_three_team_learning_points_named_by_the_agent(world):
    visit = syd_visit(world, closed=True)
    points = LearningPoint.objects.filter(team=world.syd).order_by("id")
    assert [point.text for point in points] == ["Første punkt.", "Andet punkt.", "Tredje punkt."]
    assert {point.author for point in points} == {world.users["caseworker"]}
    assert [p.learning_point for p in visit.points.order_by("position")] == list(points)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    texts=st.lists(
        st.text(alphabet=st.characters(categories=["L", "Zs"]), max_size=30), max_size=6
    )
)
def test_exactly_three_agreed_points_close_the_visit(world, texts):
    visit = make_visit(
        team=world.syd,
        agent=world.users["caseworker"],
        colleague=world.users["caseworker2"],
        checked_in=True,
    )
    before = LearningPoint.objects.count()
    agreed = [text.strip() for text in texts if text.strip()]
    if len(agreed) == 3:
        close(visit, texts)
        assert [p.learning_point.text for p in visit.points.order_by("position")] == agreed
        assert LearningPoint.objects.count() == before + 3
    else:
        with pytest.raises(VisitRefused, match="præcis tre"):
            close(visit, texts)
        visit.refresh_from_db()
        assert not visit.is_closed
        assert LearningPoint.objects.count() == before


def test_the_learning_meeting_is_held_after_the_day(world):
    """On the day itself at the earliest: the two have spent it together by then."""
    tomorrow = timezone.localdate() + timedelta(days=1)
    visit = make_visit(
        team=world.syd,
        agent=world.users["caseworker"],
        colleague=world.users["leader"],
        day=tomorrow,
        checked_in=True,
    )
    with pytest.raises(VisitRefused, match="efter besøget"):
        close(visit)
    assert not LearningPoint.objects.exists()
    Visit.objects.filter(pk=visit.pk).update(date=timezone.localdate())
    visit.refresh_from_db()
    close(visit)
    assert visit.points.count() == 3


def test_a_visit_is_closed_once(world):
    visit = syd_visit(world, closed=True)
    with pytest.raises(VisitRefused):
        close(visit)
    assert LearningPoint.objects.count() == 3


def test_the_service_refuses_a_cpr_number_in_a_point(world):
    visit = syd_visit(world, checked_in=True)
    with pytest.raises(VisitRefused, match="CPR"):
        close(visit, ["Et.", "Barnet 010203-1234 sagde", "Tre."])
    assert not LearningPoint.objects.exists()


def _later_meeting(world, days=7, team=None):
    leader = world.users["leader"] if team is None else world.users["other_leader"]
    return make_meeting(
        team=team or world.syd,
        facilitator=leader,
        participants=[leader],
        starts_at=timezone.now() + timedelta(days=days),
    )


def test_the_leader_puts_the_points_on_a_later_staff_meeting(world):
    visit = syd_visit(world, closed=True)
    meeting = _later_meeting(world)
    assert services.later_staff_meetings(visit=visit) == [meeting]
    services.visit_put_on_agenda(visit=visit, meeting=meeting)
    visit.refresh_from_db()
    assert visit.staff_meeting == meeting


def test_only_a_planned_meeting_of_the_team_after_the_visit_will_do(world):
    visit = make_visit(
        team=world.syd,
        agent=world.users["caseworker"],
        colleague=world.users["leader"],
        day=timezone.localdate() - timedelta(days=10),
        closed=True,
    )
    # Planned still, but before the visit's day.
    before_the_day = _later_meeting(world, days=-12)
    nord = _later_meeting(world, days=20, team=world.nord)
    held = _later_meeting(world, days=21)
    Meeting.objects.filter(pk=held.pk).update(status=MeetingStatus.FINISHED)
    for meeting in (before_the_day, nord, held):
        with pytest.raises(VisitRefused):
            services.visit_put_on_agenda(visit=visit, meeting=meeting)
    visit.refresh_from_db()
    assert visit.staff_meeting is None


def test_points_presented_at_a_held_meeting_stay_there(world):
    visit = syd_visit(world, closed=True)
    first, second = _later_meeting(world, days=7), _later_meeting(world, days=14)
    services.visit_put_on_agenda(visit=visit, meeting=first)
    services.visit_put_on_agenda(visit=visit, meeting=second)
    Meeting.objects.filter(pk=second.pk).update(status=MeetingStatus.RUNNING)
    with pytest.raises(VisitRefused):
        services.visit_put_on_agenda(visit=visit, meeting=first)
    visit.refresh_from_db()
    assert visit.staff_meeting == second


def test_an_unclosed_visit_cannot_go_on_an_agenda(world):
    visit = syd_visit(world)
    with pytest.raises(VisitRefused):
        services.visit_put_on_agenda(visit=visit, meeting=_later_meeting(world))


def test_someone_who_leaves_the_team_leaves_its_coming_visits(world):
    coming = plan(world)
    held = syd_visit(world, closed=True)
    membership = world.users["caseworker"].memberships.get(team=world.syd)
    member_remove(membership=membership, actor=world.users["leader"])
    assert list(Visit.objects.all()) == [held]
    assert not Visit.objects.filter(pk=coming.pk).exists()


def test_an_erased_agent_becomes_the_former_employee(world):
    admin = world.users["outsider"]
    admin.is_superuser = True
    admin.save()
    visit = syd_visit(world, closed=True)
    person_erase(person=world.users["caseworker"], actor=admin)
    visit.refresh_from_db()
    assert visit.agent.username == FORMER_EMPLOYEE_USERNAME
    assert visit.points.count() == 3


def test_the_person_gets_their_visits_in_their_data(world):
    syd_visit(world, closed=True)
    (mine,) = personal_data(world.users["leader"])["learning_visits"]
    assert mine["as_colleague"] and not mine["as_agent"]
    assert mine["colleague_thoughts"] == "Jeg vil forberede mig mere."
    assert mine["ground_rules"][0] == str(CONFIDENTIALITY)
    assert personal_data(world.users["caseworker2"])["learning_visits"] == []
