"""A team's meetings: the list, planning, the meeting's page and the runner's screens."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseBase, QueryDict, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from core.hooks import gather
from core.http import HtmxHttpRequest
from meetings import access, hooks, live, selectors, services
from meetings.forms import MeetingForm, ObserverFeedbackForm, ObserversForm, OwnerNotesForm
from meetings.models import AgendaItem, Meeting, MeetingStatus, PhaseKind
from meetings.runner import render_runner, render_state, work_response
from teams.access import visible_team_or_404
from teams.middleware import activate_user_language, passive
from teams.models import User
from teams.requests import SignedInRequest


@login_required
@require_GET
def meeting_list(request: SignedInRequest) -> HttpResponse:
    return render(
        request,
        "meetings/list.html",
        {
            "upcoming": selectors.upcoming_meetings(user=request.user),
            "past": selectors.past_meetings(user=request.user),
            "plannable_teams": access.plannable_teams(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_plan(request: SignedInRequest, slug: str) -> HttpResponse:
    team = visible_team_or_404(request.user, slug)
    if not access.can_plan_meeting(request.user, team):
        raise PermissionDenied
    form = MeetingForm(request.POST or None, team=team)
    if request.method == "POST" and form.is_valid():
        meeting = services.meeting_plan(
            team=team, format=form.cleaned_data["format"], **form.meeting_fields()
        )
        messages.success(request, _("Mødet er planlagt."))
        return redirect("meetings:detail", pk=meeting.pk)
    return render(request, "meetings/plan.html", {"form": form, "team": team})


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = access.meeting_or_404(request.user, pk)
    if not access.can_plan_meeting(request.user, meeting.team):
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
        "agenda": "\n".join(selectors.planned_agenda_titles(meeting=meeting)),
    }
    form = MeetingForm(request.POST or None, team=meeting.team, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        services.meeting_update(meeting=meeting, **form.meeting_fields())
        messages.success(request, _("Mødet er ændret."))
        return redirect("meetings:detail", pk=meeting.pk)
    return render(
        request, "meetings/plan.html", {"form": form, "team": meeting.team, "meeting": meeting}
    )


def _observers_form(
    agenda: list[AgendaItem], participants: list[User], data: QueryDict | None = None
) -> ObserversForm:
    cases = [item for item in agenda if item.owner_id is not None]
    return ObserversForm(data, items=cases, candidates=participants)


@login_required
@require_GET
def meeting_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    return _detail_page(request, access.meeting_or_404(request.user, pk))


def _detail_page(
    request: SignedInRequest, meeting: Meeting, observers_form: ObserversForm | None = None
) -> HttpResponse:
    regions, contributed = gather(
        hooks.meeting_page, hooks.MeetingPage(user=request.user, meeting=meeting)
    )
    agenda = selectors.agenda(meeting=meeting)
    participants = selectors.participants(meeting=meeting)
    can_plan = access.can_plan_meeting(request.user, meeting.team)
    if observers_form is None and access.can_name_observers(request.user, meeting):
        observers_form = _observers_form(agenda, participants)
    return render(
        request,
        "meetings/detail.html",
        {
            "meeting": meeting,
            "state": selectors.runner_state(meeting=meeting),
            "agenda": agenda,
            "participants": participants,
            "speaking_time": selectors.speaking_time(meeting=meeting),
            "can_run": access.can_run_meeting(request.user, meeting),
            "can_plan": can_plan,
            "observers_form": observers_form,
            "regions": regions,
            **contributed,
        },
    )


@login_required
@require_POST
def meeting_observers(request: SignedInRequest, pk: int) -> HttpResponse:
    """Name the observer of each case (the interdisciplinary format)."""
    meeting = access.meeting_or_404(request.user, pk)
    if not access.can_name_observers(request.user, meeting):
        raise PermissionDenied
    form = _observers_form(
        selectors.agenda(meeting=meeting), selectors.participants(meeting=meeting), request.POST
    )
    if not form.is_valid():
        return _detail_page(request, meeting, observers_form=form)
    services.meeting_set_observers(meeting=meeting, observers=form.observers())
    messages.success(request, _("Observatørerne er gemt."))
    return redirect("meetings:detail", pk=meeting.pk)


@login_required
@require_GET
def runner(request: SignedInRequest, pk: int, mode: str) -> HttpResponse:
    """A meeting's screen in one of MODES: the facilitator's controls ("Kør møde"), the
    projector, or the participant's "Følg møde"."""
    meeting = access.meeting_or_404(request.user, pk)
    if mode == "control" and not access.can_run_meeting(request.user, meeting):
        raise PermissionDenied
    return render_runner(request, meeting, mode)


@passive
@require_GET
def runner_poll(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Has anything changed? Answers 204 from the session and one query when nothing has.

    The user is identified from the session alone, without loading the user row: the answer
    reveals only a version number, and the full state that follows a change goes through the
    complete permission checks below.
    """
    user_id = request.session.get(SESSION_KEY)
    if user_id is None:
        return HttpResponse(status=401)
    version = selectors.visible_version(user_id=user_id, pk=pk)
    if version is None:
        raise Http404
    if request.GET.get("v") == str(version):
        return HttpResponse(status=204)
    meeting = access.meeting_or_404(request.user, pk)
    activate_user_language(request)
    mode = access.screen_mode(request.user, meeting, request.GET.get("mode"))
    return render_state(request, meeting, mode)


@passive
@require_GET
async def runner_stream(request: HtmxHttpRequest, pk: int) -> HttpResponseBase:
    """The meeting's changes as Server-Sent Events: its state version now and after every
    change, for as long as the screen is open. Like the poll, it reads the user from the
    session alone and reveals only version numbers; the state itself comes from the poll."""
    user_id = await request.session.aget(SESSION_KEY)
    if user_id is None:
        return HttpResponse(status=401)
    version = await selectors.avisible_version(user_id=user_id, pk=pk)
    if version is None:
        # A bare 404, as for a meeting that does not exist: an EventSource shows no page, and
        # the error page's rendering would load the user in a thread of its own.
        return HttpResponse(status=404)
    return StreamingHttpResponse(
        live.stream(meeting_id=pk, version=version),
        content_type="text/event-stream",
        # No cache and no proxy buffering: each event must reach the screen at once.
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


@login_required
@require_GET
def runner_work(request: SignedInRequest, pk: int) -> HttpResponse:
    """The forms of a screen, fetched again when the meeting moves to another phase."""
    meeting = access.meeting_or_404(request.user, pk)
    mode = access.screen_mode(request.user, meeting, request.GET.get("mode"))
    if mode == "projector":
        raise Http404
    return render_runner(request, meeting, mode, partial="work")


ACTIONS: dict[str, Callable[..., Meeting]] = {
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


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


@login_required
@require_POST
@vary_on_headers("HX-Request")
def runner_action(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = access.meeting_or_404(request.user, pk)
    if not access.can_run_meeting(request.user, meeting):
        raise PermissionDenied
    action = request.POST.get("action", "")
    version = _int(request.POST.get("version"))
    extensions = {extension.name: extension for extension in hooks.runner_actions}
    error = None
    if version is None or action not in {
        *ACTIONS,
        *TURN_ACTIONS,
        "hand_over",
        "give_word",
        *extensions,
    }:
        error = _("Ukendt handling.")
    else:
        try:
            if action in extensions:
                meeting = extensions[action].perform(meeting, version, request.user, request.POST)
            else:
                meeting = _perform(meeting, action, version, request.POST)
        except services.ActionRefused as refused:
            error = str(refused)
            meeting = access.meeting_or_404(request.user, pk)
    if request.htmx:
        return render_state(request, meeting, "control", error=error)
    if error:
        messages.error(request, error)
    return redirect("meetings:control", pk=meeting.pk)


def _perform(meeting: Meeting, action: str, version: int, data: QueryDict) -> Meeting:
    common = {"meeting_id": meeting.pk, "version": version}
    if action in ACTIONS:
        return ACTIONS[action](**common)
    if action == "give_word":
        return services.hand_give(meeting_id=meeting.pk, hand_id=_int(data.get("hand")))
    if action == "hand_over":
        to = selectors.team_member(meeting=meeting, user_id=_int(data.get("to")))
        if to is None:
            raise services.ActionRefused(_("Vælg et medlem af teamet."))
        return services.meeting_hand_over(**common, to=to)
    turn_id = _int(data.get("turn"))
    if turn_id is None:
        raise services.ActionRefused(_("Vælg en deltager i runden."))
    if action == "skip":
        return services.round_skip(**common, turn_id=turn_id)
    return services.round_move(**common, turn_id=turn_id, up=action == "up")


def _case_in_phase(
    request: SignedInRequest, pk: int, kind: str, may_write: Callable[..., bool]
) -> tuple[Meeting, AgendaItem | None]:
    """The meeting and, when it is at a `kind` phase of a case, that case's agenda item: what
    the case's owner and its observer write to while the team discusses it. Refused (403) to
    anyone outside the team and, on the case's item, to anyone but who `may_write`."""
    meeting = access.meeting_or_404(request.user, pk)
    if not access.can_take_part(request.user, meeting):
        raise PermissionDenied
    step = selectors.current_step(meeting=meeting)
    item = step.agenda_item if step is not None else None
    if item is not None and not may_write(request.user, item):
        raise PermissionDenied
    if step is None or step.kind != kind:
        return meeting, None
    return meeting, item


@login_required
@require_POST
@vary_on_headers("HX-Request")
def owner_notes_save(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting, item = _case_in_phase(request, pk, PhaseKind.REFLECTION, access.can_write_owner_notes)
    if item is None:
        return work_response(
            request,
            meeting,
            "participant",
            work_error=_("Noterne skrives, mens teamet reflekterer over sagen."),
        )
    form = OwnerNotesForm(request.POST)
    if not form.is_valid():
        return work_response(request, meeting, "participant", notes_form=form)
    services.owner_notes_save(meeting=meeting, agenda_item=item, text=form.cleaned_data["notes"])
    return work_response(
        request, meeting, "participant", saved=_("Dine noter er gemt."), saved_form="owner_notes"
    )


@login_required
@require_POST
@vary_on_headers("HX-Request")
def observer_feedback_save(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting, item = _case_in_phase(
        request, pk, PhaseKind.OBSERVATION, access.can_write_observer_feedback
    )
    if item is None:
        return work_response(
            request,
            meeting,
            "participant",
            work_error=_("Observatøren giver sin tilbagemelding i observatørens fase."),
        )
    form = ObserverFeedbackForm(request.POST)
    if not form.is_valid():
        return work_response(request, meeting, "participant", observer_form=form)
    services.observer_feedback_save(
        meeting=meeting,
        agenda_item=item,
        relevant=form.cleaned_data["relevant"],
        tighten=form.cleaned_data["tighten"],
    )
    return work_response(
        request,
        meeting,
        "participant",
        saved=_("Din tilbagemelding er gemt."),
        saved_form="observer_feedback",
    )


@login_required
@require_POST
@vary_on_headers("HX-Request")
def hand_toggle(request: SignedInRequest, pk: int) -> HttpResponse:
    """ "Ræk hånden op", pressed again to lower it: the form says which of the two it asks."""
    meeting = access.meeting_or_404(request.user, pk)
    if not access.can_take_part(request.user, meeting):
        raise PermissionDenied
    error = None
    try:
        services.hand_set(
            meeting_id=meeting.pk, user=request.user, raised=request.POST.get("raised") == "1"
        )
    except services.ActionRefused as refused:
        error = str(refused)
    meeting = access.meeting_or_404(request.user, pk)
    if request.htmx:
        return render_state(request, meeting, "participant", error=error)
    if error:
        messages.error(request, error)
    return redirect("meetings:participant", pk=meeting.pk)
