"""Cases: the list, submitting and changing a case, the leader's selection of the agenda and
who is next in turn."""

from __future__ import annotations

import copy
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from cases import access, selectors, services
from cases.deadline import DeadlineStatus, deadline_status, time_left_text
from cases.forms import CaseForm, MoveForm, SelectionForm, genogram_text, timeline_text
from cases.models import Case
from core.http import render_page_or_partial
from core.submits import submit_once
from meetings.access import meeting_or_404
from meetings.models import Meeting, MeetingStatus
from meetings.selectors import case_capacity
from teams.access import visible_team_or_404
from teams.audit.services import audit_record
from teams.models import AuditAction
from teams.requests import SignedInRequest


@login_required
@require_GET
def case_list(request: SignedInRequest) -> HttpResponse:
    cases = list(selectors.cases_for(user=request.user)[:200])
    leading = {
        team.pk
        for team in {case.team for case in cases}
        if access.can_select_cases(request.user, team)
    }
    return render(
        request,
        "cases/list.html",
        {
            "mine": [case for case in cases if case.submitted_by_id == request.user.pk],
            "team_cases": [case for case in cases if case.submitted_by_id != request.user.pk],
            "leading": leading,
            "open_meetings": list(selectors.open_meetings_for_cases(user=request.user)[:10]),
        },
    )


def _deadline_context(meeting: Meeting | None, *, case: Case | None = None) -> dict[str, Any]:
    """The meeting's deadline: for a case yet to come, the time left or that it has passed;
    for a case already brought, whether it came in time for the meeting it is for."""
    if meeting is None:
        return {}
    deadline = selectors.deadline_for(meeting)
    now = timezone.now()
    status = deadline_status(deadline, now, late=None if case is None else case.is_late)
    return {
        "deadline": deadline,
        "deadline_status": status.value,
        "deadline_passed": status in (DeadlineStatus.PASSED, DeadlineStatus.LATE),
        "time_left": time_left_text(deadline, now),
    }


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def case_submit(request: SignedInRequest) -> HttpResponse:
    meetings = selectors.open_meetings_for_cases(user=request.user)
    initial = {}
    if chosen := request.GET.get("meeting"):
        initial["meeting"] = selectors.open_meeting(meetings=meetings, pk=chosen)
    form = CaseForm(request.POST or None, meetings=meetings, initial=initial)
    if request.method == "POST" and form.is_valid():
        meeting = form.cleaned_data["meeting"]
        if not access.can_submit_case(request.user, meeting.team):
            raise PermissionDenied
        try:
            case = services.case_submit(meeting=meeting, user=request.user, **form.case_fields())
        except services.CaseRefused as refused:
            form.add_error("meeting", str(refused))
        else:
            audit_record(
                actor=request.user, action=AuditAction.CASE_SUBMITTED, target=case, team=case.team
            )
            if case.is_late:
                messages.warning(
                    request,
                    _(
                        "Sagen er indsendt efter fristen og er markeret som sen. "
                        "Teamlederen beslutter, om den kommer på dagsordenen."
                    ),
                )
            else:
                messages.success(request, _("Sagen er indsendt."))
            return redirect("cases:detail", pk=case.pk)
    meeting = form["meeting"].initial if not form.is_bound else None
    if form.is_bound and form.is_valid():
        meeting = form.cleaned_data["meeting"]
    context = {"form": form, "has_meetings": meetings.exists()}
    context.update(_deadline_context(meeting or meetings.first()))
    return render(request, "cases/submit.html", context)


@login_required
@require_GET
def case_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    case = access.case_or_404(request.user, pk)
    audit_record(actor=request.user, action=AuditAction.CASE_VIEWED, target=case, team=case.team)
    before_deadline = selectors.is_before_deadline(case)
    material = selectors.material_of(case=case)
    context = {
        "case": case,
        "can_edit": access.can_edit_case(request.user, case, before_deadline=before_deadline),
        "can_withdraw": case.can_be_withdrawn
        and access.can_withdraw_case(request.user, case, before_deadline=before_deadline),
        "genogram": material.genogram,
        "timeline": material.timeline,
        "timeline_left_out": material.timeline_left_out,
        "owner_notes": selectors.owner_notes_of(case=case, user=request.user),
        "leading": access.can_select_cases(request.user, case.team),
    }
    context.update(_deadline_context(case.meeting, case=case))
    return render(request, "cases/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def case_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    case = access.case_or_404(request.user, pk)
    before_deadline = selectors.is_before_deadline(case)
    if not access.can_edit_case(request.user, case, before_deadline=before_deadline):
        raise PermissionDenied
    meetings = selectors.meeting_of_case(case=case)
    form = CaseForm(request.POST or None, instance=case, meetings=meetings)
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            services.case_update(
                case=case,
                user=request.user,
                revision=form.cleaned_data["revision"],
                **form.case_fields(),
            )
        except services.StaleCase as refused:
            stale = refused.current
            # What this person typed stays, now based on the case they are shown, so that
            # saving again is a choice made with both texts in view.
            data = request.POST.copy()
            data["revision"] = str(stale.revision)
            # A copy: validating the form writes what was typed onto its instance.
            form = CaseForm(data, instance=copy.copy(stale), meetings=meetings)
            form.is_valid()
            form.add_error(None, str(refused))
        except services.CaseRefused as refused:
            form.add_error(None, str(refused))
        else:
            # Which fields changed, by name: never what they say.
            audit_record(
                actor=request.user,
                action=AuditAction.CASE_CHANGED,
                target=case,
                team=case.team,
                detail={"fields": sorted(form.changed_data)},
            )
            messages.success(request, _("Sagen er gemt."))
            return redirect("cases:detail", pk=case.pk)
    if request.method == "GET":
        audit_record(
            actor=request.user, action=AuditAction.CASE_VIEWED, target=case, team=case.team
        )
    context: dict[str, Any] = {"form": form, "case": case, "stale": stale}
    if stale is not None:
        context["stale_timeline"] = timeline_text(stale.timeline)
        context["stale_genogram"] = genogram_text(stale.genogram)
    context.update(_deadline_context(case.meeting, case=case))
    return render_page_or_partial(request, "cases/submit.html", "editor", context)


@login_required
@require_POST
def case_withdraw(request: SignedInRequest, pk: int) -> HttpResponse:
    case = access.case_or_404(request.user, pk)
    before_deadline = selectors.is_before_deadline(case)
    if not access.can_withdraw_case(request.user, case, before_deadline=before_deadline):
        raise PermissionDenied
    try:
        services.case_withdraw(case=case)
    except services.CaseRefused as refused:
        messages.error(request, str(refused))
    else:
        audit_record(
            actor=request.user, action=AuditAction.CASE_WITHDRAWN, target=case, team=case.team
        )
        messages.success(request, _("Sagen er trukket tilbage."))
    return redirect("cases:detail", pk=case.pk)


def _selection_context(
    meeting: Meeting, *, error: str | None = None, error_case: int | None = None
) -> dict[str, Any]:
    """The agenda and, before the meeting, every case of the team still waiting (for this
    meeting or another) with where it can go; once the meeting is running or held, the
    agenda only, read-only."""
    agenda = selectors.agenda_with_cases(meeting=meeting)
    editable = meeting.status == MeetingStatus.PLANNED
    waiting = list(selectors.waiting_cases(meeting=meeting)) if editable else []
    targets = list(selectors.move_targets(meeting=meeting)) if editable else []
    # An item without a case raises on .case (an AttributeError too), so hasattr tells.
    on_agenda = [item.case.pk for item in agenda if hasattr(item, "case")]
    shown = {case.pk for case in waiting} | set(on_agenda)
    return {
        "meeting": meeting,
        "agenda": agenda,
        "editable": editable,
        "waiting": waiting,
        "move_targets": targets,
        # The cases with somewhere to move to: a meeting other than the one they wait for.
        "movable": {
            case.pk for case in waiting if any(target.pk != case.meeting_id for target in targets)
        },
        "next_meeting": None if editable else selectors.next_planned_meeting(team=meeting.team),
        "capacity": case_capacity(meeting=meeting),
        "selected_count": len(on_agenda),
        "error": error,
        # The error is shown next to the case's own controls when the case is on the page.
        "error_case": error_case if error_case in shown else None,
        **(_deadline_context(meeting) if editable else {}),
    }


@login_required
@require_GET
def meeting_cases(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = meeting_or_404(request.user, pk)
    if not access.can_select_cases(request.user, meeting.team):
        raise PermissionDenied
    return render_page_or_partial(
        request, "cases/selection.html", "selection", _selection_context(meeting)
    )


@login_required
@require_POST
@vary_on_headers("HX-Request")
def meeting_case_action(request: SignedInRequest, pk: int) -> HttpResponse:
    """One change of the selection: a case of the team onto this meeting's agenda (from this
    meeting or another), off it, up, down, or to another meeting not yet held. Another
    team's case is not found (404); input that is not a case's id is an error."""
    meeting = meeting_or_404(request.user, pk)
    if not access.can_select_cases(request.user, meeting.team):
        raise PermissionDenied
    form = SelectionForm(request.POST)
    error, error_case = None, None
    if not form.is_valid():
        error = _("Ukendt handling.")
    else:
        case = selectors.case_of_team(meeting=meeting, case_id=form.cleaned_data["case"])
        if case is None:
            raise Http404
        error = _select(request, meeting, case, form.cleaned_data["action"])
        error_case = case.pk
    if request.htmx:
        return render(
            request,
            "cases/selection.html#selection",
            _selection_context(meeting, error=error, error_case=error_case),
        )
    if error:
        messages.error(request, error)
    return redirect("cases:meeting_cases", pk=meeting.pk)


def _select(request: SignedInRequest, meeting: Meeting, case: Case, action: str) -> str | None:
    try:
        services.require_agenda_open(meeting)
        if action == "select":
            services.case_select(case=case, meeting=meeting)
        elif action == "move":
            form = MoveForm(request.POST, meetings=selectors.move_targets(meeting=meeting))
            if not form.is_valid():
                return str(form.errors["to"][0])
            services.case_move(case=case, to=form.cleaned_data["to"])
        elif case.meeting_id != meeting.pk:
            return _("Sagen er ikke på dette mødes dagsorden.")
        elif action == "unselect":
            services.case_unselect(case=case)
        else:
            services.case_move_on_agenda(case=case, up=action == "up")
    except services.CaseRefused as refused:
        return str(refused)
    return None


@login_required
@require_GET
def rotation(request: SignedInRequest, slug: str) -> HttpResponse:
    team = visible_team_or_404(request.user, slug)
    if not access.can_select_cases(request.user, team):
        raise PermissionDenied
    return render(
        request,
        "cases/rotation.html",
        {
            "team": team,
            "rows": selectors.rotation(team=team),
            "next_meeting": selectors.next_planned_meeting(team=team),
        },
    )


@login_required
@require_POST
@submit_once
def rotation_ask(request: SignedInRequest, slug: str) -> HttpResponse:
    team = visible_team_or_404(request.user, slug)
    if not access.can_select_cases(request.user, team):
        raise PermissionDenied
    person = selectors.team_member(team=team, user_id=request.POST.get("user", ""))
    try:
        if person is None:
            raise services.CaseRefused(
                _("Der er ikke et planlagt møde eller en person at spørge.")
            )
        services.rotation_ask(team=team, person=person, asked_by=request.user)
    except services.CaseRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request, _("%(name)s er spurgt om en sag til næste møde.") % {"name": person}
        )
    return redirect("cases:rotation", slug=team.slug)
