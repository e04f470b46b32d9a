"""Writes for learning visits: planning, the check-in, the learning meeting with its three
points, and the staff meeting they are presented at."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import limits
from core.dates import start_of_day
from core.privacy import find_cpr
from core.refusals import Refused
from learnings.models import LearningPoint
from meetings.models import Meeting, MeetingStatus
from teams.models import Membership, Team, User
from visits.access import VISITING_ROLES
from visits.models import POINTS_PER_VISIT, Visit, VisitLength, VisitPoint


class VisitRefused(Refused):
    pass


def _check_text(text: str, limit: int) -> str:
    """The service's own check of what a form already checked: length and CPR numbers."""
    if len(text) > limit:
        raise VisitRefused(limits.too_long(limit, len(text)))
    if find_cpr(text):
        raise VisitRefused(_("Teksten ligner et CPR-nummer og er ikke gemt."))
    return text


# How far from today a visit may be planned (or recorded afterwards).
PLAN_BACK = timedelta(days=365)
PLAN_AHEAD = timedelta(days=2 * 365)


def check_visit_date(day: date) -> None:
    today = timezone.localdate()
    if not today - PLAN_BACK <= day <= today + PLAN_AHEAD:
        raise VisitRefused(_("Vælg en dato højst et år tilbage og to år frem."))


@transaction.atomic
def visit_plan(
    *, team: Team, agent: User, colleague: User, date: date, length: str, planned_by: User
) -> Visit:
    if agent.pk == colleague.pk:
        raise VisitRefused(_("Læringsagenten og kollegaen skal være to forskellige personer."))
    check_visit_date(date)
    if length not in VisitLength.values:
        raise VisitRefused(_("Vælg halv eller hel dag."))
    taking_part = Membership.objects.filter(
        team=team, user__in=[agent, colleague], role__in=VISITING_ROLES
    ).count()
    if taking_part != 2:
        raise VisitRefused(_("Læringsagenten og kollegaen skal begge være med i teamet."))
    return Visit.objects.create(
        team=team,
        agent=agent,
        colleague=colleague,
        date=date,
        length=length,
        planned_by=planned_by,
    )


@transaction.atomic
def visit_check_in(
    *, visit: Visit, wants_to_learn: str, focus: str, ground_rules: Sequence[str]
) -> Visit:
    """The check-in before the day; written again until the learning meeting is held.
    Confidentiality is always a rule of the day (Visit.rules), so it is not stored."""
    visit = Visit.objects.select_for_update().get(pk=visit.pk)
    if visit.is_closed:
        raise VisitRefused(_("Læringsmødet er holdt; tjek-ind kan ikke længere ændres."))
    rules = [rule.strip() for rule in ground_rules if rule.strip()]
    if len(rules) > limits.LINES:
        raise VisitRefused(_("Der er for mange spilleregler."))
    visit.wants_to_learn = _check_text(wants_to_learn, limits.SHORT_TEXT)
    visit.focus = _check_text(focus, limits.SHORT_TEXT)
    visit.ground_rules = [_check_text(rule, limits.LINE) for rule in rules]
    visit.checked_in_at = visit.checked_in_at or timezone.now()
    visit.save()
    return visit


def agreed_points(texts: Sequence[str]) -> list[str]:
    """The learning points as agreed: each stripped, the empty ones left out. Exactly
    POINTS_PER_VISIT must remain, else VisitRefused."""
    points = [text.strip() for text in texts if text.strip()]
    if len(points) != POINTS_PER_VISIT:
        raise VisitRefused(
            _("Læringsmødet slutter med præcis tre fælles læringspunkter; der er %(count)s.")
            % {"count": len(points)}
        )
    return points


@transaction.atomic
def visit_close(
    *,
    visit: Visit,
    agent_seen: str,
    agent_worked: str,
    agent_differently: str,
    colleague_experience: str,
    colleague_thoughts: str,
    points: Sequence[str],
) -> Visit:
    """Record the joint learning meeting after the day. Its three agreed points become the
    team's learning points, named by the agent."""
    visit = Visit.objects.select_for_update().get(pk=visit.pk)
    if visit.is_closed:
        raise VisitRefused(_("Læringsmødet for dette besøg er allerede holdt."))
    if not visit.is_checked_in:
        raise VisitRefused(_("Tjek ind på besøget, før læringsmødet holdes."))
    if not visit.day_has_come:
        raise VisitRefused(_("Læringsmødet holdes efter besøget, tidligst på dagen selv."))
    texts = [_check_text(text, limits.SHORT_TEXT) for text in agreed_points(points)]
    visit.agent_seen = _check_text(agent_seen, limits.LONG_TEXT)
    visit.agent_worked = _check_text(agent_worked, limits.SHORT_TEXT)
    visit.agent_differently = _check_text(agent_differently, limits.SHORT_TEXT)
    visit.colleague_experience = _check_text(colleague_experience, limits.SHORT_TEXT)
    visit.colleague_thoughts = _check_text(colleague_thoughts, limits.SHORT_TEXT)
    visit.closed_at = timezone.now()
    visit.save()
    for position, text in enumerate(texts, 1):
        point = LearningPoint.objects.create(team=visit.team, author=visit.agent, text=text)
        VisitPoint.objects.create(visit=visit, position=position, learning_point=point)
    return visit


def later_staff_meetings(*, visit: Visit) -> list[Meeting]:
    """The team's planned meetings after the visit's day, soonest first: where its points can
    be presented."""
    return list(
        Meeting.objects.filter(
            team=visit.team,
            status=MeetingStatus.PLANNED,
            starts_at__gte=start_of_day(visit.date + timedelta(days=1)),
        ).order_by("starts_at", "pk")
    )


@transaction.atomic
def visit_put_on_agenda(*, visit: Visit, meeting: Meeting) -> Visit:
    """Present the visit's three points at a later staff meeting of the team (or move them to
    another one, while the chosen one has not begun)."""
    visit = (
        Visit.objects.select_for_update(of=("self",))
        .select_related("staff_meeting")
        .get(pk=visit.pk)
    )
    if not visit.is_closed:
        raise VisitRefused(_("Hold læringsmødet, før punkterne sættes på en dagsorden."))
    current = visit.staff_meeting
    if current is not None and current.status != MeetingStatus.PLANNED:
        raise VisitRefused(_("Punkterne er allerede fremlagt på et personalemøde."))
    if meeting not in later_staff_meetings(visit=visit):
        raise VisitRefused(_("Vælg et planlagt møde i teamet efter besøget."))
    visit.staff_meeting = meeting
    visit.save(update_fields=["staff_meeting", "updated_at"])
    return visit


def meeting_cancel_refusal(meeting: Meeting) -> str | None:
    """A staff meeting that takes up learning visits' points is not cancelled until they go
    to another (meetings.hooks.cancel_refusals)."""
    visits = Visit.objects.filter(staff_meeting=meeting).count()
    if not visits:
        return None
    return ngettext(
        "Et læringsbesøgs pointer skal tages op på mødet: vælg et andet møde til dem først.",
        "%(count)s læringsbesøgs pointer skal tages op på mødet: vælg et andet møde til dem "
        "først.",
        visits,
    ) % {"count": visits}


def visits_withdraw(*, person: User, team: Team | None) -> int:
    """teams.hooks.person_left: a visit still to come (its learning meeting not held, its day
    today or later) cannot happen without the person; it is cancelled. Visits that took place
    stay. Returns how many were cancelled."""
    coming = Visit.objects.filter(closed_at__isnull=True, date__gte=timezone.localdate())
    if team is not None:
        coming = coming.filter(team=team)
    _total, by_model = coming.filter(Q(agent=person) | Q(colleague=person)).delete()
    return by_model.get(Visit._meta.label, 0)
