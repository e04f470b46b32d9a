"""Theme learning meetings: the organisation's backlog and proposing a theme, the working group's
order of it and its decision on the next theme meeting, the working group's page, a theme's page
with what came of its meeting, and the answers in the meeting's learning round."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from core import submits
from core.http import render_page_or_partial
from core.submits import submit_once
from meetings.access import meeting_or_404, screen_mode
from meetings.runner import work_response
from meetings.selectors import current_step
from teams.models import Organisation
from teams.requests import SignedInRequest
from thememeetings import access, rounds, selectors, services
from thememeetings.forms import (
    DecideForm,
    OutcomeForm,
    PriorityForm,
    RoundAnswerForm,
    ThemeProposeForm,
    WorkingGroupForm,
    WorkingGroupMeetingForm,
)
from thememeetings.models import Theme, ThemeStatus


@login_required
@require_GET
def home(request: SignedInRequest) -> HttpResponse:
    """The "Temamøder" menu item: the backlog of the user's one organisation, or a choice."""
    organisations = list(access.organisations_of(request.user))
    if len(organisations) == 1:
        return render(
            request, "thememeetings/backlog.html", _backlog_context(request, organisations[0])
        )
    return render(request, "thememeetings/home.html", {"organisations": organisations})


@login_required
@require_GET
def my_answers(request: SignedInRequest) -> HttpResponse:
    """The person's own answers in theme meetings' learning rounds: a page, and for the start
    page (htmx) only the list, or nothing when there are none."""
    return render_page_or_partial(
        request,
        "thememeetings/my_answers.html",
        "answers",
        {"round_answers": selectors.own_answers(user=request.user)},
    )


def _backlog_context(
    request: SignedInRequest, organisation: Organisation, **extra: Any
) -> dict[str, Any]:
    in_group = access.in_working_group(request.user, organisation)
    themes = selectors.backlog(organisation=organisation)
    forms = extra.pop("forms", {})
    if in_group:
        for theme in themes:
            if theme.status != ThemeStatus.CHOSEN:
                theme.priority_form = forms.get(theme.pk) or PriorityForm(  # type: ignore[attr-defined]
                    initial={"position": theme.position, "justification": theme.justification},
                    prefix=f"theme-{theme.pk}",
                )
    return {
        "organisation": organisation,
        "themes": themes,
        "open_count": sum(theme.status != ThemeStatus.CHOSEN for theme in themes),
        "in_group": in_group,
        **extra,
    }


@login_required
@require_GET
def backlog(request: SignedInRequest, org: int) -> HttpResponse:
    organisation = access.organisation_or_404(request.user, org)
    return render_page_or_partial(
        request, "thememeetings/backlog.html", "backlog", _backlog_context(request, organisation)
    )


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def propose(request: SignedInRequest, org: int) -> HttpResponse:
    organisation = access.organisation_or_404(request.user, org)
    form = ThemeProposeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.theme_propose(
                organisation=organisation,
                proposed_by=request.user,
                title=data["title"],
                why=data["why"],
                knowledge_needed=data["knowledge_needed"],
                source=data["source"],
            )
        except services.ThemeRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("Temaet er foreslået. Arbejdsgruppen prioriterer det."))
            return redirect("thememeetings:backlog", org=organisation.pk)
    return render_page_or_partial(
        request,
        "thememeetings/propose.html",
        "form",
        {"organisation": organisation, "form": form},
    )


@login_required
@require_POST
@vary_on_headers("HX-Request")
def prioritise(request: SignedInRequest, pk: int) -> HttpResponse:
    """The working group moves a theme up or down ("flyt"), or gives its place and
    justification; htmx gets the backlog again."""
    theme = access.theme_or_404(request.user, pk)
    organisation = theme.organisation
    if not access.in_working_group(request.user, organisation):
        raise PermissionDenied
    forms: dict[int, PriorityForm] = {}
    try:
        direction = request.POST.get("flyt")
        if direction in ("op", "ned"):
            services.theme_move(theme=theme, up=direction == "op")
        else:
            form = PriorityForm(request.POST, prefix=f"theme-{theme.pk}")
            if form.is_valid():
                services.theme_prioritise(
                    theme=theme,
                    position=form.cleaned_data["position"],
                    justification=form.cleaned_data["justification"],
                )
            else:
                forms[theme.pk] = form
    except services.ThemeRefused as refused:
        messages.error(request, str(refused))
    if not request.htmx:
        if forms:
            messages.error(request, _("Prioriteten er ikke gemt. Ret fejlen og prøv igen."))
        return redirect("thememeetings:backlog", org=organisation.pk)
    return render_page_or_partial(
        request,
        "thememeetings/backlog.html",
        "backlog",
        _backlog_context(request, organisation, forms=forms),
        status=400 if forms else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def decide(request: SignedInRequest, pk: int) -> HttpResponse:
    """The working group picks the theme and decides its meeting."""
    theme = access.theme_or_404(request.user, pk)
    if not access.in_working_group(request.user, theme.organisation):
        raise PermissionDenied
    if theme.status == ThemeStatus.CHOSEN:
        messages.info(request, _("Temaet er allerede valgt."))
        return redirect("thememeetings:detail", pk=theme.pk)
    form = DecideForm(request.POST or None, organisation=theme.organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = services.theme_decide(
                theme=theme,
                format=data["format"],
                starts_at=data["starts_at"],
                place=data["place"],
                host_team=data["host_team"],
                invited_teams=list(data["invited_teams"]),
                guests=data["guests"],
                leaders=(data["leader_1"], data["leader_2"]),
            )
        except services.ThemeRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("Temaet er valgt, og temamødet er planlagt."))
            return redirect("meetings:detail", pk=meeting.pk)
    return render_page_or_partial(
        request, "thememeetings/decide.html", "form", {"theme": theme, "form": form}
    )


def _detail_context(request: SignedInRequest, theme: Theme, **extra: Any) -> dict[str, Any]:
    context: dict[str, Any] = {
        "theme": theme,
        "organisation": theme.organisation,
        "guests": list(theme.external_guests.all()),
        "responsible": list(theme.product_responsible.order_by("first_name", "last_name")),
        "outcome_form": None,
    }
    if access.can_record_outcome(request.user, theme):
        context["outcome_form"] = OutcomeForm(
            initial={
                "product_kind": theme.product_kind,
                "responsible": context["responsible"],
                "follow_up_on": theme.follow_up_on,
            },
            organisation=theme.organisation,
        )
    return context | extra


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def detail(request: SignedInRequest, pk: int) -> HttpResponse:
    """A theme's page: what it is, what became of it, and for the meeting leaders the
    outcome of its meeting (the product and the follow-up)."""
    theme = access.theme_or_404(request.user, pk)
    if request.method == "POST":
        if not access.can_record_outcome(request.user, theme):
            raise PermissionDenied
        form = OutcomeForm(request.POST, organisation=theme.organisation)
        if form.is_valid():
            try:
                services.theme_outcome_record(
                    theme=theme,
                    user=request.user,
                    product_kind=form.cleaned_data["product_kind"],
                    responsible=list(form.cleaned_data["responsible"]),
                    follow_up_on=form.follow_up_date(),
                )
            except services.ThemeRefused as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(request, _("Produkt og opfølgning er gemt."))
                return redirect("thememeetings:detail", pk=theme.pk)
        return render_page_or_partial(
            request,
            "thememeetings/detail.html",
            "outcome",
            _detail_context(request, theme, outcome_form=form),
        )
    return render_page_or_partial(
        request, "thememeetings/detail.html", "outcome", _detail_context(request, theme)
    )


def _group_context(
    request: SignedInRequest, organisation: Organisation, **extra: Any
) -> dict[str, Any]:
    members = selectors.working_group(organisation=organisation)
    can_name = access.can_name_working_group(request.user, organisation)
    in_group = request.user.is_authenticated and any(m.pk == request.user.pk for m in members)
    context: dict[str, Any] = {
        "organisation": organisation,
        "members": members,
        "meetings": list(selectors.working_group_meetings(organisation=organisation)[:100]),
        "in_group": in_group,
        "members_form": (
            WorkingGroupForm(initial={"members": members}, organisation=organisation)
            if can_name
            else None
        ),
        "meeting_form": WorkingGroupMeetingForm() if in_group else None,
    }
    return context | extra


@login_required
@require_GET
def working_group(request: SignedInRequest, org: int) -> HttpResponse:
    organisation = access.organisation_or_404(request.user, org)
    return render_page_or_partial(
        request,
        "thememeetings/working_group.html",
        "group",
        _group_context(request, organisation),
    )


@login_required
@require_POST
def working_group_members(request: SignedInRequest, org: int) -> HttpResponse:
    organisation = access.organisation_or_404(request.user, org)
    if not access.can_name_working_group(request.user, organisation):
        raise PermissionDenied
    form = WorkingGroupForm(request.POST, organisation=organisation)
    if form.is_valid():
        try:
            services.working_group_set(
                organisation=organisation, members=list(form.cleaned_data["members"])
            )
        except services.ThemeRefused as refused:
            form.add_error("members", str(refused))
        else:
            messages.success(request, _("Arbejdsgruppen er gemt."))
            return redirect("thememeetings:working_group", org=organisation.pk)
    return render_page_or_partial(
        request,
        "thememeetings/working_group.html",
        "group",
        _group_context(request, organisation, members_form=form),
        status=400,
    )


@login_required
@require_POST
@submit_once
def working_group_meeting_add(request: SignedInRequest, org: int) -> HttpResponse:
    organisation = access.organisation_or_404(request.user, org)
    if not access.in_working_group(request.user, organisation):
        raise PermissionDenied
    form = WorkingGroupMeetingForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.working_group_meeting_add(
                organisation=organisation,
                date=data["date"],
                agenda=data["agenda"],
                notes=data["notes"],
                created_by=request.user,
            )
        except services.ThemeRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("Arbejdsgruppens møde er gemt."))
            return redirect("thememeetings:working_group", org=organisation.pk)
    return render_page_or_partial(
        request,
        "thememeetings/working_group.html",
        "group",
        _group_context(request, organisation, meeting_form=form),
        status=400,
    )


@login_required
@require_POST
@vary_on_headers("HX-Request")
@submits.submit_once
def round_answer(request: SignedInRequest, pk: int) -> HttpResponse:
    """A participant's answers in the theme meeting's learning round, from "Følg møde"."""
    meeting = meeting_or_404(request.user, pk)
    if not access.can_answer_round(request.user, meeting):
        raise PermissionDenied
    mode = screen_mode(request.user, meeting, request.POST.get("mode"))
    step = current_step(meeting=meeting)
    steps = list(meeting.steps.filter(kind=step.kind)) if step is not None else []
    if (
        not rounds.is_learning_round(step, steps)
        or not Theme.objects.filter(meeting=meeting).exists()
    ):
        return work_response(
            request, meeting, mode, work_error=_("Svarene skrives i læringsrunden.")
        )
    form = RoundAnswerForm(request.POST)
    if not form.is_valid():
        return work_response(request, meeting, mode, round_answer_form=form)
    services.round_answer_save(
        meeting=meeting,
        author=request.user,
        take_away=form.cleaned_data["take_away"],
        into_practice=form.cleaned_data["into_practice"],
    )
    submits.created(request)
    return work_response(
        request, meeting, mode, saved=_("Dine svar er gemt."), saved_form="round_answer"
    )
