"""Calendars: a meeting as an invitation to download, and a person's subscription (a secret
address their calendar program reads their upcoming meetings from, without signing in)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.http import attachment_response
from core.mail import absolute_url
from core.submits import submit_once
from meetings.access import meeting_or_404
from meetings.calendar import selectors, services
from meetings.calendar.ics import meeting_ics, meetings_ics
from meetings.calendar.models import CalendarFeed
from teams.requests import SignedInRequest


@login_required
@require_GET
def meeting_calendar(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = meeting_or_404(request.user, pk)
    return attachment_response(
        meeting_ics(meeting=meeting, now=timezone.now()),
        filename=f"moede-{meeting.pk}.ics",
        content_type="text/calendar; charset=utf-8",
    )


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def calendar_subscription(request: SignedInRequest) -> HttpResponse:
    """ "Abonnér på kalender": the person's feed address, made (anew) on POST."""
    if request.method == "POST":
        services.feed_create(user=request.user)
        messages.success(request, _("Dit kalenderlink er oprettet."))
        return redirect("meetings:calendar_subscription")
    feed = selectors.feed_of(user=request.user)
    url = absolute_url(reverse("meetings:calendar_feed", args=[feed.token])) if feed else ""
    return render(request, "meetings/calendar/subscription.html", {"feed": feed, "url": url})


@login_required
@require_POST
def calendar_subscription_revoke(request: SignedInRequest) -> HttpResponse:
    if services.feed_revoke(user=request.user):
        messages.success(request, _("Dit kalenderlink er tilbagekaldt og virker ikke længere."))
    return redirect("meetings:calendar_subscription")


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The person's upcoming meetings; an unknown or revoked address answers 404."""
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404
    return HttpResponse(
        meetings_ics(
            meetings=selectors.feed_meetings(user_id=feed.user_id),
            now=timezone.now(),
            name=_("Teamlæring: mine møder"),
        ),
        content_type="text/calendar; charset=utf-8",
    )
