"""Rollups ("opsamlinger"): the list, starting one, a rollup with its decisions and comments,
finishing it, and its PDF."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from core import submits
from core.hooks import gather
from core.pdf import pdf_download, subject_of
from learnings.access import teams_to_choose
from learnings.chooser import team_choices
from rollups import access, hooks, selectors, services
from rollups.forms import CommentForm, DecisionForm, RollupStartForm
from rollups.models import Rollup
from teams.access import visible_team_or_404
from teams.audit.services import pdf_exported
from teams.requests import SignedInRequest
from teams.selectors import led_teams, member_choices


def _detail_context(
    request: SignedInRequest,
    rollup: Rollup,
    *,
    bound: dict[int, DecisionForm] | None = None,
    comment_form: CommentForm | None = None,
) -> dict[str, Any]:
    user = request.user
    detail = selectors.rollup_detail(rollup=rollup)
    can_manage = access.can_manage_rollups(user, rollup.team)
    can_decide = can_manage and not rollup.is_finished
    if can_decide:
        owners = member_choices([rollup.team])
        for item in detail.items:
            item.form = (bound or {}).get(item.pk) or DecisionForm.for_item(item, owners=owners)
    can_comment = access.can_comment_rollup(user, rollup)
    regions, contributed = gather(hooks.rollup_page, hooks.RollupPage(user=user, rollup=rollup))
    return {
        "rollup": rollup,
        "detail": detail,
        "items": detail.items,
        "can_decide": can_decide,
        "can_manage": can_manage,
        "can_comment": can_comment,
        "can_share": access.can_share_rollup(user, rollup),
        "comment_form": comment_form or (CommentForm() if can_comment else None),
        "regions": regions,
        **contributed,
    }


@login_required
@require_GET
def rollup_list(request: SignedInRequest) -> HttpResponse:
    """Every rollup the person may read, grouped by team; leaders can start one. `?team=<slug>`
    narrows the list to one team's (404 for a team whose rollups the person does not read);
    a person who reads several teams' learning (a department leader) chooses it on the page."""
    slug = request.GET.get("team")
    chosen = access.rollup_team_or_404(request.user, slug) if slug else None
    groups: dict[int, dict[str, Any]] = {
        team.pk: {"team": team, "rollups": [], "can_start": True}
        for team in led_teams(user=request.user)
        if chosen is None or team.pk == chosen.pk
    }
    if chosen is not None:
        groups.setdefault(chosen.pk, {"team": chosen, "rollups": [], "can_start": False})
    rollups = selectors.rollups_visible_to(user=request.user)
    if chosen is not None:
        rollups = rollups.filter(team=chosen)
    for rollup in rollups[:500]:
        group = groups.setdefault(
            rollup.team_id, {"team": rollup.team, "rollups": [], "can_start": False}
        )
        group["rollups"].append(rollup)
    list_url = reverse("rollups:rollup_list")
    choices = team_choices(
        teams=teams_to_choose(request.user),
        current=chosen,
        url_for=lambda team: f"{list_url}?{urlencode({'team': team.slug})}",
        all_teams_url=list_url,
    )
    return render(
        request,
        "rollups/rollup_list.html",
        {
            "groups": sorted(groups.values(), key=lambda group: group["team"].name),
            "chosen": chosen,
            "team_choices": choices,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
@submits.submit_once
def rollup_start(request: SignedInRequest, slug: str) -> HttpResponse:
    team = visible_team_or_404(request.user, slug)
    if not access.can_manage_rollups(request.user, team):
        raise PermissionDenied
    start, end = services.default_period(team=team)
    form = RollupStartForm(
        request.POST or None, initial={"period_start": start, "period_end": end}
    )
    if request.method == "POST" and form.is_valid():
        try:
            rollup = services.rollup_start(
                team=team,
                user=request.user,
                period_start=form.cleaned_data["period_start"],
                period_end=form.cleaned_data["period_end"],
            )
        except services.RollupRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("Opsamlingen er startet. Beslut hvert punkt med teamet."))
            return redirect("rollups:rollup_detail", pk=rollup.pk)
    return render(
        request,
        "rollups/rollup_start.html",
        {
            "team": team,
            "form": form,
            "waiting": selectors.points_waiting(team=team),
            "last": selectors.last_rollup(team=team),
        },
    )


@login_required
@require_GET
def rollup_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    rollup = access.rollup_or_404(request.user, pk)
    return render(request, "rollups/rollup_detail.html", _detail_context(request, rollup))


@login_required
@require_POST
@vary_on_headers("HX-Request")
@submits.submit_once
def rollup_decide(request: SignedInRequest, pk: int, item_pk: int) -> HttpResponse:
    rollup = access.rollup_or_404(request.user, pk)
    if not access.can_manage_rollups(request.user, rollup.team):
        raise PermissionDenied
    item = selectors.item_or_404(rollup=rollup, pk=item_pk)
    owners = member_choices([rollup.team])
    posted = DecisionForm(request.POST, prefix=f"item-{item.pk}", owners=owners)
    # None once the decision is saved: the item then shows a fresh form.
    form: DecisionForm | None = posted
    saved = notice = error = ""
    if posted.is_valid():
        data = posted.cleaned_data
        try:
            decided = services.rollup_decide(
                item=item,
                user=request.user,
                decision=data["decision"],
                justification=data["justification"],
                action_title=data["action_title"],
                action_owner=data["owner"],
                action_due=data["due_date"],
                extras=posted.chosen_extras(),
            )
        except services.RollupRefused as refused:
            error = str(refused)
        else:
            saved = _("Beslutningen er gemt.")
            submits.created(request)
            notice = decided.notice
            form = None
    if not request.htmx:
        if form is None:
            messages.success(request, saved)
            if notice:
                messages.info(request, notice)
            return redirect(f"{reverse('rollups:rollup_detail', args=[rollup.pk])}#item-{item.pk}")
        if error:
            form.add_error(None, error)
        # The decision may have raced another one, or the rollup's finishing: read it again.
        rollup = access.rollup_or_404(request.user, rollup.pk)
        context = _detail_context(request, rollup, bound={item.pk: form})
        return render(request, "rollups/rollup_detail.html", context)
    rollup = access.rollup_or_404(request.user, rollup.pk)
    fresh = selectors.rollup_items(rollup=rollup, item_ids=[item.pk])[0]
    can_decide = not rollup.is_finished
    if can_decide:
        fresh.form = form or DecisionForm.for_item(fresh, owners=owners)
        if error:
            fresh.form.add_error(None, error)
    return render(
        request,
        "rollups/rollup_detail.html#item",
        {
            "rollup": rollup,
            "item": fresh,
            "can_decide": can_decide,
            "saved": saved,
            "notice": notice,
            "error": error if not can_decide else "",
        },
    )


@login_required
@require_POST
def rollup_finish(request: SignedInRequest, pk: int) -> HttpResponse:
    rollup = access.rollup_or_404(request.user, pk)
    if not access.can_manage_rollups(request.user, rollup.team):
        raise PermissionDenied
    try:
        services.rollup_finish(rollup=rollup)
    except services.RollupRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request, _("Opsamlingen er afsluttet og delt med organisationens ledere.")
        )
    return redirect("rollups:rollup_detail", pk=rollup.pk)


@login_required
@require_POST
def rollup_share(request: SignedInRequest, pk: int) -> HttpResponse:
    rollup = access.rollup_or_404(request.user, pk)
    if not access.can_manage_rollups(request.user, rollup.team):
        raise PermissionDenied
    try:
        services.rollup_share(rollup=rollup)
    except services.RollupRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("Opsamlingen er delt med organisationens andre ledere."))
    return redirect("rollups:rollup_detail", pk=rollup.pk)


@login_required
@require_POST
@submits.submit_once
def rollup_comment(request: SignedInRequest, pk: int) -> HttpResponse:
    rollup = access.rollup_or_404(request.user, pk)
    if not access.can_comment_rollup(request.user, rollup):
        raise PermissionDenied
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.rollup_comment(
                rollup=rollup, user=request.user, text=form.cleaned_data["text"]
            )
        except services.RollupRefused as refused:
            form.add_error("text", str(refused))
        else:
            messages.success(request, _("Kommentaren er gemt."))
            return redirect(f"{reverse('rollups:rollup_detail', args=[rollup.pk])}#comments")
    context = _detail_context(request, rollup, comment_form=form)
    return render(request, "rollups/rollup_detail.html", context)


def pdf_filename(rollup: Rollup) -> str:
    """E.g. "opsamling-syd-2026-03-05.pdf"."""
    return f"opsamling-{rollup.team.slug}-{rollup.period_end.isoformat()}.pdf"


@login_required
@require_GET
def rollup_pdf(request: SignedInRequest, pk: int) -> HttpResponse:
    rollup = access.rollup_or_404(request.user, pk)
    download = pdf_download(
        request,
        template_name="rollups/rollup_pdf.html",
        context={
            "rollup": rollup,
            "detail": selectors.rollup_detail(rollup=rollup),
            "printed": timezone.localdate(),
        },
        subject=subject_of(rollup),
        filename=pdf_filename(rollup),
    )
    pdf_exported(
        download=download, user=request.user, target=rollup, team=rollup.team, kind="rollup"
    )
    return download.response
