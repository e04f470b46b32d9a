"""Guests of a meeting: inviting and revoking ("Gæster"), and the guest's own screen, opened by
the link in their invitation without an account: "Følg møde" of that meeting, read-only, kept
up to date by the poll (the stream is tied to a signed-in session)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.http import HtmxHttpRequest
from core.submits import submit_once
from meetings.access import can_invite_guests, meeting_or_404
from meetings.guests import selectors, services
from meetings.guests.forms import GuestForm
from meetings.guests.models import MeetingGuest
from meetings.hooks import GuestLink
from meetings.runner import guest_screen, render_runner, render_state
from meetings.services import ActionRefused
from teams.middleware import passive
from teams.requests import SignedInRequest


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def guest_list(request: SignedInRequest, pk: int) -> HttpResponse:
    """The meeting's guests, and "Inviter gæst"."""
    meeting = meeting_or_404(request.user, pk)
    if not can_invite_guests(request.user, meeting):
        raise PermissionDenied
    form = GuestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            guest = services.guest_invite(
                meeting=meeting, invited_by=request.user, **form.cleaned_data
            )
        except ActionRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request,
                _("%(name)s er inviteret og får et link til mødet pr. e-mail.")
                % {"name": guest.name},
            )
            return redirect("meetings:guests", pk=meeting.pk)
    now = timezone.now()
    guests = [
        (guest, guest.is_valid(now))
        for guest in selectors.guests_of(meeting=meeting).select_related("meeting")
    ]
    return render(
        request,
        "meetings/guests/list.html",
        {"meeting": meeting, "guests": guests, "form": form},
    )


@login_required
@require_POST
def guest_revoke(request: SignedInRequest, pk: int, guest_pk: int) -> HttpResponse:
    meeting = meeting_or_404(request.user, pk)
    if not can_invite_guests(request.user, meeting):
        raise PermissionDenied
    guest = get_object_or_404(MeetingGuest, meeting=meeting, pk=guest_pk)
    services.guest_revoke(guest=guest)
    messages.success(request, _("Linket til %(name)s er tilbagekaldt.") % {"name": guest.name})
    return redirect("meetings:guests", pk=meeting.pk)


def _guest_context(guest: MeetingGuest, token: str) -> dict[str, Any]:
    return guest_screen(GuestLink(guest=guest, token=token))


@require_GET
def guest_follow(request: HtmxHttpRequest, pk: int, token: str) -> HttpResponse:
    """The guest's "Følg møde": what the meeting shows a participant, and nothing to change."""
    guest = selectors.guest_or_404(meeting_pk=pk, token=token)
    return render_runner(
        request,
        guest.meeting,
        "participant",
        user=AnonymousUser(),
        **_guest_context(guest, token),
    )


@passive
@require_GET
def guest_poll(request: HtmxHttpRequest, pk: int, token: str) -> HttpResponse:
    """Has the meeting changed? 204 when not, else its state (as meetings.views.runner_poll)."""
    guest = selectors.guest_or_404(meeting_pk=pk, token=token)
    meeting = guest.meeting
    if request.GET.get("v") == str(meeting.version):
        return HttpResponse(status=204)
    return render_state(
        request, meeting, "participant", user=AnonymousUser(), **_guest_context(guest, token)
    )


@require_GET
def guest_work(request: HtmxHttpRequest, pk: int, token: str) -> HttpResponse:
    """The guest's forms, fetched again when the meeting moves to another phase."""
    guest = selectors.guest_or_404(meeting_pk=pk, token=token)
    return render_runner(
        request,
        guest.meeting,
        "participant",
        partial="work",
        user=AnonymousUser(),
        **_guest_context(guest, token),
    )
