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

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_vary_headers

from core.hooks import gather
from core.http import HtmxHttpRequest, render_page_or_partial
from meetings import access, hooks, selectors
from meetings.forms import ObserverFeedbackForm, OwnerNotesForm
from meetings.hooks import GuestLink, RunnerView
from meetings.models import Meeting, PhaseKind
from teams.access import AnyUser
from teams.models import User

MODES = ("control", "projector", "participant")
TEMPLATE = "meetings/runner.html"


@dataclass(frozen=True)
class OwnPart:
    """What a participant's screen has of its own at a state: the case owner's notes, the
    observer's feedback, the raised hand and its place in the queue, the breakout group."""

    notes: bool = False
    observer: bool = False
    raise_hand: bool = False
    hand_position: int | None = None
    group: int | None = None


def own_part(
    *,
    user: AnyUser,
    meeting: Meeting,
    state: selectors.RunnerState,
    mode: str,
    can_take_part: bool | None = None,
) -> OwnPart:
    """`can_take_part` is access.can_take_part when the caller knows it already (a pushed
    screen's viewer): asked of many viewers, it would be a query each."""
    current = state.current
    if mode != "participant" or current is None or not meeting.is_running:
        return OwnPart()
    item = current.agenda_item
    raise_hand = current.is_discussion and (
        access.can_take_part(user, meeting) if can_take_part is None else can_take_part
    )
    return OwnPart(
        notes=bool(
            current.kind == PhaseKind.REFLECTION
            and item
            and access.can_write_owner_notes(user, item)
        ),
        observer=bool(
            current.kind == PhaseKind.OBSERVATION
            and item
            and access.can_write_observer_feedback(user, item)
        ),
        raise_hand=raise_hand,
        hand_position=state.hand_position(user.pk) if raise_hand else None,
        group=group.pk if (group := state.group_of(user.pk)) is not None else None,
    )


def people_with_own_part(state: selectors.RunnerState) -> set[int]:
    """Who may have something of their own (own_part) at this state: the current case's owner
    and observer, whoever has a hand up, and the members of breakout groups. Anyone else's own
    part is that of every other member who can take part as they can: the same "Følg møde"
    screen (meetings.screens)."""
    current = state.current
    if current is None:
        return set()
    people = {hand.user_id for hand in state.hands}
    people |= {member.user_id for group in state.groups for member in group.members.all()}
    item = current.agenda_item
    if item is not None:
        people |= {person for person in (item.owner_id, item.observer_id) if person is not None}
    return people


def runner_context(
    *,
    user: AnyUser,
    meeting: Meeting,
    mode: str,
    state: selectors.RunnerState | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """The template context of a runner screen. `extra` (a bound form with its errors, a
    "saved" or "error" message) wins over what the panels put there; `state` is the meeting's
    state when the caller has it already (meetings.screens, for many screens at once)."""
    if state is None:
        state = selectors.runner_state(meeting=meeting)
    view = RunnerView(
        user=user, meeting=meeting, state=state, mode=mode, guest=extra.get("guest_link")
    )
    context: dict[str, Any] = {
        "meeting": meeting,
        "state": state,
        "mode": mode,
        "can_run": mode == "control",
        "can_check_out": mode == "participant" and access.can_check_out(user, meeting),
    }
    own = own_part(user=user, meeting=meeting, state=state, mode=mode)
    item = state.current.agenda_item if state.current is not None else None
    if own.notes and item is not None:
        context["notes_form"] = OwnerNotesForm(initial={"notes": item.owner_notes})
    if own.observer and item is not None:
        context["observer_form"] = ObserverFeedbackForm(
            initial={"relevant": item.observer_relevant, "tighten": item.observer_tighten}
        )
    if own.raise_hand:
        context["can_raise_hand"] = True
        context["hand_position"] = own.hand_position
    if mode == "control":
        context["members"] = selectors.team_members(meeting=meeting)
    regions, contributed = gather(hooks.runner_panels, view)
    context.update(contributed)
    context["regions"] = regions
    context.update(extra)
    return context


def render_runner(
    request: HtmxHttpRequest,
    meeting: Meeting,
    mode: str,
    *,
    partial: str = "state",
    user: AnyUser | None = None,
    **extra: Any,
) -> HttpResponse:
    """The runner page, or for htmx the named partial of it ("work"); as `user` sees it (a
    guest's link: nobody signed in), else as the request's user."""
    context = runner_context(user=user or request.user, meeting=meeting, mode=mode, **extra)
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


def render_pushed(
    *, user: User, meeting: Meeting, state: selectors.RunnerState, mode: str
) -> tuple[str, str | None]:
    """The state with the aside out of band, and the work (none on the projector), as pushed to
    every screen of `mode` whose viewer is like `user` (meetings.screens): rendered without a
    request, and `pushed` leaves the CSRF token (the session's own) out of its forms: htmx
    sends the one the page has in a header."""
    context = runner_context(user=user, meeting=meeting, mode=mode, state=state, pushed=True)
    oob = {**context, "oob": True}
    html = render_to_string(f"{TEMPLATE}#state", context)
    work = None
    if mode != "projector":
        html += render_to_string(f"{TEMPLATE}#aside", oob)
        work = render_to_string(f"{TEMPLATE}#work", context)
    return html, work


def render_state(
    request: HtmxHttpRequest,
    meeting: Meeting,
    mode: str,
    *,
    user: AnyUser | None = None,
    **extra: Any,
) -> HttpResponse:
    """The state and, out of band, the aside: what a screen swaps when the meeting changes."""
    context = runner_context(user=user or request.user, meeting=meeting, mode=mode, **extra)
    return _render_parts(request, context, "state")


def work_response(
    request: HtmxHttpRequest,
    meeting: Meeting,
    mode: str,
    *,
    guest_link: GuestLink | None = None,
    **extra: Any,
) -> HttpResponse:
    """The answer to a form of the room: its work region again for htmx (the error next to
    the field and the text kept, or the confirmation); back to the screen otherwise, the
    outcome shown as a message. A guest's form (`guest_link`) answers with the guest's screen,
    as nobody signed in."""
    if request.htmx:
        # The state comes along (out of band) with the version the save has raised: the
        # facilitator's controls can be pressed again at once without being refused as stale.
        if guest_link is None:
            meeting = access.meeting_or_404(request.user, meeting.pk)
            user = request.user
        else:
            meeting.refresh_from_db()
            user, extra = AnonymousUser(), {**guest_screen(guest_link), **extra}
        context = runner_context(user=user, meeting=meeting, mode=mode, **extra)
        return _render_parts(request, context, "work")
    if extra.get("work_error"):
        messages.error(request, str(extra["work_error"]))
    elif extra.get("saved"):
        messages.success(request, str(extra["saved"]))
    if guest_link is not None:
        return redirect("meetings:guest_follow", pk=meeting.pk, token=guest_link.token)
    return redirect(
        "meetings:control" if mode == "control" else "meetings:participant", pk=meeting.pk
    )


def guest_screen(link: GuestLink) -> dict[str, Any]:
    """What a guest's screen adds to the runner's context: the guest, and the addresses its
    script polls and fetches through the guest's link."""
    pk, token = link.guest.meeting_id, link.token
    return {
        "guest": link.guest,
        "guest_link": link,
        "guest_poll_url": reverse("meetings:guest_poll", args=[pk, token]),
        "guest_work_url": reverse("meetings:guest_work", args=[pk, token]),
    }
