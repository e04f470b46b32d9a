"""What a runner screen shows: the state, the controls of its mode, and what higher apps add.

The control view (facilitator), the projector view and the participant view ("Følg møde") are
one template in three modes, in three parts: the state (the phase, its clock, the controls),
swapped whenever the meeting changes; the aside beside it, swapped with it; and the work (the
room's forms), swapped only when the phase changes or a form of it is posted, so that what
someone is typing is never lost. Higher apps add to its regions through hooks.runner_panels:
"case" and "phase" inside the current phase, "control" below the controls, "work" among the
forms, "aside" beside the phase.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers

from core.hooks import gather
from core.http import HtmxHttpRequest, render_page_or_partial
from meetings import access, hooks, selectors
from meetings.forms import ObserverFeedbackForm, OwnerNotesForm
from meetings.hooks import RunnerView
from meetings.models import Meeting, PhaseKind
from teams.access import AnyUser

MODES = ("control", "projector", "participant")
TEMPLATE = "meetings/runner.html"


def runner_context(*, user: AnyUser, meeting: Meeting, mode: str, **extra: Any) -> dict[str, Any]:
    """The template context of a runner screen. `extra` (a bound form with its errors, a
    "saved" or "error" message) wins over what the panels put there."""
    state = selectors.runner_state(meeting=meeting)
    view = RunnerView(user=user, meeting=meeting, state=state, mode=mode)
    context: dict[str, Any] = {
        "meeting": meeting,
        "state": state,
        "mode": mode,
        "can_run": mode == "control",
    }
    current = state.current
    if mode == "participant" and view.is_live and current is not None:
        item = current.agenda_item
        if (
            current.kind == PhaseKind.REFLECTION
            and item
            and access.can_write_owner_notes(user, item)
        ):
            context["notes_form"] = OwnerNotesForm(initial={"notes": item.owner_notes})
        if (
            current.kind == PhaseKind.OBSERVATION
            and item
            and access.can_write_observer_feedback(user, item)
        ):
            context["observer_form"] = ObserverFeedbackForm(
                initial={"relevant": item.observer_relevant, "tighten": item.observer_tighten}
            )
        if current.is_discussion and access.can_take_part(user, meeting):
            context["can_raise_hand"] = True
            context["hand_position"] = state.hand_position(user.pk)
    if mode == "control":
        context["members"] = selectors.team_members(meeting=meeting)
    regions, contributed = gather(hooks.runner_panels, view)
    context.update(contributed)
    context["regions"] = regions
    context.update(extra)
    return context


def render_runner(
    request: HtmxHttpRequest, meeting: Meeting, mode: str, *, partial: str = "state", **extra: Any
) -> HttpResponse:
    """The runner page, or for htmx the named partial of it ("work")."""
    context = runner_context(user=request.user, meeting=meeting, mode=mode, **extra)
    return render_page_or_partial(request, TEMPLATE, partial, context)


def _render_parts(request: HtmxHttpRequest, context: dict[str, Any], main: str) -> HttpResponse:
    """The `main` partial, and the other parts a change shows out of band."""
    html = render_to_string(f"{TEMPLATE}#{main}", context, request=request)
    oob = {**context, "oob": True}
    if main != "state":
        html += render_to_string(f"{TEMPLATE}#state", oob, request=request)
    if context["mode"] != "projector":
        html += render_to_string(f"{TEMPLATE}#aside", oob, request=request)
    response = HttpResponse(html)
    patch_vary_headers(response, ["HX-Request"])
    return response


def render_state(
    request: HtmxHttpRequest, meeting: Meeting, mode: str, **extra: Any
) -> HttpResponse:
    """The state and, out of band, the aside: what a screen swaps when the meeting changes."""
    context = runner_context(user=request.user, meeting=meeting, mode=mode, **extra)
    return _render_parts(request, context, "state")


def work_response(
    request: HtmxHttpRequest, meeting: Meeting, mode: str, **extra: Any
) -> HttpResponse:
    """The answer to a form of the room: its work region again for htmx (the error next to
    the field and the text kept, or the confirmation); back to the screen otherwise, the
    outcome shown as a message."""
    if request.htmx:
        # The state comes along (out of band) with the version the save has raised: the
        # facilitator's controls can be pressed again at once without being refused as stale.
        meeting = access.meeting_or_404(request.user, meeting.pk)
        context = runner_context(user=request.user, meeting=meeting, mode=mode, **extra)
        return _render_parts(request, context, "work")
    if extra.get("work_error"):
        messages.error(request, str(extra["work_error"]))
    elif extra.get("saved"):
        messages.success(request, str(extra["saved"]))
    return redirect(
        "meetings:control" if mode == "control" else "meetings:participant", pk=meeting.pk
    )
