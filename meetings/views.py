"""A team's meetings: the list, planning, the meeting's page and the runner's screens."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from asgiref.sync import sync_to_async
from django.contrib import messages
from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseBase, QueryDict, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from core.hooks import gather
from core.http import HtmxHttpRequest, is_partial, posted_id, render_page_or_partial
from core.submits import submit_once
from meetings import access, hooks, live, planning, screens, selectors, services
from meetings.evaluation import selectors as evaluation_selectors
from meetings.evaluation.forms import CheckOutForm
from meetings.forms import MeetingForm, ObserverFeedbackForm, ObserversForm, OwnerNotesForm
from meetings.models import AgendaItem, Format, Meeting, MeetingStatus, PhaseKind
from meetings.runner import render_runner, render_state, work_response
from teams.access import is_member, visible_team_or_404
from teams.middleware import activate_user_language, passive
from teams.models import Team, User
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
@submit_once
def meeting_plan(request: SignedInRequest, slug: str) -> HttpResponse:
    """Plan a meeting from a format, starting from the defaults that fit the team. htmx asks
    again (GET) whenever a field changes, for the timetable of what the form holds."""
    team = visible_team_or_404(request.user, slug)
    if not access.can_plan_meeting(request.user, team):
        raise PermissionDenied
    if request.method == "POST":
        form = MeetingForm(request.POST, team=team)
        if form.is_valid():
            meeting = services.meeting_plan(
                team=team, format=form.cleaned_data["format"], **form.meeting_fields()
            )
            messages.success(request, _("Mødet er planlagt."))
            return redirect("meetings:detail", pk=meeting.pk)
    elif is_partial(request):
        form = MeetingForm(request.GET, team=team)
    else:
        form = MeetingForm(team=team, initial=_plan_initial(request.user, team))
    members = selectors.team_size(team=team)
    choices = planning.format_choices(team=team, participant_count=members)
    current = form.current()
    chosen = _chosen(choices, current["format"])
    preview = None
    if chosen is not None:
        preview = planning.plan_preview(
            team=team,
            phases=[phase.snapshot() for phase in chosen.format.phases.all()],
            repeats_per_case=chosen.format.repeats_per_case,
            starts_at=current["starts_at"],
            cases=current["agenda_lines"],
            participant_count=current["participant_count"],
            duration_minutes=current["duration_minutes"],
            limit_minutes=chosen.format.meeting_minutes,
        )
    title = _title_update(form, chosen, current["starts_at"])
    if title:
        form.fill_in_title(title)
    context = {
        "form": form,
        "team": team,
        "choices": choices,
        "chosen": chosen,
        "preview": preview,
        "title_update": bool(title),
    }
    return render_page_or_partial(request, "meetings/plan.html", "timetable", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def meeting_cancel(request: SignedInRequest, pk: int) -> HttpResponse:
    """Cancel a planned meeting: a page that says what cancelling does, or what waits for the
    meeting first, and the button."""
    meeting = access.meeting_or_404(request.user, pk)
    if not access.can_plan_meeting(request.user, meeting.team):
        raise PermissionDenied
    if meeting.status != MeetingStatus.PLANNED:
        messages.error(request, _("Et møde, der er gået i gang, kan ikke aflyses."))
        return redirect("meetings:detail", pk=meeting.pk)
    if request.method == "POST":
        try:
            services.meeting_cancel(meeting=meeting, user=request.user)
        except services.ActionRefused as refused:
            messages.error(request, str(refused))
            return redirect("meetings:cancel", pk=meeting.pk)
        messages.success(
            request,
            _("Mødet »%(title)s« er aflyst, og deltagerne får besked.") % {"title": meeting.title},
        )
        return redirect("meetings:list")
    context = {"meeting": meeting, "refusals": selectors.cancel_refusals(meeting=meeting)}
    return render(request, "meetings/cancel.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    """Change a planned meeting; htmx asks again (GET) for the timetable as fields change."""
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
        # Empty while the length follows the timetable, so that it goes on following it.
        "duration_minutes": None if meeting.length_follows_timetable else meeting.duration_minutes,
        "facilitator": meeting.facilitator,
        "co_facilitator": meeting.co_facilitator_id,
        "participants": selectors.participants(meeting=meeting),
        "agenda": "\n".join(selectors.planned_agenda_titles(meeting=meeting)),
    }
    data = request.POST if request.method == "POST" else None
    if data is None and is_partial(request):
        data = request.GET
    form = MeetingForm(data, team=meeting.team, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        services.meeting_update(meeting=meeting, **form.meeting_fields())
        messages.success(request, _("Mødet er ændret."))
        return redirect("meetings:detail", pk=meeting.pk)
    current = form.current()
    preview = planning.plan_preview(
        team=meeting.team,
        phases=meeting.phases,
        repeats_per_case=meeting.format.repeats_per_case,
        starts_at=current["starts_at"],
        cases=selectors.brought_case_count(meeting=meeting) + current["agenda_lines"],
        participant_count=current["participant_count"],
        duration_minutes=current["duration_minutes"],
        limit_minutes=meeting.format.meeting_minutes,
        meeting=meeting,
    )
    context = {"form": form, "team": meeting.team, "meeting": meeting, "preview": preview}
    return render_page_or_partial(request, "meetings/plan.html", "timetable", context)


def _plan_initial(user: User, team: Team) -> dict[str, Any]:
    """The defaults that fit: the next free slot in the team's rhythm, the place and the
    format of its last meeting, the planner as facilitator (the team as participants is the
    form's own default), and the title from the format and the date."""
    defaults = planning.plan_defaults(team=team)
    initial: dict[str, Any] = {
        "starts_at": defaults.starts_at,
        "place": defaults.place,
        "format": defaults.format_id,
        "facilitator": user if is_member(user, team) else None,
    }
    return initial


def _chosen(
    choices: list[planning.FormatChoice], format: Format | int | None
) -> planning.FormatChoice | None:
    """The picker's entry of the chosen format (a Format, or its id from the defaults)."""
    pk = format.pk if isinstance(format, Format) else format
    return next((choice for choice in choices if choice.format.pk == pk), None)


def _title_update(
    form: MeetingForm, chosen: planning.FormatChoice | None, starts_at: datetime | None
) -> str:
    """The title filled in from the format and the date, while the planner has not written
    one of their own ("" when the title is theirs, or there is nothing to fill in from)."""
    if chosen is None or starts_at is None or not form.title_follows():
        return ""
    return services.default_title(format=chosen.format, starts_at=starts_at)


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
    check_out_form, answered, summary = None, False, None
    if access.can_check_out(request.user, meeting):
        own = evaluation_selectors.own_check_out(meeting=meeting, user=request.user)
        answered = own is not None
        initial = {"usefulness": own.usefulness, "comment": own.comment} if own else {}
        check_out_form = CheckOutForm(initial=initial)
    if meeting.status == MeetingStatus.FINISHED and access.can_read_evaluation(
        request.user, meeting.team
    ):
        summary = evaluation_selectors.meeting_summary(meeting=meeting)
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
            "over_limit": planning.over_limit_text(
                meeting.timetable_minutes, meeting.format.meeting_minutes
            ),
            "observers_form": observers_form,
            "check_out_form": check_out_form,
            "answered": answered,
            "evaluation": summary,
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
    """Has anything changed? Answers 204 from the session and one query when nothing has
    (none while this process listens to the meeting's changes: selectors.poll_version).

    The user is identified from the session alone, without loading the user row: the answer
    reveals only a version number, and the full state that follows a change goes through the
    complete permission checks below. A session whose person has been deactivated or has a new
    password is answered 401 (the screen then reloads to the login page).
    """
    user_id = request.session.get(SESSION_KEY)
    if user_id is None:
        return HttpResponse(status=401)
    answer = selectors.poll_version(
        user_id=user_id, session_hash=request.session.get(HASH_SESSION_KEY), pk=pk
    )
    if not answer.signed_in:
        return HttpResponse(status=401)
    if answer.version is None:
        raise Http404
    if request.GET.get("v") == str(answer.version):
        return HttpResponse(status=204)
    # Loading the user checks the session as every page does (active, the same password).
    if not request.user.is_authenticated:
        return HttpResponse(status=401)
    meeting = access.meeting_or_404(request.user, pk)
    activate_user_language(request)
    mode = access.screen_mode(request.user, meeting, request.GET.get("mode"))
    return render_state(request, meeting, mode)


@passive
@require_GET
async def runner_stream(request: HtmxHttpRequest, pk: int) -> HttpResponseBase:
    """The meeting's changes as Server-Sent Events, for as long as the screen is open: the
    version now, then each change, as the state itself for the projector and "Følg møde"
    (meetings.screens) and as the version for the control view, which then fetches its state.
    Opening, it checks that the session's person is still signed in as they were (active, the
    same password) and may see the meeting; each change is checked against the session and the
    person again before it is sent, and a refused stream is told so and ends."""
    user_id = await request.session.aget(SESSION_KEY)
    session_hash = await request.session.aget(HASH_SESSION_KEY)
    session_key = request.session.session_key
    if user_id is None or session_key is None:
        return HttpResponse(status=401)
    version = await selectors.avisible_version(user_id=user_id, pk=pk)
    if version is None:
        # A bare 404, as for a meeting that does not exist: an EventSource shows no page, and
        # the error page's rendering would load the user in a thread of its own.
        return HttpResponse(status=404)
    viewer = await sync_to_async(_stream_viewer)(
        user_id=int(user_id),
        session_key=session_key,
        session_hash=session_hash,
        pk=pk,
        mode=request.GET.get("mode"),
    )
    if viewer is None:
        return HttpResponse(status=401)

    async def describe(changed: int) -> str | None:
        return await screens.event_for(viewer, meeting_id=pk, version=changed)

    return StreamingHttpResponse(
        live.stream(meeting_id=pk, version=version, viewer=viewer, describe=describe),
        content_type="text/event-stream",
        # No cache and no proxy buffering: each event must reach the screen at once.
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


def _stream_viewer(
    *, user_id: int, session_key: str, session_hash: object, pk: int, mode: str | None
) -> screens.Viewer | None:
    try:
        return screens.viewer_of(
            user_id=user_id,
            session_key=session_key,
            session_hash=session_hash,
            meeting_id=pk,
            mode=mode,
        )
    finally:
        # The checks ran in this request's own thread, whose database connection would
        # otherwise stay open for the stream's whole life: one connection per screen.
        live.release_connection()


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


@login_required
@require_POST
@vary_on_headers("HX-Request")
def runner_action(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = access.meeting_or_404(request.user, pk)
    if not access.can_run_meeting(request.user, meeting):
        raise PermissionDenied
    action = request.POST.get("action", "")
    version = posted_id(request.POST.get("version", ""))
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
        return services.hand_give(meeting_id=meeting.pk, hand_id=posted_id(data.get("hand", "")))
    if action == "hand_over":
        to = selectors.team_member(meeting=meeting, user_id=posted_id(data.get("to", "")))
        if to is None:
            raise services.ActionRefused(_("Vælg et medlem af teamet."))
        return services.meeting_hand_over(**common, to=to)
    turn_id = posted_id(data.get("turn", ""))
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
