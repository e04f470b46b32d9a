"""The presenters of a meeting's practitioner examples: the meeting leaders' page (who is
proposed, who presents in which order, a stand-in for one who has no example), and the
presenter's own brief."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.http import render_page_or_partial
from core.submits import submit_once
from meetings import access
from meetings.models import Meeting
from meetings.presenters import selectors, services
from meetings.presenters.access import can_assign_presenters, can_write_brief
from meetings.presenters.forms import BriefForm, PresenterChoiceForm
from meetings.presenters.models import Presenter
from teams.models import User
from teams.requests import SignedInRequest

TEMPLATE = "meetings/presenters/presenters.html"


def _leading(request: SignedInRequest, pk: int) -> Meeting:
    meeting = access.meeting_or_404(request.user, pk)
    if not meeting.has_presenters:
        raise Http404
    if not can_assign_presenters(request.user, meeting):
        raise PermissionDenied
    return meeting


def _page(
    request: SignedInRequest,
    meeting: Meeting,
    *,
    assign_form: PresenterChoiceForm | None = None,
    failed: int | None = None,
    stand_in_form: PresenterChoiceForm | None = None,
) -> HttpResponse:
    proposals = selectors.proposals(meeting=meeting)
    presenters = selectors.presenters(meeting=meeting)
    return render_page_or_partial(
        request,
        TEMPLATE,
        "presenters",
        {
            "meeting": meeting,
            "presenters": presenters,
            "proposals": proposals,
            "assign_form": assign_form
            or PresenterChoiceForm(candidates=proposals, label=_("Oplægsholder")),
            "failed": failed,
            "stand_in_form": stand_in_form,
        },
    )


def _chosen(meeting: Meeting, form: PresenterChoiceForm) -> User | None:
    return selectors.caseworkers(meeting=meeting).filter(pk=form.cleaned_data["user"]).first()


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def presenters(request: SignedInRequest, pk: int) -> HttpResponse:
    """The meeting leaders assign presenters in order, from the proposals."""
    meeting = _leading(request, pk)
    if request.method == "GET":
        return _page(request, meeting)
    form = PresenterChoiceForm(
        request.POST, candidates=selectors.proposals(meeting=meeting), label=_("Oplægsholder")
    )
    user = _chosen(meeting, form) if form.is_valid() else None
    if user is not None:
        try:
            services.presenter_assign(meeting=meeting, user=user)
        except services.PresenterRefused as refused:
            form.add_error("user", str(refused))
        else:
            messages.success(request, _("%(name)s holder oplæg.") % {"name": user.display_name})
            return redirect("meetings:presenters", pk=meeting.pk)
    return _page(request, meeting, assign_form=form)


def _presenter(meeting: Meeting, presenter_pk: int) -> Presenter:
    presenter = selectors.presenter_of(meeting=meeting, pk=presenter_pk)
    if presenter is None:
        raise Http404
    return presenter


@login_required
@require_POST
def presenter_stand_in(request: SignedInRequest, pk: int, presenter_pk: int) -> HttpResponse:
    """The presenter has no example: the meeting leader picks another to stand in."""
    meeting = _leading(request, pk)
    presenter = _presenter(meeting, presenter_pk)
    form = PresenterChoiceForm(
        request.POST,
        candidates=selectors.proposals(meeting=meeting),
        label=_("Afløser for %(name)s") % {"name": presenter.user.display_name},
    )
    user = _chosen(meeting, form) if form.is_valid() else None
    if user is not None:
        try:
            services.presenter_stand_in(presenter=presenter, stand_in=user)
        except services.PresenterRefused as refused:
            form.add_error("user", str(refused))
        else:
            messages.success(
                request,
                _("%(stand_in)s holder oplægget i stedet for %(name)s.")
                % {"stand_in": user.display_name, "name": presenter.user.display_name},
            )
            return redirect("meetings:presenters", pk=meeting.pk)
    return _page(request, meeting, failed=presenter.pk, stand_in_form=form)


@login_required
@require_POST
def presenter_remove(request: SignedInRequest, pk: int, presenter_pk: int) -> HttpResponse:
    meeting = _leading(request, pk)
    presenter = _presenter(meeting, presenter_pk)
    services.presenter_remove(presenter=presenter)
    messages.success(
        request, _("%(name)s holder ikke oplæg.") % {"name": presenter.user.display_name}
    )
    return redirect("meetings:presenters", pk=meeting.pk)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def brief(request: SignedInRequest, pk: int) -> HttpResponse:
    """The presenter's own brief: what did you do, why, and the professional justification."""
    meeting = access.meeting_or_404(request.user, pk)
    presenter = selectors.own_presenter(meeting=meeting, user=request.user)
    if presenter is None:
        raise Http404
    if not can_write_brief(request.user, presenter, meeting):
        raise PermissionDenied
    form = BriefForm(
        request.POST or None,
        initial={
            "revision": presenter.revision,
            "what": presenter.what,
            "why": presenter.why,
            "justification": presenter.justification,
        },
    )
    stale = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.brief_save(
                presenter=presenter,
                revision=data["revision"],
                what=data["what"],
                why=data["why"],
                justification=data["justification"],
            )
        except services.StaleBrief as refused:
            stale = refused.current
            # What was typed stays, now based on the brief shown beside it.
            posted = request.POST.copy()
            posted["revision"] = str(stale.revision)
            form = BriefForm(posted)
            form.is_valid()
            form.add_error(None, str(refused))
        except services.PresenterRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("Dit oplæg er gemt."))
            return redirect("meetings:detail", pk=meeting.pk)
    return render_page_or_partial(
        request,
        "meetings/presenters/brief.html",
        "brief",
        {"meeting": meeting, "presenter": presenter, "form": form, "stale": stale},
    )
