"""Learning visits: the team's list, planning one, the check-in before the day, the joint
learning meeting after it with its three points, and the staff meeting they go to."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.http import render_page_or_partial
from core.submits import submit_once
from meetings.models import MeetingStatus
from teams.access import can_lead_team, visible_team_or_404
from teams.requests import SignedInRequest
from visits import access, selectors, services
from visits.forms import CheckInForm, LearningMeetingForm, StaffMeetingForm, VisitPlanForm
from visits.models import Visit


@login_required
@require_GET
def visit_list(request: SignedInRequest, slug: str) -> HttpResponse:
    team = visible_team_or_404(request.user, slug)
    leading = can_lead_team(request.user, team)
    visits = list(selectors.visits_for_team(team=team)[:500])
    openable = {
        visit.pk
        for visit in visits
        if leading or request.user.pk in (visit.agent_id, visit.colleague_id)
    }
    return render_page_or_partial(
        request,
        "visits/list.html",
        "visits",
        {
            "team": team,
            "visits": visits,
            "openable": openable,
            "can_plan": access.can_plan_visit(request.user, team),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def visit_plan(request: SignedInRequest, slug: str) -> HttpResponse:
    team = visible_team_or_404(request.user, slug)
    if not access.can_plan_visit(request.user, team):
        raise PermissionDenied
    initial = {} if can_lead_team(request.user, team) else {"agent": request.user.pk}
    form = VisitPlanForm(request.POST or None, team=team, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not access.may_plan_for(
            request.user, team, agent=data["agent"], colleague=data["colleague"]
        ):
            form.add_error("agent", _("Du kan kun planlægge et læringsbesøg, du selv er med i."))
        else:
            try:
                visit = services.visit_plan(
                    team=team,
                    agent=data["agent"],
                    colleague=data["colleague"],
                    date=data["date"],
                    length=data["length"],
                    planned_by=request.user,
                )
            except services.VisitRefused as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(request, _("Læringsbesøget er planlagt."))
                return redirect("visits:detail", pk=visit.pk)
    return render_page_or_partial(
        request, "visits/plan.html", "form", {"team": team, "form": form}
    )


def _openable_or_403(request: SignedInRequest, pk: int) -> Visit:
    visit = access.visit_or_404(request.user, pk)
    if not access.can_open_visit(request.user, visit):
        raise PermissionDenied
    return visit


def _detail_context(request: SignedInRequest, visit: Visit, **extra: Any) -> dict[str, Any]:
    context: dict[str, Any] = {
        "visit": visit,
        "team": visit.team,
        "points": selectors.points_of(visit=visit),
        "agenda_form": None,
    }
    held = visit.staff_meeting is not None and visit.staff_meeting.status != MeetingStatus.PLANNED
    if access.can_put_on_agenda(request.user, visit) and not held:
        context["agenda_form"] = StaffMeetingForm(
            initial={"meeting": visit.staff_meeting_id},
            meetings=services.later_staff_meetings(visit=visit),
        )
    return context | extra


@login_required
@require_GET
def visit_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    visit = _openable_or_403(request, pk)
    return render_page_or_partial(
        request, "visits/detail.html", "visit", _detail_context(request, visit)
    )


@login_required
@require_http_methods(["GET", "POST"])
def check_in(request: SignedInRequest, pk: int) -> HttpResponse:
    visit = _openable_or_403(request, pk)
    if visit.is_closed:
        messages.info(request, _("Læringsmødet er holdt; tjek-ind kan ikke længere ændres."))
        return redirect("visits:detail", pk=visit.pk)
    form = CheckInForm(
        request.POST or None,
        initial={
            "wants_to_learn": visit.wants_to_learn,
            "focus": visit.focus,
            "ground_rules": "\n".join(visit.ground_rules),
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.visit_check_in(
                visit=visit,
                wants_to_learn=data["wants_to_learn"],
                focus=data["focus"],
                ground_rules=data["ground_rules"],
            )
        except services.VisitRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("Tjek-ind er gemt."))
            return redirect("visits:detail", pk=visit.pk)
    return render_page_or_partial(
        request, "visits/check_in.html", "form", {"visit": visit, "form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def learning_meeting(request: SignedInRequest, pk: int) -> HttpResponse:
    visit = _openable_or_403(request, pk)
    if visit.is_closed:
        messages.info(request, _("Læringsmødet for dette besøg er allerede holdt."))
        return redirect("visits:detail", pk=visit.pk)
    if not visit.is_checked_in:
        messages.info(request, _("Tjek ind på besøget, før læringsmødet holdes."))
        return redirect("visits:check_in", pk=visit.pk)
    if not visit.day_has_come:
        messages.info(request, _("Læringsmødet holdes efter besøget, tidligst på dagen selv."))
        return redirect("visits:detail", pk=visit.pk)
    form = LearningMeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.visit_close(
                visit=visit,
                agent_seen=data["agent_seen"],
                agent_worked=data["agent_worked"],
                agent_differently=data["agent_differently"],
                colleague_experience=data["colleague_experience"],
                colleague_thoughts=data["colleague_thoughts"],
                points=form.points(),
            )
        except services.VisitRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request, _("Læringsmødet er gemt, og de tre læringspunkter er teamets nu.")
            )
            return redirect("visits:detail", pk=visit.pk)
    return render_page_or_partial(
        request, "visits/learning_meeting.html", "form", {"visit": visit, "form": form}
    )


@login_required
@require_POST
def put_on_agenda(request: SignedInRequest, pk: int) -> HttpResponse:
    visit = access.visit_or_404(request.user, pk)
    if not access.can_put_on_agenda(request.user, visit):
        raise PermissionDenied
    form = StaffMeetingForm(request.POST, meetings=services.later_staff_meetings(visit=visit))
    if form.is_valid():
        try:
            services.visit_put_on_agenda(visit=visit, meeting=form.cleaned_data["meeting"])
        except services.VisitRefused as refused:
            form.add_error("meeting", str(refused))
        else:
            messages.success(request, _("Læringspunkterne er sat på personalemødets dagsorden."))
            return redirect("visits:detail", pk=visit.pk)
    return render_page_or_partial(
        request,
        "visits/detail.html",
        "visit",
        _detail_context(request, visit, agenda_form=form),
    )
