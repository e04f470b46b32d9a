from django.contrib import messages
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from learnings.services import learning_point_add as add_learning_point
from meetings import selectors, services
from meetings.forms import (
    FollowUpForm,
    LearningPointForm,
    MeetingForm,
    OwnerNotesForm,
    SummaryForm,
)
from meetings.models import Meeting, MeetingStatus, PhaseKind
from teams import rules
from teams.middleware import passive
from teams.models import User

MODES = ("control", "projector", "participant")
# The phases where a meeting agrees on follow-up: how and when.
FOLLOW_UP_PHASES = {PhaseKind.SUMMARY, PhaseKind.CHECK_OUT}


@login_required
@require_GET
def meeting_list(request: HttpRequest) -> HttpResponse:
    meetings = selectors.meetings_for(user=request.user)
    return render(
        request,
        "meetings/list.html",
        {
            "upcoming": meetings.upcoming().order_by("starts_at")[:50],
            "past": meetings.past().order_by("-starts_at")[:50],
            "plannable_teams": selectors.team_choices_for_planning(user=request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_plan(request: HttpRequest, slug: str) -> HttpResponse:
    team = rules.visible_team_or_404(request.user, slug)
    if not rules.can_plan_meeting(request.user, team):
        raise PermissionDenied
    form = MeetingForm(request.POST or None, team=team)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        meeting = services.meeting_plan(
            team=team,
            format=data["format"],
            title=data["title"],
            starts_at=data["starts_at"],
            place=data["place"],
            facilitator=data["facilitator"],
            participants=list(data["participants"]),
            agenda_titles=form.agenda_titles(),
            duration_minutes=data["duration_minutes"],
        )
        messages.success(request, _("Mødet er planlagt."))
        return redirect("meetings:detail", pk=meeting.pk)
    return render(request, "meetings/plan.html", {"form": form, "team": team})


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = rules.meeting_or_404(request.user, pk)
    if not rules.can_plan_meeting(request.user, meeting.team):
        raise PermissionDenied
    if meeting.status != MeetingStatus.PLANNED:
        messages.error(request, _("Et møde, der er gået i gang, kan ikke ændres."))
        return redirect("meetings:detail", pk=meeting.pk)
    initial = {
        "title": meeting.title,
        "starts_at": meeting.starts_at,
        "place": meeting.place,
        "duration_minutes": meeting.duration_minutes,
        "facilitator": meeting.facilitator,
        "participants": selectors.participants(meeting=meeting),
        "agenda": "\n".join(
            item.title for item in meeting.agenda_items.filter(owner__isnull=True)
        ),
    }
    form = MeetingForm(request.POST or None, team=meeting.team, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.meeting_update(
            meeting=meeting,
            title=data["title"],
            starts_at=data["starts_at"],
            place=data["place"],
            facilitator=data["facilitator"],
            participants=list(data["participants"]),
            agenda_titles=form.agenda_titles(),
            duration_minutes=data["duration_minutes"],
        )
        messages.success(request, _("Mødet er ændret."))
        return redirect("meetings:detail", pk=meeting.pk)
    return render(
        request, "meetings/plan.html", {"form": form, "team": meeting.team, "meeting": meeting}
    )


@login_required
@require_GET
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = rules.meeting_or_404(request.user, pk)
    state = selectors.runner_state(meeting=meeting)
    return render(
        request,
        "meetings/detail.html",
        {
            "meeting": meeting,
            "state": state,
            "agenda": meeting.agenda_items.select_related("owner"),
            "participants": selectors.participants(meeting=meeting),
            "speaking_time": selectors.speaking_time(meeting=meeting),
            "can_run": rules.can_run_meeting(request.user, meeting),
            "can_plan": rules.can_plan_meeting(request.user, meeting.team),
        },
    )


def _runner_context(request: HttpRequest, meeting: Meeting, mode: str, **extra) -> dict:
    state = selectors.runner_state(meeting=meeting)
    current = state.current
    user = request.user
    context = {
        "meeting": meeting,
        "state": state,
        "mode": mode,
        "can_run": mode == "control",
    }
    if mode == "participant" and current is not None and meeting.is_running:
        item = current.agenda_item
        if current.kind == PhaseKind.REFLECTION and item and item.owner_id == user.pk:
            context["notes_form"] = OwnerNotesForm(initial={"notes": item.owner_notes})
        if current.kind == PhaseKind.ROUND and rules.can_take_part(user, meeting):
            context["learning_point_form"] = LearningPointForm()
        if current.kind == PhaseKind.SUMMARY and rules.can_run_meeting(user, meeting):
            context["summary_form"] = SummaryForm()
    if mode == "control":
        context["members"] = User.objects.filter(memberships__team=meeting.team).order_by(
            "first_name"
        )
        if current is not None and meeting.is_running and current.kind in FOLLOW_UP_PHASES:
            context["follow_up_form"] = FollowUpForm(team=meeting.team)
    context.update(extra)
    return context


def _render_runner(request: HttpRequest, meeting: Meeting, mode: str, **extra) -> HttpResponse:
    template = "meetings/runner.html#state" if request.htmx else "meetings/runner.html"
    return render(request, template, _runner_context(request, meeting, mode, **extra))


@login_required
@require_GET
def runner_control(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = rules.meeting_or_404(request.user, pk)
    if not rules.can_run_meeting(request.user, meeting):
        raise PermissionDenied
    return _render_runner(request, meeting, "control")


@login_required
@require_GET
def runner_projector(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = rules.meeting_or_404(request.user, pk)
    return _render_runner(request, meeting, "projector")


@login_required
@require_GET
def runner_participant(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = rules.meeting_or_404(request.user, pk)
    return _render_runner(request, meeting, "participant")


@passive
@require_GET
def runner_poll(request: HttpRequest, pk: int) -> HttpResponse:
    """Has anything changed? Answers 204 from the session and one query when nothing has.

    The user is identified from the session alone, without loading the user row: the answer
    reveals only a version number, and the full state that follows a change goes through the
    complete permission checks below.
    """
    user_id = request.session.get(SESSION_KEY)
    if user_id is None:
        return HttpResponse(status=401)
    version = (
        Meeting.objects.visible_to_user_id(user_id)
        .filter(pk=pk)
        .values_list("version", flat=True)
        .first()
    )
    if version is None:
        raise Http404
    if request.GET.get("v") == str(version):
        return HttpResponse(status=204)
    mode = request.GET.get("mode")
    if mode not in MODES:
        mode = "participant"
    meeting = rules.meeting_or_404(request.user, pk)
    if mode == "control" and not rules.can_run_meeting(request.user, meeting):
        mode = "participant"
    return render(request, "meetings/runner.html#state", _runner_context(request, meeting, mode))


ACTIONS = {
    "start": services.meeting_start,
    "pause": services.meeting_pause,
    "resume": services.meeting_resume,
    "next": services.meeting_next_phase,
    "previous": services.meeting_previous_phase,
    "extend": services.meeting_extend,
    "finish": services.meeting_finish,
    "sound": services.meeting_toggle_sound,
    "next_speaker": services.round_next_speaker,
    "previous_speaker": services.round_previous_speaker,
}
TURN_ACTIONS = {"skip", "up", "down"}
REVIEW_ACTIONS = {"action_done", "action_moved"}


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


@login_required
@require_POST
def runner_action(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = rules.meeting_or_404(request.user, pk)
    if not rules.can_run_meeting(request.user, meeting):
        raise PermissionDenied
    action = request.POST.get("action", "")
    version = _int(request.POST.get("version"))
    error = None
    known = ACTIONS.keys() | TURN_ACTIONS | REVIEW_ACTIONS | {"hand_over"}
    if version is None or action not in known:
        error = _("Ukendt handling.")
    else:
        try:
            meeting = _perform(request, meeting, action, version)
        except services.ActionRefused as refused:
            error = str(refused)
            meeting = rules.meeting_or_404(request.user, pk)
    if request.htmx:
        return _render_runner(request, meeting, "control", error=error)
    if error:
        messages.error(request, error)
    return redirect("meetings:control", pk=meeting.pk)


def _perform(request: HttpRequest, meeting: Meeting, action: str, version: int) -> Meeting:
    common = {"meeting_id": meeting.pk, "version": version, "user": request.user}
    if action in ACTIONS:
        return ACTIONS[action](**common)
    if action == "hand_over":
        to = User.objects.filter(
            pk=_int(request.POST.get("to")), memberships__team=meeting.team
        ).first()
        if to is None:
            raise services.ActionRefused(_("Vælg et medlem af teamet."))
        return services.meeting_hand_over(**common, to=to)
    if action in REVIEW_ACTIONS:
        action_id = _int(request.POST.get("follow_up"))
        if action_id is None:
            raise services.ActionRefused(_("Vælg en opfølgning."))
        return services.review_action(**common, action_id=action_id, done=action == "action_done")
    turn_id = _int(request.POST.get("turn"))
    if turn_id is None:
        raise services.ActionRefused(_("Vælg en deltager i runden."))
    if action == "skip":
        return services.round_skip(**common, turn_id=turn_id)
    return services.round_move(**common, turn_id=turn_id, up=action == "up")


def _entry_response(request: HttpRequest, meeting: Meeting, **extra) -> HttpResponse:
    if request.htmx:
        context = _runner_context(request, meeting, "participant", **extra)
        return render(request, "meetings/runner.html#entries", context)
    if extra.get("error"):
        messages.error(request, extra["error"])
    return redirect("meetings:participant", pk=meeting.pk)


def _current_step(meeting: Meeting):
    if not meeting.is_running:
        return None
    return (
        meeting.steps.select_related("agenda_item")
        .filter(position=meeting.current_position)
        .first()
    )


def _record_point(
    request: HttpRequest,
    pk: int,
    *,
    phase: str,
    leader_summary: bool,
    wrong_phase: str,
    saved: str,
) -> HttpResponse:
    """A learning point in the round, or the leader's summary in the summary phase."""
    meeting = rules.meeting_or_404(request.user, pk)
    allowed = rules.can_run_meeting if leader_summary else rules.can_take_part
    if not allowed(request.user, meeting):
        raise PermissionDenied
    step = _current_step(meeting)
    if step is None or step.kind != phase:
        return _entry_response(request, meeting, error=wrong_phase)
    form = (SummaryForm if leader_summary else LearningPointForm)(request.POST)
    if not form.is_valid():
        form_name = "summary_form" if leader_summary else "learning_point_form"
        return _entry_response(request, meeting, **{form_name: form})
    add_learning_point(
        meeting=meeting,
        agenda_item=step.agenda_item,
        author=request.user,
        text=form.cleaned_data["text"],
        is_leader_summary=leader_summary,
        changes_practice=form.cleaned_data["changes_practice"] if leader_summary else None,
    )
    meeting.refresh_from_db()
    return _entry_response(request, meeting, saved=saved)


@login_required
@require_POST
def learning_point_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _record_point(
        request,
        pk,
        phase=PhaseKind.ROUND,
        leader_summary=False,
        wrong_phase=_("Læringspunkter skrives i runden."),
        saved=_("Læringspunktet er gemt."),
    )


@login_required
@require_POST
def owner_notes_save(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = rules.meeting_or_404(request.user, pk)
    step = _current_step(meeting)
    form = OwnerNotesForm(request.POST)
    if step is None or step.agenda_item is None or not form.is_valid():
        return _entry_response(request, meeting, error=_("Noterne kunne ikke gemmes."))
    try:
        services.owner_notes_save(
            meeting=meeting,
            agenda_item=step.agenda_item,
            user=request.user,
            text=form.cleaned_data["notes"],
        )
    except services.ActionRefused as refused:
        raise PermissionDenied from refused
    meeting.refresh_from_db()
    return _entry_response(request, meeting, saved=_("Dine noter er gemt."))


@login_required
@require_POST
def summary_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _record_point(
        request,
        pk,
        phase=PhaseKind.SUMMARY,
        leader_summary=True,
        wrong_phase=_("Opsamlingen skrives i opsamlingsfasen."),
        saved=_("Opsamlingen er gemt."),
    )


@login_required
@require_POST
def follow_up_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Agree on a follow-up action during the meeting's summary or check-out."""
    from learnings.rollup_services import action_create

    meeting = rules.meeting_or_404(request.user, pk)
    if not rules.can_run_meeting(request.user, meeting):
        raise PermissionDenied
    form = FollowUpForm(request.POST, team=meeting.team)
    if not form.is_valid():
        if request.htmx:
            context = _runner_context(request, meeting, "control", follow_up_form=form)
            return render(request, "meetings/runner.html#follow_up", context)
        messages.error(request, _("Opfølgningen er ikke gemt. Udfyld alle felter."))
        return redirect("meetings:control", pk=meeting.pk)
    action_create(
        team=meeting.team,
        user=request.user,
        title=form.cleaned_data["title"],
        owner=form.cleaned_data["owner"],
        due_date=form.cleaned_data["due_date"],
        meeting=meeting,
    )
    services.bump_version(meeting=meeting)
    meeting.refresh_from_db()
    if request.htmx:
        context = _runner_context(request, meeting, "control", saved=_("Opfølgningen er aftalt."))
        return render(request, "meetings/runner.html#follow_up", context)
    messages.success(request, _("Opfølgningen er aftalt."))
    return redirect("meetings:control", pk=meeting.pk)
