from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases import genogram, selectors, services
from cases.deadline import time_left_text
from cases.forms import CaseForm, PostponeForm
from cases.models import Case, CaseStatus
from cases.rotation_tasks import ask_next_in_turn
from meetings.models import Meeting, MeetingStatus
from meetings.selectors import case_capacity
from teams import rules
from teams.models import User


@login_required
@require_GET
def case_list(request: HttpRequest) -> HttpResponse:
    cases = list(selectors.cases_for(user=request.user)[:200])
    leading = {
        team.pk
        for team in {case.team for case in cases}
        if rules.can_select_cases(request.user, team)
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


def _deadline_context(meeting: Meeting | None) -> dict:
    if meeting is None:
        return {}
    deadline = selectors.deadline_for(meeting)
    now = timezone.now()
    return {
        "deadline": deadline,
        "deadline_passed": now >= deadline,
        "time_left": time_left_text(deadline, now),
    }


@login_required
@require_http_methods(["GET", "POST"])
def case_submit(request: HttpRequest) -> HttpResponse:
    meetings = selectors.open_meetings_for_cases(user=request.user)
    initial = {}
    if chosen := request.GET.get("meeting"):
        initial["meeting"] = meetings.filter(pk=chosen if chosen.isdigit() else 0).first()
    form = CaseForm(request.POST or None, meetings=meetings, initial=initial)
    if request.method == "POST" and form.is_valid():
        meeting = form.cleaned_data["meeting"]
        if not rules.can_submit_case(request.user, meeting.team):
            raise PermissionDenied
        try:
            case = services.case_submit(meeting=meeting, user=request.user, **form.case_fields())
        except services.CaseRefused as refused:
            form.add_error("meeting", str(refused))
        else:
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
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = rules.case_or_404(request.user, pk)
    before_deadline = selectors.is_before_deadline(case)
    leading = rules.can_select_cases(request.user, case.team)
    context = {
        "case": case,
        "can_edit": rules.can_edit_case(request.user, case, before_deadline=before_deadline),
        "can_withdraw": case.status in (CaseStatus.SUBMITTED, CaseStatus.SELECTED)
        and (leading or (case.submitted_by_id == request.user.pk and before_deadline)),
        "genogram": genogram.layout(case.genogram) if case.has_material else None,
        "timeline": [
            {"date": date.fromisoformat(event["date"]), "event": event["event"]}
            for event in case.timeline
        ],
        "leading": leading,
    }
    context.update(_deadline_context(case.meeting))
    return render(request, "cases/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def case_edit(request: HttpRequest, pk: int) -> HttpResponse:
    case = rules.case_or_404(request.user, pk)
    before_deadline = selectors.is_before_deadline(case)
    if not rules.can_edit_case(request.user, case, before_deadline=before_deadline):
        raise PermissionDenied
    meetings = Meeting.objects.filter(pk=case.meeting_id).select_related("team")
    form = CaseForm(request.POST or None, instance=case, meetings=meetings)
    if request.method == "POST" and form.is_valid():
        services.case_update(case=case, user=request.user, **form.case_fields())
        messages.success(request, _("Sagen er gemt."))
        return redirect("cases:detail", pk=case.pk)
    context = {"form": form, "case": case}
    context.update(_deadline_context(case.meeting))
    return render(request, "cases/submit.html", context)


@login_required
@require_POST
def case_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    case = rules.case_or_404(request.user, pk)
    leading = rules.can_select_cases(request.user, case.team)
    own_in_time = case.submitted_by_id == request.user.pk and selectors.is_before_deadline(case)
    if not (leading or own_in_time):
        raise PermissionDenied
    try:
        services.case_withdraw(case=case, user=request.user)
    except services.CaseRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("Sagen er trukket tilbage."))
    return redirect("cases:detail", pk=case.pk)


def _selection_context(request: HttpRequest, meeting: Meeting, **extra) -> dict:
    cases = list(selectors.cases_for_meeting(meeting=meeting))
    later = Meeting.objects.filter(
        team=meeting.team, status=MeetingStatus.PLANNED, starts_at__gt=meeting.starts_at
    ).order_by("starts_at")
    agenda = list(meeting.agenda_items.select_related("case", "owner").order_by("position", "id"))
    return {
        "meeting": meeting,
        "agenda": agenda,
        "waiting": [case for case in cases if case.status == CaseStatus.SUBMITTED],
        "capacity": case_capacity(meeting=meeting),
        "selected_count": sum(1 for item in agenda if item.case_id),
        "postpone_form": PostponeForm(meetings=later),
        "has_later": later.exists(),
        **_deadline_context(meeting),
        **extra,
    }


@login_required
@require_GET
def meeting_cases(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = rules.meeting_or_404(request.user, pk)
    if not rules.can_select_cases(request.user, meeting.team):
        raise PermissionDenied
    template = "cases/selection.html#selection" if request.htmx else "cases/selection.html"
    return render(request, template, _selection_context(request, meeting))


SELECTION_ACTIONS = {"select", "unselect", "up", "down", "postpone"}


@login_required
@require_POST
def meeting_case_action(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = rules.meeting_or_404(request.user, pk)
    if not rules.can_select_cases(request.user, meeting.team):
        raise PermissionDenied
    action = request.POST.get("action", "")
    case_id = request.POST.get("case", "")
    case = (
        Case.objects.filter(
            pk=case_id if case_id.isdigit() else 0, team=meeting.team, meeting=meeting
        )
        .select_related("meeting__team", "submitted_by")
        .first()
    )
    error = None
    if action not in SELECTION_ACTIONS or case is None:
        error = _("Ukendt handling.")
    else:
        error = _select(request, meeting, case, action)
    if request.htmx:
        meeting.refresh_from_db()
        return render(
            request,
            "cases/selection.html#selection",
            _selection_context(request, meeting, error=error),
        )
    if error:
        messages.error(request, error)
    return redirect("cases:meeting_cases", pk=meeting.pk)


def _select(request: HttpRequest, meeting: Meeting, case: Case, action: str) -> str | None:
    user = request.user
    try:
        if action == "select":
            services.case_select(case=case, user=user)
        elif action == "unselect":
            services.case_unselect(case=case, user=user)
        elif action in ("up", "down"):
            services.case_move_on_agenda(case=case, user=user, up=action == "up")
        else:
            later = Meeting.objects.filter(
                team=meeting.team, status=MeetingStatus.PLANNED, starts_at__gt=meeting.starts_at
            )
            form = PostponeForm(request.POST, meetings=later)
            if not form.is_valid():
                return _("Vælg et senere, planlagt møde i samme team.")
            services.case_postpone(case=case, user=user, to=form.cleaned_data["to"])
    except services.CaseRefused as refused:
        return str(refused)
    return None


@login_required
@require_GET
def rotation(request: HttpRequest, slug: str) -> HttpResponse:
    team = rules.visible_team_or_404(request.user, slug)
    if not rules.can_select_cases(request.user, team):
        raise PermissionDenied
    return render(
        request,
        "cases/rotation.html",
        {
            "team": team,
            "rows": selectors.rotation(team=team),
            "next_meeting": Meeting.objects.filter(
                team=team, status=MeetingStatus.PLANNED, starts_at__gte=timezone.now()
            )
            .order_by("starts_at")
            .first(),
        },
    )


@login_required
@require_POST
def rotation_ask(request: HttpRequest, slug: str) -> HttpResponse:
    team = rules.visible_team_or_404(request.user, slug)
    if not rules.can_select_cases(request.user, team):
        raise PermissionDenied
    person_id = request.POST.get("user", "")
    person = User.objects.filter(
        pk=person_id if person_id.isdigit() else 0, memberships__team=team
    ).first()
    meeting = (
        Meeting.objects.filter(
            team=team, status=MeetingStatus.PLANNED, starts_at__gte=timezone.now()
        )
        .order_by("starts_at")
        .first()
    )
    if person is None or meeting is None:
        messages.error(request, _("Der er ikke et planlagt møde eller en person at spørge."))
    else:
        transaction.on_commit(
            lambda: ask_next_in_turn.enqueue(
                meeting_id=meeting.pk, user_id=person.pk, asked_by_id=request.user.pk
            )
        )
        messages.success(
            request, _("%(name)s er spurgt om en sag til næste møde.") % {"name": person}
        )
    return redirect("cases:rotation", slug=team.slug)
