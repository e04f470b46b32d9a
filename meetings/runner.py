"""What a runner screen shows: the state, the controls of its mode, and what higher apps add.

The control view (facilitator), the projector view and the participant view ("Følg møde") are
one template in three modes. Higher apps add to its regions through hooks.runner_panels; their
views answer with the same template's partials, through `render_runner`.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect

from core.hooks import gather
from core.http import HtmxHttpRequest, render_page_or_partial
from meetings import access, hooks, selectors
from meetings.forms import OwnerNotesForm
from meetings.hooks import RunnerView
from meetings.models import Meeting, PhaseKind
from teams.access import AnyUser

MODES = ("control", "projector", "participant")


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
    """The runner page, or for htmx the named partial of it ("state", "entries")."""
    context = runner_context(user=request.user, meeting=meeting, mode=mode, **extra)
    return render_page_or_partial(request, "meetings/runner.html", partial, context)


def entry_response(request: HtmxHttpRequest, meeting: Meeting, **extra: Any) -> HttpResponse:
    """The answer to an entry written in "Følg møde": the entries of the participant's screen
    for htmx; back to the screen otherwise, an error shown as a message."""
    if request.htmx:
        return render_runner(request, meeting, "participant", partial="entries", **extra)
    if extra.get("error"):
        messages.error(request, str(extra["error"]))
    return redirect("meetings:participant", pk=meeting.pk)
